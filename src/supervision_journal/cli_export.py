"""Command line: ``export`` for supervision (design.md §7, docs/cli.md)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from .errors import ExportBlocked, KnownError, UsageError
from .export import pipeline
from .export.labels import word
from .vault.atomic import write_atomic


def add_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("export", help="write the approved content for supervision, anonymised "
                                      "and leak-guarded (exit 3 when blocked)")
    p.add_argument("--out", metavar="FILE", required=True, help="output file (written "
                   "atomically; choose a neutral name)")
    p.add_argument("--format", choices=pipeline.FORMATS, default="md")
    p.add_argument("--client", metavar="PSEUDONYM", action="append", default=[],
                   help="only this client (repeatable); default: every client")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="sessions on or after DATE")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="sessions on or before DATE")
    p.add_argument("--candidates", choices=("block", "redact", "keep"), default="block",
                   help="possible names no one registered: block (default: exit 3 listing "
                        "them by position), redact, or keep")
    p.add_argument("--lang", choices=("fr", "en"), default="en", help="language of the document")
    p.add_argument("--recipient-label", metavar="TEXT", default="",
                   help="who it is for (title page and audit), e.g. your supervisor's name")
    seal = p.add_mutually_exclusive_group()
    seal.add_argument("--seal-passphrase-file", metavar="F",
                      help="seal the file with age, using the passphrase in F")
    seal.add_argument("--recipient", metavar="AGE_PUBLIC_KEY",
                      help="seal the file with age to the supervisor's public key (age1…)")
    p.set_defaults(func=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    from .cli import _date_arg, _first_line, _open
    from .journal import store as journal

    request_dates = (_date_arg(args.date_from, "--from"), _date_arg(args.date_to, "--to"))
    seal_passphrase = _first_line(args.seal_passphrase_file) if args.seal_passphrase_file \
        else None
    if args.seal_passphrase_file is not None and not seal_passphrase:
        raise UsageError("the sealing passphrase file is empty")
    with _open(args) as vault:
        client_ids = []
        for pseudonym in args.client:
            client = journal.find_client(vault.db, pseudonym)
            if client is None:
                raise KnownError("no client has this pseudonym")  # never echo it
            client_ids.append(client.id)
        request = pipeline.ExportRequest(
            client_ids=tuple(client_ids), date_from=request_dates[0], date_to=request_dates[1],
            candidates=args.candidates, language=args.lang, recipient=args.recipient_label)
        prepared = pipeline.prepare(vault.db, request)
        if prepared.anonymised.blocked:
            _list_candidates(prepared)
        data = pipeline.finish(prepared, args.format, pdf_renderer=_pdf_renderer(args.lang),
                               seal_passphrase=seal_passphrase, seal_recipient=args.recipient)
        write_atomic(Path(args.out), data)
        pipeline.record(vault.db, prepared, args.format, data,
                        sealed=bool(seal_passphrase or args.recipient))
    items = len(prepared.selection.items)
    print(f"Exported {items} approved item(s) of {len(prepared.selection.client_ids)} client(s) "
          f"to {args.out}; {len(prepared.anonymised.replacements)} replacement(s) made.")
    return 0


def _pdf_renderer(language: str) -> Callable[[str], bytes]:
    """The app's PDF, with the document's own title and footer in its language."""
    def render(html: str) -> bytes:
        from .ui.pdf import html_to_pdf  # Qt only on this path, offscreen

        return html_to_pdf(html, title=word("title", language), footer=word("footer", language))

    return render


def _list_candidates(prepared: pipeline.PreparedExport) -> None:
    """Where each undecided candidate is (never the word itself: stderr may be logged)."""
    for candidate in prepared.anonymised.blocking_candidates:
        item = prepared.anonymised.items[candidate.item_index]
        text = prepared.selection.items[candidate.item_index].text
        line = text.count("\n", 0, candidate.span[0]) + 1
        column = candidate.span[0] - (text.rfind("\n", 0, candidate.span[0]) + 1) + 1
        where = f"session {item.session_number}" if item.session_number else "reflection"
        print(f"candidate: {item.label}, {where}, {item.key}, line {line}, column {column} "
              f"({candidate.reason})", file=sys.stderr)
    raise ExportBlocked("{count} possible name(s) need a decision: review them in the app's "
                        "preview, or run again with --candidates redact or --candidates keep. "
                        "Nothing was written.",
                        count=len(prepared.anonymised.blocking_candidates))
