"""All SQL of the privacy package: per-client counts, the erasure's deletes, retention
overrides, the access audit scrub, the WAL checkpoint and the cipher facts of the record.

Callers group the writes inside one ``db.transaction()``; nothing here commits on its own
except ``set_retention_override``.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from ..errors import KnownError
from ..vault.database import Database
from .models import ErasureCounts

# The client's sessions, as a sub-select reused by the statements below.
_SESSIONS = "SELECT id FROM session WHERE client_id = :c"
_SECTIONS = f"SELECT id FROM section WHERE session_id IN ({_SESSIONS})"
# A reflection belongs to the client through its own link or through its session's.
_REFLECTIONS = f"client_id = :c OR session_id IN ({_SESSIONS})"
FTS_TABLES = ("section_fts", "reflection_fts")


def client_counts(db: Database, client_id: int) -> ErasureCounts:
    params = {"c": client_id}
    row = db.query_one(
        "SELECT "
        f"(SELECT count(*) FROM session WHERE client_id = :c), "
        f"(SELECT count(*) FROM section WHERE session_id IN ({_SESSIONS})), "
        f"(SELECT count(*) FROM approval WHERE section_id IN ({_SECTIONS})), "
        f"(SELECT count(*) FROM reflection WHERE {_REFLECTIONS}), "
        "(SELECT count(*) FROM identity_term WHERE client_id = :c), "
        "(SELECT count(*) FROM supervision_case WHERE client_id = :c)", params)
    assert row is not None
    return ErasureCounts(*(int(v) for v in row))


def set_retention_override(db: Database, client_id: int, years: int | None,
                           reason: str | None) -> None:
    """Set this client's own period, or clear it (None) so the vault's default applies."""
    with db.transaction():
        db.execute("UPDATE client SET retention_years = ?, retention_reason = ? WHERE id = ?",
                   (years, reason if years is not None else None, client_id))


# -- erasure -------------------------------------------------------------------------------

def ensure_secure_delete(db: Database) -> None:
    """Overwrite freed bytes with zeros (the connection recipe sets it already; an erasure that
    left readable bytes would be a false promise, so it is asserted again here)."""
    db.execute("PRAGMA secure_delete = ON")


def fast_fts_deletes(db: Database) -> dict[str, bool]:
    """Turn the FTS5 'secure-delete' option off for the erasure's transaction.

    With it on, FTS5 rewrites a leaf page for every deleted token; for a whole client that
    costs seconds on a small vault and minutes on a 25 MB one (measured), because common words
    have long doclists. ``purge_fts_index`` then removes the deleted entries in one pass.
    Returns the previous settings, for ``purge_fts_index`` to restore.
    """
    previous = {table: fts_secure_delete(db, table) for table in FTS_TABLES}
    for table in FTS_TABLES:
        db.execute(f"INSERT INTO {table}({table}, rank) VALUES ('secure-delete', 0)")
    return previous


def purge_fts_index(db: Database, previous: dict[str, bool]) -> None:
    """Merge each full-text index into one segment ('optimize'): the deleted entries and their
    delete markers are dropped, the old segments' pages are freed (and zeroed, with
    ``secure_delete``). Then restore the 'secure-delete' option for ordinary edits."""
    for table in FTS_TABLES:
        db.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
        db.execute(f"INSERT INTO {table}({table}, rank) VALUES ('secure-delete', ?)",
                   (int(previous.get(table, True)),))


def secure_delete_pragma(db: Database) -> bool:
    return bool(db.scalar("PRAGMA secure_delete"))


def fts_secure_delete(db: Database, table: str) -> bool:
    if table not in FTS_TABLES:
        raise KnownError("Unknown full-text index.")
    value = db.scalar(f"SELECT v FROM {table}_config WHERE k = 'secure-delete'")
    return bool(value)


def client_reflections(db: Database, client_id: int) -> list[tuple[int, str]]:
    return [(int(r[0]), str(r[1])) for r in db.query(
        f"SELECT id, text FROM reflection WHERE {_REFLECTIONS} ORDER BY id", {"c": client_id})]


def detach_reflection(db: Database, reflection_id: int, text: str) -> None:
    """Keep a reflection as the practitioner's own: new text, no client or session link, and
    no approval (the practitioner approves the anonymised text again if they want to)."""
    db.execute("UPDATE reflection SET text = ?, client_id = NULL, session_id = NULL, "
               "approved_sha256 = NULL, approved_at = NULL, updated_at = ? WHERE id = ?",
               (text, datetime.now(UTC).isoformat(timespec="seconds"), reflection_id))


def linked_supervisions(db: Database, client_id: int) -> list[int]:
    return [int(r[0]) for r in db.query(
        "SELECT supervision_id FROM supervision_case WHERE client_id = ? ORDER BY 1",
        (client_id,))]


def delete_client_records(db: Database, client_id: int) -> None:
    """Delete everything about one client, children first. The FTS triggers remove the index
    entries of every deleted section and reflection; tags follow by cascade."""
    params = {"c": client_id}
    db.execute(f"DELETE FROM approval WHERE section_id IN ({_SECTIONS})", params)
    db.execute(f"DELETE FROM reflection WHERE {_REFLECTIONS}", params)
    db.execute(f"DELETE FROM section WHERE session_id IN ({_SESSIONS})", params)
    db.execute(f"DELETE FROM session_tag WHERE session_id IN ({_SESSIONS})", params)
    db.execute("DELETE FROM session WHERE client_id = :c", params)
    db.execute("DELETE FROM identity_term WHERE client_id = :c", params)
    db.execute("DELETE FROM supervision_case WHERE client_id = :c", params)
    db.execute("DELETE FROM client_tag WHERE client_id = :c", params)
    db.execute("DELETE FROM client WHERE id = :c", params)


def scrub_access_audit(db: Database, client_id: int) -> int:
    """Empty the items of the access-request audit rows that named this client (their date,
    format and hash stay): after an erasure no audit row may point back to the client."""
    ids = []
    for row_id, items in db.query("SELECT id, items FROM export_audit WHERE kind = 'access'"):
        try:
            parsed: Any = json.loads(items)
        except ValueError:
            continue
        if any(isinstance(i, dict) and i.get("client_id") == client_id for i in parsed):
            ids.append(int(row_id))
    db.executemany("UPDATE export_audit SET items = '[]' WHERE id = ?", [(i,) for i in ids])
    return len(ids)


def compact(db: Database) -> bool:
    """Rebuild every page from the live rows (VACUUM), after the erasure has committed.

    ``secure_delete`` zeroes a deleted cell where it lies, but when SQLite rebalances a b-tree
    it repacks pages without clearing the space the repacking frees, and earlier copies of
    cells can survive there (seen: an erased client's tag in an index page of a 25 MB vault).
    A rebuilt page holds only live rows. False when the disk is full or another connection
    is busy: the erasure stands, only this clean-up is missing.
    """
    try:
        db.execute("VACUUM")
    except KnownError:
        return False
    return True


def checkpoint_truncate(db: Database) -> bool:
    """Copy the WAL into journal.db and truncate it to zero bytes: the old page images in the
    WAL go with it. False when a reader blocked it (the WAL is then cleared later)."""
    row = db.query_one("PRAGMA wal_checkpoint(TRUNCATE)")
    return row is not None and int(row[0]) == 0


# -- facts for the record of processing ----------------------------------------------------

def cipher_facts(db: Database) -> dict[str, str]:
    """What SQLCipher reports about this vault's encryption, not what we believe it to be."""
    return {
        "cipher_version": str(db.scalar("PRAGMA cipher_version") or ""),
        "page_size": str(db.scalar("PRAGMA cipher_page_size") or ""),
        "hmac_algorithm": str(db.scalar("PRAGMA cipher_hmac_algorithm") or ""),
        "secure_delete": "on" if secure_delete_pragma(db) else "off",
    }


def retention_override_count(db: Database) -> int:
    return int(db.scalar("SELECT count(*) FROM client WHERE retention_years IS NOT NULL"))
