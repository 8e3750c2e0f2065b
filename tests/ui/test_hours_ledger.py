"""The Hours page's ledger, driven from the keyboard on a real vault: add, edit, duplicate,
recurring entries, delete and undo, filters and totals, evidence attachments viewed without a
plaintext copy on disk, entries owned by a supervision session."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QWidget

from helpers.hours_support import DEMO_TODAY, populate_ledger
from supervision_journal.errors import KnownError
from supervision_journal.hours import store
from supervision_journal.journal import store as journal
from supervision_journal.ui.hours import files
from supervision_journal.ui.hours.activity_dialog import ActivityDialog
from supervision_journal.ui.hours.evidence import HAVE_QTPDF, EvidenceViewer
from supervision_journal.ui.hours.page import HoursPage
from supervision_journal.ui.hours.recurring_dialog import RecurringDialog

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def page(qtbot, vault) -> Iterator[HoursPage]:
    p = HoursPage(vault, today=DEMO_TODAY)
    qtbot.addWidget(p)
    p.resize(1180, 760)
    p.show()
    qtbot.waitExposed(p)
    p.activateWindow()
    qtbot.waitUntil(p.isActiveWindow)
    p.tabs.setCurrentWidget(p.ledger)
    p.ledger.view.setFocus()
    yield p
    p.close()  # before the vault fixture closes the database


def focus(qtbot, start: QWidget, target: QWidget, limit: int = 60) -> None:
    """Press Tab until ``target`` has the focus (a keyboard user's way there)."""
    for _ in range(limit):
        if QApplication.focusWidget() is target:
            return
        qtbot.keyClick(QApplication.focusWidget() or start, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target.accessibleName()!r}")


def type_into(qtbot, dialog: QWidget, target: QWidget, text: str) -> None:
    focus(qtbot, dialog, target)
    qtbot.keyClicks(target, text)


def open_dialog(qtbot, page: HoursPage, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(page.ledger.view, key, modifier)
    qtbot.waitUntil(lambda: page.ledger.dialog is not None and page.ledger.dialog.isVisible())
    dialog = page.ledger.dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                    and QApplication.focusWidget().window() is dialog)
    return dialog


def save(qtbot, page: HoursPage, dialog: QWidget) -> None:
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert page.ledger.dialog is None


def test_add_an_activity_by_keyboard_only(qtbot, page, db) -> None:
    dialog = open_dialog(qtbot, page, Qt.Key.Key_Insert)
    assert isinstance(dialog, ActivityDialog)
    assert QApplication.focusWidget() is dialog.kind
    qtbot.keyClicks(dialog.kind, "Tr")
    assert dialog.kind.currentData() == "training"
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.date_edit
    qtbot.keyClicks(dialog.date_edit, "20260516")
    type_into(qtbot, dialog, dialog.duration, "6:45")
    assert dialog.duration_hint.text() == "6.75 h"
    focus(qtbot, dialog, dialog.format)
    qtbot.keyClicks(dialog.format, "G")  # Group
    type_into(qtbot, dialog, dialog.group_size, "18")
    type_into(qtbot, dialog, dialog.title, "Working with shame")
    type_into(qtbot, dialog, dialog.provider, "Metanoia Institute")
    focus(qtbot, dialog, dialog.accredited)
    qtbot.keyClicks(dialog.accredited, "Y")
    ethics = dialog.tag_boxes["ethics"]
    focus(qtbot, dialog, ethics)
    qtbot.keyClick(ethics, Qt.Key.Key_Space)
    type_into(qtbot, dialog, dialog.other_tags, "shame, Trauma")
    type_into(qtbot, dialog, dialog.learning, "Name shame early.")
    type_into(qtbot, dialog, dialog.impact, "I ask about it at assessment.")
    save(qtbot, page, dialog)

    [stored] = store.list_activities(db)
    assert (stored.kind, stored.date, stored.minutes) == ("training", date(2026, 5, 16), 405)
    assert (stored.format, stored.group_size, stored.accredited) == ("group", 18, True)
    assert (stored.title, stored.provider) == ("Working with shame", "Metanoia Institute")
    assert set(stored.categories) == {"ethics", "shame", "Trauma"}
    assert (stored.learning, stored.impact) == ("Name shame early.",
                                                 "I ask about it at assessment.")
    assert page.ledger.current_activity() == stored
    assert page.ledger.totals.text() == "1 entry · 6:45 (6.8 h)"


def test_a_bad_duration_is_refused_and_nothing_is_written(qtbot, page, db) -> None:
    dialog = open_dialog(qtbot, page, Qt.Key.Key_Insert)
    type_into(qtbot, dialog, dialog.duration, "1:75")
    assert dialog.duration_hint.text() == "not a duration"
    qtbot.keyClick(dialog.duration, Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible() and dialog.error.isVisible()
    assert QApplication.focusWidget() is dialog.duration
    assert store.list_activities(db) == []
    qtbot.keyClick(dialog.duration, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert store.list_activities(db) == []


def test_edit_with_enter(qtbot, page, db) -> None:
    a = store.add_activity(db, "reading", date(2026, 3, 1), 60, title="Yalom")
    page.reload()
    page.ledger.view.setFocus()
    page.ledger.select_row(0)
    dialog = open_dialog(qtbot, page, Qt.Key.Key_Return)
    assert dialog.title.text() == "Yalom"
    dialog.duration.selectAll()
    type_into(qtbot, dialog, dialog.duration, "2:30")
    save(qtbot, page, dialog)
    assert store.get_activity(db, a.id).minutes == 150
    assert page.model.activity(0).minutes == 150
    assert "2:30" in page.ledger.totals.text()


def test_duplicate_with_ctrl_d(qtbot, page, db) -> None:
    original = store.add_activity(db, "supervision", date(2026, 3, 3), 90, format="group",
                                  group_size=4, facilitated=True, provider="Dr Hart",
                                  categories=["ethics"])
    page.reload()
    page.ledger.view.setFocus()
    page.ledger.select_row(0)
    dialog = open_dialog(qtbot, page, Qt.Key.Key_D, CTRL)
    # The copy starts on its date: the one field that usually changes.
    assert QApplication.focusWidget() is dialog.date_edit
    qtbot.keyClicks(dialog.date_edit, "20260317")
    save(qtbot, page, dialog)
    first, copy = store.list_activities(db)
    assert first == original
    assert copy.id != original.id and copy.date == date(2026, 3, 17)
    assert (copy.kind, copy.minutes, copy.format, copy.group_size, copy.facilitated,
            copy.provider, copy.categories) == ("supervision", 90, "group", 4, True, "Dr Hart",
                                                ("ethics",))
    assert page.ledger.current_activity() == copy
    assert page.model.rowCount() == 2


def _recurring(qtbot, page: HoursPage) -> RecurringDialog:
    dialog = open_dialog(qtbot, page, Qt.Key.Key_R, CTRL)
    assert isinstance(dialog, RecurringDialog)
    assert dialog.kind.currentData() == "supervision"
    type_into(qtbot, dialog, dialog.provider, "Dr Hart")
    dialog.duration.selectAll()
    type_into(qtbot, dialog, dialog.duration, "1:30")
    type_into(qtbot, dialog, dialog.first, "20260106")
    type_into(qtbot, dialog, dialog.last, "20260623")
    focus(qtbot, dialog, dialog.weeks)
    qtbot.keyClick(dialog.weeks, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(dialog.weeks, "2")
    return dialog


def test_recurring_supervision_every_other_tuesday(qtbot, page, db) -> None:
    dialog = _recurring(qtbot, page)
    assert dialog.ok_button.text() == "Create 13 entries"
    assert "Tuesday" in dialog.preview.text()
    save(qtbot, page, dialog)
    made = store.list_activities(db)
    assert [a.date for a in made][:3] == [date(2026, 1, 6), date(2026, 1, 20), date(2026, 2, 3)]
    assert len(made) == 13 and made[-1].date == date(2026, 6, 23)
    assert {a.date.isoweekday() for a in made} == {2}
    assert {(a.kind, a.minutes, a.provider) for a in made} == {("supervision", 90, "Dr Hart")}
    assert page.model.rowCount() == 13
    assert page.ledger.message.text() == "13 entries added."


def test_recurring_entries_are_written_all_or_none(qtbot, page, db, monkeypatch) -> None:
    dialog = _recurring(qtbot, page)
    real = store.add_activity
    calls = []

    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) == 7:
            raise KnownError("disk full (simulated)")
        return real(*args, **kwargs)

    monkeypatch.setattr(store, "add_activity", failing)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible() and dialog.error.text() == "disk full (simulated)"
    assert len(calls) == 7
    monkeypatch.setattr(store, "add_activity", real)
    assert store.list_activities(db) == []  # the six before the failure were rolled back
    assert page.model.rowCount() == 0


def _png(marker: bytes = b"") -> bytes:
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#2e7d6b"))
    if marker:
        image.setText("Comment", marker.decode())
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    return bytes(data.data())


def _files_under(*folders: Path) -> set[Path]:
    return {p for folder in folders for p in folder.rglob("*") if p.is_file()}


def test_attach_evidence_store_it_encrypted_and_view_it_in_memory(
        qtbot, page, db, vault, vault_dir: Path, tmp_path: Path, monkeypatch) -> None:
    from supervision_journal.ui.pdf import html_to_pdf

    marker = b"CERTIFICATE-MARKER-93417"
    source = tmp_path / "outside" / "certificate.png"
    source.parent.mkdir()
    source.write_bytes(_png(marker))
    pdf = tmp_path / "outside" / "letter.pdf"
    pdf.write_bytes(html_to_pdf("<h1>Letter of completion</h1>"))
    picks = iter([source, pdf])
    monkeypatch.setattr(files, "ask_open_path", lambda *_args: next(picks))

    dialog = open_dialog(qtbot, page, Qt.Key.Key_Insert)
    type_into(qtbot, dialog, dialog.duration, "3")
    focus(qtbot, dialog, dialog.attach_button)
    qtbot.keyClick(dialog.attach_button, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.attach_button, Qt.Key.Key_Space)
    assert dialog.evidence.count() == 2
    save(qtbot, page, dialog)

    [activity] = store.list_activities(db)
    stored = store.list_evidence(db, activity.id)
    assert [(e.filename, e.mime) for e in stored] == [("certificate.png", "image/png"),
                                                     ("letter.pdf", "application/pdf")]
    assert store.evidence_bytes(db, stored[0].id) == source.read_bytes()
    assert page.model.evidence_count(activity.id) == 2
    vault.db.checkpoint()
    on_disk = b"".join(p.read_bytes() for p in _files_under(vault_dir))
    assert marker not in on_disk  # stored encrypted, like everything in the vault

    # View both from the vault: nothing is written anywhere while looking.
    watched = [Path(os.environ["TMPDIR"]), Path(os.environ["HOME"]), tmp_path]
    before = _files_under(*watched)
    page.ledger.select_activity(activity.id)
    edit = open_dialog(qtbot, page, Qt.Key.Key_Return)
    edit.evidence.setCurrentRow(0)
    qtbot.keyClick(edit.evidence, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: edit.viewer is not None and edit.viewer.isVisible())
    viewer = edit.viewer
    assert isinstance(viewer, EvidenceViewer) and viewer.shown == "image"
    assert viewer.image_label is not None
    assert viewer.image_label.pixmap().size().toTuple() == (40, 30)
    viewer.close()
    edit.evidence.setCurrentRow(1)
    qtbot.mouseClick(edit.view_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: edit.viewer is not viewer and edit.viewer.isVisible())
    pdf_viewer = edit.viewer
    if HAVE_QTPDF:
        assert pdf_viewer.shown == "pdf" and pdf_viewer.document.pageCount() == 1
    else:
        assert pdf_viewer.shown == "none"
    assert _files_under(*watched) == before

    # "Save a copy…" is the explicit, explained way out.
    copy = tmp_path / "copy.pdf"
    monkeypatch.setattr(files, "ask_save_path", lambda *_args: copy)
    qtbot.mouseClick(pdf_viewer.save_button, Qt.MouseButton.LeftButton)
    assert copy.read_bytes() == pdf.read_bytes()
    assert "not encrypted" in pdf_viewer.status.text()
    pdf_viewer.close()
    edit.reject()


@pytest.mark.parametrize("qtpdf", [False, True])
def test_a_pdf_the_viewer_cannot_show_is_explained(qtbot, monkeypatch, qtpdf: bool) -> None:
    """Without QtPdf (or with a PDF it cannot read) the viewer says why and what a saved copy
    means, rather than writing a temporary file behind the user's back."""
    from supervision_journal.ui.hours import evidence
    from supervision_journal.ui.pdf import html_to_pdf

    if qtpdf and not HAVE_QTPDF:
        pytest.skip("this PySide6 has no QtPdf")
    monkeypatch.setattr(evidence, "HAVE_QTPDF", qtpdf)
    data = b"%PDF-1.4 damaged" if qtpdf else html_to_pdf("<p>fine</p>")
    viewer = EvidenceViewer("letter.pdf", "application/pdf", data)
    qtbot.addWidget(viewer)
    assert viewer.shown == "none"
    text = viewer.explanation.text()
    assert "not encrypted" in text
    assert ("could not be read" in text) == qtpdf
    assert ("no PDF module" in text) == (not qtpdf)
    assert viewer.save_button.isEnabled()


def test_remove_an_attachment_only_when_saved(qtbot, page, db) -> None:
    a = store.add_activity(db, "training", date(2026, 2, 2), 60)
    store.add_evidence(db, a.id, "cert.png", "image/png", _png())
    page.reload()
    page.ledger.view.setFocus()
    page.ledger.select_row(0)
    dialog = open_dialog(qtbot, page, Qt.Key.Key_Return)
    dialog.evidence.setCurrentRow(0)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.evidence.count() == 0
    assert len(store.list_evidence(db, a.id)) == 1  # Cancel would keep it
    save(qtbot, page, dialog)
    assert store.list_evidence(db, a.id) == []
    assert page.model.evidence_count(a.id) == 0


def test_delete_and_undo_restores_the_entry_with_its_evidence(qtbot, page, db) -> None:
    keep = store.add_activity(db, "reading", date(2026, 1, 5), 60, title="Kept")
    gone = store.add_activity(db, "training", date(2026, 2, 5), 420, title="Shame",
                              format="group", group_size=12, facilitated=True, accredited=True,
                              categories=["ethics", "shame"], learning="L", impact="I")
    png = _png()
    store.add_evidence(db, gone.id, "cert.png", "image/png", png)
    page.reload()
    page.ledger.view.setFocus()
    assert page.ledger.select_activity(gone.id)
    qtbot.keyClick(page.ledger.view, Qt.Key.Key_Delete)
    assert [a.id for a in store.list_activities(db)] == [keep.id]
    assert page.model.rowCount() == 1
    assert page.ledger.undo_button.isVisible()

    qtbot.keyClick(page.ledger.view, Qt.Key.Key_Z, CTRL)
    restored = [a for a in store.list_activities(db) if a.id != keep.id]
    assert len(restored) == 1
    back = restored[0]
    fields = ("kind", "date", "minutes", "format", "group_size", "facilitated", "title",
              "accredited", "categories", "learning", "impact")
    assert [getattr(back, f) for f in fields] == [getattr(gone, f) for f in fields]
    [evidence] = store.list_evidence(db, back.id)
    assert store.evidence_bytes(db, evidence.id) == png
    assert page.ledger.current_activity() == back
    assert page.model.evidence_count(back.id) == 1
    # Nothing more to undo: Ctrl+Z again changes nothing.
    qtbot.keyClick(page.ledger.view, Qt.Key.Key_Z, CTRL)
    assert len(store.list_activities(db)) == 2


def test_ctrl_z_in_the_filter_box_edits_the_filter_not_the_ledger(qtbot, page, db) -> None:
    store.add_activity(db, "reading", date(2026, 1, 5), 60)
    page.reload()
    page.ledger.select_row(0)
    qtbot.keyClick(page.ledger.view, Qt.Key.Key_Delete)
    assert store.list_activities(db) == []
    box = page.ledger.text_filter
    box.setFocus()
    qtbot.keyClicks(box, "abc")
    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL)
    assert box.text() != "abc"
    assert store.list_activities(db) == []  # the deleted entry is still one Ctrl+Z away
    page.ledger.view.setFocus()
    qtbot.keyClick(page.ledger.view, Qt.Key.Key_Z, CTRL)
    assert len(store.list_activities(db)) == 1


def test_filters_and_totals_of_the_shown_rows(qtbot, page, db) -> None:
    populate_ledger(db)
    page.reload()
    ledger = page.ledger
    everything = store.list_activities(db)
    assert ledger.totals.text().startswith(f"{len(everything)} entries · ")

    ledger.kind_filter.setFocus()
    qtbot.keyClicks(ledger.kind_filter, "Tr")  # Training, course, workshop
    training = [a for a in everything if a.kind == "training"]
    minutes = sum(a.minutes for a in training)
    assert ledger.proxy.rowCount() == len(training) == 2
    assert ledger.totals.text() == (f"2 of {len(everything)} entries · "
                                    f"{minutes // 60}:{minutes % 60:02d} (10.0 h)")

    ledger.clear_filters()
    focus(qtbot, page, ledger.text_filter)
    qtbot.keyClicks(ledger.text_filter, "imogen")
    hart = [a for a in everything if "Imogen" in a.provider]
    assert ledger.proxy.rowCount() == len(hart) > 10

    ledger.clear_filters()
    focus(qtbot, page, ledger.from_filter)
    qtbot.keyClicks(ledger.from_filter, "2026-10-01")
    in_range = [a for a in everything if a.date >= date(2026, 10, 1)]
    assert ledger.proxy.rowCount() == len(in_range)
    focus(qtbot, page, ledger.to_filter)
    qtbot.keyClicks(ledger.to_filter, "2026-10")
    october = [a for a in in_range if a.date <= date(2026, 10, 31)]
    assert ledger.proxy.rowCount() == len(october) >= 1
    shown = sum(a.minutes for a in october)
    assert f"{shown // 60}:{shown % 60:02d}" in ledger.totals.text()

    ledger.clear_filters()
    assert ledger.proxy.rowCount() == len(everything)


def test_sorting_by_a_column(qtbot, page, db) -> None:
    for minutes, day in ((30, 3), (240, 1), (90, 2)):
        store.add_activity(db, "reading", date(2026, 4, day), minutes)
    page.reload()
    view = page.ledger.view
    view.setFocus()
    assert [a.date.day for a in page.ledger.proxy.visible_activities()] == [3, 2, 1]
    page.ledger.select_row(0)  # 3 April, 30 min
    view.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # duration
    assert [a.minutes for a in page.ledger.proxy.visible_activities()] == [30, 90, 240]
    view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    rows = [view.model().index(r, 2).data() for r in range(3)]
    assert rows == ["4:00", "1:30", "0:30"]
    assert page.ledger.current_activity().minutes == 30  # the selection followed its row
    assert view.currentIndex().row() == 2
    # a new entry takes its place in the current order, not the end
    dialog = open_dialog(qtbot, page, Qt.Key.Key_Insert)
    type_into(qtbot, dialog, dialog.duration, "2:00")
    save(qtbot, page, dialog)
    assert [view.model().index(r, 2).data() for r in range(4)] == ["4:00", "2:00", "1:30",
                                                                    "0:30"]
    assert view.currentIndex().row() == 1


def test_supervision_entries_are_edited_on_the_supervision_page(qtbot, page, db) -> None:
    sup = journal.add_supervision(db, date(2026, 3, 10), "Dr Hart", "individual", 90,
                                  learning="Endings")
    page.reload()
    page.ledger.view.setFocus()
    page.ledger.select_row(0)
    qtbot.keyClick(page.ledger.view, Qt.Key.Key_Delete)
    assert "Supervision page" in page.ledger.message.text()
    assert len(store.list_activities(db)) == 1

    dialog = open_dialog(qtbot, page, Qt.Key.Key_Return)
    assert dialog.owned_note.isVisible()
    assert not dialog.duration.isEnabled() and not dialog.kind.isEnabled()
    assert dialog.learning.isReadOnly()
    assert dialog.attach_button.isEnabled()  # a signed summary can still be attached
    dialog.attach_file(Path(__file__))
    save(qtbot, page, dialog)
    [activity] = store.list_activities(db)
    assert activity.minutes == 90 and activity.supervision_id == sup.id
    assert len(store.list_evidence(db, activity.id)) == 1


def test_flush_saves_an_open_entry_before_a_lock(qtbot, page, db) -> None:
    dialog = open_dialog(qtbot, page, Qt.Key.Key_Insert)
    type_into(qtbot, dialog, dialog.duration, "1:00")
    type_into(qtbot, dialog, dialog.learning, "Half-typed reflection")
    page.flush()
    assert not dialog.isVisible()
    [stored] = store.list_activities(db)
    assert stored.learning == "Half-typed reflection"
    assert page.model.rowCount() == 1


def test_ctrl_tab_moves_between_the_tabs(qtbot, page) -> None:
    assert page.tabs.currentWidget() is page.ledger
    qtbot.keyClick(page.ledger.view, Qt.Key.Key_Tab, CTRL)
    assert page.tabs.currentWidget() is page.report
    qtbot.keyClick(QApplication.focusWidget() or page, Qt.Key.Key_Tab, CTRL)
    assert page.tabs.currentWidget() is page.dashboard
