"""Questions-for-supervision queue and countertransference feelings (schema v2)."""

from __future__ import annotations

import pytest

from supervision_journal.errors import KnownError
from supervision_journal.journal import store as j


def _setup(db):
    client = j.add_client(db, "Iris")
    first = j.add_session(db, client.id, "2026-01-02",
                          sections={"supervision_questions": "Why do I hurry to fix things?"})
    second = j.add_session(db, client.id, "2026-01-09", sections={"process": "calm"})
    question = j.add_reflection(db, "Am I rescuing her?", session_id=second.id,
                                is_question=True)
    j.add_reflection(db, "Not a question", session_id=second.id)
    return client, first, second, question


def test_queue_gathers_sections_and_marked_reflections(db) -> None:
    _setup(db)
    queue = j.list_questions(db)
    assert [(q.kind, q.text) for q in queue] == [
        ("section", "Why do I hurry to fix things?"), ("reflection", "Am I rescuing her?")]
    assert {q.pseudonym for q in queue} == {"Iris"}
    assert [q.session_number for q in queue] == [1, 2]
    assert all(q.status == "open" for q in queue)


def test_queue_statuses_open_discussed_resolved(db) -> None:
    _setup(db)
    sup = j.add_supervision(db, "2026-01-20", "Dr B", "individual", 60)
    section_q, reflection_q = j.list_questions(db)
    j.set_question_state(db, "section", section_q.ref_id, "discussed", supervision_id=sup.id)
    assert [q.kind for q in j.list_questions(db, "open")] == ["reflection"]
    discussed = j.list_questions(db, "discussed")[0]
    assert discussed.supervision_id == sup.id
    j.set_question_state(db, "section", section_q.ref_id, "resolved",
                         answer="Slow down; name the urge in supervision.")
    resolved = j.list_questions(db, "resolved")[0]
    # resolving keeps the link to the supervision it was discussed in
    assert resolved.supervision_id == sup.id
    assert resolved.answer.startswith("Slow down")
    # deleting the supervision session keeps the question, without the link
    j.delete_supervision(db, sup.id)
    assert j.list_questions(db, "resolved")[0].supervision_id is None
    with pytest.raises(KnownError):
        j.set_question_state(db, "reflection", reflection_q.ref_id, "closed")


def test_emptied_question_section_leaves_the_queue(db) -> None:
    _, first, _, _ = _setup(db)
    j.save_section(db, first.id, "supervision_questions", "   ")
    assert [q.kind for q in j.list_questions(db)] == ["reflection"]


def test_feelings_timeline_in_session_order(db) -> None:
    client, first, second, _ = _setup(db)
    j.set_feelings(db, second.id, {"boredom": 1})
    j.set_feelings(db, first.id, {"urge_to_rescue": 3, "fear": 2})
    points = j.feelings_timeline(db, client.id)
    assert [(p.session_number, p.feeling, p.intensity) for p in points] == [
        (1, "fear", 2), (1, "urge_to_rescue", 3), (2, "boredom", 1)]
    j.set_feelings(db, first.id, {})
    assert j.get_feelings(db, first.id) == {}
    with pytest.raises(KnownError):
        j.set_feelings(db, first.id, {"joy-ish": 2})
    with pytest.raises(KnownError):
        j.set_feelings(db, first.id, {"fear": 4})


def test_sql_refuses_to_make_an_approved_section_private(db) -> None:
    """Defence in depth below the store: no UPDATE can turn an approval onto a private note."""
    import sqlcipher3

    client = j.add_client(db, "Iris")
    session = j.add_session(db, client.id, "2026-01-02",
                            sections={"process": "shared", "private": "mine"})
    j.approve_section(db, session.id, "process")
    private_id = db.scalar("SELECT id FROM section WHERE key = 'private'")
    with pytest.raises(sqlcipher3.IntegrityError):
        db.execute("UPDATE approval SET section_id = ?", (private_id,))
    db.execute("DELETE FROM section WHERE key = 'private'")
    with pytest.raises(sqlcipher3.IntegrityError):
        db.execute("UPDATE section SET key = 'private' WHERE key = 'process'")
