"""A damaged journal.db (security.md T09): flipped bytes, truncations, swapped, duplicated and
zeroed pages. Opening and reading every table either raises VaultCorrupt or returns exactly
the golden rows: never a silent wrong read, never a crash or a hang. The integrity check on a
fresh connection then flags every modified file."""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from helpers import vaultdata
from helpers.vaultdata import PASSPHRASE
from supervision_journal.errors import VaultCorrupt
from supervision_journal.vault import Vault, keys
from supervision_journal.vault.database import Database, integrity_problems

PAGE = 4096


@dataclass(frozen=True)
class Golden:
    folder: Path
    data: bytes
    dek: bytes
    rows: dict[str, list[tuple[Any, ...]]]

    @property
    def pages(self) -> int:
        return len(self.data) // PAGE

    def page(self, n: int) -> bytes:
        return self.data[n * PAGE:(n + 1) * PAGE]


@pytest.fixture(scope="module")
def golden(tmp_path_factory: pytest.TempPathFactory) -> Golden:
    folder = tmp_path_factory.mktemp("golden") / "vault"
    vault, _ = Vault.create(folder, PASSPHRASE)
    vaultdata.fill(vault.db)
    rows = vaultdata.dump(vault.db)
    vault.close()
    data = (folder / "journal.db").read_bytes()
    assert len(data) % PAGE == 0 and len(data) > 64 * PAGE
    dek = keys.unlock_passphrase(keys.load_keyfile(folder / "journal.keys"), PASSPHRASE)
    return Golden(folder, data, dek, rows)


@dataclass
class Tally:
    cases: int = 0
    corrupt: int = 0
    golden_rows: int = 0
    detected: int = 0
    unchanged: int = 0
    max_seconds: float = 0.0

    def line(self, name: str) -> str:
        changed = self.cases - self.unchanged
        rate = 100 * self.detected / changed if changed else 100.0
        return (f"{name:<12} cases={self.cases:<5} VaultCorrupt={self.corrupt:<5} "
                f"golden rows={self.golden_rows:<4} silent wrong reads=0 crashes=0 "
                f"detected={self.detected}/{changed} ({rate:.1f} %) "
                f"max {self.max_seconds * 1000:.0f} ms")


def check(golden: Golden, data: bytes, workdir: Path, tally: Tally) -> None:
    """Open + read every table on a fresh connection, then the full integrity check."""
    path = workdir / "journal.db"
    for extra in (workdir / "journal.db-wal", workdir / "journal.db-shm"):
        extra.unlink(missing_ok=True)
    path.write_bytes(data)
    started = time.perf_counter()
    try:
        db = Database.open(path, golden.dek)
        try:
            rows = vaultdata.dump(db)
        finally:
            db.close()
    except VaultCorrupt:
        outcome = "corrupt"
    else:
        assert rows == golden.rows, "silent wrong read: a damaged file returned other rows"
        outcome = "golden"
    detected = outcome == "corrupt" or bool(integrity_problems(path, golden.dek))
    elapsed = time.perf_counter() - started
    assert elapsed < 5, "a damaged file took more than 5 s to open, read and check"
    tally.cases += 1
    tally.max_seconds = max(tally.max_seconds, elapsed)
    tally.corrupt += outcome == "corrupt"
    tally.golden_rows += outcome == "golden"
    if data == golden.data:
        tally.unchanged += 1
        assert outcome == "golden" and not detected
    else:
        assert detected, "a modified file passed the full integrity check"
        tally.detected += 1


# -- corruption generators ---------------------------------------------------------------------

def flips(golden: Golden, rng: random.Random, count: int) -> Iterator[bytes]:
    for _ in range(count):
        data = bytearray(golden.data)
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        yield bytes(data)


def page_one_flips(golden: Golden, rng: random.Random, count: int) -> Iterator[bytes]:
    # The salt (bytes 0-15), the encrypted header and the IV/HMAC reserve at the page end.
    offsets = [0, 5, 15, 16, 24, 100, PAGE - 80, PAGE - 64, PAGE - 1]
    offsets += [rng.randrange(PAGE) for _ in range(max(0, count - len(offsets)))]
    for offset in offsets[:count]:
        data = bytearray(golden.data)
        data[offset] ^= 0x01
        yield bytes(data)


def later_page_flips(golden: Golden, rng: random.Random, count: int) -> Iterator[bytes]:
    for _ in range(count):
        data = bytearray(golden.data)
        data[rng.randrange(PAGE, len(data))] ^= 1 << rng.randrange(8)
        yield bytes(data)


