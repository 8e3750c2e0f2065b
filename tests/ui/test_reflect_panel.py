"""The reflect panel beside the note, driven like a user would, on a real vault: suggestions,
browsing and search, answers autosaved as reflections, approval and its revocation, questions
for supervision, favourites and own prompts kept in the vault, feelings and their patterns."""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from supervision_journal.journal import store
from supervision_journal.supervision import prompt_choice
from supervision_journal.ui.clipboard import wipe_tree
from supervision_journal.ui.editor.note_editor import AUTOSAVE_MS
from supervision_journal.ui.main_window import MainWindow
from supervision_journal.ui.reflect.custom_prompt_dialog import CustomPromptDialog
from supervision_journal.ui.reflect.panel import ReflectPanel
from supervision_journal.ui.reflect.prompt_browser import ALL, FAVOURITES
from supervision_journal.ui.widgets import format_date

if sys.version_info < (3, 12):  # PySide6 + Python 3.11 refcount bug: see test_main_window
    for _singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(_singleton)).value += 1 << 40

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def practice(db) -> dict[str, int]:
    client = store.add_client(db, "Azalée")
    other = store.add_client(db, "Kestrel")
    ids = {"client": client.id, "other": other.id}
    for n in range(4):
        session = store.add_session(db, client.id, date(2026, 10, 1) + timedelta(weeks=n),
                                    sections={"presenting": f"Week {n + 1}."})
        ids[f"s{n + 1}"] = session.id
    ids["k1"] = store.add_session(db, other.id, date(2026, 10, 3)).id
    return ids


@pytest.fixture
def window(qtbot, vault, practice) -> Iterator[MainWindow]:
    w = MainWindow(vault)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    w.clients_panel.select_client(practice["client"])  # its newest session opens
    yield w
    w.flush()


def panel_of(window: MainWindow) -> ReflectPanel:
    return window.reflect_panel


def answer_current(qtbot, panel: ReflectPanel):
    before = len(panel.editors())
    qtbot.mouseClick(panel.browser.answer, LEFT)
    assert len(panel.editors()) == before + 1
    editor = panel.editors()[-1]
    assert QApplication.focusWidget() is editor.edit
    return editor


def test_panel_follows_the_note_and_suggests_countertransference_first(
        window, db, practice) -> None:
    panel = panel_of(window)
    assert panel.session.id == practice["s4"] == window.editor.session.id
    assert panel.subtitle.text().startswith("Session 4")
    listed = panel.browser.listed_ids()
    expected = prompt_choice.suggestions(
        panel.library, session_id=practice["s4"],
        client_sessions=store.list_sessions(db, practice["client"]),
        client_reflections=[], counts={})
    assert listed == [p.id for p in expected]
    assert len(listed) == prompt_choice.SUGGESTION_COUNT
    assert panel.library.by_id(listed[0]).framework == "countertransference"
    # Another session, another rotation.
    window.sessions_panel.select_session(practice["s3"])
    assert panel.session.id == practice["s3"]
    assert panel.browser.listed_ids() != listed


def test_prompts_answered_in_recent_sessions_are_not_suggested(window, db, practice) -> None:
    panel = panel_of(window)
    offered = panel.browser.listed_ids()
    store.add_reflection(db, "Answered last week", session_id=practice["s3"],
                         prompt_id=offered[0])
    window.sessions_panel.select_session(practice["s3"])
    window.sessions_panel.select_session(practice["s4"])
    assert offered[0] not in panel.browser.listed_ids()


def test_answer_is_typed_autosaved_and_searchable(qtbot, window, db, practice) -> None:
    panel = panel_of(window)
    prompt = panel.browser.current_prompt()
    editor = answer_current(qtbot, panel)
    assert editor.heading.text() == prompt.title
    assert editor.question.text() == prompt.question
    qtbot.keyClicks(editor.edit, "I wanted to hand out sleep tips")
    assert store.list_reflections(db, session_id=practice["s4"]) == []  # debounced
    qtbot.wait(AUTOSAVE_MS + 300)
    [stored] = store.list_reflections(db, session_id=practice["s4"])
    assert (stored.text, stored.prompt_id, stored.client_id) == (
        "I wanted to hand out sleep tips", prompt.id, practice["client"])
    assert editor.reflection_id == stored.id
    assert panel.status.text() == "Saved"
    assert [h.ref_id for h in store.search(db, "sleep tips")] == [stored.id]
    # The suggestion list marks it as answered, and Answer opens the same answer again.
    assert panel.browser.list.currentItem().text().endswith("answered")
    qtbot.mouseClick(panel.browser.answer, LEFT)
    assert panel.editors() == [editor]


