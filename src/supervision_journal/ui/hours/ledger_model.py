"""The ledger as a Qt table: one row per activity, filtered by a proxy.

The model holds the activities in memory (2,000 rows are nothing) and is updated row by row
after an edit, so the view keeps its selection and scroll position. Sorting uses typed values
(dates, minutes), never the displayed text, and happens in the model with Python's sort: a
proxy sort would call back into Python for every comparison (~200 ms for 2,000 rows).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont

from ...hours.models import Activity
from ..widgets import format_date
from .duration import format_duration
from .labels import format_label, kind_label, tag_label

Index = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 1

DATE, KIND, DURATION, FORMAT, TITLE, PROVIDER, TOPICS, EVIDENCE = range(8)


class ActivityTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Activity] = []
        self._evidence: dict[int, int] = {}
        self._haystacks: dict[int, str] = {}
        self._sort: tuple[int, Qt.SortOrder] = (DATE, Qt.SortOrder.DescendingOrder)
        self._italic = QFont()
        self._italic.setItalic(True)

    # -- contents --------------------------------------------------------------------------
    def set_activities(self, activities: Sequence[Activity], evidence: dict[int, int]) -> None:
        self.beginResetModel()
        self._rows = self._sorted(activities, *self._sort)
        self._evidence = dict(evidence)
        self._haystacks.clear()
        self.endResetModel()

    def activities(self) -> list[Activity]:
        return list(self._rows)

    def activity(self, row: int) -> Activity:
        return self._rows[row]

    def row_of(self, activity_id: int) -> int | None:
        for row, a in enumerate(self._rows):
            if a.id == activity_id:
                return row
        return None

    def upsert(self, activity: Activity, evidence_count: int | None = None) -> None:
        if evidence_count is not None:
            self._evidence[activity.id] = evidence_count
        row = self.row_of(activity.id)
        if row is None:
            self.add_rows([activity])
            return
        self._rows[row] = activity
        self._haystacks.pop(activity.id, None)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        self.sort(*self._sort)  # a new date or duration may move it

    def add_rows(self, activities: Iterable[Activity]) -> None:
        new = list(activities)
        if not new:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        self._rows.extend(new)
        self.endInsertRows()
        self.sort(*self._sort)

    def remove(self, activity_id: int) -> None:
        row = self.row_of(activity_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self._evidence.pop(activity_id, None)
        self._haystacks.pop(activity_id, None)
        self.endRemoveRows()

    def evidence_count(self, activity_id: int) -> int:
        return self._evidence.get(activity_id, 0)

    def haystack(self, row: int) -> str:
        """The words the ledger's filter looks in, case-folded (computed once per entry)."""
        a = self._rows[row]
        text = self._haystacks.get(a.id)
        if text is None:
            text = " ".join((a.title, a.provider, " ".join(a.categories),
                             " ".join(tag_label(t) for t in a.categories), a.learning,
                             a.impact, kind_label(a.kind))).casefold()
            self._haystacks[a.id] = text
        return text

    # -- sorting ---------------------------------------------------------------------------
    def _sorted(self, rows: Iterable[Activity], column: int,
                order: Qt.SortOrder) -> list[Activity]:
        return sorted(rows, key=lambda a: self._sort_key(a, column),
                      reverse=order == Qt.SortOrder.DescendingOrder)

    def sort_order(self) -> tuple[int, Qt.SortOrder]:
        return self._sort

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < self.columnCount():
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self._rows[i.row()].id if 0 <= i.row() < len(self._rows) else None
               for i in persistent]
        self._rows = self._sorted(self._rows, column, order)
        where = {a.id: r for r, a in enumerate(self._rows)}
        self.changePersistentIndexList(
            persistent, [self.index(where[i], p.column()) if i in where else QModelIndex()
                         for p, i in zip(persistent, ids, strict=True)])
        self.layoutChanged.emit()

    # -- Qt model --------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 8

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Date"), self.tr("Kind"), self.tr("Duration"), self.tr("Format"),
                self.tr("Title"), self.tr("Provider or supervisor"), self.tr("Topics"),
                self.tr("Evidence"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        a = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(a, column)
        if role == ID_ROLE:
            return a.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (DURATION, EVIDENCE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and a.supervision_id is not None:
            return self._italic
        if role == Qt.ItemDataRole.ToolTipRole and a.supervision_id is not None \
                and column == KIND:
            return self.tr("Logged with a supervision session: edit it on the Supervision "
                           "page.")
        return None

    def _display(self, a: Activity, column: int) -> str:
        if column == DATE:
            return format_date(a.date)
        if column == KIND:
            return kind_label(a.kind)
        if column == DURATION:
            return format_duration(a.minutes)
        if column == FORMAT:
            label = format_label(a.format)
            if a.group_size and a.format in ("group", "peer"):
                label = self.tr("%1 of %2").replace("%1", label).replace("%2",
                                                                          str(a.group_size))
            return label
        if column == TITLE:
            return a.title
        if column == PROVIDER:
            return a.provider
        if column == TOPICS:
            return ", ".join(tag_label(t) for t in a.categories)
        count = self._evidence.get(a.id, 0)
        return str(count) if count else ""

    def _sort_key(self, a: Activity, column: int) -> object:
        if column == DATE:
            # One integer (QVariant cannot compare tuples): the day, then the order of entry.
            return a.date.toordinal() * 10_000_000 + a.id % 10_000_000
        if column == DURATION:
            return a.minutes
        if column == EVIDENCE:
            return self._evidence.get(a.id, 0)
        return self._display(a, column).casefold()


class ActivityFilterProxy(QSortFilterProxyModel):
    """Filters by kind, free text (title, provider, topics, learning, impact) and date range,
    or by a set of ids (e.g. "the group entries without a size")."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._kind: str | None = None
        self._text = ""
        self._from: date | None = None
        self._to: date | None = None
        self._ids: frozenset[int] | None = None

    def source(self) -> ActivityTableModel:
        model = self.sourceModel()
        assert isinstance(model, ActivityTableModel)
        return model

    def set_filter(self, *, kind: str | None, text: str, date_from: date | None,
                   date_to: date | None) -> None:
        self._begin()
        self._kind = kind
        self._text = text.strip().casefold()
        self._from, self._to = date_from, date_to
        self._end()

    def set_ids(self, ids: Iterable[int] | None) -> None:
        self._begin()
        self._ids = None if ids is None else frozenset(ids)
        self._end()

    # Qt 6.9 added begin/endFilterChange and deprecates invalidateRowsFilter; keep both working.
    def _begin(self) -> None:
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()

    def _end(self) -> None:
        if hasattr(self, "beginFilterChange"):
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    @property
    def ids_filter(self) -> frozenset[int] | None:
        return self._ids

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        return self.accepts(self.source(), source_row)

    def accepts(self, model: ActivityTableModel, row: int) -> bool:
        a = model.activity(row)
        if self._ids is not None:
            return a.id in self._ids
        if self._kind is not None and a.kind != self._kind:
            return False
        if self._from is not None and a.date < self._from:
            return False
        if self._to is not None and a.date > self._to:
            return False
        if self._text:
            haystack = model.haystack(row)
            return all(word in haystack for word in self._text.split())
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # The source sorts itself (fast); the proxy keeps its order and only filters.
        if self.source().sort_order() != (column, order):
            self.source().sort(column, order)

    def visible_activities(self) -> list[Activity]:
        """The rows shown, in the model's order (the filter applied in Python: mapping every
        row through the proxy costs a Qt call per row)."""
        model = self.source()
        return [model.activity(r) for r in range(model.rowCount()) if self.accepts(model, r)]
