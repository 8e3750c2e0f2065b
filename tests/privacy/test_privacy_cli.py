"""The data-protection commands end to end, through a child process, as a script would run
them: ``--vault``, the passphrase in the environment, the test KDF inherited."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from helpers.canaries import PASSPHRASE, CanaryClient, add_canary_client
from supervision_journal.export import store as export_store
from supervision_journal.journal import store
from supervision_journal.privacy import retention
from supervision_journal.vault import Vault


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


@dataclass(frozen=True)
class Setup:
    folder: Path
    old: CanaryClient  # closed long ago: past its period
    young: CanaryClient

    def run(self, *args: str | Path) -> Run:
        env = {k: v for k, v in os.environ.items()
               if not k.startswith("SUPERVISION_JOURNAL_") or k.endswith("_TEST_KDF")}
        env["SUPERVISION_JOURNAL_PASSPHRASE"] = PASSPHRASE
        proc = subprocess.run([sys.executable, "-m", "supervision_journal", "--vault",
                               str(self.folder), *map(str, args)], capture_output=True,
                              text=True, env=env, timeout=120, check=False)
        assert "Traceback" not in proc.stderr, proc.stderr
        return Run(proc.returncode, proc.stdout, proc.stderr)

    def open(self) -> Vault:
        return Vault.open(self.folder, PASSPHRASE)


@pytest.fixture
def setup(tmp_path: Path) -> Setup:
    vault, _ = Vault.create(tmp_path / "vault", PASSPHRASE)
    old = add_canary_client(vault.db, sessions=2, seed=1, start=date(2012, 3, 1))
    young = add_canary_client(vault.db, sessions=2, seed=2, start=date(2024, 2, 1))
    retention.close_client(vault.db, old.client.id, date(2013, 1, 15))
    vault.close()
    return Setup(tmp_path / "vault", old, young)


def _one_error_line(run: Run, code: int, contains: str) -> str:
    assert run.code == code, (run.code, run.err)
    lines = run.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and contains in lines[0], lines
    return lines[0]


def test_close_and_retention_report(setup: Setup) -> None:
    young = setup.young
    run = setup.run("client", "close", young.pseudonym, "--on", "2024-06-30")
    assert run.code == 0, run.err
    assert "Client closed on 2024-06-30" in run.out and young.pseudonym not in run.out
    assert "until 2034-02-15" in run.out  # 10 years after the last session, 2024-02-15
    run = setup.run("client", "retention", young.pseudonym, "--years", "15", "--reason",
                    "contract")
    assert run.code == 0 and "15 years" in run.out and "own period" in run.out
    run = setup.run("retention", "report", "--today", "2025-01-01")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0] == ("Default retention: 10 years after the last session. 2 closed "
                        "client(s), 1 past their period.")
    assert lines[1].startswith(f"DUE\t{setup.old.pseudonym}\tuntil 2022-03-15\t10 years\t")
    assert lines[1].endswith("2 sessions, 20 sections, 2 reflections, 4 identity terms")
    assert lines[2].startswith(f"kept\t{young.pseudonym}\tuntil 2039-02-15\t15 years "
                               "(contract)\t")
    assert not [t for t in setup.old.identity + young.identity if t in run.out]
    run = setup.run("retention", "default", "12")
    assert run.code == 0 and "12 years" in run.out
    with setup.open() as vault:
        assert retention.default_years(vault.db) == 12
        assert store.find_client(vault.db, young.pseudonym).closed_on == date(2024, 6, 30)
    _one_error_line(setup.run("client", "close", young.pseudonym, "--on", "30/06/2024"), 2,
                    "YYYY-MM-DD")
    _one_error_line(setup.run("retention", "default", "0"), 1, "1 to 100")


def test_erase_needs_the_exact_pseudonym(setup: Setup) -> None:
    old = setup.old
    line = _one_error_line(setup.run("client", "erase", old.pseudonym, "--confirm",
                                     old.pseudonym.upper()), 1, "nothing was erased")
    assert old.pseudonym not in line and old.pseudonym.upper() not in line
    line = _one_error_line(setup.run("client", "erase", "nobody", "--confirm", "nobody"), 1,
                           "no client has this pseudonym")
    assert "nobody" not in line
    with setup.open() as vault:
        assert store.find_client(vault.db, old.pseudonym) is not None

    run = setup.run("client", "erase", old.pseudonym, "--confirm", old.pseudonym)
    assert run.code == 0, run.err
    assert "Erased: 2 session(s), 20 section(s), 2 approval(s), 2 reflection(s), 4 identity " \
           "term(s), 0 supervision link(s)." in run.out
    assert "Backups made before now still hold this client's data" in run.out
    assert old.pseudonym not in run.out + run.err
    with setup.open() as vault:
        assert store.find_client(vault.db, old.pseudonym) is None
        assert store.find_client(vault.db, setup.young.pseudonym) is not None
        (row,) = [a for a in export_store.list_audit(vault.db) if a.kind == "erasure"]
        assert row.items[0]["sessions"] == 2


def test_erase_with_anonymise(setup: Setup) -> None:
    young = setup.young
    run = setup.run("client", "erase", young.pseudonym, "--confirm", young.pseudonym,
                    "--anonymise")
    assert run.code == 0, run.err
    assert "2 reflection(s) kept anonymised" in run.out and ", 0 reflection(s)," in run.out
    with setup.open() as vault:
        kept = [r for r in store.list_reflections(vault.db) if young.reflections[0] in r.text]
        assert len(kept) == 1 and "[client]" in kept[0].text and kept[0].client_id is None


@pytest.mark.parametrize("fmt", ["md", "json", "html", "pdf"])
def test_access_export(setup: Setup, fmt: str, tmp_path: Path) -> None:
    young, old = setup.young, setup.old
    out = tmp_path / "exports" / f"request.{fmt}"
    out.parent.mkdir()
    run = setup.run("client", "access-export", young.pseudonym, "--out", out,
                    "--withhold", "private")
    assert run.code == 0, run.err
    assert f"({fmt}, 2 session(s); withheld: private)" in run.out
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no temporary file left
    assert out.stat().st_mode & 0o077 == 0
    data = out.read_bytes()
    if fmt == "pdf":
        assert data.startswith(b"%PDF")
        if shutil.which("pdftotext") is None:
            pytest.skip("needs poppler-utils")
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], check=True,
                              capture_output=True, text=True).stdout
        text = "".join(text.split())
    else:
        text = data.decode("utf-8")
    text = unicodedata.normalize("NFKC", text)
    shown = [t for t in young.all if t not in young.private]
    assert [t for t in shown if t not in text] == []
    assert [t for t in young.private + old.all if t in text] == []
    if fmt == "json":
        assert json.loads(data)["withheld"]["sections"] == ["private"]
    with setup.open() as vault:
        (row,) = [a for a in export_store.list_audit(vault.db) if a.kind == "access"]
        assert row.format == fmt and row.items[0]["client_id"] == young.client.id


def test_access_export_format_follows_the_extension(setup: Setup, tmp_path: Path) -> None:
    run = setup.run("client", "access-export", setup.young.pseudonym, "--out",
                    tmp_path / "a.json")
    assert run.code == 0 and "(json, 2 session(s))" in run.out
    run = setup.run("client", "access-export", setup.young.pseudonym, "--out",
                    tmp_path / "a.md", "--lang", "fr")
    assert run.code == 0
    assert (tmp_path / "a.md").read_text(encoding="utf-8").startswith(
        "# Ce que le journal contient à votre sujet")
    assert json.loads((tmp_path / "a.json").read_bytes())["format"] == \
        "supervision-journal-access-export"
    _one_error_line(setup.run("client", "access-export", setup.young.pseudonym, "--out",
                              tmp_path / "b.md", "--withhold", "diary"), 1, "note sections")
    assert not (tmp_path / "b.md").exists()


@pytest.mark.parametrize("document,lang,heading", [
    ("record", "fr", "# Registre des activités de traitement (RGPD art. 30)"),
    ("record", "en", "# Record of processing activities (GDPR Art. 30)"),
    ("notice", "fr", "# Comment vos données personnelles sont traitées"),
])
def test_privacy_documents(setup: Setup, tmp_path: Path, document: str, lang: str,
                           heading: str) -> None:
    out = tmp_path / f"{document}.md"
    run = setup.run("privacy", document, "--out", out, "--lang", lang)
    assert run.code == 0, run.err
    text = out.read_text(encoding="utf-8")
    assert text.startswith(heading) and "$" not in text
    if document == "record":
        assert "Argon2id (1 M" in text  # the test vault's real (fast) parameters


def test_privacy_record_as_pdf(setup: Setup, tmp_path: Path) -> None:
    out = tmp_path / "record.pdf"
    run = setup.run("privacy", "record", "--out", out, "--format", "pdf")
    assert run.code == 0, run.err
    assert out.read_bytes().startswith(b"%PDF")


def test_usage_errors(setup: Setup) -> None:
    assert setup.run("client").code == 2
    assert setup.run("client", "erase", setup.old.pseudonym).code == 2  # --confirm required
    assert setup.run("retention").code == 2
