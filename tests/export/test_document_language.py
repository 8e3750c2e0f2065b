"""The document speaks one language: a French export writes French placeholders and roles, an
English one English; a role the practitioner typed is written as typed."""

from __future__ import annotations

from datetime import date

import pytest

from supervision_journal.export import pipeline
from supervision_journal.journal import store
from supervision_journal.journal.models import Identity, IdentityTerm


@pytest.fixture
def session(db) -> int:
    client = store.add_client(db, "Iris", date(2026, 1, 5))
    store.set_identity(db, client.id, Identity("Zoé Durand", (), (
        IdentityTerm("Paul Martin", "identifier", "partner"),
        IdentityTerm("Quimper", "identifier", "town"),
        IdentityTerm("Titi", "identifier", "belle-sœur"),
        IdentityTerm("Lycée Kerichen", "identifier", None))))
    s = store.add_session(db, client.id, date(2026, 2, 2), sections={
        "process": "Zoé parle de Paul Martin, de Titi, du Lycée Kerichen et de Quimper ; "
                   "écrit depuis zoe@example.org."})
    store.approve_section(db, s.id, "process")
    return s.id


@pytest.mark.parametrize(("language", "expected"), [
    ("fr", "[client] parle de [partenaire], de [belle-sœur], du [identifiant] et de [ville] ; "
           "écrit depuis [courriel]."),
    ("en", "[client] parle de [partner], de [belle-sœur], du [identifier] et de [town] ; "
           "écrit depuis [e-mail]."),
])
def test_placeholders_follow_the_document_language(db, session, language: str,
                                                   expected: str) -> None:
    prepared = pipeline.prepare(db, pipeline.ExportRequest(language=language, seed=0))
    assert prepared.anonymised.items[0].text == expected
    assert expected in prepared.markdown
    assert prepared.leaks() == []


def test_french_possible_name_placeholder_does_not_break(db, session) -> None:
    store.save_section(db, session, "plan", "Revoir avec Ysolde.")
    store.approve_section(db, session, "plan")
    prepared = pipeline.prepare(db, pipeline.ExportRequest(language="fr", candidates="redact"))
    assert "Revoir avec [nom\u202f?]." in prepared.markdown  # narrow no-break space
    english = pipeline.prepare(db, pipeline.ExportRequest(language="en", candidates="redact"))
    assert "Revoir avec [name?]." in english.markdown
