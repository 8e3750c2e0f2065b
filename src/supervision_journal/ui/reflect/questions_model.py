"""The supervision questions queue as a read-only Qt table: status, client (pseudonym only),
session, the question's first line, and the supervision it was discussed in."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from ...journal.models import Question
from ..widgets import format_date
from .labels import status_label

AnyIndex = QModelIndex | QPersistentModelIndex
COLUMNS = ("status", "client", "session", "question", "supervision")


def first_line(text: str, limit: int = 140) -> str:
    line = next((part.strip() for part in text.splitlines() if part.strip()), "")
    return line if len(line) <= limit else line[:limit - 1].rstrip() + "…"


def question_key(question: Question) -> tuple[str, int]:
    return (question.kind, question.ref_id)


class QuestionsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Question] = []
        self._supervisions: Mapping[int, str] = {}

    def set_questions(self, questions: list[Question], supervisions: Mapping[int, str]) -> None:
        self.beginResetModel()
        self._rows = list(questions)
        self._supervisions = dict(supervisions)
        self.endResetModel()

    def question_at(self, row: int) -> Question | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, key: tuple[str, int]) -> int:
        return next((i for i, q in enumerate(self._rows) if question_key(q) == key), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            "status": QCoreApplication.translate("QuestionsModel", "Status"),
            "client": QCoreApplication.translate("QuestionsModel", "Client"),
            "session": QCoreApplication.translate("QuestionsModel", "Session"),
            "question": QCoreApplication.translate("QuestionsModel", "Question"),
            "supervision": QCoreApplication.translate("QuestionsModel", "Discussed in"),
        }
        return titles[COLUMNS[section]] if 0 <= section < len(COLUMNS) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        question = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if column == "status":
            return status_label(question.status)
        if column == "client":
            return question.pseudonym or "—"
        if column == "session":
            if question.session_number is None:
                return "—"
            return (QCoreApplication.translate("QuestionsModel", "%1 · %2")
                    .replace("%1", str(question.session_number))
                    .replace("%2", format_date(question.date)))
        if column == "question":
            return first_line(question.text)
        if question.status == "open" or question.supervision_id is None:
            return ""
        return self._supervisions.get(question.supervision_id, "")
