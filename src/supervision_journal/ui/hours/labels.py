"""Translated names of the ledger's codes (activity kinds, formats, modalities) for the screens.

The renewal report, a document, has its own words in hours/labels.py; these go through Qt's
catalogue like every other text on screen.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from ...hours.models import ACTIVITY_KINDS
from ...hours.profiles import normalise_tag
from ..widgets import modality_label, to_qdate

_CONTEXT = "HoursLabels"

KINDS: dict[str, str] = {
    "supervision": QT_TRANSLATE_NOOP("HoursLabels", "Supervision received"),
    "supervision_given": QT_TRANSLATE_NOOP("HoursLabels", "Supervision given"),
    "mentor_coaching": QT_TRANSLATE_NOOP("HoursLabels", "Mentor coaching"),
    "training": QT_TRANSLATE_NOOP("HoursLabels", "Training, course, workshop"),
    "conference": QT_TRANSLATE_NOOP("HoursLabels", "Conference"),
    "webinar": QT_TRANSLATE_NOOP("HoursLabels", "Webinar"),
    "reading": QT_TRANSLATE_NOOP("HoursLabels", "Reading"),
    "self_study": QT_TRANSLATE_NOOP("HoursLabels", "Self-study, research, writing"),
    "personal_therapy": QT_TRANSLATE_NOOP("HoursLabels", "Personal therapy"),
    "professional_activity": QT_TRANSLATE_NOOP("HoursLabels",
                                               "Professional activity (committees)"),
    "client_practice": QT_TRANSLATE_NOOP("HoursLabels", "Client practice (hours only)"),
    "break": QT_TRANSLATE_NOOP("HoursLabels", "Break in practice"),
    "other": QT_TRANSLATE_NOOP("HoursLabels", "Other"),
}
assert tuple(KINDS) == ACTIVITY_KINDS

FORMATS: dict[str, str] = {
    "individual": QT_TRANSLATE_NOOP("HoursLabels", "Individual"),
    "group": QT_TRANSLATE_NOOP("HoursLabels", "Group"),
    "peer": QT_TRANSLATE_NOOP("HoursLabels", "Peer group"),
    "live": QT_TRANSLATE_NOOP("HoursLabels", "Live"),
    "recorded": QT_TRANSLATE_NOOP("HoursLabels", "Recorded"),
}
GROUP_FORMATS = ("group", "peer")

# Topic tags the shipped profiles read (Profile.tags_used), with readable names.
TAGS: dict[str, str] = {
    "ethics": QT_TRANSLATE_NOOP("HoursLabels", "Ethics"),
    "core_competencies": QT_TRANSLATE_NOOP("HoursLabels", "Core competencies (ICF)"),
    "resource_development": QT_TRANSLATE_NOOP("HoursLabels", "Resource development (ICF)"),
    "cbt_skills": QT_TRANSLATE_NOOP("HoursLabels", "CBT skills (BABCP)"),
}
MODALITIES = ("in_person", "video", "phone")


def kind_label(kind: str) -> str:
    source = KINDS.get(kind)
    return QCoreApplication.translate(_CONTEXT, source) if source else kind


def format_label(code: str | None) -> str:
    if not code:
        return ""
    source = FORMATS.get(code)
    return QCoreApplication.translate(_CONTEXT, source) if source else code


def modality_name(code: str | None) -> str:
    return modality_label(code) if code else ""


def tag_label(tag: str) -> str:
    """A known tag's name ("Ethics"); any other tag as typed, underscores as spaces."""
    source = TAGS.get(normalise_tag(tag))
    if source:
        return QCoreApplication.translate(_CONTEXT, source)
    return tag.replace("_", " ")


def hours_text(minutes: float, decimals: int = 1) -> str:
    """Decimal hours in the user's locale ("1.5", "1,5")."""
    return QLocale().toString(minutes / 60, "f", decimals)


def number_text(value: float, decimals: int = 1) -> str:
    return QLocale().toString(value, "f", decimals)


def month_year(day: date) -> str:
    """"October 2026" in the user's language."""
    return QLocale().toString(to_qdate(day), "MMMM yyyy")
