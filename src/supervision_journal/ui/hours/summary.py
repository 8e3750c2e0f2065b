"""What the dashboard shows, computed without Qt: the cycle that contains today, the engine's
progress through it, and hours per month by kind for the chart.

``dashboard_data`` is what a profile switch recomputes; bench/hours.py times it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ...hours.models import Activity
from ...hours.profiles import Profile
from ...hours.progress import (
    CycleProgress,
    MonthHours,
    add_months,
    cycle_containing,
    evaluate,
    monthly_hours_by_kind,
)

CHART_LEFT_OUT = frozenset({"client_practice", "break"})
CHART_MONTHS = 24  # longer cycles show their last two years: a bar per month stays readable


def default_anchor(profile: Profile, activities: Sequence[Activity], today: date) -> date:
    """Where cycles start when the practitioner has not said: the profile's own anchor, else
    the first logged activity, else today (as the command line does)."""
    if profile.cycle.anchor is not None:
        return profile.cycle.anchor
    return min((a.date for a in activities if a.id > 0), default=today)


def cycle_starts(profile: Profile, anchor: date, today: date, count: int = 6) -> list[date]:
    """The start of the cycle containing ``today`` and of up to ``count - 1`` earlier ones
    (never before ``anchor``), newest first."""
    current = cycle_containing(profile, anchor, today)
    out = [current]
    while len(out) < count:
        previous = add_months(current, -profile.cycle.months * len(out))
        if previous < anchor:
            break
        out.append(previous)
    return out


@dataclass(frozen=True)
class DashboardData:
    profile: Profile
    anchor: date
    progress: CycleProgress
    months: tuple[MonthHours, ...]

    @property
    def last_day(self) -> date:
        return self.progress.end - timedelta(days=1)


def dashboard_data(profile: Profile, activities: Sequence[Activity], anchor: date,
                   today: date) -> DashboardData:
    """Progress through the current cycle and the chart's months (up to today)."""
    start = cycle_containing(profile, anchor, today)
    progress = evaluate(profile, activities, start, today)
    chart_end = min(today, progress.end - timedelta(days=1))
    chart_start = max(start, add_months(date(chart_end.year, chart_end.month, 1),
                                        -(CHART_MONTHS - 1)))
    # Client practice (often 80 h a month) would flatten the bars of what the chart is for.
    charted = [a for a in activities if a.kind not in CHART_LEFT_OUT]
    months = tuple(monthly_hours_by_kind(charted, chart_start, chart_end))
    return DashboardData(profile, anchor, progress, months)
