"""The Backups page driven like a user would, on a real vault: back up now (worker, then the
verified state in the list), the list (dates, sizes, checks, other journals), a check on
demand without any credential (and a damaged file caught), the restore test reminder on a fake
clock, restoring side by side through the dialog, choosing the folder, GFS rotation after each
verified backup."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import QFileDialog

from supervision_journal import APP_NAME, ORG_NAME
from supervision_journal.journal import store
from supervision_journal.journal.models import STANDARD_SECTIONS
from supervision_journal.paths import default_backup_dir
from supervision_journal.ui import tasks
from supervision_journal.ui.backups import remembered, state
from supervision_journal.ui.backups.formats import format_time
from supervision_journal.ui.backups.notices import BackupBanners
from supervision_journal.ui.backups.page import BackupsPage, RestoreRequest
from supervision_journal.ui.backups.restore_dialog import RestoreDialog
from supervision_journal.ui.backups.runner import Outcome
from supervision_journal.ui.main_window import MainWindow
from supervision_journal.vault import backup, keys
from supervision_journal.vault.vault import Vault

PASSPHRASE = "correct horse battery staple"


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, days: float) -> None:
        self.now += timedelta(days=days)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def window(qtbot, vault, clock, monkeypatch) -> Iterator[MainWindow]:
    # The page reads the time through its clock: give it ours.
    real_init = BackupsPage.__init__

    def with_clock(self, v, **kwargs):
        kwargs.setdefault("clock", clock)
        real_init(self, v, **kwargs)

    monkeypatch.setattr(BackupsPage, "__init__", with_clock)
    w = MainWindow(vault)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.flush()


def page_of(window: MainWindow) -> BackupsPage:
    window.show_page("backups")
    page = window.findChild(BackupsPage)
    assert page is not None and page.isVisible()
    return page


def run(qtbot, page: BackupsPage, action) -> Outcome:
    """Start a job the way a user does and wait for its outcome and the refreshed list."""
    outcomes: list[Outcome] = []
    page.runner.finished.connect(outcomes.append)
    try:
        action()
        assert page.runner.busy or outcomes  # the work is off the GUI thread
        qtbot.waitUntil(lambda: bool(outcomes) and tasks.pending_count() == 0, timeout=30_000)
    finally:
        page.runner.finished.disconnect(outcomes.append)
    return outcomes[0]


def relist(qtbot, page: BackupsPage) -> None:
    """Read the folder again (after files were changed behind the page's back)."""
    qtbot.waitUntil(lambda: tasks.pending_count() == 0, timeout=10_000)
    with qtbot.waitSignal(page.runner.listed, timeout=10_000):
        page.runner.refresh()


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def rows(page: BackupsPage) -> list[list[str]]:
    return [[page.table.topLevelItem(i).text(c) for c in range(3)]
            for i in range(page.table.topLevelItemCount())]


def select_row(page: BackupsPage, row: int) -> Path:
    item = page.table.topLevelItem(row)
    page.table.setCurrentItem(item)
    item.setSelected(True)
    return Path(item.data(0, Qt.ItemDataRole.UserRole))


def add_client_with_note(vault: Vault, pseudonym: str, text: str) -> int:
    client = store.add_client(vault.db, pseudonym, "2024-02-01")
    store.add_session(vault.db, client.id, "2024-03-05", sections={STANDARD_SECTIONS[0]: text})
    return client.id


def dek(vault: Vault) -> bytes:
    return keys.unlock_passphrase(keys.load_keyfile(vault.paths.keys), PASSPHRASE)


# -- back up now, the list -------------------------------------------------------------------

def test_back_up_now_writes_a_verified_backup_off_the_gui_thread(qtbot, window, vault,
                                                                  clock) -> None:
    add_client_with_note(vault, "Heron-7", "first note")
    page = page_of(window)
    assert page.summary.text() == "No backup yet."
    assert not page.busy.isVisible()
    outcomes: list[Outcome] = []
    page.runner.finished.connect(outcomes.append)
    click(qtbot, page.back_up_button)
    # While it runs: the busy bar, a status line, the buttons that would clash are off.
    assert page.runner.busy and page.busy.isVisible()
    assert page.status.text() == "Writing and checking a backup…"
    assert not page.back_up_button.isEnabled() and not page.test_button.isEnabled()
    qtbot.waitUntil(lambda: bool(outcomes) and tasks.pending_count() == 0, timeout=30_000)
    outcome = outcomes[0]
    assert outcome.ok and outcome.info is not None
    assert outcome.info.path.parent == default_backup_dir()
    assert "Backup written and verified (clients: 1, sessions: 1)" in page.status.text()
    assert not page.busy.isVisible() and page.back_up_button.isEnabled()
    # The list: one row, its date, its size, verified just now.
    assert rows(page) == [[format_time(outcome.info.created_at),
                           QLocale().formattedDataSize(outcome.info.path.stat().st_size),
                           f"Verified on {format_time(clock.now)}"]]
    assert page.summary.text().endswith(", verified.")
    # What the page claims holds: the file opens with the passphrase and is complete.
    problems, info = backup.verify_backup(outcome.info.path, passphrase=PASSPHRASE)
    assert problems == [] and info.counts["client"] == 1
    assert state.last_success(vault.db) == clock.now
    assert state.verified_at(vault.db) == {outcome.info.path.name: clock.now}


def test_list_shows_only_this_journal_and_says_what_else_is_there(qtbot, window, vault,
                                                                  tmp_path, clock) -> None:
    page = page_of(window)
    first = backup.create_backup(vault.paths, vault.keyfile, dek(vault), default_backup_dir(),
                                 now=lambda: clock.now - timedelta(days=1))
    second = run(qtbot, page, lambda: click(qtbot, page.back_up_button)).info
    other, _ = Vault.create(tmp_path / "other", PASSPHRASE)
    other.backup(default_backup_dir())
    other.close()
    (default_backup_dir() / "holiday-photos.txt").write_text("not a backup")
    relist(qtbot, page)
    listed = [r[0] for r in rows(page)]
    assert listed == [format_time(second.created_at), format_time(first.created_at)]
    assert rows(page)[1][2] == "Not checked here yet"  # written outside the page
    assert "1 backup of another journal is in this folder too; it is" in page.list_note.text()
    assert (default_backup_dir() / "holiday-photos.txt").exists()


def test_check_on_demand_asks_for_nothing_and_finds_a_damaged_file(qtbot, window, vault,
                                                                   clock) -> None:
    page = page_of(window)
    # Two backups written outside the page (as the command line does): not checked here yet.
    key = dek(vault)
    good, bad = (backup.create_backup(vault.paths, vault.keyfile, key, default_backup_dir(),
                                      now=lambda d=d: clock.now - timedelta(days=d)).path
                 for d in (2, 1))
    relist(qtbot, page)
    assert [r[2] for r in rows(page)] == ["Not checked here yet"] * 2
    assert page.summary.text().startswith("Last backup:")
    assert not page.summary.text().endswith("verified.")
    # Damage the newer one in its payload (its header still lists it).
    data = bytearray(bad.read_bytes())
    data[-5000] ^= 0x40
    bad.write_bytes(bytes(data))

    paths = [Path(page.table.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole))
             for i in range(2)]
    row_good, row_bad = paths.index(good), paths.index(bad)
    select_row(page, row_good)
    outcome = run(qtbot, page, lambda: click(qtbot, page.verify_button))
    assert outcome.ok and "passed its check: it can be restored" in page.status.text()
    select_row(page, row_bad)
    outcome = run(qtbot, page, lambda: click(qtbot, page.verify_button))
    assert not outcome.ok
    assert page.status.text().startswith("The backup could not be checked.")
    checks = {Path(page.table.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)):
              page.table.topLevelItem(i).text(2) for i in range(2)}
    assert checks[good].startswith("Verified on ")
    assert checks[bad] == "Damaged: cannot be restored"
    assert set(state.verified_at(vault.db)) == {good.name}


