"""The command line (design.md §9, documented in docs/cli.md): parse, call features, print,
exit code. Exit codes: 0 ok, 1 error, 2 usage, 3 export blocked, 4 wrong passphrase/code.
Errors are one line on stderr, never a traceback and never note content.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from . import __version__, interchange, placement
from .errors import KnownError, OsReason, UsageError, VaultNotFound
from .export import store as export_store
from .journal import store as journal
from .journal.models import Client
from .paths import default_backup_dir, vault_paths
from .vault import backup, keys
from .vault.atomic import write_atomic
from .vault.vault import Vault

PASSPHRASE_ENV = "SUPERVISION_JOURNAL_PASSPHRASE"
NEW_PASSPHRASE_ENV = "SUPERVISION_JOURNAL_NEW_PASSPHRASE"
RECOVERY_ENV = "SUPERVISION_JOURNAL_RECOVERY_CODE"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # One line, like every other error, so scripts can show it as is.
        print(f"error: {message} (see '{self.prog} --help')", file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="supervision-journal",
                     description="Offline encrypted supervision journal. Without a command, "
                                 "starts the desktop app.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--vault", metavar="DIR",
                        help="vault folder (holding journal.db and journal.keys); default: the "
                             "platform data folder")
    parser.add_argument("--passphrase-file", metavar="F",
                        help=f"read the passphrase from the first line of F (else ${PASSPHRASE_ENV}"
                             ", else a prompt on a terminal, else the first line of stdin)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    from . import cli_export, cli_hours

    cli_export.add_commands(sub)
    cli_hours.add_commands(sub)

    p = sub.add_parser("init", help="create a new vault and print its recovery code once")
    p.set_defaults(func=cmd_init)
    p = sub.add_parser("import", help="import an interchange JSON file (all or nothing)")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=cmd_import)
    p = sub.add_parser("export-data", help="write everything, identities included, as JSON")
    p.add_argument("out", metavar="OUT", help="output file, or - for standard output")
    p.set_defaults(func=cmd_export_data)
    p = sub.add_parser("verify", help="check the vault's integrity on a fresh connection, or a "
                                      "backup file's")
    p.add_argument("file", metavar="FILE", nargs="?",
                   help="a backup file to check instead of the vault (opened with the "
                        "passphrase, or --recovery-code-file, valid when it was made)")
    p.add_argument("--recovery-code-file", metavar="F",
                   help="open the backup with the recovery code in F instead")
    p.set_defaults(func=cmd_verify)
    p = sub.add_parser("backup", help="write a verified encrypted backup, then rotate old ones "
                                      "(7 daily, 4 weekly, 12 monthly)")
    p.add_argument("--out", metavar="DIR", help="backup folder (default: the platform data "
                                                "folder's backups/)")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("restore", help="restore a backup into the vault folder (the current "
                                       "files are kept in before-restore-*/)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--recovery-code-file", metavar="F",
                   help="open the backup with the recovery code in F instead of the passphrase")
    p.set_defaults(func=cmd_restore)
    p = sub.add_parser("passwd", help="change the passphrase (the database is not rewritten)")
    p.add_argument("--new-passphrase-file", metavar="F",
                   help=f"new passphrase from F (else ${NEW_PASSPHRASE_ENV}, else a prompt)")
    p.set_defaults(func=cmd_passwd)
    p = sub.add_parser("recover", help="open with the recovery code and set a new passphrase")
    p.add_argument("--recovery-code-file", metavar="F",
                   help=f"recovery code from F (else ${RECOVERY_ENV}, else a prompt)")
    p.add_argument("--new-passphrase-file", metavar="F",
                   help=f"new passphrase from F (else ${NEW_PASSPHRASE_ENV}, else a prompt)")
    p.set_defaults(func=cmd_recover)
    p = sub.add_parser("rotate-key", help="replace the database key (PRAGMA rekey) and the "
                                          "recovery code; prints the new code")
    p.set_defaults(func=cmd_rotate_key)
    _add_privacy_commands(sub)
    return parser


# -- secrets from files, environment, terminal or stdin -----------------------------------

def _first_line(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as fh:
            line = fh.readline()
    except OSError as exc:
        raise UsageError("cannot read {path}: {reason}", path=path, reason=OsReason(exc)) from None
    except UnicodeDecodeError:
        raise UsageError("{path} is not UTF-8 text", path=path) from None
    return line.rstrip("\r\n")


def _secret(file: str | None, env: str, prompt: str, *, confirm: bool = False,
            allow_stdin: bool = True) -> str:
    if file:
        value = _first_line(file)
    elif os.environ.get(env):
        value = os.environ[env]
    elif sys.stdin is not None and sys.stdin.isatty():
        value = getpass.getpass(prompt)
        if confirm and getpass.getpass("Repeat: ") != value:
            raise UsageError("the two entries differ")
    elif allow_stdin and sys.stdin is not None:
        value = sys.stdin.readline().rstrip("\r\n")
    else:
        raise UsageError("no {what} given (use a file or ${env})",
                         what=prompt.strip(": ").lower(), env=env)
    if not value:
        raise UsageError("the {what} is empty", what=prompt.strip(": ").lower())
    return value


def _passphrase(args: argparse.Namespace, *, confirm: bool = False) -> str:
    return _secret(args.passphrase_file, PASSPHRASE_ENV, "Passphrase: ", confirm=confirm)


def _new_passphrase(args: argparse.Namespace) -> str:
    return _secret(args.new_passphrase_file, NEW_PASSPHRASE_ENV, "New passphrase: ",
                   confirm=True, allow_stdin=False)


def _require_vault(args: argparse.Namespace) -> None:
    # Before asking for any secret: a prompt for a vault that is not there would mislead.
    paths = vault_paths(args.vault)
    if not paths.exists():
        raise VaultNotFound("No vault in {folder}. Create one with 'init'.",
                            folder=paths.folder)


def _open(args: argparse.Namespace) -> Vault:
    _require_vault(args)
    return Vault.open(args.vault, _passphrase(args))


# -- commands -----------------------------------------------------------------------------

def _placement_warning(folder: Path) -> str | None:
    # Sync clients copy journal.db and its WAL separately; network file systems break locking.
    found = placement.find_sync_folder(folder)
    if found is None:
        return None
    where = (f"in a folder synced by {found.provider}" if found.kind == "cloud"
             else "on a network share")
    return (f"warning: the vault is {where} ({found.root}), which can corrupt it: move it to a "
            "local folder (backups may go there, they are single encrypted files).")


def cmd_init(args: argparse.Namespace) -> int:
    paths = vault_paths(args.vault)
    if paths.exists():
        raise KnownError("a vault already exists in {folder}; it was left untouched",
                         folder=paths.folder)
    if warning := _placement_warning(paths.folder):
        print(warning, file=sys.stderr)
    passphrase = _passphrase(args, confirm=True)
    print("Calibrating key derivation (about a second)…", file=sys.stderr)
    vault, code = Vault.create(args.vault, passphrase)
    params = keys.argon2_summary(vault.keyfile)
    vault.close()
    print(f"Vault created in {paths.folder}")
    if params:
        print(f"Key derivation: Argon2id, {params.memory_kib // 1024} MiB, "
              f"{params.iterations} passes, {params.lanes} lanes")
    print("Recovery code (shown once; write it down and keep it apart from this computer):")
    print(f"Recovery code: {code}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    try:
        data = Path(args.file).read_bytes()
    except OSError as exc:
        raise KnownError("cannot read {path}: {reason}", path=args.file,
                         reason=OsReason(exc)) from None
    doc = interchange.parse(data)
    with _open(args) as vault:
        summary = interchange.import_data(vault.db, doc)
    print(f"Imported {summary.clients} clients, {summary.sessions} sessions, "
          f"{summary.reflections} reflections, {summary.supervision_sessions} supervision "
          f"sessions and {summary.activities} activities (one transaction).")
    return 0


def cmd_export_data(args: argparse.Namespace) -> int:
    with _open(args) as vault:
        payload = interchange.dumps(interchange.export_data(vault.db))
        if args.out == "-":
            sys.stdout.buffer.write(payload)
            sys.stdout.flush()
        else:
            write_atomic(Path(args.out), payload)
        import hashlib

        export_store.add_audit(vault.db, "data", fmt="json",
                               sha256=hashlib.sha256(payload).hexdigest())
    print("warning: this file holds every note and every client identity in clear text; keep "
          "it on an encrypted disk and delete it when done.", file=sys.stderr)
    return 0


def _backup_credentials(args: argparse.Namespace) -> tuple[str | None, str | None]:
    if args.recovery_code_file:
        return None, _first_line(args.recovery_code_file)
    return _passphrase(args), None


def cmd_backup(args: argparse.Namespace) -> int:
    dest = Path(args.out) if args.out else default_backup_dir()
    with _open(args) as vault:
        info = vault.backup(dest)
    counts = info.counts or {}
    print(f"Backup written and verified: {info.path}")
    print(f"It holds {counts.get('client', 0)} clients and {counts.get('session', 0)} sessions; "
          f"{len(backup.list_backups(dest))} backup(s) kept in {dest}.")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    source = Path(args.file)
    if not source.is_file():
        raise KnownError("no backup file at {path}", path=source)
    passphrase, recovery = _backup_credentials(args)
    safety = backup.restore_backup(source, args.vault, passphrase=passphrase, recovery=recovery)
    print(f"Restored {source.name} into {vault_paths(args.vault).folder}.")
    if safety is not None:
        print(f"The files it replaced are kept in {safety}.")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    if args.file:
        passphrase, recovery = _backup_credentials(args)
        problems, info = backup.verify_backup(Path(args.file), passphrase=passphrase,
                                              recovery=recovery)
        if problems:
            for problem in problems:
                print(f"problem: {problem}")
            print(f"error: the backup has {len(problems)} problem(s): it cannot be restored.",
                  file=sys.stderr)
            return 1
        counts = info.counts or {}
        print(f"Backup OK: made {info.created_at:%Y-%m-%d %H:%M} UTC, {counts.get('client', 0)} "
              f"clients, {counts.get('session', 0)} sessions; it can be restored.")
        return 0
    with _open(args) as vault:
        problems = vault.verify()
        counts = journal.counts(vault.db) if not problems else {}
    warning = _placement_warning(vault_paths(args.vault).folder)
    if problems:
        # Details on stdout; stderr keeps its one-line contract.
        for problem in problems:
            print(f"problem: {problem}")
        if warning:
            print(warning)
        print(f"error: the vault has {len(problems)} integrity problem(s); nothing was changed. "
              "Restore a backup.", file=sys.stderr)
        return 1
    print(f"Vault OK: {counts['client']} clients, {counts['session']} sessions, "
          f"{counts['activity']} activities; page authentication and structure checks passed.")
    if warning:
        print(warning, file=sys.stderr)
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    with _open(args) as vault:
        new = _new_passphrase(args)
        vault.change_passphrase(new)
    print("Passphrase changed. Your recovery code still works.")
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    _require_vault(args)
    code = _secret(args.recovery_code_file, RECOVERY_ENV, "Recovery code: ")
    with Vault.open_with_recovery(args.vault, code) as vault:
        new = _new_passphrase(args)
        vault.change_passphrase(new)
    print("Passphrase reset. Your recovery code still works; keep it safe.")
    return 0


def cmd_rotate_key(args: argparse.Namespace) -> int:
    _require_vault(args)
    passphrase = _passphrase(args)
    with Vault.open(args.vault, passphrase) as vault:
        code = vault.rotate_key(passphrase)
    print("Database key replaced. The old recovery code no longer works.")
    print(f"Recovery code: {code}")
    return 0


# -- data-protection duties: client close/erase/access-export, retention, privacy record ---
# (one self-contained block; the work is done in supervision_journal.privacy)

def _add_privacy_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    client = sub.add_parser("client", help="close, erase or export one client (GDPR duties)")
    actions = client.add_subparsers(dest="client_action", metavar="ACTION", required=True,
                                    parser_class=_Parser)
    p = actions.add_parser("close", help="mark the client closed (starts the retention clock)")
    p.add_argument("pseudonym", metavar="PSEUDONYM")
    p.add_argument("--on", metavar="DATE", help="closing date, YYYY-MM-DD (default: today)")
    p.set_defaults(func=cmd_client_close)
    p = actions.add_parser("retention", help="set or clear the client's own retention period")
    p.add_argument("pseudonym", metavar="PSEUDONYM")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--years", type=int, metavar="N", help="keep N years after the last "
                                                              "session (1-100)")
    group.add_argument("--default", action="store_true", help="use the vault's default again")
    p.add_argument("--reason", metavar="TEXT", help="why this client differs (shown in reports)")
    p.set_defaults(func=cmd_client_retention)
    p = actions.add_parser("erase", help="erase everything about the client, in one transaction")
    p.add_argument("pseudonym", metavar="PSEUDONYM")
    p.add_argument("--confirm", metavar="PSEUDONYM", required=True,
                   help="type the pseudonym again, exactly, to confirm")
    p.add_argument("--anonymise", action="store_true",
                   help="keep your own reflections, unlinked and with identifying terms "
                        "replaced by roles, instead of erasing them")
    p.set_defaults(func=cmd_client_erase)
    p = actions.add_parser("access-export", help="write what the journal holds about the client "
                                                 "(GDPR access request)")
    p.add_argument("pseudonym", metavar="PSEUDONYM")
    p.add_argument("--out", metavar="FILE", required=True)
    p.add_argument("--format", choices=("md", "html", "json", "pdf"),
                   help="default: from the file name's extension, else md")
    p.add_argument("--withhold", metavar="SECTION", action="append", default=[],
                   help="withhold this section (e.g. private) where the law allows; repeatable")
    p.add_argument("--lang", choices=("fr", "en"), default="en",
                   help="language of the document's headings (default: en)")
    p.set_defaults(func=cmd_client_access_export)

    retention = sub.add_parser("retention", help="retention periods of closed clients")
    actions = retention.add_subparsers(dest="retention_action", metavar="ACTION", required=True,
                                       parser_class=_Parser)
    p = actions.add_parser("report", help="list closed clients, with those past their period")
    p.add_argument("--today", metavar="DATE", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_retention_report)
    p = actions.add_parser("default", help="show or set the default period (years after the "
                                           "last session)")
    p.add_argument("years", metavar="YEARS", type=int, nargs="?")
    p.set_defaults(func=cmd_retention_default)

    privacy = sub.add_parser("privacy", help="record of processing and privacy notice")
    actions = privacy.add_subparsers(dest="privacy_action", metavar="ACTION", required=True,
                                     parser_class=_Parser)
    for name, text in (("record", "write the record of processing activities (GDPR Art. 30)"),
                       ("notice", "write a short privacy notice for clients")):
        p = actions.add_parser(name, help=text)
        p.add_argument("--out", metavar="FILE", required=True)
        p.add_argument("--lang", choices=("fr", "en"), default="en")
        p.add_argument("--format", choices=("md", "pdf"), default="md",
                       help="md (editable, default) or pdf")
        p.set_defaults(func=cmd_privacy_document, document=name)


def _date_arg(value: str | None, what: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError("{what} must be a date written YYYY-MM-DD", what=what) from None


def _client_by_pseudonym(vault: Vault, pseudonym: str) -> Client:
    client = journal.find_client(vault.db, pseudonym)
    if client is None:
        raise KnownError("no client has this pseudonym")  # never echo the pseudonym
    return client


def _pdf(html: str, title: str) -> bytes:
    from .ui.pdf import html_to_pdf  # Qt only on this path, offscreen

    return html_to_pdf(html, title=title, footer=title)


def cmd_client_close(args: argparse.Namespace) -> int:
    from .privacy import retention

    on = _date_arg(args.on, "--on")
    with _open(args) as vault:
        client = retention.close_client(vault.db, _client_by_pseudonym(vault, args.pseudonym).id,
                                        on)
        policy = retention.policy_for(vault.db, client)
    print(f"Client closed on {client.closed_on}. Retention: {policy.years} years after the last "
          f"session, until {policy.keep_until}.")
    return 0


def cmd_client_retention(args: argparse.Namespace) -> int:
    from .privacy import retention

    with _open(args) as vault:
        client = _client_by_pseudonym(vault, args.pseudonym)
        years = None if args.default else args.years
        client = retention.set_client_retention(vault.db, client.id, years, args.reason)
        policy = retention.policy_for(vault.db, client)
    source = "the vault's default" if policy.source == "default" else "this client's own period"
    print(f"Retention: {policy.years} years after the last session ({source}).")
    return 0


def cmd_client_erase(args: argparse.Namespace) -> int:
    from .privacy import erasure

    with _open(args) as vault:
        client = _client_by_pseudonym(vault, args.pseudonym)
        result = erasure.erase_client(vault.db, client.id, args.confirm,
                                      anonymise_instead=args.anonymise)
    c = result.counts
    kept = (f", {result.reflections_kept} reflection(s) kept anonymised"
            if result.anonymised else "")
    print(f"Erased: {c.sessions} session(s), {c.sections} section(s), {c.approvals} "
          f"approval(s), {c.reflections - result.reflections_kept} reflection(s), "
          f"{c.identity_terms} identity term(s), {c.supervision_links} supervision link(s)"
          f"{kept}. The erasure is logged with its date and these counts only.")
    if not result.checkpointed:
        print("warning: another process holds the vault open; the write-ahead log will be "
              "cleared when it closes.", file=sys.stderr)
    folder = default_backup_dir()
    older = backup.list_backups(folder)
    print("Backups made before now still hold this client's data until they rotate out "
          "(up to 12 months)" + (f": {len(older)} in {folder}." if older else ".")
          + " Delete them by hand if the erasure must reach them too.")
    return 0


def cmd_client_access_export(args: argparse.Namespace) -> int:
    from .privacy import access

    out = Path(args.out)
    fmt = args.format or {".json": "json", ".pdf": "pdf", ".html": "html",
                          ".htm": "html"}.get(out.suffix.lower(), "md")
    with _open(args) as vault:
        client = _client_by_pseudonym(vault, args.pseudonym)
        export = access.build_access_export(vault.db, client.id, set(args.withhold),
                                            lang=args.lang)
        if fmt == "json":
            payload = export.json_bytes
        elif fmt == "md":
            payload = export.markdown.encode("utf-8")
        elif fmt == "html":
            payload = export.html.encode("utf-8")
        else:
            payload = _pdf(export.html, str(access.labels(args.lang)["title"]))
        write_atomic(out, payload)
        access.record_access(vault.db, export, fmt, payload)
    withheld = f"; withheld: {', '.join(export.withheld)}" if export.withheld else ""
    print(f"Access export written to {out} ({fmt}, {export.session_count} session(s)"
          f"{withheld}). It holds personal data in clear text: hand it over securely.")
    return 0


def cmd_retention_report(args: argparse.Namespace) -> int:
    from .privacy import retention

    today = _date_arg(args.today, "--today") or date.today()
    with _open(args) as vault:
        items = retention.retention_report(vault.db, today)
        default = retention.default_years(vault.db)
    due = [i for i in items if i.due]
    print(f"Default retention: {default} years after the last session. {len(items)} closed "
          f"client(s), {len(due)} past their period.")
    for item in items:
        flag = "DUE" if item.due else "kept"
        reason = f" ({item.reason})" if item.reason else ""
        c = item.counts
        print(f"{flag}\t{item.pseudonym}\tuntil {item.keep_until}\t{item.years} years"
              f"{reason}\t{c.sessions} sessions, {c.sections} sections, {c.reflections} "
              f"reflections, {c.identity_terms} identity terms")
    return 0


def cmd_retention_default(args: argparse.Namespace) -> int:
    from .privacy import retention

    with _open(args) as vault:
        if args.years is not None:
            retention.set_default_years(vault.db, args.years)
        years = retention.default_years(vault.db)
    print(f"Default retention: {years} years after the last session.")
    return 0


def cmd_privacy_document(args: argparse.Namespace) -> int:
    from .privacy import records

    with _open(args) as vault:
        if args.document == "record":
            text = records.record_of_processing(vault.db, vault.keyfile, args.lang)
        else:
            text = records.privacy_notice(vault.db, vault.keyfile, args.lang)
    if args.format == "pdf":
        payload = _pdf(records.markdown_to_html(text), records.document_title(args.document,
                                                                              args.lang))
    else:
        payload = text.encode("utf-8")
    write_atomic(Path(args.out), payload)
    print(f"Written to {args.out}. Fill in the bracketed placeholders and keep it up to date.")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        print(f"error: a command is required (see '{parser.prog} --help')", file=sys.stderr)
        return 2
    try:
        keys.test_kdf_enabled()  # refuses a test-only switch outside the test suite
        return int(args.func(args))
    except KnownError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        # The reader went away (``… | head``): not an error of ours; say nothing more.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("error: interrupted; the vault holds everything saved before.", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: say so without its message (it may carry data)
        print(f"error: internal error ({type(exc).__name__}); nothing after the last completed "
              "step was written. Please report it.", file=sys.stderr)
        return 1
