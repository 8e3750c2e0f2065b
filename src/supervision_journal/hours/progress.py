"""Where a practitioner stands in a renewal cycle: the rule engine's evaluation.

Pure functions over activities (no database): ``evaluate`` gives, per requirement, what can be
claimed, what is needed, whether it is met and which periods fall short; ``monthly_hours_by_kind``
feeds the hours chart. Periods are reported by date and an ISO label ("2026-10", "2026-Q4",
"2026", or "2027-03-01/2028-02-29" for cycle years) so the UI words them in its own language.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from .models import Activity
from .profiles import Profile, Requirement, Unit
from .rules import CapResult, Claim, apply_caps, category_totals, claim, counts_toward

_EPS = 1e-6  # minutes: sums of fractions (90 ÷ 7 …) must not miss a target by rounding

# period statuses
MET = "met"
SHORT = "short"
EXEMPT = "exempt"
OPEN = "open"  # contains today and not yet met: not a shortfall until it is over

# why a period is exempt
BREAK = "break"
NO_PRACTICE = "no_practice"


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the month's end (31 Jan + 1 → 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def cycle_end(profile: Profile, start: date) -> date:
    """The first day after the cycle that begins on ``start``."""
    return add_months(start, profile.cycle.months)


def cycle_containing(profile: Profile, anchor: date, today: date) -> date:
    """Start of the cycle that contains ``today``, cycles following each other from ``anchor``."""
    months = profile.cycle.months
    k = ((today.year - anchor.year) * 12 + today.month - anchor.month) // months
    while add_months(anchor, k * months) > today:
        k -= 1
    while add_months(anchor, (k + 1) * months) <= today:
        k += 1
    return add_months(anchor, k * months)


def _month_key(day: date) -> int:
    return day.year * 12 + day.month - 1


def _month_start(key: int) -> date:
    return date(key // 12, key % 12 + 1, 1)


@dataclass(frozen=True)
class PeriodResult:
    """One period of a per-period requirement (``end`` is the first day after it).

    ``claimable`` and ``needed`` are minutes.
    """

    label: str
    start: date
    end: date
    claimable: float
    needed: float
    status: str
    exempt_reason: str | None = None

    @property
    def shortfall(self) -> float:
        return max(0.0, self.needed - self.claimable)


@dataclass(frozen=True)
class RequirementProgress:
    """A requirement over the cycle so far.

    ``measure`` says what ``claimable`` and ``needed`` count: "minutes", or "activities" for a
    count requirement. ``needed`` is None when the body sets no figure (shown, never judged), and
    then ``met`` is None too.
    """

    requirement: Requirement
    measure: str
    claimable: float
    needed: float | None
    met: bool | None
    periods: tuple[PeriodResult, ...] = ()
    caps: tuple[CapResult, ...] = ()
    months_spread: int | None = None  # distinct months with a counted activity (spread rules)

    @property
    def id(self) -> str:
        return self.requirement.id

    @property
    def unit(self) -> Unit:
        return self.requirement.unit

    @property
    def shortfalls(self) -> tuple[PeriodResult, ...]:
        """Finished periods below the minimum; with averaging, only when the average fails."""
        if self.requirement.averaging and self.met:
            return ()
        return tuple(p for p in self.periods if p.status == SHORT)

    def in_unit(self, minutes: float) -> float:
        return self.requirement.unit.from_minutes(minutes)


@dataclass(frozen=True)
class CycleProgress:
    profile_id: str
    start: date
    end: date  # first day after the cycle
    today: date
    requirements: tuple[RequirementProgress, ...]
    unsized_groups: tuple[int, ...] = ()  # ids of group/peer activities without a group size

    @property
    def days_left(self) -> int:
        """Days from today (included) to the cycle's end; the whole cycle if not begun."""
        return max(0, (self.end - max(self.today, self.start)).days)

    @property
    def met(self) -> bool | None:
        judged = [r.met for r in self.requirements if r.met is not None]
        return all(judged) if judged else None

    def requirement(self, requirement_id: str) -> RequirementProgress:
        for r in self.requirements:
            if r.id == requirement_id:
                return r
        raise KeyError(requirement_id)


@dataclass(frozen=True)
class _Context:
    start: date
    end: date
    today: date
    claims: tuple[Claim, ...]
    in_cycle: tuple[Claim, ...]
    break_months: frozenset[int]
    practice_months: frozenset[int]


def evaluate(profile: Profile, activities: Iterable[Activity], cycle_start: date,
             today: date) -> CycleProgress:
    """Progress through the cycle that starts on ``cycle_start``, as of ``today``.

    Activities dated after ``today`` (planned ones) do not count yet. Totals count activities
    inside the cycle; a calendar-aligned period counts its whole calendar month, quarter or year,
    because that is what "every calendar month" means even when the cycle starts mid-month.
    """
    end = cycle_end(profile, cycle_start)
    past = [a for a in activities if a.date <= today]
    claims = tuple(claim(profile, a) for a in past)
    ctx = _Context(
        cycle_start, end, today, claims,
        tuple(c for c in claims if cycle_start <= c.activity.date < end),
        frozenset(_month_key(a.date) for a in past if a.kind == "break"),
        frozenset(_month_key(a.date) for a in past
                  if a.kind == "client_practice" and a.minutes > 0))
    results = []
    for req in profile.requirements:
        if req.kind == "per_period":
            results.append(_per_period(req, ctx))
        elif req.kind == "count":
            results.append(_count(req, ctx))
        else:
            results.append(_total(req, ctx))
    unsized = tuple(sorted(c.activity.id for c in ctx.in_cycle if c.unsized_group))
    return CycleProgress(profile.id, cycle_start, end, today, tuple(results), unsized)


