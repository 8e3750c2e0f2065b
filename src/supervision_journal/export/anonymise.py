"""Anonymise approved text for a supervisor (design.md §7, domain.md §3.6). Pure Python.

``anonymise`` takes the approved items of an export and returns their text with:
- each client's pseudonym replaced by a label fresh to this export ("Client A"), in an order drawn
  at random so that it reveals nothing (a caller fixes ``seed`` only in tests);
- registered identity terms (full name, aliases, identifiers), in any spelling, replaced by their
  role ("[partner]", "[town]"; "[client]" for the client's own names, "[identifier]" by default);
- pattern classes replaced by their placeholder: "[e-mail]", "[phone]", "[address]", "[NIR]"…;
  absolute dates by "[date]" (the header carries the session number and the week of the work),
  ages by a band ("[age 40–49]");
- capitalised words that look like unregistered names, places or organisations returned as
  ``Candidate``s, and redacted ("[name?]"), kept, or kept and reported as blocking, as the
  practitioner decides.

Every replacement is listed (class, span of the original, replacement) for the preview.
"""

from __future__ import annotations

import random
import string
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..journal.models import IdentityTerm
from .detectors import detect_patterns, find_name_candidates
from .leak_guard import TermLike, TermMatcher, as_identity_term, role_of
from .normalise import Normalised, fold, normalise

CANDIDATE_POLICIES: tuple[str, ...] = ("redact", "keep", "block")
_POST_CHECK_ROUNDS = 3

# Lower wins when two overlapping spans are as long as each other.
_PRIORITY: dict[str, int] = {
    cls: rank for rank, cls in enumerate((
        "pseudonym", "identity", "nir", "iban", "email", "url", "phone", "address", "postcode",
        "date", "age", "time", "weekday", "handle", "number", "candidate"))
}


@dataclass(frozen=True)
class ExportItem:
    """One approved piece of text: a note section or a reflection."""

    client_key: Hashable
    session_number: int | None
    weeks_into_work: int | None
    key: str  # section key ("process", "countertransference"…) or "reflection"
    text: str = field(repr=False)


@dataclass(frozen=True)
class SessionContext:
    """What the anonymiser must know besides the identity terms: every client's pseudonym.

    Give the pseudonyms of all clients, not only the exported ones: another client named in a
    note becomes "[another client]".
    """

    pseudonyms: Mapping[Hashable, str] = field(default_factory=dict, repr=False)


@dataclass(frozen=True)
class Placeholders:
    """The words an export uses for what it removed; the UI picks the set of its language."""

    client_label: str = "Client {letter}"
    other_client: str = "[another client]"
    role: str = "[{role}]"
    # The role codes the app stores (ui/identity_dialog.py), in the document's language; a role
    # the practitioner typed is written as typed.
    roles: Mapping[str, str] = field(default_factory=dict)
    age: str = "[age {band}]"
    candidate: str = "[name?]"
    classes: Mapping[str, str] = field(default_factory=lambda: {
        "email": "[e-mail]", "url": "[URL]", "handle": "[handle]", "phone": "[phone]",
        "nir": "[NIR]", "iban": "[IBAN]", "address": "[address]", "postcode": "[postcode]",
        "date": "[date]", "weekday": "[day]", "time": "[time]", "number": "[number]",
    })


ENGLISH = Placeholders()
FRENCH = Placeholders(
    client_label="Client {letter}", other_client="[autre client]", role="[{role}]", roles={
        "client": "client", "partner": "partenaire", "child": "enfant", "parent": "parent",
        "sibling": "fratrie", "relative": "proche", "friend": "ami", "employer": "employeur",
        "school": "école", "town": "ville", "address": "adresse", "other": "autre",
        "identifier": "identifiant"},
    # French sets "?" off with a narrow no-break space: "[nom ?]" never breaks across lines.
    age="[âge {band}]", candidate="[nom\u202f?]", classes={
        "email": "[courriel]", "url": "[URL]", "handle": "[pseudo]", "phone": "[téléphone]",
        "nir": "[NIR]", "iban": "[IBAN]", "address": "[adresse]", "postcode": "[code postal]",
        "date": "[date]", "weekday": "[jour]", "time": "[heure]", "number": "[numéro]",
    })


@dataclass(frozen=True)
class Replacement:
    """One replacement, in the coordinates of the item's original text."""

    item_index: int
    cls: str  # pseudonym | identity | a pattern class | candidate
    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class Candidate:
    """A word or group that may be an unregistered name, place or organisation."""

    item_index: int
    span: tuple[int, int]
    text: str = field(repr=False)
    reason: str  # first_name | surname | place | after_title | capitalised | caps | near_registered
    decision: str  # redact | keep | block
    key: str = field(repr=False)  # normalised text: how ``candidate_decisions`` names it


