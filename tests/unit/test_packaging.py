"""The package list in pyproject.toml must name every package under src/ (setuptools is given an
explicit list so that resources/ can be installed as supervision_journal.resources)."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_package_is_listed() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    src = ROOT / "src"
    found = {".".join(p.parent.relative_to(src).parts) for p in src.rglob("__init__.py")}
    found.add("supervision_journal.resources")
    assert found - listed == set(), "add these packages to [tool.setuptools] packages"
    assert listed - found == set(), "these listed packages do not exist"


def test_resources_are_importable() -> None:
    from importlib import resources

    root = resources.files("supervision_journal.resources")
    assert root.joinpath("prompts").is_dir()
    assert root.joinpath("profiles").is_dir()
