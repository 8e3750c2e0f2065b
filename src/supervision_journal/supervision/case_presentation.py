"""A case presentation for supervision, in the order supervisors ask for (reference/domain.md
§4.2): the question first, brief anonymised context, what I understand, my interventions, the
relationship and countertransference, risk and ethics.

It is stored as one reflection (``prompt_id`` ``case.presentation``, linked to the client, not
to one session), so it is searchable, approvable and exported like any reflection. The text is
the parts in order, each under a ``## heading`` line; the headings are the interface's words,
passed in by the caller, so this module holds no English meant for the screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

PROMPT_ID = "case.presentation"
PARTS: tuple[str, ...] = ("question", "context", "understanding", "interventions",
                          "relationship", "risk")
# Approved note sections that can seed each part ("fill from my notes"). "process" and "plan"
# are listed beside the draft for the practitioner to quote from, not poured in.
SOURCES: Mapping[str, tuple[str, ...]] = {
    "question": ("supervision_questions",),
    "context": ("presenting",),
    "understanding": ("hypotheses",),
    "interventions": ("interventions",),
    "relationship": ("relationship", "countertransference"),
    "risk": ("ethics",),
}
HEADING = "## "


def compose(parts: Mapping[str, str], headings: Mapping[str, str]) -> str:
    """The stored text: each non-empty part, in the usual order, under its heading."""
    blocks = []
    for key in PARTS:
        text = parts.get(key, "").strip("\n")
        if text.strip():
            blocks.append(f"{HEADING}{headings[key]}\n{text}")
    return "\n\n".join(blocks)


def parse(text: str, heading_sets: Iterable[Mapping[str, str]]) -> dict[str, str]:
    """The parts back from a stored text, for editing.

    A ``## `` line naming a part's heading in any of ``heading_sets`` (today's language, the
    source language…) starts that part. Nothing is ever dropped: text before the first known
    heading, and lines under a heading no set knows (the presentation was written in another
    language), stay in the part they follow, the first part by default.
    """
    lookup: dict[str, str] = {}
    for headings in heading_sets:
        for key, heading in headings.items():
            if key in PARTS:
                lookup.setdefault(heading.strip().casefold(), key)
    lines: dict[str, list[str]] = {key: [] for key in PARTS}
    current = PARTS[0]
    for line in text.split("\n"):
        if line.startswith(HEADING):
            key = lookup.get(line[len(HEADING):].strip().casefold())
            if key is not None:
                current = key
                continue
        lines[current].append(line)
    return {key: "\n".join(value).strip("\n") for key, value in lines.items()}


def seeds(sections: Sequence[tuple[int, str, str]]) -> dict[str, list[tuple[int, str]]]:
    """Which approved section texts can seed which part.

    ``sections`` holds ``(session number, section key, text)``; the result maps each part to
    its ``(session number, text)`` pairs in session order, then in ``SOURCES`` order.
    """
    out: dict[str, list[tuple[int, str]]] = {key: [] for key in PARTS}
    for part, keys in SOURCES.items():
        for number, key, text in sorted(sections, key=lambda s: (s[0], keys.index(s[1])
                                                                 if s[1] in keys else 0)):
            if key in keys and text.strip():
                out[part].append((number, text.strip()))
    return out
