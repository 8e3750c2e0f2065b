"""Interchange format v1 (docs/format.md): validation, defaults, conversions, the one-transaction
import, and the round trip export → import → export, also on generated documents."""

from __future__ import annotations

import base64
import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supervision_journal import interchange
from supervision_journal.errors import ImportInvalid
from supervision_journal.hours import store as hours
from supervision_journal.hours.models import ACTIVITY_KINDS
from supervision_journal.journal import store as journal
from supervision_journal.journal.models import MODALITIES, TEMPLATES, IdentityTerm
from supervision_journal.vault import Vault
from supervision_journal.vault.database import Database

TOP_KEYS = ["format", "version", "clients", "sessions", "reflections", "supervision_sessions",
            "activities"]


def doc(**parts: Any) -> dict[str, Any]:
    return {"format": "supervision-journal", "version": 1, **parts}


@contextmanager
def fresh_db() -> Iterator[Database]:
    with tempfile.TemporaryDirectory() as folder:
        vault, _ = Vault.create(Path(folder) / "v", "pw")
        try:
            yield vault.db
        finally:
            vault.close()


def round_trip(source: Any) -> tuple[bytes, bytes]:
    """Import ``source`` into a new vault, export; import that into another, export again."""
    with fresh_db() as first:
        interchange.import_data(first, source)
        exported = interchange.dumps(interchange.export_data(first))
    with fresh_db() as second:
        interchange.import_data(second, interchange.parse(exported))
        again = interchange.dumps(interchange.export_data(second))
    return exported, again


# -- the shape of an export ---------------------------------------------------------------

def test_empty_vault_exports_an_empty_document(db: Database) -> None:
    out = interchange.export_data(db)
    assert list(out) == TOP_KEYS
    assert out == doc(clients=[], sessions=[], reflections=[], supervision_sessions=[],
                      activities=[])
    assert interchange.dumps(out).endswith(b"}\n")


def test_minimal_document_gets_the_documented_defaults(db: Database) -> None:
    summary = interchange.import_data(db, doc(
        clients=[{"pseudonym": "Iris"}],
        sessions=[{"client": "Iris", "date": "2025-03-04"}],
        reflections=[{"text": "alone"}],
        supervision_sessions=[{"date": "2025-03-05", "format": "individual",
                               "duration_minutes": 60}],
        activities=[{"kind": "reading", "date": "2025-03-06", "hours": 2}]))
    assert summary == interchange.ImportSummary(1, 1, 1, 1, 1)
    out = interchange.export_data(db)
    assert out["clients"] == [{"pseudonym": "Iris", "started_on": None, "status": "active",
                               "closed_on": None, "tags": [], "identity": None,
                               "retention_years": None, "retention_reason": None}]
    assert out["sessions"] == [{"client": "Iris", "date": "2025-03-04", "duration_minutes": 50,
                                "modality": "in_person", "template": "standard", "tags": [],
                                "sections": {}, "approved_for_supervision": []}]
    assert out["reflections"] == [{"client": None, "prompt_id": None, "text": "alone",
                                   "is_question": False, "approved_for_supervision": False}]
    assert out["supervision_sessions"] == [{
        "date": "2025-03-05", "supervisor": "", "format": "individual", "group_size": None,
        "modality": None, "duration_minutes": 60, "cases": [], "questions": "",
        "learning": "", "actions": ""}]
    assert out["activities"] == [{
        "kind": "reading", "date": "2025-03-06", "hours": 2.0, "title": "", "provider": "",
        "format": None, "group_size": None, "facilitated": None, "modality": None,
        "accredited": None, "categories": [], "learning": "", "impact": "", "evidence": []}]


def test_only_format_and_version_are_required(db: Database) -> None:
    assert interchange.import_data(db, doc()) == interchange.ImportSummary(0, 0, 0, 0, 0)


def test_dumps_is_utf8_indented_and_keeps_accents() -> None:
    data = interchange.dumps({"a": "élève 🌿"})
    assert data == '{\n  "a": "élève 🌿"\n}\n'.encode()


