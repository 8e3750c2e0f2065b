"""Countertransference patterns: which recorded feelings recur across a client's sessions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..journal.models import FEELINGS, FeelingPoint


def feeling_rows(points: Sequence[FeelingPoint]) -> list[str]:
    """The feelings present, the most recurrent first (ties in the vocabulary's order): the
    chart's rows, top to bottom."""
    sessions = Counter(p.feeling for p in points)
    order = {feeling: index for index, feeling in enumerate(FEELINGS)}
    return sorted(sessions, key=lambda f: (-sessions[f], order.get(f, len(order)), f))


def recurring(points: Sequence[FeelingPoint], min_sessions: int = 3) -> list[tuple[str, int]]:
    """Feelings recorded in at least ``min_sessions`` sessions, with their session count."""
    counts = Counter((p.feeling, p.session_id) for p in points)
    per_feeling = Counter(feeling for feeling, _ in counts)
    return [(f, per_feeling[f]) for f in feeling_rows(points) if per_feeling[f] >= min_sessions]
