"""Banners at the top of the main window, and the placement warning shared with the unlock
screen.

- The live vault in a cloud-sync folder or on a network share (``placement``): a warning that
  stays as long as the vault is there, because it is a standing risk, not an event.
- An automatic backup (daily, or on quit) that failed: shown at the next unlock, until a backup
  succeeds.
- A restore test that is due (every 90 days): a reminder with the button that does it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ... import placement
from ...paths import default_vault_dir
from ..widgets import AMBER, AMBER_TEXT
from . import state
from .formats import format_day, format_time
from .state import Trigger

if TYPE_CHECKING:
    from .page import BackupsPage


def placement_warning(folder: Path) -> tuple[str, str] | None:
    """(title, explanation) when the live vault folder is in a synced folder or on a network
    share; None for a local folder."""
    found = placement.find_sync_folder(folder)
    if found is None:
        return None
    translate = QCoreApplication.translate
    if found.kind == "cloud":
        title = translate("BackupNotices", "Your journal is in a folder synced by %1").replace(
            "%1", found.provider)
        why = translate(
            "BackupNotices",
            "Sync clients copy the journal's database and its write-ahead log as separate "
            "files, at different moments: the copy, or the journal itself when the client "
            "writes it back, can be corrupted.")
    else:
        title = translate("BackupNotices", "Your journal is on a network share")
        why = translate(
            "BackupNotices",
            "Network file systems break the locking the journal's database relies on, and can "
            "corrupt it.")
    default = default_vault_dir()
    if Path(folder) != default and placement.find_sync_folder(default) is None:
        how = translate(
            "BackupNotices",
            "To move it, quit the app and move the folder “%1” to a local folder that is not "
            "synced, then start the app with “supervision-journal --vault NEW-FOLDER”; or move "
            "it to the default location, “%2”, and start the app as usual.")
        how = how.replace("%1", os.fspath(folder)).replace("%2", os.fspath(default))
    else:
        how = translate(
            "BackupNotices",
            "To move it, quit the app and move the folder “%1” to a local folder that is not "
            "synced, then start the app with “supervision-journal --vault NEW-FOLDER”.").replace(
                "%1", os.fspath(folder))
    also = translate("BackupNotices",
                     "Backups may go to a synced folder: each one is a single encrypted file.")
    return title, f"{why} {how} {also}"


class Banner(QFrame):
    """A title, an explanation and optional buttons, on amber (warning) or a quiet panel."""

    def __init__(self, name: str, *, warning: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        if warning:
            palette = self.palette()
            palette.setColor(QPalette.ColorRole.Window, AMBER)
            palette.setColor(QPalette.ColorRole.WindowText, AMBER_TEXT)
            self.setPalette(palette)
        else:
            self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (self.title, self.text):
            label.setForegroundRole(QPalette.ColorRole.WindowText)
        texts.addWidget(self.title)
        texts.addWidget(self.text)
        layout.addLayout(texts, 1)
        self.buttons = QHBoxLayout()
        layout.addLayout(self.buttons)
        self._buttons: list[QPushButton] = []

    def set_text(self, title: str, text: str) -> None:
        self.title.setText(title)
        self.title.setAccessibleName(title)
        self.text.setText(text)

    def add_button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(lambda: slot())
        self.buttons.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        self._buttons.append(button)
        return button


class NoticeArea(QWidget):
    """The banners, stacked above the window's content; hidden when there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupNotices")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 6, 8, 0)
        self._layout.setSpacing(6)
        self.setVisible(False)

    def add(self, banner: Banner) -> Banner:
        self._layout.addWidget(banner)
        banner.setParent(self)
        self.refresh_visibility()
        return banner

    def banners(self) -> list[Banner]:
        return [b for b in self.findChildren(Banner) if b.parentWidget() is self]

    def visible_banners(self) -> list[Banner]:
        return [b for b in self.banners() if not b.isHidden()]

    def refresh_visibility(self) -> None:
        self.setVisible(bool(self.visible_banners()))


