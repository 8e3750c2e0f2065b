"""Selection: what may leave the vault for supervision, and why everything else stays.

Only sections and reflections whose approval still matches their text (SHA-256) are eligible;
``private`` never is. Every non-eligible section of the chosen sessions is reported with its
reason, so the selection screen can show it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..journal import store as journal
from ..journal.models import NEVER_SHARED, TEMPLATES
from ..vault.database import Database


@dataclass(frozen=True)
class ExportItem:
    kind: str  # section | reflection
    client_id: int
    session_id: int | None
    session_number: int | None
    weeks_into_work: int | None  # 1-based week of the work at the session's date
    key: str  # section key, or the prompt id ("" for a free reflection)
    text: str
    ref_id: int  # section's session id + key are enough; reflections need their id


@dataclass(frozen=True)
class Exclusion:
    client_id: int
    session_id: int
    session_number: int
    key: str
    reason: str  # private | not_approved | changed_since_approval


@dataclass(frozen=True)
class Selection:
    items: tuple[ExportItem, ...]
    excluded: tuple[Exclusion, ...]

    @property
    def client_ids(self) -> tuple[int, ...]:
        return tuple(dict.fromkeys(i.client_id for i in self.items))


def _week(start: date | None, on: date) -> int | None:
    if start is None:
        return None
    return max(1, (on - start).days // 7 + 1)


def select(db: Database, *, client_ids: Sequence[int] | None = None,
           date_from: date | None = None, date_to: date | None = None,
           session_ids: Sequence[int] | None = None,
           reflection_ids: Sequence[int] | None = None) -> Selection:
    """Approved content of the chosen clients, dates or sessions (default: everything).

    ``session_ids`` and ``reflection_ids`` pick items one by one: a chosen session brings its
    approved sections and reflections; a chosen reflection (a case presentation written about
    the client rather than one session) comes alone. Given either, nothing else is taken.
    """
    items: list[ExportItem] = []
    excluded: list[Exclusion] = []
    clients = journal.list_clients(db)
    wanted = set(client_ids) if client_ids else None
    only_reflections = set(reflection_ids) if reflection_ids else None
    # Naming only reflections must not bring every session along.
    only_sessions = set(session_ids) if session_ids else (
        set() if only_reflections is not None else None)
    for client in clients:
        if wanted is not None and client.id not in wanted:
            continue
        sessions = sorted(journal.list_sessions(db, client.id), key=lambda s: (s.date, s.id))
        start = client.started_on or (sessions[0].date if sessions else None)
        chosen = [s for s in sessions
                  if (only_sessions is None or s.id in only_sessions)
                  and (date_from is None or s.date >= date_from)
                  and (date_to is None or s.date <= date_to)]
        chosen_ids = {s.id for s in chosen}
        for session in chosen:
            note = journal.get_note(db, session.id)
            for key in TEMPLATES[session.template]:
                section = note.sections.get(key)
                if section is None or not section.text.strip():
                    continue
                if key == NEVER_SHARED:
                    reason = "private"
                elif section.approval == "approved":
                    items.append(ExportItem("section", client.id, session.id, session.number,
                                            _week(start, session.date), key, section.text,
                                            session.id))
                    continue
                elif section.approval == "revoked":
                    reason = "changed_since_approval"
                else:
                    reason = "not_approved"
                excluded.append(Exclusion(client.id, session.id, session.number, key, reason))
        for reflection in journal.list_reflections(db, client_id=client.id):
            if reflection.approval != "approved" or not reflection.text.strip():
                continue
            picked = only_reflections is not None and reflection.id in only_reflections
            # A reflection on a session comes with it; one about the client, with the client.
            comes_along = (reflection.session_id in chosen_ids if reflection.session_id is not None
                           else only_sessions is None)
            if not (picked or comes_along):
                continue
            session = next((s for s in sessions if s.id == reflection.session_id), None)
            items.append(ExportItem(
                "reflection", client.id, reflection.session_id,
                session.number if session else None,
                _week(start, session.date) if session else None,
                reflection.prompt_id or "", reflection.text, reflection.id))
    items.sort(key=lambda i: (i.client_id, i.session_number or 0,
                              0 if i.kind == "section" else 1))
    return Selection(tuple(items), tuple(excluded))
