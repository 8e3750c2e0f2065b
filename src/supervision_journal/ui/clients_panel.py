"""The clients column: a filter box, Active/Closed, the list (pseudonym, sessions, last
session) and an empty state that says how to add the first client."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..errors import NotFound
from ..journal import store
from ..journal.models import Client
from ..vault.database import Database
from .client_model import ClientListModel
from .clipboard import SecureLineEdit
from .widgets import EmptyState, format_date


class ClientsPanel(QWidget):
    """Signals:
        client_selected(object): the chosen client's id, or None when nothing is selected.
        new_client_requested: the empty state's button.
    """

    client_selected = Signal(object)
    new_client_requested = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._current: int | None = None
        self.has_clients = False  # in any status, whatever the filter

        heading = QLabel(self.tr("Clients"), self)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)

        self.filter_box = SecureLineEdit(self)
        self.filter_box.setPlaceholderText(self.tr("Filter clients"))
        self.filter_box.setAccessibleName(self.tr("Filter clients by pseudonym"))
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(lambda _text: self.refresh())

        self.active_button = QToolButton(self)
        self.active_button.setText(self.tr("Active"))
        self.active_button.setAccessibleName(self.tr("Show active clients"))
        self.closed_button = QToolButton(self)
        self.closed_button.setText(self.tr("Closed"))
        self.closed_button.setAccessibleName(self.tr("Show closed clients"))
        self._status_group = QButtonGroup(self)
        for button in (self.active_button, self.closed_button):
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self._status_group.addButton(button)
        self.active_button.setChecked(True)
        self._status_group.buttonToggled.connect(self._status_toggled)

        self.model = ClientListModel(self)
        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAllColumnsShowFocus(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAccessibleName(self.tr("Clients"))
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ClientListModel.COL_PSEUDONYM, QHeaderView.ResizeMode.Stretch)
        # Fixed widths from sample text: "resize to contents" re-measures every row on every
        # refresh, which a client switch cannot afford.
        metrics = self.view.fontMetrics()
        samples = {ClientListModel.COL_SESSIONS: "00000",
                   ClientListModel.COL_LAST_SESSION: format_date(date(2026, 12, 28))}
        for column, sample in samples.items():
            title = self.model.headerData(column, Qt.Orientation.Horizontal) or ""
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title))
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width + 16)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)

        self.empty = EmptyState(self.tr("No clients yet — add one with Ctrl+Shift+N"),
                                self.tr("Add a client"), self)
        assert self.empty.button is not None
        self.empty.button.clicked.connect(self.new_client_requested)

        self._stack = QStackedWidget(self)
        self._stack.addWidget(self.view)
        self._stack.addWidget(self.empty)

        status_row = QHBoxLayout()
        status_row.setSpacing(2)
        status_row.addWidget(heading)
        status_row.addStretch(1)
        status_row.addWidget(self.active_button)
        status_row.addWidget(self.closed_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(status_row)
        layout.addWidget(self.filter_box)
        layout.addWidget(self._stack, 1)
        QWidget.setTabOrder(self.active_button, self.closed_button)
        QWidget.setTabOrder(self.closed_button, self.filter_box)
        QWidget.setTabOrder(self.filter_box, self.view)

    # -- state -----------------------------------------------------------------------------
    @property
    def status(self) -> str:
        return "closed" if self.closed_button.isChecked() else "active"

    def current_client(self) -> Client | None:
        index = self.view.currentIndex()
        return self.model.client_at(index.row()) if index.isValid() else None

    # -- filling ---------------------------------------------------------------------------
    def refresh(self, select_id: int | None = None) -> None:
        """Reload the list; keep (or move to) the selected client when it is still listed."""
        wanted = select_id if select_id is not None else self._current
        clients = store.list_clients(self._db, self.status, self.filter_box.text())
        blocker = self.view.selectionModel().blockSignals(True)
        try:
            self.model.set_clients(clients)
            row = self.model.row_of(wanted) if wanted is not None else -1
            if row >= 0:
                self.view.selectionModel().setCurrentIndex(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
        finally:
            self.view.selectionModel().blockSignals(blocker)
        self._show_list_or_empty(clients)
        if row >= 0:
            self.view.scrollTo(self.model.index(row, 0))
        self._announce(wanted if row >= 0 else None)

    def _show_list_or_empty(self, clients: list[Client]) -> None:
        self.has_clients = bool(clients) or bool(store.list_clients(self._db))
        if clients:
            self._stack.setCurrentWidget(self.view)
            return
        assert self.empty.button is not None
        if self.filter_box.text().strip():
            self.empty.set_message(self.tr("No client matches this filter."))
            self.empty.button.hide()
        elif self.status == "closed":
            self.empty.set_message(self.tr("No closed clients."))
            self.empty.button.hide()
        elif self.has_clients:
            self.empty.set_message(self.tr("No active clients — add one with Ctrl+Shift+N"))
            self.empty.button.show()
        else:
            self.empty.set_message(self.tr("No clients yet — add one with Ctrl+Shift+N"))
            self.empty.button.show()
        self._stack.setCurrentWidget(self.empty)

    def select_client(self, client_id: int) -> bool:
        """Select a client, switching Active/Closed and clearing the filter if needed."""
        row = self.model.row_of(client_id)
        if row >= 0:
            # Already listed: a selection change, no query (a client switch must stay fast).
            self.view.setCurrentIndex(self.model.index(row, 0))
            self.view.scrollTo(self.model.index(row, 0))
            return True
        try:
            client = store.get_client(self._db, client_id)
        except NotFound:
            return False
        blockers = [w.blockSignals(True) for w in (self.filter_box, self._status_group)]
        try:
            self.filter_box.clear()
            button = self.closed_button if client.status == "closed" else self.active_button
            button.setChecked(True)
        finally:
            for widget, old in zip((self.filter_box, self._status_group), blockers,
                                   strict=True):
                widget.blockSignals(old)
        self.refresh(select_id=client_id)
        return self.model.row_of(client_id) >= 0

    def clear(self) -> None:
        self.model.clear()
        self.filter_box.wipe()
        self._current = None

    # -- reactions -------------------------------------------------------------------------
    def _status_toggled(self, _button: QToolButton, checked: bool) -> None:
        if checked:
            self.refresh()

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        client = self.model.client_at(current.row()) if current.isValid() else None
        self._announce(client.id if client else None)

    def _announce(self, client_id: int | None) -> None:
        if client_id != self._current:
            self._current = client_id
            self.client_selected.emit(client_id)
