"""A child process for the kill -9 tests: it does one vault job and announces where it is.

Run as ``python vault_child.py <mode> <folder> <args…>`` with the parent's environment (so the
fast test KDF stays enabled). It writes one line per event to stdout, flushed at once, so the
parent knows what has happened before it sends SIGKILL:

* ``passwd <folder> <old> <new> <phase>``: change the passphrase and stop (sleep until killed)
  at ``phase``: ``derive`` (new key derived, nothing written), ``write`` (half of the temporary
  key file written), ``fsync`` (temporary file complete, not yet renamed), ``replace`` (renamed,
  folder not yet synced) or ``done`` (change_passphrase returned). Prints ``HOLD <phase>``.
* ``rotate <folder> <passphrase> [hold]``: prints ``OPEN``, then rotates the database key,
  printing ``SAVED`` after each key-file write and ``DONE`` at the end. With ``hold`` =
  ``staged`` | ``rekeyed`` | ``promoted`` it stops at that step (``HOLD <step>``).
* ``writer <folder> <passphrase> <session_id>``: prints ``READY``, then commits transactions
  (one section edit + one reflection + its approval) forever, printing ``ACK <n> <id>`` only
  after each COMMIT has returned.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any


def hold(phase: str) -> None:
    print(f"HOLD {phase}", flush=True)
    while True:  # the parent sends SIGKILL
        time.sleep(60)


class _OsProxy:
    """Stands in for the ``os`` module inside vault/atomic.py to stop at a chosen step."""

    def __init__(self, phase: str) -> None:
        self._phase = phase

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)

    def write(self, fd: int, data: Any) -> int:
        if self._phase == "write":
            half = bytes(data)[: max(1, len(data) // 2)]
            os.write(fd, half)
            os.fsync(fd)
            hold("write")
        return os.write(fd, data)

    def fsync(self, fd: int) -> None:
        os.fsync(fd)
        if self._phase == "fsync":
            hold("fsync")

    def replace(self, src: Any, dst: Any) -> None:
        os.replace(src, dst)
        if self._phase == "replace":
            hold("replace")


def passwd(folder: str, old: str, new: str, phase: str) -> None:
    from supervision_journal.vault import atomic, keys
    from supervision_journal.vault.vault import Vault

    vault = Vault.open(folder, old)
    if phase == "derive":
        real = keys.derive_argon2

        def derive_then_hold(*args: Any, **kwargs: Any) -> bytes:
            real(*args, **kwargs)
            hold("derive")
            raise AssertionError("unreachable")

        keys.derive_argon2 = derive_then_hold
    elif phase in ("write", "fsync", "replace"):
        atomic.os = _OsProxy(phase)  # type: ignore[assignment]
    vault.change_passphrase(new)
    hold("done")


def rotate(folder: str, passphrase: str, stop: str | None) -> None:
    from supervision_journal.vault import keys
    from supervision_journal.vault.vault import Vault

    vault = Vault.open(folder, passphrase)
    real_save = keys.KeyFile.save
    saves = 0

    def save_and_report(self: keys.KeyFile, path: Any) -> None:
        nonlocal saves
        real_save(self, path)
        saves += 1
        print("SAVED", flush=True)
        if stop == "staged" and saves == 1:
            hold("staged")
        if stop == "promoted" and saves == 2:
            hold("promoted")

    keys.KeyFile.save = save_and_report  # type: ignore[method-assign]
    if stop == "rekeyed":
        real_promoted = keys.KeyFile.promoted

        def hold_before_promote(self: keys.KeyFile) -> keys.KeyFile:
            hold("rekeyed")
            return real_promoted(self)

        keys.KeyFile.promoted = hold_before_promote  # type: ignore[method-assign]
    print("OPEN", flush=True)
    vault.rotate_key(passphrase)
    print("DONE", flush=True)
    vault.close()


def writer(folder: str, passphrase: str, session_id: int) -> None:
    from supervision_journal.journal import store
    from supervision_journal.vault.vault import Vault

    vault = Vault.open(folder, passphrase)
    db = vault.db
    print("READY", flush=True)
    n = 0
    while True:
        n += 1
        with db.transaction():
            store.save_section(db, session_id, "process", f"edit {n}")
            reflection = store.add_reflection(db, f"reflection {n}", session_id=session_id)
            store.approve_reflection(db, reflection.id)
        # Only now is the transaction durable: the parent's oracle is this line.
        print(f"ACK {n} {reflection.id}", flush=True)


def main(argv: list[str]) -> None:
    mode, folder, *args = argv
    if mode == "passwd":
        passwd(folder, args[0], args[1], args[2])
    elif mode == "rotate":
        rotate(folder, args[0], args[1] if len(args) > 1 else None)
    elif mode == "writer":
        writer(folder, args[0], int(args[1]))
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv[1:])
