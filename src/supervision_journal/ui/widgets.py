"""Small widgets and helpers shared by the journal screens: colours for the two approval states,
an empty-state block, a rich-text item delegate for search snippets, locale-aware formatting."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ..journal.models import HIT_END, HIT_START

# One accent colour says "shared in supervision"; amber says "changed since approval". Both read
# on light and dark palettes (the badge carries its own dark text on an amber fill).
ACCENT = QColor("#2e7d6b")
AMBER = QColor("#f0b429")
AMBER_TEXT = QColor("#3d2a00")



def accent_text(palette: QPalette) -> QColor:
    """The accent as text colour: lightened on a dark background so it stays readable."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return ACCENT.lighter(170) if dark else ACCENT


# QT_TRANSLATE_NOOP marks the strings for lupdate; translate() looks them up at run time.
_MODALITIES = {
    "in_person": QT_TRANSLATE_NOOP("Modality", "In person"),
    "video": QT_TRANSLATE_NOOP("Modality", "Video"),
    "phone": QT_TRANSLATE_NOOP("Modality", "Phone"),
}


def modality_label(code: str) -> str:
    """The translated name of a modality code (in_person, video, phone)."""
    source = _MODALITIES.get(code)
    return QCoreApplication.translate("Modality", source) if source else code


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def scrolling_page(page: QWidget) -> tuple[QWidget, QVBoxLayout]:
    """The frame of a page that reads like a document (Backups, Privacy): a borderless scroll
    area filling ``page`` around a body at most 900 px wide; returns the body and its layout."""
    scroll = QScrollArea(page)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    body = QWidget(scroll)
    body.setMaximumWidth(900)  # long lines are hard to read on a wide screen
    scroll.setWidget(body)
    layout = QVBoxLayout(body)
    layout.setContentsMargins(16, 12, 16, 16)
    layout.setSpacing(12)
    return body, layout


def format_date(value: date | None) -> str:
    """A short date in the user's language ("12 Nov 2026"); an em dash when there is none."""
    if value is None:
        return "—"
    # Month names and the words follow the locale; day-month-year order reads well in both
    # English and French.
    return QLocale().toString(to_qdate(value), "d MMM yyyy")


def snippet_html(snippet: str) -> str:
    """An FTS5 snippet (matches between HIT_START/HIT_END) as escaped HTML with the matches
    emphasised. Escaping first means note text can never inject markup into the list."""
    escaped = html.escape(snippet.replace("\n", " "), quote=False)
    return escaped.replace(HIT_START, "<b><u>").replace(HIT_END, "</u></b>")


def snippet_plain(snippet: str) -> str:
    return snippet.replace(HIT_START, "").replace(HIT_END, "").replace("\n", " ")


def first_hit(snippet: str) -> str | None:
    """The first matched term of a snippet, as it is spelt in the note."""
    start = snippet.find(HIT_START)
    end = snippet.find(HIT_END, start + 1)
    if start < 0 or end < 0:
        return None
    return snippet[start + 1:end] or None


class EmptyState(QWidget):
    """A calm sentence and, when there is something to do, one button that does it."""

    def __init__(self, message: str, button_text: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 24, 16, 24)
        layout.addStretch(1)
        self.label = QLabel(message, self)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(self.label)
        self.button: QPushButton | None = None
        if button_text:
            self.button = QPushButton(button_text, self)
            self.button.setAccessibleName(button_text.replace("&", ""))
            layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def set_message(self, message: str) -> None:
        self.label.setText(message)


class HtmlDelegate(QStyledItemDelegate):
    """Paints an item's ``html_role`` as rich text (search results with highlighted matches).
    The display role stays plain text, which is what screen readers and keyboard search use."""

    def __init__(self, html_role: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._role = html_role

    def _document(self, option: QStyleOptionViewItem,
                  index: QModelIndex | QPersistentModelIndex) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(6)
        doc.setHtml(index.data(self._role) or "")
        doc.setTextWidth(max(option.rect.width(), 120))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget else QApplication.style()
        doc = self._document(opt, index)
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(opt.rect.translated(-opt.rect.topLeft()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        if opt.widget is not None:
            opt.rect.setWidth(opt.widget.viewport().width())
        doc = self._document(opt, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()))
