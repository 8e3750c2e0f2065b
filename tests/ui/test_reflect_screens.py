"""Screens of the reflection workflow in English, light and dark: the reflect panel beside a
note (prompts and answers; feelings and patterns), the Prepare view with a case presentation,
the questions queue and the supervision log. Grabbed to PNG and checked for what a glance
would catch: dark really dark, the accent and the amber badge on screen, no clipped labels or
buttons.

Set SUPERVISION_JOURNAL_SCREENSHOTS=<folder> to keep the PNGs (docs/screenshots/reflect-*.png);
otherwise they go to the test's temporary folder.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from supervision_journal.journal import store
from supervision_journal.supervision import prompt_choice
from supervision_journal.ui import theme
from supervision_journal.ui.main_window import MainWindow
from supervision_journal.ui.reflect.questions_page import PAGE_KEY as QUESTIONS
from supervision_journal.ui.reflect.questions_page import QuestionsPage
from supervision_journal.ui.reflect.supervision_page import PAGE_KEY as SUPERVISION
from supervision_journal.ui.reflect.supervision_page import SupervisionPage
from supervision_journal.ui.widgets import AMBER

if sys.version_info < (3, 12):  # PySide6 + Python 3.11 refcount bug: see test_main_window
    for _singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(_singleton)).value += 1 << 40

SIZE = (1280, 800)
TODAY = date.today()
NOTE = {
    "presenting": "Sleep again: wakes at 4 a.m. most nights since the move.",
    "process": "Started fast, lots of detail about work. Long silence, then tears about her "
               "father's illness.",
    "interventions": "Stayed with the silence rather than filling it.",
    "relationship": "She looks after me: checks I am not tired.",
    "countertransference": "Heavy chest, sleepy towards the end. An urge to reassure and give "
                           "sleep tips, which I noticed and did not act on.",
    "hypotheses": "Grief shows itself at night, when nobody needs her.",
    "ethics": "No risk named. Sleep medication is for her doctor, not for me.",
    "supervision_questions": "Why do I rush to reassure her when she cries?",
}
FEELINGS = [{"urge_to_rescue": 2, "sleepiness": 1}, {"urge_to_rescue": 3},
            {"sleepiness": 2, "tenderness": 1}, {"urge_to_rescue": 2},
            {"urge_to_rescue": 1, "sleepiness": 3}, {"urge_to_rescue": 2, "tenderness": 2}]


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = os.environ.get("SUPERVISION_JOURNAL_SCREENSHOTS")
    out = Path(folder) if folder else tmp_path
    out.mkdir(parents=True, exist_ok=True)
    return out


@pytest.fixture(params=["light", "dark"])
def scheme(request, qapp) -> Iterator[str]:
    if request.param == "dark":
        qapp.setPalette(theme.dark_palette())
    else:
        qapp.setPalette(qapp.style().standardPalette())
    yield request.param
    qapp.setPalette(QPalette())


def populate(db) -> dict[str, int]:
    azalee = store.add_client(db, "Azalée")
    kestrel = store.add_client(db, "Kestrel")
    store.add_client(db, "Heron")
    store.add_supervision(db, TODAY - timedelta(days=33), "Dr Martin", "group", 90,
                          group_size=4, modality="video", cases=["Kestrel"],
                          learning="Name the urge before acting on it.")
    sessions = []
    for n, feelings in enumerate(FEELINGS):
        session = store.add_session(db, azalee.id, TODAY - timedelta(weeks=len(FEELINGS) - n),
                                    sections={"plan": "Sleep diary."})
        store.set_feelings(db, session.id, feelings)
        sessions.append(session)
    last = store.add_session(db, azalee.id, TODAY - timedelta(days=2), sections=NOTE)
    store.set_feelings(db, last.id, {"urge_to_rescue": 2, "sleepiness": 1})
    for key in ("presenting", "countertransference", "hypotheses", "supervision_questions"):
        store.approve_section(db, last.id, key)
    k = store.add_session(db, kestrel.id, TODAY - timedelta(days=9))
    store.add_reflection(db, "When he raises his voice I go quiet. Is that his father's "
                         "silence, or mine?", session_id=k.id, is_question=True)
    prompt_choice.set_favourite(db, "ct.rescue", True)
    return {"azalee": azalee.id, "last": last.id, "kestrel": kestrel.id}


def open_window(qtbot, vault) -> MainWindow:
    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.resize(*SIZE)
    window.show()
    qtbot.waitExposed(window)
    return window


def settle(qtbot) -> None:
    for _ in range(3):  # growing text areas take a layout pass or two
        QApplication.processEvents()
        qtbot.wait(10)


def grab(window: QWidget, path: Path) -> QImage:
    image = window.grab().toImage()
    image.save(str(path))
    return image


def mean_lightness(image: QImage) -> float:
    values = [QColor(image.pixel(x, y)).lightness()
              for x in range(0, image.width(), 17) for y in range(0, image.height(), 17)]
    return sum(values) / len(values)


def count_colour(image: QImage, colour: QColor, tolerance: int = 12) -> int:
    hits = 0
    for x in range(0, image.width(), 2):
        for y in range(0, image.height(), 2):
            c = QColor(image.pixel(x, y))
            hits += (abs(c.red() - colour.red()) <= tolerance and abs(c.green() - colour.green())
                     <= tolerance and abs(c.blue() - colour.blue()) <= tolerance)
    return hits


def clipped(root: QWidget) -> list[str]:
    """Visible labels and buttons whose text needs more room than they were given."""
    bad = []
    for label in root.findChildren(QLabel):
        if not label.isVisibleTo(root) or not label.text() or label.width() < 2:
            continue
        if label.wordWrap():
            if label.heightForWidth(label.width()) > label.height() + 1:
                bad.append(label.text()[:40])
        elif label.sizeHint().width() > label.width() + 1:
            bad.append(label.text()[:40])
    for button in root.findChildren(QAbstractButton):
        if button.isVisibleTo(root) and button.text() and \
                button.sizeHint().width() > button.width() + 1:
            bad.append(button.text()[:40])
    return bad


def test_screen_reflect_panel(qtbot, vault, db, shots, scheme) -> None:
    ids = populate(db)
    window = open_window(qtbot, vault)
    window.clients_panel.select_client(ids["azalee"])
    panel = window.reflect_panel
    assert panel.session.id == ids["last"]
    approved = panel.answer_prompt(panel.browser.listed_ids()[0])
    approved.edit.setPlainText("Tender, then a pull to make it better for her. I noticed my "
                               "own tiredness and wondered whose it was.")
    panel.save()
    approved.approval.share.click()
    changed = panel.answer_prompt(panel.browser.listed_ids()[1])
    changed.edit.setPlainText("I held back the sleep tips.")
    panel.save()
    changed.approval.share.click()
    changed.edit.setPlainText("I held back the sleep tips, and said so.")
    panel.save()
    assert approved.approval.state == "approved" and changed.approval.state == "revoked"
    panel.browser.list.setCurrentRow(2)
    panel.browser.list.setFocus()
    settle(qtbot)
    panel.answers_scroll.ensureWidgetVisible(changed.approval, 0, 8)
    settle(qtbot)
    image = grab(window, shots / f"reflect-panel-en-{scheme}.png")
    assert (mean_lightness(image) < 100) == (scheme == "dark")
    assert count_colour(image, AMBER) > 50  # the "changed since approval" badge
    assert clipped(panel) == []
    # Nothing is pushed out sideways: the answers fit their column.
    assert panel.answers_scroll.horizontalScrollBar().maximum() == 0

    panel.tabs.setCurrentIndex(1)
    settle(qtbot)
    image = grab(window, shots / f"reflect-feelings-en-{scheme}.png")
    assert (mean_lightness(image) < 100) == (scheme == "dark")
    assert len(panel.patterns.drawn_points()) == sum(map(len, FEELINGS)) + 2
    assert clipped(panel) == []
    window.flush()


def test_screen_prepare_view(qtbot, vault, db, shots, scheme) -> None:
    ids = populate(db)
    window = open_window(qtbot, vault)
    window.show_page(SUPERVISION)
    page = window.findChild(SupervisionPage)
    view = page.prepare
    assert view.select_client(ids["azalee"])
    assert view.fill_from_notes()
    view.parts["interventions"].setPlainText(
        "Reflecting the tiredness back; staying with silences; naming the link between "
        "4 a.m. and the hospital calls, tentatively.")
    view.try_save()
    settle(qtbot)
    image = grab(page, shots / f"reflect-prepare-en-{scheme}.png")  # the page, as documented
    assert (mean_lightness(image) < 100) == (scheme == "dark")
    assert clipped(view) == []
    window.flush()


def test_screen_questions_and_log(qtbot, vault, db, shots, scheme) -> None:
    populate(db)
    window = open_window(qtbot, vault)
    window.show_page(QUESTIONS)
    page = window.findChild(QuestionsPage)
    page.set_status_filter(None)
    settle(qtbot)
    image = grab(page, shots / f"reflect-questions-en-{scheme}.png")
    assert (mean_lightness(image) < 100) == (scheme == "dark")
    assert page.model.rowCount() == 2
    assert clipped(page) == []

    window.show_page(SUPERVISION)
    supervision = window.findChild(SupervisionPage)
    supervision.show_log()
    supervision.log.select(store.list_supervisions(db)[0].id)
    settle(qtbot)
    image = grab(supervision, shots / f"reflect-log-en-{scheme}.png")
    assert "Also counted in your hours" in supervision.log.ledger_note.text()
    assert clipped(supervision.log) == []
    window.flush()