# -- conversions --------------------------------------------------------------------------

@pytest.mark.parametrize(("hours_in", "minutes"), [
    (0, 0), (1, 60), (1.5, 90), (0.75, 45), (7 / 60, 7), (0.0083, 0), (0.0084, 1),
    (1666.6, 99996), (hours.MAX_MINUTES / 60, hours.MAX_MINUTES)])
def test_hours_become_whole_minutes(db: Database, hours_in: float, minutes: int) -> None:
    interchange.import_data(db, doc(activities=[{"kind": "training", "date": "2025-01-01",
                                                 "hours": hours_in}]))
    (activity,) = hours.list_activities(db)
    assert activity.minutes == minutes
    assert interchange.export_data(db)["activities"][0]["hours"] == minutes / 60


@pytest.mark.parametrize("too_much", [hours.MAX_MINUTES / 60 + 0.01, 1e308, float("inf"),
                                      float("nan"), -0.01])
def test_hours_out_of_range(db: Database, too_much: float) -> None:
    with pytest.raises(ImportInvalid, match=r"^\$\.activities\[0\]\.hours: "):
        interchange.import_data(db, doc(activities=[{"kind": "training",
                                                     "date": "2025-01-01",
                                                     "hours": too_much}]))


def test_every_minute_count_survives_the_hours_conversion() -> None:
    for minutes in range(0, 3000):
        assert round((minutes / 60) * 60) == minutes
    for minutes in (hours.MAX_MINUTES - 1, hours.MAX_MINUTES, 12_345, 99_999):
        assert round(json.loads(json.dumps(minutes / 60)) * 60) == minutes


def test_identifiers_as_strings_or_term_and_role(db: Database) -> None:
    interchange.import_data(db, doc(clients=[{"pseudonym": "Iris", "identity": {
        "full_name": "Jeanne Fictive", "aliases": ["Jeannot"],
        "identifiers": ["Lyon-Fictif", {"term": "Paul Fictif", "role": "partner"},
                        {"term": "Usine"}]}}]))
    client = journal.find_client(db, "Iris")
    assert client is not None
    identity = journal.get_identity(db, client.id)
    assert identity.full_name == "Jeanne Fictive"
    assert identity.aliases == ("Jeannot",)
    assert identity.identifiers == (IdentityTerm("Lyon-Fictif"),
                                    IdentityTerm("Paul Fictif", "identifier", "partner"),
                                    IdentityTerm("Usine"))
    exported = interchange.export_data(db)["clients"][0]["identity"]
    # a term without a role is written back as a plain string
    assert exported == {"full_name": "Jeanne Fictive", "aliases": ["Jeannot"],
                        "identifiers": ["Lyon-Fictif", {"term": "Paul Fictif",
                                                        "role": "partner"}, "Usine"]}


def test_an_empty_identity_is_exported_as_null(db: Database) -> None:
    interchange.import_data(db, doc(clients=[{"pseudonym": "Iris", "identity": {}}]))
    assert interchange.export_data(db)["clients"][0]["identity"] is None


def test_session_index_picks_the_nth_session_of_the_day(db: Database) -> None:
    interchange.import_data(db, doc(
        clients=[{"pseudonym": "Iris"}],
        sessions=[{"client": "Iris", "date": "2025-01-01", "sections": {"process": "first"}},
                  {"client": "Iris", "date": "2025-01-01", "sections": {"process": "second"}}],
        reflections=[{"client": "Iris", "session_date": "2025-01-01", "text": "on first"},
                     {"client": "Iris", "session_date": "2025-01-01", "session_index": 2,
                      "text": "on second"}]))
    client = journal.find_client(db, "Iris")
    assert client is not None
    sessions = journal.list_sessions(db, client.id)  # newest first
    assert [s.number for s in sessions] == [2, 1]
    on_second = journal.list_reflections(db, session_id=sessions[0].id)
    on_first = journal.list_reflections(db, session_id=sessions[1].id)
    assert [r.text for r in on_first] == ["on first"]
    assert [r.text for r in on_second] == ["on second"]
    out = interchange.export_data(db)["reflections"]
    assert "session_index" not in out[0]  # 1 is the default and is not written
    assert out[1]["session_index"] == 2


