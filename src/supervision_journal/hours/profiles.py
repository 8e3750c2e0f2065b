"""Renewal profiles: what a professional body asks for, read from TOML data.

A profile is pure data (``resources/profiles/<id>.toml``, or a user-edited string); this module
turns it into frozen values and refuses anything it does not understand, naming the key, so a typo
in a hand-edited profile is caught instead of silently counting nothing. The rule kinds are
generic; no body has a Python branch of its own. The format is documented in docs/profiles.md.
"""

from __future__ import annotations

import functools
import importlib.resources
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..errors import KnownError
from .models import ACTIVITY_KINDS

SCHEMA_VERSION = 1
FORMATS: tuple[str, ...] = ("individual", "group", "peer")
REQUIREMENT_KINDS: tuple[str, ...] = ("total", "per_period", "count")
PERIOD_MONTHS: Mapping[str, int] = {"month": 1, "quarter": 3, "year": 12}
ALIGNMENTS: tuple[str, ...] = ("calendar", "cycle")
SHARE_BASES: tuple[str, ...] = ("claimed", "target")


class ProfileError(KnownError):
    """A profile does not follow the format; the message names the key at fault."""


@dataclass(frozen=True)
class Text:
    """A short label in the two languages the app ships."""

    en: str
    fr: str

    def get(self, language: str) -> str:
        return self.fr if language.startswith("fr") else self.en


@dataclass(frozen=True)
class Unit:
    """How minutes are shown and targeted: hours, or a body's credit (ICF: 1 h = 1 CCE)."""

    id: str
    minutes: float
    name: Text

    def from_minutes(self, minutes: float) -> float:
        return minutes / self.minutes


HOURS = Unit("hours", 60.0, Text("hours", "heures"))


@dataclass(frozen=True)
class Cycle:
    months: int
    anchor: date | None = None  # None: the cycle starts on the date the user chooses


@dataclass(frozen=True)
class GroupTier:
    """Groups of at most ``up_to`` members (None: any size) claim minutes × factor (÷ N)."""

    up_to: int | None
    factor: float
    divide: bool


@dataclass(frozen=True)
class GroupRule:
    """How group and peer time becomes claimable for the listed activity kinds.

    ``group_size`` on an activity counts the supervisees (for a peer group: every member); a
    facilitator is never counted, so the BACP "do not count the facilitator" rule holds by
    construction.
    """

    kinds: frozenset[str]
    peer: bool
    tiers: tuple[GroupTier, ...]


@dataclass(frozen=True)
class Category:
    """A bucket of activities; an activity falls in the first category that matches it."""

    id: str
    name: Text
    kinds: frozenset[str] | None = None
    tags: frozenset[str] | None = None
    formats: frozenset[str] | None = None
    accredited: bool | None = None


@dataclass(frozen=True)
class Cap:
    """A ceiling on what some categories may add to a requirement.

    ``categories`` share one ceiling (empty with ``each``: every counted category not named by
    another cap gets its own). ``max`` is in the requirement's unit; ``max_share`` is a fraction
    of the claimed total (``share_of="claimed"``) or of the target (``"target"``).
    """

    categories: tuple[str, ...]
    each: bool
    max: float | None
    max_share: float | None
    share_of: str


@dataclass(frozen=True)
class Requirement:
    id: str
    kind: str
    name: Text
    categories: tuple[str, ...]
    kinds: frozenset[str] | None
    unit: Unit
    target: float | None  # in ``unit`` (a number of activities for "count")
    period: str | None = None
    align: str = "calendar"
    averaging: bool = False
    exempt_breaks: bool = False
    exempt_without_practice: bool = False
    caps: tuple[Cap, ...] = ()
    spread_months: int | None = None

    @property
    def target_minutes(self) -> float | None:
        if self.target is None or self.kind == "count":
            return None
        return self.target * self.unit.minutes

    @property
    def period_months(self) -> int:
        return PERIOD_MONTHS[self.period] if self.period else 0


