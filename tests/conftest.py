"""Test configuration: offscreen Qt, isolated folders per test, the fast test-only KDF.

Plain ``pytest`` works: the environment is set here, before Qt or the app is imported.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

# Must be set before any QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The fast KDF is honoured only while pytest runs a test (see vault/keys.py: test_kdf_enabled).
os.environ["SUPERVISION_JOURNAL_TEST_KDF"] = "1"
for _var in ("SUPERVISION_JOURNAL_PASSPHRASE", "SUPERVISION_JOURNAL_NEW_PASSPHRASE",
             "SUPERVISION_JOURNAL_RECOVERY_CODE", "SUPERVISION_JOURNAL_VAULT"):
    os.environ.pop(_var, None)

import pytest  # noqa: E402

from supervision_journal.vault import Vault  # noqa: E402

PASSPHRASE = "correct horse battery staple"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory,
                  monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own HOME, XDG folders and default vault folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for var, sub in (("XDG_DATA_HOME", ".local/share"), ("XDG_CONFIG_HOME", ".config"),
                     ("XDG_CACHE_HOME", ".cache"), ("XDG_STATE_HOME", ".local/state"),
                     ("XDG_RUNTIME_DIR", "runtime")):
        path = home / sub
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        monkeypatch.setenv(var, str(path))
    monkeypatch.setenv("TMPDIR", str(tmp_path_factory.mktemp("tmp")))
    return home


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def vault(vault_dir: Path) -> Iterator[Vault]:
    """An open vault made with the test KDF; ``vault.recovery_code_for_tests`` holds its code."""
    v, code = Vault.create(vault_dir, PASSPHRASE)
    v.recovery_code_for_tests = code  # type: ignore[attr-defined]
    yield v
    v.close()


@pytest.fixture
def db(vault: Vault):
    return vault.db


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Long robustness loops (marked ``slow``) run only when asked for: ``-m slow`` (or any
    ``-m`` expression naming slow) or SUPERVISION_JOURNAL_SLOW=1. Plain ``pytest`` stays fast
    enough for CI; the slow loops are the nightly/manual tier."""
    if "slow" in (config.getoption("markexpr") or "") or \
            os.environ.get("SUPERVISION_JOURNAL_SLOW") == "1":
        return
    skip = pytest.mark.skip(reason="long loop: run with -m slow or SUPERVISION_JOURNAL_SLOW=1")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
