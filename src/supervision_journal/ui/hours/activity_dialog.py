"""Add, edit or duplicate one ledger activity: every fact a body may ask about, the practitioner's
reflection (what I learned, impact on my practice) and evidence attachments.

Everything is written in one transaction when the dialog is accepted (attachments too), so
Cancel leaves the vault as it was. An entry logged with a supervision session is shown read-only
(its facts are edited on the Supervision page); its attachments can still be managed here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...errors import KnownError, OsReason
from ...hours import store
from ...hours.models import ACTIVITY_KINDS, Activity
from ...hours.profiles import normalise_tag
from ...vault.database import Database
from ..clipboard import SecureLineEdit, SecureTextEdit
from ..error_text import error_text, reason_text
from ..widgets import AMBER, AMBER_TEXT, from_qdate, to_qdate
from . import files
from .duration import format_duration, parse_duration
from .evidence import OPEN_FILTER_EXTENSIONS, EvidenceViewer
from .labels import (
    FORMATS,
    GROUP_FORMATS,
    MODALITIES,
    TAGS,
    format_label,
    hours_text,
    kind_label,
    modality_name,
    tag_label,
)


@dataclass
class Attachment:
    """An attachment in the dialog: stored (``evidence_id``) or waiting for Save (``data``)."""

    filename: str
    mime: str
    size: int
    evidence_id: int | None = None
    data: bytes | None = None


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return QCoreApplication.translate("ActivityDialog", "%1 MB").replace(
            "%1", f"{size / 1024 / 1024:.1f}")
    return QCoreApplication.translate("ActivityDialog", "%1 KB").replace(
        "%1", str(max(1, round(size / 1024))))


class ActivityDialog(QDialog):
    """``ActivityDialog(db)`` logs a new activity, ``(db, activity)`` edits one and
    ``(db, template=activity)`` starts a new one from a copy. After acceptance ``activity``
    holds the stored value and ``evidence_count`` its number of attachments."""

    def __init__(self, db: Database, activity: Activity | None = None, *,
                 template: Activity | None = None, offered_tags: Sequence[str] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._editing = activity
        self.activity: Activity | None = activity
        self.evidence_count = 0
        self._owned = activity is not None and activity.supervision_id is not None
        self._attachments: list[Attachment] = []
        self._removed: list[int] = []
        self.viewer: EvidenceViewer | None = None
        source = activity or template
        self.setWindowTitle(self.tr("New activity") if activity is None and template is None
                            else self.tr("Copy of an activity") if activity is None
                            else self.tr("Activity"))
        self.setModal(True)

        self._build_fields(offered_tags, source)
        self._build_layout()
        if source is not None:
            self._load(source)
        if activity is not None:
            self._attachments = [Attachment(e.filename, e.mime, e.size, e.id)
                                 for e in store.list_evidence(db, activity.id)]
            self._refresh_attachments()
        if self._owned:
            self._make_read_only()
        self._format_changed()
        (self.date_edit if template is not None else self.kind).setFocus()

    # -- construction ----------------------------------------------------------------------
    def _build_fields(self, offered_tags: Sequence[str], source: Activity | None) -> None:
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(self.tr("Kind of activity"))
        for code in ACTIVITY_KINDS:
            self.kind.addItem(kind_label(code), code)

        self.date_edit = QDateEdit(self)
        self.date_edit.setAccessibleName(self.tr("Date"))
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDate(to_qdate(date.today()))

        self.duration = QLineEdit(self)
        self.duration.setAccessibleName(self.tr("Duration in hours and minutes"))
        self.duration.setPlaceholderText(self.tr("h:mm, e.g. 1:30"))
        self.duration.setMaxLength(12)
        self.duration.textChanged.connect(self._duration_changed)
        self.duration_hint = QLabel(self)

        self.format = QComboBox(self)
        self.format.setAccessibleName(self.tr("Format"))
        self.format.addItem(self.tr("—"), None)
        for code in FORMATS:
            self.format.addItem(format_label(code), code)
        self.format.currentIndexChanged.connect(self._format_changed)

        self.group_size = QSpinBox(self)
        self.group_size.setAccessibleName(self.tr("Group size: supervisees, not counting the "
                                                  "supervisor"))
        self.group_size.setRange(0, 500)
        self.group_size.setSpecialValueText(self.tr("not given"))
        self.facilitated = self._tristate(self.tr("Facilitated"))
        self.modality = QComboBox(self)
        self.modality.setAccessibleName(self.tr("Modality"))
        self.modality.addItem(self.tr("—"), None)
        for code in MODALITIES:
            self.modality.addItem(modality_name(code), code)

        self.title = SecureLineEdit(self)
        self.title.setAccessibleName(self.tr("Title"))
        self.title.setPlaceholderText(self.tr("Course, book, event…"))
        self.provider = SecureLineEdit(self)
        self.provider.setAccessibleName(self.tr("Provider or supervisor"))
        self.accredited = self._tristate(self.tr("Accredited"))

        known = list(dict.fromkeys(normalise_tag(t) for t in offered_tags))
        if source is not None:
            known += [normalise_tag(t) for t in source.categories
                      if normalise_tag(t) in TAGS and normalise_tag(t) not in known]
        self.tag_boxes: dict[str, QCheckBox] = {}
        for tag in sorted(known, key=tag_label):
            box = QCheckBox(tag_label(tag), self)
            box.setAccessibleName(self.tr("Topic: %1").replace("%1", tag_label(tag)))
            self.tag_boxes[tag] = box
        self.other_tags = SecureLineEdit(self)
        self.other_tags.setAccessibleName(self.tr("Other topics"))
        self.other_tags.setPlaceholderText(self.tr("Other topics, separated by commas"))

        self.learning = SecureTextEdit(self)
        self.learning.setAccessibleName(self.tr("What I learned"))
        self.learning.setTabChangesFocus(True)
        self.impact = SecureTextEdit(self)
        self.impact.setAccessibleName(self.tr("Impact on my practice"))
        self.impact.setTabChangesFocus(True)

        self.evidence = QListWidget(self)
        self.evidence.setAccessibleName(self.tr("Evidence attachments"))
        self.evidence.setMaximumHeight(110)
        self.evidence.itemActivated.connect(lambda _item: self.view_attachment())
        self.evidence.currentRowChanged.connect(lambda _row: self._update_evidence_buttons())
        self.attach_button = QPushButton(self.tr("&Attach…"), self)
        self.attach_button.setAccessibleName(self.tr("Attach a certificate or other evidence"))
        self.attach_button.clicked.connect(self.choose_attachment)
        self.view_button = QPushButton(self.tr("&View"), self)
        self.view_button.setAccessibleName(self.tr("View the attachment"))
        self.view_button.clicked.connect(self.view_attachment)
        self.remove_button = QPushButton(self.tr("Re&move"), self)
        self.remove_button.setAccessibleName(self.tr("Remove the attachment"))
        self.remove_button.clicked.connect(self.remove_attachment)

        self.owned_note = QLabel(self.tr(
            "This entry was logged with a supervision session. Edit its date, duration and "
            "reflection on the Supervision page; you can attach evidence here."), self)
        self.owned_note.setWordWrap(True)
        self.owned_note.setAutoFillBackground(True)
        palette = self.owned_note.palette()
        palette.setColor(self.owned_note.backgroundRole(), AMBER)
        palette.setColor(self.owned_note.foregroundRole(), AMBER_TEXT)
        self.owned_note.setPalette(palette)
        self.owned_note.setMargin(6)
        self.owned_note.setVisible(False)

        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setAccessibleName(self.tr("Error"))
        self.error.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setToolTip(self.tr("Save (Ctrl+Enter)"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)

    def _tristate(self, name: str) -> QComboBox:
        box = QComboBox(self)
        box.setAccessibleName(name)
        box.addItem(self.tr("Not stated"), None)
        box.addItem(self.tr("Yes"), True)
        box.addItem(self.tr("No"), False)
        return box

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Kind"), self.kind)
        form.addRow(self.tr("&Date"), self.date_edit)
        duration_row = QHBoxLayout()
        duration_row.addWidget(self.duration)
        duration_row.addWidget(self.duration_hint, 1)
        duration_label = QLabel(self.tr("D&uration"), self)
        duration_label.setBuddy(self.duration)
        form.addRow(duration_label, duration_row)
        form.addRow(self.tr("&Format"), self.format)
        size_label = QLabel(self.tr("&Group size\n(supervisees, not counting the supervisor)"),
                            self)
        size_label.setBuddy(self.group_size)
        form.addRow(size_label, self.group_size)
        form.addRow(self.tr("Faci&litated"), self.facilitated)
        form.addRow(self.tr("M&odality"), self.modality)
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("&Provider or supervisor"), self.provider)
        form.addRow(self.tr("Accr&edited"), self.accredited)
        topics = QVBoxLayout()
        topics.setSpacing(2)
        if self.tag_boxes:
            grid = QGridLayout()
            grid.setContentsMargins(0, 0, 0, 0)
            for i, box in enumerate(self.tag_boxes.values()):
                grid.addWidget(box, i // 2, i % 2)
            topics.addLayout(grid)
        topics.addWidget(self.other_tags)
        topics_label = QLabel(self.tr("To&pics"), self)
        topics_label.setBuddy(next(iter(self.tag_boxes.values()), self.other_tags))
        form.addRow(topics_label, topics)

        right = QVBoxLayout()
        for text, widget in ((self.tr("What I &learned"), self.learning),
                             (self.tr("&Impact on my practice"), self.impact)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            right.addWidget(label)
            right.addWidget(widget, 1)
        evidence_label = QLabel(self.tr("E&vidence (certificates, letters): kept encrypted in "
                                        "the vault"), self)
        evidence_label.setWordWrap(True)
        evidence_label.setBuddy(self.evidence)
        right.addWidget(evidence_label)
        right.addWidget(self.evidence)
        row = QHBoxLayout()
        row.addWidget(self.attach_button)
        row.addWidget(self.view_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        right.addLayout(row)

        columns = QHBoxLayout()
        columns.addLayout(form, 5)
        columns.addSpacing(12)
        columns.addLayout(right, 4)
        layout = QVBoxLayout(self)
        layout.addWidget(self.owned_note)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(940, 600)
        self._update_evidence_buttons()

    def _load(self, a: Activity) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(a.kind)))
        self.date_edit.setDate(to_qdate(a.date))
        self.duration.setText(format_duration(a.minutes))
        self.format.setCurrentIndex(max(0, self.format.findData(a.format)))
        self.group_size.setValue(a.group_size or 0)
        self.facilitated.setCurrentIndex(max(0, self.facilitated.findData(a.facilitated)))
        self.modality.setCurrentIndex(max(0, self.modality.findData(a.modality)))
        self.title.setText(a.title)
        self.provider.setText(a.provider)
        self.accredited.setCurrentIndex(max(0, self.accredited.findData(a.accredited)))
        others = []
        for tag in a.categories:
            box = self.tag_boxes.get(normalise_tag(tag))
            if box is not None:
                box.setChecked(True)
            else:
                others.append(tag)
        self.other_tags.setText(", ".join(others))
        self.learning.setPlainText(a.learning)
        self.impact.setPlainText(a.impact)

    def _make_read_only(self) -> None:
        self.owned_note.setVisible(True)
        for widget in (self.kind, self.date_edit, self.duration, self.format, self.group_size,
                       self.facilitated, self.modality, self.title, self.provider,
                       self.accredited, self.other_tags, *self.tag_boxes.values()):
            widget.setEnabled(False)
        self.learning.setReadOnly(True)
        self.impact.setReadOnly(True)

    # -- field logic -----------------------------------------------------------------------
    def _format_changed(self) -> None:
        grouped = self.format.currentData() in GROUP_FORMATS and not self._owned
        self.group_size.setEnabled(grouped)
        self.facilitated.setEnabled(grouped)

    def _duration_changed(self, text: str) -> None:
        minutes = parse_duration(text)
        if not text.strip():
            self.duration_hint.clear()
        elif minutes is None:
            self.duration_hint.setText(self.tr("not a duration"))
        else:
            self.duration_hint.setText(self.tr("%1 h").replace("%1", hours_text(minutes, 2)))

    def categories(self) -> list[str]:
        chosen = [tag for tag, box in self.tag_boxes.items() if box.isChecked()]
        chosen += [t.strip() for t in self.other_tags.text().split(",") if t.strip()]
        return list(dict.fromkeys(chosen))

    # -- attachments -----------------------------------------------------------------------
    def _refresh_attachments(self) -> None:
        self.evidence.clear()
        for item in self._attachments:
            text = self.tr("%1 (%2)").replace("%1", item.filename).replace(
                "%2", _size_text(item.size))
            if item.evidence_id is None:
                text = self.tr("%1 — saved with the activity").replace("%1", text)
            QListWidgetItem(text, self.evidence)
        if self._attachments:
            self.evidence.setCurrentRow(len(self._attachments) - 1)
        self._update_evidence_buttons()

    def _update_evidence_buttons(self) -> None:
        has = 0 <= self.evidence.currentRow() < len(self._attachments)
        self.view_button.setEnabled(has)
        self.remove_button.setEnabled(has)

    def choose_attachment(self) -> None:
        path = files.ask_open_path(
            self, self.tr("Attach evidence"),
            self.tr("Certificates and letters (%1);;All files (*)").replace(
                "%1", OPEN_FILTER_EXTENSIONS))
        if path is not None:
            self.attach_file(path)

    def attach_file(self, path: Path) -> bool:
        """Read ``path`` into the dialog; it is stored, encrypted, when the activity is saved."""
        try:
            size = path.stat().st_size
            if size > store.MAX_EVIDENCE_BYTES:
                raise KnownError("Evidence files are limited to 50 MB each.")
            data = path.read_bytes()
        except OSError as exc:
            self._show_error(self.tr("Cannot read %1: %2").replace("%1", path.name)
                             .replace("%2", reason_text(OsReason(exc))))
            return False
        except KnownError as exc:
            self._show_error(error_text(exc))
            return False
        self._attachments.append(Attachment(path.name, files.guess_mime(path.name), len(data),
                                            data=data))
        self._refresh_attachments()
        self.error.hide()
        return True

    def current_attachment(self) -> Attachment | None:
        row = self.evidence.currentRow()
        return self._attachments[row] if 0 <= row < len(self._attachments) else None

    def view_attachment(self) -> None:
        item = self.current_attachment()
        if item is None:
            return
        try:
            data = item.data if item.data is not None else \
                store.evidence_bytes(self._db, item.evidence_id or 0)
        except KnownError as exc:
            self._show_error(error_text(exc))
            return
        self.viewer = EvidenceViewer(item.filename, item.mime, data, self)
        self.viewer.finished.connect(self.viewer.deleteLater)
        self.viewer.open()

    def remove_attachment(self) -> None:
        row = self.evidence.currentRow()
        if not 0 <= row < len(self._attachments):
            return
        item = self._attachments.pop(row)
        if item.evidence_id is not None:
            self._removed.append(item.evidence_id)
        self._refresh_attachments()

    # -- saving ----------------------------------------------------------------------------
    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def accept(self) -> None:
        if self.save():
            super().accept()

    def save(self) -> bool:
        """Write the activity and its attachments in one transaction; False (with the reason
        shown) when a field is not valid or the vault refused."""
        kind = self.kind.currentData()
        minutes = parse_duration(self.duration.text())
        if minutes is None or (minutes == 0 and kind != "break"):
            self._show_error(self.tr("Give the duration in hours and minutes, e.g. 1:30."))
            self.duration.setFocus()
            return False
        fmt = self.format.currentData()
        grouped = fmt in GROUP_FORMATS
        fields = {
            "format": fmt,
            "group_size": (self.group_size.value() or None) if grouped else None,
            "facilitated": self.facilitated.currentData() if grouped else None,
            "modality": self.modality.currentData(),
            "title": self.title.text().strip(),
            "provider": self.provider.text().strip(),
            "accredited": self.accredited.currentData(),
            "learning": self.learning.toPlainText().strip(),
            "impact": self.impact.toPlainText().strip(),
        }
        on = from_qdate(self.date_edit.date())
        try:
            with self._db.transaction():
                if self._editing is None:
                    saved = store.add_activity(self._db, kind, on, minutes,
                                               categories=self.categories(), **fields)
                elif self._owned:
                    saved = self._editing
                else:
                    saved = store.update_activity(self._db, self._editing.id, kind=kind, on=on,
                                                  minutes=minutes,
                                                  categories=self.categories(), **fields)
                for evidence_id in self._removed:
                    store.delete_evidence(self._db, evidence_id)
                stored = [(item, store.add_evidence(self._db, saved.id, item.filename,
                                                    item.mime, item.data))
                          for item in self._attachments
                          if item.evidence_id is None and item.data is not None]
        except KnownError as exc:
            # The store's messages never quote what was typed.
            self._show_error(error_text(exc))
            return False
        for item, evidence in stored:  # only once the transaction is committed
            item.evidence_id, item.data = evidence.id, None
        self._removed.clear()
        self.activity = saved
        self.evidence_count = len(self._attachments)
        return True
