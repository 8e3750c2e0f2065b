"""Refresh the pip wheels listed in the Flatpak manifest (between its ``BEGIN pip sources`` and
``END pip sources`` lines) from pyproject.toml's dependencies.

    python packaging/flatpak/pip_sources.py

Flatpak builds offline, so every wheel is a source with its URL and SHA-256. pip resolves the
dependencies for the runtime's Python (3.12 in org.freedesktop.Platform 24.08) and each
architecture without downloading the wheels (``pip install --dry-run --report``, which reads
PyPI's metadata files). setuptools and wheel are listed too: the app module builds from source.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path
from urllib.parse import unquote, urlparse

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = ROOT / "packaging/flatpak/io.github.supervision_journal.SupervisionJournal.yml"
PYTHON_VERSION = "3.12"
ARCHES = ("x86_64", "aarch64")
# Oldest first is not needed: pip takes the best tag among those given.
GLIBC = ("manylinux_2_39", "manylinux_2_34", "manylinux_2_28", "manylinux_2_17", "manylinux2014")
BUILD_TOOLS = ("setuptools>=68", "wheel")
BEGIN = "# BEGIN pip sources"
END = "# END pip sources"


def requirements() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [*project["dependencies"], *BUILD_TOOLS]


def resolve(arch: str) -> list[tuple[str, str]]:
    """(url, sha256) of every wheel pip would install for ``arch``."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        platforms = [arg for tag in GLIBC for arg in ("--platform", f"{tag}_{arch}")]
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--dry-run", "--quiet", "--ignore-installed",
             "--target", str(Path(tmp) / "unused"), "--only-binary", ":all:", *platforms,
             "--python-version", PYTHON_VERSION, "--implementation", "cp",
             "--abi", "cp" + PYTHON_VERSION.replace(".", ""), "--abi", "abi3", "--abi", "none",
             "--report", str(report), *requirements()],
            check=True)
        installs = json.loads(report.read_text(encoding="utf-8"))["install"]
    return [(public_url(item["download_info"]["url"]),
             item["download_info"]["archive_info"]["hashes"]["sha256"]) for item in installs]


def public_url(url: str) -> str:
    """PyPI's URL for a wheel that pip found in a local mirror: PyPI stores each file under the
    BLAKE2b-256 digest of its content."""
    if not url.startswith("file:"):
        return url
    path = Path(unquote(urlparse(url).path))
    digest = hashlib.blake2b(path.read_bytes(), digest_size=32).hexdigest()
    return (f"https://files.pythonhosted.org/packages/{digest[:2]}/{digest[2:4]}/{digest[4:]}/"
            f"{path.name}")


def sources_yaml() -> str:
    arches_of: dict[tuple[str, str], list[str]] = {}
    for arch in ARCHES:
        for source in resolve(arch):
            arches_of.setdefault(source, []).append(arch)
    lines = []
    for (url, sha256), arches in sorted(arches_of.items(), key=lambda s: s[0][0].rsplit("/")[-1]):
        lines += ["      - type: file", f"        url: {url}", f"        sha256: {sha256}"]
        if len(arches) < len(ARCHES):
            lines.append(f"        only-arches: [{', '.join(arches)}]")
    return "\n".join(lines)


def main() -> int:
    text = MANIFEST.read_text(encoding="utf-8")
    pattern = re.compile(rf"(^\s*{BEGIN}\n).*?(^\s*{END}$)", re.MULTILINE | re.DOTALL)
    if not pattern.search(text):
        print(f"{MANIFEST}: no '{BEGIN}' … '{END}' block", file=sys.stderr)
        return 1
    body = sources_yaml()
    MANIFEST.write_text(pattern.sub(lambda m: m.group(1) + body + "\n" + m.group(2), text),
                        encoding="utf-8")
    print(f"{MANIFEST.relative_to(ROOT)}: {body.count('- type: file')} wheels")
    return 0


if __name__ == "__main__":
    sys.exit(main())
