"""Errors raised below the UI reach a French user in French.

``KnownError`` carries a literal English template and its values (errors.py);
``scripts/extract_error_messages.py`` lists every template in ``ui/error_messages.py`` for
lupdate; ``ui/error_text.error_text`` translates and fills it. These tests check that the list is
complete and current, that lupdate really reads it, that the English shown by the UI is the
command line's message, and, on real screens under the French catalogue, that the French text
is shown and the English is not.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import sqlite3
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QCoreApplication

from supervision_journal.errors import DiskFull, KnownError
from supervision_journal.hours.profiles import ProfileError, profile_text
from supervision_journal.journal import store
from supervision_journal.ui import error_messages, i18n
from supervision_journal.ui.error_text import error_text
from supervision_journal.vault.database import classify

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = error_messages.TEMPLATES


def _extractor() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "extract_error_messages", ROOT / "scripts" / "extract_error_messages.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def extractor() -> ModuleType:
    return _extractor()


@pytest.fixture
def french() -> Iterator[None]:
    assert i18n.install("fr")
    try:
        yield
    finally:
        i18n.install("en")


# -- the catalogue ---------------------------------------------------------------------------

def test_the_catalogue_is_current_and_every_template_is_a_literal(extractor) -> None:
    found = extractor.collect()
    assert found.problems == [], "\n".join(found.problems)
    assert found.sites > 250 and len(found.templates) > 250
    generated = extractor.render(list(found.templates))
    assert extractor.OUTPUT.read_text(encoding="utf-8") == generated, \
        "run scripts/extract_error_messages.py (scripts/update-translations.sh does)"
    assert set(TEMPLATES) == set(found.templates)


def test_the_extractor_refuses_what_it_cannot_read(extractor, tmp_path: Path) -> None:
    """Each way a message could escape the translators is reported with its line; the forms
    it can read are collected."""
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "errors.py").write_text("class KnownError(Exception):\n    pass\n\n\n"
                                       "class Deep(KnownError):\n    pass\n")
    (package / "sites.py").write_text('''from .errors import Deep, KnownError

WHOLE = {"a": "First {n}.", "b": "Second {n}."}
ONE = "A constant."


class Deeper(Deep):
    pass


def sites(name, n, exc, flag):
    raise KnownError(f"Hello {name}.")                 # 12 f-string
    raise Deeper("Hello " + name)                      # 13 concatenation
    raise KnownError(name)                             # 14 variable
    raise KnownError("Hello {name}.")                  # 15 value missing
    raise KnownError("Hello.", name=name)              # 16 value unused
    raise KnownError("Hello {}.", name)                # 17 positional placeholder
    raise KnownError("Hi {name.upper}.", name=name)    # 18 attribute in a placeholder
    raise KnownError()                                 # 19 no template
    raise Deeper("Fine {name}.", name=name)
    raise KnownError(WHOLE[flag], n=n)
    raise KnownError(ONE)
    raise KnownError("Yes." if flag else "No.")
    raise Deep(exc.template, **exc.params)
''')
    found = extractor.collect(package)
    lines = sorted({int(re.search(r"sites\.py:(\d+)", p).group(1)) for p in found.problems})
    assert lines == list(range(12, 20)), found.problems
    assert set(found.templates) == {"Fine {name}.", "First {n}.", "Second {n}.",
                                    "A constant.", "Yes.", "No.", "Hello {name}.", "Hello."}


def test_lupdate_reads_every_template_of_the_generated_module(tmp_path: Path) -> None:
    tool = Path(sys.executable).parent / "pyside6-lupdate"
    found = str(tool) if tool.exists() else shutil.which("pyside6-lupdate")
    if not found:
        pytest.fail("pyside6-lupdate is missing (it ships with PySide6)")
    ts = tmp_path / "errors.ts"
    subprocess.run([found, "-silent", "-locations", "none", "-extensions", "py",
                    error_messages.__file__, "-ts", str(ts)], check=True, cwd=ROOT)
    root = ET.parse(ts).getroot()
    read = [(c.findtext("name"), m.findtext("source"))
            for c in root.iter("context") for m in c.iter("message")]
    assert sorted(read) == sorted(("KnownError", t) for t in TEMPLATES)


# -- error_text ------------------------------------------------------------------------------

def _fields(template: str) -> list[tuple[str, str]]:
    return [(name, spec) for _, name, spec, _ in string.Formatter().parse(template)
            if name is not None]


@st.composite
def filled(draw: st.DrawFn) -> KnownError:
    """A catalogued template with values of the kinds the raise sites give."""
    template = draw(st.sampled_from(TEMPLATES))
    values: dict[str, object] = {}
    for name, spec in _fields(template):
        if name in values:
            continue
        if spec:  # "{minimum:g}": a number
            values[name] = draw(st.floats(allow_nan=False, allow_infinity=False))
        else:
            values[name] = draw(st.one_of(
                st.integers(), st.text(max_size=20),
                st.builds(lambda p: Path("/tmp") / p, st.from_regex(r"[a-z]{1,8}\.age",
                                                                   fullmatch=True))))
    return KnownError(template, **values)


@settings(max_examples=400, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(exc=filled())
def test_in_english_the_ui_shows_the_command_line_message(exc: KnownError) -> None:
    assert error_text(exc) == exc.message == str(exc)


@settings(max_examples=400, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(exc=filled())
def test_in_french_every_template_is_translated_and_keeps_its_values(french,
                                                                     exc: KnownError) -> None:
    shown = error_text(exc)
    translated = QCoreApplication.translate("KnownError", exc.template)
    assert translated != exc.template
    assert shown == translated.format(**exc.params)
    for name, spec in _fields(exc.template):
        value = exc.params[name]
        assert format(value, spec) in shown or repr(value) in shown


def test_a_wrapped_error_is_translated_too(french) -> None:
    inner = ProfileError("{key}: unknown key.", key="cycle.monts")
    outer = ProfileError("{file}: {error}", file="bacp.toml", error=inner)
    assert outer.message == "bacp.toml: cycle.monts: unknown key."
    assert error_text(outer) == "bacp.toml\u00a0: cycle.monts\u00a0: clé inconnue."


def test_an_untranslated_or_foreign_template_shows_its_english(french) -> None:
    exc = KnownError("Not in the catalogue {n}.", n=3)
    assert error_text(exc) == "Not in the catalogue 3."


# -- what a French user sees -----------------------------------------------------------------

def test_adding_a_client_whose_pseudonym_is_taken(qtbot, db, french) -> None:
    from supervision_journal.ui.client_dialog import ClientDialog

    store.add_client(db, "Azalée")
    dialog = ClientDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.pseudonym.setText("azalée")  # the same pseudonym: case does not count
    dialog.accept()
    assert dialog.isVisible() and dialog.error.isVisible()
    assert dialog.error.text() == "Un autre client porte déjà ce pseudonyme."
    assert "pseudonym." not in dialog.error.text()
    assert [c.pseudonym for c in store.list_clients(db)] == ["Azalée"]


def test_a_custom_profile_with_an_unknown_key(qtbot, db, french) -> None:
    from supervision_journal.ui.hours.profiles_dialog import CustomProfileDialog

    dialog = CustomProfileDialog(db, "fr")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.editor.setPlainText(profile_text("custom").replace("months = 12", "monts = 12"))
    dialog.check()
    assert dialog.verdict.text() == "Pas encore valide\u00a0: cycle.monts\u00a0: clé inconnue."
    assert "unknown key" not in dialog.verdict.text()
    assert not dialog.save_button.isEnabled()


def test_a_sealed_file_gone_before_it_was_read(qtbot, tmp_path: Path, french) -> None:
    from supervision_journal.ui.export.viewer import SealedViewer

    viewer = SealedViewer()
    qtbot.addWidget(viewer)
    viewer.show()
    viewer.open_file(str(tmp_path / "supervision-20261127-ab12.md.age"))  # not there
    assert viewer.status.text() == ("Impossible de lire le fichier chiffré\u00a0: Le fichier "
                                    "ne peut pas être lu (absent, ou pas d’autorisation).")
    assert "cannot be read" not in viewer.status.text()


def test_a_full_disk_while_saving_a_note(qtbot, vault, db, monkeypatch, french) -> None:
    """SQLite's full-disk error, as the vault turns it into a DiskFull, in the main window's
    error box; the text typed stays in the editor."""
    from supervision_journal.ui.main_window import MainWindow

    full = classify(sqlite3.OperationalError("database or disk is full"))
    assert isinstance(full, DiskFull)
    client = store.add_client(db, "Azalée")
    store.add_session(db, client.id, date(2026, 1, 12))
    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.show()
    window.clients_panel.select_client(client.id)

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise full

    monkeypatch.setattr(store, "save_sections", disk_full)
    plan = window.editor.section("plan")
    plan.focus_text()
    plan.edit.insertPlainText("des mots à garder")
    with pytest.raises(DiskFull):
        window.flush()
    box = window.error_box
    assert box is not None and box.isVisible()
    assert box.text() == "Vos dernières modifications n’ont pas pu être enregistrées."
    assert "Le disque est plein\u00a0: la dernière modification n’a pas été enregistrée." \
        in box.informativeText()
    assert full.message not in box.informativeText() and "disk" not in box.informativeText()
    assert plan.text() == "des mots à garder"
    box.close()
    monkeypatch.undo()
    window.flush()


# -- why the system refused ----------------------------------------------------------------

def _refused_write(tmp_path: Path) -> KnownError:
    from supervision_journal.vault.atomic import write_atomic

    (tmp_path / "not-a-folder").write_bytes(b"")
    with pytest.raises(KnownError) as caught:
        write_atomic(tmp_path / "not-a-folder" / "journal.keys", b"data")
    return caught.value


def test_the_system_reason_stays_the_systems_in_english(tmp_path: Path) -> None:
    exc = _refused_write(tmp_path)
    assert exc.message == "Could not write journal.keys: Not a directory."  # the CLI's text
    assert error_text(exc) == exc.message


def test_the_system_reason_is_said_in_french(tmp_path: Path, french) -> None:
    exc = _refused_write(tmp_path)
    assert error_text(exc) == "journal.keys n’a pas pu être écrit\u00a0: ce n’est pas un dossier."


def test_attaching_a_file_that_is_gone(qtbot, db, tmp_path: Path, french) -> None:
    from supervision_journal.ui.hours.activity_dialog import ActivityDialog

    dialog = ActivityDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.attach_file(tmp_path / "certificat.pdf")
    assert dialog.error.isVisible()
    assert dialog.error.text().endswith("fichier ou dossier introuvable")
    assert "No such file" not in dialog.error.text()
