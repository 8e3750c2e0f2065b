"""The reflect panel beside the note (design.md §11, right column).

For the session shown in the editor it offers prompts (the suggestions first: countertransference
leads, rotating, never what the client's last sessions answered), lets the practitioner browse
by framework, search, pin favourites and add their own prompts, and keeps their answers: each
answer is a reflection linked to the session, saved like the note (one transaction when typing
pauses, at once on focus loss, switch, ``flush``), approvable for supervision, and possibly a
question for the supervision queue. A second tab records the session's countertransference
feelings and shows the client's patterns over time.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ... import APP_NAME
from ...errors import KnownError
from ...journal import store
from ...journal.models import Reflection, Session
from ...prompts.library import Prompt, PromptLibrary
from ...supervision import prompt_choice
from ...vault.database import Database
from ..editor.note_editor import AUTOSAVE_MS
from ..error_text import error_text
from ..widgets import AMBER, AMBER_TEXT, EmptyState, format_date
from .answer_editor import AnswerEditor
from .custom_prompt_dialog import CustomPromptDialog
from .feelings import FeelingsChips
from .patterns_chart import PatternsView
from .prompt_browser import FAVOURITES, PromptBrowser
from .widgets import bold


class ReflectPanel(QWidget):
    """``set_session(id)`` follows the note editor; ``flush()`` commits pending answers (raises
    the KnownError when the vault refused, the text stays on screen).

    Signals:
        saved: an answer, approval, mark or feeling reached COMMIT.
        save_failed(str): a save was refused; the text is kept and stays dirty.
    """

    saved = Signal()
    save_failed = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None, *,
                 language: str | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._language = language or QLocale().name()
        self._library = prompt_choice.library_for(db, self._language)
        self._favourites = prompt_choice.favourites(db)
        self._counts: Counter[str] | None = None  # answers per prompt, read once
        self._session: Session | None = None
        self._editors: list[AnswerEditor] = []
        self._saved_text: dict[AnswerEditor, str] = {}
        self._dirty: set[AnswerEditor] = set()
        self._clearing = False
        self._box: QMessageBox | None = None
        self.delete_box: QMessageBox | None = None
        self.last_error: str | None = None

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.try_save)

        self.title = QLabel(self.tr("Reflect"), self)
        bold(self.title, 1.15)
        self.subtitle = QLabel(self)
        self.subtitle.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.status = QLabel(self)
        self.status.setAccessibleName(self.tr("Reflections save status"))
        self.status.setContentsMargins(4, 1, 4, 1)

        self.browser = PromptBrowser(self)
        self.browser.set_library(self._library)
        self.browser.set_favourites(self._favourites)
        self.browser.answer_requested.connect(self.answer_prompt)
        self.browser.free_requested.connect(lambda: self.answer_prompt(None))
        self.browser.favourite_toggled.connect(self._favourite_toggled)
        self.browser.add_requested.connect(self.add_own_prompt)
        self.browser.delete_requested.connect(self._delete_own_prompt)

        self.answers_scroll = QScrollArea(self)
        self.answers_scroll.setWidgetResizable(True)
        self.answers_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.answers_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.answers_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        answers_body = QWidget(self.answers_scroll)
        self._answers_layout = QVBoxLayout(answers_body)
        self._answers_layout.setContentsMargins(0, 4, 4, 8)
        self._answers_layout.setSpacing(0)
        self.answers_heading = QLabel(self.tr("My answers for this session"), answers_body)
        bold(self.answers_heading)
        self.no_answers = QLabel(self.tr("No answers yet: choose a prompt above and press "
                                         "Answer, or write a free reflection."), answers_body)
        self.no_answers.setWordWrap(True)
        self.no_answers.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._answers_layout.addWidget(self.answers_heading)
        self._answers_layout.addWidget(self.no_answers)
        self._answers_layout.addStretch(1)
        self.answers_scroll.setWidget(answers_body)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.browser)
        self.splitter.addWidget(self.answers_scroll)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([330, 300])

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.splitter, self.tr("Prompts"))
        self.tabs.addTab(self._build_feelings_tab(), self.tr("Feelings"))

        self.empty = EmptyState(self.tr("Select a session to reflect on it: prompts, your "
                                         "answers and what you felt."), parent=self)
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self.empty)
        self._stack.addWidget(self.tabs)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 10, 8, 6)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self._stack, 1)
        layout.addWidget(self.status)
        self.setMinimumWidth(240)

        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _build_feelings_tab(self) -> QWidget:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(scroll)
        intro = QLabel(self.tr("What did I feel with this client today? Click a feeling once "
                               "for slight, twice for clear, three times for strong."), body)
        intro.setWordWrap(True)
        self.feelings = FeelingsChips(body)
        self.feelings.changed.connect(self._feelings_changed)
        patterns_heading = QLabel(self.tr("Patterns over time"), body)
        bold(patterns_heading)
        self.patterns = PatternsView(body)
        self.larger = QPushButton(self.tr("Larger view…"), body)
        self.larger.setAccessibleName(self.tr("Show the patterns chart larger"))
        self.larger.clicked.connect(self.show_larger_patterns)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 8, 4, 8)
        column.setSpacing(8)
        column.addWidget(intro)
        column.addWidget(self.feelings)
        column.addSpacing(8)
        column.addWidget(patterns_heading)
        column.addWidget(self.patterns, 1)
        column.addWidget(self.larger, 0, Qt.AlignmentFlag.AlignRight)
        scroll.setWidget(body)
        return scroll

    # -- state -----------------------------------------------------------------------------
    @property
    def session(self) -> Session | None:
        return self._session

    @property
    def library(self) -> PromptLibrary:
        return self._library

    @property
    def is_dirty(self) -> bool:
        return bool(self._dirty)

    def editors(self) -> list[AnswerEditor]:
        return list(self._editors)

    def editor_for(self, reflection_id: int) -> AnswerEditor | None:
        return next((e for e in self._editors if e.reflection_id == reflection_id), None)

    # -- following the note editor ---------------------------------------------------------
    def set_session(self, session_id: int | None) -> None:
        """Show the reflections of ``session_id`` (None: nothing). Pending answers are saved
        first; if that fails they stay on screen with the error, nothing is dropped."""
        if self._session is not None and self._session.id == session_id:
            return
        if not self.try_save():
            return
        self._clear_editors()
        self._session = None
        if session_id is None:
            self.subtitle.clear()
            self._stack.setCurrentWidget(self.empty)
            return
        try:
            session = store.get_session(self._db, session_id)
        except KnownError:
            self._stack.setCurrentWidget(self.empty)
            return
        self._session = session
        self._show_subtitle()
        client_reflections = store.list_reflections(self._db, client_id=session.client_id)
        own = [r for r in client_reflections if r.session_id == session.id]
        for reflection in own:
            self._add_editor(reflection.prompt_id, reflection)
        self._refresh_suggestions(client_reflections)
        self.feelings.set_values(store.get_feelings(self._db, session.id))
        self._refresh_patterns()
        self._update_answers_empty()
        self._stack.setCurrentWidget(self.tabs)

    def session_edited(self, session_id: int) -> None:
        """The note's date changed: its number and date line move (the answers stay)."""
        if self._session is None or self._session.id != session_id:
            return
        try:
            self._session = store.get_session(self._db, session_id)
        except KnownError:
            return
        self._show_subtitle()

    def _show_subtitle(self) -> None:
        session = self._session
        if session is not None:
            self.subtitle.setText(self.tr("Session %1 · %2").replace("%1", str(session.number))
                                  .replace("%2", format_date(session.date)))

    def _history(self) -> Counter[str]:
        if self._counts is None:
            self._counts = prompt_choice.history_counts(store.list_reflections(self._db))
        return self._counts

    def _refresh_suggestions(self, client_reflections: list[Reflection] | None = None) -> None:
        session = self._session
        if session is None:
            return
        if client_reflections is None:
            client_reflections = store.list_reflections(self._db, client_id=session.client_id)
        offered = prompt_choice.suggestions(
            self._library, session_id=session.id,
            client_sessions=store.list_sessions(self._db, session.client_id),
            client_reflections=client_reflections, counts=self._history(),
            favourite_ids=self._favourites)
        self.browser.set_suggestions(offered, self._answered_ids())

    def _answered_ids(self) -> set[str]:
        return {e.prompt_id for e in self._editors if e.prompt_id and e.text().strip()}

    def _refresh_patterns(self) -> None:
        if self._session is not None:
            self.patterns.set_points(store.feelings_timeline(self._db, self._session.client_id))

    # -- answers ---------------------------------------------------------------------------
    def _prompt_texts(self, prompt_id: str | None) -> tuple[str, str]:
        if prompt_id is None:
            return self.tr("Free reflection"), ""
        prompt = self._library.by_id(prompt_id)
        if prompt is None:
            return self.tr("A prompt no longer in the library"), ""
        return prompt.title, prompt.question

    def _add_editor(self, prompt_id: str | None,
                    reflection: Reflection | None = None) -> AnswerEditor:
        title, question = self._prompt_texts(prompt_id)
        editor = AnswerEditor(prompt_id, title, question, self.answers_scroll.widget())
        if reflection is not None:
            editor.load(reflection)
        self._saved_text[editor] = reflection.text if reflection is not None else ""
        editor.changed.connect(self._answer_changed)
        editor.share_toggled.connect(self._share_toggled)
        editor.question_toggled.connect(self._question_toggled)
        editor.delete_requested.connect(self._delete_requested)
        editor.edit.about_to_wipe.connect(self._wiped)
        self._answers_layout.insertWidget(self._answers_layout.count() - 1, editor)
        self._editors.append(editor)
        return editor

    def answer_prompt(self, prompt_id: str | None) -> AnswerEditor | None:
        """Open an answer to ``prompt_id`` (None: a free reflection) and put the cursor in it;
        a prompt already answered in this session opens its answer again."""
        if self._session is None:
            return None
        editor = next((e for e in self._editors if prompt_id is not None
                       and e.prompt_id == prompt_id), None)
        if editor is None:
            editor = self._add_editor(prompt_id)
            self._update_answers_empty()
        self.tabs.setCurrentWidget(self.splitter)
        self._focus_editor(editor)
        return editor

    def reveal_reflection(self, reflection_id: int) -> bool:
        editor = self.editor_for(reflection_id)
        if editor is None:
            return False
        self.tabs.setCurrentWidget(self.splitter)
        self._focus_editor(editor)
        return True

    def _focus_editor(self, editor: AnswerEditor) -> None:
        editor.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        QTimer.singleShot(0, lambda: self._ensure_visible(editor))

    def _ensure_visible(self, editor: AnswerEditor) -> None:
        if editor in self._editors:
            self.answers_scroll.ensureWidgetVisible(editor, 0, 24)

    def _update_answers_empty(self) -> None:
        self.no_answers.setVisible(not self._editors)

    def _answer_changed(self, editor: AnswerEditor) -> None:
        if self._clearing or editor not in self._editors:
            return
        if editor.text() == self._saved_text.get(editor, ""):
            self._dirty.discard(editor)
        else:
            self._dirty.add(editor)
            self.status.clear()
        self._timer.start()

    def _focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        if old is not None and self._dirty and self.isAncestorOf(old):
            self.try_save()

    # -- saving ----------------------------------------------------------------------------
    def save(self) -> None:
        """Write every changed answer in one transaction; raises the KnownError if the vault
        refused it (the answers keep their text and stay dirty)."""
        self._timer.stop()
        session = self._session
        if session is None or not self._dirty:
            return
        written: list[tuple[AnswerEditor, str, Reflection]] = []
        with self._db.transaction():
            for editor in [e for e in self._editors if e in self._dirty]:
                text = editor.text()
                if editor.reflection_id is None:
                    if not text.strip():
                        continue  # nothing worth a row yet
                    reflection = store.add_reflection(
                        self._db, text, session_id=session.id, prompt_id=editor.prompt_id,
                        is_question=editor.as_question.isChecked())
                else:
                    reflection = store.update_reflection(self._db, editor.reflection_id,
                                                         text=text)
                written.append((editor, text, reflection))
        # Past this line the transaction has committed.
        new_prompts = False
        for editor, text, reflection in written:
            if editor.reflection_id is None and editor.prompt_id:
                self._history()[editor.prompt_id] += 1
                new_prompts = True
            editor.reflection_id = reflection.id
            self._saved_text[editor] = text
            editor.set_approval(reflection.approval)
        self._dirty = {e for e in self._dirty if e.text() != self._saved_text.get(e, "")
                       and (e.reflection_id is not None or e.text().strip())}
        if new_prompts or written:
            self.browser.set_answered(self._answered_ids())
        self.last_error = None
        self._show_saved()

    def try_save(self) -> bool:
        try:
            self.save()
        except KnownError as exc:
            self._failed(error_text(exc))
            return False
        return True

    def flush(self) -> None:
        """Commit pending answers now (lock, quit). Raises KnownError when refused."""
        try:
            self.save()
        except KnownError as exc:
            self._failed(error_text(exc))
            raise

    def _show_saved(self) -> None:
        self.status.setText(self.tr("Saved"))
        self.status.setAutoFillBackground(False)
        self.status.setPalette(QPalette())
        self.saved.emit()

    def _failed(self, message: str) -> None:
        self.last_error = message
        self.status.setText(self.tr("Not saved — your text is kept here"))
        palette = QPalette()
        palette.setColor(QPalette.ColorRole.Window, AMBER)
        palette.setColor(QPalette.ColorRole.WindowText, AMBER_TEXT)
        self.status.setPalette(palette)
        self.status.setAutoFillBackground(True)
        self.save_failed.emit(message)
        self._show_error(self.tr("Your reflection could not be saved."), message)

    def _show_error(self, text: str, details: str) -> None:
        if self._box is not None and self._box.isVisible():
            self._box.setText(text)
            self._box.setInformativeText(details)
            return
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, text,
                          QMessageBox.StandardButton.Ok, self)
        box.setInformativeText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(self._box_gone)
        self._box = box
        box.open()

    def _box_gone(self) -> None:
        self._box = None

    # -- approvals, questions, deletion ----------------------------------------------------
    def _share_toggled(self, editor: AnswerEditor, wanted: bool) -> None:
        if not self.try_save() or editor.reflection_id is None:
            return  # approve exactly the text on screen, and only once it is stored
        try:
            reflection = store.approve_reflection(self._db, editor.reflection_id, wanted)
        except KnownError as exc:
            self._show_error(error_text(exc), "")
            return
        editor.set_approval(reflection.approval)
        self._show_saved()

    def _question_toggled(self, editor: AnswerEditor, on: bool) -> None:
        if editor.reflection_id is None:
            return  # remembered by the box and stored with the first words
        if not self.try_save():
            editor.as_question.setChecked(not on)
            return
        try:
            store.update_reflection(self._db, editor.reflection_id, is_question=on)
        except KnownError as exc:
            editor.as_question.setChecked(not on)
            self._show_error(error_text(exc), "")
            return
        self._show_saved()

    def _delete_requested(self, editor: AnswerEditor) -> None:
        if not editor.text().strip() and editor.reflection_id is None:
            self._remove_editor(editor)
            return
        box = QMessageBox(QMessageBox.Icon.Question, APP_NAME,
                          self.tr("Delete this answer?"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        box.setInformativeText(self.tr("It is removed from the journal and cannot be brought "
                                       "back."))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Delete"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda result: self._delete_answered(editor, result))
        self.delete_box = box
        box.open()

    def _delete_answered(self, editor: AnswerEditor, result: int) -> None:
        self.delete_box = None
        if result != QMessageBox.StandardButton.Yes or editor not in self._editors:
            return
        if editor.reflection_id is not None:
            try:
                store.delete_reflection(self._db, editor.reflection_id)
            except KnownError as exc:
                self._show_error(error_text(exc), "")
                return
            if editor.prompt_id and self._counts is not None:
                self._counts[editor.prompt_id] -= 1
        self._remove_editor(editor)
        self.browser.set_answered(self._answered_ids())
        self._show_saved()

    def _remove_editor(self, editor: AnswerEditor) -> None:
        self._clearing = True
        try:
            editor.edit.wipe()
        finally:
            self._clearing = False
        self._editors.remove(editor)
        self._dirty.discard(editor)
        self._saved_text.pop(editor, None)
        editor.hide()
        editor.deleteLater()
        self._update_answers_empty()

    def _clear_editors(self) -> None:
        for editor in list(self._editors):
            self._remove_editor(editor)
        self._dirty.clear()

    def _wiped(self) -> None:
        """A lock is wiping the editors: from now on nothing here may be saved, or the
        emptied answers would overwrite the stored ones."""
        if self._clearing:
            return
        self._timer.stop()
        self._session = None
        self._dirty.clear()
        self._saved_text.clear()

    # -- favourites and own prompts --------------------------------------------------------
    def _favourite_toggled(self, prompt_id: str, pinned: bool) -> None:
        try:
            self._favourites = prompt_choice.set_favourite(self._db, prompt_id, pinned)
        except KnownError as exc:
            self._show_error(error_text(exc), "")
        self.browser.set_favourites(self._favourites)

    def add_own_prompt(self) -> CustomPromptDialog:
        dialog = CustomPromptDialog(self._db, self._library, self)
        dialog.finished.connect(lambda result: self._own_prompt_added(dialog, result))
        dialog.open()
        return dialog

    def _own_prompt_added(self, dialog: CustomPromptDialog, result: int) -> None:
        prompt: Prompt | None = dialog.prompt
        dialog.deleteLater()
        if result != QDialog.DialogCode.Accepted or prompt is None:
            return
        self._reload_library()
        self.browser.search.clear()
        self.browser.show_view(prompt.framework)
        self.browser.select_prompt(prompt.id)

    def _delete_own_prompt(self, prompt_id: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, APP_NAME,
                          self.tr("Delete this prompt of yours?"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        box.setInformativeText(self.tr("Your answers to it are kept."))
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Delete"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda result: self._own_prompt_deleted(prompt_id, result))
        self.delete_box = box
        box.open()

    def _own_prompt_deleted(self, prompt_id: str, result: int) -> None:
        self.delete_box = None
        if result != QMessageBox.StandardButton.Yes:
            return
        try:
            prompt_choice.delete_custom_prompt(self._db, prompt_id)
        except KnownError as exc:
            self._show_error(error_text(exc), "")
            return
        self._favourites = prompt_choice.favourites(self._db)
        self._reload_library()

    def _reload_library(self) -> None:
        self._library = prompt_choice.library_for(self._db, self._language)
        self.browser.set_library(self._library)
        self.browser.set_favourites(self._favourites)
        for editor in self._editors:
            title, _question = self._prompt_texts(editor.prompt_id)
            editor.heading.setText(title)
        self._refresh_suggestions()

    # -- feelings --------------------------------------------------------------------------
    def _feelings_changed(self, values: dict[str, int]) -> None:
        session = self._session
        if session is None:
            return
        try:
            store.set_feelings(self._db, session.id, values)
        except KnownError as exc:
            self._show_error(error_text(exc), "")
            self.feelings.set_values(store.get_feelings(self._db, session.id))
            return
        self._refresh_patterns()
        self._show_saved()

    def show_larger_patterns(self) -> QDialog:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Patterns over time"))
        view = PatternsView(dialog)
        view.set_points(self.patterns.points)
        layout = QVBoxLayout(dialog)
        layout.addWidget(view)
        dialog.resize(760, 460)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # -- views -----------------------------------------------------------------------------
    def show_favourites(self) -> None:
        self.browser.show_view(FAVOURITES)
