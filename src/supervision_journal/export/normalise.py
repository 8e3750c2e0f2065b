"""Text normalisation shared by the anonymiser and the leak guard, with a map back to the source.

Two views of a text are built here, both keeping, for every output character, the span of source
characters it came from, so that a hit found in the view can be located ("line 12, column 4") and
replaced in the original:

- ``normalise``: the matching view. Compatibility decomposition, accents stripped, case folded,
  common Cyrillic/Greek look-alikes mapped to Latin, invisible characters (zero-width, soft hyphen,
  bidi marks, combining marks) dropped, and every run of separators (spaces, NBSP and thin spaces,
  hyphens and dashes, line breaks, punctuation) folded to one space. Each folded space remembers
  what kind of run it was, because "Du-\\npont" may join into one word but "an, ne" may not.
- ``clean``: the detector view. Same letters and case as the source, but invisibles dropped, exotic
  spaces made plain spaces, dashes made "-", and look-alikes mapped to Latin, so that regular
  expressions and ``phonenumbers`` see ordinary text.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import IntEnum


class Sep(IntEnum):
    """What separated two tokens, from the weakest join to the strongest."""

    NONE = 0  # inside a token
    SOFT = 1  # hyphen, dash, one line break, NBSP/thin space: may split a single word
    SPACE = 2  # ordinary space, apostrophe or full stop: separates the words of a name
    BREAK = 3  # other punctuation, a paragraph break, or the start/end of the text


# Upper-case look-alikes first: Greek capital eta looks like H, its small form like n.
_UPPER_HOMOGLYPHS: dict[str, str] = {
    "А": "a", "В": "b", "Е": "e", "К": "k", "М": "m", "Н": "h", "О": "o", "Р": "p", "С": "c",
    "Т": "t", "У": "y", "Х": "x", "Ѕ": "s", "І": "i", "Ј": "j", "Ԁ": "d", "Ү": "y", "Һ": "h",
    "Α": "a", "Β": "b", "Ε": "e", "Ζ": "z", "Η": "h", "Ι": "i", "Κ": "k", "Μ": "m", "Ν": "n",
    "Ο": "o", "Ρ": "p", "Τ": "t", "Υ": "y", "Χ": "x",
}
_LOWER_HOMOGLYPHS: dict[str, str] = {
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "ԁ": "d",
    "ԛ": "q", "ԝ": "w", "һ": "h", "ӏ": "l", "ү": "y", "ɡ": "g", "ɑ": "a", "ɩ": "i",
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p",
    "τ": "t", "υ": "u", "χ": "x", "γ": "y", "ω": "w", "ϲ": "c", "ϳ": "j",
    "ı": "i", "ȷ": "j", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ŧ": "t", "ƀ": "b",
    "ɨ": "i", "ʀ": "r", "ɪ": "i", "ʏ": "y", "ᴀ": "a", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ᴏ": "o",
    "æ": "ae", "œ": "oe", "þ": "th", "ŋ": "n",
}
LINE_BREAKS = frozenset("\n\r\x0b\x0c\x85\u2028\u2029")
_SOFT_SPACES = frozenset("\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
                         "\u2009\u200a\u202f\u205f\u3000")
_NAME_JOINERS = frozenset("'’‘ʼ`´′ʹ.")  # the space-like punctuation inside names: O'Brien, J. Smith
_DASHES = frozenset("\u2212\u2043\u00ad")  # minus sign and hyphen bullet are not category Pd


def is_invisible(char: str) -> bool:
    """Zero-width and format characters, soft hyphen, and combining marks left on their own."""
    return unicodedata.category(char) in ("Cf", "Mn", "Me")


def _separator_kind(char: str) -> Sep | None:
    """The kind of one separator character, or None when the character belongs to a token."""
    if char in LINE_BREAKS or char in _SOFT_SPACES or char in _DASHES:
        return Sep.SOFT
    category = unicodedata.category(char)
    if category == "Pd":
        return Sep.SOFT
    if char in (" ", "\t") or char in _NAME_JOINERS:
        return Sep.SPACE
    if category[0] in "LN":
        return None
    return Sep.BREAK


def _fold_letters(char: str) -> str:
    """The matching form of one letter or digit: maybe several characters, maybe none."""
    if char in _UPPER_HOMOGLYPHS:
        return _UPPER_HOMOGLYPHS[char]
    decomposed = unicodedata.normalize("NFKD", char.casefold())
    out: list[str] = []
    for piece in decomposed:
        if unicodedata.combining(piece):
            continue
        piece = _LOWER_HOMOGLYPHS.get(piece, piece)
        # NFKD can yield punctuation ("½" → "1⁄2"); only letters and digits stay in a token.
        out.append(piece if piece.isalnum() else " ")
    return "".join(out)


@dataclass(frozen=True, eq=False)
class Normalised:
    """A view of ``source``: ``text[i]`` came from ``source[starts[i]:ends[i]]``."""

    source: str
    text: str
    starts: list[int]
    ends: list[int]
    kinds: list[Sep]  # Sep.NONE for token characters, the run's kind for each folded space

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the source that produced ``text[start:end]`` (end exclusive)."""
        if start >= end:
            position = self.starts[start] if start < len(self.starts) else len(self.source)
            return position, position
        return self.starts[start], self.ends[end - 1]


