"""Retention (GDPR Art. 5(1)(e), storage limitation): closing a client, the period their
records are kept, and the closed clients whose period has passed.

The period is counted from the last session (domain.md §3.2: "10 years after the last session"
is the common practice for psychologists and non-regulated practitioners). The vault holds a
default (setting ``retention.default``, 10 years); a client may have their own period with a
reason. Every function that depends on the date takes ``today``, so tests use a fake clock.
"""

from __future__ import annotations

from datetime import date

from ..errors import KnownError
from ..journal import store as journal
from ..journal.models import Client
from ..vault.database import Database
from . import store
from .models import (
    DEFAULT_RETENTION_YEARS,
    MAX_RETENTION_YEARS,
    MIN_RETENTION_YEARS,
    RetentionItem,
    RetentionPolicy,
)

DEFAULT_SETTING = "retention.default"


def add_years(day: date, years: int) -> date:
    """The same day ``years`` later; 29 February becomes 1 March, so a period is never cut
    short by a day."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 3, 1)


def _check_years(years: int) -> int:
    if isinstance(years, bool) or not isinstance(years, int) or not (
            MIN_RETENTION_YEARS <= years <= MAX_RETENTION_YEARS):
        raise KnownError("A retention period is a whole number of years from {min} to {max}.",
                         min=MIN_RETENTION_YEARS, max=MAX_RETENTION_YEARS)
    return years


# -- the vault's default ------------------------------------------------------------------

def default_years(db: Database) -> int:
    value = journal.get_setting(db, DEFAULT_SETTING, DEFAULT_RETENTION_YEARS)
    try:
        return _check_years(value)
    except KnownError:
        return DEFAULT_RETENTION_YEARS  # a damaged setting must not shorten anyone's period


def set_default_years(db: Database, years: int) -> None:
    journal.set_setting(db, DEFAULT_SETTING, _check_years(years))


# -- one client ---------------------------------------------------------------------------

def close_client(db: Database, client_id: int, on: date | None = None, *,
                 today: date | None = None) -> Client:
    """Mark the client closed on ``on`` (default: today); the retention clock runs from then
    on. A closing date before the last session would contradict the notes, so it is refused."""
    on = on or today or date.today()
    client = journal.get_client(db, client_id)
    if client.last_session is not None and on < client.last_session:
        raise KnownError("The closing date is before the client's last session.")
    return journal.update_client(db, client_id, status="closed", closed_on=on)


def reopen_client(db: Database, client_id: int) -> Client:
    return journal.update_client(db, client_id, status="active")


def set_client_retention(db: Database, client_id: int, years: int | None,
                         reason: str | None = None) -> Client:
    """This client's own period with the reason shown next to it; ``None`` returns to the
    vault's default."""
    journal.get_client(db, client_id)
    reason = (reason or "").strip() or None
    if years is not None:
        _check_years(years)
    store.set_retention_override(db, client_id, years, reason)
    return journal.get_client(db, client_id)


def policy(client: Client, default: int) -> RetentionPolicy:
    """The period that applies to ``client`` (pure: no database, no clock)."""
    own = client.retention_years
    years = own if own is not None else default
    counted_from = client.last_session or client.closed_on or client.started_on
    keep_until = add_years(counted_from, years) if counted_from else None
    return RetentionPolicy(years, "client" if own is not None else "default",
                           client.retention_reason if own is not None else None,
                           counted_from, keep_until)


def policy_for(db: Database, client: Client) -> RetentionPolicy:
    return policy(client, default_years(db))


def is_due(client: Client, rule: RetentionPolicy, today: date) -> bool:
    """Only a closed client is ever due: an active one is still being seen."""
    return (client.status == "closed" and rule.keep_until is not None
            and today > rule.keep_until)


def retention_report(db: Database, today: date) -> list[RetentionItem]:
    """Every closed client with their period, soonest end first (unknown dates last)."""
    default = default_years(db)
    items = []
    for client in journal.list_clients(db, status="closed"):
        rule = policy(client, default)
        items.append(RetentionItem(
            client.id, client.pseudonym, client.closed_on, client.last_session, rule.years,
            rule.source, rule.reason, rule.keep_until, is_due(client, rule, today),
            store.client_counts(db, client.id)))
    return sorted(items, key=lambda i: (i.keep_until is None, i.keep_until or today,
                                        i.client_id))


def due_for_erasure(db: Database, today: date) -> list[RetentionItem]:
    """Closed clients past their period, with what an erasure would remove (counts only)."""
    return [item for item in retention_report(db, today) if item.due]
