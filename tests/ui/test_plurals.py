"""Counts read right in both languages: "1 entry added" / "2 entries added", "1 entrée
ajoutée" / "2 entrées ajoutées", and French's singular for 0 ("0 réflexion"). Qt picks the form
from the number (``tr("%n entries added.", "", n)``); English needs its own small catalogue of
plural forms for that, French has them in its catalogue.

Driven through the widgets (ledger, dashboard, privacy page); then the catalogues: every plural
message has all its forms in both languages, the sources hold no plural lupdate cannot see, no
count is glued to an English plural outside Qt's plurals, and the English catalogue the app
loads is current. French month names stay lower-case inside a sentence.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, Qt

from helpers.hours_support import populate_ledger
from supervision_journal.hours import store as hours
from supervision_journal.journal import store
from supervision_journal.privacy.models import ErasureCounts
from supervision_journal.ui import i18n
from supervision_journal.ui.hours import settings
from supervision_journal.ui.hours.page import HoursPage
from supervision_journal.ui.hours.recurring_dialog import RecurringDialog
from supervision_journal.ui.main_window import MainWindow
from supervision_journal.ui.privacy.erase_dialog import counts_text
from supervision_journal.ui.privacy.page import PrivacyPage

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = ROOT / "resources" / "translations"
EN_TS = CATALOGUES / "supervision_journal_en.ts"
FR_TS = CATALOGUES / "supervision_journal_fr.ts"
UI = ROOT / "src" / "supervision_journal" / "ui"
NBSP = "\u00a0"


@pytest.fixture(params=["en", "fr"])
def lang(request: pytest.FixtureRequest) -> Iterator[str]:
    assert i18n.install(request.param)
    yield request.param
    i18n.install("en")


def _page(qtbot, vault, today: date) -> HoursPage:
    page = HoursPage(vault, today=today)
    qtbot.addWidget(page)
    page.resize(1180, 760)
    page.show()
    qtbot.waitExposed(page)
    return page


# -- the widgets ---------------------------------------------------------------------------------

LEDGER = {
    "en": {"create1": "Create 1 entry", "preview1": "1 entry, on a Tuesday, from",
           "added1": "1 entry added.", "total1": "1 entry · 1:30 (1.5 h)",
           "create2": "Create 2 entries", "preview2": "2 entries, each on a Tuesday, from",
           "added2": "2 entries added.", "total3": "3 entries · 4:30 (4.5 h)",
           "shown1of1": "0 of 1 entry · 0:00 (0.0 h)", "shown1of3": "1 of 3 entries · 1:30"},
    "fr": {"create1": "Créer 1 entrée", "preview1": "1 entrée, un mardi, du",
           "added1": "1 entrée ajoutée.", "total1": "1 entrée · 1:30 (1,5 h)",
           "create2": "Créer 2 entrées", "preview2": "2 entrées, chacune un mardi, du",
           "added2": "2 entrées ajoutées.", "total3": "3 entrées · 4:30 (4,5 h)",
           "shown1of1": "0 sur 1 entrée · 0:00 (0,0 h)", "shown1of3": "1 sur 3 entrées · 1:30"},
}


def _recurring(qtbot, page: HoursPage, first: date, last: date) -> RecurringDialog:
    page.ledger.add_recurring()
    dialog = page.ledger.dialog
    assert isinstance(dialog, RecurringDialog)
    qtbot.waitExposed(dialog)
    dialog.provider.setText("Dr Hart")
    dialog.duration.setText("1:30")
    dialog.weeks.setValue(1)
    dialog.first.setDate(QDate(first.year, first.month, first.day))
    dialog.last.setDate(QDate(last.year, last.month, last.day))
    return dialog


def test_ledger_entries_one_then_two(qtbot, vault, db, lang) -> None:
    """Recurring entries: the button, the preview, the message once they are added and the
    totals line under the ledger agree with 1 and with 2."""
    words = LEDGER[lang]
    page = _page(qtbot, vault, date(2026, 11, 20))
    page.tabs.setCurrentWidget(page.ledger)
    tuesday = date(2026, 1, 6)

    dialog = _recurring(qtbot, page, tuesday, tuesday)
    assert dialog.ok_button.text() == words["create1"]
    assert dialog.preview.text().startswith(words["preview1"])
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.ledger.dialog is None)
    assert page.ledger.message.text() == words["added1"]
    assert page.ledger.totals.text() == words["total1"]
    page.ledger.show_ids([])  # nothing of the one entry shown
    assert page.ledger.totals.text() == words["shown1of1"]
    page.ledger.show_ids(None)

    dialog = _recurring(qtbot, page, tuesday + timedelta(weeks=1), tuesday + timedelta(weeks=2))
    assert dialog.ok_button.text() == words["create2"]
    assert dialog.preview.text().startswith(words["preview2"])
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.ledger.dialog is None)
    assert page.ledger.message.text() == words["added2"]
    assert page.ledger.totals.text() == words["total3"]
    first = hours.list_activities(db)[0].id
    page.ledger.show_ids([first])
    assert page.ledger.totals.text().startswith(words["shown1of3"])
    page.close()


DASHBOARD = {  # days left; the CPD count of BABCP (5 activities a year) for 0, 1 and 2
    "en": {1: ("1 day left.", "1 activity of 5 activities"),
           2: ("2 days left.", "2 activities of 5 activities"),
           0: (None, "0 activities of 5 activities")},
    "fr": {1: ("1 jour restant.", "1 activité sur 5 activités"),
           2: ("2 jours restants.", "2 activités sur 5 activités"),
           0: (None, "0 activité sur 5 activités")},
}


@pytest.mark.parametrize("n", [0, 1, 2])
def test_dashboard_days_left_and_activity_count(qtbot, vault, db, lang, n) -> None:
    """BABCP's yearly cycle from 1 January: on 31 December one day is left, on 30 December
    two; its CPD requirement counts activities."""
    settings.set_chosen(db, ["babcp"])
    settings.set_anchor(db, "babcp", date(2026, 1, 1))
    for i in range(n):
        hours.add_activity(db, "reading", date(2026, 3, 1 + i), 60, title=f"Book {i}")
    today = date(2026, 12, 31) if n < 2 else date(2026, 12, 30)
    page = _page(qtbot, vault, today)
    board = page.dashboard
    assert board.data is not None and board.data.profile.id == "babcp"
    days, activities = DASHBOARD[lang][n]
    if days is not None:
        assert board.cycle_line.text().endswith(" " + days)
    amounts = board.bars["cpd_activities"].accessibleDescription().split(" · ")[0]
    assert amounts == activities
    page.close()


def test_periods_met_agree_with_the_number_of_periods(qtbot, vault, db, lang) -> None:
    """'9 of 10 months met': the noun follows the total (10 judged months)."""
    populate_ledger(db)
    settings.set_chosen(db, ["bacp-accredited"])
    settings.set_anchor(db, "bacp-accredited", date(2026, 1, 1))
    page = _page(qtbot, vault, date(2026, 11, 20))
    amounts = page.dashboard.bars["monthly_supervision"].accessibleDescription()
    assert amounts.split(" · ")[0] == {"en": "9 of 10 months met",
                                       "fr": "9 sur 10 mois atteints"}[lang]
    page.close()


def test_french_months_are_lower_case_inside_a_sentence(qtbot, vault, db, lang) -> None:
    """'Octobre 2026 : …' opens a line; '… : août 2026.' and the chart's title keep the month
    lower-case in French (English capitalises month names everywhere)."""
    populate_ledger(db)
    settings.set_chosen(db, ["bacp-accredited"])
    settings.set_anchor(db, "bacp-accredited", date(2026, 1, 1))
    page = _page(qtbot, vault, date(2026, 11, 20))
    board = page.dashboard
    shortfall, exempt = board.short_labels["monthly_supervision"].text().splitlines()
    title = board.chart_title.text()
    if lang == "fr":
        assert shortfall == (f"Octobre 2026{NBSP}: 1,0 h (supervision reçue) "
                             "pour un minimum de 1,5 h")
        assert exempt.endswith(f"{NBSP}: août 2026.")
        assert re.search(r"par mois, [a-zéû]+ \d{4} – [a-zéû]+ \d{4} ", title), title
    else:
        assert shortfall.startswith("October 2026: ")
        assert exempt.endswith(": August 2026.")
        assert re.search(r"per month, [A-Z][a-z]+ \d{4} to [A-Z][a-z]+ \d{4} ", title), title
    page.close()


RETENTION = {
    "en": {1: ("The default retention period is now 1 year.",
               "1 year after the last session (the default)"),
           2: ("The default retention period is now 2 years.",
               "2 years after the last session (the default)")},
    "fr": {1: ("La durée de conservation par défaut est désormais de 1 an.",
               "1 an après la dernière séance (durée par défaut)"),
           2: ("La durée de conservation par défaut est désormais de 2 ans.",
               "2 ans après la dernière séance (durée par défaut)")},
}


def test_privacy_retention_years(qtbot, vault, db, lang) -> None:
    client = store.add_client(db, "Azalée")
    store.add_session(db, client.id, date.today() - timedelta(days=1))
    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_page("privacy")
    page = window.findChild(PrivacyPage)
    assert page is not None
    for years in (1, 2):
        page.default_years.setValue(years)
        qtbot.mouseClick(page.default_save, Qt.MouseButton.LeftButton)
        saved, policy = RETENTION[lang][years]
        assert page.default_years.text() == {"en": f"{years} year", "fr": f"{years} an"}[lang] \
            + ("s" if years > 1 else "")  # the spin box's unit agrees too
        assert page.status.text() == saved
        assert page.select_client(client.id)
        assert policy in page.policy_label.text()
    window.flush()


def test_what_an_erasure_removes(lang) -> None:
    """Four counts in one list, each with its own plural, joined the locale's way."""
    text = counts_text(ErasureCounts(sessions=1, sections=2, reflections=0, identity_terms=1))
    assert text == {
        "en": "1 session, 2 note sections, 0 reflections, and 1 identity detail",
        "fr": "1 séance, 2 sections de notes, 0 réflexion et 1 donnée d’identité",
    }[lang]