@dataclass(frozen=True)
class Profile:
    id: str
    name: Text
    body: str
    source: str
    checked_on: date
    cycle: Cycle
    categories: tuple[Category, ...]
    requirements: tuple[Requirement, ...]
    group: GroupRule | None = None
    notes: Text | None = None

    def requirement(self, requirement_id: str) -> Requirement:
        for req in self.requirements:
            if req.id == requirement_id:
                return req
        raise KeyError(requirement_id)

    def tags_used(self) -> frozenset[str]:
        """Activity tags this profile reads, so the UI can offer them when logging."""
        return frozenset(t for c in self.categories for t in (c.tags or ()))


def normalise_tag(tag: str) -> str:
    """Tags are typed by people: 'Core competencies', 'core-competencies' are one tag."""
    return "_".join(tag.strip().casefold().replace("-", " ").split())


# -- parsing --------------------------------------------------------------------------------------

class _Table:
    """A TOML table read key by key, so every complaint names its path and no key goes unread."""

    def __init__(self, data: Any, path: str) -> None:
        if not isinstance(data, dict):
            raise ProfileError("{key}: expected a table.", key=path or "profile")
        self.data = data
        self.path = path
        self.used: set[str] = set()

    def key(self, name: str) -> str:
        return f"{self.path}.{name}" if self.path else name

    def get(self, name: str, types: type | tuple[type, ...], default: Any = None, *,
            required: bool = False) -> Any:
        self.used.add(name)
        if name not in self.data:
            if required:
                raise ProfileError("{key}: missing.", key=self.key(name))
            return default
        value = self.data[name]
        # bool is an int in Python; a number key must not accept true/false
        if isinstance(value, bool) and bool not in _as_tuple(types):
            raise ProfileError(_EXPECTED[_as_tuple(types)], key=self.key(name))
        if not isinstance(value, types):
            raise ProfileError(_EXPECTED[_as_tuple(types)], key=self.key(name))
        return value

    def number(self, name: str, *, required: bool = False, minimum: float = 0.0,
               strict: bool = False) -> float | None:
        value = self.get(name, (int, float), required=required)
        if value is None:
            return None
        if value < minimum or (strict and value == minimum):
            raise ProfileError("{key}: must be greater than {minimum:g}." if strict else
                               "{key}: must be at least {minimum:g}.",
                               key=self.key(name), minimum=minimum)
        return float(value)

    def words(self, name: str, allowed: tuple[str, ...] | None = None) -> frozenset[str] | None:
        value = self.get(name, list)
        if value is None:
            return None
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                raise ProfileError("{key}[{index}]: expected a non-empty string.",
                                   key=self.key(name), index=i)
            if allowed is not None and item not in allowed:
                raise ProfileError("{key}[{index}]: unknown value '{value}' (one of: {allowed}).",
                                   key=self.key(name), index=i, value=item,
                                   allowed=", ".join(allowed))
        return frozenset(value)

    def done(self) -> None:
        extra = sorted(set(self.data) - self.used)
        if extra:
            raise ProfileError("{key}: unknown key.", key=self.key(extra[0]))


def _as_tuple(types: type | tuple[type, ...]) -> tuple[type, ...]:
    return types if isinstance(types, tuple) else (types,)


# A whole sentence for each kind of value a key takes, so that each is translated whole
# (errors.py); one entry per combination of types that _Table.get is called with.
_EXPECTED = {
    (str,): "{key}: expected a string.",
    (int,): "{key}: expected an integer.",
    (int, float): "{key}: expected an integer or a number.",
    (bool,): "{key}: expected true or false.",
    (list,): "{key}: expected a list.",
    (dict,): "{key}: expected a table.",
    (date, str): "{key}: expected a date (YYYY-MM-DD) or a string.",
}


