"""All SQL of the journal package: clients, identities, sessions and sections, approvals,
reflections, supervision sessions and search. Functions take a ``Database`` and return the
frozen dataclasses of ``models``; each write is one transaction (callers may group several
inside ``db.transaction()``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

from ..errors import Conflict, KnownError, NotFound
from ..vault.database import Database, Row
from . import snippets
from .models import (
    ALL_SECTIONS,
    FEELINGS,
    IDENTITY_KINDS,
    MODALITIES,
    NEVER_SHARED,
    QUESTION_STATUSES,
    SUPERVISION_FORMATS,
    TEMPLATES,
    Client,
    FeelingPoint,
    Identity,
    IdentityTerm,
    Question,
    Reflection,
    SearchHit,
    Section,
    Session,
    SessionNote,
    SupervisionSession,
    text_sha256,
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _iso(value: date | str | None) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else date.fromisoformat(value).isoformat()


def _clean_tags(tags: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for tag in tags:
        tag = tag.strip()
        if tag:
            seen.setdefault(tag, None)
    return list(seen)


# A whole sentence for each kind of name, so that each is translated whole (errors.py).
_EMPTY_NAME = {"pseudonym": "A pseudonym cannot be empty.",
               "identifying term": "An identifying term cannot be empty."}
_CONTROL_IN_NAME = {"pseudonym": "A pseudonym cannot contain control characters.",
                    "identifying term": "An identifying term cannot contain control characters."}


def _name(text: str, what: str) -> str:
    """A one-line name (pseudonym, identifying term): stripped, not empty, no control
    characters (SQLite's trim() would see '\x00abc' as empty and the insert would fail)."""
    text = text.strip()
    if not text:
        raise KnownError(_EMPTY_NAME[what])
    if any(ord(ch) < 32 or 127 <= ord(ch) < 160 for ch in text):
        raise KnownError(_CONTROL_IN_NAME[what])
    return text


def _is_unique_error(exc: BaseException) -> bool:
    return "unique" in str(exc).lower()


# -- clients ------------------------------------------------------------------------------

_CLIENT_SELECT = """
    SELECT c.id, c.pseudonym, c.started_on, c.status, c.closed_on,
           (SELECT group_concat(tag, char(31)) FROM client_tag t WHERE t.client_id = c.id),
           (SELECT count(*) FROM session s WHERE s.client_id = c.id),
           (SELECT max(date) FROM session s WHERE s.client_id = c.id),
           c.retention_years, c.retention_reason
    FROM client c"""


def _client(row: Sequence[Any]) -> Client:
    tags = tuple(sorted(row[5].split("\x1f"))) if row[5] else ()
    return Client(row[0], row[1], _d(row[2]), row[3], _d(row[4]), tags, row[6], _d(row[7]),
                  row[8], row[9])


def add_client(db: Database, pseudonym: str, started_on: date | str | None = None,
               tags: Iterable[str] = ()) -> Client:
    pseudonym = _name(pseudonym, "pseudonym")
    with db.transaction():
        if db.scalar("SELECT 1 FROM client WHERE pseudonym = ?", (pseudonym,)):
            raise Conflict("Another client already has this pseudonym.")
        cur = db.execute("INSERT INTO client(pseudonym, started_on, created_at) VALUES (?,?,?)",
                         (pseudonym, _iso(started_on), _now()))
        client_id = cur.lastrowid
        db.executemany("INSERT INTO client_tag(client_id, tag) VALUES (?,?)",
                       [(client_id, t) for t in _clean_tags(tags)])
    return get_client(db, client_id)


def update_client(db: Database, client_id: int, *, pseudonym: str | None = None,
                  started_on: date | str | None = None, tags: Iterable[str] | None = None,
                  status: str | None = None, closed_on: date | str | None = None,
                  retention_years: int | None = None,
                  retention_reason: str | None = None) -> Client:
    with db.transaction():
        get_client(db, client_id)
        if pseudonym is not None:
            pseudonym = _name(pseudonym, "pseudonym")
            if db.scalar("SELECT 1 FROM client WHERE pseudonym = ? AND id <> ?",
                         (pseudonym, client_id)):
                raise Conflict("Another client already has this pseudonym.")
            db.execute("UPDATE client SET pseudonym = ? WHERE id = ?", (pseudonym, client_id))
        if started_on is not None:
            db.execute("UPDATE client SET started_on = ? WHERE id = ?",
                       (_iso(started_on), client_id))
        if status is not None:
            if status not in ("active", "closed"):
                raise KnownError("A client is either active or closed.")
            closed = _iso(closed_on) or (date.today().isoformat() if status == "closed" else None)
            db.execute("UPDATE client SET status = ?, closed_on = ? WHERE id = ?",
                       (status, closed if status == "closed" else None, client_id))
        if retention_years is not None or retention_reason is not None:
            db.execute("UPDATE client SET retention_years = ?, retention_reason = ? WHERE id = ?",
                       (retention_years, retention_reason, client_id))
        if tags is not None:
            db.execute("DELETE FROM client_tag WHERE client_id = ?", (client_id,))
            db.executemany("INSERT INTO client_tag(client_id, tag) VALUES (?,?)",
                           [(client_id, t) for t in _clean_tags(tags)])
    return get_client(db, client_id)


def get_client(db: Database, client_id: int) -> Client:
    row = db.query_one(_CLIENT_SELECT + " WHERE c.id = ?", (client_id,))
    if row is None:
        raise NotFound("This client no longer exists.")
    return _client(row)


def find_client(db: Database, pseudonym: str) -> Client | None:
    row = db.query_one(_CLIENT_SELECT + " WHERE c.pseudonym = ?", (pseudonym.strip(),))
    return _client(row) if row else None


def list_clients(db: Database, status: str | None = None, text: str = "") -> list[Client]:
    where, params = [], []
    if status:
        where.append("c.status = ?")
        params.append(status)
    if text.strip():
        where.append("c.pseudonym LIKE ? ESCAPE '\\'")
        escaped = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params.append(f"%{escaped}%")
    sql = _CLIENT_SELECT + (" WHERE " + " AND ".join(where) if where else "")
    return [_client(r) for r in db.query(sql + " ORDER BY c.pseudonym COLLATE NOCASE", params)]


def delete_client(db: Database, client_id: int) -> None:
    with db.transaction():
        get_client(db, client_id)
        db.execute("DELETE FROM client WHERE id = ?", (client_id,))


# -- identities ---------------------------------------------------------------------------

def get_identity(db: Database, client_id: int) -> Identity:
    rows = db.query("SELECT kind, term, role FROM identity_term WHERE client_id = ? "
                    "ORDER BY position, id", (client_id,))
    full = next((r[1] for r in rows if r[0] == "full_name"), None)
    aliases = tuple(r[1] for r in rows if r[0] == "alias")
    identifiers = tuple(IdentityTerm(r[1], "identifier", r[2]) for r in rows
                        if r[0] == "identifier")
    return Identity(full, aliases, identifiers)


def set_identity(db: Database, client_id: int, identity: Identity) -> None:
    with db.transaction():
        get_client(db, client_id)
        db.execute("DELETE FROM identity_term WHERE client_id = ?", (client_id,))
        rows = []
        for position, term in enumerate(identity.terms):
            if term.kind not in IDENTITY_KINDS:
                raise KnownError("Unknown kind of identifying term.")
            if term.term.strip():
                rows.append((client_id, term.kind, _name(term.term, "identifying term"),
                             term.role, position))
        db.executemany("INSERT INTO identity_term(client_id, kind, term, role, position) "
                       "VALUES (?,?,?,?,?)", rows)


def add_identity_term(db: Database, client_id: int, term: IdentityTerm) -> None:
    with db.transaction():
        position = db.scalar("SELECT coalesce(max(position), -1) + 1 FROM identity_term "
                             "WHERE client_id = ?", (client_id,))
        db.execute("INSERT INTO identity_term(client_id, kind, term, role, position) "
                   "VALUES (?,?,?,?,?)", (client_id, term.kind,
                                           _name(term.term, "identifying term"), term.role,
                                           position))


def all_identity_terms(db: Database) -> list[tuple[int, IdentityTerm]]:
    """Every registered term of every client: the export leak guard's deny-list."""
    return [(r[0], IdentityTerm(r[2], r[1], r[3])) for r in
            db.query("SELECT client_id, kind, term, role FROM identity_term ORDER BY id")]


# -- sessions and sections ----------------------------------------------------------------

_SESSION_SELECT = """
    SELECT s.id, s.client_id, s.date,
           (SELECT count(*) FROM session p WHERE p.client_id = s.client_id
              AND (p.date < s.date OR (p.date = s.date AND p.id <= s.id))),
           s.duration_minutes, s.modality, s.template,
           (SELECT group_concat(tag, char(31)) FROM session_tag t WHERE t.session_id = s.id)
    FROM session s"""


def _session(row: Sequence[Any]) -> Session:
    tags = tuple(sorted(row[7].split("\x1f"))) if row[7] else ()
    return Session(row[0], row[1], date.fromisoformat(row[2]), row[3], row[4], row[5], row[6],
                   tags)


def _check_session_values(duration: int | None, modality: str | None,
                          template: str | None) -> None:
    if duration is not None and not 0 <= duration <= 1440:
        raise KnownError("A session lasts between 0 and 1440 minutes.")
    if modality is not None and modality not in MODALITIES:
        raise KnownError("Modality is one of: in person, video, phone.")
    if template is not None and template not in TEMPLATES:
        raise KnownError("Template is 'standard' or 'free'.")


def add_session(db: Database, client_id: int, on: date | str, duration_minutes: int = 50,
                modality: str = "in_person", template: str = "standard",
                tags: Iterable[str] = (), sections: Mapping[str, str] | None = None) -> Session:
    _check_session_values(duration_minutes, modality, template)
    now = _now()
    with db.transaction():
        get_client(db, client_id)
        cur = db.execute(
            "INSERT INTO session(client_id, date, duration_minutes, modality, template, "
            "created_at, updated_at) VALUES (?,?,?,?,?,?,?)",
            (client_id, _iso(on), duration_minutes, modality, template, now, now))
        session_id = cur.lastrowid
        db.executemany("INSERT INTO session_tag(session_id, tag) VALUES (?,?)",
                       [(session_id, t) for t in _clean_tags(tags)])
        for key, text in (sections or {}).items():
            _write_section(db, session_id, template, key, text)
    return get_session(db, session_id)


def update_session(db: Database, session_id: int, *, on: date | str | None = None,
                   duration_minutes: int | None = None, modality: str | None = None,
                   tags: Iterable[str] | None = None) -> Session:
    _check_session_values(duration_minutes, modality, None)
    with db.transaction():
        get_session(db, session_id)
        sets, params = [], []
        for column, value in (("date", _iso(on)), ("duration_minutes", duration_minutes),
                              ("modality", modality)):
            if value is not None:
                sets.append(f"{column} = ?")
                params.append(value)
        sets.append("updated_at = ?")
        params.append(_now())
        db.execute(f"UPDATE session SET {', '.join(sets)} WHERE id = ?", (*params, session_id))
        if tags is not None:
            db.execute("DELETE FROM session_tag WHERE session_id = ?", (session_id,))
            db.executemany("INSERT INTO session_tag(session_id, tag) VALUES (?,?)",
                           [(session_id, t) for t in _clean_tags(tags)])
    return get_session(db, session_id)


def get_session(db: Database, session_id: int) -> Session:
    row = db.query_one(_SESSION_SELECT + " WHERE s.id = ?", (session_id,))
    if row is None:
        raise NotFound("This session no longer exists.")
    return _session(row)


def list_sessions(db: Database, client_id: int) -> list[Session]:
    """The client's sessions, newest first, each with its number."""
    # Tags as plain rows joined here: group_concat per row pays a locked allocation under
    # SQLCipher's memory security (tens of ms for a client with a thousand sessions).
    tags: dict[int, list[str]] = {}
    for session_id, tag in db.query(
            "SELECT t.session_id, t.tag FROM session_tag t JOIN session s ON s.id = t.session_id "
            "WHERE s.client_id = ?", (client_id,)):
        tags.setdefault(session_id, []).append(tag)
    rows = db.query(
        "SELECT s.id, s.client_id, s.date, "
        "row_number() OVER (ORDER BY s.date, s.id), s.duration_minutes, s.modality, s.template "
        "FROM session s WHERE s.client_id = ? ORDER BY s.date DESC, s.id DESC", (client_id,))
    return [Session(r[0], r[1], date.fromisoformat(r[2]), r[3], r[4], r[5], r[6],
                    tuple(sorted(tags.get(r[0], ())))) for r in rows]


def delete_session(db: Database, session_id: int) -> None:
    with db.transaction():
        db.execute("DELETE FROM session WHERE id = ?", (session_id,))


def last_session_defaults(db: Database, client_id: int) -> tuple[int, str]:
    """Duration and modality to pre-fill a new session with (the client's last one)."""
    row = db.query_one("SELECT duration_minutes, modality FROM session WHERE client_id = ? "
                       "ORDER BY date DESC, id DESC LIMIT 1", (client_id,))
    return (row[0], row[1]) if row else (50, "in_person")


def _approval_state(text: str, approved_sha: str | None) -> str:
    if approved_sha is None:
        return "none"
    return "approved" if text_sha256(text) == approved_sha else "revoked"


def _write_section(db: Database, session_id: int, template: str, key: str, text: str) -> None:
    if key not in ALL_SECTIONS:
        raise KnownError("Unknown section '{key}'.", key=key)
    if key not in TEMPLATES[template]:
        raise KnownError("The {template} template has no section '{key}'.", template=template,
                         key=key)
    db.execute("INSERT INTO section(session_id, key, text) VALUES (?,?,?) "
               "ON CONFLICT(session_id, key) DO UPDATE SET text = excluded.text "
               "WHERE text <> excluded.text", (session_id, key, text))


def save_sections(db: Database, session_id: int, texts: Mapping[str, str]) -> SessionNote:
    """Autosave: write the changed sections in one transaction (returns after COMMIT)."""
    with db.transaction():
        session = get_session(db, session_id)
        for key, text in texts.items():
            _write_section(db, session_id, session.template, key, text)
        db.execute("UPDATE session SET updated_at = ? WHERE id = ?", (_now(), session_id))
    return get_note(db, session_id)


def save_section(db: Database, session_id: int, key: str, text: str) -> Section:
    return save_sections(db, session_id, {key: text}).sections[key]


def get_note(db: Database, session_id: int) -> SessionNote:
    session = get_session(db, session_id)
    pseudonym = db.scalar("SELECT pseudonym FROM client WHERE id = ?", (session.client_id,))
    rows = db.query("SELECT x.key, x.text, a.sha256 FROM section x "
                    "LEFT JOIN approval a ON a.section_id = x.id WHERE x.session_id = ?",
                    (session_id,))
    sections = {r[0]: Section(session_id, r[0], r[1], _approval_state(r[1], r[2]))
                for r in rows}
    return SessionNote(session, pseudonym, sections)


def approve_section(db: Database, session_id: int, key: str) -> Section:
    """Approve the section's current text for supervision (pinned by its SHA-256)."""
    if key == NEVER_SHARED:
        raise KnownError("Private notes can never be shared in supervision.")
    with db.transaction():
        row = db.query_one("SELECT id, text FROM section WHERE session_id = ? AND key = ?",
                           (session_id, key))
        if row is None or not row[1].strip():
            raise KnownError("There is nothing to approve in this section yet.")
        db.execute("INSERT INTO approval(section_id, sha256, approved_at) VALUES (?,?,?) "
                   "ON CONFLICT(section_id) DO UPDATE SET sha256 = excluded.sha256, "
                   "approved_at = excluded.approved_at", (row[0], text_sha256(row[1]), _now()))
    return get_note(db, session_id).sections[key]


def revoke_approval(db: Database, session_id: int, key: str) -> None:
    with db.transaction():
        db.execute("DELETE FROM approval WHERE section_id = "
                   "(SELECT id FROM section WHERE session_id = ? AND key = ?)", (session_id, key))


def approved_sections(db: Database, client_ids: Sequence[int] | None = None,
                      date_from: date | None = None,
                      date_to: date | None = None) -> list[tuple[Session, str, Section]]:
    """Sections whose approval still matches their text, never 'private' (export input)."""
    where, params = ["x.key <> 'private'"], []
    if client_ids:
        where.append(f"s.client_id IN ({','.join('?' * len(client_ids))})")
        params += list(client_ids)
    if date_from:
        where.append("s.date >= ?")
        params.append(date_from.isoformat())
    if date_to:
        where.append("s.date <= ?")
        params.append(date_to.isoformat())
    rows = db.query(
        "SELECT s.id, x.key, x.text, a.sha256, c.pseudonym FROM approval a "
        "JOIN section x ON x.id = a.section_id JOIN session s ON s.id = x.session_id "
        "JOIN client c ON c.id = s.client_id WHERE " + " AND ".join(where) +
        " ORDER BY c.pseudonym, s.date, s.id", params)
    out = []
    for session_id, key, text, sha, pseudonym in rows:
        if text_sha256(text) == sha:
            out.append((get_session(db, session_id), pseudonym,
                        Section(session_id, key, text, "approved")))
    return out


# -- reflections --------------------------------------------------------------------------

_REFLECTION_SELECT = ("SELECT id, text, client_id, session_id, prompt_id, is_question, "
                      "approved_sha256, created_at FROM reflection")


def _reflection(row: Sequence[Any]) -> Reflection:
    return Reflection(row[0], row[1], row[2], row[3], row[4], bool(row[5]),
                      _approval_state(row[1], row[6]), row[7])


def add_reflection(db: Database, text: str, *, session_id: int | None = None,
                   client_id: int | None = None, prompt_id: str | None = None,
                   is_question: bool = False) -> Reflection:
    now = _now()
    with db.transaction():
        if session_id is not None:
            session = get_session(db, session_id)
            client_id = session.client_id
        elif client_id is not None:
            get_client(db, client_id)
        cur = db.execute(
            "INSERT INTO reflection(client_id, session_id, prompt_id, text, is_question, "
            "created_at, updated_at) VALUES (?,?,?,?,?,?,?)",
            (client_id, session_id, prompt_id, text, int(is_question), now, now))
    return get_reflection(db, cur.lastrowid)


def update_reflection(db: Database, reflection_id: int, *, text: str | None = None,
                      is_question: bool | None = None) -> Reflection:
    with db.transaction():
        get_reflection(db, reflection_id)
        if text is not None:
            db.execute("UPDATE reflection SET text = ?, updated_at = ? WHERE id = ? "
                       "AND text <> ?", (text, _now(), reflection_id, text))
        if is_question is not None:
            db.execute("UPDATE reflection SET is_question = ? WHERE id = ?",
                       (int(is_question), reflection_id))
    return get_reflection(db, reflection_id)


def get_reflection(db: Database, reflection_id: int) -> Reflection:
    row = db.query_one(_REFLECTION_SELECT + " WHERE id = ?", (reflection_id,))
    if row is None:
        raise NotFound("This reflection no longer exists.")
    return _reflection(row)


def list_reflections(db: Database, *, session_id: int | None = None,
                     client_id: int | None = None) -> list[Reflection]:
    if session_id is not None:
        rows = db.query(_REFLECTION_SELECT + " WHERE session_id = ? ORDER BY id", (session_id,))
    elif client_id is not None:
        rows = db.query(_REFLECTION_SELECT + " WHERE client_id = ? ORDER BY id", (client_id,))
    else:
        rows = db.query(_REFLECTION_SELECT + " ORDER BY id")
    return [_reflection(r) for r in rows]


def approve_reflection(db: Database, reflection_id: int, approved: bool = True) -> Reflection:
    with db.transaction():
        reflection = get_reflection(db, reflection_id)
        if approved and not reflection.text.strip():
            raise KnownError("There is nothing to approve in this reflection yet.")
        db.execute("UPDATE reflection SET approved_sha256 = ?, approved_at = ? WHERE id = ?",
                   (text_sha256(reflection.text) if approved else None,
                    _now() if approved else None, reflection_id))
    return get_reflection(db, reflection_id)


def delete_reflection(db: Database, reflection_id: int) -> None:
    with db.transaction():
        db.execute("DELETE FROM reflection WHERE id = ?", (reflection_id,))


# -- search -------------------------------------------------------------------------------

_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str | None:
    """User text → a safe FTS5 query: every word must match, the last one also as a prefix
    (search as you type) when it has two letters or more. Operators typed by the user are
    treated as words."""
    words = _WORD.findall(text)
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    if snippets.prefix_allowed(words[-1]):
        quoted[-1] += "*"
    return " ".join(quoted)


def search(db: Database, text: str, *, client_id: int | None = None, tag: str | None = None,
           date_from: date | None = None, date_to: date | None = None,
           limit: int = 100) -> list[SearchHit]:
    """Notes and reflections matching every word of ``text``: the most recently written
    ``limit`` of each kind, shown newest (by session date) first.

    FTS5 is asked only for the matching row ids (ranking and snippets over every match took
    seconds on a large vault); the newest are kept and their snippets cut in Python.
    """
    query = fts_query(text)
    if query is None:
        return []
    filters, params = [], []
    if client_id is not None:
        filters.append("c.id = ?")  # c: the section's or reflection's client
        params.append(client_id)
    if tag:
        filters.append("EXISTS (SELECT 1 FROM session_tag t WHERE t.session_id = s.id "
                       "AND t.tag = ?)")
        params.append(tag)
    if date_from:
        filters.append("s.date >= ?")
        params.append(date_from.isoformat())
    if date_to:
        filters.append("s.date <= ?")
        params.append(date_to.isoformat())
    extra = "".join(f" AND {f}" for f in filters)
    if filters:
        section_ids = [r[0] for r in db.query(
            "WITH m(id) AS (SELECT rowid FROM section_fts WHERE section_fts MATCH ?) "
            "SELECT x.id FROM m JOIN section x ON x.id = m.id "
            "JOIN session s ON s.id = x.session_id JOIN client c ON c.id = s.client_id "
            f"WHERE 1{extra} ORDER BY x.id DESC LIMIT ?", (query, *params, limit))]
        reflection_ids = [r[0] for r in db.query(
            "WITH m(id) AS (SELECT rowid FROM reflection_fts WHERE reflection_fts MATCH ?) "
            "SELECT r.id FROM m JOIN reflection r ON r.id = m.id "
            "LEFT JOIN session s ON s.id = r.session_id "
            "LEFT JOIN client c ON c.id = coalesce(r.client_id, s.client_id) "
            f"WHERE 1{extra} ORDER BY r.id DESC LIMIT ?", (query, *params, limit))]
    else:
        # The newest matches by creation order, read backwards from the index (the prefix
        # indexes of schema 3 make this cheap for search-as-you-type prefixes too).
        section_ids = [r[0] for r in db.query(
            "SELECT rowid FROM section_fts WHERE section_fts MATCH ? ORDER BY rowid DESC "
            "LIMIT ?", (query, limit))]
        reflection_ids = [r[0] for r in db.query(
            "SELECT rowid FROM reflection_fts WHERE reflection_fts MATCH ? "
            "ORDER BY rowid DESC LIMIT ?", (query, limit))]
    sections = _rows(db, "SELECT 'section', x.id, s.id, c.id, c.pseudonym, s.date, x.key "
                         "FROM section x JOIN session s ON s.id = x.session_id "
                         "JOIN client c ON c.id = s.client_id WHERE x.id IN ({})", section_ids)
    reflections = _rows(db, "SELECT 'reflection', r.id, s.id, c.id, c.pseudonym, "
                            "coalesce(s.date, substr(r.created_at, 1, 10)), NULL "
                            "FROM reflection r LEFT JOIN session s ON s.id = r.session_id "
                            "LEFT JOIN client c ON c.id = coalesce(r.client_id, s.client_id) "
                            "WHERE r.id IN ({})", reflection_ids)
    rows = sorted([*sections, *reflections], key=lambda r: (r[5] or "", r[0], r[1]),
                  reverse=True)[:limit]
    texts = _texts(db, "section", [r[1] for r in rows if r[0] == "section"])
    texts.update(_texts(db, "reflection", [r[1] for r in rows if r[0] == "reflection"]))
    words = snippets.query_words(text)
    numbers = _session_numbers(db, {r[2] for r in rows if r[2] is not None})
    return [SearchHit(r[0], r[1], r[2], r[3], r[4], _d(r[5]), r[6],
                      snippets.make_snippet(texts[(r[0], r[1])], words),
                      numbers.get(r[2]) if r[2] is not None else None) for r in rows]


def _rows(db: Database, sql: str, ids: list[int]) -> list[Row]:
    if not ids:
        return []
    return db.query(sql.format(",".join("?" * len(ids))), ids)


def _texts(db: Database, kind: str, ids: list[int]) -> dict[tuple[str, int], str]:
    if not ids:
        return {}
    table = "section" if kind == "section" else "reflection"
    marks = ",".join("?" * len(ids))
    return {(kind, r[0]): r[1] for r in
            db.query(f"SELECT id, text FROM {table} WHERE id IN ({marks})", ids)}


def _session_numbers(db: Database, session_ids: set[int]) -> dict[int, int]:
    """Each session's number within its client (by date, then creation), in one query."""
    if not session_ids:
        return {}
    marks = ",".join("?" * len(session_ids))
    return {r[0]: r[1] for r in db.query(
        "SELECT id, n FROM (SELECT s.id, row_number() OVER (PARTITION BY s.client_id "
        "ORDER BY s.date, s.id) AS n FROM session s WHERE s.client_id IN "
        f"(SELECT client_id FROM session WHERE id IN ({marks}))) "
        f"WHERE id IN ({marks})", [*sorted(session_ids), *sorted(session_ids)])}


# -- supervision sessions -----------------------------------------------------------------

def _supervision(db: Database, row: Sequence[Any]) -> SupervisionSession:
    cases = tuple(r[0] for r in db.query(
        "SELECT c.pseudonym FROM supervision_case k JOIN client c ON c.id = k.client_id "
        "WHERE k.supervision_id = ? ORDER BY k.position", (row[0],)))
    return SupervisionSession(row[0], date.fromisoformat(row[1]), row[2], row[3], row[4],
                              row[5], row[6], cases, row[7], row[8], row[9], row[10])


_SUP_SELECT = ("SELECT id, date, supervisor, format, duration_minutes, group_size, modality, "
               "questions, learning, actions, activity_id FROM supervision_session")


def get_supervision(db: Database, supervision_id: int) -> SupervisionSession:
    row = db.query_one(_SUP_SELECT + " WHERE id = ?", (supervision_id,))
    if row is None:
        raise NotFound("This supervision session no longer exists.")
    return _supervision(db, row)


def list_supervisions(db: Database) -> list[SupervisionSession]:
    return [_supervision(db, r) for r in db.query(_SUP_SELECT + " ORDER BY date DESC, id DESC")]


def _check_supervision(fmt: str, group_size: int | None, duration: int) -> None:
    if fmt not in SUPERVISION_FORMATS:
        raise KnownError("Supervision format is individual, group or peer.")
    if fmt == "group" and (group_size is None or group_size < 2):
        raise KnownError("Group supervision needs the group size (2 or more).")
    if fmt == "peer" and group_size is not None and group_size < 2:
        raise KnownError("A peer group has 2 or more members.")
    if not 0 <= duration <= 1440:
        raise KnownError("A supervision lasts between 0 and 1440 minutes.")


def _ledger_fields(sup: dict[str, Any]) -> dict[str, Any]:
    return {"kind": "supervision", "on": sup["date"], "minutes": sup["duration_minutes"],
            "format": sup["format"], "group_size": sup["group_size"],
            "modality": sup["modality"], "provider": sup["supervisor"],
            "title": "", "learning": sup["learning"], "impact": sup["actions"]}


def _set_cases(db: Database, supervision_id: int, cases: Iterable[str]) -> None:
    db.execute("DELETE FROM supervision_case WHERE supervision_id = ?", (supervision_id,))
    for position, pseudonym in enumerate(_clean_tags(cases)):
        client = find_client(db, pseudonym)
        if client is None:
            raise NotFound("No client has the pseudonym given as case {number}.",
                           number=position + 1)
        db.execute("INSERT OR IGNORE INTO supervision_case(supervision_id, client_id, position) "
                   "VALUES (?,?,?)", (supervision_id, client.id, position))


def add_supervision(db: Database, on: date | str, supervisor: str, fmt: str,
                    duration_minutes: int, *, group_size: int | None = None,
                    modality: str | None = None, cases: Iterable[str] = (),
                    questions: str = "", learning: str = "",
                    actions: str = "") -> SupervisionSession:
    """Log a supervision session and, in the same transaction, its hours-ledger entry."""
    from ..hours import store as hours_store  # the ledger owns the activity table

    _check_supervision(fmt, group_size, duration_minutes)
    fields = {"date": _iso(on), "supervisor": supervisor, "format": fmt,
              # Peer groups keep their size: the renewal rules count every member.
              "group_size": group_size if fmt in ("group", "peer") else None,
              "modality": modality,
              "duration_minutes": duration_minutes, "learning": learning, "actions": actions}
    with db.transaction():
        activity = hours_store.add_activity(db, **_ledger_fields(fields))
        cur = db.execute(
            "INSERT INTO supervision_session(date, supervisor, format, group_size, modality, "
            "duration_minutes, questions, learning, actions, activity_id, created_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (fields["date"], supervisor, fmt, fields["group_size"], modality, duration_minutes,
             questions, learning, actions, activity.id, _now()))
        _set_cases(db, cur.lastrowid, cases)
    return get_supervision(db, cur.lastrowid)


