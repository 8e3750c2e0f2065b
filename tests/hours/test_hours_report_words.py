"""The renewal report reads right in English and French: every count agrees with its noun for 0,
1 and 2 (French takes the singular for 0 and 1), and every French word the report can write, and
every French text of the shipped profiles, follows French typography (’, a no-break space
before « : ; ! ? » and inside « »), as the Qt catalogue does (tests/ui/test_translations.py).

Ledgers are built in memory: the words depend on the figures, not on the vault."""

from __future__ import annotations

import dataclasses
import html
import importlib.resources
import re
import tomllib
from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from helpers.typography import french_problems
from supervision_journal.hours import labels
from supervision_journal.hours.models import ACTIVITY_KINDS, Activity
from supervision_journal.hours.profiles import load_profiles, parse_profile
from supervision_journal.hours.report import RenewalReport, build_report

NBSP = "\u00a0"
START = date(2026, 1, 1)  # BACP and BABCP: yearly cycles, here from 1 January 2026
PROFILES = load_profiles()


def _same(text: str) -> str:
    return text


def _ledger(n: int) -> list[Activity]:
    """n of everything that is counted: n CPD trainings (BABCP counts activities), n group
    supervisions without a group size, client work in n months (January, February…) with no
    supervision that counts, so n months fall short under BACP's monthly minimum."""
    activities = []
    for i in range(n):
        month = date(2026, i + 1, 1)
        activities += [
            Activity(10 + i, "training", month + timedelta(days=4), 120, title="Atelier"),
            Activity(20 + i, "supervision", month + timedelta(days=9), 90, format="group"),
            Activity(30 + i, "client_practice", month + timedelta(days=19), 600),
        ]
    return activities


def _as_of_days_left(n: int) -> date:
    """The day from which n days are left in the cycle (today included; 0: the cycle is over)."""
    return date(2027, 1, 1) - timedelta(days=n)


def _report(profile_id: str, n: int, language: str) -> RenewalReport:
    return build_report(PROFILES[profile_id], _ledger(n), START, _as_of_days_left(n), language,
                        _same)


def _html_text(report: RenewalReport) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", report.to_html()))


EXPECTED = {  # n: phrases of the BACP report, then the BABCP row that counts activities
    "en": {
        0: ("0 days left in the cycle", None, None,
            "| CPD activities in the year | 0 activities | 5 activities | not met |"),
        1: ("1 day left in the cycle",
            "1 group or peer supervision has no group size and counts for nothing until its "
            "size is filled in.",
            "not met: 1 of 1 period short",
            "| CPD activities in the year | 1 activity | 5 activities | not met |"),
        2: ("2 days left in the cycle",
            "2 group or peer supervisions have no group size and count for nothing until their "
            "size is filled in.",
            "not met: 2 of 2 periods short",
            "| CPD activities in the year | 2 activities | 5 activities | not met |"),
    },
    "fr": {
        0: ("0 jour restant dans le cycle", None, None,
            "| Activités de formation continue dans l’année | 0 activité | 5 activités | "
            "non atteint |"),
        1: ("1 jour restant dans le cycle",
            "1 supervision de groupe ou entre pairs n’a pas de taille de groupe et ne compte pas "
            "tant que celle-ci n’est pas renseignée.",
            f"non atteint{NBSP}: 1 période sur 1 en deçà",
            "| Activités de formation continue dans l’année | 1 activité | 5 activités | "
            "non atteint |"),
        2: ("2 jours restants dans le cycle",
            "2 supervisions de groupe ou entre pairs n’ont pas de taille de groupe et ne "
            "comptent pas tant que celle-ci n’est pas renseignée.",
            f"non atteint{NBSP}: 2 périodes sur 2 en deçà",
            "| Activités de formation continue dans l’année | 2 activités | 5 activités | "
            "non atteint |"),
    },
}


