"""The Prepare view: open questions and the sessions since the last supervision with their
approved sections, and the case presentation drafted in the usual order, saved as a reflection
linked to the client, approvable, and picked up by the export once approved."""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from supervision_journal.export.select import select
from supervision_journal.journal import store
from supervision_journal.supervision import case_presentation as cp
from supervision_journal.ui.clipboard import wipe_tree
from supervision_journal.ui.editor.note_editor import AUTOSAVE_MS
from supervision_journal.ui.main_window import MainWindow
from supervision_journal.ui.reflect.prepare_view import PrepareView
from supervision_journal.ui.reflect.supervision_page import PAGE_KEY, SupervisionPage

if sys.version_info < (3, 12):  # PySide6 + Python 3.11 refcount bug: see test_main_window
    for _singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(_singleton)).value += 1 << 40

LEFT = Qt.MouseButton.LeftButton
TODAY = date.today()


@pytest.fixture
def practice(db) -> dict[str, int]:
    azalee = store.add_client(db, "Azalée")
    kestrel = store.add_client(db, "Kestrel")
    store.add_client(db, "Wren")  # nothing to bring: listed after the others
    old = store.add_session(db, azalee.id, TODAY - timedelta(days=40),
                            sections={"presenting": "Old news."})
    store.approve_section(db, old.id, "presenting")
    store.add_supervision(db, TODAY - timedelta(days=30), "Dr Martin", "individual", 60)
    a2 = store.add_session(db, azalee.id, TODAY - timedelta(days=20), sections={
        "presenting": "Sleep again.", "countertransference": "Urge to reassure.",
        "hypotheses": "Grief shows as insomnia.", "plan": "Sleep diary.",
        "supervision_questions": "Why do I rush to advise?", "private": "Never."})
    for key in ("presenting", "countertransference", "hypotheses",
                "supervision_questions"):
        store.approve_section(db, a2.id, key)
    k1 = store.add_session(db, kestrel.id, TODAY - timedelta(days=10))
    store.add_reflection(db, "Is his anger mine?", session_id=k1.id, is_question=True)
    return {"azalee": azalee.id, "kestrel": kestrel.id, "old": old.id, "a2": a2.id,
            "k1": k1.id}


@pytest.fixture
def window(qtbot, vault, practice) -> Iterator[MainWindow]:
    w = MainWindow(vault)
    qtbot.addWidget(w)
    w.resize(1280, 860)
    w.show()
    qtbot.waitExposed(w)
    w.show_page(PAGE_KEY)
    yield w
    w.flush()


def view_of(window: MainWindow) -> PrepareView:
    page = window.findChild(SupervisionPage)
    assert page is not None and page.tabs.currentWidget() is page.prepare
    return page.prepare


def test_lists_open_questions_and_sessions_since_the_last_supervision(window, practice) -> None:
    view = view_of(window)
    assert view.since.text().startswith("Since your last supervision, on ")
    questions = [view.questions.item(r).text() for r in range(view.questions.count())]
    assert questions == ["Azalée · session 2 — Why do I rush to advise?",
                         "Kestrel · session 1 — Is his anger mine?"]
    tops = [view.sessions.topLevelItem(r) for r in range(view.sessions.topLevelItemCount())]
    assert [t.text(0).split(" · ")[0] for t in tops] == ["Azalée", "Kestrel"]
    assert tops[0].text(1) == "4 shared"
    assert tops[1].text(1) == "nothing shared"
    children = [tops[0].child(i).text(0) for i in range(tops[0].childCount())]
    assert len(children) == 4 and not any("Never." in c for c in children)
    assert not any("Old news" in t.text(0) for t in tops)  # before the last supervision
    # Clients with something to bring come first.
    assert [view.client.itemText(i) for i in range(view.client.count())] == [
        "Azalée", "Kestrel", "Wren"]


