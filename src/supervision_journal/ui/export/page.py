"""The Export page: selection → preview (decide on possible names) → confirm → write.

Everything slow runs in the worker pool: preparing the export (anonymising every approved text),
and finishing it (leak guard, PDF, age sealing of ~6 s, the atomic write). Nothing is written
before the practitioner picks a file name in the save dialog, and nothing at all when the leak
guard refuses: the page then says where (line and column of the preview), never what.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import pyrage
import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QStackedWidget, QWidget

from ...errors import ExportBlocked, KnownError
from ...export import leak_guard, pipeline
from ...export.labels import word
from ...journal import store as journal
from ...journal.models import IdentityTerm
from ...vault.vault import Vault
from ..error_text import error_text
from ..identity_dialog import role_label
from ..tasks import run_in_background
from .files import file_dialog, neutral_name, write_file
from .preview import PreviewView
from .selection import DocumentOptions, SelectionView
from .viewer import SealedViewer

PAGE_KEY = "export"


@dataclass(frozen=True)
class Written:
    path: str
    data: bytes


@dataclass(frozen=True)
class Blocked:
    message: str
    hits: tuple[leak_guard.LeakHit, ...]  # positions in the preview's text


def pdf_renderer(language: str) -> Callable[[str], bytes]:
    def render(html: str) -> bytes:
        from ..pdf import html_to_pdf

        return html_to_pdf(html, title=word("title", language), footer=word("footer", language))

    return render


class ExportPage(QStackedWidget):
    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_page")
        self._db = vault.db
        self._prepared: pipeline.PreparedExport | None = None
        self._request: pipeline.ExportRequest | None = None
        self._fmt = "pdf"
        self._decisions: dict[str, str] = {}
        self._generation = 0
        self._queued = False
        self.last_written: str | None = None  # file name of the last export (tests, status)

        self.selection = SelectionView(self._db, self)
        self.preview = PreviewView(self)
        self.addWidget(self.selection)
        self.addWidget(self.preview)
        self.selection.preview_requested.connect(self.show_preview)
        self.selection.open_sealed_requested.connect(self.open_viewer)
        self.preview.back_requested.connect(self.back)
        self.preview.decided.connect(self.decide)
        self.preview.add_term_requested.connect(self.add_term)
        self.preview.export_requested.connect(self.confirm)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.currentWidget() is self.selection:
            self.selection.refresh()  # approvals may have changed on the Journal page

    # -- preview ---------------------------------------------------------------------------
    def show_preview(self) -> None:
        choice = self.selection.choice()
        if choice.empty:
            return
        options = self.selection.options()
        self._fmt = options.fmt
        self._request = pipeline.ExportRequest(
            client_ids=choice.client_ids, session_ids=choice.session_ids,
            reflection_ids=choice.reflection_ids, date_from=choice.date_from,
            date_to=choice.date_to, candidates="block", decisions=dict(self._decisions),
            language=options.language, recipient=options.recipient)
        self.selection.preview_button.setEnabled(False)
        self.selection.summary.setText(self.tr("Preparing the preview…"))
        self._prepare()

    def _prepare(self) -> None:
        assert self._request is not None
        self._generation += 1
        generation = self._generation
        request = replace(self._request, decisions=dict(self._decisions))
        db = self._db
        if self.currentWidget() is self.preview:
            self.preview.set_busy(True, self.tr("Updating the preview…"))

        def done(prepared: pipeline.PreparedExport) -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                self._prepared_ready(prepared)

        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                self._prepare_failed(exc)

        run_in_background(lambda: pipeline.prepare(db, request), done, failed)

    def _prepared_ready(self, prepared: pipeline.PreparedExport) -> None:
        self.selection.preview_button.setEnabled(True)
        if prepared.empty:
            self.selection.summary.setText(self.tr(
                "Nothing in this selection is approved for supervision. Approve sections or "
                "reflections on the Journal page first."))
            self.setCurrentWidget(self.selection)
            return
        self._prepared = prepared
        self.preview.set_busy(False)
        self.preview.show_prepared(prepared, self._fmt)
        self.setCurrentWidget(self.preview)

    def _prepare_failed(self, exc: BaseException) -> None:
        self.preview.set_busy(False)
        self.selection.preview_button.setEnabled(True)
        message = error_text(exc) if isinstance(exc, KnownError) else self.tr(
            "The preview could not be prepared.")
        if self.currentWidget() is self.preview:
            self.preview.set_message(message)
        else:
            self.selection.summary.setText(message)

    def back(self) -> None:
        self.preview.set_message("")
        self.setCurrentWidget(self.selection)
        self.selection.refresh()

    def decide(self, decisions: dict[str, str]) -> None:
        if self._request is None:
            return
        self._decisions.update(decisions)
        self._prepare()

    def add_term(self, key: str, role: str | None) -> None:
        """Register the candidate word for the client(s) whose notes hold it, then prepare
        again: from now on it is a registered term, replaced in every export."""
        prepared = self._prepared
        if prepared is None:
            return
        found = [c for c in prepared.anonymised.candidates if c.key == key]
        if not found:
            return
        clients = list(dict.fromkeys(prepared.selection.items[c.item_index].client_id
                                     for c in found))
        try:
            for client_id in clients:
                journal.add_identity_term(self._db, client_id,
                                          IdentityTerm(found[0].text.strip(), "identifier", role))
        except KnownError as exc:
            self.preview.set_message(error_text(exc))
            return
        self._decisions.pop(key, None)
        self._prepare()

    # -- writing ---------------------------------------------------------------------------
    def _seal_arguments(self, options: DocumentOptions) -> dict[str, str] | None:
        """The sealing arguments of ``finish``, or None after saying what is wrong."""
        if options.seal == "passphrase":
            if not options.passphrase:
                self.preview.set_message(self.tr("Type a sealing passphrase (twice) on the "
                                                 "selection page, or choose not to seal."))
                return None
            if options.passphrase != options.passphrase_again:
                self.preview.set_message(self.tr("The two sealing passphrases differ."))
                return None
            return {"seal_passphrase": options.passphrase}
        if options.seal == "key":
            try:
                pyrage.x25519.Recipient.from_str(options.recipient_key)
            except Exception:  # pyrage raises its own error types
                self.preview.set_message(self.tr("The supervisor's key is not an age public "
                                                 "key (it starts with age1)."))
                return None
            return {"seal_recipient": options.recipient_key}
        return {}

    def confirm(self) -> None:
        """Export…: check the sealing, then ask where to write (the confirmation)."""
        prepared = self._prepared
        if prepared is None or self.preview.busy or self.preview.undecided():
            return
        options = self.selection.options()
        seal = self._seal_arguments(options)
        if seal is None:
            return
        name = neutral_name(self._fmt, bool(seal))
        dialog = file_dialog(self, self.tr("Export for supervision"), save=True, name=name)
        dialog.fileSelected.connect(lambda path: self.write(path, seal))
        dialog.open()

    def write(self, path: str, seal: dict[str, str]) -> None:
        """Finish (leak guard, render, seal) and write ``path`` in the background."""
        prepared = self._prepared
        if prepared is None:
            return
        fmt = self._fmt
        language = prepared.request.language
        shown = self.preview.document_text()
        sealing = bool(seal)
        self.preview.set_busy(True, self.tr("Sealing and writing… (a passphrase takes a few "
                                            "seconds)") if sealing
                              else self.tr("Checking and writing…"))

        def job() -> Written | Blocked:
            try:
                data = pipeline.finish(prepared, fmt, pdf_renderer=pdf_renderer(language),
                                       **seal)
            except ExportBlocked as exc:
                hits = leak_guard.check(shown, prepared.terms, prepared.unapproved)
                return Blocked(error_text(exc), tuple(hits))
            write_file(path, data)
            return Written(path, data)

        def done(result: Written | Blocked) -> None:
            if shiboken6.isValid(self):
                self._written(result, fmt, sealing)

        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(self):
                self.preview.set_busy(False)
                self.preview.set_message(error_text(exc) if isinstance(exc, KnownError) else
                                         self.tr("The export failed. Nothing was written."))

        run_in_background(job, done, failed)

    def _written(self, result: Written | Blocked, fmt: str, sealed: bool) -> None:
        self.preview.set_busy(False)
        prepared = self._prepared
        if isinstance(result, Blocked):
            self._show_blocked(result)
            return
        assert prepared is not None
        try:
            pipeline.record(self._db, prepared, fmt, result.data, sealed)
            options = self.selection.options()
            journal.set_setting(self._db, "export.recipient_label", options.recipient)
            if options.seal == "key":
                journal.set_setting(self._db, "export.recipient_key", options.recipient_key)
        except KnownError as exc:
            self.preview.set_message(self.tr("The file was written, but the export log could "
                                             "not be updated: %1").replace("%1", error_text(exc)))
            return
        self.selection.clear_passphrases()
        self.last_written = Path(result.path).name
        self.preview.set_message(self.tr("Written: %1. The export is recorded in the export "
                                         "log.").replace("%1", self.last_written))

    def _show_blocked(self, blocked: Blocked) -> None:
        self.preview.show_leaks(blocked.hits)
        if blocked.hits:
            places = "; ".join(self._where(hit) for hit in blocked.hits[:5])
            more = len(blocked.hits) - 5
            text = self.tr("The leak guard stopped the export: nothing was written. %1").replace(
                "%1", places)
            if more > 0:
                text += " " + self.tr("Places not listed: %1.").replace("%1", str(more))
        else:
            text = blocked.message
        self.preview.set_message(text)

    def _where(self, hit: leak_guard.LeakHit) -> str:
        if hit.kind == "registered_term":
            what = self.tr("a registered name (%1)").replace("%1", role_label(hit.role))
        else:
            what = self.tr("words from a section you did not approve")
        return self.tr("line %1, column %2: %3").replace("%1", str(hit.line)).replace(
            "%2", str(hit.column)).replace("%3", what)

    # -- the viewer ------------------------------------------------------------------------
    def open_viewer(self) -> SealedViewer:
        viewer = SealedViewer(self)
        viewer.show()
        return viewer

    def wipe(self) -> None:
        self._prepared = None
        self.preview.wipe()
        self.selection.clear_passphrases()


def export_page(window: QWidget, vault: Vault) -> tuple[str, str, QWidget]:
    """The page factory of ``ui/pages.py``."""
    page = ExportPage(vault, window)
    return PAGE_KEY, QCoreApplication.translate("Pages", "Export"), page
