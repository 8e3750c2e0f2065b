"""The vault's life cycle: create, open, wrong passphrase, passphrase change, key rotation (and
its settling after an interruption), verify."""

from __future__ import annotations

import json
import os
import stat
import unicodedata
from pathlib import Path

import pytest

from helpers import vaultdata
from helpers.vaultdata import PASSPHRASE
from supervision_journal.errors import (
    KnownError,
    VaultCorrupt,
    VaultExists,
    VaultNotFound,
    WrongPassphrase,
)
from supervision_journal.journal import store
from supervision_journal.vault import Vault, keys, recovery_code
from supervision_journal.vault import vault as vault_module
from supervision_journal.vault.database import Database


def _dek(folder: Path, passphrase: str = PASSPHRASE) -> bytes:
    return keys.unlock_passphrase(keys.load_keyfile(folder / "journal.keys"), passphrase)


def _opens_with(folder: Path, dek: bytes) -> bool:
    try:
        Database.open(folder / "journal.db", dek).close()
    except VaultCorrupt:
        return False
    return True


def test_create_makes_two_private_files_and_a_well_formed_code(tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    vault, code = Vault.create(folder, PASSPHRASE)
    vault.close()
    assert sorted(p.name for p in folder.iterdir()) == ["journal.db", "journal.keys"]
    assert len(recovery_code.normalise(code)) == 28
    if os.name == "posix":
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        assert stat.S_IMODE((folder / "journal.keys").stat().st_mode) == 0o600
    doc = json.loads((folder / "journal.keys").read_bytes())
    assert sorted(s["type"] for s in doc["slots"]) == ["passphrase", "recovery"]
    assert PASSPHRASE not in (folder / "journal.keys").read_text()


def test_create_refuses_an_existing_vault_and_leaves_it_alone(vault: Vault,
                                                              vault_dir: Path) -> None:
    store.add_client(vault.db, "First")
    vault.close()
    before = {p.name: p.read_bytes() for p in vault_dir.iterdir()}
    with pytest.raises(VaultExists):
        Vault.create(vault_dir, "another passphrase")
    assert {p.name: p.read_bytes() for p in vault_dir.iterdir()} == before


def test_empty_passphrases_are_refused(tmp_path: Path, vault: Vault) -> None:
    with pytest.raises(KnownError):
        Vault.create(tmp_path / "v", "")
    assert not (tmp_path / "v").exists() or not any((tmp_path / "v").iterdir())
    with pytest.raises(KnownError):
        vault.change_passphrase("")


def test_opening_an_empty_folder_says_there_is_no_vault(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFound):
        Vault.open(tmp_path, PASSPHRASE)


def test_failed_unlocks_are_counted_and_reset_on_success(vault: Vault, vault_dir: Path) -> None:
    vault.close()
    for attempt in range(1, 4):
        with pytest.raises(WrongPassphrase):
            Vault.open(vault_dir, f"guess {attempt}")
        keyfile = keys.load_keyfile(vault_dir / "journal.keys")
        assert keyfile.failed_unlocks == attempt and keyfile.last_failure
    Vault.open(vault_dir, PASSPHRASE).close()
    keyfile = keys.load_keyfile(vault_dir / "journal.keys")
    assert (keyfile.failed_unlocks, keyfile.last_failure) == (0, None)


def test_a_decomposed_passphrase_opens_a_composed_one(tmp_path: Path) -> None:
    composed = unicodedata.normalize("NFC", "Zoë aime les crêpes")
    vault, _ = Vault.create(tmp_path / "v", composed)
    vault.close()
    Vault.open(tmp_path / "v", unicodedata.normalize("NFD", composed)).close()


def test_changing_the_passphrase_rewraps_only(vault: Vault, vault_dir: Path) -> None:
    store.add_client(vault.db, "Same")
    dek = _dek(vault_dir)
    recovery_before = vault.keyfile.slot("recovery")
    vault.change_passphrase("the new one")
    vault.close()
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_dir, PASSPHRASE)
    assert _dek(vault_dir, "the new one") == dek  # same database key: no rewrite
    assert keys.load_keyfile(vault_dir / "journal.keys").slot("recovery") == recovery_before
    with Vault.open(vault_dir, "the new one") as reopened:
        assert store.find_client(reopened.db, "Same") is not None


