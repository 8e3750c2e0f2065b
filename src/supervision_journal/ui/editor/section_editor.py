"""One section of a note: a heading that folds the area away, the "Share in supervision" toggle
(absent on ``private``), the amber "changed since approval" badge, and a plain-text area with its
own undo history that grows with its text (the note scrolls, never the section)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QFont, QPalette, QTextDocument, QTextOption
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...journal.models import NEVER_SHARED
from ..clipboard import SecureTextEdit
from ..widgets import ACCENT, AMBER, AMBER_TEXT, accent_text
from .section_titles import section_prompt, section_title

MIN_LINES = 3


class SectionTextEdit(SecureTextEdit):
    """A note area that is as tall as its text: Tab moves on (notes need no tab characters),
    and losing focus is reported so the note can be saved."""

    focus_lost = Signal(Qt.FocusReason)
    about_to_wipe = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        # A private document measures the wrapped height; QPlainTextEdit lays out lazily and
        # cannot tell how tall its whole text is.
        self._measure = QTextDocument(self)
        self._measured: dict[int, int] = {}  # width → height, for the current text
        self.textChanged.connect(self._text_changed)

    def _text_changed(self) -> None:
        self._measured.clear()
        self.updateGeometry()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        cached = self._measured.get(width)
        if cached is not None:
            return cached
        margins = self.contentsMargins()
        inner = width - margins.left() - margins.right()
        doc = self._measure
        doc.setDefaultFont(self.font())
        doc.setDocumentMargin(self.document().documentMargin())
        option = QTextOption()
        option.setWrapMode(self.wordWrapMode())
        doc.setDefaultTextOption(option)
        doc.setPlainText(self.toPlainText())
        doc.setTextWidth(max(inner, 40))
        line = self.fontMetrics().lineSpacing()
        content = max(doc.size().height(), MIN_LINES * line + 2 * doc.documentMargin())
        # One spare line: the caret's line is visible before the layout catches up.
        height = int(content) + line + margins.top() + margins.bottom()
        if len(self._measured) > 8:
            self._measured.clear()
        self._measured[width] = height
        return height

    def sizeHint(self) -> QSize:
        # A fixed preferred width: the layout decides the real one (no feedback loop).
        return QSize(300, self.heightForWidth(max(self.width(), 300)))

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self.heightForWidth(max(self.width(), 120)))

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()

    def wipe(self) -> None:
        # Tell the note first: the emptied text must not be mistaken for an edit and saved.
        self.about_to_wipe.emit()
        super().wipe()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_lost.emit(event.reason())


class SectionHeader(QToolButton):
    """The heading button; reached with Tab it opens an empty folded section. A long heading
    is elided in a narrow window (the full title stays its accessible name and tooltip)."""

    tab_entered = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.setText(title)

    def _chrome(self) -> int:
        """Width of everything but the text (arrow, margins)."""
        return super().sizeHint().width() - self.fontMetrics().horizontalAdvance(self.text())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        # A few pixels of slack: elidedText rounds, and an exact fit would elide.
        return QSize(self._chrome() + self.fontMetrics().horizontalAdvance(self.title) + 4,
                     hint.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self._chrome() + self.fontMetrics().horizontalAdvance("MMMM…"),
                     super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        room = self.width() - self._chrome()
        shown = self.fontMetrics().elidedText(self.title, Qt.TextElideMode.ElideRight, room)
        if shown != self.text():
            self.setText(shown)
            self.setToolTip(self.title if shown != self.title else "")

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() == Qt.FocusReason.TabFocusReason:
            self.tab_entered.emit()


class _StateBar(QWidget):
    """A thin coloured bar on the left: accent when shared, amber when changed since."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedWidth(3)
        self.setAutoFillBackground(True)

    def set_colour(self, colour: object | None) -> None:
        palette = self.palette()
        if colour is None:
            palette.setColor(QPalette.ColorRole.Window, Qt.GlobalColor.transparent)
        else:
            palette.setColor(QPalette.ColorRole.Window, colour)  # type: ignore[arg-type]
        self.setPalette(palette)


