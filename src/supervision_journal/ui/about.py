"""The About dialog: version, licence, where the data lives, the encryption in two lines."""

from __future__ import annotations

import html
from importlib import resources
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from .. import APP_ID, APP_NAME, __version__
from ..paths import default_backup_dir, log_dir
from .first_run import heading

# The rendered sizes in resources/icons (packaging/render_icons.py draws them from the SVG).
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def application_icon() -> QIcon:
    """The app's icon, for title bars, task bars and this dialog: the PNGs of the package data
    (the desktop file names the same icon for the menus). Read as bytes, so it works from a
    wheel, an editable install and a PyInstaller bundle alike."""
    icon = QIcon()
    folder = resources.files("supervision_journal.resources").joinpath("icons")
    for size in ICON_SIZES:
        entry = folder.joinpath(f"{size}x{size}", f"{APP_ID}.png")
        pixmap = QPixmap()
        if entry.is_file() and pixmap.loadFromData(entry.read_bytes(), "PNG"):
            icon.addPixmap(pixmap)
    return icon


class AboutDialog(QDialog):
    def __init__(self, vault_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        self.setObjectName("AboutDialog")
        layout = QVBoxLayout(self)
        title = QHBoxLayout()
        self.icon = QLabel(self)
        self.icon.setPixmap(application_icon().pixmap(64, 64))
        self.icon.setAccessibleName(APP_NAME)
        title.addWidget(self.icon)
        title.addWidget(heading(APP_NAME, self), 1)
        layout.addLayout(title)
        self.version = QLabel(self.tr("Version %1").replace("%1", __version__), self)
        layout.addWidget(self.version)
        layout.addSpacing(6)
        self.licence = QLabel(self.tr(
            "Free software under the GNU General Public License, version 3 or later "
            "(GPL-3.0-or-later)."), self)
        self.licence.setWordWrap(True)
        layout.addWidget(self.licence)

        self.crypto = QLabel(self.tr(
            "Your journal is an SQLCipher database (AES-256) whose random key is locked by "
            "your passphrase through Argon2id, and separately by your recovery code.\n"
            "Nothing leaves this computer: no network, no account, no telemetry. The logs hold "
            "no note text."), self)
        self.crypto.setWordWrap(True)
        layout.addWidget(self.crypto)

        rows = [(self.tr("Journal"), str(vault_folder)),
                (self.tr("Backups"), str(default_backup_dir())),
                (self.tr("Logs"), str(log_dir()))]
        table = "".join(f"<tr><td><b>{html.escape(name)}</b>&nbsp;&nbsp;</td>"
                        f"<td>{html.escape(path)}</td></tr>" for name, path in rows)
        self.locations = QLabel(f"<table>{table}</table>", self)
        self.locations.setTextFormat(Qt.TextFormat.RichText)
        self.locations.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.locations.setWordWrap(True)
        layout.addWidget(self.locations)
        layout.addStretch(1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
