"""The Supervision page's log driven like a user would: creating, editing and deleting a
supervision session keeps exactly one hours-ledger activity per session (never a duplicate,
never an orphan), the questions picked from the queue are marked discussed in it, and a lock
never saves a wiped form."""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from supervision_journal.hours import store as hours
from supervision_journal.journal import store
from supervision_journal.ui.clipboard import wipe_tree
from supervision_journal.ui.main_window import MainWindow
from supervision_journal.ui.reflect.supervision_log import SupervisionLog
from supervision_journal.ui.reflect.supervision_page import PAGE_KEY, SupervisionPage

if sys.version_info < (3, 12):  # PySide6 + Python 3.11 refcount bug: see test_main_window
    for _singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(_singleton)).value += 1 << 40

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def practice(db) -> dict[str, int]:
    azalee = store.add_client(db, "Azalée")
    kestrel = store.add_client(db, "Kestrel")
    a1 = store.add_session(db, azalee.id, date(2026, 10, 1),
                           sections={"supervision_questions": "Why do I rush to advise?"})
    k1 = store.add_session(db, kestrel.id, date(2026, 10, 8))
    reflection = store.add_reflection(db, "Is his anger mine?", session_id=k1.id,
                                      is_question=True)
    # An activity typed in the ledger by hand: never touched by the supervision log.
    other = hours.add_activity(db, "training", date(2026, 9, 1), 180, title="Course")
    return {"azalee": azalee.id, "kestrel": kestrel.id, "a1": a1.id,
            "reflection": reflection.id, "training": other.id,
            "section": store.question_section_id(db, a1.id)}


@pytest.fixture
def window(qtbot, vault, practice) -> Iterator[MainWindow]:
    w = MainWindow(vault)
    qtbot.addWidget(w)
    w.resize(1280, 860)
    w.show()
    qtbot.waitExposed(w)
    w.show_page(PAGE_KEY)
    page = w.findChild(SupervisionPage)
    page.show_log()
    yield w
    w.flush()


def log_of(window: MainWindow) -> SupervisionLog:
    page = window.findChild(SupervisionPage)
    assert page is not None and page.tabs.currentWidget() is page.log
    return page.log


def assert_ledger_in_step(db, training_id: int) -> None:
    """Exactly one supervision activity per logged session, none orphaned, others intact."""
    supervisions = store.list_supervisions(db)
    activities = hours.list_activities(db, kind="supervision")
    assert sorted(s.activity_id for s in supervisions) == sorted(a.id for a in activities)
    assert len({s.activity_id for s in supervisions}) == len(supervisions)
    for supervision in supervisions:
        activity = hours.get_activity(db, supervision.activity_id)
        assert (activity.date, activity.minutes, activity.format, activity.group_size,
                activity.provider, activity.modality) == (
            supervision.date, supervision.duration_minutes, supervision.format,
            supervision.group_size, supervision.supervisor, supervision.modality)
        assert activity.learning == supervision.learning
        assert activity.impact == supervision.actions
    assert hours.get_activity(db, training_id).title == "Course"


def check(items, label: str) -> None:
    for row in range(items.count()):
        if label in items.item(row).text():
            items.item(row).setCheckState(Qt.CheckState.Checked)
            return
    raise AssertionError(label)


