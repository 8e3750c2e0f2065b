"""Domain values of the journal: frozen dataclasses, no SQL, no Qt."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

# Sections of the standard template, in the order a note is read (design.md §3).
STANDARD_SECTIONS: tuple[str, ...] = (
    "presenting", "process", "interventions", "relationship", "countertransference",
    "hypotheses", "ethics", "plan", "supervision_questions", "private",
)
FREE_SECTIONS: tuple[str, ...] = ("body", "private")
TEMPLATES: dict[str, tuple[str, ...]] = {"standard": STANDARD_SECTIONS, "free": FREE_SECTIONS}
ALL_SECTIONS: frozenset[str] = frozenset(STANDARD_SECTIONS) | frozenset(FREE_SECTIONS)
NEVER_SHARED = "private"
MODALITIES: tuple[str, ...] = ("in_person", "video", "phone")
CLIENT_STATUSES: tuple[str, ...] = ("active", "closed")
SUPERVISION_FORMATS: tuple[str, ...] = ("individual", "group", "peer")
IDENTITY_KINDS: tuple[str, ...] = ("full_name", "alias", "identifier")


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Client:
    id: int
    pseudonym: str
    started_on: date | None = None
    status: str = "active"
    closed_on: date | None = None
    tags: tuple[str, ...] = ()
    session_count: int = 0
    last_session: date | None = None
    retention_years: int | None = None
    retention_reason: str | None = None


@dataclass(frozen=True)
class IdentityTerm:
    term: str
    kind: str = "identifier"  # full_name | alias | identifier
    role: str | None = None  # how an export names it: "[partner]", "[town]"…


@dataclass(frozen=True)
class Identity:
    full_name: str | None = None
    aliases: tuple[str, ...] = ()
    identifiers: tuple[IdentityTerm, ...] = ()

    @property
    def terms(self) -> tuple[IdentityTerm, ...]:
        out: list[IdentityTerm] = []
        if self.full_name:
            out.append(IdentityTerm(self.full_name, "full_name", "client"))
        out += [IdentityTerm(a, "alias", "client") for a in self.aliases]
        out += list(self.identifiers)
        return tuple(out)

    @property
    def empty(self) -> bool:
        return not (self.full_name or self.aliases or self.identifiers)


@dataclass(frozen=True)
class Session:
    id: int
    client_id: int
    date: date
    number: int  # 1-based position among the client's sessions (by date, then creation)
    duration_minutes: int = 50
    modality: str = "in_person"
    template: str = "standard"
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    session_id: int
    key: str
    text: str
    approval: str = "none"  # none | approved | revoked (edited since approval)

    @property
    def approved(self) -> bool:
        return self.approval == "approved"


@dataclass(frozen=True)
class SessionNote:
    session: Session
    pseudonym: str
    sections: dict[str, Section] = field(default_factory=dict)

    def text(self, key: str) -> str:
        section = self.sections.get(key)
        return section.text if section else ""


@dataclass(frozen=True)
class Reflection:
    id: int
    text: str
    client_id: int | None = None
    session_id: int | None = None
    prompt_id: str | None = None
    is_question: bool = False
    approval: str = "none"
    created_at: str = ""


@dataclass(frozen=True)
class SupervisionSession:
    id: int
    date: date
    supervisor: str
    format: str
    duration_minutes: int
    group_size: int | None = None
    modality: str | None = None
    cases: tuple[str, ...] = ()  # pseudonyms
    questions: str = ""
    learning: str = ""
    actions: str = ""
    activity_id: int | None = None


@dataclass(frozen=True)
class SearchHit:
    kind: str  # section | reflection
    ref_id: int  # section id or reflection id
    session_id: int | None
    client_id: int | None
    pseudonym: str | None
    date: date | None
    section_key: str | None
    snippet: str  # matched words wrapped in HIT_START / HIT_END
    session_number: int | None = None


HIT_START = "\x02"
HIT_END = "\x03"


QUESTION_STATUSES: tuple[str, ...] = ("open", "discussed", "resolved")

# Countertransference feelings the practitioner can record per session (design: "patterns over
# time"). Stable ids; the UI translates them.
FEELINGS: tuple[str, ...] = (
    "urge_to_rescue", "boredom", "irritation", "attraction", "fear", "sadness", "tenderness",
    "helplessness", "confusion", "anger", "guilt", "pride", "sleepiness", "protectiveness",
)


@dataclass(frozen=True)
class Question:
    """One item of the supervision questions queue (a section or a reflection)."""

    kind: str  # section | reflection
    ref_id: int  # section id or reflection id
    client_id: int | None
    pseudonym: str | None
    session_id: int | None
    session_number: int | None
    date: date | None
    text: str
    status: str = "open"
    supervision_id: int | None = None
    answer: str = ""


@dataclass(frozen=True)
class FeelingPoint:
    session_id: int
    session_number: int
    date: date
    feeling: str
    intensity: int
