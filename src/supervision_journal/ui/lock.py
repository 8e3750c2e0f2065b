"""When to lock (design.md §5.2): after idle minutes without input, when the OS locks the
screen or goes to sleep, on Ctrl+L (the main window's ``lock_requested``) and on quit.

``LockManager`` only decides *when*; ``AppController.lock`` does the locking. The OS events
arrive over D-Bus on Linux (``org.freedesktop.ScreenSaver``/``org.gnome.ScreenSaver``
ActiveChanged on the session bus, login1 ``PrepareForSleep`` and session ``Lock`` on the system
bus); the slots they call are public so tests (and other platforms' hooks) can inject them.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication

from ..log import Safe, fixed

_log = logging.getLogger(__name__)
_LOCK = fixed("lock requested (%s)")
_DBUS_LISTENING = fixed("listening for screen lock on the session bus: %s, sleep on the "
                        "system bus: %s")

DEFAULT_IDLE_MINUTES = 5
IDLE_RANGE = (1, 15)


class LockReason(StrEnum):
    IDLE = "idle"
    MANUAL = "manual"
    SCREEN = "screen"
    SUSPEND = "suspend"
    QUIT = "quit"


_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
    QEvent.Type.TabletPress, QEvent.Type.TabletMove, QEvent.Type.InputMethod,
})

# (service, path, interface, signal, slot signature): "" matches any sender or path.
_SESSION_SIGNALS = (
    ("", "", "org.freedesktop.ScreenSaver", "ActiveChanged", "screen_saver_active_changed(bool)"),
    ("", "", "org.gnome.ScreenSaver", "ActiveChanged", "screen_saver_active_changed(bool)"),
)
_SYSTEM_SIGNALS = (
    ("org.freedesktop.login1", "/org/freedesktop/login1", "org.freedesktop.login1.Manager",
     "PrepareForSleep", "prepare_for_sleep(bool)"),
    ("org.freedesktop.login1", "", "org.freedesktop.login1.Session", "Lock", "session_lock()"),
)
DEFAULT_BUS = "default"


def _default_bus(kind: str) -> Any:
    try:
        from PySide6.QtDBus import QDBusConnection
    except ImportError:  # no QtDBus on this platform
        return None
    bus = QDBusConnection.sessionBus() if kind == "session" else QDBusConnection.systemBus()
    return bus if bus.isConnected() else None


class LockManager(QObject):
    """Emits ``lock_requested(reason)`` once per unlocked period, while started.

    ``clock`` (seconds, monotonic) is injectable so tests can jump ahead in time; the check runs
    every ``check_interval_ms`` on a timer, or on demand through ``check_idle()``.
    """

    lock_requested = Signal(str)

    def __init__(self, idle_minutes: int = DEFAULT_IDLE_MINUTES, *,
                 clock: Callable[[], float] = time.monotonic, check_interval_ms: int = 5_000,
                 session_bus: Any = DEFAULT_BUS, system_bus: Any = DEFAULT_BUS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._idle_seconds = 60.0 * DEFAULT_IDLE_MINUTES
        self.set_idle_minutes(idle_minutes)
        self._last_input = clock()
        self._active = False
        self._filtering = False
        self._timer = QTimer(self)
        self._timer.setInterval(check_interval_ms)
        self._timer.timeout.connect(self.check_idle)
        self._buses: list[tuple[Any, tuple[str, str, str, str, str]]] = []
        if session_bus == DEFAULT_BUS:
            session_bus = _default_bus("session")
        if system_bus == DEFAULT_BUS:
            system_bus = _default_bus("system")
        self.listening_session = self._listen(session_bus, _SESSION_SIGNALS)
        self.listening_system = self._listen(system_bus, _SYSTEM_SIGNALS)
        _log.info(_DBUS_LISTENING, self.listening_session, self.listening_system)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            # What Qt itself reports elsewhere (mobile platforms, some desktops).
            app.applicationStateChanged.connect(self._application_state_changed)

    def _listen(self, bus: Any, signals: tuple[tuple[str, str, str, str, str], ...]) -> bool:
        if bus is None:
            return False
        ok = False
        for spec in signals:
            service, path, interface, name, slot = spec
            # "1" + signature is what Qt's SLOT() macro produces.
            if bus.connect(service, path, interface, name, self, "1" + slot):
                self._buses.append((bus, spec))
                ok = True
        return ok

    # -- configuration ---------------------------------------------------------------------
    @property
    def idle_minutes(self) -> int:
        return round(self._idle_seconds / 60)

    def set_idle_minutes(self, minutes: int) -> None:
        self._idle_seconds = 60.0 * min(max(int(minutes), IDLE_RANGE[0]), IDLE_RANGE[1])

    @property
    def active(self) -> bool:
        return self._active

    # -- life cycle ------------------------------------------------------------------------
    def start(self) -> None:
        """Begin watching (the vault was just unlocked)."""
        app = QCoreApplication.instance()
        if app is not None and not self._filtering:
            app.installEventFilter(self)
            self._filtering = True
        self._last_input = self._clock()
        self._active = True
        self._timer.start()

    def stop(self) -> None:
        """Stop watching (locked, or quitting)."""
        self._active = False
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None and self._filtering:
            app.removeEventFilter(self)
            self._filtering = False

    def close(self) -> None:
        """Stop and let go of the D-Bus connections."""
        self.stop()
        for bus, (service, path, interface, name, slot) in self._buses:
            with contextlib.suppress(RuntimeError):
                bus.disconnect(service, path, interface, name, self, "1" + slot)
        self._buses.clear()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            with contextlib.suppress(RuntimeError, TypeError):
                app.applicationStateChanged.disconnect(self._application_state_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self._last_input = self._clock()
        return False

    # -- triggers --------------------------------------------------------------------------
    @Slot()
    def check_idle(self) -> None:
        if self._active and self._clock() - self._last_input >= self._idle_seconds:
            self._fire(LockReason.IDLE)

    def seconds_until_idle_lock(self) -> float:
        return max(0.0, self._idle_seconds - (self._clock() - self._last_input))

    @Slot()
    def request_lock(self) -> None:
        """Ctrl+L, the Lock action, a tray menu."""
        self._fire(LockReason.MANUAL)

    @Slot(bool)
    def screen_saver_active_changed(self, active: bool) -> None:
        if active:
            self._fire(LockReason.SCREEN)

    @Slot()
    def session_lock(self) -> None:
        self._fire(LockReason.SCREEN)

    @Slot(bool)
    def prepare_for_sleep(self, starting: bool) -> None:
        if starting:
            self._fire(LockReason.SUSPEND)

    @Slot(Qt.ApplicationState)
    def _application_state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self._fire(LockReason.SUSPEND)

    def _fire(self, reason: LockReason) -> None:
        if not self._active:
            return
        self.stop()
        _log.info(_LOCK, Safe(reason.value))
        self.lock_requested.emit(reason.value)

