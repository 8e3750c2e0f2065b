"""import and export-data through the command line: the issue's example imports as is, export →
import into a new vault → export gives the same bytes, and every invalid file is refused with
one line naming the JSON path, leaving the vault exactly as it was."""

from __future__ import annotations

import copy
import json
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from cli_support import (
    ISSUE_EXAMPLE,
    PASSPHRASE,
    CliVault,
    assert_error,
    big_document,
    init_vault,
    run_cli,
)


def _write(path: Path, doc: Any) -> Path:
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def _issue_doc() -> dict[str, Any]:
    return json.loads(ISSUE_EXAMPLE.read_text(encoding="utf-8"))


# -- the example of issue 2 ---------------------------------------------------------------

def test_issue_example_imports_as_is(cli_vault: CliVault, tmp_path: Path) -> None:
    result = cli_vault.import_doc(ISSUE_EXAMPLE)
    assert result.code == 0, result.err
    assert result.out.strip() == ("Imported 1 clients, 1 sessions, 1 reflections, 1 supervision "
                                  "sessions and 1 activities (one transaction).")
    exported = json.loads(cli_vault.export_bytes(tmp_path))
    original = _issue_doc()
    # every value the example gives is read back unchanged (export adds the defaults)
    for section in ("clients", "sessions", "reflections", "supervision_sessions",
                    "activities"):
        assert len(exported[section]) == len(original[section])
        for got, want in zip(exported[section], original[section], strict=True):
            for key, value in want.items():
                assert got[key] == value, (section, key)
    assert exported["format"] == "supervision-journal" and exported["version"] == 1


def test_importing_the_same_file_twice_is_refused(cli_vault: CliVault, tmp_path: Path) -> None:
    assert cli_vault.import_doc(ISSUE_EXAMPLE).code == 0
    before = cli_vault.export_bytes(tmp_path, "before.json")
    result = cli_vault.import_doc(ISSUE_EXAMPLE)
    line = assert_error(result, 1, starts="error: $.clients[0].pseudonym: ",
                        contains=["already exists"])
    assert "Iris" not in line  # errors never carry a pseudonym
    assert cli_vault.export_bytes(tmp_path, "after.json") == before


# -- round trips --------------------------------------------------------------------------

def _round_trip(make_vault: Callable[..., CliVault], tmp_path: Path, source: Path) -> bytes:
    first = make_vault("first")
    assert first.import_doc(source).code == 0
    exported = first.export_bytes(tmp_path, "first.json")
    second = make_vault("second")
    result = second.import_doc(tmp_path / "first.json")
    assert result.code == 0, result.err
    again = second.export_bytes(tmp_path, "second.json")
    assert again == exported
    return exported


def test_round_trip_of_the_issue_example(make_vault: Callable[..., CliVault],
                                         tmp_path: Path) -> None:
    _round_trip(make_vault, tmp_path, ISSUE_EXAMPLE)


def test_round_trip_of_a_larger_document(make_vault: Callable[..., CliVault],
                                         tmp_path: Path) -> None:
    doc = big_document()
    exported = json.loads(_round_trip(make_vault, tmp_path, _write(tmp_path / "big.json", doc)))
    assert [c["pseudonym"] for c in exported["clients"]] == [c["pseudonym"]
                                                             for c in doc["clients"]]
    assert len(exported["sessions"]) == len(doc["sessions"])
    assert len(exported["reflections"]) == len(doc["reflections"])
    # reflections keep pointing at the right one of two same-day sessions
    second_of_day = [r for r in exported["reflections"] if r.get("session_index") == 2]
    assert len(second_of_day) == 5
    assert all(r["prompt_id"] == "gibbs.feelings" for r in second_of_day)
    # supervision sessions keep their cases; their ledger entries are not written twice
    assert [s["cases"] for s in exported["supervision_sessions"]] == [["Iris", "Élise"],
                                                                      ["Merle"], []]
    assert len(exported["activities"]) == len(doc["activities"])
    evidence = exported["activities"][0]["evidence"]
    assert [e["filename"] for e in evidence] == ["attestation.pdf", "vide.txt"]
    assert evidence[0]["data_base64"] == doc["activities"][0]["evidence"][0]["data_base64"]
    assert exported["clients"][1]["status"] == "closed"
    assert exported["clients"][1]["closed_on"] == "2025-06-30"
    identity = exported["clients"][0]["identity"]
    assert identity["identifiers"] == doc["clients"][0]["identity"]["identifiers"]
    verify = make_vault("third")
    assert verify.import_doc(tmp_path / "second.json").code == 0
    assert verify.run("verify").code == 0


