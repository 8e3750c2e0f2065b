"""Helpers for driving the real command line in a child process, exactly as a script would.

Every run goes through ``python -m supervision_journal`` with an explicit ``--vault``. The child
inherits ``SUPERVISION_JOURNAL_TEST_KDF=1`` and ``PYTEST_CURRENT_TEST`` from the test, so it may
use the fast test KDF; stdin is always given (never the terminal), so no prompt can hang.
"""

from __future__ import annotations

import base64
import os
import re
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ISSUE_EXAMPLE = HERE / "issue2_example.json"
PASSPHRASE = "tilleul en fleur 1987"
# 7 groups of 4 Crockford base-32 symbols plus one check symbol from the 37-symbol alphabet.
RECOVERY_LINE = re.compile(r"^Recovery code: ((?:[0-9A-Z*~$=]{5}-){6}[0-9A-Z*~$=]{5})$",
                           re.MULTILINE)
SECRET_ENVS = ("SUPERVISION_JOURNAL_PASSPHRASE", "SUPERVISION_JOURNAL_NEW_PASSPHRASE",
               "SUPERVISION_JOURNAL_RECOVERY_CODE", "SUPERVISION_JOURNAL_VAULT")


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str
    out_bytes: bytes

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()

    def recovery_code(self) -> str:
        found = RECOVERY_LINE.findall(self.out)
        assert len(found) == 1, self.out
        return found[0]


def run_cli(args: Sequence[str | os.PathLike[str]], *, env: Mapping[str, str] | None = None,
            drop_env: Sequence[str] = (), stdin: str = "", cwd: Path | None = None,
            timeout: float = 120) -> Result:
    """Run the command line; ``env`` adds variables, ``drop_env`` removes inherited ones."""
    child_env = {k: v for k, v in os.environ.items() if k not in SECRET_ENVS}
    for name in drop_env:
        child_env.pop(name, None)
    child_env.update(env or {})
    proc = subprocess.run([sys.executable, "-m", "supervision_journal", *map(str, args)],
                          input=stdin.encode("utf-8"), capture_output=True, env=child_env,
                          cwd=cwd, timeout=timeout, check=False)
    err = proc.stderr.decode("utf-8", errors="replace")
    assert "Traceback" not in err, err
    return Result(proc.returncode, proc.stdout.decode("utf-8", errors="replace"), err,
                  proc.stdout)


def assert_error(result: Result, code: int, *, starts: str = "error: ",
                 contains: Sequence[str] = ()) -> str:
    """The documented error contract: the exit code, exactly one stderr line starting with
    'error:', no traceback. Returns that line."""
    assert result.code == code, (result.code, result.err, result.out)
    lines = result.err_lines
    assert len(lines) == 1, lines
    line = lines[0]
    assert line.startswith("error: "), line
    assert line.startswith(starts), line
    for part in contains:
        assert part in line, (part, line)
    return line


@dataclass(frozen=True)
class CliVault:
    """A vault created through ``init``, with its passphrase file and recovery code."""

    folder: Path
    passfile: Path
    recovery_code: str

    def run(self, *args: str | os.PathLike[str], **kwargs: Any) -> Result:
        return run_cli(["--vault", self.folder, "--passphrase-file", self.passfile, *args],
                       **kwargs)

    def export_bytes(self, tmp: Path, name: str = "export.json") -> bytes:
        out = tmp / name
        result = self.run("export-data", out)
        assert result.code == 0, result.err
        return out.read_bytes()

    def import_doc(self, path: Path) -> Result:
        return self.run("import", path)


def write_secret(folder: Path, name: str, secret: str) -> Path:
    path = folder / name
    path.write_text(secret + "\n", encoding="utf-8")
    return path


def init_vault(folder: Path, secrets_dir: Path, passphrase: str = PASSPHRASE) -> CliVault:
    passfile = write_secret(secrets_dir, f"pass-{folder.name}.txt", passphrase)
    result = run_cli(["--vault", folder, "--passphrase-file", passfile, "init"])
    assert result.code == 0, result.err
    return CliVault(folder, passfile, result.recovery_code())


# -- a larger document that exercises every corner of the format --------------------------

_TEXTS = (
    "Arrive en avance, parle vite ; évoque le travail « sans pause » et l'épuisement.",
    "Long silence after I named the anger; then tears, and relief at being heard.",
    "J'ai reformulé, puis proposé de revenir sur la scène du dîner. Ça l'a apaisée.",
    "Felt a pull to reassure — sleepy in the last ten minutes, heavy shoulders.",
    "Hypothèse : répétition du lien au père ; la loyauté comme frein au changement.",
    "Line 1\nLine 2 with tab\tand emoji 🌿 and CJK 花 and RTL שלום.",
    "",
)


