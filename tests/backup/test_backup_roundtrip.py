"""Backup → verify → restore gives back exactly what was saved, with either credential, into
an empty folder or over a vault (whose passphrase or key may have changed since)."""

from __future__ import annotations

from pathlib import Path

import pytest
from backup_support import PASSPHRASE, canary, folder_state, table_counts

from supervision_journal import interchange
from supervision_journal.errors import WrongPassphrase
from supervision_journal.journal import store
from supervision_journal.vault import backup
from supervision_journal.vault.database import SQLITE_HEADER
from supervision_journal.vault.vault import Vault

NEW_PASSPHRASE = "a completely different passphrase"


def _data(folder: Path, passphrase: str = PASSPHRASE) -> dict:
    with Vault.open(folder, passphrase) as vault:
        return interchange.export_data(vault.db)


def test_round_trip_with_the_passphrase_into_an_empty_folder(full_vault, tmp_path: Path) -> None:
    vault, code, canaries = full_vault
    before = interchange.export_data(vault.db)
    counts = table_counts(vault.db)
    info = vault.backup(tmp_path / "backups")
    vault.close()

    assert info.path.name.startswith("journal-backup-") and info.path.suffix == ".sjbk"
    assert info.counts == counts
    raw = info.path.read_bytes()
    assert raw.startswith(backup.MAGIC) and SQLITE_HEADER not in raw
    assert not any(c.encode() in raw for c in canaries)  # sealed, not merely framed

    problems, checked = backup.verify_backup(info.path, passphrase=PASSPHRASE)
    assert problems == [] and checked.counts == counts

    target = tmp_path / "restored"
    safety = backup.restore_backup(info.path, target, passphrase=PASSPHRASE)
    assert safety is None  # nothing was there to keep
    assert sorted(p.name for p in target.iterdir()) == ["journal.db", "journal.keys"]
    assert _data(target) == before
    # The backup's keyslots came with it: the recovery code of that time opens it too.
    with Vault.open_with_recovery(target, code) as restored:
        assert restored.verify() == []
        assert table_counts(restored.db) == counts


def test_round_trip_with_the_recovery_code(full_vault, tmp_path: Path) -> None:
    vault, code, _ = full_vault
    before = interchange.export_data(vault.db)
    info = vault.backup(tmp_path / "backups")
    vault.close()

    problems, checked = backup.verify_backup(info.path, recovery=code)
    assert problems == [] and checked.counts == info.counts
    target = tmp_path / "restored"
    assert backup.restore_backup(info.path, target, recovery=code) is None
    assert _data(target) == before


def test_restore_over_a_vault_keeps_a_complete_safety_copy(full_vault, tmp_path: Path) -> None:
    vault, _, _ = full_vault
    at_backup = interchange.export_data(vault.db)
    info = vault.backup(tmp_path / "backups")
    # Work done after the backup: the restore must not lose it, only set it aside.
    later = canary()
    client = store.add_client(vault.db, f"Later {later}")
    store.add_session(vault.db, client.id, "2025-09-09", sections={"process": later})
    after_backup = interchange.export_data(vault.db)
    keys_before = vault.paths.keys.read_bytes()
    vault.close()
    state = folder_state(vault.paths.folder)

    safety = backup.restore_backup(info.path, vault.paths.folder, passphrase=PASSPHRASE)

    assert safety is not None and safety.parent == vault.paths.folder
    assert safety.name.startswith("before-restore-")
    # Every file the restore replaced, byte for byte, and it still opens as a vault.
    assert {name: digest for name, digest in folder_state(safety).items()} == state
    assert _data(safety) == after_backup
    assert _data(vault.paths.folder) == at_backup
    # Same credential opened the current key file, so it was kept as it was.
    assert vault.paths.keys.read_bytes() == keys_before
    assert not vault.paths.wal.exists() or vault.paths.wal.stat().st_size == 0


