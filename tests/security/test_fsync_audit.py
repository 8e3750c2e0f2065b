"""Durability on power loss, part (a) of security.md T07: every commit reaches the disk.

``kill -9`` keeps the page cache, so the kill tests cannot prove durability. This audit runs
a child under ``strace`` and counts the sync calls: SQLite in WAL mode with
``synchronous=FULL`` must sync the write-ahead log at every COMMIT, and a key-file change must
sync the new file before the rename and the folder after it (vault/atomic.py). Part (b), hard
power-offs of a virtual machine, is a manual release check (SECURITY.md).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.vaultdata import PASSPHRASE
from supervision_journal.vault import Vault

pytestmark = pytest.mark.skipif(shutil.which("strace") is None or sys.platform != "linux",
                                reason="the sync audit needs Linux and strace")

COMMITS = 40
CHILD = """
import os, sys
from datetime import date
from supervision_journal.journal import store
from supervision_journal.vault import Vault

def mark(name):  # a failing open() the trace shows: where each phase starts and ends
    try:
        os.open("/nonexistent-sj-marker/" + name, os.O_RDONLY)
    except OSError:
        pass

folder, passphrase, commits = sys.argv[1], sys.argv[2], int(sys.argv[3])
vault = Vault.open(folder, passphrase)
client = store.add_client(vault.db, "Audit")
session = store.add_session(vault.db, client.id, date(2026, 11, 2))
mark("commits-start")
for n in range(commits):
    store.save_sections(vault.db, session.id, {"presenting": f"edit {n}"})
mark("commits-end")
mark("passwd-start")
vault.change_passphrase(passphrase + " new")
mark("passwd-end")
vault.close()
"""
SYNC = re.compile(r"\b(fsync|fdatasync)\((\d+)<([^>]*)>\)\s+=\s+0")
MARK = re.compile(r'"/nonexistent-sj-marker/([a-z-]+)"')


def _phases(trace: str) -> dict[str, list[str]]:
    """The paths synced in each phase, in order."""
    phases: dict[str, list[str]] = {}
    current: str | None = None
    for line in trace.splitlines():
        marker = MARK.search(line)
        if marker:
            name, edge = marker.group(1).rsplit("-", 1)
            current = name if edge == "start" else None
            phases.setdefault(name, [])
            continue
        sync = SYNC.search(line)
        if sync and current is not None:
            phases[current].append(sync.group(3))
    return phases


@pytest.fixture
def traced(tmp_path: Path) -> tuple[Path, dict[str, list[str]]]:
    folder = tmp_path / "vault"
    vault, _code = Vault.create(folder, PASSPHRASE)
    vault.close()
    out = tmp_path / "trace.txt"
    proc = subprocess.run(
        ["strace", "-f", "-y", "-qq", "-e", "trace=fsync,fdatasync,open,openat", "-o",
         str(out), sys.executable, "-c", CHILD, str(folder), PASSPHRASE, str(COMMITS)],
        capture_output=True, text=True, env=os.environ.copy(), timeout=120)
    if proc.returncode != 0 and "ptrace" in proc.stderr.lower():
        pytest.skip(f"strace cannot trace here: {proc.stderr.strip()[:200]}")
    assert proc.returncode == 0, proc.stderr[-2000:]
    return folder.resolve(), _phases(out.read_text())


def test_every_commit_syncs_the_write_ahead_log(traced) -> None:
    folder, phases = traced
    wal = str(folder / "journal.db") + "-wal"
    synced = phases["commits"]
    assert synced.count(wal) >= COMMITS  # at least one sync of the log per COMMIT
    assert set(synced) <= {wal, str(folder / "journal.db")}  # and nothing outside the vault


def test_a_key_file_change_syncs_the_file_then_the_folder(traced) -> None:
    folder, phases = traced
    synced = phases["passwd"]
    temp_files = [p for p in synced if Path(p).parent == folder and "keys" in Path(p).name
                  and p != str(folder / "journal.keys")]
    assert temp_files, synced  # the new key file was synced under its temporary name
    last_file = max(i for i, p in enumerate(synced) if p in temp_files)
    assert str(folder) in synced[last_file + 1:], synced  # then the rename, via the folder
