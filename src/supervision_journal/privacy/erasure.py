"""Erasure of one client (GDPR Art. 17), or anonymisation that keeps the practitioner's own
reflections.

One transaction removes the sessions, sections, approvals, reflections, identity terms,
supervision case links and the client row; the FTS5 triggers remove the index entries, and an
FTS5 'optimize' then rewrites each index without them (much faster than FTS5's per-token
'secure-delete' for a whole client, see ``store.fast_fts_deletes``). With ``secure_delete`` on
the connection the freed bytes are overwritten with zeros; after the commit a VACUUM rebuilds
every page (b-tree rebalancing can leave old copies of cells in free space that
``secure_delete`` never sees) and a ``wal_checkpoint(TRUNCATE)`` drops the old page images from
the write-ahead log. The audit row proves the
erasure with its date and counts only: no pseudonym, no id that could point back.

Backups made before the erasure still hold the client; the caller says so to the user.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..errors import KnownError
from ..export import store as export_store
from ..export.leak_guard import TermHit, TermMatcher, role_of
from ..journal import store as journal
from ..journal.models import IdentityTerm
from ..vault.database import Database
from . import store
from .models import ErasureCounts

AUDIT_KIND = "erasure"


class ConfirmationMismatch(KnownError):
    """The pseudonym typed to confirm an erasure is not the client's."""


@dataclass(frozen=True)
class ErasureResult:
    erased_on: date
    counts: ErasureCounts  # what the client had before the erasure
    anonymised: bool
    reflections_kept: int  # anonymised reflections kept, unlinked (0 for a plain erasure)
    supervision_texts_redacted: int  # supervision sessions whose texts named the client
    compacted: bool  # False: the VACUUM failed (disk full, vault busy); run it again later
    checkpointed: bool  # False: a reader blocked the WAL truncation (cleared when it closes)
    audit_id: int


def confirmation_matches(pseudonym: str, typed: str) -> bool:
    """The typed text must be the pseudonym itself: same letters, same case (only surrounding
    spaces and Unicode composition are forgiven), so an erasure is never a slip."""

    def norm(text: str) -> str:
        return unicodedata.normalize("NFC", text.strip())

    return bool(typed.strip()) and norm(pseudonym) == norm(typed)


def _label(term: IdentityTerm) -> str:
    return f"[{role_of(term)}]"


def redact(text: str, terms: Sequence[IdentityTerm], matcher: TermMatcher | None = None) -> str:
    """``text`` with every registered term, in any spelling the export's matcher knows (case,
    accents, hyphens, parts of names, initials, typos one edit away), replaced by its role."""
    if not text or not terms:
        return text
    matcher = matcher or TermMatcher(terms)
    hits: list[TermHit] = sorted(matcher.find(text) + matcher.near_misses(text),
                                 key=lambda h: (h.start, -(h.end - h.start)))
    out: list[str] = []
    position = 0
    for hit in hits:
        if hit.start < position:  # overlaps a longer or earlier replacement
            if hit.end > position:
                position = hit.end
            continue
        out.append(text[position:hit.start])
        out.append(_label(matcher.terms[hit.term_index]))
        position = hit.end
    out.append(text[position:])
    return "".join(out)


def _client_terms(db: Database, client_id: int, pseudonym: str) -> list[IdentityTerm]:
    """The pseudonym and every identity term, all matched like names (each word of "Paul
    Fictif" alone too): when anonymising, removing too much is the safe side."""
    identity = journal.get_identity(db, client_id)
    terms = [IdentityTerm(pseudonym, "alias", "client")]
    terms += [IdentityTerm(t.term, "alias", role_of(t)) for t in identity.terms]
    return terms


def _redact_supervisions(db: Database, client_id: int, terms: Sequence[IdentityTerm],
                         matcher: TermMatcher) -> int:
    """Supervision sessions that discussed the client keep their date and hours, but their
    texts lose every term naming the client (the ledger entry follows the edit)."""
    changed = 0
    for supervision_id in store.linked_supervisions(db, client_id):
        sup = journal.get_supervision(db, supervision_id)
        texts = {k: redact(getattr(sup, k), terms, matcher)
                 for k in ("questions", "learning", "actions")}
        if any(texts[k] != getattr(sup, k) for k in texts):
            journal.update_supervision(db, supervision_id, **texts)
            changed += 1
    return changed


def erase_client(db: Database, client_id: int, confirm_pseudonym: str, *,
                 anonymise_instead: bool = False, today: date | None = None) -> ErasureResult:
    """Erase everything about one client in one transaction, then truncate the WAL.

    Refuses (``ConfirmationMismatch``, nothing written) unless ``confirm_pseudonym`` is the
    client's pseudonym. With ``anonymise_instead`` the client's reflections are kept, unlinked,
    with the pseudonym and every identity term replaced by roles ("[client]", "[partner]").
    """
    client = journal.get_client(db, client_id)
    if not confirmation_matches(client.pseudonym, confirm_pseudonym):
        raise ConfirmationMismatch("The confirmation is not the client's pseudonym, typed "
                                   "exactly; nothing was erased.")
    store.ensure_secure_delete(db)
    erased_on = today or date.today()
    with db.transaction():
        fts_settings = store.fast_fts_deletes(db)
        counts = store.client_counts(db, client_id)
        terms = _client_terms(db, client_id, client.pseudonym)
        matcher = TermMatcher(terms)
        redacted = _redact_supervisions(db, client_id, terms, matcher)
        kept = 0
        if anonymise_instead:
            # Before the deletes: a reflection still linked to a session would go with it.
            for reflection_id, text in store.client_reflections(db, client_id):
                store.detach_reflection(db, reflection_id, redact(text, terms, matcher))
                kept += 1
        store.delete_client_records(db, client_id)
        store.purge_fts_index(db, fts_settings)
        store.scrub_access_audit(db, client_id)
        audit = export_store.add_audit(
            db, AUDIT_KIND, fmt="anonymise" if anonymise_instead else "erase",
            items=[{"on": erased_on.isoformat(), **counts.as_dict(),
                    "reflections_kept": kept, "supervision_texts_redacted": redacted}])
    compacted = store.compact(db)
    return ErasureResult(erased_on, counts, anonymise_instead, kept, redacted, compacted,
                         store.checkpoint_truncate(db), audit.id)
