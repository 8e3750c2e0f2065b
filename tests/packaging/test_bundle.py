"""The desktop bundle, built for real by packaging/build.sh, started as a user would.

Slow (a build takes 30–60 s, each vault command a real key derivation), so it runs only when
asked for:

    SUPERVISION_JOURNAL_SLOW=1 .venv/bin/python -m pytest tests/packaging/test_bundle.py
    .venv/bin/python -m pytest -m slow tests/packaging

The bundle runs with the user's key derivation: the test-only fast KDF switch is removed from
its environment, and nothing in the bundle could honour it anyway.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from supervision_journal import __version__

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "supervision-journal"
EXE = BUNDLE / "supervision-journal"
PASSPHRASE = "a long bundle test passphrase"
MAX_BUNDLE_BYTES = 250 * 1024 * 1024
# What an import or plugin failure in a frozen app prints.
BROKEN = ("Traceback", "ModuleNotFoundError", "ImportError", "No module named",
          "Could not load the Qt platform plugin", "could not be loaded", "not found")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform != "linux", reason="the bundle test builds the Linux bundle"),
]


@pytest.fixture(scope="module")
def bundle() -> Path:
    env = {**os.environ, "PYTHON": sys.executable}
    started = time.monotonic()
    result = subprocess.run(["bash", str(ROOT / "packaging" / "build.sh")], env=env,
                            capture_output=True, text=True, timeout=1800, check=False)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert EXE.is_file() and os.access(EXE, os.X_OK)
    print(f"bundle built in {time.monotonic() - started:.0f} s")  # shown with -s
    return EXE


def _user_env(home: Path, **extra: str) -> dict[str, str]:
    """A user's environment: the test switches, the venv and the passphrase variables gone."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SUPERVISION_JOURNAL_", "PYTEST_", "PYTHON", "QT_"))
           and k not in ("VIRTUAL_ENV",)}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / ".local/share"),
               XDG_CONFIG_HOME=str(home / ".config"), XDG_STATE_HOME=str(home / ".local/state"),
               XDG_CACHE_HOME=str(home / ".cache"), QT_QPA_PLATFORM="offscreen", **extra)
    return env


def _run(exe: Path, *args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(exe), *args], env=env, cwd=cwd, capture_output=True, text=True,
                          timeout=300, check=False)