def test_sessions_and_reflections_may_refer_to_clients_already_in_the_vault(
        db: Database) -> None:
    client = journal.add_client(db, "Iris")
    existing = journal.add_session(db, client.id, "2025-01-01")
    interchange.import_data(db, doc(
        sessions=[{"client": "iris", "date": "2025-02-01"}],
        reflections=[{"client": "IRIS", "session_date": "2025-01-01", "text": "older one"}],
        supervision_sessions=[{"date": "2025-02-02", "format": "peer",
                               "duration_minutes": 60, "cases": ["Iris"]}]))
    assert len(journal.list_sessions(db, client.id)) == 2
    (reflection,) = journal.list_reflections(db)
    assert reflection.session_id == existing.id


def test_approvals_are_imported_pinned_and_exported_only_while_valid(db: Database) -> None:
    interchange.import_data(db, doc(
        clients=[{"pseudonym": "Iris"}],
        sessions=[{"client": "Iris", "date": "2025-01-01",
                   "sections": {"process": "p", "plan": "q", "private": "secret"},
                   "approved_for_supervision": ["plan", "process", "plan"]}],
        reflections=[{"client": "Iris", "text": "r", "approved_for_supervision": True}]))
    out = interchange.export_data(db)
    assert out["sessions"][0]["approved_for_supervision"] == ["process", "plan"]  # template order
    assert out["reflections"][0]["approved_for_supervision"] is True
    client = journal.find_client(db, "Iris")
    assert client is not None
    (session,) = journal.list_sessions(db, client.id)
    journal.save_section(db, session.id, "process", "p, edited after approval")
    (reflection,) = journal.list_reflections(db)
    journal.update_reflection(db, reflection.id, text="r, edited")
    out = interchange.export_data(db)
    assert out["sessions"][0]["approved_for_supervision"] == ["plan"]
    assert out["reflections"][0]["approved_for_supervision"] is False


def test_supervision_ledger_entries_are_not_exported_twice(db: Database) -> None:
    interchange.import_data(db, doc(
        clients=[{"pseudonym": "Iris"}],
        supervision_sessions=[{"date": "2025-01-01", "format": "group", "group_size": 4,
                               "duration_minutes": 90, "cases": ["Iris"],
                               "supervisor": "Groupe"}],
        activities=[{"kind": "supervision", "date": "2025-01-02", "hours": 1}]))
    ledger = hours.list_activities(db)
    assert [(a.kind, a.minutes, a.supervision_id is not None) for a in ledger] == [
        ("supervision", 90, True), ("supervision", 60, False)]
    assert ledger[0].format == "group" and ledger[0].group_size == 4
    assert ledger[0].provider == "Groupe"
    out = interchange.export_data(db)
    assert len(out["activities"]) == 1
    assert out["activities"][0]["date"] == "2025-01-02"


def test_group_size_is_dropped_for_non_group_supervision(db: Database) -> None:
    interchange.import_data(db, doc(supervision_sessions=[
        {"date": "2025-01-01", "format": "individual", "group_size": 3,
         "duration_minutes": 60}]))
    assert interchange.export_data(db)["supervision_sessions"][0]["group_size"] is None


def test_closed_client_without_a_date_is_closed_on_import_day(db: Database) -> None:
    interchange.import_data(db, doc(clients=[{"pseudonym": "Iris", "status": "closed"}]))
    out = interchange.export_data(db)["clients"][0]
    assert out["status"] == "closed"
    assert out["closed_on"] == date.today().isoformat()


