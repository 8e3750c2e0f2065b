"""Pieces shared by the reflection screens: the approval strip (share toggle, accent bar,
amber "changed since approval" badge) and the palette-aware accent."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from ..clipboard import SecureLineEdit, SecureTextEdit
from ..widgets import ACCENT, AMBER, AMBER_TEXT


def accent_for(palette: QPalette) -> QColor:
    """The accent as a text colour, lightened on a dark background so it stays readable."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return ACCENT.lighter(170) if dark else ACCENT


def bold(widget: QWidget, scale: float = 1.0) -> None:
    font = QFont(widget.font())
    font.setBold(True)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    widget.setFont(font)


class StateBar(QWidget):
    """A thin bar beside an approvable text: accent when shared, amber when changed since."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedWidth(3)
        self.setAutoFillBackground(True)
        self.set_state("none")

    def set_state(self, approval: str) -> None:
        palette = self.palette()
        colour = {"approved": ACCENT, "revoked": AMBER}.get(approval)
        palette.setColor(QPalette.ColorRole.Window,
                         colour if colour is not None else QColor(Qt.GlobalColor.transparent))
        self.setPalette(palette)


class ApprovalRow(QWidget):
    """"Share in supervision" for one approvable text, with the amber badge and "Keep
    unshared" when the text changed after its approval.

    The checkbox never shows a wish: a click emits ``toggled_by_user`` and the box goes back
    to the stored state until the owner calls ``set_state`` with what the vault says.
    """

    toggled_by_user = Signal(bool)

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = "none"
        self.share = QCheckBox(self.tr("Share in supervision"), self)
        self.share.setAccessibleName(self.tr("Share “%1” in supervision").replace("%1", what))
        self.share.clicked.connect(self._clicked)
        self.badge = QLabel(self.tr("Changed since approval"), self)
        self.badge.setAccessibleName(self.tr("Changed since approval — approve again"))
        self.badge.setToolTip(self.tr("Approve again to share the new text"))
        palette = self.badge.palette()
        palette.setColor(QPalette.ColorRole.Window, AMBER)
        palette.setColor(QPalette.ColorRole.WindowText, AMBER_TEXT)
        self.badge.setPalette(palette)
        self.badge.setAutoFillBackground(True)
        self.badge.setContentsMargins(6, 1, 6, 1)
        self.badge.setWordWrap(True)  # a narrow column wraps it rather than scroll sideways
        self.dismiss = QToolButton(self)
        self.dismiss.setText(self.tr("Keep unshared"))
        self.dismiss.setAccessibleName(self.tr("Keep this text unshared"))
        self.dismiss.setAutoRaise(True)
        self.dismiss.clicked.connect(lambda: self.toggled_by_user.emit(False))
        # Two lines, so a narrow column (the reflect panel) never has to scroll sideways.
        changed = QHBoxLayout()
        changed.setContentsMargins(0, 0, 0, 0)
        changed.setSpacing(6)
        changed.addWidget(self.badge)
        changed.addWidget(self.dismiss)
        changed.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.share, 0, Qt.AlignmentFlag.AlignLeft)  # clickable where it shows
        layout.addLayout(changed)
        self.set_state("none")

    @property
    def state(self) -> str:
        return self._state

    def set_state(self, approval: str, *, has_text: bool = True) -> None:
        self._state = approval
        revoked = approval == "revoked"
        self.share.setChecked(approval == "approved")
        self.share.setEnabled(has_text or approval == "approved")
        self.badge.setVisible(revoked)
        self.dismiss.setVisible(revoked)
        palette = QPalette()  # only one role set: the rest follows the system (dark mode)
        if approval == "approved":
            palette.setColor(QPalette.ColorRole.WindowText, accent_for(self.palette()))
        self.share.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.set_state(self._state, has_text=self.share.isEnabled())

    def _clicked(self, checked: bool) -> None:
        self.share.setChecked(self._state == "approved")
        self.toggled_by_user.emit(checked)


class WipedTextEdit(SecureTextEdit):
    """Says when a lock is about to wipe it, so its owner stops saving: the emptied text must
    never be mistaken for an edit and overwrite what is stored."""

    about_to_wipe = Signal()

    def wipe(self) -> None:
        self.about_to_wipe.emit()
        super().wipe()


class WipedLineEdit(SecureLineEdit):
    about_to_wipe = Signal()

    def wipe(self) -> None:
        self.about_to_wipe.emit()
        super().wipe()
