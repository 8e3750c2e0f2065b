"""Where each replacement and each candidate of an export lands in the preview (pure Python).

The anonymiser reports spans in the *original* text of each item. The preview shows the *final*
document: the Markdown as written, or the HTML as Qt lays it out (spaces collapsed, ``<br>`` as
line separators). Three steps take a span from one to the other, exactly:

1. ``item_spans``: original span → span of the item's anonymised text (replacements are disjoint
   and sorted, so each shifts what follows by the difference of lengths);
2. the item's text is found in the document: verbatim in the Markdown (after the part title), or
   as the body block of its part in the HTML (the block number follows from the grouping that
   ``render.blocks`` makes);
3. ``align`` matches the item's text with the document's text character by character, letting
   whitespace differ and invisible characters disappear, and fails rather than guess.

Positions returned are indices of the document's plain text in code points; ``utf16_positions``
converts them to the positions a ``QTextCursor`` counts.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from ...export import render
from ...export.anonymise import AnonymisedExport, AnonymisedItem

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class OutputSpan:
    """A span of an item's anonymised text."""

    start: int
    end: int
    kind: str  # replacement | candidate
    cls: str  # replacement class, or the candidate's reason
    candidate: int | None = None  # index in AnonymisedExport.candidates


@dataclass(frozen=True)
class DocMark:
    """A span of the preview document's plain text (code points) to highlight."""

    start: int
    end: int
    kind: str  # replacement | candidate
    cls: str
    item_index: int
    candidate: int | None = None


def item_spans(item: AnonymisedItem, first_candidate: int = 0) -> list[OutputSpan]:
    """Replacements and candidates of ``item`` in the coordinates of ``item.text``.

    ``first_candidate`` is the global index of the item's first candidate. A redacted candidate
    is shown where its placeholder is (the whole merged replacement that covers it).
    """
    placed: list[tuple[int, int, int, int]] = []  # source start, end, output start, end
    out: list[OutputSpan] = []
    shift = 0
    for rep in sorted(item.replacements, key=lambda r: r.start):
        start = rep.start + shift
        placed.append((rep.start, rep.end, start, start + len(rep.replacement)))
        out.append(OutputSpan(start, start + len(rep.replacement), "replacement", rep.cls))
        shift += len(rep.replacement) - (rep.end - rep.start)
    source_starts = [p[0] for p in placed]
    for offset, candidate in enumerate(item.candidates):
        start, end = candidate.span
        at = bisect.bisect_right(source_starts, start) - 1
        # A replacement that overlaps the candidate: the candidate is inside the placeholder.
        covering = [p for p in placed[max(at, 0):] if p[0] < end and start < p[1]]
        if covering:
            out_start, out_end = covering[0][2], covering[-1][3]
        else:
            before = placed[at] if at >= 0 else None
            delta = (before[3] - before[1]) if before else 0
            out_start, out_end = start + delta, end + delta
        out.append(OutputSpan(out_start, out_end, "candidate", candidate.reason,
                              first_candidate + offset))
    return sorted(out, key=lambda s: (s.start, s.kind != "candidate"))


def _droppable(char: str) -> bool:
    """Characters a rich-text layout may drop: format and control characters."""
    return unicodedata.category(char) in ("Cf", "Cc", "Co", "Cs")


def align(source: str, target: str, start: int = 0) -> list[int] | None:
    """For each index of ``source`` (and its end), the index in ``target`` where it shows.

    ``source`` must appear in ``target`` from ``start`` on, up to whitespace (which may be
    collapsed, changed or dropped) and invisible characters (which may be dropped). Whitespace
    and dropped characters map to the position of the next visible character. Returns None when
    a visible character does not match: the caller then highlights nothing rather than guess.
    """
    out = [0] * (len(source) + 1)
    j = start
    size = len(target)
    for k, char in enumerate(source):
        if char.isspace():
            out[k] = j
            continue
        probe = j
        while probe < size and target[probe] != char and target[probe].isspace():
            probe += 1
        if probe < size and target[probe] == char:
            out[k] = probe
            j = probe + 1
        elif _droppable(char):
            out[k] = j
        else:
            return None
    out[len(source)] = j
    return out