def update_supervision(db: Database, supervision_id: int, **changes: Any) -> SupervisionSession:
    """Edit a supervision session; its ledger entry follows in the same transaction."""
    from ..hours import store as hours_store

    allowed = {"on", "supervisor", "fmt", "duration_minutes", "group_size", "modality",
               "cases", "questions", "learning", "actions"}
    unknown = set(changes) - allowed
    if unknown:
        raise KnownError("Unknown supervision field(s): {fields}.",
                         fields=", ".join(sorted(unknown)))
    with db.transaction():
        current = get_supervision(db, supervision_id)
        fields = {"date": _iso(changes.get("on", current.date)),
                  "supervisor": changes.get("supervisor", current.supervisor),
                  "format": changes.get("fmt", current.format),
                  "group_size": changes.get("group_size", current.group_size),
                  "modality": changes.get("modality", current.modality),
                  "duration_minutes": changes.get("duration_minutes", current.duration_minutes),
                  "questions": changes.get("questions", current.questions),
                  "learning": changes.get("learning", current.learning),
                  "actions": changes.get("actions", current.actions)}
        if fields["format"] == "individual":
            fields["group_size"] = None
        _check_supervision(fields["format"], fields["group_size"], fields["duration_minutes"])
        db.execute("UPDATE supervision_session SET date=?, supervisor=?, format=?, "
                   "group_size=?, modality=?, duration_minutes=?, questions=?, learning=?, "
                   "actions=? WHERE id = ?",
                   (fields["date"], fields["supervisor"], fields["format"],
                    fields["group_size"], fields["modality"], fields["duration_minutes"],
                    fields["questions"], fields["learning"], fields["actions"], supervision_id))
        if "cases" in changes:
            _set_cases(db, supervision_id, changes["cases"])
        if current.activity_id is not None and hours_store.activity_exists(
                db, current.activity_id):
            hours_store.update_activity(db, current.activity_id, **_ledger_fields(fields))
        else:
            activity = hours_store.add_activity(db, **_ledger_fields(fields))
            db.execute("UPDATE supervision_session SET activity_id = ? WHERE id = ?",
                       (activity.id, supervision_id))
    return get_supervision(db, supervision_id)


