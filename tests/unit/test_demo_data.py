"""The demo vaults shipped in resources/demo/: they import into a fresh vault, round-trip, show
every part of the app, and stay plainly fictional.

The files are kept in canonical form (exactly what ``export-data`` writes). After a change to the
interchange format, regenerate each with: init a scratch vault, ``import`` the file, then
``export-data`` over it.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

from supervision_journal import interchange
from supervision_journal.hours import store as hours
from supervision_journal.journal import store as journal
from supervision_journal.journal.models import NEVER_SHARED, TEMPLATES
from supervision_journal.vault import Vault

LANGUAGES = ("fr", "en")
FICTIONAL_MARKERS = ("Exemple", "Imaginaire", "Modèle", "Fictif", "Fictive", "Example",
                     "Sample", "Placeholder", "Imaginary", "Fictional")


def _raw(lang: str) -> bytes:
    return (files("supervision_journal.resources") / "demo" / f"demo_{lang}.json").read_bytes()


def _doc(lang: str) -> dict[str, Any]:
    return json.loads(_raw(lang))


@pytest.fixture(params=LANGUAGES)
def lang(request: pytest.FixtureRequest) -> str:
    return request.param


def test_imports_into_a_fresh_vault_and_round_trips(lang: str, tmp_path: Path) -> None:
    first, _ = Vault.create(tmp_path / "first", "pw")
    with first:
        summary = interchange.import_data(first.db, interchange.parse(_raw(lang)))
        exported = interchange.dumps(interchange.export_data(first.db))
        assert first.verify() == []
    doc = _doc(lang)
    assert summary == interchange.ImportSummary(
        len(doc["clients"]), len(doc["sessions"]), len(doc["reflections"]),
        len(doc["supervision_sessions"]), len(doc["activities"]))
    second, _ = Vault.create(tmp_path / "second", "pw")
    with second:
        interchange.import_data(second.db, interchange.parse(exported))
        assert interchange.dumps(interchange.export_data(second.db)) == exported
    assert exported == _raw(lang), "regenerate the demo file (see the module docstring)"


def test_four_fictional_clients_with_six_to_ten_sessions(lang: str) -> None:
    doc = _doc(lang)
    clients = doc["clients"]
    assert len(clients) == 4
    per_client = Counter(s["client"] for s in doc["sessions"])
    assert set(per_client) == {c["pseudonym"] for c in clients}
    assert all(6 <= n <= 10 for n in per_client.values()), per_client
    for client in clients:
        identity = client["identity"]
        assert identity is not None
        assert any(m in identity["full_name"] for m in FICTIONAL_MARKERS), "plainly fictional"
    assert any(c["status"] == "closed" for c in clients)
    # sessions of each client spread over several months
    for name in per_client:
        days = sorted(date.fromisoformat(s["date"]) for s in doc["sessions"]
                      if s["client"] == name)
        assert (days[-1] - days[0]).days >= 90, name


def test_notes_fill_every_section(lang: str) -> None:
    doc = _doc(lang)
    templates = Counter(s["template"] for s in doc["sessions"])
    assert templates["standard"] >= 20
    for s in doc["sessions"]:
        keys = TEMPLATES[s["template"]]
        assert set(s["sections"]) == set(keys), (s["client"], s["date"])
        assert all(s["sections"][k].strip() for k in keys), (s["client"], s["date"])
        assert NEVER_SHARED not in s["approved_for_supervision"]
    approved = Counter(k for s in doc["sessions"] for k in s["approved_for_supervision"])
    assert approved["process"] >= 10 and approved["countertransference"] >= 5
    assert approved["supervision_questions"] >= 5
    # some sessions stay entirely private: approval is a choice, not a default
    assert any(not s["approved_for_supervision"] for s in doc["sessions"])
    assert len({s["modality"] for s in doc["sessions"]}) == 3


def test_reflections_answer_prompts(lang: str) -> None:
    doc = _doc(lang)
    reflections = doc["reflections"]
    ids = [r["prompt_id"] for r in reflections if r["prompt_id"]]
    assert {"ct.rescue", "gibbs.feelings"} <= set(ids)
    assert all(i.count(".") == 1 for i in ids)
    assert any("session_date" in r for r in reflections)
    assert any(r["client"] is None for r in reflections)  # standalone
    assert any(r["client"] and "session_date" not in r for r in reflections)  # client only
    assert any(r["is_question"] for r in reflections)
    assert any(r["approved_for_supervision"] for r in reflections)
    assert any(not r["approved_for_supervision"] for r in reflections)
    library = files("supervision_journal.resources") / "prompts" / f"{lang}.json"
    if library.is_file():  # the ids must exist once the prompt library ships
        known = {p["id"] for p in json.loads(library.read_bytes())["prompts"]}
        assert set(ids) <= known, set(ids) - known


def test_supervision_sessions_and_activities(lang: str, tmp_path: Path) -> None:
    doc = _doc(lang)
    sups = doc["supervision_sessions"]
    assert len(sups) == 3
    assert {s["format"] for s in sups} >= {"individual", "group"}
    assert all(s["cases"] and s["learning"] and s["actions"] for s in sups)
    activities = doc["activities"]
    assert 20 <= len(activities) <= 30
    kinds = Counter(a["kind"] for a in activities)
    for kind in ("training", "reading", "personal_therapy", "supervision", "conference",
                 "webinar"):
        assert kinds[kind] >= 1, kind
    days = sorted(date.fromisoformat(a["date"]) for a in activities)
    assert (days[-1] - days[0]).days >= 700  # about two years
    assert sum(len(a["evidence"]) for a in activities) >= 3
    assert any("ethics" in a["categories"] for a in activities)
    # in the vault, each logged supervision session adds one ledger entry
    vault, _ = Vault.create(tmp_path / "v", "pw")
    with vault:
        interchange.import_data(vault.db, doc)
        ledger = hours.list_activities(vault.db)
        assert len(ledger) == len(activities) + len(sups)
        assert sum(a.supervision_id is not None for a in ledger) == len(sups)
        assert len(journal.list_supervisions(vault.db)) == 3


def test_the_two_languages_are_written_in_their_language() -> None:
    def words(lang: str) -> Counter[str]:
        doc = _doc(lang)
        text = " ".join(v for s in doc["sessions"] for v in s["sections"].values())
        return Counter(text.lower().split())

    fr, en = words("fr"), words("en")
    assert fr["de"] > 50 and fr["la"] > 50 and fr["the"] == 0
    assert en["the"] > 50 and en["and"] > 20 and en["les"] == 0
