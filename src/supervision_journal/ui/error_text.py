"""A ``KnownError`` as the user reads it: its template translated, then filled in.

The layers below the UI raise errors with a literal English template and named values
(``errors.py``); ``scripts/extract_error_messages.py`` lists every template in
``error_messages.py`` so that lupdate puts them in the catalogue, in the "KnownError" context.
Values are shown as they are (file names, counts, field paths), except a ``KnownError`` given
as a value (an error wrapped in another), which is shown translated too.

Use ``error_text(exc)`` wherever the UI shows a ``KnownError``, never ``exc.message`` (the
English, for the command line and logs of known errors). An exception that is not a
``KnownError`` has no text to show: the crash handler keeps its rule.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..errors import KnownError

CONTEXT = "KnownError"


def error_text(exc: KnownError) -> str:
    """The message of ``exc`` in the current language (the English when not translated)."""
    params = {name: error_text(value) if isinstance(value, KnownError) else value
              for name, value in exc.params.items()}
    template = QCoreApplication.translate(CONTEXT, exc.template)
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        # A translation that lost or misspelt a placeholder (the tests forbid it): the
        # English is better than a crash while showing an error.
        return exc.template.format(**params)
