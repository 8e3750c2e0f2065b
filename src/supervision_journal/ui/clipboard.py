"""Clipboard hygiene (design.md §5.3): text copied from a note carries "do not keep" hints for
clipboard managers, and is cleared after 30 s if it is still ours, and on lock or quit."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QMimeData, QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

CLEAR_AFTER_MS = 30_000

# Hints understood by KDE Klipper, macOS pasteboard managers and Windows clipboard history.
_SECRET_HINTS: dict[str, bytes] = {
    "x-kde-passwordManagerHint": b"secret",
    "application/x-nspasteboard-concealed-type": b"",
    "org.nspasteboard.ConcealedType": b"",
    "ExcludeClipboardContentFromMonitorProcessing": b"\x01\x00\x00\x00",
    "CanIncludeInClipboardHistory": b"\x00\x00\x00\x00",
    "CanUploadToCloudClipboard": b"\x00\x00\x00\x00",
}


def add_secret_hints(mime: QMimeData) -> QMimeData:
    for fmt, value in _SECRET_HINTS.items():
        mime.setData(fmt, QByteArray(value))
    return mime


class ClipboardGuard(QObject):
    """Remembers what we put on the clipboard and takes it back in time.

    One instance per application (``ClipboardGuard.instance()``); editors register through
    ``SecureTextEdit``/``SecureLineEdit`` or call ``copied(text)`` themselves.
    """

    _instance: ClipboardGuard | None = None

    def __init__(self, clear_after_ms: int = CLEAR_AFTER_MS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self._ours: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(clear_after_ms)
        self._timer.timeout.connect(self.clear_if_ours)
        self._clock = clock

    @classmethod
    def instance(cls) -> ClipboardGuard:
        if cls._instance is None:
            cls._instance = ClipboardGuard()
        return cls._instance

    @property
    def holds_ours(self) -> bool:
        return self._ours is not None and self._clipboard_text() == self._ours

    def copied(self, text: str) -> None:
        """Called after note text was put on the clipboard."""
        self._ours = text
        self._timer.start()

    def clear_if_ours(self) -> None:
        """Clear the clipboard (and X11 selection) only if it still holds what we put there:
        never destroy something the user copied from another app since."""
        clipboard = QGuiApplication.clipboard()
        if self._ours is not None:
            for mode in (QClipboard.Mode.Clipboard, QClipboard.Mode.Selection):
                if clipboard.text(mode) == self._ours:
                    clipboard.clear(mode)
        self._ours = None
        self._timer.stop()

    @staticmethod
    def _clipboard_text() -> str:
        return QGuiApplication.clipboard().text()


class SecureTextEdit(QPlainTextEdit):
    """A plain-text editor whose copies carry secret hints and are cleared by the guard."""

    def createMimeDataFromSelection(self) -> QMimeData:
        mime = add_secret_hints(super().createMimeDataFromSelection())
        ClipboardGuard.instance().copied(mime.text())
        return mime

    def wipe(self) -> None:
        """Drop the text and the undo history (a colleague must not Ctrl+Z it back)."""
        self.setPlainText("")
        self.document().clearUndoRedoStacks()


class SecureLineEdit(QLineEdit):
    """A line edit for sensitive short text (pseudonyms, identity terms)."""

    def wipe(self) -> None:
        # setText drops the undo history; clear() would leave the text one Ctrl+Z away.
        self.setText("")
        self.setModified(False)


def wipe_tree(root: QWidget) -> None:
    """Clear every secure editor below ``root`` (used before a window is destroyed on lock)."""
    for edit in root.findChildren(SecureTextEdit):
        edit.wipe()
    for line in root.findChildren(SecureLineEdit):
        line.wipe()
