"""Erasure of one client: the confirmation, what goes, what stays, the audit row, the
supervision texts and the anonymise-instead option."""

from __future__ import annotations

import json
from datetime import date

import pytest

from helpers.canaries import add_canary_client, fill_other_data
from supervision_journal.errors import NotFound
from supervision_journal.export import store as export_store
from supervision_journal.hours import store as hours_store
from supervision_journal.journal import store
from supervision_journal.journal.models import IdentityTerm
from supervision_journal.privacy import access, erasure
from supervision_journal.privacy import store as privacy_store
from supervision_journal.privacy.models import ErasureCounts
from supervision_journal.vault import Vault
from supervision_journal.vault.database import Database


def dump(db: Database) -> dict[str, list[tuple]]:
    names = [r[0] for r in db.query("SELECT name FROM sqlite_schema WHERE type = 'table' "
                                    "ORDER BY name")]
    return {n: sorted(db.query(f'SELECT * FROM "{n}"'), key=repr) for n in names}


@pytest.mark.parametrize("typed", ["", "   ", "iris", "IRIS", "Iris!", "Iri", "Merle"])
def test_refuses_unless_the_pseudonym_is_typed_exactly(privacy_vault: Vault,
                                                       typed: str) -> None:
    db = privacy_vault.db
    client = store.add_client(db, "Iris")
    store.add_client(db, "Merle")
    store.add_session(db, client.id, "2024-01-02", sections={"process": "text"})
    before = dump(db)
    with pytest.raises(erasure.ConfirmationMismatch) as caught:
        erasure.erase_client(db, client.id, typed)
    assert "Iris" not in str(caught.value) and "nothing was erased" in str(caught.value)
    assert dump(db) == before


def test_confirmation_forgives_spaces_and_unicode_composition() -> None:
    assert erasure.confirmation_matches("Élise", " E\u0301lise ")
    assert not erasure.confirmation_matches("Élise", "Elise")


def test_erases_everything_about_one_client_and_nothing_else(privacy_vault: Vault) -> None:
    db = privacy_vault.db
    target = add_canary_client(db, sessions=3, seed=1)
    other = add_canary_client(db, sessions=2, seed=2)
    fill_other_data(db)
    sup = store.add_supervision(db, "2024-04-01", "Sup", "group", 90, group_size=3,
                                cases=[target.pseudonym, other.pseudonym],
                                questions=f"{target.identity[0]} {target.identity[1]}?",
                                learning=f"{target.identity[2]} and {other.pseudonym}",
                                actions=f"Call {target.identity[4]} back")
    solo = store.add_supervision(db, "2024-04-08", "Sup", "individual", 60,
                                 cases=[target.pseudonym], learning="General learning")
    access.access_export(db, target.client.id, {"private"})
    access.access_export(db, other.client.id, set())
    before = dump(db)

    result = erasure.erase_client(db, target.client.id, target.pseudonym,
                                  today=date(2030, 1, 2))

    assert result.counts == ErasureCounts(sessions=3, sections=30, approvals=3, reflections=3,
                                          identity_terms=4, supervision_links=2)
    assert result.erased_on == date(2030, 1, 2) and result.compacted and result.checkpointed
    assert result.supervision_texts_redacted == 1 and result.reflections_kept == 0
    with pytest.raises(NotFound):
        store.get_client(db, target.client.id)
    assert privacy_store.client_counts(db, target.client.id) == ErasureCounts()
    after = dump(db)
    for table in ("session", "section", "approval", "reflection", "identity_term",
                  "client_tag", "session_tag", "supervision_case", "client"):
        assert set(after[table]) < set(before[table]), table  # rows went, none changed
    other_notes = [store.get_note(db, sid) for sid in other.session_ids]
    assert [n.text("process") for n in other_notes] == [
        r[3] for r in sorted(before["section"]) if r[1] in other.session_ids and
        r[2] == "process"]
    # The other client, the ledger, the settings and the evidence are untouched.
    for table in ("activity_category", "evidence", "setting"):
        assert after[table] == before[table]
    assert privacy_store.client_counts(db, other.client.id) == ErasureCounts(
        sessions=2, sections=20, approvals=2, reflections=2, identity_terms=4,
        supervision_links=1)
    standalone = [r for r in store.list_reflections(db) if r.client_id is None]
    assert len(standalone) == 1
    # Supervision: still there with its hours; only the erased client's names are gone.
    kept = store.get_supervision(db, sup.id)
    assert kept.cases == (other.pseudonym,) and kept.duration_minutes == 90
    assert kept.questions == "[client]?"  # the whole name is one match
    assert kept.learning == f"[client] and {other.pseudonym}"
    assert kept.actions == "Call [partner] back"
    assert kept.activity_id is not None
    ledger = hours_store.get_activity(db, kept.activity_id)
    assert target.identity[2] not in ledger.learning and other.pseudonym in ledger.learning
    assert store.get_supervision(db, solo.id).cases == ()
    # The audit: one erasure row with the date and counts only; the access rows that named
    # the erased client lost their items, the other client's kept theirs.
    audit = export_store.list_audit(db)
    (row,) = [a for a in audit if a.kind == "erasure"]
    assert row.format == "erase" and row.recipient == "" and row.sha256 == ""
    assert row.items == ({"on": "2030-01-02", **result.counts.as_dict(),
                          "reflections_kept": 0, "supervision_texts_redacted": 1},)
    accesses = [a for a in audit if a.kind == "access"]
    assert [a.items for a in accesses] == [(), ({"client_id": other.client.id, "sessions": 2,
                                                "withheld": [], "lang": "en"},)]
    everything = json.dumps([a.__dict__ for a in audit], default=str)
    assert not [t for t in target.all if t in everything]
    assert f'"client_id": {target.client.id}' not in everything


