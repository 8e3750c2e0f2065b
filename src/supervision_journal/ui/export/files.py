"""Files of the export page: neutral names, file dialogs that remember nothing, atomic writes.

A file name or a folder could name a client ("Azalée-notes.pdf", "~/Clients/Dupont/"): the
default name says only what and when (``supervision-20261127-3fa2.pdf``), and Qt's own record
of the dialog's folders (history, last folder visited, kept in QSettings under "QtProject") is
wiped as soon as a dialog is gone.
"""

from __future__ import annotations

import secrets
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDir, QIODevice, QSaveFile, QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

from ...errors import DiskFull, KnownError

EXTENSIONS = {"md": "md", "html": "html", "pdf": "pdf"}
SEALED_SUFFIX = ".age"


def neutral_name(fmt: str, sealed: bool, today: date | None = None,
                 token: str | None = None) -> str:
    """``supervision-YYYYMMDD-xxxx.ext`` (+ ``.age`` when sealed): nothing about anyone."""
    day = (today or date.today()).strftime("%Y%m%d")
    token = token or secrets.token_hex(2)
    return f"supervision-{day}-{token}.{EXTENSIONS[fmt]}" + (SEALED_SUFFIX if sealed else "")


def forget_dialog_folders() -> None:
    """Remove the folders Qt's file dialog writes to QSettings when it is destroyed."""
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.beginGroup("FileDialog")
    for key in ("history", "lastVisited"):
        settings.remove(key)
    settings.endGroup()
    settings.sync()


def file_dialog(parent: QWidget, title: str, *, save: bool, name: str = "",
                name_filters: list[str] | None = None) -> QFileDialog:
    """A Qt (not native) file dialog with no history, starting in the home folder.

    The caller connects ``fileSelected`` and calls ``open()``; the dialog deletes itself when
    closed and its folders are then forgotten.
    """
    dialog = QFileDialog(parent, title, QDir.homePath())
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setOption(QFileDialog.Option.DontUseCustomDirectoryIcons)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save
                         else QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if save
                       else QFileDialog.FileMode.ExistingFile)
    if save:
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, False)
    if name_filters:
        dialog.setNameFilters(name_filters)
    dialog.setHistory([])
    if name:
        dialog.selectFile(name)
    dialog.setObjectName("export_file_dialog")
    dialog.finished.connect(lambda _result: dialog.setHistory([]))
    dialog.finished.connect(dialog.deleteLater)
    dialog.destroyed.connect(lambda _obj=None: forget_dialog_folders())
    return dialog


def write_file(path: str, data: bytes) -> None:
    """Write ``data`` atomically (QSaveFile: a temporary file renamed over the target only when
    complete). Safe to call from a worker thread. Errors never name the path."""
    out = QSaveFile(path)
    if not out.open(QIODevice.OpenModeFlag.WriteOnly):
        raise KnownError("The file cannot be created there (no permission, or the folder is "
                         "gone). Nothing was written.")
    written = out.write(data)
    if written != len(data):
        out.cancelWriting()
        out.commit()
        raise DiskFull("The file could not be written completely (is the disk full?). "
                       "Nothing was written.")
    if not out.commit():
        raise KnownError("The file could not be saved (disk full, or no permission). Nothing "
                         "was written.")


def read_file(path: str, limit: int = 256 * 1024 * 1024) -> bytes:
    """Read a (sealed) file into memory; refuses absurd sizes rather than filling memory."""
    file = Path(path)
    try:
        if file.stat().st_size > limit:
            raise KnownError("This file is too large to be a sealed export.")
        return file.read_bytes()
    except OSError:
        raise KnownError("The file cannot be read (missing, or no permission).") from None


