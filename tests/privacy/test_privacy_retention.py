"""Retention: closing a client, the default and per-client periods, and the reminder of closed
clients past their period, on a fake clock."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.canaries import add_canary_client
from supervision_journal.errors import KnownError
from supervision_journal.journal import store
from supervision_journal.journal.models import Client
from supervision_journal.privacy import retention
from supervision_journal.privacy.models import ErasureCounts
from supervision_journal.vault import Vault
from supervision_journal.vault.database import Database


def _client_with_sessions(db: Database, pseudonym: str, *days: date) -> Client:
    client = store.add_client(db, pseudonym, started_on=days[0] if days else None)
    for day in days:
        store.add_session(db, client.id, day, sections={"process": "words"})
    return store.get_client(db, client.id)


def test_add_years_keeps_29_february_from_being_cut_short() -> None:
    assert retention.add_years(date(2014, 5, 1), 10) == date(2024, 5, 1)
    assert retention.add_years(date(2024, 2, 29), 10) == date(2034, 3, 1)
    assert retention.add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)


def test_default_period_is_a_vault_setting(privacy_vault: Vault) -> None:
    db = privacy_vault.db
    assert retention.default_years(db) == 10
    retention.set_default_years(db, 7)
    assert store.get_setting(db, retention.DEFAULT_SETTING) == 7
    assert retention.default_years(db) == 7
    for bad in (0, 101, -3, True, 2.5, "10"):
        with pytest.raises(KnownError):
            retention.set_default_years(db, bad)  # type: ignore[arg-type]
    assert retention.default_years(db) == 7
    # A damaged setting never shortens anyone's period: the default applies.
    store.set_setting(db, retention.DEFAULT_SETTING, 0)
    assert retention.default_years(db) == 10


def test_close_records_the_end_date(privacy_vault: Vault) -> None:
    db = privacy_vault.db
    client = _client_with_sessions(db, "Iris", date(2024, 1, 8), date(2024, 3, 4))
    closed = retention.close_client(db, client.id, today=date(2024, 6, 30))
    assert closed.status == "closed" and closed.closed_on == date(2024, 6, 30)
    closed = retention.close_client(db, client.id, date(2024, 3, 4))
    assert closed.closed_on == date(2024, 3, 4)
    with pytest.raises(KnownError, match="before the client's last session"):
        retention.close_client(db, client.id, date(2024, 3, 3))
    assert store.get_client(db, client.id).closed_on == date(2024, 3, 4)
    reopened = retention.reopen_client(db, client.id)
    assert reopened.status == "active" and reopened.closed_on is None


def test_client_period_overrides_the_default_with_its_reason(privacy_vault: Vault) -> None:
    db = privacy_vault.db
    client = _client_with_sessions(db, "Merle", date(2020, 5, 1))
    rule = retention.policy_for(db, client)
    assert (rule.years, rule.source, rule.reason) == (10, "default", None)
    assert rule.counted_from == date(2020, 5, 1) and rule.keep_until == date(2030, 5, 1)
    client = retention.set_client_retention(db, client.id, 20, "  minor at the time  ")
    rule = retention.policy_for(db, client)
    assert (rule.years, rule.source, rule.reason) == (20, "client", "minor at the time")
    assert rule.keep_until == date(2040, 5, 1)
    with pytest.raises(KnownError):
        retention.set_client_retention(db, client.id, 0, "no")
    client = retention.set_client_retention(db, client.id, None)
    assert (client.retention_years, client.retention_reason) == (None, None)
    assert retention.policy_for(db, client).source == "default"


def test_reminder_fires_on_a_fake_clock(privacy_vault: Vault) -> None:
    db = privacy_vault.db
    old = _client_with_sessions(db, "Old", date(2013, 9, 2), date(2014, 5, 1))
    retention.close_client(db, old.id, date(2014, 6, 1))
    long_kept = _client_with_sessions(db, "Minor", date(2014, 1, 6))
    retention.close_client(db, long_kept.id, date(2014, 2, 1))
    retention.set_client_retention(db, long_kept.id, 18, "minor: until age 28")
    active = _client_with_sessions(db, "Active", date(2000, 1, 3))  # never closed
    no_sessions = store.add_client(db, "Never came")
    retention.close_client(db, no_sessions.id, date(2015, 1, 10))

    assert retention.due_for_erasure(db, date(2024, 5, 1)) == []  # the last day kept
    due = retention.due_for_erasure(db, date(2024, 5, 2))
    assert [i.pseudonym for i in due] == ["Old"]
    item = due[0]
    assert item.keep_until == date(2024, 5, 1) and item.last_session == date(2014, 5, 1)
    assert item.counts == ErasureCounts(sessions=2, sections=2)
    # Without sessions the period runs from the closing date.
    assert [i.pseudonym for i in retention.due_for_erasure(db, date(2025, 1, 11))] == [
        "Old", "Never came"]
    # The default changes: the report follows; the client with their own period does not.
    retention.set_default_years(db, 5)
    assert {i.pseudonym for i in retention.due_for_erasure(db, date(2020, 1, 11))} == {
        "Old", "Never came"}
    report = retention.retention_report(db, date(2020, 1, 11))
    assert [(i.pseudonym, i.due) for i in report] == [
        ("Old", True), ("Never came", True), ("Minor", False)]
    assert report[2].reason == "minor: until age 28" and report[2].source == "client"
    assert all(i.client_id != active.id for i in report)


def test_report_counts_what_erasure_removes_and_never_identity(privacy_vault: Vault) -> None:
    db = privacy_vault.db
    client = add_canary_client(db, sessions=3)
    retention.close_client(db, client.client.id, date(2024, 12, 1))
    (item,) = retention.due_for_erasure(db, date(2040, 1, 1))
    assert item.counts == ErasureCounts(sessions=3, sections=30, approvals=3, reflections=3,
                                        identity_terms=4, supervision_links=0)
    text = repr(item)
    assert item.pseudonym in text
    assert not [term for term in client.identity if term in text]


@given(last=st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)),
       years=st.integers(1, 100), offset=st.integers(-400, 400))
def test_due_exactly_after_the_last_day_kept(last: date, years: int, offset: int) -> None:
    client = Client(1, "P", status="closed", closed_on=last, last_session=last,
                    retention_years=years, retention_reason="r")
    rule = retention.policy(client, default=10)
    assert rule.keep_until is not None
    # At least `years` full years are kept, and at most one day more (29 February).
    assert rule.keep_until.year == last.year + years
    assert 0 <= (rule.keep_until - retention.add_years(last, years)).days <= 1
    today = rule.keep_until + timedelta(days=offset)
    assert retention.is_due(client, rule, today) == (offset > 0)
    active = Client(1, "P", status="active", last_session=last)
    assert not retention.is_due(active, retention.policy(active, years), today)