def test_enter_on_a_prompt_answers_it(qtbot, window) -> None:
    panel = panel_of(window)
    panel.browser.list.setFocus()
    panel.browser.list.setCurrentRow(2)
    wanted = panel.browser.current_prompt()
    qtbot.keyClick(panel.browser.list, Qt.Key.Key_Return)
    assert [e.prompt_id for e in panel.editors()] == [wanted.id]
    assert QApplication.focusWidget() is panel.editors()[0].edit


def test_switching_session_and_flush_save_at_once(qtbot, window, db, practice) -> None:
    panel = panel_of(window)
    editor = answer_current(qtbot, panel)
    qtbot.keyClicks(editor.edit, "before switching")
    window.sessions_panel.select_session(practice["s2"])  # no waiting
    assert [r.text for r in store.list_reflections(db, session_id=practice["s4"])] == [
        "before switching"]
    assert panel.editors() == []
    editor = panel.answer_prompt(None)  # a free reflection
    qtbot.keyClicks(editor.edit, "free words")
    window.flush()
    [free] = store.list_reflections(db, session_id=practice["s2"])
    assert (free.text, free.prompt_id) == ("free words", None)
    # Coming back shows the stored answers.
    window.sessions_panel.select_session(practice["s4"])
    assert [e.text() for e in panel.editors()] == ["before switching"]


def test_an_answer_left_empty_stores_nothing(qtbot, window, db, practice) -> None:
    panel = panel_of(window)
    answer_current(qtbot, panel)
    window.flush()
    window.sessions_panel.select_session(practice["s3"])
    assert store.list_reflections(db) == []


def test_approve_then_edit_shows_amber_then_keep_unshared(qtbot, window, db) -> None:
    panel = panel_of(window)
    editor = answer_current(qtbot, panel)
    assert not editor.approval.share.isEnabled()  # nothing to share yet
    qtbot.keyClicks(editor.edit, "Heavy chest")
    qtbot.mouseClick(editor.approval.share, LEFT)  # saves first, then approves that text
    assert store.get_reflection(db, editor.reflection_id).approval == "approved"
    assert editor.approval.share.isChecked() and not editor.approval.badge.isVisible()

    qtbot.keyClicks(editor.edit, ", sleepy")
    qtbot.wait(AUTOSAVE_MS + 300)
    assert store.get_reflection(db, editor.reflection_id).approval == "revoked"
    assert editor.approval.badge.isVisible() and not editor.approval.share.isChecked()
    qtbot.mouseClick(editor.approval.dismiss, LEFT)
    assert store.get_reflection(db, editor.reflection_id).approval == "none"
    assert not editor.approval.badge.isVisible()
    qtbot.mouseClick(editor.approval.share, LEFT)  # approve the new text
    assert store.get_reflection(db, editor.reflection_id).approval == "approved"
    assert editor.approval.share.isChecked()


def test_mark_as_question_before_and_after_the_first_words(qtbot, window, db) -> None:
    panel = panel_of(window)
    first = answer_current(qtbot, panel)
    qtbot.mouseClick(first.as_question, LEFT)  # before any text: remembered
    qtbot.keyClicks(first.edit, "Why do I rush to reassure her?")
    window.flush()
    assert [q.text for q in store.list_questions(db, "open")] == [
        "Why do I rush to reassure her?"]
    panel.browser.list.setCurrentRow(1)
    second = answer_current(qtbot, panel)
    qtbot.keyClicks(second.edit, "Is this mine or hers?")
    qtbot.mouseClick(second.as_question, LEFT)  # saves, then marks
    assert {q.text for q in store.list_questions(db)} == {
        "Why do I rush to reassure her?", "Is this mine or hers?"}
    qtbot.mouseClick(first.as_question, LEFT)  # unmark
    assert [q.text for q in store.list_questions(db)] == ["Is this mine or hers?"]


