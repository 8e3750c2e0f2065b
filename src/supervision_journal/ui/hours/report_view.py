"""The renewal report from the app: choose a profile, a cycle and a format, look at it, export
it. Rendering and writing happen on a worker thread; the file is written through QSaveFile
under a neutral default name chosen in a dialog that keeps no history. Everything typed goes
through the redactor first: the report carries no client data.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...errors import KnownError
from ...export import store as export_store
from ...export.redact import redactor
from ...hours.models import Activity
from ...hours.profiles import Profile
from ...hours.progress import cycle_end
from ...hours.report import RenewalReport, build_report
from ...vault.database import Database
from ..error_text import error_text
from ..i18n import NATIVE_NAMES, SUPPORTED
from ..tasks import run_in_background
from ..widgets import format_date
from . import files
from .summary import cycle_starts

FORMATS = ("pdf", "csv", "md")
PREVIEW_DELAY_MS = 120


@dataclass(frozen=True)
class ReportRequest:
    """Everything the worker needs: plain values, no database."""

    profile: Profile
    activities: tuple[Activity, ...]
    start: date
    as_of: date
    language: str
    redact: Callable[[str], str]

    def build(self) -> RenewalReport:
        return build_report(self.profile, self.activities, self.start, self.as_of,
                            self.language, self.redact)


def render(request: ReportRequest, fmt: str) -> bytes:
    """The report as file bytes (runs on a worker thread)."""
    report = request.build()
    if fmt == "csv":
        return report.to_csv().encode("utf-8")
    if fmt == "md":
        return report.to_markdown().encode("utf-8")
    from ..pdf import html_to_pdf

    return html_to_pdf(report.to_html(), title=report.document_title,
                       footer=report.document_title)


def default_file_name(fmt: str) -> str:
    return f"renewal-report.{fmt}"


class ReportView(QWidget):
    exported = Signal(str)  # the file name written

    def __init__(self, db: Database, *, profiles: Callable[[], dict[str, Profile]],
                 activities: Callable[[], Sequence[Activity]],
                 anchor: Callable[[Profile], date], language: Callable[[], str],
                 today: Callable[[], date] = date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._profiles = profiles
        self._activities = activities
        self._anchor = anchor
        self._language = language
        self._today = today
        self._generation = 0
        self._language_set = False
        self.busy = False
        self.last_path: Path | None = None
        self._build()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)

    def _build(self) -> None:
        self.profile_box = QComboBox(self)
        self.profile_box.setAccessibleName(self.tr("Profile of the report"))
        self.profile_box.currentIndexChanged.connect(self._profile_changed)
        self.cycle_box = QComboBox(self)
        self.cycle_box.setAccessibleName(self.tr("Cycle of the report"))
        self.cycle_box.currentIndexChanged.connect(self.schedule_preview)
        self.language_box = QComboBox(self)
        self.language_box.setAccessibleName(self.tr("Language of the report"))
        for code in SUPPORTED:
            self.language_box.addItem(NATIVE_NAMES[code], code)
        self.language_box.currentIndexChanged.connect(self.schedule_preview)
        self.format_box = QComboBox(self)
        self.format_box.setAccessibleName(self.tr("File format"))
        for code, name in zip(FORMATS, (self.tr("PDF (to sign and send)"),
                                        self.tr("CSV (spreadsheet)"),
                                        self.tr("Markdown (plain text)")), strict=True):
            self.format_box.addItem(name, code)

        form = QFormLayout()
        form.addRow(self.tr("&Profile"), self.profile_box)
        form.addRow(self.tr("C&ycle"), self.cycle_box)
        form.addRow(self.tr("&Language"), self.language_box)
        form.addRow(self.tr("&Format"), self.format_box)

        note = QLabel(self.tr(
            "The report lists your activities with what you learned and its impact, totals "
            "per requirement and a signature line. Client pseudonyms and identifying details "
            "are replaced by their role wherever they were typed."), self)
        note.setWordWrap(True)

        self.export_button = QPushButton(self.tr("&Export…"), self)
        self.export_button.setAccessibleName(self.tr("Export the report"))
        self.export_button.clicked.connect(self.choose_and_export)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.setAccessibleName(self.tr("Preparing the report"))
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addWidget(self.progress)
        row.addWidget(self.status, 1)

        self.preview = QTextBrowser(self)
        self.preview.setAccessibleName(self.tr("Preview of the report"))
        self.preview.setOpenLinks(False)

        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(note)
        left.addLayout(row)
        left.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(left, 2)
        layout.addWidget(self.preview, 3)

    # -- choices ---------------------------------------------------------------------------
    def refresh(self, preferred: str | None = None) -> None:
        """Reload the profiles (after a change of choices) and keep or take ``preferred``."""
        profiles = self._profiles()
        language = self._language()
        current = preferred or self.profile_box.currentData()
        self.profile_box.blockSignals(True)
        self.profile_box.clear()
        for pid, profile in sorted(profiles.items(), key=lambda kv: kv[1].name.get(language)):
            self.profile_box.addItem(profile.name.get(language), pid)
        self.profile_box.setCurrentIndex(max(0, self.profile_box.findData(current)))
        self.profile_box.blockSignals(False)
        if not self._language_set:  # the app's language first; the user's choice after
            self._language_set = True
            self.language_box.setCurrentIndex(max(0, self.language_box.findData(language)))
        self._profile_changed()

    def current_profile(self) -> Profile | None:
        return self._profiles().get(self.profile_box.currentData() or "")

    def _profile_changed(self, *_args: object) -> None:
        profile = self.current_profile()
        self.cycle_box.blockSignals(True)
        self.cycle_box.clear()
        if profile is not None:
            today = self._today()
            for n, start in enumerate(cycle_starts(profile, self._anchor(profile), today)):
                last = cycle_end(profile, start) - timedelta(days=1)
                text = self.tr("%1 to %2").replace("%1", format_date(start)).replace(
                    "%2", format_date(last))
                if n == 0:
                    text = self.tr("%1 (current)").replace("%1", text)
                self.cycle_box.addItem(text, start)
        self.cycle_box.blockSignals(False)
        self.schedule_preview()

    def request(self) -> ReportRequest | None:
        profile = self.current_profile()
        start = self.cycle_box.currentData()
        if profile is None or not isinstance(start, date):
            return None
        as_of = min(self._today(), cycle_end(profile, start) - timedelta(days=1))
        return ReportRequest(profile, tuple(self._activities()), start, as_of,
                             self.language_box.currentData(), redactor(self._db))

    # -- preview ---------------------------------------------------------------------------
    def schedule_preview(self, *_args: object) -> None:
        # Only while the report is on screen: no work for a preview nobody looks at.
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._timer.stop()

    def update_preview(self) -> None:
        request = self.request()
        if request is None:
            self.preview.clear()
            return
        self._generation += 1
        generation = self._generation

        def show(page: str) -> None:
            if generation == self._generation:  # a newer choice may have been made since
                self.preview.setHtml(page)

        run_in_background(lambda: request.build().to_html(), show, self._failed)

    # -- export ----------------------------------------------------------------------------
    def current_format(self) -> str:
        return self.format_box.currentData()

    def choose_and_export(self) -> None:
        fmt = self.current_format()
        filters = {"pdf": self.tr("PDF files (*.pdf)"), "csv": self.tr("CSV files (*.csv)"),
                   "md": self.tr("Markdown files (*.md)")}
        path = files.ask_save_path(self, self.tr("Export the renewal report"),
                                   default_file_name(fmt), filters[fmt])
        if path is not None:
            self.export_to(path, fmt)

    def export_to(self, path: Path, fmt: str) -> None:
        request = self.request()
        if request is None or self.busy:
            return
        self.busy = True
        self.export_button.setEnabled(False)
        self.progress.show()
        self.status.setText(self.tr("Preparing the report…"))

        def work() -> str:
            data = render(request, fmt)
            files.save_bytes(path, data)
            return hashlib.sha256(data).hexdigest()

        def done(digest: str) -> None:
            self._finished()
            export_store.add_audit(self._db, "renewal", fmt=fmt,
                                   items=[request.profile.id, request.start.isoformat(),
                                          request.as_of.isoformat()], sha256=digest)
            self.last_path = path
            self.status.setText(self.tr("Report saved as %1.").replace("%1", path.name))
            self.exported.emit(path.name)

        run_in_background(work, done, self._failed)

    def _finished(self) -> None:
        self.busy = False
        self.export_button.setEnabled(True)
        self.progress.hide()

    def _failed(self, exc: BaseException) -> None:
        self._finished()
        if isinstance(exc, KnownError):
            self.status.setText(error_text(exc))
            return
        self.status.setText(self.tr("The report could not be prepared."))
        from ..crash import report_exception  # type and frames only, never the text

        report_exception(type(exc), exc, exc.__traceback__)
