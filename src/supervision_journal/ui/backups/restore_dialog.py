"""Restore one backup: side by side (a new folder; the journal is not touched) or into place
(the journal closes, a safety copy of its files is kept, the backup replaces it, it opens
again). Both ask for the passphrase or recovery code valid when the backup was made: a restore
is rare and replaces data, and the backup's keys are those of its time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDir, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ... import APP_NAME
from ...paths import vault_paths
from ...vault import backup
from ..first_run import forget, heading, paragraph, password_field
from .formats import format_time
from .runner import credential


def forget_history(dialog: QFileDialog, *, leaving: bool = False) -> None:
    """Qt's own file dialog keeps the folders it visited and saves them (QtProject.conf) when
    it is destroyed, with the last one: empty the list after navigating, and before it goes,
    point it at the home folder (a neutral "last visited") and empty the list again."""
    if leaving:
        dialog.setDirectory(QDir.homePath())
    dialog.setHistory([])


def default_restore_folder(vault_folder: Path, now: datetime) -> Path:
    """A new folder beside the journal's, for a side-by-side restore."""
    return vault_folder.parent / f"{vault_folder.name}-restored-{now.astimezone():%Y%m%d-%H%M%S}"


class RestoreDialog(QDialog):
    """Signals (emitted on "Restore", after the credential field was emptied):
        side_by_side_chosen(path, target folder, passphrase or None, recovery code or None)
        in_place_chosen(path, made at, passphrase or None, recovery code or None)
    """

    side_by_side_chosen = Signal(object, object, object, object)
    in_place_chosen = Signal(object, object, object, object)

    def __init__(self, info: backup.BackupInfo, vault_folder: Path, *,
                 in_place_available: bool, clock: Callable[[], datetime],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        self.setObjectName("RestoreDialog")
        self.info = info
        self._vault_folder = vault_folder
        made = format_time(info.created_at)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Restore the backup of %1").replace("%1", made), self))

        self.side_by_side = QRadioButton(self.tr("&Side by side, into a new folder"), self)
        self.side_by_side.setChecked(True)
        layout.addWidget(self.side_by_side)
        layout.addWidget(self._indented(paragraph(self.tr(
            "Your journal is not touched. The copy opens with the passphrase or recovery code "
            "valid when the backup was made: use it to look something up, or to test the "
            "backup."), self)))
        target_row = QHBoxLayout()
        self.target = QLineEdit(str(default_restore_folder(vault_folder, clock())), self)
        self.target.setAccessibleName(self.tr("New folder for the restored copy"))
        self.choose_button = QPushButton(self.tr("C&hoose…"), self)
        self.choose_button.clicked.connect(self._choose_target)
        target_row.addWidget(self.target, 1)
        target_row.addWidget(self.choose_button)
        holder = QWidget(self)
        holder.setLayout(target_row)
        layout.addWidget(self._indented(holder))

        self.in_place = QRadioButton(self.tr("&Into place, replacing your journal"), self)
        self.in_place.setEnabled(in_place_available)
        layout.addWidget(self.in_place)
        if in_place_available:
            text = self.tr(
                "The journal closes, the backup is checked in full, your current files are "
                "copied into a “before-restore” folder inside the journal's folder, then the "
                "backup replaces them and the journal opens again. Anything saved after %1 is "
                "then only in that safety copy.").replace("%1", made)
        else:
            text = self.tr("Not available here: close the app and use “supervision-journal "
                           "restore FILE”.")
        self.in_place_text = paragraph(text, self)
        layout.addWidget(self._indented(self.in_place_text))
        group = QButtonGroup(self)
        group.addButton(self.side_by_side)
        group.addButton(self.in_place)
        group.buttonToggled.connect(lambda *_: self._update())

        self.secret = password_field(self)
        self.secret.setAccessibleName(self.tr("Passphrase or recovery code"))
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase or recovery code:"), self.secret)
        layout.addLayout(form)
        hint = paragraph(self.tr("The one that was valid when this backup was made (usually "
                                 "your current passphrase)."), self)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(hint)

        self.problem = paragraph("", self)
        self.problem.setObjectName("restoreProblem")
        self.problem.hide()
        layout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = self.buttons.addButton(self.tr("&Restore"),
                                                     QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._restore)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.secret.textChanged.connect(lambda *_: self._update())
        self.target.textChanged.connect(lambda *_: self._update())
        self.setMinimumWidth(560)
        self._update()
        self.secret.setFocus()

    def _indented(self, widget: QWidget) -> QWidget:
        widget.setContentsMargins(24, 0, 0, 0)
        return widget

    def _update(self) -> None:
        side = self.side_by_side.isChecked()
        self.target.setEnabled(side)
        self.choose_button.setEnabled(side)
        ready = bool(self.secret.text()) and (not side or bool(self.target.text().strip()))
        self.restore_button.setEnabled(ready)

    def _choose_target(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose an empty folder for the restored copy"))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setDirectory(str(self._vault_folder.parent))
        forget_history(dialog)
        dialog.fileSelected.connect(self.target.setText)
        dialog.finished.connect(
            lambda _result: (forget_history(dialog, leaving=True), dialog.deleteLater()))
        dialog.open()

    def target_problem(self) -> str | None:
        target = Path(self.target.text().strip()).expanduser()
        if vault_paths(target).exists():
            return self.tr("A journal already exists in that folder; choose a new folder.")
        if target.exists() and not target.is_dir():
            return self.tr("That is a file, not a folder.")
        return None

    def _restore(self) -> None:
        side = self.side_by_side.isChecked()
        if side:
            problem = self.target_problem()
            if problem is not None:
                self.problem.setText(problem)
                self.problem.show()
                self.target.setFocus()
                self.target.selectAll()
                return
        secret = self.secret.text()
        forget(self.secret)
        passphrase, recovery = credential(secret)
        if side:
            self.side_by_side_chosen.emit(self.info.path,
                                          Path(self.target.text().strip()).expanduser(),
                                          passphrase, recovery)
        else:
            self.in_place_chosen.emit(self.info.path, self.info.created_at, passphrase,
                                      recovery)
        self.accept()
