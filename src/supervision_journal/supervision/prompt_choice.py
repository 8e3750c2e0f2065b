"""The practitioner's prompts: favourites and own prompts kept in the vault (never QSettings),
and the inputs ``prompts.suggest`` needs for one session.

Favourites are a list of prompt ids under the vault setting ``prompts.favourites``; own prompts
are the entries ``PromptLibrary.with_custom`` reads, under ``prompts.custom``.
"""

from __future__ import annotations

import secrets
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..journal import store
from ..journal.models import Reflection, Session
from ..prompts.library import (
    CUSTOM_FRAMEWORK,
    CUSTOM_PREFIX,
    Prompt,
    PromptLibrary,
    PromptLibraryError,
    load_library,
    parse_custom_prompt,
)
from ..prompts.suggest import BLOCKED_SESSIONS, suggest
from ..vault.database import Database

FAVOURITES_KEY = "prompts.favourites"
CUSTOM_KEY = "prompts.custom"
SUGGESTION_COUNT = 5


# -- favourites ---------------------------------------------------------------------------

def favourites(db: Database) -> list[str]:
    """The favourite prompt ids, in the order they were pinned (anything malformed is skipped)."""
    value = store.get_setting(db, FAVOURITES_KEY, [])
    if not isinstance(value, list):
        return []
    return list(dict.fromkeys(v for v in value if isinstance(v, str) and v))


def set_favourite(db: Database, prompt_id: str, pinned: bool) -> list[str]:
    """Pin or unpin one prompt; returns the new list."""
    current = favourites(db)
    if pinned and prompt_id not in current:
        current.append(prompt_id)
    elif not pinned and prompt_id in current:
        current.remove(prompt_id)
    else:
        return current
    store.set_setting(db, FAVOURITES_KEY, current)
    return current


# -- own prompts --------------------------------------------------------------------------

def custom_entries(db: Database) -> list[dict[str, Any]]:
    value = store.get_setting(db, CUSTOM_KEY, [])
    if not isinstance(value, list):
        return []
    return [dict(v) for v in value if isinstance(v, Mapping)]


def library_for(db: Database, language: str) -> PromptLibrary:
    """The shipped prompts of ``language`` plus the practitioner's own.

    An own prompt that no longer validates (a framework dropped from the files, say) is left
    out rather than taking the whole library down with it; it stays stored untouched.
    """
    base = load_library(language)
    good: list[dict[str, Any]] = []
    taken = {p.id for p in base}
    for index, entry in enumerate(custom_entries(db)):
        try:
            prompt = parse_custom_prompt(entry, frameworks=base.frameworks, index=index)
        except PromptLibraryError:
            continue
        if prompt.id in taken:
            continue
        taken.add(prompt.id)
        good.append(entry)
    return base.with_custom(good)


def new_custom_id(taken: Iterable[str]) -> str:
    used = set(taken)
    while True:
        candidate = CUSTOM_PREFIX + secrets.token_hex(6)
        if candidate not in used:
            return candidate


def add_custom_prompt(db: Database, library: PromptLibrary, *, title: str, question: str,
                      hint: str = "", framework: str = CUSTOM_FRAMEWORK) -> Prompt:
    """Validate and store one own prompt; raises PromptLibraryError (nothing stored) when the
    title or question is empty or the framework unknown."""
    entries = custom_entries(db)
    entry = {"id": new_custom_id([p.id for p in library] + [str(e.get("id")) for e in entries]),
             "framework": framework, "title": title.strip(), "question": question.strip(),
             "hint": hint.strip()}
    prompt = parse_custom_prompt(entry, frameworks=library.frameworks, index=len(entries))
    store.set_setting(db, CUSTOM_KEY, [*entries, entry])
    return prompt


def delete_custom_prompt(db: Database, prompt_id: str) -> None:
    """Forget an own prompt (answers keep its id and show a neutral title) and unpin it."""
    entries = custom_entries(db)
    kept = [e for e in entries if e.get("id") != prompt_id]
    with db.transaction():
        if len(kept) != len(entries):
            store.set_setting(db, CUSTOM_KEY, kept)
        set_favourite(db, prompt_id, False)


# -- suggestions --------------------------------------------------------------------------

def history_counts(reflections: Iterable[Reflection]) -> Counter[str]:
    """How often each prompt was answered (empty answers do not count)."""
    return Counter(r.prompt_id for r in reflections if r.prompt_id and r.text.strip())


def recent_prompt_ids(client_sessions: Sequence[Session], client_reflections: Iterable[Reflection],
                      session_id: int) -> list[list[str]]:
    """The prompt ids answered in each of the client's sessions before ``session_id``, newest
    first, as many sessions as the suggestion rule blocks.

    ``client_sessions`` is the client's sessions in any order; the session itself is left out
    so the list offered for a session stays put while its prompts are being answered.
    """
    ordered = sorted(client_sessions, key=lambda s: (s.date, s.id), reverse=True)
    ids = [s.id for s in ordered]
    earlier = ids[ids.index(session_id) + 1:] if session_id in ids else ids
    earlier = earlier[:BLOCKED_SESSIONS]
    answered: dict[int, list[str]] = {sid: [] for sid in earlier}
    for reflection in client_reflections:
        if (reflection.session_id in answered and reflection.prompt_id
                and reflection.text.strip()):
            answered[reflection.session_id].append(reflection.prompt_id)
    return [answered[sid] for sid in earlier]


def suggestions(library: PromptLibrary, *, session_id: int, client_sessions: Sequence[Session],
                client_reflections: Iterable[Reflection], counts: Mapping[str, int],
                favourite_ids: Sequence[str] = (), count: int = SUGGESTION_COUNT) -> list[Prompt]:
    """The prompts to offer for one session: ``prompts.suggest`` with the client's recent
    answers blocked, the overall history as weights and the session id as the seed."""
    recent = recent_prompt_ids(client_sessions, client_reflections, session_id)
    return suggest(library, recent_prompt_ids_for_client=recent, history_counts=counts,
                   seed=session_id, count=count, favourites=favourite_ids)
