"""One answer in the reflect panel: the prompt it answers, a growing text area, "Share in
supervision" with the amber badge, "Bring to supervision" (a question for the queue), and
Delete. The panel does the saving; this widget only reports what the user did."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...journal.models import Reflection
from ..editor.section_editor import SectionTextEdit
from .widgets import ApprovalRow, StateBar, bold


class AnswerEditor(QFrame):
    """Signals carry the editor itself (a new answer has no reflection id until it is saved).

    Attributes:
        reflection_id: the stored reflection, or None until the first words are saved.
        prompt_id: the prompt answered (None: a free reflection).
        edit: the text area (a SecureTextEdit: guarded copies, ``wipe`` clears undo).
    """

    changed = Signal(object)
    share_toggled = Signal(object, bool)
    question_toggled = Signal(object, bool)
    delete_requested = Signal(object)

    def __init__(self, prompt_id: str | None, title: str, question: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reflection_id: int | None = None
        self.prompt_id = prompt_id
        self._loading = False

        self.bar = StateBar(self)
        self.heading = QLabel(title, self)
        self.heading.setWordWrap(True)
        bold(self.heading)
        self.question = QLabel(question, self)
        self.question.setWordWrap(True)
        self.question.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.question.setVisible(bool(question))

        self.edit = SectionTextEdit(self)
        self.edit.setAccessibleName(self.tr("Answer to “%1”").replace("%1", title))
        self.edit.setPlaceholderText(self.tr("Write your answer; it is saved as you type."))
        self.edit.textChanged.connect(self._text_changed)

        self.approval = ApprovalRow(title, self)
        self.approval.toggled_by_user.connect(lambda wanted: self.share_toggled.emit(self,
                                                                                     wanted))
        self.as_question = QCheckBox(self.tr("Question for supervision"), self)
        self.as_question.setAccessibleName(
            self.tr("Add this answer to the questions for supervision"))
        self.as_question.clicked.connect(lambda on: self.question_toggled.emit(self, on))
        self.delete = QToolButton(self)
        self.delete.setText(self.tr("Delete"))
        self.delete.setAccessibleName(self.tr("Delete this answer"))
        self.delete.setAutoRaise(True)
        self.delete.clicked.connect(lambda: self.delete_requested.emit(self))

        footer = QHBoxLayout()
        footer.setContentsMargins(0, 0, 0, 0)
        footer.addWidget(self.as_question, 1)
        footer.addWidget(self.delete, 0, Qt.AlignmentFlag.AlignRight)
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        column.addWidget(self.heading)
        column.addWidget(self.question)
        column.addWidget(self.edit)
        column.addWidget(self.approval)
        column.addLayout(footer)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 4, 0, 10)
        outer.setSpacing(8)
        outer.addWidget(self.bar)
        outer.addLayout(column, 1)
        QWidget.setTabOrder(self.edit, self.approval.share)
        QWidget.setTabOrder(self.approval.share, self.approval.dismiss)
        QWidget.setTabOrder(self.approval.dismiss, self.as_question)
        QWidget.setTabOrder(self.as_question, self.delete)
        self.set_approval("none")

    def text(self) -> str:
        return self.edit.toPlainText()

    def load(self, reflection: Reflection) -> None:
        self._loading = True
        try:
            self.reflection_id = reflection.id
            self.edit.setPlainText(reflection.text)
            self.edit.document().clearUndoRedoStacks()
        finally:
            self._loading = False
        self.as_question.setChecked(reflection.is_question)
        self.set_approval(reflection.approval)

    def set_approval(self, approval: str) -> None:
        has_text = bool(self.text().strip())
        self.approval.set_state(approval, has_text=has_text)
        self.bar.set_state(approval)

    def _text_changed(self) -> None:
        self.approval.set_state(self.approval.state, has_text=bool(self.text().strip()))
        if not self._loading:
            self.changed.emit(self)