@pytest.mark.parametrize("n", [0, 1, 2])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_counts_read_right_for_0_1_and_2(language: str, n: int) -> None:
    days, unsized, status, activities_row = EXPECTED[language][n]
    bacp = _report("bacp-accredited", n, language)
    assert bacp.progress.days_left == n and len(bacp.progress.unsized_groups) == n
    markdown, page = bacp.to_markdown(), _html_text(bacp)
    for text in (markdown, page):
        assert days in text
        assert "(s)" not in text and "(es)" not in text
        if unsized is None:
            assert "group size" not in text and "taille de groupe" not in text
        else:
            assert unsized in text
        if status is None:  # no month with client work: nothing fell short
            assert "short" not in text and "en deçà" not in text
        else:
            assert status in text
    if status is not None:  # the status closes the requirement's row
        assert f" | {status} |" in markdown
    babcp = _report("babcp", n, language).to_markdown()
    assert activities_row in babcp.splitlines()


@pytest.mark.parametrize(("language", "status", "line"), [
    ("en", "not met: 1 of 2 periods short",
     "- Supervision every calendar month — February 2026: 0 h counted, 1.5 h needed"),
    ("fr", f"non atteint{NBSP}: 1 période sur 2 en deçà",
     f"- Supervision chaque mois civil — février 2026{NBSP}: 0 h pour un minimum de 1,5 h"),
])
def test_one_month_short_of_two(language: str, status: str, line: str) -> None:
    """English agrees with the months judged, French with the months short."""
    ledger = [*_ledger(2), Activity(99, "supervision", date(2026, 1, 12), 90,
                                    format="individual")]
    report = build_report(PROFILES["bacp-accredited"], ledger, START, date(2026, 12, 31),
                          language, _same)
    markdown = report.to_markdown()
    assert f"| {status} |" in markdown
    assert line in markdown.splitlines()
    # January was met: it is not listed among the months short.
    assert "January 2026:" not in markdown and f"janvier 2026{NBSP}:" not in markdown


@pytest.mark.parametrize(("language", "label"), [("en", "Signature: _"),
                                                  ("fr", f"Signature{NBSP}: _")])
def test_labels_take_the_colon_of_their_language(language: str, label: str) -> None:
    ledger = [Activity(1, "training", date(2026, 3, 2), 60, categories=("ethique",))]
    report = build_report(PROFILES["babcp"], ledger, START, date(2026, 6, 1), language, _same)
    for text in (report.to_markdown(), _html_text(report)):
        assert label in text
        assert " : " not in text  # never an ordinary space before a colon
    categories = "Categories: ethique" if language == "en" else f"Catégories{NBSP}: ethique"
    assert categories in report.to_markdown() and categories in _html_text(report)
    assert report.document_title == ("Renewal report" if language == "en"
                                     else "Rapport de renouvellement")


@pytest.mark.parametrize(("count", "en", "fr"), [
    (0, "other", "one"), (1, "one", "one"), (1.5, "other", "one"), (2, "other", "other"),
    (21, "other", "other"),
])
def test_the_plural_helper(count: float, en: str, fr: str) -> None:
    assert labels.plural(count, "en", "one", "other") == en
    assert labels.plural(count, "fr", "one", "other") == fr
    assert labels.plural(count, "fr_CA", "one", "other") == fr


# -- French typography ------------------------------------------------------------------------
def _typography(text: str) -> list[str]:
    return french_problems(text)


def _french_words() -> Iterator[tuple[str, str]]:
    """Every French string the report's word tables can give."""
    for table in ("KINDS", "WORDS"):
        for key, (_en, fr) in getattr(labels, table).items():
            yield f"{table}[{key}]", fr
    for key, (_en, (one, other, _n)) in labels.COUNTED.items():
        yield f"COUNTED[{key}] singular", one
        yield f"COUNTED[{key}] plural", other
    for i, (_en, fr) in enumerate(labels.MONTHS):
        yield f"MONTHS[{i}]", fr
    yield "colon", f"Date{labels.colon('fr')}"
    for label in ("2026-10", "2026-Q4", "2026", "2027-03-01/2028-02-29"):
        yield f"period {label}", labels.period_words(label, "fr")
    for kind in ACTIVITY_KINDS:
        yield f"kind {kind}", labels.kind_label(kind, "fr")


