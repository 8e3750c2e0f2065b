"""Errors a user can see.

Every error a person can cause or meet (a wrong passphrase, a damaged file, a full disk) is a
``KnownError`` with a calm message that never contains note text, a pseudonym or a key. Anything
else that escapes is a bug and is reported as such, without its message (see ``crash.py``).
"""

from __future__ import annotations


class KnownError(Exception):
    """An error with a message that is safe to show and to print on one line."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


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
