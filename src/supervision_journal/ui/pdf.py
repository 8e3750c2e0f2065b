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
    QTextBlock,
    QTextCursor,
    QTextDocument,
)

from .. import APP_NAME

_RESOLUTION = 300
_FOOTER_MM = 12
_MAX_SPLIT_PASSES = 4


def ensure_gui_application() -> QGuiApplication:
    """The PDF writer needs fonts, hence a QGuiApplication; on the command line make an
    offscreen one (no display needed)."""
    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([APP_NAME])
    return app  # type: ignore[return-value]


def _split_paragraphs_at_page_breaks(doc: QTextDocument, page_height: float) -> None:
    """End every paragraph that runs over a page break at the break, and go on in a new one.

    Qt draws a page by clipping, and it also draws the line just above the clip when that
    line's paragraph continues on the page: the picture is clipped away, but the PDF text
    layer keeps that line a second time, so copying or searching the PDF finds it twice. A
    paragraph that no longer crosses the break is skipped whole on the other page.
    """
    for _ in range(_MAX_SPLIT_PASSES):
        # Splitting at a line that already starts a page leaves the layout as it was, so one
        # pass finds nearly every break; later passes catch the few that moved.
        breaks = _page_breaks_inside_paragraphs(doc, page_height)
        if not breaks:
            return
        edit = QTextCursor(doc)
        edit.beginEditBlock()  # one relayout for all the splits, not one per split
        for block, position in reversed(breaks):  # from the end: positions stay valid
            _split_block(doc, block, position)
        edit.endEditBlock()


def _page_breaks_inside_paragraphs(doc: QTextDocument,
                                   page_height: float) -> list[tuple[QTextBlock, int]]:
    layout = doc.documentLayout()
    # Qt lays documents out lazily, in chunks; measuring a half-laid-out document loses the
    # later pages. pageCount() finishes the layout first.
    doc.pageCount()
    found = []
    block = doc.begin()
    while block.isValid():
        lines = block.layout()
        top = layout.blockBoundingRect(block).top()
        first_page = None
        for index in range(lines.lineCount()):
            line = lines.lineAt(index)
            page = int((top + line.y()) // page_height)
            if first_page is None:
                first_page = page
            elif page != first_page:
                found.append((block, block.position() + line.textStart()))
                break
        block = block.next()
    return found


def _split_block(doc: QTextDocument, block: QTextBlock, position: int) -> None:
    cursor = QTextCursor(doc)
    cursor.setPosition(position)
    cursor.insertBlock()
    # The two halves read as one paragraph: no space between them, no second indent, and
    # no second bullet when the paragraph is a list item.
    before = block.blockFormat()
    before.setBottomMargin(0)
    QTextCursor(block).setBlockFormat(before)
    after_block = block.next()
    listed = after_block.textList()
    if listed is not None:
        listed.remove(after_block)
    after = after_block.blockFormat()
    after.setTopMargin(0)
    after.setTextIndent(0)
    QTextCursor(after_block).setBlockFormat(after)


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
    _split_paragraphs_at_page_breaks(doc, body_height)
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
