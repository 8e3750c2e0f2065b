"""The ledger: every activity in a sortable, filterable table with the totals of what is shown,
and fast entry from the keyboard.

Insert adds, Enter edits, Ctrl+D duplicates, Ctrl+R logs recurring entries, Delete deletes and
Ctrl+Z restores the last deleted entry (with its attachments). Shortcuts act while the ledger
has the focus, so they never collide with the main window's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...errors import KnownError
from ...hours import store
from ...hours.models import ACTIVITY_KINDS, Activity
from ...hours.progress import add_months
from ...vault.database import Database
from ..error_text import error_text
from .activity_dialog import ActivityDialog
from .duration import format_duration
from .labels import hours_text, kind_label
from .ledger_model import DATE, ActivityFilterProxy, ActivityTableModel
from .recurring_dialog import RecurringDialog

UNDO_DEPTH = 20


def parse_bound(text: str, *, end: bool) -> date | None:
    """A filter bound: "2026-10-14", or a month "2026-10" or a year "2026" (its first day for
    "from", its last for "to"). None when empty or not a date."""
    value = text.strip()
    try:
        if len(value) == 4 and value.isdigit():
            return date(int(value), 12, 31) if end else date(int(value), 1, 1)
        if len(value) == 7 and value[4] == "-":
            first = date(int(value[:4]), int(value[5:]), 1)
            return add_months(first, 1) - timedelta(days=1) if end else first
        return date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


@dataclass(frozen=True)
class _Deleted:
    """What Ctrl+Z needs to put a deleted entry back: its facts and its attachments."""

    activity: Activity
    evidence: tuple[tuple[str, str, bytes], ...]


class LedgerView(QWidget):
    changed = Signal()  # an activity was added, edited, deleted or restored

    def __init__(self, db: Database, model: ActivityTableModel,
                 offered_tags: Callable[[], list[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.model = model
        self._offered_tags = offered_tags
        self._deleted: list[_Deleted] = []
        self.dialog: QDialog | None = None
        self.proxy = ActivityFilterProxy(self)
        self.proxy.setSourceModel(model)
        self._build()
        self._build_actions()
        # Totals change with the rows and the filter, never with the order.
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved,
                       model.dataChanged):
            signal.connect(self._update_totals)
        self._update_totals()
        self._update_actions()

    # -- construction ----------------------------------------------------------------------
    def _date_filter(self, name: str, placeholder: str) -> QLineEdit:
        # A line edit, not a QDateEdit: "no bound" is simply empty, and a year or a month
        # ("2026", "2026-10") is quicker to type than a full date.
        edit = QLineEdit(self)
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        edit.setMaxLength(10)
        edit.setClearButtonEnabled(True)
        edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("0000-00-00") + 48)
        edit.textChanged.connect(self._filter_changed)
        return edit

    def _build(self) -> None:
        self.kind_filter = QComboBox(self)
        self.kind_filter.setAccessibleName(self.tr("Show activities of kind"))
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for code in ACTIVITY_KINDS:
            self.kind_filter.addItem(kind_label(code), code)
        self.kind_filter.currentIndexChanged.connect(self._filter_changed)
        self.text_filter = QLineEdit(self)
        self.text_filter.setAccessibleName(self.tr("Filter by words"))
        self.text_filter.setPlaceholderText(self.tr("Title, provider, topic, reflection…"))
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.textChanged.connect(self._filter_changed)
        self.from_filter = self._date_filter(self.tr("From date"), self.tr("YYYY-MM-DD"))
        self.to_filter = self._date_filter(self.tr("To date"), self.tr("YYYY-MM-DD"))
        self.clear_filters_button = QToolButton(self)
        self.clear_filters_button.setText(self.tr("Clear filters"))
        self.clear_filters_button.setAccessibleName(self.tr("Clear filters"))
        self.clear_filters_button.clicked.connect(self.clear_filters)

        filters = QHBoxLayout()
        for text, widget in ((self.tr("&Show"), self.kind_filter),
                             (self.tr("&Words"), self.text_filter),
                             (self.tr("Fro&m"), self.from_filter),
                             (self.tr("T&o"), self.to_filter)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget, 2 if widget is self.text_filter else 0)
        filters.addWidget(self.clear_filters_button)

        self.ids_banner = QLabel(self)
        self.ids_banner.setWordWrap(True)
        self.ids_banner_button = QPushButton(self.tr("Show every entry"), self)
        self.ids_banner_button.clicked.connect(lambda: self.show_ids(None))
        banner = QHBoxLayout()
        banner.addWidget(self.ids_banner, 1)
        banner.addWidget(self.ids_banner_button)
        self.ids_banner.hide()
        self.ids_banner_button.hide()

        self.view = QTableView(self)
        self.view.setAccessibleName(self.tr("Activities"))
        self.view.setModel(self.proxy)
        # Newest first: the indicator is set before sorting is enabled, which applies it.
        self.view.horizontalHeader().setSortIndicator(DATE, Qt.SortOrder.DescendingOrder)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.view.setTabKeyNavigation(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        metrics = header.fontMetrics()
        for column, width in enumerate((100, 190, 70, 110, 220, 170, 150, 70)):
            title = str(self.proxy.headerData(column, Qt.Orientation.Horizontal))
            # a translated header may be longer than the English one: never cut it
            self.view.setColumnWidth(column, max(width, metrics.horizontalAdvance(title) + 28))
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.view.activated.connect(lambda _index: self.edit_current())
        self.view.selectionModel().currentRowChanged.connect(
            lambda *_: self._update_actions())

        self.totals = QLabel(self)
        self.totals.setAccessibleName(self.tr("Totals of the entries shown"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.undo_button = QPushButton(self.tr("&Undo delete"), self)
        self.undo_button.setAccessibleName(self.tr("Restore the last deleted entry"))
        self.undo_button.clicked.connect(self.undo_delete)
        self.undo_button.hide()
        footer = QHBoxLayout()
        footer.addWidget(self.totals)
        footer.addStretch(1)
        footer.addWidget(self.message, 2)
        footer.addWidget(self.undo_button)

        self.buttons_row = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(self.buttons_row)
        layout.addLayout(filters)
        layout.addLayout(banner)
        layout.addWidget(self.view, 1)
        layout.addLayout(footer)

    def _action(self, text: str, keys: list[QKeySequence], slot: Callable[[], object],
                name: str) -> QAction:
        action = QAction(text, self)
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setObjectName(name)
        action.triggered.connect(slot)
        self.addAction(action)
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        shortcut = keys[0].toString(QKeySequence.SequenceFormat.NativeText) if keys else ""
        if shortcut:
            action.setToolTip(self.tr("%1 (%2)").replace("%1", text.replace("&", ""))
                              .replace("%2", shortcut))
        self.buttons_row.addWidget(button)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence
        self.add_action = self._action(self.tr("&Add…"), [key("Insert"), key("Ctrl+Shift+A")],
                                       self.add, "add_activity")
        self.edit_action = self._action(self.tr("&Edit…"), [], self.edit_current,
                                        "edit_activity")
        self.duplicate_action = self._action(self.tr("&Duplicate…"), [key("Ctrl+D")],
                                             self.duplicate_current, "duplicate_activity")
        self.recurring_action = self._action(self.tr("&Recurring…"), [key("Ctrl+R")],
                                             self.add_recurring, "recurring_activities")
        self.delete_action = self._action(self.tr("De&lete"), [key(key.StandardKey.Delete)],
                                          self.delete_current, "delete_activity")
        self.undo_action = self._action(self.tr("Restore deleted"), [key(key.StandardKey.Undo)],
                                        self.undo_delete, "undo_delete")
        self.buttons_row.addStretch(1)

    # -- filters and totals ----------------------------------------------------------------
    def _filter_changed(self) -> None:
        self.proxy.set_filter(kind=self.kind_filter.currentData(), text=self.text_filter.text(),
                              date_from=parse_bound(self.from_filter.text(), end=False),
                              date_to=parse_bound(self.to_filter.text(), end=True))
        self._update_totals()
        self._update_actions()

    def clear_filters(self) -> None:
        for widget in (self.kind_filter, self.text_filter, self.from_filter, self.to_filter):
            widget.blockSignals(True)
        self.kind_filter.setCurrentIndex(0)
        self.text_filter.clear()
        self.from_filter.clear()
        self.to_filter.clear()
        for widget in (self.kind_filter, self.text_filter, self.from_filter, self.to_filter):
            widget.blockSignals(False)
        self._filter_changed()

    def show_ids(self, ids: list[int] | tuple[int, ...] | None, text: str = "") -> None:
        """Show only these entries (e.g. group supervision lacking a size), or all again."""
        self.proxy.set_ids(ids)
        for widget in (self.ids_banner, self.ids_banner_button):
            widget.setVisible(ids is not None)
        self.ids_banner.setText(text)
        self._update_totals()
        self._update_actions()
        if ids:
            self.select_row(0)

    def _update_totals(self) -> None:
        shown = self.proxy.visible_activities()
        minutes = sum(a.minutes for a in shown)
        total = self.model.rowCount()
        duration, hours = format_duration(minutes), hours_text(minutes)
        if len(shown) != total:
            # The noun agrees with the total: "2 of 5 entries", "0 of 1 entry".
            text = self.tr("%1 of %n entries · %2 (%3 h)", "", total).replace(
                "%1", str(len(shown))).replace("%2", duration).replace("%3", hours)
        else:
            text = self.tr("%n entries · %1 (%2 h)", "", total).replace(
                "%1", duration).replace("%2", hours)
        self.totals.setText(text)

    # -- selection -------------------------------------------------------------------------
    def current_activity(self) -> Activity | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isRowSelected(index.row(),
                                                                                QModelIndex()):
            return None
        return self.model.activity(self.proxy.mapToSource(index).row())

    def select_row(self, row: int) -> None:
        if not 0 <= row < self.proxy.rowCount():
            return
        index = self.proxy.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(index)

    def select_activity(self, activity_id: int) -> bool:
        row = self.model.row_of(activity_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.select_row(index.row())
        return True

    def _update_actions(self) -> None:
        has = self.current_activity() is not None
        for action in (self.edit_action, self.duplicate_action, self.delete_action):
            action.setEnabled(has)
        self.undo_action.setEnabled(bool(self._deleted))

    def _say(self, text: str) -> None:
        self.message.setText(text)

    # -- adding and editing ----------------------------------------------------------------
    def _open(self, dialog: QDialog, done: Callable[[QDialog], None]) -> None:
        self.dialog = dialog

        def finished(result: int) -> None:
            if self.dialog is dialog:
                self.dialog = None
            if result == QDialog.DialogCode.Accepted:
                done(dialog)
            dialog.deleteLater()
            self.view.setFocus()

        dialog.finished.connect(finished)
        dialog.open()

    def add(self) -> None:
        self._open(ActivityDialog(self._db, offered_tags=self._offered_tags(), parent=self),
                   self._stored)

    def edit_current(self) -> None:
        activity = self.current_activity()
        if activity is None:
            return
        self._open(ActivityDialog(self._db, activity, offered_tags=self._offered_tags(),
                                  parent=self), self._stored)

    def duplicate_current(self) -> None:
        activity = self.current_activity()
        if activity is None:
            return
        self._open(ActivityDialog(self._db, template=activity,
                                  offered_tags=self._offered_tags(), parent=self), self._stored)

    def _stored(self, dialog: QDialog) -> None:
        assert isinstance(dialog, ActivityDialog)
        if dialog.activity is None:
            return
        self.model.upsert(dialog.activity, dialog.evidence_count)
        if not self.select_activity(dialog.activity.id):
            self._say(self.tr("Saved. The entry is hidden by the filters."))
        else:
            self._say(self.tr("Saved."))
        self.changed.emit()

    def add_recurring(self) -> None:
        def done(dialog: QDialog) -> None:
            assert isinstance(dialog, RecurringDialog)
            self.model.add_rows(dialog.created)
            if dialog.created:
                self.select_activity(dialog.created[0].id)
            self._say(self.tr("%n entries added.", "", len(dialog.created)))
            self.changed.emit()

        self._open(RecurringDialog(self._db, self), done)

    def flush(self) -> None:
        """Save what an open dialog holds (lock, quit); an entry that is not valid yet stays
        in its dialog, which the lock then discards."""
        dialog = self.dialog
        if isinstance(dialog, ActivityDialog | RecurringDialog) and dialog.isVisible() \
                and dialog.save():
            dialog.done(QDialog.DialogCode.Accepted)

    # -- deleting and restoring ------------------------------------------------------------
    def delete_current(self) -> None:
        activity = self.current_activity()
        if activity is None:
            return
        if activity.supervision_id is not None:
            self._say(self.tr("This entry belongs to a supervision session: delete or edit it "
                              "on the Supervision page."))
            return
        row = self.view.currentIndex().row()
        try:
            evidence = tuple((e.filename, e.mime, store.evidence_bytes(self._db, e.id))
                             for e in store.list_evidence(self._db, activity.id))
            store.delete_activity(self._db, activity.id)
        except KnownError as exc:
            self._say(error_text(exc))
            return
        self._deleted.append(_Deleted(activity, evidence))
        del self._deleted[:-UNDO_DEPTH]
        self.model.remove(activity.id)
        self.select_row(min(row, self.proxy.rowCount() - 1))
        self._say(self.tr("Entry deleted. Ctrl+Z puts it back."))
        self.undo_button.show()
        self._update_actions()
        self.changed.emit()

    def undo_delete(self) -> None:
        if not self._deleted:
            return
        last = self._deleted[-1]
        a = last.activity
        try:
            with self._db.transaction():
                restored = store.add_activity(
                    self._db, a.kind, a.date, a.minutes, format=a.format,
                    group_size=a.group_size, facilitated=a.facilitated, modality=a.modality,
                    title=a.title, provider=a.provider, accredited=a.accredited,
                    categories=a.categories, learning=a.learning, impact=a.impact)
                for filename, mime, data in last.evidence:
                    store.add_evidence(self._db, restored.id, filename, mime, data)
        except KnownError as exc:
            self._say(error_text(exc))
            return
        self._deleted.pop()
        self.model.upsert(restored, len(last.evidence))
        self.select_activity(restored.id)
        self._say(self.tr("Entry restored."))
        self.undo_button.setVisible(bool(self._deleted))
        self._update_actions()
        self.changed.emit()

    def forget_deleted(self) -> None:
        """Drop the undo history (it holds attachments' bytes): on lock."""
        self._deleted.clear()
        self.undo_button.hide()
        self._update_actions()
