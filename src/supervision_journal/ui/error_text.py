"""A ``KnownError`` as the user reads it: its template translated, then filled in.

The layers below the UI raise errors with a literal English template and named values
(``errors.py``); ``scripts/extract_error_messages.py`` lists every template in
``error_messages.py`` so that lupdate puts them in the catalogue, in the "KnownError" context.
Values are shown as they are (file names, counts, field paths), except a ``KnownError`` given
as a value (an error wrapped in another) and an ``OsReason`` (why the system refused), which
are shown translated too.

Use ``error_text(exc)`` wherever the UI shows a ``KnownError``, never ``exc.message`` (the
English, for the command line and logs of known errors). An exception that is not a
``KnownError`` has no text to show: the crash handler keeps its rule.
"""

from __future__ import annotations

import errno

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..errors import KnownError, OsReason

CONTEXT = "KnownError"
OS_CONTEXT = "OsReason"

# The system's reasons the app can meet, by errno (the text of strerror differs between
# systems; the number does not). Lower case: they follow a colon mid-sentence.
_OS_REASONS: dict[int, str] = {
    code: text for name, text in (
        ("ENOSPC", QT_TRANSLATE_NOOP("OsReason", "no space left on the disk")),
        ("EDQUOT", QT_TRANSLATE_NOOP("OsReason", "disk quota exceeded")),
        ("EACCES", QT_TRANSLATE_NOOP("OsReason", "permission denied")),
        ("EPERM", QT_TRANSLATE_NOOP("OsReason", "operation not permitted")),
        ("ENOENT", QT_TRANSLATE_NOOP("OsReason", "no such file or folder")),
        ("EROFS", QT_TRANSLATE_NOOP("OsReason", "the disk is read-only")),
        ("EBUSY", QT_TRANSLATE_NOOP("OsReason", "the file or device is busy")),
        ("EEXIST", QT_TRANSLATE_NOOP("OsReason", "the file already exists")),
        ("ENOTDIR", QT_TRANSLATE_NOOP("OsReason", "not a folder")),
        ("EISDIR", QT_TRANSLATE_NOOP("OsReason", "this is a folder")),
        ("EIO", QT_TRANSLATE_NOOP("OsReason", "the disk could not be read or written")),
        ("ENAMETOOLONG", QT_TRANSLATE_NOOP("OsReason", "the file name is too long")),
        ("ENOTEMPTY", QT_TRANSLATE_NOOP("OsReason", "the folder is not empty")),
        ("EXDEV", QT_TRANSLATE_NOOP("OsReason", "cannot move between two disks")),
        ("EMFILE", QT_TRANSLATE_NOOP("OsReason", "too many open files")),
    ) if (code := getattr(errno, name, None)) is not None
}


def reason_text(reason: str) -> str:
    """An OS reason in the current language: translated when the catalogue has it, else the
    system's own words (which is what English shows)."""
    source = _OS_REASONS.get(reason.errno) if isinstance(reason, OsReason) else None
    if source is None:
        return str(reason)
    translated = QCoreApplication.translate(OS_CONTEXT, source)
    return str(reason) if translated == source else translated


def error_text(exc: KnownError) -> str:
    """The message of ``exc`` in the current language (the English when not translated)."""
    params = {name: error_text(value) if isinstance(value, KnownError)
              else reason_text(value) if isinstance(value, OsReason) else value
              for name, value in exc.params.items()}
    template = QCoreApplication.translate(CONTEXT, exc.template)
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        # A translation that lost or misspelt a placeholder (the tests forbid it): the
        # English is better than a crash while showing an error.
        return exc.template.format(**params)