def test_a_backup_from_before_a_key_rotation_needs_the_passphrase_of_its_time(
        qtbot, window, vault) -> None:
    page = page_of(window)
    old = vault.backup(default_backup_dir()).path
    vault.rotate_key(PASSPHRASE)
    relist(qtbot, page)
    select_row(page, 0)
    outcome = run(qtbot, page, lambda: click(qtbot, page.verify_button))
    assert not outcome.ok
    assert "supervision-journal verify FILE" in page.status.text()
    assert rows(page)[0][2] == "Needs the passphrase of its time"
    # The command line it points to does open it.
    assert backup.verify_backup(old, passphrase=PASSPHRASE)[0] == []


def test_rotation_after_each_verified_backup(qtbot, window, vault, clock) -> None:
    page = page_of(window)
    dest = default_backup_dir()
    key = dek(vault)
    made = [backup.create_backup(vault.paths, vault.keyfile, key, dest,
                                 now=lambda d=d: clock.now - timedelta(days=d, hours=1))
            for d in range(1, 41, 3)]  # 14 backups over 40 days
    assert len(backup.list_backups(dest)) == len(made)
    outcome = run(qtbot, page, lambda: click(qtbot, page.back_up_button))
    assert outcome.ok
    stamps = [b.created_at for b in made] + [outcome.info.created_at]
    kept = {b.created_at for b in backup.list_backups(dest)}
    assert kept == backup.backups_to_keep(stamps)
    assert len(kept) < len(stamps)  # something was thinned out
    assert len(rows(page)) == len(kept)


