"""The main window driven like a user would: clients, Ctrl+N, typing, autosave, flush, approvals,
search, identity, empty states, errors, keyboard. Every test uses a real vault."""

from __future__ import annotations

import random
from datetime import date

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from supervision_journal.errors import DiskFull
from supervision_journal.journal import store
from supervision_journal.journal.models import Identity, IdentityTerm
from supervision_journal.ui.client_dialog import ClientDialog
from supervision_journal.ui.clipboard import wipe_tree
from supervision_journal.ui.editor.note_editor import AUTOSAVE_MS
from supervision_journal.ui.identity_dialog import IdentityDialog
from supervision_journal.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type like a keyboard would. QTest's keyClicks only knows ASCII; other characters are
    sent as key events carrying their text (as an input method delivers them)."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                         char))


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def add_client_through_dialog(qtbot, window: MainWindow, pseudonym: str) -> int:
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL | SHIFT)
    dialog = window.findChild(ClientDialog)
    assert dialog is not None and dialog.isVisible()
    type_text(qtbot, dialog.pseudonym, pseudonym)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_client_id() is not None)
    client_id = window.current_client_id()
    assert client_id is not None
    return client_id


def test_title_is_only_the_app_name(window: MainWindow, db) -> None:
    client = store.add_client(db, "Azalée")
    store.add_session(db, client.id, date(2026, 11, 12), sections={"presenting": "x"})
    window.clients_panel.refresh()
    window.clients_panel.select_client(client.id)
    assert window.editor.session is not None
    assert window.windowTitle() == "Supervision Journal"


def test_add_client_ctrl_n_type_and_autosave(qtbot, window: MainWindow, db) -> None:
    client_id = add_client_through_dialog(qtbot, window, "Azalée")
    assert store.get_client(db, client_id).pseudonym == "Azalée"
    assert window.clients_panel.model.rowCount() == 1

    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    session = window.editor.session
    assert session is not None and session.date == date.today() and session.number == 1
    presenting = window.editor.section("presenting")
    assert focused() is presenting.edit

    typed = "She spoke about her sister, and about sleep."
    qtbot.keyClicks(focused(), typed)
    # Debounced: nothing is written while typing…
    assert store.get_note(db, session.id).text("presenting") == ""
    assert window.save_status.text() == ""
    # …and everything once typing pauses.
    qtbot.waitUntil(lambda: store.get_note(db, session.id).text("presenting") == typed,
                    timeout=AUTOSAVE_MS + 3000)
    assert window.save_status.text() == "Saved"
    assert not window.editor.is_dirty
    # The client list shows the new session.
    client = window.clients_panel.current_client()
    assert client is not None and client.session_count == 1


def test_new_session_prefills_last_duration_modality_and_template(qtbot, window, db) -> None:
    client = store.add_client(db, "Kestrel")
    store.add_session(db, client.id, date(2026, 1, 5), 75, "video", "free",
                      sections={"body": "first"})
    window.clients_panel.refresh()
    window.clients_panel.select_client(client.id)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    session = window.editor.session
    assert session is not None
    assert (session.date, session.duration_minutes, session.modality, session.template) == (
        date.today(), 75, "video", "free")
    assert window.editor.duration.value() == 75
    assert window.editor.modality.currentData() == "video"
    assert window.sessions_panel.current_session().id == session.id  # newest first, selected
    assert window.sessions_panel.model.session_at(0).number == 2


def test_ctrl_n_without_client_explains(qtbot, window) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    assert window.editor.session is None
    assert "client" in window.statusBar().currentMessage()


def test_flush_commits_pending_typing_immediately(qtbot, window, db) -> None:
    client = store.add_client(db, "Azalée")
    session = store.add_session(db, client.id, date.today())
    window.clients_panel.refresh()
    window.clients_panel.select_client(client.id)
    section = window.editor.section("countertransference")
    section.focus_text()
    qtbot.keyClicks(section.edit, "tight chest, urge to rescue")
    window.flush()  # no waiting
    assert store.get_note(db, session.id).text("countertransference") == (
        "tight chest, urge to rescue")
    assert window.save_status.text() == "Saved"


