"""The selected client's sessions as a thin, read-only Qt list, newest first:
"Session 14 · 12 Nov 2026 · 50 min". Rows are ``Session`` values from ``list_sessions``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from ..journal.models import Session
from .widgets import format_date, modality_label

AnyIndex = QModelIndex | QPersistentModelIndex


def session_label(session: Session) -> str:
    """ "Session 14 · 12 Nov 2026 · 50 min" in the user's language."""
    return (QCoreApplication.translate("SessionListModel", "Session %1 · %2 · %3 min")
            .replace("%1", str(session.number))
            .replace("%2", format_date(session.date))
            .replace("%3", str(session.duration_minutes)))


class SessionListModel(QAbstractListModel):
    SessionIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sessions: list[Session] = []

    def set_sessions(self, sessions: list[Session]) -> None:
        self.beginResetModel()
        self._sessions = list(sessions)
        self.endResetModel()

    def clear(self) -> None:
        self.set_sessions([])

    def session_at(self, row: int) -> Session | None:
        return self._sessions[row] if 0 <= row < len(self._sessions) else None

    def row_of(self, session_id: int) -> int:
        return next((i for i, s in enumerate(self._sessions) if s.id == session_id), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._sessions)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._sessions):
            return None
        session = self._sessions[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return session_label(session)
        if role == Qt.ItemDataRole.ToolTipRole:
            # Session facts only: never a pseudonym or identity term in a tooltip.
            return modality_label(session.modality)
        if role == self.SessionIdRole:
            return session.id
        return None
