"""Leak sweep (security.md T21) and log redaction (T22), end to end.

One run through the real app, driven like a user with qtbot, plus the command line: create the
journal in the first-run wizard, add a client and write notes holding canary strings, register
an identity, approve a section, search, copy note text to the clipboard, export with
``export --candidates redact``, back up from the Backups page, crash (an exception raised inside
a Qt slot, with the crash handler installed), quit and restart the controller, lock, unlock,
quit. The app logger runs at DEBUG the whole time and stderr is captured at the file-descriptor
level (SQLCipher and Qt write there directly).

Then every file under the test's isolated HOME (the vault, backups, export, logs, QSettings,
XDG cache/config/data/state, ``recently-used.xbel`` if any) and TMPDIR is scanned for every
canary in UTF-8, UTF-16-LE and UTF-16-BE, and for the database key in hex. Expected: 0 hits
anywhere, the encrypted vault and backups included (they are ciphertext). Logs and stderr are
also grepped for any run of 64 hex digits (T22). The figures are printed (``pytest -s``).
"""

from __future__ import annotations

import logging
import os
import re
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from supervision_journal import cli, log
from supervision_journal.journal import store
from supervision_journal.journal.models import IdentityTerm
from supervision_journal.paths import default_backup_dir, default_vault_dir, log_dir
from supervision_journal.ui import crash, tasks
from supervision_journal.ui.app import AppController, State, configure_application
from supervision_journal.ui.backups.page import BackupsPage
from supervision_journal.ui.client_dialog import ClientDialog
from supervision_journal.ui.clipboard import ClipboardGuard
from supervision_journal.ui.lock import LockManager
from supervision_journal.ui.settings import Settings
from supervision_journal.vault import keys

PASSPHRASE = "seven quiet lamps over the river"
PSEUDONYM = "Zebulon-Qx7canary"
REAL_NAME = "Wilhelmina Quazarcanary"
ALIAS = "Minacanary"
PRIVATE_NOTE = "canary-private-8f3a19 kestrel under the bridge"
SHARED_NOTE = f"We looked at how {REAL_NAME} ({ALIAS}) sleeps since the move."
TYPED_LATE = "canary-typed-late-ff02 heron"
SEARCHED = "8f3a19"
CRASH_TEXT = "canary-crash-5d77 in the exception message"
CANARIES = (PSEUDONYM, REAL_NAME, ALIAS, PRIVATE_NOTE, "canary-private-8f3a19", TYPED_LATE,
            "canary-typed-late-ff02", CRASH_TEXT, "canary-crash-5d77", "Quazarcanary")
HEX_RUN = re.compile(rb"[0-9a-fA-F]{64}")

pytestmark = [
    pytest.mark.qt_no_exception_capture,  # the app's own crash handler must see the crash
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints",
                              "This plugin does not support raise"),
]


def encodings(text: str) -> list[bytes]:
    out = []
    for variant in {text, text.lower()}:
        out += [variant.encode("utf-8"), variant.encode("utf-16-le"),
                variant.encode("utf-16-be")]
    return out


NEEDLES = [(c, e) for c in CANARIES for e in encodings(c)]


@dataclass
class Scan:
    files: int = 0
    bytes: int = 0
    hits: list[tuple[str, str]] = field(default_factory=list)  # (file, canary)
    per_place: Counter[str] = field(default_factory=Counter)
    hits_per_place: Counter[str] = field(default_factory=Counter)


def place_of(path: Path, home: Path, tmp: Path) -> str:
    text = str(path)
    vault, backups, logs = map(str, (default_vault_dir(), default_backup_dir(), log_dir()))
    if text.startswith(vault):
        return "vault (ciphertext)"
    if text.startswith(backups) or path.suffix == ".sjbk":
        return "backups (ciphertext)"
    if text.startswith(logs):
        return "logs"
    if path.name == "recently-used.xbel":
        return "recently-used.xbel"
    if path.suffix in (".ini", ".conf"):
        return "QSettings / Qt config"
    if text.startswith(str(tmp)):
        return "TMPDIR"
    for sub in (".cache", ".config", ".local/share", ".local/state"):
        if text.startswith(str(home / sub)):
            return f"~/{sub}"
    return "HOME (other)"


