"""Erase a client: the pseudonym typed in as confirmation, the plain word about backups made
before the erasure, and an offer to delete those backups (only when ticked).

The erasure runs in a worker (it compacts the journal, which takes a moment on a large one);
the dialog shows a busy bar and closes itself once the client is gone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import shiboken6
from PySide6.QtCore import QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...errors import KnownError
from ...privacy import erasure
from ...privacy.models import ErasureCounts
from ...vault import backup
from ...vault.database import Database
from ..clipboard import SecureLineEdit
from ..error_text import error_text
from ..first_run import busy_bar, heading, notice, paragraph
from ..tasks import run_in_background


@dataclass(frozen=True)
class ErasureDone:
    result: erasure.ErasureResult
    backups_deleted: int
    backups_failed: int


def older_backups(folder: Path, before: datetime) -> list[backup.BackupInfo]:
    """The backups in ``folder`` made before ``before`` (they still hold the client)."""
    return [info for info in backup.list_backups(folder) if info.created_at < before]


def delete_backups(infos: list[backup.BackupInfo]) -> tuple[int, int]:
    """Delete the given backup files; returns (deleted, failed)."""
    deleted = failed = 0
    for info in infos:
        try:
            info.path.unlink()
            deleted += 1
        except FileNotFoundError:
            deleted += 1
        except OSError:
            failed += 1
    return deleted, failed


class PrivacyCounts(QObject):
    """The words for what an erasure removes. A QObject only for ``self.tr``: lupdate reads a
    plural ("%n sessions") from ``tr`` calls, not from ``QCoreApplication.translate``."""

    def text(self, counts: ErasureCounts) -> str:
        # Each count is a plural of its own; the list is joined the way the locale joins one.
        return QLocale().createSeparatedList([
            self.tr("%n sessions", "", counts.sessions),
            self.tr("%n note sections", "", counts.sections),
            self.tr("%n reflections", "", counts.reflections),
            self.tr("%n identity details", "", counts.identity_terms)])


def counts_text(counts: ErasureCounts) -> str:
    """What an erasure removes: "1 session, 12 note sections, 0 reflections and 4 identity
    details"."""
    return PrivacyCounts().text(counts)


