"""What the app controller calls (ui/app.py): when the main window opens, and just before the
vault closes on quit.

- ``attach``: the Backups page's "restore into place" goes through the controller (lock →
  restore on the unlock window → unlock); with automatic backups on, the first unlock of a day
  starts a backup in a worker.
- ``back_up_before_quit``: after the last flush, before the vault closes, a backup with a time
  limit. It never blocks quitting: a failure or a timeout is logged with a fixed message and
  recorded in the vault, and the banner shows it at the next unlock.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow

from ...errors import KnownError
from ...log import Safe, fixed
from ...vault.vault import Vault
from . import state
from .page import BackupsPage, RestoreRequest
from .remembered import remembered_folder
from .state import FailureKind, Trigger
from .unlock_support import restore_into_place

if TYPE_CHECKING:
    from ..app import AppController
    from ..unlock import UnlockWindow

_log = logging.getLogger(__name__)
_QUIT_DONE = fixed("backup on quit verified in %.0f ms")
_QUIT_FAILED = fixed("backup on quit failed: %s")
_DAILY = fixed("daily backup started")
QUIT_TIME_LIMIT_S = 30.0


def _utcnow() -> datetime:
    return datetime.now(UTC)


def backups_page(window: QMainWindow) -> BackupsPage | None:
    return window.findChild(BackupsPage)


def attach(controller: AppController, vault: Vault, window: QMainWindow, *,
           auto_backup: bool) -> BackupsPage | None:
    page = backups_page(window)
    if page is None:
        return None

    def restore(request: RestoreRequest) -> None:
        folder = vault.paths.folder

        def run(unlock_window: UnlockWindow) -> None:
            restore_into_place(unlock_window, request.path, folder, remembered_folder(),
                               passphrase=request.passphrase, recovery=request.recovery)

        controller.restore_in_place(run)

    page.restore_in_place_requested.connect(restore)
    if auto_backup and state.daily_due(vault.db, page.clock()):
        _log.info(_DAILY)
        page.runner.back_up(Trigger.DAILY)
    return page


def back_up_before_quit(vault: Vault, window: QMainWindow | None, *,
                        time_limit: float = QUIT_TIME_LIMIT_S,
                        clock: Callable[[], datetime] = _utcnow) -> FailureKind | None:
    """Back up with a time limit; returns None when a verified backup was written, else what
    went wrong (also recorded in the vault for the banner at the next unlock)."""
    db = vault.db
    if db.closed or not vault.changed_since_backup:
        return None  # nothing written since the last backup of this session (or the opening)
    started = time.perf_counter()
    try:
        dest = state.destination(db)
    except state.FolderMissing:
        return _failed(vault, clock(), FailureKind.FOLDER_MISSING)
    if window is not None:
        window.statusBar().showMessage(QCoreApplication.translate(
            "BackupHooks", "Making a backup before closing…"))
        window.repaint()
    result: dict[str, Any] = {}

    def work() -> None:
        try:
            result["info"] = vault.backup(dest)
        except BaseException as exc:  # reported below, on the GUI thread
            result["error"] = exc

    # A plain daemon thread, not the task pool: if it overruns its time limit, quitting goes
    # on and the process exit ends it (a temporary file is all it can leave, and the next
    # backup removes it).
    worker = threading.Thread(target=work, name="backup-on-quit", daemon=True)
    worker.start()
    worker.join(time_limit)
    if worker.is_alive():
        return _failed(vault, clock(), FailureKind.TIMEOUT)
    error = result.get("error")
    if error is not None:
        return _failed(vault, clock(), state.classify(error))
    info = result["info"]
    now = clock()
    try:
        folder = info.path.parent
        state.record_verified(db, info.path.name, now, [p.name for p in folder.iterdir()])
        state.record_success(db, now)
    except (KnownError, OSError):
        pass
    vault.mark_backed_up()
    _log.info(_QUIT_DONE, (time.perf_counter() - started) * 1000)
    return None


def _failed(vault: Vault, now: datetime, kind: FailureKind) -> FailureKind:
    _log.warning(_QUIT_FAILED, Safe(kind.value))
    if not vault.db.closed:
        state.record_failure(vault.db, now, Trigger.QUIT, kind)
    return kind