def test_export_to_stdout_gives_the_same_bytes(cli_vault: CliVault, tmp_path: Path) -> None:
    assert cli_vault.import_doc(_write(tmp_path / "big.json", big_document())).code == 0
    to_file = cli_vault.export_bytes(tmp_path)
    to_stdout = cli_vault.run("export-data", "-")
    assert to_stdout.code == 0
    assert to_stdout.out_bytes == to_file


def test_export_data_warns_and_writes_a_private_file(cli_vault: CliVault,
                                                     tmp_path: Path) -> None:
    out = tmp_path / "everything.json"
    result = cli_vault.run("export-data", out)
    assert result.code == 0
    assert result.err.startswith("warning: ") and "identit" in result.err
    assert len(result.err_lines) == 1
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert json.loads(out.read_bytes())["clients"] == []


def test_export_data_into_a_missing_folder(cli_vault: CliVault, tmp_path: Path) -> None:
    assert_error(cli_vault.run("export-data", tmp_path / "no" / "such" / "out.json"), 1)


def test_import_of_a_missing_file(cli_vault: CliVault, tmp_path: Path) -> None:
    assert_error(cli_vault.import_doc(tmp_path / "absent.json"), 1, contains=["cannot read"])


# -- invalid files: one line naming the path, nothing written -----------------------------

