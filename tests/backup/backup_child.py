"""A child process for the kill -9 tests: opens a vault and makes backups in a loop, saying
where it is, until the parent kills it.

Run as ``python backup_child.py <vault folder> <backup folder> <passphrase>`` with the parent's
environment (so the fast test KDF stays enabled). Prints ``READY`` once the vault is open, then
``START <n>`` before and ``DONE <n> <file name>`` after each backup (rotation included), each
line flushed at once.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main(folder: str, dest: str, passphrase: str) -> None:
    from supervision_journal.vault.vault import Vault

    vault = Vault.open(folder, passphrase)
    print("READY", flush=True)
    n = 0
    while True:
        n += 1
        print(f"START {n}", flush=True)
        info = vault.backup(Path(dest))
        print(f"DONE {n} {info.path.name}", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:4])