def _init(exe: Path, folder: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return _run(exe, "--vault", str(folder), "init",
                env={**env, "SUPERVISION_JOURNAL_PASSPHRASE": PASSPHRASE}, cwd=folder.parent)


def test_command_line_creates_a_vault_with_the_real_kdf(bundle: Path, tmp_path: Path) -> None:
    env = _user_env(tmp_path / "home")
    version = _run(bundle, "--version", env=env, cwd=tmp_path)
    assert version.returncode == 0 and version.stdout.split() == ["supervision-journal",
                                                                  __version__]
    vault = tmp_path / "vault"
    result = _init(bundle, vault, env)
    assert result.returncode == 0, result.stderr
    assert (vault / "journal.db").is_file() and (vault / "journal.keys").is_file()
    assert re.search(r"^Recovery code: \S+", result.stdout, re.MULTILINE)
    memory = re.search(r"Key derivation: Argon2id, (\d+) MiB", result.stdout)
    assert memory and int(memory.group(1)) >= 64, result.stdout  # not the test KDF
    assert not any(marker in result.stderr for marker in BROKEN), result.stderr


def test_import_export_and_verify_use_the_bundled_libraries(bundle: Path, tmp_path: Path) -> None:
    """Import (JSON, SQLCipher), export as a sealed PDF (leak guard with phonenumbers and the
    gazetteer, Qt's PDF writer offscreen, age through pyrage), then a full verify."""
    env = _user_env(tmp_path / "home")
    vault = tmp_path / "vault"
    assert _init(bundle, vault, env).returncode == 0
    shutil.copy(ROOT / "resources" / "demo" / "demo_en.json", tmp_path / "demo.json")
    (tmp_path / "pass.txt").write_text(PASSPHRASE + "\n", encoding="utf-8")
    (tmp_path / "seal.txt").write_text("a seal passphrase\n", encoding="utf-8")
    common = ("--vault", str(vault), "--passphrase-file", "pass.txt")

    imported = _run(bundle, *common, "import", "demo.json", env=env, cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    exported = _run(bundle, *common, "export", "--out", "for-supervision.pdf", "--format", "pdf",
                    "--candidates", "redact", "--seal-passphrase-file", "seal.txt",
                    env=env, cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    assert (tmp_path / "for-supervision.pdf").read_bytes().startswith(b"age-encryption.org/v1")
    verified = _run(bundle, *common, "verify", env=env, cwd=tmp_path)
    assert verified.returncode == 0, verified.stdout + verified.stderr


@pytest.mark.parametrize(("existing", "state"), [(True, "locked"), (False, "first_run")])
def test_desktop_app_starts_offscreen(bundle: Path, tmp_path: Path, existing: bool,
                                      state: str) -> None:
    """No arguments but --vault: the GUI. It reaches its first window (the unlock window, or
    the first-run wizard without a vault), then quits cleanly on SIGTERM."""
    home = tmp_path / "home"
    env = _user_env(home)
    vault = tmp_path / "vault"
    if existing:
        assert _init(bundle, vault, env).returncode == 0
    process = subprocess.Popen([str(bundle), "--vault", str(vault)], env=env, cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        log = _wait_for_log_line(home, f"state: {state}", process, timeout=30)
        time.sleep(2)  # a few seconds of event loop: late imports and timers
        assert process.poll() is None, "the app exited on its own"
        process.send_signal(signal.SIGTERM)
        _out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err
    assert not any(marker in err for marker in BROKEN), err
    assert "state: stopped" in log.read_text(encoding="utf-8")
    assert vault.exists() is existing  # the wizard creates nothing until asked


def _wait_for_log_line(home: Path, line: str, process: subprocess.Popen,
                       timeout: float) -> Path:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for log in home.rglob("supervision-journal.log"):
            if line in log.read_text(encoding="utf-8"):
                return log
        if process.poll() is not None:
            _out, err = process.communicate()
            pytest.fail(f"the app exited with {process.returncode} before '{line}': {err}")
        time.sleep(0.2)
    pytest.fail(f"no '{line}' in the app's log after {timeout} s")


def test_every_qt_library_finds_its_qt_dependencies(bundle: Path) -> None:
    """The spec drops unused Qt plugins and libraries: what stays must still load."""
    ldd = shutil.which("ldd")
    if ldd is None:
        pytest.skip("ldd is not installed")
    internal = BUNDLE / "_internal"
    env = {**os.environ, "LD_LIBRARY_PATH": f"{internal / 'PySide6/Qt/lib'}:{internal}"}
    missing = []
    for library in sorted((internal / "PySide6").rglob("*.so*")):
        output = subprocess.run([ldd, str(library)], env=env, capture_output=True, text=True,
                                check=False).stdout
        missing += [f"{library.relative_to(internal)}: {line.strip()}"
                    for line in output.splitlines() if "libQt" in line and "not found" in line]
    assert missing == []


def test_bundle_holds_only_what_the_app_uses(bundle: Path) -> None:
    internal = BUNDLE / "_internal"
    names = {p.name for p in internal.rglob("*")}
    for unused in ("libQt6WebEngineCore.so.6", "libQt6Quick.so.6", "libQt6Qml.so.6",
                   "libQt63DCore.so.6", "libQt6Multimedia.so.6", "QtWebEngineCore.abi3.so"):
        assert unused not in names
    translations = {p.name for p in (internal / "PySide6/Qt/translations").glob("*.qm")}
    assert translations == {"qt_fr.qm", "qtbase_fr.qm"}
    resources = internal / "supervision_journal" / "resources"
    for needed in ("prompts/fr.json", "profiles/bacp-accredited.toml", "demo/demo_fr.json",
                   "privacy/notice_en.md",
                   "icons/io.github.supervision_journal.SupervisionJournal.svg"):
        assert (resources / needed).is_file(), needed
    size = sum(p.lstat().st_size for p in BUNDLE.rglob("*") if not p.is_symlink())
    print(f"bundle size: {size / 2**20:.0f} MiB")  # shown with -s
    assert size < MAX_BUNDLE_BYTES, f"{size / 2**20:.0f} MiB"
