"""The Qt-free helpers behind the Hours page: durations as typed, recurring dates, the choices
kept in the vault (followed bodies, cycle anchors, the custom profile), the dashboard's data,
and the ledger's attachment counts."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from supervision_journal.hours import store
from supervision_journal.hours.models import Activity
from supervision_journal.hours.profiles import ProfileError, load_profiles, profile_text
from supervision_journal.journal import store as journal
from supervision_journal.ui.hours import settings
from supervision_journal.ui.hours.duration import format_duration, parse_duration
from supervision_journal.ui.hours.recurrence import MAX_OCCURRENCES, every_n_weeks
from supervision_journal.ui.hours.summary import (
    cycle_starts,
    dashboard_data,
    default_anchor,
)


@pytest.mark.parametrize(("text", "minutes"), [
    ("1:30", 90), ("1h30", 90), ("1 h 30", 90), ("0:45", 45), ("1.5", 90), ("1,5", 90),
    ("2", 120), ("2 h", 120), ("2h", 120), ("90 min", 90), ("90m", 90), ("7:00", 420),
    ("1:", 60), (" 3:05 ", 185), ("0", 0), ("1666:40", 100_000),
])
def test_durations_as_people_type_them(text: str, minutes: int) -> None:
    assert parse_duration(text) == minutes


@pytest.mark.parametrize("text", ["", "abc", "1:60", "1:75", "-1", "1.5.2", "1666:41",
                                  "100001 min", "h", ":30"])
def test_what_is_not_a_duration(text: str) -> None:
    assert parse_duration(text) is None


def test_durations_are_shown_as_hours_and_minutes() -> None:
    assert [format_duration(m) for m in (0, 5, 90, 420, 1501, 89.6)] == \
        ["0:00", "0:05", "1:30", "7:00", "25:01", "1:30"]


def test_every_other_tuesday() -> None:
    days = every_n_weeks(date(2026, 1, 6), date(2026, 6, 23), 2)
    assert len(days) == 13 and days[0] == date(2026, 1, 6) and days[-1] == date(2026, 6, 23)
    assert all((b - a).days == 14 for a, b in itertools.pairwise(days))
    assert every_n_weeks(date(2026, 1, 6), date(2026, 1, 5), 1) == []
    assert every_n_weeks(date(2026, 1, 6), date(2026, 1, 6), 3) == [date(2026, 1, 6)]
    too_many = every_n_weeks(date(2000, 1, 1), date(2030, 1, 1), 1)
    assert len(too_many) == MAX_OCCURRENCES + 1  # capped; the dialog refuses it
    with pytest.raises(ValueError):
        every_n_weeks(date(2026, 1, 1), date(2026, 2, 1), 0)


def test_choices_live_in_the_vault(db) -> None:
    assert settings.chosen(db) == [] and settings.anchor(db, "ukcp") is None
    settings.set_chosen(db, ["bacp-accredited", "icf-pcc", "bacp-accredited"])
    settings.set_anchor(db, "ukcp", date(2024, 3, 1))
    assert settings.chosen(db) == ["bacp-accredited", "icf-pcc"]
    assert settings.anchor(db, "ukcp") == date(2024, 3, 1)
    assert journal.get_setting(db, settings.CHOSEN_KEY) == ["bacp-accredited", "icf-pcc"]
    assert journal.get_setting(db, settings.ANCHORS_KEY) == {"ukcp": "2024-03-01"}


def test_the_custom_profile_replaces_the_shipped_example(db) -> None:
    assert settings.all_profiles(db)["custom"] == load_profiles()["custom"]
    text = profile_text("custom").replace("target = 20", "target = 35")
    saved = settings.save_custom(db, text)
    assert settings.custom_text(db) == text
    profiles = settings.all_profiles(db)
    assert profiles["custom"] == saved
    assert profiles["custom"].requirement("training").target == 35
    assert set(profiles) == set(load_profiles())


def test_a_renamed_custom_profile_keeps_its_choices(db) -> None:
    settings.save_custom(db, profile_text("custom"))
    settings.set_chosen(db, ["custom", "ukcp"])
    settings.set_anchor(db, "custom", date(2025, 9, 1))
    settings.save_custom(db, profile_text("custom").replace('id = "custom"', 'id = "mine"'))
    assert "mine" in settings.all_profiles(db) and "custom" not in settings.all_profiles(db)
    assert settings.chosen(db) == ["mine", "ukcp"]
    assert settings.anchor(db, "mine") == date(2025, 9, 1)


def test_an_invalid_custom_profile_is_refused_with_its_key(db) -> None:
    with pytest.raises(ProfileError, match=r"cycle\.monts: unknown key"):
        settings.save_custom(db, profile_text("custom").replace("months = 12", "monts = 12"))
    with pytest.raises(ProfileError, match="shipped profile"):
        settings.save_custom(db, profile_text("custom").replace('id = "custom"', 'id = "ukcp"'))
    assert settings.custom_text(db) is None


def _a(i: int, kind: str, on: date, minutes: int = 60) -> Activity:
    return Activity(i, kind, on, minutes)


def test_cycles_and_the_dashboard_data() -> None:
    ukcp = load_profiles()["ukcp"]  # five-year cycles
    activities = [_a(1, "training", date(2019, 4, 2), 600), _a(2, "reading", date(2026, 5, 1)),
                  _a(3, "client_practice", date(2026, 5, 1), 3000), _a(-1, "client_practice",
                                                                      date(2018, 1, 1), 50)]
    # the practice months derived from notes (negative ids) do not start cycles
    assert default_anchor(ukcp, activities, date(2026, 11, 20)) == date(2019, 4, 2)
    assert cycle_starts(ukcp, date(2019, 4, 2), date(2026, 11, 20)) == [date(2024, 4, 2),
                                                                         date(2019, 4, 2)]
    data = dashboard_data(ukcp, activities, date(2019, 4, 2), date(2026, 11, 20))
    assert data.progress.start == date(2024, 4, 2) and data.last_day == date(2029, 4, 1)
    # the chart covers the last 24 months up to today, without client practice
    assert data.months[0].month == date(2024, 12, 1)
    assert data.months[-1].month == date(2026, 11, 1)
    may = next(m for m in data.months if m.month == date(2026, 5, 1))
    assert may.hours == {"reading": 1.0}


def test_evidence_counts_for_the_whole_ledger(db) -> None:
    a = store.add_activity(db, "training", date(2026, 1, 1), 60)
    b = store.add_activity(db, "training", date(2026, 1, 2), 60)
    store.add_activity(db, "reading", date(2026, 1, 3), 60)
    for name in ("one.pdf", "two.png"):
        store.add_evidence(db, a.id, name, "application/pdf", b"x")
    store.add_evidence(db, b.id, "three.pdf", "application/pdf", b"")
    assert store.evidence_counts(db) == {a.id: 2, b.id: 1}


@pytest.mark.parametrize(("label", "language", "words"), [
    ("2026-10", "en", "October 2026"), ("2026-10", "fr", "octobre 2026"),
    ("2026-Q4", "en", "Q4 2026"), ("2026-Q4", "fr", "T4 2026"), ("2026", "fr", "2026"),
    ("2027-03-01/2028-02-29", "en", "from 1 March 2027 to 29 February 2028"),
    ("2027-03-01/2028-02-29", "fr", "du 1er mars 2027 au 29 février 2028"),
])
def test_report_periods_in_words(label: str, language: str, words: str) -> None:
    from supervision_journal.hours.labels import period_words

    assert period_words(label, language) == words
