"""Data of the data-protection tests: clients whose every free-text field carries its own
canary, so a leftover byte can be traced to the record it came from."""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass, field
from datetime import date, timedelta

from supervision_journal.hours import store as hours_store
from supervision_journal.journal import store
from supervision_journal.journal.models import STANDARD_SECTIONS, Client, Identity, IdentityTerm
from supervision_journal.vault.database import Database

PASSPHRASE = "erasure test passphrase"
_WORDS = ("the", "client", "felt", "anger", "mother", "silence", "rupture", "repair",
          "boundary", "shame", "hope", "work", "dream", "father", "grief", "ending")


def canary(kind: str) -> str:
    """One word (so the full-text index stores it as one lower-case token), unique per call."""
    return f"zq{kind}{secrets.token_hex(6)}"


@dataclass
class CanaryClient:
    client: Client
    identity: list[str] = field(default_factory=list)  # full name words, alias, identifiers
    notes: list[str] = field(default_factory=list)  # section texts (private included), tags
    private: list[str] = field(default_factory=list)  # the private sections' canaries
    reflections: list[str] = field(default_factory=list)
    session_ids: list[int] = field(default_factory=list)

    @property
    def pseudonym(self) -> str:
        return self.client.pseudonym

    @property
    def all(self) -> list[str]:
        return [self.pseudonym, *self.identity, *self.notes, *self.reflections]


def add_canary_client(db: Database, *, sessions: int = 4, words: int = 120,
                      seed: int = 0, start: date = date(2024, 1, 1)) -> CanaryClient:
    rng = random.Random(seed)

    def prose(n: int) -> str:
        return " ".join(rng.choice(_WORDS) for _ in range(n))

    client = store.add_client(db, canary("p"), started_on=start,
                              tags=[canary("t")])
    out = CanaryClient(client)
    out.notes.append(client.tags[0])
    first, last, alias = canary("n"), canary("n"), canary("a")
    place, partner = canary("i"), canary("i")
    store.set_identity(db, client.id, Identity(
        full_name=f"{first} {last}", aliases=(alias,),
        identifiers=(IdentityTerm(place, "identifier", "town"),
                     IdentityTerm(partner, "identifier", "partner"))))
    out.identity += [first, last, alias, place, partner]
    for j in range(sessions):
        texts = {}
        for key in STANDARD_SECTIONS:
            token = canary("s")
            (out.private if key == "private" else out.notes).append(token)
            texts[key] = f"{prose(words // 2)} {token} {prose(words // 2)}"
        tag = canary("t")
        out.notes.append(tag)
        session = store.add_session(db, client.id, start + timedelta(days=7 * (j + 1)), tags=[tag],
                                    sections=texts)
        out.session_ids.append(session.id)
        store.approve_section(db, session.id, "process")
        token = canary("r")
        out.reflections.append(token)
        reflection = store.add_reflection(
            db, f"{token} with {first} {last} and {partner}: {prose(words // 3)}",
            session_id=session.id)
        store.approve_reflection(db, reflection.id)
    out.notes += out.private
    return out


def fill_other_data(db: Database, seed: int = 7) -> None:
    """Rows that belong to no client: ledger, evidence, standalone reflections, settings."""
    rng = random.Random(seed)
    activity = hours_store.add_activity(db, "training", "2024-03-01", 180, title="Ethics day",
                                        learning="boundaries " * 30)
    hours_store.add_evidence(db, activity.id, "certificate.pdf", "application/pdf",
                             rng.randbytes(9000))
    store.add_reflection(db, "A general question about endings " * 5, is_question=True)
    store.set_setting(db, "practice.name", "Cabinet test")
