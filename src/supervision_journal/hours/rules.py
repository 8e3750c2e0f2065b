"""What one activity is worth under a profile, and how caps trim a requirement's total.

Generic rule kinds only: a category match (kinds, tags, format, accredited), a group-time rule
(tiers of group size), absolute and proportional caps. The shape of each comes from profile data.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .models import Activity
from .profiles import Cap, Category, GroupRule, Profile, Requirement, normalise_tag

GROUP_FORMATS = frozenset({"group", "peer"})
_EPS = 1e-9


def category_of(profile: Profile, activity: Activity) -> Category | None:
    """The first category of the profile that this activity matches (None: not counted)."""
    tags: frozenset[str] | None = None
    for category in profile.categories:
        if category.kinds is not None and activity.kind not in category.kinds:
            continue
        if category.formats is not None and (activity.format or "individual") \
                not in category.formats:
            continue
        if category.accredited is not None and activity.accredited is not category.accredited:
            continue
        if category.tags is not None:
            if tags is None:
                tags = frozenset(normalise_tag(t) for t in activity.categories)
            if not tags & category.tags:
                continue
        return category
    return None


def group_factor(rule: GroupRule | None, activity: Activity) -> float | None:
    """The share of an activity's minutes that counts; None when the group size is missing.

    Individual time (or a kind the rule does not cover) counts in full. A group or peer
    activity without ``group_size`` cannot be counted safely, so the caller reports it.
    """
    if rule is None or activity.kind not in rule.kinds or activity.format not in GROUP_FORMATS:
        return 1.0
    if activity.format == "peer" and not rule.peer:
        return 0.0
    size = activity.group_size
    if size is None:
        return None
    for tier in rule.tiers:
        if tier.up_to is None or size <= tier.up_to:
            return tier.factor / size if tier.divide else tier.factor
    return 0.0  # larger than every tier: the profile does not count such groups


@dataclass(frozen=True)
class Claim:
    """An activity as the profile sees it: its category and the minutes it can claim."""

    activity: Activity
    category: str | None
    minutes: float
    unsized_group: bool = False


def claim(profile: Profile, activity: Activity) -> Claim:
    category = category_of(profile, activity)
    if category is None:
        return Claim(activity, None, 0.0)
    factor = group_factor(profile.group, activity)
    if factor is None:
        return Claim(activity, category.id, 0.0, unsized_group=True)
    return Claim(activity, category.id, activity.minutes * factor)


def counts_toward(requirement: Requirement, item: Claim) -> bool:
    return (item.category is not None and item.category in requirement.categories
            and (requirement.kinds is None or item.activity.kind in requirement.kinds))


def claimable_minutes(profile: Profile, activity: Activity) -> dict[str, float]:
    """Minutes this activity adds to each requirement, before caps (0.0 when it does not count).

    For a "count" requirement the activity counts as one when its value here is above zero.
    """
    item = claim(profile, activity)
    return {r.id: (item.minutes if counts_toward(r, item) else 0.0)
            for r in profile.requirements}


# -- caps -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CapResult:
    """One ceiling as applied: what was logged, what it allowed, what was counted (minutes)."""

    categories: tuple[str, ...]
    limit: float | None  # the absolute ceiling in minutes, if any
    share: float | None
    raw: float
    counted: float

    @property
    def excess(self) -> float:
        return max(0.0, self.raw - self.counted)


@dataclass
class _Unit:
    categories: tuple[str, ...]
    amount: float
    limit: float | None = None
    share: float | None = None  # proportion of the claimed total, solved below


def apply_caps(requirement: Requirement,
               raw: Mapping[str, float]) -> tuple[float, tuple[CapResult, ...]]:
    """The requirement's claimable total once its caps are applied, and how each cap acted.

    Absolute caps (and shares of the target, which are absolute once the target is known) trim
    first; shares of the claimed total are then solved together, because each category's
    ceiling depends on the total that itself depends on every category.
    """
    minutes = requirement.unit.minutes
    target = requirement.target_minutes
    units: list[_Unit] = []
    free = 0.0
    capped: set[str] = set()
    each: Cap | None = None
    for cap in requirement.caps:
        if cap.each:
            each = cap
            continue
        capped.update(cap.categories)
        units.append(_unit(cap, cap.categories, raw, minutes, target))
    for cid in requirement.categories:
        if cid in capped:
            continue
        if each is not None:
            units.append(_unit(each, (cid,), raw, minutes, target))
        else:
            free += raw.get(cid, 0.0)

    raws = [u.amount for u in units]
    for u in units:
        if u.limit is not None:
            u.amount = min(u.amount, u.limit)
    shared = [u for u in units if u.share is not None]
    if shared:
        fixed = free + sum(u.amount for u in units if u.share is None)
        total = _largest_total(fixed, [(u.amount, u.share or 0.0) for u in shared])
        for u in shared:
            u.amount = min(u.amount, (u.share or 0.0) * total)
    results = tuple(CapResult(u.categories, u.limit, u.share, r, u.amount)
                    for u, r in zip(units, raws, strict=True))
    return free + sum(u.amount for u in units), results


def _unit(cap: Cap, categories: tuple[str, ...], raw: Mapping[str, float], unit_minutes: float,
          target: float | None) -> _Unit:
    unit = _Unit(categories, sum(raw.get(c, 0.0) for c in categories))
    limits = []
    if cap.max is not None:
        limits.append(cap.max * unit_minutes)
    if cap.max_share is not None:
        if cap.share_of == "target":
            limits.append(cap.max_share * (target or 0.0))
        else:
            unit.share = cap.max_share
    unit.limit = min(limits) if limits else None
    return unit


def _largest_total(fixed: float, shared: Sequence[tuple[float, float]]) -> float:
    """Largest X with X <= fixed + sum(min(c, s·X)): the most that can be claimed.

    g(X) = fixed + sum(min(c, s·X)) - X is concave and g(0) >= 0, so {g >= 0} is [0, X*];
    walk g's breakpoints (c/s) and solve the linear piece where it turns negative.
    """
    live = [(c, s) for c, s in shared if c > 0 and s > 0]

    def g(x: float) -> float:
        return fixed + sum(min(c, s * x) for c, s in live) - x

    prev = 0.0
    for point in sorted({c / s for c, s in live}):
        if g(point) < -_EPS:
            g_prev, g_point = g(prev), g(point)
            return prev + g_prev * (point - prev) / (g_prev - g_point)
        prev = point
    return fixed + sum(c for c, _ in live)  # past every breakpoint nothing is capped


def category_totals(requirement: Requirement, claims: Iterable[Claim]) -> dict[str, float]:
    totals: dict[str, float] = {}
    for item in claims:
        if counts_toward(requirement, item) and item.category is not None:
            totals[item.category] = totals.get(item.category, 0.0) + item.minutes
    return totals
