"""Section headings in the practitioner's words, and a short prompt shown in each empty area.

Keys are the template sections of ``journal.models``; the strings are marked for lupdate with
QT_TRANSLATE_NOOP and translated when shown.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CONTEXT = "SectionTitles"

_TITLES: dict[str, str] = {
    "presenting": QT_TRANSLATE_NOOP("SectionTitles", "What the client brought"),
    "process": QT_TRANSLATE_NOOP("SectionTitles", "What happened"),
    "interventions": QT_TRANSLATE_NOOP("SectionTitles", "My interventions, and why"),
    "relationship": QT_TRANSLATE_NOOP("SectionTitles", "The relationship (transference)"),
    "countertransference": QT_TRANSLATE_NOOP(
        "SectionTitles", "Countertransference: what I felt, in my body, my urges"),
    "hypotheses": QT_TRANSLATE_NOOP("SectionTitles", "Hypotheses"),
    "ethics": QT_TRANSLATE_NOOP("SectionTitles", "Ethics: boundaries, risk, scope"),
    "plan": QT_TRANSLATE_NOOP("SectionTitles", "Plan"),
    "supervision_questions": QT_TRANSLATE_NOOP("SectionTitles", "Questions for supervision"),
    "private": QT_TRANSLATE_NOOP("SectionTitles", "Private — never shared"),
    "body": QT_TRANSLATE_NOOP("SectionTitles", "Note"),
}

_PROMPTS: dict[str, str] = {
    "presenting": QT_TRANSLATE_NOOP("SectionTitles", "Themes, requests, events since last time"),
    "process": QT_TRANSLATE_NOOP("SectionTitles", "How the session unfolded"),
    "interventions": QT_TRANSLATE_NOOP("SectionTitles", "What I did or said, and my reasons"),
    "relationship": QT_TRANSLATE_NOOP("SectionTitles",
                                      "How the client related to me today"),
    "countertransference": QT_TRANSLATE_NOOP(
        "SectionTitles", "Feelings, sensations, what I wanted to do or avoid"),
    "hypotheses": QT_TRANSLATE_NOOP("SectionTitles", "What might be going on"),
    "ethics": QT_TRANSLATE_NOOP("SectionTitles",
                                "Boundaries, risk, limits of my competence"),
    "plan": QT_TRANSLATE_NOOP("SectionTitles", "For next time"),
    "supervision_questions": QT_TRANSLATE_NOOP("SectionTitles",
                                               "What I want to bring to supervision"),
    "private": QT_TRANSLATE_NOOP("SectionTitles",
                                 "Only for me: never approved, never exported"),
    "body": QT_TRANSLATE_NOOP("SectionTitles", "Write freely"),
}


def section_title(key: str) -> str:
    return QCoreApplication.translate(_CONTEXT, _TITLES.get(key, key))


def section_prompt(key: str) -> str:
    prompt = _PROMPTS.get(key)
    return QCoreApplication.translate(_CONTEXT, prompt) if prompt else ""