def test_200_random_interruptions_lose_no_character(qtbot, window, db) -> None:
    """Type, flush at a random point (as a lock does), wipe the widgets like the shell, reload:
    the database always holds every character typed."""
    rng = random.Random(20261127)
    client = store.add_client(db, "Azalée")
    sessions = [store.add_session(db, client.id, date(2026, 1, d)) for d in (5, 12)]
    window.clients_panel.refresh()
    window.clients_panel.select_client(client.id)
    alphabet = "abcdefghijklmnopqrstuvwxyzéèàçœ ÉÀ'’-,.;:!?0123456789"
    keys = ("presenting", "process", "countertransference", "private")
    expected: dict[tuple[int, str], str] = {}
    for _trial in range(200):
        session = rng.choice(sessions)
        key = rng.choice(keys)
        if window.editor.session is None or window.editor.session.id != session.id:
            assert window.sessions_panel.select_session(session.id)
        section = window.editor.section(key)
        section.focus_text()
        section.edit.moveCursor(section.edit.textCursor().MoveOperation.End)
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 24)))
        cut = rng.randint(0, len(text))
        type_text(qtbot, section.edit, text[:cut])
        if rng.random() < 0.3:
            qtbot.wait(rng.randint(0, 30))  # let the event loop (and any timer) run
        window.flush()  # the lock arrives mid-word
        expected[(session.id, key)] = expected.get((session.id, key), "") + text[:cut]
        assert store.get_note(db, session.id).text(key) == expected[(session.id, key)]
        if rng.random() < 0.25:
            # The shell's lock: wipe every secure editor, let events run, come back.
            wipe_tree(window)
            QApplication.processEvents()
            assert store.get_note(db, session.id).text(key) == expected[(session.id, key)]
            window.editor.load(session.id, force=True)
            section = window.editor.section(key)
            section.focus_text()
            section.edit.moveCursor(section.edit.textCursor().MoveOperation.End)
        type_text(qtbot, section.edit, text[cut:])
        expected[(session.id, key)] += text[cut:]
        window.flush()
        assert store.get_note(db, session.id).text(key) == expected[(session.id, key)]
    for (session_id, key), text in expected.items():
        assert store.get_note(db, session_id).text(key) == text


def test_switching_session_saves_the_previous_note(qtbot, window, db) -> None:
    client = store.add_client(db, "Azalée")
    first = store.add_session(db, client.id, date(2026, 1, 5))
    second = store.add_session(db, client.id, date(2026, 1, 12))
    window.clients_panel.refresh()
    window.clients_panel.select_client(client.id)
    assert window.editor.session.id == second.id  # newest selected
    window.editor.section("plan").focus_text()
    qtbot.keyClicks(focused(), "call GP")
    view = window.sessions_panel.view
    view.setFocus()
    view.setCurrentIndex(window.sessions_panel.model.index(1, 0))
    assert window.editor.session.id == first.id
    assert store.get_note(db, second.id).text("plan") == "call GP"


def test_focus_change_saves(qtbot, window, db) -> None:
    client = store.add_client(db, "Azalée")
    session = store.add_session(db, client.id, date(2026, 1, 5))
    window.clients_panel.refresh()
    window.clients_panel.select_client(client.id)
    window.editor.section("hypotheses").focus_text()
    qtbot.keyClicks(focused(), "attachment")
    window.search_box.setFocus()
    assert store.get_note(db, session.id).text("hypotheses") == "attachment"


