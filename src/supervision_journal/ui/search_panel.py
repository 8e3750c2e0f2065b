"""Search over every note and reflection (FTS5 inside the vault), as you type.

Results show the client's pseudonym, the session number and date, the section, and a snippet
with the matched words emphasised; Enter or a double-click opens the note at the match.
Filters: client, session tag, date range. Queries run on the GUI thread, debounced and bounded
by ``RESULT_LIMIT``. Search-as-you-type stays on only while queries are fast (``LIVE_LIMIT_MS``):
after a slow one, typing no longer searches and Enter does, with a busy cursor, so typing never
stalls (store.search takes seconds on a 20,000-session vault; see the UI report).
"""

from __future__ import annotations

import dataclasses
import html
import time
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
)

from ..errors import KnownError
from ..journal import store
from ..journal.models import SearchHit
from ..vault.database import Database
from .clipboard import SecureLineEdit
from .editor.section_titles import section_title
from .error_text import error_text
from .widgets import HtmlDelegate, format_date, from_qdate, snippet_html, snippet_plain

AnyIndex = QModelIndex | QPersistentModelIndex
DEBOUNCE_MS = 150
RESULT_LIMIT = 50
LIVE_LIMIT_MS = 50.0  # slower than this, and the search waits for Enter
_NO_DATE = QDate(1900, 1, 1)  # the date edits' "Any" value


def _heading(hit: SearchHit) -> list[str]:
    # QCoreApplication.translate spelt out in full: lupdate only recognises that form.
    parts = [hit.pseudonym or QCoreApplication.translate("SearchResultModel", "No client")]
    if hit.session_number is not None:
        parts.append(QCoreApplication.translate("SearchResultModel", "Session %1")
                     .replace("%1", str(hit.session_number)))
    if hit.date is not None:
        parts.append(format_date(hit.date))
    if hit.kind == "reflection":
        parts.append(QCoreApplication.translate("SearchResultModel", "Reflection"))
    elif hit.section_key:
        parts.append(section_title(hit.section_key))
    return parts


class SearchResultModel(QAbstractListModel):
    """Search hits, in rank order. DisplayRole is plain text; HtmlRole has the emphasis."""

    HtmlRole = Qt.ItemDataRole.UserRole + 1
    HitRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def clear(self) -> None:
        self.set_hits([])

    def hit_at(self, row: int) -> SearchHit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return " · ".join(_heading(hit)) + "\n" + snippet_plain(hit.snippet)
        if role == self.HtmlRole:
            head = _heading(hit)
            first = f"<b>{html.escape(head[0])}</b>"
            rest = "".join(f" · {html.escape(p)}" for p in head[1:])
            return f"{first}{rest}<br>{snippet_html(hit.snippet)}"
        if role == self.HitRole:
            return hit
        return None


