"""The selected client's sessions, newest first, numbered; a "New session" button."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..journal import store
from ..journal.models import Session
from ..vault.database import Database
from .session_model import SessionListModel
from .widgets import EmptyState


class SessionsPanel(QWidget):
    """Signals:
        session_selected(object): the chosen session's id, or None.
        new_session_requested: the "New session" buttons.
    """

    session_selected = Signal(object)
    new_session_requested = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._client_id: int | None = None
        self._current: int | None = None
        # Said when no client is selected; the main window blanks it while there are none.
        self.no_client_message = self.tr("Select a client to see their sessions.")

        heading = QLabel(self.tr("Sessions"), self)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.new_button = QToolButton(self)
        self.new_button.setText(self.tr("New session"))
        self.new_button.setAccessibleName(self.tr("New session"))
        self.new_button.setToolTip(self.tr("New session (Ctrl+N)"))
        self.new_button.setAutoRaise(True)
        self.new_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.new_button.clicked.connect(self.new_session_requested)

        self.model = SessionListModel(self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(True)
        # A narrow column elides "Session 14 · 12 Nov 2026 · 50 min" rather than scrolling.
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAccessibleName(self.tr("Sessions of the selected client"))
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)

        self.empty = EmptyState(self.tr("Select a client to see their sessions."),
                                self.tr("New session"), self)
        assert self.empty.button is not None
        self.empty.button.clicked.connect(self.new_session_requested)

        self._stack = QStackedWidget(self)
        self._stack.addWidget(self.view)
        self._stack.addWidget(self.empty)

        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self._stack, 1)
        self.set_client(None)

    @property
    def client_id(self) -> int | None:
        return self._client_id

    def current_session(self) -> Session | None:
        index = self.view.currentIndex()
        return self.model.session_at(index.row()) if index.isValid() else None

    def newest(self) -> Session | None:
        return self.model.session_at(0)

    def set_client(self, client_id: int | None, select_id: int | None = None) -> None:
        """Show a client's sessions and select ``select_id`` (default: the newest)."""
        self._client_id = client_id
        self._current = None
        self.new_button.setEnabled(client_id is not None)
        self.refresh(select_id, newest_if_missing=True)

    def refresh(self, select_id: int | None = None, *, newest_if_missing: bool = False) -> None:
        wanted = select_id if select_id is not None else self._current
        sessions = store.list_sessions(self._db, self._client_id) if self._client_id else []
        blocker = self.view.selectionModel().blockSignals(True)
        try:
            self.model.set_sessions(sessions)
            row = self.model.row_of(wanted) if wanted is not None else -1
            if row < 0 and newest_if_missing and sessions:
                row = 0
            if row >= 0:
                self.view.selectionModel().setCurrentIndex(
                    self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        finally:
            self.view.selectionModel().blockSignals(blocker)
        assert self.empty.button is not None
        if sessions:
            self._stack.setCurrentWidget(self.view)
            self.view.scrollTo(self.model.index(max(row, 0), 0))
        elif self._client_id is None:
            self.empty.set_message(self.no_client_message)
            self.empty.button.hide()
            self._stack.setCurrentWidget(self.empty)
        else:
            self.empty.set_message(self.tr("No sessions yet — start one with Ctrl+N"))
            self.empty.button.show()
            self._stack.setCurrentWidget(self.empty)
        session = self.model.session_at(row) if row >= 0 else None
        self._announce(session.id if session else None)

    def select_session(self, session_id: int) -> bool:
        row = self.model.row_of(session_id)
        if row >= 0:  # listed: a selection change, no query
            self.view.setCurrentIndex(self.model.index(row, 0))
            self.view.scrollTo(self.model.index(row, 0))
        else:
            self.refresh(select_id=session_id)
        return self._current == session_id

    def clear(self) -> None:
        self.model.clear()
        self._client_id = None
        self._current = None

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        session = self.model.session_at(current.row()) if current.isValid() else None
        self._announce(session.id if session else None)

    def _announce(self, session_id: int | None) -> None:
        if session_id != self._current:
            self._current = session_id
            self.session_selected.emit(session_id)
