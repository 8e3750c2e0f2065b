"""Native style and the system palette; light or dark on request.

By default the app follows the system's colour scheme (Qt does this itself). "Light" and
"dark" ask Qt for that scheme; where the platform cannot switch (some Linux desktops, the
offscreen platform) an explicit palette is set instead.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

# The two colours with a meaning (shared in supervision, changed since approval) live in
# widgets.py; everything else comes from the palette.


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def dark_palette() -> QPalette:
    """A plain dark palette for platforms that cannot switch scheme themselves."""
    p = QPalette()
    window, base, text = QColor(45, 45, 48), QColor(30, 30, 32), QColor(230, 230, 230)
    disabled = QColor(130, 130, 130)
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor(38, 38, 41),
        QPalette.ColorRole.ToolTipBase: window,
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: QColor(150, 150, 150),
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: QColor(53, 53, 56),
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor(255, 90, 90),
        QPalette.ColorRole.Link: QColor(110, 170, 230),
        QPalette.ColorRole.LinkVisited: QColor(170, 140, 230),
        QPalette.ColorRole.Highlight: QColor(42, 122, 176),
        QPalette.ColorRole.HighlightedText: QColor(255, 255, 255),
        QPalette.ColorRole.Light: QColor(75, 75, 78),
        QPalette.ColorRole.Midlight: QColor(62, 62, 65),
        QPalette.ColorRole.Mid: QColor(40, 40, 42),
        QPalette.ColorRole.Dark: QColor(25, 25, 27),
        QPalette.ColorRole.Shadow: QColor(0, 0, 0),
    }
    for role, colour in roles.items():
        p.setColor(role, colour)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return p


class VisibleIndicators(QProxyStyle):
    """Fusion with check boxes and radio buttons that can be seen on a dark palette.

    Fusion outlines an indicator with the window colour darkened, which on a dark palette is
    darker than the field it frames: an unticked box in a list (what is *not* shared) all but
    vanishes. A second outline in the placeholder-text colour makes it visible again.
    """

    _BOXES = (QStyle.PrimitiveElement.PE_IndicatorCheckBox,
              QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck)

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,
                      painter: QPainter, widget: QWidget | None = None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        radio = element == QStyle.PrimitiveElement.PE_IndicatorRadioButton
        if not (radio or element in self._BOXES) or not is_dark(option.palette):
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, radio)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(option.palette.color(QPalette.ColorRole.PlaceholderText), 1))
        rect = option.rect.adjusted(0, 0, -1, -1)
        if radio:
            painter.drawEllipse(rect.adjusted(1, 1, -1, -1))
        else:
            painter.drawRect(rect)
        painter.restore()


def install_style(app: QApplication) -> None:
    """Wrap Fusion (Linux's usual style, and the offscreen one) once; native styles of other
    platforms draw their own indicators and are left alone."""
    style = app.style()
    if isinstance(style, VisibleIndicators) or style.name().lower() != "fusion":
        return
    app.setStyle(VisibleIndicators("Fusion"))


_overridden = False


def apply(choice: str) -> None:
    """Apply "system", "light" or "dark" to the running application."""
    global _overridden
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    hints = QGuiApplication.styleHints()
    if _overridden:
        # An empty palette resolves to the platform's own again.
        app.setPalette(QPalette())
        _overridden = False
    if choice not in ("light", "dark"):
        hints.unsetColorScheme()
        return
    want_dark = choice == "dark"
    hints.setColorScheme(Qt.ColorScheme.Dark if want_dark else Qt.ColorScheme.Light)
    if is_dark(app.palette()) != want_dark:
        # The platform ignored the request: set the palette ourselves.
        app.setPalette(dark_palette() if want_dark else app.style().standardPalette())
        _overridden = True
