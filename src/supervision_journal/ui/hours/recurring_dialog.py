"""Recurring entries in one go, e.g. supervision every other Tuesday, 1.5 h, from one date to
another: every entry is created in one transaction (all or none)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...errors import KnownError
from ...hours import store
from ...hours.models import ACTIVITY_KINDS, Activity
from ...vault.database import Database
from ..clipboard import SecureLineEdit
from ..error_text import error_text
from ..widgets import format_date, from_qdate, to_qdate
from .duration import parse_duration
from .labels import FORMATS, GROUP_FORMATS, MODALITIES, format_label, kind_label, modality_name
from .recurrence import MAX_OCCURRENCES, every_n_weeks


class RecurringDialog(QDialog):
    """After acceptance ``created`` holds the new activities, oldest first."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.created: list[Activity] = []
        self.setWindowTitle(self.tr("Recurring entries"))
        self.setModal(True)

        intro = QLabel(self.tr("Log a regular arrangement at once, for example supervision "
                               "every other Tuesday. Each date becomes an entry you can edit "
                               "or delete later."), self)
        intro.setWordWrap(True)

        self.kind = QComboBox(self)
        self.kind.setAccessibleName(self.tr("Kind of activity"))
        for code in ACTIVITY_KINDS:
            if code not in ("client_practice", "break"):
                self.kind.addItem(kind_label(code), code)
        self.format = QComboBox(self)
        self.format.setAccessibleName(self.tr("Format"))
        for code in FORMATS:
            self.format.addItem(format_label(code), code)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.group_size = QSpinBox(self)
        self.group_size.setAccessibleName(self.tr("Group size: supervisees, not counting the "
                                                  "supervisor"))
        self.group_size.setRange(0, 500)
        self.group_size.setSpecialValueText(self.tr("not given"))
        self.modality = QComboBox(self)
        self.modality.setAccessibleName(self.tr("Modality"))
        self.modality.addItem(self.tr("—"), None)
        for code in MODALITIES:
            self.modality.addItem(modality_name(code), code)
        self.provider = SecureLineEdit(self)
        self.provider.setAccessibleName(self.tr("Provider or supervisor"))
        self.title = SecureLineEdit(self)
        self.title.setAccessibleName(self.tr("Title"))
        self.duration = QLineEdit("1:30", self)
        self.duration.setAccessibleName(self.tr("Duration in hours and minutes"))
        self.duration.setPlaceholderText(self.tr("h:mm, e.g. 1:30"))
        self.first = QDateEdit(self)
        self.first.setAccessibleName(self.tr("First date"))
        self.first.setDisplayFormat("yyyy-MM-dd")
        self.first.setCalendarPopup(True)
        self.first.setDate(to_qdate(date.today()))
        self.last = QDateEdit(self)
        self.last.setAccessibleName(self.tr("Last date"))
        self.last.setDisplayFormat("yyyy-MM-dd")
        self.last.setCalendarPopup(True)
        self.last.setDate(to_qdate(date.today() + timedelta(days=182)))
        self.weeks = QSpinBox(self)
        self.weeks.setAccessibleName(self.tr("Every how many weeks"))
        self.weeks.setRange(1, 12)
        self.weeks.setValue(2)

        self.preview = QLabel(self)
        self.preview.setWordWrap(True)
        self.preview.setAccessibleName(self.tr("Entries to create"))
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setAccessibleName(self.tr("Error"))
        self.error.hide()

        form = QFormLayout()
        form.addRow(self.tr("&Kind"), self.kind)
        form.addRow(self.tr("&Format"), self.format)
        size_label = QLabel(self.tr("&Group size\n(supervisees, not counting the supervisor)"),
                            self)
        size_label.setBuddy(self.group_size)
        form.addRow(size_label, self.group_size)
        form.addRow(self.tr("M&odality"), self.modality)
        form.addRow(self.tr("&Provider or supervisor"), self.provider)
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("D&uration"), self.duration)
        form.addRow(self.tr("F&rom"), self.first)
        form.addRow(self.tr("&To"), self.last)
        form.addRow(self.tr("&Every … weeks"), self.weeks)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

        for signal in (self.first.dateChanged, self.last.dateChanged,
                       self.weeks.valueChanged, self.duration.textChanged):
            signal.connect(self._update_preview)
        self._format_changed()
        self._update_preview()
        self.kind.setFocus()

    def dates(self) -> list[date]:
        return every_n_weeks(from_qdate(self.first.date()), from_qdate(self.last.date()),
                             self.weeks.value())

    def _format_changed(self) -> None:
        self.group_size.setEnabled(self.format.currentData() in GROUP_FORMATS)

    def _update_preview(self) -> None:
        days = self.dates()
        minutes = parse_duration(self.duration.text())
        ok = 0 < len(days) <= MAX_OCCURRENCES and bool(minutes)
        self.ok_button.setEnabled(ok)
        self.ok_button.setText(self.tr("Create %n entries", "", len(days))
                               if ok else self.tr("Create"))
        if not days:
            self.preview.setText(self.tr("The last date is before the first."))
        elif len(days) > MAX_OCCURRENCES:
            self.preview.setText(self.tr("That is more than %1 entries: choose a nearer last "
                                         "date.").replace("%1", str(MAX_OCCURRENCES)))
        elif not minutes:
            self.preview.setText(self.tr("Give the duration in hours and minutes, e.g. 1:30."))
        else:
            weekday = QLocale().dayName(days[0].isoweekday())
            self.preview.setText(
                self.tr("%n entries, each on a %1, from %2 to %3.", "", len(days))
                .replace("%1", weekday)
                .replace("%2", format_date(days[0])).replace("%3", format_date(days[-1])))

    def accept(self) -> None:
        if self.save():
            super().accept()

    def save(self) -> bool:
        days = self.dates()
        minutes = parse_duration(self.duration.text())
        if not days or len(days) > MAX_OCCURRENCES or not minutes:
            return False
        fmt = self.format.currentData()
        fields = {"format": fmt,
                  "group_size": (self.group_size.value() or None) if fmt in GROUP_FORMATS
                  else None,
                  "modality": self.modality.currentData(),
                  "provider": self.provider.text().strip(), "title": self.title.text().strip()}
        try:
            with self._db.transaction():
                created = [store.add_activity(self._db, self.kind.currentData(), day, minutes,
                                              **fields) for day in days]
        except KnownError as exc:
            self.error.setText(error_text(exc))
            self.error.show()
            return False
        self.created = created
        return True
