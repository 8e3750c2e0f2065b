"""Helpers of the hours tests: a vault with planted client names, text normalisation for
"contains none of them" checks, and the command line in a child process."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from supervision_journal.hours import store as hours
from supervision_journal.journal import store as journal
from supervision_journal.journal.models import Identity, IdentityTerm
from supervision_journal.vault.database import Database

# Registered on purpose, then typed into the ledger's free text: none may reach a report.
PSEUDONYMS = ("Azalée", "Kestrel")
IDENTITY_TERMS = ("Jeanne Fictive", "Jeannot", "Usine Imaginaire", "Lyon-Fictif",
                  "Paul Fictif")
PLANTED = (*PSEUDONYMS, *IDENTITY_TERMS)


def plant_clients(db: Database) -> None:
    azalee = journal.add_client(db, "Azalée")
    journal.add_client(db, "Kestrel")
    journal.set_identity(db, azalee.id, Identity(
        "Jeanne Fictive", ("Jeannot",),
        (IdentityTerm("Usine Imaginaire", "identifier", "employer"),
         IdentityTerm("Lyon-Fictif", "identifier", "town"),
         IdentityTerm("Paul Fictif", "identifier", "partner"))))


def plant_activities(db: Database) -> list[int]:
    """Activities whose every free-text field names a client, spelt several ways."""
    ids = [
        hours.add_activity(
            db, "training", date(2026, 3, 4), 420, title="Workshop after AZALÉE's crisis",
            provider="Institut of Jeanne Fictive", accredited=True,
            categories=["ethics", "kestrel"],
            learning="What Azalee taught me: Jeannot's silences (see Paul Fictif).",
            impact="I now ask about Usine Imaginaire and Lyon-Fictif shifts.").id,
        hours.add_activity(
            db, "supervision", date(2026, 3, 10), 90, format="individual",
            provider="Dr Kestrel-free Supervisor", learning="kestrel again, lower case",
            impact="Working with azalée differently").id,
        hours.add_activity(db, "reading", date(2026, 4, 2), 150, title="Winnicott, Playing",
                           learning="Holding and the facilitating environment.").id,
    ]
    journal.add_supervision(db, date(2026, 4, 14), "Dr Nobody", "group", 120, group_size=3,
                            cases=["Azalée"], learning="Azalée's loyalty bind",
                            actions="Bring Kestrel's dream next time")
    return ids


def fold(text: str) -> str:
    """Case, accents and every kind of space or line break folded away."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return re.sub(r"[\s\-‐‑]+", "", plain)


def leaked(text: str, terms: Sequence[str] = PLANTED) -> list[str]:
    folded = fold(text)
    return [t for t in terms if fold(t) in folded]


# -- the command line in a child process ----------------------------------------------------

PASSPHRASE = "bruyère au soleil 2031"
SECRET_ENVS = ("SUPERVISION_JOURNAL_PASSPHRASE", "SUPERVISION_JOURNAL_NEW_PASSPHRASE",
               "SUPERVISION_JOURNAL_RECOVERY_CODE", "SUPERVISION_JOURNAL_VAULT")


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


@dataclass(frozen=True)
class Cli:
    folder: Path
    passfile: Path

    def __call__(self, *args: str | os.PathLike[str]) -> Run:
        env = {k: v for k, v in os.environ.items() if k not in SECRET_ENVS}
        proc = subprocess.run(
            [sys.executable, "-m", "supervision_journal", "--vault", str(self.folder),
             "--passphrase-file", str(self.passfile), *map(str, args)],
            input=b"", capture_output=True, env=env, timeout=120, check=False)
        err = proc.stderr.decode("utf-8", errors="replace")
        assert "Traceback" not in err, err
        return Run(proc.returncode, proc.stdout.decode("utf-8"), err)


def init_cli(tmp: Path) -> Cli:
    passfile = tmp / "pass.txt"
    passfile.write_text(PASSPHRASE + "\n", encoding="utf-8")
    cli = Cli(tmp / "vault", passfile)
    result = cli("init")
    assert result.code == 0, result.err
    return cli


def pdf_text(path: Path) -> str:
    proc = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          check=True, timeout=60)
    return proc.stdout.decode("utf-8")


# -- a realistic ledger for screens, screenshots and the dashboard tests ----------------------

DEMO_TODAY = date(2026, 11, 20)


def populate_ledger(db: Database) -> dict[str, int]:
    """Two years of a counsellor's ledger (BACP and ICF-minded), client work in the notes,
    October 2026 short of supervision, August 2026 a documented break, one group entry
    without its size. Returns a few ids by name."""
    from datetime import timedelta

    ids: dict[str, int] = {}
    with db.transaction():
        client = journal.add_client(db, "Heron")
        day = date(2025, 1, 6)
        while day <= DEMO_TODAY:
            if day.month != 8 or day.year != 2026:
                journal.add_session(db, client.id, day, 50, "in_person")
            day += timedelta(weeks=1)
        month = date(2025, 1, 14)
        while month <= DEMO_TODAY:
            if (month.year, month.month) == (2026, 8):
                hours.add_activity(db, "break", month, 0, title="Summer leave")
            else:
                minutes = 60 if (month.year, month.month) == (2026, 10) else 90
                hours.add_activity(db, "supervision", month, minutes, format="individual",
                                   modality="video", provider="Dr Imogen Hart",
                                   learning="Noticing when I rescue; slowing down endings.")
            month = date(month.year + month.month // 12, month.month % 12 + 1, 14)
        for when in (date(2025, 3, 3), date(2025, 9, 1), date(2026, 3, 2)):
            hours.add_activity(db, "supervision", when, 180, format="group", group_size=5,
                               facilitated=True, modality="in_person",
                               provider="North Leeds supervision group")
        ids["unsized"] = hours.add_activity(
            db, "supervision", date(2026, 9, 7), 120, format="peer",
            provider="Peer group (intervision)").id
        ids["training"] = hours.add_activity(
            db, "training", date(2026, 5, 16), 420, title="Working with shame",
            provider="Metanoia Institute", accredited=True, format="group", group_size=18,
            categories=["core_competencies"],
            learning="Shame hides behind politeness; name it gently and early.",
            impact="I ask about shame in assessments now.").id
        hours.add_activity(db, "training", date(2025, 11, 8), 180, title="Ethics refresher",
                           provider="ICF", accredited=True, categories=["ethics"],
                           learning="Contracting for confidentiality in team coaching.")
        hours.add_activity(db, "webinar", date(2026, 2, 11), 90,
                           title="Trauma-informed coaching", provider="EMCC UK",
                           format="live", categories=["core_competencies"])
        hours.add_activity(db, "conference", date(2025, 6, 20), 360,
                           title="Annual conference: relational depth", provider="UKCP")
        hours.add_activity(db, "reading", date(2026, 1, 25), 150,
                           title="Yalom, The Gift of Therapy",
                           learning="Here-and-now disclosure, used sparingly.")
        hours.add_activity(db, "self_study", date(2026, 6, 30), 240,
                           title="Case formulation practice")
        for n in range(6):
            hours.add_activity(db, "personal_therapy", date(2026, 1 + 2 * n, 20), 60,
                               provider="Own therapist")
        hours.add_activity(db, "mentor_coaching", date(2026, 4, 9), 60,
                           provider="Mentor coach", format="individual")
    return ids
