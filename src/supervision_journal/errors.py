"""Errors a user can see.

Every error a person can cause or meet (a wrong passphrase, a damaged file, a full disk) is a
``KnownError`` with a calm message that never contains note text, a pseudonym or a key. Anything
else that escapes is a bug and is reported as such, without its message (see ``crash.py``).

A message is a literal English *template* with named ``{placeholders}`` and the values that fill
them: ``VaultCorrupt("{name} is truncated.", name=path.name)``. The command line prints
``message`` (the English, filled in); the UI translates ``template`` and fills it with the same
values (``ui/error_text.py``). So a template is always a string literal (or a module constant
made of literals) at the raise site: ``scripts/extract_error_messages.py`` collects them for the
translators, and a test fails on any other kind. A value may itself be a ``KnownError`` (an
error wrapped in another); it is shown translated too.
"""

from __future__ import annotations


class KnownError(Exception):
    """An error with a message that is safe to show and to print on one line."""

    exit_code = 1

    def __init__(self, template: str, /, **params: object) -> None:
        # Always formatted, so "{{" means "{" in every template, with or without values.
        message = template.format(**params)
        super().__init__(message)
        self.template = template
        self.params = params
        self.message = message


class OsReason(str):
    """Why the system refused (``strerror``: English on every system) and its ``errno``, so
    the UI can say it in the user's language while the command line prints the English."""

    errno: int | None

    def __new__(cls, exc: OSError) -> OsReason:
        reason = super().__new__(cls, exc.strerror or type(exc).__name__)
        reason.errno = exc.errno
        return reason


class UsageError(KnownError):
    exit_code = 2


class WrongPassphrase(KnownError):
    """No keyslot opened with what the user typed."""

    exit_code = 4


class WrongRecoveryCode(WrongPassphrase):
    """The recovery code is well formed but does not open the recovery slot."""


class RecoveryCodeTypo(KnownError):
    """A check character does not match: the code was mistyped (says which group)."""

    exit_code = 4


class VaultNotFound(KnownError):
    pass


class VaultExists(KnownError):
    pass


class VaultCorrupt(KnownError):
    """The key opened but the database did not: the file is damaged, not the passphrase."""


class KeyFileCorrupt(KnownError):
    """journal.keys cannot be read, or a keyslot was tampered with."""


class VaultTooNew(KnownError):
    """The vault was written by a newer version of the app."""


class UnsafeEnvironment(KnownError):
    """The SQLCipher codec is missing, or a test-only switch was set outside the tests."""


class ImportInvalid(KnownError):
    """An interchange file does not follow the format; the message names the JSON path."""


class ExportBlocked(KnownError):
    """The leak guard, or unresolved candidates, stopped an export before any byte was written."""

    exit_code = 3


class DiskFull(KnownError):
    pass


class NotFound(KnownError):
    pass


class Conflict(KnownError):
    """A value that must be unique already exists (for example a pseudonym)."""