def test_create_edit_delete_keep_exactly_one_activity(qtbot, window, db, practice) -> None:
    log = log_of(window)
    assert log.current is None and "no need to enter it twice" in log.ledger_note.text()
    log.date_edit.setDate(QDate(2026, 10, 20))
    log.supervisor.setFocus()
    log.supervisor.selectAll()
    qtbot.keyClicks(log.supervisor, "Dr Martin")
    log.format.setCurrentIndex(log.format.findData("group"))
    assert log.group_size.isVisible()
    log.group_size.setValue(5)
    log.modality.setCurrentIndex(log.modality.findData("video"))
    log.duration.setValue(90)
    check(log.questions, "Why do I rush")
    log.learning.setFocus()
    qtbot.keyClicks(log.learning, "Slow down before advising.")
    log.actions.setFocus()
    qtbot.keyClicks(log.actions, "Read about rescue fantasies.")
    qtbot.mouseClick(log.save_button, LEFT)

    [sup] = store.list_supervisions(db)
    assert (sup.date, sup.supervisor, sup.format, sup.group_size, sup.modality,
            sup.duration_minutes) == (date(2026, 10, 20), "Dr Martin", "group", 5, "video", 90)
    assert sup.cases == ("Azalée",)  # the question brought its client along
    assert_ledger_in_step(db, practice["training"])
    assert log.current.id == sup.id
    assert "Also counted in your hours" in log.ledger_note.text()
    assert "1 h 30" in log.ledger_note.text()
    [discussed] = store.list_questions(db, "discussed")
    assert (discussed.ref_id, discussed.supervision_id) == (practice["section"], sup.id)

    # Edit: the same activity follows; the ledger gains nothing.
    log.duration.setValue(60)
    log.format.setCurrentIndex(log.format.findData("individual"))
    assert not log.group_size.isVisible()
    qtbot.keyClick(log.duration, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    [sup_after] = store.list_supervisions(db)
    assert sup_after.activity_id == sup.activity_id
    assert (sup_after.duration_minutes, sup_after.format, sup_after.group_size) == (
        60, "individual", None)
    assert_ledger_in_step(db, practice["training"])

    # Delete: both go, the question is open again.
    qtbot.mouseClick(log.delete_button, LEFT)
    qtbot.mouseClick(log.delete_box.button(QMessageBox.StandardButton.Cancel), LEFT)
    assert len(store.list_supervisions(db)) == 1
    qtbot.mouseClick(log.delete_button, LEFT)
    qtbot.mouseClick(log.delete_box.button(QMessageBox.StandardButton.Yes), LEFT)
    assert store.list_supervisions(db) == []
    assert hours.list_activities(db, kind="supervision") == []
    assert_ledger_in_step(db, practice["training"])
    assert [q.status for q in store.list_questions(db)] == ["open", "open"]
    assert log.current is None and log.empty_list.isVisible()


def test_two_sessions_then_switching_between_them_saves_the_edit(qtbot, window, db,
                                                                 practice) -> None:
    log = log_of(window)
    for day, who in ((3, "Dr A"), (17, "Peer group")):
        qtbot.mouseClick(log.new_button, LEFT)
        log.date_edit.setDate(QDate(2026, 11, day))
        log.supervisor.selectAll()
        qtbot.keyClicks(log.supervisor, who)
        qtbot.mouseClick(log.save_button, LEFT)
    assert [s.supervisor for s in store.list_supervisions(db)] == ["Peer group", "Dr A"]
    assert_ledger_in_step(db, practice["training"])
    # Edit the newest, then pick the other row: the edit is saved on the way.
    log.learning.setFocus()
    qtbot.keyClicks(log.learning, "Group learning")
    older = store.list_supervisions(db)[1]
    assert log.select(older.id)
    assert store.list_supervisions(db)[0].learning == "Group learning"
    assert_ledger_in_step(db, practice["training"])
    assert log.supervisor.text() == "Dr A"


def test_unticking_a_question_opens_it_again(qtbot, window, db, practice) -> None:
    log = log_of(window)
    check(log.questions, "Why do I rush")
    check(log.questions, "Is his anger")
    qtbot.mouseClick(log.save_button, LEFT)
    sup = log.current
    assert {q.supervision_id for q in store.list_questions(db, "discussed")} == {sup.id}
    assert set(sup.cases) == {"Azalée", "Kestrel"}
    for row in range(log.questions.count()):
        item = log.questions.item(row)
        if "Is his anger" in item.text():
            assert item.checkState() == Qt.CheckState.Checked  # shown as discussed here
            item.setCheckState(Qt.CheckState.Unchecked)
    qtbot.mouseClick(log.save_button, LEFT)
    assert [q.kind for q in store.list_questions(db, "open")] == ["reflection"]
    assert [q.kind for q in store.list_questions(db, "discussed")] == ["section"]


def test_flush_saves_a_form_being_typed_but_never_an_untouched_one(qtbot, window, db,
                                                                   practice) -> None:
    log = log_of(window)
    window.flush()
    assert store.list_supervisions(db) == []  # a fresh form is not a supervision
    log.learning.setFocus()
    qtbot.keyClicks(log.learning, "typed before the lock")
    window.flush()
    [sup] = store.list_supervisions(db)
    assert sup.learning == "typed before the lock"
    assert_ledger_in_step(db, practice["training"])


def test_a_lock_wipe_never_overwrites_the_stored_session(qtbot, window, db, practice) -> None:
    log = log_of(window)
    log.supervisor.selectAll()
    qtbot.keyClicks(log.supervisor, "Dr Martin")
    log.learning.setFocus()
    qtbot.keyClicks(log.learning, "kept")
    window.flush()
    wipe_tree(window)
    QApplication.processEvents()
    window.flush()
    [sup] = store.list_supervisions(db)
    assert (sup.supervisor, sup.learning) == ("Dr Martin", "kept")
    assert log.learning.toPlainText() == ""


def test_supervisors_are_offered_again(qtbot, window, db, practice) -> None:
    store.add_supervision(db, date(2026, 9, 1), "Dr Martin", "individual", 60)
    log = log_of(window)
    log.refresh()
    qtbot.mouseClick(log.new_button, LEFT)
    assert log.supervisor.text() == "Dr Martin"  # the last one, ready for the next session
    assert log.supervisor.completer().model().stringList() == ["Dr Martin"]
