"""The supervision log: each supervision session received (date, supervisor, format and group
size, modality, duration, the cases discussed by pseudonym, the questions from the queue it
answered, what was learned, the actions agreed). Saving one writes its hours-ledger entry in
the same transaction (the journal store keeps the two in step), so nothing is entered twice;
editing and deleting follow."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ... import APP_NAME
from ...errors import KnownError
from ...hours import store as hours_store
from ...journal import store
from ...journal.models import (
    MODALITIES,
    SUPERVISION_FORMATS,
    Question,
    SupervisionSession,
)
from ...vault.database import Database
from ..error_text import error_text
from ..widgets import format_date, from_qdate, modality_label, to_qdate
from .labels import format_label, minutes_label
from .questions_model import first_line, question_key
from .widgets import WipedLineEdit, WipedTextEdit, bold

AnyIndex = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole
DEFAULT_MINUTES = 60


class SupervisionsModel(QAbstractTableModel):
    COLUMNS = ("date", "supervisor", "format", "duration")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SupervisionSession] = []

    def set_rows(self, rows: list[SupervisionSession]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def supervision_at(self, row: int) -> SupervisionSession | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, supervision_id: int) -> int:
        return next((i for i, s in enumerate(self._rows) if s.id == supervision_id), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (QCoreApplication.translate("SupervisionsModel", "Date"),
                  QCoreApplication.translate("SupervisionsModel", "Supervisor"),
                  QCoreApplication.translate("SupervisionsModel", "Format"),
                  QCoreApplication.translate("SupervisionsModel", "Duration"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        row = self.supervision_at(index.row())
        if row is None:
            return None
        column = self.COLUMNS[index.column()]
        if column == "date":
            return format_date(row.date)
        if column == "supervisor":
            return row.supervisor
        if column == "format":
            if row.format != "individual" and row.group_size:
                return (QCoreApplication.translate("SupervisionsModel", "%1 of %2")
                        .replace("%1", format_label(row.format))
                        .replace("%2", str(row.group_size)))
            return format_label(row.format)
        return minutes_label(row.duration_minutes)


class SupervisionLog(QWidget):
    """Signals:
        changed: a supervision session was saved or deleted (the ledger changed with it).
    """

    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._current: SupervisionSession | None = None
        self._loading = False
        self._dirty = False
        self._forgotten = False  # set by a lock's wipe
        self._offered: list[Question] = []
        self.delete_box: QMessageBox | None = None
        self._box: QMessageBox | None = None

        self.new_button = QPushButton(self.tr("&New supervision session"), self)
        self.new_button.clicked.connect(self.new_supervision)
        self.model = SupervisionsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Supervision sessions"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.empty_list = QLabel(self.tr("No supervision session logged yet."), self)
        self.empty_list.setWordWrap(True)
        self.empty_list.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        left = QWidget(self)
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignLeft)
        left_column.addWidget(self.table, 1)
        left_column.addWidget(self.empty_list)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self._build_form())
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 600])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(splitter)
        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.setWhatsThis(self.tr("Save the supervision session"))  # listed under F1
        save.activated.connect(self.try_save)

    # -- the form --------------------------------------------------------------------------
    def _build_form(self) -> QWidget:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(scroll)
        self.heading = QLabel(body)
        bold(self.heading, 1.1)

        self.date_edit = QDateEdit(body)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("d MMM yyyy")
        self.date_edit.setAccessibleName(self.tr("Date of the supervision"))
        self.supervisor = WipedLineEdit(body)
        self.supervisor.setAccessibleName(self.tr("Supervisor"))
        self.supervisor.setPlaceholderText(self.tr("Name, or a label for a group"))
        self._supervisors = QStringListModel(self)
        completer = QCompleter(self._supervisors, self.supervisor)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.supervisor.setCompleter(completer)
        self.supervisor.about_to_wipe.connect(self._wiped)

        self.format = QComboBox(body)
        self.format.setAccessibleName(self.tr("Format"))
        for code in SUPERVISION_FORMATS:
            self.format.addItem(format_label(code), code)
        self.group_size = QSpinBox(body)
        self.group_size.setRange(2, 60)
        self.group_size.setValue(4)
        self.group_size.setAccessibleName(self.tr("Number of people, me included"))
        self.group_size_label = QLabel(self.tr("people, me included"), body)
        format_row = QHBoxLayout()
        format_row.addWidget(self.format)
        format_row.addWidget(self.group_size)
        format_row.addWidget(self.group_size_label)
        format_row.addStretch(1)

        self.modality = QComboBox(body)
        self.modality.setAccessibleName(self.tr("Modality"))
        for code in MODALITIES:
            self.modality.addItem(modality_label(code), code)
        self.duration = QSpinBox(body)
        self.duration.setRange(0, 1440)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setAccessibleName(self.tr("Duration in minutes"))
        time_row = QHBoxLayout()
        time_row.addWidget(self.modality)
        duration_label = QLabel(self.tr("D&uration"), body)
        duration_label.setBuddy(self.duration)
        time_row.addSpacing(12)
        time_row.addWidget(duration_label)
        time_row.addWidget(self.duration)
        time_row.addStretch(1)

        self.cases = QListWidget(body)
        self.cases.setAccessibleName(self.tr("Cases discussed"))
        self.cases.setMaximumHeight(96)
        self.questions = QListWidget(body)
        self.questions.setAccessibleName(self.tr("Questions from the queue discussed"))
        self.questions.setMaximumHeight(110)
        self.questions.setWordWrap(True)
        self.no_questions = QLabel(self.tr("No open questions in the queue."), body)
        self.no_questions.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        questions_box = QVBoxLayout()
        questions_box.setContentsMargins(0, 0, 0, 0)
        questions_box.addWidget(self.questions)
        questions_box.addWidget(self.no_questions)
        self.other_questions = self._text_area(
            body, self.tr("Other questions discussed"),
            self.tr("Anything discussed that was not in the queue"))
        self.learning = self._text_area(body, self.tr("What I learned"),
                                        self.tr("Learning, and its impact on my practice"))
        self.actions = self._text_area(body, self.tr("Actions agreed"),
                                       self.tr("What I will do, read, try or bring back"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows: list[tuple[str, Any]] = [
            (self.tr("&Date"), self.date_edit), (self.tr("&Supervisor"), self.supervisor),
            (self.tr("&Format"), format_row), (self.tr("&Modality"), time_row),
            (self.tr("&Cases"), self.cases), (self.tr("&Questions"), questions_box),
            (self.tr("&Other questions"), self.other_questions),
            (self.tr("&Learning"), self.learning), (self.tr("&Actions agreed"), self.actions)]
        # Rows holding a layout name the widget the label's shortcut should reach.
        buddies = {self.tr("&Format"): self.format, self.tr("&Modality"): self.modality,
                   self.tr("&Questions"): self.questions}
        for text, field in rows:
            label = QLabel(text, body)
            label.setBuddy(buddies.get(text, field))
            form.addRow(label, field)

        self.ledger_note = QLabel(self)
        self.ledger_note.setWordWrap(True)
        self.status = QLabel(self)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.try_save)
        self.delete_button = QPushButton(self.tr("Delete…"), self)
        self.delete_button.setAccessibleName(self.tr("Delete this supervision session"))
        self.delete_button.clicked.connect(self.ask_delete)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.save_button)

        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 8, 8)
        column.setSpacing(10)
        column.addWidget(self.heading)
        column.addLayout(form)
        column.addStretch(1)
        scroll.setWidget(body)
        # The hours note and the buttons stay in view below the scrolling form.
        panel = QWidget(self)
        outer = QVBoxLayout(panel)
        outer.setContentsMargins(12, 0, 0, 0)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.ledger_note)
        outer.addLayout(buttons)

        for signal in (self.date_edit.dateChanged, self.supervisor.textEdited,
                       self.format.currentIndexChanged, self.group_size.valueChanged,
                       self.modality.currentIndexChanged, self.duration.valueChanged,
                       self.cases.itemChanged, self.other_questions.textChanged,
                       self.learning.textChanged, self.actions.textChanged):
            signal.connect(self._edited)
        self.questions.itemChanged.connect(self._question_checked)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.duration.valueChanged.connect(lambda _v: self._show_ledger_note())
        return panel

    def _text_area(self, parent: QWidget, name: str, placeholder: str) -> WipedTextEdit:
        area = WipedTextEdit(parent)
        area.about_to_wipe.connect(self._wiped)
        area.setAccessibleName(name)
        area.setPlaceholderText(placeholder)
        area.setTabChangesFocus(True)
        area.setFixedHeight(64)
        return area

    # -- listing ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the log again and keep the record shown (or a fresh form)."""
        if not self.try_save():
            return
        rows = store.list_supervisions(self._db)
        self.model.set_rows(rows)
        self.table.setVisible(bool(rows))
        self.empty_list.setVisible(not rows)
        names = sorted({s.supervisor for s in rows if s.supervisor.strip()}, key=str.casefold)
        self._supervisors.setStringList(names)
        current = self._current
        if current is not None and self.model.row_of(current.id) >= 0:
            self._loading = True
            self.table.selectRow(self.model.row_of(current.id))
            self._loading = False
            self._load(store.get_supervision(self._db, current.id))
        else:
            self._load(None)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._loading:
            return
        supervision = self.model.supervision_at(current.row())
        if supervision is None or (self._current and self._current.id == supervision.id):
            return
        if not self.try_save():
            return
        self._load(supervision)

    def new_supervision(self) -> None:
        if not self.try_save():
            return
        self.table.clearSelection()
        self._load(None)
        self.supervisor.setFocus(Qt.FocusReason.OtherFocusReason)

    def select(self, supervision_id: int) -> bool:
        row = self.model.row_of(supervision_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        return self._current is not None and self._current.id == supervision_id

    @property
    def current(self) -> SupervisionSession | None:
        return self._current

    @property
    def is_dirty(self) -> bool:
        return self._dirty

    # -- showing a record ------------------------------------------------------------------
    def _load(self, supervision: SupervisionSession | None) -> None:
        self._loading = True
        try:
            self._current = supervision
            if supervision is None:
                self.heading.setText(self.tr("New supervision session"))
                self.date_edit.setDate(to_qdate(date.today()))
                self.supervisor.setText(self._last_supervisor())
                last = self.model.supervision_at(0)
                self.format.setCurrentIndex(max(self.format.findData(
                    last.format if last else "individual"), 0))
                self.group_size.setValue(last.group_size if last and last.group_size else 4)
                self.modality.setCurrentIndex(max(self.modality.findData(
                    (last.modality if last else None) or "in_person"), 0))
                self.duration.setValue(last.duration_minutes if last else DEFAULT_MINUTES)
                for area in (self.other_questions, self.learning, self.actions):
                    area.setPlainText("")  # not wipe(): that is the lock's signal
                    area.document().clearUndoRedoStacks()
            else:
                self.heading.setText(self.tr("Supervision of %1").replace(
                    "%1", format_date(supervision.date)))
                self.date_edit.setDate(to_qdate(supervision.date))
                self.supervisor.setText(supervision.supervisor)
                self.format.setCurrentIndex(max(self.format.findData(supervision.format), 0))
                self.group_size.setValue(supervision.group_size or 4)
                self.modality.setCurrentIndex(max(self.modality.findData(
                    supervision.modality or "in_person"), 0))
                self.duration.setValue(supervision.duration_minutes)
                for area, text in ((self.other_questions, supervision.questions),
                                   (self.learning, supervision.learning),
                                   (self.actions, supervision.actions)):
                    area.setPlainText(text)
                    area.document().clearUndoRedoStacks()
            self.supervisor.setModified(False)
            self._fill_cases(supervision)
            self._fill_questions(supervision)
            self._format_changed()
            self.delete_button.setEnabled(supervision is not None)
            self._dirty = False
            self.status.clear()
            self._show_ledger_note()
        finally:
            self._loading = False

    def _last_supervisor(self) -> str:
        last = self.model.supervision_at(0)
        return last.supervisor if last else ""

    def _fill_cases(self, supervision: SupervisionSession | None) -> None:
        chosen = set(supervision.cases) if supervision else set()
        clients = store.list_clients(self._db)
        # Active clients, then closed ones that were discussed in this session.
        shown = [c for c in clients if c.status == "active" or c.pseudonym in chosen]
        self.cases.clear()
        for client in shown:
            item = QListWidgetItem(client.pseudonym, self.cases)
            item.setData(KEY_ROLE, client.pseudonym)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if client.pseudonym in chosen
                               else Qt.CheckState.Unchecked)

    def _fill_questions(self, supervision: SupervisionSession | None) -> None:
        offered = [q for q in store.list_questions(self._db)
                   if q.status == "open" or (supervision is not None
                                             and q.supervision_id == supervision.id)]
        self._offered = offered
        self.questions.clear()
        for question in offered:
            where = question.pseudonym or "—"
            if question.session_number is not None:
                where = self.tr("%1 · session %2").replace("%1", where).replace(
                    "%2", str(question.session_number))
            item = QListWidgetItem(self.tr("%1 — %2").replace("%1", where).replace(
                "%2", first_line(question.text, 90)), self.questions)
            item.setData(KEY_ROLE, question_key(question))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            linked = supervision is not None and question.status != "open"
            item.setCheckState(Qt.CheckState.Checked if linked else Qt.CheckState.Unchecked)
        self.questions.setVisible(bool(offered))
        self.no_questions.setVisible(not offered)

    def _format_changed(self, *_args: object) -> None:
        grouped = self.format.currentData() in ("group", "peer")
        self.group_size.setVisible(grouped)
        self.group_size_label.setVisible(grouped)

    def _show_ledger_note(self) -> None:
        supervision = self._current
        if supervision is not None and supervision.activity_id is not None:
            try:
                activity = hours_store.get_activity(self._db, supervision.activity_id)
            except KnownError:
                activity = None
            if activity is not None:
                self.ledger_note.setText(self.tr(
                    "Also counted in your hours: supervision, %1 on %2. Edit or delete it "
                    "here and the hours follow.").replace("%1", minutes_label(activity.minutes))
                    .replace("%2", format_date(activity.date)))
                return
        self.ledger_note.setText(self.tr("Saving it also counts it in your hours: no need to "
                                         "enter it twice."))

    # -- editing ---------------------------------------------------------------------------
    def _wiped(self) -> None:
        """A lock is wiping the form: from now on nothing here may be saved."""
        self._forgotten = True
        self._dirty = False
        self._current = None

    def _edited(self, *_args: object) -> None:
        if self._loading or self._forgotten:
            return
        self._dirty = True
        self.status.setText(self.tr("Not saved yet"))

    def _question_checked(self, item: QListWidgetItem) -> None:
        if self._loading or self._forgotten:
            return
        self._edited()
        if item.checkState() != Qt.CheckState.Checked:
            return
        # A question discussed brings its client into the cases discussed.
        key = item.data(KEY_ROLE)
        question = next((q for q in self._offered if question_key(q) == tuple(key)), None)
        if question is None or not question.pseudonym:
            return
        for row in range(self.cases.count()):
            case = self.cases.item(row)
            if case.data(KEY_ROLE) == question.pseudonym:
                case.setCheckState(Qt.CheckState.Checked)

    def checked_cases(self) -> list[str]:
        return [self.cases.item(r).data(KEY_ROLE) for r in range(self.cases.count())
                if self.cases.item(r).checkState() == Qt.CheckState.Checked]

    def checked_questions(self) -> set[tuple[str, int]]:
        return {tuple(self.questions.item(r).data(KEY_ROLE))  # type: ignore[misc]
                for r in range(self.questions.count())
                if self.questions.item(r).checkState() == Qt.CheckState.Checked}

    def save(self) -> None:
        """Save the form (a new session, or the changes to the one shown) with its ledger
        entry and the questions it discussed, in one transaction. Raises the KnownError when
        the vault refused it; the form keeps what was typed."""
        if not self._dirty or self._forgotten:
            return
        fmt = self.format.currentData()
        fields: dict[str, Any] = {
            "on": from_qdate(self.date_edit.date()),
            "supervisor": self.supervisor.text().strip(),
            "duration_minutes": self.duration.value(),
            "group_size": self.group_size.value() if fmt in ("group", "peer") else None,
            "modality": self.modality.currentData(),
            "cases": self.checked_cases(),
            "questions": self.other_questions.toPlainText(),
            "learning": self.learning.toPlainText(),
            "actions": self.actions.toPlainText(),
        }
        checked = self.checked_questions()
        with self._db.transaction():
            if self._current is None:
                on = fields.pop("on")
                supervisor = fields.pop("supervisor")
                duration = fields.pop("duration_minutes")
                saved = store.add_supervision(self._db, on, supervisor, fmt, duration, **fields)
            else:
                saved = store.update_supervision(self._db, self._current.id, fmt=fmt, **fields)
            for question in self._offered:
                key = question_key(question)
                linked = question.status != "open" and question.supervision_id == saved.id
                if key in checked and not linked:
                    store.set_question_state(self._db, question.kind, question.ref_id,
                                             "discussed", supervision_id=saved.id)
                elif key not in checked and linked and question.status == "discussed":
                    store.set_question_state(self._db, question.kind, question.ref_id, "open")
        # Past this line the transaction has committed.
        self._dirty = False
        self._current = saved
        self.refresh()
        self.status.setText(self.tr("Saved"))
        self.changed.emit()

    def try_save(self) -> bool:
        try:
            self.save()
        except KnownError as exc:
            self._show_error(error_text(exc))
            return False
        return True

    def flush(self) -> None:
        """Commit what the form holds (lock, quit); raises KnownError when refused."""
        self.save()

    # -- deleting --------------------------------------------------------------------------
    def ask_delete(self) -> None:
        if self._current is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, APP_NAME,
                          self.tr("Delete this supervision session?"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        box.setInformativeText(self.tr("Its entry in your hours is deleted with it, and the "
                                       "questions marked as discussed in it are open again."))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Delete"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._delete_answered)
        self.delete_box = box
        box.open()

    def _delete_answered(self, result: int) -> None:
        self.delete_box = None
        current = self._current
        if result != QMessageBox.StandardButton.Yes or current is None:
            return
        try:
            with self._db.transaction():
                for question in store.list_questions(self._db, "discussed"):
                    if question.supervision_id == current.id:
                        store.set_question_state(self._db, question.kind, question.ref_id,
                                                 "open")
                store.delete_supervision(self._db, current.id)
        except KnownError as exc:
            self._show_error(error_text(exc))
            return
        self._current = None
        self._dirty = False
        self.refresh()
        self.status.setText(self.tr("Deleted, with its hours"))
        self.changed.emit()

    def _show_error(self, message: str) -> None:
        if self._box is not None and self._box.isVisible():
            self._box.setText(message)
            return
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, message,
                          QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(self._box_gone)
        self._box = box
        box.open()

    def _box_gone(self) -> None:
        self._box = None
