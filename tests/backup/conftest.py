"""Fixtures of the backup tests. Tests marked ``slow`` run only when asked for (``-m slow``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from backup_support import PASSPHRASE, populate

from supervision_journal.vault.vault import Vault


def pytest_runtest_setup(item: pytest.Item) -> None:
    # The long loops (100 backups under load, 200 kills) belong to the nightly run.
    if item.get_closest_marker("slow") and "slow" not in (item.config.option.markexpr or ""):
        pytest.skip("slow robustness run: select it with -m slow")


@pytest.fixture
def full_vault(tmp_path: Path) -> Iterator[tuple[Vault, str, list[str]]]:
    """An open vault with rows in every table; (vault, recovery code, canaries)."""
    vault, code = Vault.create(tmp_path / "vault", PASSPHRASE)
    try:
        canaries = populate(vault.db)
        yield vault, code, canaries
    finally:
        vault.close()
