"""Grandfather-father-son rotation: the newest backup of each of the last 7 days that have one,
of the last 4 ISO weeks and of the last 12 months. Examples worked out by hand, then
properties checked on random histories."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from supervision_journal.vault import backup
from supervision_journal.vault.vault import Vault


def at(day: str, hour: int = 12) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=UTC)


def every_day(first: str, last: str, hour: int = 12) -> list[datetime]:
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    return [at((start + timedelta(days=i)).isoformat(), hour)
            for i in range((end - start).days + 1)]


def kept_days(stamps: set[datetime]) -> list[str]:
    return sorted(s.date().isoformat() for s in stamps)


def test_ninety_daily_backups() -> None:
    # Newest: Monday 2025-03-31 (ISO week 14). Daily: 03-25…03-31. Weekly adds the newest of
    # weeks 13, 12, 11 = Sun 03-30 (already daily), Sun 03-23, Sun 03-16. Monthly adds the
    # newest of March (03-31), February (02-28) and January (01-31).
    keep = backup.backups_to_keep(every_day("2025-01-01", "2025-03-31"))
    assert kept_days(keep) == ["2025-01-31", "2025-02-28", "2025-03-16", "2025-03-23",
                               "2025-03-25", "2025-03-26", "2025-03-27", "2025-03-28",
                               "2025-03-29", "2025-03-30", "2025-03-31"]


def test_eighteen_months_of_daily_backups_reach_twelve_months() -> None:
    # Newest: Monday 2025-06-30. Daily 06-24…06-30; weekly adds 06-22 and 06-15; monthly the
    # last day of each of the 11 months before June (June's newest is 06-30 already).
    keep = backup.backups_to_keep(every_day("2024-01-01", "2025-06-30"))
    assert kept_days(keep) == [
        "2024-07-31", "2024-08-31", "2024-09-30", "2024-10-31", "2024-11-30", "2024-12-31",
        "2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30", "2025-05-31",
        "2025-06-15", "2025-06-22",
        "2025-06-24", "2025-06-25", "2025-06-26", "2025-06-27", "2025-06-28", "2025-06-29",
        "2025-06-30"]


def test_several_backups_a_day_keep_the_last_of_each_day() -> None:
    stamps = [at(d, h) for d in ("2025-03-01", "2025-03-02", "2025-03-03") for h in (9, 13, 18)]
    keep = backup.backups_to_keep(stamps)
    assert keep == {at("2025-03-01", 18), at("2025-03-02", 18), at("2025-03-03", 18)}


def test_monthly_backups_over_two_years_keep_the_last_twelve() -> None:
    stamps = [at(f"{y}-{m:02d}-01") for y in (2024, 2025) for m in range(1, 13)]
    keep = backup.backups_to_keep(stamps)
    assert keep == {at(f"2025-{m:02d}-01") for m in range(1, 13)}


def test_days_without_a_backup_do_not_count() -> None:
    # Ten days in January, then nothing until 03-15: the 7 "days" are 03-15 and 01-10…01-05.
    stamps = [*every_day("2025-01-01", "2025-01-10"), at("2025-03-15")]
    keep = backup.backups_to_keep(stamps)
    assert kept_days(keep) == ["2025-01-05", "2025-01-06", "2025-01-07", "2025-01-08",
                               "2025-01-09", "2025-01-10", "2025-03-15"]


def test_rotation_deletes_files_outside_the_window_and_only_this_vaults(tmp_path: Path) -> None:
    dest = tmp_path / "backups"
    stamps = [*every_day("2025-01-01", "2025-01-10"), at("2025-03-15")]
    vault, _ = Vault.create(tmp_path / "a", "pw")
    other, _ = Vault.create(tmp_path / "b", "pw")
    try:
        mine = {backup.create_backup(vault.paths, vault.keyfile, bytes(vault._dek), dest,
                                     now=lambda s=s: s).path: s for s in stamps}
        # Another vault backing up into the same folder, on the same days, a little later.
        theirs = [backup.create_backup(other.paths, other.keyfile, bytes(other._dek), dest,
                                       now=lambda s=s: s + timedelta(hours=1)).path
                  for s in stamps[:3]]
        removed = backup.rotate_backups(dest, vault.keyfile.vault_id)
    finally:
        vault.close()
        other.close()
    expected = backup.backups_to_keep(stamps)
    assert {p for p in mine if p.exists()} == {p for p, s in mine.items() if s in expected}
    assert sorted(removed) == sorted(p for p, s in mine.items() if s not in expected)
    assert all(p.exists() for p in theirs)
    assert len(removed) == 4


_STAMPS = st.lists(
    st.datetimes(min_value=datetime(2023, 1, 1), max_value=datetime(2026, 12, 31))
    .map(lambda d: d.replace(tzinfo=UTC)),
    min_size=1, max_size=120, unique=True)


@settings(max_examples=300, deadline=None)
@given(stamps=_STAMPS)
def test_rotation_properties(stamps: list[datetime]) -> None:
    keep = backup.backups_to_keep(stamps)
    newest = max(stamps)
    assert newest in keep
    assert keep <= set(stamps)
    assert len(keep) <= 7 + 4 + 12
    # Every kept backup is the newest of its day: rotation never prefers an older one.
    for s in keep:
        assert not any(o.date() == s.date() and o > s for o in stamps)
    # The 7 most recent days that have backups each keep one.
    days = sorted({s.date() for s in stamps}, reverse=True)[:7]
    assert {s.date() for s in keep} >= set(days)
    # Rotating again deletes nothing more.
    assert backup.backups_to_keep(keep) == keep


@settings(max_examples=150, deadline=None)
@given(stamps=_STAMPS)
def test_rotating_after_each_backup_equals_rotating_once(stamps: list[datetime]) -> None:
    """The app rotates after every backup: a backup deleted early would have been deleted
    anyway, and one kept until the end is one a single rotation would keep."""
    kept: set[datetime] = set()
    for s in sorted(stamps):
        kept = backup.backups_to_keep(kept | {s})
    assert kept == backup.backups_to_keep(stamps)
