"""Every string the main window shows goes through Qt's translation, in the context lupdate
gives it: lupdate extracts the strings of the main-window files, each is "translated" to
⟦itself⟧, lrelease compiles that, and every screen is walked (labels, buttons, placeholders,
combo items, tooltips, accessible names, menus, column headers, list texts). A visible text
without the brackets that is not client data was shown without going through tr()."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QWidget,
)

import supervision_journal.ui as ui_package
from supervision_journal.errors import DiskFull
from supervision_journal.journal import store
from supervision_journal.journal.models import Identity, IdentityTerm
from supervision_journal.ui.client_dialog import ClientDialog
from supervision_journal.ui.identity_dialog import IdentityDialog
from supervision_journal.ui.main_window import MainWindow

MAIN_FILES = ("main_window", "clients_panel", "client_model", "sessions_panel", "session_model",
              "search_panel", "identity_dialog", "client_dialog", "widgets",
              "editor/note_editor", "editor/section_editor", "editor/section_titles")
QT_STANDARD_BUTTONS = {"OK", "Cancel", "Close", "Save"}
# Client data and values: pseudonyms, identity terms, tags, dates, numbers, separators.
DATA = {"Azalée", "Kestrel", "Marie Dupont", "Mimi", "Croydon", "grief, sleep", "—"}
NOT_LANGUAGE = re.compile(r"^(|Supervision Journal|[\d\s·:.,/-]+|\d{1,2} \w{3} \d{4}|…)$")


def _tool(name: str) -> str:
    """Qt's own lupdate/lrelease inside the PySide6 wheel, else the pyside6-* wrappers."""
    import PySide6.QtCore

    bundled = Path(PySide6.QtCore.__file__).parent / name
    if bundled.exists():
        return str(bundled)
    wrapper = f"pyside6-{name}"
    found = shutil.which(wrapper) or str(Path(sys.executable).parent / wrapper)
    if not Path(found).exists():
        pytest.skip(f"{name} is not installed")
    return found


@pytest.fixture(scope="module")
def bracketed_catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("i18n-main")
    ts = folder / "main.ts"
    sources = [str(Path(ui_package.__file__).parent / f"{name}.py") for name in MAIN_FILES]
    subprocess.run([_tool("lupdate"), *sources, "-ts", str(ts)], check=True,
                   capture_output=True)
    tree = ET.parse(ts)
    count = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            translation.text = None
            for child in list(translation):
                translation.remove(child)
            for _ in range(2):
                form = ET.SubElement(translation, "numerusform")
                form.text = f"⟦{source}⟧"
        else:
            translation.text = f"⟦{source}⟧"
        count += 1
    assert count > 120, "lupdate found too few strings: are they wrapped in tr()?"
    contexts = {c.findtext("name") for c in tree.getroot().iter("context")}
    assert "" not in contexts and None not in contexts, "a string without a context"
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    qm = folder / "main.qm"
    subprocess.run([_tool("lrelease"), str(ts), "-qm", str(qm)], check=True,
                   capture_output=True)
    return qm


@pytest.fixture
def bracketed(bracketed_catalogue: Path) -> Iterator[QTranslator]:
    translator = QTranslator()
    assert translator.load(str(bracketed_catalogue))
    QCoreApplication.installTranslator(translator)
    try:
        yield translator
    finally:
        QCoreApplication.removeTranslator(translator)


def foreign(window: MainWindow) -> list[QWidget]:
    """Parts other helpers own (their own i18n tests cover them): the Reflect panel and the
    pages after the Journal."""
    parts: list[QWidget] = [w for w in window._pages.values() if w is not window.journal_page]
    reflect = getattr(window, "reflect_panel", None)
    if reflect is not None:
        parts.append(reflect)
    return parts


