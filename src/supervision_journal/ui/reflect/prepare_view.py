"""Preparing the next supervision: the open questions, the sessions since the last
supervision with the sections approved for sharing, and a case presentation drafted in the
order supervisors ask for. The presentation is a reflection linked to the client
(``case.presentation``): saved as you type, searchable, and approvable like a section, so the
export takes it once approved."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ... import APP_NAME
from ...errors import KnownError
from ...journal import store
from ...journal.models import Question, Reflection
from ...supervision import case_presentation as cp
from ...supervision.prepare import Preparation, prepare
from ...vault.database import Database
from ..editor.note_editor import AUTOSAVE_MS
from ..editor.section_editor import SectionTextEdit
from ..editor.section_titles import section_title
from ..error_text import error_text
from ..widgets import format_date
from .labels import part_headings, part_hint, part_title, source_part_headings
from .questions_model import first_line
from .widgets import ApprovalRow, StateBar, bold

ITEM_ROLE = Qt.ItemDataRole.UserRole


class PrepareView(QWidget):
    """``refresh()`` reads what to bring; ``flush()`` commits the draft (raises KnownError).

    ``open_note(session_id, client_id)`` is called to show a listed session's note.

    Signals:
        saved: the presentation (or its approval) reached COMMIT.
    """

    saved = Signal()

    def __init__(self, db: Database, open_note: Callable[[int, int], None] | None = None,
                 parent: QWidget | None = None, *, today: Callable[[], date] = date.today
                 ) -> None:
        super().__init__(parent)
        self._db = db
        self._open_note = open_note
        self._today = today
        self._prep: Preparation | None = None
        self._client_id: int | None = None
        self._reflection: Reflection | None = None
        self._saved_text = ""
        self._loading = False
        self._box: QMessageBox | None = None

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.try_save)

        self.since = QLabel(self)
        self.since.setWordWrap(True)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_lists())
        splitter.addWidget(self._build_draft())
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 600])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.since)
        layout.addWidget(splitter, 1)

        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    # -- construction ----------------------------------------------------------------------
    def _build_lists(self) -> QWidget:
        box = QWidget(self)
        self.questions_heading = QLabel(box)
        bold(self.questions_heading)
        self.questions = QListWidget(box)
        self.questions.setAccessibleName(self.tr("Open questions"))
        self.questions.setWordWrap(True)
        self.questions.itemActivated.connect(self._question_activated)
        self.sessions_heading = QLabel(box)
        bold(self.sessions_heading)
        self.sessions = QTreeWidget(box)
        self.sessions.setAccessibleName(self.tr("Sessions since the last supervision"))
        self.sessions.setHeaderHidden(True)
        self.sessions.setColumnCount(2)  # the session, then how much of it is shared
        self.sessions.header().setStretchLastSection(False)
        self.sessions.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.sessions.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.sessions.itemActivated.connect(self._session_activated)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.questions_heading)
        column.addWidget(self.questions, 2)
        column.addWidget(self.sessions_heading)
        column.addWidget(self.sessions, 3)
        return box

    def _build_draft(self) -> QWidget:
        box = QWidget(self)
        heading = QLabel(self.tr("Case presentation"), box)
        bold(heading, 1.1)
        self.client = QComboBox(box)
        self.client.setAccessibleName(self.tr("Client to present"))
        self.client.activated.connect(self._client_chosen)
        head = QHBoxLayout()
        head.addWidget(heading)
        head.addStretch(1)
        client_label = QLabel(self.tr("&Client:"), box)
        client_label.setBuddy(self.client)
        head.addWidget(client_label)
        head.addWidget(self.client)

        intro = QLabel(self.tr("In the order supervisors ask for, the question first. Write "
                               "it as you would say it: the export replaces names and dates, "
                               "and nothing leaves until you share it."), box)
        intro.setWordWrap(True)
        intro.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.fill = QPushButton(self.tr("&Fill from my approved notes"), box)
        self.fill.setAccessibleName(self.tr("Fill the empty parts from approved sections and "
                                            "open questions"))
        self.fill.clicked.connect(self.fill_from_notes)
        self.new = QPushButton(self.tr("Start a &new presentation"), box)
        self.new.clicked.connect(self.start_new)
        tools = QHBoxLayout()
        tools.addWidget(self.fill)
        tools.addWidget(self.new)
        tools.addStretch(1)

        self.scroll = QScrollArea(box)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(self.scroll)
        parts = QVBoxLayout(body)
        parts.setContentsMargins(0, 0, 8, 8)
        parts.setSpacing(4)
        self.parts: dict[str, SectionTextEdit] = {}
        for number, key in enumerate(cp.PARTS, start=1):
            title = QLabel(self.tr("%1. %2").replace("%1", str(number))
                           .replace("%2", part_title(key)), body)
            bold(title)
            hint = QLabel(part_hint(key), body)
            hint.setWordWrap(True)
            hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            edit = SectionTextEdit(body)
            edit.setAccessibleName(part_title(key))
            edit.textChanged.connect(self._changed)
            edit.about_to_wipe.connect(self._wiped)
            title.setBuddy(edit)
            parts.addSpacing(6)
            parts.addWidget(title)
            parts.addWidget(hint)
            parts.addWidget(edit)
            self.parts[key] = edit
        parts.addStretch(1)
        self.scroll.setWidget(body)

        self.bar = StateBar(box)
        self.approval = ApprovalRow(self.tr("Case presentation"), box)
        self.approval.toggled_by_user.connect(self._share_toggled)
        self.status = QLabel(box)
        footer = QHBoxLayout()
        footer.addWidget(self.bar)
        footer.addWidget(self.approval, 1)
        footer.addWidget(self.status)
        line = QFrame(box)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)

        column = QVBoxLayout(box)
        column.setContentsMargins(12, 0, 0, 0)
        column.setSpacing(6)
        column.addLayout(head)
        column.addWidget(intro)
        column.addLayout(tools)
        column.addWidget(self.scroll, 1)
        column.addWidget(line)
        column.addLayout(footer)
        self.draft = box
        return box

    # -- what to bring ---------------------------------------------------------------------
    @property
    def preparation(self) -> Preparation | None:
        return self._prep

    def refresh(self) -> None:
        if not self.try_save():
            return
        prep = prepare(self._db, self._today())
        self._prep = prep
        if prep.last_supervision is not None:
            self.since.setText(self.tr("Since your last supervision, on %1.").replace(
                "%1", format_date(prep.last_supervision)))
        else:
            self.since.setText(self.tr("No supervision logged yet: the last four weeks."))
        self._fill_questions(prep.open_questions)
        self._fill_sessions(prep)
        self._fill_clients(prep)

    def _fill_questions(self, questions: tuple[Question, ...]) -> None:
        self.questions_heading.setText(self.tr("Open questions (%1)").replace(
            "%1", str(len(questions))))
        self.questions.clear()
        for question in questions:
            where = question.pseudonym or "—"
            if question.session_number is not None:
                where = self.tr("%1 · session %2").replace("%1", where).replace(
                    "%2", str(question.session_number))
            item = QListWidgetItem(self.tr("%1 — %2").replace("%1", where).replace(
                "%2", first_line(question.text, 120)), self.questions)
            item.setData(ITEM_ROLE, (question.session_id, question.client_id))
        if not questions:
            item = QListWidgetItem(self.tr("No open questions."), self.questions)
            item.setFlags(Qt.ItemFlag.NoItemFlags)

    def _fill_sessions(self, prep: Preparation) -> None:
        self.sessions_heading.setText(self.tr("Sessions since then (%1)").replace(
            "%1", str(len(prep.sessions))))
        self.sessions.clear()
        for item in prep.sessions:
            session = item.session
            label = (self.tr("%1 · session %2 · %3").replace("%1", item.pseudonym)
                     .replace("%2", str(session.number))
                     .replace("%3", format_date(session.date)))
            shared = (self.tr("%n shared", "", len(item.approved))
                      if item.approved else self.tr("nothing shared"))
            top = QTreeWidgetItem(self.sessions, [label, shared])
            if not item.approved:
                top.setForeground(1, self.palette().color(QPalette.ColorRole.PlaceholderText))
            top.setData(0, ITEM_ROLE, (session.id, session.client_id))
            for section in item.approved:
                child = QTreeWidgetItem(top, [self.tr("%1: %2").replace(
                    "%1", section_title(section.key)).replace("%2", first_line(section.text,
                                                                                 100))])
                child.setData(0, ITEM_ROLE, (session.id, session.client_id))
                child.setFirstColumnSpanned(True)
            top.setExpanded(bool(item.approved))
        if not prep.sessions:
            QTreeWidgetItem(self.sessions, [self.tr("No sessions in this period.")]).setFlags(
                Qt.ItemFlag.NoItemFlags)

    def _fill_clients(self, prep: Preparation) -> None:
        keep = self._client_id
        first = prep.client_ids()
        clients = {c.id: c for c in store.list_clients(self._db)}
        order = [cid for cid in first if cid in clients] + sorted(
            (cid for cid, c in clients.items() if cid not in first and c.status == "active"),
            key=lambda cid: clients[cid].pseudonym.casefold())
        if keep is not None and keep in clients and keep not in order:
            order.append(keep)
        self.client.blockSignals(True)
        self.client.clear()
        for cid in order:
            self.client.addItem(clients[cid].pseudonym, cid)
        self.client.blockSignals(False)
        self.draft.setEnabled(bool(order))
        wanted = keep if keep in order else (order[0] if order else None)
        if wanted is not None:
            self.client.setCurrentIndex(self.client.findData(wanted))
        if wanted != self._client_id or self._reflection is None:
            self._load_client(wanted)

    # -- the draft -------------------------------------------------------------------------
    @property
    def reflection(self) -> Reflection | None:
        return self._reflection

    def select_client(self, client_id: int) -> bool:
        index = self.client.findData(client_id)
        if index < 0 or not self.try_save():
            return False
        self.client.setCurrentIndex(index)
        self._load_client(client_id)
        return True

    def _client_chosen(self, index: int) -> None:
        client_id = self.client.itemData(index)
        if client_id == self._client_id:
            return
        if not self.try_save():
            self.client.setCurrentIndex(max(self.client.findData(self._client_id), 0))
            return
        self._load_client(client_id)

    def _load_client(self, client_id: int | None) -> None:
        self._client_id = client_id
        latest = None
        if client_id is not None:
            drafts = [r for r in store.list_reflections(self._db, client_id=client_id)
                      if r.prompt_id == cp.PROMPT_ID and r.session_id is None]
            latest = drafts[-1] if drafts else None
        self._show(latest)

    def _show(self, reflection: Reflection | None) -> None:
        self._loading = True
        try:
            self._reflection = reflection
            text = reflection.text if reflection else ""
            parts = cp.parse(text, [part_headings(), source_part_headings()])
            for key, edit in self.parts.items():
                edit.setPlainText(parts[key])
                edit.document().clearUndoRedoStacks()
            self._saved_text = text
            self._show_approval()
            self.status.clear()
        finally:
            self._loading = False

    def composed(self) -> str:
        return cp.compose({k: e.toPlainText() for k, e in self.parts.items()}, part_headings())

    @property
    def is_dirty(self) -> bool:
        return self._client_id is not None and self.composed() != self._saved_text

    def _show_approval(self) -> None:
        state = self._reflection.approval if self._reflection else "none"
        self.approval.set_state(state, has_text=bool(self.composed().strip()))
        self.bar.set_state(state)

    def _changed(self) -> None:
        if self._loading:
            return
        self.status.clear()
        self.approval.set_state(self.approval.state, has_text=bool(self.composed().strip()))
        self._timer.start()

    def _focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        if old is not None and self.is_dirty and self.draft.isAncestorOf(old):
            self.try_save()

    def save(self) -> None:
        """Write the draft (one transaction); raises KnownError if the vault refused it."""
        self._timer.stop()
        client_id = self._client_id
        if client_id is None or not self.is_dirty:
            return
        text = self.composed()
        if self._reflection is None:
            if not text.strip():
                return
            reflection = store.add_reflection(self._db, text, client_id=client_id,
                                              prompt_id=cp.PROMPT_ID)
        else:
            reflection = store.update_reflection(self._db, self._reflection.id, text=text)
        self._reflection = reflection
        self._saved_text = text
        self._show_approval()
        self.status.setText(self.tr("Saved"))
        self.saved.emit()

    def try_save(self) -> bool:
        try:
            self.save()
        except KnownError as exc:
            self.status.setText(self.tr("Not saved — your text is kept here"))
            self._show_error(error_text(exc))
            return False
        return True

    def flush(self) -> None:
        self.save()

    def _wiped(self) -> None:
        """The lock wipes the parts: nothing may be saved from here on."""
        self._timer.stop()
        self._client_id = None
        self._reflection = None
        self._saved_text = ""

    def _share_toggled(self, wanted: bool) -> None:
        if not self.try_save() or self._reflection is None:
            return
        try:
            self._reflection = store.approve_reflection(self._db, self._reflection.id, wanted)
        except KnownError as exc:
            self._show_error(error_text(exc))
            return
        self._show_approval()
        self.status.setText(self.tr("Saved"))
        self.saved.emit()

    def start_new(self) -> None:
        """Keep the current presentation (it stays in the journal) and begin an empty one."""
        if not self.try_save():
            return
        self._show(None)
        self.parts[cp.PARTS[0]].setFocus(Qt.FocusReason.OtherFocusReason)

    def fill_from_notes(self) -> list[str]:
        """Pour the client's approved sections since the last supervision, and their open
        questions, into the parts still empty; returns the parts filled."""
        client_id = self._client_id
        prep = self._prep
        if client_id is None or prep is None:
            return []
        sections = [(item.session.number, section.key, section.text)
                    for item in prep.sessions if item.session.client_id == client_id
                    for section in item.approved]
        seeds = cp.seeds(sections)
        questions = [q.text.strip() for q in prep.open_questions
                     if q.client_id == client_id and q.text.strip()]
        filled = []
        for key, edit in self.parts.items():
            if edit.toPlainText().strip():
                continue  # never overwrite what was written
            blocks = [self.tr("Session %1: %2").replace("%1", str(n)).replace("%2", text)
                      for n, text in seeds[key]]
            if key == "question":
                blocks = list(dict.fromkeys(questions + [text for _, text in seeds[key]]))
            if key == "context":
                client = store.get_client(self._db, client_id)
                blocks.insert(0, self.tr("%n sessions so far.", "", client.session_count))
            if blocks:
                edit.setPlainText("\n\n".join(blocks))
                filled.append(key)
        if filled:
            self.try_save()
        return filled

    # -- opening notes ---------------------------------------------------------------------
    def _question_activated(self, item: QListWidgetItem) -> None:
        self._open(item.data(ITEM_ROLE))

    def _session_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self._open(item.data(0, ITEM_ROLE))

    def _open(self, data: object) -> None:
        if not data or self._open_note is None or not self.try_save():
            return
        session_id, client_id = data  # type: ignore[misc]
        if session_id is not None and client_id is not None:
            self._open_note(session_id, client_id)

    def _show_error(self, message: str) -> None:
        if self._box is not None and self._box.isVisible():
            self._box.setText(message)
            return
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME,
                          QCoreApplication.translate("PrepareView",
                                                     "The presentation could not be saved."),
                          QMessageBox.StandardButton.Ok, self)
        box.setInformativeText(message)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(self._box_gone)
        self._box = box
        box.open()

    def _box_gone(self) -> None:
        self._box = None
