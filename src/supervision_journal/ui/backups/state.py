"""What the app remembers about backups, kept in the vault's settings (``journal.store``).

Nothing here is secret, but it is about the user's journal (when they back up, where), so it
stays inside the vault. The one exception, the backup folder's path, is also copied to the UI
settings by ``remembered`` because the unlock screen needs it before the vault opens.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path

from ...errors import DiskFull, KnownError, VaultCorrupt, WrongPassphrase
from ...journal import store
from ...paths import default_backup_dir
from ...vault.database import Database

FOLDER = "backup.folder"  # a path, or absent for the platform's backups folder
VERIFIED = "backup.verified"  # {file name: ISO time of its last successful full check}
LAST_SUCCESS = "backup.last_success"  # ISO time of the last verified backup
LAST_FAILURE = "backup.last_failure"  # {"at": ISO time, "trigger": …, "kind": …}
LAST_TEST = "backup.last_restore_test"  # ISO time of the last successful restore test
TEST_EVERY = timedelta(days=90)


class Trigger(StrEnum):
    MANUAL = "manual"
    DAILY = "daily"
    QUIT = "quit"


class FailureKind(StrEnum):
    DISK_FULL = "disk_full"
    FOLDER_MISSING = "folder_missing"  # a USB stick not plugged in, a folder renamed
    TIMEOUT = "timeout"  # the backup on quit took longer than its time limit
    DAMAGED = "damaged"  # the copy failed its check: the live vault may be damaged
    CREDENTIAL = "credential"
    ERROR = "error"  # another known error (permissions, I/O)
    UNEXPECTED = "unexpected"  # a bug; its report went to the crash handler


class FolderMissing(KnownError):
    """The chosen backup folder is not there (an automatic backup never creates it: it may be
    the mount point of a USB stick that is not plugged in)."""


@dataclass(frozen=True)
class Failure:
    at: datetime
    trigger: Trigger
    kind: FailureKind


def classify(exc: BaseException) -> FailureKind:
    if isinstance(exc, DiskFull):
        return FailureKind.DISK_FULL
    if isinstance(exc, FolderMissing):
        return FailureKind.FOLDER_MISSING
    if isinstance(exc, VaultCorrupt):
        return FailureKind.DAMAGED
    if isinstance(exc, WrongPassphrase):
        return FailureKind.CREDENTIAL
    if isinstance(exc, KnownError):
        return FailureKind.ERROR
    return FailureKind.UNEXPECTED


def _time(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


# -- the folder ----------------------------------------------------------------------------

def chosen_folder(db: Database) -> Path | None:
    """The folder the user chose, or None for the default one."""
    value = store.get_setting(db, FOLDER)
    return Path(value) if isinstance(value, str) and value else None


def backup_folder(db: Database) -> Path:
    return chosen_folder(db) or default_backup_dir()


def set_backup_folder(db: Database, folder: Path | None) -> None:
    """``None`` (or the default folder itself) means the default: a JSON null reads back as
    "not set"."""
    value = None if folder is None or Path(folder) == default_backup_dir() else str(folder)
    store.set_setting(db, FOLDER, value)


def destination(db: Database) -> Path:
    """Where the next backup goes. The default folder is created when needed; a chosen one
    must exist (raises FolderMissing), so that a backup never lands in an empty mount point."""
    chosen = chosen_folder(db)
    if chosen is None:
        return default_backup_dir()
    if not chosen.is_dir():
        raise FolderMissing("The backup folder is not available.")
    return chosen


# -- checks --------------------------------------------------------------------------------

def verified_at(db: Database) -> dict[str, datetime]:
    raw = store.get_setting(db, VERIFIED, {})
    out: dict[str, datetime] = {}
    if isinstance(raw, dict):
        for name, when in raw.items():
            parsed = _time(when)
            if isinstance(name, str) and parsed is not None:
                out[name] = parsed
    return out


def record_verified(db: Database, name: str, when: datetime,
                    present: Iterable[str] | None = None) -> None:
    """Remember that ``name`` passed a full check at ``when``; with ``present``, forget the
    files that are gone (rotated out, deleted by hand)."""
    known = verified_at(db)
    known[name] = when
    if present is not None:
        keep = set(present) | {name}
        known = {k: v for k, v in known.items() if k in keep}
    store.set_setting(db, VERIFIED, {k: v.isoformat() for k, v in known.items()})


def last_success(db: Database) -> datetime | None:
    return _time(store.get_setting(db, LAST_SUCCESS))


def record_success(db: Database, when: datetime) -> None:
    with db.transaction():
        store.set_setting(db, LAST_SUCCESS, when.isoformat())
        store.set_setting(db, LAST_FAILURE, None)


def last_failure(db: Database) -> Failure | None:
    raw = store.get_setting(db, LAST_FAILURE)
    if not isinstance(raw, dict):
        return None
    at = _time(raw.get("at"))
    try:
        trigger, kind = Trigger(raw.get("trigger")), FailureKind(raw.get("kind"))
    except ValueError:
        return None
    return Failure(at, trigger, kind) if at is not None else None


def record_failure(db: Database, when: datetime, trigger: Trigger, kind: FailureKind) -> None:
    """Best effort: the vault may be the thing that is failing."""
    with contextlib.suppress(KnownError):
        store.set_setting(db, LAST_FAILURE, {"at": when.isoformat(), "trigger": trigger.value,
                                             "kind": kind.value})


def daily_due(db: Database, now: datetime) -> bool:
    """No verified backup yet today (local time): the first unlock of a day makes one."""
    last = last_success(db)
    return last is None or last.astimezone().date() < now.astimezone().date()


# -- the restore test ----------------------------------------------------------------------

def last_restore_test(db: Database) -> datetime | None:
    return _time(store.get_setting(db, LAST_TEST))


def record_restore_test(db: Database, when: datetime) -> None:
    store.set_setting(db, LAST_TEST, when.isoformat())


def restore_test_due(db: Database, now: datetime, have_backups: bool) -> bool:
    """A restore test is due when there is a backup to test and none was tested in the last
    90 days (or ever)."""
    if not have_backups:
        return False
    last = last_restore_test(db)
    return last is None or now - last >= TEST_EVERY