def big_document() -> dict[str, Any]:
    """Several clients (one closed, one without identity), same-day sessions, both templates,
    approvals, reflections on the 1st and 2nd session of a day and standalone ones,
    supervision sessions of each format with cases, activities of many kinds with evidence."""
    clients = [
        {"pseudonym": "Iris", "started_on": "2024-01-10", "status": "active", "closed_on": None,
         "tags": ["anxiety", "work"], "retention_years": 10, "retention_reason": "contract",
         "identity": {"full_name": "Jeanne Fictive", "aliases": ["Jeannot"],
                      "identifiers": ["Lyon-Fictif", {"term": "Paul Fictif", "role": "partner"},
                                      {"term": "Usine Imaginaire", "role": "employer"}]}},
        {"pseudonym": "Merle", "started_on": "2024-02-01", "status": "closed",
         "closed_on": "2025-06-30", "tags": [], "identity": None},
        {"pseudonym": "Élise", "started_on": None, "tags": ["grief"],
         "identity": {"full_name": None, "aliases": [], "identifiers": ["Village-Inventé"]}},
        {"pseudonym": "élise", "tags": []},  # another client: the vault folds ASCII case only
        {"pseudonym": "Mésange", "started_on": "2024-03-03"},
    ]
    sessions: list[dict[str, Any]] = []
    reflections: list[dict[str, Any]] = []
    day = 0
    for n, client in enumerate(("Iris", "Merle", "Élise", "élise", "Mésange")):
        for k in range(4 + n % 3):
            day += 1
            when = f"2024-{1 + (day % 12):02d}-{1 + (day * 7) % 28:02d}"
            template = "free" if (n + k) % 4 == 3 else "standard"
            if template == "free":
                sections = {"body": _TEXTS[(n + k) % 6], "private": _TEXTS[6]}
                approved = ["body"] if k % 2 else []
            else:
                sections = {"presenting": _TEXTS[k % 6], "process": _TEXTS[(k + 1) % 6],
                            "countertransference": _TEXTS[(k + 3) % 6],
                            "supervision_questions": "Que fais-je de mon envie de la sauver ?",
                            "private": "seulement pour moi", "plan": _TEXTS[6]}
                approved = ["process", "countertransference"] if k % 2 == 0 else ["presenting"]
            sessions.append({"client": client, "date": when, "duration_minutes": 45 + 5 * k,
                             "modality": ("in_person", "video", "phone")[k % 3],
                             "template": template, "tags": ["rupture"] if k == 1 else [],
                             "sections": sections, "approved_for_supervision": approved})
            if k == 0:
                # a second session the same day for the same client
                sessions.append({"client": client, "date": when, "duration_minutes": 30,
                                 "sections": {"process": f"Second session that day ({n})."}})
                reflections.append({"client": client, "session_date": when, "session_index": 2,
                                    "prompt_id": "gibbs.feelings",
                                    "text": "Deux séances le même jour : fatigue, mais clarté.",
                                    "approved_for_supervision": True})
            text = _TEXTS[(n + k) % 6]
            reflections.append({"client": client, "session_date": when,
                                "prompt_id": "ct.rescue", "text": text, "is_question": k == 2,
                                "approved_for_supervision": bool(text) and k % 2 == 0})
    reflections.append({"client": "Iris", "prompt_id": None, "text": "Standalone note on Iris."})
    reflections.append({"text": "Une question générale pour la supervision ?", "is_question": True})
    supervision = [
        {"date": "2024-04-02", "supervisor": "Dr Imaginaire", "format": "individual",
         "modality": "video", "duration_minutes": 60, "cases": ["Iris", "Élise"],
         "questions": "Comment tenir le cadre ?", "learning": "Nommer le transfert.",
         "actions": "Relire Searles."},
        {"date": "2024-05-14", "supervisor": "Groupe du mardi", "format": "group",
         "group_size": 5, "duration_minutes": 120, "cases": ["Merle"]},
        {"date": "2024-05-14", "supervisor": "", "format": "peer", "duration_minutes": 90,
         "cases": []},
    ]
    activities = [
        {"kind": "training", "date": "2023-10-03", "hours": 7.0, "title": "Éthique",
         "provider": "Institut Fictif", "format": "group", "group_size": 12,
         "facilitated": True, "modality": "in_person", "accredited": True,
         "categories": ["ethics", "law"], "learning": "…", "impact": "…",
         "evidence": [{"filename": "attestation.pdf", "mime": "application/pdf",
                       "data_base64": base64.b64encode(b"%PDF-1.4 fictif\x00\xff").decode()},
                      {"filename": "vide.txt", "mime": "text/plain", "data_base64": ""}]},
        {"kind": "reading", "date": "2024-01-15", "hours": 1.5, "title": "Winnicott"},
        {"kind": "personal_therapy", "date": "2024-01-15", "hours": 0.75},
        {"kind": "webinar", "date": "2024-02-20", "hours": 7 / 60, "categories": ["trauma"]},
        {"kind": "client_practice", "date": "2024-12-31", "hours": 1200.0},
        {"kind": "supervision", "date": "2024-03-01", "hours": 1.0, "format": "individual",
         "provider": "logged directly in the ledger"},
    ]
    return {"format": "supervision-journal", "version": 1, "clients": clients,
            "sessions": sessions, "reflections": reflections,
            "supervision_sessions": supervision, "activities": activities}
