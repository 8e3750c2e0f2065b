"""Viewing an evidence attachment inside the app, from the vault's bytes, with no plaintext
copy on disk: images in a label; PDFs with QtPdf when this PySide6 build has it. Without QtPdf
the dialog says so and offers an explicit "Save a copy…" (an unencrypted file the user chose
to make)."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...errors import KnownError
from ..error_text import error_text
from . import files

try:  # QtPdf ships in some PySide6 builds only (not in every wheel)
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView

    HAVE_QTPDF = True
except ImportError:  # not in every PySide6 wheel: the viewer explains and offers a copy
    HAVE_QTPDF = False

IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif", "image/bmp", "image/webp")
PDF_TYPE = "application/pdf"
OPEN_FILTER_EXTENSIONS = "*.pdf *.png *.jpg *.jpeg *.gif *.bmp *.webp"


class EvidenceViewer(QDialog):
    """Shows one attachment. ``shown`` says what is on screen: "image", "pdf" or "none"."""

    def __init__(self, filename: str, mime: str, data: bytes,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filename = filename
        self._data = data
        self.shown = "none"
        self.setWindowTitle(self.tr("Evidence"))
        self.resize(760, 640)
        layout = QVBoxLayout(self)

        self.name_label = QLabel(filename, self)
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.name_label)

        self.image_label: QLabel | None = None
        self._buffer: QBuffer | None = None
        body: QWidget | None = None
        if mime in IMAGE_TYPES or mime.startswith("image/"):
            body = self._image(data)
        elif mime == PDF_TYPE and HAVE_QTPDF:
            body = self._pdf(data)
        if body is None:
            body = self._explain(mime)
        layout.addWidget(body, 1)

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.hide()
        layout.addWidget(self.status)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = QPushButton(self.tr("&Save a copy…"), self)
        self.save_button.setAccessibleName(self.tr("Save a copy"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.save_copy)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if self.shown == "none":
            self.resize(560, 220)  # a few lines of explanation, not an empty page

    def _image(self, data: bytes) -> QWidget | None:
        image = QImage.fromData(data)
        if image.isNull():
            return None
        self.image_label = QLabel(self)
        self.image_label.setPixmap(QPixmap.fromImage(image))
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_label.setAccessibleName(self.tr("Attached image"))
        scroll = QScrollArea(self)
        scroll.setWidget(self.image_label)
        scroll.setWidgetResizable(True)
        self.shown = "image"
        return scroll

    def _pdf(self, data: bytes) -> QWidget | None:
        # The document reads from memory (a QBuffer): the bytes never touch the disk.
        self._bytes = QByteArray(data)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument(self)
        document.load(self._buffer)
        if document.status() != QPdfDocument.Status.Ready:
            return None
        self.document = document
        view = QPdfView(self)
        view.setAccessibleName(self.tr("Attached PDF"))
        view.setDocument(document)
        view.setPageMode(QPdfView.PageMode.MultiPage)
        view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.shown = "pdf"
        return view

    def _explain(self, mime: str) -> QWidget:
        if mime == PDF_TYPE and HAVE_QTPDF:
            text = self.tr(
                "This PDF could not be read here (it may be damaged or protected). To try "
                "another program, save a copy. The copy is not encrypted: delete it when you "
                "no longer need it.")
        elif mime == PDF_TYPE:
            text = self.tr(
                "This copy of the application cannot show PDF files itself (its Qt has no PDF "
                "module). To read the certificate, save a copy and open it in another program. "
                "The copy is not encrypted: it stays readable by anyone with access to this "
                "computer until you delete it, and a PDF reader may keep it in its list of "
                "recent files.")
        else:
            text = self.tr(
                "This kind of file cannot be shown inside the application. To read it, save a "
                "copy and open it in another program. The copy is not encrypted: delete it "
                "when you no longer need it.")
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        label.setObjectName("trade_off")
        self.explanation = label
        return label

    def save_copy(self) -> None:
        path = files.ask_save_path(self, self.tr("Save a copy of the evidence"), self._filename,
                                   self.tr("All files (*)"))
        if path is None:
            return
        try:
            files.save_bytes(path, self._data)
        except KnownError as exc:
            self.status.setText(error_text(exc))
        else:
            self.status.setText(self.tr("Copy saved as %1. It is not encrypted.")
                                .replace("%1", path.name))
        self.status.show()
