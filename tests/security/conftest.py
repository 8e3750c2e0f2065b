"""The long robustness loops here (marked ``slow``) run only when asked for: ``-m slow`` (or any
``-m`` expression naming slow) or SUPERVISION_JOURNAL_SLOW=1. Plain ``pytest`` stays fast."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

_HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if "slow" in (config.getoption("markexpr") or "") or \
            os.environ.get("SUPERVISION_JOURNAL_SLOW") == "1":
        return
    skip = pytest.mark.skip(reason="long loop: run with -m slow or SUPERVISION_JOURNAL_SLOW=1")
    for item in items:
        if "slow" in item.keywords and _HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(skip)
