"""`supervision-journal hours add/list/report/profiles` end to end, in a child process as a
script would run them: exit codes, one-line errors, CSV that parses, Markdown, PDF (read back
with pdftotext), figures worked out by hand, the custom profile saved by the app, and no client
data in any format."""

from __future__ import annotations

import csv
import io
import re
import subprocess
from pathlib import Path

import pytest

from helpers.hours_support import (
    PASSPHRASE,
    Cli,
    init_cli,
    leaked,
    pdf_text,
    plant_activities,
    plant_clients,
)
from supervision_journal.hours.profiles import load_profiles, profile_text
from supervision_journal.ui.hours import settings
from supervision_journal.vault import Vault


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    return init_cli(tmp_path)


def _one_error(result, code: int) -> str:
    assert result.code == code, (result.code, result.err)
    lines = result.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), lines
    return lines[0]


def _bacp_quarter(cli: Cli) -> None:
    """January to March 2026 with client work every month: January 1.5 h individual (met);
    February 1.5 h in a group of 5 (90 ÷ 5 = 18 min = 0.3 h claimable: short); March 1 h
    individual (short)."""
    for month in ("01", "02", "03"):
        assert cli("hours", "add", "--kind", "client_practice", "--date", f"2026-{month}-28",
                   "--hours", "60").code == 0
    assert cli("hours", "add", "--kind", "supervision", "--date", "2026-01-13", "--hours",
               "1.5", "--format", "individual", "--provider", "Dr Hart").code == 0
    assert cli("hours", "add", "--kind", "supervision", "--date", "2026-02-10", "--hours",
               "1.5", "--format", "group", "--group-size", "5").code == 0
    assert cli("hours", "add", "--kind", "supervision", "--date", "2026-03-10", "--hours", "1",
               "--format", "individual").code == 0


def test_profiles_need_no_vault(tmp_path: Path) -> None:
    result = Cli(tmp_path / "nowhere", tmp_path / "none.txt")("hours", "profiles")
    assert result.code == 0
    ids = [line.split("\t")[0] for line in result.out.splitlines()]
    assert ids == sorted(load_profiles())


def test_add_and_list(cli: Cli) -> None:
    result = cli("hours", "add", "--kind", "training", "--date", "2026-05-16", "--hours", "7",
                 "--title", "Working with shame", "--provider", "Metanoia", "--accredited",
                 "--category", "ethics", "--category", "core-competencies",
                 "--learning", "Name it early", "--impact", "Ask at assessment")
    assert result.code == 0, result.err
    assert result.out == "Logged training on 2026-05-16: 7.00 h.\n"
    assert cli("hours", "add", "--kind", "reading", "--date", "2026-02-01", "--hours",
               "2.25", "--title", "Yalom").code == 0
    assert cli("hours", "add", "--kind", "supervision", "--date", "2026-03-01", "--hours",
               "1.5").code == 0

    listed = cli("hours", "list")
    assert listed.code == 0
    assert listed.out.splitlines() == [
        "2026-02-01\treading\t2.25\tYalom",
        "2026-03-01\tsupervision\t1.50\t",
        "2026-05-16\ttraining\t7.00\tWorking with shame · Metanoia",
        "3 activities, 10.75 hours",
    ]
    assert cli("hours", "list", "--kind", "reading").out.splitlines()[-1] == \
        "1 activities, 2.25 hours"
    window = cli("hours", "list", "--from", "2026-02-15", "--to", "2026-04-30")
    assert window.out.splitlines() == ["2026-03-01\tsupervision\t1.50\t",
                                       "1 activities, 1.50 hours"]


@pytest.mark.parametrize(("args", "code"), [
    (["--kind", "juggling", "--date", "2026-01-01", "--hours", "1"], 2),
    (["--kind", "reading", "--date", "01/02/2026", "--hours", "1"], 2),
    (["--kind", "reading", "--date", "2026-01-01", "--hours", "-1"], 2),
    (["--kind", "reading", "--date", "2026-01-01", "--hours", "1667"], 2),
    (["--kind", "reading", "--date", "2026-01-01"], 2),
    (["--kind", "supervision", "--date", "2026-01-01", "--hours", "1", "--format", "group",
      "--group-size", "0"], 1),
])
def test_add_refuses_bad_values_with_one_line(cli: Cli, args: list[str], code: int) -> None:
    result = cli("hours", "add", *args)
    assert result.code == code, (result.code, result.err)
    assert len(result.err.strip().splitlines()) >= 1 and "Traceback" not in result.err
    if code == 1:
        _one_error(result, 1)
    assert cli("hours", "list").out.splitlines() == ["0 activities, 0.00 hours"]


def test_report_markdown_worked_by_hand(cli: Cli) -> None:
    _bacp_quarter(cli)
    result = cli("hours", "report", "--profile", "bacp-accredited", "--from", "2026-01-01",
                 "--to", "2026-04-01")
    assert result.code == 0, result.err
    text = result.out
    assert text.startswith("# Renewal report — BACP accredited member\n")
    assert "Cycle from 1 January 2026 to 31 December 2026" in text
    # 90 + 18 + 60 = 168 min = 2.8 h counted against 3 × 1.5 = 4.5 h
    assert ("| Supervision every calendar month | 2.8 h | 4.5 h | "
            "not met: 2 of 3 periods short |") in text
    assert "- Supervision every calendar month — February 2026: 0.3 h counted, 1.5 h needed" \
        in text
    assert "- Supervision every calendar month — March 2026: 1 h counted, 1.5 h needed" in text
    assert "January 2026:" not in text
    assert "Signature: ______" in text
    french = cli("hours", "report", "--profile", "bacp-accredited", "--from", "2026-01-01",
                 "--to", "2026-04-01", "--lang", "fr").out
    assert "non atteint\u00a0: 2 périodes sur 3 en deçà" in french
    assert "février 2026\u00a0: 0,3 h pour un minimum de 1,5 h" in french