def _text(table: _Table, name: str, *, required: bool = True) -> Text | None:
    raw = table.get(name, dict, required=required)
    if raw is None:
        return None
    sub = _Table(raw, table.key(name))
    en = sub.get("en", str)
    fr = sub.get("fr", str)
    sub.done()
    if not (en or fr):
        raise ProfileError("{key}: missing (give 'en' and/or 'fr').", key=sub.key("en"))
    # one language may be missing in a hand-written profile: show the other rather than nothing
    return Text(en or fr, fr or en)


def _identifier(table: _Table, name: str = "id") -> str:
    value = table.get(name, str, required=True).strip()
    if not value or any(c.isspace() for c in value):
        raise ProfileError("{key}: must be a non-empty word without spaces.",
                           key=table.key(name))
    return value


def _date(table: _Table, name: str, *, required: bool) -> date | None:
    value = table.get(name, (date, str), required=required)
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ProfileError("{key}: expected a date (YYYY-MM-DD).", key=table.key(name)) from None


def _cycle(root: _Table) -> Cycle:
    t = _Table(root.get("cycle", dict, required=True), "cycle")
    months = t.get("months", int)
    years = t.get("years", int)
    anchor = _date(t, "anchor", required=False)
    t.done()  # an unknown key (a typo of 'months') is the likelier mistake: name it first
    if (months is None) == (years is None):
        raise ProfileError("cycle.months: give either 'months' or 'years'.")
    total = months if months is not None else years * 12
    if not 1 <= total <= 240:
        raise ProfileError("{key}: a cycle lasts between 1 month and 20 years.",
                           key="cycle.months" if months is not None else "cycle.years")
    return Cycle(total, anchor)


def _units(root: _Table) -> dict[str, Unit]:
    units = {HOURS.id: HOURS}
    raw = root.get("units", dict, {})
    for uid in raw:
        t = _Table(raw[uid], f"units.{uid}")
        minutes = t.number("minutes", required=True, strict=True)
        name = _text(t, "name")
        t.done()
        units[uid] = Unit(uid, minutes, name)
    return units


def _group(root: _Table) -> GroupRule | None:
    raw = root.get("group", dict)
    if raw is None:
        return None
    t = _Table(raw, "group")
    kinds = t.words("kinds", ACTIVITY_KINDS) or frozenset({"supervision"})
    peer = t.get("peer", bool, True)
    raw_tiers = t.get("tiers", list, required=True)
    t.done()
    tiers = []
    for i, item in enumerate(raw_tiers):
        tt = _Table(item, f"group.tiers[{i}]")
        up_to = tt.get("up_to", int)
        if up_to is not None and up_to < 1:
            raise ProfileError("{key}: must be at least 1.", key=tt.key("up_to"))
        factor = tt.number("factor")
        divide = tt.get("divide", bool, False)
        tt.done()
        if tiers and tiers[-1].up_to is None:
            raise ProfileError("group.tiers[{index}]: follows a tier without 'up_to' "
                               "(never used).", index=i)
        if tiers and up_to is not None and up_to <= (tiers[-1].up_to or 0):
            raise ProfileError("{key}: tiers go from small groups to large ones.",
                               key=tt.key("up_to"))
        tiers.append(GroupTier(up_to, 1.0 if factor is None else factor, divide))
    if not tiers:
        raise ProfileError("group.tiers: give at least one tier.")
    return GroupRule(kinds, peer, tuple(tiers))


