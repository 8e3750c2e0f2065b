"""The Export page driven as a practitioner would: tick a client or a session, read why sections
stay behind, preview, decide on each possible name (keep, add to the identity terms, redact),
confirm in the save dialog, and find the file, its audit row, and nothing that names anyone.
Also: a leak caught at the last step writes nothing, sealed exports, and the lock."""

from __future__ import annotations

import hashlib
import re
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pyrage
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFileDialog, QTreeWidgetItem

from supervision_journal.export import leak_guard, seal
from supervision_journal.export import store as export_store
from supervision_journal.journal import store
from supervision_journal.journal.models import Identity, IdentityTerm
from supervision_journal.ui.export import ExportPage
from supervision_journal.ui.export.preview import LEAK_COLOUR
from supervision_journal.ui.main_window import MainWindow

PRIVATE = ("je me sens envahie par ma propre histoire familiale quand elle parle de son "
           "enfance et de sa mère")
AZALEE_TERMS = ("Hélène Kerboul", "Léna", "Quimper", "Paul Morvan")
KESTREL_TERMS = ("Margaret Hargreaves",)


@pytest.fixture
def practice(db) -> dict[str, int]:
    azalee = store.add_client(db, "Azalée", date(2026, 9, 1))
    store.set_identity(db, azalee.id, Identity(
        "Hélène Kerboul", ("Léna",), (IdentityTerm("Quimper", "identifier", "town"),
                                      IdentityTerm("Paul Morvan", "identifier", "partner"))))
    kestrel = store.add_client(db, "Kestrel", date(2026, 8, 1))
    store.set_identity(db, kestrel.id, Identity("Margaret Hargreaves"))
    s1 = store.add_session(db, azalee.id, date(2026, 10, 1), sections={
        "process": "Hélène arrive en retard. Elle parle de Paul et de QUIMPER. Sa voisine "
                   "Ysaline l'aide. Elle a écrit depuis helene.k@orange.fr le 3 mars 2025.",
        "hypotheses": "Un deuil ancien.",
        "plan": "Revoir dans un mois.",
        "private": PRIVATE})
    store.approve_section(db, s1.id, "process")
    store.approve_section(db, s1.id, "hypotheses")
    store.save_section(db, s1.id, "hypotheses", "Un deuil ancien, réécrit après approbation.")
    s2 = store.add_session(db, azalee.id, date(2026, 10, 8), sections={
        "countertransference": "Je pense à Léna, somnolente. Marius l'a appelée hier."})
    store.approve_section(db, s2.id, "countertransference")
    case = store.add_reflection(db, "Présentation : Azalée, 34 ans, vit à Quimper.",
                                client_id=azalee.id, prompt_id="case.presentation")
    store.approve_reflection(db, case.id)
    k1 = store.add_session(db, kestrel.id, date(2026, 10, 2), sections={
        "process": "Margaret spoke about her mother and the long winter.",
        "private": PRIVATE})
    store.approve_section(db, k1.id, "process")
    k2 = store.add_session(db, kestrel.id, date(2026, 10, 9), sections={
        "process": "Copied by mistake: " + PRIVATE + ".", "private": PRIVATE})
    store.approve_section(db, k2.id, "process")
    return {"azalee": azalee.id, "kestrel": kestrel.id, "s1": s1.id, "s2": s2.id,
            "case": case.id, "k1": k1.id, "k2": k2.id}


@pytest.fixture
def window(qtbot, vault, practice) -> Iterator[MainWindow]:
    w = MainWindow(vault)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.show_page("export")
    yield w
    w.flush()


def page_of(window: MainWindow) -> ExportPage:
    page = window.findChild(ExportPage)
    assert page is not None and page.isVisible()
    return page


def row(parent: QTreeWidgetItem, text: str) -> QTreeWidgetItem:
    found = [parent.child(i) for i in range(parent.childCount())
             if parent.child(i).text(0).startswith(text)]
    assert len(found) == 1, (text, [parent.child(i).text(0) for i in range(parent.childCount())])
    return found[0]


def tick(qtbot, page: ExportPage, item: QTreeWidgetItem) -> None:
    """Space on the current row, as with the keyboard."""
    tree = page.selection.tree
    tree.setCurrentItem(item)
    tree.setFocus()
    before = item.checkState(0)
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert item.checkState(0) != before