def test_anonymise_instead_keeps_own_reflections_unlinked(privacy_vault: Vault) -> None:
    db = privacy_vault.db
    client = store.add_client(db, "Mésange")
    store.add_identity_term(db, client.id, IdentityTerm("Jeanne Fictive", "full_name",
                                                        "client"))
    store.add_identity_term(db, client.id, IdentityTerm("Paul Fictif", "identifier", "partner"))
    store.add_identity_term(db, client.id, IdentityTerm("Usine Imaginaire", "identifier"))
    session = store.add_session(db, client.id, "2024-02-01", sections={"process": "x"})
    texts = ["MÉSANGE talked about JEANNE-fictive's mother; Paul was late.",
             "I felt tired with mesange; jeanne's boss at the usine imaginaire.",
             "Nothing identifying here: my own sleepiness."]
    ids = [store.add_reflection(db, texts[0], session_id=session.id).id,
           store.add_reflection(db, texts[1], client_id=client.id).id,
           store.add_reflection(db, texts[2], session_id=session.id).id]
    store.approve_reflection(db, ids[2])

    result = erasure.erase_client(db, client.id, "Mésange", anonymise_instead=True)

    assert result.anonymised and result.reflections_kept == 3
    kept = [store.get_reflection(db, i) for i in ids]
    assert kept[0].text == "[client] talked about [client]'s mother; [partner] was late."
    assert kept[1].text == "I felt tired with [client]; [client]'s boss at the [identifier]."
    assert kept[2].text == texts[2]
    assert all(r.client_id is None and r.session_id is None for r in kept)
    assert all(r.approval == "none" for r in kept)  # approve again after reading it
    assert store.search(db, "Jeanne") == [] and store.search(db, "Paul") == []
    assert [h.ref_id for h in store.search(db, "sleepiness")] == [ids[2]]
    (row,) = [a for a in export_store.list_audit(db) if a.kind == "erasure"]
    assert row.format == "anonymise" and row.items[0]["reflections_kept"] == 3


def test_redact_handles_overlaps_and_leaves_other_text(privacy_vault: Vault) -> None:
    terms = [IdentityTerm("Iris", "alias", "client"),
             IdentityTerm("Jean Pierre Dupont", "alias", "client"),
             IdentityTerm("Lyon", "alias", "town")]
    text = "Iris met J.-P. Dupont in Lyon; the iris of her eye. Jean-Pierre DUPONT's dog."
    out = erasure.redact(text, terms)
    assert "Dupont" not in out and "DUPONT" not in out and "Lyon" not in out
    assert "[town]" in out and out.startswith("[client] met ")
    assert "dog." in out
    assert erasure.redact("", terms) == "" and erasure.redact("Iris", []) == "Iris"