def install_area(window: QMainWindow) -> NoticeArea:
    """Put a notice area above the window's central widget (once)."""
    existing = window.findChild(NoticeArea, "backupNotices")
    if existing is not None:
        return existing
    content = window.takeCentralWidget()
    holder = QWidget(window)
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    area = NoticeArea(holder)
    layout.addWidget(area)
    if content is not None:
        layout.addWidget(content, 1)
    window.setCentralWidget(holder)
    return area


class BackupBanners(QObject):
    """The three backup banners of a main window, kept up to date from the vault."""

    def __init__(self, window: QMainWindow, page: BackupsPage) -> None:
        super().__init__(page)
        self.window = window
        self.page = page
        self.area = install_area(window)
        self._test_snoozed = False

        self.placement = self.area.add(Banner("placementBanner", warning=True))
        warning = placement_warning(page.vault.paths.folder)
        if warning is not None:
            self.placement.set_text(*warning)
        self.placement.setVisible(warning is not None)

        self.failure = self.area.add(Banner("backupFailureBanner", warning=True))
        self.failure_button = self.failure.add_button(self.tr("&Back up now"), self._back_up)
        self.failure.hide()

        self.test = self.area.add(Banner("restoreTestBanner", warning=False))
        self.test_button = self.test.add_button(self.tr("&Test a restore now"), self._test)
        self.later_button = self.test.add_button(self.tr("&Later"), self._snooze)
        self.test.hide()

        page.state_changed.connect(self.update)
        self.update()

    def update(self) -> None:
        db = self.page.vault.db
        if db.closed:
            return
        failure = state.last_failure(db)
        if failure is not None:
            self.failure.set_text(*self.failure_text(failure))
        self.failure.setVisible(failure is not None)
        self.failure_button.setEnabled(not self.page.runner.busy)
        listing = self.page.runner.last_listing
        due = state.restore_test_due(db, self.page.clock(),
                                     bool(listing and listing.backups))
        if due:
            last = state.last_restore_test(db)
            detail = (self.tr("No restore has been tested yet.") if last is None else
                      self.tr("The last test was on %1.").replace("%1", format_day(last)))
            self.test.set_text(self.tr("Time to test a restore"), detail + " " + self.tr(
                "It takes a moment: a backup picked at random is opened and checked in full, "
                "without changing your journal."))
        self.test.setVisible(due and not self._test_snoozed)
        self.test_button.setEnabled(not self.page.runner.busy)
        self.area.refresh_visibility()

    def failure_text(self, failure: state.Failure) -> tuple[str, str]:
        when = format_time(failure.at)
        if failure.trigger is Trigger.QUIT:
            title = self.tr("The backup when you last quit did not finish (%1)")
        else:
            title = self.tr("The daily backup could not be made (%1)")
        kind = failure.kind
        reasons = {
            state.FailureKind.DISK_FULL: self.tr("The disk was full."),
            state.FailureKind.FOLDER_MISSING: self.tr(
                "The backup folder was not available (a drive that was not plugged in?)."),
            state.FailureKind.TIMEOUT: self.tr(
                "It took longer than the time allowed when quitting, and was left unfinished "
                "(no partial file is kept)."),
            state.FailureKind.DAMAGED: self.tr(
                "The copy failed its check: your journal itself may be damaged. Keep your "
                "existing backups and run “supervision-journal verify”."),
        }
        reason = reasons.get(kind, self.tr("The backup folder could not be written."))
        return (title.replace("%1", when), reason + " " + self.tr(
            "Your journal is intact; only this backup is missing. Make one now, or check the "
            "backup folder on the Backups page."))

    def _back_up(self) -> None:
        self.page.back_up_now()
        self.update()

    def _test(self) -> None:
        show_page = getattr(self.window, "show_page", None)
        if callable(show_page):
            show_page("backups")
        self.page.test_restore()
        self.update()

    def _snooze(self) -> None:
        self._test_snoozed = True  # until the next unlock
        self.update()


def install_banners(window: QMainWindow, page: BackupsPage) -> BackupBanners:
    return BackupBanners(window, page)
