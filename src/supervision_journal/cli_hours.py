"""Command line: ``hours`` (list, add, report, profiles) for the ledger and renewal rules."""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import UsageError
from .hours.models import ACTIVITY_KINDS
from .vault.atomic import write_atomic

if TYPE_CHECKING:
    from .hours.profiles import Profile
    from .vault.database import Database


def add_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    hours = sub.add_parser("hours", help="the training and supervision hours ledger")
    actions = hours.add_subparsers(dest="hours_command", metavar="ACTION", required=True,
                                   parser_class=type(hours))
    p = actions.add_parser("list", help="list activities (date, kind, hours, title)")
    p.add_argument("--from", dest="date_from", metavar="DATE")
    p.add_argument("--to", dest="date_to", metavar="DATE")
    p.add_argument("--kind", choices=ACTIVITY_KINDS)
    p.set_defaults(func=cmd_list)

    p = actions.add_parser("add", help="log an activity")
    p.add_argument("--kind", choices=ACTIVITY_KINDS, required=True)
    p.add_argument("--date", required=True, metavar="DATE")
    p.add_argument("--hours", required=True, type=float)
    p.add_argument("--title", default="")
    p.add_argument("--provider", default="", help="provider, supervisor or organiser")
    p.add_argument("--format", choices=("individual", "group", "peer", "live", "recorded"))
    p.add_argument("--group-size", type=int, metavar="N",
                   help="supervisees in the group (not counting the supervisor)")
    p.add_argument("--modality", choices=("in_person", "video", "phone"))
    p.add_argument("--accredited", action="store_true", default=None)
    p.add_argument("--category", action="append", default=[], metavar="TAG",
                   help="topic category (repeatable), e.g. ethics, core-competencies")
    p.add_argument("--learning", default="", help="what I learned")
    p.add_argument("--impact", default="", help="impact on my practice")
    p.set_defaults(func=cmd_add)

    p = actions.add_parser("report", help="renewal report for a profile and cycle")
    p.add_argument("--profile", required=True, metavar="ID", help="see 'hours profiles'")
    p.add_argument("--from", dest="date_from", metavar="DATE",
                   help="cycle start (default: the cycle that contains --to, counted from the "
                        "first activity)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="report as of DATE (default: "
                                                                "today)")
    p.add_argument("--format", choices=("csv", "md", "pdf"), default="md")
    p.add_argument("--lang", choices=("fr", "en"), default="en")
    p.add_argument("--out", metavar="FILE", help="output file (default: standard output; "
                                                 "required for pdf)")
    p.set_defaults(func=cmd_report)

    p = actions.add_parser("profiles", help="list the renewal profiles")
    p.set_defaults(func=cmd_profiles, needs_vault=False)


def _hours_text(minutes: int) -> str:
    return f"{minutes / 60:.2f}"


def cmd_list(args: argparse.Namespace) -> int:
    from .cli import _date_arg, _open
    from .hours import store

    with _open(args) as vault:
        rows = store.list_activities(vault.db, _date_arg(args.date_from, "--from"),
                                     _date_arg(args.date_to, "--to"), args.kind)
    for a in rows:
        label = " · ".join(x for x in (a.title, a.provider) if x)
        print(f"{a.date.isoformat()}\t{a.kind}\t{_hours_text(a.minutes)}\t{label}")
    total = sum(a.minutes for a in rows)
    print(f"{len(rows)} activities, {_hours_text(total)} hours")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from .cli import _date_arg, _open
    from .hours import store

    on = _date_arg(args.date, "--date")
    if not 0 <= args.hours * 60 <= store.MAX_MINUTES:
        raise UsageError("--hours must be between 0 and {hours}", hours=store.MAX_MINUTES // 60)
    with _open(args) as vault:
        activity = store.add_activity(
            vault.db, args.kind, on, round(args.hours * 60), format=args.format,
            group_size=args.group_size, modality=args.modality, title=args.title,
            provider=args.provider, accredited=args.accredited, categories=args.category,
            learning=args.learning, impact=args.impact)
    print(f"Logged {activity.kind} on {activity.date.isoformat()}: "
          f"{_hours_text(activity.minutes)} h.")
    return 0


def cmd_profiles(args: argparse.Namespace) -> int:
    from .hours.profiles import load_profiles

    for profile in load_profiles().values():
        print(f"{profile.id}\t{profile.name.en}\t(checked {profile.checked_on})")
    return 0


# Where the app keeps the custom profile's TOML (ui/hours/settings.py CUSTOM_KEY).
CUSTOM_SETTING = "hours.custom_profile"


def _with_custom(db: Database, shipped: dict[str, Profile]) -> dict[str, Profile]:
    """The shipped profiles, with the vault's custom one in place of the shipped example."""
    from .hours.profiles import ProfileError, parse_profile
    from .journal import store as journal

    text = journal.get_setting(db, CUSTOM_SETTING)
    if not isinstance(text, str):
        return shipped
    try:
        mine = parse_profile(text)
    except ProfileError:
        return shipped  # the app only saves valid profiles; a newer format is not ours
    if mine.id != "custom" and mine.id in shipped:
        return shipped
    profiles = {k: v for k, v in shipped.items() if k != "custom"}
    profiles[mine.id] = mine
    return profiles


def cmd_report(args: argparse.Namespace) -> int:
    from .cli import _date_arg, _open, _pdf
    from .export.redact import redactor
    from .hours import store
    from .hours.practice import with_practice
    from .hours.profiles import load_profiles
    from .hours.progress import cycle_containing
    from .hours.report import build_report

    if args.format == "pdf" and not args.out:
        raise UsageError("a PDF report needs --out FILE")
    today = _date_arg(args.date_to, "--to") or date.today()
    with _open(args) as vault:
        # The practitioner's own rules, edited in the app, are a profile like the others.
        profiles = _with_custom(vault.db, load_profiles())
        if args.profile not in profiles:
            raise UsageError("unknown profile '{profile}' (see 'hours profiles')",
                             profile=args.profile)
        profile = profiles[args.profile]
        activities = with_practice(vault.db, store.list_activities(vault.db))
        start = _date_arg(args.date_from, "--from")
        if start is None:
            anchor = profile.cycle.anchor or min((a.date for a in activities), default=today)
            start = cycle_containing(profile, anchor, today)
        report = build_report(profile, activities, start, today, args.lang, redactor(vault.db))
        if args.format == "csv":
            data = report.to_csv().encode("utf-8")
        elif args.format == "md":
            data = report.to_markdown().encode("utf-8")
        else:
            data = _pdf(report.to_html(), report.document_title)
        if args.out:
            write_atomic(Path(args.out), data)
            import hashlib

            from .export import store as export_store

            export_store.add_audit(vault.db, "renewal", fmt=args.format,
                                   items=[profile.id, start.isoformat(), today.isoformat()],
                                   sha256=hashlib.sha256(data).hexdigest())
    if not args.out:
        import sys

        sys.stdout.write(data.decode("utf-8"))
        return 0
    met = report.progress.met
    state = "all requirements met" if met else ("not all met" if met is False
                                                 else "no figure to meet")
    last_day = report.progress.end - timedelta(days=1)
    print(f"Report for {profile.id}, cycle {start.isoformat()} to {last_day.isoformat()} "
          f"({state}), written to {args.out}.")
    return 0


__all__ = ["add_commands"]