def _categories(root: _Table) -> tuple[Category, ...]:
    raw = root.get("categories", list, required=True)
    result: list[Category] = []
    for i, item in enumerate(raw):
        t = _Table(item, f"categories[{i}]")
        cid = _identifier(t)
        name = _text(t, "name")
        kinds = t.words("kinds", ACTIVITY_KINDS)
        tags = t.words("tags")
        formats = t.words("formats", FORMATS)
        accredited = t.get("accredited", bool)
        t.done()
        if any(c.id == cid for c in result):
            raise ProfileError("categories[{index}].id: '{id}' is used twice.", index=i, id=cid)
        if kinds is None and tags is None:
            raise ProfileError("categories[{index}].kinds: give 'kinds' and/or 'tags'.",
                               index=i)
        norm_tags = frozenset(normalise_tag(x) for x in tags) if tags is not None else None
        result.append(Category(cid, name, kinds, norm_tags, formats, accredited))
    if not result:
        raise ProfileError("categories: give at least one category.")
    return tuple(result)


def _caps(t: _Table, category_ids: tuple[str, ...], target: float | None) -> tuple[Cap, ...]:
    caps: list[Cap] = []
    named: set[str] = set()
    for i, item in enumerate(t.get("caps", list, [])):
        c = _Table(item, t.key(f"caps[{i}]"))
        cats = c.words("categories")
        each = c.get("each", bool, False)
        maximum = c.number("max")
        share = c.number("max_share", strict=True)
        share_of = c.get("share_of", str, "claimed")
        c.done()
        if (cats is None) == (not each):
            raise ProfileError("{key}: give 'categories' or 'each = true'.",
                               key=c.key("categories"))
        if maximum is None and share is None:
            raise ProfileError("{key}: give 'max' and/or 'max_share'.", key=c.key("max"))
        if share is not None and share > 1:
            raise ProfileError("{key}: a share is between 0 and 1.", key=c.key("max_share"))
        if share_of not in SHARE_BASES:
            raise ProfileError("{key}: one of {allowed}.", key=c.key("share_of"),
                               allowed=", ".join(SHARE_BASES))
        if share is not None and share_of == "target" and target is None:
            raise ProfileError("{key}: 'target' needs the requirement's target.",
                               key=c.key("share_of"))
        ordered = tuple(x for x in category_ids if cats and x in cats)
        for x in sorted(cats or ()):
            if x not in category_ids:
                raise ProfileError("{key}: '{category}' is not counted by this requirement.",
                                   key=c.key("categories"), category=x)
            if x in named:
                raise ProfileError("{key}: '{category}' is already capped.",
                                   key=c.key("categories"), category=x)
        named.update(ordered)
        caps.append(Cap(ordered, each, maximum, share, share_of))
    if sum(cap.each for cap in caps) > 1:
        raise ProfileError("{key}: only one cap may use 'each'.", key=t.key("caps"))
    return tuple(caps)