@dataclass(frozen=True)
class AnonymisedItem:
    label: str
    session_number: int | None
    weeks_into_work: int | None
    key: str
    text: str = field(repr=False)
    replacements: tuple[Replacement, ...] = ()
    candidates: tuple[Candidate, ...] = ()


@dataclass(frozen=True)
class AnonymisedExport:
    items: tuple[AnonymisedItem, ...]
    labels: Mapping[Hashable, str] = field(repr=False)

    @property
    def replacements(self) -> tuple[Replacement, ...]:
        return tuple(r for item in self.items for r in item.replacements)

    @property
    def candidates(self) -> tuple[Candidate, ...]:
        return tuple(c for item in self.items for c in item.candidates)

    @property
    def blocking_candidates(self) -> tuple[Candidate, ...]:
        return tuple(c for c in self.candidates if c.decision == "block")

    @property
    def blocked(self) -> bool:
        """True when a candidate waits for the practitioner's decision."""
        return bool(self.blocking_candidates)


@dataclass(frozen=True)
class _Planned:
    start: int
    end: int
    cls: str
    replacement: str


def client_label(index: int, template: str = "Client {letter}") -> str:
    """"Client A" … "Client Z", "Client AA" …"""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = string.ascii_uppercase[rest] + letters
    return template.format(letter=letters)


def anonymise(items: Iterable[ExportItem | tuple[Hashable, int | None, int | None, str, str]], *,
              registered_terms: Sequence[TermLike],
              session_context: SessionContext,
              candidates_policy: str = "block",
              candidate_decisions: Mapping[str, str] | None = None,
              seed: int | None = None,
              placeholders: Placeholders = ENGLISH) -> AnonymisedExport:
    """Anonymise ``items`` (see the module docstring).

    ``candidates_policy`` applies to every candidate that ``candidate_decisions`` (keyed by
    ``Candidate.key``) does not decide. ``seed`` fixes the order of the client labels (tests).
    """
    decisions = dict(candidate_decisions or {})
    for decision in (candidates_policy, *decisions.values()):
        if decision not in CANDIDATE_POLICIES:
            raise ValueError(f"unknown candidate decision: {decision!r}")
    export_items = [i if isinstance(i, ExportItem) else ExportItem(*i) for i in items]

    keys = list(dict.fromkeys(item.client_key for item in export_items))
    shuffler = random.Random(seed) if seed is not None else random.SystemRandom()
    shuffler.shuffle(keys)
    labels = {key: client_label(n, placeholders.client_label) for n, key in enumerate(keys)}

    # Pseudonyms first, then identity terms; each term's replacement and class by index.
    terms: list[IdentityTerm] = []
    replace_with: list[tuple[str, str]] = []
    for key, pseudonym in session_context.pseudonyms.items():
        terms.append(IdentityTerm(pseudonym, "identifier", None))
        replace_with.append(("pseudonym", labels.get(key, placeholders.other_client)))
    for term in map(as_identity_term, registered_terms):
        terms.append(term)
        role = role_of(term)
        replace_with.append(("identity", placeholders.role.format(
            role=placeholders.roles.get(role, role))))
    matcher = TermMatcher(terms)

    # Each text is normalised once, for the term search and for the typo search.
    views = [normalise(item.text) for item in export_items]
    planned = [_plan(item.text, view, matcher, replace_with, placeholders)
               for item, view in zip(export_items, views, strict=True)]
    # A word written as a proper noun inside a sentence somewhere in the export is a name at the
    # start of a sentence too ("… avec Marius." then "Marius lui a écrit.").
    known = frozenset(word for item, (spans, taken) in zip(export_items, planned, strict=True)
                      for hit in find_name_candidates(item.text, skip=taken)
                      if hit.reason != "initial" for word in hit.words)
    done = [
        _finish(index, item, views[index], labels[item.client_key], spans, taken, known, matcher,
                replace_with, placeholders, candidates_policy, decisions)
        for index, (item, (spans, taken)) in enumerate(zip(export_items, planned, strict=True))
    ]
    return AnonymisedExport(tuple(done), labels)


