"""The app's plumbing: crash handler (type and frames only), redacting log, background tasks,
typed settings, languages, theme, the settings and About dialogs, and ``run`` itself."""

from __future__ import annotations

import logging
import signal
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTimer
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from supervision_journal import APP_ID, APP_NAME, __main__, log
from supervision_journal.errors import DiskFull
from supervision_journal.paths import log_dir
from supervision_journal.ui import app as app_module
from supervision_journal.ui import crash, i18n, tasks, theme
from supervision_journal.ui.about import AboutDialog
from supervision_journal.ui.settings import Settings
from supervision_journal.ui.settings_dialog import SettingsDialog

SECRET = "Madame Canary-Dupont said the kestrel note"
KEY_HEX = "ab" * 32


def _raise_with_secret() -> None:
    local_secret = SECRET  # a local the report must not show
    raise ValueError(f"failed on {local_secret} with key {KEY_HEX}")


def _exc_info() -> tuple[type[BaseException], BaseException, object]:
    try:
        try:
            _raise_with_secret()
        except ValueError as inner:
            raise RuntimeError(SECRET) from inner
    except RuntimeError as exc:
        return type(exc), exc, exc.__traceback__
    raise AssertionError("unreachable")


# -- crash handler --------------------------------------------------------------------------

@pytest.fixture
def log_file(tmp_path: Path):
    path = log.setup(tmp_path / "logs")
    yield path
    log.teardown()


def test_crash_report_holds_types_and_frames_but_no_message(qtbot, log_file, capsys) -> None:
    crash.attach_gui()
    try:
        exc_type, exc, tb = _exc_info()
        error_id = crash.report_exception(exc_type, exc, tb)
        qtbot.waitUntil(lambda: crash.notifier().dialog is not None)
        dialog = crash.notifier().dialog
        shown = " ".join([dialog.text(), dialog.informativeText(), dialog.detailedText()])
        logged = log_file.read_text(encoding="utf-8")
        stderr = capsys.readouterr().err
        for output in (shown, logged, stderr):
            assert SECRET not in output and "kestrel" not in output
            assert KEY_HEX not in output and "local_secret" not in output
        assert error_id in shown and error_id in logged
        assert "RuntimeError" in logged and "ValueError" in dialog.detailedText()
        assert "_raise_with_secret" in dialog.detailedText()  # frames are there
        assert "test_shell_app.py:" in logged
        assert str(Path.home()) not in dialog.detailedText()
        dialog.close()
    finally:
        crash.detach_gui()


