"""Translated words for the codes of the export package (reasons, states, classes)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CONTEXT = "ExportLabels"

_CANDIDATE_REASONS = {
    "first_name": QT_TRANSLATE_NOOP("ExportLabels", "a first name"),
    "surname": QT_TRANSLATE_NOOP("ExportLabels", "a surname"),
    "place": QT_TRANSLATE_NOOP("ExportLabels", "a place"),
    "after_title": QT_TRANSLATE_NOOP("ExportLabels", "after a title (Mr, Mme, Dr…)"),
    "capitalised": QT_TRANSLATE_NOOP("ExportLabels", "a capitalised word"),
    "caps": QT_TRANSLATE_NOOP("ExportLabels", "a word in capitals"),
    "initial": QT_TRANSLATE_NOOP("ExportLabels", "an initial"),
    "near_registered": QT_TRANSLATE_NOOP("ExportLabels",
                                         "one letter away from a registered name"),
}

_EXCLUSIONS = {
    "not_approved": QT_TRANSLATE_NOOP("ExportLabels", "not approved"),
    "changed_since_approval": QT_TRANSLATE_NOOP("ExportLabels", "changed since approval"),
    "private": QT_TRANSLATE_NOOP("ExportLabels", "private, never shared"),
    "approved": QT_TRANSLATE_NOOP("ExportLabels", "approved"),
    "none": QT_TRANSLATE_NOOP("ExportLabels", "not approved"),
    "revoked": QT_TRANSLATE_NOOP("ExportLabels", "changed since approval"),
}

_CLASSES = {
    "pseudonym": QT_TRANSLATE_NOOP("ExportLabels", "pseudonym"),
    "identity": QT_TRANSLATE_NOOP("ExportLabels", "registered identity term"),
    "email": QT_TRANSLATE_NOOP("ExportLabels", "e-mail address"),
    "url": QT_TRANSLATE_NOOP("ExportLabels", "web address"),
    "handle": QT_TRANSLATE_NOOP("ExportLabels", "handle"),
    "phone": QT_TRANSLATE_NOOP("ExportLabels", "phone number"),
    "nir": QT_TRANSLATE_NOOP("ExportLabels", "social security number"),
    "iban": QT_TRANSLATE_NOOP("ExportLabels", "bank account (IBAN)"),
    "address": QT_TRANSLATE_NOOP("ExportLabels", "street address"),
    "postcode": QT_TRANSLATE_NOOP("ExportLabels", "postcode"),
    "date": QT_TRANSLATE_NOOP("ExportLabels", "date"),
    "age": QT_TRANSLATE_NOOP("ExportLabels", "age"),
    "time": QT_TRANSLATE_NOOP("ExportLabels", "time of day"),
    "weekday": QT_TRANSLATE_NOOP("ExportLabels", "day of the week"),
    "number": QT_TRANSLATE_NOOP("ExportLabels", "long number"),
    "candidate": QT_TRANSLATE_NOOP("ExportLabels", "possible name, redacted"),
}

_DECISIONS = {
    "block": QT_TRANSLATE_NOOP("ExportLabels", "to decide"),
    "redact": QT_TRANSLATE_NOOP("ExportLabels", "redacted"),
    "keep": QT_TRANSLATE_NOOP("ExportLabels", "kept"),
}


def _tr(table: dict[str, str], code: str) -> str:
    source = table.get(code)
    return QCoreApplication.translate(_CONTEXT, source) if source else code


def candidate_reason(code: str) -> str:
    return _tr(_CANDIDATE_REASONS, code)


def exclusion_reason(code: str) -> str:
    """A reason from ``Selection.excluded`` or an approval state of the journal."""
    return _tr(_EXCLUSIONS, code)


def replacement_class(code: str) -> str:
    return _tr(_CLASSES, code)


def decision(code: str) -> str:
    return _tr(_DECISIONS, code)
