"""The French catalogue is complete and current: every string the UI can show is translated.

The catalogue is extracted from the sources by pyside6-lupdate (scripts/update-translations.sh);
these tests fail when a new string is not in it, when a translation is missing, when a
placeholder, accelerator, line break or file filter was lost, when the typography slips
(straight apostrophes, ordinary spaces before « : ; ! ? »), when the compiled .qm is older than
the .ts, or when the installed catalogue does not give back what the .ts says.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QWidget,
)

from helpers.typography import french_problems
from supervision_journal.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "supervision_journal_fr.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent
NBSP = "\u00a0"
# Qt's %1 and %n, and the named {placeholders} of KnownError templates (errors.py), format
# spec included: "{minimum:g}" must come back as it is.
PLACEHOLDER = re.compile(r"%(?:\d|n)|\{[^{}]*\}")
# One accelerator: an ampersand before a letter or digit ("&&" is a literal ampersand).
ACCELERATOR = re.compile(r"(?<!&)&([^\s&])")
FILE_FILTER = re.compile(r"\(\*[^)]*\)")


def _tool(name: str) -> str:
    local = BIN / name
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        pytest.fail(f"{name} is missing (it ships with PySide6)")
    return found


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    out = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out.append((name, message.findtext("source") or "", message))
    return out


def _texts(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    numerus = translation.findall("numerusform")
    return [n.text or "" for n in numerus] if numerus else [translation.text or ""]


def _finished() -> list[tuple[str, str, ET.Element, list[str]]]:
    out = []
    for context, source, message in _messages(TS):
        translation = message.find("translation")
        assert translation is not None
        texts = _texts(message)
        if translation.get("type") is None and all(t.strip() for t in texts):
            out.append((context, source, message, texts))
    return out


def test_catalogue_covers_every_string_in_the_sources(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "src" / "supervision_journal" / "ui").rglob("*.py"))
    subprocess.run([_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                    "-extensions", "py", *sources, "-ts", str(fresh)], check=True, cwd=ROOT)
    wanted = {(c, s) for c, s, _ in _messages(fresh)}
    have = {(c, s) for c, s, _ in _messages(TS)}
    assert len(wanted) > 900, "lupdate found too few strings"
    missing = sorted(wanted - have)
    assert not missing, f"run scripts/update-translations.sh and translate: {missing[:20]}"
    stale = sorted(have - wanted)
    assert not stale, f"run scripts/update-translations.sh (strings gone from the UI): {stale[:20]}"
    # A context lupdate cannot attribute (empty), or a variable it mistook for a class.
    odd = sorted({c for c, _ in wanted if not c or (not c[0].isupper() and c[0] != "_")})
    assert not odd, f"translate() calls lupdate cannot attribute to a class: {odd}"


def test_every_message_is_translated_with_its_placeholders() -> None:
    problems = []
    finished = {(c, s) for c, s, _, _ in _finished()}
    for context, source, message in _messages(TS):
        if (context, source) not in finished:
            problems.append(f"{context}: {source!r} untranslated")
            continue
        wanted = Counter(PLACEHOLDER.findall(source))
        texts = _texts(message)
        if message.get("numerus") == "yes" and len(texts) != 2:
            problems.append(f"{context}: {source!r} needs the 2 French plural forms")
        for text in texts:
            if Counter(PLACEHOLDER.findall(text)) != wanted:
                problems.append(f"{context}: {source!r} placeholders differ")
    assert not problems, "\n".join(problems[:30])


def test_accelerators_line_breaks_and_file_filters_are_kept() -> None:
    problems = []
    for context, source, _message, texts in _finished():
        for text in texts:
            if len(ACCELERATOR.findall(source)) != len(ACCELERATOR.findall(text)):
                problems.append(f"{context}: {source!r} accelerator lost or doubled: {text!r}")
            if source.count("\n") != text.count("\n"):
                problems.append(f"{context}: {source!r} line breaks differ")
            if FILE_FILTER.findall(source) != FILE_FILTER.findall(text):
                problems.append(f"{context}: {source!r} file filter patterns differ")
    assert not problems, "\n".join(problems[:30])


def test_translation_adds_no_accelerator_clash() -> None:
    """Within a context (mostly one dialog or page), French has no more letters claimed twice
    than English has."""
    def clashes(texts: list[str]) -> int:
        letters = Counter(m.lower() for t in texts for m in ACCELERATOR.findall(t))
        return sum(n - 1 for n in letters.values() if n > 1)

    english: dict[str, list[str]] = {}
    french: dict[str, list[str]] = {}
    for context, source, _message, texts in _finished():
        # The same source used twice in a context is one widget text, not a clash.
        english.setdefault(context, [])
        if source not in english[context]:
            english[context].append(source)
            french.setdefault(context, []).append(texts[0])
    worse = {c: sorted(m.lower() for t in french[c] for m in ACCELERATOR.findall(t))
             for c in english if clashes(french[c]) > clashes(english[c])}
    assert not worse, f"accelerator letters used twice: {worse}"


def test_french_typography() -> None:
    """Typographic apostrophe throughout, a no-break space before « : ; ! ? » and inside
    guillemets, the ellipsis character, no straight double quotes."""
    problems = []
    for context, _source, _message, texts in _finished():
        for text in texts:
            problems += [f"{context}: {text!r}: {what}"
                         for what in french_problems(text, colon=False, plural_marks=False)]
    assert not problems, "\n".join(problems[:30])


def test_compiled_catalogue_is_current(tmp_path: Path) -> None:
    fresh = tmp_path / "fr.qm"
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(fresh)],
                   check=True)
    assert QM.read_bytes() == fresh.read_bytes(), "run scripts/update-translations.sh"


def test_installed_catalogue_gives_back_every_translation(qapp) -> None:
    """The packaged .qm, loaded the way the app loads it, answers each (context, source) with
    the French of the .ts, plural forms included."""
    assert i18n.install("fr"), "the French catalogue was not found in the package"
    try:
        wrong = []
        for context, source, message, texts in _finished():
            if message.get("numerus") == "yes":
                got = [QCoreApplication.translate(context, source, None, n) for n in (1, 2)]
                texts = [t.replace("%n", str(n)) for t, n in zip(texts, (1, 2), strict=True)]
            else:
                got = [QCoreApplication.translate(context, source)]
            if got != texts:
                wrong.append(f"{context}: {source!r} -> {got!r}")
        assert not wrong, "\n".join(wrong[:20])
        assert QCoreApplication.translate("MainWindow", "&Lock") == "&Verrouiller"
    finally:
        i18n.install("en")
    assert QCoreApplication.translate("MainWindow", "&Lock") == "&Lock"


# Words that are English and never French: a visible text holding one was not translated.
ENGLISH_WORDS = frozenset({
    "the", "your", "and", "with", "this", "of", "is", "to", "for", "from", "new", "save",
    "saved", "delete", "search", "hours", "backup", "backups", "session", "sessions",
    "passphrase", "not", "yet", "show", "add", "open", "all", "none", "lock", "unlock",
    "edit", "what", "my", "which", "no", "yes", "cancel", "close", "help", "file", "settings",
})


def _visible_texts(root: QWidget) -> list[str]:
    texts = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root) and not isinstance(widget, QMenu):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QHeaderView) and widget.model() is not None:
            model = widget.model()
            texts += [str(model.headerData(i, widget.orientation()) or "")
                      for i in range(widget.count())]
        if isinstance(widget, QMenu):  # menus are never "visible" until opened: read them
            texts += [a.text() for a in widget.actions() if not a.isSeparator()]
        texts += [widget.toolTip(), widget.accessibleName()]
    return [t for t in texts if t.strip()]


def _english(text: str) -> bool:
    # Paths and command lines are data, not language.
    plain = re.sub(r"\S*[/\\]\S*|supervision-journal\s+\S+", "", text.lower())
    return bool(set(re.findall(r"[^\W\d_]+", plain)) & ENGLISH_WORDS)


def test_every_page_of_the_main_window_reads_in_french(qtbot, vault, db) -> None:
    """The whole main window, each page and tab shown in turn with a client and a note, under
    the real French catalogue: no visible text, tooltip, accessible name, menu entry, column
    header or tab holds an English word."""
    from supervision_journal.journal import store
    from supervision_journal.ui.main_window import MainWindow

    client = store.add_client(db, "Azalée")
    store.add_session(db, client.id, date(2026, 11, 12), tags=["deuil"],
                      sections={"process": "un deuil", "plan": "la suite"})
    assert i18n.install("fr")
    try:
        window = MainWindow(vault)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.clients_panel.select_client(client.id)
        english: dict[str, list[str]] = {}
        for row in range(window.nav.count()):
            window.nav.setCurrentRow(row)
            page = window.pages.currentWidget()
            tabs = page.findChildren(QTabWidget)
            for tab in [None, *tabs]:
                for index in range(tab.count() if tab else 1):
                    if tab:
                        tab.setCurrentIndex(index)
                    qtbot.wait(10)
                    found = [t for t in _visible_texts(window) if _english(t)]
                    if found:
                        english[window.nav.item(row).text()] = sorted(set(found))
        assert english == {}
        window.flush()
    finally:
        i18n.install("en")


NOTE_FR = {
    "presenting": "Le sommeil encore : réveillée à 4 h presque chaque nuit depuis le "
                  "déménagement. Inquiète au sujet de sa nouvelle responsable.",
    "process": "Début rapide, beaucoup de détails sur le travail. Un long silence, puis des "
               "larmes en parlant de la maladie de son père.",
    "countertransference": "Poitrine lourde, somnolence vers la fin. Envie de rassurer, que "
                           "j'ai remarquée sans y céder.",
}


def _clipped(root: QWidget) -> list[str]:
    """Visible labels and buttons whose text needs more room than they were given."""
    bad = []
    for label in root.findChildren(QLabel):
        if not label.isVisibleTo(root) or not label.text() or label.width() < 2:
            continue
        if label.wordWrap():
            if label.heightForWidth(label.width()) > label.height() + 1:
                bad.append(label.text()[:50])
        elif label.sizeHint().width() > label.width() + 1:
            bad.append(label.text()[:50])
    for button in root.findChildren(QAbstractButton):
        if button.isVisibleTo(root) and button.text() and \
                button.sizeHint().width() > button.width() + 1:
            bad.append(button.text()[:50])
    # Cut by the edge of a scroll area or splitter pane: partly shown, narrower than its text.
    for widget in root.findChildren(QLabel) + root.findChildren(QAbstractButton):
        shown = widget.visibleRegion().boundingRect()
        if widget.isVisibleTo(root) and widget.text() and not shown.isEmpty() \
                and shown.width() < min(widget.width(), widget.sizeHint().width()) - 2:
            bad.append(f"{widget.text()[:50]} (cut at the edge)")
    return bad


def test_french_screens_fit(qtbot, vault, db, tmp_path: Path) -> None:
    """Each page and tab of the main window, in French with a small journal in it, at the
    window's usual size: no label or button is cut short. Set SJ_SCREENSHOTS=<folder> to keep
    the grabs (fr-<page>-<tab>.png)."""
    import os

    from supervision_journal.hours import store as hours
    from supervision_journal.journal import store
    from supervision_journal.ui.main_window import MainWindow

    shots = Path(os.environ.get("SJ_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    client = store.add_client(db, "Azalée", tags=["adulte"])
    store.add_client(db, "Héron")
    store.add_supervision(db, date(2026, 10, 20), "Dr Martin", "group", 90, group_size=4,
                          modality="video", cases=["Azalée"],
                          learning="Nommer l'envie avant d'y céder.")
    session = store.add_session(db, client.id, date(2026, 11, 12), 50, "in_person",
                                tags=["sommeil", "deuil"], sections=NOTE_FR)
    store.approve_section(db, session.id, "presenting")
    store.approve_section(db, session.id, "countertransference")
    store.save_section(db, session.id, "countertransference",
                       NOTE_FR["countertransference"] + " Fatiguée en partant.")
    store.set_feelings(db, session.id, {"urge_to_rescue": 2, "sleepiness": 1})
    store.add_reflection(db, "Quand elle se tait, je parle : son silence ou le mien ?",
                         session_id=session.id, is_question=True)
    hours.add_activity(db, "training", date(2026, 9, 14), 420, title="Le deuil compliqué",
                       provider="Institut de formation", learning="Repères sur le deuil.")
    assert i18n.install("fr")
    try:
        window = MainWindow(vault)
        qtbot.addWidget(window)
        window.resize(1280, 760)
        window.show()
        qtbot.waitExposed(window)
        window.clients_panel.select_client(client.id)
        cut: dict[str, list[str]] = {}
        for row in range(window.nav.count()):
            window.nav.setCurrentRow(row)
            page = window.pages.currentWidget()
            key = window.nav.item(row).data(Qt.ItemDataRole.UserRole)
            tabs = page.findChildren(QTabWidget)
            for tab in [None, *tabs]:
                for index in range(tab.count() if tab else 1):
                    if tab:
                        tab.setCurrentIndex(index)
                    for _ in range(3):  # growing text areas take a layout pass or two
                        QApplication.processEvents()
                        qtbot.wait(10)
                    name = f"fr-{key}-{index}" if tab else f"fr-{key}"
                    assert window.grab().save(str(shots / f"{name}.png"))
                    found = _clipped(window)
                    if found:
                        cut[name] = found
        window.flush()
        assert cut == {}, "\n".join(f"{name}: {texts}" for name, texts in cut.items())
    finally:
        i18n.install("en")


def test_french_dialogs_fit(qtbot, vault, db, tmp_path: Path) -> None:
    """The dialogs, in French at their natural size: nothing cut short, no English word.
    Set SJ_SCREENSHOTS=<folder> to keep the grabs (fr-dialog-<name>.png)."""
    import os

    from supervision_journal.hours.profiles import load_profiles
    from supervision_journal.journal import store
    from supervision_journal.privacy.models import ErasureCounts
    from supervision_journal.prompts.library import load_library
    from supervision_journal.ui.client_dialog import ClientDialog
    from supervision_journal.ui.export.viewer import SealedViewer
    from supervision_journal.ui.hours.activity_dialog import ActivityDialog
    from supervision_journal.ui.hours.profiles_dialog import CustomProfileDialog, FollowDialog
    from supervision_journal.ui.hours.recurring_dialog import RecurringDialog
    from supervision_journal.ui.identity_dialog import IdentityDialog
    from supervision_journal.ui.privacy.erase_dialog import EraseDialog
    from supervision_journal.ui.reflect.custom_prompt_dialog import CustomPromptDialog

    shots = Path(os.environ.get("SJ_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    client = store.add_client(db, "Azalée")
    assert i18n.install("fr")
    try:
        dialogs = {
            "client": lambda: ClientDialog(db),
            "identity": lambda: IdentityDialog(db, client.id),
            "activity": lambda: ActivityDialog(db),
            "recurring": lambda: RecurringDialog(db),
            "follow": lambda: FollowDialog(db, load_profiles(), "fr"),
            "custom-profile": lambda: CustomProfileDialog(db, "fr"),
            "custom-prompt": lambda: CustomPromptDialog(db, load_library("fr")),
            "sealed-viewer": lambda: SealedViewer(),
            "erase": lambda: EraseDialog(db, client.id, "Azalée", ErasureCounts(3, 12, 2, 4, 1),
                                         None, now=datetime.now, today=date.today),
        }
        problems: dict[str, list[str]] = {}
        for name, make in dialogs.items():
            dialog = make()
            qtbot.addWidget(dialog)
            dialog.show()
            qtbot.waitExposed(dialog)
            for _ in range(3):
                QApplication.processEvents()
                qtbot.wait(10)
            assert dialog.grab().save(str(shots / f"fr-dialog-{name}.png"))
            found = _clipped(dialog) + [t for t in _visible_texts(dialog) if _english(t)]
            if found:
                problems[name] = found
            dialog.reject()
        assert problems == {}, "\n".join(f"{name}: {texts}" for name, texts in problems.items())
    finally:
        i18n.install("en")