def test_passphrase_changed_since_restore_with_the_recovery_code_keeps_current_keys(
        full_vault, tmp_path: Path) -> None:
    vault, code, _ = full_vault
    at_backup = interchange.export_data(vault.db)
    info = vault.backup(tmp_path / "backups")
    vault.change_passphrase(NEW_PASSPHRASE)
    keys_now = vault.paths.keys.read_bytes()
    vault.close()

    # The recovery code opens both the backup and the current key file: current keys kept.
    backup.restore_backup(info.path, vault.paths.folder, recovery=code)

    assert vault.paths.keys.read_bytes() == keys_now
    assert _data(vault.paths.folder, NEW_PASSPHRASE) == at_backup
    with pytest.raises(WrongPassphrase):
        Vault.open(vault.paths.folder, PASSPHRASE)


def test_passphrase_changed_since_restore_with_the_old_passphrase_brings_back_its_keys(
        full_vault, tmp_path: Path) -> None:
    """The old passphrase does not open the current key file, so (as documented) the backup's
    own keyslots come back: the passphrase of that time works again, the newer one does not,
    and the replaced key file waits in the safety copy."""
    vault, code, _ = full_vault
    at_backup = interchange.export_data(vault.db)
    info = vault.backup(tmp_path / "backups")
    vault.change_passphrase(NEW_PASSPHRASE)
    keys_now = vault.paths.keys.read_bytes()
    vault.close()

    safety = backup.restore_backup(info.path, vault.paths.folder, passphrase=PASSPHRASE)

    assert safety is not None and (safety / "journal.keys").read_bytes() == keys_now
    assert vault.paths.keys.read_bytes() != keys_now
    assert _data(vault.paths.folder, PASSPHRASE) == at_backup
    with pytest.raises(WrongPassphrase):
        Vault.open(vault.paths.folder, NEW_PASSPHRASE)
    Vault.open_with_recovery(vault.paths.folder, code).close()


def test_restore_of_a_backup_made_before_a_key_rotation(full_vault, tmp_path: Path) -> None:
    """The passphrase opens both: the restored database is re-keyed to the current key, and
    the current recovery code (not the one of the backup's time) opens the vault."""
    vault, old_code, _ = full_vault
    at_backup = interchange.export_data(vault.db)
    info = vault.backup(tmp_path / "backups")
    new_code = vault.rotate_key(PASSPHRASE)
    keys_now = vault.paths.keys.read_bytes()
    vault.close()

    backup.restore_backup(info.path, vault.paths.folder, passphrase=PASSPHRASE)

    assert vault.paths.keys.read_bytes() == keys_now
    with Vault.open_with_recovery(vault.paths.folder, new_code) as restored:
        assert restored.verify() == []
        assert interchange.export_data(restored.db) == at_backup
    with pytest.raises(WrongPassphrase):
        Vault.open_with_recovery(vault.paths.folder, old_code)
    # The backup itself still opens with what was valid when it was made.
    assert backup.verify_backup(info.path, recovery=old_code)[0] == []


def test_a_wrong_credential_changes_nothing(full_vault, tmp_path: Path) -> None:
    vault, _, _ = full_vault
    info = vault.backup(tmp_path / "backups")
    vault.close()
    state = folder_state(tmp_path)
    with pytest.raises(WrongPassphrase):
        backup.restore_backup(info.path, vault.paths.folder, passphrase="not it")
    with pytest.raises(WrongPassphrase):
        backup.verify_backup(info.path, passphrase="not it")
    with pytest.raises(WrongPassphrase):
        backup.verify_backup(info.path)  # no credential at all
    assert folder_state(tmp_path) == state


def test_listing_shows_backups_newest_first_with_their_vault(full_vault, tmp_path: Path) -> None:
    vault, _, _ = full_vault
    dest = tmp_path / "backups"
    made = [vault.backup(dest, rotate=False) for _ in range(3)]
    listed = backup.list_backups(dest)
    assert [b.path for b in listed] == [m.path for m in reversed(made)]
    assert {b.vault_id for b in listed} == {vault.keyfile.vault_id}
    assert all(b.size == b.path.stat().st_size for b in listed)
