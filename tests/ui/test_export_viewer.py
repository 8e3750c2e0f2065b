"""The sealed-file viewer: opens age files with a passphrase or a pasted identity, shows the
text read-only, writes nothing to disk, refuses damaged files showing nothing; and the Export
page leaves no note text behind a lock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyrage
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QFileDialog, QLabel

from supervision_journal.export import seal
from supervision_journal.journal import store
from supervision_journal.ui import tasks
from supervision_journal.ui.app import AppController, State
from supervision_journal.ui.export import ExportPage
from supervision_journal.ui.export.viewer import SealedViewer
from supervision_journal.ui.lock import LockManager
from supervision_journal.ui.main_window import MainWindow
from supervision_journal.ui.pdf import html_to_pdf
from supervision_journal.ui.settings import Settings
from supervision_journal.vault.vault import Vault

CANARY = "canary-export-7d1e lichen"
MARKDOWN = f"# Notes for supervision\n\n## Client A\n\nSession 3: {CANARY}.\n"


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*")}


@pytest.fixture(scope="module")
def with_passphrase() -> bytes:
    """Sealed once for the module: scrypt takes seconds on a busy machine."""
    return seal.seal_with_passphrase(MARKDOWN.encode(), "pierre de lune")


@pytest.fixture
def sealed(tmp_path: Path, with_passphrase: bytes) -> dict[str, object]:
    folder = tmp_path / "from-supervisee"
    folder.mkdir()
    identity = pyrage.x25519.Identity.generate()
    by_pass = folder / "supervision-20261127-ab12.md.age"
    by_pass.write_bytes(with_passphrase)
    by_key = folder / "supervision-20261127-cd34.html.age"
    by_key.write_bytes(seal.seal_to_recipient(
        f"<html><body><h1>Notes for supervision</h1><p>{CANARY}</p></body></html>".encode(),
        str(identity.to_public())))
    pdf = folder / "supervision-20261127-ef56.pdf.age"
    pdf.write_bytes(seal.seal_to_recipient(html_to_pdf(f"<h1>Notes</h1><p>{CANARY}</p>"),
                                           str(identity.to_public())))
    damaged = bytearray(by_key.read_bytes())
    damaged[len(damaged) // 2] ^= 0x10
    flipped = folder / "flipped.age"
    flipped.write_bytes(bytes(damaged))
    truncated = folder / "truncated.age"
    truncated.write_bytes(by_key.read_bytes()[:-20])
    plain = folder / "notes.md"
    plain.write_text(MARKDOWN)
    return {"folder": folder, "identity": identity, "by_pass": by_pass, "by_key": by_key,
            "pdf": pdf, "flipped": flipped, "truncated": truncated, "plain": plain}


@pytest.fixture
def viewer(qtbot, vault) -> Iterator[SealedViewer]:
    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.show()
    window.show_page("export")
    page = window.findChild(ExportPage)
    qtbot.mouseClick(page.selection.open_sealed_button, Qt.MouseButton.LeftButton)
    found = window.findChild(SealedViewer)
    assert found is not None and found.isVisible()
    yield found
    window.close()


def choose(qtbot, viewer: SealedViewer, path: Path) -> None:
    qtbot.mouseClick(viewer.choose_button, Qt.MouseButton.LeftButton)
    dialog = viewer.findChild(QFileDialog, "export_file_dialog")
    assert dialog is not None and dialog.isVisible()
    dialog.selectFile(str(path))
    dialog.accept()


def open_and_wait(qtbot, viewer: SealedViewer) -> None:
    qtbot.mouseClick(viewer.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not viewer.progress.isVisible(), timeout=60_000)


def test_open_with_a_passphrase_shows_the_text_and_writes_nothing(qtbot, viewer, sealed,
                                                                   tmp_path) -> None:
    before = files_under(tmp_path)
    choose(qtbot, viewer, sealed["by_pass"])
    assert "supervision-20261127-ab12.md.age" in viewer.file_label.text()
    qtbot.keyClicks(viewer.passphrase, "pierre de lune")
    open_and_wait(qtbot, viewer)
    assert CANARY in viewer.shown_text() and viewer.text.isReadOnly()
    assert "Nothing was written" in viewer.status.text()
    assert viewer.passphrase.text() == ""
    assert files_under(tmp_path) == before


@pytest.mark.parametrize("name", ["flipped", "truncated"])
def test_a_damaged_file_shows_nothing(qtbot, viewer, sealed, name: str) -> None:
    viewer.by_identity.setChecked(True)
    choose(qtbot, viewer, sealed["by_key"])
    viewer.identity.setText(str(sealed["identity"]))
    open_and_wait(qtbot, viewer)
    assert CANARY in viewer.shown_text()
    choose(qtbot, viewer, sealed[name])  # loading another file forgets the text shown
    assert viewer.shown_text() == ""
    viewer.identity.setText(str(sealed["identity"]))
    open_and_wait(qtbot, viewer)
    assert "does not open" in viewer.status.text() or "damaged" in viewer.status.text()
    assert viewer.shown_text() == ""


def test_a_pasted_identity_file_and_html(qtbot, viewer, sealed) -> None:
    identity = sealed["identity"]
    pasted = (f"# created: 2026-11-27T10:00:00Z # public key: {identity.to_public()} "
              f"{identity}")  # a whole key file, joined on one line by the paste
    choose(qtbot, viewer, sealed["by_key"])
    qtbot.mouseClick(viewer.by_identity, Qt.MouseButton.LeftButton)
    viewer.identity.setText(pasted)
    open_and_wait(qtbot, viewer)
    text = viewer.shown_text()
    assert text.startswith("Notes for supervision") and CANARY in text and "<p>" not in text


def test_a_sealed_pdf_is_shown_from_memory(qtbot, viewer, sealed, tmp_path) -> None:
    before = files_under(tmp_path)
    choose(qtbot, viewer, sealed["pdf"])
    viewer.by_identity.setChecked(True)
    viewer.identity.setText(str(sealed["identity"]))
    open_and_wait(qtbot, viewer)
    assert "Opened" in viewer.status.text()
    if viewer.content.currentWidget() is viewer.pages:
        assert viewer.pages_box.findChildren(QLabel)
    else:
        assert CANARY in viewer.shown_text()
    assert files_under(tmp_path) == before


def test_not_a_sealed_file(qtbot, viewer, sealed) -> None:
    choose(qtbot, viewer, sealed["plain"])
    assert "not a sealed export" in viewer.status.text()
    assert not viewer.open_button.isEnabled()


def test_closing_forgets_the_text(qtbot, viewer, sealed, widget_text_dump) -> None:
    choose(qtbot, viewer, sealed["by_key"])
    viewer.by_identity.setChecked(True)
    viewer.identity.setText(str(sealed["identity"]))
    open_and_wait(qtbot, viewer)
    assert any(CANARY in t for t in widget_text_dump())
    viewer.close()
    for _ in range(3):
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not any(CANARY in t for t in widget_text_dump())


# -- the lock ------------------------------------------------------------------------------

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def controller(qtbot, tmp_path: Path) -> Iterator[tuple[AppController, Path]]:
    folder = tmp_path / "vault"
    vault, _ = Vault.create(folder, PASSPHRASE)
    client = store.add_client(vault.db, "Lichen-Canary", "2026-01-01")
    session = store.add_session(vault.db, client.id, "2026-02-02",
                                sections={"process": f"Talked about {CANARY}."})
    store.approve_section(vault.db, session.id, "process")
    vault.close()
    manager = LockManager(check_interval_ms=20, session_bus=None, system_bus=None)
    c = AppController(folder, Settings(), lock_manager=manager)
    yield c, folder
    c.shutdown()


def test_the_lock_leaves_no_export_text_behind(qtbot, controller, widget_text_dump) -> None:
    app, _folder = controller
    app.start()
    window = app.unlock_window
    qtbot.keyClicks(window.passphrase_field, PASSPHRASE)
    qtbot.keyClick(window.passphrase_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: app.state == State.UNLOCKED, timeout=20_000)
    main = app.main_window
    main.show_page("export")
    page = main.findChild(ExportPage)
    item = page.selection.tree.topLevelItem(0)
    item.setCheckState(0, Qt.CheckState.Checked)
    qtbot.waitUntil(page.selection.preview_button.isEnabled)
    page.show_preview()
    qtbot.waitUntil(lambda: page.currentWidget() is page.preview, timeout=20_000)
    qtbot.keyClicks(page.selection.passphrase, "sealing secret")
    texts = widget_text_dump()
    assert any(CANARY in t for t in texts) and any("Lichen-Canary" in t for t in texts)
    # A preview still being prepared when the lock comes must find nothing to update.
    page.decide({"whatever": "keep"})
    assert app.lock()
    for _ in range(3):
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    left = [t for t in widget_text_dump()
            if CANARY in t or "Lichen-Canary" in t or "sealing secret" in t]
    assert left == []
    # The worker started before the lock delivers into a page that is gone: nothing raises
    # (pytest-qt fails the test on an exception in a slot).
    tasks.wait_for_all(30_000)
    QCoreApplication.processEvents()
    assert app.state == State.LOCKED