# -- the restore test reminder ----------------------------------------------------------------

def test_restore_test_reminder_on_a_fake_clock(qtbot, window, vault, clock) -> None:
    page = page_of(window)
    banners = window.findChild(BackupBanners)
    assert banners is not None
    # No backup: nothing to test, no reminder.
    assert page.test_label.text() == "No restore has been tested yet."
    assert banners.test.isHidden() and not page.test_button.isEnabled()
    for _ in range(3):
        run(qtbot, page, lambda: click(qtbot, page.back_up_button))
    assert page.test_label.text() == "No restore has been tested yet. It is time to test one."
    assert not banners.test.isHidden()
    assert banners.test.title.text() == "Time to test a restore"

    page.runner._rng = random.Random(7)
    outcome = run(qtbot, page, lambda: click(qtbot, banners.test_button))
    assert window.current_page() == "backups"
    assert outcome.ok and outcome.path is not None
    assert outcome.path in {b.path for b in backup.list_backups(default_backup_dir())}
    assert "Restore test passed" in page.status.text()
    assert state.last_restore_test(vault.db) == clock.now
    tested_on = page.test_label.text()
    assert tested_on.startswith("Last restore test: ") and "time to test" not in tested_on
    assert banners.test.isHidden()

    clock.advance(89)
    page._show_test_state()
    banners.update()
    assert "time to test" not in page.test_label.text() and banners.test.isHidden()
    clock.advance(1)
    page._show_test_state()
    banners.update()
    assert page.test_label.text() == tested_on + " It is time to test one."
    assert not banners.test.isHidden()
    assert "The last test was on" in banners.test.text.text()
    # "Later" hides it for this session only.
    click(qtbot, banners.later_button)
    assert banners.test.isHidden()


def test_random_pick_covers_every_backup(qtbot, window, vault) -> None:
    page = page_of(window)
    for _ in range(3):
        run(qtbot, page, lambda: click(qtbot, page.back_up_button))
    page.runner._rng = random.Random(1)
    picked = set()
    for _ in range(12):
        picked.add(run(qtbot, page, page.test_restore).path)
    assert picked == {b.path for b in backup.list_backups(default_backup_dir())}


# -- restore side by side ---------------------------------------------------------------------

