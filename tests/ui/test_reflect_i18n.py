"""Every string the reflection screens show goes through Qt's translation.

pyside6-lupdate extracts the strings of ui/reflect/ (and the shared words they use: section
titles, modalities), each is "translated" to ⟦itself⟧, pyside6-lrelease compiles that, and the
reflect panel, the Questions page and both Supervision tabs are walked: a visible text without
the brackets was shown without going through tr(). Texts that are the practitioner's data
(pseudonyms, note text, prompt wording from resources/prompts, dates, numbers) are left aside.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QWidget,
)
from screen_tools import set_translation

import supervision_journal.ui as ui_package
from supervision_journal.journal import store
from supervision_journal.prompts import load_library
from supervision_journal.ui.reflect.panel import ReflectPanel
from supervision_journal.ui.reflect.questions_page import QuestionsPage
from supervision_journal.ui.reflect.supervision_page import SupervisionPage

UI = Path(ui_package.__file__).parent
SOURCES = [*sorted((UI / "reflect").glob("*.py")), UI / "widgets.py",
           UI / "editor" / "section_titles.py", UI / "editor" / "note_editor.py"]
# Numbers, dates ("3 Nov 2026"), the app's name, arrows and bullets are not language.
NOT_LANGUAGE = re.compile(r"^(|Supervision Journal|[\d\s·:—–./%-]+|\d{1,2} \w{3,4}\.? \d{4}.*)$")
PSEUDONYMS = ("Azalée", "Kestrel")


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    if not Path(found).exists():
        pytest.skip(f"{name} is not installed")
    return found


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("i18n")
    ts = folder / "reflect.ts"
    subprocess.run([_tool("pyside6-lupdate"), *map(str, SOURCES), "-ts", str(ts)], check=True,
                   capture_output=True)
    tree = ET.parse(ts)
    count = 0
    for message in tree.getroot().iter("message"):
        set_translation(message, f"⟦{message.findtext('source') or ''}⟧")
        count += 1
    assert count > 200, "lupdate found too few strings: are they wrapped in tr()?"
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    qm = folder / "reflect.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True,
                   capture_output=True)
    return qm


@pytest.fixture
def bracketed(catalogue: Path) -> Iterator[None]:
    translator = QTranslator()
    assert translator.load(str(catalogue))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def visible_texts(root: QWidget) -> list[str]:
    texts = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QSpinBox):
            texts.append(widget.suffix().strip())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        if widget.toolTip():
            texts.append(widget.toolTip())
    return texts


def untranslated(texts: list[str], data: set[str]) -> list[str]:
    plain = []
    for text in texts:
        text = text.strip()
        if "⟦" in text or NOT_LANGUAGE.match(text) or text in data:
            continue
        plain.append(text)
    return plain


def test_every_visible_reflection_text_goes_through_tr(qtbot, db, bracketed) -> None:
    library = load_library("en")
    data = {t for p in library for t in (p.title, p.question, p.hint)}
    data |= set(library.frameworks.values()) | set(PSEUDONYMS) | {"Dr Martin"}
    azalee = store.add_client(db, PSEUDONYMS[0])
    kestrel = store.add_client(db, PSEUDONYMS[1])
    today = date.today()
    store.add_supervision(db, today - timedelta(days=20), "Dr Martin", "group", 90,
                          group_size=4, cases=[PSEUDONYMS[1]])
    session = None
    for n in range(4):
        session = store.add_session(db, azalee.id, today - timedelta(days=12 - 3 * n),
                                    sections={"presenting": "Words.",
                                              "supervision_questions": "Why?"})
        store.approve_section(db, session.id, "presenting")
        store.set_feelings(db, session.id, {"urge_to_rescue": 2, "boredom": 1})
    store.add_reflection(db, "Mine?", session_id=store.add_session(db, kestrel.id, today).id,
                         is_question=True)
    data |= {"Words.", "Why?", "Mine?"}

    problems: dict[str, list[str]] = {}
    panel = ReflectPanel(db)
    qtbot.addWidget(panel)
    panel.resize(320, 900)
    panel.show()
    problems["panel, empty"] = untranslated(visible_texts(panel), data)
    panel.set_session(session.id)
    editor = panel.answer_prompt(panel.browser.listed_ids()[0])
    editor.edit.setPlainText("An answer.")
    panel.save()
    editor.approval.share.click()
    editor.edit.setPlainText("An answer, changed.")
    panel.save()
    data |= {"An answer, changed."}
    problems["panel, prompts"] = untranslated(visible_texts(panel), data)
    panel.tabs.setCurrentIndex(1)
    problems["panel, feelings"] = untranslated(visible_texts(panel), data)
    panel.flush()

    questions = QuestionsPage(db)
    qtbot.addWidget(questions)
    questions.show()
    questions.set_status_filter(None)
    problems["questions"] = untranslated(visible_texts(questions), data)
    page = SupervisionPage(db)
    qtbot.addWidget(page)
    page.show()
    problems["prepare"] = untranslated(visible_texts(page), data)
    page.prepare.fill_from_notes()
    page.show_log()
    problems["log, new"] = untranslated(visible_texts(page), data)
    page.log.select(store.list_supervisions(db)[0].id)
    problems["log, saved"] = untranslated(visible_texts(page), data)
    page.flush()
    assert {name: found for name, found in problems.items() if found} == {}