def delete_supervision(db: Database, supervision_id: int) -> None:
    """Delete a supervision session and its ledger entry together (never an orphan)."""
    from ..hours import store as hours_store

    with db.transaction():
        current = get_supervision(db, supervision_id)
        db.execute("DELETE FROM supervision_session WHERE id = ?", (supervision_id,))
        if current.activity_id is not None:
            hours_store.delete_activity(db, current.activity_id)


# -- settings stored in the vault ---------------------------------------------------------

def get_setting(db: Database, key: str, default: Any = None) -> Any:
    raw = db.scalar("SELECT value FROM setting WHERE key = ?", (key,))
    return default if raw is None else json.loads(raw)


def set_setting(db: Database, key: str, value: Any) -> None:
    with db.transaction():
        db.execute("INSERT INTO setting(key, value) VALUES (?,?) ON CONFLICT(key) DO UPDATE "
                   "SET value = excluded.value", (key, json.dumps(value)))


def counts(db: Database) -> dict[str, int]:
    """How many rows each kind of record has (verify output, backup verification)."""
    tables = ("client", "identity_term", "session", "section", "approval", "reflection",
              "supervision_session", "activity", "evidence", "export_audit")
    return {t: int(db.scalar(f"SELECT count(*) FROM {t}")) for t in tables}