def _doc_span(span: OutputSpan, lead: int, body_length: int, positions: list[int]
              ) -> tuple[int, int] | None:
    start, end = max(span.start - lead, 0), min(span.end - lead, body_length)
    if end <= start:
        return None
    # The first and last characters of the span in the document (its edges are never spaces).
    return positions[start], positions[end - 1] + 1


def _marks_for_item(index: int, item: AnonymisedItem, first_candidate: int, body_doc_start: int,
                    doc_text: str) -> list[DocMark] | None:
    body = item.text.strip()
    lead = len(item.text) - len(item.text.lstrip())
    positions = align(body, doc_text, body_doc_start)
    if positions is None:
        return None
    marks = []
    for span in item_spans(item, first_candidate):
        where = _doc_span(span, lead, len(body), positions)
        if where is not None:
            marks.append(DocMark(where[0], where[1], span.kind, span.cls, index,
                                 span.candidate))
    return marks


def _first_candidates(export: AnonymisedExport) -> list[int]:
    firsts, count = [], 0
    for item in export.items:
        firsts.append(count)
        count += len(item.candidates)
    return firsts


@dataclass(frozen=True)
class Located:
    marks: tuple[DocMark, ...]
    missed: tuple[int, ...]  # items whose text could not be aligned (nothing highlighted)


def markdown_marks(export: AnonymisedExport, markdown: str, doc_text: str) -> Located:
    """Marks for the Markdown preview. ``doc_text`` is the preview's plain text (the Markdown
    as Qt holds it: line breaks may differ)."""
    # Usually Qt holds the Markdown unchanged; it differs only where the text has "\r" or
    # Unicode line separators, and the alignment finds its way around those.
    whole = list(range(len(markdown) + 1)) if markdown == doc_text else align(markdown, doc_text)
    if whole is None:
        return Located((), tuple(range(len(export.items))))
    marks: list[DocMark] = []
    missed: list[int] = []
    position = 0
    for index, (item, first) in enumerate(zip(export.items, _first_candidates(export),
                                              strict=True)):
        body = item.text.strip()
        # Each body follows its part title line ("**What happened**") and a blank line.
        found = markdown.find("**\n\n" + body + "\n", position)
        if found < 0:
            missed.append(index)
            continue
        body_start = found + 4
        position = body_start + len(body)
        located = _marks_for_item(index, item, first, whole[body_start], doc_text)
        if located is None:
            missed.append(index)
        else:
            marks += located
    return Located(tuple(marks), tuple(missed))


def body_block_numbers(export: AnonymisedExport, kinds: Sequence[str], language: str,
                       recipient: str) -> list[int]:
    """The block number of each item's body in the HTML document (see render.to_html: one block
    per heading and paragraph, in that order)."""
    number = 2 + (1 if recipient else 0)  # title, "prepared for", notice
    out: list[int] = []
    client = None
    for block in render.blocks(export, list(kinds), language):
        if block.client != client:
            client = block.client
            number += 1
        number += 1  # the session heading
        for _part in block.parts:
            out.append(number + 1)  # the part title, then its body
            number += 2
    return out


def html_marks(export: AnonymisedExport, kinds: Sequence[str], language: str, recipient: str,
               block_texts: Sequence[str]) -> Located:
    """Marks for the HTML preview; ``block_texts`` are the texts of the document's blocks."""
    starts, position = [], 0
    for text in block_texts:
        starts.append(position)
        position += len(text) + 1
    doc_text = "\n".join(block_texts)
    marks: list[DocMark] = []
    missed: list[int] = []
    numbers = body_block_numbers(export, kinds, language, recipient)
    for index, (item, first, number) in enumerate(zip(export.items, _first_candidates(export),
                                                      numbers, strict=True)):
        located = None
        if number < len(block_texts):
            located = _marks_for_item(index, item, first, starts[number], doc_text)
        if located is None:
            missed.append(index)
        else:
            marks += located
    return Located(tuple(marks), tuple(missed))


def utf16_positions(text: str) -> list[int] | None:
    """Code-point index → UTF-16 position, or None when they are the same (no astral
    characters, the usual case)."""
    if _ASTRAL.search(text) is None:
        return None
    out, position = [], 0
    for char in text:
        out.append(position)
        position += 2 if ord(char) >= 0x10000 else 1
    out.append(position)
    return out
