"""An erasure killed at a random moment (SIGKILL; 5 runs in the default suite, 24 with
``-m slow``) leaves everything or nothing: the client's records, the redacted supervision text
and the audit row change together, and a kill after COMMIT loses nothing."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from helpers.canaries import PASSPHRASE, add_canary_client, fill_other_data
from supervision_journal.export import store as export_store
from supervision_journal.journal import store
from supervision_journal.privacy import store as privacy_store
from supervision_journal.privacy.models import ErasureCounts
from supervision_journal.vault import Vault
from supervision_journal.vault.database import integrity_problems

CHILD = Path(__file__).with_name("erase_child.py")
RUNS = 24

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")


def _spawn(folder: Path, pseudonym: str) -> subprocess.Popen[str]:
    # stderr goes to a file and stdout is read only through proc.stdout: communicate() would
    # read the pipe's file descriptor directly and lose lines readline() already buffered.
    errors = (folder.parent / f"{folder.name}.stderr").open("w")
    proc = subprocess.Popen([sys.executable, str(CHILD), str(folder), PASSPHRASE, pseudonym],
                            stdout=subprocess.PIPE, stderr=errors, text=True,
                            env=dict(os.environ))
    errors.close()
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    assert line == "READY", (line, (folder.parent / f"{folder.name}.stderr").read_text())
    return proc


def _finish(proc: subprocess.Popen[str]) -> str:
    assert proc.stdout is not None
    rest = proc.stdout.read()
    proc.stdout.close()
    proc.wait(timeout=60)
    return rest


def _state(folder: Path, client_id: int, supervision_id: int) -> tuple[ErasureCounts, bool,
                                                                       str, int, dict]:
    vault = Vault.open(folder, PASSPHRASE)
    try:
        db = vault.db
        counts = privacy_store.client_counts(db, client_id)
        exists = any(c.id == client_id for c in store.list_clients(db))
        learning = store.get_supervision(db, supervision_id).learning
        audits = sum(1 for row in export_store.list_audit(db) if row.kind == "erasure")
        others = {c.pseudonym: privacy_store.client_counts(db, c.id)
                  for c in store.list_clients(db) if c.id != client_id}
        problems = integrity_problems(vault.paths.db, vault._dek)
        assert problems == []
        return counts, exists, learning, audits, others
    finally:
        vault.close()


@pytest.mark.parametrize("runs", [pytest.param(5, id="quick"),
                                  pytest.param(RUNS, id="full", marks=pytest.mark.slow)])
def test_erasure_killed_midway_is_all_or_nothing(tmp_path: Path, runs: int) -> None:
    master = tmp_path / "master"
    vault, _ = Vault.create(master, PASSPHRASE)
    db = vault.db
    # Enough rows that the transaction takes a while and a kill lands inside it.
    target = add_canary_client(db, sessions=60, words=200, seed=11)
    other = add_canary_client(db, sessions=5, seed=12, start=date(2024, 2, 1))
    fill_other_data(db)
    sup = store.add_supervision(db, "2024-05-02", "Sup", "individual", 60,
                                cases=[target.pseudonym, other.pseudonym],
                                learning=f"{target.identity[0]} and {other.pseudonym}")
    client_id = target.client.id
    vault.close()
    before = _state(master, client_id, sup.id)
    assert before[0].sessions == 60 and before[1] and before[3] == 0

    # One full run, not killed: how long does the erasure take?
    timing = tmp_path / "timing"
    shutil.copytree(master, timing)
    proc = _spawn(timing, target.pseudonym)
    out = _finish(proc)
    assert proc.returncode == 0, (tmp_path / "timing.stderr").read_text()
    duration = float(out.split("DONE")[1])
    after = _state(timing, client_id, sup.id)
    assert after[0] == ErasureCounts() and not after[1] and after[3] == 1

    rng = random.Random(int(os.environ.get("ERASURE_KILL_SEED", "20250601")))
    delays = [i / (runs - 1) * duration * 1.3 for i in range(runs)]
    rng.shuffle(delays)
    landed = {"before_tx": 0, "rolled_back": 0, "committed": 0}
    for run, delay in enumerate(delays):
        folder = tmp_path / f"run{run}"
        shutil.copytree(master, folder)
        proc = _spawn(folder, target.pseudonym)
        time.sleep(delay * rng.uniform(0.8, 1.2))
        proc.send_signal(signal.SIGKILL)
        out = _finish(proc)
        state = _state(folder, client_id, sup.id)
        assert state[4] == before[4], f"run {run}: another client changed"
        assert state in (before, after), f"run {run} (delay {delay:.3f}s): partial erasure"
        if "COMMITTED" in out:
            assert state == after, f"run {run}: a committed erasure was lost"
        elif "IN_TX" not in out:
            assert state == before, f"run {run}: changed before the transaction began"
        # Between IN_TX and COMMITTED either is right: COMMIT may return just before the kill.
        key = ("before_tx" if "IN_TX" not in out else
               "rolled_back" if state == before else "committed")
        landed[key] += 1
        shutil.rmtree(folder)
    print(f"erasure {duration:.3f}s; kills {landed}")  # shown with -rP
    if runs >= RUNS:  # the delays span the whole erasure: some kills land mid-transaction
        assert landed["rolled_back"] >= 1, landed
