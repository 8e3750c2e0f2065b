"""The settings dialog: language, auto-lock minutes and light/dark appearance.

It writes UI preferences only (through ``Settings``); the controller applies them.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME
from . import i18n
from .settings import IDLE_RANGE, Settings


class SettingsDialog(QDialog):
    """Emits ``applied(changed_keys)`` after OK with the names that changed
    ("language", "idle_minutes", "theme")."""

    applied = Signal(list)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        self.setObjectName("SettingsDialog")
        self._settings = settings

        self.language = QComboBox(self)
        self.language.addItem(self.tr("System language"), "")
        for code in i18n.SUPPORTED:
            self.language.addItem(i18n.NATIVE_NAMES[code], code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))

        self.idle_minutes = QSpinBox(self)
        self.idle_minutes.setRange(*IDLE_RANGE)
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.idle_minutes.setValue(settings.idle_minutes)
        self.idle_minutes.setAccessibleName(self.tr("Lock after this many idle minutes"))

        self.theme = QComboBox(self)
        self.theme.addItem(self.tr("Follow the system"), "system")
        self.theme.addItem(self.tr("Light"), "light")
        self.theme.addItem(self.tr("Dark"), "dark")
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme)))

        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("Lock after &idle time:"), self.idle_minutes)
        form.addRow(self.tr("&Appearance:"), self.theme)
        hint = QLabel(self.tr("The journal also locks when the screen locks, when the computer "
                              "sleeps, and with Ctrl+L."), self)
        hint.setWordWrap(True)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def accept(self) -> None:
        changed = []
        language = self.language.currentData()
        if language != self._settings.language:
            self._settings.language = language
            changed.append("language")
        if self.idle_minutes.value() != self._settings.idle_minutes:
            self._settings.idle_minutes = self.idle_minutes.value()
            changed.append("idle_minutes")
        theme = self.theme.currentData()
        if theme != self._settings.theme:
            self._settings.theme = theme
            changed.append("theme")
        self._settings.sync()
        super().accept()
        self.applied.emit(changed)
