"""The window a practitioner lives in (design.md §11): navigation and clients on the left, the
selected client's sessions (or search results) in the middle, the note on the right.

Contract with the shell (notes/UI_CONTRACT.md): ``MainWindow(vault)``; ``flush()`` commits
every pending edit before a lock or quit (it raises the ``KnownError`` when the vault refused
the save, so the caller can keep the window and the text); signals ``lock_requested``,
``settings_requested``, ``about_requested`` and ``quit_requested``; ``add_page`` for later
pages. The title is always the application name, never client data.
"""

from __future__ import annotations

import itertools
from datetime import date

from PySide6.QtCore import QEvent, QMetaMethod, QObject, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME
from ..errors import KnownError
from ..journal import store
from ..journal.models import SearchHit
from ..vault.vault import Vault
from .client_dialog import ClientDialog
from .clients_panel import ClientsPanel
from .editor.note_editor import NoteEditor
from .error_text import error_text
from .identity_dialog import IdentityDialog
from .reflect.panel import ReflectPanel
from .search_panel import SearchPanel
from .sessions_panel import SessionsPanel
from .shortcuts_dialog import ShortcutsDialog, shortcut_groups
from .widgets import AMBER, AMBER_TEXT, first_hit, format_date

JOURNAL_PAGE = "journal"


