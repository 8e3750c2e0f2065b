"""Grab every shell screen, light and dark (and French when its catalogue exists), as PNGs.

The images go to ``$SJ_SCREENSHOTS`` when set (to look at them, or to refresh
``docs/screenshots/``), else to a temporary folder. The test checks what a grab can check: each
screen renders, has a sensible size, and its labels fit (no label cut short).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from supervision_journal.errors import VaultCorrupt
from supervision_journal.ui import i18n, theme
from supervision_journal.ui.about import AboutDialog
from supervision_journal.ui.crash import CrashDialog
from supervision_journal.ui.first_run import FirstRunWizard
from supervision_journal.ui.settings import Settings
from supervision_journal.ui.settings_dialog import SettingsDialog
from supervision_journal.ui.unlock import UnlockWindow
from supervision_journal.vault import recovery_code
from supervision_journal.vault.vault import Vault


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("SJ_SCREENSHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(params=["light", "dark"])
def palette(request: pytest.FixtureRequest) -> Iterator[str]:
    app = QApplication.instance()
    original = QPalette(QGuiApplication.palette())
    if request.param == "dark":
        app.setPalette(theme.dark_palette())
    yield request.param
    app.setPalette(original)


LANGUAGES = ["en"] + (["fr"] if i18n.catalogue_path("fr") else [])


@pytest.fixture(params=LANGUAGES)
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    i18n.install(request.param)
    yield request.param
    i18n.install("en")


def clipped_labels(root: QWidget) -> list[str]:
    """Visible labels whose text needs more room than they were given."""
    bad = []
    for label in root.findChildren(QLabel):
        if not label.isVisibleTo(root) or not label.text():
            continue
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            if needed > label.height() + 1:
                bad.append(label.text()[:40])
        elif label.sizeHint().width() > label.width() + 1:
            bad.append(label.text()[:40])
    return bad


def grab(qtbot, widget: QWidget, folder: Path, name: str) -> Path:
    widget.show()
    qtbot.waitExposed(widget)
    widget.adjustSize()
    qtbot.wait(20)
    path = folder / f"{name}.png"
    assert widget.grab().save(str(path))
    size = widget.size()
    assert 280 <= size.width() <= 1400 and 120 <= size.height() <= 1000
    assert clipped_labels(widget) == [], name
    return path


def test_shell_screens(qtbot, tmp_path: Path, shots: Path, palette: str,
                       language: str) -> None:
    suffix = f"{language}-{palette}"
    made: list[Path] = []

    def keep(widget: QWidget, name: str, prepare: Callable[[], None] | None = None) -> None:
        if prepare is not None:
            prepare()
        made.append(grab(qtbot, widget, shots, f"{name}-{suffix}"))

    wizard = FirstRunWizard(tmp_path / "new", demo_opener=lambda: None)  # type: ignore[arg-type]
    qtbot.addWidget(wizard)
    wizard.passphrase_form.first.setText("seven quiet lamps")
    wizard.passphrase_form.second.setText("seven quiet lamps")
    keep(wizard, "first-run-1-passphrase")
    wizard._show_busy(wizard.tr("Creating your journal…"), wizard.tr(
        "This takes a few seconds: the key is derived slowly on purpose, so that guessing "
        "your passphrase is slow too."))
    keep(wizard, "first-run-2-creating")
    wizard._groups = recovery_code.format_groups(recovery_code.generate())
    for label, group in zip(wizard.group_labels, wizard._groups, strict=True):
        label.setText(group)
    wizard.stack.setCurrentIndex(wizard.PAGE_CODE)
    keep(wizard, "first-run-3-recovery-code")
    wizard._ask_groups()
    wizard.check_fields[0].setText(wizard._groups[wizard.asked_groups[0]])
    keep(wizard, "first-run-4-check")
    wizard._closing_done = True
    wizard.close()

    folder = tmp_path / "vault"
    Vault.create(folder, "correct horse battery staple")[0].close()
    unlock = UnlockWindow(folder)
    qtbot.addWidget(unlock)
    unlock.message.setText(unlock.tr(
        "Wrong passphrase. Check that Caps Lock is off and that the keyboard layout is the "
        "usual one, then try again."))
    keep(unlock, "unlock-1-wrong-passphrase")
    unlock._session_failures = 5
    from datetime import UTC, datetime
    unlock._session_last = datetime.now(UTC)
    unlock.refresh_delay()
    keep(unlock, "unlock-2-delay")
    unlock._session_failures = 0
    unlock.refresh_delay()
    unlock.show_recovery()
    keep(unlock, "unlock-3-recovery")
    unlock.stack.setCurrentIndex(unlock.PAGE_NEW_PASSPHRASE)
    keep(unlock, "unlock-4-new-passphrase")
    unlock.show_problem(VaultCorrupt("x"))
    keep(unlock, "unlock-5-damaged")
    unlock.close()

    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    keep(dialog, "settings")
    dialog.close()
    about = AboutDialog(folder)
    qtbot.addWidget(about)
    keep(about, "about")
    about.close()
    crash = CrashDialog("3F9A12C0", "Supervision Journal 0.1.0, error id 3F9A12C0")
    qtbot.addWidget(crash)
    keep(crash, "crash")
    crash.close()

    # The main window as the demo shows it, with its banner (the window itself is not ours).
    from supervision_journal.journal import store
    from supervision_journal.ui.demo import mark_main_window
    from supervision_journal.ui.main_window import MainWindow

    with Vault.open(folder, "correct horse battery staple") as vault:
        for pseudonym in ("Client A (fictional)", "Client B (fictional)"):
            client = store.add_client(vault.db, pseudonym, "2024-01-15")
            store.add_session(vault.db, client.id, "2024-02-02")
        window = MainWindow(vault)
        qtbot.addWidget(window)
        mark_main_window(window)
        window.resize(1000, 640)
        window.show()
        qtbot.waitExposed(window)
        path = shots / f"main-window-demo-{suffix}.png"
        assert window.grab().save(str(path))
        made.append(path)
        window.close()
    assert len(made) == 13 and all(p.stat().st_size > 2000 for p in made)