def visible_texts(root: QWidget, skip: list[QWidget] = ()) -> list[str]:  # type: ignore[assignment]
    texts = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root) and not isinstance(widget, QMenu):
            continue
        if any(part is widget or part.isAncestorOf(widget) for part in skip):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QPlainTextEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QAbstractSpinBox) and hasattr(widget, "suffix"):
            texts.append(widget.suffix().strip())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QHeaderView) and widget.model() is not None:
            model = widget.model()
            texts += [model.headerData(i, widget.orientation()) or ""
                      for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None \
                and not isinstance(widget, QHeaderView) and widget.model().rowCount():
            # The first cell of each row: session labels, search headings (not note text).
            model = widget.model()
            # The navigation: only its first entry, Journal, is ours.
            rows = range(1) if widget.objectName() == "nav" else range(model.rowCount())
            texts += [str(model.data(model.index(r, 0)) or "").split("\n")[0] for r in rows]
        if widget.toolTip():
            texts.append(widget.toolTip())
        if widget.accessibleName() and widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
            texts.append(widget.accessibleName())
        if isinstance(widget, QMenu):  # menus are never "visible" until opened: read them
            # The Go menu names every page: only the Journal's title is ours.
            texts += [a.text() for a in widget.actions() if not a.isSeparator()
                      and not (a.objectName().startswith("go_") and a.objectName() != "go_journal")]
        if widget.isWindow():
            texts.append(widget.windowTitle())
    return texts


def untranslated(texts: list[str]) -> list[str]:
    plain = []
    for text in texts:
        text = text.strip()
        # "⟦…⟧" anywhere: a translated sentence, maybe joined to data ("Azalée · ⟦Session 1⟧")
        # or to a KnownError message (English by design, see errors.py).
        if (NOT_LANGUAGE.match(text) or text in DATA or text in QT_STANDARD_BUTTONS
                or "⟦" in text):
            continue
        plain.append(text)
    return plain


def screens(qtbot, vault, db) -> Iterator[tuple[str, QWidget]]:
    window = MainWindow(vault)
    window.nav.setObjectName("nav")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield "empty", window

    client = store.add_client(db, "Azalée")
    store.add_client(db, "Kestrel")
    store.set_identity(db, client.id, Identity("Marie Dupont", ("Mimi",),
                                               (IdentityTerm("Croydon", "identifier", "town"),)))
    session = store.add_session(db, client.id, date(2026, 11, 12), tags=["grief", "sleep"],
                                sections={"process": "a sleep", "plan": "b"})
    store.approve_section(db, session.id, "plan")
    store.save_section(db, session.id, "plan", "b, changed")
    window.clients_panel.refresh()
    window.clients_panel.select_client(client.id)
    for section in window.editor.sections():
        section.set_expanded(True)  # every placeholder on screen
    yield "note", window

    window.search_box.setText("sleep")
    window.search_panel.run_search()
    yield "search", window
    window.search_box.setText("zebra")
    window.search_panel.run_search()
    yield "search: nothing", window
    window.search_box.clear()

    window.new_client_action.trigger()
    dialog = window.findChild(ClientDialog)
    yield "new client", dialog
    dialog.reject()

    window.identity_action.trigger()
    identity = window.findChild(IdentityDialog)
    yield "identity: hidden", identity
    identity.reveal()
    yield "identity: revealed", identity
    identity.reject()

    window.editor.section("plan").focus_text()
    qtbot.keyClicks(window.editor.section("plan").edit, "x")
    original = store.save_sections
    store.save_sections = _disk_full  # type: ignore[assignment]
    try:
        window.editor.autosave()
    finally:
        store.save_sections = original  # type: ignore[assignment]
    box = window.error_box
    assert box is not None
    yield "save failed", window
    yield "save failed: dialog", box  # informativeText holds the KnownError (English) text
    box.close()
    window.flush()


def _disk_full(*_args, **_kwargs):
    raise DiskFull("The disk is full.")


def test_every_visible_main_window_text_goes_through_tr(qtbot, vault, db, bracketed) -> None:
    problems: dict[str, list[str]] = {}
    seen: set[str] = set()
    window: MainWindow | None = None
    for name, widget in screens(qtbot, vault, db):
        if isinstance(widget, MainWindow):
            window = widget
        skip = foreign(window) if window is not None else []
        texts = visible_texts(widget, skip)
        seen.update(texts)
        found = untranslated(texts)
        if found:
            problems[name] = found
    # The walk really reached menus, headings, toggles, placeholders and the badge.
    for expected in ("⟦&Lock⟧", "⟦What the client brought⟧", "⟦Share in supervision⟧",
                     "⟦For next time⟧", "⟦Changed since approval — approve again⟧",
                     "⟦Client⟧", "⟦&Reveal⟧"):
        assert expected in seen, expected
    assert problems == {}, "\n".join(f"{k}: {v!r}" for k, v in problems.items())
