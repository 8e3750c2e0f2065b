"""The clients list as a thin, read-only Qt table: pseudonym, session count, last session.

Rows are ``Client`` values from ``journal.store.list_clients``; the model never queries the
database itself, so it can be refilled (``set_clients``) and emptied (``clear``) on lock.
Identity details are not part of ``Client`` and so can never reach this model.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from ..journal.models import Client
from .widgets import format_date

AnyIndex = QModelIndex | QPersistentModelIndex


class ClientListModel(QAbstractTableModel):
    COL_PSEUDONYM, COL_SESSIONS, COL_LAST_SESSION = range(3)
    _HEADERS = (
        QT_TRANSLATE_NOOP("ClientListModel", "Client"),
        QT_TRANSLATE_NOOP("ClientListModel", "Sessions"),
        QT_TRANSLATE_NOOP("ClientListModel", "Last session"),
    )
    ClientIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clients: list[Client] = []

    # -- filling ----------------------------------------------------------------------------
    def set_clients(self, clients: list[Client]) -> None:
        self.beginResetModel()
        self._clients = list(clients)
        self.endResetModel()

    def clear(self) -> None:
        self.set_clients([])

    def client_at(self, row: int) -> Client | None:
        return self._clients[row] if 0 <= row < len(self._clients) else None

    def row_of(self, client_id: int) -> int:
        return next((i for i, c in enumerate(self._clients) if c.id == client_id), -1)

    # -- Qt interface -----------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._clients)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._HEADERS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._clients):
            return None
        client = self._clients[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_PSEUDONYM:
                return client.pseudonym
            if column == self.COL_SESSIONS:
                return str(client.session_count)
            if column == self.COL_LAST_SESSION:
                return format_date(client.last_session)
        elif role == Qt.ItemDataRole.TextAlignmentRole and column != self.COL_PSEUDONYM:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif role == Qt.ItemDataRole.AccessibleTextRole and column == self.COL_SESSIONS:
            # self.tr: lupdate reads plurals from tr() only, not from translate().
            return self.tr("Sessions: %n", "", client.session_count)
        elif role == self.ClientIdRole:
            return client.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._HEADERS)):
            return QCoreApplication.translate("ClientListModel", self._HEADERS[section])
        return None
