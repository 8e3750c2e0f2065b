"""The Privacy page: a quiet reminder of closed clients past their retention period, the
retention periods (the journal's default and one client's own, with the reason), erasing a
client, a client's access request, and the record of processing with the privacy notice.

Dates come from an injectable clock (``today``), so tests move time forward. Nothing here
writes a pseudonym to settings, tooltips or file names.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...errors import KnownError
from ...journal import store as journal
from ...journal.models import STANDARD_SECTIONS
from ...privacy import retention
from ...privacy import store as privacy_store
from ...privacy.models import MAX_RETENTION_YEARS, MIN_RETENTION_YEARS, RetentionItem
from ...vault.vault import Vault
from .. import i18n
from ..backups import state as backup_state
from ..clipboard import SecureLineEdit
from ..editor.section_titles import section_title
from ..error_text import error_text
from ..export.files import file_dialog
from ..first_run import busy_bar, heading, notice, paragraph
from ..tasks import run_in_background
from ..widgets import scrolling_page
from . import documents
from .erase_dialog import EraseDialog, ErasureDone, counts_text

if TYPE_CHECKING:
    from ..main_window import MainWindow

PAGE_KEY = "privacy"
# The free template's "body" is the whole note: withholding it would withhold everything.
WITHHOLDABLE: tuple[str, ...] = STANDARD_SECTIONS


def _today() -> date:
    return date.today()


def _now() -> datetime:
    return datetime.now(UTC)


def _group(title: str, parent: QWidget) -> tuple[QGroupBox, QVBoxLayout]:
    box = QGroupBox(title, parent)
    layout = QVBoxLayout(box)
    layout.setSpacing(8)
    return box, layout


class PrivacyPage(QWidget):
    """Signals: client_erased(int): a client is gone (the window's lists were refreshed)."""

    client_erased = Signal(int)

    def __init__(self, vault: Vault, window: MainWindow | None = None, *,
                 today: Callable[[], date] = _today, now: Callable[[], datetime] = _now,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PrivacyPage")
        self.vault = vault
        self._db = vault.db
        self._window = window
        self.today = today
        self.now = now
        self.erase_dialog: EraseDialog | None = None
        self.busy = False
        self._build()
        self.refresh()

    # -- construction --------------------------------------------------------------------------
    def _build(self) -> None:
        body, layout = scrolling_page(self)

        layout.addWidget(heading(self.tr("Privacy"), body))
        layout.addWidget(paragraph(self.tr(
            "Your notes are health data about your clients. Keep them no longer than needed, "
            "erase a client's data on request, and give clients what the journal holds about "
            "them when they ask."), body))
        self._build_reminder(body, layout)
        self._build_client(body, layout)
        self._build_default(body, layout)
        self._build_documents(body, layout)
        self.status = paragraph("", body)
        self.status.setObjectName("privacyStatus")
        layout.addWidget(self.status)
        self.bar = busy_bar(body)
        self.bar.hide()
        layout.addWidget(self.bar)
        layout.addStretch(1)

    def _build_reminder(self, body: QWidget, layout: QVBoxLayout) -> None:
        box, inner = _group(self.tr("Retention reminder"), body)
        self.reminder = notice("", box)
        self.reminder.setObjectName("retentionReminder")
        inner.addWidget(self.reminder)
        self.due_tree = QTreeWidget(box)
        self.due_tree.setObjectName("dueClients")
        self.due_tree.setHeaderLabels([self.tr("Client"), self.tr("Closed on"),
                                       self.tr("Last session"), self.tr("Kept until"),
                                       self.tr("What would be erased")])
        self.due_tree.setRootIsDecorated(False)
        self.due_tree.setAccessibleName(self.tr("Closed clients past their retention period"))
        self.due_tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        inner.addWidget(self.due_tree)
        row = QHBoxLayout()
        row.addStretch(1)
        self.due_erase_button = QPushButton(self.tr("Erase selected client…"), box)
        self.due_erase_button.clicked.connect(self._erase_due)
        row.addWidget(self.due_erase_button)
        inner.addLayout(row)
        self.due_tree.currentItemChanged.connect(lambda *_: self._due_selection())
        self.reminder_box = box
        layout.addWidget(box)

    def _build_client(self, body: QWidget, layout: QVBoxLayout) -> None:
        box, inner = _group(self.tr("One client"), body)
        form = QFormLayout()
        self.client_combo = QComboBox(box)
        self.client_combo.setObjectName("privacyClient")
        self.client_combo.setMinimumContentsLength(16)
        self.client_combo.setAccessibleName(self.tr("Client"))
        form.addRow(self.tr("Client:"), self.client_combo)
        self.policy_label = paragraph("", box)
        self.policy_label.setObjectName("clientPolicy")
        form.addRow(self.tr("Retention:"), self.policy_label)
        self.client_years = QSpinBox(box)
        self.client_years.setRange(MIN_RETENTION_YEARS - 1, MAX_RETENTION_YEARS)
        self.client_years.setSpecialValueText(self.tr("The default"))
        self._years_agree(self.client_years)
        self.client_years.setAccessibleName(self.tr("This client's own period, in years"))
        self.client_reason = SecureLineEdit(box)
        self.client_reason.setPlaceholderText(self.tr(
            "Reason (for example: a complaint is pending)"))
        self.client_reason.setAccessibleName(self.tr("Reason for this client's own period"))
        own = QHBoxLayout()
        own.addWidget(self.client_years)
        own.addWidget(self.client_reason, 1)
        self.client_save = QPushButton(self.tr("Set period"), box)
        own.addWidget(self.client_save)
        form.addRow(self.tr("Own period:"), own)
        inner.addLayout(form)

        inner.addWidget(QLabel(self.tr("Access request: withhold these sections, where the "
                                       "law allows:"), box))
        grid = QGridLayout()
        self.withhold_boxes: dict[str, QCheckBox] = {}
        for index, key in enumerate(WITHHOLDABLE):
            check = QCheckBox(section_title(key), box)
            check.setChecked(key == "private")
            self.withhold_boxes[key] = check
            grid.addWidget(check, index // 2, index % 2)
        inner.addLayout(grid)

        actions = QHBoxLayout()
        self.access_lang = QComboBox(box)
        self.access_lang.addItem(self.tr("English"), "en")
        self.access_lang.addItem(self.tr("French"), "fr")
        self._default_language(self.access_lang)
        self.access_lang.setAccessibleName(self.tr("Language of the access export"))
        actions.addWidget(QLabel(self.tr("Language:"), box))
        actions.addWidget(self.access_lang)
        actions.addStretch(1)
        self.access_button = QPushButton(self.tr("Export PDF and JSON…"), box)
        self.access_button.setObjectName("accessExport")
        actions.addWidget(self.access_button)
        self.erase_button = QPushButton(self.tr("Erase client…"), box)
        self.erase_button.setObjectName("eraseClient")
        actions.addWidget(self.erase_button)
        inner.addLayout(actions)

        self.client_combo.currentIndexChanged.connect(lambda _i: self._show_client())
        self.client_save.clicked.connect(self.save_client_period)
        self.access_button.clicked.connect(self.ask_access_export)
        self.erase_button.clicked.connect(lambda: self.open_erase(self.selected_client_id()))
        layout.addWidget(box)

    def _build_default(self, body: QWidget, layout: QVBoxLayout) -> None:
        box, inner = _group(self.tr("Retention period"), body)
        inner.addWidget(paragraph(self.tr(
            "How long a closed client's records are kept, counted from the last session. Ten "
            "years is the common practice; a client may have their own period."), box))
        row = QHBoxLayout()
        self.default_years = QSpinBox(box)
        self.default_years.setObjectName("defaultYears")
        self.default_years.setRange(MIN_RETENTION_YEARS, MAX_RETENTION_YEARS)
        self._years_agree(self.default_years)
        self.default_years.setAccessibleName(self.tr("Default retention period, in years"))
        self.default_save = QPushButton(self.tr("Set default"), box)
        row.addWidget(QLabel(self.tr("Default period:"), box))
        row.addWidget(self.default_years)
        row.addWidget(self.default_save)
        row.addStretch(1)
        inner.addLayout(row)
        self.default_save.clicked.connect(self.save_default_period)
        layout.addWidget(box)

    def _build_documents(self, body: QWidget, layout: QVBoxLayout) -> None:
        box, inner = _group(self.tr("Record of processing and privacy notice"), body)
        inner.addWidget(paragraph(self.tr(
            "A pre-filled record of processing activities (GDPR Art. 30) and a short notice for "
            "your clients, with your retention period and the journal's real security "
            "settings. Save them, then complete and edit them."), box))
        row = QHBoxLayout()
        self.document_combo = QComboBox(box)
        self.document_combo.addItem(self.tr("Record of processing"), "record")
        self.document_combo.addItem(self.tr("Privacy notice for clients"), "notice")
        self.document_lang = QComboBox(box)
        self.document_lang.addItem(self.tr("English"), "en")
        self.document_lang.addItem(self.tr("French"), "fr")
        self._default_language(self.document_lang)
        self.document_combo.setAccessibleName(self.tr("Document"))
        self.document_lang.setAccessibleName(self.tr("Language of the document"))
        self.save_md_button = QPushButton(self.tr("Save as Markdown…"), box)
        self.save_pdf_button = QPushButton(self.tr("Save as PDF…"), box)
        for widget in (self.document_combo, self.document_lang):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.save_md_button)
        row.addWidget(self.save_pdf_button)
        inner.addLayout(row)
        self.save_md_button.clicked.connect(lambda: self.ask_document("md"))
        self.save_pdf_button.clicked.connect(lambda: self.ask_document("pdf"))
        layout.addWidget(box)

    @staticmethod
    def _default_language(combo: QComboBox) -> None:
        """Documents start in the language the app is shown in."""
        combo.setCurrentIndex(max(combo.findData(i18n.current()), 0))

    # -- filling -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the reminder, the client list and the default period."""
        self.default_years.setValue(retention.default_years(self._db))
        self._fill_reminder(retention.due_for_erasure(self._db, self.today()))
        current = self.selected_client_id()
        blocker = self.client_combo.blockSignals(True)
        try:
            self.client_combo.clear()
            for client in journal.list_clients(self._db):
                self.client_combo.addItem(client.pseudonym, client.id)
            index = self.client_combo.findData(current) if current is not None else -1
            self.client_combo.setCurrentIndex(max(index, 0) if self.client_combo.count() else -1)
        finally:
            self.client_combo.blockSignals(blocker)
        self._show_client()

    def _fill_reminder(self, due: list[RetentionItem]) -> None:
        self.due_tree.clear()
        locale = QLocale()

        def day(value: date | None) -> str:
            return locale.toString(value, QLocale.FormatType.ShortFormat) if value else "—"

        for item in due:
            row = QTreeWidgetItem([item.pseudonym, day(item.closed_on), day(item.last_session),
                                   day(item.keep_until), counts_text(item.counts)])
            row.setData(0, Qt.ItemDataRole.UserRole, item.client_id)
            self.due_tree.addTopLevelItem(row)
        for column in range(4):
            self.due_tree.resizeColumnToContents(column)
        # As tall as its rows (up to six), so a short reminder stays quiet.
        row_height = max(self.due_tree.sizeHintForRow(0), 18) if due else 18
        self.due_tree.setFixedHeight(self.due_tree.header().sizeHint().height()
                                     + min(max(len(due), 1), 6) * row_height
                                     + 2 * self.due_tree.frameWidth() + 4)
        self.due = due
        if due:
            self.reminder.setText(self.tr(
                "%n closed clients are past their retention period. Erase them, or give them "
                "their own period with a reason.", "", len(due)))
        else:
            self.reminder.setText(self.tr("No closed client is past their retention period."))
        self.due_tree.setVisible(bool(due))
        self.due_erase_button.setVisible(bool(due))
        self._due_selection()

    def _due_selection(self) -> None:
        self.due_erase_button.setEnabled(self.due_tree.currentItem() is not None
                                         and not self.busy)

    def selected_client_id(self) -> int | None:
        data = self.client_combo.currentData()
        return int(data) if data is not None else None

    def select_client(self, client_id: int) -> bool:
        index = self.client_combo.findData(client_id)
        if index >= 0:
            self.client_combo.setCurrentIndex(index)
        return index >= 0

    def _show_client(self) -> None:
        client_id = self.selected_client_id()
        for widget in (self.client_years, self.client_reason, self.client_save,
                       self.access_button, self.erase_button):
            widget.setEnabled(client_id is not None and not self.busy)
        if client_id is None:
            self.policy_label.setText(self.tr("No client yet."))
            self.client_years.setValue(0)
            self.client_reason.wipe()
            return
        client = journal.get_client(self._db, client_id)
        rule = retention.policy_for(self._db, client)
        until = (QLocale().toString(rule.keep_until, QLocale.FormatType.ShortFormat)
                 if rule.keep_until else "—")
        if rule.source == "client":
            text = self.tr("%n years after the last session (own period: %1); kept until %2.",
                           "", rule.years).replace("%1", rule.reason or self.tr(
                               "no reason given")).replace("%2", until)
        else:
            text = self.tr("%n years after the last session (the default); kept until %1.",
                           "", rule.years).replace("%1", until)
        if client.status != "closed":
            text += " " + self.tr("The client is active: nothing is due before they are "
                                  "closed.")
        self.policy_label.setText(text)
        self.client_years.setValue(client.retention_years or 0)
        self.client_reason.setText(client.retention_reason or "")

    def _years_agree(self, box: QSpinBox) -> None:
        """The spin box's unit follows its value: " 1 year", " 2 years" (" 1 an", " 2 ans")."""
        def agree(value: int) -> None:
            box.setSuffix(self.tr(" years", "", value))

        box.valueChanged.connect(agree)
        agree(box.value())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()
        window = self._window
        if window is not None and window.current_client_id() is not None:
            self.select_client(window.current_client_id())  # type: ignore[arg-type]

    # -- retention periods ---------------------------------------------------------------------
    def save_default_period(self) -> None:
        try:
            retention.set_default_years(self._db, self.default_years.value())
        except KnownError as exc:
            self.status.setText(error_text(exc))
            return
        self.status.setText(self.tr("The default retention period is now %n years.", "",
                                    self.default_years.value()))
        self.refresh()

    def save_client_period(self) -> None:
        client_id = self.selected_client_id()
        if client_id is None:
            return
        years = self.client_years.value() or None
        reason = self.client_reason.text()
        if years is not None and not reason.strip():
            self.status.setText(self.tr("Give the reason for this client's own period."))
            return
        try:
            retention.set_client_retention(self._db, client_id, years, reason)
        except KnownError as exc:
            self.status.setText(error_text(exc))
            return
        self.status.setText(self.tr("This client's retention period was saved."))
        self.refresh()

    # -- erasure -------------------------------------------------------------------------------
    def _erase_due(self) -> None:
        item = self.due_tree.currentItem()
        if item is not None:
            self.open_erase(int(item.data(0, Qt.ItemDataRole.UserRole)))

    def open_erase(self, client_id: int | None) -> EraseDialog | None:
        if client_id is None or self.busy:
            return None
        if self._window is not None:
            self._window.flush()  # an edit in progress must not recreate a row afterwards
        client = journal.get_client(self._db, client_id)
        folder = backup_state.chosen_folder(self._db)
        folder = backup_state.backup_folder(self._db) if folder is None else folder
        dialog = EraseDialog(self._db, client_id, client.pseudonym,
                             privacy_store.client_counts(self._db, client_id),
                             folder if folder.is_dir() else None, now=self.now,
                             today=self.today, parent=self)
        dialog.erased.connect(lambda outcome: self._erased(client_id, outcome))
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _r: setattr(self, "erase_dialog", None))
        self.erase_dialog = dialog
        dialog.open()
        return dialog

    def _erased(self, client_id: int, outcome: ErasureDone) -> None:
        result = outcome.result
        text = (self.tr("The client was anonymised: %n reflections kept without anything "
                        "identifying.", "", result.reflections_kept)
                if result.anonymised else self.tr("The client was erased."))
        if outcome.backups_deleted:
            text += " " + self.tr("%n older backups were deleted.", "", outcome.backups_deleted)
        if outcome.backups_failed:
            text += " " + self.tr("%n older backups could not be deleted: delete them in the "
                                  "backup folder.", "", outcome.backups_failed)
        self.status.setText(text)
        self.refresh()
        self._refresh_window(client_id)
        self.client_erased.emit(client_id)

    def _refresh_window(self, client_id: int) -> None:
        """The main window's lists, search filter and results forget the client."""
        window = self._window
        if window is None or not shiboken6.isValid(window):
            return
        was_open = window.current_client_id() == client_id
        window.clients_panel.refresh()
        if was_open:
            # The erased client's note stays in the (hidden) editors with its undo history,
            # and its title names the client: wipe both (NoteEditor.clear keeps the title).
            window.editor.clear()
            window.editor.title.clear()
        window.sessions_panel.refresh()
        window.search_panel.refresh_clients()
        if window.search_box.text().strip():
            window.search_panel.run_search()

    # -- access request ------------------------------------------------------------------------
    def withheld_sections(self) -> tuple[str, ...]:
        return tuple(key for key, box in self.withhold_boxes.items() if box.isChecked())

    def ask_access_export(self) -> None:
        if self.selected_client_id() is None or self.busy:
            return
        name = documents.neutral_name("access", "pdf", self.today())
        dialog = file_dialog(self, self.tr("Export a client's data"), save=True, name=name,
                             name_filters=[self.tr("PDF (*.pdf)")])
        dialog.fileSelected.connect(self.write_access_export)
        dialog.open()

    def write_access_export(self, pdf_path: str) -> None:
        client_id = self.selected_client_id()
        if client_id is None or self.busy:
            return
        db, withhold = self._db, self.withheld_sections()
        lang, today = str(self.access_lang.currentData()), self.today()
        self._set_busy(True, self.tr("Writing the export…"))
        self._run(lambda: documents.write_access_export(db, client_id, withhold, lang,
                                                        pdf_path, today),
                  self._access_written)

    def _access_written(self, written: documents.AccessWritten) -> None:
        self.status.setText(self.tr(
            "The client's data was written as PDF and JSON (%n sessions). Withheld sections "
            "are stated as such in both files.", "", written.sessions))
        self.last_access = written

    # -- record of processing / notice ---------------------------------------------------------
    def ask_document(self, fmt: str) -> None:
        if self.busy:
            return
        document = str(self.document_combo.currentData())
        name = documents.neutral_name("record" if document == "record" else "privacy-notice",
                                      fmt, self.today())
        pattern = self.tr("PDF (*.pdf)") if fmt == "pdf" else self.tr("Markdown (*.md)")
        dialog = file_dialog(self, self.document_combo.currentText(), save=True, name=name,
                             name_filters=[pattern])
        dialog.fileSelected.connect(lambda path: self.write_document(fmt, path))
        dialog.open()

    def write_document(self, fmt: str, path: str) -> None:
        if self.busy:
            return
        db, keyfile = self._db, self.vault.keyfile
        document = str(self.document_combo.currentData())
        lang, today = str(self.document_lang.currentData()), self.today()
        self._set_busy(True, self.tr("Writing the document…"))
        self._run(lambda: documents.write_privacy_document(db, keyfile, document, lang, fmt,
                                                           path, today),
                  lambda _p: self.status.setText(self.tr(
                      "Saved. Complete the parts in brackets, then keep it with your records.")))

    # -- background work -----------------------------------------------------------------------
    def _run(self, job: Callable[[], object], on_done: Callable[[object], None]) -> None:
        def done(result: object) -> None:
            if shiboken6.isValid(self):
                self._set_busy(False)
                on_done(result)

        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(self):
                self._set_busy(False)
                self.status.setText(error_text(exc) if isinstance(exc, KnownError) else self.tr(
                    "Writing failed. Nothing was written."))

        run_in_background(job, done, failed)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.busy = busy
        self.bar.setVisible(busy)
        if busy:
            self.status.setText(text)
        for widget in (self.save_md_button, self.save_pdf_button, self.default_save):
            widget.setEnabled(not busy)
        self._show_client()
        self._due_selection()

    def flush(self) -> None:
        """Called by the window before lock and quit: refuse while an erasure or an export is
        under way (closing the vault mid-way would leave the compaction or the file undone);
        the lock is tried again later."""
        dialog = self.erase_dialog
        if self.busy or (dialog is not None and shiboken6.isValid(dialog) and dialog.busy):
            raise KnownError("An erasure or an export is under way; try again in a moment.")

    def wipe(self) -> None:
        self.client_reason.wipe()


def privacy_page(window: MainWindow, vault: Vault) -> tuple[str, str, QWidget]:
    return (PAGE_KEY, QCoreApplication.translate("PrivacyPage", "Privacy"),
            PrivacyPage(vault, window))
