"""The crash handler: the first thing ``run`` installs.

An exception nobody caught is a bug. We log its *type* and its frames as ``file:line:function``
with a short error id, and show a calm dialog with that id. Never the exception's message, its
arguments or any frame's locals: a message from a database call can quote SQL or note text,
and a local can be a passphrase. The same rule holds in worker threads.
"""

from __future__ import annotations

import faulthandler
import logging
import secrets
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import IO

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from .. import __version__
from ..errors import KnownError
from ..log import Safe, fixed
from .error_text import error_text

_log = logging.getLogger(__name__)
_CRASH = fixed("uncaught %s [error id %s]; frames: %s")
_PACKAGE_ROOT = Path(__file__).resolve().parents[1]

ExcInfo = tuple[type[BaseException], BaseException | None, TracebackType | None]


def _where(filename: str) -> str:
    """A frame's file without the user's home folder: relative to our package, else the name."""
    path = Path(filename)
    try:
        return "supervision_journal/" + path.resolve().relative_to(_PACKAGE_ROOT).as_posix()
    except (ValueError, OSError):
        return path.name


def frames(tb: TracebackType | None) -> list[str]:
    """``file:line:function`` for each frame, innermost last; no source text, no locals."""
    return [f"{_where(f.filename)}:{f.lineno}:{f.name}" for f in traceback.extract_tb(tb)]


def type_name(exc_type: type[BaseException]) -> str:
    module = exc_type.__module__
    return exc_type.__qualname__ if module == "builtins" else f"{module}.{exc_type.__qualname__}"


def build_report(exc_type: type[BaseException], exc: BaseException | None,
                 tb: TracebackType | None, error_id: str) -> str:
    """The text we log and let the user copy: types and frames of the exception and of the
    exceptions it was raised from, plus versions. Messages are left out on purpose."""
    lines = [f"Supervision Journal {__version__}, error id {error_id}",
             f"Python {sys.version.split()[0]}, Qt {_qt_version()}",
             f"{type_name(exc_type)}"]
    lines += [f"  at {frame}" for frame in frames(tb)]
    seen: set[int] = set()
    cause = _next_cause(exc)
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        lines.append(f"caused by {type_name(type(cause))}")
        lines += [f"  at {frame}" for frame in frames(cause.__traceback__)]
        cause = _next_cause(cause)
    return "\n".join(lines)


def _next_cause(exc: BaseException | None) -> BaseException | None:
    if exc is None:
        return None
    return exc.__cause__ or (None if exc.__suppress_context__ else exc.__context__)


def _qt_version() -> str:
    from PySide6 import __version__ as pyside_version

    return pyside_version


def new_error_id() -> str:
    return secrets.token_hex(4).upper()


class CrashDialog(QMessageBox):
    """A calm message with the error id; the details hold only the sanitised report."""

    def __init__(self, error_id: str, report: str, known: KnownError | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.applicationName() or "Supervision Journal")
        self.setIcon(QMessageBox.Icon.Warning)
        if known is not None:
            # A KnownError's message is written to be shown (never note text or keys).
            self.setText(self.tr("That did not work."))
            self.setInformativeText(error_text(known))
        else:
            self.setText(self.tr("Something unexpected happened."))
            self.setInformativeText(
                self.tr("Supervision Journal met a problem it did not expect. Everything shown "
                        "as “Saved” is safe in your journal.\n\nIf this happens again, please "
                        "report error id %1. The report holds no note text.").replace(
                            "%1", error_id))
        self.setDetailedText(report)
        self.setStandardButtons(QMessageBox.StandardButton.Close)
        self.error_id = error_id


class _Notifier(QObject):
    """Carries a report from any thread to the GUI thread, where the dialog can be shown."""

    crashed = Signal(str, str, object)

    def __init__(self) -> None:
        super().__init__()
        self.crashed.connect(self._show)
        self.dialog: CrashDialog | None = None
        self.shown = 0

    @Slot(str, str, object)
    def _show(self, error_id: str, report: str, known: object) -> None:
        if QApplication.instance() is None:
            return
        if self.dialog is not None and self.dialog.isVisible():
            return  # one dialog at a time; the rest is in the log
        self.dialog = CrashDialog(error_id, report,
                                  known if isinstance(known, KnownError) else None)
        self.dialog.setModal(True)
        self.dialog.open()
        self.shown += 1


_notifier: _Notifier | None = None


def notifier() -> _Notifier | None:
    return _notifier


def report_exception(exc_type: type[BaseException], exc: BaseException | None,
                     tb: TracebackType | None) -> str:
    """Log the sanitised report and show the dialog (on the GUI thread); returns the id."""
    error_id = new_error_id()
    report = build_report(exc_type, exc, tb, error_id)
    _log.error(_CRASH, Safe(type_name(exc_type)), Safe(error_id),
               Safe(" < ".join(reversed(frames(tb)))))
    known = exc if isinstance(exc, KnownError) else None
    if _notifier is not None:
        _notifier.crashed.emit(error_id, report, known)
    else:
        # No GUI yet: the report (no message) on stderr is all we can do.
        print(report, file=sys.stderr)
    return error_id


def _excepthook(exc_type: type[BaseException], exc: BaseException | None,
                tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        app = QCoreApplication.instance()
        if app is not None:
            app.quit()
        return
    report_exception(exc_type, exc, tb)


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit:
        return
    report_exception(args.exc_type, args.exc_value, args.exc_traceback)


def install() -> None:
    """Install the hooks; call once, first thing in ``run`` (before any QApplication)."""
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook


def attach_gui() -> None:
    """Once the QApplication exists: route reports to a dialog on the GUI thread."""
    global _notifier
    app = QCoreApplication.instance()
    if _notifier is None and app is not None:
        _notifier = _Notifier()
        if _notifier.thread() is not app.thread() and QThread.currentThread() is not None:
            _notifier.moveToThread(app.thread())


def detach_gui() -> None:
    global _notifier
    if _notifier is not None:
        if _notifier.dialog is not None:
            _notifier.dialog.deleteLater()
        _notifier.deleteLater()
    _notifier = None


_fault_file: IO[str] | None = None


def enable_faulthandler(folder: Path | None) -> None:
    """A hard crash (segfault in a C library) writes stacks only, into the log folder."""
    global _fault_file
    if folder is None or _fault_file is not None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        _fault_file = open(folder / "faults.log", "a", encoding="utf-8")  # noqa: SIM115
    except OSError:
        return
    faulthandler.enable(_fault_file, all_threads=True)
