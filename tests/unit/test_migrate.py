"""Schema migrations: a newer vault is refused untouched, an upgrade first writes an encrypted
copy, and a failing step changes nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import sqlcipher3

from helpers import vaultdata
from helpers.vaultdata import PASSPHRASE
from supervision_journal.errors import KnownError, VaultTooNew
from supervision_journal.journal import store
from supervision_journal.vault import Vault, keys, migrate
from supervision_journal.vault.database import Database

SQLITE_HEADER = b"SQLite format 3\x00"
REAL_STEPS = migrate.migration_steps()
LATEST = len(REAL_STEPS)


def _dek(folder: Path) -> bytes:
    return keys.unlock_passphrase(keys.load_keyfile(folder / "journal.keys"), PASSPHRASE)


def _files(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}


def _schema(folder: Path) -> tuple[int, list[tuple[str, str, str]]]:
    db = Database.open(folder / "journal.db", _dek(folder))
    try:
        return db.user_version(), db.query(
            "SELECT type, name, sql FROM sqlite_schema ORDER BY type, name")
    finally:
        db.close()


def _with_steps(monkeypatch: pytest.MonkeyPatch, steps: list[tuple[int, str]]) -> None:
    monkeypatch.setattr(migrate, "migration_steps", lambda: list(steps))


def test_steps_are_numbered_from_one_and_a_new_vault_is_at_the_latest(vault: Vault) -> None:
    assert [n for n, _ in REAL_STEPS] == list(range(1, LATEST + 1))
    assert migrate.latest_version() == LATEST
    assert vault.db.user_version() == LATEST


def test_a_vault_newer_than_the_app_is_refused_and_left_unchanged(vault: Vault,
                                                                  vault_dir: Path) -> None:
    store.add_client(vault.db, "Future")
    vault.close()
    db = Database.open(vault_dir / "journal.db", _dek(vault_dir))
    db.execute(f"PRAGMA user_version = {LATEST + 1}")
    db.close()
    before = _files(vault_dir)
    with pytest.raises(VaultTooNew) as info:
        Vault.open(vault_dir, PASSPHRASE)
    assert str(LATEST + 1) in info.value.message
    assert _files(vault_dir) == before, "a refused newer vault was modified"


def test_upgrading_an_older_vault_writes_an_encrypted_copy_first(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch
                                                                 ) -> None:
    folder = tmp_path / "vault"
    with monkeypatch.context() as m:
        _with_steps(m, REAL_STEPS[:-1])  # made by the previous version of the app
        old, _ = Vault.create(folder, PASSPHRASE)
        token = vaultdata.canary()
        store.add_client(old.db, token)
        assert old.db.user_version() == LATEST - 1
        old.close()
    before_schema = _schema(folder)

    with Vault.open(folder, PASSPHRASE) as upgraded:
        assert upgraded.db.user_version() == LATEST
        assert store.find_client(upgraded.db, token) is not None

    copy = folder / f"journal.db.before-v{LATEST - 1}"
    data = copy.read_bytes()
    assert not data.startswith(SQLITE_HEADER)
    assert vaultdata.scan([copy], [token]) == []
    backup = Database.open(copy, _dek(folder))  # same key as the vault
    try:
        assert backup.user_version() == LATEST - 1
        assert backup.query("SELECT type, name, sql FROM sqlite_schema ORDER BY type, name") \
            == before_schema[1]
        assert backup.scalar("SELECT pseudonym FROM client") == token
    finally:
        backup.close()


def test_an_added_step_runs_once_after_a_copy(vault: Vault, vault_dir: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    store.add_client(vault.db, "Before")
    vault.close()
    extra = (LATEST + 1, "CREATE TABLE test_extra (x INTEGER NOT NULL);\n"
                         "INSERT INTO test_extra VALUES (42);")
    _with_steps(monkeypatch, [*REAL_STEPS, extra])
    with Vault.open(vault_dir, PASSPHRASE) as upgraded:
        assert upgraded.db.user_version() == LATEST + 1
        assert upgraded.db.query("SELECT x FROM test_extra") == [(42,)]
    with Vault.open(vault_dir, PASSPHRASE) as again:  # not run a second time
        assert again.db.query("SELECT x FROM test_extra") == [(42,)]
    copy = vault_dir / f"journal.db.before-v{LATEST}"
    assert copy.exists() and not copy.read_bytes().startswith(SQLITE_HEADER)


@pytest.mark.parametrize("failing_sql, error", [
    ("CREATE TABLE test_extra (x);\nINSERT INTO no_such_table VALUES (1);", KnownError),
    # A constraint error half-way through a step that already altered a table.
    ("ALTER TABLE client ADD COLUMN test_col TEXT;\nUPDATE client SET test_col = 'a';\n"
     "INSERT INTO client (id, pseudonym, created_at) VALUES (1, 'dup', 'x');",
     (KnownError, sqlcipher3.IntegrityError)),
])
def test_a_failing_step_changes_nothing(vault: Vault, vault_dir: Path,
                                        monkeypatch: pytest.MonkeyPatch, failing_sql: str,
                                        error: type[Exception]) -> None:
    client = store.add_client(vault.db, "Stays")
    vault.close()
    before = _schema(vault_dir)
    _with_steps(monkeypatch, [*REAL_STEPS, (LATEST + 1, failing_sql)])
    with pytest.raises(error):
        Vault.open(vault_dir, PASSPHRASE)
    monkeypatch.undo()
    assert _schema(vault_dir) == before
    with Vault.open(vault_dir, PASSPHRASE) as reopened:
        assert reopened.db.user_version() == LATEST
        assert store.get_client(reopened.db, client.id).pseudonym == "Stays"
        assert reopened.verify() == []


def test_a_failing_second_step_keeps_the_first(vault: Vault, vault_dir: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Each step is its own transaction: a failure in step N+2 keeps N+1."""
    vault.close()
    good = (LATEST + 1, "CREATE TABLE test_good (x);")
    bad = (LATEST + 2, "CREATE TABLE test_bad (x);\nSELECT * FROM no_such_table;")
    _with_steps(monkeypatch, [*REAL_STEPS, good, bad])
    with pytest.raises(KnownError):
        Vault.open(vault_dir, PASSPHRASE)
    version, schema = _schema(vault_dir)
    names = {name for _, name, _ in schema}
    assert version == LATEST + 1
    assert "test_good" in names and "test_bad" not in names
