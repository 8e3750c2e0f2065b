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