def scan(roots: list[Path], home: Path, tmp: Path, extra: list[tuple[str, bytes]]) -> Scan:
    result = Scan()
    seen: set[Path] = set()
    for root in roots:
        for path in sorted(root.rglob("*")):
            if not path.is_file() or path.is_symlink() or path in seen:
                continue
            seen.add(path)
            data = path.read_bytes()
            place = place_of(path, home, tmp)
            result.files += 1
            result.bytes += len(data)
            result.per_place[place] += 1
            for name, needle in NEEDLES + extra:
                if needle in data:
                    result.hits.append((str(path), name))
                    result.hits_per_place[place] += 1
    return result


# -- fixtures --------------------------------------------------------------------------------

@pytest.fixture
def app_env(qapp, isolated_home: Path, monkeypatch) -> Iterator[Path]:
    """The app's identity, QSettings inside HOME, the redacting log at DEBUG, the crash
    handler; undone afterwards."""
    configure_application(qapp)
    settings_dir = isolated_home / ".config"
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, str(settings_dir))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    crash.install()
    log_file = log.setup(log_dir(), level=logging.DEBUG)
    assert log_file is not None and str(log_file).startswith(str(isolated_home))
    crash.attach_gui()
    yield settings_dir
    tasks.wait_for_all(30_000)
    QCoreApplication.processEvents()
    crash.detach_gui()
    log.teardown()
    QGuiApplication.clipboard().clear()


def settle() -> None:
    for _ in range(3):
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def new_controller() -> AppController:
    return AppController(default_vault_dir(), Settings(),
                         lock_manager=LockManager(session_bus=None, system_bus=None),
                         auto_backup=True)


def unlock(qtbot, controller: AppController) -> None:
    window = controller.unlock_window
    qtbot.keyClicks(window.passphrase_field, PASSPHRASE)
    qtbot.keyClick(window.passphrase_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.state == State.UNLOCKED, timeout=30_000)


def create_through_wizard(qtbot, controller: AppController) -> None:
    wizard = controller.wizard
    qtbot.keyClicks(wizard.passphrase_form.first, PASSPHRASE)
    qtbot.keyClicks(wizard.passphrase_form.second, PASSPHRASE)
    qtbot.mouseClick(wizard.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.stack.currentIndex() == wizard.PAGE_CODE, timeout=30_000)
    qtbot.mouseClick(wizard.kept_button, Qt.MouseButton.LeftButton)
    for check, index in zip(wizard.check_fields, wizard.asked_groups, strict=True):
        qtbot.keyClicks(check, wizard.group(index).lower())
    qtbot.mouseClick(wizard.finish_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.state == State.UNLOCKED, timeout=30_000)


def boom() -> None:
    local_secret = PRIVATE_NOTE  # a local the crash report must not show
    raise ValueError(f"{CRASH_TEXT}: {local_secret}")


# -- the run ---------------------------------------------------------------------------------

