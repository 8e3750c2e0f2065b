"""Choosing the bodies one follows, and editing one's own ("custom") renewal profile.

Both are stored in the vault (settings.py). The profile editor checks the TOML as it is typed,
with the engine's own messages, which name the key at fault.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...errors import KnownError
from ...hours.profiles import Profile, ProfileError, load_profiles, profile_text
from ...vault.database import Database
from ..error_text import error_text
from ..widgets import AMBER, AMBER_TEXT, format_date
from . import settings
from .settings import CUSTOM_ID

CHECK_DELAY_MS = 250


def profile_name(profile: Profile, language: str) -> str:
    return profile.name.get(language)


class FollowDialog(QDialog):
    """Tick the bodies whose rules you follow (one or more); the dashboard offers those."""

    def __init__(self, db: Database, profiles: dict[str, Profile], language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.setWindowTitle(self.tr("Bodies I follow"))
        intro = QLabel(self.tr("Tick the renewal rules you follow. A practitioner registered "
                               "with two bodies can follow both; the dashboard switches "
                               "between them."), self)
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Renewal profiles"))
        self.list.setSpacing(3)
        chosen = set(settings.chosen(db))
        for pid, profile in sorted(profiles.items(), key=lambda kv: kv[1].name.get(language)):
            item = QListWidgetItem(
                self.tr("%1 — figures checked on %2").replace(
                    "%1", profile.name.get(language)).replace(
                    "%2", format_date(profile.checked_on)), self.list)
            item.setData(Qt.ItemDataRole.UserRole, pid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if pid in chosen
                               else Qt.CheckState.Unchecked)
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def checked_ids(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def accept(self) -> None:
        settings.set_chosen(self._db, self.checked_ids())
        super().accept()


class CustomProfileDialog(QDialog):
    """A TOML editor for the practitioner's own rules, checked as they type."""

    def __init__(self, db: Database, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._language = language
        self.profile: Profile | None = None
        self.setWindowTitle(self.tr("My own renewal rules"))
        intro = QLabel(self.tr(
            "Describe your body's rules (or your own) in TOML: cycle, categories of "
            "activities and requirements. The keys are explained in the user guide "
            "(docs/profiles.md). Start from a shipped profile to copy its structure."), self)
        intro.setWordWrap(True)

        self.start_from = QComboBox(self)
        self.start_from.setAccessibleName(self.tr("Start from a shipped profile"))
        self.start_from.addItem(self.tr("Start from…"), None)
        for pid, profile in sorted(load_profiles().items(),
                                   key=lambda kv: kv[1].name.get(language)):
            self.start_from.addItem(profile.name.get(language), pid)
        self.start_from.activated.connect(self._start_from)

        self.editor = QPlainTextEdit(self)
        self.editor.setAccessibleName(self.tr("Profile in TOML"))
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.editor.setTabChangesFocus(True)
        self.editor.setPlainText(settings.custom_text(db) or profile_text(CUSTOM_ID))
        self.editor.textChanged.connect(self._schedule_check)

        self.verdict = QLabel(self)
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)
        self.verdict.setAccessibleName(self.tr("Check of the profile"))

        self.reset_button = QPushButton(self.tr("Back to the &example"), self)
        self.reset_button.clicked.connect(
            lambda: self.editor.setPlainText(profile_text(CUSTOM_ID)))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.start_from)
        top.addStretch(1)
        top.addWidget(self.reset_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.verdict)
        layout.addWidget(self.buttons)
        self.resize(820, 640)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.check)
        self.check()

    def _start_from(self, index: int) -> None:
        pid = self.start_from.itemData(index)
        if pid is None:
            return
        text = profile_text(pid)
        if pid != CUSTOM_ID:
            # A copy is the user's own profile: it takes the custom id, not the body's.
            text = text.replace(f'id = "{pid}"', f'id = "{CUSTOM_ID}"', 1)
        self.editor.setPlainText(text)
        self.start_from.setCurrentIndex(0)

    def _schedule_check(self) -> None:
        self._timer.start()

    def check(self) -> Profile | None:
        self._timer.stop()
        try:
            profile = settings.check_custom(self.editor.toPlainText())
        except ProfileError as exc:
            self.verdict.setText(self.tr("Not valid yet: %1").replace("%1", error_text(exc)))
            self.verdict.setStyleSheet(f"background: {AMBER.name()}; color: "
                                       f"{AMBER_TEXT.name()}; padding: 4px;")
            self.save_button.setEnabled(False)
            return None
        self.verdict.setStyleSheet("padding: 4px;")
        cycles = self.tr("cycles of %n months", "", profile.cycle.months)
        self.verdict.setText(self.tr("Valid: “%1”, %n requirements, %2.", "",
                                     len(profile.requirements))
                             .replace("%1", profile.name.get(self._language))
                             .replace("%2", cycles))
        self.save_button.setEnabled(True)
        return profile

    def accept(self) -> None:
        if self.check() is None:
            return
        try:
            self.profile = settings.save_custom(self._db, self.editor.toPlainText())
        except KnownError as exc:
            self.verdict.setText(error_text(exc))
            return
        super().accept()
