"""First run, driven like a person would: passphrase twice, create (the KDF in a worker), the
recovery code shown once, two groups typed back, then the main window. Also the demo vault."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox

from supervision_journal.journal import store
from supervision_journal.paths import vault_paths
from supervision_journal.ui import demo
from supervision_journal.ui.app import AppController, State
from supervision_journal.ui.first_run import (
    FirstRunWizard,
    Strength,
    estimate_strength,
    normalise_group,
    paint_recovery_sheet,
)
from supervision_journal.ui.lock import LockManager
from supervision_journal.ui.settings import Settings
from supervision_journal.vault import recovery_code
from supervision_journal.vault.vault import Vault

GOOD = "quiet river under seven lamps"


# -- the strength estimate --------------------------------------------------------------------

@pytest.mark.parametrize("text", ["", "password", "Password123!", "azerty", "motdepasse2024",
                                  "aaaaaaaaaaaaaaaaaaaa", "abababababababab", "Xk9#", "kdjfhgie",
                                  "Supervision", "12345678"])
def test_weak_passphrases(text: str) -> None:
    assert estimate_strength(text).level == Strength.WEAK


@pytest.mark.parametrize("text", ["sunflower1984", "Tr0ub4dor&3", "kdjfhgiepwmz"])
def test_fair_passphrases(text: str) -> None:
    assert estimate_strength(text).level == Strength.FAIR


@pytest.mark.parametrize("text", [GOOD, "correct horse battery staple", "Élan-vital;Mer=7 ciel!"])
def test_strong_passphrases(text: str) -> None:
    assert estimate_strength(text).level == Strength.STRONG


def test_common_password_is_flagged_as_common() -> None:
    assert estimate_strength("Azerty!").common
    assert not estimate_strength(GOOD).common


def test_strength_grows_with_length() -> None:
    bits = [estimate_strength("river lamp seven quiet"[:n]).bits for n in (10, 14, 18, 22)]
    assert bits == sorted(bits) and bits[0] < bits[-1]


def test_normalise_group_accepts_lookalikes_and_case() -> None:
    assert normalise_group(" ab0 1c ") == "AB01C"
    assert normalise_group("aboic") == "AB01C"
    assert normalise_group("L-x") == "1X"


# -- the wizard ---------------------------------------------------------------------------------

def _controller(tmp_path: Path) -> AppController:
    settings = Settings()
    manager = LockManager(session_bus=None, system_bus=None)
    return AppController(tmp_path / "vault", settings, lock_manager=manager)


@pytest.fixture
def controller(qtbot, tmp_path: Path):
    c = _controller(tmp_path)
    yield c
    c.shutdown()


def create_through_wizard(qtbot, wizard: FirstRunWizard, passphrase: str = GOOD) -> None:
    form = wizard.passphrase_form
    qtbot.keyClicks(form.first, passphrase)
    assert not wizard.create_button.isEnabled()  # the second field is still empty
    qtbot.keyClicks(form.second, passphrase)
    assert wizard.create_button.isEnabled()
    qtbot.mouseClick(wizard.create_button, Qt.MouseButton.LeftButton)
    # Both fields are cleared as soon as the passphrase was read.
    assert form.first.text() == "" and form.second.text() == ""
    qtbot.waitUntil(lambda: wizard.stack.currentIndex() == wizard.PAGE_CODE, timeout=20_000)


def confirm_groups(qtbot, wizard: FirstRunWizard) -> None:
    qtbot.mouseClick(wizard.kept_button, Qt.MouseButton.LeftButton)
    assert wizard.stack.currentIndex() == wizard.PAGE_CHECK
    for field, index in zip(wizard.check_fields, wizard.asked_groups, strict=True):
        qtbot.keyClicks(field, wizard.group(index).lower())
    assert wizard.finish_button.isEnabled()
    qtbot.mouseClick(wizard.finish_button, Qt.MouseButton.LeftButton)


def test_first_run_creates_the_vault_and_opens_the_main_window(qtbot, controller) -> None:
    controller.start()
    assert controller.state == State.FIRST_RUN
    wizard = controller.wizard
    assert wizard is not None and wizard.isVisible()
    assert wizard.windowTitle() == "Supervision Journal"
    create_through_wizard(qtbot, wizard)
    assert vault_paths(controller.folder).exists()
    groups = [wizard.group(i) for i in range(recovery_code.GROUPS)]
    code = "-".join(groups)
    assert recovery_code.normalise(code)  # a well-formed code with valid check characters
    confirm_groups(qtbot, wizard)
    qtbot.waitUntil(lambda: controller.state == State.UNLOCKED)
    assert controller.main_window is not None and controller.main_window.isVisible()
    assert not wizard.isVisible()
    # The code shown is the vault's real recovery code.
    controller.shutdown()
    reopened = Vault.open_with_recovery(controller.folder, code)
    reopened.close()
    # And the passphrase typed twice opens it too.
    Vault.open(controller.folder, GOOD).close()


def test_wrong_groups_do_not_finish(qtbot, controller) -> None:
    controller.start()
    wizard = controller.wizard
    create_through_wizard(qtbot, wizard)
    qtbot.mouseClick(wizard.kept_button, Qt.MouseButton.LeftButton)
    first, second = wizard.asked_groups
    other = next(i for i in range(recovery_code.GROUPS) if i not in (first, second))
    qtbot.keyClicks(wizard.check_fields[0], wizard.group(first))
    qtbot.keyClicks(wizard.check_fields[1], wizard.group(other))
    assert not wizard.finish_button.isEnabled()
    assert "does not match" in wizard.check_status.text()
    wizard.check_fields[1].returnPressed.emit()
    assert controller.state == State.FIRST_RUN
    # "Show the code again" goes back to the code, which is still on screen.
    qtbot.mouseClick(wizard.show_again_button, Qt.MouseButton.LeftButton)
    assert wizard.stack.currentIndex() == wizard.PAGE_CODE
    assert wizard.group(first)


def test_the_two_asked_groups_vary(qtbot, controller) -> None:
    controller.start()
    wizard = controller.wizard
    create_through_wizard(qtbot, wizard)
    seen = set()
    for _ in range(30):
        qtbot.mouseClick(wizard.kept_button, Qt.MouseButton.LeftButton)
        asked = tuple(wizard.asked_groups)
        assert len(set(asked)) == 2 and all(0 <= i < recovery_code.GROUPS for i in asked)
        seen.add(asked)
        qtbot.mouseClick(wizard.show_again_button, Qt.MouseButton.LeftButton)
    assert len(seen) > 3


def test_weak_or_different_passphrases_cannot_create(qtbot, tmp_path: Path) -> None:
    wizard = FirstRunWizard(tmp_path / "v")
    qtbot.addWidget(wizard)
    form = wizard.passphrase_form
    qtbot.keyClicks(form.first, "password1")
    qtbot.keyClicks(form.second, "password1")
    assert not wizard.create_button.isEnabled()
    assert "weak" in form.strength.text()
    form.first.clear()
    form.second.clear()
    qtbot.keyClicks(form.first, GOOD)
    qtbot.keyClicks(form.second, GOOD + "x")
    assert not wizard.create_button.isEnabled()
    assert "differ" in form.match.text()
    wizard.create_vault()
    assert not vault_paths(tmp_path / "v").exists()


def test_creation_failure_is_shown_and_nothing_is_overwritten(qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "v"
    Vault.create(folder, "an existing journal here")[0].close()
    before = vault_paths(folder).keys.read_bytes()
    wizard = FirstRunWizard(folder)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClicks(wizard.passphrase_form.first, GOOD)
    qtbot.keyClicks(wizard.passphrase_form.second, GOOD)
    qtbot.mouseClick(wizard.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(wizard.create_error.isVisible)
    assert wizard.stack.currentIndex() == wizard.PAGE_PASSPHRASE
    assert "could not be created" in wizard.create_error.text()
    assert vault_paths(folder).keys.read_bytes() == before


def test_recovery_sheet_paints_every_group(qtbot) -> None:
    groups = recovery_code.format_groups(recovery_code.generate())
    image = QImage(600, 850, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    paint_recovery_sheet(painter, QRectF(0, 0, 600, 850), groups, "Title", ["A line of text."])
    painter.end()
    dark_rows = {y for y in range(0, 850, 2) for x in range(0, 600, 3)
                 if image.pixelColor(x, y).lightness() < 128}
    # Title, text and seven code rows leave ink well down the page.
    assert len(dark_rows) > 60
    assert max(dark_rows) > 400


def test_print_goes_through_the_print_dialog_and_warns_on_files(qtbot, tmp_path: Path,
                                                                 monkeypatch) -> None:
    from supervision_journal.ui import first_run

    wizard = FirstRunWizard(tmp_path / "v")
    qtbot.addWidget(wizard)
    wizard._groups = recovery_code.format_groups(recovery_code.generate())
    target = tmp_path / "chosen-by-the-user.pdf"
    calls: list[str] = []

    class FakePrintDialog:
        def __init__(self, printer, parent) -> None:
            self.printer = printer

        def setWindowTitle(self, title: str) -> None:
            pass

        def exec(self) -> QDialog.DialogCode:
            # The user picks "Print to file" in the dialog: the app never chooses a file.
            self.printer.setOutputFileName(str(target))
            calls.append("dialog")
            return QDialog.DialogCode.Accepted

    def fake_warning(*args, **kwargs):
        calls.append("warning")
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(first_run, "QPrintDialog", FakePrintDialog)
    monkeypatch.setattr(first_run.QMessageBox, "warning", fake_warning)
    wizard.print_code()
    assert calls == ["dialog", "warning"]
    assert target.stat().st_size > 1000

    # Cancelling the warning prints nothing.
    target.unlink()
    monkeypatch.setattr(first_run.QMessageBox, "warning",
                        lambda *a, **k: QMessageBox.StandardButton.Cancel)
    wizard.print_code()
    assert not target.exists()


# -- the demo vault -----------------------------------------------------------------------------

DEMO_DOC = {
    "format": "supervision-journal", "version": 1,
    "clients": [{"pseudonym": "Demo Client A", "started_on": "2024-01-10"}],
}


@pytest.fixture
def demo_data(monkeypatch):
    """The demo file from resources when it is installed, else a small stand-in."""
    try:
        demo.demo_document("en")
    except demo.DemoDataMissing:
        monkeypatch.setattr(demo, "demo_document", lambda language: json.loads(
            json.dumps(DEMO_DOC)))
    return None


def test_demo_button_opens_a_separate_demo_vault(qtbot, controller, demo_data) -> None:
    controller.start()
    wizard = controller.wizard
    assert wizard.demo_button.isVisible()
    qtbot.mouseClick(wizard.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.state == State.UNLOCKED, timeout=20_000)
    window = controller.main_window
    assert window.property(demo.DEMO_PROPERTY) is True
    banner = window.findChild(QLabel, "demoBanner")
    assert banner is not None and banner.isVisible()
    assert "Demo vault" in banner.text()
    # The real vault was not created; the demo lives in the data folder's "demo".
    assert not vault_paths(controller.folder.parent / "vault").exists()
    assert controller.folder == demo.demo_vault_dir()
    assert vault_paths(demo.demo_vault_dir()).exists()
    assert store.list_clients(controller.vault.db)
    # Locking asks for the demo passphrase, and says so.
    assert controller.lock()
    assert "“demo”" in " ".join(w.text() for w in controller.unlock_window.findChildren(QLabel))
    qtbot.keyClicks(controller.unlock_window.passphrase_field, demo.DEMO_PASSPHRASE)
    qtbot.mouseClick(controller.unlock_window.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.state == State.UNLOCKED, timeout=20_000)
    assert controller.main_window.property(demo.DEMO_PROPERTY) is True


def test_demo_flag_opens_the_demo_vault_directly_and_reopens_it(qtbot, tmp_path: Path,
                                                                demo_data) -> None:
    for _ in range(2):  # created the first time, reopened the second
        c = AppController(tmp_path / "vault", Settings(), demo_mode=True,
                          lock_manager=LockManager(session_bus=None, system_bus=None))
        c.start()
        assert c.state == State.OPENING_DEMO
        qtbot.waitUntil(lambda c=c: c.state == State.UNLOCKED, timeout=20_000)
        assert c.main_window.property(demo.DEMO_PROPERTY) is True
        clients = store.list_clients(c.vault.db)
        c.shutdown()
        assert len(clients) == len(demo.demo_document("en")["clients"])


def test_missing_demo_data_is_reported_and_nothing_is_left(qtbot, controller,
                                                           monkeypatch) -> None:
    def missing(language: str):
        raise demo.DemoDataMissing("The demo data is not installed with this copy of the app.")

    monkeypatch.setattr(demo, "demo_document", missing)
    controller.start()
    wizard = controller.wizard
    qtbot.mouseClick(wizard.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(wizard.create_error.isVisible)
    assert "demo journal could not be opened" in wizard.create_error.text()
    assert controller.state == State.FIRST_RUN
    assert not vault_paths(demo.demo_vault_dir()).exists()


def test_closing_the_wizard_quits(qtbot, controller) -> None:
    controller.start()
    controller.wizard.close()
    assert controller.state == State.STOPPED
    assert not vault_paths(controller.folder).exists()


def test_closing_after_creation_asks_then_closes_the_vault(qtbot, controller,
                                                           monkeypatch) -> None:
    from supervision_journal.ui import first_run

    controller.start()
    wizard = controller.wizard
    create_through_wizard(qtbot, wizard)
    vault = wizard._vault
    asked: list[str] = []

    def answer(parent, title, text, buttons, default):
        asked.append(text)
        return QMessageBox.StandardButton.Cancel if len(asked) == 1 else \
            QMessageBox.StandardButton.Close

    monkeypatch.setattr(first_run.QMessageBox, "question", answer)
    wizard.close()  # first answer: Cancel
    assert wizard.isVisible() and controller.state == State.FIRST_RUN
    assert "will not be shown again" in asked[0]
    wizard.close()  # second answer: Close
    assert controller.state == State.STOPPED
    assert vault.db.closed
