"""Deleting a session (one made by mistake with Ctrl+N, or a duplicate): asked first, saved
first, then gone with its notes and reflections; the numbering closes up; nothing tries to save
into the deleted session."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from supervision_journal.errors import NotFound
from supervision_journal.journal import store
from supervision_journal.ui.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def iris(db) -> int:
    client = store.add_client(db, "Iris")
    store.add_session(db, client.id, date(2026, 10, 1), sections={"presenting": "First visit."})
    store.add_session(db, client.id, date(2026, 10, 8), sections={"presenting": "Second."})
    return client.id


def _select(window: MainWindow, client_id: int) -> None:
    window.clients_panel.refresh()
    assert window.clients_panel.select_client(client_id)


def test_a_session_made_by_mistake_is_deleted_after_asking(qtbot, window, db, iris) -> None:
    _select(window, iris)
    window.sessions_panel.view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)  # the mistake: a third, empty session
    mistake = window.editor.session
    assert mistake is not None and mistake.number == 3
    window.sessions_panel.view.setFocus()
    qtbot.keyClick(window.sessions_panel.view, Qt.Key.Key_Delete)
    box = window.delete_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.text().startswith("Delete session 3 of ")
    assert box.informativeText() == "This session has no notes and no reflections."
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), LEFT)
    with pytest.raises(NotFound):
        store.get_session(db, mistake.id)
    assert [s.number for s in store.list_sessions(db, iris)] == [2, 1]
    assert window.editor.session is not None and window.editor.session.number == 2
    assert window.reflect_panel.session is not None
    assert window.reflect_panel.session.id == window.editor.session.id
    assert window.statusBar().currentMessage() == "Session deleted."
    window.flush()  # nothing pending tries to reach the deleted session
    assert window.error_box is None


def test_cancel_keeps_everything_and_typing_is_saved_first(qtbot, window, db, iris) -> None:
    _select(window, iris)
    newest = window.editor.session
    plan = window.editor.section("plan")
    plan.focus_text()
    qtbot.keyClicks(plan.edit, "typed just before")
    window.delete_session_action.trigger()  # Client › Delete session…
    box = window.delete_box
    assert box is not None
    assert store.get_note(db, newest.id).text("plan") == "typed just before"  # saved first
    assert "cannot be undone" in box.informativeText()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), LEFT)
    assert window.delete_box is None
    assert len(store.list_sessions(db, iris)) == 2
    assert window.editor.session.id == newest.id and plan.text() == "typed just before"


def test_deleting_the_last_session_takes_its_reflections_and_shows_the_empty_state(
        qtbot, window, db) -> None:
    client = store.add_client(db, "Wren")
    only = store.add_session(db, client.id, date(2026, 11, 2), sections={"process": "Notes."})
    store.add_reflection(db, "A thought about Wren", session_id=only.id, client_id=client.id)
    _select(window, client.id)
    assert [h.ref_id for h in store.search(db, "thought")]  # findable before
    box = window.delete_session()
    assert box is not None and "reflections" in box.informativeText()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), LEFT)
    assert store.list_sessions(db, client.id) == []
    assert store.list_reflections(db, client_id=client.id) == []
    assert [h for h in store.search(db, "thought")] == []
    assert window.editor.session is None and window.reflect_panel.session is None
    assert not window.delete_session_action.isEnabled()
    assert window.sessions_panel.empty.isVisibleTo(window)
