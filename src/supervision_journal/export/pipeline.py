"""The export for supervision, end to end (design.md §7):

select (approved only) → anonymise → render → leak guard → (seal) → bytes; the caller writes
them atomically under a neutral name, then calls ``record`` for the audit row.

``prepare`` does everything up to the rendered text, so the preview shows exactly what will be
written; ``finish`` runs the leak guard on that final text and refuses (``ExportBlocked``) on
any registered term in any spelling, any eight-word run copied from an unapproved or private
text, or a candidate still waiting for the practitioner's decision.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from ..errors import ExportBlocked, KnownError
from ..journal import store as journal
from ..journal.models import IdentityTerm
from ..prompts.library import load_library
from ..vault.database import Database
from . import leak_guard, render, seal
from . import store as export_store
from .anonymise import ENGLISH, FRENCH, AnonymisedExport, ExportItem, SessionContext, anonymise
from .select import Selection, select

FORMATS = ("md", "html", "pdf")


@dataclass(frozen=True)
class ExportRequest:
    client_ids: tuple[int, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    session_ids: tuple[int, ...] = ()
    reflection_ids: tuple[int, ...] = ()  # reflections picked alone (a case presentation)
    candidates: str = "block"  # block | redact | keep, for candidates not decided one by one
    decisions: Mapping[str, str] = field(default_factory=dict)  # Candidate.key → decision
    language: str = "en"
    recipient: str = ""  # a label for the audit and the title page ("Dr B., supervisor")
    seed: int | None = None  # fixes the client labels' order (tests only)


@dataclass(frozen=True)
class PreparedExport:
    request: ExportRequest
    selection: Selection
    anonymised: AnonymisedExport
    markdown: str
    html: str
    terms: tuple[IdentityTerm | str, ...] = field(repr=False)
    unapproved: tuple[str, ...] = field(repr=False)

    @property
    def empty(self) -> bool:
        return not self.selection.items

    def leaks(self) -> list[leak_guard.LeakHit]:
        """The leak guard over everything a reader could see (Markdown and HTML text)."""
        matcher = leak_guard.TermMatcher(self.terms)
        hits = leak_guard.check(self.markdown, self.terms, self.unapproved, matcher=matcher)
        hits += leak_guard.check(render.html_text(self.html), self.terms, self.unapproved,
                                 matcher=matcher)
        return hits


def _terms(db: Database) -> tuple[list[IdentityTerm], dict[int, str]]:
    pseudonyms = {c.id: c.pseudonym for c in journal.list_clients(db)}
    return [t for _cid, t in journal.all_identity_terms(db)], pseudonyms


def _unapproved_texts(db: Database, selection: Selection) -> list[str]:
    """Private and unapproved texts of the exported sessions: none of it may appear."""
    sessions = {i.session_id for i in selection.items if i.session_id is not None}
    approved = {(i.session_id, i.key) for i in selection.items if i.kind == "section"}
    approved_reflections = {i.ref_id for i in selection.items if i.kind == "reflection"}
    texts = []
    for session_id in sorted(sessions):
        note = journal.get_note(db, session_id)
        texts += [s.text for k, s in note.sections.items()
                  if (session_id, k) not in approved and s.text.strip()]
        texts += [r.text for r in journal.list_reflections(db, session_id=session_id)
                  if r.id not in approved_reflections and r.text.strip()]
    return texts


def prepare(db: Database, request: ExportRequest) -> PreparedExport:
    if request.candidates not in ("block", "redact", "keep"):
        raise KnownError("Candidates are handled by block, redact or keep.")
    selection = select(db, client_ids=request.client_ids or None, date_from=request.date_from,
                       date_to=request.date_to, session_ids=request.session_ids or None,
                       reflection_ids=request.reflection_ids or None)
    identity_terms, pseudonyms = _terms(db)
    placeholders = FRENCH if request.language.startswith("fr") else ENGLISH
    anonymised = anonymise(
        [ExportItem(i.client_id, i.session_number, i.weeks_into_work, i.key, i.text)
         for i in selection.items],
        registered_terms=identity_terms, session_context=SessionContext(pseudonyms),
        candidates_policy=request.candidates, candidate_decisions=dict(request.decisions),
        seed=request.seed, placeholders=placeholders)
    library = load_library(request.language)

    def prompt_title(prompt_id: str) -> str | None:
        prompt = library.by_id(prompt_id)
        return prompt.title if prompt else None

    doc = render.blocks(anonymised, [i.kind for i in selection.items], request.language,
                        prompt_title)
    terms: tuple[IdentityTerm | str, ...] = (*identity_terms, *pseudonyms.values())
    return PreparedExport(request, selection, anonymised,
                          render.to_markdown(doc, request.language, request.recipient),
                          render.to_html(doc, request.language, request.recipient),
                          terms, tuple(_unapproved_texts(db, selection)))


def finish(prepared: PreparedExport, fmt: str, *,
           pdf_renderer: Callable[[str], bytes] | None = None,
           seal_passphrase: str | None = None, seal_recipient: str | None = None) -> bytes:
    """The bytes to write, after the leak guard. Raises ExportBlocked before producing any."""
    if fmt not in FORMATS:
        raise KnownError("The export format is md, html or pdf.")
    if prepared.empty:
        raise KnownError("Nothing is approved for supervision in this selection: approve "
                         "sections or reflections first.")
    if prepared.anonymised.blocked:
        raise ExportBlocked("{count} possible name(s) need a decision (redact or keep) "
                            "before anything is written.",
                            count=len(prepared.anonymised.blocking_candidates))
    hits = prepared.leaks()
    if hits:
        # The place of the first hit is a technical description, kept as it is (the UI lists
        # the hits in its own words).
        raise ExportBlocked("The leak guard stopped the export: {count} hit(s), first at "
                            "{first}. Nothing was written.", count=len(hits), first=str(hits[0]))
    if fmt == "md":
        data = prepared.markdown.encode("utf-8")
    elif fmt == "html":
        data = prepared.html.encode("utf-8")
    else:
        if pdf_renderer is None:
            raise KnownError("PDF rendering is not available here.")
        data = pdf_renderer(prepared.html)
    if seal_passphrase is not None:
        return seal.seal_with_passphrase(data, seal_passphrase)
    if seal_recipient is not None:
        return seal.seal_to_recipient(data, seal_recipient)
    return data


def record(db: Database, prepared: PreparedExport, fmt: str, data: bytes,
           sealed: bool) -> export_store.AuditRow:
    """The audit row of a written export: when, for whom, which items, format, SHA-256."""
    items: Sequence[list[object]] = [[i.kind, i.session_id, i.key if i.kind == "section"
                                      else i.ref_id] for i in prepared.selection.items]
    return export_store.add_audit(db, "supervision", recipient=prepared.request.recipient,
                                  fmt=fmt + ("+age" if sealed else ""), items=items,
                                  sha256=hashlib.sha256(data).hexdigest())
