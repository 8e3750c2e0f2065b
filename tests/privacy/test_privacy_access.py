"""A client's access request: everything about that client, nothing about anyone else, the
withheld sections stated as withheld, an audit row, and a PDF a reader can extract text from."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from helpers.canaries import add_canary_client
from supervision_journal.errors import KnownError
from supervision_journal.export import store as export_store
from supervision_journal.journal import store
from supervision_journal.privacy import access
from supervision_journal.vault import Vault


@pytest.fixture
def two_clients(privacy_vault: Vault):
    db = privacy_vault.db
    me = add_canary_client(db, sessions=3, seed=1)
    other = add_canary_client(db, sessions=2, seed=2)
    store.add_supervision(db, "2024-04-01", "Dr Sup", "group", 90, group_size=4,
                          cases=[me.pseudonym, other.pseudonym],
                          learning=f"{other.identity[0]} said much")
    store.add_supervision(db, "2024-05-06", "Dr Sup", "individual", 60,
                          cases=[other.pseudonym], questions=f"{other.notes[2]}")
    return db, me, other


def texts(export: access.AccessExport) -> dict[str, str]:
    return {"md": export.markdown, "html": export.html,
            "json": export.json_bytes.decode("utf-8")}


def test_holds_the_clients_data_and_no_one_elses(two_clients) -> None:
    db, me, other = two_clients
    export = access.build_access_export(db, me.client.id, today=date(2025, 3, 1))
    for fmt, text in texts(export).items():
        missing = [t for t in me.all if t not in text]
        assert missing == [], fmt
        assert [t for t in other.all if t in text] == [], fmt
    doc = json.loads(export.json_bytes)
    assert doc["format"] == access.FORMAT and doc["generated_on"] == "2025-03-01"
    assert doc["client"]["pseudonym"] == me.pseudonym
    assert doc["identity"]["full_name"] == f"{me.identity[0]} {me.identity[1]}"
    assert [i["role"] for i in doc["identity"]["identifiers"]] == ["town", "partner"]
    assert [s["number"] for s in doc["sessions"]] == [1, 2, 3]
    assert len(doc["reflections"]) == 3 and doc["reflections"][0]["session_number"] == 1
    # The supervision shared with the other client appears by date and format only.
    assert doc["supervision"] == [{"date": "2024-04-01", "format": "group"}]
    assert doc["retention"]["years"] == 10 and doc["withheld"]["sections"] == []
    assert export.session_count == 3 and export.audit_id is None


def test_withheld_sections_are_stated_not_silently_dropped(two_clients) -> None:
    db, me, _other = two_clients
    export = access.build_access_export(db, me.client.id, {"private", " "})
    assert export.withheld == ("private",)
    for fmt, text in texts(export).items():
        assert [t for t in me.private if t in text] == [], fmt
        assert [t for t in me.notes if t not in me.private and t not in text] == [], fmt
    assert export.markdown.count("Withheld where the law allows.") == 3
    assert "withheld where the law allows (the practitioner's personal process notes): " \
           "Personal process notes." in export.markdown
    doc = json.loads(export.json_bytes)
    assert doc["withheld"] == {"sections": ["private"], "basis": "where the law allows"}
    assert all(s["withheld_sections"] == ["private"] and "private" not in s["sections"]
               for s in doc["sessions"])
    with pytest.raises(KnownError):
        access.build_access_export(db, me.client.id, {"diary"})


def test_french_document(two_clients) -> None:
    db, me, _other = two_clients
    export = access.build_access_export(db, me.client.id, {"private"}, lang="fr")
    assert export.markdown.startswith("# Ce que le journal contient à votre sujet")
    assert "Non communiqué, dans la mesure où la loi le permet." in export.markdown
    assert "Pseudonyme utilisé dans le journal\u00a0: " + me.pseudonym in export.markdown
    assert '<html lang="fr">' in export.html
    with pytest.raises(KnownError):
        access.build_access_export(db, me.client.id, lang="de")


def test_html_escapes_note_text(privacy_vault: Vault) -> None:
    db = privacy_vault.db
    client = store.add_client(db, "Lin")
    store.add_session(db, client.id, "2024-01-01",
                      sections={"process": "<script>alert(1)</script> & <b>x</b>"})
    export = access.build_access_export(db, client.id)
    assert "<script>" not in export.html and "&lt;script&gt;" in export.html
    assert "<script>alert(1)</script>" in export.markdown  # the Markdown keeps the words


def test_audit_row_records_the_request(two_clients) -> None:
    db, me, _other = two_clients
    export = access.access_export(db, me.client.id, {"private"})
    (row,) = [a for a in export_store.list_audit(db) if a.kind == "access"]
    assert row.id == export.audit_id and row.format == "json"
    assert row.sha256 == hashlib.sha256(export.json_bytes).hexdigest()
    assert row.items == ({"client_id": me.client.id, "sessions": 3, "withheld": ["private"],
                          "lang": "en"},)
    assert not [t for t in me.all if t in json.dumps(row.items) + row.recipient]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_pdf_holds_the_clients_text(two_clients, qapp, tmp_path: Path) -> None:
    from supervision_journal.ui.pdf import html_to_pdf

    db, me, other = two_clients
    export = access.build_access_export(db, me.client.id, {"private"})
    pdf = html_to_pdf(export.html, title="Access request", footer="Access request")
    assert pdf.startswith(b"%PDF")
    path = tmp_path / "access.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    # Qt may set "ff" or "fi" as one ligature glyph; NFKC reads it back as two letters.
    flat = unicodedata.normalize("NFKC", "".join(text.split()))
    assert [t for t in me.all if t not in me.private and t not in flat] == []
    assert [t for t in me.private + other.all if t in flat] == []
    assert "Withheld where the law allows." in text
