"""The supervision workflow's logic without Qt: favourites and own prompts in the vault,
suggestion inputs, the case presentation's text, the preparation list, feeling patterns."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from supervision_journal.journal import store
from supervision_journal.journal.models import FeelingPoint
from supervision_journal.prompts import PromptLibraryError, load_library
from supervision_journal.prompts.suggest import BLOCKED_SESSIONS
from supervision_journal.supervision import case_presentation as cp
from supervision_journal.supervision import patterns, prepare, prompt_choice

EN = load_library("en")
HEADINGS = {"question": "My question", "context": "Context", "understanding": "What I understand",
            "interventions": "Interventions", "relationship": "Relationship",
            "risk": "Risk and ethics"}
FRENCH = {"question": "Ma question", "context": "Contexte", "understanding": "Ce que je comprends",
          "interventions": "Interventions", "relationship": "Relation",
          "risk": "Risque et éthique"}


# -- favourites and own prompts -----------------------------------------------------------

def test_favourites_are_kept_in_the_vault_in_pinning_order(db) -> None:
    assert prompt_choice.favourites(db) == []
    prompt_choice.set_favourite(db, "ct.body", True)
    prompt_choice.set_favourite(db, "gibbs.feelings", True)
    prompt_choice.set_favourite(db, "ct.body", True)  # twice: once
    assert prompt_choice.favourites(db) == ["ct.body", "gibbs.feelings"]
    assert store.get_setting(db, "prompts.favourites") == ["ct.body", "gibbs.feelings"]
    prompt_choice.set_favourite(db, "ct.body", False)
    assert prompt_choice.favourites(db) == ["gibbs.feelings"]


def test_malformed_favourites_setting_reads_as_what_can_be_used(db) -> None:
    store.set_setting(db, "prompts.favourites", {"not": "a list"})
    assert prompt_choice.favourites(db) == []
    store.set_setting(db, "prompts.favourites", ["ct.body", 3, None, "", "ct.body"])
    assert prompt_choice.favourites(db) == ["ct.body"]


def test_own_prompt_is_validated_stored_and_merged(db) -> None:
    prompt = prompt_choice.add_custom_prompt(db, EN, title=" Silence ",
                                             question="What did the silences hold?")
    assert prompt.id.startswith("custom.") and prompt.custom
    assert prompt.title == "Silence" and prompt.framework == "custom"
    library = prompt_choice.library_for(db, "en")
    assert library.by_id(prompt.id) == prompt
    assert library.search("silences hold") == [prompt]
    # In a framework of the library, it takes part in suggestions like the shipped ones.
    ct = prompt_choice.add_custom_prompt(db, library, title="Envy", question="Did I envy?",
                                         framework="countertransference")
    assert prompt_choice.library_for(db, "fr").by_id(ct.id).framework == "countertransference"
    with pytest.raises(PromptLibraryError):
        prompt_choice.add_custom_prompt(db, library, title="", question="No title")
    with pytest.raises(PromptLibraryError):
        prompt_choice.add_custom_prompt(db, library, title="T", question="Q", framework="nope")
    assert len(prompt_choice.custom_entries(db)) == 2  # the refused ones were not stored


def test_deleting_an_own_prompt_unpins_it(db) -> None:
    prompt = prompt_choice.add_custom_prompt(db, EN, title="T", question="Q?")
    prompt_choice.set_favourite(db, prompt.id, True)
    prompt_choice.delete_custom_prompt(db, prompt.id)
    assert prompt_choice.library_for(db, "en").by_id(prompt.id) is None
    assert prompt_choice.favourites(db) == []


def test_a_broken_own_prompt_does_not_take_the_library_down(db) -> None:
    good = {"id": "custom.good", "framework": "custom", "title": "T", "question": "Q"}
    store.set_setting(db, "prompts.custom", [
        {"id": "custom.bad", "framework": "gone", "title": "T", "question": "Q"},
        good, dict(good), "junk"])
    library = prompt_choice.library_for(db, "en")
    assert [p.id for p in library.custom_prompts] == ["custom.good"]
    assert len(library) == len(EN) + 1


# -- suggestion inputs --------------------------------------------------------------------

def _client_with_sessions(db, n: int):
    client = store.add_client(db, "Iris")
    sessions = [store.add_session(db, client.id, date(2026, 1, 1) + timedelta(weeks=i))
                for i in range(n)]
    return client, sessions


def test_recent_prompt_ids_are_the_sessions_before_newest_first(db) -> None:
    client, sessions = _client_with_sessions(db, 6)
    for i, session in enumerate(sessions):
        store.add_reflection(db, f"answer {i}", session_id=session.id, prompt_id=f"ct.p{i}")
    store.add_reflection(db, "  ", session_id=sessions[3].id, prompt_id="ct.empty")
    reflections = store.list_reflections(db, client_id=client.id)
    listed = store.list_sessions(db, client.id)
    recent = prompt_choice.recent_prompt_ids(listed, reflections, sessions[4].id)
    assert len(recent) == BLOCKED_SESSIONS
    assert recent == [["ct.p3"], ["ct.p2"], ["ct.p1"]]  # the empty answer does not block
    assert prompt_choice.recent_prompt_ids(listed, reflections, sessions[0].id) == []


def test_suggestions_skip_the_clients_recent_prompts_and_are_stable(db) -> None:
    client, sessions = _client_with_sessions(db, 3)
    first = prompt_choice.suggestions(EN, session_id=sessions[1].id,
                                      client_sessions=store.list_sessions(db, client.id),
                                      client_reflections=[], counts={})
    assert len(first) == prompt_choice.SUGGESTION_COUNT
    assert first[0].framework == "countertransference"
    # Answering the first suggestion in session 1 keeps it away from session 2.
    store.add_reflection(db, "yes", session_id=sessions[0].id, prompt_id=first[0].id)
    reflections = store.list_reflections(db, client_id=client.id)
    again = prompt_choice.suggestions(EN, session_id=sessions[1].id,
                                      client_sessions=store.list_sessions(db, client.id),
                                      client_reflections=reflections,
                                      counts=prompt_choice.history_counts(reflections))
    assert first[0] not in again
    same = prompt_choice.suggestions(EN, session_id=sessions[1].id,
                                     client_sessions=store.list_sessions(db, client.id),
                                     client_reflections=reflections,
                                     counts=prompt_choice.history_counts(reflections))
    assert same == again


def test_history_counts_ignore_empty_and_free_answers(db) -> None:
    _client, sessions = _client_with_sessions(db, 1)
    for text, pid in (("a", "ct.body"), ("b", "ct.body"), ("", "ct.fear"), ("c", None)):
        store.add_reflection(db, text, session_id=sessions[0].id, prompt_id=pid)
    counts = prompt_choice.history_counts(store.list_reflections(db))
    assert counts == {"ct.body": 2}


# -- case presentation --------------------------------------------------------------------

def test_compose_puts_parts_in_the_usual_order_under_headings() -> None:
    text = cp.compose({"risk": "None seen.", "question": "Why do I rush?", "context": ""},
                      HEADINGS)
    assert text == "## My question\nWhy do I rush?\n\n## Risk and ethics\nNone seen."
    assert cp.parse(text, [HEADINGS]) == {**dict.fromkeys(cp.PARTS, ""),
                                          "question": "Why do I rush?", "risk": "None seen."}


part_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60).filter(
    lambda t: not any(line.startswith("## ") for line in t.split("\n")))


@given(st.fixed_dictionaries({key: part_text for key in cp.PARTS}))
def test_parse_gives_back_what_compose_wrote(parts: dict[str, str]) -> None:
    text = cp.compose(parts, HEADINGS)
    back = cp.parse(text, [FRENCH, HEADINGS])
    for key in cp.PARTS:
        expected = parts[key].strip("\n") if parts[key].strip() else ""
        assert back[key] == expected


def test_parse_never_drops_text_written_under_unknown_headings() -> None:
    text = cp.compose({"question": "Q", "risk": "R"}, FRENCH)
    back = cp.parse(text, [HEADINGS])  # the French headings are unknown now
    assert back["question"] == text
    assert all(back[key] == "" for key in cp.PARTS[1:])


def test_seeds_map_approved_sections_to_parts_in_session_order() -> None:
    seeds = cp.seeds([(7, "countertransference", "Sleepy."), (5, "relationship", "Warm."),
                      (5, "countertransference", "Heavy."), (6, "plan", "Diary."),
                      (5, "supervision_questions", "Why?"), (6, "ethics", " ")])
    assert seeds["relationship"] == [(5, "Warm."), (5, "Heavy."), (7, "Sleepy.")]
    assert seeds["question"] == [(5, "Why?")]
    assert seeds["risk"] == []  # blank text seeds nothing
    assert all(text != "Diary." for pairs in seeds.values() for _, text in pairs)


# -- preparation --------------------------------------------------------------------------

def test_prepare_lists_sessions_since_the_last_supervision(db) -> None:
    iris = store.add_client(db, "Iris")
    kestrel = store.add_client(db, "Kestrel")
    store.add_client(db, "Quiet")  # no sessions: not listed
    old = store.add_session(db, iris.id, date(2026, 2, 1),
                            sections={"supervision_questions": "Old question?"})
    store.add_supervision(db, date(2026, 2, 10), "Dr B", "individual", 60)
    s1 = store.add_session(db, iris.id, date(2026, 2, 10), sections={"process": "same day"})
    s2 = store.add_session(db, kestrel.id, date(2026, 2, 12),
                           sections={"presenting": "P", "private": "never"})
    s3 = store.add_session(db, iris.id, date(2026, 2, 15), sections={"process": "late"})
    store.approve_section(db, s2.id, "presenting")
    store.approve_section(db, old.id, "supervision_questions")

    prep = prepare.prepare(db, today=date(2026, 2, 20))
    assert prep.last_supervision == date(2026, 2, 10)
    assert prep.start == date(2026, 2, 11)
    assert [p.session.id for p in prep.sessions] == [s2.id, s3.id]
    assert [s.key for s in prep.sessions[0].approved] == ["presenting"]
    assert prep.sessions[1].approved == ()
    assert [q.text for q in prep.open_questions] == ["Old question?"]
    assert prep.client_ids() == [iris.id, kestrel.id]
    assert s1.id not in [p.session.id for p in prep.sessions]


def test_prepare_without_supervision_looks_back_four_weeks(db) -> None:
    client = store.add_client(db, "Iris")
    store.add_session(db, client.id, date(2026, 1, 1))
    recent = store.add_session(db, client.id, date(2026, 3, 1))
    # A supervision planned for later does not count as the last one.
    store.add_supervision(db, date(2026, 4, 1), "Dr B", "individual", 60)
    prep = prepare.prepare(db, today=date(2026, 3, 10))
    assert prep.last_supervision is None
    assert prep.start == date(2026, 3, 10) - timedelta(days=prepare.FIRST_WINDOW_DAYS)
    assert [p.session.id for p in prep.sessions] == [recent.id]


# -- patterns -----------------------------------------------------------------------------

def _points(spec: list[tuple[int, str, int]]) -> list[FeelingPoint]:
    return [FeelingPoint(n * 10, n, date(2026, 1, n), feeling, intensity)
            for n, feeling, intensity in spec]


def test_rows_put_the_most_recurrent_feeling_first() -> None:
    points = _points([(1, "fear", 1), (1, "boredom", 2), (2, "boredom", 3), (3, "anger", 1),
                      (4, "boredom", 1), (4, "fear", 2)])
    assert patterns.feeling_rows(points) == ["boredom", "fear", "anger"]
    assert patterns.recurring(points) == [("boredom", 3)]
    assert patterns.recurring(points, min_sessions=2) == [("boredom", 3), ("fear", 2)]
    assert patterns.feeling_rows([]) == [] and patterns.recurring([]) == []