def _total(req: Requirement, ctx: _Context) -> RequirementProgress:
    claimable, caps = apply_caps(req, category_totals(req, ctx.in_cycle))
    needed = req.target_minutes
    met = None if needed is None else claimable + _EPS >= needed
    spread = None
    if req.spread_months is not None:
        spread = len({_month_key(c.activity.date) for c in ctx.in_cycle
                      if c.minutes > 0 and counts_toward(req, c)})
        met = spread >= req.spread_months and met is not False
    return RequirementProgress(req, "minutes", claimable, needed, met, caps=caps,
                               months_spread=spread)


def _count(req: Requirement, ctx: _Context) -> RequirementProgress:
    n = sum(1 for c in ctx.in_cycle if c.minutes > 0 and counts_toward(req, c))
    needed = req.target
    met = None if needed is None else n >= needed
    return RequirementProgress(req, "activities", float(n), needed, met)


def _periods(req: Requirement, ctx: _Context) -> list[tuple[str, date, date]]:
    """The periods of the cycle that have begun by ``today``: (label, start, end)."""
    length = req.period_months
    last = min(ctx.end, ctx.today + timedelta(days=1))
    out: list[tuple[str, date, date]] = []
    if req.align == "cycle":
        k = 0
        while (p_start := add_months(ctx.start, k * length)) < last:
            p_end = add_months(ctx.start, (k + 1) * length)
            label = f"{p_start.isoformat()}/{(p_end - timedelta(days=1)).isoformat()}"
            out.append((label, p_start, p_end))
            k += 1
        return out
    key = _month_key(ctx.start) // length * length
    while (p_start := _month_start(key)) < last:
        p_end = _month_start(key + length)
        if length == 1:
            label = f"{p_start.year}-{p_start.month:02d}"
        elif length == 3:
            label = f"{p_start.year}-Q{(p_start.month - 1) // 3 + 1}"
        else:
            label = str(p_start.year)
        out.append((label, p_start, p_end))
        key += length
    return out


def _exemption(req: Requirement, ctx: _Context, start: date, end: date) -> str | None:
    """A period is exempt when every month it touches is a documented break or, if the
    profile says so, a month without client work."""
    if not (req.exempt_breaks or req.exempt_without_practice):
        return None
    any_break = False
    for key in range(_month_key(start), _month_key(end - timedelta(days=1)) + 1):
        if req.exempt_breaks and key in ctx.break_months:
            any_break = True
        elif not (req.exempt_without_practice and key not in ctx.practice_months):
            return None
    return BREAK if any_break else NO_PRACTICE


def _per_period(req: Requirement, ctx: _Context) -> RequirementProgress:
    periods = _periods(req, ctx)
    sums = [0.0] * len(periods)
    if periods:
        first, last = periods[0][1], periods[-1][2]
        starts = [p[1] for p in periods]
        for c in ctx.claims:
            day = c.activity.date
            if first <= day < last and c.minutes > 0 and counts_toward(req, c):
                sums[_bisect(starts, day)] += c.minutes
    needed_each = req.target_minutes or 0.0
    results = []
    for (label, p_start, p_end), got in zip(periods, sums, strict=True):
        reason = _exemption(req, ctx, p_start, p_end)
        if reason is not None:
            status = EXEMPT
        elif got + _EPS >= needed_each:
            status = MET
        elif p_end > ctx.today:
            status = OPEN
        else:
            status = SHORT
        results.append(PeriodResult(label, p_start, p_end, got, needed_each, status, reason))

    judged = [p for p in results if p.status != EXEMPT]
    claimable = sum(p.claimable for p in judged)
    needed = needed_each * len(judged)
    if req.averaging:
        due = needed_each * sum(1 for p in judged if p.end <= ctx.today)
        met = claimable + _EPS >= due
    else:
        met = not any(p.status == SHORT for p in results)
    return RequirementProgress(req, "minutes", claimable, needed, met, tuple(results))


def _bisect(starts: Sequence[date], day: date) -> int:
    lo, hi = 0, len(starts)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if starts[mid] <= day:
            lo = mid
        else:
            hi = mid
    return lo


# -- chart ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class MonthHours:
    """Hours logged in one calendar month, by activity kind (raw hours, not claimable ones)."""

    month: date  # first day of the month
    hours: dict[str, float] = field(default_factory=dict)

    @property
    def total(self) -> float:
        return sum(self.hours.values())


def monthly_hours_by_kind(activities: Iterable[Activity], start: date,
                          end: date) -> list[MonthHours]:
    """One entry per calendar month touching [start, end] (both included), empty months too."""
    first, last = _month_key(start), _month_key(end)
    buckets: list[dict[str, float]] = [{} for _ in range(max(0, last - first + 1))]
    for a in activities:
        if start <= a.date <= end and a.minutes:
            bucket = buckets[_month_key(a.date) - first]
            bucket[a.kind] = bucket.get(a.kind, 0.0) + a.minutes / 60
    return [MonthHours(_month_start(first + i), hours) for i, hours in enumerate(buckets)]
