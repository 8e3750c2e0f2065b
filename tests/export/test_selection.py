"""What an export takes from the vault: approved sections and reflections only, with a reason for
everything left behind, and one-by-one picks (sessions, a case presentation alone)."""

from __future__ import annotations

from datetime import date

import pytest

from supervision_journal.errors import ExportBlocked, KnownError
from supervision_journal.export import pipeline
from supervision_journal.export.select import select
from supervision_journal.journal import store


@pytest.fixture
def practice(db):
    """Two clients; sessions with approved, unapproved, edited-after-approval and private
    sections; reflections on a session, about the client (a case presentation), unapproved."""
    iris = store.add_client(db, "Iris", date(2026, 1, 5))
    merle = store.add_client(db, "Merle", date(2026, 2, 1))
    s1 = store.add_session(db, iris.id, date(2026, 1, 5), sections={
        "process": "Talked about the move.", "plan": "Weekly.", "private": "My own grief.",
        "hypotheses": "Attachment."})
    s2 = store.add_session(db, iris.id, date(2026, 3, 2), sections={
        "process": "Anger at the council.", "countertransference": "Sleepy."})
    s3 = store.add_session(db, merle.id, date(2026, 2, 20), template="free",
                           sections={"body": "Free note."})
    store.approve_section(db, s1.id, "process")
    store.approve_section(db, s1.id, "hypotheses")
    store.save_section(db, s1.id, "hypotheses", "Attachment, edited after approval.")
    store.approve_section(db, s2.id, "countertransference")
    store.approve_section(db, s3.id, "body")
    on_session = store.add_reflection(db, "Gibbs feelings: unsettled.", session_id=s1.id,
                                      prompt_id="gibbs.feelings")
    store.approve_reflection(db, on_session.id)
    case = store.add_reflection(db, "Case presentation text.", client_id=iris.id,
                                prompt_id="case.presentation")
    store.approve_reflection(db, case.id)
    store.add_reflection(db, "Not approved thought.", client_id=iris.id)
    return {"iris": iris, "merle": merle, "s1": s1, "s2": s2, "s3": s3,
            "on_session": on_session, "case": case}


def _keys(selection) -> list[tuple[str, int | None, str]]:
    return [(i.kind, i.session_number, i.key) for i in selection.items]


def test_everything_approved_and_the_reasons_for_the_rest(db, practice) -> None:
    selection = select(db)
    iris = [i for i in selection.items if i.client_id == practice["iris"].id]
    assert [(i.kind, i.session_number, i.key) for i in iris] == [
        ("reflection", None, "case.presentation"), ("section", 1, "process"),
        ("reflection", 1, "gibbs.feelings"), ("section", 2, "countertransference")]
    reasons = {(e.session_number, e.key): e.reason for e in selection.excluded
               if e.client_id == practice["iris"].id}
    assert reasons == {(1, "plan"): "not_approved", (1, "private"): "private",
                       (1, "hypotheses"): "changed_since_approval",
                       (2, "process"): "not_approved"}
    assert all("edited" not in i.text and "grief" not in i.text for i in selection.items)
    weeks = {i.session_number: i.weeks_into_work for i in iris if i.kind == "section"}
    assert weeks == {1: 1, 2: 9}


def test_sessions_picked_one_by_one(db, practice) -> None:
    selection = select(db, session_ids=[practice["s2"].id])
    assert _keys(selection) == [("section", 2, "countertransference")]
    assert [(e.key, e.reason) for e in selection.excluded] == [("process", "not_approved")]


def test_a_case_presentation_alone(db, practice) -> None:
    """Picking only a reflection about the client must not bring every session along."""
    selection = select(db, reflection_ids=[practice["case"].id])
    assert _keys(selection) == [("reflection", None, "case.presentation")]
    assert selection.excluded == ()


def test_a_session_and_a_case_presentation(db, practice) -> None:
    selection = select(db, session_ids=[practice["s1"].id],
                       reflection_ids=[practice["case"].id])
    assert _keys(selection) == [("reflection", None, "case.presentation"),
                                ("section", 1, "process"), ("reflection", 1, "gibbs.feelings")]


def test_an_unapproved_reflection_picked_stays_out(db, practice) -> None:
    other = store.list_reflections(db, client_id=practice["iris"].id)[-1]
    assert other.approval != "approved"
    assert select(db, reflection_ids=[other.id]).items == ()


def test_clients_and_dates(db, practice) -> None:
    assert {i.client_id for i in select(db, client_ids=[practice["merle"].id]).items} == {
        practice["merle"].id}
    march = select(db, date_from=date(2026, 3, 1))
    assert [(i.client_id, i.session_number, i.key) for i in march.items
            if i.kind == "section"] == [(practice["iris"].id, 2, "countertransference")]


def test_prepare_and_finish_follow_the_selection(db, practice) -> None:
    request = pipeline.ExportRequest(reflection_ids=(practice["case"].id,), seed=1)
    prepared = pipeline.prepare(db, request)
    assert "Case presentation text." in prepared.markdown
    assert "Anger" not in prepared.markdown and "Talked" not in prepared.markdown
    data = pipeline.finish(prepared, "md")
    assert data == prepared.markdown.encode()
    row = pipeline.record(db, prepared, "md", data, sealed=False)
    assert row.items == (["reflection", None, practice["case"].id],)


def test_finish_refuses_an_empty_selection_and_undecided_candidates(db, practice) -> None:
    empty = pipeline.prepare(db, pipeline.ExportRequest(session_ids=(10_000,)))
    with pytest.raises(KnownError, match="Nothing is approved"):
        pipeline.finish(empty, "md")
    store.save_section(db, practice["s2"].id, "countertransference",
                       "Sleepy after Marius called.")
    store.approve_section(db, practice["s2"].id, "countertransference")
    blocked = pipeline.prepare(db, pipeline.ExportRequest(session_ids=(practice["s2"].id,)))
    assert blocked.anonymised.blocked
    with pytest.raises(ExportBlocked):
        pipeline.finish(blocked, "md")
