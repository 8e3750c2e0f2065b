""""Add my own prompt": a title, the question, an optional hint, and where to file it."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...errors import KnownError
from ...prompts.library import CUSTOM_FRAMEWORK, Prompt, PromptLibrary
from ...supervision import prompt_choice
from ...vault.database import Database
from ..clipboard import SecureLineEdit, SecureTextEdit


class CustomPromptDialog(QDialog):
    """Validates with the prompt library's rules and stores the prompt in the vault on OK;
    ``prompt`` holds it afterwards."""

    def __init__(self, db: Database, library: PromptLibrary,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._library = library
        self.prompt: Prompt | None = None
        self.setWindowTitle(self.tr("Add my own prompt"))

        self.framework = QComboBox(self)
        self.framework.setAccessibleName(self.tr("Framework"))
        for framework, label in library.frameworks.items():
            self.framework.addItem(label, framework)
        self.framework.setCurrentIndex(max(self.framework.findData(CUSTOM_FRAMEWORK), 0))
        self.title = SecureLineEdit(self)
        self.title.setAccessibleName(self.tr("Short title"))
        self.title.setPlaceholderText(self.tr("A few words for the list"))
        self.question = SecureTextEdit(self)
        self.question.setAccessibleName(self.tr("Question"))
        self.question.setPlaceholderText(self.tr("The question, as you would ask yourself"))
        self.question.setTabChangesFocus(True)
        self.question.setFixedHeight(90)
        self.hint = SecureTextEdit(self)
        self.hint.setAccessibleName(self.tr("Hint (optional)"))
        self.hint.setPlaceholderText(self.tr("Why this question helps (optional)"))
        self.hint.setTabChangesFocus(True)
        self.hint.setFixedHeight(64)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setForegroundRole(QPalette.ColorRole.BrightText)
        self.error.hide()

        form = QFormLayout()
        form.addRow(self.tr("&Framework"), self.framework)
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("&Question"), self.question)
        form.addRow(self.tr("&Hint"), self.hint)
        for row, widget in enumerate((self.framework, self.title, self.question, self.hint)):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
            if isinstance(label, QLabel):
                label.setBuddy(widget)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(440, self.sizeHint().height())

    def accept(self) -> None:
        if not self.title.text().strip() or not self.question.toPlainText().strip():
            self._fail(self.tr("Give the prompt a title and a question."))
            return
        try:
            self.prompt = prompt_choice.add_custom_prompt(
                self._db, self._library, title=self.title.text(),
                question=self.question.toPlainText(), hint=self.hint.toPlainText(),
                framework=self.framework.currentData())
        except KnownError:
            self._fail(self.tr("This prompt could not be saved. Check its title and question."))
            return
        super().accept()

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
