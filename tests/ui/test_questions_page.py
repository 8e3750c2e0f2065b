"""The Questions page driven like a user would: the queue across clients (pseudonyms only),
filtered by status, moved open → discussed (in a logged supervision) → resolved with the
supervisor's answer, and the note a question came from opened."""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from supervision_journal.journal import store
from supervision_journal.journal.models import Identity
from supervision_journal.ui.clipboard import wipe_tree
from supervision_journal.ui.editor.note_editor import AUTOSAVE_MS
from supervision_journal.ui.main_window import MainWindow
from supervision_journal.ui.reflect.questions_page import PAGE_KEY, QuestionsPage
from supervision_journal.ui.reflect.supervision_page import SupervisionPage

if sys.version_info < (3, 12):  # PySide6 + Python 3.11 refcount bug: see test_main_window
    for _singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(_singleton)).value += 1 << 40

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def queue(db) -> dict[str, int]:
    azalee = store.add_client(db, "Azalée")
    store.set_identity(db, azalee.id, Identity("Marie Dupont"))
    kestrel = store.add_client(db, "Kestrel")
    a1 = store.add_session(db, azalee.id, date(2026, 10, 1),
                           sections={"supervision_questions": "Why do I rush to advise?\n"
                                                              "Second line."})
    k1 = store.add_session(db, kestrel.id, date(2026, 10, 8))
    reflection = store.add_reflection(db, "Is his anger mine?", session_id=k1.id,
                                      is_question=True)
    store.add_reflection(db, "Not a question", session_id=k1.id)
    sup = store.add_supervision(db, date(2026, 10, 20), "Dr Martin", "individual", 60)
    return {"azalee": azalee.id, "kestrel": kestrel.id, "a1": a1.id, "k1": k1.id,
            "reflection": reflection.id, "sup": sup.id,
            "section": store.question_section_id(db, a1.id)}


@pytest.fixture
def window(qtbot, vault, queue) -> Iterator[MainWindow]:
    w = MainWindow(vault)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    w.show_page(PAGE_KEY)
    yield w
    w.flush()


def page_of(window: MainWindow) -> QuestionsPage:
    page = window.findChild(QuestionsPage)
    assert page is not None and page.isVisible()
    return page


