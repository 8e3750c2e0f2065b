"""docs/cli.md stays true: every ```sh block on the page is run, in order, as one script in an
empty folder holding the English demo journal. Lines '# exit code N' in the page must match the
'exit code N' lines the script prints, in order."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CLI_DOC = ROOT / "docs" / "cli.md"
DEMO = ROOT / "resources" / "demo" / "demo_en.json"
BLOCK = re.compile(r"^```sh\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _blocks() -> list[str]:
    return BLOCK.findall(CLI_DOC.read_text(encoding="utf-8"))


def test_the_page_has_examples_for_every_command() -> None:
    script = "\n".join(_blocks())
    for command in ("init", "import", "export-data", "verify", "backup", "restore", "passwd",
                    "recover", "rotate-key", "export", "hours profiles", "hours add",
                    "hours list", "hours report", "client close", "client retention",
                    "client access-export", "client erase", "retention report",
                    "retention default", "privacy record", "privacy notice"):
        assert re.search(rf"(\$SJ|supervision-journal)( --\S+ \S+)* {command}\b", script), \
            command


def test_every_example_runs(tmp_path: Path) -> None:
    shutil.copy(DEMO, tmp_path / "demo_en.json")
    prelude = ("set -euo pipefail\n"
               f"supervision-journal() {{ {shlex.quote(sys.executable)} -m supervision_journal "
               '"$@"; }\n')
    script = prelude + "\n".join(_blocks())
    env = {k: v for k, v in os.environ.items() if not k.startswith("SUPERVISION_JOURNAL_")
           or k == "SUPERVISION_JOURNAL_TEST_KDF"}
    proc = subprocess.run(["bash", "-c", script], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=600, stdin=subprocess.DEVNULL, check=False)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr
    assert "internal error" not in proc.stderr
    documented = re.findall(r"^# exit code (\d+)$", "\n".join(_blocks()), re.MULTILINE)
    printed = re.findall(r"^exit code (\d+)$", proc.stdout, re.MULTILINE)
    assert printed == documented
    assert set(documented) == {"1", "2", "3", "4"}
    assert "identical" in proc.stdout.splitlines()
    # the files the walk-through promises
    for name in ("everything.json", "for-supervision.md", "renewal.md", "hazel-access.json",
                 "record.md", "notice.md"):
        assert (tmp_path / name).is_file(), name
    assert (tmp_path / "my-vault" / "journal.db").is_file()