def test_approval_then_edit_shows_revoked_badge(qtbot, window, db) -> None:
    client = store.add_client(db, "Azalée")
    session = store.add_session(db, client.id, date(2026, 1, 5),
                                sections={"process": "Long silence at the start."})
    window.clients_panel.refresh()
    window.clients_panel.select_client(client.id)
    process = window.editor.section("process")
    assert process.share is not None and process.share.isVisibleTo(window)
    assert not process.badge.isVisibleTo(window)

    qtbot.mouseClick(process.share, Qt.MouseButton.LeftButton)
    assert store.get_note(db, session.id).sections["process"].approval == "approved"
    assert process.share.isChecked()

    process.focus_text()
    process.edit.moveCursor(process.edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(process.edit, " Then tears.")
    qtbot.waitUntil(lambda: process.badge.isVisibleTo(window), timeout=AUTOSAVE_MS + 3000)
    assert process.badge.text() == "Changed since approval — approve again"
    assert not process.share.isChecked()
    assert store.get_note(db, session.id).sections["process"].approval == "revoked"
    assert store.approved_sections(db) == []

    qtbot.mouseClick(process.share, Qt.MouseButton.LeftButton)  # approve again
    assert store.get_note(db, session.id).sections["process"].approval == "approved"
    assert not process.badge.isVisibleTo(window)

    # Uncheck: no longer shared.
    qtbot.mouseClick(process.share, Qt.MouseButton.LeftButton)
    assert store.get_note(db, session.id).sections["process"].approval == "none"


def test_revoked_badge_can_be_dismissed(qtbot, window, db) -> None:
    client = store.add_client(db, "Azalée")
    session = store.add_session(db, client.id, date(2026, 1, 5), sections={"plan": "A"})
    store.approve_section(db, session.id, "plan")
    store.save_section(db, session.id, "plan", "A and B")
    window.clients_panel.refresh()
    window.clients_panel.select_client(client.id)
    plan = window.editor.section("plan")
    assert plan.badge.isVisibleTo(window) and plan.dismiss.isVisibleTo(window)
    qtbot.mouseClick(plan.dismiss, Qt.MouseButton.LeftButton)
    assert store.get_note(db, session.id).sections["plan"].approval == "none"
    assert not plan.badge.isVisibleTo(window)


def test_private_section_has_no_share_toggle(window, db) -> None:
    client = store.add_client(db, "Azalée")
    store.add_session(db, client.id, date(2026, 1, 5), sections={"private": "my own doubts"})
    window.clients_panel.refresh()
    window.clients_panel.select_client(client.id)
    private = window.editor.section("private")
    assert private.share is None
    assert private.findChildren(QCheckBox) == []
    assert private.header.text() == "Private — never shared"
    shareable = [s for s in window.editor.sections() if s.share is not None]
    assert [s.key for s in shareable] == [
        "presenting", "process", "interventions", "relationship", "countertransference",
        "hypotheses", "ethics", "plan", "supervision_questions"]


def test_sections_in_template_order_with_practitioner_headings(window, db) -> None:
    client = store.add_client(db, "Azalée")
    store.add_session(db, client.id, date(2026, 1, 5))
    window.clients_panel.refresh()
    window.clients_panel.select_client(client.id)
    headings = [s.header.text() for s in window.editor.sections()]
    assert headings == [
        "What the client brought", "What happened", "My interventions, and why",
        "The relationship (transference)",
        "Countertransference: what I felt, in my body, my urges", "Hypotheses",
        "Ethics: boundaries, risk, scope", "Plan", "Questions for supervision",
        "Private — never shared"]
    # Empty sections are folded to their heading.
    assert all(not s.expanded and not s.edit.isVisibleTo(window)
               for s in window.editor.sections())


def test_search_enter_opens_the_note_at_the_match(qtbot, window, db) -> None:
    other = store.add_client(db, "Kestrel")
    store.add_session(db, other.id, date(2026, 2, 1), sections={"process": "nothing here"})
    client = store.add_client(db, "Azalée")
    store.add_session(db, client.id, date(2026, 1, 5), sections={"process": "first"})
    text = "Early on she felt calm. Later, hypnagogic images came back at night."
    target = store.add_session(db, client.id, date(2026, 1, 12),
                               sections={"hypotheses": text})
    store.add_session(db, client.id, date(2026, 1, 19))
    window.clients_panel.refresh()
    window.clients_panel.select_client(other.id)

    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    assert focused() is window.search_box
    qtbot.keyClicks(window.search_box, "hypnag")
    model = window.search_panel.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=2000)
    html = model.data(model.index(0, 0), model.HtmlRole)
    assert "Azalée" in html and "Session 2" in html and "<b><u>hypnagogic</u></b>" in html

    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    assert window.current_client_id() == client.id
    assert window.editor.session.id == target.id
    hypotheses = window.editor.section("hypotheses")
    assert hypotheses.expanded
    assert focused() is hypotheses.edit
    assert hypotheses.edit.textCursor().position() == text.index("hypnagogic")
    assert not hypotheses.edit.textCursor().hasSelection()  # typing must not replace it
    assert window.windowTitle() == "Supervision Journal"


def test_search_double_click_opens(qtbot, window, db) -> None:
    client = store.add_client(db, "Azalée")
    session = store.add_session(db, client.id, date(2026, 1, 5),
                                sections={"plan": "Refer to the sleep clinic."})
    window.clients_panel.refresh()
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(window.search_box, "clinic")
    results = window.search_panel.results
    qtbot.waitUntil(lambda: results.model().rowCount() == 1, timeout=2000)
    rect = results.visualRect(results.model().index(0, 0))
    qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.editor.session is not None and window.editor.session.id == session.id
    assert focused() is window.editor.section("plan").edit


