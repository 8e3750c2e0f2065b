"""The Backups page: back up now, the backups in the chosen folder with their dates, sizes and
checks, the folder itself (and why a synced folder or a USB stick is fine), restore (side by
side, or into place through the app controller), and the "test a restore" reminder.

Everything slow runs in ``BackupRunner``; the page only shows what it reports.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QLocale, QMetaMethod, Qt, Signal
from PySide6.QtGui import QColor, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ... import placement
from ...errors import DiskFull, KnownError, VaultCorrupt, WrongPassphrase
from ...vault import backup
from ...vault.vault import Vault
from ..error_text import error_text, reason_text
from ..first_run import busy_bar, heading, notice, paragraph
from ..widgets import scrolling_page
from . import remembered, state
from .formats import format_day, format_time
from .restore_dialog import RestoreDialog, forget_history
from .runner import BackupRunner, Job, Listing, Outcome
from .state import FolderMissing, Trigger

if TYPE_CHECKING:
    from ..main_window import MainWindow

PAGE_KEY = "backups"
_REMOVABLE_ROOTS = ("/media/", "/run/media/", "/mnt/", "/Volumes/")


def _utcnow() -> datetime:
    return datetime.now(UTC)


def is_removable(folder: Path) -> bool:
    """A folder on a drive that comes and goes (a USB stick, an external disk), by where such
    drives are mounted; on Windows, a drive other than the system's."""
    text = os.fspath(folder)
    if os.name == "nt":
        system = os.environ.get("SYSTEMDRIVE", "C:").upper()
        return PurePath(text).drive.upper() not in ("", system)
    return text.startswith(_REMOVABLE_ROOTS)


def problem_colour(palette: QPalette) -> QColor:
    """Red that reads on light and dark backgrounds alike."""
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    return QColor("#ff8a80") if dark else QColor("#b3261e")


def same_disk(a: Path, b: Path) -> bool:
    def device(path: Path) -> int | None:
        for candidate in (path, *path.parents):
            try:
                return candidate.stat().st_dev
            except OSError:
                continue
        return None

    first, second = device(a), device(b)
    return first is not None and first == second


@dataclass(frozen=True)
class RestoreRequest:
    """A restore into place, which the app controller runs with the vault closed."""

    path: Path
    made: datetime
    passphrase: str | None
    recovery: str | None