def test_evidence_bytes_round_trip(db: Database) -> None:
    payload = bytes(range(256)) * 3
    interchange.import_data(db, doc(activities=[{
        "kind": "training", "date": "2025-01-01", "hours": 7,
        "evidence": [{"filename": "cert.pdf", "mime": "application/pdf",
                      "data_base64": base64.b64encode(payload).decode()}]}]))
    (activity,) = hours.list_activities(db)
    (evidence,) = hours.list_evidence(db, activity.id)
    assert (evidence.filename, evidence.mime, evidence.size) == ("cert.pdf", "application/pdf",
                                                                 len(payload))
    assert hours.evidence_bytes(db, evidence.id) == payload


def test_audit_and_settings_are_not_part_of_the_format(db: Database) -> None:
    from supervision_journal.export import store as export_store

    journal.set_setting(db, "retention.default_years", 7)
    export_store.add_audit(db, "data", fmt="json", sha256="0" * 64)
    out = interchange.export_data(db)
    assert list(out) == TOP_KEYS
    with fresh_db() as other:
        interchange.import_data(other, out)
        assert journal.get_setting(other, "retention.default_years") is None
        assert journal.counts(other)["export_audit"] == 0


def test_progress_is_reported_every_500_records(db: Database) -> None:
    calls: list[tuple[int, int]] = []
    interchange.import_data(db, doc(activities=[
        {"kind": "reading", "date": "2025-01-01", "hours": 1}] * 1100),
        progress=lambda done, total: calls.append((done, total)))
    assert calls == [(500, 1100), (1000, 1100)]


# -- validation ---------------------------------------------------------------------------

def test_parse_reports_position_of_bad_json() -> None:
    with pytest.raises(ImportInvalid, match=r"^\$: the file is not valid JSON \(line 2, column"):
        interchange.parse(b'{"a": 1,\n ]')


def test_parse_accepts_a_utf8_bom() -> None:
    assert interchange.parse("\ufeff{}".encode()) == {}


def test_parse_refuses_absurd_nesting() -> None:
    with pytest.raises(ImportInvalid, match=r"^\$: "):
        interchange.parse("[" * 100_000 + "]" * 100_000)


