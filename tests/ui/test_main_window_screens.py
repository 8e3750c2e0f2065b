"""Screens of the main window, light and dark: built from a realistic vault, grabbed to PNG and
checked for what a glance would catch (the right size, dark really dark, the badge and the
accent on screen).

Set SUPERVISION_JOURNAL_SCREENSHOTS=<folder> to keep the PNGs (docs/screenshots/main-*.png);
otherwise they go to the test's temporary folder.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from supervision_journal.journal import store
from supervision_journal.journal.models import Identity, IdentityTerm
from supervision_journal.ui import theme
from supervision_journal.ui.identity_dialog import IdentityDialog
from supervision_journal.ui.main_window import MainWindow
from supervision_journal.ui.widgets import AMBER

SIZE = (1280, 760)

NOTE = {
    "presenting": "Sleep again: wakes at 4 a.m. most nights since the move. Worried about the "
                  "new manager; says she \"cannot switch off\".",
    "process": "Started fast, lots of detail about work. Slowed down when I reflected the "
               "tiredness back. Long silence, then tears about her father's illness.",
    "interventions": "Stayed with the silence rather than filling it (she tends to look after "
                     "me). Named the link between 4 a.m. and the hospital calls, tentatively.",
    "countertransference": "Heavy chest, sleepy towards the end. An urge to reassure and give "
                           "sleep tips, which I noticed and did not act on.",
}


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
    ids: dict[str, int] = {}
    azalee = store.add_client(db, "Azalée", tags=["adult"])
    for pseudonym, count in (("Kestrel", 6), ("Heron", 21), ("Wren", 3)):
        client = store.add_client(db, pseudonym)
        for n in range(count):
            store.add_session(db, client.id, date(2026, 1 + n % 11, 1 + n % 27), 50, "video")
    with db.transaction():
        for n in range(13):  # weekly since August
            store.add_session(db, azalee.id, date(2026, 8, 6) + timedelta(weeks=n), 50,
                              "in_person", sections={"plan": "Keep a sleep diary."})
    last = store.add_session(db, azalee.id, date(2026, 11, 12), 50, "in_person",
                             tags=["sleep", "grief"], sections=NOTE)
    store.approve_section(db, last.id, "presenting")
    store.approve_section(db, last.id, "process")
    store.approve_section(db, last.id, "countertransference")
    store.save_section(db, last.id, "countertransference",
                       NOTE["countertransference"] + " Left tired.")
    ids["azalee"], ids["last"] = azalee.id, last.id
    return ids


def open_window(qtbot, vault) -> MainWindow:
    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.resize(*SIZE)
    window.show()
    qtbot.waitExposed(window)
    return window


def grab(widget: QWidget, path: Path) -> QImage:
    QApplication.processEvents()
    image = widget.grab().toImage()
    # 15-bit colour compresses well and, unlike a 256-colour palette, keeps the dark
    # palette's close greys (field borders) apart.
    small = image.convertToFormat(QImage.Format.Format_RGB555)
    small.convertToFormat(QImage.Format.Format_RGB32).save(str(path), "PNG", 0)
    return image


def mean_lightness(image: QImage) -> float:
    step = 17
    values = [QColor(image.pixel(x, y)).lightness()
              for x in range(0, image.width(), step) for y in range(0, image.height(), step)]
    return sum(values) / len(values)


def count_colour(image: QImage, colour: QColor, tolerance: int = 12) -> int:
    hits = 0
    for x in range(0, image.width(), 2):
        for y in range(0, image.height(), 2):
            c = QColor(image.pixel(x, y))
            if (abs(c.red() - colour.red()) <= tolerance and abs(c.green() - colour.green())
                    <= tolerance and abs(c.blue() - colour.blue()) <= tolerance):
                hits += 1
    return hits


def test_screen_empty(qtbot, vault, shots, scheme) -> None:
    window = open_window(qtbot, vault)
    image = grab(window, shots / f"main-empty-en-{scheme}.png")
    assert (image.width(), image.height()) == SIZE
    assert (mean_lightness(image) < 100) == (scheme == "dark")
    assert window.clients_panel.empty.isVisible()


def test_screen_note_with_approvals(qtbot, vault, db, shots, scheme) -> None:
    ids = populate(db)
    window = open_window(qtbot, vault)
    window.clients_panel.select_client(ids["azalee"])
    assert window.editor.session.id == ids["last"]
    window.editor.section("presenting").focus_text()
    image = grab(window, shots / f"main-note-en-{scheme}.png")
    assert (mean_lightness(image) < 100) == (scheme == "dark")
    assert window.editor.section("countertransference").badge.isVisible()
    assert count_colour(image, AMBER) > 50  # the badge is really on screen
    window.flush()


def test_screen_search(qtbot, vault, db, shots, scheme) -> None:
    ids = populate(db)
    window = open_window(qtbot, vault)
    window.clients_panel.select_client(ids["azalee"])
    window.focus_search()
    qtbot.keyClicks(window.search_box, "sleep")
    window.search_panel.run_search()
    assert window.search_panel.model.rowCount() > 3
    window.search_panel.results.setFocus(Qt.FocusReason.OtherFocusReason)
    image = grab(window, shots / f"main-search-en-{scheme}.png")
    assert (mean_lightness(image) < 100) == (scheme == "dark")
    window.flush()


def test_screen_identity(qtbot, vault, db, shots, scheme) -> None:
    ids = populate(db)
    store.set_identity(db, ids["azalee"], Identity(
        "Marie Dupont", ("Mimi",), (IdentityTerm("Croydon", "identifier", "town"),
                                    IdentityTerm("Rahul", "identifier", "partner"))))
    window = open_window(qtbot, vault)
    window.clients_panel.select_client(ids["azalee"])
    window.identity_action.trigger()
    dialog = window.findChild(IdentityDialog)
    assert dialog is not None
    dialog.resize(560, 440)
    hidden = grab(dialog, shots / f"main-identity-hidden-en-{scheme}.png")
    assert (mean_lightness(hidden) < 100) == (scheme == "dark")
    dialog.reveal()
    grab(dialog, shots / f"main-identity-revealed-en-{scheme}.png")
    dialog.reject()
    window.flush()