def test_restore_side_by_side_through_the_dialog(qtbot, window, vault, tmp_path) -> None:
    add_client_with_note(vault, "Kestrel-3", "what the backup holds")
    page = page_of(window)
    run(qtbot, page, lambda: click(qtbot, page.back_up_button))
    add_client_with_note(vault, "Plover-9", "written after the backup")
    select_row(page, 0)
    click(qtbot, page.restore_button)
    dialog = page.findChild(RestoreDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.side_by_side.isChecked()
    # In place is for the app controller to run; a lone window cannot.
    assert not dialog.in_place.isEnabled()
    assert "supervision-journal restore FILE" in dialog.in_place_text.text()
    assert not dialog.restore_button.isEnabled()  # no credential yet
    target = Path(dialog.target.text())
    assert target.parent == vault.paths.folder.parent and not target.exists()
    qtbot.keyClicks(dialog.secret, PASSPHRASE)

    def restore() -> None:
        click(qtbot, dialog.restore_button)
        assert dialog.secret.text() == ""  # emptied as soon as it was read

    outcome = run(qtbot, page, restore)
    assert outcome.ok and outcome.target == target
    assert f"Restored into “{target}”" in page.status.text()
    with Vault.open(target, PASSPHRASE) as copy:
        names = [c.pseudonym for c in store.list_clients(copy.db)]
        note = store.list_sessions(copy.db, store.list_clients(copy.db)[0].id)
    assert names == ["Kestrel-3"] and len(note) == 1
    # The open journal was not touched.
    assert {c.pseudonym for c in store.list_clients(vault.db)} == {"Kestrel-3", "Plover-9"}


def test_restore_side_by_side_refuses_a_folder_holding_a_journal(qtbot, window, vault,
                                                                 tmp_path) -> None:
    page = page_of(window)
    run(qtbot, page, lambda: click(qtbot, page.back_up_button))
    Vault.create(tmp_path / "taken", PASSPHRASE)[0].close()
    select_row(page, 0)
    dialog = page.restore_selected()
    assert isinstance(dialog, RestoreDialog)
    dialog.target.setText(str(tmp_path / "taken"))
    qtbot.keyClicks(dialog.secret, PASSPHRASE)
    click(qtbot, dialog.restore_button)
    assert dialog.isVisible() and not page.runner.busy
    assert dialog.problem.text() == "A journal already exists in that folder; choose a new " \
                                    "folder."


def test_wrong_credential_restores_nothing(qtbot, window, vault, tmp_path) -> None:
    page = page_of(window)
    run(qtbot, page, lambda: click(qtbot, page.back_up_button))
    select_row(page, 0)
    dialog = page.restore_selected()
    target = Path(dialog.target.text())
    qtbot.keyClicks(dialog.secret, "not the passphrase")
    outcome = run(qtbot, page, lambda: click(qtbot, dialog.restore_button))
    assert not outcome.ok
    assert page.status.text().startswith("Nothing was restored. The passphrase or recovery "
                                         "code does not open this backup")
    assert not (target / "journal.db").exists()


def test_in_place_request_carries_the_credential_and_empties_the_field(qtbot, window,
                                                                       vault) -> None:
    page = page_of(window)
    run(qtbot, page, lambda: click(qtbot, page.back_up_button))
    requests: list[RestoreRequest] = []
    page.restore_in_place_requested.connect(requests.append)
    select_row(page, 0)
    dialog = page.restore_selected()
    assert dialog.in_place.isEnabled()
    dialog.in_place.setChecked(True)
    assert not dialog.target.isEnabled()
    code = vault.recovery_code_for_tests
    qtbot.keyClicks(dialog.secret, code)
    click(qtbot, dialog.restore_button)
    assert len(requests) == 1
    request = requests[0]
    # A well-formed recovery code is used as one.
    assert request.recovery == code and request.passphrase is None
    assert request.path == backup.list_backups(default_backup_dir())[0].path
    assert dialog.secret.text() == ""


# -- the folder ---------------------------------------------------------------------------------

def test_folder_choice_is_kept_in_the_vault_and_its_path_for_the_unlock_screen(
        qtbot, window, vault, tmp_path, isolated_qsettings) -> None:
    page = page_of(window)
    assert page.folder_label.text() == default_backup_dir().as_posix()
    assert "same disk as your journal" in page.folder_note.text()
    assert not page.default_folder_button.isEnabled()
    usb = tmp_path / "usb" / "journal-backups"
    usb.mkdir(parents=True)
    assert page.choose_folder(usb)
    assert state.chosen_folder(vault.db) == usb
    assert remembered.remembered_folder() == usb
    assert page.folder_label.text() == usb.as_posix()
    assert page.default_folder_button.isEnabled()
    outcome = run(qtbot, page, lambda: click(qtbot, page.back_up_button))
    assert outcome.info.path.parent == usb
    # The QSettings file holds the folder path and nothing else of ours about backups.
    ini = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG_NAME, APP_NAME)
    assert Path(ini.fileName()).read_text(encoding="utf-8").count(str(usb)) == 1
    # A folder inside the journal's own folder is refused.
    assert not page.choose_folder(vault.paths.folder / "backups")
    assert "outside the journal's own folder" in page.status.text()
    assert state.chosen_folder(vault.db) == usb
    click(qtbot, page.default_folder_button)
    assert state.chosen_folder(vault.db) is None
    assert remembered.remembered_folder() == default_backup_dir()