def test_rotating_the_key_replaces_it_and_keeps_the_data(vault: Vault, vault_dir: Path) -> None:
    vaultdata.fill(vault.db, clients=2, sessions=3)
    rows = vaultdata.dump(vault.db)
    old_dek = _dek(vault_dir)
    vault.rotate_key(PASSPHRASE)
    assert vault.verify() == []
    assert vaultdata.dump(vault.db) == rows  # the open vault works on the new key at once
    vault.close()
    new_dek = _dek(vault_dir)
    assert new_dek != old_dek
    assert not _opens_with(vault_dir, old_dek)
    assert _opens_with(vault_dir, new_dek)
    assert keys.load_keyfile(vault_dir / "journal.keys").pending is None
    with Vault.open(vault_dir, PASSPHRASE) as reopened:
        assert vaultdata.dump(reopened.db) == rows


def test_rotation_needs_the_passphrase(vault: Vault, vault_dir: Path) -> None:
    dek = _dek(vault_dir)
    keyfile_before = (vault_dir / "journal.keys").read_bytes()
    with pytest.raises(WrongPassphrase):
        vault.rotate_key("not it")
    assert (vault_dir / "journal.keys").read_bytes() == keyfile_before
    vault.close()
    assert _opens_with(vault_dir, dek)


class _Interrupted(Exception):
    """Stands for a crash at a chosen step (the real kill -9 runs are in tests/security)."""


def _interrupt(monkeypatch: pytest.MonkeyPatch, step: str) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise _Interrupted(step)

    if step == "before rekey":
        monkeypatch.setattr(vault_module, "_key_pragma", boom)
    else:  # after rekey committed, before the new slots are promoted
        monkeypatch.setattr(keys.KeyFile, "promoted", boom)


@pytest.mark.parametrize("step, expected", [("before rekey", "old"), ("after rekey", "new")])
def test_an_interrupted_rotation_is_settled_on_the_next_open(
        vault: Vault, vault_dir: Path, monkeypatch: pytest.MonkeyPatch, step: str,
        expected: str) -> None:
    store.add_client(vault.db, "Survivor")
    old_dek = _dek(vault_dir)
    with monkeypatch.context() as m:
        _interrupt(m, step)
        with pytest.raises(_Interrupted):
            vault.rotate_key(PASSPHRASE)
    vault.db.close()
    pending = keys.load_keyfile(vault_dir / "journal.keys").pending
    assert pending is not None
    next_dek = keys.open_with_key(keys.load_keyfile(vault_dir / "journal.keys").vault_id,
                                  pending.from_current, old_dek)
    assert next_dek is not None
    with Vault.open(vault_dir, PASSPHRASE) as reopened:
        assert store.find_client(reopened.db, "Survivor") is not None
        assert reopened.verify() == []
    keyfile = keys.load_keyfile(vault_dir / "journal.keys")
    assert keyfile.pending is None
    settled = _dek(vault_dir)
    assert settled == (old_dek if expected == "old" else next_dek)
    assert _opens_with(vault_dir, settled)


def test_a_rotation_that_opens_with_neither_key_is_vault_corrupt(
        vault: Vault, vault_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with monkeypatch.context() as m:
        _interrupt(m, "before rekey")
        with pytest.raises(_Interrupted):
            vault.rotate_key(PASSPHRASE)
    vault.db.close()
    data = bytearray((vault_dir / "journal.db").read_bytes())
    data[5] ^= 0xFF  # the salt: no key opens it any more
    (vault_dir / "journal.db").write_bytes(bytes(data))
    keyfile_before = (vault_dir / "journal.keys").read_bytes()
    with pytest.raises(VaultCorrupt):
        Vault.open(vault_dir, PASSPHRASE)
    # Nothing is promoted or dropped while neither key works.
    assert (vault_dir / "journal.keys").read_bytes() == keyfile_before


def test_verify_finds_damage_the_open_did_not_read(vault: Vault, vault_dir: Path) -> None:
    vaultdata.fill(vault.db, clients=3, sessions=4)
    assert vault.verify() == []
    vault.close()
    data = bytearray((vault_dir / "journal.db").read_bytes())
    data[len(data) - 4096 + 100] ^= 0x01  # a page the open does not touch
    (vault_dir / "journal.db").write_bytes(bytes(data))
    with Vault.open(vault_dir, PASSPHRASE) as damaged:
        problems = damaged.verify()
    assert problems and all(isinstance(p, str) for p in problems)


def test_close_is_idempotent_and_the_context_manager_closes(vault_dir: Path) -> None:
    vault, _ = Vault.create(vault_dir, PASSPHRASE)
    with vault:
        pass
    assert vault.db.closed
    vault.close()
