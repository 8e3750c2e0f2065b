"""Client practice hours taken from the session notes.

Several bodies only ask for supervision in months with client work (BACP), so the rule engine
must know those months. Practitioners rarely log "client practice" by hand, and they do not need
to: every session note has a date and a duration. ``practice_activities`` turns the notes into
one synthetic ``client_practice`` activity per month (counts only, never a client), which the
engine reads beside the ledger.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..journal import store as journal
from ..vault.database import Database
from .models import Activity

SYNTHETIC_TITLE = "sessions in the journal"


def practice_activities(db: Database, date_from: date | None = None,
                        date_to: date | None = None) -> list[Activity]:
    months = journal.session_minutes_by_month(db, date_from, date_to)
    out = []
    for index, (month, minutes) in enumerate(sorted(months.items())):
        year, mon = (int(x) for x in month.split("-"))
        # Negative ids: these rows are computed, never stored, and cannot collide with the ledger.
        out.append(Activity(id=-(index + 1), kind="client_practice", date=date(year, mon, 1),
                            minutes=minutes, title=SYNTHETIC_TITLE))
    return out


def with_practice(db: Database, activities: Sequence[Activity]) -> list[Activity]:
    """The ledger plus the journal's monthly practice, unless the user logs practice by hand
    (then their entries are the record and nothing is added)."""
    if any(a.kind == "client_practice" for a in activities):
        return list(activities)
    return [*activities, *practice_activities(db)]