# -- the catalogues -------------------------------------------------------------------------------

def _numerus(ts: Path) -> dict[tuple[str, str], tuple[ET.Element, list[str]]]:
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            if message.get("numerus") != "yes":
                continue
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.findall("numerusform")]
            out[(name, message.findtext("source") or "")] = (translation, forms)
    return out


def _placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"%(?:\d|n)", text))


def test_every_plural_message_has_all_its_forms_in_both_catalogues() -> None:
    english, french = _numerus(EN_TS), _numerus(FR_TS)
    assert len(english) >= 30, "the English catalogue lost its plural messages"
    assert set(english) == set(french), "run scripts/update-translations.sh"
    problems = []
    for (context, source), (translation, forms) in english.items():
        where = f"{context}: {source!r}"
        if translation.get("type") is not None or len(forms) != 2 or not all(forms):
            problems.append(f"{where}: English needs its 2 forms, finished")
            continue
        # The singular may say "One …" instead of "%n"; every other placeholder stays.
        if _placeholders(forms[1]) != _placeholders(source) or \
                [p for p in _placeholders(forms[0]) if p != "%n"] != \
                [p for p in _placeholders(source) if p != "%n"]:
            problems.append(f"{where}: English placeholders differ")
    for (context, source), (translation, forms) in french.items():
        where = f"{context}: {source!r}"
        if translation.get("type") is not None or len(forms) != 2 or not all(forms):
            problems.append(f"{where}: French needs its 2 forms (0-1, 2+), finished")
        elif any(_placeholders(f) != _placeholders(source) for f in forms):
            problems.append(f"{where}: French placeholders differ (0 uses the singular)")
    assert not problems, "\n".join(problems)