def test_report_csv_parses(cli: Cli) -> None:
    _bacp_quarter(cli)
    result = cli("hours", "report", "--profile", "bacp-accredited", "--from", "2026-01-01",
                 "--to", "2026-04-01", "--format", "csv")
    assert result.code == 0, result.err
    rows = list(csv.DictReader(io.StringIO(result.out)))
    [req] = [r for r in rows if r["record"] == "requirement"]
    assert (req["requirement"], req["counted"], req["needed"], req["met"]) == \
        ("Supervision every calendar month", "2.80", "4.50", "no")
    activities = [r for r in rows if r["record"] == "activity"]
    assert [(r["date"], r["kind"], r["hours"]) for r in activities] == [
        ("2026-01-13", "supervision", "1.5"), ("2026-01-28", "client_practice", "60"),
        ("2026-02-10", "supervision", "1.5"), ("2026-02-28", "client_practice", "60"),
        ("2026-03-10", "supervision", "1"), ("2026-03-28", "client_practice", "60")]
    assert activities[2]["format"] == "group" and activities[2]["group_size"] == "5"


def test_report_pdf(cli: Cli, tmp_path: Path) -> None:
    _bacp_quarter(cli)
    _one_error(cli("hours", "report", "--profile", "bacp-accredited", "--format", "pdf"), 2)
    out = tmp_path / "renewal.pdf"
    result = cli("hours", "report", "--profile", "bacp-accredited", "--from", "2026-01-01",
                 "--to", "2026-04-01", "--format", "pdf", "--out", out)
    assert result.code == 0, result.err
    assert result.out.startswith("Report for bacp-accredited, cycle 2026-01-01 to 2026-12-31 "
                                 "(not all met), written to ")
    assert out.read_bytes().startswith(b"%PDF")
    text = " ".join(pdf_text(out).split())
    assert "Renewal report — BACP accredited member" in text
    assert "February 2026: 0.3 h counted, 1.5 h needed" in text
    assert "Dr Hart" in text and "Signature" in text
    assert "Renewal report · 1/" in text  # the page footer


def test_french_report_pdf_is_french_to_its_title_and_footer(cli: Cli, tmp_path: Path) -> None:
    _bacp_quarter(cli)
    out = tmp_path / "rapport.pdf"
    result = cli("hours", "report", "--profile", "bacp-accredited", "--from", "2026-01-01",
                 "--to", "2026-04-01", "--format", "pdf", "--lang", "fr", "--out", out)
    assert result.code == 0, result.err
    text = " ".join(pdf_text(out).split())
    assert "Rapport de renouvellement · 1/" in text and "Renewal report" not in text
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True,
                          check=True).stdout
    assert re.search(r"^Title:\s+Rapport de renouvellement$", info, re.M), info


def test_report_errors(cli: Cli, tmp_path: Path) -> None:
    line = _one_error(cli("hours", "report", "--profile", "nobody"), 2)
    assert "unknown profile 'nobody'" in line
    _one_error(cli("hours", "report", "--profile", "ukcp", "--to", "tomorrow"), 2)
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase\n", encoding="utf-8")
    _one_error(Cli(cli.folder, wrong)("hours", "report", "--profile", "ukcp"), 4)


def test_report_uses_the_custom_profile_saved_by_the_app(cli: Cli) -> None:
    _bacp_quarter(cli)
    text = (profile_text("custom").replace("My own rules", "Rules of my college")
            .replace("target = 1\n", "target = 0.5\n"))
    vault = Vault.open(cli.folder, PASSPHRASE)
    try:
        settings.save_custom(vault.db, text)
    finally:
        vault.close()
    result = cli("hours", "report", "--profile", "custom", "--from", "2026-01-01", "--to",
                 "2026-04-01")
    assert result.code == 0, result.err
    assert result.out.startswith("# Renewal report — Rules of my college\n")
    # 0.5 h a month, and no group rule: February's group time counts in full (90 + 90 + 60)
    assert "| Supervision every month | 4 h | 1.5 h | met |" in result.out
    assert "Periods that fall short" not in result.out


def test_no_client_data_in_any_format(cli: Cli, tmp_path: Path) -> None:
    vault = Vault.open(cli.folder, PASSPHRASE)
    try:
        plant_clients(vault.db)
        plant_activities(vault.db)
    finally:
        vault.close()
    listed = cli("hours", "list").out
    assert "AZALÉE" in listed  # the ledger itself holds them (the user's own screen)
    for profile in ("bacp-accredited", "icf-acc", "eap-ecp"):
        for fmt in ("md", "csv", "pdf"):
            out = tmp_path / f"{profile}.{fmt}"
            result = cli("hours", "report", "--profile", profile, "--from", "2026-01-01",
                         "--to", "2026-06-30", "--format", fmt, "--out", out)
            assert result.code == 0, result.err
            text = pdf_text(out) if fmt == "pdf" else out.read_text(encoding="utf-8")
            assert "Winnicott" in text, (profile, fmt)
            assert leaked(text) == [], (profile, fmt, leaked(text))
            assert leaked(result.out + result.err) == []
