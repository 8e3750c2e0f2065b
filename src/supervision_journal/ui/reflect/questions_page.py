"""The questions for supervision, across clients (pseudonyms only): every non-empty
"Questions for supervision" section and every reflection marked as a question, each moving
open → discussed (in a logged supervision session) → resolved, with the supervisor's answer or
what was learned. Filter by status; open the note a question came from."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ... import APP_NAME
from ...errors import KnownError
from ...journal import store
from ...journal.models import QUESTION_STATUSES, Question, SearchHit, SupervisionSession
from ...vault.database import Database
from ...vault.vault import Vault
from ..clipboard import SecureTextEdit
from ..editor.note_editor import AUTOSAVE_MS
from ..editor.section_titles import section_title
from ..error_text import error_text
from ..widgets import EmptyState, format_date
from .labels import status_label
from .questions_model import QuestionsModel, question_key
from .supervision_labels import supervision_label
from .widgets import WipedTextEdit, bold

if TYPE_CHECKING:
    from ..main_window import MainWindow

PAGE_KEY = "question_queue"
ALL = ""


class QuestionsPage(QWidget):
    """``open_note(question)`` shows the note (or reflection) a question comes from.

    Signals:
        changed: a question's status, supervision or answer was committed.
        log_supervision_requested: "Log a supervision session" (none to choose from yet).
    """

    changed = Signal()
    log_supervision_requested = Signal()

    def __init__(self, db: Database, open_note: Callable[[Question], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._open_note = open_note
        self._current: Question | None = None
        self._answer_saved = ""
        self._loading = False
        self._box: QMessageBox | None = None

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.try_save)

        heading = QLabel(self.tr("Questions for supervision"), self)
        bold(heading, 1.25)
        self.filter = QComboBox(self)
        self.filter.setAccessibleName(self.tr("Show questions by status"))
        self.filter.addItem(self.tr("All questions"), ALL)
        for status in QUESTION_STATUSES:
            self.filter.addItem(status_label(status), status)
        self.filter.setCurrentIndex(1)  # open ones: what to bring next time
        self.filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.count = QLabel(self)
        self.count.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.count)
        top.addWidget(self.filter)

        self.model = QuestionsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Questions"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.doubleClicked.connect(lambda _index: self.open_current())

        self.empty = EmptyState("", parent=self)
        self._list_stack = QStackedWidget(self)
        self._list_stack.addWidget(self.table)
        self._list_stack.addWidget(self.empty)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._list_stack)
        splitter.addWidget(self._build_detail())
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([320, 360])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _build_detail(self) -> QWidget:
        detail = QWidget(self)
        self.where = QLabel(detail)
        bold(self.where)
        self.text = SecureTextEdit(detail)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("The question"))
        self.text.setMaximumHeight(110)

        self.statuses = QButtonGroup(self)
        self.status_buttons: dict[str, QRadioButton] = {}
        status_row = QHBoxLayout()
        status_label_widget = QLabel(self.tr("Status:"), detail)
        status_row.addWidget(status_label_widget)
        for status in QUESTION_STATUSES:
            button = QRadioButton(status_label(status), detail)
            button.setAccessibleName(self.tr("Mark as %1").replace("%1", status_label(status)))
            self.statuses.addButton(button)
            self.status_buttons[status] = button
            button.clicked.connect(lambda _checked, s=status: self.set_status(s))
            status_row.addWidget(button)
        status_row.addStretch(1)

        self.supervision = QComboBox(detail)
        self.supervision.setAccessibleName(self.tr("Supervision session it was discussed in"))
        self.supervision.activated.connect(self._supervision_chosen)
        self.log_button = QPushButton(self.tr("Log a supervision session…"), detail)
        self.log_button.clicked.connect(self.log_supervision_requested)
        supervision_row = QHBoxLayout()
        supervision_label = QLabel(self.tr("&Discussed in:"), detail)
        supervision_label.setBuddy(self.supervision)
        supervision_row.addWidget(supervision_label)
        supervision_row.addWidget(self.supervision, 1)
        supervision_row.addWidget(self.log_button)

        answer_label = QLabel(self.tr("Supervisor’s &answer, or what I learned"), detail)
        self.answer = WipedTextEdit(detail)
        self.answer.setAccessibleName(self.tr("Supervisor’s answer, or what I learned"))
        self.answer.setPlaceholderText(self.tr("What came out of supervision for this "
                                               "question; saved as you type."))
        self.answer.setTabChangesFocus(True)
        self.answer.textChanged.connect(self._answer_changed)
        self.answer.about_to_wipe.connect(self._wiped)
        answer_label.setBuddy(self.answer)

        self.open_button = QPushButton(self.tr("&Open the note"), detail)
        self.open_button.setAccessibleName(self.tr("Open the note this question comes from"))
        self.open_button.clicked.connect(self.open_current)
        self.saved_label = QLabel(detail)
        bottom = QHBoxLayout()
        bottom.addWidget(self.saved_label, 1)
        bottom.addWidget(self.open_button)

        column = QVBoxLayout(detail)
        column.setContentsMargins(0, 8, 0, 0)
        column.setSpacing(6)
        column.addWidget(self.where)
        column.addWidget(self.text)
        column.addLayout(status_row)
        column.addLayout(supervision_row)
        column.addWidget(answer_label)
        column.addWidget(self.answer, 1)
        column.addLayout(bottom)
        self.detail = detail
        return detail

    # -- listing ---------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()  # questions are written elsewhere (notes, reflections, supervision)

    def status_filter(self) -> str | None:
        return self.filter.currentData() or None

    def set_status_filter(self, status: str | None) -> None:
        self.filter.setCurrentIndex(max(self.filter.findData(status or ALL), 0))

    def refresh(self, *, keep_current: bool = False) -> None:
        """Read the queue again. ``keep_current``: the question just changed stays listed
        even if it no longer matches the filter (marking it discussed must not make it vanish
        before its answer is written)."""
        if not self.try_save():
            return
        keep = question_key(self._current) if self._current else None
        supervisions = store.list_supervisions(self._db)
        labels = {s.id: supervision_label(s) for s in supervisions}
        everything = store.list_questions(self._db)
        status = self.status_filter()
        questions = [q for q in everything if status is None or q.status == status
                     or (keep_current and question_key(q) == keep)]
        self.model.set_questions(questions, labels)
        self._fill_supervisions(supervisions)
        open_count = sum(q.status == "open" for q in everything)
        self.count.setText(self.tr("%1 open").replace("%1", str(open_count)))
        if questions:
            self._list_stack.setCurrentWidget(self.table)
            row = self.model.row_of(keep) if keep else -1
            self.table.selectRow(max(row, 0))
            self._show(self.model.question_at(max(row, 0)))
        else:
            self.empty.set_message(self._empty_message())
            self._list_stack.setCurrentWidget(self.empty)
            self._show(None)

    def _empty_message(self) -> str:
        status = self.status_filter()
        if status == "open":
            return self.tr("No open questions. Write them in a note’s “Questions for "
                           "supervision” section, or mark a reflection as a question.")
        if status == "discussed":
            return self.tr("No question is waiting for its answer.")
        if status == "resolved":
            return self.tr("No resolved questions yet.")
        return self.tr("No questions for supervision yet. Write them in a note’s "
                       "“Questions for supervision” section, or mark a reflection as a "
                       "question.")

    def _fill_supervisions(self, supervisions: list[SupervisionSession]) -> None:
        self.supervision.clear()
        has = bool(supervisions)
        self.supervision.addItem(self.tr("Not discussed yet") if has
                                 else self.tr("No supervision session logged yet"), None)
        for supervision in supervisions:  # newest first
            self.supervision.addItem(supervision_label(supervision), supervision.id)
        self.log_button.setVisible(not has)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._loading:
            return
        if not self.try_save():
            return
        self._show(self.model.question_at(current.row()))

    def _show(self, question: Question | None) -> None:
        was_loading, self._loading = self._loading, True
        try:
            self._current = question
            self.detail.setEnabled(question is not None)
            if question is None:
                self.where.clear()
                for area in (self.text, self.answer):  # not wipe(): that is the lock's signal
                    area.setPlainText("")
                    area.document().clearUndoRedoStacks()
                self._answer_saved = ""
                for button in self.status_buttons.values():
                    self.statuses.setExclusive(False)
                    button.setChecked(False)
                    self.statuses.setExclusive(True)
                return
            self.where.setText(self._where(question))
            self.text.setPlainText(question.text)
            self.status_buttons[question.status].setChecked(True)
            index = (self.supervision.findData(question.supervision_id)
                     if question.supervision_id is not None else -1)
            self.supervision.setCurrentIndex(index if question.status != "open" and index > 0
                                             else 0)
            self.supervision.setEnabled(question.status != "open"
                                        and self.supervision.count() > 1)
            self.answer.setPlainText(question.answer)
            self.answer.document().clearUndoRedoStacks()
            self._answer_saved = question.answer
            self.open_button.setEnabled(question.session_id is not None)
        finally:
            self._loading = was_loading

    def _where(self, question: Question) -> str:
        source = (section_title("supervision_questions") if question.kind == "section"
                  else self.tr("Reflection"))
        if question.session_number is None:
            return self.tr("%1 · %2").replace("%1", question.pseudonym or "—").replace(
                "%2", source)
        return (self.tr("%1 · Session %2 · %3 · %4").replace("%1", question.pseudonym or "—")
                .replace("%2", str(question.session_number))
                .replace("%3", format_date(question.date)).replace("%4", source))

    # -- changes ---------------------------------------------------------------------------
    def current_question(self) -> Question | None:
        return self._current

    def select_question(self, kind: str, ref_id: int) -> bool:
        row = self.model.row_of((kind, ref_id))
        if row < 0:
            return False
        self.table.selectRow(row)
        return True

    def set_status(self, status: str) -> None:
        question = self._current
        if question is None or not self.try_save():
            return
        supervision_id = None
        if status != "open":
            # Discussed in the session chosen, else the latest one logged (the likeliest).
            supervision_id = self.supervision.currentData()
            if supervision_id is None and self.supervision.count() > 1:
                supervision_id = self.supervision.itemData(1)
        try:
            store.set_question_state(self._db, question.kind, question.ref_id, status,
                                     supervision_id=supervision_id)
        except KnownError as exc:
            self._show_error(error_text(exc))
        self._committed()

    def _supervision_chosen(self, _index: int) -> None:
        question = self._current
        supervision_id = self.supervision.currentData()
        if question is None or question.status == "open" or supervision_id is None:
            return
        try:
            store.set_question_state(self._db, question.kind, question.ref_id, question.status,
                                     supervision_id=supervision_id)
        except KnownError as exc:
            self._show_error(error_text(exc))
        self._committed()

    def _wiped(self) -> None:
        """A lock is wiping the page: nothing may be saved from here on."""
        self._timer.stop()
        self._loading = True  # the emptied areas are not edits
        self._current = None

    def _answer_changed(self) -> None:
        if self._loading or self._current is None:
            return
        self.saved_label.clear()
        self._timer.start()

    def _focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        if old is self.answer and self.is_dirty:
            self.try_save()

    @property
    def is_dirty(self) -> bool:
        return self._current is not None and self.answer.toPlainText() != self._answer_saved

    def save(self) -> None:
        """Commit the answer being typed; raises the KnownError when the vault refused it."""
        self._timer.stop()
        question = self._current
        if question is None or not self.is_dirty:
            return
        text = self.answer.toPlainText()
        store.set_question_state(self._db, question.kind, question.ref_id, question.status,
                                 answer=text)
        self._answer_saved = text
        self.saved_label.setText(self.tr("Saved"))
        self.changed.emit()

    def try_save(self) -> bool:
        try:
            self.save()
        except KnownError as exc:
            self._show_error(error_text(exc))
            return False
        return True

    def flush(self) -> None:
        """Commit pending typing (lock, quit); raises KnownError when refused."""
        self.save()

    def _committed(self) -> None:
        self.saved_label.setText(self.tr("Saved"))
        self.changed.emit()
        self.refresh(keep_current=True)

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

    def open_current(self) -> None:
        if self._current is not None and self._open_note is not None and self.try_save():
            self._open_note(self._current)


def open_question_note(window: MainWindow, question: Question) -> None:
    """Show the note a question comes from: its questions section, or the reflection."""
    if question.session_id is None or question.client_id is None:
        return
    window.show_page("journal")
    section = question.kind == "section"
    window.open_hit(SearchHit("section", question.ref_id, question.session_id,
                              question.client_id, question.pseudonym, question.date,
                              "supervision_questions" if section else None, ""))
    if not section:
        window.reflect_panel.reveal_reflection(question.ref_id)


def questions_page(window: MainWindow, vault: Vault) -> tuple[str, str, QWidget]:
    page = QuestionsPage(vault.db, lambda q: open_question_note(window, q), window)
    page.log_supervision_requested.connect(lambda: _log_supervision(window))
    return PAGE_KEY, QCoreApplication.translate("Pages", "Questions"), page


def _log_supervision(window: MainWindow) -> None:
    from .supervision_page import PAGE_KEY as SUPERVISION_KEY
    from .supervision_page import SupervisionPage

    page = window.findChild(SupervisionPage)
    if page is None:
        return
    window.show_page(SUPERVISION_KEY)
    page.show_log()
    page.log.new_supervision()
