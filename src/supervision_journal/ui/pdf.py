"""HTML → PDF with Qt (QTextDocument on a QPdfWriter), in memory.

Used by every PDF the app writes (supervision export, renewal report, access request). The
document carries no metadata that could name anyone: a neutral title, our creator string, no
author. Works without a window: on the command line an offscreen QGuiApplication is created.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from .. import APP_NAME

_RESOLUTION = 300
_FOOTER_MM = 12


def ensure_gui_application() -> QGuiApplication:
    """The PDF writer needs fonts, hence a QGuiApplication; on the command line make an
    offscreen one (no display needed)."""
    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([APP_NAME])
    return app  # type: ignore[return-value]


def html_to_pdf(html: str, *, title: str = "Supervision Journal", footer: str = "") -> bytes:
    """Render ``html`` to A4 PDF bytes with page numbers ("footer · 3/7")."""
    ensure_gui_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(_RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(20, 18, 20, 12), QPageLayout.Unit.Millimeter))
    writer.setTitle(title)
    writer.setCreator(APP_NAME)
    writer.setAuthor("")

    painter = QPainter(writer)
    page = writer.pageLayout().paintRectPixels(_RESOLUTION)
    footer_px = _FOOTER_MM / 25.4 * _RESOLUTION
    body_height = page.height() - footer_px

    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    font = QFont()
    font.setPointSizeF(10.5)
    doc.setDefaultFont(font)
    doc.setHtml(html)
    doc.setPageSize(QSizeF(page.width(), body_height))
    pages = max(1, doc.pageCount())

    small = QFont(font)
    small.setPointSizeF(8)
    for index in range(pages):
        if index:
            writer.newPage()
        painter.save()
        painter.translate(0, -index * body_height)
        doc.drawContents(painter, QRectF(0, index * body_height, page.width(), body_height))
        painter.restore()
        painter.setFont(small)
        label = f"{footer} · {index + 1}/{pages}" if footer else f"{index + 1}/{pages}"
        painter.drawText(QRectF(0, body_height, page.width(), footer_px),
                         int(Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag.AlignBottom), label)
    painter.end()
    buffer.close()
    return bytes(data.data())
