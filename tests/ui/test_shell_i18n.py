"""Every string the shell shows goes through Qt's translation, in the context lupdate gives it.

pyside6-lupdate extracts the shell's strings, each is "translated" to ⟦itself⟧, pyside6-lrelease
compiles that, and every screen is walked: a visible text without the brackets was shown
without going through tr(). The French catalogue, when it exists, gets the same walk.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

import supervision_journal.ui as ui_package
from supervision_journal import APP_NAME
from supervision_journal.errors import KeyFileCorrupt, VaultCorrupt, VaultTooNew
from supervision_journal.ui import i18n
from supervision_journal.ui.about import AboutDialog
from supervision_journal.ui.demo import DemoLoader
from supervision_journal.ui.first_run import FirstRunWizard
from supervision_journal.ui.settings import Settings
from supervision_journal.ui.settings_dialog import SettingsDialog
from supervision_journal.ui.unlock import UnlockWindow
from supervision_journal.vault import recovery_code

SHELL_FILES = ("app", "lock", "first_run", "unlock", "settings", "settings_dialog", "tasks",
               "i18n", "crash", "theme", "about", "demo")
# Standard dialog buttons are translated by Qt's own catalogue (qtbase_<lang>.qm), which
# i18n.install loads alongside ours.
QT_STANDARD_BUTTONS = {"OK", "Cancel", "Close"}
# Texts that are not language: the app's name, language names in themselves, codes, paths.
NOT_LANGUAGE = re.compile(r"^(|Supervision Journal|English|Français|\d+\.|[0-9A-Z*~$=U]{5}|"
                          r"XXXXX(-XXXXX)*|Version .*|<table>.*)$", re.DOTALL)


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    if not Path(found).exists():
        pytest.skip(f"{name} is not installed")
    return found


@pytest.fixture(scope="module")
def bracketed_catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("i18n")
    ts = folder / "shell.ts"
    sources = [str(Path(ui_package.__file__).parent / f"{name}.py") for name in SHELL_FILES]
    subprocess.run([_tool("pyside6-lupdate"), *sources, "-ts", str(ts)], check=True,
                   capture_output=True)
    tree = ET.parse(ts)
    messages = tree.getroot().iter("message")
    count = 0
    for message in messages:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        translation.text = f"⟦{source}⟧"
        translation.attrib.pop("type", None)
        count += 1
    assert count > 80, "lupdate found too few strings: are they wrapped in tr()?"
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    qm = folder / "shell.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True,
                   capture_output=True)
    return qm


def _install(path: Path | str) -> Iterator[QTranslator]:
    translator = QTranslator()
    assert translator.load(str(path))
    QCoreApplication.installTranslator(translator)
    try:
        yield translator
    finally:
        QCoreApplication.removeTranslator(translator)


@pytest.fixture
def bracketed(bracketed_catalogue: Path) -> Iterator[QTranslator]:
    yield from _install(bracketed_catalogue)


def visible_texts(root: QWidget) -> list[str]:
    texts = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QSpinBox):
            texts.append(widget.suffix().strip())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if widget.toolTip():
            texts.append(widget.toolTip())
        if widget.isWindow():
            texts.append(widget.windowTitle())
    return texts


def untranslated(texts: list[str]) -> list[str]:
    plain = []
    for text in texts:
        text = text.strip()
        if (NOT_LANGUAGE.match(text) or text.startswith(("⟦", "&⟦"))
                or text in QT_STANDARD_BUTTONS):
            continue
        plain.append(text)
    return plain


def screens(qtbot, tmp_path: Path) -> Iterator[tuple[str, QWidget]]:
    """Every screen of the shell, page by page, in the states a person can meet."""
    wizard = FirstRunWizard(tmp_path / "v", demo_opener=lambda: None)  # type: ignore[arg-type]
    qtbot.addWidget(wizard)
    wizard.show()
    yield "wizard: passphrase (empty)", wizard
    wizard.passphrase_form.first.setText("password")
    wizard.passphrase_form.second.setText("passwore")
    yield "wizard: passphrase (weak, differ)", wizard
    wizard.passphrase_form.first.setText("seven quiet lamps over the river")
    wizard.passphrase_form.second.setText("seven quiet lamps over the river")
    yield "wizard: passphrase (strong)", wizard
    wizard._show_busy(wizard.tr("Creating your journal…"), wizard.tr(
        "This takes a few seconds: the key is derived slowly on purpose, so that guessing "
        "your passphrase is slow too."))
    yield "wizard: busy", wizard
    wizard._groups = recovery_code.format_groups(recovery_code.generate())
    for label, group in zip(wizard.group_labels, wizard._groups, strict=True):
        label.setText(group)
    wizard.stack.setCurrentIndex(wizard.PAGE_CODE)
    yield "wizard: code", wizard
    wizard._ask_groups()
    yield "wizard: check", wizard

    unlock = UnlockWindow(tmp_path / "v", demo=True)
    qtbot.addWidget(unlock)
    unlock.show()
    yield "unlock", unlock
    unlock.show_recovery()
    yield "unlock: recovery", unlock
    unlock.stack.setCurrentIndex(unlock.PAGE_NEW_PASSPHRASE)
    yield "unlock: new passphrase", unlock
    for exc in (VaultCorrupt("x"), KeyFileCorrupt("x"), VaultTooNew("x")):
        unlock.show_problem(exc)
        yield f"unlock: {type(exc).__name__}", unlock

    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    yield "settings", dialog
    about = AboutDialog(tmp_path / "v")
    qtbot.addWidget(about)
    about.show()
    yield "about", about
    loader = DemoLoader("en")
    qtbot.addWidget(loader)
    loader.show()
    yield "demo loader", loader


def test_every_visible_shell_text_goes_through_tr(qtbot, tmp_path: Path, bracketed) -> None:
    problems = {}
    for name, window in screens(qtbot, tmp_path):
        found = untranslated(visible_texts(window))
        if found:
            problems[name] = found
        if isinstance(window, QDialog):
            window.close()
    assert problems == {}


def test_french_catalogue_covers_the_shell(qtbot, tmp_path: Path) -> None:
    if i18n.catalogue_path("fr") is None:
        pytest.skip("no French catalogue yet (resources/translations/"
                    "supervision_journal_fr.qm)")
    assert i18n.install("fr")
    try:
        problems = {}
        for name, window in screens(qtbot, tmp_path):
            english = [t for t in visible_texts(window)
                       if not NOT_LANGUAGE.match(t.strip()) and _looks_english(t)]
            if english:
                problems[name] = english
        assert problems == {}
    finally:
        i18n.install("en")


def _looks_english(text: str) -> bool:
    # Paths are data (a tmp folder holds "pytest-of-root"), not language.
    words = set(re.findall(r"[a-z]+", re.sub(r"\S*/\S*", "", text.lower())))
    return bool(words & {"the", "your", "and", "passphrase", "with", "this", "to", "of",
                         "is", "cancel", "close", "unlock", "lock", "use", "create", "try"})


def test_window_titles_are_the_app_name_only(qtbot, tmp_path: Path) -> None:
    titles = {w.windowTitle() for _, w in screens(qtbot, tmp_path)}
    assert titles == {APP_NAME}
