"""SIGKILL at the worst moments (security.md T06, T14, T15): a child process does the work,
the parent kills it, then reopens the vault. Never a lockout, never a corrupt database, never
a lost acknowledged commit.

The children run tests/helpers/vault_child.py with this process's environment, so the fast
test KDF stays enabled. SIGKILL keeps the OS page cache: this proves crash consistency of our
write order, not durability on power loss (that is T07).
"""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from helpers import vaultdata
from helpers.vaultdata import PASSPHRASE
from supervision_journal.errors import WrongPassphrase
from supervision_journal.hours import store as hours_store
from supervision_journal.journal import store
from supervision_journal.vault import Vault, keys

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")

CHILD = Path(__file__).resolve().parents[1] / "helpers" / "vault_child.py"
NEW_PASSPHRASE = "a completely different passphrase"


class Child:
    """A vault_child.py process whose stdout lines are read as they come."""

    def __init__(self, *args: str, script: str | None = None) -> None:
        command = ["-c", script, *args] if script is not None else [str(CHILD), *args]
        self.proc = subprocess.Popen([sys.executable, *command],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     env=os.environ.copy(), text=True, bufsize=1)
        self.lines: list[str] = []

    def expect(self, prefix: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        assert self.proc.stdout is not None
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                self.proc.wait()
                raise AssertionError(f"child ended before '{prefix}': {self.stderr()}")
            self.lines.append(line.rstrip("\n"))
            if line.startswith(prefix):
                return line.strip()
        raise AssertionError(f"child did not reach '{prefix}' in {timeout} s")

    def kill(self) -> list[str]:
        """SIGKILL, then every complete line the child had written before dying."""
        self.proc.send_signal(signal.SIGKILL)
        assert self.proc.stdout is not None
        # Read through the same buffered reader as expect(): communicate() reads the pipe's
        # descriptor and would miss lines readline() had already read ahead (seen under load:
        # three ACKs lost, so three commits looked unacknowledged).
        out = self.proc.stdout.read()  # up to EOF: the dead child's end of the pipe is closed
        self.proc.wait(timeout=30)
        complete = out.split("\n")[:-1]  # a line cut by the kill has no newline
        self.lines += complete
        return self.lines

    def stderr(self) -> str:
        assert self.proc.stderr is not None
        return self.proc.stderr.read()[-2000:]

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.communicate(timeout=30)


def test_the_harness_keeps_lines_read_ahead_before_the_kill() -> None:
    # All three lines arrive in one write: readline() for READY reads the ACKs ahead too.
    child = Child(script="import sys, time\n"
                         "sys.stdout.write('READY\\nACK 1 1\\nACK 2 2\\n'); sys.stdout.flush()\n"
                         "time.sleep(60)")
    try:
        assert child.expect("READY") == "READY"
        time.sleep(0.2)  # the ACKs are in the parent's buffer, none in the pipe
        assert child.kill() == ["READY", "ACK 1 1", "ACK 2 2"]
    finally:
        child.close()


def _copy(template: Path, dest: Path) -> Path:
    shutil.copytree(template, dest)
    return dest


def _orphans(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(".tmp")]


# -- T14: passphrase change -------------------------------------------------------------------

@pytest.fixture(scope="module")
def small_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("small") / "vault"
    vault, _ = Vault.create(folder, PASSPHRASE)
    client = store.add_client(vault.db, "Kept")
    store.add_session(vault.db, client.id, "2025-01-02", sections={"process": "base"})
    vault.close()
    return folder


EXPECTED = {"derive": "old", "write": "old", "fsync": "old", "replace": "new", "done": "new"}


def _passwd_runs(small_vault: Path, workdir: Path, repeats: int) -> None:
    outcomes: Counter[tuple[str, str]] = Counter()
    lockouts = both = orphans = 0
    for run in range(repeats):
        for phase, expected in EXPECTED.items():
            folder = _copy(small_vault, workdir / f"{phase}-{run}")
            child = Child("passwd", str(folder), PASSPHRASE, NEW_PASSPHRASE, phase)
            try:
                child.expect(f"HOLD {phase}")
                child.kill()
            finally:
                child.close()
            # The key file at its final name is always complete and parses.
            keyfile = keys.load_keyfile(folder / "journal.keys")
            opens = []
            for label, secret in (("old", PASSPHRASE), ("new", NEW_PASSPHRASE)):
                try:
                    keys.unlock_passphrase(keyfile, secret)
                    opens.append(label)
                except WrongPassphrase:
                    pass
            lockouts += not opens
            both += len(opens) == 2
            outcome = opens[0] if len(opens) == 1 else "+".join(opens) or "none"
            outcomes[(phase, outcome)] += 1
            orphans += len(_orphans(folder))
            assert opens == [expected], f"kill at '{phase}': opened with {opens}"
            with Vault.open(folder, PASSPHRASE if expected == "old" else NEW_PASSPHRASE) as v:
                assert store.find_client(v.db, "Kept") is not None
                assert v.verify() == []
            shutil.rmtree(folder)
    runs = repeats * len(EXPECTED)
    table = ", ".join(f"{p}->{o}: {n}" for (p, o), n in sorted(outcomes.items()))
    print(f"\nT14 passphrase change killed at each step: {runs} runs; {table}; lockouts "
          f"{lockouts}; both open {both}; orphan temp key files left {orphans} (harmless)")
    assert lockouts == 0 and both == 0


def test_kill_during_passphrase_change(small_vault: Path, tmp_path: Path) -> None:
    _passwd_runs(small_vault, tmp_path, repeats=3)


@pytest.mark.slow
def test_kill_during_passphrase_change_long(small_vault: Path, tmp_path: Path) -> None:
    _passwd_runs(small_vault, tmp_path, repeats=100)


# -- T15: key rotation ----------------------------------------------------------------------------

@dataclass(frozen=True)
class BigVault:
    folder: Path
    rows: dict[str, list[tuple[Any, ...]]]
    rotate_seconds: float


@pytest.fixture(scope="module")
def big_vault(tmp_path_factory: pytest.TempPathFactory) -> BigVault:
    root = tmp_path_factory.mktemp("big")
    folder = root / "vault"
    vault, _ = Vault.create(folder, PASSPHRASE)
    vaultdata.fill(vault.db)
    activity = hours_store.add_activity(vault.db, "training", "2025-04-04", 120, title="Course")
    hours_store.add_evidence(vault.db, activity.id, "scan.pdf", "application/pdf",
                             random.Random(15).randbytes(3 * 1024 * 1024))
    rows = vaultdata.dump(vault.db)
    vault.close()
    # How long a whole rotation takes here, from OPEN to DONE, so kills spread over all of it.
    probe = _copy(folder, root / "probe")
    child = Child("rotate", str(probe), PASSPHRASE)
    try:
        child.expect("OPEN")
        started = time.perf_counter()
        child.expect("DONE")
        seconds = time.perf_counter() - started
    finally:
        child.close()
    return BigVault(folder, rows, seconds)


def _check_after_kill(big: BigVault, folder: Path) -> float:
    started = time.perf_counter()
    with Vault.open(folder, PASSPHRASE) as vault:
        seconds = time.perf_counter() - started
        assert vault.keyfile.pending is None, "the interrupted rotation was not settled"
        assert vault.verify() == []
        assert vaultdata.dump(vault.db) == big.rows
    assert keys.load_keyfile(folder / "journal.keys").pending is None
    return seconds


def _stage(lines: list[str]) -> str:
    if "DONE" in lines:
        return "done"
    return ("before staging", "staged (rekey running or done)", "promoted")[
        min(lines.count("SAVED"), 2)]


def _rotation_runs(big: BigVault, workdir: Path, runs: int, seed: int) -> None:
    rng = random.Random(seed)
    stages: Counter[str] = Counter()
    max_reopen = 0.0
    # Deterministic stops between the steps, then kills at uniform random times.
    plan: list[str | None] = ["staged", "rekeyed", "promoted"] + [None] * runs
    for i, hold in enumerate(plan):
        folder = _copy(big.folder, workdir / f"rot-{i}")
        child = Child("rotate", str(folder), PASSPHRASE, *([hold] if hold else []))
        try:
            child.expect("OPEN")
            if hold:
                child.expect(f"HOLD {hold}")
                stage = f"held at {hold}"
            else:
                time.sleep(rng.uniform(0, big.rotate_seconds))
                stage = ""
            lines = child.kill()
        finally:
            child.close()
        stages[stage or _stage(lines)] += 1
        max_reopen = max(max_reopen, _check_after_kill(big, folder))
        shutil.rmtree(folder)
    size_mb = (big.folder / "journal.db").stat().st_size / 1e6
    table = ", ".join(f"{k}: {v}" for k, v in sorted(stages.items()))
    print(f"\nT15 key rotation killed: {len(plan)} runs on a {size_mb:.1f} MB vault (rotation "
          f"takes {big.rotate_seconds * 1000:.0f} ms); kill landed: {table}; corrupted 0, "
          f"lockouts 0, data changed 0; max reopen+settle {max_reopen * 1000:.0f} ms")


def test_kill_during_key_rotation(big_vault: BigVault, tmp_path: Path) -> None:
    _rotation_runs(big_vault, tmp_path, runs=20, seed=15)


@pytest.mark.slow
def test_kill_during_key_rotation_long(big_vault: BigVault, tmp_path: Path) -> None:
    _rotation_runs(big_vault, tmp_path, runs=200, seed=150)


# -- T06: acknowledged commits survive ----------------------------------------------------------

_ACK = re.compile(r"^ACK (\d+) (\d+)$")


def _writer_runs(small_vault: Path, workdir: Path, runs: int, seed: int) -> None:
    rng = random.Random(seed)
    session_id = 1
    corrupted = lost = acked_total = 0
    max_reopen = 0.0
    for i in range(runs):
        folder = _copy(small_vault, workdir / f"w-{i}")
        child = Child("writer", str(folder), PASSPHRASE, str(session_id))
        try:
            child.expect("READY")
            time.sleep(rng.uniform(0, 0.4))
            lines = child.kill()
        finally:
            child.close()
        acks = [(int(m.group(1)), int(m.group(2))) for m in map(_ACK.match, lines) if m]
        acked_total += len(acks)
        started = time.perf_counter()
        with Vault.open(folder, PASSPHRASE) as vault:
            max_reopen = max(max_reopen, time.perf_counter() - started)
            problems = vault.verify()
            corrupted += bool(problems)
            present = {r.id: r for r in store.list_reflections(vault.db)}
            for n, reflection_id in acks:
                kept = present.get(reflection_id)
                if kept is None or kept.text != f"reflection {n}" or kept.approval != "approved":
                    lost += 1
            last = max((n for n, _ in acks), default=0)
            text = store.get_note(vault.db, session_id).text("process")
            # The newest edit is the last acknowledged one, or one committed just before the
            # kill and never acknowledged.
            assert text in (f"edit {last}", f"edit {last + 1}") or (last == 0 and text == "base")
            assert len(present) in (len(acks), len(acks) + 1)
        shutil.rmtree(folder)
    print(f"\nT06 writer killed at random: {runs} runs, {acked_total} acknowledged commits; "
          f"corrupted databases {corrupted}; acknowledged commits lost {lost}; "
          f"max reopen {max_reopen * 1000:.0f} ms")
    assert corrupted == 0 and lost == 0
    assert acked_total > runs  # the kills did land while commits were flowing


def test_kill_a_writer_at_random(small_vault: Path, tmp_path: Path) -> None:
    _writer_runs(small_vault, tmp_path, runs=30, seed=6)


@pytest.mark.slow
def test_kill_a_writer_at_random_long(small_vault: Path, tmp_path: Path) -> None:
    _writer_runs(small_vault, tmp_path, runs=300, seed=60)
