"""Domain values of the data-protection duties: frozen dataclasses, no SQL, no Qt."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

DEFAULT_RETENTION_YEARS = 10
MIN_RETENTION_YEARS = 1
MAX_RETENTION_YEARS = 100  # the schema's CHECK on client.retention_years


@dataclass(frozen=True)
class ErasureCounts:
    """How many records of each kind belong to one client: what an erasure removes."""

    sessions: int = 0
    sections: int = 0
    approvals: int = 0
    reflections: int = 0
    identity_terms: int = 0
    supervision_links: int = 0

    @property
    def total(self) -> int:
        return sum(self.as_dict().values())

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


@dataclass(frozen=True)
class RetentionPolicy:
    """How long one client's records are kept, and why.

    ``counted_from`` is the last session (the closing date, then the start date, when there is
    none); ``keep_until`` is the last day the records are kept, None when no date is known.
    """

    years: int
    source: str  # "default" (the vault's setting) | "client" (this client's own period)
    reason: str | None
    counted_from: date | None
    keep_until: date | None


@dataclass(frozen=True)
class RetentionItem:
    """One closed client in the retention report. Identity is never part of it: the UI shows
    the pseudonym, and the counts say what an erasure would remove."""

    client_id: int
    pseudonym: str
    closed_on: date | None
    last_session: date | None
    years: int
    source: str
    reason: str | None
    keep_until: date | None
    due: bool
    counts: ErasureCounts
