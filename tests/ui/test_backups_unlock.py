"""The corruption path (security.md T10): a damaged vault never crashes the app, nothing is
overwritten, and the unlock screen offers the newest backup that passes a full check, from the
remembered backup folder; restoring it (into place after a safety copy, or side by side) gives
back the backup's data."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from supervision_journal.journal import store
from supervision_journal.journal.models import STANDARD_SECTIONS
from supervision_journal.paths import default_backup_dir, vault_paths
from supervision_journal.ui import crash
from supervision_journal.ui.app import AppController, State
from supervision_journal.ui.backups import remembered
from supervision_journal.ui.backups.unlock_support import DamagedKeyFile, DamagedVault
from supervision_journal.ui.lock import LockManager
from supervision_journal.ui.settings import Settings
from supervision_journal.vault import backup
from supervision_journal.vault.vault import Vault

PASSPHRASE = "correct horse battery staple"
PAGE = 4096


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def damaged(tmp_path: Path) -> dict[str, object]:
    """A vault with a backup, more work after it, then a flipped byte in a middle page: the
    vault still opens (page 1 is fine) but the quick check fails."""
    folder = tmp_path / "vault"
    vault, code = Vault.create(folder, PASSPHRASE)
    client = store.add_client(vault.db, "Heron-7", "2024-02-01")
    with vault.db.transaction():
        for day in range(1, 29):
            store.add_session(vault.db, client.id, f"2024-03-{day:02d}",
                              sections={key: f"note {day} " + "words " * 120
                                        for key in STANDARD_SECTIONS[:3]})
    made = vault.backup(default_backup_dir())
    store.add_client(vault.db, "Plover-9", "2024-05-01")  # after the backup: lost with it
    vault.close()
    db = vault_paths(folder).db
    data = bytearray(db.read_bytes())
    middle = len(data) // PAGE // 2
    data[middle * PAGE + 200] ^= 0x5A
    db.write_bytes(bytes(data))
    # The precondition the test relies on: opening works, the quick check does not.
    with Vault.open(folder, PASSPHRASE) as probe:
        assert probe.quick_check() != []
    return {"folder": folder, "backup": made, "code": code, "digest": digest(db)}


def new_controller(folder: Path) -> AppController:
    return AppController(folder, Settings(),
                         lock_manager=LockManager(session_bus=None, system_bus=None))


@pytest.fixture
def controller(qtbot, damaged) -> Iterator[AppController]:
    crash.attach_gui()  # a crash would show its dialog: the test checks none did
    c = new_controller(damaged["folder"])
    yield c
    c.shutdown()
    crash.detach_gui()


def attempt_unlock(qtbot, controller: AppController, secret: str = PASSPHRASE) -> None:
    window = controller.unlock_window
    qtbot.keyClicks(window.passphrase_field, secret)
    qtbot.keyClick(window.passphrase_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window._busy, timeout=30_000)


def no_crash_dialog() -> bool:
    notifier = crash.notifier()
    return notifier is None or notifier.shown == 0


def test_damaged_vault_offers_the_backup_and_restoring_in_place_brings_its_data_back(
        qtbot, controller, damaged) -> None:
    folder = damaged["folder"]
    controller.start()
    attempt_unlock(qtbot, controller)
    window = controller.unlock_window
    assert controller.state == State.LOCKED and controller.vault is None
    assert window.stack.currentIndex() == window.PAGE_PROBLEM
    assert window.problem_title.text() == "The journal file is damaged"
    assert "Nothing was overwritten" in window.problem_text.text()
    offer = window.restore_offer
    assert offer.isVisible() and offer.offer.backup.path == damaged["backup"].path
    assert "passed a full check just now" in offer.text.text()
    assert str(default_backup_dir()) in offer.text.text()
    assert digest(vault_paths(folder).db) == damaged["digest"]  # untouched
    assert no_crash_dialog()

    qtbot.keyClicks(offer.secret, PASSPHRASE)
    started = time.perf_counter()
    qtbot.mouseClick(offer.in_place_button, Qt.MouseButton.LeftButton)
    assert offer.secret.text() == ""
    qtbot.waitUntil(lambda: controller.state == State.UNLOCKED, timeout=30_000)
    took = time.perf_counter() - started
    names = [c.pseudonym for c in store.list_clients(controller.vault.db)]
    assert names == ["Heron-7"]
    client = store.list_clients(controller.vault.db)[0]
    assert len(store.list_sessions(controller.vault.db, client.id)) == 28
    assert controller.vault.quick_check() == [] and controller.vault.verify() == []
    # The damaged file was kept, byte for byte, in the safety copy.
    safety = sorted(folder.glob("before-restore-*"))
    assert len(safety) == 1 and digest(safety[0] / "journal.db") == damaged["digest"]
    assert no_crash_dialog()
    print(f"\nT10 corruption -> restored and unlocked: {took:.2f} s after the click; "
          "data loss window = work after the backup (1 client)")


def test_restore_side_by_side_from_the_offer_leaves_the_damaged_vault_alone(
        qtbot, controller, damaged) -> None:
    folder = damaged["folder"]
    controller.start()
    attempt_unlock(qtbot, controller)
    offer = controller.unlock_window.restore_offer
    qtbot.keyClicks(offer.secret, PASSPHRASE)
    qtbot.mouseClick(offer.side_button, Qt.MouseButton.LeftButton)
    window = controller.unlock_window
    qtbot.waitUntil(lambda: "restored into" in window.message.text(), timeout=30_000)
    copies = sorted(folder.parent.glob("vault-restored-*"))
    assert len(copies) == 1 and str(copies[0]) in window.message.text()
    assert controller.state == State.LOCKED
    assert digest(vault_paths(folder).db) == damaged["digest"]
    assert list(folder.glob("before-restore-*")) == []
    with Vault.open(copies[0], PASSPHRASE) as copy:
        assert [c.pseudonym for c in store.list_clients(copy.db)] == ["Heron-7"]


def test_the_newest_backup_that_passes_its_check_is_offered(qtbot, damaged,
                                                            tmp_path) -> None:
    folder = damaged["folder"]
    # A newer backup in a folder of the user's choice, itself damaged; the older good one
    # is copied there too.
    chosen = tmp_path / "usb"
    chosen.mkdir()
    good = chosen / damaged["backup"].path.name
    good.write_bytes(damaged["backup"].path.read_bytes())
    remembered.remember(chosen)
    # Make a newer backup from the damaged vault's pristine twin: restore the good one beside
    # it, back that up (same vault id), then damage the new file's payload.
    twin = tmp_path / "twin"
    backup.restore_backup(good, twin, passphrase=PASSPHRASE)
    with Vault.open(twin, PASSPHRASE) as v:
        newer = v.backup(chosen, rotate=False).path
    data = bytearray(newer.read_bytes())
    data[-3000] ^= 0x01
    newer.write_bytes(bytes(data))

    c = new_controller(folder)
    try:
        c.start()
        attempt_unlock(qtbot, c)
        offer = c.unlock_window.restore_offer
        assert offer.offer.found == 2
        assert offer.offer.backup.path == good
        assert str(chosen) in offer.text.text()
    finally:
        c.shutdown()


def test_no_backup_is_said_plainly(qtbot, damaged) -> None:
    for item in default_backup_dir().iterdir():
        item.unlink()
    c = new_controller(damaged["folder"])
    try:
        c.start()
        attempt_unlock(qtbot, c)
        offer = c.unlock_window.restore_offer
        assert offer.isVisible() and offer.offer.backup is None
        assert offer.text.text().startswith("No backup of this journal was found in")
        assert "supervision-journal restore FILE" in offer.text.text()
        assert not offer.in_place_button.isVisible() and not offer.secret.isVisible()
    finally:
        c.shutdown()


def test_truncated_vault_takes_the_same_path(qtbot, damaged) -> None:
    db = vault_paths(damaged["folder"]).db
    with db.open("r+b") as fh:
        fh.truncate(PAGE * 2)
    c = new_controller(damaged["folder"])
    try:
        c.start()
        errors: list[BaseException] = []
        real = c.unlock_window._failed
        c.unlock_window._failed = lambda exc: (errors.append(exc), real(exc))[1]
        attempt_unlock(qtbot, c)
        assert isinstance(errors[0], DamagedVault)
        assert c.unlock_window.restore_offer.offer.backup is not None
    finally:
        c.shutdown()


def test_damaged_key_file_is_offered_the_backup_and_its_keys(qtbot, damaged) -> None:
    folder = damaged["folder"]
    keyfile = vault_paths(folder).keys
    keyfile.write_bytes(keyfile.read_bytes()[:50])
    damaged_keys = digest(keyfile)
    c = new_controller(folder)
    try:
        c.start()
        window = c.unlock_window
        errors: list[BaseException] = []
        real = window._failed
        window._failed = lambda exc: (errors.append(exc), real(exc))[1]
        attempt_unlock(qtbot, c)
        assert isinstance(errors[0], DamagedKeyFile)
        assert window.problem_title.text() == "The journal's key file is damaged"
        offer = window.restore_offer
        assert offer.offer.backup is not None and offer.isVisible()
        assert digest(keyfile) == damaged_keys
        qtbot.keyClicks(offer.secret, PASSPHRASE)
        qtbot.mouseClick(offer.in_place_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: c.state == State.UNLOCKED, timeout=30_000)
        assert [x.pseudonym for x in store.list_clients(c.vault.db)] == ["Heron-7"]
    finally:
        c.shutdown()
    # The backup's keys came back: the recovery code of that time opens the journal again.
    Vault.open_with_recovery(folder, damaged["code"]).close()


def test_recovery_code_restore_asks_to_unlock_afterwards(qtbot, controller, damaged) -> None:
    controller.start()
    attempt_unlock(qtbot, controller)
    window = controller.unlock_window
    offer = window.restore_offer
    qtbot.keyClicks(offer.secret, damaged["code"])
    qtbot.mouseClick(offer.in_place_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Unlock to open it" in window.message.text(), timeout=30_000)
    assert controller.state == State.LOCKED
    assert "before-restore-" in window.message.text()
    attempt_unlock(qtbot, controller)
    qtbot.waitUntil(lambda: controller.state == State.UNLOCKED, timeout=30_000)
    assert [c.pseudonym for c in store.list_clients(controller.vault.db)] == ["Heron-7"]


def test_structure_check_at_first_unlock_and_whenever_the_file_changed_while_locked(
        qtbot, tmp_path, monkeypatch) -> None:
    folder = tmp_path / "vault"
    vault, _ = Vault.create(folder, PASSPHRASE)
    client = store.add_client(vault.db, "Heron-7", "2024-02-01")
    with vault.db.transaction():
        for day in range(1, 29):
            store.add_session(vault.db, client.id, f"2024-03-{day:02d}",
                              sections={STANDARD_SECTIONS[0]: "words " * 300})
    vault.close()
    checks: list[bool] = []
    real = Vault.quick_check

    def spy(self, *, structure: bool = True) -> list[str]:
        checks.append(structure)
        return real(self, structure=structure)

    monkeypatch.setattr(Vault, "quick_check", spy)
    c = new_controller(folder)
    try:
        c.start()
        attempt_unlock(qtbot, c)
        assert c.state == State.UNLOCKED
        store.add_client(c.vault.db, "Plover-9", "2024-05-01")
        assert c.lock()
        attempt_unlock(qtbot, c)
        assert c.state == State.UNLOCKED
        # First unlock of the run: structure; after the app's own lock: pages only.
        assert checks == [True, False]
        assert c.lock()
        # Someone else wrote the file while the lock screen was up (here: only its time).
        db = vault_paths(folder).db
        stat = db.stat()
        os.utime(db, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
        attempt_unlock(qtbot, c)
        assert c.state == State.UNLOCKED
        assert checks == [True, False, True]
        assert c.lock()
        attempt_unlock(qtbot, c)
        assert checks == [True, False, True, False]
    finally:
        c.shutdown()


def test_page_check_alone_catches_a_flipped_byte(tmp_path) -> None:
    folder = tmp_path / "vault"
    vault, _ = Vault.create(folder, PASSPHRASE)
    client = store.add_client(vault.db, "Heron-7", "2024-02-01")
    with vault.db.transaction():
        for day in range(1, 29):
            store.add_session(vault.db, client.id, f"2024-03-{day:02d}",
                              sections={STANDARD_SECTIONS[0]: "words " * 300})
    vault.close()
    db = vault_paths(folder).db
    data = bytearray(db.read_bytes())
    for page in range(1, len(data) // PAGE, 7):
        flipped = bytearray(data)
        flipped[page * PAGE + 1000] ^= 0x01
        db.write_bytes(bytes(flipped))
        with Vault.open(folder, PASSPHRASE) as v:
            assert v.quick_check(structure=False) != [], page
    db.write_bytes(bytes(data))
    with Vault.open(folder, PASSPHRASE) as v:
        assert v.quick_check(structure=False) == [] and v.quick_check() == []