def session_minutes_by_month(db: Database, date_from: date | None = None,
                             date_to: date | None = None) -> dict[str, int]:
    """Client-work minutes per month ("YYYY-MM") from the session notes: the renewal rules
    need to know which months had client work, and the notes already say so."""
    where, params = [], []
    if date_from:
        where.append("date >= ?")
        params.append(date_from.isoformat())
    if date_to:
        where.append("date <= ?")
        params.append(date_to.isoformat())
    sql = ("SELECT substr(date, 1, 7), sum(duration_minutes) FROM session"
           + (" WHERE " + " AND ".join(where) if where else "") + " GROUP BY 1")
    return {r[0]: int(r[1]) for r in db.query(sql, params)}


# -- questions for supervision ------------------------------------------------------------

def list_questions(db: Database, status: str | None = None) -> list[Question]:
    """Every question for supervision across clients: non-empty 'supervision_questions'
    sections and reflections marked as questions, oldest first, with their queue state."""
    rows = db.query(
        "SELECT 'section', x.id, c.id, c.pseudonym, s.id, s.date, x.text, "
        "coalesce(q.status, 'open'), q.supervision_id, coalesce(q.answer, '') "
        "FROM section x JOIN session s ON s.id = x.session_id "
        "JOIN client c ON c.id = s.client_id "
        "LEFT JOIN question_state q ON q.section_id = x.id "
        "WHERE x.key = 'supervision_questions' AND trim(x.text) <> '' "
        "UNION ALL "
        "SELECT 'reflection', r.id, c.id, c.pseudonym, s.id, s.date, r.text, "
        "coalesce(q.status, 'open'), q.supervision_id, coalesce(q.answer, '') "
        "FROM reflection r LEFT JOIN session s ON s.id = r.session_id "
        "LEFT JOIN client c ON c.id = coalesce(r.client_id, s.client_id) "
        "LEFT JOIN question_state q ON q.reflection_id = r.id "
        "WHERE r.is_question = 1 AND trim(r.text) <> '' "
        "ORDER BY 6, 2")
    numbers = _session_numbers(db, {r[4] for r in rows if r[4] is not None})
    out = []
    for kind, ref_id, cid, pseudonym, sid, day, text, state, sup_id, answer in rows:
        if status is not None and state != status:
            continue
        out.append(Question(kind, ref_id, cid, pseudonym, sid, numbers.get(sid) if sid else None,
                            _d(day), text, state, sup_id, answer))
    return out


