"""The second step: the exact document that will be written, and the practitioner's decisions.

The browser shows the Markdown as written, or the HTML as the HTML and PDF files will look (the
PDF is drawn from that HTML). Replacements are highlighted in one colour, possible names
(candidates) in another with their reason in a tool tip; the panel beside lists the candidates,
one row per word, with Redact, Keep and "Add to the client's identity terms".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QMimeData, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...export.leak_guard import LeakHit
from ...export.pipeline import PreparedExport
from .. import theme
from ..clipboard import ClipboardGuard, add_secret_hints
from ..identity_dialog import ROLES, role_label
from ..widgets import AMBER, AMBER_TEXT
from . import highlights
from .labels import candidate_reason, decision, replacement_class

KEY = Qt.ItemDataRole.UserRole
CANDIDATE_SCHEME = "candidate"


def replacement_colour(dark: bool) -> QColor:
    return QColor("#1f5246") if dark else QColor("#cde9df")


LEAK_COLOUR = QColor("#ef9a9a")


class PreviewBrowser(QTextBrowser):
    """Read-only, opens no link and loads no resource; copies carry the clipboard guard's
    hints and are cleared after 30 s, like copies from a note."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)

    def loadResource(self, _type: int, _name: QUrl) -> object:
        return None  # an export has no images; never read a file named by a document

    def createMimeDataFromSelection(self) -> QMimeData:
        mime = QMimeData()
        mime.setText(self.textCursor().selection().toPlainText())
        add_secret_hints(mime)
        ClipboardGuard.instance().copied(mime.text())
        return mime

    def wipe(self) -> None:
        self.clear()
        self.document().clearUndoRedoStacks()


@dataclass
class CandidateGroup:
    """All occurrences of one candidate word (decisions are per word: ``Candidate.key``)."""

    key: str
    text: str
    reason: str
    decision: str
    indices: list[int] = field(default_factory=list)  # in AnonymisedExport.candidates
    client_ids: list[int] = field(default_factory=list)


def candidate_groups(prepared: PreparedExport) -> list[CandidateGroup]:
    groups: dict[str, CandidateGroup] = {}
    for index, candidate in enumerate(prepared.anonymised.candidates):
        group = groups.get(candidate.key)
        if group is None:
            group = groups[candidate.key] = CandidateGroup(
                candidate.key, candidate.text, candidate.reason, candidate.decision)
        group.indices.append(index)
        client_id = prepared.selection.items[candidate.item_index].client_id
        if client_id not in group.client_ids:
            group.client_ids.append(client_id)
    return list(groups.values())


