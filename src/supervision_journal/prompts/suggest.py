"""Which reflection prompts to offer after a session: a pure, deterministic choice."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping, Sequence

from supervision_journal.prompts.library import COUNTERTRANSFERENCE, Prompt, PromptLibrary

# A prompt answered in any of the client's last BLOCKED_SESSIONS sessions is not offered again.
BLOCKED_SESSIONS = 3


def suggest(library: PromptLibrary, *, recent_prompt_ids_for_client: Sequence[Sequence[str]],
            history_counts: Mapping[str, int], seed: int, count: int = 5,
            favourites: Sequence[str] = ()) -> list[Prompt]:
    """Up to ``count`` prompts to offer for one session, countertransference first.

    Arguments:
      recent_prompt_ids_for_client: the prompt ids answered in each of this client's last
        sessions, newest session first.
      history_counts: how often each prompt id has been answered overall (missing ids: never).
      seed: any integer that changes from one session to the next (the session id); the same
        inputs and seed always give the same list.
      favourites: prompt ids the practitioner marked; at most one slot is kept for them.

    Algorithm:
      1. Blocked: every prompt answered in the client's ``BLOCKED_SESSIONS`` newest sessions. A
         blocked prompt is never returned, favourites included. Unknown ids are ignored.
      2. Rank the other prompts by a weighted random key without replacement (Efraimidis and
         Spirakis): prompt p gets ``u(seed, p.id) ** (1 / w)`` with ``w = 1 / (1 + uses)**2``,
         where ``u`` in (0, 1) comes from BLAKE2b of the seed and the id (stable across runs,
         processes and library changes), and ``uses`` is ``history_counts[p.id]``. Higher keys
         come first, so a never-answered prompt is far likelier to lead than a worn one, yet
         every prompt comes round as the seed changes: the selection rotates.
      3. Countertransference quota: the best-ranked ``ct_quota(count)`` prompts of the
         countertransference framework (1 for a count of 1 or 2; otherwise at least 2, and half
         of ``count`` rounded down when that is more).
      4. Favourites: if no favourite is chosen yet and a slot is left, the best-ranked unblocked
         favourite takes one slot. Favourites may also be picked like any prompt in step 5, but
         no prompt ever appears twice.
      5. The remaining slots take the best-ranked other prompts, at most one per framework while
         unrepresented frameworks remain (so the list spans Gibbs, Proctor, ethics…), then any.
         If too few prompts are left outside countertransference, more of it fills the gap.
      6. Order: the countertransference prompts first (by rank), then the others in the order
         they were chosen. Fewer than ``count`` prompts come back only when fewer are unblocked.
    """
    if count < 0:
        raise ValueError("count must not be negative")
    if count == 0:
        return []
    blocked = {pid for session in recent_prompt_ids_for_client[:BLOCKED_SESSIONS]
               for pid in session}
    ranked = sorted(
        (p for p in library if p.id not in blocked),
        key=lambda p: (-_log_key(seed, p.id, history_counts.get(p.id, 0)), p.id),
    )
    ct_ranked = [p for p in ranked if p.framework == COUNTERTRANSFERENCE]
    others = [p for p in ranked if p.framework != COUNTERTRANSFERENCE]

    chosen: list[Prompt] = list(ct_ranked[:ct_quota(count)])
    wanted = set(favourites)
    if len(chosen) < count and not any(p.id in wanted for p in chosen):
        favourite = next((p for p in ranked if p.id in wanted), None)
        if favourite is not None:
            chosen.append(favourite)

    frameworks_used = {p.framework for p in chosen}
    for p in others:  # first pass: one per framework not yet represented
        if len(chosen) >= count:
            break
        if p not in chosen and p.framework not in frameworks_used:
            chosen.append(p)
            frameworks_used.add(p.framework)
    for p in others + ct_ranked:  # then the best of what is left
        if len(chosen) >= count:
            break
        if p not in chosen:
            chosen.append(p)

    rank = {p.id: i for i, p in enumerate(ranked)}
    ct_first = sorted((p for p in chosen if p.framework == COUNTERTRANSFERENCE),
                      key=lambda p: rank[p.id])
    return ct_first + [p for p in chosen if p.framework != COUNTERTRANSFERENCE]


def ct_quota(count: int) -> int:
    """How many countertransference prompts a list of ``count`` suggestions should start with."""
    if count <= 0:
        return 0
    if count <= 2:
        return 1
    return max(2, count // 2)


def _log_key(seed: int, prompt_id: str, uses: int) -> float:
    """log of the Efraimidis–Spirakis key u ** ((1 + uses) ** 2); logs avoid underflow."""
    digest = hashlib.blake2b(f"{seed}\x1f{prompt_id}".encode(), digest_size=8).digest()
    u = (int.from_bytes(digest, "big") + 0.5) / 2.0**64  # strictly inside (0, 1)
    return (1 + max(uses, 0)) ** 2 * math.log(u)
