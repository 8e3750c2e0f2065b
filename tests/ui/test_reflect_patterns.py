"""Patterns over time: the feelings recorded for a client, one dot per session and feeling
(bigger when stronger), one row per feeling with the most recurrent on top; QtCharts and the
painted fallback show the same points; an empty state says how to record feelings."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from supervision_journal.journal import store
from supervision_journal.ui.reflect import patterns_chart
from supervision_journal.ui.reflect.panel import ReflectPanel
from supervision_journal.ui.reflect.patterns_chart import PaintedPatterns, PatternsView

FEELINGS_BY_SESSION = [
    {"urge_to_rescue": 2, "fear": 1},
    {"urge_to_rescue": 3},
    {"boredom": 1},
    {"urge_to_rescue": 1, "boredom": 2},
    {},
    {"urge_to_rescue": 2, "boredom": 3, "fear": 2},
]


@pytest.fixture
def timeline(db):
    client = store.add_client(db, "Azalée")
    for n, feelings in enumerate(FEELINGS_BY_SESSION):
        session = store.add_session(db, client.id, date(2026, 3, 2) + timedelta(weeks=n))
        store.set_feelings(db, session.id, feelings)
    return client, store.feelings_timeline(db, client.id)


def expected_points() -> list[tuple[float, float]]:
    rows = ["urge_to_rescue", "boredom", "fear"]  # 4, 3 and 2 sessions: top to bottom
    return sorted((float(n), float(len(rows) - 1 - rows.index(feeling)))
                  for n, feelings in enumerate(FEELINGS_BY_SESSION, start=1)
                  for feeling in feelings)


@pytest.mark.parametrize("use_qtcharts", [True, False], ids=["qtcharts", "painted"])
def test_a_point_for_every_recorded_feeling(qtbot, timeline, use_qtcharts: bool) -> None:
    if use_qtcharts and not patterns_chart.HAVE_QTCHARTS:
        pytest.skip("this PySide6 build has no QtCharts")
    _client, points = timeline
    view = PatternsView(use_qtcharts=use_qtcharts)
    qtbot.addWidget(view)
    view.resize(640, 360)
    view.set_points(points)
    view.show()
    qtbot.waitExposed(view)
    assert sorted(view.drawn_points()) == expected_points()
    assert isinstance(view.chart, PaintedPatterns) != use_qtcharts
    assert view.summary.text() == ("Keeps coming back: Urge to rescue (4 sessions), "
                                   "Boredom (3 sessions)")
    assert not view.empty.isVisible()
    # The dots are really drawn, in the palette's highlight colour.
    QApplication.processEvents()
    image = view.chart.grab().toImage()
    highlight = view.palette().color(QPalette.ColorRole.Highlight)
    near = 0
    for x in range(0, image.width(), 2):
        for y in range(0, image.height(), 2):
            c = QColor(image.pixel(x, y))
            near += (abs(c.red() - highlight.red()) < 40 and abs(c.green() - highlight.green())
                     < 40 and abs(c.blue() - highlight.blue()) < 40)
    assert near > 30


def test_qtcharts_rows_are_labelled_with_translated_feelings(qtbot, timeline) -> None:
    if not patterns_chart.HAVE_QTCHARTS:
        pytest.skip("this PySide6 build has no QtCharts")
    from PySide6.QtCharts import QCategoryAxis, QScatterSeries

    _client, points = timeline
    view = PatternsView()
    qtbot.addWidget(view)
    view.set_points(points)
    [axis] = [a for a in view.chart.chart().axes() if isinstance(a, QCategoryAxis)]
    assert axis.categoriesLabels() == ["Fear", "Boredom", "Urge to rescue"]  # bottom up
    sizes = {s.name(): s.markerSize() for s in view.chart.chart().series()
             if isinstance(s, QScatterSeries)}
    assert sizes["slight"] < sizes["clear"] < sizes["strong"]
    strong = next(s for s in view.chart.chart().series() if s.name() == "strong")
    assert sorted((p.x(), p.y()) for p in strong.points()) == [(2.0, 2.0), (6.0, 1.0)]


def test_empty_state_explains_how_to_record_feelings(qtbot) -> None:
    view = PatternsView()
    qtbot.addWidget(view)
    view.set_points([])
    view.show()
    assert view.empty.isVisible()
    assert "click the feelings" in view.empty.label.text()
    assert view.drawn_points() == []


def test_panel_chart_follows_the_client_and_opens_larger(qtbot, db, timeline) -> None:
    client, _points = timeline
    panel = ReflectPanel(db)
    qtbot.addWidget(panel)
    panel.show()
    newest = store.list_sessions(db, client.id)[0]
    panel.set_session(newest.id)
    assert sorted(panel.patterns.drawn_points()) == expected_points()
    dialog = panel.show_larger_patterns()
    larger = dialog.findChild(PatternsView)
    assert sorted(larger.drawn_points()) == expected_points()
    dialog.close()
    other = store.add_client(db, "Kestrel")
    session = store.add_session(db, other.id, date(2026, 5, 1))
    panel.set_session(session.id)
    assert panel.patterns.drawn_points() == [] and panel.patterns.points == []
