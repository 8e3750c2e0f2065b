"""Every backups screen, light and dark, as PNGs; their labels fit; and every visible text goes
through Qt's translation (a bracketed catalogue made by lupdate from ui/backups/).

The images go to ``$SJ_SCREENSHOTS`` when set (to look at them, or to refresh
``docs/screenshots/backups-*.png``), else to a temporary folder.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QWidget,
)
from screen_tools import clipped_labels, set_translation, settle

import supervision_journal.ui.backups as backups_package
from supervision_journal.journal import store
from supervision_journal.paths import default_backup_dir
from supervision_journal.ui.backups import state
from supervision_journal.ui.backups.notices import BackupBanners
from supervision_journal.ui.backups.page import BackupsPage
from supervision_journal.ui.backups.restore_dialog import RestoreDialog
from supervision_journal.ui.backups.runner import Job, Outcome
from supervision_journal.ui.backups.unlock_support import BackupOffer, DamagedVault
from supervision_journal.ui.main_window import MainWindow
from supervision_journal.ui.unlock import UnlockWindow
from supervision_journal.vault import backup, keys
from supervision_journal.vault.vault import Vault

PASSPHRASE = "correct horse battery staple"


def grab(qtbot, widget: QWidget, folder: Path, name: str, *, adjust: bool = True) -> Path:
    widget.show()
    qtbot.waitExposed(widget)
    if adjust:
        widget.adjustSize()
    qtbot.wait(30)
    path = folder / f"{name}.png"
    assert widget.grab().save(str(path))
    assert clipped_labels(widget) == [], name
    return path


def seeded_window(qtbot, vault: Vault, *, synced: bool = False) -> MainWindow:
    """A main window whose Backups page lists three backups: verified, not checked here, and
    one whose check failed; a restore test is due."""
    store.add_client(vault.db, "Heron-7", "2024-02-01")
    key = keys.unlock_passphrase(keys.load_keyfile(vault.paths.keys), PASSPHRASE)
    now = datetime.now(UTC)
    made = [backup.create_backup(vault.paths, vault.keyfile, key, default_backup_dir(),
                                 now=lambda d=d: now - timedelta(days=d, minutes=7))
            for d in (9, 2, 1)]
    state.record_verified(vault.db, made[2].path.name, now - timedelta(days=1, minutes=6))
    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_page("backups")
    page = window.findChild(BackupsPage)
    page._failed_checks[made[0].path.name] = page.tr("Damaged: cannot be restored")
    page.runner.refresh()
    settle(qtbot)
    page._finished(Outcome(Job.VERIFY, path=made[2].path, info=backup.BackupInfo(
        made[2].path, made[2].created_at, made[2].vault_id, made[2].size,
        {"client": 1, "session": 0})))
    settle(qtbot)
    return window


def test_backups_screens(qtbot, vault, tmp_path: Path, shots: Path, palette: str,
                         isolated_home: Path) -> None:
    suffix = f"en-{palette}"
    window = seeded_window(qtbot, vault)
    window.resize(1200, 820)
    page = window.findChild(BackupsPage)
    assert page.table.topLevelItemCount() == 3
    grab(qtbot, window, shots, f"backups-1-page-{suffix}", adjust=False)
    body = page.findChild(QWidget, "qt_scrollarea_viewport").findChildren(QWidget)[0]
    body.resize(900, body.heightForWidth(900) if body.hasHeightForWidth() else 1000)
    assert body.grab().save(str(shots / f"backups-2-page-full-{suffix}.png"))

    page.table.setCurrentItem(page.table.topLevelItem(0))
    page.table.topLevelItem(0).setSelected(True)
    page.restore_in_place_requested.connect(lambda _r: None)  # as the controller does
    dialog = page.restore_selected()
    assert isinstance(dialog, RestoreDialog)
    grab(qtbot, dialog, shots, f"backups-3-restore-dialog-{suffix}")
    dialog.reject()

    # The journal page with the three banners: synced vault, failed backup, restore test.
    state.record_failure(vault.db, datetime.now(UTC) - timedelta(hours=15),
                         state.Trigger.QUIT, state.FailureKind.DISK_FULL)
    banners = window.findChild(BackupBanners)
    banners.placement.set_text(
        "Your journal is in a folder synced by Dropbox",
        "Sync clients copy the journal's database and its write-ahead log as separate files, "
        "at different moments: the copy, or the journal itself when the client writes it "
        "back, can be corrupted. To move it, quit the app and move the folder "
        "“/home/ana/Dropbox/journal” to a local folder that is not synced, then start the "
        "app with “supervision-journal --vault NEW-FOLDER”. Backups may go to a synced "
        "folder: each one is a single encrypted file.")
    banners.placement.show()
    banners.update()
    window.show_page("journal")
    grab(qtbot, window, shots, f"backups-4-banners-{suffix}", adjust=False)

    # The unlock window: synced folder, then a damaged journal with a backup offered.
    synced = isolated_home / "Dropbox" / "journal"
    Vault.create(synced, PASSPHRASE)[0].close()
    unlock = UnlockWindow(synced)
    qtbot.addWidget(unlock)
    assert not unlock.placement_notice.isHidden()
    grab(qtbot, unlock, shots, f"backups-5-unlock-synced-{suffix}")
    unlock.close()
    closed = tmp_path / "damaged"
    Vault.create(closed, PASSPHRASE)[0].close()
    unlock = UnlockWindow(closed)
    qtbot.addWidget(unlock)
    newest = backup.list_backups(default_backup_dir())[0]
    unlock.show_problem(DamagedVault("x", BackupOffer(default_backup_dir(), newest, 3)))
    assert not unlock.restore_offer.isHidden()
    grab(qtbot, unlock, shots, f"backups-6-unlock-offer-{suffix}")
    unlock.close()
    settle(qtbot)


# -- every visible text goes through tr -------------------------------------------------------

NOT_LANGUAGE = re.compile(r"^(|Supervision Journal|/.*|\d[\d.,]* ?[KMG]?i?B|"
                          r"\d{1,2} \w{3} \d{4}( \d\d:\d\d)?)$", re.DOTALL)


@pytest.fixture(scope="module")
def bracketed_catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import subprocess

    tool = Path(PySide6.__path__[0]) / "lupdate"
    release = Path(PySide6.__path__[0]) / "lrelease"
    if not tool.exists() or not release.exists():
        pytest.skip("lupdate/lrelease are not installed")
    folder = tmp_path_factory.mktemp("i18n")
    ts = folder / "backups.ts"
    sources = sorted(str(p) for p in Path(backups_package.__file__).parent.glob("*.py"))
    subprocess.run([str(tool), *sources, "-ts", str(ts)], check=True, capture_output=True)
    tree = ET.parse(ts)
    count = 0
    for message in tree.getroot().iter("message"):
        set_translation(message, f"⟦{message.findtext('source')}⟧")
        count += 1
    assert count > 80, count
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    qm = folder / "backups.qm"
    subprocess.run([str(release), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    return qm


@pytest.fixture
def bracketed(bracketed_catalogue: Path) -> Iterator[None]:
    translator = QTranslator()
    assert translator.load(str(bracketed_catalogue))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def visible_texts(root: QWidget) -> list[str]:
    texts = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QTreeWidget):
            header = widget.headerItem()
            texts += [header.text(i) for i in range(header.columnCount())]
            for row in range(widget.topLevelItemCount()):
                texts.append(widget.topLevelItem(row).text(2))
        if widget.toolTip():
            texts.append(widget.toolTip())
        if widget.isWindow():
            texts.append(widget.windowTitle())
    return texts


def untranslated(texts: list[str]) -> list[str]:
    return [t for t in (x.strip() for x in texts)
            if not NOT_LANGUAGE.match(t) and not t.startswith(("⟦", "&⟦"))
            and t not in {"OK", "Cancel", "Close"}]


def test_every_visible_backups_text_goes_through_tr(qtbot, vault, tmp_path, bracketed,
                                                    isolated_home) -> None:
    window = seeded_window(qtbot, vault)
    page = window.findChild(BackupsPage)
    problems: dict[str, list[str]] = {}

    def check(name: str, root: QWidget) -> None:
        found = untranslated(visible_texts(root))
        if found:
            problems[name] = found

    check("page", page)
    page.restore_in_place_requested.connect(lambda _r: None)
    page.table.setCurrentItem(page.table.topLevelItem(0))
    page.table.topLevelItem(0).setSelected(True)
    dialog = page.restore_selected()
    check("restore dialog", dialog)
    dialog.reject()
    state.record_failure(vault.db, datetime.now(UTC), state.Trigger.DAILY,
                         state.FailureKind.FOLDER_MISSING)
    banners = window.findChild(BackupBanners)
    banners.update()
    check("banners", banners.area)
    synced = isolated_home / "Dropbox" / "journal"
    Vault.create(synced, PASSPHRASE)[0].close()
    unlock = UnlockWindow(synced)
    qtbot.addWidget(unlock)
    unlock.show()
    check("unlock: placement", unlock.placement_notice)
    newest = backup.list_backups(default_backup_dir())[0]
    for offer in (BackupOffer(default_backup_dir(), newest, 2),
                  BackupOffer(default_backup_dir(), None, 2),
                  BackupOffer(default_backup_dir(), None, 0)):
        unlock.show_problem(DamagedVault("x", offer))
        check(f"unlock: offer {offer.found} {offer.backup is not None}", unlock.restore_offer)
    unlock.close()
    assert problems == {}
    assert page.isVisible() and Qt  # the walk saw live widgets
