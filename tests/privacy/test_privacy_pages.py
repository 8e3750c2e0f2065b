"""The test with teeth: after an erasure, every page of journal.db and of its WAL, decrypted
with the vault key by our own SQLCipher 4 reader, holds none of the erased client's canaries,
while the other clients' canaries are all found (so the decryption works) and their data is
intact and searchable. The same erasure with SQLite's ``secure_delete`` off, or without the purge of
the FTS5 index, leaves canaries behind: the scan would notice a regression.
"""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest
from sqlcipher_pages import Page, PageReader, find

from helpers.canaries import CanaryClient, add_canary_client, fill_other_data
from supervision_journal.journal import store
from supervision_journal.privacy import erasure
from supervision_journal.privacy import store as privacy_store
from supervision_journal.vault import Vault
from supervision_journal.vault.database import Database, integrity_problems

# secure: the erasure as shipped. rows_unprotected: SQLite's secure_delete off and no VACUUM.
# fts_unpurged: no FTS5 'optimize' after the deletes. all_off: none of the three.
MODES = ("secure", "rows_unprotected", "fts_unpurged", "all_off")


def tails(strings: list[str]) -> list[str]:
    """The last ten characters of each canary: FTS5 stores terms prefix-compressed, so an index
    entry left behind shows as the end of the token only."""
    return [s[-10:] for s in strings]


def pages_of(vault: Vault) -> list[Page]:
    reader = PageReader.for_database(bytes(vault._dek), vault.paths.db)
    return reader.database_pages(vault.paths.db) + reader.wal_pages(vault.paths.wal)