class _WindowShortcutsFirst(QObject):
    """Text fields claim Ctrl+K (delete to end of line on Linux); the window's Search shortcut
    must win, so a practitioner reaching for search never deletes part of a note."""

    def __init__(self, sequences: list[QKeySequence], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sequences = sequences

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            pressed = QKeySequence(event.keyCombination())
            if any(pressed.matches(s) == QKeySequence.SequenceMatch.ExactMatch
                   for s in self._sequences):
                event.ignore()
                return True  # not accepted: the shortcut fires, the field never sees the key
        return False


class MainWindow(QMainWindow):
    lock_requested = Signal()
    settings_requested = Signal()
    about_requested = Signal()
    quit_requested = Signal()

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._db = vault.db
        self._client_id: int | None = None
        self._pending_session: int | None = None
        self._error_box: QMessageBox | None = None
        self._pages: dict[str, QWidget] = {}
        self._go_actions: list[QAction] = []
        self.delete_box: QMessageBox | None = None
        self.setWindowTitle(APP_NAME)
        self.setObjectName("MainWindow")

        self.clients_panel = ClientsPanel(self._db, self)
        self.sessions_panel = SessionsPanel(self._db, self)
        self.search_panel = SearchPanel(self._db, self)
        self.editor = NoteEditor(self._db, self)
        self.reflect_panel = ReflectPanel(self._db, self)  # right column: prompts, answers
        self.search_box = self.search_panel.search_box

        self._build_layout()
        self._build_actions()
        self._build_menus_and_toolbar()
        self._build_status_bar()
        self._connect()
        self._set_tab_order()
        from .pages import install_pages  # feature pages after the Journal

        install_pages(self, vault)
        self._shortcuts_first = _WindowShortcutsFirst(list(self.search_action.shortcuts()),
                                                      self)
        self._give_shortcuts_priority(self)
        self.clients_panel.refresh()
        self._update_client_actions()
        self._show_no_client_hints()
        self.resize(1200, 780)

    # -- construction ----------------------------------------------------------------------
    def _build_layout(self) -> None:
        self.nav = QListWidget(self)
        self.nav.setAccessibleName(self.tr("Sections of the application"))
        self.nav.setFrameShape(QListWidget.Shape.NoFrame)
        self.nav.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.nav.currentRowChanged.connect(self._nav_changed)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 4, 8)
        left_layout.setSpacing(10)
        left_layout.addWidget(self.nav)
        left_layout.addWidget(self.clients_panel, 1)
        # Other pages hide the clients list: keep the navigation at the top, not centred.
        left_layout.addStretch(0)

        self.middle = QStackedWidget(self)
        self.middle.addWidget(self.sessions_panel)
        self.middle.addWidget(self.search_panel)
        middle_box = QWidget(self)
        middle_layout = QVBoxLayout(middle_box)
        middle_layout.setContentsMargins(4, 8, 4, 8)
        middle_layout.addWidget(self.middle)

        self.journal_page = QSplitter(Qt.Orientation.Horizontal, self)
        self.journal_page.setChildrenCollapsible(False)
        self.journal_page.addWidget(middle_box)
        self.journal_page.addWidget(self.editor)
        self.journal_page.addWidget(self.reflect_panel)
        self.journal_page.setStretchFactor(1, 1)
        self.journal_page.setSizes([230, 560, 300])

        self.pages = QStackedWidget(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 940])
        self.setCentralWidget(splitter)
        self.add_page(JOURNAL_PAGE, self.tr("Journal"), self.journal_page)

    def _action(self, text: str, slot: object, shortcuts: list[QKeySequence] | None = None,
                name: str = "") -> QAction:
        action = QAction(text, self)
        if shortcuts:
            action.setShortcuts(shortcuts)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)  # type: ignore[arg-type]
        action.setObjectName(name)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence
        self.new_client_action = self._action(self.tr("New &client…"), self.new_client,
                                              [key("Ctrl+Shift+N")], "new_client")
        self.new_session_action = self._action(self.tr("&New session"), self.new_session,
                                               [key(key.StandardKey.New)], "new_session")
        self.new_free_session_action = self._action(
            self.tr("New &free-form session"), lambda: self.new_session("free"), None,
            "new_free_session")
        self.search_action = self._action(self.tr("&Search notes…"), self.focus_search,
                                          [key("Ctrl+K"), key("Ctrl+F")], "search")
        self.lock_action = self._action(self.tr("&Lock"), self.lock_requested,
                                        [key("Ctrl+L")], "lock")
        # Preferences has no key on Linux and Windows: Ctrl+, as most desktop apps use there.
        preferences = key(key.StandardKey.Preferences)
        self.settings_action = self._action(self.tr("&Settings…"), self.settings_requested,
                                            [preferences if not preferences.isEmpty()
                                             else key("Ctrl+,")], "settings")
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.about_action = self._action(self.tr("&About Supervision Journal"),
                                         self.about_requested, None, "about")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.shortcuts_action = self._action(self.tr("&Keyboard shortcuts"),
                                             self.show_shortcuts,
                                             [key(key.StandardKey.HelpContents)], "shortcuts")
        self.quit_action = self._action(self.tr("&Quit"), self.request_quit,
                                        [key("Ctrl+Q")], "quit")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.edit_client_action = self._action(self.tr("&Edit client…"), self.edit_client,
                                               [key("F2")], "edit_client")
        self.identity_action = self._action(self.tr("&Identity details…"),
                                            self.edit_identity, None, "identity")
        self.close_client_action = self._action(self.tr("C&lose client"),
                                                self.toggle_client_closed, None,
                                                "close_client")
        self.delete_session_action = self._action(self.tr("&Delete session…"),
                                                  self.delete_session, None, "delete_session")
        self.privacy_action = self._action(
            self.tr("Re&tention, access request and erasure…"),
            lambda: self.show_page("privacy"), None, "client_privacy")

    def _build_menus_and_toolbar(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.new_client_action, self.new_session_action,
                              self.new_free_session_action])
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.search_action)
        client_menu = bar.addMenu(self.tr("&Client"))
        client_menu.addActions([self.edit_client_action, self.identity_action])
        client_menu.addSeparator()
        client_menu.addAction(self.close_client_action)
        client_menu.addAction(self.privacy_action)
        client_menu.addSeparator()
        client_menu.addAction(self.delete_session_action)
        self.go_menu = bar.addMenu(self.tr("&Go"))
        self.go_menu.addActions(self._go_actions)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.about_action)

        sessions = self.sessions_panel.view
        sessions.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        sessions.addAction(self.delete_session_action)
        # Delete in the list of sessions only: in a note, Delete edits the text.
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), sessions,
                               self.delete_session, Qt.ShortcutContext.WidgetShortcut)
        delete_key.setWhatsThis(self.tr("Delete the selected session (in the list of sessions)"))
        self.clients_panel.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.clients_panel.view.addActions([self.edit_client_action, self.identity_action,
                                            self.close_client_action, self.privacy_action])

        toolbar = QToolBar(self.tr("Main tool bar"), self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setFloatable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.toggleViewAction().setVisible(False)
        self.search_box.setMinimumWidth(320)
        self.search_box.setMaximumWidth(520)
        toolbar.addWidget(self.search_box)
        spacer = QWidget(toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addAction(self.new_client_action)
        toolbar.addAction(self.new_session_action)
        toolbar.addAction(self.lock_action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.toolbar = toolbar

    def _build_status_bar(self) -> None:
        self.save_status = QLabel(self)
        self.save_status.setAccessibleName(self.tr("Save status"))
        self.statusBar().addWidget(self.save_status, 1)
        self.statusBar().setSizeGripEnabled(True)

    def _connect(self) -> None:
        self.clients_panel.client_selected.connect(self._client_selected)
        self.clients_panel.new_client_requested.connect(self.new_client)
        self.sessions_panel.session_selected.connect(self._session_selected)
        self.sessions_panel.new_session_requested.connect(self.new_session)
        self.editor.new_session_requested.connect(self.new_session)
        self.editor.saved.connect(self._saved)
        self.editor.edited.connect(self._edited)
        self.editor.save_failed.connect(self._save_failed)
        self.editor.action_failed.connect(self._action_failed)
        self.editor.session_edited.connect(self._session_edited)
        self.search_box.textChanged.connect(self._search_text_changed)
        self.search_panel.open_requested.connect(self.open_hit)
        self.search_panel.dismissed.connect(self._search_dismissed)

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.search_box, self.nav, self.clients_panel.active_button,
            self.clients_panel.closed_button, self.clients_panel.filter_box,
            self.clients_panel.view, self.sessions_panel.new_button, self.sessions_panel.view,
            self.search_panel.results, self.search_panel.client_filter,
            self.search_panel.tag_filter, self.search_panel.date_from, self.search_panel.date_to,
            self.editor.date_edit]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- contract --------------------------------------------------------------------------
    def flush(self) -> None:
        """Commit every pending edit now (before lock and quit). Raises the KnownError when
        the vault refused it: the text is still in the editor, nothing is lost."""
        self.editor.flush()
        self.reflect_panel.flush()
        for page in self._pages.values():
            flush = getattr(page, "flush", None)
            if callable(flush):
                flush()

    def _give_shortcuts_priority(self, root: QWidget) -> None:
        for field in root.findChildren(QLineEdit) + root.findChildren(QPlainTextEdit):
            field.installEventFilter(self._shortcuts_first)

    def add_page(self, key: str, title: str, widget: QWidget) -> None:
        """Add a navigation entry and its page (Journal is first; later: Questions,
        Supervision, Hours, Export)."""
        if key in self._pages:
            raise ValueError(f"page {key!r} already exists")
        self._pages[key] = widget
        self.pages.addWidget(widget)
        self._add_go_action(key, title)
        if hasattr(self, "_shortcuts_first"):  # pages added later get Ctrl+K too
            self._give_shortcuts_priority(widget)
        item = QListWidgetItem(title, self.nav)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self._fit_nav()
        if self.nav.currentRow() < 0:
            self.nav.setCurrentRow(0)

    def _add_go_action(self, key: str, title: str) -> None:
        # Ctrl+1…Ctrl+9 reach the pages in their navigation order, as in most tabbed apps.
        number = len(self._go_actions) + 1
        action = self._action(title, lambda: self.show_page(key),
                              [QKeySequence(f"Ctrl+{number}")] if number <= 9 else None,
                              f"go_{key}")
        self._go_actions.append(action)
        if hasattr(self, "go_menu"):
            self.go_menu.addAction(action)

    def show_shortcuts(self) -> ShortcutsDialog:
        pages = {key: (self.nav.item(row).text(), self._pages[key])
                 for row in range(self.nav.count())
                 if (key := self.nav.item(row).data(Qt.ItemDataRole.UserRole)) != JOURNAL_PAGE}
        dialog = ShortcutsDialog(shortcut_groups(self, pages), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.shortcuts_dialog = dialog
        return dialog

    def has_page(self, key: str) -> bool:
        return key in self._pages

    def show_page(self, key: str) -> None:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.nav.setCurrentRow(row)
                return
        raise KeyError(key)

    def current_page(self) -> str:
        item = self.nav.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else JOURNAL_PAGE

    def _fit_nav(self) -> None:
        rows = max(self.nav.count(), 1)
        row_height = self.nav.sizeHintForRow(0) if self.nav.count() else 24
        self.nav.setFixedHeight(rows * row_height + 2 * self.nav.frameWidth() + 4)

    def _nav_changed(self, row: int) -> None:
        if row < 0:
            return
        key = self.nav.item(row).data(Qt.ItemDataRole.UserRole)
        self.editor.try_save()
        self.pages.setCurrentWidget(self._pages[key])
        self.clients_panel.setVisible(key == JOURNAL_PAGE)

    # -- clients ---------------------------------------------------------------------------
    def current_client_id(self) -> int | None:
        return self._client_id

    def _client_selected(self, client_id: int | None) -> None:
        if client_id == self._client_id:
            return
        if not self.editor.try_save():
            # Keep the note whose text could not be saved on screen.
            if self._client_id is not None:
                self.clients_panel.select_client(self._client_id)
            return
        self._client_id = client_id
        self._update_client_actions()
        pending, self._pending_session = self._pending_session, None
        self.sessions_panel.set_client(client_id, select_id=pending)
        if self.sessions_panel.current_session() is None:
            self._session_selected(None)

    def _update_client_actions(self) -> None:
        client = self.clients_panel.current_client()
        has = client is not None
        for action in (self.edit_client_action, self.identity_action,
                       self.close_client_action, self.new_free_session_action):
            action.setEnabled(has)
        # The Privacy page is a feature page: it may be absent (it registers itself).
        self.privacy_action.setEnabled(has and self.has_page("privacy"))
        self.delete_session_action.setEnabled(
            has and self.sessions_panel.current_session() is not None)
        self.close_client_action.setText(
            self.tr("&Reopen client") if client and client.status == "closed"
            else self.tr("C&lose client"))

    def new_client(self) -> None:
        dialog = ClientDialog(self._db, parent=self)
        dialog.finished.connect(lambda result: self._client_dialog_done(dialog, result))
        dialog.open()

    def edit_client(self) -> None:
        client = self.clients_panel.current_client()
        if client is None:
            return
        dialog = ClientDialog(self._db, client, parent=self)
        dialog.finished.connect(lambda result: self._client_dialog_done(dialog, result))
        dialog.open()

    def _client_dialog_done(self, dialog: ClientDialog, result: int) -> None:
        client = dialog.client
        dialog.deleteLater()
        if result != QDialog.DialogCode.Accepted or client is None:
            return
        self.search_panel.refresh_clients()
        if client.id == self._client_id:
            self.clients_panel.refresh(select_id=client.id)
            self.editor.set_pseudonym(client.pseudonym)
        else:
            self.clients_panel.select_client(client.id)
        self._update_client_actions()
        self.clients_panel.view.setFocus()

    def edit_identity(self) -> None:
        client = self.clients_panel.current_client()
        if client is None:
            return
        dialog = IdentityDialog(self._db, client.id, parent=self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def toggle_client_closed(self) -> None:
        client = self.clients_panel.current_client()
        if client is None:
            return
        reopen = client.status == "closed"
        try:
            store.update_client(self._db, client.id, status="active" if reopen else "closed")
        except KnownError as exc:
            self._action_failed(error_text(exc))
            return
        self.clients_panel.refresh()
        self.statusBar().showMessage(
            self.tr("Client reopened: listed under Active.") if reopen
            else self.tr("Client closed: listed under Closed."), 5000)
        self._update_client_actions()

    # -- sessions --------------------------------------------------------------------------
    def _session_selected(self, session_id: int | None) -> None:
        self.delete_session_action.setEnabled(session_id is not None)
        if session_id is None:
            if not self.editor.load(None):
                return
            self.reflect_panel.set_session(None)
            if self._client_id is None:
                self._show_no_client_hints()
            else:
                self.editor.show_empty(self.tr("No sessions yet — start one with Ctrl+N"),
                                       with_button=True)
            return
        if not self.editor.load(session_id):
            current = self.editor.session
            if current is not None:
                self.sessions_panel.select_session(current.id)
        current = self.editor.session
        self.reflect_panel.set_session(current.id if current else None)

    # -- deleting a session ------------------------------------------------------------------
    def delete_session(self) -> QMessageBox | None:
        """Ask, then delete the selected session with its notes, reflections and approvals
        (a session made by mistake with Ctrl+N must not stay in the numbering for ever)."""
        session = self.sessions_panel.current_session()
        if session is None or self.delete_box is not None:
            return None
        # Whatever was typed is saved first: the question is about what the journal holds.
        if not (self.editor.try_save() and self.reflect_panel.try_save()):
            return None
        note = store.get_note(self._db, session.id)
        written = any(note.text(key).strip() for key in note.sections)
        reflections = len(store.list_reflections(self._db, session_id=session.id))
        box = QMessageBox(QMessageBox.Icon.Question, APP_NAME,
                          self.tr("Delete session %1 of %2?").replace("%1", str(session.number))
                          .replace("%2", format_date(session.date)),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        if written or reflections:
            box.setInformativeText(self.tr(
                "Its notes and reflections, their approvals and the feelings recorded are "
                "deleted from the journal. This cannot be undone."))
        else:
            box.setInformativeText(self.tr("This session has no notes and no reflections."))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Delete"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda result: self._delete_session_answered(session.id, result))
        self.delete_box = box
        box.open()
        return box

    def _delete_session_answered(self, session_id: int, result: int) -> None:
        self.delete_box = None
        if result != QMessageBox.StandardButton.Yes:
            return
        current = self.editor.session
        if current is not None and current.id == session_id:
            # Let go of the note first, so nothing tries to save into a deleted session.
            if not self.editor.load(None):
                return
            self.reflect_panel.set_session(None)
        try:
            store.delete_session(self._db, session_id)
        except KnownError as exc:
            self._action_failed(error_text(exc))
            self.sessions_panel.refresh(select_id=session_id)
            return
        self.sessions_panel.refresh(newest_if_missing=True)
        self.clients_panel.refresh()
        self.statusBar().showMessage(self.tr("Session deleted."), 5000)

    def _show_no_client_hints(self) -> None:
        """No client selected. With none at all, one welcome instead of three hints."""
        if self.clients_panel.has_clients:
            self.sessions_panel.no_client_message = self.tr(
                "Select a client to see their sessions.")
            self.editor.show_empty(self.tr("Select a client, or add one with Ctrl+Shift+N."),
                                   with_button=False)
        else:
            self.sessions_panel.no_client_message = ""
            self.editor.show_empty(
                self.tr("Your journal is empty. Add a client to begin: a pseudonym is all it "
                        "needs, and identifying details stay hidden until you reveal them."),
                with_button=False)
        if self.sessions_panel.client_id is None:
            self.sessions_panel.empty.set_message(self.sessions_panel.no_client_message)

    def new_session(self, template: str | None = None) -> None:
        """Ctrl+N: a session dated today with the client's last duration and modality."""
        if self._client_id is None:
            self.statusBar().showMessage(self.tr("Select or add a client first."), 5000)
            return
        if not self.editor.try_save():
            return
        duration, modality = store.last_session_defaults(self._db, self._client_id)
        if template not in ("standard", "free"):
            newest = self.sessions_panel.newest()
            template = newest.template if newest else "standard"
        try:
            session = store.add_session(self._db, self._client_id, date.today(), duration,
                                        modality, template)
        except KnownError as exc:
            self._action_failed(error_text(exc))
            return
        self._middle_show_sessions()
        self.sessions_panel.refresh(select_id=session.id)
        self.clients_panel.refresh()
        self.editor.focus_first_section()

    def _session_edited(self, session_id: int) -> None:
        # Date or duration changed: numbers, order and the client's last session may move.
        self.sessions_panel.refresh(select_id=session_id)
        self.clients_panel.refresh()
        self.reflect_panel.session_edited(session_id)

    # -- search ----------------------------------------------------------------------------
    def focus_search(self) -> None:
        if self.current_page() != JOURNAL_PAGE:
            self.show_page(JOURNAL_PAGE)
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()
        if self.search_box.text().strip():
            self.middle.setCurrentWidget(self.search_panel)

    def _search_text_changed(self, text: str) -> None:
        if text.strip() and self.middle.currentWidget() is not self.search_panel:
            self.search_panel.refresh_clients()
            self.middle.setCurrentWidget(self.search_panel)

    def _search_dismissed(self) -> None:
        self._middle_show_sessions()
        if self.search_box.hasFocus():
            self.sessions_panel.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _middle_show_sessions(self) -> None:
        self.middle.setCurrentWidget(self.sessions_panel)

    def open_hit(self, hit: SearchHit) -> None:
        """Open the note of a search hit, its section unfolded, the cursor on the match."""
        if hit.session_id is None or hit.client_id is None:
            self.statusBar().showMessage(
                self.tr("This reflection is not linked to a session."), 5000)
            return
        if hit.client_id != self._client_id:
            self._pending_session = hit.session_id
            if not self.clients_panel.select_client(hit.client_id):
                self._pending_session = None
                return
            self._pending_session = None
        if self.editor.session is None or self.editor.session.id != hit.session_id:
            self.sessions_panel.select_session(hit.session_id)
        session = self.editor.session
        if session is None or session.id != hit.session_id:
            return  # the previous note could not be saved; its error is already shown
        self.editor.reveal(hit.section_key, first_hit(hit.snippet))
        if hit.kind == "reflection":
            self.reflect_panel.reveal_reflection(hit.ref_id)
            self.statusBar().showMessage(
                self.tr("The match is in a reflection on this session."), 5000)

    # -- saving and errors -----------------------------------------------------------------
    def _saved(self) -> None:
        self.save_status.setText(self.tr("Saved"))
        self.save_status.setAutoFillBackground(False)
        self.save_status.setPalette(QPalette())  # back to the system's colours

    def _edited(self) -> None:
        if self.editor.last_error is None:
            self.save_status.clear()

    def _save_failed(self, message: str) -> None:
        self.save_status.setText(self.tr("Not saved — your text is kept here"))
        # The amber badge colours: readable on light and dark palettes alike.
        palette = QPalette()
        palette.setColor(QPalette.ColorRole.Window, AMBER)
        palette.setColor(QPalette.ColorRole.WindowText, AMBER_TEXT)
        self.save_status.setPalette(palette)
        self.save_status.setAutoFillBackground(True)
        self._show_error(self.tr("Your last changes could not be saved."), message +
                         "\n\n" + self.tr("Your text is still in the editor. Saving is tried "
                                          "again when you type, switch notes or lock."))

    def _action_failed(self, message: str) -> None:
        self._show_error(message, "")

    def _show_error(self, text: str, details: str) -> None:
        box = self._error_box
        if box is not None and box.isVisible():
            box.setText(text)
            box.setInformativeText(details)
            return
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, text,
                          QMessageBox.StandardButton.Ok, self)
        box.setInformativeText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(self._error_box_gone)
        self._error_box = box
        box.open()

    def _error_box_gone(self) -> None:
        self._error_box = None

    @property
    def error_box(self) -> QMessageBox | None:
        return self._error_box

    # -- quitting --------------------------------------------------------------------------
    def request_quit(self) -> None:
        """Ctrl+Q: the shell quits (flush, clipboard, wipe, close the vault) if it listens;
        otherwise close the window, which saves first."""
        if self.isSignalConnected(QMetaMethod.fromSignal(self.quit_requested)):
            self.quit_requested.emit()
        else:
            self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        try:
            self.flush()
        except KnownError:
            event.ignore()  # the error dialog is up; the text stays
            return
        super().closeEvent(event)
