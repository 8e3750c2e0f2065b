"""Backups taken while the app keeps saving (about 20 transactions a second): every one is
verified and restored, each is a consistent snapshot between the start and the end of the run,
and no file created meanwhile is plaintext or holds a canary (every file is watched)."""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

import pytest
from backup_support import PASSPHRASE, Writer, canary, table_counts
from file_watcher import FileWatcher

from supervision_journal.journal import store
from supervision_journal.vault import backup
from supervision_journal.vault.database import SQLITE_HEADER
from supervision_journal.vault.vault import Vault


def _snapshot_is_consistent(vault: Vault, session_id: int, run: str) -> int:
    """Each writer transaction edits the section to 'edit n' and adds reflection 'load n':
    in a consistent snapshot both say the same n. Returns n."""
    note = store.get_note(vault.db, session_id)
    loads = [r for r in store.list_reflections(vault.db, session_id=session_id)
             if r.text.startswith("load ")]
    text = note.sections["process"].text
    n = int(text.split()[1]) if text.startswith("edit ") else 0
    assert len(loads) == n, (len(loads), n)
    assert all(r.text.endswith(run) for r in loads)
    return n


def _backups_under_load(full_vault, tmp_path: Path, runs: int) -> None:
    vault, _, canaries = full_vault
    run = canary()  # in every transaction the writer commits
    session_id = store.list_sessions(vault.db, store.list_clients(vault.db)[0].id)[0].id
    dest, restores = tmp_path / "backups", tmp_path / "restores"
    dest.mkdir()
    restores.mkdir()
    watched = [tmp_path, Path(os.environ["TMPDIR"])]
    start = table_counts(vault.db)
    writer = Writer(vault, session_id, rate=20, tag=run)
    made: list[backup.BackupInfo] = []
    restorable, snapshots, backup_s, check_s = 0, [], [], []
    with FileWatcher(watched, [*canaries, run]) as watcher:
        writer.start()
        t_run = time.monotonic()
        for i in range(runs):
            t0 = time.monotonic()
            info = vault.backup(dest)  # rotation included, as in the app
            backup_s.append(time.monotonic() - t0)
            t0 = time.monotonic()
            problems, checked = backup.verify_backup(info.path, passphrase=PASSPHRASE)
            target = restores / f"r{i}"
            backup.restore_backup(info.path, target, passphrase=PASSPHRASE)
            with Vault.open(target, PASSPHRASE) as restored:
                found = table_counts(restored.db)
                n = _snapshot_is_consistent(restored, session_id, run)
                ok = problems == [] and restored.verify() == [] and found == info.counts
            check_s.append(time.monotonic() - t0)
            assert checked.counts == info.counts
            restorable += ok
            snapshots.append(n)
            made.append(info)
            assert writer.error is None, repr(writer.error)
        elapsed = time.monotonic() - t_run
        writer.stop()
    assert writer.error is None, repr(writer.error)
    end = table_counts(vault.db)
    report = watcher.report
    # The watcher read the backups' temporary copies and containers before they were removed
    # (their bytes also end up in the final file, which it always reads; a busy machine may
    # delay a few events past a temporary's short life, hence 95 %, not 100 %).
    temporaries = {str(dest / f".{b.path.name}{suffix}") for b in made
                   for suffix in (".export.tmp", ".tmp")}
    caught = len(temporaries & report.files_seen)
    tx_rate = writer.acked / elapsed
    print(f"\nbackup under load: {runs} backups while {writer.acked} transactions committed "
          f"({tx_rate:.1f}/s); restorable {restorable}/{runs} ({100 * restorable / runs:.0f} %); "
          f"snapshots at writer commits {snapshots[0]}..{snapshots[-1]}; "
          f"backup {statistics.median(backup_s) * 1000:.0f} ms median, "
          f"verify+restore {statistics.median(check_s) * 1000:.0f} ms median; "
          f"watcher ({report.mode}) saw {len(report.files_seen)} files ({caught}/"
          f"{len(temporaries)} backup temporaries), {report.reads} reads: "
          f"{len(report.plaintext)} plaintext, {len(report.canary_hits)} with canaries")

    assert restorable == runs
    for info in made:
        assert info.counts is not None
        for table, count in info.counts.items():
            assert start[table] <= count <= end[table], table
    # Writes really went on during the backups, and snapshots moved with them.
    assert tx_rate > 10 and snapshots[-1] > snapshots[0]
    assert snapshots == sorted(snapshots)
    assert caught >= 0.95 * len(temporaries)
    assert report.plaintext == set()
    assert report.canary_hits == set(), sorted(report.canary_hits)
    # Rotation kept only today's newest backup (all were made the same day).
    assert [b.path for b in backup.list_backups(dest)] == [made[-1].path]


def test_backups_under_load(full_vault, tmp_path: Path) -> None:
    _backups_under_load(full_vault, tmp_path, runs=20)


@pytest.mark.slow
def test_backups_under_load_long(full_vault, tmp_path: Path) -> None:
    _backups_under_load(full_vault, tmp_path, runs=100)


def test_the_watcher_catches_short_lived_leaks(tmp_path: Path) -> None:
    """The zero above means something: a plaintext database or a canary in a file that
    exists for 10 ms (the backup's own temporary files live longer), in a folder created
    during the run, is caught."""
    token = canary()
    with FileWatcher([tmp_path], [token]) as watcher:
        sub = tmp_path / "made-later"
        sub.mkdir()
        time.sleep(0.05)
        for name, data in (("plain.db", SQLITE_HEADER + b"\0" * 100),
                           ("note.tmp", f"text {token} more".encode("utf-16-le"))):
            path = sub / name
            with open(path, "wb") as fh:
                fh.write(data)
            time.sleep(0.01)
            path.unlink()
    assert {Path(p).name for p in watcher.report.plaintext} == {"plain.db"}
    assert {Path(p).name for p in watcher.report.canary_hits} == {"note.tmp"}
