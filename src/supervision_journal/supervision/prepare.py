"""What to bring to the next supervision: the open questions and the sessions since the last
supervision, each with the sections approved for sharing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..journal import store
from ..journal.models import Question, Section, Session
from ..vault.database import Database

# With no supervision logged yet, look back this far.
FIRST_WINDOW_DAYS = 28


@dataclass(frozen=True)
class PreparedSession:
    session: Session
    pseudonym: str
    approved: tuple[Section, ...]


@dataclass(frozen=True)
class Preparation:
    last_supervision: date | None
    start: date  # sessions on or after this date are listed
    open_questions: tuple[Question, ...]
    sessions: tuple[PreparedSession, ...]  # oldest first

    def client_ids(self) -> list[int]:
        """Clients with something to bring (open questions or recent sessions), in order of
        first appearance."""
        seen: dict[int, None] = {}
        for question in self.open_questions:
            if question.client_id is not None:
                seen.setdefault(question.client_id, None)
        for item in self.sessions:
            seen.setdefault(item.session.client_id, None)
        return list(seen)


def prepare(db: Database, today: date | None = None) -> Preparation:
    today = today or date.today()
    past = [s.date for s in store.list_supervisions(db) if s.date <= today]
    last = max(past) if past else None
    start = last + timedelta(days=1) if last else today - timedelta(days=FIRST_WINDOW_DAYS)

    approved: dict[int, list[Section]] = {}
    for _session, _pseudonym, section in store.approved_sections(db, date_from=start):
        approved.setdefault(section.session_id, []).append(section)

    items: list[PreparedSession] = []
    # Only clients seen since then are read session by session (a few, even in a big vault).
    for client in store.list_clients(db):
        if client.last_session is None or client.last_session < start:
            continue
        for session in store.list_sessions(db, client.id):
            if session.date < start:
                break  # newest first
            items.append(PreparedSession(session, client.pseudonym,
                                         tuple(approved.get(session.id, ()))))
    items.sort(key=lambda p: (p.session.date, p.pseudonym.casefold(), p.session.id))
    return Preparation(last, start, tuple(store.list_questions(db, "open")), tuple(items))
