"""Every location the app uses, resolved once.

The vault folder comes from platformdirs unless ``--vault DIR`` (or the
``SUPERVISION_JOURNAL_VAULT`` environment variable, used by tests) names another one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from . import APP_ID, ORG_NAME

DB_NAME = "journal.db"
KEYS_NAME = "journal.keys"


@dataclass(frozen=True)
class VaultPaths:
    folder: Path

    @property
    def db(self) -> Path:
        return self.folder / DB_NAME

    @property
    def keys(self) -> Path:
        return self.folder / KEYS_NAME

    @property
    def wal(self) -> Path:
        return self.folder / (DB_NAME + "-wal")

    @property
    def shm(self) -> Path:
        return self.folder / (DB_NAME + "-shm")

    def exists(self) -> bool:
        return self.keys.exists() or self.db.exists()


def default_vault_dir() -> Path:
    override = os.environ.get("SUPERVISION_JOURNAL_VAULT")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_ID, ORG_NAME, roaming=False)) / "vault"


def vault_paths(folder: str | os.PathLike[str] | None = None) -> VaultPaths:
    return VaultPaths(Path(folder) if folder else default_vault_dir())


def default_backup_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_ID, ORG_NAME, roaming=False)) / "backups"


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_ID, ORG_NAME))
