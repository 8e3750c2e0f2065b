"""Search snippets built in Python for the few hits shown.

SQLite's snippet() and bm25 rank cost a pass over every match; on a 20,000-note vault a common
word matches tens of thousands of sections and took seconds. The store now asks FTS5 only for
matching row ids (cheap), keeps the newest ones, and this module cuts the snippet of each shown
hit: the words around the first match, every matching word marked.
"""

from __future__ import annotations

import re
import unicodedata

from .models import HIT_END, HIT_START

_TOKEN = re.compile(r"\w+", re.UNICODE)


def fold(word: str) -> str:
    """What FTS5's unicode61 tokenizer with remove_diacritics 2 compares: no accents, no case."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def query_words(text: str) -> list[str]:
    return [fold(w) for w in _TOKEN.findall(text)]


def prefix_allowed(word: str) -> bool:
    # A one-letter prefix matches most of a vault; searching it as you type is noise.
    return len(word) >= 2


def make_snippet(text: str, words: list[str], *, width: int = 16) -> str:
    """About ``width`` words of ``text`` around the first match, matches wrapped in markers."""
    if not words:
        return ""
    exact, last = set(words[:-1]), words[-1]
    prefix = prefix_allowed(last)

    def matches(token: str) -> bool:
        folded = fold(token)
        return folded in exact or folded == last or (prefix and folded.startswith(last))

    tokens = list(_TOKEN.finditer(text))
    if not tokens:
        return ""
    hits = [i for i, t in enumerate(tokens) if matches(t.group())]
    first = hits[0] if hits else 0
    start = max(0, first - width // 3)
    end = min(len(tokens), start + width)
    start = max(0, min(start, end - width))
    out = ["…" if start > 0 else ""]
    position = tokens[start].start()
    for token in tokens[start:end]:
        out.append(text[position:token.start()])
        out.append(f"{HIT_START}{token.group()}{HIT_END}" if matches(token.group())
                   else token.group())
        position = token.end()
    out.append("…" if end < len(tokens) else "")
    return " ".join("".join(out).split())
