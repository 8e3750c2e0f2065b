"""kill -9 at a random moment while backups are being written: a file at a final
``journal-backup-*.sjbk`` name is always complete, temporary files are never listed as backups,
and the next backup clears the stale ones a killed run left behind."""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from backup_support import PASSPHRASE, folder_state

from supervision_journal.errors import KnownError
from supervision_journal.vault import backup
from supervision_journal.vault.vault import Vault

CHILD = Path(__file__).with_name("backup_child.py")
FINAL = re.compile(r"^journal-backup-\d{8}-\d{6}-[0-9a-f]{4}\.sjbk$")


def _kill_one(vault_dir: Path, dest: Path, rng: random.Random) -> bool:
    """Start the child, let it back up for a random time, SIGKILL it. True if the kill
    landed inside a backup (a START without its DONE)."""
    # One pipe, read through the same buffered reader: what readline() read ahead counts too.
    with subprocess.Popen([sys.executable, str(CHILD), str(vault_dir), str(dest), PASSPHRASE],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) as proc:
        assert proc.stdout is not None
        try:
            ready = proc.stdout.readline()
            assert ready.strip() == "READY", ready
            time.sleep(rng.uniform(0.0, 0.4))
        finally:
            proc.send_signal(signal.SIGKILL)
            out = proc.stdout.read()
            proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, out
    assert "Traceback" not in out, out
    starts, dones = out.count("START"), out.count("DONE")
    assert starts - dones in (0, 1), out
    return starts > dones


def _check_final_names(dest: Path) -> int:
    """Every file at a final name is a whole, self-consistent backup; returns their count."""
    count = 0
    for entry in dest.iterdir():
        if FINAL.match(entry.name):
            count += 1
            assert entry.stat().st_size > 0, entry.name
            backup._read_payload(entry)  # magic, header, size and SHA-256 of the payload
            backup.read_info(entry)
    return count


def _kill_during_backups(full_vault, tmp_path: Path, runs: int) -> None:
    vault, _, _ = full_vault
    vault.close()  # the child opens it, as the app would
    dest = tmp_path / "backups"
    dest.mkdir()
    rng = random.Random(int.from_bytes(os.urandom(4)))
    mid_backup = 0
    max_leftovers = 0
    for i in range(runs):
        mid_backup += _kill_one(vault.paths.folder, dest, rng)
        finals = _check_final_names(dest)
        listed = backup.list_backups(dest)
        assert len(listed) == finals
        assert all(FINAL.match(b.path.name) for b in listed)
        leftovers = [p.name for p in dest.iterdir() if not FINAL.match(p.name)]
        max_leftovers = max(max_leftovers, len(leftovers))
        if i % 10 == 0 and listed:  # now and then, the full check of the newest
            assert backup.verify_backup(listed[0].path, passphrase=PASSPHRASE)[0] == []
    # A leftover older than a minute is a dead run's: the next backup removes it; a fresh one
    # may be another process's backup in progress and is left alone.
    stale = [p for p in dest.iterdir() if not FINAL.match(p.name)]
    old = time.time() - 120
    for p in stale:
        os.utime(p, (old, old))
    fresh = dest / ".journal-backup-20990101-000000-abcd.sjbk.tmp"
    fresh.write_bytes(b"in progress elsewhere")
    unrelated = dest / "notes.txt"
    unrelated.write_bytes(b"not ours")
    os.utime(unrelated, (old, old))
    with Vault.open(vault.paths.folder, PASSPHRASE) as reopened:
        assert reopened.verify() == []
        reopened.backup(dest)
    remaining = sorted(p.name for p in dest.iterdir() if not FINAL.match(p.name))
    assert remaining == sorted([fresh.name, unrelated.name])
    print(f"\nkill -9 during backups: {runs} kills, {mid_backup} inside a backup; partial or "
          f"empty files at a final name: 0; temporary files listed as backups: 0; at most "
          f"{max_leftovers} leftover temporary files, {len(stale)} before the next backup "
          "removed them")
    assert mid_backup > runs // 2  # the kills really hit backups in progress


def test_kill_during_backup(full_vault, tmp_path: Path) -> None:
    _kill_during_backups(full_vault, tmp_path, runs=20)


@pytest.mark.slow
def test_kill_during_backup_long(full_vault, tmp_path: Path) -> None:
    _kill_during_backups(full_vault, tmp_path, runs=200)


def test_a_temporary_file_is_never_mistaken_for_a_backup(full_vault, tmp_path: Path) -> None:
    vault, _, _ = full_vault
    dest = tmp_path / "backups"
    info = vault.backup(dest)
    data = info.path.read_bytes()
    state = folder_state(dest)
    # What a kill leaves: the container half written under its temporary name.
    partial = dest / f".{info.path.name.replace('-', '_')}.tmp"
    partial.write_bytes(data[: len(data) // 2])
    assert [b.path for b in backup.list_backups(dest)] == [info.path]
    with pytest.raises(KnownError):
        backup.verify_backup(partial, passphrase=PASSPHRASE)
    partial.unlink()
    assert folder_state(dest) == state


def test_a_restore_clears_what_a_killed_restore_left(full_vault, tmp_path: Path) -> None:
    vault, _, _ = full_vault
    info = vault.backup(tmp_path / "backups")
    vault.close()
    folder = vault.paths.folder
    old = time.time() - 120
    dead = [folder / ".restore-0badf00d.tmp", folder / ".restore-0badf00d.tmp-wal"]
    for p in dead:
        p.write_bytes(b"ciphertext of a killed restore")
        os.utime(p, (old, old))
    young = folder / ".restore-12345678.tmp"
    young.write_bytes(b"a restore running right now")
    backup.restore_backup(info.path, folder, passphrase=PASSPHRASE)
    assert not any(p.exists() for p in dead)
    assert young.exists()
