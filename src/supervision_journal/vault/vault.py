"""A vault: the folder holding journal.db and journal.keys, opened with a passphrase or the
recovery code. Key rotation and passphrase changes live here because they touch both files.
"""

from __future__ import annotations

import contextlib
import os
from datetime import UTC, datetime
from pathlib import Path

from ..errors import (
    KeyFileCorrupt,
    KnownError,
    VaultCorrupt,
    VaultExists,
    VaultNotFound,
    WrongPassphrase,
)
from ..paths import VaultPaths, vault_paths
from . import backup, keys, recovery_code
from .database import Database, _key_pragma, integrity_problems, translated_errors
from .migrate import migrate


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _remove_stale_temp_files(paths: VaultPaths) -> None:
    """A key-file write killed midway leaves its temporary file (sealed keys, harmless, but
    clutter): remove the ones older than a minute (a younger one may be another process's)."""
    now = datetime.now(UTC).timestamp()
    for stale in paths.folder.glob(f".{paths.keys.name}.*.tmp"):
        with contextlib.suppress(OSError):
            if now - stale.stat().st_mtime > 60:
                stale.unlink()


def _wipe(buf: bytearray) -> None:
    for i in range(len(buf)):
        buf[i] = 0


class Vault:
    """An open vault. ``db`` is the one writer connection; the DEK stays in a bytearray that is
    zeroed on close (Python may still hold copies: process exit is the real wipe)."""

    def __init__(self, paths: VaultPaths, keyfile: keys.KeyFile, dek: bytes | bytearray,
                 db: Database) -> None:
        self.paths = paths
        self.keyfile = keyfile
        self._dek = bytearray(dek)
        self.db = db
        # True when opening finished a key rotation that had been interrupted: the new recovery
        # code may never have been shown, so the app asks the user to make a new one.
        self.rotation_completed_on_open = False
        self._changes_at_backup = db.raw.total_changes

    # -- creation --------------------------------------------------------------------------
    @classmethod
    def create(cls, folder: str | os.PathLike[str] | None, passphrase: str,
               params: keys.Argon2Params | None = None) -> tuple[Vault, str]:
        """Create a new vault; returns it and the recovery code (shown once, never stored)."""
        paths = vault_paths(folder)
        if paths.exists():
            raise VaultExists("A vault already exists in {folder}; it was left untouched.",
                              folder=paths.folder)
        if not passphrase:
            raise KnownError("The passphrase cannot be empty.")
        paths.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        with contextlib.suppress(OSError):
            os.chmod(paths.folder, 0o700)
        vault_id = keys.new_vault_id()
        dek = keys.new_dek()
        code = recovery_code.generate()
        slots = (keys.passphrase_slot(vault_id, passphrase, bytes(dek), params),
                 keys.recovery_slot(vault_id, code, bytes(dek)))
        keyfile = keys.new_keyfile(slots, vault_id)
        # Keys first: a vault whose key file exists can always be opened again.
        keyfile.save(paths.keys)
        try:
            db = Database.open(paths.db, dek, create=True)
            try:
                migrate(db)
            except BaseException:
                db.close()
                raise
        except BaseException:
            # Nothing is stored yet (e.g. the codec is missing): remove the half-made vault so
            # the folder is not taken by files that can never open. None existed at the start.
            for made in (paths.db, paths.wal, paths.shm, paths.keys):
                with contextlib.suppress(OSError):
                    made.unlink()
            raise
        return cls(paths, keyfile, dek, db), code

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    def _load(cls, folder: str | os.PathLike[str] | None) -> tuple[VaultPaths, keys.KeyFile]:
        paths = vault_paths(folder)
        if not paths.keys.exists() and not paths.db.exists():
            raise VaultNotFound("No vault in {folder}. Create one with 'init'.",
                                folder=paths.folder)
        _remove_stale_temp_files(paths)
        return paths, keys.load_keyfile(paths.keys)

    @classmethod
    def open(cls, folder: str | os.PathLike[str] | None, passphrase: str) -> Vault:
        paths, keyfile = cls._load(folder)
        try:
            dek = keys.unlock_passphrase(keyfile, passphrase)
        except WrongPassphrase:
            if keyfile.pending is not None:
                # A rotation was interrupted after the new slots were written.
                with contextlib.suppress(WrongPassphrase):
                    dek = keys.unlock_passphrase(keyfile, passphrase, pending=True)
                    return cls._finish_open(paths, keyfile, dek)
            cls._record_failure(paths, keyfile)
            raise
        return cls._finish_open(paths, keyfile, dek)

    @classmethod
    def open_with_recovery(cls, folder: str | os.PathLike[str] | None, code: str) -> Vault:
        paths, keyfile = cls._load(folder)
        try:
            dek = keys.unlock_recovery(keyfile, code)
        except WrongPassphrase:
            cls._record_failure(paths, keyfile)
            raise
        return cls._finish_open(paths, keyfile, dek)

    @staticmethod
    def _record_failure(paths: VaultPaths, keyfile: keys.KeyFile) -> None:
        # Best effort, unauthenticated: it only drives the growing delay in the unlock screen.
        with contextlib.suppress(KnownError, OSError):
            keyfile.with_failures(keyfile.failed_unlocks + 1, _now()).save(paths.keys)

    @classmethod
    def _finish_open(cls, paths: VaultPaths, keyfile: keys.KeyFile, dek: bytes) -> Vault:
        slots_before = keyfile.slots
        keyfile, dek = cls._settle_rotation(paths, keyfile, dek)
        if keyfile.failed_unlocks:
            keyfile = keyfile.with_failures(0, None)
            with contextlib.suppress(KnownError, OSError):
                keyfile.save(paths.keys)
        db = Database.open(paths.db, dek)
        try:
            migrate(db)
        except BaseException:
            db.close()
            raise
        vault = cls(paths, keyfile, dek, db)
        vault.rotation_completed_on_open = keyfile.slots != slots_before
        return vault

    @staticmethod
    def _settle_rotation(paths: VaultPaths, keyfile: keys.KeyFile,
                         dek: bytes) -> tuple[keys.KeyFile, bytes]:
        """Finish or undo a key rotation that was killed midway.

        The pending block holds the next DEK sealed under the current one. If the database
        still opens with the current DEK, PRAGMA rekey never committed: drop the pending
        block. If it opens with the next DEK, rekey committed: promote the new slots.
        """
        pending = keyfile.pending
        if pending is None:
            return keyfile, dek
        next_dek = keys.open_with_key(keyfile.vault_id, pending.from_current, dek)
        candidates = [(dek, False)]
        if next_dek is not None:
            candidates.append((next_dek, True))
        elif any(s.type == "passphrase" for s in pending.slots):
            # dek already is the next DEK (opened through a pending slot).
            candidates = [(dek, True)]
        for candidate, is_next in candidates:
            try:
                probe = Database.open(paths.db, candidate)
            except VaultCorrupt:
                continue
            probe.close()
            settled = keyfile.promoted() if is_next else keyfile.with_pending(None)
            settled.save(paths.keys)
            return settled, candidate
        raise VaultCorrupt("The vault opens with neither the old nor the new key after an "
                           "interrupted key rotation. Nothing was overwritten; restore a backup.")

    # -- key management -------------------------------------------------------------------
    def change_passphrase(self, new_passphrase: str,
                          params: keys.Argon2Params | None = None) -> None:
        """Rewrap the DEK under a new passphrase: the database is not rewritten."""
        if not new_passphrase:
            raise KnownError("The passphrase cannot be empty.")
        slot = keys.passphrase_slot(self.keyfile.vault_id, new_passphrase, bytes(self._dek),
                                    params)
        updated = self.keyfile.with_slot(slot)
        updated.save(self.paths.keys)
        self.keyfile = updated

    def regenerate_recovery_code(self) -> str:
        """A new recovery code; the old one stops working once this returns."""
        code = recovery_code.generate()
        updated = self.keyfile.with_slot(keys.recovery_slot(self.keyfile.vault_id, code,
                                                            bytes(self._dek)))
        updated.save(self.paths.keys)
        self.keyfile = updated
        return code

    def rotate_key(self, passphrase: str, params: keys.Argon2Params | None = None) -> str:
        """Replace the database key (PRAGMA rekey), crash-safely; returns a new recovery code.

        1. write the next DEK's slots as ``pending`` (sealed also under the current DEK);
        2. PRAGMA rekey (one SQLite transaction);
        3. promote ``pending``. A kill between any two steps is settled on the next open.
        """
        keys.unlock_passphrase(self.keyfile, passphrase)  # proves the caller knows it
        next_dek = keys.new_dek()
        code = recovery_code.generate()
        vault_id = self.keyfile.vault_id
        pending = keys.PendingRotation(
            (keys.passphrase_slot(vault_id, passphrase, bytes(next_dek), params),
             keys.recovery_slot(vault_id, code, bytes(next_dek))),
            keys.wrap_with_key(vault_id, bytes(self._dek), bytes(next_dek)))
        staged = self.keyfile.with_pending(pending)
        staged.save(self.paths.keys)
        self.keyfile = staged
        with translated_errors():
            self.db.raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.db.raw.execute(_key_pragma(next_dek).replace("PRAGMA key", "PRAGMA rekey", 1))
        promoted = staged.promoted()
        promoted.save(self.paths.keys)
        self.keyfile = promoted
        _wipe(self._dek)
        self._dek = next_dek
        # Reopen with the new key to prove it works (bouquin's lesson: check every rekey).
        self.db.close()
        self.db = Database.open(self.paths.db, self._dek)
        return code

    # -- checks and closing ---------------------------------------------------------------
    def verify(self) -> list[str]:
        """Integrity problems found on a fresh connection; [] when the vault is sound."""
        self.db.checkpoint()
        return integrity_problems(self.paths.db, self._dek)

    def quick_check(self, *, structure: bool = True) -> list[str]:
        """The check run at unlock, on a fresh connection (a bad page poisons later reads on
        the connection that met it); [] when sound. Does not touch ``self.db``.

        ``structure=True``: ``PRAGMA quick_check`` reads every page of every table and index
        (each fails its authentication if damaged) and checks the b-tree structure, skipping
        the slower index-content comparison of ``verify``; about 0.26 s for 12 MB, 5 s for
        108 MB. ``structure=False``: ``PRAGMA cipher_integrity_check`` only authenticates every
        page, free ones included (0.7 s for 108 MB): for unlocks after the first of a run,
        when the app itself closed the file minutes ago."""
        try:
            fresh = Database.open(self.paths.db, self._dek)
        except VaultCorrupt as exc:
            return [exc.message]
        try:
            with translated_errors():
                if structure:
                    rows = fresh.raw.execute("PRAGMA quick_check").fetchall()
                    return [f"structure: {r[0]}" for r in rows if r[0] != "ok"]
                rows = fresh.raw.execute("PRAGMA cipher_integrity_check").fetchall()
                return [f"page check: {r[0]}" for r in rows]
        except VaultCorrupt as exc:
            return [exc.message]
        finally:
            fresh.close()

    def verify_backup(self, path: Path) -> tuple[list[str], backup.BackupInfo]:
        """Check a backup of this vault fully, with its key: no credential to ask while the
        vault is open. A backup made before a key rotation raises WrongPassphrase (it needs the
        passphrase of its time). Safe on a worker thread: it does not touch ``self.db``."""
        return backup.verify_backup(path, key=bytes(self._dek))

    @property
    def changed_since_backup(self) -> bool:
        """True once this session committed anything since it opened or last backed up (the
        backup on quit is skipped when nothing changed: it can take seconds on a big vault)."""
        return self.db.raw.total_changes != self._changes_at_backup

    def mark_backed_up(self) -> None:
        self._changes_at_backup = self.db.raw.total_changes

    def backup(self, dest: Path, *, rotate: bool = True) -> backup.BackupInfo:
        """Write a verified backup into ``dest`` (then rotate old ones out). Safe to call from
        a worker thread: it uses its own connection.

        It must not touch ``self.db``: that connection belongs to the thread that saves, and a
        statement run on it from here (a checkpoint) can be still active when that thread
        commits ("cannot commit transaction - SQL statements in progress"). The backup's own
        connection reads the WAL, so no checkpoint is needed for a complete copy."""
        info = backup.create_backup(self.paths, self.keyfile, bytes(self._dek), dest)
        if rotate:
            backup.rotate_backups(dest, self.keyfile.vault_id)
        return info

    def close(self) -> None:
        self.db.close()
        _wipe(self._dek)

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_vault(folder: str | os.PathLike[str] | None, *, passphrase: str | None = None,
               recovery: str | None = None) -> Vault:
    if recovery is not None:
        return Vault.open_with_recovery(folder, recovery)
    if passphrase is None:
        raise KeyFileCorrupt("No passphrase given.")
    return Vault.open(folder, passphrase)


def vault_folder(folder: str | os.PathLike[str] | None) -> Path:
    return vault_paths(folder).folder
