"""The Privacy screens, English and French, light and dark, as PNGs, with no clipped label:
the page with the retention reminder, the erase dialog with an older backup offered for
deletion.

The images go to ``$SJ_SCREENSHOTS`` when set (to look at them, or to refresh
``docs/screenshots/privacy-*.png``), else to a temporary folder.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QWidget
from screen_tools import clipped_labels, settle

from supervision_journal.journal import store
from supervision_journal.paths import default_backup_dir
from supervision_journal.privacy import retention
from supervision_journal.ui.main_window import MainWindow
from supervision_journal.ui.privacy.page import PrivacyPage


def test_privacy_screens(qtbot, vault, shots: Path, palette: str, language: str) -> None:
    db = vault.db
    today = date(2026, 11, 27)
    for name, last, closed in (("Heron-7", date(2015, 3, 2), date(2015, 6, 30)),
                               ("Kestrel-2", date(2014, 9, 15), date(2014, 10, 1)),
                               ("Wren-4", date(2026, 10, 20), None)):
        client = store.add_client(db, name, started_on=last - timedelta(days=200))
        for weeks in range(3):
            store.add_session(db, client.id, last - timedelta(weeks=weeks),
                              sections={"presenting": "…", "plan": "…"})
        if closed:
            store.update_client(db, client.id, status="closed", closed_on=closed)
    vault.backup(default_backup_dir())
    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.resize(1200, 860)
    window.show()
    qtbot.waitExposed(window)
    page = window.findChild(PrivacyPage)
    page.today = lambda: today
    page.now = lambda: datetime.now(UTC) + timedelta(seconds=5)
    window.show_page("privacy")
    page.refresh()
    assert page.due_tree.topLevelItemCount() == 2
    assert page.access_lang.currentData() == page.document_lang.currentData() == language
    assert retention.default_years(db) == 10
    settle(qtbot)
    qtbot.wait(30)
    suffix = f"{language}-{palette}"
    assert window.grab().save(str(shots / f"privacy-1-page-{suffix}.png"))
    assert clipped_labels(page) == []
    body = page.findChild(QWidget, "qt_scrollarea_viewport").findChildren(QWidget)[0]
    body.resize(900, body.heightForWidth(900) if body.hasHeightForWidth() else 1100)
    assert body.grab().save(str(shots / f"privacy-3-page-full-{suffix}.png"))

    page.due_tree.setCurrentItem(page.due_tree.topLevelItem(0))
    page.due_erase_button.click()
    dialog = page.erase_dialog
    assert dialog is not None
    dialog.confirm_edit.setText("Kest")
    dialog.adjustSize()
    qtbot.waitExposed(dialog)
    qtbot.wait(30)
    assert dialog.grab().save(str(shots / f"privacy-2-erase-dialog-{suffix}.png"))
    assert clipped_labels(dialog) == []
    dialog.reject()
    settle(qtbot)