class SearchPanel(QWidget):
    """Signals:
        open_requested(object): a ``SearchHit`` to open (Enter, double-click).
        dismissed: the search was cleared or Escape was pressed.
    ``search_box`` is created here and placed by the main window (in its tool bar).
    """

    open_requested = Signal(object)
    dismissed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.last_duration_ms = 0.0
        self.last_error: str | None = None
        self.live = True  # search as you type while queries stay fast
        self.live_limit_ms = LIVE_LIMIT_MS
        self._searched: tuple[object, ...] | None = None  # what the results are for

        self.search_box = SecureLineEdit(self)
        self.search_box.setPlaceholderText(self.tr("Search notes and reflections (Ctrl+K)"))
        self.search_box.setAccessibleName(self.tr("Search notes and reflections"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self._text_changed)
        self.search_box.installEventFilter(self)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)

        heading = QLabel(self.tr("Search results"), self)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)

        self.client_filter = QComboBox(self)
        self.client_filter.setAccessibleName(self.tr("Only this client"))
        self.client_filter.currentIndexChanged.connect(self._filters_changed)
        self.tag_filter = SecureLineEdit(self)
        self.tag_filter.setPlaceholderText(self.tr("Any tag"))
        self.tag_filter.setAccessibleName(self.tr("Only sessions with this tag"))
        self.tag_filter.setClearButtonEnabled(True)
        self.tag_filter.textChanged.connect(self._filters_changed)
        self.date_from = self._date_edit(self.tr("From date"))
        self.date_to = self._date_edit(self.tr("To date"))

        filters = QFormLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addRow(self.tr("&Client"), self.client_filter)
        filters.addRow(self.tr("T&ag"), self.tag_filter)
        filters.addRow(self.tr("&From"), self.date_from)
        filters.addRow(self.tr("T&o"), self.date_to)
        # The middle column is narrow: fields shrink rather than widen it.
        for field in (self.client_filter, self.tag_filter, self.date_from, self.date_to):
            field.setMinimumWidth(60)
        self.client_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.client_filter.setMinimumContentsLength(8)

        self.model = SearchResultModel(self)
        self.results = QListView(self)
        self.results.setModel(self.model)
        self.results.setItemDelegate(HtmlDelegate(SearchResultModel.HtmlRole, self.results))
        self.results.setWordWrap(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.activated.connect(self._activated)

        self.status = QLabel(self)
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(heading)
        layout.addLayout(filters)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        QWidget.setTabOrder(self.results, self.client_filter)
        QWidget.setTabOrder(self.client_filter, self.tag_filter)
        QWidget.setTabOrder(self.tag_filter, self.date_from)
        QWidget.setTabOrder(self.date_from, self.date_to)
        self.refresh_clients()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        edit.setMinimumDate(_NO_DATE)
        edit.setSpecialValueText(self.tr("Any"))
        edit.setDate(_NO_DATE)
        edit.setAccessibleName(name)
        edit.dateChanged.connect(self._filters_changed)
        return edit

    # -- filters ---------------------------------------------------------------------------
    def refresh_clients(self) -> None:
        """Refill the client filter (after a client was added or renamed)."""
        current = self.client_filter.currentData()
        blocker = self.client_filter.blockSignals(True)
        try:
            self.client_filter.clear()
            self.client_filter.addItem(self.tr("All clients"), None)
            for client in store.list_clients(self._db):
                self.client_filter.addItem(client.pseudonym, client.id)
            index = self.client_filter.findData(current) if current is not None else 0
            self.client_filter.setCurrentIndex(max(index, 0))
        finally:
            self.client_filter.blockSignals(blocker)

    @staticmethod
    def _date_value(edit: QDateEdit) -> date | None:
        return None if edit.date() == _NO_DATE else from_qdate(edit.date())

    def _filters_changed(self, *_args: object) -> None:
        self._query_changed()

    # -- searching -------------------------------------------------------------------------
    def _signature(self) -> tuple[object, ...]:
        return (self.search_box.text().strip(), self.client_filter.currentData(),
                self.tag_filter.text().strip(), self.date_from.date(), self.date_to.date())

    def _text_changed(self, text: str) -> None:
        if text.strip():
            self._query_changed()
        else:
            self._timer.stop()
            self.model.clear()
            self.status.clear()
            self._searched = None
            self.dismissed.emit()

    def _query_changed(self) -> None:
        if not self.search_box.text().strip():
            return
        if self.live:
            self._timer.start()
        elif self._signature() != self._searched:
            self.status.setText(self.tr("Press Enter to search."))

    @property
    def up_to_date(self) -> bool:
        return self._searched == self._signature() and not self._timer.isActive()

    def run_search(self) -> None:
        self._timer.stop()
        text = self.search_box.text()
        signature = self._signature()
        slow = not self.live
        if slow:
            self.status.setText(self.tr("Searching…"))
            self.status.repaint()
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        started = time.perf_counter()
        try:
            hits = store.search(self._db, text, client_id=self.client_filter.currentData(),
                                tag=self.tag_filter.text().strip() or None,
                                date_from=self._date_value(self.date_from),
                                date_to=self._date_value(self.date_to), limit=RESULT_LIMIT)
            hits = self._with_numbers(hits)
        except KnownError as exc:
            self.last_error = error_text(exc)
            self.model.clear()
            self.status.setText(error_text(exc))
            return
        finally:
            if slow:
                QApplication.restoreOverrideCursor()
        self.last_duration_ms = (time.perf_counter() - started) * 1000
        self.live = self.last_duration_ms <= self.live_limit_ms
        self._searched = signature
        self.last_error = None
        self.model.set_hits(hits)
        if hits:
            self.results.setCurrentIndex(self.model.index(0, 0))
        if not text.strip():
            self.status.clear()
        elif not hits:
            self.status.setText(self.tr("Nothing found. Try fewer words or other filters."))
        elif len(hits) >= RESULT_LIMIT:
            self.status.setText(self.tr("The first %1 results, best first.")
                                .replace("%1", str(RESULT_LIMIT)))
        else:
            self.status.setText(self.tr("Results: %n", "", len(hits)))

    def _with_numbers(self, hits: list[SearchHit]) -> list[SearchHit]:
        """Add each hit's session number (the store leaves it out of the FTS query)."""
        numbers: dict[int, int] = {}
        out = []
        for hit in hits:
            if hit.session_id is not None and hit.session_number is None:
                if hit.session_id not in numbers:
                    numbers[hit.session_id] = store.get_session(self._db, hit.session_id).number
                hit = dataclasses.replace(hit, session_number=numbers[hit.session_id])
            out.append(hit)
        return out

    # -- opening ---------------------------------------------------------------------------
    def current_hit(self) -> SearchHit | None:
        index = self.results.currentIndex()
        return self.model.hit_at(index.row()) if index.isValid() else None

    def _activated(self, index: QModelIndex) -> None:
        hit = self.model.hit_at(index.row())
        if hit is not None:
            self.open_requested.emit(hit)

    def open_current(self) -> None:
        """Enter in the search box: search if the results are stale (typed faster than the
        debounce, or waiting for Enter), then open the current result when it is live."""
        if not self.up_to_date:
            was_live = self.live
            self.run_search()
            if not was_live:
                return  # show the results first; the next Enter opens one
        hit = self.current_hit()
        if hit is not None:
            self.open_requested.emit(hit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_current()
                return True
            if key == Qt.Key.Key_Down and self.model.rowCount():
                self.results.setFocus(Qt.FocusReason.TabFocusReason)
                return True
            if key == Qt.Key.Key_Escape:
                if self.search_box.text():
                    self.search_box.clear()  # textChanged → dismissed
                else:
                    self.dismissed.emit()
                return True
        return super().eventFilter(watched, event)

    def clear(self) -> None:
        self._timer.stop()
        self.model.clear()
        self.search_box.wipe()
        self.tag_filter.wipe()
        self.client_filter.clear()
