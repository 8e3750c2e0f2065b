"""The unlock window: wrong passphrase, damaged vault, damaged key file, a vault from a newer
app, the growing delay after five failures (kept across restarts), and the recovery path."""

from __future__ import annotations

import hashlib
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from supervision_journal.paths import vault_paths
from supervision_journal.ui.unlock import UnlockWindow, failure_delay_seconds
from supervision_journal.vault import keys
from supervision_journal.vault.vault import Vault

PASSPHRASE = "correct horse battery staple"
NEW_PASSPHRASE = "seven quiet lamps over the river"


class FakeClock:
    """Real time plus an offset we can move forward (the vault stamps failures in real time)."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def advance(self, seconds: float) -> None:
        self.offset += timedelta(seconds=seconds)


@pytest.fixture
def closed_vault(tmp_path: Path) -> tuple[Path, str]:
    folder = tmp_path / "vault"
    vault, code = Vault.create(folder, PASSPHRASE)
    vault.close()
    return folder, code


def make_window(qtbot, folder: Path, clock: FakeClock | None = None) -> UnlockWindow:
    window = UnlockWindow(folder, clock=clock or FakeClock())
    qtbot.addWidget(window)
    window.show()
    return window


def attempt(qtbot, window: UnlockWindow, passphrase: str) -> list[object]:
    opened: list[object] = []
    window.unlocked.connect(opened.append)
    qtbot.keyClicks(window.passphrase_field, passphrase)
    qtbot.mouseClick(window.unlock_button, Qt.MouseButton.LeftButton)
    assert window.passphrase_field.text() == ""  # cleared right after reading
    qtbot.waitUntil(lambda: not window._busy, timeout=20_000)
    return opened


def digest(path: Path) -> tuple[int, int, str]:
    st = path.stat()
    return st.st_size, st.st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest()


def test_delay_schedule() -> None:
    assert [failure_delay_seconds(n) for n in range(0, 12)] == [
        0, 0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900]
    assert failure_delay_seconds(100) == 900


def test_right_passphrase_unlocks(qtbot, closed_vault) -> None:
    folder, _ = closed_vault
    window = make_window(qtbot, folder)
    assert window.passphrase_field.echoMode() == window.passphrase_field.EchoMode.Password
    opened = attempt(qtbot, window, PASSPHRASE)
    assert len(opened) == 1
    opened[0].close()


def test_wrong_passphrase_says_so(qtbot, closed_vault) -> None:
    folder, _ = closed_vault
    window = make_window(qtbot, folder)
    opened = attempt(qtbot, window, "not the passphrase")
    assert opened == []
    assert window.message.text().startswith("Wrong passphrase.")
    assert window.stack.currentIndex() == window.PAGE_PASSPHRASE
    assert window.unlock_button.isEnabled()
    assert keys.load_keyfile(vault_paths(folder).keys).failed_unlocks == 1


@pytest.mark.parametrize("keep", [0, 1000])
def test_damaged_vault_gets_its_own_guidance_and_is_not_touched(qtbot, closed_vault,
                                                                keep: int) -> None:
    folder, _ = closed_vault
    db = vault_paths(folder).db
    with db.open("r+b") as fh:
        fh.truncate(keep)
    before = digest(db)
    window = make_window(qtbot, folder)
    opened = attempt(qtbot, window, PASSPHRASE)
    assert opened == []
    assert window.stack.currentIndex() == window.PAGE_PROBLEM
    assert window.problem_title.text() == "The journal file is damaged"
    text = window.problem_text.text() + window.problem_steps.text()
    assert "Nothing was overwritten" in text
    assert "supervision-journal verify" in text and "backup" in text
    assert "Wrong passphrase" not in window.message.text()
    assert str(folder) in window.problem_folder.text()
    assert digest(db) == before
    assert not vault_paths(folder).wal.exists()
    # The passphrase was right: no failure is counted.
    assert keys.load_keyfile(vault_paths(folder).keys).failed_unlocks == 0
    qtbot.mouseClick(window.try_again_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentIndex() == window.PAGE_PASSPHRASE


def test_damaged_key_file_gets_its_own_guidance(qtbot, closed_vault) -> None:
    folder, _ = closed_vault
    path = vault_paths(folder).keys
    path.write_bytes(path.read_bytes()[:40])
    before = digest(path), digest(vault_paths(folder).db)
    window = make_window(qtbot, folder)
    attempt(qtbot, window, PASSPHRASE)
    assert window.stack.currentIndex() == window.PAGE_PROBLEM
    assert window.problem_title.text() == "The journal's key file is damaged"
    assert "Nothing was overwritten" in window.problem_text.text()
    assert (digest(path), digest(vault_paths(folder).db)) == before


def test_vault_from_a_newer_app_is_refused_calmly(qtbot, closed_vault) -> None:
    folder, _ = closed_vault
    vault = Vault.open(folder, PASSPHRASE)
    vault.db.execute("PRAGMA user_version = 999")
    vault.close()
    window = make_window(qtbot, folder)
    attempt(qtbot, window, PASSPHRASE)
    assert window.stack.currentIndex() == window.PAGE_PROBLEM
    assert window.problem_title.text() == "This journal needs a newer version"
    assert "not changed" in window.problem_text.text()


def test_delay_after_five_failures_grows_and_survives_a_restart(qtbot, closed_vault) -> None:
    folder, _ = closed_vault
    clock = FakeClock()
    window = make_window(qtbot, folder, clock)
    for n in range(1, 6):
        assert window.unlock_button.isEnabled()
        attempt(qtbot, window, f"wrong guess {n}")
        assert window.message.text().startswith("Wrong passphrase.")
    # Five failures: the sixth attempt must wait 30 s, with a countdown.
    assert not window.unlock_button.isEnabled()
    assert "0:30" in window.delay_label.text() or "0:29" in window.delay_label.text()
    assert keys.load_keyfile(vault_paths(folder).keys).failed_unlocks == 5
    # Pressing Enter during the wait does nothing (no KDF, no count).
    qtbot.keyClicks(window.passphrase_field, PASSPHRASE)
    window.passphrase_field.returnPressed.emit()
    assert not window._busy
    assert keys.load_keyfile(vault_paths(folder).keys).failed_unlocks == 5
    window.passphrase_field.clear()

    # Restarting the app does not reset the wait: the count is in journal.keys.
    restarted = make_window(qtbot, folder, clock)
    assert not restarted.unlock_button.isEnabled()
    assert restarted.remaining_delay() > 25

    clock.advance(20)
    window.refresh_delay()
    assert "0:1" in window.delay_label.text()  # 0:10 or so left
    clock.advance(11)
    window.refresh_delay()
    assert window.unlock_button.isEnabled() and window.delay_label.text() == ""

    attempt(qtbot, window, "wrong guess 6")
    assert 55 < window.remaining_delay() <= 60  # doubled
    assert "1:00" in window.delay_label.text() or "0:59" in window.delay_label.text()

    clock.advance(61)
    window.refresh_delay()
    opened = attempt(qtbot, window, PASSPHRASE)
    assert len(opened) == 1
    opened[0].close()
    # Success resets the count.
    assert keys.load_keyfile(vault_paths(folder).keys).failed_unlocks == 0


def test_delay_uses_the_session_count_when_the_key_file_cannot_record(qtbot, closed_vault,
                                                                       monkeypatch) -> None:
    folder, _ = closed_vault
    # A read-only key file: the vault cannot persist failures; the window still counts them.
    monkeypatch.setattr(keys.KeyFile, "save", lambda self, path: (_ for _ in ()).throw(
        OSError("read-only")))
    window = make_window(qtbot, folder)
    for n in range(5):
        attempt(qtbot, window, f"wrong {n}")
    assert keys.load_keyfile(vault_paths(folder).keys).failed_unlocks == 0
    assert not window.unlock_button.isEnabled()


def test_recovery_code_then_new_passphrase(qtbot, closed_vault) -> None:
    folder, code = closed_vault
    window = make_window(qtbot, folder)
    opened: list[Vault] = []
    window.unlocked.connect(opened.append)
    qtbot.mouseClick(window.recovery_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentIndex() == window.PAGE_RECOVERY

    # A typo is caught before any slow work, and the group is named.
    groups = code.split("-")
    typo = groups[2][0] + ("0" if groups[2][1] != "0" else "1") + groups[2][2:]
    qtbot.keyClicks(window.recovery_field, "-".join([*groups[:2], typo, *groups[3:]]))
    qtbot.mouseClick(window.recovery_unlock_button, Qt.MouseButton.LeftButton)
    assert "Group 3" in window.recovery_message.text()
    assert not window._busy

    window.recovery_field.clear()
    qtbot.keyClicks(window.recovery_field, code.lower().replace("-", " "))
    qtbot.mouseClick(window.recovery_unlock_button, Qt.MouseButton.LeftButton)
    assert window.recovery_field.text() == ""
    window.recovery_field.undo()  # gone for good, not one Ctrl+Z away
    assert window.recovery_field.text() == ""
    qtbot.waitUntil(lambda: window.stack.currentIndex() == window.PAGE_NEW_PASSPHRASE,
                    timeout=20_000)
    assert opened == []  # not before a new passphrase is chosen
    form = window.new_passphrase
    qtbot.keyClicks(form.first, NEW_PASSPHRASE)
    qtbot.keyClicks(form.second, NEW_PASSPHRASE)
    assert window.save_passphrase_button.isEnabled()
    qtbot.mouseClick(window.save_passphrase_button, Qt.MouseButton.LeftButton)
    for field in (form.first, form.second):
        field.undo()
        assert field.text() == ""
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=20_000)
    opened[0].close()
    # The old passphrase no longer works; the new one does; the code still does.
    with pytest.raises(Exception, match="passphrase"):
        Vault.open(folder, PASSPHRASE)
    Vault.open(folder, NEW_PASSPHRASE).close()
    Vault.open_with_recovery(folder, code).close()


def test_wrong_recovery_code_counts_as_a_failure(qtbot, closed_vault) -> None:
    from supervision_journal.vault import recovery_code

    folder, _ = closed_vault
    window = make_window(qtbot, folder)
    qtbot.mouseClick(window.recovery_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.recovery_field, recovery_code.generate())
    qtbot.mouseClick(window.recovery_unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window._busy, timeout=20_000)
    assert "does not open this journal" in window.recovery_message.text()
    assert keys.load_keyfile(vault_paths(folder).keys).failed_unlocks == 1


def test_closing_during_unlock_closes_the_late_vault(qtbot, closed_vault, monkeypatch) -> None:
    folder, _ = closed_vault
    window = make_window(qtbot, folder)
    opened: list[Vault] = []
    real_open = Vault.open

    def spy(*args, **kwargs):
        v = real_open(*args, **kwargs)
        opened.append(v)
        return v

    monkeypatch.setattr(Vault, "open", spy)
    closes: list[object] = []
    window.close_requested.connect(lambda: closes.append(1))
    qtbot.keyClicks(window.passphrase_field, PASSPHRASE)
    qtbot.mouseClick(window.unlock_button, Qt.MouseButton.LeftButton)
    window.close()
    qtbot.waitUntil(lambda: bool(opened) and opened[0].db.closed, timeout=20_000)
    assert closes == [1]
    assert os.path.exists(vault_paths(folder).db)
