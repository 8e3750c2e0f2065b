"""The note of one session: date, duration, modality and tags, then the template's sections.

Saving (design.md §5.2: never lose a word):
- every change restarts a single-shot timer; when typing pauses for ``AUTOSAVE_MS`` the changed
  sections (and session details) are written in ONE transaction; ``saved`` is emitted only after
  COMMIT;
- a section losing focus, a switch to another session, and ``flush()`` save at once;
- when a save fails with a ``KnownError`` (a full disk…) the text stays in the editor and stays
  dirty, ``save_failed`` carries the calm message, and the next change or flush tries again.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...errors import KnownError
from ...journal import store
from ...journal.models import MODALITIES, TEMPLATES, Session, SessionNote
from ...vault.database import Database
from ..clipboard import SecureLineEdit
from ..error_text import error_text
from ..widgets import EmptyState, from_qdate, modality_label, to_qdate
from .section_editor import SectionEditor

AUTOSAVE_MS = 1500


def parse_tags(text: str) -> list[str]:
    return [t.strip() for t in text.split(",") if t.strip()]


class NoteEditor(QWidget):
    """Edits one session note at a time; ``load(session_id)`` saves the previous one first.

    Signals:
        saved: a save reached COMMIT (the status bar may say "Saved").
        edited: the user changed something that is not saved yet.
        save_failed(str): a save raised a KnownError; the text is kept and stays dirty.
        action_failed(str): another action (approve, revoke) was refused, with the reason.
        session_edited(int): date, duration, modality or tags of that session were committed.
        new_session_requested: the empty state's button.
    """

    saved = Signal()
    edited = Signal()
    save_failed = Signal(str)
    action_failed = Signal(str)
    session_edited = Signal(int)
    new_session_requested = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._session: Session | None = None
        self._sections: dict[str, SectionEditor] = {}
        self._containers: dict[str, QWidget] = {}
        self._saved_text: dict[str, str] = {}
        self._dirty: set[str] = set()
        self._meta_dirty = False
        self._loading = False
        self._pseudonym = ""
        self.last_error: str | None = None

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.autosave)

        self._stack = QStackedWidget(self)
        self.empty = EmptyState(self.tr("Select a client, or add one with Ctrl+Shift+N."),
                                self.tr("New session"), self)
        assert self.empty.button is not None
        self.empty.button.clicked.connect(self.new_session_requested)
        self._stack.addWidget(self.empty)
        self._stack.addWidget(self._build_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)
        self.show_empty(self.tr("Select a client, or add one with Ctrl+Shift+N."),
                        with_button=False)

        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    # -- construction ----------------------------------------------------------------------
    def _build_page(self) -> QWidget:
        page = QWidget(self)
        self.title = QLabel(page)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

        self.date_edit = QDateEdit(page)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("d MMM yyyy")
        self.date_edit.setAccessibleName(self.tr("Session date"))
        self.date_edit.dateChanged.connect(self._meta_changed)

        self.duration = QSpinBox(page)
        self.duration.setRange(0, 1440)
        self.duration.setSingleStep(5)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setAccessibleName(self.tr("Duration in minutes"))
        self.duration.valueChanged.connect(self._meta_changed)

        self.modality = QComboBox(page)
        for code in MODALITIES:
            self.modality.addItem(modality_label(code), code)
        self.modality.setAccessibleName(self.tr("Modality"))
        self.modality.currentIndexChanged.connect(self._meta_changed)

        self.tags = SecureLineEdit(page)
        self.tags.setPlaceholderText(self.tr("Tags, separated by commas"))
        self.tags.setAccessibleName(self.tr("Session tags"))
        self.tags.textEdited.connect(self._meta_changed)
        self.tags.editingFinished.connect(self._tags_finished)

        meta = QHBoxLayout()
        meta.setSpacing(12)
        for text, widget in ((self.tr("&Date"), self.date_edit),
                             (self.tr("D&uration"), self.duration),
                             (self.tr("&Modality"), self.modality)):
            label = QLabel(text, page)
            label.setBuddy(widget)
            pair = QHBoxLayout()
            pair.setSpacing(4)
            pair.addWidget(label)
            pair.addWidget(widget)
            meta.addLayout(pair)
        meta.addStretch(1)
        tags_row = QHBoxLayout()
        tags_row.setSpacing(4)
        tags_label = QLabel(self.tr("&Tags"), page)
        tags_label.setBuddy(self.tags)
        tags_row.addWidget(tags_label)
        tags_row.addWidget(self.tags, 1)

        self.scroll = QScrollArea(page)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Sections wrap their text and elide long headings: the note never scrolls sideways.
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(self.scroll)
        self._body_layout = QVBoxLayout(body)
        self._body_layout.setContentsMargins(0, 8, 0, 24)
        self._body_layout.setSpacing(0)
        self._body_layout.addStretch(1)
        self.scroll.setWidget(body)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(16, 12, 16, 0)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addLayout(meta)
        layout.addLayout(tags_row)
        layout.addWidget(self.scroll, 1)
        return page

    def _container(self, template: str) -> QWidget:
        """The section editors of a template, built once and reused for every note."""
        if template in self._containers:
            return self._containers[template]
        body = self.scroll.widget()
        container = QWidget(body)
        column = QVBoxLayout(container)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        for key in TEMPLATES[template]:
            section = SectionEditor(key, container)
            section.changed.connect(self._section_changed)
            section.share_toggled.connect(self._share_toggled)
            section.dismiss_requested.connect(self._dismiss_approval)
            section.edit.cursorPositionChanged.connect(self._cursor_moved)
            section.edit.about_to_wipe.connect(self._forget)
            column.addWidget(section)
            self._sections[f"{template}:{key}"] = section
        self._body_layout.insertWidget(self._body_layout.count() - 1, container)
        self._containers[template] = container
        return container

    # -- reading state ---------------------------------------------------------------------
    @property
    def session(self) -> Session | None:
        return self._session

    @property
    def is_dirty(self) -> bool:
        return bool(self._dirty) or self._meta_dirty

    def section(self, key: str) -> SectionEditor:
        """The editor of ``key`` in the note shown now."""
        if self._session is None:
            raise KeyError(key)
        return self._sections[f"{self._session.template}:{key}"]

    def sections(self) -> list[SectionEditor]:
        if self._session is None:
            return []
        return [self.section(k) for k in TEMPLATES[self._session.template]]

    # -- loading ---------------------------------------------------------------------------
    def show_empty(self, message: str, *, with_button: bool) -> None:
        self.empty.set_message(message)
        assert self.empty.button is not None
        self.empty.button.setVisible(with_button)
        self._stack.setCurrentWidget(self.empty)

    def load(self, session_id: int | None, *, force: bool = False) -> bool:
        """Show a session's note (None: nothing). Saves pending edits first; returns False and
        keeps the current note when that save fails (nothing typed is dropped)."""
        if not force and self._session is not None and self._session.id == session_id:
            return True
        if not self.try_save():
            return False
        if session_id is None:
            self._session = None
            self._saved_text = {}
            return True
        note = store.get_note(self._db, session_id)
        self._show_note(note)
        return True

    def _show_note(self, note: SessionNote) -> None:
        session = note.session
        self._loading = True
        try:
            self._session = session
            container = self._container(session.template)
            for template, other in self._containers.items():
                other.setVisible(template == session.template)
            for key in TEMPLATES[session.template]:
                editor = self._sections[f"{session.template}:{key}"]
                section = note.sections.get(key)
                editor.load(note.text(key), section.approval if section else "none")
            self._saved_text = {k: note.text(k) for k in TEMPLATES[session.template]}
            self._dirty = set()
            self._meta_dirty = False
            self._show_meta(note)
        finally:
            self._loading = False
        self._set_tab_order(session.template)
        self._stack.setCurrentIndex(1)
        container.updateGeometry()
        self.scroll.verticalScrollBar().setValue(0)

    def _show_meta(self, note: SessionNote) -> None:
        session = note.session
        self._pseudonym = note.pseudonym
        self._show_title()
        self.date_edit.setDate(to_qdate(session.date))
        self.duration.setValue(session.duration_minutes)
        self.modality.setCurrentIndex(max(0, self.modality.findData(session.modality)))
        self.tags.setText(", ".join(session.tags))
        self.tags.setModified(False)

    def _show_title(self) -> None:
        if self._session is not None:
            self.title.setText(self.tr("%1 · Session %2").replace("%1", self._pseudonym)
                               .replace("%2", str(self._session.number)))

    def set_pseudonym(self, pseudonym: str) -> None:
        """The client was renamed while their note is open."""
        self._pseudonym = pseudonym
        self._show_title()

    def _set_tab_order(self, template: str) -> None:
        chain: list[QWidget] = [self.date_edit, self.duration, self.modality, self.tags]
        for key in TEMPLATES[template]:
            section = self._sections[f"{template}:{key}"]
            chain.append(section.header)
            if section.share is not None:
                chain.append(section.share)
            chain.append(section.dismiss)
            chain.append(section.edit)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def focus_first_section(self) -> None:
        sections = self.sections()
        if sections:
            sections[0].focus_text()

    # -- changes ---------------------------------------------------------------------------
    def _section_changed(self, key: str) -> None:
        if self._loading or self._session is None:
            return
        editor = self.section(key)
        editor.edit.setExtraSelections([])
        if editor.text() == self._saved_text.get(key, ""):
            self._dirty.discard(key)
        else:
            self._dirty.add(key)
        self._changed()

    def _meta_changed(self, *_args: object) -> None:
        if self._loading or self._session is None:
            return
        self._meta_dirty = True
        self._changed()

    def _tags_finished(self) -> None:
        if self._meta_dirty:
            self.autosave()

    def _changed(self) -> None:
        self.edited.emit()
        self._timer.start()  # restarted on every change: saves when typing pauses

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if old is not None and self.is_dirty and self.isAncestorOf(old):
            self.autosave()

    # -- saving ----------------------------------------------------------------------------
    def _meta_values(self) -> dict[str, object]:
        return {"on": from_qdate(self.date_edit.date()),
                "duration_minutes": self.duration.value(),
                "modality": self.modality.currentData(),
                "tags": parse_tags(self.tags.text())}

    def save(self) -> None:
        """Write every pending change now, in one transaction. Raises the KnownError if the
        vault refused it (the editor keeps the text and stays dirty)."""
        self._timer.stop()
        session = self._session
        if session is None or not self.is_dirty:
            return
        texts = {key: self.section(key).text() for key in sorted(self._dirty)}
        meta = self._meta_values() if self._meta_dirty else None
        note: SessionNote | None = None
        with self._db.transaction():
            if meta is not None:
                store.update_session(self._db, session.id, **meta)  # type: ignore[arg-type]
            if texts:
                note = store.save_sections(self._db, session.id, texts)
        # Past this line the transaction has committed.
        self.last_error = None
        for key, text in texts.items():
            self._saved_text[key] = text
        self._dirty = {k for k in self._dirty
                       if self.section(k).text() != self._saved_text.get(k, "")}
        if note is not None:
            for key in texts:
                section = note.sections.get(key)
                self.section(key).set_approval(section.approval if section else "none")
        if meta is not None:
            self._meta_dirty = False
            self._session = store.get_session(self._db, session.id)
            self._show_title()
            self.session_edited.emit(session.id)
        self.saved.emit()

    def try_save(self) -> bool:
        """Save now; on a KnownError report it through ``save_failed`` and return False."""
        try:
            self.save()
        except KnownError as exc:
            self.last_error = error_text(exc)
            self.save_failed.emit(error_text(exc))
            return False
        return True

    def autosave(self) -> None:
        self.try_save()

    def flush(self) -> None:
        """Commit pending edits synchronously (before lock, quit, switch). Raises KnownError
        when the vault refused the save, so the caller can keep the window (and the text)."""
        try:
            self.save()
        except KnownError as exc:
            self.last_error = error_text(exc)
            self.save_failed.emit(error_text(exc))
            raise

    # -- approvals -------------------------------------------------------------------------
    def _share_toggled(self, key: str, wanted: bool) -> None:
        session = self._session
        if session is None:
            return
        # Approve exactly the text on screen: save it first.
        if not self.try_save():
            return
        try:
            if wanted:
                section = store.approve_section(self._db, session.id, key)
                self.section(key).set_approval(section.approval)
            else:
                store.revoke_approval(self._db, session.id, key)
                self.section(key).set_approval("none")
        except KnownError as exc:
            self.action_failed.emit(error_text(exc))
            return
        self.saved.emit()

    def _dismiss_approval(self, key: str) -> None:
        self._share_toggled(key, False)

    # -- search results --------------------------------------------------------------------
    def reveal(self, key: str | None, term: str | None) -> None:
        """Open ``key`` (or the first non-empty section), put the cursor on the first ``term``
        and highlight it without selecting it (typing must never replace a search match)."""
        sections = self.sections()
        if not sections:
            return
        target = None
        if key is not None:
            target = next((s for s in sections if s.key == key), None)
        if target is None and term:
            folded = term.casefold()
            target = next((s for s in sections if folded in s.text().casefold()), None)
        if target is None:
            target = next((s for s in sections if s.text()), sections[0])
        target.set_expanded(True)
        position = target.text().casefold().find(term.casefold()) if term else -1
        cursor = target.edit.textCursor()
        cursor.setPosition(max(position, 0))
        target.edit.setTextCursor(cursor)
        if position >= 0 and term:
            mark = QTextEdit.ExtraSelection()
            mark.cursor = QTextCursor(target.edit.document())
            mark.cursor.setPosition(position)
            mark.cursor.setPosition(position + len(term), QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setBackground(self.palette().color(QPalette.ColorRole.Highlight).lighter(130))
            fmt.setForeground(QColor(self.palette().color(QPalette.ColorRole.HighlightedText)))
            mark.format = fmt
            target.edit.setExtraSelections([mark])
        target.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        QTimer.singleShot(0, self._keep_cursor_visible)

    def _cursor_moved(self) -> None:
        # After the section has grown to its new height (the layout runs first).
        QTimer.singleShot(0, self._keep_cursor_visible)

    def _keep_cursor_visible(self) -> None:
        edit = QApplication.focusWidget()
        if edit is None or not self.scroll.widget().isAncestorOf(edit):
            return
        if not hasattr(edit, "cursorRect"):
            return
        rect = edit.cursorRect()  # type: ignore[union-attr]
        viewport = edit.viewport()  # type: ignore[union-attr]
        point = viewport.mapTo(self.scroll.widget(), rect.center())
        self.scroll.ensureVisible(point.x(), point.y(), 8, rect.height() + 16)

    # -- lock ------------------------------------------------------------------------------
    def _forget(self) -> None:
        """An editor is being wiped (lock): from now on nothing here may be saved, or the
        emptied areas would overwrite the note."""
        self._timer.stop()
        self._session = None
        self._saved_text = {}
        self._dirty = set()
        self._meta_dirty = False

    def clear(self) -> None:
        """Forget the note shown (call ``flush`` first): editors and their undo histories."""
        self._forget()
        for section in self._sections.values():
            section.edit.wipe()
        self.tags.wipe()
        self.title.clear()  # it names the client