def test_the_word_tables_are_complete_and_distinct_in_french() -> None:
    words = dict(_french_words())
    assert len(words) > 60
    assert all(text.strip() for text in words.values())
    assert set(labels.KINDS) == set(ACTIVITY_KINDS)
    for key, ((en_one, en_other, n), (fr_one, fr_other, m)) in labels.COUNTED.items():
        assert en_one != en_other and fr_one != fr_other, key
        assert f"%{n}" in en_one and f"%{m}" in fr_one, key


def test_french_typography_of_the_report_words() -> None:
    problems = [f"{where}: {text!r}: {what}" for where, text in _french_words()
                for what in _typography(text)]
    assert not problems, "\n".join(problems)


def _data_masked(profile_id: str):
    # A body's name and source address are data in their own language, not French words.
    return dataclasses.replace(PROFILES[profile_id], body="Organisme", source="adresse")


@pytest.mark.parametrize("profile_id", sorted(PROFILES))
def test_french_typography_of_a_whole_report(profile_id: str) -> None:
    """A French report of every shipped profile, with shortfalls, groups without a size,
    categories, reflections and notes of client work: French words only, typeset."""
    ledger = [*_ledger(2), Activity(-1, "client_practice", date(2026, 3, 31), 300),
              Activity(50, "training", date(2026, 3, 3), 90, title="Séminaire",
                       categories=("éthique",), learning="L’écoute", impact="Plus d’attention")]
    report = build_report(_data_masked(profile_id), ledger, START, date(2026, 12, 30), "fr",
                          _same)
    for name, text in (("md", report.to_markdown()), ("html", _html_text(report))):
        text = re.sub(r"\*\*|\|", "", text)  # Markdown marks
        problems = [f"{line!r}: {what}" for line in text.splitlines()
                    for what in _typography(line)]
        assert not problems, (profile_id, name, problems)


# -- The profiles -----------------------------------------------------------------------------
def _profile_files() -> dict[str, str]:
    folder = importlib.resources.files("supervision_journal.resources") / "profiles"
    return {entry.name: entry.read_text(encoding="utf-8") for entry in folder.iterdir()
            if entry.name.endswith(".toml")}


def _french_texts(node: object, where: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        if isinstance(node.get("fr"), str):
            yield where, node["fr"]
        for key, value in node.items():
            yield from _french_texts(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _french_texts(value, f"{where}[{i}]")


def test_every_profile_file_loads() -> None:
    files = _profile_files()
    assert len(files) == len(PROFILES) >= 10
    for name, text in files.items():
        profile = parse_profile(text)
        assert f"{profile.id}.toml" == name
        assert profile.name.fr and profile.name.en
        assert profile.notes is not None and profile.notes.fr and profile.notes.en, name


def test_french_typography_of_the_profiles() -> None:
    problems, seen = [], 0
    for name, text in sorted(_profile_files().items()):
        for where, french in _french_texts(tomllib.loads(text)):
            seen += 1
            problems += [f"{name}{where}: {french[:60]!r}…: {what}"
                         for what in _typography(french)]
    assert seen > 50  # names of profiles, categories, requirements, units and the notes
    assert not problems, "\n".join(problems)


def test_the_profiles_keep_their_no_break_spaces_through_an_editor() -> None:
    """The custom-profile editor is a QPlainTextEdit, whose plain text turns U+00A0 into a
    space: the profiles spell it as the TOML escape so that a copy keeps it."""
    for name, text in _profile_files().items():
        assert NBSP not in text, name
    notes = PROFILES["bacp-accredited"].notes
    assert notes is not None and f"acceptés{NBSP}: l’application" in notes.fr