class SectionEditor(QFrame):
    """One section. Signals carry the section key; the note editor does the saving.

    Attributes:
        key: the template section key ("presenting", …, "private").
        edit: the text area (a ``SecureTextEdit``: copies are guarded, ``wipe`` clears undo).
        share: the "Share in supervision" checkbox, or None for ``private``.
    """

    changed = Signal(str)
    share_toggled = Signal(str, bool)
    dismiss_requested = Signal(str)

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self._approval = "none"
        self._expanded = False
        self._auto_expanded = False
        self._loading = False
        title = section_title(key)

        self.header = SectionHeader(title, self)
        self.header.setAutoRaise(True)
        self.header.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.header.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.header.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        font = QFont(self.header.font())
        font.setBold(True)
        self.header.setFont(font)
        self.header.setAccessibleName(title)
        self.header.setAccessibleDescription(self.tr("Shows or hides this section"))
        self.header.clicked.connect(lambda: self.set_expanded(not self._expanded))
        self.header.tab_entered.connect(self._tab_entered)

        self.badge = QLabel(self.tr("Changed since approval — approve again"), self)
        self.badge.setAccessibleName(self.badge.text())
        badge_palette = self.badge.palette()
        badge_palette.setColor(QPalette.ColorRole.Window, AMBER)
        badge_palette.setColor(QPalette.ColorRole.WindowText, AMBER_TEXT)
        self.badge.setPalette(badge_palette)
        self.badge.setAutoFillBackground(True)
        self.badge.setContentsMargins(6, 1, 6, 1)
        self.badge.hide()

        self.dismiss = QToolButton(self)
        self.dismiss.setText(self.tr("Keep unshared"))
        self.dismiss.setAccessibleName(self.tr("Keep this section unshared"))
        self.dismiss.setAutoRaise(True)
        self.dismiss.clicked.connect(lambda: self.dismiss_requested.emit(self.key))
        self.dismiss.hide()

        self.share: QCheckBox | None = None
        if key != NEVER_SHARED:
            self.share = QCheckBox(self.tr("Share in supervision"), self)
            self.share.setAccessibleName(
                self.tr("Share “%1” in supervision").replace("%1", title))
            self.share.setEnabled(False)
            self.share.clicked.connect(self._share_clicked)

        self.edit = SectionTextEdit(self)
        self.edit.setAccessibleName(title)
        self.edit.setPlaceholderText(section_prompt(key))
        self.edit.textChanged.connect(self._text_changed)
        self.edit.focus_lost.connect(self._edit_focus_lost)

        self.bar = _StateBar(self)

        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.setSpacing(8)
        head.addWidget(self.header, 1, Qt.AlignmentFlag.AlignLeft)
        if self.share is not None:
            head.addWidget(self.share)
        # The badge has a line of its own under the heading: it must never push the toggle
        # out of a narrow window.
        self.badge_row = QWidget(self)
        badge_line = QHBoxLayout(self.badge_row)
        badge_line.setContentsMargins(0, 0, 0, 2)
        badge_line.setSpacing(8)
        badge_line.addWidget(self.badge)
        badge_line.addWidget(self.dismiss)
        badge_line.addStretch(1)
        self.badge_row.hide()
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(head)
        column.addWidget(self.badge_row)
        column.addWidget(self.edit)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 2, 0, 6)
        outer.setSpacing(8)
        outer.addWidget(self.bar)
        outer.addLayout(column, 1)

        # Tab order inside a section: heading → share toggle → text.
        if self.share is not None:
            QWidget.setTabOrder(self.header, self.share)
            QWidget.setTabOrder(self.share, self.edit)
        else:
            QWidget.setTabOrder(self.header, self.edit)
        self.set_expanded(False)

    # -- state -----------------------------------------------------------------------------
    @property
    def expanded(self) -> bool:
        return self._expanded

    @property
    def approval(self) -> str:
        return self._approval

    def text(self) -> str:
        return self.edit.toPlainText()

    def set_expanded(self, expanded: bool) -> None:
        self._auto_expanded = False
        self._expanded = expanded
        self._show_expanded(expanded)

    def load(self, text: str, approval: str) -> None:
        """Show a saved section: text, fresh undo history, folded when empty."""
        self._loading = True
        try:
            self.edit.setPlainText(text)
            self.edit.document().clearUndoRedoStacks()
        finally:
            self._loading = False
        self.set_expanded(bool(text))
        self.set_approval(approval)

    def set_approval(self, approval: str) -> None:
        self._approval = approval
        revoked = approval == "revoked"
        self.badge.setVisible(revoked)
        self.dismiss.setVisible(revoked)
        self.badge_row.setVisible(revoked)
        if self.share is not None:
            self.share.setChecked(approval == "approved")
            # Only the one role is set, so the rest follows the system palette (dark mode).
            palette = QPalette()
            if approval == "approved":
                palette.setColor(QPalette.ColorRole.WindowText, accent_text(self.palette()))
            self.share.setPalette(palette)
        self.bar.set_colour(ACCENT if approval == "approved" else AMBER if revoked else None)
        self._update_share_enabled()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.set_approval(self._approval)  # light ↔ dark: pick the readable accent

    def _update_share_enabled(self) -> None:
        # Nothing to share in an empty section: the toggle appears with the first words
        # (and stays while an approval exists, so it can be withdrawn).
        if self.share is not None:
            has_text = bool(self.edit.toPlainText().strip())
            self.share.setEnabled(has_text or self._approval == "approved")
            self.share.setVisible(has_text or self._approval != "none")

    # -- reactions -------------------------------------------------------------------------
    def _show_expanded(self, expanded: bool) -> None:
        self.edit.setVisible(expanded)
        self.header.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.header.setAccessibleDescription(
            self.tr("Expanded") if expanded else self.tr("Collapsed"))
        if not expanded and self.edit.hasFocus():
            self.header.setFocus(Qt.FocusReason.OtherFocusReason)

    def _tab_entered(self) -> None:
        # Tab into a folded, empty section: open it and start writing there. It folds again
        # if left empty (see _edit_focus_lost), so empty sections never take room for long.
        if not self.expanded and not self.text():
            self.set_expanded(True)
            self._auto_expanded = True
            QTimer.singleShot(0, self.focus_text)

    def focus_text(self) -> None:
        if not self.expanded:
            self.set_expanded(True)
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _edit_focus_lost(self, reason: Qt.FocusReason) -> None:
        if reason in (Qt.FocusReason.PopupFocusReason, Qt.FocusReason.ActiveWindowFocusReason):
            return
        if self._auto_expanded and not self.text():
            self.set_expanded(False)

    def _text_changed(self) -> None:
        self._update_share_enabled()
        if not self._loading:
            self._auto_expanded = False
            self.changed.emit(self.key)

    def _share_clicked(self, checked: bool) -> None:
        # The note editor decides (it saves first, then approves); until it answers, the box
        # shows the stored state, never a wish.
        assert self.share is not None
        self.share.setChecked(self._approval == "approved")
        self.share_toggled.emit(self.key, checked)