@pytest.mark.parametrize(("document", "path"), [
    ([], "$"),
    ({"version": 1}, "$.format"),
    ({"format": "supervision-journal"}, "$.version"),
    (doc(version=1.0), "$.version"),
    (doc(clients=[{"pseudonym": "A", "retention_years": 0}]), "$.clients[0].retention_years"),
    (doc(clients=[{"pseudonym": "A", "identity": {"aliases": ["x", ""]}}]),
     "$.clients[0].identity.aliases[1]"),
    (doc(clients=[{"pseudonym": "A", "identity": {"identifiers": "x"}}]),
     "$.clients[0].identity.identifiers"),
    (doc(clients=[{"pseudonym": "A", "identity": {"identifiers": [{"term": "x", "kind": "y"}]}}]),
     "$.clients[0].identity.identifiers[0].kind"),
    (doc(clients=[{"pseudonym": "A", "identity": {"full_name": ""}}]),
     "$.clients[0].identity.full_name"),
    (doc(clients=[{"pseudonym": "A", "status": "paused"}]), "$.clients[0].status"),
    (doc(sessions=[{"client": "A", "date": "2025-01-01", "sections": []}]),
     "$.sessions[0].sections"),
    (doc(sessions=[{"client": "A", "date": "2025-01-01", "sections": {"process": 3}}]),
     "$.sessions[0].sections.process"),
    (doc(sessions=[{"client": "A", "date": "2025-01-01", "template": "free",
                    "sections": {"process": "x"}}]), "$.sessions[0].sections.process"),
    (doc(sessions=[{"client": "A", "date": "2025-01-01", "duration_minutes": True}]),
     "$.sessions[0].duration_minutes"),
    (doc(sessions=[{"client": "A", "date": 20250101}]), "$.sessions[0].date"),
    (doc(reflections=[{"session_date": "2025-01-01", "text": "x"}]),
     "$.reflections[0].session_date"),
    (doc(reflections=[{"client": "A", "session_index": 2, "text": "x"}]),
     "$.reflections[0].session_index"),
    (doc(reflections=[{"client": "A", "session_date": "2025-01-01", "session_index": 0,
                       "text": "x"}]), "$.reflections[0].session_index"),
    (doc(reflections=[{"text": "  ", "approved_for_supervision": True}]),
     "$.reflections[0].approved_for_supervision"),
    (doc(reflections=[{"prompt_id": "ct.rescue"}]), "$.reflections[0].text"),
    (doc(reflections=[{"text": "x", "is_question": 1}]), "$.reflections[0].is_question"),
    (doc(supervision_sessions=[{"date": "2025-01-01", "format": "group", "group_size": 1,
                                "duration_minutes": 60}]), "$.supervision_sessions[0].group_size"),
    (doc(supervision_sessions=[{"date": "2025-01-01", "format": "triad",
                                "duration_minutes": 60}]), "$.supervision_sessions[0].format"),
    (doc(supervision_sessions=[{"date": "2025-01-01", "format": "peer",
                                "duration_minutes": 60, "cases": ["A", 2]}]),
     "$.supervision_sessions[0].cases[1]"),
    (doc(activities=[{"kind": "training", "date": "2025-01-01", "hours": True}]),
     "$.activities[0].hours"),
    (doc(activities=[{"kind": "training", "date": "2025-01-01", "hours": 1,
                      "accredited": "yes"}]), "$.activities[0].accredited"),
    (doc(activities=[{"kind": "training", "date": "2025-01-01", "hours": 1,
                      "group_size": 0}]), "$.activities[0].group_size"),
    (doc(activities=[{"kind": "training", "date": "2025-01-01", "hours": 1,
                      "evidence": {}}]), "$.activities[0].evidence"),
    (doc(activities=[{"kind": "training", "date": "2025-01-01", "hours": 1,
                      "evidence": [{"filename": "a", "mime": "b", "data_base64": "QQ",
                                    "size": 1}]}]), "$.activities[0].evidence[0].size"),
    (doc(activities=[{"kind": "training", "date": "2025-01-01", "hours": 1,
                      "evidence": [{"filename": "a", "mime": "b", "data_base64": "QQ"}]}]),
     "$.activities[0].evidence[0].data_base64"),
])
def test_invalid_documents_name_the_path(db: Database, document: Any, path: str) -> None:
    with pytest.raises(ImportInvalid) as caught:
        interchange.import_data(db, document)
    assert caught.value.message.startswith(f"{path}: ")
    assert caught.value.exit_code == 1
    assert journal.counts(db)["client"] == 0


def test_validation_finishes_before_anything_is_written(db: Database) -> None:
    """An error in the last activity leaves the clients of the same file unwritten."""
    with pytest.raises(ImportInvalid, match=r"^\$\.activities\[0\]\.kind"):
        interchange.import_data(db, doc(clients=[{"pseudonym": "A"}],
                                        activities=[{"kind": "nap", "date": "2025-01-01",
                                                     "hours": 1}]))
    assert journal.list_clients(db) == []


def test_a_database_phase_error_rolls_back_the_whole_import(db: Database) -> None:
    journal.add_client(db, "Existing")
    before = interchange.dumps(interchange.export_data(db))
    with pytest.raises(ImportInvalid, match=r"^\$\.supervision_sessions\[1\]\.cases\[0\]: "):
        interchange.import_data(db, doc(
            clients=[{"pseudonym": "New", "identity": {"full_name": "N"}}],
            sessions=[{"client": "New", "date": "2025-01-01", "sections": {"process": "x"},
                       "approved_for_supervision": ["process"]}],
            reflections=[{"client": "New", "session_date": "2025-01-01", "text": "y"}],
            supervision_sessions=[
                {"date": "2025-01-01", "format": "peer", "duration_minutes": 60,
                 "cases": ["New"]},
                {"date": "2025-01-02", "format": "peer", "duration_minutes": 60,
                 "cases": ["Nobody"]}]))
    assert interchange.dumps(interchange.export_data(db)) == before
    counts = journal.counts(db)
    assert counts["client"] == 1 and counts["activity"] == 0 and counts["identity_term"] == 0


