"""Redact registered names from documents that are not supervision exports (renewal report,
record of processing): the same matcher as the leak guard, every hit replaced by its role."""

from __future__ import annotations

from collections.abc import Callable

from ..journal import store as journal
from ..journal.models import IdentityTerm
from ..vault.database import Database
from .leak_guard import TermMatcher, role_of


def redactor(db: Database) -> Callable[[str], str]:
    """A function that replaces every client pseudonym and registered identity term, in any
    spelling, by "[client]" or the term's role."""
    terms: list[IdentityTerm] = [t for _cid, t in journal.all_identity_terms(db)]
    terms += [IdentityTerm(c.pseudonym, "alias", "client") for c in journal.list_clients(db)]
    if not terms:
        return lambda text: text
    matcher = TermMatcher(terms)

    def redact(text: str) -> str:
        hits = sorted(matcher.find(text), key=lambda h: (h.start, -h.end))
        out, position = [], 0
        for hit in hits:
            if hit.start < position:
                continue  # overlapping hit: the longer, earlier one already covers it
            out.append(text[position:hit.start])
            out.append(f"[{role_of(matcher.terms[hit.term_index])}]")
            position = hit.end
        out.append(text[position:])
        return "".join(out)

    return redact
