"""The Hours page looked at: dashboard, ledger, report tab and the entry dialogs, light and
dark, in English, in French (the catalogue, when it exists) and with a long pseudo-translation
(every string of ui/hours/ a third longer and bracketed, dates and numbers in French) that
catches a string left out of tr() or a layout that cannot grow; the renewal report PDF
rendered to PNG with pdftoppm in English and French.

Checks what a glance would catch: no clipped label, every fixed text through tr(), dark really
dark. Set SUPERVISION_JOURNAL_SCREENSHOTS=<folder> to keep the PNGs (docs/screenshots/hours-*).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from screen_tools import set_translation

import supervision_journal.ui.hours as hours_ui
from helpers.hours_support import DEMO_TODAY, populate_ledger
from supervision_journal.export.redact import redactor
from supervision_journal.hours import store
from supervision_journal.hours.practice import with_practice
from supervision_journal.hours.profiles import load_profiles
from supervision_journal.hours.report import build_report
from supervision_journal.ui import i18n, theme
from supervision_journal.ui.hours import settings
from supervision_journal.ui.hours.activity_dialog import ActivityDialog
from supervision_journal.ui.hours.page import HoursPage
from supervision_journal.ui.hours.recurring_dialog import RecurringDialog
from supervision_journal.ui.pdf import html_to_pdf

SIZE = (1180, 760)


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = os.environ.get("SUPERVISION_JOURNAL_SCREENSHOTS")
    out = Path(folder) if folder else tmp_path
    out.mkdir(parents=True, exist_ok=True)
    return out


@pytest.fixture(params=["light", "dark"])
def scheme(request, qapp) -> Iterator[str]:
    qapp.setPalette(theme.dark_palette() if request.param == "dark"
                    else qapp.style().standardPalette())
    yield request.param
    qapp.setPalette(QPalette())


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    if not Path(found).exists():
        pytest.skip(f"{name} is not installed")
    return found


@pytest.fixture(scope="module")
def long_catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every string of ui/hours/ made a third longer (French runs longer than English)."""
    folder = tmp_path_factory.mktemp("hours-i18n")
    ts = folder / "hours.ts"
    sources = sorted(str(p) for p in Path(hours_ui.__file__).parent.glob("*.py"))
    subprocess.run([_tool("pyside6-lupdate"), *sources, "-ts", str(ts)], check=True,
                   capture_output=True)
    tree = ET.parse(ts)
    count = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        padding = "é" * max(2, len(source) // 3)
        # mnemonics and placeholders survive; the padding goes before the closing bracket
        set_translation(message, f"⟦{source}{padding}⟧" if "\n" not in source else
                        f"⟦{source}⟧")
        count += 1
    assert count > 150, "lupdate found too few strings in ui/hours: are they wrapped in tr()?"
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    qm = folder / "hours.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True,
                   capture_output=True)
    return qm


LANGUAGES = ["en", "long"] + (["fr"] if i18n.catalogue_path("fr") else [])


@pytest.fixture(params=LANGUAGES)
def language(request, long_catalogue: Path) -> Iterator[str]:
    if request.param == "en":
        yield "en"
        return
    if request.param == "fr":  # the real catalogue, once the translation pass has made it
        i18n.install("fr")
        try:
            yield "fr"
        finally:
            i18n.install("en")
        return
    translator = QTranslator()
    assert translator.load(str(long_catalogue))
    QCoreApplication.installTranslator(translator)
    QLocale.setDefault(QLocale("fr_FR"))
    try:
        yield "long"
    finally:
        QCoreApplication.removeTranslator(translator)
        QLocale.setDefault(QLocale("en_GB"))


def clipped_labels(root: QWidget) -> list[str]:
    """Visible labels whose text needs more room than they were given."""
    bad = []
    for label in root.findChildren(QLabel):
        if not label.isVisibleTo(root) or not label.text():
            continue
        if label.wordWrap():
            if label.heightForWidth(label.width()) > label.height() + 1:
                bad.append(label.text()[:50])
        elif label.sizeHint().width() > label.width() + 1:
            bad.append(label.text()[:50])
    return bad


def fixed_texts(page: HoursPage) -> list[str]:
    """Texts the page itself words (not data): tabs, buttons, labels of fields, headers."""
    texts = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    for widget in page.findChildren(QAbstractButton):
        if widget.isVisibleTo(page) and widget.text():
            texts.append(widget.text())
    for label in page.findChildren(QLabel):
        if label.buddy() is not None and label.isVisibleTo(page):
            texts.append(label.text())
    model = page.ledger.view.model()
    texts += [model.headerData(c, page.ledger.view.horizontalHeader().orientation())
              for c in range(model.columnCount())]
    texts.append(page.ledger.totals.text())
    texts.append(page.dashboard.cycle_line.text())
    return texts