def test_escape_leaves_search(qtbot, window, db) -> None:
    client = store.add_client(db, "Azalée")
    store.add_session(db, client.id, date(2026, 1, 5), sections={"plan": "sleep"})
    window.clients_panel.refresh()
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    qtbot.keyClicks(window.search_box, "sleep")
    assert window.middle.currentWidget() is window.search_panel
    qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)
    assert window.search_box.text() == ""
    assert window.middle.currentWidget() is window.sessions_panel


def test_ctrl_k_in_a_note_searches_and_deletes_nothing(qtbot, window, db) -> None:
    client = store.add_client(db, "Azalée")
    store.add_session(db, client.id, date(2026, 1, 5), sections={"plan": "keep all of this"})
    window.clients_panel.refresh()
    window.clients_panel.select_client(client.id)
    plan = window.editor.section("plan")
    plan.focus_text()
    plan.edit.moveCursor(plan.edit.textCursor().MoveOperation.Start)
    qtbot.keyClick(plan.edit, Qt.Key.Key_K, CTRL)
    assert plan.text() == "keep all of this"
    assert focused() is window.search_box


def test_identity_hidden_until_reveal_and_nowhere_else(qtbot, window, db) -> None:
    client = store.add_client(db, "Azalée")
    store.add_session(db, client.id, date(2026, 1, 5), sections={"plan": "sleep"})
    secret = Identity("Marie Dupont", ("Mimi",),
                      (IdentityTerm("Croydon", "identifier", "town"),
                       IdentityTerm("Rahul", "identifier", "partner")))
    store.set_identity(db, client.id, secret)
    window.clients_panel.refresh()
    window.clients_panel.select_client(client.id)

    def all_visible_text(root: QWidget) -> str:
        parts = [root.windowTitle(), root.toolTip(), root.accessibleName()]
        for w in root.findChildren(QWidget):
            parts += [w.toolTip(), w.accessibleName(), w.accessibleDescription(),
                      w.windowTitle(), w.statusTip()]
            if isinstance(w, QLabel | QAbstractButton | QLineEdit):
                parts.append(w.text())
            if isinstance(w, QPlainTextEdit):
                parts.append(w.toPlainText())
            if isinstance(w, QComboBox):
                parts += [w.itemText(i) for i in range(w.count())]
            if isinstance(w, QAbstractItemView) and w.model() is not None:
                m = w.model()
                for r in range(m.rowCount()):
                    for c in range(8):
                        index = m.index(r, c)
                        if not index.isValid():
                            break
                        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                                     Qt.ItemDataRole.AccessibleTextRole):
                            parts.append(str(m.data(index, role)))
        return "\n".join(parts)

    terms = ("Marie", "Dupont", "Mimi", "Croydon", "Rahul")
    window.search_panel.refresh_clients()
    text = all_visible_text(window)
    assert not any(t in text for t in terms)

    window.identity_action.trigger()
    dialog = window.findChild(IdentityDialog)
    assert dialog is not None and dialog.isVisible()
    assert not dialog.revealed
    assert not any(t in all_visible_text(dialog) for t in terms)
    assert "Identifying details stored and hidden: 4" in all_visible_text(dialog)

    qtbot.mouseClick(dialog.reveal_button, Qt.MouseButton.LeftButton)
    assert dialog.revealed
    assert dialog.full_name.text() == "Marie Dupont"
    assert dialog.identity() == secret

    row = dialog._add_row(dialog._terms, True)
    type_text(qtbot, row.term, "Lycée du Parc")
    assert row.role is not None
    row.role.setCurrentIndex(row.role.findData("school"))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    stored = store.get_identity(db, client.id)
    assert stored.identifiers[-1] == IdentityTerm("Lycée du Parc", "identifier", "school")
    # Closing the dialog wiped its fields.
    assert dialog.full_name.text() == ""
    qtbot.waitUntil(lambda: window.findChild(IdentityDialog) is None)
    assert not any(t in all_visible_text(window) for t in (*terms, "Lycée"))


def test_identity_save_is_refused_before_reveal(qtbot, window, db) -> None:
    client = store.add_client(db, "Azalée")
    store.set_identity(db, client.id, Identity("Marie Dupont"))
    dialog = IdentityDialog(db, client.id, window)
    qtbot.addWidget(dialog)
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
    dialog.accept()
    assert store.get_identity(db, client.id) == Identity("Marie Dupont")