def test_a_missing_folder_fails_calmly_and_creates_nothing(qtbot, window, vault,
                                                          tmp_path) -> None:
    page = page_of(window)
    stick = tmp_path / "media" / "stick" / "backups"
    stick.mkdir(parents=True)
    page.choose_folder(stick)
    stick.rmdir()
    stick.parent.rmdir()  # unplugged
    outcome = run(qtbot, page, lambda: click(qtbot, page.back_up_button))
    assert not outcome.ok
    assert page.status.text() == ("The backup was not made. The backup folder is not "
                                  "available: plug in its drive, or choose another folder.")
    assert not stick.parent.exists()  # never created in place of the drive
    assert "not available" in page.folder_note.text()
    assert page.list_note.text().startswith("The backup folder is not available")
    # A manual attempt is shown at once, not kept for the next unlock.
    assert state.last_failure(vault.db) is None


def test_folder_notes_say_why_a_folder_is_fine(qtbot, window, tmp_path, isolated_home) -> None:
    page = page_of(window)
    dropbox = isolated_home / "Dropbox" / "journal-backups"
    dropbox.mkdir(parents=True)
    assert page.describe_folder(dropbox, True).startswith("This folder is synced by Dropbox")
    assert "removable drive" in page.describe_folder(Path("/media/ana/STICK/backups"), False)


def test_folder_dialog_leaves_no_history_behind(qtbot, window, vault, tmp_path,
                                                 isolated_qsettings) -> None:
    page = page_of(window)
    place = tmp_path / "secret-place-4417"
    chosen = place / "backups"
    chosen.mkdir(parents=True)
    dialog = page.ask_folder()
    assert isinstance(dialog, QFileDialog) and dialog.isVisible()
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
    assert dialog.fileMode() == QFileDialog.FileMode.Directory
    dialog.setDirectory(str(place))
    dialog.selectFile(str(chosen))
    dialog.accept()
    qtbot.waitUntil(lambda: state.chosen_folder(vault.db) == chosen)
    settle()
    # Qt's dialog writes its settings (history, last folder) when destroyed: nothing of ours.
    written = [f for f in isolated_qsettings.rglob("*") if f.is_file()]
    assert any(f.name == "QtProject.conf" for f in written)  # it did write its settings
    for f in written:
        if f.name == "QtProject.conf":
            assert "secret-place-4417" not in f.read_text(encoding="utf-8", errors="replace")


def settle() -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    for _ in range(3):
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