def question_section_id(db: Database, session_id: int) -> int:
    """The id of the session's 'supervision_questions' section (the queue item's ref_id)."""
    section_id = db.scalar("SELECT id FROM section WHERE session_id = ? AND "
                           "key = 'supervision_questions'", (session_id,))
    if section_id is None:
        raise NotFound("This session has no questions for supervision.")
    return int(section_id)


def set_question_state(db: Database, kind: str, ref_id: int, status: str, *,
                       supervision_id: int | None = None, answer: str | None = None) -> None:
    """Move a question through open → discussed (in a supervision session) → resolved."""
    if status not in QUESTION_STATUSES:
        raise KnownError("A question is open, discussed or resolved.")
    if kind not in ("section", "reflection"):
        raise KnownError("Unknown kind of question.")
    column = "section_id" if kind == "section" else "reflection_id"
    with db.transaction():
        if supervision_id is not None:
            get_supervision(db, supervision_id)
        current = db.query_one(f"SELECT answer, supervision_id FROM question_state "
                               f"WHERE {column} = ?", (ref_id,))
        keep_answer = current[0] if current else ""
        # Back to open: the question is no longer "discussed in" anything.
        keep_sup = current[1] if current and status != "open" else None
        db.execute(f"INSERT INTO question_state({column}, status, supervision_id, answer, "
                   f"updated_at) VALUES (?,?,?,?,?) ON CONFLICT({column}) DO UPDATE SET "
                   "status = excluded.status, supervision_id = excluded.supervision_id, "
                   "answer = excluded.answer, updated_at = excluded.updated_at",
                   (ref_id, status, supervision_id if supervision_id is not None else keep_sup,
                    answer if answer is not None else keep_answer, _now()))