def test_excepthooks_are_installed_and_sanitise_thread_errors(qtbot, log_file,
                                                              monkeypatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    crash.install()
    assert sys.excepthook is crash._excepthook
    assert threading.excepthook is crash._thread_excepthook

    def worker() -> None:
        raise KeyError(SECRET)

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    logged = log_file.read_text(encoding="utf-8")
    assert "KeyError" in logged and SECRET not in logged


def test_known_errors_show_their_safe_message(qtbot) -> None:
    crash.attach_gui()
    try:
        exc = DiskFull("The disk is full: the last change was not saved.")
        crash.report_exception(DiskFull, exc, None)
        qtbot.waitUntil(lambda: crash.notifier().dialog is not None)
        assert "disk is full" in crash.notifier().dialog.informativeText()
        crash.notifier().dialog.close()
    finally:
        crash.detach_gui()


def test_background_error_without_handler_goes_to_the_crash_handler(qtbot, log_file) -> None:
    crash.attach_gui()
    try:
        tasks.run_in_background(_raise_with_secret)
        qtbot.waitUntil(lambda: crash.notifier().dialog is not None, timeout=5_000)
        logged = log_file.read_text(encoding="utf-8")
        assert "ValueError" in logged and SECRET not in logged
        crash.notifier().dialog.close()
    finally:
        crash.detach_gui()


# -- logging ---------------------------------------------------------------------------------

def test_log_keeps_only_declared_messages_with_safe_arguments(log_file) -> None:
    ours = logging.getLogger("supervision_journal.test")
    declared = log.fixed("unlocked in %d ms")
    declared_text = log.fixed("state: %s")
    ours.warning(declared, 420)
    ours.warning(declared_text, log.Safe("locked"))
    ours.warning(declared_text, SECRET)  # a plain str argument: could be anything
    ours.warning("note text: %s", SECRET)  # never declared
    ours.warning(f"formatted {SECRET}")
    ours.warning(declared_text, log.Safe(KEY_HEX))  # a key slipped into a "safe" value
    logging.getLogger("thirdparty").warning(declared, 1)  # not our logger
    try:
        raise ValueError(SECRET)
    except ValueError:
        ours.exception(declared, 7)  # the traceback is dropped, the line kept
    text = log_file.read_text(encoding="utf-8")
    assert "unlocked in 420 ms" in text and "state: locked" in text
    assert "unlocked in 7 ms" in text
    assert SECRET not in text and KEY_HEX not in text and "Traceback" not in text
    assert text.count("\n") == 3
    assert (log_file.stat().st_mode & 0o777) == 0o600


# -- background tasks ----------------------------------------------------------------------

def test_tasks_run_off_the_gui_thread_and_call_back_on_it(qtbot) -> None:
    gui = threading.get_ident()
    seen: dict[str, int] = {}

    def work() -> int:
        seen["worker"] = threading.get_ident()
        return 41

    def done(value: int) -> None:
        seen["callback"] = threading.get_ident()
        seen["value"] = value + 1

    task = tasks.run_in_background(work, done)
    qtbot.waitUntil(lambda: task.done, timeout=5_000)
    assert seen == {"worker": seen["worker"], "callback": gui, "value": 42}
    assert seen["worker"] != gui
    assert tasks.pending_count() == 0

    errors: list[BaseException] = []
    failing = tasks.run_in_background(_raise_with_secret, None, errors.append)
    qtbot.waitUntil(lambda: failing.done, timeout=5_000)
    assert isinstance(errors[0], ValueError)


# -- settings ------------------------------------------------------------------------------

def test_settings_are_typed_clamped_and_in_an_ini_file(isolated_qsettings: Path) -> None:
    settings = Settings()
    assert (settings.language, settings.idle_minutes, settings.theme) == ("", 5, "system")
    settings.idle_minutes = 40
    assert settings.idle_minutes == 15
    settings.idle_minutes = 0
    assert settings.idle_minutes == 1
    settings.language = "fr"
    settings.theme = "dark"
    with pytest.raises(ValueError):
        settings.language = "de"
    with pytest.raises(ValueError):
        settings.set_geometry("last_client", b"")  # type: ignore[arg-type]
    settings.sync()
    assert settings.path.endswith(".ini")
    assert Path(settings.path).is_relative_to(isolated_qsettings)
    again = Settings()
    assert (again.language, again.idle_minutes, again.theme) == ("fr", 1, "dark")
    # Garbage in the file reads as defaults.
    raw = QSettings(settings.path, QSettings.Format.IniFormat)
    raw.setValue("lock/idle_minutes", "soon")
    raw.setValue("ui/theme", "purple")
    raw.sync()
    garbage = Settings()
    assert garbage.idle_minutes == 5 and garbage.theme == "system"


def test_settings_dialog_writes_preferences_and_the_controller_applies_them(qtbot,
                                                                            tmp_path) -> None:
    from supervision_journal.ui.lock import LockManager

    settings = Settings()
    controller = app_module.AppController(
        tmp_path / "v", settings, lock_manager=LockManager(session_bus=None, system_bus=None))
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.applied.connect(controller.apply_settings)
    applied: list[list[str]] = []
    dialog.applied.connect(applied.append)
    dialog.idle_minutes.setValue(12)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.accept()
    try:
        assert applied == [["idle_minutes", "theme"]]
        assert settings.idle_minutes == 12 and settings.theme == "dark"
        assert controller.lock_manager.idle_minutes == 12
        assert theme.is_dark(QGuiApplication.palette())
    finally:
        theme.apply("system")
        controller.shutdown()
    assert dialog.idle_minutes.minimum() == 1 and dialog.idle_minutes.maximum() == 15


# -- languages and theme -------------------------------------------------------------------

def test_language_resolution(monkeypatch) -> None:
    assert i18n.resolve("fr") == "fr" and i18n.resolve("en") == "en"
    monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda: QLocale("fr_CA")))
    assert i18n.resolve("") == "fr"
    monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    assert i18n.resolve("") == "en"


