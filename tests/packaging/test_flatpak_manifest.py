"""The Flatpak manifest stays valid YAML with what flatpak-builder needs, names the one app id,
keeps the sandbox closed (no network), installs through packaging/linux/install.sh, and lists a
wheel with a SHA-256 for every runtime dependency on every architecture. (flatpak-builder is
not on CI machines: the build itself is documented in docs/install.md.)"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from supervision_journal import APP_ID

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = ROOT / "packaging" / "flatpak" / f"{APP_ID}.yml"
ARCHES = ("x86_64", "aarch64")


def _load() -> dict[str, Any]:
    """PyYAML when the environment has it (it is not a dependency), else a reader for the
    block-style subset the manifest uses."""
    text = MANIFEST.read_text(encoding="utf-8")
    try:
        import yaml
    except ImportError:
        return _MiniYaml(text).parse()
    return yaml.safe_load(text)


class _MiniYaml:
    """Block mappings, block sequences, plain and quoted scalars, flow lists of plain words,
    comments, and plain scalars continued on more-indented lines. Anything else is an error:
    the manifest must stay within what both readers agree on."""

    def __init__(self, text: str) -> None:
        self.lines: list[tuple[int, str]] = []
        for number, raw in enumerate(text.splitlines(), 1):
            if "\t" in raw:
                raise ValueError(f"line {number}: tab")
            stripped = raw.strip()
            if stripped and not stripped.startswith("#"):
                self.lines.append((len(raw) - len(raw.lstrip(" ")), stripped))
        self.pos = 0

    def parse(self) -> Any:
        value = self._block(0)
        if self.pos != len(self.lines):
            raise ValueError(f"unexpected: {self.lines[self.pos][1]}")
        return value

    def _block(self, indent: int) -> Any:
        if self.pos >= len(self.lines):
            return None
        if self.lines[self.pos][1].startswith("- "):
            return self._sequence(self.lines[self.pos][0])
        return self._mapping(self.lines[self.pos][0])

    def _sequence(self, indent: int) -> list[Any]:
        items: list[Any] = []
        while self.pos < len(self.lines) and self.lines[self.pos][0] == indent \
                and self.lines[self.pos][1].startswith("- "):
            rest = self.lines[self.pos][1][2:]
            if re.match(r"^[\w.-]+:( |$)", rest):
                # A mapping that starts on the dash line: re-read it as indented by two.
                self.lines[self.pos] = (indent + 2, rest)
                items.append(self._mapping(indent + 2))
            else:
                self.pos += 1
                items.append(self._scalar(rest + self._continuation(indent)))
        return items

    def _mapping(self, indent: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        while self.pos < len(self.lines) and self.lines[self.pos][0] == indent:
            match = re.match(r"^([\w.-]+):(?: (.*))?$", self.lines[self.pos][1])
            if match is None:
                raise ValueError(f"not a key: {self.lines[self.pos][1]}")
            key, rest = match.group(1), match.group(2)
            if key in result:
                raise ValueError(f"duplicate key {key}")
            self.pos += 1
            if rest is None:
                nested = self.pos < len(self.lines) and (
                    self.lines[self.pos][0] > indent
                    or (self.lines[self.pos][0] == indent
                        and self.lines[self.pos][1].startswith("- ")))
                result[key] = self._block(self.lines[self.pos][0]) if nested else None
            else:
                result[key] = self._scalar(rest + self._continuation(indent))
        return result

    def _continuation(self, indent: int) -> str:
        parts = []
        while self.pos < len(self.lines) and self.lines[self.pos][0] > indent \
                and not re.match(r"^(- |[\w.-]+:( |$))", self.lines[self.pos][1]):
            parts.append(" " + self.lines[self.pos][1])
            self.pos += 1
        return "".join(parts)

    @staticmethod
    def _scalar(text: str) -> Any:
        if text.startswith("[") and text.endswith("]"):
            return [item.strip() for item in text[1:-1].split(",") if item.strip()]
        if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
            return text[1:-1]
        if text.startswith(("{", "&", "*", "!", "|", ">")):
            raise ValueError(f"unsupported YAML: {text}")
        return text


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    return _load()


def test_manifest_parses_the_same_with_both_readers() -> None:
    try:
        import yaml
    except ImportError:
        pytest.skip("PyYAML is not installed: only the built-in reader is checked")
    text = MANIFEST.read_text(encoding="utf-8")
    assert _MiniYaml(text).parse() == yaml.safe_load(text)


def test_mini_reader_refuses_broken_yaml() -> None:
    with pytest.raises(ValueError):
        _MiniYaml("app-id: x\n\tcommand: y\n").parse()
    with pytest.raises(ValueError):
        _MiniYaml("app-id: x\napp-id: y\n").parse()
    with pytest.raises(ValueError):
        _MiniYaml("modules:\n  - name: a\n  not a key\n").parse()


def test_identity_and_runtime(manifest: dict[str, Any]) -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "project"]["scripts"]
    assert manifest["app-id"] == APP_ID
    assert manifest["command"] in scripts
    assert manifest["runtime"] in ("org.freedesktop.Platform", "org.kde.Platform")
    assert manifest["sdk"] == manifest["runtime"].replace(".Platform", ".Sdk")
    assert re.fullmatch(r"\d+(\.\d+)?", str(manifest["runtime-version"]))


def test_sandbox_has_no_network_and_no_home(manifest: dict[str, Any]) -> None:
    args = manifest["finish-args"]
    assert "--share=network" not in args
    assert not any(a.startswith("--filesystem=") for a in args)
    assert {"--socket=wayland", "--socket=fallback-x11", "--share=ipc"} <= set(args)


def test_app_module_installs_the_desktop_integration(manifest: dict[str, Any]) -> None:
    app = manifest["modules"][-1]
    commands = " ".join(app["build-commands"])
    assert "pip3 install" in commands and "--no-deps" in commands
    assert "packaging/linux/install.sh" in commands
    source = app["sources"][0]
    assert source["type"] == "dir" and (MANIFEST.parent / source["path"]).resolve() == ROOT


def _wheel_name(url: str) -> str:
    return re.sub(r"[-_.]+", "-", url.rsplit("/", 1)[-1].split("-", 1)[0]).lower()


def test_every_dependency_has_a_pinned_wheel_per_architecture(
        manifest: dict[str, Any]) -> None:
    deps = manifest["modules"][0]
    assert "--no-index" in " ".join(deps["build-commands"])
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = {re.split(r"[<>=!~ \[;]", d, maxsplit=1)[0].lower().replace("_", "-")
              for d in project["dependencies"]}
    for source in deps["sources"]:
        assert source["type"] == "file"
        assert source["url"].startswith("https://files.pythonhosted.org/packages/")
        assert source["url"].endswith(".whl")
        assert re.fullmatch(r"[0-9a-f]{64}", source["sha256"])
        assert set(source.get("only-arches", ARCHES)) <= set(ARCHES)
    for arch in ARCHES:
        wheels = {_wheel_name(s["url"]) for s in deps["sources"]
                  if arch in s.get("only-arches", ARCHES)}
        assert wanted - wheels == set(), arch
        binary = [s["url"] for s in deps["sources"] if arch in s.get("only-arches", ARCHES)
                  and "-none-any.whl" not in s["url"]]
        assert all(arch in url for url in binary), arch