@pytest.fixture
def page(qtbot, vault, db, scheme: str, language: str) -> Iterator[HoursPage]:
    # built after the palette and the catalogue are in place, as the app does
    populate_ledger(db)
    settings.set_chosen(db, ["bacp-accredited", "icf-pcc"])
    settings.set_anchor(db, "bacp-accredited", date(2026, 1, 1))
    p = HoursPage(vault, today=DEMO_TODAY)
    qtbot.addWidget(p)
    p.resize(*SIZE)
    p.show()
    qtbot.waitExposed(p)
    yield p
    p.close()


def _grab(qtbot, widget: QWidget, path: Path) -> QImage:
    qtbot.wait(30)
    assert widget.grab().save(str(path))
    return QImage(str(path))


def test_hours_screens(qtbot, page: HoursPage, shots: Path, scheme: str,
                       language: str) -> None:
    suffix = f"{language}-{scheme}"
    texts = fixed_texts(page)
    if language == "long":
        plain = [t for t in texts if t and "⟦" not in t]
        assert plain == [], plain
    for name, tab, select in (("dashboard", page.dashboard, None),
                              ("dashboard-icf", page.dashboard, "icf-pcc"),
                              ("ledger", page.ledger, None),
                              ("report", page.report, None)):
        page.tabs.setCurrentWidget(tab)
        if select:
            page.dashboard.select_profile(select)
        if tab is page.report:
            qtbot.waitUntil(lambda: "2026" in page.report.preview.toPlainText(),
                            timeout=10_000)
        image = _grab(qtbot, page, shots / f"hours-{name}-{suffix}.png")
        assert (image.width(), image.height()) == SIZE
        assert clipped_labels(page) == [], (name, suffix)
        window = image.pixelColor(4, SIZE[1] - 4)
        assert (window.lightness() < 100) == (scheme == "dark"), (name, suffix)


def test_hours_dialogs(qtbot, page: HoursPage, db, shots: Path, scheme: str,
                      language: str) -> None:
    suffix = f"{language}-{scheme}"
    training = next(a for a in store.list_activities(db) if a.title == "Working with shame")
    store.add_evidence(db, training.id, "certificate.pdf", "application/pdf", b"%PDF-1.4")
    dialogs = [("activity", ActivityDialog(db, training, offered_tags=page.offered_tags(),
                                           parent=page)),
               ("recurring", RecurringDialog(db, page))]
    for name, dialog in dialogs:
        dialog.show()
        qtbot.waitExposed(dialog)
        _grab(qtbot, dialog, shots / f"hours-{name}-{suffix}.png")
        assert clipped_labels(dialog) == [], (name, suffix)
        if language == "long":
            fixed = [b.text() for b in dialog.findChildren(QAbstractButton)
                     if b.isVisibleTo(dialog) and b.text() not in ("&Save", "&Cancel", "OK",
                                                                  "Cancel", "Save")]
            fixed += [label.text() for label in dialog.findChildren(QLabel)
                      if label.buddy() is not None]
            assert [t for t in fixed if "⟦" not in t] == [], name
        dialog.reject()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_report_pdf_pages(qapp, db, shots: Path, language: str) -> None:
    """The report as a reader sees it: rendered to PNG, in both languages."""
    populate_ledger(db)
    profile = load_profiles()["bacp-accredited"]
    report = build_report(profile, with_practice(db, store.list_activities(db)),
                          date(2026, 1, 1), DEMO_TODAY, language, redactor(db))
    pdf = shots / f"hours-report-{language}.pdf"
    pdf.write_bytes(html_to_pdf(report.to_html(), title="Renewal report"))
    subprocess.run([_tool("pdftoppm"), "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(shots / f"hours-report-{language}")], check=True,
                   capture_output=True, timeout=60)
    pdf.unlink()
    image = QImage(str(shots / f"hours-report-{language}.png"))
    assert image.width() > 400 and image.height() > 600  # A4 portrait
    ink = sum(1 for x in range(0, image.width(), 5) for y in range(0, image.height(), 5)
              if image.pixelColor(x, y).lightness() < 128)
    assert ink > 200  # text was drawn, not a blank page