class EraseDialog(QDialog):
    """Signals: erased(ErasureDone) once the client is gone (before the dialog closes)."""

    erased = Signal(object)

    def __init__(self, db: Database, client_id: int, pseudonym: str, counts: ErasureCounts,
                 backup_folder: Path | None, *, now: Callable[[], datetime],
                 today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EraseDialog")
        self.setWindowTitle(self.tr("Erase a client"))
        self.setModal(True)
        self._db = db
        self._client_id = client_id
        self._pseudonym = pseudonym
        self._today = today
        self.busy = False
        self.old_backups = older_backups(backup_folder, now()) if backup_folder else []

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Erase a client"), self))
        self.name_label = name = QLabel(pseudonym, self)  # their name: data, not text
        name.setTextFormat(Qt.TextFormat.PlainText)
        name.setObjectName("erasePseudonym")
        font = name.font()
        font.setBold(True)
        name.setFont(font)
        layout.addWidget(name)
        layout.addWidget(paragraph(self.tr(
            "Erasing removes this client and everything about them from the journal: sessions, "
            "notes, approvals, reflections, identity details and search entries. It cannot be "
            "undone."), self))
        self.counts_label = paragraph(self.tr("It will remove: %1").replace(
            "%1", counts_text(counts)), self)
        layout.addWidget(self.counts_label)

        self.anonymise_box = QCheckBox(self.tr(
            "Anonymise instead: keep my own reflections, with everything that identifies the "
            "client removed"), self)
        layout.addWidget(self.anonymise_box)

        layout.addWidget(notice(self.tr(
            "Backups made before the erasure still hold this client's data until they rotate "
            "out."), self))
        self.backup_list = QListWidget(self)
        self.backup_list.setObjectName("olderBackups")
        locale = QLocale()
        for info in self.old_backups:
            self.backup_list.addItem(locale.toString(
                info.created_at.astimezone(), QLocale.FormatType.ShortFormat))
        rows = min(max(len(self.old_backups), 1), 5)
        self.backup_list.setFixedHeight(rows * max(self.backup_list.sizeHintForRow(0), 18)
                                        + 2 * self.backup_list.frameWidth() + 4)
        self.delete_backups_box = QCheckBox(self.tr(
            "Also delete these %n older backups from the backup folder", "",
            len(self.old_backups)), self)
        if self.old_backups:
            layout.addWidget(self.backup_list)
            layout.addWidget(self.delete_backups_box)
        else:
            self.backup_list.hide()
            self.delete_backups_box.hide()
            layout.addWidget(paragraph(self.tr("No older backup is in the backup folder."),
                                       self))

        layout.addWidget(QLabel(self.tr("Type the client's pseudonym to confirm:"), self))
        self.confirm_edit = SecureLineEdit(self)
        self.confirm_edit.setObjectName("confirmPseudonym")
        layout.addWidget(self.confirm_edit)
        self.message = paragraph("", self)
        self.message.setObjectName("eraseMessage")
        layout.addWidget(self.message)
        self.bar = busy_bar(self)
        self.bar.hide()
        layout.addWidget(self.bar)

        self.buttons = QDialogButtonBox(self)
        self.erase_button = QPushButton(self.tr("Erase"), self)
        self.erase_button.setObjectName("eraseButton")
        self.erase_button.setEnabled(False)
        self.buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        layout.addWidget(self.buttons)
        self.erase_button.clicked.connect(self.erase)
        self.cancel_button.clicked.connect(self.reject)
        self.confirm_edit.textChanged.connect(self._typed)
        self.confirm_edit.returnPressed.connect(self.erase)
        self.delete_backups_box.toggled.connect(self._backups_toggled)
        self.setMinimumWidth(680)

    def _typed(self, text: str) -> None:
        self.erase_button.setEnabled(bool(text.strip()) and not self.busy)
        self.message.clear()

    def _backups_toggled(self, checked: bool) -> None:
        self.erase_button.setText(
            self.tr("Erase and delete %n backups", "", len(self.old_backups))
            if checked else self.tr("Erase"))

    def done(self, result: int) -> None:
        # The dialog is only deleteLater()'d: until the event loop gets there, a hidden widget
        # would still hold the pseudonym of a client who no longer exists. Drop it now.
        self.name_label.clear()
        self.confirm_edit.wipe()
        super().done(result)

    def reject(self) -> None:
        if not self.busy:  # an erasure under way finishes; the dialog closes after it
            super().reject()

    def erase(self) -> None:
        if self.busy or not self.confirm_edit.text().strip():
            return
        typed = self.confirm_edit.text()
        if not erasure.confirmation_matches(self._pseudonym, typed):
            self.message.setText(self.tr(
                "This is not the client's pseudonym, typed exactly. Nothing was erased."))
            return
        self._set_busy(True)
        db, client_id, anonymise = self._db, self._client_id, self.anonymise_box.isChecked()
        to_delete = list(self.old_backups) if self.delete_backups_box.isChecked() else []
        today = self._today()

        def job() -> ErasureDone:
            result = erasure.erase_client(db, client_id, typed, anonymise_instead=anonymise,
                                          today=today)
            deleted, failed = delete_backups(to_delete)
            return ErasureDone(result, deleted, failed)

        def done(outcome: ErasureDone) -> None:
            if shiboken6.isValid(self):
                self._set_busy(False)
                self.confirm_edit.wipe()
                self.erased.emit(outcome)
                self.accept()

        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(self):
                self._set_busy(False)
                self.message.setText(error_text(exc) if isinstance(exc, KnownError) else self.tr(
                    "The erasure failed. Nothing was erased."))

        run_in_background(job, done, failed)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.bar.setVisible(busy)
        for widget in (self.confirm_edit, self.anonymise_box, self.delete_backups_box,
                       self.cancel_button):
            widget.setEnabled(not busy)
        self.erase_button.setEnabled(not busy and bool(self.confirm_edit.text().strip()))
