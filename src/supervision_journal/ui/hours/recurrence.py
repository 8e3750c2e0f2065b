"""Dates of a recurring activity (e.g. supervision every other Tuesday); no Qt here."""

from __future__ import annotations

from datetime import date, timedelta

MAX_OCCURRENCES = 260  # five years of weekly sessions; more is a typo in the end date


def every_n_weeks(first: date, last: date, weeks: int) -> list[date]:
    """``first`` and every ``weeks`` weeks after it, up to ``last`` (included).

    Stops after MAX_OCCURRENCES + 1 dates: more than MAX_OCCURRENCES means "too many"."""
    if weeks < 1:
        raise ValueError("weeks must be at least 1")
    out: list[date] = []
    day = first
    while day <= last and len(out) <= MAX_OCCURRENCES:
        out.append(day)
        day += timedelta(weeks=weeks)
    return out