def _plural_literals() -> set[str]:
    """Every string literal holding %n passed to a call in the UI sources (tr, translate…):
    each one is a Qt plural."""
    found = set()
    for path in UI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                found |= {arg.value for arg in node.args if isinstance(arg, ast.Constant)
                          and isinstance(arg.value, str) and "%n" in arg.value}
    return found


def test_no_plural_is_hidden_from_lupdate() -> None:
    """PySide6's lupdate reads a plural only from ``tr(text, "", n)``; a %n message written
    another way is missing from the catalogues and would show untranslated."""
    in_catalogue = {source for _context, source in _numerus(FR_TS)}
    missing = sorted(_plural_literals() - in_catalogue)
    assert not missing, f"use self.tr(text, '', n) for: {missing}"


# A number before an English plural noun, outside Qt's plurals, reads "1 entries".
GLUED = re.compile(r"%\d (?:[\w-]+ ){0,2}?(?:entries|activities|sessions|years|days|backups|"
                   r"reflections|pages|problems|clients|requirements|months|quarters|details|"
                   r"sections|results|questions|names|hours|minutes|weeks|items|files)\b"
                   r"|\w\(s\)")
NEVER_ONE = {  # counts that are never 1, and why
    ("PatternsView", "%1 (%2 sessions)"),  # recurring(): three sessions or more
    ("RecurringDialog", "That is more than %1 entries: choose a nearer last date."),  # a limit
    ("SearchPanel", "The first %1 results, best first."),  # RESULT_LIMIT
}


