"""Child process of the kill test: opens a vault, says READY, erases one client, says DONE.

Run as ``python erase_child.py <folder> <passphrase> <pseudonym>`` with the parent's
environment (so the fast test KDF stays enabled). The parent sends SIGKILL at a random moment
after READY. On the way the child prints ``IN_TX`` once the erasure's transaction has begun and
``COMMITTED`` once it has committed (just before the VACUUM), so the parent knows where
each kill landed; ``DONE <seconds>`` reports how long the erasure took when it is not killed.
"""

from __future__ import annotations

import sys
import time
from typing import Any


def main(folder: str, passphrase: str, pseudonym: str) -> None:
    from supervision_journal.journal import store
    from supervision_journal.privacy import erasure
    from supervision_journal.privacy import store as privacy_store
    from supervision_journal.vault.vault import Vault

    first_step = privacy_store.fast_fts_deletes  # the first statement inside the transaction
    compact = privacy_store.compact  # runs right after COMMIT returned

    def announce_begin(db: Any) -> Any:
        print("IN_TX", flush=True)
        return first_step(db)

    def announce_commit(db: Any) -> Any:
        print("COMMITTED", flush=True)
        return compact(db)

    privacy_store.fast_fts_deletes = announce_begin
    privacy_store.compact = announce_commit

    vault = Vault.open(folder, passphrase)
    client = store.find_client(vault.db, pseudonym)
    assert client is not None
    print("READY", flush=True)
    started = time.perf_counter()
    erasure.erase_client(vault.db, client.id, pseudonym)
    print(f"DONE {time.perf_counter() - started:.4f}", flush=True)
    vault.close()


if __name__ == "__main__":
    main(*sys.argv[1:4])
