"""The Supervision page: the log of supervision sessions (each one also in the hours), and
the preparation of the next one with its case presentation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from ...journal.models import SearchHit
from ...vault.database import Database
from ...vault.vault import Vault
from .prepare_view import PrepareView
from .supervision_log import SupervisionLog
from .widgets import bold

if TYPE_CHECKING:
    from ..main_window import MainWindow

PAGE_KEY = "supervision"


class SupervisionPage(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None,
                 prepare_view: PrepareView | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(self.tr("Supervision"), self)
        bold(heading, 1.25)
        self.log = SupervisionLog(db, self)
        self.prepare = prepare_view or PrepareView(db, parent=self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.prepare, self.tr("&Prepare the next one"))
        self.tabs.addTab(self.log, self.tr("&Log of sessions"))
        self.tabs.currentChanged.connect(lambda _i: self._refresh_current())
        self.log.changed.connect(self.prepare.refresh)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(heading)
        layout.addWidget(self.tabs, 1)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._refresh_current()  # notes, questions and approvals change elsewhere

    def _refresh_current(self) -> None:
        widget = self.tabs.currentWidget()
        if widget is self.log:
            self.log.refresh()
        else:
            self.prepare.refresh()

    def show_log(self) -> None:
        self.tabs.setCurrentWidget(self.log)

    def flush(self) -> None:
        """Commit the supervision form and the presentation draft (lock, quit)."""
        self.log.flush()
        self.prepare.flush()


def _open_session(window: MainWindow, session_id: int, client_id: int) -> None:
    window.show_page("journal")
    window.open_hit(SearchHit("section", 0, session_id, client_id, None, None, None, ""))


def supervision_page(window: MainWindow, vault: Vault) -> tuple[str, str, QWidget]:
    prepare = PrepareView(vault.db, lambda sid, cid: _open_session(window, sid, cid))
    page = SupervisionPage(vault.db, window, prepare)
    return PAGE_KEY, QCoreApplication.translate("Pages", "Supervision"), page