def test_delete_an_answer_after_confirming(qtbot, window, db, practice) -> None:
    panel = panel_of(window)
    editor = answer_current(qtbot, panel)
    qtbot.keyClicks(editor.edit, "to be deleted")
    window.flush()
    qtbot.mouseClick(editor.delete, LEFT)
    box = panel.delete_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), LEFT)
    assert len(store.list_reflections(db, session_id=practice["s4"])) == 1
    qtbot.mouseClick(editor.delete, LEFT)
    qtbot.mouseClick(panel.delete_box.button(QMessageBox.StandardButton.Yes), LEFT)
    assert store.list_reflections(db, session_id=practice["s4"]) == []
    assert panel.editors() == [] and panel.no_answers.isVisibleTo(panel)


def test_browse_by_framework_and_search(qtbot, window) -> None:
    panel = panel_of(window)
    browser = panel.browser
    browser.show_view("gibbs")
    gibbs = browser.listed_ids()
    assert gibbs and all(pid.startswith("gibbs.") for pid in gibbs)
    browser.show_view("@suggested")
    qtbot.keyClicks(browser.search, "neutral")
    assert browser.view.currentData() == ALL  # a search looks through every prompt
    found = browser.listed_ids()
    assert found and all(pid in {p.id for p in panel.library.search("neutral")}
                         for pid in found)
    browser.search.clear()
    qtbot.keyClicks(browser.search, "zzzqqq")
    assert browser.listed_ids() == [] and browser.empty.isVisibleTo(browser)


def test_favourite_is_pinned_in_the_vault_not_in_qsettings(qtbot, window, db,
                                                           isolated_qsettings: Path) -> None:
    panel = panel_of(window)
    browser = panel.browser
    browser.show_view("ethics")
    prompt = browser.current_prompt()
    qtbot.mouseClick(browser.favourite, LEFT)
    assert prompt_choice.favourites(db) == [prompt.id]
    assert browser.favourite.isChecked() and browser.favourite.text().startswith("★")
    browser.show_view(FAVOURITES)
    assert browser.listed_ids() == [prompt.id]
    assert browser.list.item(0).text().startswith("★ ")
    window.flush()
    for path in isolated_qsettings.rglob("*"):
        if path.is_file():
            assert prompt.id not in path.read_text(errors="replace")
    qtbot.mouseClick(browser.favourite, LEFT)  # unpin
    assert prompt_choice.favourites(db) == []
    assert browser.listed_ids() == [] and browser.empty.isVisibleTo(browser)


def test_own_prompt_is_validated_stored_and_answerable(qtbot, window, db) -> None:
    panel = panel_of(window)
    qtbot.mouseClick(panel.browser.add, LEFT)
    dialog = panel.findChild(CustomPromptDialog)
    assert dialog is not None and dialog.isVisible()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.keyClicks(dialog.title, "Silences")
    qtbot.mouseClick(ok, LEFT)  # no question yet: refused, nothing stored
    assert dialog.isVisible() and dialog.error.isVisible()
    assert prompt_choice.custom_entries(db) == []
    dialog.question.setFocus()
    qtbot.keyClicks(dialog.question, "What did the silences hold today?")
    qtbot.mouseClick(ok, LEFT)
    [entry] = prompt_choice.custom_entries(db)
    assert entry["id"].startswith("custom.") and entry["title"] == "Silences"
    prompt = panel.browser.current_prompt()
    assert prompt is not None and prompt.id == entry["id"] and prompt.custom
    assert panel.browser.view.currentData() == "custom"
    editor = answer_current(qtbot, panel)
    qtbot.keyClicks(editor.edit, "Long ones")
    window.flush()
    assert store.get_reflection(db, editor.reflection_id).prompt_id == entry["id"]
    # Deleting the prompt keeps the answer, under a neutral title.
    qtbot.mouseClick(panel.browser.delete, LEFT)
    qtbot.mouseClick(panel.delete_box.button(QMessageBox.StandardButton.Yes), LEFT)
    assert prompt_choice.custom_entries(db) == []
    assert store.get_reflection(db, editor.reflection_id).text == "Long ones"
    assert editor.heading.text() == "A prompt no longer in the library"


