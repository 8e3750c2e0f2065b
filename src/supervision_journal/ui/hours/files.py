"""File dialogs and writes of the Hours page, with nothing remembered: non-native dialogs with
an empty history and no path kept anywhere (QSettings included), writes through QSaveFile so a
crash never leaves half a file under the chosen name."""

from __future__ import annotations

import mimetypes
from pathlib import Path

from PySide6.QtCore import QDir, QSaveFile
from PySide6.QtWidgets import QFileDialog, QWidget

from ...errors import KnownError


def _dialog(parent: QWidget | None, title: str, name_filter: str) -> QFileDialog:
    dialog = QFileDialog(parent, title)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setHistory([])
    dialog.setDirectory(QDir.homePath())
    dialog.setNameFilter(name_filter)
    return dialog


def ask_open_path(parent: QWidget | None, title: str, name_filter: str) -> Path | None:
    dialog = _dialog(parent, title, name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])


def ask_save_path(parent: QWidget | None, title: str, default_name: str,
                  name_filter: str) -> Path | None:
    dialog = _dialog(parent, title, name_filter)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.selectFile(default_name)
    suffix = Path(default_name).suffix.lstrip(".")
    if suffix:
        dialog.setDefaultSuffix(suffix)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])


def save_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` all or nothing (QSaveFile: a temporary, then a rename).

    Safe to call from a worker thread. Errors are ``KnownError`` without the path's folders
    (they may name a person); the file name alone is enough to act on."""
    out = QSaveFile(str(path))
    if not out.open(QSaveFile.OpenModeFlag.WriteOnly):
        raise KnownError("Cannot write {name}: {reason}.", name=path.name,
                         reason=out.errorString())
    written = out.write(data)
    if written != len(data):
        out.cancelWriting()
        raise KnownError("Cannot write {name}: {reason}.", name=path.name,
                         reason=out.errorString())
    if not out.commit():
        raise KnownError("Cannot write {name}: {reason}.", name=path.name,
                         reason=out.errorString())


def guess_mime(name: str) -> str:
    mime, _ = mimetypes.guess_type(name)
    return mime or "application/octet-stream"
