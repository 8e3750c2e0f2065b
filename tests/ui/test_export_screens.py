"""Grab the Export screens — selection, preview, the sealed-file viewer — and the first page of the
PDF they write, light and dark, English and French, as PNGs.

The images go to ``$SJ_SCREENSHOTS`` when set (to look at them, or to refresh
``docs/screenshots/export-*``), else to a temporary folder. The test checks what a grab can
check: each screen renders at a sensible size, no label is cut short, and the preview paints its
highlights."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pyrage
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from screen_tools import clipped_labels

from supervision_journal import interchange
from supervision_journal.export import seal
from supervision_journal.journal import store
from supervision_journal.journal.models import Identity, IdentityTerm
from supervision_journal.ui.demo import demo_document
from supervision_journal.ui.export import ExportPage
from supervision_journal.ui.main_window import MainWindow

NOTES = {
    "en": ("Sophie arrived late and talked about her partner Marc and the move to Kendal. "
           "Her friend Ysolde drove her. She wrote from sophie.m@example.org on March 3rd, "
           "2026, and left her new number, 07911 123456.\n\nI noticed my own urge to rescue."),
    "fr": ("Sophie arrive en retard et parle de son compagnon Marc et du déménagement à "
           "Quimper. Son amie Ysolde l'a conduite. Elle m'a écrit depuis sophie.m@example.org "
           "le 3 mars 2026 et laissé son nouveau numéro, 06 12 34 56 78.\n\nJe remarque mon "
           "envie de la protéger."),
}


def grab(widget: QWidget, folder: Path, name: str) -> Path:
    path = folder / f"{name}.png"
    assert widget.grab().save(str(path))
    size = widget.size()
    assert 500 <= size.width() <= 1600 and 300 <= size.height() <= 1000
    assert clipped_labels(widget) == [], name
    return path


def test_export_screens(qtbot, vault, shots: Path, palette: str, language: str) -> None:
    suffix = f"{language}-{palette}"
    interchange.import_data(vault.db, demo_document(language))
    client = store.add_client(vault.db, "Alouette" if language == "fr" else "Wren-2",
                              date(2026, 9, 1))
    store.set_identity(vault.db, client.id, Identity("Sophie Marchal", (), (
        IdentityTerm("Marc", "identifier", "partner"),)))
    session = store.add_session(vault.db, client.id, date(2026, 10, 6), sections={
        "process": NOTES[language], "plan": "…", "private": "…"})
    store.approve_section(vault.db, session.id, "process")

    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.show_page("export")
    page = window.findChild(ExportPage)
    selection = page.selection
    item = selection.client_item(client.id)
    item.setCheckState(0, Qt.CheckState.Checked)
    item.setExpanded(True)
    demo = next(selection.tree.topLevelItem(i) for i in range(selection.tree.topLevelItemCount())
                if selection.tree.topLevelItem(i) is not item)
    demo.setExpanded(True)  # a demo client, to show the reasons sections stay behind
    qtbot.waitUntil(lambda: client.id in selection._status and len(selection._status) >= 2,
                    timeout=10_000)
    demo.child(1).setExpanded(True)
    selection.language.setCurrentIndex(selection.language.findData(language))
    selection.recipient.setText("Dr B." if language == "en" else "Dr B., superviseure")
    selection.set_seal_mode("passphrase")
    qtbot.wait(50)
    made = [grab(window, shots, f"export-1-selection-{suffix}")]

    selection.set_fmt("html")
    qtbot.waitUntil(selection.preview_button.isEnabled)
    page.show_preview()
    qtbot.waitUntil(lambda: page.currentWidget() is page.preview and not page.preview.busy,
                    timeout=20_000)
    assert page.preview.missed_items == () and len(page.preview._marks) >= 5
    page.preview.select_candidate(page.preview._groups[0].key)
    qtbot.wait(50)
    made.append(grab(window, shots, f"export-2-preview-{suffix}"))

    qtbot.mouseClick(page.preview.redact_rest_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.preview.busy and page.preview.undecided() == 0,
                    timeout=20_000)
    # The PDF as written, page 1 (poppler's pdftoppm), light only: paper has one colour.
    if palette == "light":
        from supervision_journal.export import pipeline
        from supervision_journal.ui.export.page import pdf_renderer

        pdf = pipeline.finish(page._prepared, "pdf", pdf_renderer=pdf_renderer(language))
        target = shots / f"export-3-pdf-{language}"
        subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile",
                        "-", str(target)], input=pdf, check=True)
        made.append(target.with_suffix(".png"))

    identity = pyrage.x25519.Identity.generate()
    viewer = page.open_viewer()
    viewer.load_bytes(seal.seal_to_recipient(page._prepared.markdown.encode(),
                                             str(identity.to_public())),
                      "supervision-20261127-3fa2.md.age")
    viewer.by_identity.setChecked(True)
    viewer.identity.setText(str(identity))
    viewer.unlock()
    qtbot.waitUntil(lambda: bool(viewer.shown_text()), timeout=10_000)
    viewer.resize(760, 560)
    qtbot.waitExposed(viewer)
    made.append(grab(viewer, shots, f"export-4-viewer-{suffix}"))
    viewer.close()
    assert all(p.stat().st_size > 5000 for p in made)
