"""The note editor on its own: folding, growing areas, the autosave timer, one transaction per
save, session details, the free template, and wiping that never writes."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from supervision_journal.journal import store
from supervision_journal.ui.clipboard import wipe_tree
from supervision_journal.ui.editor.note_editor import AUTOSAVE_MS, NoteEditor, parse_tags


@pytest.fixture
def editor(qtbot, db) -> Iterator[NoteEditor]:
    host = QWidget()
    host.resize(700, 600)
    widget = NoteEditor(db, host)
    widget.resize(700, 600)
    outside = QLineEdit(host)  # somewhere for the focus to go
    outside.setObjectName("outside")
    outside.move(0, 590)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    yield widget
    widget.flush()


@pytest.fixture
def session(db):
    client = store.add_client(db, "Azalée")
    return store.add_session(db, client.id, date(2026, 11, 12), 50, "in_person")


def test_parse_tags() -> None:
    assert parse_tags(" grief, , adult ,grief") == ["grief", "adult", "grief"]
    assert parse_tags("") == []


def test_empty_sections_fold_and_filled_ones_open(editor, db, session) -> None:
    store.save_sections(db, session.id, {"process": "Long silence."})
    editor.load(session.id)
    process, plan = editor.section("process"), editor.section("plan")
    assert process.expanded and process.edit.isVisibleTo(editor)
    assert not plan.expanded and not plan.edit.isVisibleTo(editor)
    # A folded section is one line: its heading.
    assert plan.sizeHint().height() < 2.5 * plan.header.sizeHint().height()
    plan.header.click()
    assert plan.expanded and plan.edit.isVisibleTo(editor)
    plan.header.click()
    assert not plan.expanded


def test_share_toggle_appears_with_the_first_words(qtbot, editor, session) -> None:
    editor.load(session.id)
    plan = editor.section("plan")
    assert plan.share is not None and not plan.share.isVisibleTo(editor)
    plan.focus_text()
    qtbot.keyClicks(plan.edit, "x")
    assert plan.share.isVisibleTo(editor) and plan.share.isEnabled()


def test_tab_opens_an_empty_section_and_leaving_it_empty_folds_it(qtbot, editor, session) -> None:
    editor.load(session.id)
    presenting, process = editor.section("presenting"), editor.section("process")
    presenting.focus_text()
    qtbot.keyClicks(presenting.edit, "brought")
    qtbot.keyClick(presenting.edit, Qt.Key.Key_Tab)  # Tab moves on: notes hold no tabs
    assert presenting.text() == "brought"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is process.edit, timeout=1000)
    assert process.expanded
    qtbot.keyClick(process.edit, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.section("interventions").edit,
                    timeout=1000)
    assert not process.expanded  # left empty: folded again
    assert presenting.expanded  # has text: stays open


def test_area_grows_with_its_text_instead_of_scrolling(qtbot, editor, session) -> None:
    editor.load(session.id)
    plan = editor.section("plan")
    plan.focus_text()
    before = plan.edit.height()
    plan.edit.setPlainText("\n".join(f"line {i}" for i in range(30)))
    qtbot.waitUntil(lambda: plan.edit.height() > before + 20 * plan.edit.fontMetrics().height(),
                    timeout=1000)
    assert plan.edit.verticalScrollBar().maximum() == 0  # every line is on screen
    long_line = "word " * 400
    plan.edit.setPlainText(long_line)
    qtbot.waitUntil(lambda: plan.edit.verticalScrollBar().maximum() == 0, timeout=1000)


def test_autosave_waits_for_a_pause_in_typing(qtbot, editor, db, session) -> None:
    editor.load(session.id)
    plan = editor.section("plan")
    plan.focus_text()
    qtbot.keyClicks(plan.edit, "a")
    qtbot.wait(AUTOSAVE_MS * 2 // 3)
    qtbot.keyClicks(plan.edit, "b")  # restarts the timer
    qtbot.wait(AUTOSAVE_MS * 2 // 3)
    assert store.get_note(db, session.id).text("plan") == ""  # still typing
    with qtbot.waitSignal(editor.saved, timeout=AUTOSAVE_MS + 2000):
        pass
    assert store.get_note(db, session.id).text("plan") == "ab"


def test_one_transaction_per_save(qtbot, editor, db, session, monkeypatch) -> None:
    editor.load(session.id)
    outer = []
    real = db.transaction

    @contextlib.contextmanager
    def counting():
        if not db.in_transaction:
            outer.append(1)
        with real() as inner:
            yield inner

    monkeypatch.setattr(db, "transaction", counting)
    for key in ("presenting", "process", "plan"):
        editor.section(key).focus_text()
        qtbot.keyClicks(editor.section(key).edit, key)
    outer.clear()
    editor.duration.setValue(65)
    editor.flush()
    assert outer == [1]
    note = store.get_note(db, session.id)
    assert [note.text(k) for k in ("presenting", "process", "plan")] == [
        "presenting", "process", "plan"]
    assert note.session.duration_minutes == 65


def test_session_details_are_saved(qtbot, editor, db, session) -> None:
    editor.load(session.id)
    edited = []
    editor.session_edited.connect(edited.append)
    editor.date_edit.setDate(QDate(2026, 11, 14))
    editor.modality.setCurrentIndex(editor.modality.findData("phone"))
    editor.tags.setFocus()
    qtbot.keyClicks(editor.tags, "grief, sleep")
    qtbot.keyClick(editor.tags, Qt.Key.Key_Return)  # editing finished: saved at once
    stored = store.get_session(db, session.id)
    assert (stored.date, stored.modality, stored.tags) == (
        date(2026, 11, 14), "phone", ("grief", "sleep"))
    assert edited == [session.id]
    assert editor.title.text() == "Azalée · Session 1"


def test_free_template(editor, db) -> None:
    client = store.add_client(db, "Kestrel")
    free = store.add_session(db, client.id, date(2026, 1, 1), template="free",
                             sections={"body": "all in one"})
    editor.load(free.id)
    assert [s.key for s in editor.sections()] == ["body", "private"]
    assert editor.section("body").header.text() == "Note"
    assert editor.section("body").text() == "all in one"
    assert editor.section("private").share is None


def test_switching_templates_reuses_each_set_of_editors(editor, db, session) -> None:
    client = store.add_client(db, "Kestrel")
    free = store.add_session(db, client.id, date(2026, 1, 1), template="free")
    editor.load(session.id)
    standard_plan = editor.section("plan")
    editor.load(free.id)
    editor.load(session.id)
    assert editor.section("plan") is standard_plan
    assert not editor.section("plan").isHidden()


def test_wiping_never_writes_the_emptied_text(qtbot, editor, db, session) -> None:
    store.save_sections(db, session.id, {"plan": "keep me"})
    editor.load(session.id)
    plan = editor.section("plan")
    plan.focus_text()
    plan.edit.moveCursor(plan.edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(plan.edit, "!")
    editor.flush()
    wipe_tree(editor.window())
    assert plan.text() == "" and not plan.edit.document().isUndoAvailable()
    editor.window().findChild(QLineEdit, "outside").setFocus()  # a focus change after the wipe
    qtbot.wait(AUTOSAVE_MS + 300)  # and the autosave delay
    editor.flush()
    assert store.get_note(db, session.id).text("plan") == "keep me!"
    assert editor.session is None


def test_load_refuses_to_leave_unsaved_text(qtbot, editor, db, session, monkeypatch) -> None:
    other = store.add_session(db, session.client_id, date(2026, 11, 19))
    editor.load(session.id)
    plan = editor.section("plan")
    plan.focus_text()
    qtbot.keyClicks(plan.edit, "unsaved")
    failures = []
    editor.save_failed.connect(failures.append)
    monkeypatch.setattr(store, "save_sections", _raise_disk_full)
    assert editor.load(other.id) is False
    assert editor.session.id == session.id and plan.text() == "unsaved"
    assert failures and "disk" in failures[0]
    monkeypatch.undo()  # space freed: the next attempt saves, then the switch happens
    assert editor.load(other.id) is True
    assert store.get_note(db, session.id).text("plan") == "unsaved"


def _raise_disk_full(*_args, **_kwargs):
    from supervision_journal.errors import DiskFull

    raise DiskFull("The disk is full: the last change was not saved.")


def test_reveal_marks_the_match_without_selecting_it(qtbot, editor, db, session) -> None:
    store.save_sections(db, session.id, {"ethics": "Risk: low. Boundaries: Risk reviewed."})
    editor.load(session.id)
    editor.reveal("ethics", "Boundaries")
    ethics = editor.section("ethics")
    cursor = ethics.edit.textCursor()
    assert cursor.position() == ethics.text().index("Boundaries") and not cursor.hasSelection()
    marks = ethics.edit.extraSelections()
    assert len(marks) == 1 and marks[0].cursor.selectedText() == "Boundaries"
    qtbot.keyClicks(ethics.edit, "x")  # typing clears the mark and replaces nothing
    assert ethics.edit.extraSelections() == []
    assert "xBoundaries" in ethics.text()
