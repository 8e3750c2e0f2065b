"""Words of the reflection screens that come from codes: feelings, question statuses,
supervision formats, the case presentation's parts. Marked for lupdate with
QT_TRANSLATE_NOOP, translated when shown."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ...supervision.case_presentation import PARTS

_FEELINGS = {
    "urge_to_rescue": QT_TRANSLATE_NOOP("Feeling", "Urge to rescue"),
    "boredom": QT_TRANSLATE_NOOP("Feeling", "Boredom"),
    "irritation": QT_TRANSLATE_NOOP("Feeling", "Irritation"),
    "attraction": QT_TRANSLATE_NOOP("Feeling", "Attraction"),
    "fear": QT_TRANSLATE_NOOP("Feeling", "Fear"),
    "sadness": QT_TRANSLATE_NOOP("Feeling", "Sadness"),
    "tenderness": QT_TRANSLATE_NOOP("Feeling", "Tenderness"),
    "helplessness": QT_TRANSLATE_NOOP("Feeling", "Helplessness"),
    "confusion": QT_TRANSLATE_NOOP("Feeling", "Confusion"),
    "anger": QT_TRANSLATE_NOOP("Feeling", "Anger"),
    "guilt": QT_TRANSLATE_NOOP("Feeling", "Guilt"),
    "pride": QT_TRANSLATE_NOOP("Feeling", "Pride"),
    "sleepiness": QT_TRANSLATE_NOOP("Feeling", "Sleepiness"),
    "protectiveness": QT_TRANSLATE_NOOP("Feeling", "Protectiveness"),
}

_INTENSITIES = {
    1: QT_TRANSLATE_NOOP("Feeling", "slight"),
    2: QT_TRANSLATE_NOOP("Feeling", "clear"),
    3: QT_TRANSLATE_NOOP("Feeling", "strong"),
}

_STATUSES = {
    "open": QT_TRANSLATE_NOOP("QuestionStatus", "Open"),
    "discussed": QT_TRANSLATE_NOOP("QuestionStatus", "Discussed"),
    "resolved": QT_TRANSLATE_NOOP("QuestionStatus", "Resolved"),
}

_FORMATS = {
    "individual": QT_TRANSLATE_NOOP("SupervisionFormat", "Individual"),
    "group": QT_TRANSLATE_NOOP("SupervisionFormat", "Group"),
    "peer": QT_TRANSLATE_NOOP("SupervisionFormat", "Peer (intervision)"),
}

_PART_TITLES = {
    "question": QT_TRANSLATE_NOOP("CasePresentation", "My question for supervision"),
    "context": QT_TRANSLATE_NOOP("CasePresentation", "Brief context"),
    "understanding": QT_TRANSLATE_NOOP("CasePresentation", "What I understand"),
    "interventions": QT_TRANSLATE_NOOP("CasePresentation", "My interventions"),
    "relationship": QT_TRANSLATE_NOOP("CasePresentation",
                                      "Relationship and countertransference"),
    "risk": QT_TRANSLATE_NOOP("CasePresentation", "Risk and ethics"),
}

_PART_HINTS = {
    "question": QT_TRANSLATE_NOOP(
        "CasePresentation", "One clear ask: about risk, theory, technique, ethics or my own "
        "reaction? If none comes, what makes it hard to ask?"),
    "context": QT_TRANSLATE_NOOP(
        "CasePresentation", "Age band, broad situation, how the work began, the contract, "
        "how many sessions so far. No names, places or dates."),
    "understanding": QT_TRANSLATE_NOOP(
        "CasePresentation", "My hypotheses, the model I use, what keeps the difficulty going."),
    "interventions": QT_TRANSLATE_NOOP(
        "CasePresentation", "What I have tried, with what intent, and what helped or stuck."),
    "relationship": QT_TRANSLATE_NOOP(
        "CasePresentation", "The alliance, transference, what I feel with this client, any "
        "parallel process."),
    "risk": QT_TRANSLATE_NOOP(
        "CasePresentation", "Safety and safeguarding, boundaries, limits of my competence, "
        "anything that drifts towards a medical act."),
}


def feeling_label(code: str) -> str:
    source = _FEELINGS.get(code)
    return QCoreApplication.translate("Feeling", source) if source else code


def intensity_label(level: int) -> str:
    source = _INTENSITIES.get(level)
    return QCoreApplication.translate("Feeling", source) if source else str(level)


def status_label(code: str) -> str:
    source = _STATUSES.get(code)
    return QCoreApplication.translate("QuestionStatus", source) if source else code


def format_label(code: str) -> str:
    source = _FORMATS.get(code)
    return QCoreApplication.translate("SupervisionFormat", source) if source else code


def part_title(key: str) -> str:
    return QCoreApplication.translate("CasePresentation", _PART_TITLES[key])


def part_hint(key: str) -> str:
    return QCoreApplication.translate("CasePresentation", _PART_HINTS[key])


def part_headings() -> dict[str, str]:
    """The headings written into a case presentation, in today's language."""
    return {key: part_title(key) for key in PARTS}


def source_part_headings() -> dict[str, str]:
    """The same headings in the source language (English), for reading older texts."""
    return dict(_PART_TITLES)


def minutes_label(minutes: int) -> str:
    """"1 h 30", "45 min": a duration as people say it."""
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return QCoreApplication.translate("Duration", "%1 h %2").replace(
            "%1", str(hours)).replace("%2", f"{rest:02d}")
    if hours:
        return QCoreApplication.translate("Duration", "%1 h").replace("%1", str(hours))
    return QCoreApplication.translate("Duration", "%1 min").replace("%1", str(rest))
