"""ruff is part of the suite: the code base stays lint-clean (config in pyproject.toml)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_ruff_clean() -> None:
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "src", "tests", "bench"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_layering_rules() -> None:
    """Qt only in ui/; sqlcipher3 only in vault/; SQL only in vault/ and store.py files;
    features never import ui."""
    pkg = ROOT / "src" / "supervision_journal"
    sql = re.compile(r"\b(SELECT .+ FROM|INSERT INTO|UPDATE \w+ SET|DELETE FROM|CREATE TABLE)\b")
    problems = []
    for path in pkg.rglob("*.py"):
        rel = path.relative_to(pkg)
        text = path.read_text(encoding="utf-8")
        in_ui = rel.parts[0] == "ui"
        if not in_ui and ("from PySide6" in text or "import PySide6" in text):
            problems.append(f"{rel}: imports Qt outside ui/")
        if rel.parts[0] != "vault" and "import sqlcipher3" in text:
            problems.append(f"{rel}: imports sqlcipher3 outside vault/")
        if rel.parts[0] != "vault" and rel.name != "store.py" and sql.search(text):
            problems.append(f"{rel}: SQL outside vault/ and store.py")
        # The command line may use the Qt PDF renderer (offscreen) and nothing else of ui/.
        interface = rel.name == "__main__.py" or rel.name.startswith("cli")
        ui_imports = re.findall(r"from \.+ui(\.\w+)? import|supervision_journal\.ui", text)
        if not in_ui and ui_imports and not (
                interface and all(m == ".pdf" for m in ui_imports)) \
                and rel.name != "__main__.py":
            problems.append(f"{rel}: a feature imports the UI")
    assert problems == []