def test_no_count_glued_to_an_english_plural() -> None:
    glued = []
    for context in ET.parse(FR_TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        if name == "KnownError":  # error templates: named {values}, worded with the CLI's
            continue
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            if message.get("numerus") != "yes" and GLUED.search(source) and \
                    (name, source) not in NEVER_ONE:
                glued.append(f"{name}: {source!r}")
    assert not glued, "make these Qt plurals (%n):\n" + "\n".join(glued)


def _tool(name: str) -> str:
    local = Path(sys.executable).parent / name
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        pytest.fail(f"{name} is missing (it ships with PySide6)")
    return found


def test_english_catalogue_is_current_and_compiled(tmp_path: Path) -> None:
    fresh = tmp_path / "en.ts"
    sources = sorted(str(p) for p in UI.rglob("*.py"))
    subprocess.run([_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                    "-extensions", "py", "-pluralonly", "-source-language", "en",
                    "-target-language", "en", *sources, "-ts", str(fresh)], check=True, cwd=ROOT)
    assert set(_numerus(fresh)) == set(_numerus(EN_TS)), "run scripts/update-translations.sh"
    qm = tmp_path / "en.qm"
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(EN_TS), "-qm", str(qm)],
                   check=True)
    assert qm.read_bytes() == EN_TS.with_suffix(".qm").read_bytes(), \
        "run scripts/update-translations.sh"


@pytest.mark.parametrize(("language", "ts"), [("en", EN_TS), ("fr", FR_TS)])
def test_installed_catalogue_gives_each_form(qapp, language: str, ts: Path) -> None:
    """The packaged catalogue, loaded as the app loads it, answers 1 with the first form and 2
    with the second (and French 0 with the first)."""
    assert i18n.catalogue_path(language), f"the {language} catalogue is not in the package"
    try:
        assert i18n.install(language)
        wrong = []
        for (context, source), (_translation, forms) in _numerus(ts).items():
            cases = [(1, 0), (2, 1)] + ([(0, 0)] if language == "fr" else [])
            for n, form in cases:
                got = QCoreApplication.translate(context, source, "", n)
                if got != forms[form].replace("%n", str(n)):
                    wrong.append(f"{context}: {source!r} n={n} -> {got!r}")
        assert not wrong, "\n".join(wrong)
    finally:
        i18n.install("en")
    assert QCoreApplication.translate("LedgerView", "%n entries added.", "", 1) == \
        "1 entry added."
