"""Backups, checks, restore tests and side-by-side restores, off the GUI thread.

One job at a time (the buttons say so); the list of backups is read separately. The work only
uses the vault's own connections (``Vault.backup`` and ``Vault.verify_backup`` never touch
``vault.db``), so saving goes on meanwhile. What the app remembers (``state``) is written on
the GUI thread when a job ends, and only if the vault is still open: a lock in the middle of a
backup leaves a good backup file, unrecorded, and nothing else.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Signal

from ...errors import KnownError, OsReason
from ...paths import vault_paths
from ...vault import backup
from ...vault.vault import Vault
from .. import tasks
from ..error_text import error_text
from . import state
from .state import Trigger


class Job(StrEnum):
    BACKUP = "backup"
    VERIFY = "verify"
    TEST = "test"
    RESTORE = "restore"


@dataclass(frozen=True)
class Outcome:
    job: Job
    trigger: Trigger | None = None
    path: Path | None = None  # the backup concerned
    info: backup.BackupInfo | None = None
    problems: tuple[str, ...] = ()
    error: BaseException | None = None
    error_id: str | None = None  # an unexpected error, reported to the crash handler
    target: Path | None = None  # restore: the folder restored into
    safety: Path | None = None  # restore: where the replaced files were copied

    @property
    def ok(self) -> bool:
        return self.error is None and not self.problems


@dataclass(frozen=True)
class Listing:
    folder: Path
    backups: tuple[backup.BackupInfo, ...] = ()  # this vault's, newest first
    others: int = 0  # backups of other vaults in the same folder (left alone)
    missing: bool = False  # the chosen folder is not there
    error: str | None = None
    verified: dict[str, datetime] = field(default_factory=dict)


def _utcnow() -> datetime:
    return datetime.now(UTC)


def credential(text: str) -> tuple[str | None, str | None]:
    """(passphrase, recovery code) from one field: a well-formed recovery code is used as one
    (its check symbols make a passphrase that looks like one vanishingly unlikely)."""
    from ...errors import RecoveryCodeTypo
    from ...vault import recovery_code

    try:
        recovery_code.normalise(text)
    except RecoveryCodeTypo:
        return text, None
    return None, text


def list_folder(folder: Path, vault_id: str, *, missing: bool = False) -> Listing:
    if missing:
        return Listing(folder, missing=True)
    try:
        found = backup.list_backups(folder)
    except OSError as exc:
        return Listing(folder, error=OsReason(exc))
    mine = tuple(b for b in found if b.vault_id == vault_id)
    return Listing(folder, mine, len(found) - len(mine))


class BackupRunner(QObject):
    """Signals: ``busy_changed(bool)``, ``finished(Outcome)``, ``listed(Listing)``."""

    busy_changed = Signal(bool)
    finished = Signal(object)
    listed = Signal(object)

    def __init__(self, vault: Vault, *, clock: Callable[[], datetime] = _utcnow,
                 rng: random.Random | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.clock = clock
        self._rng = rng or random.Random()
        self.job: Job | None = None
        self.last_listing: Listing | None = None

    @property
    def busy(self) -> bool:
        return self.job is not None

    def _open(self) -> bool:
        return not self.vault.db.closed

    # -- listing -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the backup folder off the GUI thread (it may be a slow USB stick or share)."""
        if not self._open():
            return
        db = self.vault.db
        folder = state.backup_folder(db)
        missing = state.chosen_folder(db) is not None and not folder.exists()
        vault_id = self.vault.keyfile.vault_id
        tasks.run_in_background(lambda: list_folder(folder, vault_id, missing=missing),
                                self._listed, self._listing_failed)

    def _listed(self, listing: Listing) -> None:
        if not shiboken6.isValid(self) or not self._open():
            return
        listing = Listing(listing.folder, listing.backups, listing.others, listing.missing,
                          listing.error, state.verified_at(self.vault.db))
        self.last_listing = listing
        self.listed.emit(listing)

    def _listing_failed(self, exc: BaseException) -> None:
        if isinstance(exc, KnownError):
            self._listed(Listing(Path(), error=error_text(exc)))
        else:
            from ..crash import report_exception

            report_exception(type(exc), exc, exc.__traceback__)

    # -- jobs ----------------------------------------------------------------------------------
    def _start(self, job: Job, work: Callable[[], Outcome], trigger: Trigger | None = None,
               path: Path | None = None) -> bool:
        if self.busy or not self._open():
            return False
        self.job = job
        self.busy_changed.emit(True)

        def failed(exc: BaseException) -> None:
            self._done(Outcome(job, trigger, path, error=exc))

        tasks.run_in_background(work, self._done, failed)
        return True

    def back_up(self, trigger: Trigger = Trigger.MANUAL) -> bool:
        """Write a verified backup into the backup folder, then rotate (Vault.backup)."""
        if not self._open():
            return False
        try:
            dest = state.destination(self.vault.db)
        except state.FolderMissing as exc:
            if self.busy:
                return False
            self.job = Job.BACKUP
            self._done(Outcome(Job.BACKUP, trigger, error=exc))
            return True
        vault = self.vault
        return self._start(Job.BACKUP, lambda: Outcome(Job.BACKUP, trigger,
                                                       info=vault.backup(dest)), trigger)

    def verify(self, path: Path) -> bool:
        """A full check of one backup with the open vault's key (no credential asked)."""
        vault = self.vault
        return self._start(Job.VERIFY, lambda: _checked(Job.VERIFY, vault, path), path=path)

    def test_restore(self) -> bool:
        """The periodic drill: a full check of a backup picked at random (any of them can be
        the one needed some day)."""
        listing = self.last_listing
        candidates = list(listing.backups) if listing else []
        if not candidates:
            return False
        path = self._rng.choice(candidates).path
        vault = self.vault
        return self._start(Job.TEST, lambda: _checked(Job.TEST, vault, path), path=path)

    def restore_side_by_side(self, path: Path, target: Path, passphrase: str | None,
                             recovery: str | None) -> bool:
        """Restore into a new, empty folder: the open journal is not touched."""
        def work() -> Outcome:
            if vault_paths(target).exists():
                raise KnownError("A journal already exists in that folder; choose an empty "
                                 "folder.")
            backup.restore_backup(path, target, passphrase=passphrase, recovery=recovery)
            return Outcome(Job.RESTORE, path=path, target=target)

        return self._start(Job.RESTORE, work, path=path)

    def _done(self, outcome: Outcome) -> None:
        if not shiboken6.isValid(self):
            return
        if outcome.error is not None and not isinstance(outcome.error, KnownError):
            from ..crash import report_exception

            error = outcome.error
            outcome = Outcome(outcome.job, outcome.trigger, outcome.path, outcome.info,
                              outcome.problems, error,
                              report_exception(type(error), error, error.__traceback__))
        if self._open():
            self._record(outcome)
        self.job = None
        self.busy_changed.emit(False)
        self.finished.emit(outcome)
        if outcome.job is not Job.RESTORE:
            self.refresh()

    def _record(self, outcome: Outcome) -> None:
        db = self.vault.db
        now = self.clock()
        try:
            if outcome.job is Job.BACKUP:
                if outcome.ok and outcome.info is not None:
                    folder = outcome.info.path.parent
                    present = [p.name for p in folder.iterdir()] if folder.is_dir() else None
                    state.record_verified(db, outcome.info.path.name, now, present)
                    state.record_success(db, now)
                elif outcome.trigger is not Trigger.MANUAL and outcome.error is not None:
                    # Shown as a banner at the next unlock (a manual one is shown right away).
                    state.record_failure(db, now, outcome.trigger or Trigger.DAILY,
                                         state.classify(outcome.error))
            elif outcome.job in (Job.VERIFY, Job.TEST) and outcome.ok and outcome.path:
                state.record_verified(db, outcome.path.name, now)
                if outcome.job is Job.TEST:
                    state.record_restore_test(db, now)
        except (KnownError, OSError):
            pass  # remembering is a convenience; the outcome is shown all the same


def _checked(job: Job, vault: Vault, path: Path) -> Outcome:
    problems, info = vault.verify_backup(path)
    return Outcome(job, path=path, info=info, problems=tuple(problems))