def test_empty_states(qtbot, window, db) -> None:
    panel = window.clients_panel
    assert panel.empty.isVisibleTo(window)
    assert panel.empty.label.text() == "No clients yet — add one with Ctrl+Shift+N"
    assert panel.empty.button is not None and panel.empty.button.isVisibleTo(window)
    # One welcome, not three hints.
    assert window.sessions_panel.empty.label.text() == ""
    assert window.editor.empty.isVisibleTo(window)
    assert window.editor.empty.label.text().startswith("Your journal is empty.")

    qtbot.mouseClick(panel.empty.button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(ClientDialog)
    assert dialog is not None and dialog.isVisible()
    type_text(qtbot, dialog.pseudonym, "Azalée")
    dialog.accept()
    qtbot.waitUntil(lambda: window.current_client_id() is not None)
    assert panel.view.isVisibleTo(window)
    sessions_empty = window.sessions_panel.empty
    assert sessions_empty.label.text() == "No sessions yet — start one with Ctrl+N"
    assert sessions_empty.isVisibleTo(window)
    assert window.editor.empty.button is not None
    assert window.editor.empty.button.isVisibleTo(window)
    qtbot.mouseClick(window.editor.empty.button, Qt.MouseButton.LeftButton)
    assert window.editor.session is not None

    qtbot.keyClicks(panel.filter_box, "zzz")
    assert panel.empty.label.text() == "No client matches this filter."
    panel.filter_box.clear()
    qtbot.mouseClick(panel.closed_button, Qt.MouseButton.LeftButton)
    assert panel.empty.label.text() == "No closed clients."
    assert window.sessions_panel.empty.label.text() == "Select a client to see their sessions."
    assert window.editor.empty.label.text() == "Select a client, or add one with Ctrl+Shift+N."


def test_duplicate_pseudonym_is_explained_in_the_dialog(qtbot, window, db) -> None:
    store.add_client(db, "Azalée")
    window.clients_panel.refresh()
    window.new_client_action.trigger()
    dialog = window.findChild(ClientDialog)
    type_text(qtbot, dialog.pseudonym, "azalée")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.error.isVisibleTo(dialog) and "pseudonym" in dialog.error.text()
    dialog.reject()


def test_edit_close_and_reopen_client(qtbot, window, db) -> None:
    client = store.add_client(db, "Azalée")
    window.clients_panel.refresh()
    window.clients_panel.select_client(client.id)
    window.edit_client_action.trigger()
    dialog = window.findChild(ClientDialog)
    dialog.pseudonym.setText("Aster")
    dialog.tags.setText("grief, adult")
    dialog.accept()
    stored = store.get_client(db, client.id)
    assert (stored.pseudonym, stored.tags) == ("Aster", ("adult", "grief"))
    qtbot.waitUntil(lambda: window.clients_panel.model.client_at(0).pseudonym == "Aster")

    window.close_client_action.trigger()
    assert store.get_client(db, client.id).status == "closed"
    assert window.clients_panel.model.rowCount() == 0
    assert window.current_client_id() is None
    window.clients_panel.select_client(client.id)
    assert window.clients_panel.status == "closed"
    assert window.close_client_action.text() == "&Reopen client"
    window.close_client_action.trigger()
    assert store.get_client(db, client.id).status == "active"


def test_client_filter(qtbot, window, db) -> None:
    for name in ("Azalée", "Kestrel", "Aster"):
        store.add_client(db, name)
    window.clients_panel.refresh()
    qtbot.keyClicks(window.clients_panel.filter_box, "as")
    model = window.clients_panel.model
    assert [model.client_at(r).pseudonym for r in range(model.rowCount())] == ["Aster"]


def test_save_failure_keeps_text_shows_error_and_retries(qtbot, window, db, monkeypatch) -> None:
    client = store.add_client(db, "Azalée")
    first = store.add_session(db, client.id, date(2026, 1, 5))
    session = store.add_session(db, client.id, date(2026, 1, 12))
    window.clients_panel.refresh()
    window.clients_panel.select_client(client.id)
    real_save = store.save_sections

    def disk_full(*_args, **_kwargs):
        raise DiskFull("The disk is full: the last change was not saved.")

    monkeypatch.setattr(store, "save_sections", disk_full)
    plan = window.editor.section("plan")
    plan.focus_text()
    qtbot.keyClicks(plan.edit, "words I must not lose")
    with pytest.raises(DiskFull):
        window.flush()
    box = window.error_box
    assert box is not None and box.isVisible()
    assert "could not be saved" in box.text() and "disk is full" in box.informativeText()
    assert plan.text() == "words I must not lose" and window.editor.is_dirty
    assert window.save_status.text().startswith("Not saved")
    # A switch to another note is refused while the text cannot be saved.
    window.sessions_panel.view.setCurrentIndex(window.sessions_panel.model.index(1, 0))
    assert window.editor.session.id == session.id
    assert window.sessions_panel.current_session().id == session.id
    box.close()

    monkeypatch.setattr(store, "save_sections", real_save)
    plan.focus_text()
    qtbot.keyClicks(plan.edit, "!")
    qtbot.waitUntil(lambda: not window.editor.is_dirty, timeout=AUTOSAVE_MS + 3000)
    assert store.get_note(db, session.id).text("plan") == "words I must not lose!"
    assert window.save_status.text() == "Saved"
    assert store.get_note(db, first.id).text("plan") == ""


def test_lock_settings_about_quit_signals(qtbot, window) -> None:
    with qtbot.waitSignal(window.lock_requested, timeout=1000):
        qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    with qtbot.waitSignal(window.settings_requested, timeout=1000):
        window.settings_action.trigger()
    with qtbot.waitSignal(window.about_requested, timeout=1000):
        window.about_action.trigger()
    with qtbot.waitSignal(window.quit_requested, timeout=1000):
        qtbot.keyClick(window, Qt.Key.Key_Q, CTRL)


def test_add_page(qtbot, window) -> None:
    page = QLabel("A later page")
    window.add_page("questions", "Questions", page)
    assert window.nav.item(0).text() == "Journal"
    last = window.nav.item(window.nav.count() - 1)
    assert last.text() == "Questions"
    window.show_page("questions")
    assert window.pages.currentWidget() is page
    assert not window.clients_panel.isVisibleTo(window)
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)  # search brings the journal back
    assert window.current_page() == "journal"
    assert window.clients_panel.isVisibleTo(window)
    with pytest.raises(ValueError):
        window.add_page("questions", "Questions", QLabel())


