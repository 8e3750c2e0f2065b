"""The thin Qt models: checked by Qt's own model tester, then for what they show."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt

from supervision_journal.journal import store
from supervision_journal.journal.models import HIT_END, HIT_START, SearchHit
from supervision_journal.ui.client_model import ClientListModel
from supervision_journal.ui.search_panel import SearchResultModel
from supervision_journal.ui.session_model import SessionListModel

DISPLAY = Qt.ItemDataRole.DisplayRole


def test_client_model_passes_the_model_tester(qtmodeltester, db) -> None:
    model = ClientListModel()
    qtmodeltester.check(model)  # empty
    azalee = store.add_client(db, "Azalée")
    store.add_client(db, "Kestrel")
    store.add_session(db, azalee.id, date(2026, 11, 12), 50)
    store.add_session(db, azalee.id, date(2026, 10, 1), 50)
    model.set_clients(store.list_clients(db))
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.columnCount() == 3
    assert model.rowCount(model.index(0, 0)) == 0  # flat: no children
    assert [model.data(model.index(0, c), DISPLAY) for c in range(3)] == [
        "Azalée", "2", "12 Nov 2026"]
    assert [model.data(model.index(1, c), DISPLAY) for c in range(3)] == ["Kestrel", "0", "—"]
    assert model.data(model.index(0, 0), ClientListModel.ClientIdRole) == azalee.id
    assert model.data(model.index(0, 1), Qt.ItemDataRole.AccessibleTextRole) == "Sessions: 2"
    headers = [model.headerData(c, Qt.Orientation.Horizontal, DISPLAY) for c in range(3)]
    assert headers == ["Client", "Sessions", "Last session"]
    assert model.headerData(3, Qt.Orientation.Horizontal, DISPLAY) is None
    assert model.data(model.index(5, 0), DISPLAY) is None
    assert model.row_of(azalee.id) == 0 and model.row_of(999) == -1


def test_client_model_reset_signals(qtbot, db) -> None:
    model = ClientListModel()
    store.add_client(db, "Azalée")
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset], timeout=500):
        model.set_clients(store.list_clients(db))
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset], timeout=500):
        model.clear()
    assert model.rowCount() == 0


def test_session_model_passes_the_model_tester(qtmodeltester, db) -> None:
    client = store.add_client(db, "Azalée")
    for day, minutes in ((5, 50), (12, 75), (19, 60)):
        store.add_session(db, client.id, date(2026, 11, day), minutes, "video")
    model = SessionListModel()
    qtmodeltester.check(model)
    model.set_sessions(store.list_sessions(db, client.id))
    qtmodeltester.check(model)
    labels = [model.data(model.index(r, 0), DISPLAY) for r in range(model.rowCount())]
    assert labels == ["Session 3 · 19 Nov 2026 · 60 min", "Session 2 · 12 Nov 2026 · 75 min",
                      "Session 1 · 5 Nov 2026 · 50 min"]
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole) == "Video"
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex(), DISPLAY) is None


def _hit(snippet: str, **kw) -> SearchHit:
    values = dict(kind="section", ref_id=1, session_id=1, client_id=1, pseudonym="Azalée",
                  date=date(2026, 11, 12), section_key="process", snippet=snippet,
                  session_number=14)
    values.update(kw)
    return SearchHit(**values)


def test_search_model_passes_the_model_tester(qtmodeltester) -> None:
    model = SearchResultModel()
    qtmodeltester.check(model)
    model.set_hits([_hit(f"a {HIT_START}sleep{HIT_END} b"),
                    _hit("reflection text", kind="reflection", section_key=None,
                         session_number=None, pseudonym=None, date=None)])
    qtmodeltester.check(model)
    assert model.data(model.index(0, 0), DISPLAY) == (
        "Azalée · Session 14 · 12 Nov 2026 · What happened\na sleep b")
    assert model.data(model.index(1, 0), DISPLAY) == "No client · Reflection\nreflection text"
    assert model.data(model.index(0, 0), SearchResultModel.HitRole).ref_id == 1


def test_search_model_escapes_note_text_and_pseudonym() -> None:
    model = SearchResultModel()
    model.set_hits([_hit(f"<img src=x> {HIT_START}a&b{HIT_END} </b>", pseudonym="<i>Z</i>")])
    html = model.data(model.index(0, 0), SearchResultModel.HtmlRole)
    assert "<img" not in html and "&lt;img src=x&gt;" in html
    assert "<b><u>a&amp;b</u></b>" in html and "&lt;/b&gt;" in html
    assert "&lt;i&gt;Z&lt;/i&gt;" in html
