"""Hours per month by kind: stacked bars with QtCharts when this PySide6 has it, otherwise a
small painted chart with the same content (so the dashboard never depends on an add-on).

Both take ``MonthHours`` values (hours/progress.py) and follow the palette, light or dark.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from ...hours.models import ACTIVITY_KINDS
from ...hours.progress import MonthHours
from .labels import kind_label

try:
    from PySide6.QtCharts import (
        QBarCategoryAxis,
        QBarSet,
        QChart,
        QChartView,
        QStackedBarSeries,
        QValueAxis,
    )

    HAVE_QTCHARTS = True
except ImportError:  # pragma: no cover - depends on the installed PySide6
    HAVE_QTCHARTS = False

# Muted colours that stay apart on light and dark backgrounds, one per kind.
KIND_COLOURS: dict[str, QColor] = {
    kind: QColor(code) for kind, code in zip(ACTIVITY_KINDS, (
        "#2e7d6b", "#5aa897", "#8e6cc0", "#d08c2b", "#c0504d", "#e07b91", "#4f81bd",
        "#7fa7d8", "#9b7b4f", "#7a8a99", "#b5b5b5", "#999999", "#a3a86b"), strict=True)}


def month_label(month: MonthHours, first: bool) -> str:
    locale = QLocale()
    name = locale.standaloneMonthName(month.month.month, QLocale.FormatType.ShortFormat)
    if first or month.month.month == 1:
        return f"{name} {month.month.year}"
    return name


def axis_labels(months: Sequence[MonthHours]) -> list[str]:
    """Month labels for a category axis, which needs them distinct: the same month of a later
    year gets invisible zero-width spaces (it reads the same, the year is on its January)."""
    first_year = months[0].month.year if months else 0
    # QtCharts renders axis labels as rich text: the year goes under its month.
    return [month_label(m, i == 0).replace(" ", "<br>") + "\u200b" * (m.month.year - first_year)
            for i, m in enumerate(months)]


def kinds_present(months: Sequence[MonthHours]) -> list[str]:
    seen = {k for m in months for k, v in m.hours.items() if v > 0}
    return [k for k in ACTIVITY_KINDS if k in seen]


def grid_colour(palette: QPalette) -> QColor:
    """Faint lines in the text colour: visible on light and dark backgrounds alike."""
    colour = QColor(palette.color(QPalette.ColorRole.WindowText))
    colour.setAlpha(60)
    return colour


def scale(top: float) -> tuple[float, float]:
    """The axis maximum and a round tick step for the largest bar (at most 6 intervals)."""
    for step in (0.5, 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if top <= step * 6:
            return max(step, math.ceil(top / step) * step), float(step)
    step = 10 ** math.ceil(math.log10(top / 6))
    return math.ceil(top / step) * step, float(step)


class HoursChart(QWidget):
    """The chart widget the dashboard holds; ``set_months`` redraws it."""

    def __init__(self, parent: QWidget | None = None, *, use_qtcharts: bool = HAVE_QTCHARTS
                 ) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Hours per month by kind"))
        self.setMinimumHeight(260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.months: tuple[MonthHours, ...] = ()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.uses_qtcharts = use_qtcharts
        if use_qtcharts:
            self._chart = QChart()
            self.view: QWidget = QChartView(self._chart, self)
            self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        else:
            self.view = _PaintedChart(self)
        layout.addWidget(self.view)

    def set_months(self, months: Sequence[MonthHours]) -> None:
        self.months = tuple(months)
        if self.uses_qtcharts:
            self._fill_chart()
        else:
            assert isinstance(self.view, _PaintedChart)
            self.view.update()
        summary = ", ".join(
            f"{month_label(m, True)}: {QLocale().toString(m.total, 'f', 1)}"
            for m in self.months if m.total > 0)
        self.setAccessibleDescription(summary)

    def _fill_chart(self) -> None:
        # A fresh chart each time: axes removed from a live QChart can linger on screen.
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        chart.setBackgroundBrush(palette.color(QPalette.ColorRole.Base))
        chart.setBackgroundRoundness(0)
        chart.legend().setLabelColor(text)
        series = QStackedBarSeries()
        for kind in kinds_present(self.months):
            bar = QBarSet(kind_label(kind))
            bar.setColor(KIND_COLOURS[kind])
            bar.setBorderColor(KIND_COLOURS[kind])
            bar.append([m.hours.get(kind, 0.0) for m in self.months])
            series.append(bar)
        series.setBarWidth(0.7)
        chart.addSeries(series)
        x = QBarCategoryAxis()
        x.append(axis_labels(self.months))
        x.setLabelsColor(text)
        x.setGridLineVisible(False)
        top, step = scale(max((m.total for m in self.months), default=0.0))
        y = QValueAxis()
        y.setRange(0, top)
        y.setTickCount(round(top / step) + 1)
        y.setLabelFormat("%.0f h" if step >= 1 else "%.1f h")
        y.setLabelsColor(text)
        y.setGridLineColor(grid_colour(palette))
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)
        chart.legend().setVisible(series.count() > 0)
        assert isinstance(self.view, QChartView)
        old = self.view.chart()
        self.view.setChart(chart)
        self._chart = chart
        if old is not None:
            old.deleteLater()


class _PaintedChart(QWidget):
    """The same stacked bars drawn with QPainter (no QtCharts)."""

    def __init__(self, owner: HoursChart) -> None:
        super().__init__(owner)
        self._owner = owner

    def paintEvent(self, event: QPaintEvent) -> None:
        months = self._owner.months
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        kinds = kinds_present(months)
        metrics = painter.fontMetrics()
        line = metrics.height()
        legend_rows = self._legend_rows(kinds, metrics.horizontalAdvance)
        left, right, top = metrics.horizontalAdvance("000 h") + 10, 10, 10
        bottom = line + 8 + len(legend_rows) * (line + 4)
        plot = QRectF(left, top, max(10, self.width() - left - right),
                      max(10, self.height() - top - bottom))
        maximum, step = scale(max((m.total for m in months), default=0.0))
        painter.setPen(QPen(grid_colour(palette), 1))
        for tick in range(round(maximum / step) + 1):
            y = plot.bottom() - plot.height() * tick * step / maximum
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            painter.drawText(QRectF(0, y - line / 2, left - 6, line),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             f"{tick * step:g} h")
            painter.setPen(QPen(grid_colour(palette), 1))
        if months:
            slot = plot.width() / len(months)
            every = max(1, int(metrics.horizontalAdvance("Mmm 00 ") // max(slot, 1)) + 1)
            for i, month in enumerate(months):
                x = plot.left() + i * slot + slot * 0.15
                y = plot.bottom()
                for kind in kinds:
                    value = month.hours.get(kind, 0.0)
                    if value <= 0:
                        continue
                    height = plot.height() * value / maximum
                    painter.fillRect(QRectF(x, y - height, slot * 0.7, height),
                                     KIND_COLOURS[kind])
                    y -= height
                if i % every == 0:
                    painter.setPen(text)
                    painter.drawText(QRectF(plot.left() + i * slot - slot, plot.bottom() + 4,
                                            slot * 3, line),
                                     int(Qt.AlignmentFlag.AlignHCenter),
                                     month_label(month, i == 0))
        y = plot.bottom() + line + 8
        for row in legend_rows:
            x = plot.left()
            for kind in row:
                painter.fillRect(QRectF(x, y + 3, line - 6, line - 6), KIND_COLOURS[kind])
                painter.setPen(text)
                label = kind_label(kind)
                painter.drawText(QPointF(x + line, y + metrics.ascent()), label)
                x += line + metrics.horizontalAdvance(label) + 16
            y += line + 4
        painter.end()

    def _legend_rows(self, kinds: list[str], advance: Callable[[str], int]) -> list[list[str]]:
        width = max(100, self.width() - 40)
        rows: list[list[str]] = [[]]
        used = 0
        for kind in kinds:
            needed = 30 + advance(kind_label(kind))
            if rows[-1] and used + needed > width:
                rows.append([])
                used = 0
            rows[-1].append(kind)
            used += needed
        return [r for r in rows if r]
