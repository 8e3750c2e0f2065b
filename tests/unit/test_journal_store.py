"""journal/store.py: clients, identities kept apart, sessions and their numbering, template
sections and autosave, approvals pinned to a SHA-256, reflections, search, and supervision
sessions kept in step with their hours-ledger entry."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supervision_journal.errors import Conflict, KnownError, NotFound
from supervision_journal.hours import store as hours
from supervision_journal.journal import store as journal
from supervision_journal.journal.models import (
    FREE_SECTIONS,
    HIT_END,
    HIT_START,
    STANDARD_SECTIONS,
    Identity,
    IdentityTerm,
    text_sha256,
)
from supervision_journal.vault.database import Database

# -- clients ------------------------------------------------------------------------------


def test_add_and_get_client(db: Database) -> None:
    client = journal.add_client(db, "  Iris ", "2025-01-10", ["work", " anxiety ", "work", ""])
    assert client.pseudonym == "Iris"
    assert client.started_on == date(2025, 1, 10)
    assert client.status == "active" and client.closed_on is None
    assert client.tags == ("anxiety", "work")
    assert client.session_count == 0 and client.last_session is None
    assert journal.get_client(db, client.id) == client
    assert journal.find_client(db, "iris") == client  # ASCII case does not matter
    assert journal.find_client(db, "Rose") is None


def test_pseudonyms_are_unique_ignoring_ascii_case(db: Database) -> None:
    journal.add_client(db, "Iris")
    with pytest.raises(Conflict):
        journal.add_client(db, "IRIS")
    other = journal.add_client(db, "Rose")
    with pytest.raises(Conflict):
        journal.update_client(db, other.id, pseudonym="iris")
    assert journal.get_client(db, other.id).pseudonym == "Rose"


@pytest.mark.parametrize("bad", ["", "   ", "\x00Iris", "Iris\nBis", "a\tb", "x\x85y"])
def test_pseudonym_must_be_one_line_of_text(db: Database, bad: str) -> None:
    with pytest.raises(KnownError):
        journal.add_client(db, bad)
    assert journal.list_clients(db) == []


def test_update_client_fields(db: Database) -> None:
    client = journal.add_client(db, "Iris", tags=["a"])
    updated = journal.update_client(db, client.id, pseudonym="Iris B", started_on="2024-02-02",
                                    tags=["b", "c"], retention_years=10,
                                    retention_reason="contract")
    assert (updated.pseudonym, updated.started_on, updated.tags) == ("Iris B", date(2024, 2, 2),
                                                                     ("b", "c"))
    assert (updated.retention_years, updated.retention_reason) == (10, "contract")
    closed = journal.update_client(db, client.id, status="closed", closed_on="2025-06-30")
    assert (closed.status, closed.closed_on) == ("closed", date(2025, 6, 30))
    reopened = journal.update_client(db, client.id, status="active")
    assert (reopened.status, reopened.closed_on) == ("active", None)
    today = journal.update_client(db, client.id, status="closed")
    assert today.closed_on == date.today()
    with pytest.raises(KnownError):
        journal.update_client(db, client.id, status="paused")
    with pytest.raises(NotFound):
        journal.update_client(db, 999, pseudonym="x")


def test_list_clients_filters_and_sorts(db: Database) -> None:
    for name in ("rose", "Iris", "Mésange", "50%_off"):
        journal.add_client(db, name)
    closed = journal.add_client(db, "Zinnia")
    journal.update_client(db, closed.id, status="closed")
    assert [c.pseudonym for c in journal.list_clients(db)] == ["50%_off", "Iris", "Mésange",
                                                               "rose", "Zinnia"]
    assert [c.pseudonym for c in journal.list_clients(db, status="closed")] == ["Zinnia"]
    assert [c.pseudonym for c in journal.list_clients(db, status="active", text="s")] == [
        "Iris", "Mésange", "rose"]
    # LIKE wildcards typed by the user are plain characters
    assert [c.pseudonym for c in journal.list_clients(db, text="%")] == ["50%_off"]
    assert [c.pseudonym for c in journal.list_clients(db, text="_")] == ["50%_off"]


def test_client_counts_its_sessions(db: Database) -> None:
    client = journal.add_client(db, "Iris")
    journal.add_session(db, client.id, "2025-03-01")
    journal.add_session(db, client.id, "2025-01-01")
    fresh = journal.get_client(db, client.id)
    assert (fresh.session_count, fresh.last_session) == (2, date(2025, 3, 1))


def test_delete_client_removes_everything_of_theirs(db: Database) -> None:
    client = journal.add_client(db, "Iris")
    journal.set_identity(db, client.id, Identity("Jeanne Fictive"))
    session = journal.add_session(db, client.id, "2025-01-01", sections={"process": "x"})
    journal.approve_section(db, session.id, "process")
    journal.add_reflection(db, "r", session_id=session.id)
    journal.add_reflection(db, "r2", client_id=client.id)
    journal.add_supervision(db, "2025-01-02", "S", "individual", 60, cases=["Iris"])
    journal.delete_client(db, client.id)
    counts = journal.counts(db)
    for table in ("client", "identity_term", "session", "section", "approval", "reflection"):
        assert counts[table] == 0, table
    # the supervision session stays (it holds the practitioner's own hours), without the case
    (sup,) = journal.list_supervisions(db)
    assert sup.cases == ()
    assert journal.search(db, "r") == []
    with pytest.raises(NotFound):
        journal.delete_client(db, client.id)


# -- identities ---------------------------------------------------------------------------

def test_identity_is_stored_and_read_apart(db: Database) -> None:
    client = journal.add_client(db, "Iris")
    identity = Identity("Jeanne Fictive", ("Jeannot",),
                        (IdentityTerm("Lyon-Fictif"),
                         IdentityTerm("Paul Fictif", "identifier", "partner")))
    journal.set_identity(db, client.id, identity)
    assert journal.get_identity(db, client.id) == identity
    # nothing of the identity travels with the client, a session or a search hit
    session = journal.add_session(db, client.id, "2025-01-01",
                                  sections={"process": "Iris a parlé de Lyon-Fictif."})
    carriers = [journal.get_client(db, client.id), *journal.list_clients(db),
                journal.get_note(db, session.id), *journal.search(db, "Lyon")]
    for value in carriers:
        text = repr(dataclasses.asdict(value))
        assert "Jeanne" not in text and "Jeannot" not in text and "Paul" not in text
    # a name that lives only in the identity is not searchable
    assert journal.search(db, "Jeanne") == []


def test_set_identity_replaces_and_orders_terms(db: Database) -> None:
    client = journal.add_client(db, "Iris")
    journal.set_identity(db, client.id, Identity("A B", ("C",), (IdentityTerm("D"),)))
    journal.set_identity(db, client.id, Identity(None, (), (IdentityTerm(" E "),
                                                            IdentityTerm("  "))))
    assert journal.get_identity(db, client.id) == Identity(None, (), (IdentityTerm("E"),))
    journal.add_identity_term(db, client.id, IdentityTerm("F", "identifier", "town"))
    assert journal.get_identity(db, client.id).identifiers == (
        IdentityTerm("E"), IdentityTerm("F", "identifier", "town"))
    with pytest.raises(KnownError):
        journal.add_identity_term(db, client.id, IdentityTerm("  "))
    with pytest.raises(KnownError):
        journal.set_identity(db, client.id, Identity("\x00x"))
    assert journal.get_identity(db, client.id).identifiers[-1].term == "F"


def test_all_identity_terms_feeds_the_leak_guard(db: Database) -> None:
    a = journal.add_client(db, "Iris")
    b = journal.add_client(db, "Rose")
    journal.set_identity(db, a.id, Identity("Jeanne Fictive", ("Jeannot",)))
    journal.set_identity(db, b.id, Identity(None, (), (IdentityTerm("Usine", role="employer"),)))
    terms = journal.all_identity_terms(db)
    assert [(cid, t.term, t.kind) for cid, t in terms] == [
        (a.id, "Jeanne Fictive", "full_name"), (a.id, "Jeannot", "alias"),
        (b.id, "Usine", "identifier")]
    assert terms[2][1].role == "employer"


def test_identity_of_an_unknown_client(db: Database) -> None:
    with pytest.raises(NotFound):
        journal.set_identity(db, 42, Identity("X"))


# -- sessions and numbering ---------------------------------------------------------------

def test_sessions_are_listed_newest_first_and_numbered_by_date(db: Database) -> None:
    client = journal.add_client(db, "Iris")
    other = journal.add_client(db, "Rose")
    march = journal.add_session(db, client.id, "2025-03-01")
    january = journal.add_session(db, client.id, "2025-01-01")
    journal.add_session(db, other.id, "2024-12-01")  # another client's do not count
    march_bis = journal.add_session(db, client.id, "2025-03-01")  # same day: by creation
    listed = journal.list_sessions(db, client.id)
    assert [s.id for s in listed] == [march_bis.id, march.id, january.id]
    assert [s.number for s in listed] == [3, 2, 1]
    for s in listed:
        assert journal.get_session(db, s.id).number == s.number
    # moving a session renumbers them all
    journal.update_session(db, january.id, on="2025-04-01")
    assert [(s.id, s.number) for s in journal.list_sessions(db, client.id)] == [
        (january.id, 3), (march_bis.id, 2), (march.id, 1)]
    journal.delete_session(db, march.id)
    assert [s.number for s in journal.list_sessions(db, client.id)] == [2, 1]


def test_session_values_are_checked(db: Database) -> None:
    client = journal.add_client(db, "Iris")
    for kwargs in ({"duration_minutes": -1}, {"duration_minutes": 1441},
                   {"modality": "zoom"}, {"template": "soap"}):
        with pytest.raises(KnownError):
            journal.add_session(db, client.id, "2025-01-01", **kwargs)
    with pytest.raises(NotFound):
        journal.add_session(db, 999, "2025-01-01")
    assert journal.list_sessions(db, client.id) == []
    session = journal.add_session(db, client.id, date(2025, 1, 1), 90, "video", "free",
                                  ["rupture", "rupture"])
    assert (session.duration_minutes, session.modality, session.template, session.tags) == (
        90, "video", "free", ("rupture",))
    updated = journal.update_session(db, session.id, duration_minutes=30, modality="phone",
                                     tags=["b", "a"])
    assert (updated.duration_minutes, updated.modality, updated.tags) == (30, "phone",
                                                                          ("a", "b"))
    with pytest.raises(KnownError):
        journal.update_session(db, session.id, modality="fax")


def test_last_session_defaults(db: Database) -> None:
    client = journal.add_client(db, "Iris")
    assert journal.last_session_defaults(db, client.id) == (50, "in_person")
    journal.add_session(db, client.id, "2025-05-01", 75, "video")
    journal.add_session(db, client.id, "2025-01-01", 30, "phone")
    assert journal.last_session_defaults(db, client.id) == (75, "video")


# -- sections and autosave ----------------------------------------------------------------

def test_standard_and_free_templates_have_their_own_sections(db: Database) -> None:
    client = journal.add_client(db, "Iris")
    standard = journal.add_session(db, client.id, "2025-01-01",
                                   sections={k: f"text of {k}" for k in STANDARD_SECTIONS})
    note = journal.get_note(db, standard.id)
    assert set(note.sections) == set(STANDARD_SECTIONS)
    assert note.pseudonym == "Iris"
    assert note.text("ethics") == "text of ethics"
    free = journal.add_session(db, client.id, "2025-01-02", template="free",
                               sections={k: k for k in FREE_SECTIONS})
    assert set(journal.get_note(db, free.id).sections) == {"body", "private"}
    with pytest.raises(KnownError):
        journal.save_section(db, standard.id, "body", "x")
    with pytest.raises(KnownError):
        journal.save_section(db, free.id, "process", "x")
    with pytest.raises(KnownError):
        journal.save_section(db, free.id, "procss", "x")
    assert journal.get_note(db, free.id).text("process") == ""


def test_save_sections_writes_all_or_nothing(db: Database) -> None:
    client = journal.add_client(db, "Iris")
    session = journal.add_session(db, client.id, "2025-01-01", sections={"process": "v1"})
    note = journal.save_sections(db, session.id, {"process": "v2", "plan": "next"})
    assert (note.text("process"), note.text("plan")) == ("v2", "next")
    with pytest.raises(KnownError):
        journal.save_sections(db, session.id, {"process": "v3", "nope": "x"})
    assert journal.get_note(db, session.id).text("process") == "v2"
    with pytest.raises(NotFound):
        journal.save_sections(db, 999, {"process": "x"})


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300), key=st.sampled_from(STANDARD_SECTIONS))
def test_any_text_saved_is_read_back_identically(db: Database, text: str, key: str) -> None:
    client = journal.find_client(db, "Prop") or journal.add_client(db, "Prop")
    session = journal.add_session(db, client.id, "2025-01-01")
    journal.save_sections(db, session.id, {key: text})
    assert journal.get_note(db, session.id).text(key) == text
    journal.save_section(db, session.id, key, text + "·")
    assert journal.get_note(db, session.id).text(key) == text + "·"
    reflection = journal.add_reflection(db, text, session_id=session.id)
    assert journal.get_reflection(db, reflection.id).text == text
    assert journal.update_reflection(db, reflection.id, text=text[::-1]).text == text[::-1]
    sup = journal.add_supervision(db, "2025-01-01", text, "peer", 60, questions=text,
                                  learning=text, actions=text)
    got = journal.get_supervision(db, sup.id)
    assert (got.supervisor, got.questions, got.learning, got.actions) == (text,) * 4


# -- approvals ----------------------------------------------------------------------------

def _approval_hash(db: Database, session_id: int, key: str) -> str | None:
    return db.scalar("SELECT a.sha256 FROM approval a JOIN section x ON x.id = a.section_id "
                     "WHERE x.session_id = ? AND x.key = ?", (session_id, key))


def test_approval_is_pinned_to_the_text_and_revoked_by_an_edit(db: Database) -> None:
    client = journal.add_client(db, "Iris")
    session = journal.add_session(db, client.id, "2025-01-01",
                                  sections={"process": "approved text", "plan": "p"})
    assert journal.get_note(db, session.id).sections["process"].approval == "none"
    section = journal.approve_section(db, session.id, "process")
    assert section.approved
    assert _approval_hash(db, session.id, "process") == text_sha256("approved text")
    assert [(k, s.text) for _, _, s in journal.approved_sections(db) for k in [s.key]] == [
        ("process", "approved text")]
    journal.save_section(db, session.id, "process", "approved text, then edited")
    assert journal.get_note(db, session.id).sections["process"].approval == "revoked"
    assert journal.approved_sections(db) == []
    # the pin is the hash: putting the approved words back makes it valid again
    journal.save_section(db, session.id, "process", "approved text")
    assert journal.get_note(db, session.id).sections["process"].approved
    journal.save_section(db, session.id, "process", "new words")
    assert journal.approve_section(db, session.id, "process").approved  # re-approval
    assert _approval_hash(db, session.id, "process") == text_sha256("new words")
    journal.revoke_approval(db, session.id, "process")
    assert journal.get_note(db, session.id).sections["process"].approval == "none"


def test_saving_the_same_text_keeps_the_approval(db: Database) -> None:
    client = journal.add_client(db, "Iris")
    session = journal.add_session(db, client.id, "2025-01-01", sections={"process": "same"})
    journal.approve_section(db, session.id, "process")
    journal.save_sections(db, session.id, {"process": "same"})
    assert journal.get_note(db, session.id).sections["process"].approved


@pytest.mark.parametrize("text", ["", "   \n"])
def test_an_empty_section_cannot_be_approved(db: Database, text: str) -> None:
    client = journal.add_client(db, "Iris")
    session = journal.add_session(db, client.id, "2025-01-01", sections={"process": text})
    with pytest.raises(KnownError):
        journal.approve_section(db, session.id, "process")
    with pytest.raises(KnownError):
        journal.approve_section(db, session.id, "plan")  # no row at all


def test_private_is_never_approvable(db: Database) -> None:
    client = journal.add_client(db, "Iris")
    session = journal.add_session(db, client.id, "2025-01-01",
                                  sections={"private": "only mine", "process": "p"})
    with pytest.raises(KnownError, match="Private"):
        journal.approve_section(db, session.id, "private")
    # the schema refuses it too, whoever writes the SQL
    private_id = db.scalar("SELECT id FROM section WHERE session_id = ? AND key = 'private'",
                           (session.id,))
    with pytest.raises(Exception, match="private sections cannot be approved"):
        db.execute("INSERT INTO approval(section_id, sha256, approved_at) VALUES (?,?,?)",
                    (private_id, text_sha256("only mine"), "2025-01-01T00:00:00+00:00"))
    assert _approval_hash(db, session.id, "private") is None
    assert all(s.key != "private" for _, _, s in journal.approved_sections(db))


def test_approved_sections_filters(db: Database) -> None:
    iris = journal.add_client(db, "Iris")
    rose = journal.add_client(db, "Rose")
    for client, day in ((iris, "2025-01-01"), (iris, "2025-02-01"), (rose, "2025-01-15")):
        s = journal.add_session(db, client.id, day, sections={"process": f"{day}"})
        journal.approve_section(db, s.id, "process")
    assert [(p, s.date.isoformat()) for s, p, _ in journal.approved_sections(db)] == [
        ("Iris", "2025-01-01"), ("Iris", "2025-02-01"), ("Rose", "2025-01-15")]
    assert [p for _, p, _ in journal.approved_sections(db, [rose.id])] == ["Rose"]
    assert [s.date.isoformat() for s, _, _ in journal.approved_sections(
        db, date_from=date(2025, 1, 10), date_to=date(2025, 1, 31))] == ["2025-01-15"]


# -- reflections --------------------------------------------------------------------------

def test_reflections_standalone_per_client_and_per_session(db: Database) -> None:
    iris = journal.add_client(db, "Iris")
    session = journal.add_session(db, iris.id, "2025-01-01")
    alone = journal.add_reflection(db, "general", prompt_id="proctor.restorative")
    mine = journal.add_reflection(db, "about Iris", client_id=iris.id, is_question=True)
    on_session = journal.add_reflection(db, "on the session", session_id=session.id,
                                        prompt_id="ct.rescue")
    assert (alone.client_id, alone.session_id) == (None, None)
    assert mine.is_question and mine.client_id == iris.id
    assert on_session.client_id == iris.id  # taken from the session
    assert on_session.prompt_id == "ct.rescue"
    assert [r.id for r in journal.list_reflections(db)] == [alone.id, mine.id, on_session.id]
    assert [r.id for r in journal.list_reflections(db, client_id=iris.id)] == [mine.id,
                                                                               on_session.id]
    assert [r.id for r in journal.list_reflections(db, session_id=session.id)] == [
        on_session.id]
    with pytest.raises(NotFound):
        journal.add_reflection(db, "x", session_id=999)
    with pytest.raises(NotFound):
        journal.add_reflection(db, "x", client_id=999)
    journal.delete_session(db, session.id)
    assert [r.id for r in journal.list_reflections(db)] == [alone.id, mine.id]
    journal.delete_reflection(db, alone.id)
    with pytest.raises(NotFound):
        journal.get_reflection(db, alone.id)


def test_reflection_approval_is_pinned_too(db: Database) -> None:
    reflection = journal.add_reflection(db, "first words")
    assert journal.approve_reflection(db, reflection.id).approval == "approved"
    edited = journal.update_reflection(db, reflection.id, text="second words")
    assert edited.approval == "revoked"
    assert journal.update_reflection(db, reflection.id, text="first words").approval == \
        "approved"
    assert journal.approve_reflection(db, reflection.id, approved=False).approval == "none"
    assert journal.update_reflection(db, reflection.id, is_question=True).is_question
    empty = journal.add_reflection(db, "  ")
    with pytest.raises(KnownError):
        journal.approve_reflection(db, empty.id)


# -- search -------------------------------------------------------------------------------

@pytest.fixture
def corpus(db: Database) -> dict[str, int]:
    iris = journal.add_client(db, "Iris")
    rose = journal.add_client(db, "Rose")
    s1 = journal.add_session(db, iris.id, "2025-01-10", tags=["rupture"], sections={
        "process": "Elle parle de son élève et de l'école ; envie de la sauver.",
        "countertransference": "Fatigue, épaules lourdes."})
    s2 = journal.add_session(db, iris.id, "2025-03-10", sections={
        "process": "Retour sur la séance précédente : colère contre le père."})
    s3 = journal.add_session(db, rose.id, "2025-02-01", tags=["rupture"], sections={
        "process": "The pupil talked about school and anger at her teacher."})
    r1 = journal.add_reflection(db, "Mon envie de sauver Iris : d'où vient-elle ?",
                                session_id=s1.id, prompt_id="ct.rescue")
    r2 = journal.add_reflection(db, "Sauvetage encore, cette fois hors séance.",
                                client_id=rose.id)
    return {"iris": iris.id, "rose": rose.id, "s1": s1.id, "s2": s2.id, "s3": s3.id,
            "r1": r1.id, "r2": r2.id}


def _refs(hits: list) -> set[tuple[str, int | None]]:
    return {(h.kind, h.session_id if h.kind == "section" else h.ref_id) for h in hits}


def test_search_ignores_accents_and_case(db: Database, corpus: dict[str, int]) -> None:
    for query in ("eleve", "ÉLÈVE", "élève", "Eleve"):
        hits = journal.search(db, query)
        assert _refs(hits) == {("section", corpus["s1"])}, query
    assert _refs(journal.search(db, "epaules lourdes")) == {("section", corpus["s1"])}


def test_search_last_word_is_a_prefix(db: Database, corpus: dict[str, int]) -> None:
    assert _refs(journal.search(db, "sauv")) == {("section", corpus["s1"]),
                                                 ("reflection", corpus["r1"]),
                                                 ("reflection", corpus["r2"])}
    # only the last word is a prefix; every word must match
    assert journal.search(db, "sauv envie") == []
    assert _refs(journal.search(db, "envie sauv")) == {("section", corpus["s1"]),
                                                       ("reflection", corpus["r1"])}


def test_search_hits_carry_context_and_markers(db: Database, corpus: dict[str, int]) -> None:
    (hit,) = journal.search(db, "colere")
    assert hit.kind == "section" and hit.section_key == "process"
    assert (hit.client_id, hit.pseudonym, hit.date) == (corpus["iris"], "Iris",
                                                        date(2025, 3, 10))
    assert f"{HIT_START}colère{HIT_END}" in hit.snippet
    assert hit.snippet.replace(HIT_START, "").replace(HIT_END, "") in (
        "Retour sur la séance précédente : colère contre le père.")
    (refl,) = journal.search(db, "hors seance")
    assert refl.kind == "reflection" and refl.section_key is None
    assert (refl.client_id, refl.pseudonym, refl.session_id) == (corpus["rose"], "Rose", None)
    assert refl.snippet.count(HIT_START) == 2 and refl.snippet.count(HIT_END) == 2


def test_search_filters(db: Database, corpus: dict[str, int]) -> None:
    assert _refs(journal.search(db, "sauv", client_id=corpus["iris"])) == {
        ("section", corpus["s1"]), ("reflection", corpus["r1"])}
    # a reflection linked only to a client is found under that client
    assert _refs(journal.search(db, "sauv", client_id=corpus["rose"])) == {
        ("reflection", corpus["r2"])}
    assert _refs(journal.search(db, "school", tag="rupture")) == {("section", corpus["s3"])}
    assert journal.search(db, "colere", tag="rupture") == []
    assert _refs(journal.search(db, "sch", date_from=date(2025, 2, 1),
                                date_to=date(2025, 2, 28))) == {("section", corpus["s3"])}
    assert journal.search(db, "colere", date_to=date(2025, 3, 9)) == []
    assert len(journal.search(db, "sauv", limit=2)) == 2


def test_one_letter_is_a_word_not_a_prefix(db: Database, corpus: dict[str, int]) -> None:
    # a one-letter prefix would match most of a vault while typing: it is searched as a word
    assert journal.search(db, "s") == []
    assert journal.fts_query("s") == '"s"' and journal.fts_query("sa") == '"sa"*'


def test_newest_hits_come_first(db: Database) -> None:
    client = journal.add_client(db, "Order")
    older = journal.add_session(db, client.id, "2024-01-01", sections={"process": "tilleul"})
    newer = journal.add_session(db, client.id, "2025-01-01", sections={"process": "tilleul"})
    hits = journal.search(db, "tilleul")
    assert [h.session_id for h in hits] == [newer.id, older.id]
    assert [h.session_number for h in hits] == [2, 1]


@pytest.mark.parametrize("query", ['"', "(", "AND", "NOT sauv", "sauv*", 'a" OR "b', "-", "^",
                                   "NEAR(x y)", "col:eleve", "{", "'"])
def test_search_treats_operators_as_words(db: Database, corpus: dict[str, int],
                                          query: str) -> None:
    journal.search(db, query)  # never an FTS syntax error


def test_search_with_nothing_to_look_for(db: Database, corpus: dict[str, int]) -> None:
    assert journal.search(db, "") == []
    assert journal.search(db, "  ;;; ") == []
    assert journal.fts_query("  ") is None
    assert journal.fts_query('élève "OR" x') == '"élève" "OR" "x"'
    assert journal.fts_query('élève "OR" xy') == '"élève" "OR" "xy"*'


def test_search_follows_edits_and_deletions(db: Database, corpus: dict[str, int]) -> None:
    journal.save_section(db, corpus["s2"], "process", "Tout autre chose.")
    assert journal.search(db, "colere") == []
    assert _refs(journal.search(db, "autre chose")) == {("section", corpus["s2"])}
    journal.update_reflection(db, corpus["r2"], text="plus rien")
    journal.delete_session(db, corpus["s1"])  # takes reflection r1 with it
    assert journal.search(db, "sauv") == []
    journal.delete_client(db, corpus["rose"])
    assert journal.search(db, "school") == []


# -- supervision sessions and the hours ledger ------------------------------------------

def _ledger(db: Database) -> list[tuple[str, int, int | None]]:
    return [(a.kind, a.minutes, a.supervision_id) for a in hours.list_activities(db)]


def test_supervision_creates_one_ledger_entry(db: Database) -> None:
    journal.add_client(db, "Iris")
    journal.add_client(db, "Rose")
    sup = journal.add_supervision(db, "2025-01-10", "Dr Fictif", "group", 90, group_size=5,
                                  modality="video", cases=["rose", "Iris", "Iris"],
                                  questions="q", learning="l", actions="a")
    assert sup.cases == ("Rose", "Iris")  # order kept, duplicates dropped, real spelling
    (activity,) = hours.list_activities(db)
    assert activity.id == sup.activity_id and activity.supervision_id == sup.id
    assert (activity.kind, activity.date, activity.minutes) == ("supervision",
                                                                date(2025, 1, 10), 90)
    assert (activity.format, activity.group_size, activity.modality) == ("group", 5, "video")
    assert (activity.provider, activity.learning, activity.impact) == ("Dr Fictif", "l", "a")


def test_supervision_edit_updates_the_same_entry(db: Database) -> None:
    journal.add_client(db, "Iris")
    sup = journal.add_supervision(db, "2025-01-10", "A", "group", 90, group_size=5)
    edited = journal.update_supervision(db, sup.id, fmt="individual", duration_minutes=60,
                                        on="2025-01-11", supervisor="B", cases=["Iris"],
                                        learning="new")
    assert edited.group_size is None and edited.cases == ("Iris",)
    assert edited.activity_id == sup.activity_id
    (activity,) = hours.list_activities(db)
    assert (activity.id, activity.minutes, activity.format, activity.group_size) == (
        sup.activity_id, 60, "individual", None)
    assert (activity.date, activity.provider, activity.learning) == (date(2025, 1, 11), "B",
                                                                     "new")
    with pytest.raises(KnownError):
        journal.update_supervision(db, sup.id, colour="blue")


def test_supervision_delete_takes_its_entry_along(db: Database) -> None:
    sup = journal.add_supervision(db, "2025-01-10", "A", "individual", 60)
    hours.add_activity(db, "reading", "2025-01-12", 30)
    journal.delete_supervision(db, sup.id)
    assert _ledger(db) == [("reading", 30, None)]
    with pytest.raises(NotFound):
        journal.get_supervision(db, sup.id)


def test_a_supervision_entry_cannot_be_deleted_from_the_ledger(db: Database) -> None:
    sup = journal.add_supervision(db, "2025-01-10", "A", "individual", 60)
    with pytest.raises(KnownError, match="supervision session"):
        hours.delete_activity(db, sup.activity_id)
    assert _ledger(db) == [("supervision", 60, sup.id)]


@pytest.mark.parametrize("kwargs", [
    {"fmt": "group", "group_size": None}, {"fmt": "group", "group_size": 1},
    {"fmt": "triad"}, {"duration_minutes": 2000}, {"cases": ["Nobody"]}])
def test_a_refused_supervision_leaves_no_orphan_entry(db: Database, kwargs: dict) -> None:
    journal.add_client(db, "Iris")
    base = {"fmt": "individual", "duration_minutes": 60, "group_size": None, "cases": []}
    base.update(kwargs)
    with pytest.raises(KnownError):
        journal.add_supervision(db, "2025-01-10", "A", base["fmt"], base["duration_minutes"],
                                group_size=base["group_size"], cases=base["cases"])
    assert hours.list_activities(db) == []
    assert journal.list_supervisions(db) == []


@pytest.mark.parametrize("changes", [{"fmt": "group"}, {"cases": ["Nobody"]},
                                     {"duration_minutes": -5}])
def test_a_refused_edit_changes_neither_side(db: Database, changes: dict) -> None:
    sup = journal.add_supervision(db, "2025-01-10", "A", "individual", 60)
    before = (journal.get_supervision(db, sup.id), hours.list_activities(db))
    with pytest.raises(KnownError):
        journal.update_supervision(db, sup.id, **changes)
    assert (journal.get_supervision(db, sup.id), hours.list_activities(db)) == before


def test_a_lost_ledger_entry_is_recreated_once_on_edit(db: Database) -> None:
    sup = journal.add_supervision(db, "2025-01-10", "A", "individual", 60)
    # e.g. a vault edited by an older build: the link was set to NULL by the schema
    db.execute("DELETE FROM activity WHERE id = ?", (sup.activity_id,))
    assert journal.get_supervision(db, sup.id).activity_id is None
    journal.update_supervision(db, sup.id, duration_minutes=75)
    journal.update_supervision(db, sup.id, duration_minutes=80)
    assert _ledger(db) == [("supervision", 80, sup.id)]


def test_supervisions_are_listed_newest_first(db: Database) -> None:
    a = journal.add_supervision(db, "2025-01-10", "A", "individual", 60)
    b = journal.add_supervision(db, "2025-03-10", "B", "peer", 60)
    c = journal.add_supervision(db, "2025-01-10", "C", "peer", 60)
    assert [s.id for s in journal.list_supervisions(db)] == [b.id, c.id, a.id]


# -- settings and counts ------------------------------------------------------------------

def test_settings_hold_json_values(db: Database) -> None:
    assert journal.get_setting(db, "x", "default") == "default"
    journal.set_setting(db, "x", {"years": 7, "names": ["é"]})
    journal.set_setting(db, "x", {"years": 8})
    assert journal.get_setting(db, "x") == {"years": 8}


def test_counts(db: Database) -> None:
    client = journal.add_client(db, "Iris")
    journal.add_session(db, client.id, "2025-01-01", sections={"process": "a", "plan": "b"})
    counts = journal.counts(db)
    assert (counts["client"], counts["session"], counts["section"]) == (1, 1, 2)