def test_leak_sweep_end_to_end(qtbot, app_env: Path, isolated_home: Path, capfd) -> None:
    home, tmp = isolated_home, Path(os.environ["TMPDIR"])
    controller = new_controller()
    try:
        controller.start()
        assert controller.state == State.FIRST_RUN
        create_through_wizard(qtbot, controller)
        window = controller.main_window
        db = controller.vault.db
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=5_000)

        # A client, through the dialog.
        qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)
        dialog = window.findChild(ClientDialog)
        qtbot.keyClicks(dialog.pseudonym, PSEUDONYM)
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.current_client_id() is not None)
        client_id = window.current_client_id()
        store.add_identity_term(db, client_id, IdentityTerm(REAL_NAME, "full_name"))
        store.add_identity_term(db, client_id, IdentityTerm(ALIAS, "alias"))

        # A session: a private section and a shared one, typed; the shared one approved.
        qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        session_id = window.editor.session.id
        presenting = window.editor.section("presenting")
        presenting.focus_text()
        qtbot.keyClicks(presenting.edit, PRIVATE_NOTE)
        process = window.editor.section("process")
        process.focus_text()
        qtbot.keyClicks(process.edit, SHARED_NOTE)
        window.flush()
        qtbot.mouseClick(process.share, Qt.MouseButton.LeftButton)
        note = store.get_note(db, session_id)
        assert note.sections["process"].approval == "approved"
        assert PRIVATE_NOTE in note.text("presenting")

        # Search, then copy the note's text.
        qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(window.search_box, SEARCHED)
        qtbot.waitUntil(lambda: window.search_panel.model.rowCount() >= 1, timeout=5_000)
        qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
        presenting = window.editor.section("presenting")
        presenting.edit.selectAll()
        presenting.edit.copy()
        assert PRIVATE_NOTE in QGuiApplication.clipboard().text()
        assert ClipboardGuard.instance().holds_ours

        # Export through the command line (another connection, same process and logger).
        secret_file = home / "pw.txt"
        secret_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
        export = home / "Documents" / "supervision.md"
        export.parent.mkdir()
        code = cli.main(["--vault", str(default_vault_dir()), "--passphrase-file",
                         str(secret_file), "export", "--out", str(export),
                         "--candidates", "redact"])
        assert code == 0 and export.exists()
        exported = export.read_text(encoding="utf-8")
        assert "sleeps since the move" in exported  # the approved text went out…
        assert REAL_NAME not in exported and PSEUDONYM not in exported  # …anonymised
        secret_file.unlink()

        # Back up from the Backups page, into a folder chosen in the (Qt) file dialog.
        window.show_page("backups")
        page = window.findChild(BackupsPage)
        qtbot.waitUntil(lambda: not page.runner.busy, timeout=30_000)  # the day's backup
        chosen = home / "USB-stick" / "journal-backups"
        chosen.mkdir(parents=True)
        folder_dialog = page.ask_folder()
        folder_dialog.setDirectory(str(chosen.parent))
        folder_dialog.selectFile(str(chosen))
        folder_dialog.accept()
        qtbot.waitUntil(lambda: page.folder_label.text() == chosen.as_posix())
        settle()
        outcomes = []
        page.runner.finished.connect(outcomes.append)
        qtbot.mouseClick(page.back_up_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(outcomes), timeout=30_000)
        assert outcomes[0].ok

        # Type a little more, then crash inside a Qt slot.
        window.show_page("journal")
        presenting = window.editor.section("presenting")
        presenting.focus_text()
        presenting.edit.moveCursor(presenting.edit.textCursor().MoveOperation.End)
        qtbot.keyClicks(presenting.edit, " " + TYPED_LATE)
        QTimer.singleShot(0, boom)
        qtbot.waitUntil(lambda: crash.notifier().dialog is not None, timeout=5_000)
        crash_dialog = crash.notifier().dialog
        shown = crash_dialog.informativeText() + crash_dialog.detailedText()
        assert "ValueError" in shown and "canary" not in shown
        crash_dialog.close()

        # Quit (flush, backup on quit), start again, unlock, lock, unlock, quit.
        controller.quit()
        assert controller.state == State.STOPPED
    finally:
        controller.shutdown()
    settle()
    again = new_controller()
    try:
        again.start()
        unlock(qtbot, again)
        client = store.list_clients(again.vault.db)[0]
        texts = " ".join(store.get_note(again.vault.db, s.id).text("presenting")
                         for s in store.list_sessions(again.vault.db, client.id))
        assert TYPED_LATE in texts  # typed before the crash, saved at quit
        qtbot.waitUntil(lambda: tasks.pending_count() == 0, timeout=30_000)
        assert again.lock()
        unlock(qtbot, again)
        qtbot.waitUntil(lambda: tasks.pending_count() == 0, timeout=30_000)
        again.quit()
    finally:
        again.shutdown()
    settle()
    tasks.wait_for_all(30_000)
    settle()
    assert crash.notifier().shown == 1  # the deliberate crash, and no other
    assert QGuiApplication.clipboard().text() == ""
    for handler in logging.getLogger().handlers:
        handler.flush()
    captured = capfd.readouterr()
    stderr = (captured.err + captured.out).encode("utf-8", errors="replace")

    # -- the sweep ----------------------------------------------------------------------------
    key = keys.unlock_passphrase(keys.load_keyfile(default_vault_dir() / "journal.keys"),
                                 PASSPHRASE)
    key_needles = [("database key (hex)", key.hex().encode()),
                   ("database key (HEX)", key.hex().upper().encode())]
    # A control the scanner must find (UTF-16-LE, in a cache folder): a sweep that finds
    # nothing because it cannot see is worth nothing.
    control = home / ".cache" / "control-canary.bin"
    control.parent.mkdir(parents=True, exist_ok=True)
    control.write_bytes(b"\x00junk" + PRIVATE_NOTE.encode("utf-16-le") + b"junk")
    result = scan([home, tmp], home, tmp, key_needles)
    control_hits = [h for h in result.hits if h[0] == str(control)]
    assert control_hits == [(str(control), PRIVATE_NOTE), (str(control),
                                                           "canary-private-8f3a19")]
    result.hits = [h for h in result.hits if h[0] != str(control)]
    result.files -= 1
    result.per_place["~/.cache"] -= 1
    result.hits_per_place["~/.cache"] -= len(control_hits)
    control.unlink()
    in_stderr = [name for name, needle in NEEDLES + key_needles if needle in stderr]
    logs = [p for p in log_dir().rglob("*") if p.is_file()]
    hex_in_logs = [str(p) for p in logs if HEX_RUN.search(p.read_bytes())]
    hex_in_stderr = HEX_RUN.findall(stderr)
    backups = [p for p in home.rglob("*.sjbk")]
    xbel = home / ".local" / "share" / "recently-used.xbel"

    print(f"\nT21 leak sweep: {result.files} files, {result.bytes / 1024:.0f} KiB scanned "
          f"under HOME and TMPDIR for {len(CANARIES)} canaries × UTF-8/UTF-16-LE/UTF-16-BE "
          f"(+ lower case) and the database key in hex; hits: {len(result.hits)}")
    for place, count in sorted(result.per_place.items()):
        if not count:
            continue
        print(f"  {place:<24} files={count:<4} hits={result.hits_per_place[place]}")
    print(f"  recently-used.xbel: {'present' if xbel.exists() else 'absent'}; "
          f"backups: {len(backups)}; log files: {len(logs)}")
    print(f"T22 at DEBUG: {sum(p.stat().st_size for p in logs)} bytes of logs, "
          f"{len(stderr)} bytes of stderr; canary hits in stderr: {len(in_stderr)}; "
          f"64-hex runs in logs: {len(hex_in_logs)}, in stderr: {len(hex_in_stderr)}")

    assert result.hits == []
    assert in_stderr == [] and hex_in_logs == [] and hex_in_stderr == []
    # The sweep looked where the run wrote.
    assert result.per_place["vault (ciphertext)"] >= 2 and len(backups) >= 1
    assert result.per_place["logs"] >= 1 and export.exists()
    log_text = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in logs)
    assert "ValueError" in log_text and "backup on quit verified" in log_text
    written = {p.name for p in app_env.rglob("*") if p.is_file()}
    assert "QtProject.conf" in written  # the file dialog's own settings were scanned too
    assert any(name.endswith(".ini") for name in written)
    assert QApplication.instance() is not None
