"""README.md, read as a newcomer would: the two set-up commands come first and .ci/run runs the
test one verbatim; every ```sh block of the user guide runs as written; every link and image
points at a file that exists (README, CHANGELOG, docs/install.md)."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
BLOCK = re.compile(r"^```sh\n(.*?)^```", re.MULTILINE | re.DOTALL)
RUN_APP = "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/supervision-journal"
RUN_TESTS = ("python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && "
             ".venv/bin/python -m pytest")
PASSPHRASE = "correct horse battery staple"


def _text() -> str:
    return README.read_text(encoding="utf-8")


def _guide_blocks() -> list[str]:
    """The ```sh blocks after the set-up part (which ends at the first '---' line)."""
    return BLOCK.findall(_text().split("\n---\n", 1)[1])


def test_the_two_set_up_commands_come_first() -> None:
    head = _text().split("\n---\n", 1)[0]
    assert [block.strip() for block in BLOCK.findall(head)] == [RUN_APP, RUN_TESTS]
    assert _text().index(RUN_APP) < _text().index("##")  # before any section


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    commands = [line for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.lstrip().startswith("#")]
    assert commands[-1].strip() == RUN_TESTS


def test_every_guide_command_runs(tmp_path: Path) -> None:
    """The blocks run in order as one script, in an empty folder, with the passphrase a user
    would type given by the environment. After the block that creates the journal, the demo
    journal is imported: the later commands are about a journal in use (sessions approved for
    supervision, hours logged)."""
    blocks = _guide_blocks()
    creating = [i for i, block in enumerate(blocks) if re.search(r"\binit\b", block)]
    assert creating, "the guide shows how to create a journal"
    demo = ROOT / "resources" / "demo" / "demo_en.json"
    used = f"supervision-journal import {shlex.quote(str(demo))} > /dev/null\n"
    script = "\n".join(block + (used if i == creating[0] else "")
                       for i, block in enumerate(blocks))
    prelude = ("set -euo pipefail\n"
               f"supervision-journal() {{ {shlex.quote(sys.executable)} -m supervision_journal "
               '"$@"; }\n')
    # HOME and the XDG folders are this test's own (tests/conftest.py): the default journal
    # folder of the guide's commands is inside them.
    env = {k: v for k, v in os.environ.items() if not k.startswith("SUPERVISION_JOURNAL_")
           or k == "SUPERVISION_JOURNAL_TEST_KDF"}
    env["SUPERVISION_JOURNAL_PASSPHRASE"] = PASSPHRASE
    result = subprocess.run(["bash", "-c", prelude + script], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=600,
                            stdin=subprocess.DEVNULL, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    home = Path(env["HOME"])
    assert (tmp_path / "for-supervision.pdf").is_file()
    assert (tmp_path / "renewal.md").is_file()
    assert list((home / "journal-backups").glob("journal-backup-*.sjbk"))
    assert "Vault OK" in result.stdout


@pytest.mark.parametrize("page", ["README.md", "CHANGELOG.md", "docs/install.md"])
def test_links_point_at_files(page: str) -> None:
    path = ROOT / page
    targets = re.findall(r"\]\(([^)\s]+)\)", path.read_text(encoding="utf-8"))
    local = [t.split("#", 1)[0] for t in targets if not re.match(r"^[a-z]+:", t)]
    assert [t for t in local if t and not (path.parent / t).exists()] == []
    anchors = [t[1:] for t in targets if t.startswith("#")]
    headings = {re.sub(r"[^\w\- ]", "", h).strip().lower().replace(" ", "-")
                for h in re.findall(r"^#+ (.+)$", path.read_text(encoding="utf-8"), re.M)}
    assert [a for a in anchors if a not in headings] == []


def test_screenshots_in_the_readme_exist() -> None:
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", _text())
    assert len(images) >= 3
    for image in images:
        assert (ROOT / image).is_file(), image
