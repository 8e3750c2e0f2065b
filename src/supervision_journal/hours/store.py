"""All SQL of the hours package: activities, their categories and evidence attachments."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from ..errors import KnownError, NotFound
from ..vault.database import Database
from .models import ACTIVITY_KINDS, Activity, Evidence

MAX_EVIDENCE_BYTES = 50 * 1024 * 1024
MAX_MINUTES = 100_000  # one entry may sum a year of client hours; more is a typo


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _bool(value: int | None) -> bool | None:
    return None if value is None else bool(value)


def _int(value: bool | None) -> int | None:
    return None if value is None else int(value)


_SELECT = """
    SELECT a.id, a.kind, a.date, a.minutes, a.format, a.group_size, a.facilitated, a.modality,
           a.title, a.provider, a.accredited,
           (SELECT group_concat(category, char(31)) FROM activity_category k
             WHERE k.activity_id = a.id),
           a.learning, a.impact,
           (SELECT s.id FROM supervision_session s WHERE s.activity_id = a.id)
    FROM activity a"""


# The same columns without the categories (list_activities reads them in one plain query).
_LIST_SELECT = """
    SELECT a.id, a.kind, a.date, a.minutes, a.format, a.group_size, a.facilitated, a.modality,
           a.title, a.provider, a.accredited, a.learning, a.impact,
           (SELECT s.id FROM supervision_session s WHERE s.activity_id = a.id)
    FROM activity a"""


def _activity(row: Sequence[Any]) -> Activity:
    cats = tuple(sorted(row[11].split("\x1f"))) if row[11] else ()
    return Activity(row[0], row[1], date.fromisoformat(row[2]), row[3], row[4], row[5],
                    _bool(row[6]), row[7], row[8], row[9], _bool(row[10]), cats, row[12],
                    row[13], row[14])


def _check(kind: str, minutes: int, group_size: int | None) -> None:
    if kind not in ACTIVITY_KINDS:
        raise KnownError("Unknown kind of activity '{kind}'.", kind=kind)
    if minutes < 0 or minutes > MAX_MINUTES:
        raise KnownError("An activity's duration must be positive (and plausible).")
    if group_size is not None and group_size < 1:
        raise KnownError("A group has at least one member.")


def add_activity(db: Database, kind: str, on: date | str, minutes: int, *,
                 format: str | None = None, group_size: int | None = None,
                 facilitated: bool | None = None, modality: str | None = None,
                 title: str = "", provider: str = "", accredited: bool | None = None,
                 categories: Iterable[str] = (), learning: str = "",
                 impact: str = "") -> Activity:
    _check(kind, minutes, group_size)
    on_iso = on.isoformat() if isinstance(on, date) else date.fromisoformat(on).isoformat()
    with db.transaction():
        cur = db.execute(
            "INSERT INTO activity(kind, date, minutes, format, group_size, facilitated, "
            "modality, title, provider, accredited, learning, impact, created_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (kind, on_iso, minutes, format, group_size, _int(facilitated), modality, title,
             provider, _int(accredited), learning, impact, _now()))
        _set_categories(db, cur.lastrowid, categories)
    return get_activity(db, cur.lastrowid)


def _set_categories(db: Database, activity_id: int, categories: Iterable[str]) -> None:
    db.execute("DELETE FROM activity_category WHERE activity_id = ?", (activity_id,))
    clean = list(dict.fromkeys(c.strip() for c in categories if c.strip()))
    db.executemany("INSERT INTO activity_category(activity_id, category) VALUES (?,?)",
                   [(activity_id, c) for c in clean])


def update_activity(db: Database, activity_id: int, *, kind: str | None = None,
                    on: date | str | None = None, minutes: int | None = None,
                    categories: Iterable[str] | None = None, **fields: Any) -> Activity:
    columns = {"format", "group_size", "facilitated", "modality", "title", "provider",
               "accredited", "learning", "impact"}
    unknown = set(fields) - columns
    if unknown:
        raise KnownError("Unknown activity field(s): {fields}.", fields=", ".join(sorted(unknown)))
    with db.transaction():
        current = get_activity(db, activity_id)
        _check(kind or current.kind, current.minutes if minutes is None else minutes,
               fields.get("group_size"))
        sets: dict[str, Any] = {k: (_int(v) if k in ("facilitated", "accredited") else v)
                                for k, v in fields.items()}
        if kind is not None:
            sets["kind"] = kind
        if on is not None:
            sets["date"] = on.isoformat() if isinstance(on, date) else \
                date.fromisoformat(on).isoformat()
        if minutes is not None:
            sets["minutes"] = minutes
        if sets:
            db.execute(f"UPDATE activity SET {', '.join(f'{k} = ?' for k in sets)} WHERE id = ?",
                       (*sets.values(), activity_id))
        if categories is not None:
            _set_categories(db, activity_id, categories)
    return get_activity(db, activity_id)


def activity_exists(db: Database, activity_id: int) -> bool:
    return bool(db.scalar("SELECT 1 FROM activity WHERE id = ?", (activity_id,)))


def get_activity(db: Database, activity_id: int) -> Activity:
    row = db.query_one(_SELECT + " WHERE a.id = ?", (activity_id,))
    if row is None:
        raise NotFound("This activity no longer exists.")
    return _activity(row)


def list_activities(db: Database, date_from: date | None = None,
                    date_to: date | None = None, kind: str | None = None) -> list[Activity]:
    where, params = [], []
    if date_from:
        where.append("a.date >= ?")
        params.append(date_from.isoformat())
    if date_to:
        where.append("a.date <= ?")
        params.append(date_to.isoformat())
    if kind:
        where.append("a.kind = ?")
        params.append(kind)
    clause = " WHERE " + " AND ".join(where) if where else ""
    # Categories as plain rows, joined here: group_concat over the whole ledger costs ~50 µs a
    # row under SQLCipher's memory security (every string growth is a locked allocation), which
    # made 1,400 activities take 70 ms instead of 1 ms.
    categories: dict[int, list[str]] = {}
    for activity_id, category in db.query(
            "SELECT k.activity_id, k.category FROM activity_category k "
            "JOIN activity a ON a.id = k.activity_id" + clause, params):
        categories.setdefault(activity_id, []).append(category)
    rows = db.query(_LIST_SELECT + clause + " ORDER BY a.date, a.id", params)
    return [_activity((*r[:11], "\x1f".join(categories.get(r[0], ())), *r[11:]))
            for r in rows]


def delete_activity(db: Database, activity_id: int) -> None:
    with db.transaction():
        owner = db.scalar("SELECT id FROM supervision_session WHERE activity_id = ?",
                          (activity_id,))
        if owner is not None:
            raise KnownError("This entry belongs to a logged supervision session: delete or "
                             "edit the supervision session instead.")
        db.execute("DELETE FROM activity WHERE id = ?", (activity_id,))


def add_evidence(db: Database, activity_id: int, filename: str, mime: str,
                 data: bytes) -> Evidence:
    if len(data) > MAX_EVIDENCE_BYTES:
        raise KnownError("Evidence files are limited to 50 MB each.")
    with db.transaction():
        get_activity(db, activity_id)
        cur = db.execute("INSERT INTO evidence(activity_id, filename, mime, data, added_at) "
                         "VALUES (?,?,?,?,?)", (activity_id, filename, mime, data, _now()))
    return Evidence(cur.lastrowid, activity_id, filename, mime, len(data))


def list_evidence(db: Database, activity_id: int) -> list[Evidence]:
    return [Evidence(*r) for r in db.query(
        "SELECT id, activity_id, filename, mime, length(data) FROM evidence "
        "WHERE activity_id = ? ORDER BY id", (activity_id,))]


def evidence_counts(db: Database) -> dict[int, int]:
    """Attachments per activity id (one query for the whole ledger, not one per row)."""
    return {r[0]: int(r[1]) for r in db.query(
        "SELECT activity_id, count(*) FROM evidence GROUP BY activity_id")}


def evidence_bytes(db: Database, evidence_id: int) -> bytes:
    data = db.scalar("SELECT data FROM evidence WHERE id = ?", (evidence_id,))
    if data is None:
        raise NotFound("This attachment no longer exists.")
    return bytes(data)


def delete_evidence(db: Database, evidence_id: int) -> None:
    with db.transaction():
        db.execute("DELETE FROM evidence WHERE id = ?", (evidence_id,))