def test_feelings_chips_record_intensity_and_feed_the_patterns(qtbot, window, db,
                                                               practice) -> None:
    panel = panel_of(window)
    panel.tabs.setCurrentIndex(1)
    chip = panel.feelings.chips["urge_to_rescue"]
    assert panel.patterns.empty.isVisibleTo(panel.patterns)  # nothing recorded yet
    qtbot.mouseClick(chip, LEFT)
    qtbot.mouseClick(chip, LEFT)
    assert store.get_feelings(db, practice["s4"]) == {"urge_to_rescue": 2}
    assert chip.text().startswith("Urge to rescue") and "●●○" in chip.text()
    assert chip.accessibleDescription() == "Intensity: clear"
    qtbot.mouseClick(panel.feelings.chips["boredom"], LEFT)
    assert store.get_feelings(db, practice["s4"]) == {"urge_to_rescue": 2, "boredom": 1}
    assert sorted(panel.patterns.drawn_points()) == [(4.0, 0.0), (4.0, 1.0)]
    for _ in range(2):  # on to strong, then back to none
        qtbot.mouseClick(chip, LEFT)
    assert store.get_feelings(db, practice["s4"]) == {"boredom": 1}
    window.sessions_panel.select_session(practice["s3"])
    assert panel.feelings.values() == {}
    window.sessions_panel.select_session(practice["s4"])
    assert panel.feelings.values() == {"boredom": 1}


def test_lock_wipe_never_overwrites_a_stored_answer(qtbot, window, db, practice) -> None:
    panel = panel_of(window)
    editor = answer_current(qtbot, panel)
    qtbot.keyClicks(editor.edit, "kept safe")
    window.flush()
    wipe_tree(window)
    QApplication.processEvents()
    qtbot.wait(AUTOSAVE_MS + 200)
    window.flush()
    assert [r.text for r in store.list_reflections(db, session_id=practice["s4"])] == [
        "kept safe"]
    assert editor.text() == ""


def test_ctrl_k_in_an_answer_searches_and_deletes_nothing(qtbot, window) -> None:
    panel = panel_of(window)
    editor = answer_current(qtbot, panel)
    qtbot.keyClicks(editor.edit, "keep all of this")
    editor.edit.moveCursor(editor.edit.textCursor().MoveOperation.Start)
    qtbot.keyClick(editor.edit, Qt.Key.Key_K, CTRL)
    assert editor.text() == "keep all of this"
    assert QApplication.focusWidget() is window.search_box


def test_a_reflection_search_hit_opens_its_answer(qtbot, window, db, practice) -> None:
    reflection = store.add_reflection(db, "A dream about the waiting room",
                                      session_id=practice["s2"], prompt_id="ct.body")
    window.search_box.setText("waiting room")
    window.search_panel.run_search()
    hit = window.search_panel.model.hit_at(0)
    window.open_hit(hit)
    panel = panel_of(window)
    assert panel.session.id == practice["s2"]
    assert QApplication.focusWidget() is panel.editor_for(reflection.id).edit


def test_a_client_without_sessions_shows_the_empty_state(qtbot, window, db, practice) -> None:
    panel = panel_of(window)
    window.clients_panel.select_client(practice["other"])
    assert panel.session.id == practice["k1"]
    empty = store.add_client(db, "Wren")
    window.clients_panel.refresh()
    window.clients_panel.select_client(empty.id)
    assert window.editor.session is None
    assert panel.session is None
    assert panel.empty.isVisibleTo(panel) and not panel.tabs.isVisibleTo(panel)


def test_the_header_follows_a_date_edited_in_the_note(qtbot, window, db, practice) -> None:
    panel = panel_of(window)
    editor = answer_current(qtbot, panel)
    qtbot.keyClicks(editor.edit, "Still here after the move")
    assert panel.subtitle.text().startswith("Session 4")
    # The newest session is moved before the first one: it becomes session 1.
    window.editor.date_edit.setFocus()
    window.editor.date_edit.setDate(QDate(2026, 9, 20))
    window.flush()
    assert store.get_session(db, practice["s4"]).number == 1
    assert panel.session.id == practice["s4"]
    assert panel.subtitle.text().startswith("Session 1 · ")
    assert format_date(date(2026, 9, 20)) in panel.subtitle.text()
    assert [e.edit.toPlainText() for e in panel.editors()] == ["Still here after the move"]
