"""A client's identity details: full name, aliases, and identifying terms with their role
(partner, town, employer…). Stored values are not even read into the dialog until the user
clicks "Reveal"; they are shown nowhere else in the application."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..errors import KnownError
from ..journal import store
from ..journal.models import Identity, IdentityTerm
from ..vault.database import Database
from .clipboard import SecureLineEdit
from .error_text import error_text

# Stored as these codes (the export writes "[partner]"…); shown translated.
ROLES: dict[str, str] = {
    "partner": QT_TRANSLATE_NOOP("IdentityRole", "partner"),
    "child": QT_TRANSLATE_NOOP("IdentityRole", "child"),
    "parent": QT_TRANSLATE_NOOP("IdentityRole", "parent"),
    "sibling": QT_TRANSLATE_NOOP("IdentityRole", "sibling"),
    "relative": QT_TRANSLATE_NOOP("IdentityRole", "relative"),
    "friend": QT_TRANSLATE_NOOP("IdentityRole", "friend"),
    "employer": QT_TRANSLATE_NOOP("IdentityRole", "employer"),
    "school": QT_TRANSLATE_NOOP("IdentityRole", "school"),
    "town": QT_TRANSLATE_NOOP("IdentityRole", "town"),
    "address": QT_TRANSLATE_NOOP("IdentityRole", "address"),
    "other": QT_TRANSLATE_NOOP("IdentityRole", "other"),
}


def role_label(code: str | None) -> str:
    if not code:
        return ""
    source = ROLES.get(code)
    return QCoreApplication.translate("IdentityRole", source) if source else code


class _TermRow(QWidget):
    """One identifying term (and, for identifiers, its role) with a remove button."""

    def __init__(self, number: int, with_role: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.term = SecureLineEdit(self)
        self.role: QComboBox | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.term, 2)
        if with_role:
            self.term.setAccessibleName(self.tr("Identifying term %1").replace("%1", str(number)))
            self.role = QComboBox(self)
            self.role.setEditable(True)
            self.role.addItem("", None)
            for code in ROLES:
                self.role.addItem(role_label(code), code)
            self.role.setAccessibleName(
                self.tr("Role of identifying term %1").replace("%1", str(number)))
            self.role.setToolTip(self.tr("How an export refers to it, for example [partner]"))
            layout.addWidget(self.role, 1)
        else:
            self.term.setAccessibleName(self.tr("Alias %1").replace("%1", str(number)))
        self.remove = QToolButton(self)
        self.remove.setText(self.tr("Remove"))
        self.remove.setAccessibleName(self.tr("Remove this term"))
        self.removed = False
        self.remove.clicked.connect(self._remove)
        layout.addWidget(self.remove)

    def _remove(self) -> None:
        self.removed = True
        self.term.wipe()
        self.hide()
        self.deleteLater()

    def role_code(self) -> str | None:
        if self.role is None:
            return None
        text = self.role.currentText().strip()
        if not text:
            return None
        for code in ROLES:
            if text == role_label(code):
                return code
        return text


class IdentityDialog(QDialog):
    """Edit the identity of ``client_id``. Existing values stay in the database until
    ``reveal()`` (the "Reveal" button); an empty identity opens straight on the form."""

    def __init__(self, db: Database, client_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._client_id = client_id
        self.revealed = False
        self.setWindowTitle(self.tr("Identity details"))
        self.setModal(True)
        self.setMinimumSize(520, 420)

        pseudonym = store.get_client(db, client_id).pseudonym
        heading = QLabel(self.tr("Identity details of %1").replace("%1", pseudonym), self)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel(self.tr("Kept apart from the notes and shown only here. Every term "
                               "is checked before an export: none of them can leave the "
                               "vault, in any spelling."), self)
        intro.setWordWrap(True)

        self._stack = QStackedWidget(self)
        stored = len(store.get_identity(db, client_id).terms)  # a count only: nothing shown
        self._hidden_page = self._build_hidden_page(stored)
        self._form_page = self._build_form_page()
        self._stack.addWidget(self._hidden_page)
        self._stack.addWidget(self._form_page)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self._stack, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        if stored:
            self._stack.setCurrentWidget(self._hidden_page)
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
            self.reveal_button.setFocus()
        else:
            self.revealed = True  # nothing stored, nothing to hide
            self._stack.setCurrentWidget(self._form_page)
            self.full_name.setFocus()

    # -- pages -----------------------------------------------------------------------------
    def _build_hidden_page(self, stored: int) -> QWidget:
        page = QWidget(self)
        label = QLabel(self.tr("Identifying details stored and hidden: %n", "", stored), page)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reveal_button = QPushButton(self.tr("&Reveal"), page)
        self.reveal_button.setAccessibleName(self.tr("Reveal identity details"))
        self.reveal_button.clicked.connect(self.reveal)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(label)
        layout.addWidget(self.reveal_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        return page

    def _build_form_page(self) -> QWidget:
        page = QWidget(self)
        self.full_name = SecureLineEdit(page)
        self.full_name.setAccessibleName(self.tr("Full name"))

        self._aliases = QVBoxLayout()
        self._aliases.setContentsMargins(0, 0, 0, 0)
        add_alias = QPushButton(self.tr("Add an alias"), page)
        add_alias.setAccessibleName(self.tr("Add an alias"))
        add_alias.clicked.connect(lambda: self._add_row(self._aliases, False).term.setFocus())

        self._terms = QVBoxLayout()
        self._terms.setContentsMargins(0, 0, 0, 0)
        add_term = QPushButton(self.tr("Add an identifying term"), page)
        add_term.setAccessibleName(self.tr("Add an identifying term"))
        add_term.clicked.connect(lambda: self._add_row(self._terms, True).term.setFocus())

        inner = QWidget(page)
        form = QFormLayout(inner)
        form.addRow(self.tr("&Full name"), self.full_name)
        aliases_box = QVBoxLayout()
        aliases_box.addLayout(self._aliases)
        aliases_box.addWidget(add_alias, 0, Qt.AlignmentFlag.AlignLeft)
        form.addRow(self.tr("Aliases"), aliases_box)
        terms_box = QVBoxLayout()
        hint = QLabel(self.tr("Names of relatives, employer, town, school…"), inner)
        hint.setWordWrap(True)
        terms_box.addWidget(hint)
        terms_box.addLayout(self._terms)
        terms_box.addWidget(add_term, 0, Qt.AlignmentFlag.AlignLeft)
        form.addRow(self.tr("Identifying terms"), terms_box)

        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        return page

    def _add_row(self, box: QVBoxLayout, with_role: bool) -> _TermRow:
        row = _TermRow(box.count() + 1, with_role, self._form_page)
        box.addWidget(row)
        return row

    @staticmethod
    def _rows(box: QVBoxLayout) -> list[_TermRow]:
        rows = []
        for i in range(box.count()):
            widget = box.itemAt(i).widget()
            if isinstance(widget, _TermRow) and not widget.removed:
                rows.append(widget)
        return rows

    # -- actions ---------------------------------------------------------------------------
    def reveal(self) -> None:
        """Read the stored identity into the form (only now)."""
        identity = store.get_identity(self._db, self._client_id)
        self.full_name.setText(identity.full_name or "")
        for alias in identity.aliases:
            self._add_row(self._aliases, False).term.setText(alias)
        for term in identity.identifiers:
            row = self._add_row(self._terms, True)
            row.term.setText(term.term)
            assert row.role is not None
            index = row.role.findData(term.role) if term.role else 0
            if index >= 0:
                row.role.setCurrentIndex(index)
            else:
                row.role.setEditText(term.role or "")
        self.revealed = True
        self._stack.setCurrentWidget(self._form_page)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)
        self.full_name.setFocus()

    def identity(self) -> Identity:
        aliases = tuple(r.term.text().strip() for r in self._rows(self._aliases)
                        if r.term.text().strip())
        terms = tuple(IdentityTerm(r.term.text().strip(), "identifier", r.role_code())
                      for r in self._rows(self._terms) if r.term.text().strip())
        return Identity(self.full_name.text().strip() or None, aliases, terms)

    def accept(self) -> None:
        if not self.revealed:
            return  # never overwrite details the user has not seen
        try:
            store.set_identity(self._db, self._client_id, self.identity())
        except KnownError as exc:
            self.error.setText(error_text(exc))
            self.error.show()
            return
        super().accept()

    def done(self, result: int) -> None:
        # Closing (saved or not) leaves no identity text in the widgets.
        for line in self.findChildren(SecureLineEdit):
            line.wipe()
        super().done(result)