def test_case_presentation_is_saved_as_you_type_and_approvable(qtbot, window, db,
                                                               practice) -> None:
    view = view_of(window)
    assert view.client.currentData() == practice["azalee"]
    question = view.parts["question"]
    question.setFocus()
    qtbot.keyClicks(question, "How do I stop rescuing her?")
    view.parts["relationship"].setFocus()  # leaving a part saves at once
    [draft] = [r for r in store.list_reflections(db, client_id=practice["azalee"])
               if r.prompt_id == cp.PROMPT_ID]
    assert (draft.session_id, draft.client_id) == (None, practice["azalee"])
    assert draft.text == "## My question for supervision\nHow do I stop rescuing her?"
    qtbot.keyClicks(view.parts["relationship"], "Warm; I feel protective.")
    qtbot.wait(AUTOSAVE_MS + 300)
    text = store.get_reflection(db, draft.id).text
    assert text.index("My question") < text.index("Relationship and countertransference")

    qtbot.mouseClick(view.approval.share, LEFT)
    assert store.get_reflection(db, draft.id).approval == "approved"
    assert view.approval.share.isChecked()
    exported = select(db, reflection_ids=[draft.id]).items
    assert [(i.kind, i.ref_id, i.text) for i in exported] == [
        ("reflection", draft.id, store.get_reflection(db, draft.id).text)]

    view.parts["risk"].setFocus()
    qtbot.keyClicks(view.parts["risk"], "No risk seen.")
    window.flush()
    assert store.get_reflection(db, draft.id).approval == "revoked"
    assert view.approval.badge.isVisible()
    assert select(db, reflection_ids=[draft.id]).items == ()  # changed: not exported
    qtbot.mouseClick(view.approval.share, LEFT)  # approve the new text
    assert store.get_reflection(db, draft.id).approval == "approved"


def test_draft_reopens_in_its_parts(qtbot, window, db, practice) -> None:
    view = view_of(window)
    view.parts["understanding"].setFocus()
    qtbot.keyClicks(view.parts["understanding"], "Grief, perhaps.")
    qtbot.keyClick(view.parts["understanding"], Qt.Key.Key_Return)
    qtbot.keyClicks(view.parts["understanding"], "Or fear of the night.")
    window.flush()
    fresh = PrepareView(db)
    qtbot.addWidget(fresh)
    fresh.refresh()
    assert fresh.client.currentData() == practice["azalee"]
    assert fresh.parts["understanding"].toPlainText() == "Grief, perhaps.\nOr fear of the night."
    assert all(fresh.parts[k].toPlainText() == "" for k in cp.PARTS if k != "understanding")


def test_fill_from_notes_uses_approved_sections_and_never_overwrites(qtbot, window, db,
                                                                     practice) -> None:
    view = view_of(window)
    view.parts["understanding"].setFocus()
    qtbot.keyClicks(view.parts["understanding"], "My own words")
    qtbot.mouseClick(view.fill, LEFT)
    parts = {k: e.toPlainText() for k, e in view.parts.items()}
    assert parts["understanding"] == "My own words"  # never overwritten
    assert parts["question"] == "Why do I rush to advise?"
    assert parts["context"] == "2 sessions so far.\n\nSession 2: Sleep again."
    assert parts["relationship"] == "Session 2: Urge to reassure."
    assert parts["interventions"] == "" and parts["risk"] == ""
    assert "Sleep diary" not in view.composed() and "Never." not in view.composed()
    [draft] = [r for r in store.list_reflections(db, client_id=practice["azalee"])
               if r.prompt_id == cp.PROMPT_ID]
    assert draft.text == view.composed()  # filling saved it


def test_switching_client_and_starting_a_new_presentation(qtbot, window, db,
                                                          practice) -> None:
    view = view_of(window)
    view.parts["question"].setFocus()
    qtbot.keyClicks(view.parts["question"], "For her")
    assert view.select_client(practice["kestrel"])  # saves the Azalée draft on the way
    assert view.parts["question"].toPlainText() == ""
    qtbot.mouseClick(view.fill, LEFT)
    assert view.parts["question"].toPlainText() == "Is his anger mine?"
    assert view.select_client(practice["azalee"])
    assert view.parts["question"].toPlainText() == "For her"
    first = view.reflection
    qtbot.mouseClick(view.new, LEFT)
    assert view.reflection is None and view.parts["question"].toPlainText() == ""
    qtbot.keyClicks(view.parts["question"], "A second one")
    window.flush()
    drafts = [r.text for r in store.list_reflections(db, client_id=practice["azalee"])
              if r.prompt_id == cp.PROMPT_ID]
    assert drafts == [first.text, "## My question for supervision\nA second one"]


def test_opening_a_listed_session_shows_its_note(qtbot, window, practice) -> None:
    view = view_of(window)
    item = view.sessions.topLevelItem(1)
    view.sessions.itemActivated.emit(item, 0)
    assert window.current_page() == "journal"
    assert window.editor.session.id == practice["k1"]


def test_a_lock_wipe_never_overwrites_the_draft(qtbot, window, db, practice) -> None:
    view = view_of(window)
    view.parts["question"].setFocus()
    qtbot.keyClicks(view.parts["question"], "kept")
    window.flush()
    wipe_tree(window)
    QApplication.processEvents()
    qtbot.wait(AUTOSAVE_MS + 200)
    window.flush()
    [draft] = [r for r in store.list_reflections(db, client_id=practice["azalee"])
               if r.prompt_id == cp.PROMPT_ID]
    assert draft.text == "## My question for supervision\nkept"