def rows(page: QuestionsPage) -> list[list[str]]:
    model = page.model
    return [[model.data(model.index(r, c)) for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def test_queue_across_clients_with_pseudonyms_only(window, queue, widget_text_dump) -> None:
    page = page_of(window)
    assert page.status_filter() == "open"
    listed = rows(page)
    assert [(r[0], r[1], r[3]) for r in listed] == [
        ("Open", "Azalée", "Why do I rush to advise?"),
        ("Open", "Kestrel", "Is his anger mine?")]
    assert listed[0][2].startswith("1 · ")
    assert page.count.text() == "2 open"
    assert not any("Marie Dupont" in text for text in widget_text_dump())


def test_through_the_statuses_with_the_answer(qtbot, window, db, queue) -> None:
    page = page_of(window)
    assert page.select_question("section", queue["section"])
    assert page.text.toPlainText() == "Why do I rush to advise?\nSecond line."
    assert not page.supervision.isEnabled()  # open: not discussed anywhere yet
    assert page.supervision.currentText() == "Not discussed yet"

    qtbot.mouseClick(page.status_buttons["discussed"], LEFT)
    [state] = [q for q in store.list_questions(db) if q.kind == "section"]
    assert (state.status, state.supervision_id) == ("discussed", queue["sup"])
    # Still listed under "Open" until the filter changes, so the answer can be written.
    assert page.current_question().ref_id == queue["section"]
    assert rows(page)[page.model.row_of(("section", queue["section"]))][4].startswith(
        "20 Oct 2026 · Dr Martin")
    assert page.supervision.isEnabled()

    page.answer.setFocus()
    qtbot.keyClicks(page.answer, "Notice the urge; ask what she wants.")
    assert store.list_questions(db, "discussed")[0].answer == ""  # debounced
    qtbot.wait(AUTOSAVE_MS + 300)
    assert store.list_questions(db, "discussed")[0].answer == (
        "Notice the urge; ask what she wants.")

    qtbot.mouseClick(page.status_buttons["resolved"], LEFT)
    resolved = store.list_questions(db, "resolved")
    assert [(q.ref_id, q.supervision_id, q.answer) for q in resolved] == [
        (queue["section"], queue["sup"], "Notice the urge; ask what she wants.")]
    page.set_status_filter("resolved")
    assert [r[3] for r in rows(page)] == ["Why do I rush to advise?"]
    page.set_status_filter("open")
    assert [r[3] for r in rows(page)] == ["Is his anger mine?"]
    page.set_status_filter(None)
    assert [r[0] for r in rows(page)] == ["Resolved", "Open"]


def test_choosing_another_supervision_session(qtbot, window, db, queue) -> None:
    later = store.add_supervision(db, date(2026, 11, 3), "Peer group", "peer", 120,
                                  group_size=5)
    page = page_of(window)
    page.refresh()
    page.select_question("reflection", queue["reflection"])
    qtbot.mouseClick(page.status_buttons["discussed"], LEFT)
    index = page.supervision.findData(later.id)
    assert index >= 0
    page.supervision.setCurrentIndex(index)
    page.supervision.activated.emit(index)
    [q] = store.list_questions(db, "discussed")
    assert q.supervision_id == later.id
    qtbot.mouseClick(page.status_buttons["open"], LEFT)
    assert store.list_questions(db, "discussed") == []
    assert page.model.data(page.model.index(page.model.row_of(
        ("reflection", queue["reflection"])), 4)) == ""  # open: no longer shown as discussed


def test_flush_commits_the_answer_being_typed(qtbot, window, db, queue) -> None:
    page = page_of(window)
    page.select_question("reflection", queue["reflection"])
    page.answer.setFocus()
    qtbot.keyClicks(page.answer, "typed just before the lock")
    window.flush()
    [q] = [q for q in store.list_questions(db) if q.kind == "reflection"]
    assert q.answer == "typed just before the lock" and q.status == "open"


def test_open_the_note_of_a_section_question(qtbot, window, queue) -> None:
    page = page_of(window)
    page.select_question("section", queue["section"])
    qtbot.mouseClick(page.open_button, LEFT)
    assert window.current_page() == "journal"
    assert window.editor.session.id == queue["a1"]
    section = window.editor.section("supervision_questions")
    assert section.expanded and QApplication.focusWidget() is section.edit


def test_open_the_answer_of_a_reflection_question(qtbot, window, queue) -> None:
    page = page_of(window)
    page.select_question("reflection", queue["reflection"])
    row = page.model.row_of(("reflection", queue["reflection"]))
    rect = page.table.visualRect(page.model.index(row, 3))
    # A real double-click: QTest's dblclick event alone lacks the press before it.
    qtbot.mouseClick(page.table.viewport(), LEFT, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), LEFT, pos=rect.center())
    assert window.current_page() == "journal"
    assert window.editor.session.id == queue["k1"]
    panel = window.reflect_panel
    assert QApplication.focusWidget() is panel.editor_for(queue["reflection"]).edit


def test_without_supervision_sessions_it_offers_to_log_one(qtbot, window, db, queue) -> None:
    store.delete_supervision(db, queue["sup"])
    page = page_of(window)
    page.refresh()
    assert page.supervision.count() == 1 and page.supervision.itemData(0) is None
    assert page.log_button.isVisible()
    qtbot.mouseClick(page.log_button, LEFT)
    supervision = window.findChild(SupervisionPage)
    assert window.current_page() == "supervision"
    assert supervision.tabs.currentWidget() is supervision.log
    assert supervision.log.current is None  # a fresh form


def test_empty_queue_explains_where_questions_come_from(qtbot, window, db, queue) -> None:
    page = page_of(window)
    store.update_reflection(db, queue["reflection"], is_question=False)
    store.save_section(db, queue["a1"], "supervision_questions", "")
    page.refresh()
    assert page.empty.isVisible()
    assert "Questions for supervision" in page.empty.label.text()
    assert not page.detail.isEnabled()
    page.set_status_filter("resolved")
    assert page.empty.label.text() == "No resolved questions yet."


def test_a_lock_wipe_never_erases_the_stored_answer(qtbot, window, db, queue) -> None:
    page = page_of(window)
    page.select_question("reflection", queue["reflection"])
    page.answer.setFocus()
    qtbot.keyClicks(page.answer, "kept")
    window.flush()
    wipe_tree(window)
    QApplication.processEvents()
    qtbot.wait(AUTOSAVE_MS + 200)
    window.flush()
    [q] = [q for q in store.list_questions(db) if q.kind == "reflection"]
    assert q.answer == "kept"
    assert page.answer.toPlainText() == ""