_CHAR_CACHE: dict[str, tuple[bool, Sep | None, str]] = {}


def _char_info(char: str) -> tuple[bool, Sep | None, str]:
    """(invisible, separator kind, folded letters) of one character, computed once per char."""
    info = _CHAR_CACHE.get(char)
    if info is None:
        kind = None if is_invisible(char) else _separator_kind(char)
        folded = _fold_letters(char) if kind is None else ""
        info = (is_invisible(char), kind, folded)
        if len(_CHAR_CACHE) < 100_000:
            _CHAR_CACHE[char] = info
    return info


def normalise(text: str) -> Normalised:
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    kinds: list[Sep] = []
    run_start = -1  # index of the first source character of the pending separator run
    run_kind = Sep.NONE
    run_breaks = 0
    run_joiners = False

    def flush(position: int) -> None:
        nonlocal run_start, run_kind, run_breaks, run_joiners
        if run_start < 0:
            return
        kind = run_kind
        # A full stop or apostrophe next to a line break is a sentence end, not a split word;
        # a blank line is a paragraph break.
        if kind == Sep.SOFT and (run_joiners or run_breaks > 1):
            kind = Sep.BREAK if run_breaks > 1 else Sep.SPACE
        out.append(" ")
        starts.append(run_start)
        ends.append(position)
        kinds.append(kind)
        run_start, run_kind, run_breaks, run_joiners = -1, Sep.NONE, 0, False

    for index, char in enumerate(text):
        invisible, kind, folded = _char_info(char)
        if invisible:
            continue
        if kind is None:
            if folded.strip() == folded and folded:
                flush(index)
                for piece in folded:
                    out.append(piece)
                    starts.append(index)
                    ends.append(index + 1)
                    kinds.append(Sep.NONE)
                continue
            kind = Sep.BREAK  # a letter that folds to nothing or to punctuation
        if run_start < 0:
            run_start = index
        if char in LINE_BREAKS and not (char == "\n" and index and text[index - 1] == "\r"):
            run_breaks += 1  # "\r\n" is one line break
        if char in _NAME_JOINERS:
            run_joiners = True
        if kind == Sep.BREAK:
            run_kind = Sep.BREAK
        elif kind == Sep.SOFT:
            run_kind = max(run_kind, Sep.SOFT) if run_kind != Sep.SPACE else Sep.SOFT
        elif run_kind == Sep.NONE:
            run_kind = Sep.SPACE
    flush(len(text))
    return Normalised(text, "".join(out), starts, ends, kinds)


def fold(text: str) -> str:
    """The matching form of a word or phrase: normalised, words separated by single spaces."""
    # Not cached: a cache would keep words of notes in memory after the vault is locked.
    pieces: list[str] = []
    for char in text:
        invisible, kind, folded = _char_info(char)
        if invisible:
            continue
        pieces.append(folded if kind is None and folded.strip() == folded and folded else " ")
    return " ".join("".join(pieces).split())


def _is_foreign_script(char: str) -> bool:
    return unicodedata.name(char, "").startswith(("CYRILLIC", "GREEK"))


_CLEAN_CACHE: dict[str, str] = {}


def _clean_char(char: str) -> str:
    """What ``clean`` writes for one character ("" drops it); computed once per character."""
    cached = _CLEAN_CACHE.get(char)
    if cached is not None:
        return cached
    out = char
    if unicodedata.category(char) == "Cf":
        out = ""  # zero-width characters, soft hyphen, bidi marks
    elif char in _SOFT_SPACES or char == "\t":
        out = " "
    elif char in ("\u2028", "\u2029", "\x85"):
        out = "\n"
    elif char in _DASHES or unicodedata.category(char) == "Pd":
        out = "-"
    elif char in _UPPER_HOMOGLYPHS:
        out = _UPPER_HOMOGLYPHS[char].upper()
    elif char in _LOWER_HOMOGLYPHS and _is_foreign_script(char):
        out = _LOWER_HOMOGLYPHS[char]
    elif unicodedata.category(char)[0] in "LN" and not char.isascii():
        compat = unicodedata.normalize("NFKC", char)
        if compat != char and compat.isascii() and compat.isalnum():
            out = compat  # fullwidth digits and letters, ligatures like "ﬁ"
    if len(_CLEAN_CACHE) < 100_000:
        _CLEAN_CACHE[char] = out
    return out


def clean(text: str) -> Normalised:
    """The detector view: the source's letters and case, invisibles dropped (see module)."""
    out: list[str] = []
    starts: list[int] = []
    for index, char in enumerate(text):
        for piece in _clean_char(char):
            out.append(piece)
            starts.append(index)
    return Normalised(text, "".join(out), starts, [s + 1 for s in starts],
                      [Sep.NONE] * len(out))


def line_column(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of ``text[index]``; lines end at "\\n"."""
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column