def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """A mutation that sets a field given as 'sessions.0.sections.procss'."""
    def apply(doc: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = doc
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        node[int(last) if last.isdigit() else last] = value
    return apply


def _delete(path: str) -> Callable[[dict[str, Any]], None]:
    def apply(doc: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = doc
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        del node[last]
    return apply


def _add_client(pseudonym: str) -> Callable[[dict[str, Any]], None]:
    def apply(doc: dict[str, Any]) -> None:
        doc["clients"].append({"pseudonym": pseudonym})
    return apply


def _chain(*steps: Callable[[dict[str, Any]], None]) -> Callable[[dict[str, Any]], None]:
    def apply(doc: dict[str, Any]) -> None:
        for step in steps:
            step(doc)
    return apply


INVALID: list[tuple[str, Callable[[dict[str, Any]], None], str, str]] = [
    ("unknown section", _set("sessions.0.sections.procss", "typo"),
     "$.sessions[0].sections.procss", "not a section of the standard template"),
    ("free-template section in a standard note", _set("sessions.0.sections.body", "x"),
     "$.sessions[0].sections.body", "not a section"),
    ("unknown client field", _set("clients.0.colour", "blue"),
     "$.clients[0].colour", "unknown field"),
    ("unknown top-level field", _set("notes", []), "$.notes", "unknown field"),
    ("unknown identity field", _set("clients.0.identity.birthday", "1980-01-01"),
     "$.clients[0].identity.birthday", "unknown field"),
    ("private approved", _set("sessions.0.approved_for_supervision",
                              ["process", "private"]),
     "$.sessions[0].approved_for_supervision[1]", "never be approved"),
    ("approval of an empty section", _set("sessions.0.approved_for_supervision", ["plan"]),
     "$.sessions[0].approved_for_supervision[0]", "no text"),
    ("session of an unknown client", _chain(_add_client("Lilas"),
                                            _set("sessions.0.client", "Rose")),
     "$.sessions[0].client", "neither in this file nor in the vault"),
    ("reflection of an unknown client", _set("reflections.0.client", "Rose"),
     "$.reflections[0].client", "neither in this file nor in the vault"),
    ("reflection without a session that day", _set("reflections.0.session_date", "2026-11-03"),
     "$.reflections[0].session_date", "no session"),
    ("second session of a day that has one", _set("reflections.0.session_index", 2),
     "$.reflections[0].session_date", "no session"),
    ("supervision case of an unknown client", _set("supervision_sessions.0.cases", ["Rose"]),
     "$.supervision_sessions[0].cases[0]", "neither in this file nor in the vault"),
    ("impossible date", _set("sessions.0.date", "2026-02-30"),
     "$.sessions[0].date", "YYYY-MM-DD"),
    ("French date", _set("sessions.0.date", "02/11/2026"), "$.sessions[0].date", "YYYY-MM-DD"),
    ("date with time", _set("activities.0.date", "2026-10-03T10:00"),
     "$.activities[0].date", "YYYY-MM-DD"),
    ("bad start date", _set("clients.0.started_on", "2025-1-10"),
     "$.clients[0].started_on", "YYYY-MM-DD"),
    ("duration as text", _set("sessions.0.duration_minutes", "50"),
     "$.sessions[0].duration_minutes", "whole number"),
    ("duration as float", _set("sessions.0.duration_minutes", 50.5),
     "$.sessions[0].duration_minutes", "whole number"),
    ("duration too long", _set("sessions.0.duration_minutes", 2000),
     "$.sessions[0].duration_minutes", "between 0 and 1440"),
    ("hours as text", _set("activities.0.hours", "7"), "$.activities[0].hours", "number"),
    ("negative hours", _set("activities.0.hours", -1), "$.activities[0].hours", "number"),
    ("tags not a list", _set("clients.0.tags", "anxiety"), "$.clients[0].tags", "list"),
    ("empty tag", _set("sessions.0.tags", ["ok", " "]), "$.sessions[0].tags[1]", "empty"),
    ("approval flag as text", _set("reflections.0.approved_for_supervision", "yes"),
     "$.reflections[0].approved_for_supervision", "true or false"),
    ("unknown modality", _set("sessions.0.modality", "zoom"),
     "$.sessions[0].modality", "in_person, video, phone"),
    ("unknown template", _set("sessions.0.template", "soap"),
     "$.sessions[0].template", "standard, free"),
    ("unknown activity kind", _set("activities.0.kind", "yoga"),
     "$.activities[0].kind", "must be one of"),
    ("group without size", _delete("supervision_sessions.0.group_size"),
     "$.supervision_sessions[0].group_size", "required for group supervision"),
    ("supervision without duration", _delete("supervision_sessions.0.duration_minutes"),
     "$.supervision_sessions[0].duration_minutes", "is required"),
    ("session without client", _delete("sessions.0.client"), "$.sessions[0].client",
     "is required"),
    ("identifier role not text", _set("clients.0.identity.identifiers.1", {"term": "Villeurbanne",
                                                                           "role": 5}),
     "$.clients[0].identity.identifiers[1].role", "must be text"),
    ("identifier without term", _set("clients.0.identity.identifiers.1", {"role": "town"}),
     "$.clients[0].identity.identifiers[1].term", "is required"),
    ("duplicate pseudonym in the file", _add_client("iris"), "$.clients[1].pseudonym",
     "earlier client"),
    ("empty pseudonym", _set("clients.0.pseudonym", "  "), "$.clients[0].pseudonym",
     "must not be empty"),
    ("closing date of an active client", _set("clients.0.closed_on", "2026-12-01"),
     "$.clients[0].closed_on", "closed client"),
    ("bad evidence", _set("activities.0.evidence", [{"filename": "a.pdf", "mime":
                                                     "application/pdf",
                                                     "data_base64": "not base64!"}]),
     "$.activities[0].evidence[0].data_base64", "base64"),
    ("evidence without mime", _set("activities.0.evidence", [{"filename": "a.pdf",
                                                              "data_base64": ""}]),
     "$.activities[0].evidence[0].mime", "is required"),
    ("wrong format name", _set("format", "something-else"), "$.format", "supervision-journal"),
    ("newer version", _set("version", 2), "$.version", "version 1"),
    ("version as boolean", _set("version", True), "$.version", "version 1"),
    ("sessions not a list", _set("sessions", {}), "$.sessions", "must be a list"),
    ("client not an object", _set("clients.0", "Iris"), "$.clients[0]", "must be an object"),
    ("lone surrogate", _set("sessions.0.sections.process", "\ud800"),
     "$.sessions[0].sections.process", "Unicode"),
]


SEED = {"format": "supervision-journal", "version": 1,
        "clients": [{"pseudonym": "Mimosa", "identity": {"full_name": "Nom Fictif"}}],
        "sessions": [{"client": "Mimosa", "date": "2026-01-05",
                      "sections": {"process": "graine"}}]}


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[CliVault, bytes, Path]]:
    """One vault holding another client ("Mimosa"), shared by the invalid-file cases: none of
    them may change it, which each case checks."""
    base = tmp_path_factory.mktemp("seeded")
    vault = init_vault(base / "vault", base)
    assert vault.import_doc(_write(base / "seed.json", SEED)).code == 0
    yield vault, vault.export_bytes(base, "snapshot.json"), base


@pytest.mark.parametrize(("mutate", "path", "problem"),
                         [pytest.param(m, p, x, id=name) for name, m, p, x in INVALID])
def test_invalid_import_names_the_path_and_writes_nothing(
        seeded: tuple[CliVault, bytes, Path], tmp_path: Path,
        mutate: Callable[[dict[str, Any]], None], path: str, problem: str) -> None:
    vault, snapshot, _ = seeded
    doc = _issue_doc()
    mutate(doc)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8", errors="surrogatepass")
    result = vault.import_doc(bad)
    line = assert_error(result, 1, starts=f"error: {path}: ", contains=[problem])
    assert result.out == ""
    # no note text, pseudonym or identity in the message
    for secret in ("Iris", "Lilas", "Rose", "Marie Dupont", "Villeurbanne", "typo"):
        assert secret not in line.replace(path, ""), secret
    assert vault.export_bytes(tmp_path) == snapshot


def test_the_unmutated_base_imports_next_to_the_seed(make_vault: Callable[..., CliVault],
                                                     tmp_path: Path) -> None:
    """Guards the table above: each case fails because of its own mutation only."""
    probe = make_vault("probe")
    assert probe.import_doc(_write(tmp_path / "seed.json", SEED)).code == 0
    assert probe.import_doc(ISSUE_EXAMPLE).code == 0


def test_a_late_error_rolls_back_everything_before_it(seeded: tuple[CliVault, bytes, Path],
                                                      tmp_path: Path) -> None:
    """Clients and sessions are written before the last reflection fails: none may remain."""
    vault, snapshot, _ = seeded
    doc = copy.deepcopy(big_document())
    doc["reflections"].append({"client": "Iris", "session_date": "1999-01-01", "text": "x"})
    last = len(doc["reflections"]) - 1
    result = vault.import_doc(_write(tmp_path / "late.json", doc))
    assert_error(result, 1, starts=f"error: $.reflections[{last}].session_date: ")
    assert vault.export_bytes(tmp_path) == snapshot


@pytest.mark.parametrize(("content", "where"), [
    (b"{\"format\": \"supervision-journal\",\n \"version\": 1,,}", "line 2"),
    (b"", "line 1"),
    (b"\xff\xfe\x00garbage", ""),
    (b"[1, 2, 3]", ""),
])
def test_not_an_interchange_file(seeded: tuple[CliVault, bytes, Path], tmp_path: Path,
                                 content: bytes, where: str) -> None:
    vault, snapshot, _ = seeded
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    assert_error(vault.import_doc(bad), 1, starts="error: $", contains=[where])
    assert vault.export_bytes(tmp_path) == snapshot


def test_import_into_a_vault_with_a_wrong_passphrase_reads_nothing(
        seeded: tuple[CliVault, bytes, Path], tmp_path: Path) -> None:
    vault, snapshot, _ = seeded
    result = run_cli(["--vault", vault.folder, "import", ISSUE_EXAMPLE],
                     env={"SUPERVISION_JOURNAL_PASSPHRASE": PASSPHRASE + "x"})
    assert_error(result, 4)
    assert vault.export_bytes(tmp_path) == snapshot