def truncations(golden: Golden, rng: random.Random, count: int) -> Iterator[bytes]:
    fixed = [0, 1, 100, PAGE - 1, PAGE, PAGE + 1, len(golden.data) // 2, len(golden.data) - 1]
    yield from (golden.data[:n] for n in fixed)
    for i in range(count - len(fixed)):
        if i % 2:
            yield golden.data[:rng.randrange(1, golden.pages) * PAGE]  # at a page boundary
        else:
            yield golden.data[:rng.randrange(len(golden.data))]


def _pages(golden: Golden) -> list[bytes]:
    return [golden.page(n) for n in range(golden.pages)]


def page_swaps(golden: Golden, rng: random.Random, count: int) -> Iterator[bytes]:
    for _ in range(count):
        pages = _pages(golden)
        a, b = rng.sample(range(golden.pages), 2)
        pages[a], pages[b] = pages[b], pages[a]
        yield b"".join(pages)


def page_duplicates(golden: Golden, rng: random.Random, count: int) -> Iterator[bytes]:
    for _ in range(count):
        pages = _pages(golden)
        a, b = rng.sample(range(golden.pages), 2)
        pages[a] = pages[b]
        yield b"".join(pages)


def zeroed_pages(golden: Golden, rng: random.Random, count: int) -> Iterator[bytes]:
    for _ in range(count):
        pages = _pages(golden)
        pages[rng.randrange(golden.pages)] = bytes(PAGE)
        yield b"".join(pages)


Generator = Callable[[Golden, random.Random, int], Iterator[bytes]]
NORMAL: list[tuple[str, Generator, int]] = [
    ("flips 1-8", flips, 130),
    ("page 1 flip", page_one_flips, 12),
    ("later flip", later_page_flips, 40),
    ("truncation", truncations, 60),
    ("page swap", page_swaps, 40),
    ("page dup", page_duplicates, 20),
    ("zeroed page", zeroed_pages, 20),
]
SLOW: list[tuple[str, Generator, int]] = [
    ("flips 1-8", flips, 10_000),
    ("truncation", truncations, 1_000),
    ("page swap", page_swaps, 300),
    ("page dup", page_duplicates, 200),
]


def run_classes(golden: Golden, workdir: Path, classes: list[tuple[str, Generator, int]],
                seed: int) -> Counter[str]:
    rng = random.Random(seed)
    lines, totals = [], Counter[str]()
    for name, generate, count in classes:
        tally = Tally()
        for data in generate(golden, rng, count):
            check(golden, data, workdir, tally)
        lines.append(tally.line(name))
        totals["cases"] += tally.cases
    print("\nT09 corruption of journal.db (" + str(golden.pages) + " pages):\n  "
          + "\n  ".join(lines))
    return totals


def test_corrupted_copies_never_read_wrong(golden: Golden, tmp_path: Path) -> None:
    totals = run_classes(golden, tmp_path, NORMAL, seed=9)
    assert totals["cases"] >= 300


@pytest.mark.slow
def test_corrupted_copies_never_read_wrong_long(golden: Golden, tmp_path: Path) -> None:
    totals = run_classes(golden, tmp_path, SLOW, seed=99)
    assert totals["cases"] >= 11_000


def test_the_undamaged_copy_reads_back_exactly(golden: Golden, tmp_path: Path) -> None:
    tally = Tally()
    check(golden, golden.data, tmp_path, tally)
    assert (tally.golden_rows, tally.unchanged) == (1, 1)


def _damage(path: Path, case: str, rng: random.Random) -> None:
    data = bytearray(path.read_bytes())
    if case == "empty":
        data = bytearray()
    elif case == "half":
        data = data[:len(data) // 2]
    elif case == "one page":
        data = data[:PAGE]
    elif case == "page 1 flip":
        data[rng.randrange(PAGE)] ^= 0x10
    else:  # a flip in a later page that holds table rows
        data[len(data) - PAGE - rng.randrange(PAGE)] ^= 0x10
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("case", ["empty", "half", "one page", "page 1 flip", "later page flip"])
def test_a_damaged_vault_opens_to_vault_corrupt(golden: Golden, tmp_path: Path,
                                                case: str) -> None:
    """Through the app's own path (Vault.open, then reading everything)."""
    folder = tmp_path / "vault"
    folder.mkdir()
    for name in ("journal.db", "journal.keys"):
        (folder / name).write_bytes((golden.folder / name).read_bytes())
    _damage(folder / "journal.db", case, random.Random(case))
    with pytest.raises(VaultCorrupt):
        vault = Vault.open(folder, PASSPHRASE)
        try:
            vaultdata.dump(vault.db)
        finally:
            vault.close()
    # The passphrase was right: the failure counter is not touched.
    assert keys.load_keyfile(folder / "journal.keys").failed_unlocks == 0
