"""Linux desktop metadata: the desktop file and the AppStream metainfo validate with the
freedesktop tools (Debian packages desktop-file-utils and appstream, installed by .ci/run), say
the same things as the package, and install.sh puts them where desktops look."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from supervision_journal import APP_ID, APP_NAME, __version__

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SCREENSHOT_BASE = ("https://raw.githubusercontent.com/supervision-journal/supervision-journal/"
                   "main/")


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian package {package}; .ci/run installs it)")
    return path


def _desktop_entry(path: Path = DESKTOP) -> configparser.SectionProxy:
    parser = configparser.RawConfigParser(strict=True, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


# -- validation by the freedesktop tools ----------------------------------------------------------


def test_desktop_file_validates() -> None:
    tool = _tool("desktop-file-validate", "desktop-file-utils")
    result = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True, check=False)
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert "error:" not in report and "warning:" not in report, report


def test_metainfo_validates() -> None:
    tool = _tool("appstreamcli", "appstream")
    result = subprocess.run([tool, "validate", "--no-net", "--no-color", str(METAINFO)],
                            capture_output=True, text=True, check=False)
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    # Infos (e.g. a tag newer than this appstream knows) are fine; warnings and errors are not.
    problems = [line for line in report.splitlines() if line.startswith(("E:", "W:"))]
    assert problems == [], report


def test_validators_catch_a_broken_file(tmp_path: Path) -> None:
    """The two checks above can fail: a desktop file without Exec and a metainfo without a
    summary are refused."""
    desktop_tool = _tool("desktop-file-validate", "desktop-file-utils")
    appstream_tool = _tool("appstreamcli", "appstream")
    broken_desktop = tmp_path / f"{APP_ID}.desktop"
    broken_desktop.write_text(DESKTOP.read_text(encoding="utf-8").replace("Exec=", "Exex="),
                              encoding="utf-8")
    assert subprocess.run([desktop_tool, str(broken_desktop)], capture_output=True,
                          check=False).returncode != 0
    text = METAINFO.read_text(encoding="utf-8")
    start, end = text.index("  <summary>"), text.index("</summary>") + len("</summary>")
    broken_metainfo = tmp_path / f"{APP_ID}.metainfo.xml"
    broken_metainfo.write_text(text[:start] + text[end:], encoding="utf-8")
    assert subprocess.run([appstream_tool, "validate", "--no-net", str(broken_metainfo)],
                          capture_output=True, check=False).returncode != 0


# -- one identity everywhere ---------------------------------------------------------------------


def test_desktop_file_names_the_app() -> None:
    entry = _desktop_entry()
    scripts = _pyproject()["project"]["scripts"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == APP_NAME
    assert entry["Icon"] == APP_ID
    assert entry["Exec"].split()[0] in scripts
    assert entry["Terminal"] == "false"
    assert "Name[fr]" in entry and "Comment[fr]" in entry


def test_metainfo_matches_the_package() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == APP_NAME
    assert root.findtext("project_license") == _pyproject()["project"]["license"]["text"]
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name
    assert root.findtext("provides/binary") == _desktop_entry()["Exec"].split()[0]
    releases = root.findall("releases/release")
    assert releases and releases[0].get("version") == __version__
    assert releases[0].find("description") is not None  # release notes
    rating = root.find("content_rating")
    assert rating is not None and rating.get("type") == "oars-1.1" and len(rating) == 0


def test_description_is_in_english_and_french() -> None:
    description = ET.parse(METAINFO).getroot().find("description")
    assert description is not None
    for tag in ("p", "li"):
        english = [e for e in description.iter(tag) if e.get(XML_LANG) is None]
        french = [e for e in description.iter(tag) if e.get(XML_LANG) == "fr"]
        assert english and len(french) == len(english), tag


def test_screenshots_are_files_in_docs() -> None:
    screenshots = ET.parse(METAINFO).getroot().findall("screenshots/screenshot")
    assert screenshots
    assert [s.get("type") for s in screenshots].count("default") == 1
    for screenshot in screenshots:
        url = screenshot.findtext("image") or ""
        assert url.startswith(SCREENSHOT_BASE), url
        assert (ROOT / url.removeprefix(SCREENSHOT_BASE)).is_file(), url
        captions = {c.get(XML_LANG) for c in screenshot.findall("caption")}
        assert captions == {None, "fr"}


def test_changelog_names_the_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{__version__}]" in changelog


# -- one step installs it ------------------------------------------------------------------------


def test_install_script_puts_files_where_desktops_look(tmp_path: Path) -> None:
    env = {**os.environ, "DESTDIR": str(tmp_path / "stage")}
    subprocess.run(["sh", str(LINUX / "install.sh"), "/usr"], env=env, check=True,
                   capture_output=True)
    share = tmp_path / "stage" / "usr" / "share"
    installed = {p.relative_to(share).as_posix() for p in share.rglob("*") if p.is_file()}
    expected = {f"applications/{APP_ID}.desktop", f"metainfo/{APP_ID}.metainfo.xml",
                f"icons/hicolor/scalable/apps/{APP_ID}.svg"}
    expected |= {f"icons/hicolor/{n}x{n}/apps/{APP_ID}.png" for n in (16, 24, 32, 48, 64, 128, 256)}
    assert installed == expected
    assert (share / "applications" / DESKTOP.name).read_bytes() == DESKTOP.read_bytes()


def test_install_script_wants_a_prefix() -> None:
    result = subprocess.run(["sh", str(LINUX / "install.sh")], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 2 and "usage:" in result.stderr
