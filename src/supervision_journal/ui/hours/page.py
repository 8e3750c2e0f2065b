"""The Hours page of the main window (registered in ui/pages.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ...vault import Vault

if TYPE_CHECKING:
    from ..main_window import MainWindow


class HoursPage(QWidget):
    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self.setObjectName("HoursPage")
        QVBoxLayout(self)


def hours_page(window: MainWindow, vault: Vault) -> tuple[str, str, QWidget]:
    return "hours", QCoreApplication.translate("HoursPage", "Hours"), HoursPage(vault, window)
