"""Fixtures for the command-line tests (helpers live in cli_support.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from cli_support import PASSPHRASE, CliVault, init_vault


@pytest.fixture
def make_vault(tmp_path: Path) -> Callable[[str], CliVault]:
    secrets_dir = tmp_path / "secrets"
    secrets_dir.mkdir(exist_ok=True)

    def make(name: str = "vault", passphrase: str = PASSPHRASE) -> CliVault:
        return init_vault(tmp_path / name, secrets_dir, passphrase)

    return make


@pytest.fixture
def cli_vault(make_vault: Callable[[str], CliVault]) -> CliVault:
    return make_vault("vault")