def test_install_sets_the_locale_and_loads_a_catalogue_when_present(qtbot) -> None:
    try:
        assert i18n.install("en")
        assert QLocale().language() == QLocale.Language.English
        found = i18n.install("fr")
        assert QLocale().language() == QLocale.Language.French
        assert found == (i18n.catalogue_path("fr") is not None)
    finally:
        i18n.install("en")


def test_dark_theme_and_back(qtbot) -> None:
    try:
        theme.apply("dark")
        assert theme.is_dark()
        theme.apply("light")
        assert not theme.is_dark()
    finally:
        theme.apply("system")
    palette = QGuiApplication.palette()
    assert palette.color(QPalette.ColorRole.Window).isValid()


# -- about ---------------------------------------------------------------------------------

def test_about_says_version_licence_location_and_crypto(qtbot, tmp_path: Path) -> None:
    from supervision_journal import __version__

    dialog = AboutDialog(tmp_path / "my-vault")
    qtbot.addWidget(dialog)
    assert __version__ in dialog.version.text()
    assert "GPL-3.0-or-later" in dialog.licence.text()
    assert "Argon2id" in dialog.crypto.text() and "SQLCipher" in dialog.crypto.text()
    assert str(tmp_path / "my-vault") in dialog.locations.text()
    assert dialog.windowTitle() == APP_NAME


# -- start-up ------------------------------------------------------------------------------

def test_identity(qapp) -> None:
    assert QCoreApplication.organizationName() and QCoreApplication.applicationName() == APP_NAME
    assert QGuiApplication.desktopFileName() == APP_ID


def test_gui_arguments_and_cli_detection() -> None:
    args, rest = app_module.parse_args(["--demo", "--vault", "/x", "-platform", "offscreen"])
    assert args.demo and args.vault == "/x" and rest == ["-platform", "offscreen"]
    assert not __main__._wants_cli(["--demo"])
    assert not __main__._wants_cli(["--vault", "/x", "--demo"])
    assert __main__._wants_cli(["verify"])


def test_run_starts_and_quits_cleanly(qtbot, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    seen: dict[str, object] = {}
    real_start = app_module.AppController.start

    def start_then_quit(self) -> None:
        real_start(self)
        seen["state"] = self.state
        seen["window"] = self.current_window.windowTitle()
        QTimer.singleShot(0, self.quit)

    monkeypatch.setattr(app_module.AppController, "start", start_then_quit)
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        code = app_module.run(["--vault", str(tmp_path / "v")])
    finally:
        log.teardown()
        crash.detach_gui()
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
    assert code == 0
    assert seen == {"state": app_module.State.FIRST_RUN, "window": APP_NAME}
    assert (log_dir() / log.LOG_NAME).exists()
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]


_REPAID: list[None] = []


def test_qt_bindings_keep_none_alive(qtbot) -> None:
    """PySide6 6.12.0 on CPython 3.11 drops a reference to None on every call of a wrapped
    method that returns void (setWindowTitle, processEvents…); after a few thousand calls the
    interpreter aborts ("none_dealloc"), losing whatever was being typed. 6.11.3 does not, and
    on CPython ≥ 3.12 None is immortal. This guards the combination the app is run with."""
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    before = sys.getrefcount(None)
    for _ in range(1000):
        widget.setWindowTitle(APP_NAME)
    lost = before - sys.getrefcount(None)
    widget.deleteLater()
    _REPAID.extend([None] * max(lost, 0))  # give back what this test took
    assert sys.version_info >= (3, 12) or lost < 100, (
        f"each void Qt call leaks a None reference ({lost} per 1000): pin PySide6 < 6.12 "
        "or run on Python 3.12+")
