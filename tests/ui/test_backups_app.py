"""Backups through the app controller: the daily backup at the first unlock of a day, the
backup on quit (after the flush, before the vault closes; time-limited; a failure never blocks
quitting and is shown at the next unlock), restoring into place (lock → restore → unlock), and
the banner when the live vault sits in a synced folder."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt

from supervision_journal import log
from supervision_journal.journal import store
from supervision_journal.journal.models import STANDARD_SECTIONS
from supervision_journal.paths import default_backup_dir
from supervision_journal.ui import tasks
from supervision_journal.ui.app import AppController, State
from supervision_journal.ui.backups import hooks, state
from supervision_journal.ui.backups.notices import BackupBanners
from supervision_journal.ui.backups.page import BackupsPage
from supervision_journal.ui.backups.restore_dialog import RestoreDialog
from supervision_journal.ui.clipboard import SecureTextEdit
from supervision_journal.ui.lock import LockManager
from supervision_journal.ui.settings import Settings
from supervision_journal.vault import backup
from supervision_journal.vault.vault import Vault

PASSPHRASE = "correct horse battery staple"
TYPED = "typed just before quitting 4c1d"


def make_vault(folder: Path) -> tuple[int, int]:
    vault, _ = Vault.create(folder, PASSPHRASE)
    client = store.add_client(vault.db, "Heron-7", "2024-02-01")
    session = store.add_session(vault.db, client.id, "2024-03-05",
                                sections={STANDARD_SECTIONS[0]: "saved before"})
    vault.close()
    return client.id, session.id


@pytest.fixture
def seeded(tmp_path: Path) -> tuple[Path, int, int]:
    folder = tmp_path / "vault"
    return (folder, *make_vault(folder))


def new_controller(folder: Path, **kwargs) -> AppController:
    manager = LockManager(session_bus=None, system_bus=None)
    return AppController(folder, Settings(), lock_manager=manager, **kwargs)


@pytest.fixture
def controller(qtbot, seeded) -> Iterator[AppController]:
    c = new_controller(seeded[0], auto_backup=True)
    yield c
    c.shutdown()


def unlock(qtbot, controller: AppController, passphrase: str = PASSPHRASE) -> None:
    window = controller.unlock_window
    assert window is not None and window.isVisible()
    qtbot.keyClicks(window.passphrase_field, passphrase)
    qtbot.keyClick(window.passphrase_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.state == State.UNLOCKED, timeout=20_000)


def idle(qtbot) -> None:
    qtbot.waitUntil(lambda: tasks.pending_count() == 0, timeout=30_000)


def settle() -> None:
    for _ in range(3):
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def backups() -> list[backup.BackupInfo]:
    return backup.list_backups(default_backup_dir())


def note_text(folder: Path, session_id: int) -> str:
    with Vault.open(folder, PASSPHRASE) as vault:
        return " ".join(s.text for s in store.get_note(vault.db, session_id).sections.values())


def restored_text(path: Path, tmp_path: Path, session_id: int) -> str:
    target = tmp_path / f"restored-{path.stem}"
    backup.restore_backup(path, target, passphrase=PASSPHRASE)
    return note_text(target, session_id)


def page_of(controller: AppController) -> BackupsPage:
    page = controller.main_window.findChild(BackupsPage)
    assert page is not None
    return page


# -- daily and on quit ---------------------------------------------------------------------------

def test_daily_backup_at_the_first_unlock_of_a_day_only(qtbot, controller, seeded) -> None:
    controller.start()
    unlock(qtbot, controller)
    idle(qtbot)
    first = backups()
    assert len(first) == 1
    assert state.last_success(controller.vault.db) is not None
    # Locking and unlocking again the same day makes no second one.
    assert controller.lock()
    unlock(qtbot, controller)
    idle(qtbot)
    assert [b.path for b in backups()] == [first[0].path]
    # The next day's first unlock does.
    yesterday = datetime.now(UTC) - timedelta(days=1)
    store.set_setting(controller.vault.db, state.LAST_SUCCESS, yesterday.isoformat())
    assert controller.lock()
    unlock(qtbot, controller)
    idle(qtbot)
    assert state.last_success(controller.vault.db) > yesterday
    assert len(backups()) == 1  # today's newer one replaced the earlier one of the same day
    assert backups()[0].created_at > first[0].created_at


def test_without_auto_backup_nothing_is_written(qtbot, seeded) -> None:
    c = new_controller(seeded[0])
    try:
        c.start()
        unlock(qtbot, c)
        idle(qtbot)
        c.quit()
    finally:
        c.shutdown()
    assert backups() == []


def test_backup_on_quit_holds_the_last_typed_text_and_precedes_closing(
        qtbot, controller, seeded, tmp_path, monkeypatch) -> None:
    folder, _, session_id = seeded
    controller.start()
    unlock(qtbot, controller)
    idle(qtbot)  # the day's backup
    window = controller.main_window
    assert window.clients_panel.select_client(seeded[1])
    assert window.sessions_panel.select_session(session_id)
    editor = next(e for e in window.findChildren(SecureTextEdit)
                  if "saved before" in e.toPlainText())
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " " + TYPED)  # not saved yet: the autosave timer has not fired

    events: list[str] = []
    vault = controller.vault
    real_flush, real_backup, real_close = window.flush, vault.backup, vault.close
    monkeypatch.setattr(window, "flush", lambda: (events.append("flush"), real_flush())[1])
    monkeypatch.setattr(vault, "backup",
                        lambda dest: (events.append("backup"), real_backup(dest))[1])
    monkeypatch.setattr(vault, "close", lambda: (events.append("close"), real_close())[1])
    controller.quit()
    assert controller.state == State.STOPPED
    first_seen = [e for i, e in enumerate(events) if e not in events[:i]]
    assert first_seen == ["flush", "backup", "close"]
    newest = backups()[0]
    assert TYPED in restored_text(newest.path, tmp_path, session_id)
    with Vault.open(folder, PASSPHRASE) as check:
        assert state.last_failure(check.db) is None
        assert newest.path.name in state.verified_at(check.db)


def test_a_failed_backup_on_quit_never_blocks_and_shows_at_the_next_unlock(
        qtbot, seeded, tmp_path) -> None:
    folder = seeded[0]
    logged = log.setup(tmp_path / "logs")
    try:
        c = new_controller(folder, auto_backup=True)
        try:
            c.start()
            unlock(qtbot, c)
            idle(qtbot)
            stick = tmp_path / "stick"
            stick.mkdir()
            assert page_of(c).choose_folder(stick)
            stick.rmdir()  # unplugged before quitting
            started = time.perf_counter()
            c.quit()
            assert c.state == State.STOPPED
            assert time.perf_counter() - started < 5
        finally:
            c.shutdown()
        text = logged.read_text(encoding="utf-8")
        assert "backup on quit failed: folder_missing" in text
        assert not stick.exists()

        again = new_controller(folder, auto_backup=True)
        try:
            again.start()
            unlock(qtbot, again)
            idle(qtbot)  # the daily backup fails too (same missing folder)
            banners = again.main_window.findChild(BackupBanners)
            assert banners is not None and not banners.failure.isHidden()
            title = banners.failure.title.text()
            assert title.startswith(("The backup when you last quit did not finish",
                                     "The daily backup could not be made"))
            assert "not available" in banners.failure.text.text()
            # Back to a folder that exists: "Back up now" on the banner clears it.
            page = page_of(again)
            page.choose_folder(None)
            qtbot.mouseClick(banners.failure_button, Qt.MouseButton.LeftButton)
            idle(qtbot)
            assert banners.failure.isHidden()
            assert state.last_failure(again.vault.db) is None
        finally:
            again.shutdown()
    finally:
        log.teardown()


def test_backup_on_quit_stops_waiting_at_its_time_limit(qtbot, vault, caplog,
                                                        monkeypatch) -> None:
    release = threading.Event()

    def slow(dest: Path) -> backup.BackupInfo:
        release.wait(10)
        raise OSError("never reached in time")

    monkeypatch.setattr(vault, "backup", slow)
    caplog.set_level(logging.INFO, logger="supervision_journal")
    from supervision_journal.journal import store as journal_store

    journal_store.add_client(vault.db, "Quit")  # something to back up
    started = time.perf_counter()
    try:
        kind = hooks.back_up_before_quit(vault, None, time_limit=0.3)
    finally:
        release.set()
    took = time.perf_counter() - started
    assert kind is state.FailureKind.TIMEOUT
    assert 0.3 <= took < 2
    failure = state.last_failure(vault.db)
    assert failure is not None and failure.trigger is state.Trigger.QUIT
    assert failure.kind is state.FailureKind.TIMEOUT
    assert any(r.getMessage() == "backup on quit failed: timeout" for r in caplog.records)


def test_demo_journal_is_never_backed_up(qtbot, seeded) -> None:
    c = new_controller(seeded[0], auto_backup=True, demo_mode=True)
    assert not c._backs_up()


# -- restore into place ----------------------------------------------------------------------------

def test_restore_into_place_locks_restores_and_reopens(qtbot, controller, seeded,
                                                       tmp_path) -> None:
    folder = seeded[0]
    controller.start()
    unlock(qtbot, controller)
    idle(qtbot)
    made = backups()[0]
    store.add_client(controller.vault.db, "Plover-9", "2024-05-01")  # after the backup
    page = page_of(controller)
    controller.main_window.show_page("backups")
    qtbot.waitUntil(lambda: page.table.topLevelItemCount() == 1)
    page.table.setCurrentItem(page.table.topLevelItem(0))
    page.table.topLevelItem(0).setSelected(True)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(RestoreDialog)
    assert dialog.in_place.isEnabled()  # the controller listens
    dialog.in_place.setChecked(True)
    qtbot.keyClicks(dialog.secret, PASSPHRASE)
    old_window = controller.main_window
    states: list[str] = []
    controller.state_changed.connect(states.append)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    # The journal closed first: the restore runs on the unlock window.
    assert states[0] == "locked" and controller.vault is None
    assert "Restoring the backup" in controller.unlock_window.message.text()
    assert not controller.unlock_window.unlock_button.isEnabled()
    qtbot.waitUntil(lambda: controller.state == State.UNLOCKED, timeout=30_000)
    settle()
    assert controller.main_window is not old_window
    names = [c.pseudonym for c in store.list_clients(controller.vault.db)]
    assert names == ["Heron-7"]  # the backup's data; the later client is not in it
    safety = sorted(folder.glob("before-restore-*"))
    assert len(safety) == 1
    with Vault.open(safety[0], PASSPHRASE) as before:  # the replaced files, complete
        assert {c.pseudonym for c in store.list_clients(before.db)} == {"Heron-7", "Plover-9"}
    # The backup restored from stays, unless the daily backup of the reopened journal (the
    # restored settings say none was made today) already replaced it as the newest of the day.
    idle(qtbot)
    remaining = backups()
    assert remaining and (made.path.exists() or remaining[0].created_at > made.created_at)


def test_restore_into_place_with_a_wrong_passphrase_changes_nothing(qtbot, controller,
                                                                    seeded) -> None:
    folder = seeded[0]
    controller.start()
    unlock(qtbot, controller)
    idle(qtbot)
    page = page_of(controller)
    controller.main_window.show_page("backups")
    qtbot.waitUntil(lambda: page.table.topLevelItemCount() == 1)
    page.table.setCurrentItem(page.table.topLevelItem(0))
    page.table.topLevelItem(0).setSelected(True)
    dialog = page.restore_selected()
    dialog.in_place.setChecked(True)
    qtbot.keyClicks(dialog.secret, "wrong words entirely")
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    window = controller.unlock_window
    qtbot.waitUntil(lambda: not window._busy, timeout=30_000)
    assert controller.state == State.LOCKED
    assert window.message.text().startswith("This passphrase or recovery code does not open "
                                            "the backup")
    assert list(folder.glob("before-restore-*")) == []
    unlock(qtbot, controller)  # the journal is as it was
    assert [c.pseudonym for c in store.list_clients(controller.vault.db)] == ["Heron-7"]


# -- the live vault in a synced folder ----------------------------------------------------------

def test_synced_vault_gets_a_banner_at_unlock_and_in_the_main_window(qtbot, isolated_home,
                                                                   tmp_path) -> None:
    folder = isolated_home / "Dropbox" / "journal"
    make_vault(folder)
    c = new_controller(folder)
    try:
        c.start()
        notice = c.unlock_window.placement_notice
        assert not notice.isHidden()
        assert "synced by Dropbox" in notice.text()
        assert "write-ahead log" in notice.text() and "--vault" in notice.text()
        unlock(qtbot, c)
        banners = c.main_window.findChild(BackupBanners)
        assert not banners.placement.isHidden() and banners.area.isVisible()
        assert banners.placement.title.text() == "Your journal is in a folder synced by Dropbox"
        body = banners.placement.text.text()
        assert str(folder) in body and "supervision-journal --vault NEW-FOLDER" in body
        assert "Backups may go to a synced folder" in body
        # It stays: switching pages, locking and unlocking do not make it go away.
        c.main_window.show_page("backups")
        assert not banners.placement.isHidden()
    finally:
        c.shutdown()


def test_local_vault_gets_no_banner(qtbot, seeded) -> None:
    c = new_controller(seeded[0])
    try:
        c.start()
        assert c.unlock_window.placement_notice.isHidden()
        unlock(qtbot, c)
        banners = c.main_window.findChild(BackupBanners)
        assert banners.placement.isHidden()
        assert not banners.area.isVisible()  # no backup yet: no test reminder either
    finally:
        c.shutdown()


def test_no_backup_on_quit_when_nothing_changed(vault, monkeypatch) -> None:
    """Quitting a session that wrote nothing makes no backup (seconds on a big journal)."""
    from supervision_journal.journal import store as journal_store

    calls = []
    monkeypatch.setattr(vault, "backup", lambda dest: calls.append(dest))
    assert hooks.back_up_before_quit(vault, None) is None
    assert calls == []
    journal_store.add_client(vault.db, "Changed")
    assert vault.changed_since_backup
    vault.mark_backed_up()
    assert not vault.changed_since_backup