@pytest.mark.parametrize(("document", "path"), [
    (doc(clients=[{"pseudonym": "\x00Iris"}]), "$.clients[0].pseudonym"),
    (doc(clients=[{"pseudonym": "Iris\nBis"}]), "$.clients[0].pseudonym"),
    (doc(clients=[{"pseudonym": "A", "tags": ["a\tb"]}]), "$.clients[0].tags[0]"),
    (doc(clients=[{"pseudonym": "A", "identity": {"identifiers": [{"term": "\x00x"}]}}]),
     "$.clients[0].identity.identifiers[0].term"),
])
def test_names_refuse_control_characters(db: Database, document: Any, path: str) -> None:
    with pytest.raises(ImportInvalid, match=r"control characters") as caught:
        interchange.import_data(db, document)
    assert caught.value.message.startswith(f"{path}: ")


def test_note_text_keeps_control_characters(db: Database) -> None:
    text = "line\r\nnext\ttab \x00 nul \x1b esc"
    interchange.import_data(db, doc(clients=[{"pseudonym": "A"}], sessions=[
        {"client": "A", "date": "2025-01-01", "sections": {"process": text}}]))
    assert interchange.export_data(db)["sessions"][0]["sections"]["process"] == text


def test_pseudonyms_are_the_same_client_the_way_the_vault_sees_it(db: Database) -> None:
    # ASCII case folds (the vault's NOCASE column); accented letters do not.
    with pytest.raises(ImportInvalid, match=r"^\$\.clients\[1\]\.pseudonym"):
        interchange.import_data(db, doc(clients=[{"pseudonym": "Iris"}, {"pseudonym": "IRIS"}]))
    interchange.import_data(db, doc(clients=[{"pseudonym": "Élise"}, {"pseudonym": "élise"}]))
    assert sorted(c.pseudonym for c in journal.list_clients(db)) == ["Élise", "élise"]


# -- generated documents ------------------------------------------------------------------

TEXT = st.text(max_size=60)
# one-line names: no control characters (the format refuses them there)
WORD = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1,
               max_size=15).filter(lambda s: s.strip() != "")
DATES = st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31)).map(date.isoformat)
OPT_TEXT = st.none() | TEXT


def _nocase(text: str) -> str:
    return text.strip().translate(str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                                                "abcdefghijklmnopqrstuvwxyz"))


