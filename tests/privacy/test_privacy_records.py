"""Record of processing (Art. 30) and privacy notice: filled from the settings and from the
vault's real cryptographic parameters, in French and English, as editable Markdown."""

from __future__ import annotations

import re
from importlib import resources
from string import Template

import pytest

from supervision_journal.errors import KnownError
from supervision_journal.privacy import records, retention
from supervision_journal.vault import Vault, keys


def _placeholders(text: str) -> set[str]:
    return {m.group("named") or m.group("braced")
            for m in Template.pattern.finditer(text) if m.group("named") or m.group("braced")}


def test_templates_match_across_languages() -> None:
    folder = resources.files("supervision_journal.resources") / "privacy"
    for document in records.DOCUMENTS:
        en = (folder / f"{document}_en.md").read_text(encoding="utf-8")
        fr = (folder / f"{document}_fr.md").read_text(encoding="utf-8")
        assert _placeholders(en) == _placeholders(fr), document
        assert [len(h) for h in re.findall(r"^#+", en, re.M)] == [
            len(h) for h in re.findall(r"^#+", fr, re.M)], document


@pytest.mark.parametrize("lang", records.LANGUAGES)
def test_record_states_the_real_parameters(privacy_vault: Vault, lang: str) -> None:
    db = privacy_vault.db
    params = keys.argon2_summary(privacy_vault.keyfile)
    assert params is not None
    text = records.record_of_processing(db, privacy_vault.keyfile, lang)
    memory = (f"{params.memory_kib // 1024} {'MiB' if lang == 'en' else 'Mio'}"
              if params.memory_kib % 1024 == 0 else f"{params.memory_kib}")
    assert f"Argon2id ({memory}, {params.iterations} passes, {params.lanes} " in text
    assert "ChaCha20-Poly1305" in text and "AES-256-CBC" in text and "HMAC-SHA512" in text
    assert "4096" in text
    version = db.scalar("PRAGMA cipher_version").split()[0]
    assert f"SQLCipher {version}" in text
    assert "$" not in text
    assert records.placeholders_left(text)  # practice details not given yet
    assert text.startswith("# Registre" if lang == "fr" else "# Record of processing")


def test_record_follows_the_settings(privacy_vault: Vault) -> None:
    db = privacy_vault.db
    records.set_practice_details(db, practitioner="Camille Exemple", practice="Cabinet du Parc",
                                 address="1 rue Fictive, 69000 Lyon",
                                 contact="camille@example.org",
                                 profession="Psychologue (ADELI fictif)", legal_basis="care")
    retention.set_default_years(db, 20)
    text = records.record_of_processing(db, privacy_vault.keyfile, "fr")
    for value in ("Camille Exemple", "Cabinet du Parc", "1 rue Fictive, 69000 Lyon",
                  "camille@example.org", "Psychologue (ADELI fictif)"):
        assert value in text
    assert "| Durée de conservation | 20 ans après la dernière séance" in text
    assert "art. 9(2)(h)" in text and "9(2)(a)" not in text
    assert "Aucun client n'a de durée propre." in text
    assert records.placeholders_left(text) == ["[à compléter : indiquez si vous en avez "
                                               "réalisé une.]"]
    notice = records.privacy_notice(db, privacy_vault.keyfile, "en")
    assert "**Camille Exemple** (Cabinet du Parc" in notice and "20 years" in notice
    with pytest.raises(KnownError):
        records.set_practice_details(db, legal_basis="whim")
    with pytest.raises(KnownError):
        records.set_practice_details(db, shoe_size="42")


def test_override_count_is_stated(privacy_vault: Vault) -> None:
    from supervision_journal.journal import store

    db = privacy_vault.db
    client = store.add_client(db, "Iris")
    retention.set_client_retention(db, client.id, 25, "minor")
    text = records.record_of_processing(db, privacy_vault.keyfile, "en")
    assert "1 client(s) have a period of their own" in text
    assert "Iris" not in text and "minor" not in text


def test_without_a_keyfile_the_kdf_is_marked_unknown(privacy_vault: Vault) -> None:
    text = records.privacy_notice(privacy_vault.db, None, "en")
    assert "$" not in text
    text = records.record_of_processing(privacy_vault.db, None, "en")
    assert "[unknown: open the vault" in text


def test_markdown_to_html_renders_the_subset_and_escapes() -> None:
    html = records.markdown_to_html(
        "# Title <x>\n\nA *soft* and **bold** `code` line\ncontinued.\n\n"
        "- one\n  wrapped\n- two & three\n\n| A | B |\n|---|---|\n| 1 | <b>2</b> |\n")
    assert "<h1>Title &lt;x&gt;</h1>" in html
    assert "<p>A <i>soft</i> and <b>bold</b> <code>code</code> line continued.</p>" in html
    assert "<ul><li>one wrapped</li><li>two &amp; three</li></ul>" in html
    assert "<tr><th>A</th><th>B</th></tr>" in html
    assert "<tr><td>1</td><td>&lt;b&gt;2&lt;/b&gt;</td></tr>" in html
    assert "---" not in html


def test_document_titles_and_languages() -> None:
    assert records.document_title("record", "fr") == "Registre des activités de traitement"
    assert records.document_title("notice", "en") == "Privacy notice"
    with pytest.raises(KnownError):
        records.document_title("record", "de")
    with pytest.raises(KnownError):
        records.document_title("diary", "en")
