"""Fixtures of the data-protection tests (their data: tests/helpers/canaries.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers.canaries import PASSPHRASE
from supervision_journal.vault import Vault


@pytest.fixture
def privacy_vault(tmp_path: Path) -> Iterator[Vault]:
    vault, _code = Vault.create(tmp_path / "vault", PASSPHRASE)
    yield vault
    vault.close()