@st.composite
def identities(draw: st.DrawFn) -> dict[str, Any] | None:
    if draw(st.booleans()):
        return None
    identifier = WORD | st.fixed_dictionaries({"term": WORD}, optional={"role": OPT_TEXT})
    return draw(st.fixed_dictionaries({}, optional={
        "full_name": st.none() | WORD, "aliases": st.lists(WORD, max_size=3),
        "identifiers": st.lists(identifier, max_size=4)}))


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    pseudonyms = draw(st.lists(WORD, max_size=5, unique_by=_nocase))
    clients = []
    for name in pseudonyms:
        status = draw(st.sampled_from(["active", "closed"]))
        client: dict[str, Any] = {"pseudonym": name, "started_on": draw(st.none() | DATES),
                                  "status": status, "tags": draw(st.lists(WORD, max_size=3)),
                                  "identity": draw(identities())}
        if status == "closed":
            client["closed_on"] = draw(DATES)
        if draw(st.booleans()):
            client["retention_years"] = draw(st.integers(1, 100))
            client["retention_reason"] = draw(TEXT)
        clients.append(client)
    sessions: list[dict[str, Any]] = []
    if pseudonyms:
        for _ in range(draw(st.integers(0, 8))):
            template = draw(st.sampled_from(sorted(TEMPLATES)))
            keys = draw(st.lists(st.sampled_from(TEMPLATES[template]), unique=True))
            sections = {k: draw(TEXT) for k in keys}
            approvable = [k for k, v in sections.items() if k != "private" and v.strip()]
            sessions.append({
                "client": draw(st.sampled_from(pseudonyms)),
                # a narrow range of dates makes same-day sessions frequent
                "date": draw(st.sampled_from(["2025-01-01", "2025-01-02"]) | DATES),
                "duration_minutes": draw(st.integers(0, 1440)),
                "modality": draw(st.sampled_from(MODALITIES)), "template": template,
                "tags": draw(st.lists(WORD, max_size=2)), "sections": sections,
                "approved_for_supervision": draw(st.lists(st.sampled_from(approvable),
                                                          unique=True)) if approvable else []})
    reflections = []
    for _ in range(draw(st.integers(0, 5))):
        text = draw(TEXT)
        item: dict[str, Any] = {"text": text, "prompt_id": draw(st.none() | WORD),
                                "is_question": draw(st.booleans()),
                                "approved_for_supervision": bool(text.strip())
                                and draw(st.booleans())}
        link = draw(st.sampled_from(["none", "client", "session"]))
        if link == "client" and pseudonyms:
            item["client"] = draw(st.sampled_from(pseudonyms))
        elif link == "session" and sessions:
            target = draw(st.integers(0, len(sessions) - 1))
            s = sessions[target]
            same_day = [i for i, o in enumerate(sessions[:target + 1])
                        if _nocase(o["client"]) == _nocase(s["client"])
                        and o["date"] == s["date"]]
            item.update(client=s["client"], session_date=s["date"])
            if len(same_day) > 1 or draw(st.booleans()):
                item["session_index"] = len(same_day)
        reflections.append(item)
    supervisions = []
    for _ in range(draw(st.integers(0, 3))):
        fmt = draw(st.sampled_from(["individual", "group", "peer"]))
        supervisions.append({
            "date": draw(DATES), "supervisor": draw(TEXT), "format": fmt,
            "group_size": draw(st.integers(2, 30)) if fmt == "group" else None,
            "modality": draw(OPT_TEXT), "duration_minutes": draw(st.integers(0, 1440)),
            "cases": draw(st.lists(st.sampled_from(pseudonyms), unique_by=_nocase))
            if pseudonyms else [],
            "questions": draw(TEXT), "learning": draw(TEXT), "actions": draw(TEXT)})
    activities = []
    for _ in range(draw(st.integers(0, 5))):
        activities.append({
            "kind": draw(st.sampled_from(ACTIVITY_KINDS)), "date": draw(DATES),
            "hours": draw(st.integers(0, hours.MAX_MINUTES).map(lambda m: m / 60)
                          | st.floats(0, hours.MAX_MINUTES / 60)),
            "title": draw(TEXT), "provider": draw(TEXT), "format": draw(OPT_TEXT),
            "group_size": draw(st.none() | st.integers(1, 500)),
            "facilitated": draw(st.none() | st.booleans()), "modality": draw(OPT_TEXT),
            "accredited": draw(st.none() | st.booleans()),
            "categories": draw(st.lists(WORD, max_size=3)),
            "learning": draw(TEXT), "impact": draw(TEXT),
            "evidence": [{"filename": draw(WORD), "mime": draw(WORD),
                          "data_base64": base64.b64encode(draw(st.binary(max_size=64))).decode()}
                         for _ in range(draw(st.integers(0, 2)))]})
    return doc(clients=clients, sessions=sessions, reflections=reflections,
               supervision_sessions=supervisions, activities=activities)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(documents())
