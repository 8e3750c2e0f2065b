"""The Privacy page as a practitioner uses it: close a client on the Journal page, the retention
reminder once the period has passed (a fake clock), erasing with the pseudonym typed in (a wrong
one refuses), older backups offered for deletion, the client gone from the lists and from
search; a client's access request as PDF and JSON holding that client's data only; the
retention periods and the record of processing."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from screen_tools import widget_texts

from supervision_journal.errors import KnownError
from supervision_journal.export import store as export_store
from supervision_journal.journal import store
from supervision_journal.journal.models import IdentityTerm
from supervision_journal.paths import default_backup_dir
from supervision_journal.privacy import retention
from supervision_journal.ui import tasks
from supervision_journal.ui.main_window import MainWindow
from supervision_journal.ui.privacy.erase_dialog import EraseDialog
from supervision_journal.ui.privacy.page import PrivacyPage

TODAY = date.today()
LATER = retention.add_years(TODAY, 10) + timedelta(days=2)  # past the default period


@pytest.fixture
def window(qtbot, vault) -> Iterator[MainWindow]:
    w = MainWindow(vault)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.flush()


def type_text(qtbot, widget: QWidget, text: str) -> None:
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                         char))


def privacy_page(window: MainWindow) -> PrivacyPage:
    page = window.findChild(PrivacyPage)
    assert page is not None
    return page


def add_clients(db) -> tuple[int, int]:
    azalee = store.add_client(db, "Azalée", started_on=TODAY - timedelta(days=60))
    store.add_session(db, azalee.id, TODAY - timedelta(days=1),
                      sections={"presenting": "zqazaleenote grief", "private": "zqazaleeprivate"})
    store.add_identity_term(db, azalee.id, IdentityTerm("Dupontel", "full_name"))
    other = store.add_client(db, "Bruyère", started_on=TODAY - timedelta(days=60))
    store.add_session(db, other.id, TODAY - timedelta(days=2),
                      sections={"presenting": "zqbruyerenote anger"})
    return azalee.id, other.id


def search(qtbot, window: MainWindow, text: str) -> list[int]:
    window.search_box.setText(text)
    window.search_panel.run_search()
    model = window.search_panel.model
    return [model.hit_at(row).client_id for row in range(model.rowCount())]


def test_close_reminder_on_a_fake_clock_then_erase(qtbot, window, vault, db) -> None:
    azalee, other = add_clients(db)
    window.clients_panel.refresh()
    assert window.clients_panel.select_client(azalee)
    window.close_client_action.trigger()  # "Close client" on the Journal page
    assert store.get_client(db, azalee).status == "closed"

    page = privacy_page(window)
    page.today = lambda: TODAY
    window.show_page("privacy")
    assert not page.due_tree.isVisibleTo(page)
    assert page.reminder.text() == "No closed client is past their retention period."

    page.today = lambda: LATER  # ten years and two days on
    page.refresh()
    assert page.due_tree.isVisibleTo(page)
    assert page.due_tree.topLevelItemCount() == 1
    row = page.due_tree.topLevelItem(0)
    assert row.text(0) == "Azalée"
    assert "1 session, 2 note sections" in row.text(4)
    assert "One closed client" in page.reminder.text()

    # A backup made before the erasure still holds the client: offered for deletion.
    made = vault.backup(default_backup_dir()).path
    page.now = lambda: datetime.now(UTC) + timedelta(seconds=5)
    page.due_tree.setCurrentItem(row)
    qtbot.mouseClick(page.due_erase_button, Qt.MouseButton.LeftButton)
    dialog = page.erase_dialog
    assert isinstance(dialog, EraseDialog) and dialog.isVisible()
    assert dialog.backup_list.count() == 1
    assert "made before the erasure still hold" in " ".join(
        label.text() for label in dialog.findChildren(type(dialog.message)))

    type_text(qtbot, dialog.confirm_edit, "Azalee")  # not the pseudonym, typed exactly
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    assert "Nothing was erased" in dialog.message.text()
    tasks.wait_for_all()
    assert store.get_client(db, azalee).pseudonym == "Azalée"
    assert made.exists()

    dialog.confirm_edit.selectAll()
    type_text(qtbot, dialog.confirm_edit, "Azalée")
    dialog.delete_backups_box.setChecked(True)
    assert dialog.erase_button.text() == "Erase and delete 1 backup"
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.erase_dialog is None, timeout=30_000)

    assert [c.id for c in store.list_clients(db)] == [other]
    assert not made.exists()
    assert "The client was erased." in page.status.text()
    assert "1 older backup was deleted." in page.status.text()
    assert page.due_tree.topLevelItemCount() == 0
    assert page.client_combo.findText("Azalée") < 0
    # The Journal page's lists and the search forget the client; the other one stays findable.
    window.show_page("journal")
    window.clients_panel.closed_button.setChecked(True)
    assert window.clients_panel.model.row_of(azalee) < 0
    assert window.search_panel.client_filter.findData(azalee) < 0
    assert search(qtbot, window, "zqazaleenote") == []
    assert search(qtbot, window, "zqbruyerenote") == [other]
    rows = [r for r in export_store.list_audit(db) if r.kind == "erasure"]
    assert len(rows) == 1


def test_anonymise_instead_keeps_reflections_without_the_name(qtbot, window, db) -> None:
    azalee, _other = add_clients(db)
    session = store.list_sessions(db, azalee)[0]
    store.add_reflection(db, "Azalée reminded me of my own grief", session_id=session.id,
                         client_id=azalee)
    page = privacy_page(window)
    window.show_page("privacy")
    assert page.select_client(azalee)
    qtbot.mouseClick(page.erase_button, Qt.MouseButton.LeftButton)
    dialog = page.erase_dialog
    assert dialog is not None
    dialog.anonymise_box.setChecked(True)
    type_text(qtbot, dialog.confirm_edit, "Azalée")
    qtbot.keyClick(dialog.confirm_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.erase_dialog is None, timeout=30_000)
    assert "anonymised: 1 reflection kept" in page.status.text()
    texts = [r.text for r in store.list_reflections(db)]
    assert texts == ["[client] reminded me of my own grief"]


def accept_file_dialog(qtbot, parent: QWidget, path: Path, prefix: str) -> None:
    dialog = parent.findChild(QFileDialog)
    assert dialog is not None
    assert set(dialog.history()) <= {str(Path.home())}  # no folder of an earlier export
    assert dialog.selectedFiles()[0].rsplit("/", 1)[-1].startswith(prefix)
    dialog.selectFile(str(path))
    dialog.accept()
    qtbot.waitUntil(lambda: not parent.busy and tasks.pending_count() == 0, timeout=30_000)


def test_access_export_writes_pdf_and_json_of_that_client_only(qtbot, window, db,
                                                              tmp_path) -> None:
    azalee, _other = add_clients(db)
    page = privacy_page(window)
    window.show_page("privacy")
    assert page.select_client(azalee)
    assert page.withheld_sections() == ("private",)  # the private notes, by default
    qtbot.mouseClick(page.access_button, Qt.MouseButton.LeftButton)
    accept_file_dialog(qtbot, page, tmp_path / "out.pdf", "access-")

    pdf = (tmp_path / "out.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    raw = (tmp_path / "out.json").read_text(encoding="utf-8")
    document = json.loads(raw)
    assert "zqazaleenote" in raw and "Azalée" in raw
    assert "zqbruyerenote" not in raw and "Bruyère" not in raw
    assert "zqazaleeprivate" not in raw  # withheld, and stated as such
    assert "private" in json.dumps(document.get("withheld", document))
    assert "PDF and JSON (1 session)" in page.status.text()
    if shutil.which("pdftotext"):  # the PDF's text too: this client's, no one else's
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(tmp_path / "out.pdf"), "-"],
                              check=True, capture_output=True, text=True).stdout
        assert "zqazaleenote" in text and "Azal" in text
        assert "zqbruyerenote" not in text and "zqazaleeprivate" not in text
    access_rows = [r for r in export_store.list_audit(db) if r.kind == "access"]
    assert sorted(r.format for r in access_rows) == ["json", "pdf"]
    hashes = {r.format: r.sha256 for r in access_rows}
    assert hashes["pdf"] == hashlib.sha256(pdf).hexdigest()
    assert hashes["json"] == hashlib.sha256(raw.encode("utf-8")).hexdigest()


def test_retention_periods_default_and_own(qtbot, window, db) -> None:
    azalee, _other = add_clients(db)
    page = privacy_page(window)
    window.show_page("privacy")
    page.default_years.setValue(5)
    qtbot.mouseClick(page.default_save, Qt.MouseButton.LeftButton)
    assert retention.default_years(db) == 5
    assert page.select_client(azalee)
    assert "5 years after the last session (the default)" in page.policy_label.text()

    page.client_years.setValue(20)
    qtbot.mouseClick(page.client_save, Qt.MouseButton.LeftButton)  # no reason: refused
    assert store.get_client(db, azalee).retention_years is None
    assert "reason" in page.status.text()
    type_text(qtbot, page.client_reason, "complaint pending")
    qtbot.mouseClick(page.client_save, Qt.MouseButton.LeftButton)
    client = store.get_client(db, azalee)
    assert (client.retention_years, client.retention_reason) == (20, "complaint pending")
    assert "own period: complaint pending" in page.policy_label.text()

    page.client_years.setValue(0)  # back to the default
    qtbot.mouseClick(page.client_save, Qt.MouseButton.LeftButton)
    assert store.get_client(db, azalee).retention_years is None


@pytest.mark.parametrize(("fmt", "lang"), [("md", "fr"), ("pdf", "en")])
def test_record_of_processing_and_notice_are_saved(qtbot, window, tmp_path, fmt, lang) -> None:
    page = privacy_page(window)
    window.show_page("privacy")
    page.document_lang.setCurrentIndex(page.document_lang.findData(lang))
    for document in ("record", "notice"):
        page.document_combo.setCurrentIndex(page.document_combo.findData(document))
        button = page.save_pdf_button if fmt == "pdf" else page.save_md_button
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        target = tmp_path / f"{document}.{fmt}"
        accept_file_dialog(qtbot, page, target,
                           "record-" if document == "record" else "privacy-notice-")
        data = target.read_bytes()
        if fmt == "pdf":
            assert data.startswith(b"%PDF")
        else:
            text = data.decode("utf-8")
            assert text.startswith("#")
            assert ("traitement" in text.lower()) or ("données" in text.lower())


def test_erasing_the_client_open_in_the_journal_clears_the_note(qtbot, window, db,
                                                               widget_text_dump) -> None:
    azalee, other = add_clients(db)
    session = store.list_sessions(db, azalee)[0]
    store.add_reflection(db, "zqazaleereflection", session_id=session.id, client_id=azalee)
    window.clients_panel.refresh()
    assert window.clients_panel.select_client(azalee)
    assert window.current_client_id() == azalee
    assert [t for t in widget_text_dump() if "zqazaleereflection" in t]  # shown beside it
    assert window.sessions_panel.current_session() is not None  # its note is open

    page = privacy_page(window)
    window.show_page("privacy")
    assert page.selected_client_id() == azalee  # the page follows the Journal's client
    qtbot.mouseClick(page.erase_button, Qt.MouseButton.LeftButton)
    dialog = page.erase_dialog
    assert dialog is not None
    type_text(qtbot, dialog.confirm_edit, "Azalée")
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.erase_dialog is None, timeout=30_000)

    assert window.current_client_id() is None
    assert window.sessions_panel.current_session() is None
    assert not [t for t in widget_text_dump()
                if "zqazalee" in t or "Azalée" in t or "Dupontel" in t]
    window.show_page("journal")
    qtbot.wait(50)
    assert window.error_box is None  # no failed save of a note that no longer exists
    assert [c.id for c in store.list_clients(db)] == [other]


def test_client_menu_and_ctrl_number_reach_the_privacy_page(qtbot, window, db) -> None:
    _azalee, other = add_clients(db)
    window.clients_panel.refresh()
    assert not window.privacy_action.isEnabled()  # no client selected yet
    assert window.clients_panel.select_client(other)
    assert window.privacy_action.isEnabled()
    window.privacy_action.trigger()  # Client › Retention, access request and erasure…
    assert window.current_page() == "privacy"
    assert privacy_page(window).selected_client_id() == other
    # Ctrl+1 goes back to the Journal; each page has its own Ctrl+number in the Go menu.
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == "journal"
    keys = [window.nav.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(window.nav.count())]
    number = keys.index("privacy") + 1
    qtbot.keyClick(window.clients_panel.view, Qt.Key(Qt.Key.Key_0 + number),
                   Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == "privacy"
    titles = [a.text() for a in window.go_menu.actions()]
    assert titles == [window.nav.item(row).text() for row in range(window.nav.count())]


def test_a_closed_erase_dialog_holds_no_pseudonym_before_it_is_deleted(qtbot, window, db
                                                                      ) -> None:
    # The dialog is deleteLater()'d: until the event loop runs, it is a live hidden widget.
    azalee, _other = add_clients(db)
    page = privacy_page(window)
    window.show_page("privacy")
    dialog = page.open_erase(azalee)
    assert dialog is not None
    type_text(qtbot, dialog.confirm_edit, "Azal")

    def texts() -> list[str]:
        return [t for w in [dialog, *dialog.findChildren(QWidget)] for t in widget_texts(w)
                if "Azal" in t]

    assert len(texts()) == 2  # the pseudonym shown, and the one being typed
    dialog.reject()  # no event processed after this line: the dialog still exists
    assert texts() == []


def test_lock_and_quit_wait_for_an_erasure_under_way(qtbot, window, db) -> None:
    azalee, _other = add_clients(db)
    page = privacy_page(window)
    window.show_page("privacy")
    assert page.select_client(azalee)
    window.flush()  # idle: nothing to wait for
    dialog = page.open_erase(azalee)
    assert dialog is not None
    dialog.busy = True  # as while the worker erases
    with pytest.raises(KnownError):
        window.flush()
    dialog.busy = False
    window.flush()
    dialog.reject()
