"""hours/store.py: activities of every kind, their categories and evidence attachments."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supervision_journal.errors import KnownError, NotFound
from supervision_journal.hours import store as hours
from supervision_journal.hours.models import ACTIVITY_KINDS, Activity
from supervision_journal.vault.database import Database


def test_add_activity_with_every_field(db: Database) -> None:
    activity = hours.add_activity(
        db, "training", "2025-10-03", 420, format="group", group_size=12, facilitated=True,
        modality="in_person", title="Éthique et cadre", provider="Institut Fictif",
        accredited=False, categories=["ethics", " law ", "ethics", ""],
        learning="Le cadre protège.", impact="Contrat revu.")
    assert activity == Activity(activity.id, "training", date(2025, 10, 3), 420, "group", 12,
                                True, "in_person", "Éthique et cadre", "Institut Fictif",
                                False, ("ethics", "law"), "Le cadre protège.",
                                "Contrat revu.", None)
    assert activity.hours == 7.0
    assert hours.get_activity(db, activity.id) == activity


def test_defaults(db: Database) -> None:
    activity = hours.add_activity(db, "reading", date(2025, 1, 1), 90)
    assert (activity.format, activity.group_size, activity.facilitated, activity.modality,
            activity.accredited) == (None, None, None, None, None)
    assert (activity.title, activity.provider, activity.learning, activity.impact,
            activity.categories) == ("", "", "", "", ())
    assert activity.hours == 1.5


@pytest.mark.parametrize("kind", ACTIVITY_KINDS)
def test_every_kind_is_accepted(db: Database, kind: str) -> None:
    assert hours.add_activity(db, kind, "2025-01-01", 60).kind == kind


@pytest.mark.parametrize(("args", "kwargs"), [
    (("yoga", "2025-01-01", 60), {}),
    (("training", "2025-01-01", -1), {}),
    (("training", "2025-01-01", hours.MAX_MINUTES + 1), {}),
    (("training", "2025-01-01", 60), {"group_size": 0}),
])
def test_invalid_activities_are_refused(db: Database, args: tuple, kwargs: dict) -> None:
    with pytest.raises(KnownError):
        hours.add_activity(db, *args, **kwargs)
    assert hours.list_activities(db) == []


def test_an_impossible_date_is_refused(db: Database) -> None:
    with pytest.raises((ValueError, KnownError)):
        hours.add_activity(db, "training", "2025-02-30", 60)
    assert hours.list_activities(db) == []


def test_the_largest_plausible_entry(db: Database) -> None:
    activity = hours.add_activity(db, "client_practice", "2025-12-31", hours.MAX_MINUTES)
    assert activity.minutes == hours.MAX_MINUTES


def test_update_activity(db: Database) -> None:
    activity = hours.add_activity(db, "webinar", "2025-01-01", 60, categories=["a", "b"],
                                  accredited=True)
    updated = hours.update_activity(db, activity.id, kind="conference", on="2025-02-02",
                                    minutes=120, categories=["c"], title="t", accredited=None,
                                    facilitated=False)
    assert (updated.kind, updated.date, updated.minutes, updated.categories) == (
        "conference", date(2025, 2, 2), 120, ("c",))
    assert (updated.title, updated.accredited, updated.facilitated) == ("t", None, False)
    same = hours.update_activity(db, activity.id)
    assert same == updated
    with pytest.raises(KnownError):
        hours.update_activity(db, activity.id, colour="blue")
    with pytest.raises(KnownError):
        hours.update_activity(db, activity.id, kind="nap")
    with pytest.raises(KnownError):
        hours.update_activity(db, activity.id, minutes=-3)
    with pytest.raises(NotFound):
        hours.update_activity(db, 999, minutes=3)
    assert hours.get_activity(db, activity.id) == updated


def test_list_activities_in_date_order_with_filters(db: Database) -> None:
    late = hours.add_activity(db, "reading", "2025-06-01", 60)
    early = hours.add_activity(db, "training", "2024-01-01", 60)
    same_day = hours.add_activity(db, "reading", "2025-06-01", 30)
    assert [a.id for a in hours.list_activities(db)] == [early.id, late.id, same_day.id]
    assert [a.id for a in hours.list_activities(db, kind="reading")] == [late.id, same_day.id]
    assert [a.id for a in hours.list_activities(db, date_from=date(2025, 1, 1))] == [
        late.id, same_day.id]
    assert [a.id for a in hours.list_activities(db, date_to=date(2024, 12, 31))] == [early.id]
    assert hours.list_activities(db, date_from=date(2026, 1, 1)) == []


def test_delete_activity_and_its_evidence(db: Database) -> None:
    activity = hours.add_activity(db, "training", "2025-01-01", 60)
    evidence = hours.add_evidence(db, activity.id, "cert.pdf", "application/pdf", b"%PDF")
    assert hours.activity_exists(db, activity.id)
    hours.delete_activity(db, activity.id)
    assert not hours.activity_exists(db, activity.id)
    with pytest.raises(NotFound):
        hours.get_activity(db, activity.id)
    with pytest.raises(NotFound):
        hours.evidence_bytes(db, evidence.id)


def test_evidence_attachments(db: Database) -> None:
    activity = hours.add_activity(db, "training", "2025-01-01", 60)
    blob = bytes(range(256)) * 40
    first = hours.add_evidence(db, activity.id, "cert.pdf", "application/pdf", blob)
    empty = hours.add_evidence(db, activity.id, "empty.txt", "text/plain", b"")
    assert (first.filename, first.mime, first.size) == ("cert.pdf", "application/pdf",
                                                        len(blob))
    assert hours.list_evidence(db, activity.id) == [first, empty]
    assert hours.evidence_bytes(db, first.id) == blob
    assert hours.evidence_bytes(db, empty.id) == b""
    hours.delete_evidence(db, first.id)
    assert hours.list_evidence(db, activity.id) == [empty]
    with pytest.raises(NotFound):
        hours.add_evidence(db, 999, "x", "y", b"z")


def test_evidence_size_limit(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hours, "MAX_EVIDENCE_BYTES", 1000)
    activity = hours.add_activity(db, "training", "2025-01-01", 60)
    hours.add_evidence(db, activity.id, "ok.bin", "application/octet-stream", b"x" * 1000)
    with pytest.raises(KnownError, match="50 MB"):
        hours.add_evidence(db, activity.id, "big.bin", "application/octet-stream", b"x" * 1001)
    assert len(hours.list_evidence(db, activity.id)) == 1


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=200), blob=st.binary(max_size=200),
       minutes=st.integers(0, hours.MAX_MINUTES))
def test_any_text_and_bytes_saved_are_read_back_identically(db: Database, text: str,
                                                            blob: bytes, minutes: int) -> None:
    activity = hours.add_activity(db, "self_study", "2025-01-01", minutes, title=text,
                                  provider=text, learning=text, impact=text, format=text,
                                  modality=text)
    got = hours.get_activity(db, activity.id)
    assert (got.title, got.provider, got.learning, got.impact, got.format, got.modality) == (
        (text,) * 6)
    assert got.minutes == minutes
    evidence = hours.add_evidence(db, activity.id, "f", "m", blob)
    assert hours.evidence_bytes(db, evidence.id) == blob