def client_row(page: ExportPage, client_id: int) -> QTreeWidgetItem:
    item = page.selection.client_item(client_id)
    assert item is not None
    return item


def wait_status(qtbot, page: ExportPage, client_id: int) -> None:
    qtbot.waitUntil(lambda: client_id in page.selection._status, timeout=10_000)


def preview(qtbot, page: ExportPage) -> None:
    qtbot.waitUntil(page.selection.preview_button.isEnabled)  # the summary follows the ticks
    qtbot.mouseClick(page.selection.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.currentWidget() is page.preview and not page.preview.busy,
                    timeout=20_000)


def wait_idle(qtbot, page: ExportPage) -> None:
    qtbot.waitUntil(lambda: not page.preview.busy, timeout=30_000)


def candidate_row(page: ExportPage, text: str) -> QTreeWidgetItem:
    tree = page.preview.candidates
    found = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
             if tree.topLevelItem(i).text(0) == text]
    assert len(found) == 1, text
    return found[0]


def choose(qtbot, page: ExportPage, text: str) -> None:
    item = candidate_row(page, text)
    tree = page.preview.candidates
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tree.visualItemRect(item).center())
    assert page.preview.current_key() == item.data(0, Qt.ItemDataRole.UserRole)


def export_through_dialog(qtbot, page: ExportPage, path: Path) -> QFileDialog:
    qtbot.mouseClick(page.preview.export_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(QFileDialog, "export_file_dialog")
    assert dialog is not None and dialog.isVisible()
    name = dialog.selectedFiles()[0]
    assert set(dialog.history()) <= {str(Path.home())}  # no folder of an earlier export
    assert Path(name).parent == Path.home()
    dialog.selectFile(str(path))
    dialog.accept()
    dialog.default_name = Path(name).name  # type: ignore[attr-defined]
    return dialog


def no_registered_term(text: str, db) -> None:
    terms = [t for _c, t in store.all_identity_terms(db)]
    pseudonyms = [c.pseudonym for c in store.list_clients(db)]
    assert leak_guard.check(text, [*terms, *pseudonyms]) == []
    low = text.casefold()
    for term in [*(t.term for t in terms), *pseudonyms]:
        assert term.casefold() not in low, term


def test_selection_shows_why_sections_stay_behind(qtbot, window, practice) -> None:
    page = page_of(window)
    azalee = client_row(page, practice["azalee"])
    tick(qtbot, page, azalee)
    wait_status(qtbot, page, practice["azalee"])
    first = row(azalee, "Session 1")
    states = {first.child(i).text(0): first.child(i).text(1) for i in range(first.childCount())}
    assert states == {"What happened": "approved",
                      "Hypotheses": "changed since approval",
                      "Plan": "not approved",
                      "Private — never shared": "private, never shared"}
    assert first.text(1) == "1 approved · 3 left out"
    assert row(azalee, "Case presentation").checkState(0) == Qt.CheckState.Checked
    assert row(azalee, "Case presentation").text(1) == "approved"
    choice = page.selection.choice()
    assert set(choice.session_ids) == {practice["s1"], practice["s2"]}
    assert choice.reflection_ids == (practice["case"],)
    assert "Approved sections to share: 2" in page.selection.summary.text()
    # A date range hides the sessions outside it and leaves them out of the choice.
    page.selection.set_date_range(date(2026, 10, 5), None)
    assert row(azalee, "Session 1").isHidden()
    assert page.selection.choice().session_ids == (practice["s2"],)


def test_select_preview_decide_and_export(qtbot, window, practice, db, tmp_path,
                                          isolated_qsettings) -> None:
    page = page_of(window)
    tick(qtbot, page, client_row(page, practice["azalee"]))
    wait_status(qtbot, page, practice["azalee"])
    qtbot.mouseClick(page.selection.format_group.buttons()[0], Qt.MouseButton.LeftButton)
    assert page.selection.fmt() == "md"
    qtbot.keyClicks(page.selection.recipient, "Dr B., supervisor")
    preview(qtbot, page)

    shown = page.preview.document_text()
    no_registered_term(shown, db)
    assert "[town]" in shown and "[e-mail]" in shown and "[date]" in shown
    assert "Client A" in shown and "Dr B., supervisor" in shown
    assert "envahie" not in shown and "réécrit" not in shown
    assert {candidate_row(page, w).text(3) for w in ("Ysaline", "Marius")} == {"to decide"}
    assert not page.preview.export_button.isEnabled()  # nothing can be written yet

    choose(qtbot, page, "Ysaline")
    qtbot.mouseClick(page.preview.keep_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    assert candidate_row(page, "Ysaline").text(3) == "kept"
    assert "Ysaline" in page.preview.document_text()

    choose(qtbot, page, "Marius")
    qtbot.mouseClick(page.preview.add_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    assert IdentityTerm("Marius", "identifier", None) in store.get_identity(
        db, practice["azalee"]).identifiers
    assert "Marius" not in page.preview.document_text()
    assert "[identifier]" in page.preview.document_text()
    assert all(page.preview.candidates.topLevelItem(i).text(0) != "Marius"
               for i in range(page.preview.candidates.topLevelItemCount()))

    if page.preview.undecided():
        qtbot.mouseClick(page.preview.redact_rest_button, Qt.MouseButton.LeftButton)
        wait_idle(qtbot, page)
    assert page.preview.undecided() == 0 and page.preview.export_button.isEnabled()

    target = tmp_path / "chosen.md"
    dialog = export_through_dialog(qtbot, page, target)
    assert re.fullmatch(r"supervision-\d{8}-[0-9a-f]{4}\.md", dialog.default_name)
    qtbot.waitUntil(lambda: page.last_written == "chosen.md", timeout=20_000)
    written = target.read_text("utf-8")
    assert written == page._prepared.markdown
    no_registered_term(written, db)
    assert "Ysaline" in written and "Marius" not in written and PRIVATE[:30] not in written
    assert "Written: chosen.md" in page.preview.message.text()

    audit = export_store.list_audit(db)
    assert len(audit) == 1
    assert audit[0].sha256 == hashlib.sha256(target.read_bytes()).hexdigest()
    assert (audit[0].recipient, audit[0].format) == ("Dr B., supervisor", "md")
    assert store.get_setting(db, "export.recipient_label") == "Dr B., supervisor"
    # Qt's file dialog wrote its folders to QSettings: they are gone.
    qtbot.waitUntil(lambda: page.findChild(QFileDialog) is None)
    stored = "".join(p.read_text(errors="replace") for p in isolated_qsettings.rglob("*")
                     if p.is_file())
    assert str(tmp_path) not in stored


def test_a_leak_caught_at_the_last_step_writes_nothing(qtbot, window, practice, db,
                                                       tmp_path) -> None:
    """An approved section that copies the private one: the guard stops the export and says
    where (line, column), never what."""
    page = page_of(window)
    kestrel = client_row(page, practice["kestrel"])
    kestrel.setExpanded(True)
    wait_status(qtbot, page, practice["kestrel"])
    tick(qtbot, page, row(kestrel, "Session 2"))
    qtbot.mouseClick(page.selection.format_group.buttons()[1], Qt.MouseButton.LeftButton)
    preview(qtbot, page)
    assert page.preview.undecided() == 0
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "blocked.html"
    export_through_dialog(qtbot, page, target)
    qtbot.waitUntil(lambda: "leak guard" in page.preview.message.text(), timeout=20_000)
    message = page.preview.message.text()
    assert re.search(r"line \d+, column \d+: words from a section you did not approve",
                     message)
    assert "envahie" not in message and "Copied" not in message
    assert list(folder.iterdir()) == []  # not even a temporary file
    assert export_store.list_audit(db) == []
    # The place is marked in the preview, and the view is on it.
    at = page.preview.browser.textCursor().position()
    assert page.preview.document_text()[at:].startswith(PRIVATE[:40])
    probe = QTextCursor(page.preview.browser.document())
    probe.setPosition(at + 1)
    assert probe.charFormat().background().color() == LEAK_COLOUR


def test_sealed_pdf_with_a_passphrase(qtbot, window, practice, db, tmp_path) -> None:
    page = page_of(window)
    kestrel = client_row(page, practice["kestrel"])
    kestrel.setExpanded(True)
    wait_status(qtbot, page, practice["kestrel"])
    tick(qtbot, page, row(kestrel, "Session 1"))
    page.selection.set_fmt("pdf")
    qtbot.mouseClick(page.selection.seal_group.buttons()[1], Qt.MouseButton.LeftButton)
    assert page.selection.passphrase.isVisible()
    qtbot.keyClicks(page.selection.passphrase, "un chemin de pierre")
    qtbot.keyClicks(page.selection.passphrase_again, "un chemin de pierrr")
    preview(qtbot, page)
    qtbot.mouseClick(page.preview.export_button, Qt.MouseButton.LeftButton)
    assert page.findChild(QFileDialog) is None
    assert "differ" in page.preview.message.text()

    page.selection.passphrase_again.wipe()
    qtbot.keyClicks(page.selection.passphrase_again, "un chemin de pierre")
    target = tmp_path / "sealed.pdf.age"
    dialog = export_through_dialog(qtbot, page, target)
    assert dialog.default_name.endswith(".pdf.age")
    qtbot.waitUntil(lambda: page.last_written == "sealed.pdf.age", timeout=60_000)
    data = target.read_bytes()
    assert seal.is_sealed(data) and b"Margaret" not in data
    pdf = seal.open_sealed(data, passphrase="un chemin de pierre")
    assert pdf.startswith(b"%PDF-")
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True,
                          check=True).stdout.decode()
    assert "mother" in text and "Notes for supervision" in text
    no_registered_term(text, db)
    assert page.selection.passphrase.text() == "" == page.selection.passphrase_again.text()
    assert export_store.list_audit(db)[0].format == "pdf+age"


def test_sealed_to_the_supervisors_key_remembered_in_the_vault(qtbot, window, practice, db,
                                                               tmp_path,
                                                               isolated_qsettings) -> None:
    identity = pyrage.x25519.Identity.generate()
    public = str(identity.to_public())
    page = page_of(window)
    tick(qtbot, page, client_row(page, practice["kestrel"]))
    wait_status(qtbot, page, practice["kestrel"])
    tick(qtbot, page, row(client_row(page, practice["kestrel"]), "Session 2"))  # untick
    page.selection.set_fmt("md")
    page.selection.set_seal_mode("key")
    qtbot.keyClicks(page.selection.recipient_key, "age1notakey")
    preview(qtbot, page)
    qtbot.mouseClick(page.preview.export_button, Qt.MouseButton.LeftButton)
    assert "not an age public key" in page.preview.message.text()
    page.selection.recipient_key.setText(public)
    target = tmp_path / "for-supervisor.md.age"
    export_through_dialog(qtbot, page, target)
    qtbot.waitUntil(lambda: page.last_written == target.name, timeout=20_000)
    plain = seal.open_sealed(target.read_bytes(), identity=str(identity)).decode()
    assert plain == page._prepared.markdown and "mother" in plain
    assert store.get_setting(db, "export.recipient_key") == public
    stored = "".join(p.read_text(errors="replace") for p in isolated_qsettings.rglob("*")
                     if p.is_file())
    assert "age1" not in stored
    # A new page (after a lock, say) offers the remembered key again.
    again = ExportPage(window._vault)
    qtbot.addWidget(again)
    assert again.selection.recipient_key.text() == public


def test_nothing_approved_says_so(qtbot, window, practice, db) -> None:
    empty = store.add_client(db, "Bouleau")
    store.add_session(db, empty.id, date(2026, 10, 3), sections={"process": "Not approved."})
    page = page_of(window)
    page.selection.refresh()
    tick(qtbot, page, client_row(page, empty.id))
    qtbot.waitUntil(page.selection.preview_button.isEnabled)
    qtbot.mouseClick(page.selection.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Nothing in this selection" in page.selection.summary.text(),
                    timeout=10_000)
    assert page.currentWidget() is page.selection


def test_back_keeps_the_choice_and_the_decisions(qtbot, window, practice) -> None:
    page = page_of(window)
    tick(qtbot, page, client_row(page, practice["azalee"]))
    wait_status(qtbot, page, practice["azalee"])
    preview(qtbot, page)
    choose(qtbot, page, "Ysaline")
    qtbot.mouseClick(page.preview.keep_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    qtbot.mouseClick(page.preview.back_button, Qt.MouseButton.LeftButton)
    assert page.currentWidget() is page.selection
    assert client_row(page, practice["azalee"]).checkState(0) == Qt.CheckState.Checked
    page.selection.set_fmt("html")
    preview(qtbot, page)
    assert candidate_row(page, "Ysaline").text(3) == "kept"
    assert "Preview" in page.preview.title.text() and "HTML" in page.preview.title.text()
