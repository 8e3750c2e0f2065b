"""The export document as Markdown and HTML (the PDF is drawn from the HTML by ui/pdf.py).

Input is the anonymised export only: client labels, session numbers, weeks of the work, section
keys and anonymised text. No date, no pseudonym, no identity ever reaches this module.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from .anonymise import AnonymisedExport, AnonymisedItem
from .labels import section_title, word

PromptTitle = Callable[[str], str | None]


@dataclass(frozen=True)
class Block:
    client: str
    heading: str  # "Session 7 · week 12 of the work", or "Reflections"
    parts: tuple[tuple[str, str], ...]  # (part title, text)


def _heading(item: AnonymisedItem, language: str) -> str:
    if item.session_number is None:
        return word("client_reflections", language)
    heading = word("session", language, item.session_number)
    if item.weeks_into_work is not None:
        heading += " · " + word("week", language, item.weeks_into_work)
    return heading


def _part_title(item: AnonymisedItem, kind: str, language: str,
                prompt_title: PromptTitle) -> str:
    if kind == "section":
        return section_title(item.key, language)
    if item.key == "case.presentation":
        return word("case_presentation", language)
    title = prompt_title(item.key) if item.key else None
    return word("reflection", language) + (f" — {title}" if title else "")


def blocks(export: AnonymisedExport, kinds: list[str], language: str,
           prompt_title: PromptTitle = lambda _id: None) -> list[Block]:
    """Group items by client and session, in the selection's order."""
    out: list[Block] = []
    for item, kind in zip(export.items, kinds, strict=True):
        heading = _heading(item, language)
        part = (_part_title(item, kind, language, prompt_title), item.text.strip())
        if out and out[-1].client == item.label and out[-1].heading == heading:
            last = out[-1]
            out[-1] = Block(last.client, last.heading, (*last.parts, part))
        else:
            out.append(Block(item.label, heading, (part,)))
    return out


def to_markdown(doc_blocks: list[Block], language: str, recipient: str = "") -> str:
    lines = [f"# {word('title', language)}", ""]
    if recipient:
        lines += [word("prepared_for", language, recipient), ""]
    lines += [f"*{word('notice', language)}*", ""]
    client = None
    for block in doc_blocks:
        if block.client != client:
            client = block.client
            lines += [f"## {client}", ""]
        lines += [f"### {block.heading}", ""]
        for title, text in block.parts:
            lines += [f"**{title}**", "", text, ""]
    return "\n".join(lines).rstrip() + "\n"


def to_html(doc_blocks: list[Block], language: str, recipient: str = "") -> str:
    e = html.escape
    parts = [f"<html><head><meta charset='utf-8'><title>{e(word('title', language))}</title>"
             "</head><body>", f"<h1>{e(word('title', language))}</h1>"]
    if recipient:
        parts.append(f"<p>{e(word('prepared_for', language, recipient))}</p>")
    parts.append(f"<p><i>{e(word('notice', language))}</i></p>")
    client = None
    for block in doc_blocks:
        if block.client != client:
            client = block.client
            parts.append(f"<h2>{e(client)}</h2>")
        parts.append(f"<h3>{e(block.heading)}</h3>")
        for title, text in block.parts:
            body = "<br>".join(e(line) for line in text.splitlines())
            parts.append(f"<p><b>{e(title)}</b></p><p>{body}</p>")
    parts.append("</body></html>")
    return "".join(parts)


def html_text(document: str) -> str:
    """The text a reader of the HTML sees (for the leak guard): tags dropped, entities decoded."""
    import re

    return html.unescape(re.sub(r"<[^>]+>", "\n", document))
