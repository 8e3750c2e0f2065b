"""The leak guard: the last check on an export's final text before a single byte is written.

It finds every registered identity term (and pseudonym) in any spelling — case, accents, NBSP and
zero-width characters, hyphen and line-break splits, French elisions, English possessives and
plurals, common homoglyphs, "J. Smith" initials — and every run of eight or more words copied from
a text the practitioner did not approve (a private section, an unapproved note: a canary). The
anonymiser uses the same ``TermMatcher``, so what the guard would catch has already been replaced;
a hit here means something went wrong, and the caller raises ``ExportBlocked``.

Nothing in this module puts a term or a piece of note text into a message: hits carry positions,
the term's index in the caller's list and its role.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..journal.models import IdentityTerm
from .detectors import gazetteer
from .normalise import Normalised, Sep, line_column, normalise

CANARY_WORDS = 8  # a run this long copied from an unapproved text blocks the export
NEAR_MISS_MIN_LENGTH = 6  # typos (one edit) are looked for in words at least this long
_PARTICLES = frozenset(("de", "du", "des", "la", "le", "les", "d", "l", "van", "von", "der",
                        "den", "di", "da", "del", "della", "y", "e", "el", "al", "ben", "bin",
                        "st", "mac", "o"))

TermLike = IdentityTerm | str


def as_identity_term(term: TermLike) -> IdentityTerm:
    return term if isinstance(term, IdentityTerm) else IdentityTerm(term, "identifier", None)


def role_of(term: IdentityTerm) -> str:
    """The bare role of a term ("partner"), from what the practitioner typed or its kind."""
    raw = term.role or ("client" if term.kind in ("full_name", "alias") else "")
    cleaned = "".join(c for c in raw.strip().strip("[]") if c.isalnum() or c in " -'’")
    return " ".join(cleaned.split())[:40] or "identifier"


# ---------------------------------------------------------------------------------------------
# Matching a list of terms against normalised text


@dataclass(frozen=True)
class _Pattern:
    compact: str  # the term's letters and digits, without separators
    boundaries: frozenset[int]  # offsets in ``compact`` where the term had a word break
    cased: bool  # a common word: matches only where the source starts with a capital
    whole: bool  # the whole registered term, not a part of it
    term_index: int
    breaks: frozenset[int] = frozenset()  # boundaries where the term has punctuation ("A & B")
    initials: bool = False  # "J. Dupont": each one-letter word must be followed by "." or "-"


@dataclass(frozen=True)
class TermHit:
    start: int  # in the source text
    end: int
    term_index: int
    whole: bool


def _boundaries(tokens: Sequence[str]) -> frozenset[int]:
    out, offset = set(), 0
    for token in tokens[:-1]:
        offset += len(token)
        out.add(offset)
    return frozenset(out)


def _patterns_for(term: IdentityTerm, index: int, common: frozenset[str]) -> list[_Pattern]:
    view = normalise(term.term)
    tokens = view.text.split()
    if not tokens or len("".join(tokens)) < 2:
        return []
    breaks, offset = set(), 0
    for position, char in enumerate(view.text.strip()):
        if char != " ":
            offset += 1
        elif view.kinds[position + len(view.text) - len(view.text.lstrip())] == Sep.BREAK:
            breaks.add(offset)
    out = [_Pattern("".join(tokens), _boundaries(tokens), False, True, index,
                    frozenset(breaks))]
    if len(tokens) < 2:
        return out

    def weak(word: str) -> bool:
        return word in common or len(word) <= 2 or word in _PARTICLES

    # Initials before the last word: "J. Smith", "J.-P. Dupont", "JP Dupont", "C. Pasteur".
    given = [w for w in tokens[:-1] if w not in _PARTICLES]
    last = tokens[-1]
    if given and last not in _PARTICLES:
        for initials in ([given[0][0]], [w[0] for w in given], [w[0] for w in tokens[:-1]]):
            part = [*initials, last]
            out.append(_Pattern("".join(part), _boundaries(part), weak(last), False, index,
                                initials=True))
    if term.kind not in ("full_name", "alias"):
        return out  # "Banque de France" must not turn every "France" into a leak

    # Every run of consecutive words of a name identifies too: "Paul", "Dupont", "Jean-Pierre".
    for size in range(1, len(tokens)):
        for first in range(len(tokens) - size + 1):
            part = tokens[first:first + size]
            if all(w in _PARTICLES for w in part) or len("".join(part)) < 2:
                continue
            out.append(_Pattern("".join(part), _boundaries(part), all(weak(w) for w in part),
                                False, index))
    return out


class TermMatcher:
    """Finds registered terms in text after normalising both (see module docstring)."""

    def __init__(self, terms: Sequence[TermLike]) -> None:
        self.terms: tuple[IdentityTerm, ...] = tuple(as_identity_term(t) for t in terms)
        common = gazetteer().common | gazetteer().ambiguous
        merged: dict[tuple[str, int], _Pattern] = {}
        for index, term in enumerate(self.terms):
            for pattern in _patterns_for(term, index, common):
                key = (pattern.compact, index)
                if key in merged:
                    old = merged[key]
                    pattern = _Pattern(pattern.compact, old.boundaries | pattern.boundaries,
                                       old.cased and pattern.cased, old.whole or pattern.whole,
                                       index, old.breaks | pattern.breaks,
                                       old.initials and pattern.initials)
                merged[key] = pattern
        self._patterns = tuple(merged.values())
        # A match starts at a word start: look patterns up by their first two letters there
        # instead of searching the whole text once per pattern.
        self._by_prefix: dict[str, list[_Pattern]] = {}
        for pattern in self._patterns:
            self._by_prefix.setdefault(pattern.compact[:2], []).append(pattern)
        self._near: dict[str, set[int]] = {}
        for pattern in self._patterns:
            if len(pattern.compact) >= NEAR_MISS_MIN_LENGTH and not pattern.cased and (
                    pattern.whole or not pattern.boundaries):
                for variant in _deletions(pattern.compact):
                    self._near.setdefault(variant, set()).add(pattern.term_index)
        self._exact = {p.compact for p in self._patterns}

    def find(self, text: str | Normalised) -> list[TermHit]:
        view = text if isinstance(text, Normalised) else normalise(text)
        compact, where, bound = _compact(view)
        hits: dict[tuple[int, int, int], bool] = {}
        for at in range(len(compact)):
            if bound[at] == Sep.NONE:
                continue
            for pattern in self._by_prefix.get(compact[at:at + 2], ()):
                if not compact.startswith(pattern.compact, at):
                    continue
                end = _accept(pattern, at, at + len(pattern.compact), compact, where, bound,
                              view)
                if end is not None:
                    start_source, end_source = view.source_span(where[at], where[end - 1] + 1)
                    key = (start_source, end_source, pattern.term_index)
                    hits[key] = hits.get(key, False) or pattern.whole
        # Report each place once: "Paul" inside a hit on "Paul Dupont" is the same leak.
        out: list[TermHit] = []
        reach = -1  # the furthest end so far: an earlier hit that starts no later covers it
        for (start, end, index), whole in sorted(hits.items(), key=lambda h: (h[0][0],
                                                                               -h[0][1])):
            if end > reach:
                out.append(TermHit(start, end, index, whole))
                reach = end
        return out

    def near_misses(self, text: str | Normalised) -> list[TermHit]:
        """Words one edit away from a registered word of six letters or more (typos)."""
        view = text if isinstance(text, Normalised) else normalise(text)
        out: list[TermHit] = []
        position = 0
        for word in view.text.split(" "):
            start, position = position, position + len(word) + 1
            if len(word) < NEAR_MISS_MIN_LENGTH - 1 or word in self._exact:
                continue
            candidates: set[int] = set()
            for variant in _deletions(word):
                candidates |= self._near.get(variant, set())
            matching = [i for i in sorted(candidates)
                        if any(_one_edit(word, p.compact) for p in self._patterns
                               if p.term_index == i and len(p.compact) >= NEAR_MISS_MIN_LENGTH)]
            if matching:
                s, e = view.source_span(start, start + len(word))
                out.append(TermHit(s, e, matching[0], False))
        return out


def _compact(view: Normalised) -> tuple[str, list[int], list[Sep]]:
    """Letters without separators; where each came from in the view; the break before each."""
    letters: list[str] = []
    where: list[int] = []
    bound: list[Sep] = []
    pending = Sep.BREAK
    for index, char in enumerate(view.text):
        if char == " ":
            pending = view.kinds[index] if pending == Sep.NONE else max(pending,
                                                                         view.kinds[index])
            continue
        letters.append(char)
        where.append(index)
        bound.append(pending)
        pending = Sep.NONE
    bound.append(Sep.BREAK)
    return "".join(letters), where, bound


def _accept(pattern: _Pattern, start: int, end: int, compact: str, where: list[int],
            bound: list[Sep], view: Normalised) -> int | None:
    """The end of an accepted match of ``pattern`` at ``start``, or None if it is no match."""
    if bound[start] == Sep.NONE:
        return None  # inside a word: "Paul" in "Paulette"
    if bound[end] == Sep.NONE:
        # Plural and possessive without an apostrophe: "les Duponts", "Pauls".
        if len(pattern.compact) >= 3 and compact[end] == "s" and bound[end + 1] != Sep.NONE:
            end += 1
        else:
            return None
    source = view.source
    if pattern.cased and not source[view.starts[where[start]]].isupper():
        return None
    if pattern.initials:
        # An initial is written with its full stop: "à Rousseau" is not "A. Rousseau".
        for at in range(start, end - 1):
            if bound[at] != Sep.NONE and bound[at + 1] != Sep.NONE:
                after = view.ends[where[at]]
                if source[after:after + 1] not in (".", "-"):
                    return None
    for offset in range(1, end - start):
        kind = bound[start + offset]
        if kind in (Sep.NONE, Sep.SOFT):
            continue  # "JeanPierre", "Du-\npont", "Pa\u00a0ul"
        if kind == Sep.BREAK and offset not in pattern.breaks:
            return None  # "Jean, Pierre" is two people; "Harcourt & Lowe" is one name
        if offset in pattern.boundaries or offset == len(pattern.compact):
            continue
        # A plain space inside a word of the term: accept "Du Pont", "Le Brun" (capitalised
        # pieces) but not "un an ne" for Anne.
        if not source[view.starts[where[start + offset]]].isupper():
            return None
    return end


def _deletions(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}


def _one_edit(a: str, b: str) -> bool:
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


# ---------------------------------------------------------------------------------------------
# The guard


@dataclass(frozen=True)
class LeakHit:
    """Where a leak is. Holds positions, an index and a role: never the leaked text itself."""

    kind: str  # "registered_term" | "private_text"
    line: int
    column: int
    start: int  # offsets in the checked text, for highlighting
    end: int
    term_index: int | None = None  # registered_term: position in the caller's list of terms
    role: str | None = None
    source_index: int | None = None  # private_text: position in the list of unapproved texts

    def __str__(self) -> str:
        where = f"line {self.line}, column {self.column}"
        if self.kind == "registered_term":
            return f"registered term #{self.term_index} ({self.role}) at {where}"
        return (f"{CANARY_WORDS}+ words from unapproved text #{self.source_index} at {where}")


def check(final_text: str, registered_terms: Sequence[TermLike],
          unapproved_texts: Sequence[str] = (), *,
          matcher: TermMatcher | None = None) -> list[LeakHit]:
    """Every leak in ``final_text``, in reading order; empty means the text may be written.

    ``registered_terms`` are every client's identity terms and pseudonyms (a plain string is an
    identifier); ``unapproved_texts`` are the private and unapproved sections and reflections of
    the exported sessions. ``matcher`` may be passed to reuse one built for the same terms.
    """
    matcher = matcher or TermMatcher(registered_terms)
    view = normalise(final_text)
    hits: list[LeakHit] = []
    for hit in matcher.find(view):
        line, column = line_column(final_text, hit.start)
        hits.append(LeakHit("registered_term", line, column, hit.start, hit.end,
                            term_index=hit.term_index,
                            role=role_of(matcher.terms[hit.term_index])))
    hits.extend(_canary_hits(final_text, view, unapproved_texts))
    return sorted(hits, key=lambda h: (h.start, h.end, h.kind))


def _word_positions(view: Normalised) -> list[tuple[str, int, int]]:
    out, position = [], 0
    for word in view.text.split(" "):
        if word:
            out.append((word, position, position + len(word)))
        position += len(word) + 1
    return out


def _canary_hits(final_text: str, view: Normalised,
                 unapproved_texts: Iterable[str]) -> list[LeakHit]:
    grams: dict[tuple[str, ...], int] = {}
    for index, text in enumerate(unapproved_texts):
        words = normalise(text).text.split()
        for at in range(len(words) - CANARY_WORDS + 1):
            grams.setdefault(tuple(words[at:at + CANARY_WORDS]), index)
    if not grams:
        return []
    words = _word_positions(view)
    hits: list[LeakHit] = []
    at = 0
    while at <= len(words) - CANARY_WORDS:
        source_index = grams.get(tuple(w for w, _s, _e in words[at:at + CANARY_WORDS]))
        if source_index is None:
            at += 1
            continue
        last = at + CANARY_WORDS - 1  # extend over the whole copied run: one hit per run
        while last + 1 < len(words) and tuple(
                w for w, _s, _e in words[last + 2 - CANARY_WORDS:last + 2]) in grams:
            last += 1
        start, end = view.source_span(words[at][1], words[last][2])
        line, column = line_column(final_text, start)
        hits.append(LeakHit("private_text", line, column, start, end,
                            source_index=source_index))
        at = last + 1
    return hits
