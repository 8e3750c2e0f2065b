"""The first step of an export: what to share, and how the document is made.

A tree lists clients (by pseudonym); a client's sessions are read when the client is opened or
ticked. Each session shows which of its sections are approved, and why the others stay behind
(not approved, changed since approval, private), from ``export.select``: the same function the
export itself uses, run in the background per client. Reflections written about a client rather
than one session (a case presentation) are ticked on their own; reflections about a session come
with it when approved.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

import shiboken6
from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...export.select import Selection, select
from ...journal import store as journal
from ...journal.models import NEVER_SHARED, STANDARD_SECTIONS, Reflection, Session
from ...prompts.library import PromptLibrary, load_library
from ...vault.database import Database
from .. import i18n
from ..clipboard import SecureLineEdit
from ..editor.section_titles import section_title
from ..tasks import run_in_background
from ..widgets import ACCENT, AMBER, format_date, from_qdate, to_qdate
from .labels import exclusion_reason

KIND = Qt.ItemDataRole.UserRole
REF = Qt.ItemDataRole.UserRole + 1
CASE_PRESENTATION = "case.presentation"
# Reading order of a note, the free template's body included; private always last.
_ORDER = {key: n for n, key in enumerate(
    (*(k for k in STANDARD_SECTIONS if k != NEVER_SHARED), "body", NEVER_SHARED))}


@dataclass(frozen=True)
class Choice:
    """What the practitioner picked in the tree."""

    client_ids: tuple[int, ...]
    session_ids: tuple[int, ...]
    reflection_ids: tuple[int, ...]
    date_from: date | None
    date_to: date | None

    @property
    def empty(self) -> bool:
        return not (self.session_ids or self.reflection_ids)


@dataclass(frozen=True)
class DocumentOptions:
    language: str
    recipient: str
    fmt: str  # md | html | pdf
    seal: str  # none | passphrase | key
    passphrase: str
    passphrase_again: str
    recipient_key: str


class SelectionView(QWidget):
    """Signals: preview_requested (the Preview button), open_sealed_requested."""

    preview_requested = Signal()
    open_sealed_requested = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._status: dict[int, Selection] = {}  # client id → its selection (all sessions)
        self._loading: set[int] = set()
        self._populated: set[int] = set()
        self._summary_timer = QTimer(self)
        self._summary_timer.setSingleShot(True)
        self._summary_timer.setInterval(0)
        self._summary_timer.timeout.connect(self._update_summary)

        heading = QLabel(self.tr("Export for supervision"), self)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel(self.tr(
            "Only approved sections and reflections can leave the journal. Names, places, "
            "dates and contact details are replaced; you see the result before anything is "
            "written."), self)
        intro.setWordWrap(True)

        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("What to share"), self.tr("Approval")])
        self.tree.setAccessibleName(self.tr("Clients, sessions and sections to share"))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.tree.itemExpanded.connect(self._expanded)
        self.tree.itemChanged.connect(self._item_changed)

        self.from_check = QCheckBox(self.tr("From"), self)
        self.date_from = QDateEdit(self)
        self.to_check = QCheckBox(self.tr("to"), self)
        self.date_to = QDateEdit(self)
        today = QDate.currentDate()
        for check, edit, initial in ((self.from_check, self.date_from, today.addMonths(-3)),
                                     (self.to_check, self.date_to, today)):
            edit.setCalendarPopup(True)
            edit.setDate(initial)
            edit.setEnabled(False)
            edit.setAccessibleName(check.text())
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self._apply_dates)
            edit.dateChanged.connect(self._apply_dates)
        self.date_from.setAccessibleName(self.tr("Sessions from"))
        self.date_to.setAccessibleName(self.tr("Sessions up to"))
        dates = QHBoxLayout()
        dates.addWidget(QLabel(self.tr("Dates:"), self))
        dates.addWidget(self.from_check)
        dates.addWidget(self.date_from)
        dates.addWidget(self.to_check)
        dates.addWidget(self.date_to)
        dates.addStretch(1)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("What the export will hold"))

        left = QVBoxLayout()
        left.addWidget(heading)
        left.addWidget(intro)
        left.addWidget(self.tree, 1)
        left.addLayout(dates)
        left.addWidget(self.summary)

        right = QVBoxLayout()
        right.addWidget(self._build_options())
        right.addStretch(1)
        self.open_sealed_button = QPushButton(self.tr("Open a sealed file…"), self)
        self.open_sealed_button.setToolTip(self.tr("Read an export sealed with age, without "
                                                   "writing it to disk"))
        self.open_sealed_button.clicked.connect(self.open_sealed_requested)
        self.preview_button = QPushButton(self.tr("&Preview…"), self)
        self.preview_button.setDefault(True)
        self.preview_button.setEnabled(False)
        self.preview_button.clicked.connect(self.preview_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_sealed_button)
        buttons.addStretch(1)
        buttons.addWidget(self.preview_button)
        right.addLayout(buttons)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(16)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        self.refresh()

    # -- options ---------------------------------------------------------------------------
    def _build_options(self) -> QGroupBox:
        box = QGroupBox(self.tr("Document"), self)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.language = QComboBox(box)
        for code in i18n.SUPPORTED:
            self.language.addItem(i18n.NATIVE_NAMES[code], code)
        current = self.language.findData(i18n.current())
        self.language.setCurrentIndex(max(current, 0))
        self.language.setAccessibleName(self.tr("Language of the document"))
        form.addRow(self.tr("&Language:"), self.language)

        self.recipient = SecureLineEdit(box)
        self.recipient.setPlaceholderText(self.tr("for example: my supervisor"))
        self.recipient.setAccessibleName(self.tr("Who the document is for"))
        self.recipient.setMaxLength(120)
        self.recipient.setText(str(journal.get_setting(self._db, "export.recipient_label", "")))
        form.addRow(self.tr("&For:"), self.recipient)

        self.format_group = QButtonGroup(box)
        formats = QHBoxLayout()
        for code, text in (("md", self.tr("&Markdown")), ("html", self.tr("&HTML")),
                           ("pdf", self.tr("P&DF"))):
            button = QRadioButton(text, box)
            button.setProperty("code", code)
            self.format_group.addButton(button)
            formats.addWidget(button)
        formats.addStretch(1)
        self.format_group.buttons()[2].setChecked(True)
        form.addRow(self.tr("Format:"), formats)

        self.seal_group = QButtonGroup(box)
        seal_box = QVBoxLayout()
        for code, text in (("none", self.tr("&Not sealed")),
                           ("passphrase", self.tr("Sealed with a pass&phrase")),
                           ("key", self.tr("Sealed to my supervisor's age &key"))):
            button = QRadioButton(text, box)
            button.setProperty("code", code)
            self.seal_group.addButton(button)
            seal_box.addWidget(button)
        self.seal_group.buttons()[0].setChecked(True)
        form.addRow(self.tr("Sealing:"), seal_box)

        self.passphrase = SecureLineEdit(box)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Sealing passphrase"))
        self.passphrase_again = SecureLineEdit(box)
        self.passphrase_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_again.setAccessibleName(self.tr("Sealing passphrase, again"))
        self.passphrase_label = QLabel(self.tr("Passphrase:"), box)
        self.passphrase_again_label = QLabel(self.tr("Again:"), box)
        form.addRow(self.passphrase_label, self.passphrase)
        form.addRow(self.passphrase_again_label, self.passphrase_again)

        self.recipient_key = QLineEdit(box)
        self.recipient_key.setPlaceholderText("age1…")
        self.recipient_key.setAccessibleName(self.tr("Supervisor's age public key"))
        self.recipient_key.setText(str(journal.get_setting(self._db, "export.recipient_key",
                                                           "")))
        self.recipient_key_label = QLabel(self.tr("Public key:"), box)
        form.addRow(self.recipient_key_label, self.recipient_key)
        self.seal_hint = QLabel(self.tr(
            "Your supervisor opens a sealed file with any age tool, or with this app's "
            "viewer. The key is remembered in the vault."), box)
        self.seal_hint.setWordWrap(True)
        self.seal_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        form.addRow(self.seal_hint)
        self.seal_group.buttonToggled.connect(self._seal_changed)
        self._seal_changed()
        return box

    def _seal_changed(self, *_args: object) -> None:
        mode = self.seal_mode()
        for widget in (self.passphrase, self.passphrase_again, self.passphrase_label,
                       self.passphrase_again_label):
            widget.setVisible(mode == "passphrase")
        for widget in (self.recipient_key, self.recipient_key_label):
            widget.setVisible(mode == "key")
        self.seal_hint.setVisible(mode != "none")

    def seal_mode(self) -> str:
        checked = self.seal_group.checkedButton()
        return str(checked.property("code")) if checked else "none"

    def set_seal_mode(self, code: str) -> None:
        for button in self.seal_group.buttons():
            if button.property("code") == code:
                button.setChecked(True)

    def fmt(self) -> str:
        checked = self.format_group.checkedButton()
        return str(checked.property("code")) if checked else "pdf"

    def set_fmt(self, code: str) -> None:
        for button in self.format_group.buttons():
            if button.property("code") == code:
                button.setChecked(True)

    def options(self) -> DocumentOptions:
        return DocumentOptions(str(self.language.currentData()), self.recipient.text().strip(),
                               self.fmt(), self.seal_mode(), self.passphrase.text(),
                               self.passphrase_again.text(), self.recipient_key.text().strip())

    def clear_passphrases(self) -> None:
        self.passphrase.wipe()
        self.passphrase_again.wipe()

    # -- the tree --------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the clients again, keeping what was ticked and opened (approvals may have
        changed on the Journal page in between)."""
        choice = self.choice()
        ticked_sessions, ticked_reflections = set(choice.session_ids), set(
            choice.reflection_ids)
        opened = {self._ref(self.tree.topLevelItem(i))
                  for i in range(self.tree.topLevelItemCount())
                  if self.tree.topLevelItem(i).isExpanded()}
        reopen = {cid for cid in self._populated if cid in opened or cid in choice.client_ids}
        self._status.clear()
        self._populated.clear()
        self.tree.blockSignals(True)
        try:
            self.tree.clear()
            clients = sorted(journal.list_clients(self._db), key=lambda c: c.pseudonym.casefold())
            for client in clients:
                item = QTreeWidgetItem(self.tree, [client.pseudonym, self._sessions_text(
                    client.session_count)])
                item.setData(0, KIND, "client")
                item.setData(0, REF, client.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable
                              | Qt.ItemFlag.ItemIsAutoTristate)
                item.setCheckState(0, Qt.CheckState.Unchecked)
                item.setChildIndicatorPolicy(
                    QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
            for index in range(self.tree.topLevelItemCount()):
                item = self.tree.topLevelItem(index)
                if self._ref(item) in reopen:
                    self._populate(item, ticked_sessions, ticked_reflections)
                    item.setExpanded(self._ref(item) in opened)
        finally:
            self.tree.blockSignals(False)
        self._summary_timer.start()

    def _sessions_text(self, count: int) -> str:
        return self.tr("Sessions: %1").replace("%1", str(count))

    @staticmethod
    def _ref(item: QTreeWidgetItem) -> int:
        return int(item.data(0, REF))

    def client_item(self, client_id: int) -> QTreeWidgetItem | None:
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            if self._ref(item) == client_id:
                return item
        return None

    def _expanded(self, item: QTreeWidgetItem) -> None:
        if item.data(0, KIND) == "client" and self._ref(item) not in self._populated:
            self.tree.blockSignals(True)
            try:
                self._populate(item)
            finally:
                self.tree.blockSignals(False)

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if column != 0:
            return
        if item.data(0, KIND) == "client" and self._ref(item) not in self._populated:
            state = item.checkState(0)
            self.tree.blockSignals(True)
            try:
                self._populate(item, tick_all=state == Qt.CheckState.Checked)
            finally:
                self.tree.blockSignals(False)
        self._summary_timer.start()

    def _populate(self, item: QTreeWidgetItem, ticked_sessions: set[int] | None = None,
                  ticked_reflections: set[int] | None = None, tick_all: bool = False) -> None:
        """Sessions (newest first) and reflections of one client; then its approvals in the
        background."""
        client_id = self._ref(item)
        self._populated.add(client_id)
        item.takeChildren()
        sessions = sorted(journal.list_sessions(self._db, client_id),
                          key=lambda s: (s.date, s.number), reverse=True)
        reflections = journal.list_reflections(self._db, client_id=client_id)
        library = load_library(i18n.current() if i18n.current() in i18n.SUPPORTED else "en")
        by_session: dict[int, list[Reflection]] = {}
        for reflection in reflections:
            if reflection.session_id is not None:
                by_session.setdefault(reflection.session_id, []).append(reflection)
        for reflection in reflections:
            if reflection.session_id is None and reflection.text.strip():
                row = self._reflection_row(item, reflection, library)
                if reflection.approval == "approved":
                    row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    on = tick_all or reflection.id in (ticked_reflections or ())
                    row.setCheckState(0, Qt.CheckState.Checked if on
                                      else Qt.CheckState.Unchecked)
        for session in sessions:
            row = QTreeWidgetItem(item, [self._session_text(session), self.tr("…")])
            row.setData(0, KIND, "session")
            row.setData(0, REF, session.id)
            row.setData(1, REF, session.date.toordinal())
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = tick_all or session.id in (ticked_sessions or ())
            row.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            for reflection in by_session.get(session.id, []):
                if reflection.text.strip():
                    self._reflection_row(row, reflection, library)
        if not sessions and not any(r.session_id is None for r in reflections):
            empty = QTreeWidgetItem(item, [self.tr("No sessions yet"), ""])
            empty.setData(0, KIND, "none")
            empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self._apply_dates_to(item)
        self._load_status(client_id)

    def _session_text(self, session: Session) -> str:
        return self.tr("Session %1 · %2").replace("%1", str(session.number)).replace(
            "%2", format_date(session.date))

    def _reflection_row(self, parent: QTreeWidgetItem, reflection: Reflection,
                        library: PromptLibrary) -> QTreeWidgetItem:
        if reflection.prompt_id == CASE_PRESENTATION:
            text = self.tr("Case presentation")
        else:
            prompt = library.by_id(reflection.prompt_id) if reflection.prompt_id else None
            text = (self.tr("Reflection — %1").replace("%1", prompt.title) if prompt
                    else self.tr("Reflection"))
        row = QTreeWidgetItem(parent, [text, exclusion_reason(reflection.approval)])
        row.setData(0, KIND, "reflection")
        row.setData(0, REF, reflection.id)
        row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        self._colour(row, reflection.approval)
        return row

    @staticmethod
    def _colour(row: QTreeWidgetItem, state: str) -> None:
        if state == "approved":
            row.setForeground(1, QBrush(ACCENT))
        elif state in ("revoked", "changed_since_approval"):
            row.setForeground(1, QBrush(AMBER.darker(130)))

    def _load_status(self, client_id: int) -> None:
        if client_id in self._loading:
            return
        self._loading.add(client_id)
        db = self._db

        def done(selection: Selection) -> None:
            if not shiboken6.isValid(self):
                return
            self._loading.discard(client_id)
            self._status[client_id] = selection
            self._show_status(client_id)

        def failed(_exc: BaseException) -> None:
            if shiboken6.isValid(self):
                self._loading.discard(client_id)

        run_in_background(lambda: select(db, client_ids=[client_id]), done, failed)

    def _show_status(self, client_id: int) -> None:
        item = self.client_item(client_id)
        selection = self._status.get(client_id)
        if item is None or selection is None:
            return
        rows: dict[int, list[tuple[str, str]]] = {}
        for entry in selection.items:
            if entry.kind == "section" and entry.session_id is not None:
                rows.setdefault(entry.session_id, []).append((entry.key, "approved"))
        for excluded in selection.excluded:
            rows.setdefault(excluded.session_id, []).append((excluded.key, excluded.reason))
        self.tree.blockSignals(True)
        try:
            for index in range(item.childCount()):
                row = item.child(index)
                if row.data(0, KIND) != "session":
                    continue
                sections = sorted(rows.get(self._ref(row), []), key=lambda r: _ORDER.get(r[0],
                                                                                          99))
                for child_index in reversed(range(row.childCount())):
                    if row.child(child_index).data(0, KIND) == "section":
                        row.takeChild(child_index)
                for position, (key, state) in enumerate(sections):
                    child = QTreeWidgetItem([section_title(key), exclusion_reason(state)])
                    child.setData(0, KIND, "section")
                    child.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                    self._colour(child, state)
                    row.insertChild(position, child)
                counts = Counter(state for _key, state in sections)
                approved = counts.pop("approved", 0)
                left = sum(counts.values())
                if not sections:
                    text = self.tr("empty")
                elif left:
                    text = self.tr("%1 approved · %2 left out").replace(
                        "%1", str(approved)).replace("%2", str(left))
                else:
                    text = self.tr("%1 approved").replace("%1", str(approved))
                row.setText(1, text)
                row.setData(1, KIND, approved)
                if approved:
                    row.setForeground(1, QBrush(ACCENT))
        finally:
            self.tree.blockSignals(False)
        self._summary_timer.start()

    # -- dates -----------------------------------------------------------------------------
    def date_range(self) -> tuple[date | None, date | None]:
        return (from_qdate(self.date_from.date()) if self.from_check.isChecked() else None,
                from_qdate(self.date_to.date()) if self.to_check.isChecked() else None)

    def set_date_range(self, start: date | None, end: date | None) -> None:
        if start is not None:
            self.date_from.setDate(to_qdate(start))
        if end is not None:
            self.date_to.setDate(to_qdate(end))
        self.from_check.setChecked(start is not None)
        self.to_check.setChecked(end is not None)

    def _apply_dates(self, *_args: object) -> None:
        for index in range(self.tree.topLevelItemCount()):
            self._apply_dates_to(self.tree.topLevelItem(index))
        self._summary_timer.start()

    def _apply_dates_to(self, item: QTreeWidgetItem) -> None:
        start, end = self.date_range()
        for index in range(item.childCount()):
            row = item.child(index)
            if row.data(0, KIND) != "session":
                continue
            on = date.fromordinal(int(row.data(1, REF)))
            row.setHidden((start is not None and on < start) or (end is not None and on > end))

    # -- the choice ------------------------------------------------------------------------
    def choice(self) -> Choice:
        clients: list[int] = []
        sessions: list[int] = []
        reflections: list[int] = []
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            picked = False
            for child_index in range(item.childCount()):
                row = item.child(child_index)
                if row.isHidden() or row.checkState(0) != Qt.CheckState.Checked:
                    continue
                if row.data(0, KIND) == "session":
                    sessions.append(self._ref(row))
                    picked = True
                elif row.data(0, KIND) == "reflection":
                    reflections.append(self._ref(row))
                    picked = True
            if picked:
                clients.append(self._ref(item))
        start, end = self.date_range()
        return Choice(tuple(clients), tuple(sessions), tuple(reflections), start, end)

    def tick_client(self, client_id: int, on: bool = True) -> None:
        item = self.client_item(client_id)
        if item is not None:
            item.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _update_summary(self) -> None:
        choice = self.choice()
        self.preview_button.setEnabled(not choice.empty)
        if choice.empty:
            self.summary.setText(self.tr("Tick clients, sessions or a case presentation."))
            return
        approved = 0
        known = True
        for client_id in choice.client_ids:
            item = self.client_item(client_id)
            if item is None:
                continue
            for index in range(item.childCount()):
                row = item.child(index)
                if (row.data(0, KIND) == "session" and not row.isHidden()
                        and row.checkState(0) == Qt.CheckState.Checked):
                    count = row.data(1, KIND)
                    if count is None:
                        known = False
                    else:
                        approved += int(count)
        lines = [self.tr("Sessions selected: %1").replace("%1", str(len(choice.session_ids)))]
        if choice.reflection_ids:
            lines.append(self.tr("Reflections selected on their own: %1").replace(
                "%1", str(len(choice.reflection_ids))))
        if known:
            lines.append(self.tr("Approved sections to share: %1").replace("%1", str(approved)))
        self.summary.setText(" · ".join(lines))
