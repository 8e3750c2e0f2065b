"""The renewal report contains no client data at all: registered pseudonyms and identity terms
typed into titles, providers, topic tags, "what I learned" and "impact", or into a custom
profile's names, are replaced by their role in every format (Markdown, CSV, HTML, PDF)."""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

import pytest

from helpers.hours_support import PLANTED, leaked, pdf_text, plant_activities, plant_clients
from supervision_journal.export.redact import redactor
from supervision_journal.hours import store as hours
from supervision_journal.hours.practice import with_practice
from supervision_journal.hours.profiles import load_profiles, parse_profile, profile_text
from supervision_journal.hours.report import build_report

TODAY = date(2026, 6, 30)


def _custom_with_names() -> str:
    text = profile_text("custom")
    text = text.replace('name = { en = "My own rules", fr = "Mes propres règles" }',
                        'name = { en = "Rules for Azalée", fr = "Règles de Jeannot" }')
    text = text.replace('body = "—"', 'body = "Usine Imaginaire"')
    return text.replace('name = { en = "Training over the cycle", fr = "Formation sur le cycle" }',
                        'name = { en = "Kestrel training", fr = "Formation Kestrel" }')


@pytest.fixture
def planted(db):
    plant_clients(db)
    plant_activities(db)
    return db


def _reports(db, language: str):
    activities = with_practice(db, hours.list_activities(db))
    redact = redactor(db)
    custom = parse_profile(_custom_with_names())
    for profile in [*load_profiles().values(), custom]:
        yield profile, build_report(profile, activities, date(2026, 1, 1), TODAY, language,
                                    redact)


def test_the_planted_names_are_really_in_the_ledger(planted) -> None:
    # Otherwise the test below would prove nothing.
    texts = " ".join(f"{a.title} {a.provider} {a.learning} {a.impact} {' '.join(a.categories)}"
                     for a in hours.list_activities(planted))
    assert set(leaked(texts)) == set(PLANTED)
    assert set(leaked(_custom_with_names())) >= {"Azalée", "Jeannot", "Kestrel",
                                                 "Usine Imaginaire"}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_no_client_data_in_markdown_csv_or_html(planted, language: str) -> None:
    for profile, report in _reports(planted, language):
        markdown = report.to_markdown()
        csv_text = report.to_csv()
        page = html.unescape(re.sub(r"<[^>]+>", " ", report.to_html()))
        for name, text in (("md", markdown), ("csv", csv_text), ("html", page)):
            assert leaked(text) == [], (profile.id, name)
            # The report still says what was done: the redaction is targeted, not a blank.
            assert "Winnicott" in text, (profile.id, name)
            assert "[client]" in text and "[employer]" in text, (profile.id, name)


def test_no_client_data_in_the_pdf(qapp, planted, tmp_path: Path) -> None:
    from supervision_journal.ui.pdf import html_to_pdf

    for profile, report in _reports(planted, "en"):
        path = tmp_path / f"{profile.id}.pdf"
        path.write_bytes(html_to_pdf(report.to_html(), title="Renewal report"))
        text = pdf_text(path)
        assert "Winnicott" in text, profile.id
        assert leaked(text) == [], profile.id
