"""The Hours page's dashboard and renewal report on a real vault: progress per requirement,
shortfalls in plain words, days left, group entries without a size, recomputation when an
activity is added or the profile switched, the bodies followed and the custom profile (kept in
the vault), and the report exported from the page (PDF, CSV, Markdown) with no client data."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from helpers.hours_support import (
    DEMO_TODAY,
    PLANTED,
    leaked,
    pdf_text,
    plant_clients,
    populate_ledger,
)
from supervision_journal.export import store as export_store
from supervision_journal.hours import store
from supervision_journal.hours.profiles import load_profiles, profile_text
from supervision_journal.journal import store as journal
from supervision_journal.ui import tasks
from supervision_journal.ui.hours import files, settings
from supervision_journal.ui.hours.chart import HoursChart
from supervision_journal.ui.hours.page import HoursPage
from supervision_journal.ui.hours.profiles_dialog import CustomProfileDialog, FollowDialog
from supervision_journal.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
BACP = "bacp-accredited"


@pytest.fixture
def make_page(qtbot, vault) -> Iterator:
    made: list[HoursPage] = []

    def make() -> HoursPage:
        p = HoursPage(vault, today=DEMO_TODAY)
        qtbot.addWidget(p)
        p.resize(1180, 760)
        p.show()
        qtbot.waitExposed(p)
        p.activateWindow()
        qtbot.waitUntil(p.isActiveWindow)
        made.append(p)
        return p

    yield make
    for p in made:
        p.close()  # before the vault fixture closes the database
    tasks.wait_for_all()


@pytest.fixture
def demo(db) -> dict[str, int]:
    ids = populate_ledger(db)
    settings.set_chosen(db, [BACP, "icf-pcc"])
    settings.set_anchor(db, BACP, date(2026, 1, 1))
    return ids


def test_progress_shortfalls_days_left_and_unsized_groups(make_page, demo) -> None:
    page = make_page()
    board = page.dashboard
    assert [board.profile_box.itemData(i) for i in range(board.profile_box.count())] == \
        [BACP, "icf-pcc"]
    assert board.heading.text() == "BACP accredited member"
    assert board.cycle_line.text() == \
        "Current cycle: 1 Jan 2026 to 31 Dec 2026. 42 days left."
    req = board.data.progress.requirement("monthly_supervision")
    # October: 1 h logged, 1.5 h needed; August a documented break; November still open.
    assert [p.label for p in req.shortfalls] == ["2026-10"]
    assert board.short_labels["monthly_supervision"].text().splitlines() == [
        "October 2026: 1.0 h of supervision received, 1.5 h needed",
        "Not required (a documented break, or no client work): August 2026.",
    ]
    assert board.status_labels["monthly_supervision"].text() == "not met"
    # Each month counts up to its minimum: 9 of the 10 judged months are full.
    bar = board.bars["monthly_supervision"]
    assert bar.value() == round((9 * 90 + 60) / (10 * 90) * 1000)
    assert board.unsized.isVisible()
    assert "1 group or peer entry in this cycle has no group size." in board.unsized_label.text()

    # the button takes the user to those entries in the ledger
    board.unsized_button.click()
    assert page.tabs.currentWidget() is page.ledger
    assert [a.id for a in page.ledger.proxy.visible_activities()] == [demo["unsized"]]
    assert page.ledger.ids_banner.isVisible()
    page.ledger.ids_banner_button.click()
    assert page.ledger.proxy.rowCount() == page.model.rowCount()


def test_adding_an_activity_updates_the_dashboard(qtbot, make_page, demo, db) -> None:
    page = make_page()
    board = page.dashboard
    assert board.data.progress.requirement("monthly_supervision").met is False
    page.tabs.setCurrentWidget(page.ledger)
    page.ledger.view.setFocus()
    qtbot.keyClick(page.ledger.view, Qt.Key.Key_Insert)
    qtbot.waitUntil(lambda: page.ledger.dialog is not None and page.ledger.dialog.isVisible())
    dialog = page.ledger.dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.kind)
    dialog.kind.setCurrentIndex(dialog.kind.findData("supervision"))
    dialog.date_edit.setDate(dialog.date_edit.date().fromString("2026-10-28", "yyyy-MM-dd"))
    dialog.duration.setText("0:30")
    qtbot.keyClick(dialog.duration, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    req = board.data.progress.requirement("monthly_supervision")
    assert req.met is True and req.shortfalls == ()
    assert board.status_labels["monthly_supervision"].text() == "met"
    assert "October" not in board.short_labels["monthly_supervision"].text()
    assert board.bars["monthly_supervision"].value() == 1000

    # Deleting it brings the shortfall back.
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.ledger.view.setFocus()
    assert page.ledger.current_activity().date == date(2026, 10, 28)
    qtbot.keyClick(page.ledger.view, Qt.Key.Key_Delete)
    assert board.data.progress.requirement("monthly_supervision").met is False


def test_switching_profile_recomputes_at_once(qtbot, make_page, demo) -> None:
    page = make_page()
    board = page.dashboard
    box = board.profile_box
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert box.currentData() == "icf-pcc"
    assert board.heading.text() == "ICF PCC renewal"
    assert board.data.profile.id == "icf-pcc"
    ids = {r.id for r in board.data.progress.requirements}
    assert ids == {r.id for r in load_profiles()["icf-pcc"].requirements}
    assert set(board.bars) == ids
    cce = board.data.progress.requirement("cce_total")
    text = board.status_labels["cce_total"].parent().findChildren(type(board.heading))
    assert any(label.text() == f"{cce.claimable / 60:.1f} CCE of 40.0 CCE" for label in text)
    # ICF anchors at the first activity (none chosen): a three-year cycle
    assert board.data.progress.start == date(2025, 1, 14)
    assert board.last_recompute_ms > 0
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert board.heading.text() == "BACP accredited member"


def test_the_cycle_anchor_is_kept_in_the_vault(qtbot, make_page, demo, db,
                                              isolated_qsettings: Path) -> None:
    page = make_page()
    board = page.dashboard
    board.select_profile("icf-pcc")
    board.anchor_edit.setFocus()
    qtbot.keyClicks(board.anchor_edit, "20240301")
    assert settings.anchor(db, "icf-pcc") == date(2024, 3, 1)
    assert board.data.progress.start == date(2024, 3, 1)
    assert board.cycle_line.text().startswith("Current cycle: 1 Mar 2024 to 28 Feb 2027.")
    again = make_page()
    again.dashboard.select_profile("icf-pcc")
    assert again.dashboard.data.progress.start == date(2024, 3, 1)
    # nothing of it in QSettings
    stored = [p.read_bytes() for p in isolated_qsettings.rglob("*") if p.is_file()]
    assert not any(b"icf" in data or b"2024-03-01" in data for data in stored)
    assert QSettings().allKeys() == [] or not any("hours" in k for k in QSettings().allKeys())


def test_follow_two_bodies(qtbot, make_page, db) -> None:
    populate_ledger(db)
    page = make_page()
    board = page.dashboard
    assert board.profile_box.count() == len(load_profiles())  # nothing chosen: every profile
    dialog = page.choose_profiles()
    assert isinstance(dialog, FollowDialog)
    for i in range(dialog.list.count()):
        item = dialog.list.item(i)
        if item.data(Qt.ItemDataRole.UserRole) in ("ukcp", "emcc"):
            item.setCheckState(Qt.CheckState.Checked)
    dialog.accept()
    qtbot.waitUntil(lambda: board.profile_box.count() == 2)
    assert sorted(settings.chosen(db)) == ["emcc", "ukcp"]
    assert {board.profile_box.itemData(i) for i in range(2)} == {"emcc", "ukcp"}


def test_custom_profile_edited_in_the_app(qtbot, make_page, db) -> None:
    populate_ledger(db)
    page = make_page()
    dialog = page.edit_custom_profile()
    assert isinstance(dialog, CustomProfileDialog)
    assert dialog.editor.toPlainText() == profile_text("custom")
    assert dialog.save_button.isEnabled() and dialog.verdict.text().startswith("Valid")

    dialog.editor.setFocus()
    cursor = dialog.editor.document().find("months = 12")
    dialog.editor.setTextCursor(cursor)
    qtbot.keyClicks(dialog.editor, "monts = 12")
    qtbot.waitUntil(lambda: not dialog.save_button.isEnabled(), timeout=2000)
    assert dialog.verdict.text() == "Not valid yet: cycle.monts: unknown key."
    dialog.editor.setPlainText(profile_text("custom").replace("target = 20", "target = 30")
                               .replace("My own rules", "Rules of my college"))
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=2000)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert journal.get_setting(db, settings.CUSTOM_KEY).count("target = 30") == 1
    board = page.dashboard
    assert board.profile_box.currentData() == "custom"
    assert board.heading.text() == "Rules of my college"
    assert board.data.progress.requirement("training").needed == 30 * 60

    # Starting from a shipped profile copies its rules under the custom id.
    again = page.edit_custom_profile()
    again.start_from.setCurrentIndex(again.start_from.findData("ukcp"))
    again.start_from.activated.emit(again.start_from.currentIndex())
    assert 'id = "custom"' in again.editor.toPlainText()
    assert again.check() is not None
    again.reject()


def test_the_painted_chart_without_qtcharts(qtbot, make_page, demo) -> None:
    page = make_page()
    months = page.dashboard.data.months
    chart = HoursChart(use_qtcharts=False)
    qtbot.addWidget(chart)
    chart.resize(800, 320)
    chart.set_months(months)
    chart.show()
    qtbot.waitExposed(chart)
    image = chart.grab().toImage()
    supervision = chart.palette().color(chart.backgroundRole())
    colours = {image.pixelColor(x, y).name() for x in range(0, 800, 4) for y in range(0, 320, 4)}
    assert "#2e7d6b" in colours  # supervision bars were painted
    assert supervision.name() in colours or len(colours) > 3
    assert "Jan 2026" in chart.accessibleDescription()


# -- the renewal report from the page --------------------------------------------------------

def _export(qtbot, page: HoursPage, monkeypatch, path: Path, fmt: str) -> Path:
    page.tabs.setCurrentWidget(page.report)
    report = page.report
    report.format_box.setCurrentIndex(report.format_box.findData(fmt))
    chosen: list[tuple[str, str]] = []

    def ask(_parent, _title, default_name, _filter):
        chosen.append((default_name, _filter))
        return path

    monkeypatch.setattr(files, "ask_save_path", ask)
    qtbot.mouseClick(report.export_button, Qt.MouseButton.LeftButton)
    assert chosen and chosen[0][0] == f"renewal-report.{fmt}"  # neutral name
    qtbot.waitUntil(lambda: not report.busy, timeout=30_000)
    assert report.status.text() == f"Report saved as {path.name}."
    return path


def test_export_the_report_in_each_format(qtbot, make_page, demo, db, tmp_path,
                                          monkeypatch) -> None:
    page = make_page()
    report = page.report
    page.tabs.setCurrentWidget(report)
    assert report.profile_box.currentData() == BACP
    assert report.cycle_box.itemText(0) == "1 Jan 2026 to 31 Dec 2026 (current)"
    assert report.cycle_box.count() == 1  # the anchor is the first cycle's start
    qtbot.waitUntil(lambda: "Renewal report" in report.preview.toPlainText(), timeout=10_000)

    pdf = _export(qtbot, page, monkeypatch, tmp_path / "a.pdf", "pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    text = " ".join(pdf_text(pdf).split())
    assert "Renewal report — BACP accredited member" in text
    assert "Signature" in text and "Working with shame" in text

    sheet = _export(qtbot, page, monkeypatch, tmp_path / "a.csv", "csv")
    rows = list(csv.DictReader(io.StringIO(sheet.read_text(encoding="utf-8"))))
    [requirement] = [r for r in rows if r["record"] == "requirement"]
    assert requirement["met"] == "no" and requirement["needed"] == "15.00"
    in_cycle = [a for a in store.list_activities(db)
                if date(2026, 1, 1) <= a.date <= DEMO_TODAY]
    ledger_rows = [r for r in rows if r["record"] == "activity" and r["title"] !=
                   "from session notes"]
    assert len(ledger_rows) == len(in_cycle)

    markdown = _export(qtbot, page, monkeypatch, tmp_path / "a.md", "md")
    assert markdown.read_text(encoding="utf-8").startswith(
        "# Renewal report — BACP accredited member")
    audit = [r for r in export_store.list_audit(db) if r.kind == "renewal"]
    assert [r.format for r in audit] == ["pdf", "csv", "md"]
    assert audit[0].items == (BACP, "2026-01-01", DEMO_TODAY.isoformat())


def test_a_past_cycle_in_french(qtbot, make_page, db, tmp_path, monkeypatch) -> None:
    populate_ledger(db)
    settings.set_anchor(db, "ukcp", date(2020, 2, 1))
    page = make_page()
    page.dashboard.select_profile("ukcp")
    report = page.report
    page.tabs.setCurrentWidget(report)
    assert report.profile_box.currentData() == "ukcp"
    assert report.cycle_box.count() == 2
    report.cycle_box.setCurrentIndex(1)  # 1 Feb 2020 to 31 Jan 2025
    report.language_box.setCurrentIndex(report.language_box.findData("fr"))
    out = _export(qtbot, page, monkeypatch, tmp_path / "r.md", "md")
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Rapport de renouvellement — ")
    assert "du 1er février 2020 au 31 janvier 2025" in text
    assert "Établi le 31 janvier 2025" in text  # a past cycle is reported as of its last day
    assert "20 juin 2025" not in text  # an activity after that cycle


def test_the_exported_report_holds_no_client_data(qtbot, make_page, db, tmp_path,
                                                  monkeypatch) -> None:
    populate_ledger(db)
    plant_clients(db)
    store.add_activity(db, "training", date(2026, 9, 9), 120, title="After Kestrel's session",
                       categories=["Azalée"], learning="Jeanne Fictive and Jeannot",
                       impact="Usine Imaginaire, Lyon-Fictif, Paul Fictif")
    page = make_page()
    for fmt in ("pdf", "csv", "md"):
        out = _export(qtbot, page, monkeypatch, tmp_path / f"r.{fmt}", fmt)
        text = pdf_text(out) if fmt == "pdf" else out.read_text(encoding="utf-8")
        assert "[client]" in text and "[employer]" in text, fmt
        assert leaked(text) == [], fmt
    qtbot.waitUntil(lambda: "Renewal report" in page.report.preview.toPlainText())
    preview = page.report.preview.toPlainText()
    assert "[client]" in preview and leaked(preview) == []
    assert set(PLANTED) == set(leaked(" ".join(a.title + a.learning + a.impact +
                                               " ".join(a.categories)
                                               for a in store.list_activities(db)) +
                                       " Kestrel Azalée"))


def test_a_failed_write_is_reported(qtbot, make_page, demo, tmp_path, monkeypatch) -> None:
    page = make_page()
    target = tmp_path / "missing-folder" / "r.pdf"
    page.tabs.setCurrentWidget(page.report)
    monkeypatch.setattr(files, "ask_save_path", lambda *_a: target)
    qtbot.mouseClick(page.report.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.report.busy, timeout=30_000)
    assert page.report.status.text().startswith("Cannot write r.pdf")
    assert "missing-folder" not in page.report.status.text()
    assert page.report.export_button.isEnabled()
    assert not target.exists()


# -- in the main window ------------------------------------------------------------------------

def test_the_page_in_the_main_window_reads_nothing_until_shown(qtbot, vault, db) -> None:
    populate_ledger(db)
    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page = window._pages["hours"]
    assert isinstance(page, HoursPage)
    assert page.model.rowCount() == 0  # no query at unlock
    window.show_page("hours")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    assert page.model.rowCount() == len(store.list_activities(db))
    # a note written on the Journal page adds client practice when the page is shown again
    before = len(page.activities())
    client = journal.add_client(db, "Wren")
    journal.add_session(db, client.id, date(2024, 6, 3), 50)
    window.show_page("journal")
    window.show_page("hours")
    assert len(page.activities()) == before + 1
    window.close()
    assert QApplication.activeModalWidget() is None