def weaken(mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Turn protections off: SQLite's zeroing of freed bytes together with the VACUUM that
    rebuilds every page (either one alone hides the deleted rows), or the FTS index purge (the
    FTS5 'secure-delete' option stays off during the erasure, so nothing else cleans it)."""
    if mode in ("rows_unprotected", "all_off"):
        monkeypatch.setattr(privacy_store, "ensure_secure_delete",
                            lambda db: db.execute("PRAGMA secure_delete = OFF"))
        monkeypatch.setattr(privacy_store, "compact", lambda db: False)
    if mode in ("fts_unpurged", "all_off"):
        monkeypatch.setattr(privacy_store, "purge_fts_index", lambda db, previous: None)


def populate(db: Database) -> tuple[CanaryClient, list[CanaryClient], int]:
    erased = add_canary_client(db, sessions=5, seed=1)
    kept = [add_canary_client(db, sessions=4, seed=2, start=date(2024, 2, 1)),
            add_canary_client(db, sessions=3, seed=3, start=date(2024, 3, 1))]
    fill_other_data(db)
    # A supervision where both were discussed, its texts naming the erased client.
    sup = store.add_supervision(
        db, "2024-04-01", "Dr Superviseur", "individual", 60,
        cases=[erased.pseudonym, kept[0].pseudonym],
        questions=f"How to hold {erased.identity[0]} {erased.identity[1]}?",
        learning=f"{erased.pseudonym} and {kept[0].pseudonym} both test the frame.")
    return erased, kept, sup.id


def test_reader_decrypts_database_and_wal(privacy_vault: Vault) -> None:
    """The reader itself: every page's HMAC checks out, and what was just written is found
    in the WAL before any checkpoint, then in journal.db after one."""
    db = privacy_vault.db
    client = add_canary_client(db, sessions=2)
    wal = PageReader.for_database(bytes(privacy_vault._dek), privacy_vault.paths.db).wal_pages(
        privacy_vault.paths.wal)
    assert wal and all(p.hmac_ok for p in wal)
    assert find(wal, client.all) == set(client.all)
    db.checkpoint()
    pages = pages_of(privacy_vault)
    assert pages and all(p.hmac_ok for p in pages) and all(p.source == "db" for p in pages)
    assert find(pages, client.all) == set(client.all)
    # A wrong key decrypts to noise: no HMAC matches and no canary appears.
    wrong = PageReader(bytes(32), privacy_vault.paths.db.read_bytes()[:16])
    noise = wrong.database_pages(privacy_vault.paths.db)
    assert not any(p.hmac_ok for p in noise)
    assert find(noise, client.all) == set()


@pytest.mark.parametrize("mode", MODES)
def test_erased_bytes_are_gone_from_every_page(privacy_vault: Vault, mode: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    db = privacy_vault.db
    erased, kept, supervision_id = populate(db)
    notes_before = {sid: store.get_note(db, sid) for c in kept for sid in c.session_ids}
    db.checkpoint()  # the canaries sit in journal.db pages, not only in the WAL
    assert find(pages_of(privacy_vault), erased.all) == set(erased.all)
    weaken(mode, monkeypatch)

    result = erasure.erase_client(db, erased.client.id, erased.pseudonym)

    assert result.checkpointed and result.counts.sessions == 5
    assert result.compacted == (mode in ("secure", "fts_unpurged"))
    pages = pages_of(privacy_vault)
    assert all(p.hmac_ok for p in pages)
    assert not privacy_vault.paths.wal.exists() or privacy_vault.paths.wal.stat().st_size == 0
    full_hits = find(pages, erased.all)
    tail_hits = find(pages, tails(erased.all))
    # The other clients are all there, byte for byte, in the same pages.
    for client in kept:
        assert find(pages, client.all) == set(client.all)
    if mode == "secure":
        assert full_hits == set()
        assert tail_hits == set()
        for client in kept:
            for token in (client.notes[1], client.notes[4], client.reflections[0]):
                hits = store.search(db, token)
                assert [h.client_id for h in hits] == [client.client.id]
            for sid in client.session_ids:
                assert store.get_note(db, sid) == notes_before[sid]
        sup = store.get_supervision(db, supervision_id)
        assert sup.cases == (kept[0].pseudonym,)
        assert kept[0].pseudonym in sup.learning and "[client]" in sup.learning
        assert all(store.search(db, token) == [] for token in erased.all)
        assert integrity_problems(privacy_vault.paths.db, privacy_vault._dek) == []
    elif mode == "rows_unprotected":
        assert full_hits, "without secure_delete and VACUUM the deleted rows stay readable"
    elif mode == "fts_unpurged":
        # Rows are zeroed, but the full-text index keeps the erased tokens.
        assert tail_hits - set(tails(full_hits)), "without FTS5 secure-delete tokens remain"
    else:
        assert full_hits and tail_hits


def test_anonymise_keeps_reflections_without_identity(privacy_vault: Vault) -> None:
    db = privacy_vault.db
    erased, kept, _sup = populate(db)
    db.checkpoint()
    result = erasure.erase_client(db, erased.client.id, erased.pseudonym,
                                  anonymise_instead=True)
    assert result.reflections_kept == len(erased.reflections)
    pages = pages_of(privacy_vault)
    identity = [erased.pseudonym, *erased.identity]
    assert find(pages, identity + tails(identity)) == set()
    assert find(pages, erased.notes) == set()
    # The practitioner's own reflections stay, readable and searchable, linked to no one.
    assert find(pages, erased.reflections) == set(erased.reflections)
    for token in erased.reflections:
        (hit,) = store.search(db, token)
        reflection = store.get_reflection(db, hit.ref_id)
        assert reflection.client_id is None and reflection.session_id is None
        assert reflection.approval == "none"
        assert "[client]" in reflection.text and "[partner]" in reflection.text
    for client in kept:
        assert find(pages, client.all) == set(client.all)


def test_blocked_checkpoint_is_reported_and_cleared_on_close(tmp_path: Path) -> None:
    """A reader holding an old snapshot keeps the pre-erasure WAL frames: the erasure says so,
    and the WAL is cleared when the last connection closes."""
    vault, _ = Vault.create(tmp_path / "v", "pw")
    db = vault.db
    erased = add_canary_client(db, sessions=2)
    kept = add_canary_client(db, sessions=1, seed=5)
    reader = Database.open(vault.paths.db, vault._dek)
    reader.execute("BEGIN")
    reader.scalar("SELECT count(*) FROM section")
    db.execute("PRAGMA busy_timeout = 50")
    result = erasure.erase_client(db, erased.client.id, erased.pseudonym)
    assert result.checkpointed is False
    before_close = PageReader.for_database(bytes(vault._dek), vault.paths.db).wal_pages(
        vault.paths.wal)
    assert find(before_close, erased.all), "the old frames are still in the WAL"
    reader.execute("COMMIT")
    reader.close()
    key = bytes(vault._dek)
    vault.close()
    reader_pages = PageReader.for_database(key, vault.paths.db)
    pages = reader_pages.database_pages(vault.paths.db) + reader_pages.wal_pages(
        vault.paths.wal)
    assert find(pages, erased.all + tails(erased.all)) == set()
    assert find(pages, kept.all) == set(kept.all)


def _tag_heavy_vault(folder: Path, seed: int) -> tuple[Vault, int, str, list[str], list[str]]:
    """1,000 sessions spread at random over four clients, each with a tag of random text: the
    tag index is filled in random order, so SQLite splits and rebalances its pages."""
    vault, _ = Vault.create(folder, "pw")
    db = vault.db
    rng = random.Random(seed)

    def token(kind: str) -> str:
        return f"zq{kind}{rng.randbytes(6).hex()}"

    clients = [store.add_client(db, token("p")) for _ in range(4)]
    tags: dict[int, list[str]] = {c.id: [] for c in clients}
    with db.transaction():
        for _ in range(1000):
            client = rng.choice(clients)
            tag = token("t")
            tags[client.id].append(tag)
            store.add_session(db, client.id, "2024-01-01", tags=[tag])
    db.checkpoint()
    target = clients[0]
    others = [t for c in clients[1:] for t in tags[c.id]]
    return vault, target.id, target.pseudonym, tags[target.id], others


# Layouts (seeded) where rebalancing left an old copy of an erased tag in free space.
RESIDUE_SEEDS = (4, 6, 9)


@pytest.mark.parametrize("compact", [True, False], ids=["vacuum", "no_vacuum"])
def test_vacuum_clears_what_rebalancing_left_behind(tmp_path: Path, compact: bool,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """``secure_delete`` stays on here; only the VACUUM after the commit differs."""
    if not compact:
        monkeypatch.setattr(privacy_store, "compact", lambda db: False)
    residue = 0
    for seed in RESIDUE_SEEDS:
        vault, client_id, pseudonym, erased, others = _tag_heavy_vault(tmp_path / f"{seed}",
                                                                       seed)
        erasure.erase_client(vault.db, client_id, pseudonym)
        pages = pages_of(vault)
        assert find(pages, others) == set(others)
        residue += len(find(pages, erased))
        vault.close()
    if compact:
        assert residue == 0
    else:
        assert residue >= 1, "these layouts left erased bytes in free space (SQLite changed?)"
