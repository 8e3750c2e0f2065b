"""A read-only viewer for sealed exports (``.age``): the supervisor's side, or a check of one's
own file. The file is decrypted in memory (off the GUI thread: a passphrase costs seconds of
scrypt) and shown; nothing decrypted is ever written to disk, and closing the viewer drops it.

A damaged, truncated or wrongly opened file shows nothing at all: age authenticates every chunk
and the end of the stream, and ``export.seal.open_sealed`` releases no partial plaintext.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QCloseEvent, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...errors import KnownError, WrongPassphrase
from ...export import seal
from ..clipboard import SecureLineEdit
from ..error_text import error_text
from ..tasks import run_in_background
from .files import file_dialog, read_file
from .preview import PreviewBrowser

PDF_MAGIC = b"%PDF-"


def pdf_text(data: bytes) -> str | None:
    """The text of a PDF through poppler's pdftotext, piped (no file), when it is installed."""
    tool = shutil.which("pdftotext")
    if tool is None:
        return None
    try:
        done = subprocess.run([tool, "-layout", "-enc", "UTF-8", "-", "-"], input=data,
                              capture_output=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.decode("utf-8", errors="replace") if done.returncode == 0 else None


def pdf_pages(data: bytes, width: int) -> list[QPixmap] | None:
    """The PDF's pages as images, in memory, when Qt's PDF module is available."""
    try:
        from PySide6.QtPdf import QPdfDocument
    except ImportError:
        return None
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    pages = []
    for page in range(document.pageCount()):
        size = document.pagePointSize(page)
        height = int(width * size.height() / max(size.width(), 1))
        pages.append(QPixmap.fromImage(document.render(page, QSize(width, height))))
    document.close()
    buffer.close()
    return pages


class SealedViewer(QDialog):
    """Choose a sealed file, give its passphrase or an age identity, read it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sealed export"))
        self.setObjectName("sealed_viewer")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._data: bytes | None = None
        self._busy = False

        self.file_label = QLabel(self.tr("No file chosen."), self)
        self.choose_button = QPushButton(self.tr("&Choose a file…"), self)
        self.choose_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.choose_button)

        self.mode = QButtonGroup(self)
        self.by_passphrase = QRadioButton(self.tr("With its &passphrase"), self)
        self.by_identity = QRadioButton(self.tr("With an age &identity (secret key)"), self)
        self.mode.addButton(self.by_passphrase)
        self.mode.addButton(self.by_identity)
        self.by_passphrase.setChecked(True)
        self.passphrase = SecureLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase of the sealed file"))
        self.identity = SecureLineEdit(self)
        self.identity.setEchoMode(QLineEdit.EchoMode.Password)
        self.identity.setPlaceholderText("AGE-SECRET-KEY-1…")
        self.identity.setAccessibleName(self.tr("age identity"))
        self.mode.buttonToggled.connect(self._mode_changed)
        form = QFormLayout()
        form.addRow(self.by_passphrase, self.passphrase)
        form.addRow(self.by_identity, self.identity)

        self.open_button = QPushButton(self.tr("&Open"), self)
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self.unlock)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumWidth(140)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Viewer status"))
        action_row = QHBoxLayout()
        action_row.addWidget(self.status, 1)
        action_row.addWidget(self.progress)
        action_row.addWidget(self.open_button)

        self.text = PreviewBrowser(self)
        self.text.setAccessibleName(self.tr("Content of the sealed file"))
        self.pages = QScrollArea(self)
        self.pages.setWidgetResizable(True)
        self.pages_box = QWidget(self.pages)
        self.pages_layout = QVBoxLayout(self.pages_box)
        self.pages.setWidget(self.pages_box)
        self.content = QStackedWidget(self)
        self.content.addWidget(self.text)
        self.content.addWidget(self.pages)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)

        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addLayout(form)
        layout.addLayout(action_row)
        layout.addWidget(self.content, 1)
        layout.addWidget(buttons)
        self._mode_changed()
        self._update()
        self.resize(760, 640)

    # -- choosing and loading --------------------------------------------------------------
    def choose_file(self) -> None:
        dialog = file_dialog(self, self.tr("Open a sealed export"), save=False,
                             name_filters=[self.tr("Sealed exports (*.age)"),
                                           self.tr("All files (*)")])
        dialog.fileSelected.connect(self.open_file)
        dialog.open()

    def open_file(self, path: str) -> None:
        try:
            data = read_file(path)
        except KnownError as exc:
            self._fail(exc)
            return
        self.load_bytes(data, Path(path).name)

    def load_bytes(self, data: bytes, name: str = "") -> None:
        self._clear_content()
        if not seal.is_sealed(data):
            self._data = None
            self.file_label.setText(self.tr("No file chosen."))
            self.status.setText(self.tr("This file is not a sealed export (age format)."))
            self._update()
            return
        self._data = data
        self.file_label.setText(self.tr("File: %1").replace("%1", name) if name
                                else self.tr("A sealed file is loaded."))
        self.status.setText(self.tr("Give its passphrase or an age identity, then Open."))
        (self.passphrase if self.by_passphrase.isChecked() else self.identity).setFocus()
        self._update()

    def _mode_changed(self, *_args: object) -> None:
        self.passphrase.setEnabled(self.by_passphrase.isChecked())
        self.identity.setEnabled(self.by_identity.isChecked())

    # -- decrypting ------------------------------------------------------------------------
    def unlock(self) -> None:
        if self._data is None or self._busy:
            return
        data = self._data
        if self.by_passphrase.isChecked():
            secret = self.passphrase.text()
            if not secret:
                self.status.setText(self.tr("Type the passphrase first."))
                return
            job = lambda: seal.open_sealed(data, passphrase=secret)  # noqa: E731
        else:
            identity = _identity_line(self.identity.text())
            if not identity:
                self.status.setText(self.tr("Paste an age identity (AGE-SECRET-KEY-1…)."))
                return
            job = lambda: seal.open_sealed(data, identity=identity)  # noqa: E731
        self._busy = True
        self.progress.show()
        self.status.setText(self.tr("Opening… (a passphrase takes a few seconds)"))
        self._update()
        run_in_background(job, self._opened, self._fail)

    def _opened(self, plain: bytes) -> None:
        if not shiboken6.isValid(self):
            return
        self._end_busy()
        self.passphrase.wipe()
        self.identity.wipe()
        if plain.startswith(PDF_MAGIC):
            self._show_pdf(plain)
        else:
            text = plain.decode("utf-8", errors="replace")
            if text.lstrip().lower().startswith("<html"):
                self.text.setHtml(text)
            else:
                self.text.setPlainText(text)
            self.content.setCurrentWidget(self.text)
            self.status.setText(self.tr("Opened. Nothing was written to disk; closing this "
                                        "window forgets the text."))

    def _show_pdf(self, plain: bytes) -> None:
        width = max(self.pages.viewport().width() - 24, 400)
        images = pdf_pages(plain, width)
        if images is not None:
            for image in images:
                label = QLabel(self.pages_box)
                label.setPixmap(image)
                self.pages_layout.addWidget(label)
            self.content.setCurrentWidget(self.pages)
            self.status.setText(self.tr("Opened (a PDF of %n pages). Nothing was written to "
                                        "disk.", "", len(images)))
            return
        text = pdf_text(plain)
        if text is not None:
            self.text.setPlainText(text)
            self.content.setCurrentWidget(self.text)
            self.status.setText(self.tr("Opened (the text of a PDF). Nothing was written to "
                                        "disk."))
        else:
            self.status.setText(self.tr("This sealed file holds a PDF, which this viewer cannot "
                                        "show here. Open it with an age tool and a PDF reader."))

    def _fail(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._end_busy()
        self._clear_content()
        if isinstance(exc, WrongPassphrase):
            text = self.tr("The sealed file does not open: wrong passphrase or key, or the file "
                           "was damaged or truncated. Nothing was shown.")
        elif isinstance(exc, KnownError):
            text = self.tr("The sealed file cannot be read: %1").replace("%1", error_text(exc))
        else:
            text = self.tr("The sealed file is damaged. Nothing was shown.")
        self.status.setText(text)

    def _end_busy(self) -> None:
        self._busy = False
        self.progress.hide()
        self._update()

    def _update(self) -> None:
        self.open_button.setEnabled(self._data is not None and not self._busy)
        self.choose_button.setEnabled(not self._busy)

    # -- forgetting ------------------------------------------------------------------------
    def _clear_content(self) -> None:
        self.text.wipe()
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()

    def shown_text(self) -> str:
        return self.text.toPlainText()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._clear_content()
        self._data = None
        self.passphrase.wipe()
        self.identity.wipe()
        super().closeEvent(event)


_IDENTITY = re.compile(r"AGE-SECRET-KEY-1[0-9A-Z]+", re.IGNORECASE)


def _identity_line(text: str) -> str:
    """The identity in what was pasted: a bare key, or a whole identity file (comments and
    public key included, possibly joined on one line by the paste)."""
    found = _IDENTITY.search(text)
    return found.group(0) if found else text.strip()
