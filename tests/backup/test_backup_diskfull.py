"""A full disk, on a small tmpfs: a clear DiskFull within a second, no partial file at a final
name, nothing committed before lost, and everything sound once space is freed.

Mounting needs root (or CAP_SYS_ADMIN); without it these tests are skipped, saying why."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest
from backup_support import PASSPHRASE, fill_disk, folder_state, small_tmpfs

from supervision_journal import cli, interchange
from supervision_journal.errors import DiskFull
from supervision_journal.hours import store as hours_store
from supervision_journal.journal import store
from supervision_journal.vault import backup
from supervision_journal.vault.vault import Vault


def _words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(("anger", "grief", "hope", "repair", "silence", "rupture"))
                    for _ in range(n))


@pytest.mark.parametrize("stage", ["export", "container"])
def test_backup_to_a_full_disk(full_vault, tmp_path: Path, stage: str) -> None:
    """The disk fills while SQLite writes the encrypted copy ("export"), or after that, while
    the container is written ("container")."""
    vault, _, _ = full_vault
    with small_tmpfs(tmp_path / "usb", "4m") as usb:
        first = vault.backup(usb)  # fits: the vault is small yet
        act = hours_store.add_activity(vault.db, "training", "2025-04-01", 60, title="big")
        hours_store.add_evidence(vault.db, act.id, "scan.pdf", "application/pdf",
                                 random.Random(1).randbytes(900_000))
        size = vault.backup(tmp_path / "elsewhere").size  # what the next backup will need
        # Room for a third of the copy, or for the copy and half the container.
        filler = fill_disk(usb, leave=size // 3 if stage == "export" else size * 3 // 2)
        before = folder_state(usb)
        t0 = time.monotonic()
        with pytest.raises(DiskFull) as caught:
            vault.backup(usb)
        took = time.monotonic() - t0
        assert "backup" in caught.value.message  # it says what was not written
        assert folder_state(usb) == before  # no partial file, no temporary file
        assert backup.verify_backup(first.path, passphrase=PASSPHRASE)[0] == []
        filler.unlink()
        again = vault.backup(usb)
        assert backup.verify_backup(again.path, passphrase=PASSPHRASE)[0] == []
    print(f"\ndisk full during a backup ({stage}): DiskFull after {took * 1000:.0f} ms; files "
          "at a final name afterwards: only the earlier, complete backup; temporary files: 0")
    assert took < 1.0


def test_vault_on_a_nearly_full_disk(tmp_path: Path) -> None:
    rng = random.Random(3)
    with small_tmpfs(tmp_path / "small", "4m") as disk:
        vault, _ = Vault.create(disk / "vault", PASSPHRASE)
        client = store.add_client(vault.db, "Robin")
        saved: dict[int, str] = {}
        for _ in range(5):
            text = _words(rng, 400)
            saved[store.add_session(vault.db, client.id, "2025-05-05",
                                    sections={"process": text}).id] = text
        filler = fill_disk(disk, leave=150_000)
        failures, slowest, first_failure = 0, 0.0, None
        for i in range(400):
            text = _words(rng, 2000)  # about 14 KB a session
            t0 = time.monotonic()
            try:
                session = store.add_session(vault.db, client.id, "2025-05-06",
                                            sections={"process": text})
            except DiskFull as exc:
                took = time.monotonic() - t0
                slowest = max(slowest, took)
                failures += 1
                first_failure = first_failure if first_failure is not None else i
                assert "disk is full" in exc.message.lower()
                if failures == 5:  # and it keeps failing cleanly, not worse
                    break
                continue
            assert failures == 0, "a save succeeded after the disk was reported full"
            saved[session.id] = text
        assert failures == 5, "the disk never filled up"
        vault.close()
        filler.unlink()
        with Vault.open(disk / "vault", PASSPHRASE) as reopened:
            assert reopened.verify() == []
            for session_id, text in saved.items():  # every acknowledged save is there
                assert store.get_note(reopened.db, session_id).sections["process"].text == text
            assert len(store.list_sessions(reopened.db, client.id)) == len(saved)
            store.add_session(reopened.db, client.id, "2025-05-07",
                              sections={"process": "after"})
            assert reopened.verify() == []
    print(f"\nvault on a full disk: {len(saved)} saves acknowledged, then DiskFull on save "
          f"{first_failure + 1} (slowest error {slowest * 1000:.0f} ms); acknowledged saves lost "
          "after freeing space: 0; verify clean")
    assert slowest < 1.0


def test_export_data_to_a_full_disk_leaves_no_partial_file(full_vault, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture) -> None:
    vault, _, _ = full_vault
    expected = interchange.dumps(interchange.export_data(vault.db))
    vault.close()
    passfile = tmp_path / "pass.txt"
    passfile.write_text(PASSPHRASE + "\n", encoding="utf-8")
    with small_tmpfs(tmp_path / "out", "1m") as out_dir:
        fill_disk(out_dir, leave=len(expected) // 4)
        before = folder_state(out_dir)
        target = out_dir / "everything.json"
        t0 = time.monotonic()
        code = cli.main(["--vault", str(vault.paths.folder), "--passphrase-file", str(passfile),
                         "export-data", str(target)])
        took = time.monotonic() - t0
        err = capsys.readouterr().err
        assert code == 1
        assert err.startswith("error: The disk is full") and len(err.splitlines()) == 1, err
        assert not target.exists()
        assert folder_state(out_dir) == before
    print(f"\nexport-data to a full disk: exit 1 after {took * 1000:.0f} ms, one error line, no "
          "file at the target, no temporary file")
