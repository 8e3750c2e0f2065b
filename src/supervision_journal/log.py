"""Logging that cannot leak: only our own fixed messages reach a log file.

A record is written only when
- it comes from one of our loggers (``supervision_journal`` and below),
- its message template was declared with ``fixed("…")`` at import time (a constant, so it can
  never be note text), and
- its arguments are numbers, booleans, None, or ``Safe`` strings that our code built from code
  metadata (exception type names, file:line:function frames, error ids).
Anything else is dropped, as is any record whose final text holds a run of 64 hex digits (a
database key). Third-party libraries' records are dropped too: their messages are not ours to
vouch for. Logs stay in the app's log folder (``paths.log_dir()``), INFO by default.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
from pathlib import Path

ROOT = "supervision_journal"
LOG_NAME = "supervision-journal.log"
_KEY_RUN = re.compile(r"[0-9a-fA-F]{64}")
_ALLOWED: set[str] = set()
_SAFE_TYPES = (int, float, bool, type(None))


class Safe(str):
    """A string our code composed from code metadata only (never from user data)."""

    __slots__ = ()


def fixed(template: str) -> str:
    """Declare a message template that may be logged; returns it for use as a constant."""
    _ALLOWED.add(template)
    return template


class RedactionFilter(logging.Filter):
    """Lets through only declared templates with safe arguments; see the module docstring."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name != ROOT and not record.name.startswith(ROOT + "."):
            return False
        if not isinstance(record.msg, str) or record.msg not in _ALLOWED:
            return False
        args = record.args
        if isinstance(args, dict):
            values = list(args.values())
        elif isinstance(args, tuple):
            values = list(args)
        elif args is None:
            values = []
        else:
            values = [args]
        if not all(isinstance(v, (*_SAFE_TYPES, Safe)) for v in values):
            return False
        # Tracebacks attached with exc_info carry messages and values: never written.
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        try:
            text = record.getMessage()
        except (TypeError, ValueError):
            return False
        return not _KEY_RUN.search(text)


_installed: list[logging.Handler] = []
_filtered: list[tuple[logging.Handler, logging.Filter]] = []


def setup(folder: Path | None = None, level: int = logging.INFO) -> Path | None:
    """Send our records to ``folder/supervision-journal.log`` (rotated, private) and warnings
    to stderr, both behind the redaction filter. Returns the log file, or None when the folder
    cannot be created (the app then runs without a log file rather than not at all)."""
    teardown()
    redaction = RedactionFilter()
    root = logging.getLogger()
    root.setLevel(level)
    for existing in root.handlers:
        # Handlers someone else attached before us get the filter too.
        existing.addFilter(redaction)
        _filtered.append((existing, redaction))

    stderr = logging.StreamHandler()
    stderr.setLevel(logging.WARNING)
    stderr.addFilter(redaction)
    stderr.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root.addHandler(stderr)
    _installed.append(stderr)

    path: Path | None = None
    if folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            path = folder / LOG_NAME
            file_handler = logging.handlers.RotatingFileHandler(
                path, maxBytes=512 * 1024, backupCount=2, encoding="utf-8")
            os.chmod(path, 0o600)
        except OSError:
            return None
        file_handler.setLevel(level)
        file_handler.addFilter(redaction)
        file_handler.setFormatter(logging.Formatter(
            "%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(file_handler)
        _installed.append(file_handler)
    return path


def teardown() -> None:
    """Remove the handlers ``setup`` added (tests, and a clean quit)."""
    for handler in _installed:
        logging.getLogger().removeHandler(handler)
        handler.close()
    _installed.clear()
    for handler, redaction in _filtered:
        handler.removeFilter(redaction)
    _filtered.clear()
