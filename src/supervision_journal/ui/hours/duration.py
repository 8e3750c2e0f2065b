"""Durations as people type them: "1:30", "1.5", "1,5", "90 min", "2 h" (no Qt here)."""

from __future__ import annotations

import re

MAX_MINUTES = 100_000  # the ledger's own ceiling (hours/store.py)

_HM = re.compile(r"^(\d{1,5})\s*(?::|h)\s*(\d{1,2})?\s*(?:min|m)?$")
_DECIMAL = re.compile(r"^(\d{1,5})(?:[.,](\d{1,3}))?\s*(h|min|m)?$")


def parse_duration(text: str) -> int | None:
    """Minutes, or None when the text is not a duration (or is beyond the ledger's ceiling).

    "1:30" and "1h30" are hours and minutes; "1.5" and "1,5" are decimal hours; "90 min" and
    "90m" are minutes; "2 h" and "2" are hours.
    """
    value = text.strip().casefold()
    if not value:
        return None
    minutes: int | None = None
    match = _HM.match(value)
    if match and (":" in value or match.group(2) is not None):
        mins = int(match.group(2) or 0)
        if mins >= 60:
            return None
        minutes = int(match.group(1)) * 60 + mins
    else:
        match = _DECIMAL.match(value)
        if match is None:
            return None
        number = float(f"{match.group(1)}.{match.group(2) or 0}")
        minutes = round(number) if match.group(3) in ("min", "m") else round(number * 60)
    return minutes if 0 <= minutes <= MAX_MINUTES else None


def format_duration(minutes: float) -> str:
    """Hours and minutes, "1:30"; whole minutes (fractions of a minute are rounded)."""
    total = round(minutes)
    return f"{total // 60}:{total % 60:02d}"