def _requirements(root: _Table, categories: tuple[Category, ...],
                  units: Mapping[str, Unit]) -> tuple[Requirement, ...]:
    all_ids = tuple(c.id for c in categories)
    raw = root.get("requirements", list, required=True)
    result: list[Requirement] = []
    for i, item in enumerate(raw):
        t = _Table(item, f"requirements[{i}]")
        rid = _identifier(t)
        if any(r.id == rid for r in result):
            raise ProfileError("{key}: '{id}' is used twice.", key=t.key("id"), id=rid)
        kind = t.get("kind", str, required=True)
        if kind not in REQUIREMENT_KINDS:
            raise ProfileError("{key}: one of {allowed}.", key=t.key("kind"),
                               allowed=", ".join(REQUIREMENT_KINDS))
        name = _text(t, "name")
        cats = t.words("categories")
        for x in sorted(cats or ()):
            if x not in all_ids:
                raise ProfileError("{key}: no category '{category}'.", key=t.key("categories"),
                                   category=x)
        counted = tuple(x for x in all_ids if cats is None or x in cats)
        kinds = t.words("kinds", ACTIVITY_KINDS)
        unit_id = t.get("unit", str, HOURS.id)
        if unit_id not in units:
            raise ProfileError("{key}: no unit '{unit}' (define it in [units]).",
                               key=t.key("unit"), unit=unit_id)
        target = t.number("target", required=kind != "total")
        if kind == "count" and target is not None and target != int(target):
            raise ProfileError("{key}: a count is a whole number.", key=t.key("target"))

        period = t.get("period", str)
        align = t.get("align", str, "calendar")
        averaging = t.get("averaging", bool, False)
        exempt_breaks = t.get("exempt_breaks", bool, False)
        exempt_practice = t.get("exempt_without_practice", bool, False)
        if kind == "per_period":
            if period not in PERIOD_MONTHS:
                raise ProfileError("{key}: one of {allowed}.", key=t.key("period"),
                                   allowed=", ".join(PERIOD_MONTHS))
            if align not in ALIGNMENTS:
                raise ProfileError("{key}: one of {allowed}.", key=t.key("align"),
                                   allowed=", ".join(ALIGNMENTS))
        else:
            for key in ("period", "align", "averaging", "exempt_breaks",
                        "exempt_without_practice"):
                if key in t.data:
                    raise ProfileError("{key}: only for kind = \"per_period\".", key=t.key(key))
        caps = _caps(t, counted, target) if kind == "total" else ()
        if kind != "total" and "caps" in t.data:
            raise ProfileError("{key}: only for kind = \"total\".", key=t.key("caps"))
        spread = t.get("spread_months", int)
        if spread is not None and (kind != "total" or spread < 1):
            raise ProfileError("{key}: a positive whole number, only for kind = \"total\".",
                               key=t.key("spread_months"))
        t.done()
        result.append(Requirement(
            rid, kind, name, counted, kinds, units[unit_id], target,
            period if kind == "per_period" else None, align, averaging, exempt_breaks,
            exempt_practice, caps, spread))
    if not result:
        raise ProfileError("requirements: give at least one requirement.")
    return tuple(result)


def parse_profile(toml_text: str) -> Profile:
    """Read one profile; a ``ProfileError`` names the first key that is wrong."""
    try:
        data = tomllib.loads(toml_text)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError("The profile is not valid TOML: {reason}.", reason=str(exc)) from None
    root = _Table(data, "")
    schema = root.get("schema", int, SCHEMA_VERSION)
    if schema != SCHEMA_VERSION:
        raise ProfileError("schema: this version of the app reads schema {schema}.",
                           schema=SCHEMA_VERSION)
    pid = _identifier(root)
    name = _text(root, "name")
    body = root.get("body", str, required=True)
    source = root.get("source", str, required=True)
    checked_on = _date(root, "checked_on", required=True)
    notes = _text(root, "notes", required=False)
    cycle = _cycle(root)
    units = _units(root)
    group = _group(root)
    categories = _categories(root)
    requirements = _requirements(root, categories, units)
    root.done()
    return Profile(pid, name, body, source, checked_on, cycle, categories, requirements, group,
                   notes)


def _profile_files() -> dict[str, str]:
    folder = importlib.resources.files("supervision_journal.resources") / "profiles"
    return {entry.name[:-5]: entry.read_text(encoding="utf-8")
            for entry in folder.iterdir() if entry.name.endswith(".toml")}


@functools.cache
def _shipped() -> tuple[Profile, ...]:
    profiles = []
    for stem, text in sorted(_profile_files().items()):
        try:
            profile = parse_profile(text)
        except ProfileError as exc:
            raise ProfileError("{file}: {error}", file=f"{stem}.toml", error=exc) from None
        if profile.id != stem:
            raise ProfileError("{file}: id: must match the file name.", file=f"{stem}.toml")
        profiles.append(profile)
    return tuple(profiles)


def load_profiles() -> dict[str, Profile]:
    """Every shipped profile by id (parsed once; the values are immutable)."""
    return {p.id: p for p in _shipped()}


def profile_text(profile_id: str) -> str:
    """The TOML text of a shipped profile: the starting point for a user's own copy."""
    try:
        return _profile_files()[profile_id]
    except KeyError:
        raise ProfileError("No shipped profile '{profile}'.", profile=profile_id) from None