def test_every_input_has_an_accessible_name(window, db) -> None:
    client = store.add_client(db, "Azalée")
    store.add_session(db, client.id, date(2026, 1, 5), sections={"plan": "x"})
    window.clients_panel.refresh()
    window.clients_panel.select_client(client.id)
    inputs = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QAbstractButton,
              QAbstractItemView)
    unnamed = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, inputs) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if widget.window() is not window:
            continue  # a combo box's or calendar's own popup
        if isinstance(widget.parent(), QComboBox | QAbstractSpinBox):
            continue  # the inner editor of a named combo box or spin box
        name = widget.accessibleName() or (
            widget.text() if isinstance(widget, QAbstractButton) else "")
        if not name.strip():
            unnamed.append(f"{type(widget).__name__} {widget.objectName()}")
    assert unnamed == []


def test_keyboard_reaches_everything(qtbot, window, db) -> None:
    client = store.add_client(db, "Azalée")
    store.add_session(db, client.id, date(2026, 1, 5), sections={"plan": "x"})
    window.clients_panel.refresh()
    window.clients_panel.select_client(client.id)
    window.search_box.setFocus()
    seen: list[QWidget] = []
    for _ in range(60):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        seen.append(focused())
    editor = window.editor
    for widget in (window.nav, window.clients_panel.filter_box, window.clients_panel.view,
                   window.sessions_panel.view, editor.date_edit, editor.duration,
                   editor.modality, editor.tags, editor.section("plan").edit,
                   editor.section("plan").share, editor.section("private").edit):
        assert widget in seen, type(widget).__name__
    # Tab into a folded empty section opens it; leaving it empty folds it again.
    assert editor.section("process").edit in seen
    assert not editor.section("process").expanded


def test_undo_is_per_section(qtbot, window, db) -> None:
    client = store.add_client(db, "Azalée")
    store.add_session(db, client.id, date(2026, 1, 5))
    window.clients_panel.refresh()
    window.clients_panel.select_client(client.id)
    a, b = window.editor.section("presenting"), window.editor.section("process")
    a.focus_text()
    qtbot.keyClicks(a.edit, "alpha")
    b.focus_text()
    qtbot.keyClicks(b.edit, "beta")
    a.edit.undo()
    assert a.text() == "" and b.text() == "beta"
    a.edit.redo()
    assert a.text() == "alpha"
    # A note loaded fresh has nothing to undo (no crossing between notes).
    window.flush()
    window.editor.load(window.editor.session.id, force=True)
    assert not window.editor.section("process").edit.document().isUndoAvailable()
