"""The leak guard: every registered term in any spelling, every copied private run (T26)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from test_anonymise import oracle_letters, planted

from supervision_journal.errors import ExportBlocked, KnownError
from supervision_journal.export.leak_guard import CANARY_WORDS, LeakHit, TermMatcher, check
from supervision_journal.export.normalise import line_column
from supervision_journal.journal.models import IdentityTerm

TERMS = [IdentityTerm("Paul Dupont", "full_name", "client"),
         IdentityTerm("Anne", "identifier", "sister"),
         IdentityTerm("Jean Pierre", "identifier", "partner"),
         IdentityTerm("Rose Blanc", "full_name", None),
         "Tigre"]


def found(text: str, terms: list[IdentityTerm | str] = TERMS) -> list[tuple[str, int | None]]:
    return [(text[h.start:h.end], h.term_index) for h in check(text, terms)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Paul Dupont est venu", [("Paul Dupont", 0)]),
    ("PAUL DUPONT", [("PAUL DUPONT", 0)]),
    ("paul\u00a0dupont", [("paul\u00a0dupont", 0)]),
    ("Pa\u200bul Du\u2060pont", [("Pa\u200bul Du\u2060pont", 0)]),
    ("Du-\npont's sister", [("Du-\npont", 0)]),
    ("les Duponts", [("Duponts", 0)]),
    ("d'Anne et l'Anne", [("Anne", 1), ("Anne", 1)]),
    ("Ρаul", [("Ρаul", 0)]),  # Greek capital rho, Cyrillic a
    ("J. Pierre, P. Dupont", [("J. Pierre", 2), ("P. Dupont", 0)]),
    ("JeanPierre et Jean-Pierre", [("JeanPierre", 2), ("Jean-Pierre", 2)]),
    ("Du Pont", [("Du Pont", 0)]),
    ("le Tigre rugit", [("Tigre", 4)]),
    ("Rose arrive, Blanc aussi", [("Rose", 3), ("Blanc", 3)]),
])
def test_finds_registered_terms(text: str, expected: list[tuple[str, int]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "Paulette et Dupontel",  # inside longer words
    "un an ne suffit pas",  # "anne" across an ordinary space
    "Jean, Pierre et Marie",  # two people, not the registered "Jean Pierre"
    "une pierre rose et un mur blanc",  # common words of a name, in lower case
    "du pont de la rivière",
    "Annecy et Annemasse",
])
def test_ignores_lookalike_ordinary_text(text: str) -> None:
    assert found(text) == []


def test_initials_need_their_full_stop() -> None:
    terms: list[IdentityTerm | str] = [IdentityTerm("Anatole Rousseau", "full_name", None)]
    assert found("à Rousseau, A. Rousseau", terms) == [("Rousseau", 0), ("A. Rousseau", 0)]


def test_hit_says_where_and_never_what() -> None:
    text = "Première ligne.\nDeuxième :\n\tla sœur, ANNE, a appelé."
    hits = check(text, TERMS)
    assert [(h.kind, h.line, h.column, h.term_index, h.role) for h in hits] == [
        ("registered_term", 3, 11, 1, "sister")]
    message = str(hits[0]) + repr(hits[0])
    assert "registered term #1 (sister) at line 3, column 11" in message
    assert "anne" not in message.casefold()


def test_roles_are_cleaned_and_defaulted() -> None:
    terms: list[IdentityTerm | str] = [IdentityTerm("Quimper", "identifier", "[town]"),
                                       IdentityTerm("Kerboul", "identifier", None),
                                       IdentityTerm("Polo", "alias", None)]
    assert [h.role for h in check("Quimper, Kerboul, Polo", terms)] == [
        "town", "identifier", "client"]


def test_the_caller_blocks_with_a_safe_message() -> None:
    hits = check("Tigre", TERMS)
    error = ExportBlocked("; ".join(map(str, hits)))
    assert isinstance(error, KnownError) and "Tigre" not in error.message
    assert error.exit_code == 3


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(planted())
def test_guard_catches_every_variant(case: tuple[str, str, int, int]) -> None:
    term, text, start, end = case
    hits = check(text, [IdentityTerm(term, "identifier", "partner")])
    prefix = next((p for p in ("qu'", "d'", "l'", "d’", "(", "«", "\"")
                   if text.startswith(p, start)), "")
    first_letter = next(i for i in range(start + len(prefix), end) if text[i].isalnum())
    covering = [h for h in hits if h.start <= first_letter < h.end]
    assert covering, (text, hits)
    hit = covering[0]
    assert (hit.line, hit.column) == line_column(text, hit.start)
    assert oracle_letters(term)[:4] not in oracle_letters(str(hit) + repr(hit))


def test_matcher_can_be_reused_for_the_same_terms() -> None:
    matcher = TermMatcher(TERMS)
    assert check("Paul", TERMS, matcher=matcher) == check("Paul", TERMS)
    assert check("Paul", [], matcher=matcher)  # the matcher's own terms are used


# ---------------------------------------------------------------------------------------------
# canaries: runs copied from unapproved text

PRIVATE = ("Je me sens envahie par ma propre histoire familiale quand elle parle de son "
           "enfance, et cela me fatigue.")


def canaries(text: str, private: list[str]) -> list[LeakHit]:
    return [h for h in check(text, [], private) if h.kind == "private_text"]


def test_eight_copied_words_are_caught_whatever_the_spelling() -> None:
    copied = "Note : ma PROPRE histoire\u00a0familiale quand\nelle parle de son  enfance."
    hits = canaries(copied, ["autre texte", PRIVATE])
    assert len(hits) == 1  # one hit for the whole run
    hit = hits[0]
    assert hit.source_index == 1 and (hit.line, hit.column) == (1, 8)
    assert copied[hit.start:hit.end] == ("ma PROPRE histoire\u00a0familiale quand\nelle parle de "
                                         "son  enfance")
    assert "histoire" not in str(hit) + repr(hit)
    assert str(hit) == f"{CANARY_WORDS}+ words from unapproved text #1 at line 1, column 8"


def test_seven_copied_words_are_not_a_canary() -> None:
    words = PRIVATE.split()
    assert canaries("… " + " ".join(words[3:3 + CANARY_WORDS - 1]) + " …", [PRIVATE]) == []
    assert len(canaries(" ".join(words[3:3 + CANARY_WORDS]), [PRIVATE])) == 1


def test_two_separate_copies_are_two_hits() -> None:
    words = PRIVATE.split()
    first, second = " ".join(words[:CANARY_WORDS]), " ".join(words[-CANARY_WORDS:])
    hits = canaries(f"{first}. Autre chose entre les deux. {second}", [PRIVATE])
    assert len(hits) == 2 and hits[0].line == hits[1].line == 1


def test_hits_come_in_reading_order() -> None:
    text = "Tigre.\n" + " ".join(PRIVATE.split()[:CANARY_WORDS]) + "\nPaul"
    hits = check(text, TERMS, [PRIVATE])
    assert [(h.kind, h.line) for h in hits] == [
        ("registered_term", 1), ("private_text", 2), ("registered_term", 3)]