class PreviewView(QWidget):
    """Signals:
        back_requested, export_requested;
        decided(dict) — {candidate key: "redact" | "keep"};
        add_term_requested(str key, object role) — role code or None.
    """

    back_requested = Signal()
    export_requested = Signal()
    decided = Signal(object)
    add_term_requested = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._prepared: PreparedExport | None = None
        self._groups: list[CandidateGroup] = []
        self._marks: tuple[highlights.DocMark, ...] = ()
        self._first_mark: dict[int, highlights.DocMark] = {}  # candidate index → its mark
        self._utf16: list[int] | None = None
        self.missed_items: tuple[int, ...] = ()

        self.back_button = QPushButton(self.tr("← &Back to the selection"), self)
        self.back_button.clicked.connect(self.back_requested)
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.counts = QLabel(self)
        self.counts.setAccessibleName(self.tr("Replacements and possible names"))
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addSpacing(12)
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.counts)

        self.browser = PreviewBrowser(self)
        self.browser.setAccessibleName(self.tr("The document as it will be written"))
        self.browser.anchorClicked.connect(self._anchor_clicked)

        self.candidates = QTreeWidget(self)
        self.candidates.setColumnCount(4)
        self.candidates.setHeaderLabels([self.tr("Word"), self.tr("Why"),
                                         self.tr("Times"), self.tr("Decision")])
        self.candidates.setRootIsDecorated(False)
        self.candidates.setUniformRowHeights(True)
        self.candidates.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.candidates.setAccessibleName(self.tr("Possible names to decide on"))
        header = self.candidates.header()
        # Word and reason share the width; the count and the decision take what they need.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(40)
        self.candidates.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.candidates.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.candidates.currentItemChanged.connect(self._candidate_selected)

        self.redact_button = QPushButton(self.tr("&Redact"), self)
        self.redact_button.setToolTip(self.tr("Replace this word by [name?] in this export"))
        self.redact_button.clicked.connect(lambda: self._decide("redact"))
        self.keep_button = QPushButton(self.tr("&Keep"), self)
        self.keep_button.setToolTip(self.tr("Leave this word as written: it names no one"))
        self.keep_button.clicked.connect(lambda: self._decide("keep"))
        self.add_button = QToolButton(self)
        self.add_button.setText(self.tr("&Add to the client's identity terms"))
        self.add_button.setToolTip(self.tr(
            "Register this word for the client: it is replaced now and in every later export"))
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.add_button.clicked.connect(lambda _checked=False: self._add_term(None))
        roles = QMenu(self.add_button)
        for code in ROLES:
            action = QAction(self.tr("As %1").replace("%1", role_label(code)), roles)
            action.triggered.connect(lambda _checked=False, c=code: self._add_term(c))
            roles.addAction(action)
        self.add_button.setMenu(roles)
        self.redact_rest_button = QPushButton(self.tr("Redact all still to &decide"), self)
        self.redact_rest_button.clicked.connect(self._redact_rest)

        self.candidate_hint = QLabel(self)
        self.candidate_hint.setWordWrap(True)

        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.candidate_hint)
        side_layout.addWidget(self.candidates, 1)
        decide = QHBoxLayout()
        decide.addWidget(self.redact_button)
        decide.addWidget(self.keep_button)
        decide.addStretch(1)
        side_layout.addLayout(decide)
        side_layout.addWidget(self.add_button)
        side_layout.addWidget(self.redact_rest_button)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.browser)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([600, 360])

        self.legend = QLabel(self)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setAccessibleName(self.tr("Export status"))
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.export_button = QPushButton(self.tr("&Export…"), self)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export_requested)
        bottom = QHBoxLayout()
        bottom.addWidget(self.legend)
        bottom.addSpacing(12)
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.export_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self._busy = False
        self._update_buttons()

    # -- showing an export -----------------------------------------------------------------
    def show_prepared(self, prepared: PreparedExport, fmt: str) -> None:
        """Show ``prepared`` as it will be written in ``fmt``, keeping the scroll position and
        the selected candidate when the same export is shown again after a decision."""
        scroll = self.browser.verticalScrollBar().value()
        current = self.current_key()
        self._prepared = prepared
        language = prepared.request.language
        names = {"md": "Markdown", "html": "HTML", "pdf": "PDF"}
        self.title.setText(self.tr("Preview — exactly what will be written (%1)").replace(
            "%1", names[fmt]))
        if fmt == "md":
            self.browser.setPlainText(prepared.markdown)
            doc_text = self.browser.document().toPlainText()
            located = highlights.markdown_marks(prepared.anonymised, prepared.markdown,
                                                doc_text)
        else:
            self.browser.setHtml(prepared.html)
            document = self.browser.document()
            blocks = []
            block = document.begin()
            while block.isValid():
                blocks.append(block.text())
                block = block.next()
            doc_text = document.toPlainText()
            located = highlights.html_marks(
                prepared.anonymised, [i.kind for i in prepared.selection.items], language,
                prepared.request.recipient, blocks)
        self._utf16 = highlights.utf16_positions(doc_text)
        self._marks = located.marks
        self.missed_items = located.missed
        self._paint_marks()
        self._groups = candidate_groups(prepared)
        self._fill_candidates(current)
        self._update_counts()
        self.set_message("")
        self.browser.verticalScrollBar().setValue(scroll)

    def _position(self, index: int) -> int:
        return self._utf16[index] if self._utf16 is not None else index

    def _paint_marks(self) -> None:
        assert self._prepared is not None
        dark = theme.is_dark(self.palette())
        candidates = self._prepared.anonymised.candidates
        replaced = QTextCharFormat()
        replaced.setBackground(replacement_colour(dark))
        cursor = QTextCursor(self.browser.document())
        self._first_mark = {}
        cursor.beginEditBlock()  # one layout pass for all the marks, not one per mark
        for mark in self._marks:
            fmt = QTextCharFormat(replaced)
            if mark.kind == "candidate" and mark.candidate is not None:
                candidate = candidates[mark.candidate]
                self._first_mark.setdefault(mark.candidate, mark)
                fmt = QTextCharFormat()
                fmt.setBackground(AMBER)
                fmt.setForeground(AMBER_TEXT)
                if candidate.decision == "block":
                    fmt.setFontWeight(QFont.Weight.Bold)
                    fmt.setFontUnderline(True)
                fmt.setAnchor(True)
                fmt.setAnchorHref(f"{CANDIDATE_SCHEME}:{mark.candidate}")
                fmt.setToolTip(self.tr("Possible name (%1): %2").replace(
                    "%1", candidate_reason(candidate.reason)).replace(
                    "%2", decision(candidate.decision)))
            else:
                fmt.setToolTip(self.tr("Replaced: %1").replace("%1",
                                                                replacement_class(mark.cls)))
            cursor.setPosition(self._position(mark.start))
            cursor.setPosition(self._position(mark.end), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)
        cursor.endEditBlock()
        self.legend.setText(
            "<span style='background:{r}'>&nbsp;[…]&nbsp;</span> {rt} &nbsp; "
            "<span style='background:{a};color:{at}'>&nbsp;Abc&nbsp;</span> {ct}".format(
                r=replacement_colour(dark).name(), a=AMBER.name(), at=AMBER_TEXT.name(),
                rt=self.tr("replaced"), ct=self.tr("possible name")))

    def show_leaks(self, hits: Sequence[LeakHit]) -> None:
        """Mark where the leak guard stopped the export (positions in the preview's text)."""
        cursor = QTextCursor(self.browser.document())
        fmt = QTextCharFormat()
        fmt.setBackground(LEAK_COLOUR)
        fmt.setForeground(QColor("black"))
        fmt.setToolTip(self.tr("The leak guard stopped the export here"))
        for hit in hits:
            cursor.setPosition(self._position(hit.start))
            cursor.setPosition(self._position(hit.end), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)
        if hits:
            cursor.setPosition(self._position(hits[0].start))
            self.browser.setTextCursor(cursor)
            self.browser.ensureCursorVisible()

    # -- candidates ------------------------------------------------------------------------
    def _fill_candidates(self, keep_key: str | None) -> None:
        self.candidates.blockSignals(True)
        try:
            self.candidates.clear()
            restore: QTreeWidgetItem | None = None
            for group in self._groups:
                row = QTreeWidgetItem(self.candidates, [
                    group.text, candidate_reason(group.reason), str(len(group.indices)),
                    decision(group.decision)])
                row.setToolTip(1, candidate_reason(group.reason))  # never the word itself
                row.setData(0, KEY, group.key)
                row.setTextAlignment(2, Qt.AlignmentFlag.AlignRight)
                if group.decision == "block":
                    font = row.font(3)
                    font.setBold(True)
                    row.setFont(3, font)
                if group.key == keep_key:
                    restore = row
        finally:
            self.candidates.blockSignals(False)
        undecided = sum(1 for g in self._groups if g.decision == "block")
        if not self._groups:
            self.candidate_hint.setText(self.tr("No possible names were found."))
        elif undecided:
            self.candidate_hint.setText(self.tr(
                "Possible names to decide on before exporting: %1. Redact or keep each, or add "
                "it to the client's identity terms.").replace("%1", str(undecided)))
        else:
            self.candidate_hint.setText(self.tr("Every possible name is decided."))
        if restore is None and self.candidates.topLevelItemCount():
            restore = next((self.candidates.topLevelItem(i)
                            for i in range(self.candidates.topLevelItemCount())
                            if self._groups[i].decision == "block"),
                           self.candidates.topLevelItem(0))
        if restore is not None:
            self.candidates.setCurrentItem(restore)
        self._update_buttons()

    def current_key(self) -> str | None:
        item = self.candidates.currentItem()
        return str(item.data(0, KEY)) if item is not None else None

    def current_group(self) -> CandidateGroup | None:
        key = self.current_key()
        return next((g for g in self._groups if g.key == key), None)

    def select_candidate(self, key: str) -> None:
        for index in range(self.candidates.topLevelItemCount()):
            item = self.candidates.topLevelItem(index)
            if item.data(0, KEY) == key:
                self.candidates.setCurrentItem(item)
                return

    def _candidate_selected(self, *_args: object) -> None:
        group = self.current_group()
        if group is not None:
            mark = next((self._first_mark[i] for i in group.indices if i in self._first_mark),
                        None)
            if mark is not None:
                cursor = QTextCursor(self.browser.document())
                cursor.setPosition(self._position(mark.start))
                cursor.setPosition(self._position(mark.end), QTextCursor.MoveMode.KeepAnchor)
                self.browser.setTextCursor(cursor)
                self.browser.ensureCursorVisible()
        self._update_buttons()

    def _anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() != CANDIDATE_SCHEME or self._prepared is None:
            return
        try:
            index = int(url.path())
            key = self._prepared.anonymised.candidates[index].key
        except (ValueError, IndexError):
            return
        self.select_candidate(key)
        self.candidates.setFocus(Qt.FocusReason.OtherFocusReason)

    def _decide(self, choice: str) -> None:
        group = self.current_group()
        if group is not None and not self._busy:
            self.decided.emit({group.key: choice})

    def _add_term(self, role: str | None = None) -> None:
        group = self.current_group()
        if group is None or self._busy:
            return
        if role is None and group.reason == "place":
            role = "town"
        self.add_term_requested.emit(group.key, role)

    def _redact_rest(self) -> None:
        if self._busy:
            return
        rest = {g.key: "redact" for g in self._groups if g.decision == "block"}
        if rest:
            self.decided.emit(rest)

    # -- state -----------------------------------------------------------------------------
    def _update_counts(self) -> None:
        assert self._prepared is not None
        replacements = len(self._prepared.anonymised.replacements)
        self.counts.setText(self.tr("Replacements: %1 · possible names: %2").replace(
            "%1", str(replacements)).replace("%2", str(len(self._groups))))

    def set_busy(self, busy: bool, message: str = "") -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        if busy or message:
            self.set_message(message)
        self._update_buttons()

    @property
    def busy(self) -> bool:
        return self._busy

    def set_message(self, text: str) -> None:
        self.message.setText(text)

    def undecided(self) -> int:
        return sum(1 for g in self._groups if g.decision == "block")

    def _update_buttons(self) -> None:
        group = self.current_group()
        ready = not self._busy
        self.redact_button.setEnabled(ready and group is not None)
        self.keep_button.setEnabled(ready and group is not None)
        self.add_button.setEnabled(ready and group is not None)
        self.redact_rest_button.setEnabled(ready and self.undecided() > 0)
        self.export_button.setEnabled(ready and self._prepared is not None
                                      and self.undecided() == 0)
        self.back_button.setEnabled(ready)

    def document_text(self) -> str:
        return self.browser.document().toPlainText()

    def wipe(self) -> None:
        self._prepared = None
        self._groups = []
        self._marks = ()
        self.browser.wipe()
        self.candidates.clear()
