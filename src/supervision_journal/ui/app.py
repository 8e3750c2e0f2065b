"""The desktop app: ``run(argv)`` and the controller that moves between its states.

States: no vault → first-run wizard; a vault → unlock window; unlocked → main window; and back
to the unlock window on lock. Locking follows one order (UI contract, design.md §5.2):

1. ``main_window.flush()`` commits pending edits (a refusal cancels the lock: no typing lost);
2. our clipboard content is cleared;
3. every secure editor is wiped, the main window closed and deleted (models, undo stacks and
   search boxes go with it);
4. the vault is closed and its key zeroed;
5. the unlock window, which shows nothing from the vault, takes its place.
Quitting does 1–4.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import signal
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from .. import APP_ID, APP_NAME, ORG_NAME, __version__, log
from ..errors import KnownError
from ..log import Safe, fixed
from ..paths import log_dir, vault_paths
from ..vault.vault import Vault
from . import crash, demo, i18n, tasks, theme
from .about import AboutDialog, application_icon
from .backups import hooks as backup_hooks
from .clipboard import ClipboardGuard, wipe_tree
from .first_run import FirstRunWizard
from .lock import LockManager
from .settings import Settings
from .settings_dialog import SettingsDialog
from .unlock import UnlockWindow

_log = logging.getLogger(__name__)
_STARTED = fixed("started, version %s")
_STATE = fixed("state: %s")
_LOCKED = fixed("locked (%s) in %.0f ms")
_LOCK_REFUSED = fixed("lock postponed: pending edits could not be saved")

WindowFactory = Callable[[Vault], QMainWindow]


class State(StrEnum):
    IDLE = "idle"
    FIRST_RUN = "first_run"
    OPENING_DEMO = "opening_demo"
    LOCKED = "locked"
    UNLOCKED = "unlocked"
    STOPPED = "stopped"


def _default_window_factory(vault: Vault) -> QMainWindow:
    from .main_window import MainWindow

    return MainWindow(vault)


class AppController(QObject):
    """Owns the vault and the one visible window at a time.

    Attributes:
        state: where the app is (``State``).
        vault: the open vault while unlocked, else None.
        main_window / unlock_window / wizard: the current window of that kind, or None.
        lock_manager: decides when to lock (idle, OS screen lock, suspend).
    """

    state_changed = Signal(str)

    def __init__(self, folder: Path, settings: Settings, *, demo_mode: bool = False,
                 language: str = "en", window_factory: WindowFactory | None = None,
                 lock_manager: LockManager | None = None,
                 unlock_clock: Callable[[], datetime] | None = None,
                 auto_backup: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.settings = settings
        self.demo_mode = demo_mode
        self.language = language
        self._window_factory = window_factory or _default_window_factory
        self._unlock_clock = unlock_clock
        self.state = State.IDLE
        self.vault: Vault | None = None
        self.main_window: QMainWindow | None = None
        self.unlock_window: UnlockWindow | None = None
        self.wizard: FirstRunWizard | None = None
        self.demo_loader: demo.DemoLoader | None = None
        self._dialogs: list[QWidget] = []
        self._closing_main = False
        # Automatic backups (daily, and on quit; ui/backups/hooks.py): run() turns them on. Off
        # by default so that tests of other features write no backups; never for the demo.
        self.auto_backup = auto_backup
        self.lock_manager = lock_manager or LockManager(settings.idle_minutes, parent=self)
        self.lock_manager.set_idle_minutes(settings.idle_minutes)
        self.lock_manager.lock_requested.connect(self.lock)

    # -- states --------------------------------------------------------------------------------
    def _set_state(self, state: State) -> None:
        self.state = state
        _log.info(_STATE, Safe(state.value))
        self.state_changed.emit(state.value)

    def start(self) -> None:
        if self.demo_mode:
            self._open_demo_directly()
        elif vault_paths(self.folder).exists():
            self.show_unlock()
        else:
            self.show_first_run()

    @property
    def current_window(self) -> QWidget | None:
        for window in (self.main_window, self.unlock_window, self.wizard, self.demo_loader):
            if window is not None:
                return window
        return None

    def show_first_run(self) -> None:
        wizard = FirstRunWizard(self.folder, demo_opener=self._demo_opener())
        wizard.finished.connect(self._wizard_finished)
        wizard.demo_opened.connect(self._demo_opened)
        wizard.close_requested.connect(self.quit)
        self.wizard = wizard
        self._restore_geometry(wizard, "first_run")
        wizard.show()
        self._set_state(State.FIRST_RUN)

    def _demo_opener(self) -> Callable[[], Vault]:
        language = self.language
        return lambda: demo.open_or_create_demo(language)

    def _open_demo_directly(self) -> None:
        loader = demo.DemoLoader(self.language)
        loader.opened.connect(self._demo_opened)
        loader.close_requested.connect(self.quit)
        self.demo_loader = loader
        loader.show()
        self._set_state(State.OPENING_DEMO)
        loader.start()

    def _wizard_finished(self, vault: Vault) -> None:
        self._open_main(vault)

    def _demo_opened(self, vault: Vault) -> None:
        # From now on this session is about the demo vault: locking asks for "demo".
        self.folder = demo.demo_vault_dir()
        self.demo_mode = True
        self._open_main(vault)

    def show_unlock(self, center: QPoint | None = None) -> None:
        kwargs: dict[str, Any] = {"demo": self.demo_mode}
        if self._unlock_clock is not None:
            kwargs["clock"] = self._unlock_clock
        window = UnlockWindow(self.folder, **kwargs)
        window.unlocked.connect(self._open_main)
        window.close_requested.connect(self.quit)
        self.unlock_window = window
        window.adjustSize()
        if center is not None:  # where the main window was
            window.move(center - window.rect().center())
        window.show()
        window.raise_()
        window.activateWindow()
        self._set_state(State.LOCKED)

    def _open_main(self, vault: Vault) -> None:
        if self.state == State.STOPPED:
            vault.close()
            return
        self.vault = vault
        window = self._window_factory(vault)
        window.setWindowTitle(APP_NAME)
        if self.demo_mode:
            demo.mark_main_window(window)
        self._connect_main(window)
        self.main_window = window
        self._restore_geometry(window, "main_window")
        window.show()
        window.raise_()
        window.activateWindow()
        for attr in ("unlock_window", "wizard", "demo_loader"):
            old = getattr(self, attr)
            if old is not None:
                setattr(self, attr, None)
                old.close()
                old.deleteLater()
        self._set_state(State.UNLOCKED)
        self.lock_manager.start()
        backup_hooks.attach(self, vault, window, auto_backup=self._backs_up())

    def _connect_main(self, window: QMainWindow) -> None:
        for name, slot in (("lock_requested", self.lock_manager.request_lock),
                           ("settings_requested", self.show_settings),
                           ("about_requested", self.show_about),
                           ("quit_requested", self.quit)):
            signal_ = getattr(window, name, None)
            if signal_ is not None:
                signal_.connect(slot)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.main_window or self.main_window is None:
            return False
        # The user closed the main window: that is a quit, done in our order.
        if event.type() == QEvent.Type.Close and not self._closing_main:
            event.ignore()
            QTimer.singleShot(0, self.quit)
            return True
        # The title never names a client (taskbars and window switchers show it).
        if (event.type() == QEvent.Type.WindowTitleChange
                and self.main_window.windowTitle() != APP_NAME):
            self.main_window.setWindowTitle(APP_NAME)
        return False

    # -- locking -------------------------------------------------------------------------------
    def lock(self, reason: str = "manual") -> bool:
        """Lock now; returns False when not unlocked or when pending edits could not be saved
        (the window then stays, with the main window's error shown, and the idle timer
        restarts so that the lock is tried again)."""
        if self.state != State.UNLOCKED or self.main_window is None:
            return False
        started = _monotonic_ms()
        window = self.main_window
        if not self._flush(window):
            self.lock_manager.start()
            return False
        center = window.geometry().center() if window.isVisible() else None
        self._tear_down_main()
        self._close_vault()
        self.show_unlock(center)
        _log.info(_LOCKED, Safe(reason), _monotonic_ms() - started)
        return True

    def _flush(self, window: QMainWindow) -> bool:
        flush = getattr(window, "flush", None)
        if flush is None:
            return True
        try:
            flush()
        except KnownError:
            _log.warning(_LOCK_REFUSED)
            return False
        return True

    def _tear_down_main(self) -> None:
        window = self.main_window
        ClipboardGuard.instance().clear_if_ours()
        self._close_dialogs()
        if window is None:
            return
        self.lock_manager.stop()
        wipe_tree(window)
        self.settings.set_geometry("main_window", window.saveGeometry())
        self.settings.sync()
        self._closing_main = True
        try:
            window.removeEventFilter(self)
            window.close()
            window.hide()
        finally:
            self._closing_main = False
        window.deleteLater()
        self.main_window = None

    def _close_dialogs(self) -> None:
        """Dialogs and menus over the main window go first (they may show vault data)."""
        for widget in list(self._dialogs):
            with contextlib.suppress(RuntimeError):
                widget.close()
                widget.deleteLater()
        self._dialogs.clear()
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.close()
        for _ in range(20):  # nested modal dialogs, innermost first
            modal = QApplication.activeModalWidget()
            if modal is None or modal is self.main_window:
                break
            modal.close()
            modal.hide()

    def _close_vault(self) -> None:
        vault, self.vault = self.vault, None
        if vault is not None:
            vault.close()

    # -- backups ---------------------------------------------------------------------------
    def _backs_up(self) -> bool:
        return self.auto_backup and not self.demo_mode

    def restore_in_place(self, restore: Callable[[UnlockWindow], None]) -> bool:
        """Lock (flush, wipe, close the vault: a restore never runs under an open
        connection), then let ``restore`` run on the unlock window, which reopens the journal
        (the Backups page asks; ui/backups/hooks.py). False when the lock was refused."""
        if not self.lock("restore") or self.unlock_window is None:
            return False
        restore(self.unlock_window)
        return True

    # -- settings and about ----------------------------------------------------------------
    def show_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.settings, self.main_window)
        dialog.applied.connect(self.apply_settings)
        self._show_dialog(dialog)
        return dialog

    def show_about(self) -> AboutDialog:
        dialog = AboutDialog(vault_paths(self.folder).folder, self.main_window)
        self._show_dialog(dialog)
        return dialog

    def _show_dialog(self, dialog: QWidget) -> None:
        self._dialogs.append(dialog)
        dialog.finished.connect(lambda _result: self._forget_dialog(dialog))  # type: ignore[attr-defined]
        dialog.open()  # type: ignore[attr-defined]  # window-modal, no nested event loop

    def _forget_dialog(self, dialog: QWidget) -> None:
        if dialog in self._dialogs:
            self._dialogs.remove(dialog)
            dialog.deleteLater()

    def apply_settings(self, changed: list[str]) -> None:
        if "idle_minutes" in changed:
            self.lock_manager.set_idle_minutes(self.settings.idle_minutes)
        if "theme" in changed:
            theme.apply(self.settings.theme)
        if "language" in changed:
            self.language = i18n.resolve(self.settings.language)
            i18n.install(self.language)
            self._rebuild_main_window()

    def _rebuild_main_window(self) -> None:
        """Show the main window again in the new language, on the same open vault."""
        if self.state != State.UNLOCKED or self.main_window is None or self.vault is None:
            return
        if not self._flush(self.main_window):
            return
        vault = self.vault
        self._tear_down_main()
        self._open_main(vault)

    # -- quitting ------------------------------------------------------------------------------
    def quit(self) -> None:
        """Quit in order (flush, clipboard, wipe, close the vault), then leave the event loop.
        If the pending edits cannot be saved, the app stays open with the error shown."""
        if self.main_window is not None and not self._flush(self.main_window):
            return
        self.shutdown()
        app = QCoreApplication.instance()
        if app is not None:
            app.quit()

    def shutdown(self) -> None:
        """Steps 1–4 of locking, and close every window. Safe to call more than once."""
        if self.state == State.STOPPED:
            return
        if self.main_window is not None:
            self._flush(self.main_window)  # best effort: the session is ending
        if self.vault is not None and self._backs_up():
            # After the flush, before the vault closes; time-limited, never blocks quitting.
            backup_hooks.back_up_before_quit(self.vault, self.main_window)
        self._tear_down_main()
        self.lock_manager.close()
        for attr in ("unlock_window", "wizard"):
            window = getattr(self, attr)
            if window is not None:
                leftover = window.take_vault()
                if leftover is not None:
                    leftover.close()
        self._close_vault()
        for attr in ("unlock_window", "wizard", "demo_loader"):
            window = getattr(self, attr)
            if window is not None:
                setattr(self, attr, None)
                window.hide()
                window.deleteLater()
        self._set_state(State.STOPPED)

    # -- geometry --------------------------------------------------------------------------
    def _restore_geometry(self, window: QWidget, name: str) -> None:
        geometry = self.settings.geometry(name)
        if geometry is not None:
            window.restoreGeometry(geometry)


def _monotonic_ms() -> float:
    import time

    return time.perf_counter() * 1000


# -- start-up ------------------------------------------------------------------------------


def parse_args(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    """Our options; the rest (``-platform``, ``-style``…) is left for Qt."""
    parser = argparse.ArgumentParser(prog="supervision-journal", add_help=False)
    parser.add_argument("--vault", metavar="DIR")
    parser.add_argument("--demo", action="store_true")
    parser.add_argument("--passphrase-file", metavar="F", help=argparse.SUPPRESS)
    return parser.parse_known_args(list(argv))


def configure_application(app: QCoreApplication) -> None:
    """One identity everywhere: QSettings, the desktop file, the window manager."""
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    if isinstance(app, QApplication):
        app.setApplicationDisplayName(APP_NAME)
        app.setDesktopFileName(APP_ID)
        # Title bars and task bars where no desktop file supplies the icon (bundles, Windows).
        app.setWindowIcon(application_icon())
        # Windows open and close as the controller says, not when the last one hides.
        app.setQuitOnLastWindowClosed(False)
        theme.install_style(app)


def _install_signal_handlers(controller: AppController) -> QTimer:
    """SIGINT/SIGTERM end the session like a quit (flush, wipe, close the vault)."""
    def handle(_signum: int, _frame: object) -> None:
        QTimer.singleShot(0, controller.quit)

    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(ValueError, OSError):
            signal.signal(sig, handle)
    # Python runs signal handlers only between bytecodes: wake it up now and then.
    waker = QTimer()
    waker.start(500)
    waker.timeout.connect(lambda: None)
    return waker


def run(argv: Sequence[str]) -> int:
    """Start the desktop app (see ``__main__`` for the order); returns the exit code."""
    crash.install()
    args, qt_args = parse_args(argv)
    folder_for_logs = log_dir()
    log.setup(folder_for_logs)
    crash.enable_faulthandler(folder_for_logs)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(
        [sys.argv[0] if sys.argv else "supervision-journal", *qt_args])
    configure_application(app)
    crash.attach_gui()
    _log.info(_STARTED, Safe(__version__))
    settings = Settings()
    theme.apply(settings.theme)
    language = i18n.resolve(settings.language)
    i18n.install(language)
    folder = vault_paths(args.vault).folder
    controller = AppController(folder, settings, demo_mode=args.demo, language=language,
                               auto_backup=True)
    waker = _install_signal_handlers(controller)
    app.aboutToQuit.connect(controller.shutdown)
    # The desktop session is ending (the logout may still be cancelled): save and lock.
    app.commitDataRequest.connect(lambda _manager: controller.lock("session_end"))
    controller.start()
    try:
        code = app.exec()
    finally:
        controller.shutdown()
        waker.stop()
        tasks.wait_for_all(10_000)
        crash.detach_gui()
    return code