# -- countertransference feelings ---------------------------------------------------------

def set_feelings(db: Database, session_id: int, feelings: Mapping[str, int]) -> None:
    for feeling, intensity in feelings.items():
        if feeling not in FEELINGS:
            raise KnownError("Unknown feeling '{feeling}'.", feeling=feeling)
        if not 1 <= intensity <= 3:
            raise KnownError("A feeling's intensity is 1, 2 or 3.")
    with db.transaction():
        get_session(db, session_id)
        db.execute("DELETE FROM session_feeling WHERE session_id = ?", (session_id,))
        db.executemany("INSERT INTO session_feeling(session_id, feeling, intensity) "
                       "VALUES (?,?,?)", [(session_id, f, i) for f, i in feelings.items()])


def get_feelings(db: Database, session_id: int) -> dict[str, int]:
    return {r[0]: r[1] for r in db.query("SELECT feeling, intensity FROM session_feeling "
                                         "WHERE session_id = ?", (session_id,))}


def feelings_timeline(db: Database, client_id: int) -> list[FeelingPoint]:
    """The client's sessions' recorded feelings in session order (for the patterns chart)."""
    rows = db.query(
        "SELECT s.id, row_number() OVER (ORDER BY s.date, s.id), s.date FROM session s "
        "WHERE s.client_id = ? ORDER BY s.date, s.id", (client_id,))
    numbers = {r[0]: (r[1], date.fromisoformat(r[2])) for r in rows}
    points = db.query(
        "SELECT f.session_id, f.feeling, f.intensity FROM session_feeling f "
        "JOIN session s ON s.id = f.session_id WHERE s.client_id = ? "
        "ORDER BY s.date, s.id, f.feeling",
        (client_id,))
    return [FeelingPoint(sid, numbers[sid][0], numbers[sid][1], feeling, intensity)
            for sid, feeling, intensity in points]
