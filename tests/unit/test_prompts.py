"""The reflection prompt library: shipped data, loader validation, search and suggestions."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supervision_journal.errors import KnownError
from supervision_journal.prompts import (
    PromptLibraryError,
    available_languages,
    load_library,
    suggest,
)
from supervision_journal.prompts.library import builtin_directory, fold
from supervision_journal.prompts.suggest import BLOCKED_SESSIONS, ct_quota

LANGUAGES = ("en", "fr")
TEXT_FIELDS = ("title", "question", "hint")
# The id prefix each framework's prompts carry (docs/prompts.md).
PREFIXES = {
    "countertransference": "ct",
    "gibbs": "gibbs",
    "kolb": "kolb",
    "driscoll": "driscoll",
    "schon": "schon",
    "proctor": "proctor",
    "seven_eyes": "eyes",
    "ethics": "ethics",
}
EN = load_library("en")
FR = load_library("fr")
CT_IDS = [p.id for p in EN.in_framework("countertransference")]


def raw(language: str) -> dict[str, Any]:
    return json.loads((builtin_directory() / f"{language}.json").read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------- shipped data

def test_both_languages_are_shipped() -> None:
    assert set(LANGUAGES) <= set(available_languages())


def test_every_prompt_id_exists_in_both_languages_with_the_same_framework() -> None:
    en = [(p["id"], p["framework"]) for p in raw("en")["prompts"]]
    fr = [(p["id"], p["framework"]) for p in raw("fr")["prompts"]]
    assert en == fr


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_duplicate_ids(language: str) -> None:
    ids = Counter(p["id"] for p in raw(language)["prompts"])
    assert [pid for pid, n in ids.items() if n > 1] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_referenced_frameworks_exist_with_labels(language: str) -> None:
    data = raw(language)
    used = {p["framework"] for p in data["prompts"]}
    assert used <= set(data["frameworks"])
    assert all(label.strip() for label in data["frameworks"].values())


def test_framework_ids_and_order_match_across_languages() -> None:
    assert list(raw("en")["frameworks"]) == list(raw("fr")["frameworks"])
    assert list(EN.frameworks) == list(FR.frameworks)


@pytest.mark.parametrize("language", LANGUAGES)
def test_ids_carry_their_framework_prefix(language: str) -> None:
    for prompt in load_library(language):
        prefix, slug = prompt.id.split(".")
        assert PREFIXES[prompt.framework] == prefix, prompt.id
        assert re.fullmatch(r"[a-z0-9_]+", slug), prompt.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_library_is_large_enough_and_covers_every_framework(language: str) -> None:
    library = load_library(language)
    assert len(library) >= 40
    assert len(library.in_framework("countertransference")) >= 12
    assert len(library.in_framework("gibbs")) == 6
    assert len(library.in_framework("seven_eyes")) == 7
    assert len(library.in_framework("driscoll")) == 3
    assert len(library.in_framework("kolb")) == 4
    assert len(library.in_framework("schon")) >= 2
    assert len(library.in_framework("proctor")) >= 3
    assert len(library.in_framework("ethics")) >= 8
    for framework in PREFIXES:
        assert library.in_framework(framework), framework


def test_named_themes_are_present() -> None:
    ids = {p.id for p in EN}
    for required in ("ct.rescue", "ct.boredom", "ct.irritation", "ct.attraction", "ct.fear",
                     "ct.body", "ct.reminds_me", "ct.role", "gibbs.description",
                     "gibbs.action_plan", "driscoll.what", "driscoll.so_what",
                     "driscoll.now_what", "schon.in_action", "schon.on_action",
                     "proctor.normative", "proctor.formative", "proctor.restorative",
                     "eyes.parallel_process", "ethics.pressure", "ethics.boundaries",
                     "ethics.neutrality", "ethics.projections", "ethics.power",
                     "ethics.competence", "ethics.medical_acts", "ethics.discretion"):
        assert required in ids, required


def test_eye_five_is_the_parallel_process() -> None:
    for library, word in ((EN, "parallel process"), (FR, "processus parallèle")):
        prompt = library.by_id("eyes.parallel_process")
        assert prompt is not None
        assert word in (prompt.title + " " + prompt.hint).lower()
        assert "5" in prompt.title


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_empty_strings(language: str) -> None:
    data = raw(language)
    for prompt in data["prompts"]:
        for key in ("id", "framework", *TEXT_FIELDS):
            assert isinstance(prompt[key], str) and prompt[key].strip(), (prompt["id"], key)
            assert prompt[key] == prompt[key].strip(), (prompt["id"], key)


@pytest.mark.parametrize("language", LANGUAGES)
def test_questions_are_questions(language: str) -> None:
    for prompt in load_library(language):
        assert prompt.question.endswith("?"), prompt.id


ENGLISH_WORDS = re.compile(
    r"\b(the|and|what|with|did|how|which|my|this|that|feel|would|session|client's|I)\b")
FRENCH_WORDS = re.compile(r"\b(je|j|ai|séance|personne|est|qu|pour|avec|ce|mon|ma)\b",
                          re.IGNORECASE)


def test_french_file_has_no_english_leftovers() -> None:
    for prompt in FR:
        for key in TEXT_FIELDS:
            text = getattr(prompt, key)
            hits = ENGLISH_WORDS.findall(text.replace("’", "'"))
            assert hits == [], (prompt.id, key, hits)


def test_english_file_has_no_french_leftovers() -> None:
    for prompt in EN:
        for key in TEXT_FIELDS:
            hits = FRENCH_WORDS.findall(getattr(prompt, key).replace("'", " "))
            assert hits == [], (prompt.id, key, hits)


def test_french_questions_speak_in_the_first_person_without_tutoiement() -> None:
    # "-t-elle" is euphony, not tutoiement; "t’" before a vowel is.
    tu = re.compile(r"\b(tu|te|toi|ton|ta|tes)\b|(?<![\w-])t[’']", re.IGNORECASE)
    first_person = re.compile(r"\b(je|j|me|m|moi|mon|ma|mes|ai)\b", re.IGNORECASE)
    for prompt in FR:
        assert not tu.search(prompt.question), prompt.id
    with_je = [p for p in FR if first_person.search(p.question.replace("’", " "))]
    assert len(with_je) >= len(FR) * 3 // 4


def test_french_typography_uses_non_breaking_spaces() -> None:
    for prompt in FR:
        for key in TEXT_FIELDS:
            text = getattr(prompt, key)
            assert not re.search(r" [?!:;»]|« ", text), (prompt.id, key)
            assert "'" not in text, (prompt.id, key)


# ---------------------------------------------------------------------------- loader

@pytest.mark.parametrize(("asked", "expected"), [
    ("fr", "fr"), ("fr_FR", "fr"), ("fr-CA", "fr"), ("FR", "fr"), ("en_GB", "en"),
    ("de", "en"), ("pt_BR", "en"), ("", "en"), ("../fr", "en"),
])
def test_language_selection_falls_back_to_english(asked: str, expected: str) -> None:
    assert load_library(asked).language == expected


def test_loaded_prompts_match_the_file() -> None:
    data = raw("fr")
    assert [p.id for p in FR] == [p["id"] for p in data["prompts"]]
    first = data["prompts"][0]
    prompt = FR.by_id(first["id"])
    assert prompt is not None
    assert (prompt.title, prompt.question, prompt.hint) == (first["title"], first["question"],
                                                            first["hint"])
    assert not prompt.custom
    assert FR.by_id("ct.no_such_prompt") is None
    assert dict(FR.frameworks) == data["frameworks"]


def write_library(folder: Path, language: str, data: dict[str, Any]) -> Path:
    path = folder / f"{language}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def broken(mutate: Any) -> dict[str, Any]:
    data = raw("en")
    mutate(data)
    return data


def _set(data: dict[str, Any], index: int, key: str, value: Any) -> None:
    data["prompts"][index][key] = value


BAD_ENTRIES = [
    ("empty question", lambda d: _set(d, 3, "question", "  "), "prompts[3]"),
    ("missing hint", lambda d: d["prompts"][4].pop("hint"), "prompts[4]"),
    ("number as title", lambda d: _set(d, 5, "title", 12), "prompts[5]"),
    ("unknown framework", lambda d: _set(d, 6, "framework", "jung"), "prompts[6]"),
    ("custom framework", lambda d: _set(d, 6, "framework", "custom"), "prompts[6]"),
    ("duplicate id", lambda d: _set(d, 7, "id", d["prompts"][0]["id"]), "prompts[7]"),
    ("custom id", lambda d: _set(d, 8, "id", "custom.mine"), "prompts[8]"),
    ("bad id", lambda d: _set(d, 9, "id", "Gibbs stage"), "prompts[9]"),
    ("unknown field", lambda d: _set(d, 10, "hnit", "typo"), "prompts[10]"),
    ("not an object", lambda d: d["prompts"].__setitem__(11, "ct.x"), "prompts[11]"),
    ("prefix of another framework",
     lambda d: _set(d, len(d["prompts"]) - 1, "id", "gibbs.extra"),
     f"prompts[{len(raw('en')['prompts']) - 1}]"),
]


@pytest.mark.parametrize(("defect", "mutate", "where"), BAD_ENTRIES,
                         ids=[entry[0] for entry in BAD_ENTRIES])
def test_bad_entry_is_reported_with_file_and_index(tmp_path: Path, defect: str, mutate: Any,
                                                   where: str) -> None:
    path = write_library(tmp_path, "en", broken(mutate))
    with pytest.raises(PromptLibraryError) as caught:
        load_library("en", directory=tmp_path)
    assert str(path) in caught.value.message
    assert where in caught.value.message
    assert isinstance(caught.value, KnownError)


@pytest.mark.parametrize(("mutate", "fragment"), [
    (lambda d: d.__setitem__("format", "something-else"), "'format'"),
    (lambda d: d.__setitem__("version", 2), "newer version"),
    (lambda d: d.__setitem__("version", "1"), "'version'"),
    (lambda d: d.__setitem__("language", "fr"), "'language'"),
    (lambda d: d.__setitem__("prompts", []), "'prompts'"),
    (lambda d: d["frameworks"].pop("custom"), "'custom'"),
    (lambda d: d["frameworks"].__setitem__("gibbs", ""), "frameworks['gibbs']"),
])
def test_bad_file_header_is_reported(tmp_path: Path, mutate: Any, fragment: str) -> None:
    path = write_library(tmp_path, "en", broken(mutate))
    with pytest.raises(PromptLibraryError) as caught:
        load_library("en", directory=tmp_path)
    assert str(path) in caught.value.message
    assert fragment in caught.value.message


def test_invalid_json_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "fr.json"
    path.write_text('{\n  "format": "supervision-journal-prompts",\n  oops\n}', encoding="utf-8")
    with pytest.raises(PromptLibraryError, match="line 3") as caught:
        load_library("fr", directory=tmp_path)
    assert str(path) in caught.value.message


def test_missing_language_uses_english_from_the_same_folder(tmp_path: Path) -> None:
    write_library(tmp_path, "en", raw("en"))
    assert load_library("fr", directory=tmp_path).language == "en"


def test_folder_without_any_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(PromptLibraryError, match="not found"):
        load_library("en", directory=tmp_path)


# ---------------------------------------------------------------------------- custom prompts

CUSTOM = [
    {"id": "custom.silence", "framework": "countertransference", "title": "Les silences",
     "question": "Que m'ont fait vivre les longs silences ?", "hint": ""},
    {"id": "custom.ecrit-1", "framework": "custom", "title": "Mon rituel",
     "question": "Qu'est-ce que je laisse au vestiaire ?"},
]


def test_custom_prompts_are_merged_after_the_builtin_ones() -> None:
    merged = FR.with_custom(CUSTOM)
    assert len(merged) == len(FR) + 2
    assert [p.id for p in merged.prompts[-2:]] == ["custom.silence", "custom.ecrit-1"]
    silence = merged.by_id("custom.silence")
    assert silence is not None and silence.custom and silence.hint == ""
    assert merged.in_framework("countertransference")[-1] == silence
    assert [p.id for p in merged.in_framework("custom")] == ["custom.ecrit-1"]
    assert [p.id for p in merged.custom_prompts] == ["custom.silence", "custom.ecrit-1"]
    assert [p.id for p in merged.search("vestiaire")] == ["custom.ecrit-1"]
    assert len(FR) == len(raw("fr")["prompts"]), "the original library is unchanged"


@pytest.mark.parametrize(("entry", "fragment"), [
    ({"id": "ct.silence", "framework": "custom", "title": "t", "question": "q"}, "'custom.'"),
    ({"id": "custom.a b", "framework": "custom", "title": "t", "question": "q"}, "'custom.'"),
    ({"id": "custom.x", "framework": "jung", "title": "t", "question": "q"}, "framework"),
    ({"id": "custom.x", "framework": "custom", "title": "", "question": "q"}, "'title'"),
    ({"id": "custom.x", "framework": "custom", "title": "t"}, "'question'"),
    ({"id": "custom.x", "framework": "custom", "title": "t", "question": "q", "hint": 3},
     "'hint'"),
    ({"id": "custom.x", "framework": "custom", "title": "t", "question": "q", "note": "x"},
     "'note'"),
])
def test_bad_custom_prompt_is_rejected_by_index(entry: dict[str, Any], fragment: str) -> None:
    with pytest.raises(PromptLibraryError) as caught:
        FR.with_custom([CUSTOM[0], entry])
    assert "entry [1]" in caught.value.message
    assert fragment in caught.value.message


def test_custom_id_used_twice_is_rejected_without_echoing_text() -> None:
    secret = {**CUSTOM[0], "title": "Madame Dupont-Lefèvre"}
    with pytest.raises(PromptLibraryError) as caught:
        FR.with_custom([CUSTOM[0], secret])
    assert "entry [1]" in caught.value.message
    assert "Dupont" not in caught.value.message


# ---------------------------------------------------------------------------- search

def test_search_ignores_accents_and_case() -> None:
    with_colere = [p for p in FR if "colère" in (p.title + p.question + p.hint).lower()]
    assert with_colere, "the French library speaks of colère"
    for query in ("colere", "COLÈRE", "Colère", "  colere "):
        found = FR.search(query)
        assert set(with_colere) <= set(found)
        assert all("colere" in fold(f"{p.title} {p.question} {p.hint}") for p in found)


def test_search_handles_ligatures_hyphens_and_several_words() -> None:
    assert "ct.body" in [p.id for p in FR.search("noeud estomac")]
    assert FR.search("contre transfert") == FR.search("Contre-Transfert")
    both = FR.search("corps séance")
    assert both and all("corps" in fold(p.question + p.hint + p.title) for p in both)
    assert FR.search("colere zzzz") == []


def test_search_puts_title_matches_first_and_empty_text_returns_all() -> None:
    results = EN.search("boundaries")
    titles = [("boundaries" in p.title.lower()) for p in results]
    assert True in titles and False in titles
    assert titles == sorted(titles, reverse=True)
    assert EN.search("   ") == list(EN)


def test_search_includes_the_framework_label() -> None:
    assert {p.id for p in EN.search("gibbs")} >= {p.id for p in EN.in_framework("gibbs")}


def test_fold() -> None:
    assert fold("Œil 4 : l’ÉCHO\u00a0!") == "oeil 4 l echo"


# ---------------------------------------------------------------------------- suggestions

def ids(prompts: list[Any]) -> list[str]:
    return [p.id for p in prompts]


def test_countertransference_comes_first() -> None:
    for count in range(1, 10):
        for seed in range(20):
            result = suggest(EN, recent_prompt_ids_for_client=[], history_counts={}, seed=seed,
                             count=count)
            assert len(result) == count
            frameworks = [p.framework == "countertransference" for p in result]
            n_ct = ct_quota(count)
            assert all(frameworks[:n_ct]), (count, seed)
            assert frameworks == sorted(frameworks, reverse=True), "ct first"
            if count >= 3:
                assert sum(frameworks) >= 2


def test_same_seed_same_list_and_seeds_rotate() -> None:
    def run(seed: int) -> list[str]:
        return ids(suggest(FR, recent_prompt_ids_for_client=[["ct.body"]],
                           history_counts={"ct.rescue": 3}, seed=seed))

    assert run(41) == run(41)
    assert len({tuple(run(seed)) for seed in range(30)}) > 20


def test_the_same_seed_gives_the_same_ranking_in_both_languages() -> None:
    kwargs: dict[str, Any] = {"recent_prompt_ids_for_client": [], "history_counts": {}}
    for seed in range(10):
        assert ids(suggest(EN, seed=seed, **kwargs)) == ids(suggest(FR, seed=seed, **kwargs))


def test_coverage_of_countertransference_grows_over_sessions() -> None:
    """Thirty consecutive sessions of one client, answering the first two suggestions each time."""
    recent: list[list[str]] = []
    counts: Counter[str] = Counter()
    seen: set[str] = set()
    coverage: list[int] = []
    for seed in range(1000, 1030):
        offered = suggest(EN, recent_prompt_ids_for_client=recent, history_counts=counts,
                          seed=seed)
        seen |= {p.id for p in offered if p.framework == "countertransference"}
        coverage.append(len(seen))
        answered = [p.id for p in offered[:2]]
        counts.update(answered)
        recent.insert(0, answered)
    assert coverage[9] > coverage[0] * 3
    assert coverage[-1] == len(CT_IDS), "every countertransference prompt came round"
    assert max(counts.values()) - min(counts[i] for i in CT_IDS) <= 3, "answers spread evenly"


def test_coverage_grows_over_seeds_even_without_history() -> None:
    seen: set[str] = set()
    for seed in range(30):
        offered = suggest(EN, recent_prompt_ids_for_client=[], history_counts={}, seed=seed)
        seen |= {p.id for p in offered if p.framework == "countertransference"}
    assert len(seen) >= len(CT_IDS) * 3 // 4


def test_least_used_prompts_are_offered_more_often() -> None:
    worn = set(CT_IDS[::2])
    counts = {pid: 10 for pid in worn}
    offered: Counter[str] = Counter()
    for seed in range(60):
        offered.update(ids(suggest(EN, recent_prompt_ids_for_client=[], history_counts=counts,
                                   seed=seed)))
    fresh_total = sum(offered[pid] for pid in CT_IDS if pid not in worn)
    worn_total = sum(offered[pid] for pid in worn)
    assert fresh_total > 10 * max(worn_total, 1)


def test_prompts_of_the_last_three_sessions_are_never_offered() -> None:
    recent = [CT_IDS[:4], CT_IDS[4:8], CT_IDS[8:11], CT_IDS[11:]]
    allowed_ct = set(CT_IDS[11:])  # only the fourth session back may come again
    for seed in range(30):
        offered = suggest(EN, recent_prompt_ids_for_client=recent, history_counts={},
                          seed=seed, count=6)
        assert {p.id for p in offered if p.framework == "countertransference"} <= allowed_ct
        assert len(offered) == 6


def test_other_slots_span_several_frameworks() -> None:
    for seed in range(20):
        offered = suggest(EN, recent_prompt_ids_for_client=[], history_counts={}, seed=seed)
        rest = [p.framework for p in offered if p.framework != "countertransference"]
        assert len(rest) == 3 and len(set(rest)) == 3


def test_favourites_take_one_slot_unless_blocked() -> None:
    favourite = "proctor.restorative"
    for seed in range(30):
        offered = ids(suggest(EN, recent_prompt_ids_for_client=[], history_counts={},
                              seed=seed, favourites=[favourite, "no.such"]))
        assert offered.count(favourite) == 1
        blocked = ids(suggest(EN, recent_prompt_ids_for_client=[[], [favourite]],
                              history_counts={}, seed=seed, favourites=[favourite]))
        assert favourite not in blocked


def test_count_edges() -> None:
    assert suggest(EN, recent_prompt_ids_for_client=[], history_counts={}, seed=1,
                   count=0) == []
    with pytest.raises(ValueError):
        suggest(EN, recent_prompt_ids_for_client=[], history_counts={}, seed=1, count=-1)
    everything = suggest(EN, recent_prompt_ids_for_client=[], history_counts={}, seed=1,
                         count=1000)
    assert sorted(ids(everything)) == sorted(ids(list(EN)))


ALL_IDS = [p.id for p in EN] + ["custom.gone"]
id_lists = st.lists(st.sampled_from(ALL_IDS), max_size=12)


@settings(max_examples=300, deadline=None)
@given(recent=st.lists(id_lists, max_size=6),
       counts=st.dictionaries(st.sampled_from(ALL_IDS), st.integers(0, 500)),
       seed=st.integers(-(2**63), 2**63),
       count=st.integers(0, 15),
       favourites=st.lists(st.sampled_from(ALL_IDS), max_size=4))
def test_suggestion_properties(recent: list[list[str]], counts: dict[str, int], seed: int,
                               count: int, favourites: list[str]) -> None:
    kwargs: dict[str, Any] = {"recent_prompt_ids_for_client": recent, "history_counts": counts,
                              "seed": seed, "count": count, "favourites": favourites}
    offered = suggest(EN, **kwargs)
    blocked = {pid for session in recent[:BLOCKED_SESSIONS] for pid in session}
    eligible = [p for p in EN if p.id not in blocked]
    eligible_ct = [p for p in eligible if p.framework == "countertransference"]

    assert not blocked & set(ids(offered)), "a prompt of the last 3 sessions came back"
    assert len(set(ids(offered))) == len(offered), "no prompt twice"
    assert len(offered) == min(count, len(eligible))
    assert all(EN.by_id(p.id) == p for p in offered)
    is_ct = [p.framework == "countertransference" for p in offered]
    assert is_ct == sorted(is_ct, reverse=True), "countertransference first"
    assert sum(is_ct) >= min(ct_quota(count), len(eligible_ct))
    eligible_favourites = [f for f in favourites if f in EN and f not in blocked]
    if count >= ct_quota(count) + 1 and eligible_favourites:
        assert set(eligible_favourites) & set(ids(offered))
    assert suggest(EN, **kwargs) == offered, "deterministic"
