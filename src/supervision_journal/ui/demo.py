"""The demo vault: a separate journal of fictional clients to look around in before trusting
the app with real notes. It lives in ``<platform data folder>/demo`` with the passphrase
"demo", is filled from ``resources/demo/demo_<lang>.json`` through the interchange importer,
and the main window carries a permanent "Demo vault — fictional data" banner.
"""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path
from typing import Any

import platformdirs
from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from .. import APP_ID, APP_NAME, ORG_NAME, interchange
from ..errors import KnownError
from ..paths import vault_paths
from ..vault.vault import Vault
from . import tasks
from .error_text import error_text
from .first_run import busy_bar, heading, paragraph

DEMO_PASSPHRASE = "demo"
DEMO_PROPERTY = "demoVault"


class DemoDataMissing(KnownError):
    """The demo data file is not installed."""


def demo_vault_dir() -> Path:
    # Beside the real vault's default folder, never inside it.
    return Path(platformdirs.user_data_dir(APP_ID, ORG_NAME, roaming=False)) / "demo"


def demo_document(language: str) -> Any:
    """The demo data for ``language`` (English when there is none for it)."""
    folder = resources.files("supervision_journal.resources").joinpath("demo")
    for lang in (language, "en"):
        entry = folder.joinpath(f"demo_{lang}.json")
        if entry.is_file():
            return interchange.parse(entry.read_bytes())
    raise DemoDataMissing("The demo data is not installed with this copy of the app.")


def open_or_create_demo(language: str, folder: Path | None = None) -> Vault:
    """Open the demo vault, creating and filling it on first use (runs in a worker)."""
    folder = folder or demo_vault_dir()
    if vault_paths(folder).exists():
        return Vault.open(folder, DEMO_PASSPHRASE)
    document = demo_document(language)  # before anything is written
    vault, _code = Vault.create(folder, DEMO_PASSPHRASE)
    try:
        interchange.import_data(vault.db, document)
    except BaseException:
        vault.close()
        # Only what we created a moment ago, holding fictional data only.
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return vault


def mark_main_window(window: QMainWindow) -> QLabel:
    """A banner that stays in the status bar (messages such as "Saved" do not replace it)."""
    banner = QLabel(QCoreApplication.translate("Demo", "Demo vault — fictional data"), window)
    banner.setObjectName("demoBanner")
    banner.setAccessibleName(banner.text())
    font = banner.font()
    font.setBold(True)
    banner.setFont(font)
    banner.setContentsMargins(8, 0, 8, 0)
    window.statusBar().addPermanentWidget(banner)
    window.setProperty(DEMO_PROPERTY, True)
    return banner


class DemoLoader(QWidget):
    """A small window shown while ``--demo`` opens (or first fills) the demo vault."""

    opened = Signal(object)
    failed = Signal(object)
    close_requested = Signal()

    def __init__(self, language: str, folder: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        self._language = language
        self._folder = folder
        self._done = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(heading(self.tr("Opening the demo journal…"), self))
        self.message = paragraph(self.tr(
            "The demo journal holds fictional clients only. Its passphrase is “demo”."), self)
        layout.addWidget(self.message)
        self.bar = busy_bar(self)
        layout.addWidget(self.bar)
        self.setMinimumWidth(480)

    def start(self) -> None:
        language, folder = self._language, self._folder
        tasks.run_in_background(lambda: open_or_create_demo(language, folder),
                                self._opened, self._failed)

    def _opened(self, vault: Vault) -> None:
        if self._done:  # the window was closed meanwhile
            vault.close()
            return
        self._done = True
        self.opened.emit(vault)

    def _failed(self, exc: BaseException) -> None:
        self.bar.hide()
        if isinstance(exc, KnownError):
            self.message.setText(self.tr("The demo journal could not be opened: %1").replace(
                "%1", error_text(exc)))
        else:
            from .crash import report_exception

            self.message.setText(self.tr(
                "The demo journal could not be opened because of an unexpected problem "
                "(error id %1).").replace(
                    "%1", report_exception(type(exc), exc, exc.__traceback__)))
        self.failed.emit(exc)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._done:
            self._done = True
            self.close_requested.emit()
        event.accept()
