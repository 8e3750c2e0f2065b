"""Locking, end to end through the controller and the real main window: Ctrl+L, idle timeout
with a fake clock, OS screen lock and sleep over D-Bus (injected, and through a private bus),
then unlocking again. After a lock no live widget holds vault text and the clipboard is clear;
QSettings never holds vault text."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtTest import QTest

from supervision_journal.errors import DiskFull
from supervision_journal.journal import store
from supervision_journal.journal.models import STANDARD_SECTIONS
from supervision_journal.ui.app import AppController, State
from supervision_journal.ui.clipboard import ClipboardGuard, SecureTextEdit
from supervision_journal.ui.lock import LockManager
from supervision_journal.ui.settings import Settings
from supervision_journal.vault.vault import Vault

PASSPHRASE = "correct horse battery staple"
CANARY_PSEUDONYM = "Zebulon-Canary-7Q"
CANARY_SAVED = "canary-saved-note-5f2e kestrel"
CANARY_TYPED = "canary-typed-9c41 heron"


class FakeMonotonic:
    def __init__(self) -> None:
        self.now = 10_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def seeded(tmp_path: Path) -> tuple[Path, int, int]:
    """A closed vault with one client and one session whose note holds a canary."""
    folder = tmp_path / "vault"
    vault, _ = Vault.create(folder, PASSPHRASE)
    client = store.add_client(vault.db, CANARY_PSEUDONYM, "2024-02-01")
    session = store.add_session(vault.db, client.id, "2024-03-05",
                                sections={STANDARD_SECTIONS[0]: CANARY_SAVED})
    vault.close()
    return folder, client.id, session.id


@pytest.fixture
def clock() -> FakeMonotonic:
    return FakeMonotonic()


@pytest.fixture
def controller(qtbot, seeded, clock) -> Iterator[AppController]:
    folder, _, _ = seeded
    manager = LockManager(clock=clock, check_interval_ms=20, session_bus=None, system_bus=None)
    c = AppController(folder, Settings(), lock_manager=manager)
    yield c
    c.shutdown()


def unlock(qtbot, controller: AppController, passphrase: str = PASSPHRASE) -> None:
    window = controller.unlock_window
    assert window is not None and window.isVisible()
    qtbot.keyClicks(window.passphrase_field, passphrase)
    qtbot.keyClick(window.passphrase_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.state == State.UNLOCKED, timeout=20_000)
    qtbot.waitExposed(controller.main_window)


def open_canary_note(qtbot, controller: AppController, seeded) -> SecureTextEdit:
    _, client_id, session_id = seeded
    window = controller.main_window
    assert window.clients_panel.select_client(client_id)
    assert window.sessions_panel.select_session(session_id)
    editors = [e for e in window.findChildren(SecureTextEdit) if CANARY_SAVED in e.toPlainText()]
    assert len(editors) == 1
    return editors[0]


def settle() -> None:
    """Let deferred deletions happen, as the event loop would within milliseconds."""
    for _ in range(3):
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def holds_canary(widget_text_dump):
    """Every live widget text that contains one of the canaries."""
    canaries = (CANARY_PSEUDONYM, CANARY_SAVED, CANARY_TYPED, "canary")

    def find() -> list[str]:
        return [t for t in widget_text_dump()
                if any(c.casefold() in t.casefold() for c in canaries)]

    return find


def assert_locked_and_clean(controller: AppController, holds_canary) -> None:
    assert controller.state == State.LOCKED
    assert controller.main_window is None and controller.vault is None
    settle()
    assert holds_canary() == []
    assert controller.unlock_window.isVisible()
    visible = [w for w in QGuiApplication.topLevelWindows() if w.isVisible()]
    assert len(visible) == 1


def test_ctrl_l_locks_saves_typing_clears_everything_and_unlock_restores(
        holds_canary, qtbot, controller, seeded) -> None:
    controller.start()
    assert controller.state == State.LOCKED
    unlock(qtbot, controller)
    assert controller.main_window.windowTitle() == "Supervision Journal"
    editor = open_canary_note(qtbot, controller, seeded)
    # The walk finds vault text while unlocked (so its silence after the lock means something).
    assert any(CANARY_PSEUDONYM in t for t in holds_canary())
    assert any(CANARY_SAVED in t for t in holds_canary())

    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " " + CANARY_TYPED)
    # Copy the note text: the guard now owns the clipboard content.
    editor.selectAll()
    editor.copy()
    assert CANARY_TYPED in QGuiApplication.clipboard().text()
    assert ClipboardGuard.instance().holds_ours

    window = controller.main_window
    window.activateWindow()
    qtbot.keyClick(editor, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: controller.state == State.LOCKED)
    assert_locked_and_clean(controller, holds_canary)
    assert QGuiApplication.clipboard().text() == ""
    assert controller.unlock_window.passphrase_field.text() == ""

    # What was typed just before the lock was committed.
    folder, _, session_id = seeded
    with Vault.open(folder, PASSPHRASE) as check:
        texts = [s.text for s in store.get_note(check.db, session_id).sections.values()]
    assert any(CANARY_TYPED in t for t in texts)

    unlock(qtbot, controller)
    editor = open_canary_note(qtbot, controller, seeded)
    assert CANARY_TYPED in editor.toPlainText()


def test_lock_sequence_order(qtbot, controller, monkeypatch) -> None:
    """flush → clipboard → wipe → close window → close vault → unlock window."""
    from supervision_journal.ui import app as app_module

    controller.start()
    unlock(qtbot, controller)
    events: list[str] = []
    window = controller.main_window
    vault = controller.vault
    real_flush, real_close = window.flush, vault.close
    monkeypatch.setattr(window, "flush", lambda: (events.append("flush"), real_flush())[1])
    guard = ClipboardGuard.instance()
    monkeypatch.setattr(guard, "clear_if_ours", lambda: events.append("clipboard"))
    real_wipe = app_module.wipe_tree
    monkeypatch.setattr(app_module, "wipe_tree",
                        lambda w: (events.append("wipe"), real_wipe(w))[1])
    monkeypatch.setattr(vault, "close", lambda: (events.append("vault"), real_close())[1])
    window.destroyed.connect(lambda: events.append("window deleted"))
    controller.state_changed.connect(events.append)
    assert controller.lock()
    settle()
    first_seen = [e for i, e in enumerate(events) if e not in events[:i]]
    assert first_seen[:4] == ["flush", "clipboard", "wipe", "vault"]
    assert events.index("locked") > events.index("vault")
    assert "window deleted" in events
    assert vault.db.closed


def test_idle_timeout_locks_with_a_fake_clock(holds_canary, qtbot, controller, clock,
                                              seeded) -> None:
    controller.settings.idle_minutes = 5
    controller.lock_manager.set_idle_minutes(5)
    controller.start()
    unlock(qtbot, controller)
    open_canary_note(qtbot, controller, seeded)
    clock.now += 200
    # Input resets the idle time.
    QTest.mouseMove(controller.main_window.clients_panel)
    qtbot.keyClick(controller.main_window.clients_panel.view, Qt.Key.Key_Down)
    clock.now += 200
    qtbot.wait(100)
    assert controller.state == State.UNLOCKED  # 400 s since unlock but 200 s since input
    clock.now += 101
    qtbot.waitUntil(lambda: controller.state == State.LOCKED, timeout=2_000)
    assert_locked_and_clean(controller, holds_canary)
    # The idle timer does nothing while locked.
    clock.now += 10_000
    qtbot.wait(60)
    assert controller.state == State.LOCKED
    unlock(qtbot, controller)
    assert controller.lock_manager.active


@pytest.mark.parametrize("event", ["screen", "gnome_screen", "sleep", "session_lock"])
def test_injected_os_events_lock(holds_canary, qtbot, controller, event: str) -> None:
    controller.start()
    unlock(qtbot, controller)
    manager = controller.lock_manager
    if event == "sleep":
        manager.prepare_for_sleep(False)  # resuming is not a reason
        assert controller.state == State.UNLOCKED
        manager.prepare_for_sleep(True)
    elif event == "session_lock":
        manager.session_lock()
    else:
        manager.screen_saver_active_changed(False)
        assert controller.state == State.UNLOCKED
        manager.screen_saver_active_changed(True)
    assert controller.state == State.LOCKED
    assert_locked_and_clean(controller, holds_canary)


@pytest.fixture
def private_bus() -> Iterator[str]:
    """A throw-away D-Bus daemon, so the real QtDBus path is exercised without touching the
    user's buses."""
    if shutil.which("dbus-daemon") is None:
        pytest.skip("dbus-daemon is not installed")
    proc = subprocess.Popen(["dbus-daemon", "--session", "--print-address=1", "--nofork",
                             "--nopidfile"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True)
    try:
        address = proc.stdout.readline().strip()
        assert address.startswith("unix:")
        yield address
    finally:
        proc.terminate()
        proc.wait(10)
        proc.stdout.close()


@pytest.mark.parametrize("which", ["screensaver", "sleep"])
def test_real_dbus_signals_lock(holds_canary, qtbot, seeded, private_bus: str,
                                which: str) -> None:
    from PySide6.QtDBus import QDBusConnection, QDBusMessage

    listener = QDBusConnection.connectToBus(private_bus, f"sj-listener-{which}")
    sender = QDBusConnection.connectToBus(private_bus, f"sj-sender-{which}")
    try:
        assert listener.isConnected() and sender.isConnected()
        manager = LockManager(session_bus=listener, system_bus=listener)
        assert manager.listening_session and manager.listening_system
        folder, _, _ = seeded
        c = AppController(folder, Settings(), lock_manager=manager)
        c.start()
        unlock(qtbot, c)
        if which == "screensaver":
            message = QDBusMessage.createSignal("/org/freedesktop/ScreenSaver",
                                                "org.freedesktop.ScreenSaver", "ActiveChanged")
        else:
            # login1's signals are matched on its well-known name: own it on the private bus.
            assert sender.registerService("org.freedesktop.login1")
            message = QDBusMessage.createSignal("/org/freedesktop/login1",
                                                "org.freedesktop.login1.Manager",
                                                "PrepareForSleep")
        message.setArguments([True])
        assert sender.send(message)
        qtbot.waitUntil(lambda: c.state == State.LOCKED, timeout=5_000)
        assert_locked_and_clean(c, holds_canary)
        c.shutdown()
    finally:
        QDBusConnection.disconnectFromBus(f"sj-listener-{which}")
        QDBusConnection.disconnectFromBus(f"sj-sender-{which}")


def test_a_lock_that_cannot_save_is_postponed_not_lossy(qtbot, controller, seeded,
                                                        monkeypatch) -> None:
    controller.start()
    unlock(qtbot, controller)
    window = controller.main_window

    def full(*_args: object) -> None:
        raise DiskFull("The disk is full: the last change was not saved.")

    monkeypatch.setattr(window, "flush", full)
    assert controller.lock() is False
    assert controller.state == State.UNLOCKED and controller.main_window is window
    assert controller.vault is not None and not controller.vault.db.closed
    assert controller.lock_manager.active  # it will try again on the next idle period


def test_quit_closes_the_vault_and_the_clipboard(holds_canary, qtbot, controller,
                                                seeded) -> None:
    controller.start()
    unlock(qtbot, controller)
    editor = open_canary_note(qtbot, controller, seeded)
    editor.selectAll()
    editor.copy()
    vault = controller.vault
    controller.quit()
    settle()
    assert controller.state == State.STOPPED
    assert vault.db.closed
    assert QGuiApplication.clipboard().text() == ""
    assert holds_canary() == []


def test_the_window_title_never_names_a_client(qtbot, controller) -> None:
    controller.start()
    unlock(qtbot, controller)
    controller.main_window.setWindowTitle(f"{CANARY_PSEUDONYM} — Supervision Journal")
    assert controller.main_window.windowTitle() == "Supervision Journal"


def test_closing_the_main_window_quits_in_order(qtbot, controller) -> None:
    controller.start()
    unlock(qtbot, controller)
    vault = controller.vault
    controller.main_window.close()
    qtbot.waitUntil(lambda: controller.state == State.STOPPED)
    assert vault.db.closed


def test_quit_shortcut_of_the_main_window_is_served(qtbot, controller) -> None:
    controller.start()
    unlock(qtbot, controller)
    window = controller.main_window
    if not hasattr(window, "quit_requested"):
        pytest.skip("this main window has no quit action")
    window.activateWindow()
    QTest.keySequence(window, QKeySequence("Ctrl+Q"))
    qtbot.waitUntil(lambda: controller.state == State.STOPPED)


def test_settings_file_holds_no_vault_text(qtbot, controller, seeded,
                                           isolated_qsettings: Path) -> None:
    controller.start()
    unlock(qtbot, controller)
    open_canary_note(qtbot, controller, seeded)
    dialog = controller.show_settings()
    dialog.idle_minutes.setValue(7)
    dialog.accept()
    assert controller.lock_manager.idle_minutes == 7
    controller.lock()
    controller.settings.sync()
    files = [p for p in isolated_qsettings.rglob("*") if p.is_file()]
    assert files, "the settings were written somewhere else"
    blob = b"".join(p.read_bytes() for p in files)
    assert b"idle_minutes=7" in blob
    folder = seeded[0]
    for secret in (CANARY_PSEUDONYM, CANARY_SAVED, PASSPHRASE, str(folder)):
        assert secret.encode() not in blob


def test_dialogs_over_the_main_window_go_with_the_lock(qtbot, controller) -> None:
    controller.start()
    unlock(qtbot, controller)
    settings_dialog = controller.show_settings()
    about = controller.show_about()
    assert settings_dialog.isVisible() and about.isVisible()
    controller.lock()
    settle()
    from PySide6.QtWidgets import QApplication

    assert not [w for w in QApplication.topLevelWidgets()
                if w.isVisible() and w is not controller.unlock_window]


def test_switching_language_rebuilds_the_main_window_on_the_same_vault(qtbot, controller,
                                                                       seeded) -> None:
    from supervision_journal.ui import i18n

    controller.start()
    unlock(qtbot, controller)
    old_window, vault = controller.main_window, controller.vault
    old_window.destroyed.connect(lambda: setattr(controller, "_old_gone", True))
    controller.settings.language = "fr"
    try:
        controller.apply_settings(["language"])
        settle()
        assert controller.state == State.UNLOCKED
        assert controller.vault is vault and not vault.db.closed
        assert controller.main_window is not None and getattr(controller, "_old_gone", False)
        assert controller.language == "fr"
        open_canary_note(qtbot, controller, seeded)  # the new window works on the vault
    finally:
        i18n.install("en")
