"""The backup folder's path, copied to the UI settings (QSettings).

The unlock screen must know where backups are before the vault opens: when the vault is
damaged, it offers the newest backup that passes its check. A folder path is not client data;
it is the only thing about backups kept outside the vault (docs/backups.md says so).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from ... import APP_NAME, ORG_NAME
from ...paths import default_backup_dir

KEY = "backups/folder"


def _store() -> QSettings:
    # The same file as ui/settings.py's preferences.
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG_NAME, APP_NAME)


def remember(folder: Path) -> None:
    """Keep ``folder`` for the unlock screen (nothing is kept for the default folder)."""
    settings = _store()
    if Path(folder) == default_backup_dir():
        settings.remove(KEY)
    else:
        settings.setValue(KEY, str(folder))
    settings.sync()


def remembered_folder() -> Path:
    value = _store().value(KEY)
    return Path(value) if isinstance(value, str) and value else default_backup_dir()
