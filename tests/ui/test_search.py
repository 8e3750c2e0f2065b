"""The search panel: as-you-type with a debounce, filters, numbering, bounded results, and
opening reflections."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from supervision_journal.journal import store
from supervision_journal.ui import search_panel as search_module
from supervision_journal.ui.main_window import MainWindow
from supervision_journal.ui.search_panel import (
    DEBOUNCE_MS,
    LIVE_LIMIT_MS,
    RESULT_LIMIT,
    SearchPanel,
)
from supervision_journal.ui.widgets import first_hit, snippet_html


@pytest.fixture
def practice(db):
    """Two clients, tagged sessions across two months, one reflection."""
    azalee = store.add_client(db, "Azalée")
    kestrel = store.add_client(db, "Kestrel")
    a1 = store.add_session(db, azalee.id, date(2026, 10, 1), tags=["sleep"],
                           sections={"process": "She slept badly, dreams of water."})
    a2 = store.add_session(db, azalee.id, date(2026, 11, 5),
                           sections={"plan": "Keep a dream diary."})
    k1 = store.add_session(db, kestrel.id, date(2026, 11, 6), tags=["sleep"],
                           sections={"presenting": "Recurring dream about exams."})
    store.add_reflection(db, "My own dream after this session.", session_id=a2.id)
    return {"azalee": azalee, "kestrel": kestrel, "a1": a1, "a2": a2, "k1": k1}


@pytest.fixture
def panel(qtbot, db, practice) -> Iterator[SearchPanel]:
    widget = SearchPanel(db)
    widget.live_limit_ms = 60_000  # a loaded test machine must not switch modes by chance
    qtbot.addWidget(widget)
    widget.show()
    yield widget


def search(qtbot, panel: SearchPanel, text: str) -> list:
    panel.search_box.setText(text)
    panel.run_search()
    return [panel.model.hit_at(r) for r in range(panel.model.rowCount())]


def test_typing_is_debounced(qtbot, panel) -> None:
    calls = []
    real = store.search

    def counting(*args, **kwargs):
        calls.append(args[1])
        return real(*args, **kwargs)

    search_module.store.search = counting  # type: ignore[attr-defined]
    try:
        qtbot.keyClicks(panel.search_box, "dream")
        assert calls == []  # nothing yet: five keys, no query
        qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=DEBOUNCE_MS + 1000)
        assert calls == ["dream"]
    finally:
        search_module.store.search = real  # type: ignore[attr-defined]


def test_results_carry_pseudonym_number_date_section(qtbot, panel, practice) -> None:
    hits = search(qtbot, panel, "dream")
    assert len(hits) == 4  # three sections and the reflection
    by_session = {h.session_id: h for h in hits if h.kind == "section"}
    assert by_session[practice["a2"].id].session_number == 2
    assert by_session[practice["k1"].id].session_number == 1
    assert by_session[practice["a2"].id].pseudonym == "Azalée"
    assert panel.status.text() == "Results: 4"
    text = panel.model.data(panel.model.index(0, 0), Qt.ItemDataRole.DisplayRole)
    assert "\n" in text and "Session" in text


def test_filters(qtbot, panel, practice) -> None:
    panel.client_filter.setCurrentIndex(panel.client_filter.findData(practice["kestrel"].id))
    assert {h.client_id for h in search(qtbot, panel, "dream")} == {practice["kestrel"].id}
    panel.client_filter.setCurrentIndex(0)  # All clients

    panel.tag_filter.setText("sleep")  # "dreams" matches too: the last word is a prefix
    assert {h.session_id for h in search(qtbot, panel, "dream")} == {
        practice["a1"].id, practice["k1"].id}
    panel.tag_filter.clear()

    panel.date_from.setDate(QDate(2026, 11, 1))
    assert {h.session_id for h in search(qtbot, panel, "dream")} == {
        practice["a2"].id, practice["k1"].id}
    panel.date_to.setDate(QDate(2026, 11, 5))
    assert {h.session_id for h in search(qtbot, panel, "dream")} == {practice["a2"].id}
    panel.date_from.setDate(panel.date_from.minimumDate())  # back to "Any"
    assert panel.date_from.text() == "Any"
    assert practice["a1"].id in {h.session_id for h in search(qtbot, panel, "dream")}


def test_changing_a_filter_searches_again(qtbot, panel, practice) -> None:
    search(qtbot, panel, "dream")
    panel.client_filter.setCurrentIndex(panel.client_filter.findData(practice["azalee"].id))
    qtbot.waitUntil(lambda: all(panel.model.hit_at(r).client_id == practice["azalee"].id
                                for r in range(panel.model.rowCount())),
                    timeout=DEBOUNCE_MS + 1000)


def test_nothing_found_says_so(qtbot, panel) -> None:
    assert search(qtbot, panel, "zebra") == []
    assert panel.status.text().startswith("Nothing found")


def test_operators_typed_are_plain_words(qtbot, panel) -> None:
    assert search(qtbot, panel, 'dream" OR NEAR(') == []  # no FTS syntax error, no crash
    assert panel.last_error is None


def test_results_are_bounded(qtbot, db) -> None:
    client = store.add_client(db, "Wren")
    with db.transaction():
        for day in range(RESULT_LIMIT + 10):
            store.add_session(db, client.id, date(2025, 1, 1).replace(day=1 + day % 28),
                              sections={"plan": f"review {day}"})
    widget = SearchPanel(db)
    qtbot.addWidget(widget)
    widget.search_box.setText("review")
    widget.run_search()
    assert widget.model.rowCount() == RESULT_LIMIT
    assert widget.status.text() == f"The first {RESULT_LIMIT} results, best first."


def test_snippet_helpers() -> None:
    from supervision_journal.journal.models import HIT_END, HIT_START

    snippet = f"…a <b> {HIT_START}Dream{HIT_END} and {HIT_START}water{HIT_END}"
    assert first_hit(snippet) == "Dream"
    assert first_hit("no markers") is None
    assert snippet_html(snippet) == "…a &lt;b&gt; <b><u>Dream</u></b> and <b><u>water</u></b>"


def test_down_arrow_moves_to_results_and_escape_dismisses(qtbot, panel) -> None:
    panel.search_box.setFocus()
    qtbot.keyClicks(panel.search_box, "dream")
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=DEBOUNCE_MS + 1000)
    qtbot.keyClick(panel.search_box, Qt.Key.Key_Down)
    assert panel.results.hasFocus()
    panel.search_box.setFocus()
    with qtbot.waitSignal(panel.dismissed, timeout=500):
        qtbot.keyClick(panel.search_box, Qt.Key.Key_Escape)
    assert panel.model.rowCount() == 0


def test_enter_before_the_debounce_still_opens(qtbot, panel) -> None:
    opened = []
    panel.open_requested.connect(opened.append)
    panel.search_box.setFocus()
    qtbot.keyClicks(panel.search_box, "diary")
    qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)  # faster than 150 ms
    assert len(opened) == 1 and opened[0].section_key == "plan"


def test_a_reflection_hit_opens_its_session(qtbot, vault, practice) -> None:
    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.search_box.setText("own dream")
    window.search_panel.run_search()
    hit = window.search_panel.model.hit_at(0)
    assert hit.kind == "reflection"
    window.open_hit(hit)
    assert window.editor.session.id == practice["a2"].id
    assert "reflection" in window.statusBar().currentMessage()
    window.flush()


def test_a_standalone_reflection_says_it_has_no_session(qtbot, vault, db) -> None:
    store.add_reflection(db, "A general thought about endings.")
    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.search_box.setText("endings")
    window.search_panel.run_search()
    hit = window.search_panel.model.hit_at(0)
    window.open_hit(hit)
    assert window.editor.session is None
    assert "not linked" in window.statusBar().currentMessage()


def test_slow_searches_wait_for_enter(qtbot, panel, monkeypatch) -> None:
    """After a query slower than LIVE_LIMIT_MS, typing stops searching (typing must never
    stall) and Enter searches, then opens."""
    real = store.search
    calls = []

    def slow(*args, **kwargs):
        calls.append(args[1])
        import time

        time.sleep((LIVE_LIMIT_MS + 20) / 1000)
        return real(*args, **kwargs)

    monkeypatch.setattr(store, "search", slow)
    panel.live_limit_ms = LIVE_LIMIT_MS
    opened = []
    panel.open_requested.connect(opened.append)
    panel.search_box.setFocus()
    qtbot.keyClicks(panel.search_box, "dream")
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=DEBOUNCE_MS + 2000)
    assert not panel.live and calls == ["dream"]

    qtbot.keyClicks(panel.search_box, " diary")
    qtbot.wait(DEBOUNCE_MS * 3)
    assert calls == ["dream"]  # no query while typing
    assert panel.status.text() == "Press Enter to search."
    qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)
    assert calls == ["dream", "dream diary"] and opened == []  # results first…
    assert panel.model.rowCount() == 1
    qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)
    assert len(opened) == 1 and opened[0].section_key == "plan"  # …then Enter opens

    panel.live_limit_ms = 60_000
    search(qtbot, panel, "dream")  # a fast query turns search-as-you-type back on
    assert panel.live
