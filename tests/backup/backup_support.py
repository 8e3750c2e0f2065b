"""Helpers for the backup tests: a vault full of canaries, folder snapshots, a writer thread,
and a small tmpfs for disk-full runs (the leak watcher is in file_watcher.py).
"""

from __future__ import annotations

import contextlib
import hashlib
import random
import secrets
import shutil
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from supervision_journal.hours import store as hours_store
from supervision_journal.journal import store
from supervision_journal.journal.models import STANDARD_SECTIONS, Identity, IdentityTerm
from supervision_journal.vault.database import Database
from supervision_journal.vault.vault import Vault

PASSPHRASE = "correct horse battery staple"
_WORDS = ("felt", "anger", "mother", "silence", "rupture", "repair", "boundary", "shame",
          "hope", "dream", "grief", "ending", "pattern", "noticed", "talked", "about")


def canary() -> str:
    return f"ZQX-{secrets.token_hex(6)}"


def populate(db: Database, *, clients: int = 4, sessions: int = 6, seed: int = 7,
             evidence_bytes: int = 20_000) -> list[str]:
    """Rows in every counted table, each free-text field carrying its own canary; returns the
    canaries (the strings that must never appear in clear outside the vault)."""
    rng = random.Random(seed)
    planted: list[str] = []

    def c() -> str:
        planted.append(canary())
        return planted[-1]

    with db.transaction():  # one commit (one fsync) instead of a hundred
        _populate(db, c, rng, clients, sessions, evidence_bytes)
    return planted


def _populate(db: Database, c: Callable[[], str], rng: random.Random, clients: int,
              sessions: int, evidence_bytes: int) -> None:
    pseudonyms = []
    for i in range(clients):
        client = store.add_client(db, f"Client {i} {c()}", started_on="2025-01-10", tags=[c()])
        pseudonyms.append(client.pseudonym)
        store.set_identity(db, client.id, Identity(
            full_name=f"{c()} Fullname", aliases=(c(),),
            identifiers=(IdentityTerm(c(), "identifier", "town"),)))
        for j in range(sessions):
            texts = {k: f"{c()} " + " ".join(rng.choice(_WORDS) for _ in range(60))
                     for k in STANDARD_SECTIONS[:5]}
            session = store.add_session(db, client.id, f"2025-{1 + j:02d}-{1 + i:02d}",
                                        sections=texts)
            store.approve_section(db, session.id, "process")
            reflection = store.add_reflection(db, f"reflection {c()}", session_id=session.id)
            store.approve_reflection(db, reflection.id)
    store.add_supervision(db, "2025-02-12", f"supervisor {c()}", "individual", 60,
                          cases=pseudonyms[:1], learning=f"learned {c()}")
    activity = hours_store.add_activity(db, "training", "2025-03-01", 180, title=f"t {c()}")
    hours_store.add_evidence(db, activity.id, f"{c()}.txt", "text/plain",
                             f"certificate {c()} ".encode() + rng.randbytes(evidence_bytes))


def folder_state(folder: Path) -> dict[str, str]:
    """Relative path → SHA-256 of every file under ``folder`` (what 'nothing changed' means)."""
    out: dict[str, str] = {}
    if not folder.exists():
        return out
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            out[str(path.relative_to(folder))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def table_counts(db: Database) -> dict[str, int]:
    """Row counts read independently of the backup module's own counting."""
    names = ("client", "identity_term", "session", "section", "approval", "reflection",
             "supervision_session", "activity", "evidence")
    return {n: int(db.scalar(f"SELECT count(*) FROM {n}")) for n in names}


# -- a writer that keeps committing --------------------------------------------------------

class Writer(threading.Thread):
    """Commits one transaction (section 'process' set to 'edit n <tag>', reflection
    'load n <tag>' and its approval) about ``rate`` times a second on ``vault.db`` until
    stopped, like the app's GUI thread saving while a backup runs on a worker. ``acked``
    counts the commits that returned."""

    def __init__(self, vault: Vault, session_id: int, *, rate: float, tag: str) -> None:
        super().__init__(daemon=True)
        self.vault = vault
        self.session_id = session_id
        self.period = 1.0 / rate
        self.tag = tag
        self.acked = 0
        self.error: BaseException | None = None
        self._stop_event = threading.Event()

    def run(self) -> None:
        db = self.vault.db
        next_at = time.monotonic()
        try:
            while not self._stop_event.is_set():
                n = self.acked + 1
                with db.transaction():
                    store.save_section(db, self.session_id, "process", f"edit {n} {self.tag}")
                    r = store.add_reflection(db, f"load {n} {self.tag}",
                                             session_id=self.session_id)
                    store.approve_reflection(db, r.id)
                self.acked = n
                # Paced by deadline, so slow commits do not lower the rate.
                next_at += self.period
                self._stop_event.wait(max(0.0, next_at - time.monotonic()))
        except BaseException as exc:  # reported by the test
            self.error = exc

    def stop(self) -> None:
        self._stop_event.set()
        self.join(30)


# -- a small filesystem that fills up -------------------------------------------------------

@contextlib.contextmanager
def small_tmpfs(where: Path, size: str) -> Iterator[Path]:
    """Mount a tmpfs of ``size`` at ``where``; skips the test when mounting is not allowed."""
    where.mkdir(parents=True, exist_ok=True)
    if shutil.which("mount") is None:
        pytest.skip("disk-full tests need the 'mount' command (Linux)")
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs",
                           str(where)], capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        pytest.skip("disk-full tests mount a small tmpfs, which needs root (or CAP_SYS_ADMIN) "
                    f"and was refused here: {proc.stderr.strip() or proc.returncode}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)


def fill_disk(folder: Path, leave: int) -> Path:
    """Write a filler file until only about ``leave`` bytes remain free on ``folder``'s disk."""
    free = shutil.disk_usage(folder).free
    filler = folder / "filler.bin"
    with open(filler, "wb") as fh:
        fh.write(b"\0" * max(0, free - leave))
    return filler
