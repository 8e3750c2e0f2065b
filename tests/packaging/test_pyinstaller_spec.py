"""The PyInstaller spec, without building: it is run with stand-ins for PyInstaller's classes,
to check what it would put in the bundle (every module and data file of the package, nothing
the app imports left out) and what it filters away. The real build is tests/packaging/
test_bundle.py (slow)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "pyinstaller" / "supervision_journal.spec"
SRC = ROOT / "src" / "supervision_journal"


class _Recorder:
    """Stands in for Analysis, PYZ, EXE, COLLECT and BUNDLE: keeps the arguments."""

    calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]]

    def __init__(self, kind: str, *args: Any, **kwargs: Any) -> None:
        self.kind, self.args, self.kwargs = kind, args, kwargs
        _Recorder.calls.append((kind, args, kwargs))
        self.pure: list[Any] = []
        self.scripts: list[Any] = []
        self.binaries: list[tuple[str, str, str]] = list(_SAMPLE_BINARIES)
        self.datas: list[tuple[str, str, str]] = list(_SAMPLE_DATAS)


_SAMPLE_BINARIES = [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", "/x", "BINARY"),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", "/x", "BINARY"),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", "/x", "BINARY"),
    ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", "/x", "BINARY"),
    ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", "/x",
     "BINARY"),
    ("PySide6/Qt/lib/libQt6Quick.so.6", "/x", "BINARY"),
    ("libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Quick.so.6", "SYMLINK"),
    ("PySide6/Qt/lib/libQt6Widgets.so.6", "/x", "BINARY"),
    ("PySide6/Qt/lib/libQt6Network.so.6", "/x", "BINARY"),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", "/x", "BINARY"),
]
_SAMPLE_DATAS = [
    ("PySide6/Qt/translations/qtbase_fr.qm", "/x", "DATA"),
    ("PySide6/Qt/translations/qt_fr.qm", "/x", "DATA"),
    ("PySide6/Qt/translations/qtbase_de.qm", "/x", "DATA"),
    ("PySide6/Qt/translations/qt_help_fr.qm", "/x", "DATA"),
]


@pytest.fixture(scope="module")
def spec_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    _Recorder.calls = []
    namespace: dict[str, Any] = {
        "SPECPATH": str(SPEC.parent), "workpath": str(tmp_path_factory.mktemp("work")),
        "DISTPATH": str(tmp_path_factory.mktemp("dist")), "__file__": str(SPEC),
    }
    for kind in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"):
        namespace[kind] = (lambda k: lambda *a, **kw: _Recorder(k, *a, **kw))(kind)
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    return namespace


def _analysis_kwargs() -> dict[str, Any]:
    return next(kw for kind, _a, kw in _Recorder.calls if kind == "Analysis")


def _modules_under_src() -> set[str]:
    found = set()
    for path in SRC.rglob("*.py"):
        if not (path.parent / "__init__.py").exists():
            continue  # tools beside package data (export/gazetteer/build.py), not modules
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        found.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return found


def test_every_module_of_the_package_is_bundled(spec_run: dict[str, Any]) -> None:
    hidden = set(_analysis_kwargs()["hiddenimports"])
    assert _modules_under_src() - hidden == set()
    assert "supervision_journal.resources" in hidden
    assert {"sqlcipher3._sqlite3", "pyrage"} <= hidden


def test_package_data_is_bundled_where_importlib_resources_looks(
        spec_run: dict[str, Any]) -> None:
    datas = {(Path(src).relative_to(ROOT).as_posix(), Path(dest).as_posix())
             for src, dest in _analysis_kwargs()["datas"]}
    expected = {
        ("resources/prompts/fr.json", "supervision_journal/resources/prompts"),
        ("resources/profiles/bacp-accredited.toml", "supervision_journal/resources/profiles"),
        ("resources/demo/demo_en.json", "supervision_journal/resources/demo"),
        ("resources/privacy/notice_fr.md", "supervision_journal/resources/privacy"),
        ("resources/icons/256x256/io.github.supervision_journal.SupervisionJournal.png",
         "supervision_journal/resources/icons/256x256"),
        ("src/supervision_journal/export/gazetteer/places.txt",
         "supervision_journal/export/gazetteer"),
    }
    assert expected <= datas
    migrations = {s for s, d in datas if d == "supervision_journal/vault/migrations"}
    assert migrations == {p.relative_to(ROOT).as_posix()
                          for p in (SRC / "vault" / "migrations").glob("*.sql")}
    assert not any("__pycache__" in s or s.endswith((".py", ".pyc")) for s, _d in datas)


def test_staging_holds_the_installed_layout(spec_run: dict[str, Any]) -> None:
    staging = Path(spec_run["STAGING"])
    assert (staging / "supervision_journal" / "resources" / "__init__.py").is_file()
    assert (staging / "supervision_journal" / "ui" / "app.py").is_file()
    assert _analysis_kwargs()["pathex"] == [str(staging)]


def test_no_excluded_module_is_imported_by_the_app(spec_run: dict[str, Any]) -> None:
    """An import of an excluded module would pass every other test and fail only in the
    bundle: catch it here."""
    excluded = set(_analysis_kwargs()["excludes"])
    for qt in ("PySide6.QtWebEngineCore", "PySide6.Qt3DCore", "PySide6.QtQuick",
               "PySide6.QtQml", "PySide6.QtMultimedia"):
        assert qt in excluded
    offenders = []
    for path in SRC.rglob("*.py"):
        if not (path.parent / "__init__.py").exists():
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            offenders += [f"{path.relative_to(ROOT)}: {name}" for name in names
                          if any(name == e or name.startswith(e + ".") for e in excluded)]
    assert offenders == []


def test_unused_qt_parts_are_filtered(spec_run: dict[str, Any]) -> None:
    analysis = next(r for r in spec_run.values() if isinstance(r, _Recorder)
                    and r.kind == "Analysis")
    binaries = {dest for dest, _s, _t in analysis.binaries}
    assert binaries == {
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/lib/libQt6Network.so.6",  # QtPdf needs it
    }
    assert {dest for dest, _s, _t in analysis.datas} == {
        "PySide6/Qt/translations/qtbase_fr.qm", "PySide6/Qt/translations/qt_fr.qm"}


def test_one_executable_named_like_the_console_script(spec_run: dict[str, Any]) -> None:
    names = [kw["name"] for kind, _a, kw in _Recorder.calls if kind == "EXE"]
    expected = ["supervision-journal"]
    if sys.platform == "win32":
        expected.append("supervision-journal-cli")
    assert names == expected


def test_build_script_is_valid_bash() -> None:
    result = subprocess.run(["bash", "-n", str(ROOT / "packaging" / "build.sh")],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_build_script_refuses_without_an_environment(tmp_path: Path) -> None:
    """Without PYTHON, VIRTUAL_ENV or a .venv beside it, build.sh says what to do (run from a
    copy, so that this checkout's own .venv is not found)."""
    script = tmp_path / "packaging" / "build.sh"
    script.parent.mkdir()
    script.write_bytes((ROOT / "packaging" / "build.sh").read_bytes())
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    result = subprocess.run(["bash", str(script)], env=env, capture_output=True, text=True,
                            check=False, cwd=tmp_path)
    assert result.returncode == 2 and "virtual environment" in result.stderr
