"""Entry point: ``supervision-journal`` (or ``python -m supervision_journal``).

Start-up order, followed by ``main()``:

1. Process hygiene, before anything can hold a secret: core dumps off, not dumpable, umask 077
   (``hygiene.apply``).
2. Parse the arguments. A subcommand runs the command line (``cli.main``) and exits with its
   code; no Qt is loaded on that path.
3. No subcommand: the desktop app (``ui.app.run``; GUI options ``--vault DIR`` and ``--demo``,
   anything else is left for Qt), which in turn
   a. installs the crash handler (exception type and frames only, never messages or values),
   b. sets up logging behind the redaction filter (``log.setup``; our fixed messages only),
      and faulthandler (stacks only) in the log folder,
   c. creates the QApplication with the application identity (names, desktop file name),
   d. applies the theme and loads the translator for the chosen or system language,
   e. resolves the vault folder (``--vault`` or the platform data folder),
   f. shows the first-run wizard if there is no vault, else the unlock screen (key derivation
      off the GUI thread); ``--demo`` opens the demo vault (``<data folder>/demo``) instead,
   g. opens and migrates the database, then shows the main window; locking and quitting
      follow the order written in ``ui/app.py``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from . import hygiene

_VALUE_OPTIONS = ("--vault", "--passphrase-file")


def _wants_cli(argv: Sequence[str]) -> bool:
    """True when the arguments name a command (or ask for help/version): the first argument
    that is neither an option nor an option's value."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in _VALUE_OPTIONS:
            skip = True
        elif arg.startswith("--") and arg.split("=", 1)[0] in _VALUE_OPTIONS:
            continue
        elif arg in ("-h", "--help", "--version") or not arg.startswith("-"):
            return True
    return False


def main(argv: Sequence[str] | None = None) -> int:
    hygiene.apply()
    args = list(sys.argv[1:] if argv is None else argv)
    if _wants_cli(args):
        from .cli import main as cli_main

        return cli_main(args)
    from .ui.app import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