class BackupsPage(QWidget):
    """Signals:
        restore_in_place_requested(RestoreRequest): the user confirmed a restore into place;
            the controller locks, restores and unlocks (ui/backups/hooks.py connects it).
        state_changed(): a backup or a check finished (the banners follow).
    """

    restore_in_place_requested = Signal(object)
    state_changed = Signal()

    def __init__(self, vault: Vault, *, clock: Callable[[], datetime] = _utcnow,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BackupsPage")
        self.vault = vault
        self.clock = clock
        self.runner = BackupRunner(vault, clock=clock, parent=self)
        self.runner.busy_changed.connect(self._busy_changed)
        self.runner.finished.connect(self._finished)
        self.runner.listed.connect(self._listed)
        self._failed_checks: dict[str, str] = {}  # file name → what the last check found
        self._folder_dialog: QFileDialog | None = None
        self._restore_dialog: QWidget | None = None
        self._build()
        remembered.remember(state.backup_folder(vault.db))
        self._show_folder()
        self._show_test_state()
        self.runner.refresh()

    # -- construction --------------------------------------------------------------------------
    def _build(self) -> None:
        body, layout = scrolling_page(self)

        layout.addWidget(heading(self.tr("Backups"), body))
        layout.addWidget(paragraph(self.tr(
            "Your journal exists only on this computer. A backup is one encrypted file that "
            "opens with your passphrase or recovery code; each one is checked right after it "
            "is written. The app makes one when you quit and once a day."), body))

        now_row = QHBoxLayout()
        self.summary = paragraph("", body)
        self.summary.setObjectName("backupSummary")
        now_row.addWidget(self.summary, 1)
        self.back_up_button = QPushButton(self.tr("&Back up now"), body)
        self.back_up_button.clicked.connect(self.back_up_now)
        now_row.addWidget(self.back_up_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(now_row)
        self.busy = busy_bar(body)
        self.busy.hide()
        layout.addWidget(self.busy)
        self.status = paragraph("", body)
        self.status.setObjectName("backupStatus")
        self.status.setAccessibleName(self.tr("Backup status"))
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.hide()
        layout.addWidget(self.status)

        layout.addWidget(self._build_list(body))
        layout.addWidget(self._build_folder(body))
        layout.addWidget(self._build_test(body))
        layout.addWidget(notice(self.tr(
            "A backup opens with the passphrase or recovery code that was valid when it was "
            "made, for as long as the file exists. If someone may have learned your "
            "passphrase: change it, replace the key (“supervision-journal rotate-key”), make a "
            "new backup, then delete the older backups everywhere they are."), body))
        layout.addStretch(1)

    def _build_list(self, parent: QWidget) -> QWidget:
        box = QGroupBox(self.tr("Backups in this folder"), parent)
        layout = QVBoxLayout(box)
        self.table = QTreeWidget(box)
        self.table.setObjectName("backupList")
        self.table.setAccessibleName(self.tr("Backups"))
        self.table.setColumnCount(3)
        self.table.setHeaderLabels([self.tr("Made on"), self.tr("Size"), self.tr("Check")])
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setMinimumHeight(150)
        header = self.table.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda *_: self.verify_selected())
        layout.addWidget(self.table)
        self.list_note = paragraph("", box)
        self.list_note.setObjectName("listNote")
        self.list_note.hide()
        layout.addWidget(self.list_note)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.verify_button = QPushButton(self.tr("&Check this backup"), box)
        self.verify_button.clicked.connect(self.verify_selected)
        self.restore_button = QPushButton(self.tr("&Restore…"), box)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.restore_button)
        layout.addLayout(buttons)
        return box

    def _build_folder(self, parent: QWidget) -> QWidget:
        box = QGroupBox(self.tr("Backup folder"), parent)
        layout = QVBoxLayout(box)
        self.folder_label = QLabel(box)
        self.folder_label.setObjectName("backupFolder")
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextFormat(Qt.TextFormat.PlainText)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.folder_label)
        self.folder_note = paragraph("", box)
        self.folder_note.setObjectName("folderNote")
        layout.addWidget(self.folder_note)
        why = paragraph(self.tr(
            "Any folder works, including a cloud-synced folder (OneDrive, Dropbox, iCloud "
            "Drive, Google Drive, Nextcloud) or a USB stick: each backup is a single encrypted "
            "file, written completely before it appears, so a sync client never copies half "
            "of one. A copy away from this computer is what saves your journal when the "
            "computer is lost or its disk dies."), box)
        why.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(why)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.default_folder_button = QPushButton(self.tr("Use the &default folder"), box)
        self.default_folder_button.clicked.connect(lambda: self.choose_folder(None))
        self.change_folder_button = QPushButton(self.tr("C&hange folder…"), box)
        self.change_folder_button.clicked.connect(self.ask_folder)
        buttons.addWidget(self.default_folder_button)
        buttons.addWidget(self.change_folder_button)
        layout.addLayout(buttons)
        return box

    def _build_test(self, parent: QWidget) -> QWidget:
        box = QGroupBox(self.tr("Test a restore"), parent)
        layout = QVBoxLayout(box)
        layout.addWidget(paragraph(self.tr(
            "A backup you have never restored is a hope. Every 90 days, the app asks you to "
            "test one: a backup picked at random is opened and checked in full, exactly as a "
            "restore would, without changing your journal."), box))
        row = QHBoxLayout()
        self.test_label = paragraph("", box)
        self.test_label.setObjectName("restoreTestState")
        row.addWidget(self.test_label, 1)
        self.test_button = QPushButton(self.tr("&Test a restore now"), box)
        self.test_button.clicked.connect(self.test_restore)
        row.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        return box

    # -- showing state -------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.runner.refresh()

    def _show_folder(self) -> None:
        db = self.vault.db
        folder = state.backup_folder(db)
        chosen = state.chosen_folder(db) is not None
        self.folder_label.setText(folder.as_posix() if os.name != "nt" else str(folder))
        self.default_folder_button.setEnabled(chosen)
        self.folder_note.setText(self.describe_folder(folder, chosen))

    def describe_folder(self, folder: Path, chosen: bool) -> str:
        """Why this folder is a good or a partial choice (shown under its path)."""
        found = placement.find_sync_folder(folder)
        if chosen and not folder.is_dir():
            return self.tr("This folder is not available now (a drive that is not plugged "
                           "in?). Backups resume when it is back.")
        if found is not None and found.kind == "cloud":
            return self.tr("This folder is synced by %1: every backup also goes there, "
                           "encrypted. Good: a copy away from this computer.").replace(
                               "%1", found.provider)
        if found is not None:
            return self.tr("This folder is on a network share: good, a copy away from this "
                           "computer.")
        if is_removable(folder):
            return self.tr("This folder is on a removable drive: backups are made while it "
                           "is plugged in. Keep the drive away from the computer.")
        if same_disk(folder, self.vault.paths.folder):
            base = (self.tr("The default folder is on the same disk as your journal.") if not
                    chosen else self.tr("This folder is on the same disk as your journal."))
            return base + " " + self.tr(
                "That protects against a damaged file, not against a lost computer or a dead "
                "disk: choose a USB stick or a synced folder, or copy backups there too.")
        return self.tr("This folder is on another disk than your journal.")

    def _show_test_state(self, have_backups: bool | None = None) -> None:
        db = self.vault.db
        if db.closed:
            return
        if have_backups is None:
            listing = self.runner.last_listing
            have_backups = bool(listing and listing.backups)
        last = state.last_restore_test(db)
        if last is None:
            text = self.tr("No restore has been tested yet.")
        else:
            text = self.tr("Last restore test: %1.").replace("%1", format_day(last))
        if state.restore_test_due(db, self.clock(), have_backups):
            text += " " + self.tr("It is time to test one.")
        self.test_label.setText(text)
        self._update_buttons()

    def _gone(self) -> bool:
        """The journal was locked (or closed) while a job ran: nothing left to show."""
        return self.vault.db.closed or not shiboken6.isValid(self)

    def _listed(self, listing: Listing) -> None:
        if self._gone():
            return
        selected = self.selected_path()
        self.table.clear()
        for info in listing.backups:
            item = QTreeWidgetItem([format_time(info.created_at),
                                    QLocale().formattedDataSize(info.size),
                                    self._check_text(info, listing.verified)])
            item.setData(0, Qt.ItemDataRole.UserRole, str(info.path))
            if info.path.name in self._failed_checks:
                item.setForeground(2, problem_colour(self.palette()))
            self.table.addTopLevelItem(item)
            if selected is not None and info.path == selected:
                item.setSelected(True)
                self.table.setCurrentItem(item)
        if self.table.currentItem() is None and self.table.topLevelItemCount():
            self.table.setCurrentItem(self.table.topLevelItem(0))
        self.list_note.setText(self._list_note(listing))
        self.list_note.setVisible(bool(self.list_note.text()))
        self.summary.setText(self._summary(listing))
        self._show_test_state(bool(listing.backups))
        self.state_changed.emit()

    def _check_text(self, info: backup.BackupInfo, verified: dict[str, datetime]) -> str:
        failed = self._failed_checks.get(info.path.name)
        if failed is not None:
            return failed
        when = verified.get(info.path.name)
        if when is not None:
            return self.tr("Verified on %1").replace("%1", format_time(when))
        return self.tr("Not checked here yet")

    def _list_note(self, listing: Listing) -> str:
        if listing.missing:
            return self.tr("The backup folder is not available (a drive that is not plugged "
                           "in?).")
        if listing.error is not None:
            return self.tr("The backup folder cannot be read: %1").replace(
                "%1", reason_text(listing.error))
        parts = []
        if not listing.backups:
            parts.append(self.tr("No backup of this journal in this folder yet."))
        if listing.others:
            parts.append(self.tr("%n backups of another journal are in this folder too; "
                                 "they are left alone.", "", listing.others))
        return " ".join(parts)

    def _summary(self, listing: Listing) -> str:
        if not listing.backups:
            return self.tr("No backup yet.")
        newest = listing.backups[0]
        if newest.path.name in listing.verified:
            text = self.tr("Last backup: %1, verified.")
        else:
            text = self.tr("Last backup: %1.")
        return text.replace("%1", format_time(newest.created_at))

    def selected_path(self) -> Path | None:
        item = self.table.currentItem()
        if item is None or not item.isSelected():
            return None
        return Path(item.data(0, Qt.ItemDataRole.UserRole))

    def selected_info(self) -> backup.BackupInfo | None:
        path = self.selected_path()
        listing = self.runner.last_listing
        if path is None or listing is None:
            return None
        return next((b for b in listing.backups if b.path == path), None)

    def _update_buttons(self) -> None:
        if self._gone():
            return
        busy = self.runner.busy
        has = self.selected_path() is not None
        listing = self.runner.last_listing
        self.back_up_button.setEnabled(not busy)
        self.verify_button.setEnabled(not busy and has)
        self.restore_button.setEnabled(not busy and has)
        self.test_button.setEnabled(not busy and bool(listing and listing.backups))
        self.change_folder_button.setEnabled(not busy)
        self.default_folder_button.setEnabled(
            not busy and state.chosen_folder(self.vault.db) is not None)

    def _busy_changed(self, busy: bool) -> None:
        if self._gone():
            return
        self.busy.setVisible(busy)
        if busy:
            job = self.runner.job
            text = {Job.BACKUP: self.tr("Writing and checking a backup…"),
                    Job.VERIFY: self.tr("Checking the backup…"),
                    Job.TEST: self.tr("Testing a restore: opening and checking a backup picked "
                                      "at random…"),
                    Job.RESTORE: self.tr("Restoring the backup into a new folder…")}
            self._set_status(text.get(job, "") if job else "")
        self._update_buttons()

    def _set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    # -- actions -------------------------------------------------------------------------------
    def back_up_now(self) -> bool:
        return self.runner.back_up(Trigger.MANUAL)

    def verify_selected(self) -> bool:
        path = self.selected_path()
        return path is not None and self.runner.verify(path)

    def test_restore(self) -> bool:
        return self.runner.test_restore()

    def ask_folder(self) -> QFileDialog:
        """A folder chooser without history (our own dialog: no recent-places list)."""
        dialog = QFileDialog(self, self.tr("Choose the backup folder"))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setDirectory(str(state.backup_folder(self.vault.db).parent))
        forget_history(dialog)
        dialog.fileSelected.connect(lambda chosen: self.choose_folder(Path(chosen)))
        dialog.finished.connect(
            lambda _result: (forget_history(dialog, leaving=True), dialog.deleteLater()))
        self._folder_dialog = dialog
        dialog.open()
        return dialog

    def choose_folder(self, folder: Path | None) -> bool:
        """Use ``folder`` (None: the default one) for the next backups."""
        if folder is not None:
            folder = Path(folder)
            vault_folder = self.vault.paths.folder.resolve()
            resolved = folder.resolve()
            if resolved == vault_folder or vault_folder in resolved.parents:
                self._set_status(self.tr("Choose a folder outside the journal's own folder: "
                                         "a restore replaces what is there."))
                return False
        state.set_backup_folder(self.vault.db, folder)
        remembered.remember(state.backup_folder(self.vault.db))
        self._failed_checks.clear()
        self._show_folder()
        self._set_status("")
        self.runner.refresh()
        return True

    def restore_selected(self) -> QWidget | None:
        info = self.selected_info()
        if info is None or self.runner.busy:
            return None
        in_place = self.isSignalConnected(QMetaMethod.fromSignal(self.restore_in_place_requested))
        dialog = RestoreDialog(info, self.vault.paths.folder, in_place_available=in_place,
                               clock=self.clock, parent=self)
        dialog.side_by_side_chosen.connect(self._restore_side_by_side)
        dialog.in_place_chosen.connect(self._restore_in_place)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self._restore_dialog = dialog
        dialog.open()
        return dialog

    def _restore_side_by_side(self, path: Path, target: Path, passphrase: str | None,
                              recovery: str | None) -> None:
        self.runner.restore_side_by_side(path, target, passphrase, recovery)

    def _restore_in_place(self, path: Path, made: datetime, passphrase: str | None,
                          recovery: str | None) -> None:
        self.restore_in_place_requested.emit(RestoreRequest(path, made, passphrase, recovery))

    # -- outcomes ------------------------------------------------------------------------------
    def _finished(self, outcome: Outcome) -> None:
        if self._gone():
            return
        self._set_status(self.describe(outcome))
        if outcome.path is not None and outcome.job in (Job.VERIFY, Job.TEST):
            if outcome.ok:
                self._failed_checks.pop(outcome.path.name, None)
            else:
                self._failed_checks[outcome.path.name] = self._failed_check_text(outcome)
        self._show_folder()
        self.state_changed.emit()

    def _failed_check_text(self, outcome: Outcome) -> str:
        if isinstance(outcome.error, WrongPassphrase):
            return self.tr("Needs the passphrase of its time")
        return self.tr("Damaged: cannot be restored")

    def describe(self, outcome: Outcome) -> str:
        """The sentence shown when a job ends."""
        counts = outcome.info.counts if outcome.info and outcome.info.counts else {}
        clients, sessions = counts.get("client", 0), counts.get("session", 0)
        holds = (self.tr("clients: %1, sessions: %2").replace("%1", str(clients))
                 .replace("%2", str(sessions)))
        made = format_time(outcome.info.created_at) if outcome.info else ""
        if outcome.ok:
            if outcome.job is Job.BACKUP:
                return self.tr("Backup written and verified (%1). Older backups were thinned "
                               "out: 7 daily, 4 weekly, 12 monthly are kept.").replace("%1", holds)
            if outcome.job is Job.VERIFY:
                return self.tr("The backup of %1 passed its check: it can be restored (%2).")\
                    .replace("%1", made).replace("%2", holds)
            if outcome.job is Job.TEST:
                return self.tr("Restore test passed: the backup of %1, picked at random, opens "
                               "and is complete (%2). The next test is due in 90 days.")\
                    .replace("%1", made).replace("%2", holds)
            target = str(outcome.target)
            return self.tr("Restored into “%1”. Your journal was not changed. To open the "
                           "copy, quit and start the app with: supervision-journal --vault "
                           "“%1”").replace("%1", target)
        if outcome.problems:
            return self.tr("This backup failed its check (%n problems): it cannot be "
                           "restored. Use another backup, and check the drive it is on.", "",
                           len(outcome.problems))
        return self.error_text(outcome)

    def error_text(self, outcome: Outcome) -> str:
        error = outcome.error
        what = {Job.BACKUP: self.tr("The backup was not made."),
                Job.VERIFY: self.tr("The backup could not be checked."),
                Job.TEST: self.tr("The restore test could not be done."),
                Job.RESTORE: self.tr("Nothing was restored.")}[outcome.job]
        if isinstance(error, FolderMissing):
            why = self.tr("The backup folder is not available: plug in its drive, or choose "
                          "another folder.")
        elif isinstance(error, DiskFull):
            why = self.tr("The disk is full. Free some space or choose another folder; earlier "
                          "backups are intact.")
        elif isinstance(error, WrongPassphrase) and outcome.job is Job.RESTORE:
            why = self.tr("The passphrase or recovery code does not open this backup: it "
                          "needs the one that was valid when the backup was made.")
        elif isinstance(error, WrongPassphrase):
            why = self.tr("This backup opens only with the passphrase valid when it was made "
                          "(it was made before the journal's key was replaced). Check it "
                          "with: supervision-journal verify FILE")
        elif isinstance(error, VaultCorrupt) and outcome.job is Job.BACKUP:
            why = self.tr("The copy failed its check: your journal itself may be damaged. "
                          "Keep your existing backups and run “supervision-journal verify”.")
        elif isinstance(error, VaultCorrupt):
            why = self.tr("The file is damaged or incomplete. Use another backup.")
        elif isinstance(error, KnownError):
            why = error_text(error)
        else:
            why = self.tr("An unexpected problem stopped it (error id %1).").replace(
                "%1", outcome.error_id or "?")
        return what + " " + why


def backups_page(window: MainWindow, vault: Vault) -> tuple[str, str, QWidget]:
    """The page factory (ui/pages.py). Also puts the backup banners above the window's content:
    the live vault in a synced folder, a failed automatic backup, a restore test due."""
    page = BackupsPage(vault, parent=window)
    from .notices import install_banners

    install_banners(window, page)
    return PAGE_KEY, QCoreApplication.translate("Pages", "Backups"), page
