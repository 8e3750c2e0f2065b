"""Nothing readable at rest (security.md T01) and no vault without the codec (T02)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from helpers import vaultdata
from helpers.vaultdata import PASSPHRASE
from supervision_journal.errors import UnsafeEnvironment
from supervision_journal.journal import store
from supervision_journal.vault import Vault, database, keys, recovery_code

SQLITE_HEADER = b"SQLite format 3\x00"


def _vault_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file())


def _secrets_of(vault: Vault, folder: Path) -> list[str | bytes]:
    dek = keys.unlock_passphrase(keys.load_keyfile(folder / "journal.keys"), PASSPHRASE)
    code = vault.recovery_code_for_tests  # type: ignore[attr-defined]
    return [PASSPHRASE, dek, dek.hex(), dek.hex().upper(), code,
            recovery_code.normalise(code)]


def test_canaries_never_reach_the_disk_in_clear(vault: Vault, vault_dir: Path,
                                                isolated_home: Path) -> None:
    live, overwritten = vaultdata.plant_canaries(vault.db)
    assert len(live) >= 30 and overwritten
    # Every planted value really is stored, in clear once decrypted: the scan is not vacuous.
    decrypted = repr(vaultdata.dump(vault.db))
    assert [c for c in live if c not in decrypted] == []
    assert [c for c in overwritten if c in decrypted] == []
    canaries = live + overwritten
    secrets_ = _secrets_of(vault, vault_dir)

    # While open: the WAL holds the fresh pages.
    open_files = _vault_files(vault_dir)
    assert any(p.name == "journal.db-wal" and p.stat().st_size > 0 for p in open_files)
    hits_open = vaultdata.scan(open_files, canaries + secrets_)

    vault.close()
    closed_files = _vault_files(vault_dir)
    hits_closed = vaultdata.scan(closed_files, canaries + secrets_)
    # Temporary files and everything under HOME (caches, config) are clean too.
    elsewhere = [p for root in (Path(os.environ["TMPDIR"]), isolated_home)
                 for p in root.rglob("*") if p.is_file()]
    hits_elsewhere = vaultdata.scan(elsewhere, canaries + secrets_)

    db_bytes = (vault_dir / "journal.db").read_bytes()
    entropy = vaultdata.shannon_entropy(db_bytes)
    names = ", ".join(p.name for p in closed_files)
    print(f"\nT01 canaries planted: {len(live)} stored + {len(overwritten)} overwritten (x3 "
          f"encodings) + 6 secrets (passphrase, key, recovery code); hits while "
          f"open: {len(hits_open)}, after close: {len(hits_closed)} in [{names}], elsewhere: "
          f"{len(hits_elsewhere)}; header 'SQLite format 3': "
          f"{db_bytes.startswith(SQLITE_HEADER)}; entropy of journal.db "
          f"({len(db_bytes) // 1024} KiB): {entropy:.4f} bits/byte")
    assert hits_open == [] and hits_closed == [] and hits_elsewhere == []
    assert not db_bytes.startswith(SQLITE_HEADER)
    assert len(db_bytes) >= 64 * 1024
    assert entropy >= 7.99

    # The canaries do come back through the key (the scan looked for the right things).
    with Vault.open(vault_dir, PASSPHRASE) as reopened:
        assert store.get_client(reopened.db, 1).pseudonym == canaries[0]


def test_the_scanner_finds_plaintext_in_every_encoding(tmp_path: Path) -> None:
    token = vaultdata.canary()
    for encoding in vaultdata.ENCODINGS:
        path = tmp_path / encoding
        path.write_bytes(b"\x00" * 100 + f"note {token} end".encode(encoding))
        hits = vaultdata.scan([path], [token])
        # ASCII text in UTF-16-LE also matches the BE pattern one byte later (and the
        # reverse): what matters is that its own encoding is found.
        assert (encoding, encoding) in hits
        assert all(enc.startswith("utf-16") for _, enc in hits) or hits == [(encoding, encoding)]
        assert vaultdata.scan([path], [vaultdata.canary()]) == []
    assert vaultdata.shannon_entropy(b"ab" * 1000) == pytest.approx(1.0)


# -- T02: refuse to run on plain SQLite ---------------------------------------------------------


class _NoCipherVersion:
    """A real SQLCipher connection that claims to have no codec (empty cipher_version)."""

    def __init__(self, conn: Any) -> None:
        self._conn = conn

    def execute(self, sql: str, *args: Any) -> Any:
        if sql.strip().upper().startswith("PRAGMA CIPHER_VERSION"):
            return self._conn.execute("SELECT 1 WHERE 0")
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def _no_codec(monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    if how == "empty cipher_version":
        real = database.sqlcipher3.connect
        monkeypatch.setattr(database.sqlcipher3, "connect",
                            lambda *a, **k: _NoCipherVersion(real(*a, **k)))
    else:  # the import resolved to the standard library's sqlite3
        monkeypatch.setattr(database, "sqlcipher3", sqlite3)


def _snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in _vault_files(folder)}


@pytest.mark.parametrize("how", ["empty cipher_version", "stdlib sqlite3"])
def test_creating_a_vault_without_the_codec_is_refused_and_writes_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    _no_codec(monkeypatch, how)
    folder = tmp_path / "vault"
    with pytest.raises(UnsafeEnvironment, match="codec"):
        Vault.create(folder, PASSPHRASE)
    leftovers = [p for p in tmp_path.rglob("*") if p.is_file()]
    plaintext = [p for p in leftovers if p.read_bytes()[:16] == SQLITE_HEADER]
    print(f"\nT02 ({how}): files left {len(leftovers)}, plaintext SQLite files "
          f"{len(plaintext)}, error UnsafeEnvironment (exit {UnsafeEnvironment('').exit_code})")
    assert plaintext == []
    assert leftovers == [], "a refused creation leaves a half-made vault behind"
    monkeypatch.undo()
    Vault.create(folder, PASSPHRASE)[0].close()  # the folder is free for a real attempt


@pytest.mark.parametrize("how", ["empty cipher_version", "stdlib sqlite3"])
def test_opening_a_vault_without_the_codec_is_refused_untouched(
        vault: Vault, vault_dir: Path, monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    store.add_client(vault.db, "Untouched")
    vault.close()
    before = _snapshot(vault_dir)
    _no_codec(monkeypatch, how)
    with pytest.raises(UnsafeEnvironment, match="codec"):
        Vault.open(vault_dir, PASSPHRASE)
    assert _snapshot(vault_dir) == before
    monkeypatch.undo()
    with Vault.open(vault_dir, PASSPHRASE) as reopened:
        assert store.find_client(reopened.db, "Untouched") is not None
