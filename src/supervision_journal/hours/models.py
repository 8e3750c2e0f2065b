"""Hours-ledger values: one activity per row, raw facts only (what a body can claim is computed)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

ACTIVITY_KINDS: tuple[str, ...] = (
    "supervision",          # supervision received (individual, group, peer)
    "supervision_given",
    "mentor_coaching",
    "training",             # courses, workshops
    "conference",
    "webinar",
    "reading",
    "self_study",
    "personal_therapy",
    "professional_activity",  # committees, peer review work
    "client_practice",      # counts of client hours only, never identities
    "break",                # documented break in practice
    "other",
)


@dataclass(frozen=True)
class Activity:
    id: int
    kind: str
    date: date
    minutes: int
    format: str | None = None
    group_size: int | None = None
    facilitated: bool | None = None
    modality: str | None = None
    title: str = ""
    provider: str = ""
    accredited: bool | None = None
    categories: tuple[str, ...] = ()
    learning: str = ""
    impact: str = ""
    supervision_id: int | None = None  # set when a logged supervision session owns it

    @property
    def hours(self) -> float:
        return self.minutes / 60


@dataclass(frozen=True)
class Evidence:
    id: int
    activity_id: int
    filename: str
    mime: str
    size: int