def _plan(text: str, view: Normalised, matcher: TermMatcher,
          replace_with: Sequence[tuple[str, str]],
          placeholders: Placeholders) -> tuple[list[_Planned], list[tuple[int, int]]]:
    """Registered terms and pattern classes found in ``text``, and the spans they take."""
    planned: list[_Planned] = []
    for hit in matcher.find(view):
        cls, replacement = replace_with[hit.term_index]
        planned.append(_Planned(hit.start, hit.end, cls, replacement))
    for span in detect_patterns(text):
        replacement = (placeholders.age.format(band=span.band) if span.cls == "age"
                       else placeholders.classes[span.cls])
        planned.append(_Planned(span.start, span.end, span.cls, replacement))
    return planned, [(p.start, p.end) for p in planned]


def _finish(index: int, item: ExportItem, view: Normalised, label: str,
            planned: list[_Planned],
            taken: list[tuple[int, int]], known: frozenset[str], matcher: TermMatcher,
            replace_with: Sequence[tuple[str, str]], placeholders: Placeholders,
            policy: str, decisions: Mapping[str, str]) -> AnonymisedItem:
    text = item.text
    planned = list(planned)
    found: list[tuple[int, int, str]] = []
    for near in matcher.near_misses(view):
        if not _overlaps(near.start, near.end, taken):
            found.append((near.start, near.end, "near_registered"))
    taken = taken + [(s, e) for s, e, _r in found]
    found += [(h.start, h.end, h.reason)
              for h in find_name_candidates(text, skip=taken, known=known)]

    candidates: list[Candidate] = []
    for start, end, reason in sorted(found):
        key = fold(text[start:end])
        decision = decisions.get(key, policy)
        candidates.append(Candidate(index, (start, end), text[start:end], reason, decision, key))
        if decision == "redact":
            planned.append(_Planned(start, end, "candidate", placeholders.candidate))

    merged = _merge(planned)
    output, segments = _apply(text, merged)
    # A replacement can make neighbours meet ("Pa" + "ul" around a removed span): look again in
    # the output and widen the replaced spans until nothing registered is left.
    for _round in range(_POST_CHECK_ROUNDS):
        late = matcher.find(output)
        if not late:
            break
        for hit in late:
            start, end = _to_source(hit.start, hit.end, segments)
            cls, replacement = replace_with[hit.term_index]
            planned.append(_Planned(start, end, cls, replacement))
        merged = _merge(planned)
        output, segments = _apply(text, merged)

    replacements = tuple(Replacement(index, p.cls, p.start, p.end, p.replacement)
                         for p in merged)
    return AnonymisedItem(label, item.session_number, item.weeks_into_work, item.key, output,
                          replacements, tuple(candidates))


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _merge(planned: Sequence[_Planned]) -> list[_Planned]:
    """Overlapping spans become one, covering them all, named after the longest."""
    out: list[_Planned] = []
    cluster: list[_Planned] = []
    for span in sorted(planned, key=lambda p: (p.start, -p.end)):
        if cluster and span.start >= max(p.end for p in cluster):
            out.append(_one(cluster))
            cluster = []
        cluster.append(span)
    if cluster:
        out.append(_one(cluster))
    return out


def _one(cluster: Sequence[_Planned]) -> _Planned:
    best = min(cluster, key=lambda p: (-(p.end - p.start), _PRIORITY[p.cls]))
    return _Planned(min(p.start for p in cluster), max(p.end for p in cluster), best.cls,
                    best.replacement)


_Segment = tuple[int, int, int, int, bool]  # output start, end, source start, end, replaced


def _apply(text: str, merged: Sequence[_Planned]) -> tuple[str, list[_Segment]]:
    """The replaced text and its segments, to map a position of the output back to the source."""
    pieces: list[str] = []
    segments: list[_Segment] = []
    position = out_length = 0

    def add(piece: str, source_start: int, source_end: int, replaced: bool) -> None:
        nonlocal out_length
        if piece:
            segments.append((out_length, out_length + len(piece), source_start, source_end,
                             replaced))
            pieces.append(piece)
            out_length += len(piece)

    for span in merged:
        add(text[position:span.start], position, span.start, False)
        add(span.replacement, span.start, span.end, True)
        position = span.end
    add(text[position:], position, len(text), False)
    return "".join(pieces), segments


def _to_source(start: int, end: int, segments: Sequence[_Segment]) -> tuple[int, int]:
    touched = [s for s in segments if s[0] < end and start < s[1]]
    first, last = touched[0], touched[-1]
    # Inside an unchanged segment offsets correspond one to one; a replacement maps whole.
    source_start = first[2] + (0 if first[4] else start - first[0])
    source_end = last[3] - (0 if last[4] else last[1] - end)
    return source_start, source_end
