"""Patterns over time: the feelings recorded for one client, session after session, as dots on
one row per feeling (bigger for stronger), so recurring reactions stand out. QtCharts draws it
when the module is there; otherwise a small painted chart does the same."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMargins, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from ...journal.models import FeelingPoint
from ...supervision.patterns import feeling_rows, recurring
from ..widgets import EmptyState
from .labels import feeling_label, intensity_label

try:  # QtCharts is an optional part of some PySide6 builds
    from PySide6.QtCharts import QCategoryAxis, QChart, QChartView, QScatterSeries, QValueAxis
    HAVE_QTCHARTS = True
except ImportError:  # pragma: no cover - depends on the PySide6 build
    HAVE_QTCHARTS = False

MARKER_SIZES = {1: 7.0, 2: 11.0, 3: 15.0}


def _dot_colour(palette: QPalette, intensity: int) -> QColor:
    colour = QColor(palette.color(QPalette.ColorRole.Highlight))
    colour.setAlphaF({1: 0.45, 2: 0.7, 3: 1.0}[intensity])
    return colour


def _layout(points: Sequence[FeelingPoint]) -> tuple[list[str], list[tuple[int, int, int]]]:
    """Rows (feelings, top first) and the dots as (session number, row, intensity)."""
    rows = feeling_rows(points)
    index = {f: i for i, f in enumerate(rows)}
    return rows, [(p.session_number, index[p.feeling], p.intensity) for p in points]


if HAVE_QTCHARTS:
    class ChartsPatterns(QChartView):
        """The QtCharts drawing: three scatter series, one per intensity."""

        def __init__(self, parent: QWidget | None = None) -> None:
            chart = QChart()
            chart.setBackgroundVisible(False)
            chart.setMargins(QMargins(0, 0, 0, 0))
            chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
            super().__init__(chart, parent)
            self.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.setMinimumHeight(160)
            self._points: list[FeelingPoint] = []

        def set_points(self, points: Sequence[FeelingPoint]) -> None:
            self._points = list(points)
            chart = self.chart()
            chart.removeAllSeries()
            for axis in chart.axes():
                chart.removeAxis(axis)
            if not points:
                return
            rows, dots = _layout(points)
            palette = self.palette()
            text = palette.color(QPalette.ColorRole.WindowText)
            grid = palette.color(QPalette.ColorRole.Mid)
            numbers = [n for n, _, _ in dots]
            x_axis = QValueAxis()
            x_axis.setRange(min(numbers) - 0.5, max(numbers) + 0.5)
            x_axis.setLabelFormat("%d")
            x_axis.setTickType(QValueAxis.TickType.TicksDynamic)
            x_axis.setTickAnchor(float(min(numbers)))
            span = max(numbers) - min(numbers)
            x_axis.setTickInterval(float(max(1, round(span / 8))))
            x_axis.setTitleText(self.tr("Session"))
            y_axis = QCategoryAxis()
            y_axis.setRange(-0.5, len(rows) - 0.5)
            y_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
            # Categories go in rising order of value: the bottom row first.
            for i, feeling in reversed(list(enumerate(rows))):
                y_axis.append(feeling_label(feeling), float(len(rows) - 1 - i))
            for axis in (x_axis, y_axis):
                axis.setLabelsColor(text)
                axis.setTitleBrush(text)
                axis.setGridLineColor(grid)
                axis.setLinePenColor(grid)
            chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
            for level in (1, 2, 3):
                series = QScatterSeries()
                series.setName(intensity_label(level))
                series.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeCircle)
                series.setMarkerSize(MARKER_SIZES[level])
                series.setColor(_dot_colour(palette, level))
                series.setBorderColor(Qt.GlobalColor.transparent)
                for number, row, intensity in dots:
                    if intensity == level:
                        series.append(float(number), float(len(rows) - 1 - row))
                chart.addSeries(series)
                series.attachAxis(x_axis)
                series.attachAxis(y_axis)
            chart.legend().setLabelColor(text)

        def drawn_points(self) -> list[tuple[float, float]]:
            """Every dot on the chart as (session number, row from the bottom)."""
            return [(p.x(), p.y()) for s in self.chart().series()
                    if isinstance(s, QScatterSeries) for p in s.points()]


class PaintedPatterns(QWidget):
    """The same chart drawn with QPainter, for PySide6 builds without QtCharts."""

    LEFT_MIN = 80
    ROW = 22

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[str] = []
        self._dots: list[tuple[int, int, int]] = []
        self.setMinimumHeight(160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_points(self, points: Sequence[FeelingPoint]) -> None:
        self._rows, self._dots = _layout(points)
        self.update()

    def drawn_points(self) -> list[tuple[float, float]]:
        rows = len(self._rows)
        return [(float(n), float(rows - 1 - r)) for n, r, _ in self._dots]

    def paintEvent(self, _event: object) -> None:
        if not self._dots:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        metrics = self.fontMetrics()
        labels = [feeling_label(f) for f in self._rows]
        left = max([self.LEFT_MIN, *(metrics.horizontalAdvance(t) + 12 for t in labels)])
        bottom = metrics.height() + 8
        plot = QRectF(left, 6, max(self.width() - left - 10, 10),
                      max(self.height() - bottom - 12, 10))
        numbers = [n for n, _, _ in self._dots]
        low, high = min(numbers) - 0.5, max(numbers) + 0.5
        row_height = plot.height() / len(self._rows)

        def x_of(number: float) -> float:
            return plot.left() + (number - low) / (high - low) * plot.width()

        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid)))
        for i, label in enumerate(labels):
            y = plot.top() + (i + 0.5) * row_height
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            painter.drawText(QRectF(0, y - row_height / 2, left - 8, row_height),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid)))
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        step = max(1, round((max(numbers) - min(numbers)) / 8))
        for number in range(min(numbers), max(numbers) + 1, step):
            painter.drawText(QRectF(x_of(number) - 20, plot.bottom() + 4, 40, bottom),
                             Qt.AlignmentFlag.AlignHCenter, str(number))
        painter.setPen(Qt.PenStyle.NoPen)
        for number, row, intensity in self._dots:
            painter.setBrush(_dot_colour(palette, intensity))
            radius = MARKER_SIZES[intensity] / 2
            painter.drawEllipse(QPointF(x_of(number), plot.top() + (row + 0.5) * row_height),
                                radius, radius)
        painter.end()


class PatternsView(QWidget):
    """The chart for one client, a line naming the feelings that recur, and an empty state
    saying how to record feelings."""

    def __init__(self, parent: QWidget | None = None, *, use_qtcharts: bool = True) -> None:
        super().__init__(parent)
        self.chart: QWidget = (ChartsPatterns(self) if use_qtcharts and HAVE_QTCHARTS
                               else PaintedPatterns(self))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.empty = EmptyState(self.tr(
            "No feelings recorded for this client yet. After a session, click the feelings "
            "you noticed above (once: slight, twice: clear, three times: strong). Session "
            "after session they appear here, so reactions that keep coming back stand out."),
            parent=self)
        self._stack = QStackedWidget(self)
        body = QWidget(self._stack)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.summary)
        column.addWidget(self.chart, 1)
        self._stack.addWidget(self.empty)
        self._stack.addWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)
        self._points: list[FeelingPoint] = []

    @property
    def points(self) -> list[FeelingPoint]:
        return list(self._points)

    def set_points(self, points: Sequence[FeelingPoint]) -> None:
        self._points = list(points)
        self.chart.set_points(points)  # type: ignore[attr-defined]
        frequent = recurring(points)
        if frequent:
            # recurring() means three sessions or more: the plural is always right.
            names = [self.tr("%1 (%2 sessions)").replace("%1", feeling_label(f))
                     .replace("%2", str(count)) for f, count in frequent]
            self.summary.setText(self.tr("Keeps coming back: %1").replace("%1",
                                                                         ", ".join(names)))
        else:
            self.summary.setText(self.tr("No feeling recorded in three sessions or more yet."))
        self._stack.setCurrentIndex(1 if points else 0)

    def drawn_points(self) -> list[tuple[float, float]]:
        return self.chart.drawn_points()  # type: ignore[attr-defined]