def test_generated_documents_round_trip_byte_for_byte(source: dict[str, Any]) -> None:
    exported, again = round_trip(source)
    assert exported == again
    out = json.loads(exported)
    # every text the file gave is read back identically
    assert [s["sections"] for s in out["sessions"]] == [
        {k: s["sections"][k] for k in TEMPLATES[s["template"]] if k in s["sections"]}
        for s in source["sessions"]]
    assert [r["text"] for r in out["reflections"]] == [r["text"] for r in source["reflections"]]
    assert [(s["questions"], s["learning"], s["actions"]) for s in out["supervision_sessions"]] \
        == [(s["questions"], s["learning"], s["actions"]) for s in source["supervision_sessions"]]
    assert sorted(a["learning"] + "\x00" + a["impact"] for a in out["activities"]) == sorted(
        a["learning"] + "\x00" + a["impact"] for a in source["activities"])
    assert sorted(e["data_base64"] for a in out["activities"] for e in a["evidence"]) == sorted(
        e["data_base64"] for a in source["activities"] for e in a["evidence"])
    assert [r["approved_for_supervision"] for r in out["reflections"]] == [
        r["approved_for_supervision"] for r in source["reflections"]]


def test_feelings_and_question_states_round_trip(tmp_path) -> None:
    """Schema v2 data (feelings per session, the questions queue) is part of a full export."""
    from supervision_journal.journal import store as j
    from supervision_journal.vault import Vault

    first, _ = Vault.create(tmp_path / "a", "pw")
    db = first.db
    client = j.add_client(db, "Iris")
    session = j.add_session(db, client.id, "2026-01-02",
                            sections={"supervision_questions": "Why do I rush?"})
    reflection = j.add_reflection(db, "Am I rescuing?", session_id=session.id,
                                  is_question=True)
    sup = j.add_supervision(db, "2026-01-10", "Dr B", "peer", 60, group_size=4)
    j.set_question_state(db, "section", j.question_section_id(db, session.id), "discussed",
                         supervision_id=sup.id, answer="Slow down.")
    j.set_question_state(db, "reflection", reflection.id, "resolved")
    j.set_feelings(db, session.id, {"fear": 2, "urge_to_rescue": 3})
    exported = interchange.dumps(interchange.export_data(db))
    doc = json.loads(exported)
    assert doc["sessions"][0]["feelings"] == {"fear": 2, "urge_to_rescue": 3}
    assert doc["sessions"][0]["question"] == {"status": "discussed", "answer": "Slow down.",
                                              "discussed_in": 0}
    assert doc["reflections"][0]["question"]["status"] == "resolved"
    first.close()

    second, _ = Vault.create(tmp_path / "b", "pw")
    interchange.import_data(second.db, doc)
    assert interchange.dumps(interchange.export_data(second.db)) == exported
    states = {q.kind: q for q in j.list_questions(second.db)}
    assert states["section"].status == "discussed" and states["section"].answer == "Slow down."
    assert states["section"].supervision_id is not None
    second.close()


@pytest.mark.parametrize(("where", "value", "path"), [
    ("feelings", {"joy": 1}, "$.sessions[0].feelings.joy"),
    ("feelings", {"fear": 4}, "$.sessions[0].feelings.fear"),
    ("question", {"status": "closed"}, "$.sessions[0].question.status"),
    ("question", {"status": "discussed", "discussed_in": 3},
     "$.sessions[0].question.discussed_in"),
    ("question", {"status": "open", "colour": "red"}, "$.sessions[0].question.colour"),
])
def test_invalid_feelings_and_questions_name_their_path(tmp_path, where, value,
                                                        path) -> None:
    from supervision_journal.errors import ImportInvalid
    from supervision_journal.vault import Vault

    doc = {"format": "supervision-journal", "version": 1,
           "clients": [{"pseudonym": "Iris"}],
           "sessions": [{"client": "Iris", "date": "2026-01-02",
                         "sections": {"supervision_questions": "Q?"}, where: value}]}
    vault, _ = Vault.create(tmp_path / "v", "pw")
    with pytest.raises(ImportInvalid) as info:
        interchange.import_data(vault.db, doc)
    assert info.value.message.startswith(path + ":")
    vault.close()
