"""Add or edit a client: a pseudonym and optional tags, nothing that identifies the person
(identity details have their own dialog, hidden until revealed)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ..errors import KnownError
from ..journal import store
from ..journal.models import Client
from ..vault.database import Database
from .clipboard import SecureLineEdit
from .editor.note_editor import parse_tags
from .error_text import error_text


class ClientDialog(QDialog):
    """``ClientDialog(db)`` adds a client; ``ClientDialog(db, client)`` edits one.
    After ``exec()`` returns Accepted, ``client`` holds the stored value."""

    def __init__(self, db: Database, client: Client | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.client: Client | None = client
        self.setWindowTitle(self.tr("New client") if client is None else self.tr("Edit client"))
        self.setModal(True)

        intro = QLabel(self.tr("Use a pseudonym, not the client's name. Names and other "
                               "identifying details go in Identity details, which stay hidden "
                               "until you reveal them and never leave the vault."), self)
        intro.setWordWrap(True)

        self.pseudonym = SecureLineEdit(self)
        self.pseudonym.setAccessibleName(self.tr("Pseudonym"))
        self.pseudonym.setMaxLength(80)
        self.tags = SecureLineEdit(self)
        self.tags.setAccessibleName(self.tr("Client tags"))
        self.tags.setPlaceholderText(self.tr("Optional, separated by commas"))
        if client is not None:
            self.pseudonym.setText(client.pseudonym)
            self.tags.setText(", ".join(client.tags))

        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setAccessibleName(self.tr("Error"))
        self.error.hide()

        form = QFormLayout()
        form.addRow(self.tr("&Pseudonym"), self.pseudonym)
        form.addRow(self.tr("&Tags"), self.tags)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Add client") if client is None else self.tr("Save"))
        ok.setEnabled(bool(self.pseudonym.text().strip()))
        self.pseudonym.textChanged.connect(lambda t: ok.setEnabled(bool(t.strip())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.pseudonym.setFocus()

    def accept(self) -> None:
        try:
            if self.client is None:
                self.client = store.add_client(self._db, self.pseudonym.text(),
                                               tags=parse_tags(self.tags.text()))
            else:
                self.client = store.update_client(self._db, self.client.id,
                                                  pseudonym=self.pseudonym.text(),
                                                  tags=parse_tags(self.tags.text()))
        except KnownError as exc:
            # The store's messages never contain the pseudonym itself.
            self.error.setText(error_text(exc))
            self.error.show()
            self.pseudonym.setFocus()
            return
        super().accept()
