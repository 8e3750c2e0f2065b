"""Shared helpers for the vault security tests: fill a vault, dump it, scan files for leaks."""

from __future__ import annotations

import math
import random
import secrets
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from supervision_journal.export import store as export_store
from supervision_journal.hours import store as hours_store
from supervision_journal.journal import store
from supervision_journal.journal.models import STANDARD_SECTIONS, Identity, IdentityTerm
from supervision_journal.vault.database import Database

# The passphrase of the ``vault`` fixture in tests/conftest.py. Kept here because
# ``from conftest import …`` resolves to whichever conftest.py was imported last.
PASSPHRASE = "correct horse battery staple"
ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be")
_WORDS = ("client", "session", "felt", "anger", "mother", "silence", "rupture", "repair",
          "boundary", "shame", "hope", "work", "dream", "father", "grief", "ending", "fee",
          "supervisor", "pattern", "transference", "I", "noticed", "we", "talked", "about")


def canary() -> str:
    return f"ZQX-{secrets.token_hex(6)}"


def prose(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words))


def plant_canaries(db: Database) -> tuple[list[str], list[str]]:
    """One record of every kind, every free-text field holding its own unique canary.

    Returns the canaries still stored and those overwritten by a later edit (gone from the
    tables, and they must not linger on disk either)."""
    planted: list[str] = []

    def c() -> str:
        token = canary()
        planted.append(token)
        return token

    client = store.add_client(db, c(), started_on="2025-01-10", tags=[c()])
    store.set_identity(db, client.id, Identity(
        full_name=f"{c()} Fullname", aliases=(c(),),
        identifiers=(IdentityTerm(c(), "identifier", "town"),)))
    sections = {key: f"{key}: {c()} " + "plain words " * 20 for key in STANDARD_SECTIONS}
    session = store.add_session(db, client.id, "2025-02-03", tags=[c()], sections=sections)
    store.approve_section(db, session.id, "process")
    free = store.add_session(db, client.id, "2025-02-10", template="free",
                             sections={"body": f"free body {c()}", "private": f"priv {c()}"})
    overwritten = [planted[-2]]  # the first body text, edited at the end
    reflection = store.add_reflection(db, f"reflection {c()}", session_id=session.id)
    store.approve_reflection(db, reflection.id)
    question = store.add_reflection(db, f"question {c()}", client_id=client.id,
                                    is_question=True)
    supervision = store.add_supervision(db, "2025-02-12", f"supervisor {c()}", "individual", 60,
                                        cases=[client.pseudonym], questions=f"q {c()}",
                                        learning=f"learned {c()}", actions=f"act {c()}")
    store.set_question_state(db, "reflection", question.id, "discussed",
                             supervision_id=supervision.id, answer=f"answer {c()}")
    store.update_client(db, client.id, retention_years=10, retention_reason=f"why {c()}")
    activity = hours_store.add_activity(
        db, "training", "2025-03-01", 180, title=f"title {c()}", provider=f"provider {c()}",
        categories=[c()], learning=f"learning {c()}", impact=f"impact {c()}")
    # Evidence: a large, low-entropy document, so a leak would also show in the entropy.
    blob = (f"certificate {c()} " * 8).encode() + b"lorem ipsum dolor sit amet " * 4000
    hours_store.add_evidence(db, activity.id, f"{c()}.txt", "text/plain", blob)
    store.set_setting(db, "practice.name", f"practice {c()}")
    export_store.add_audit(db, "supervision", recipient=f"to {c()}", items=[c()])
    store.save_section(db, free.id, "body", f"free body edited {c()}")
    return [p for p in planted if p not in overwritten], overwritten


def fill(db: Database, *, clients: int = 6, sessions: int = 8, words: int = 120,
         seed: int = 1) -> None:
    """A realistic spread of rows over many pages (every table, FTS included)."""
    rng = random.Random(seed)
    for i in range(clients):
        client = store.add_client(db, f"Client {i} {rng.randrange(10**6)}", tags=["t"])
        store.set_identity(db, client.id, Identity(full_name=f"Name {i}", aliases=(f"A{i}",)))
        for j in range(sessions):
            session = store.add_session(
                db, client.id, f"2025-{1 + j % 12:02d}-{1 + i:02d}",
                sections={k: prose(rng, words) for k in STANDARD_SECTIONS[:4]})
            store.approve_section(db, session.id, "presenting")
            store.add_reflection(db, prose(rng, words // 2), session_id=session.id)
    store.add_supervision(db, "2025-05-05", "Supervisor", "group", 90, group_size=4,
                          learning=prose(rng, 40))
    activity = hours_store.add_activity(db, "webinar", "2025-06-01", 60, title="Webinar")
    hours_store.add_evidence(db, activity.id, "cert.pdf", "application/pdf",
                             rng.randbytes(20_000))
    store.set_setting(db, "retention.default", 7)


def tables(conn: Any) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").fetchall()]


def dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (FTS and shadow tables included), in a stable order."""
    out = {}
    for name in [r[0] for r in db.query(
            "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")]:
        rows = db.query(f'SELECT * FROM "{name}"')
        out[name] = sorted(rows, key=repr)
    return out


def encodings_of(needles: Iterable[str | bytes]) -> list[tuple[str, bytes]]:
    out: list[tuple[str, bytes]] = []
    for needle in needles:
        if isinstance(needle, bytes):
            out.append(("raw", needle))
            continue
        out += [(enc, needle.encode(enc)) for enc in ENCODINGS]
    return out


def scan(paths: Iterable[Path], needles: Iterable[str | bytes]) -> list[tuple[str, str]]:
    """(file name, encoding) for every needle found in any of the files."""
    patterns = encodings_of(needles)
    hits = []
    for path in paths:
        if not path.exists():
            continue
        data = path.read_bytes()
        hits += [(path.name, enc) for enc, pattern in patterns if pattern in data]
    return hits


def shannon_entropy(data: bytes) -> float:
    counts = Counter(data)
    n = len(data)
    return -sum(c / n * math.log2(c / n) for c in counts.values())
