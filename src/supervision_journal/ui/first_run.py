"""First run: choose a passphrase, create the vault off the GUI thread, show the recovery code
once (with printing), and check that it was kept by asking for two of its groups.

A "Look around with a demo vault" button opens a separate vault of fictional data instead.
"""

from __future__ import annotations

import math
import secrets
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QFontDatabase, QPainter, QPalette
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME
from ..errors import KnownError
from ..vault import recovery_code
from ..vault.vault import Vault
from . import tasks
from .error_text import error_text

# -- passphrase strength ---------------------------------------------------------------------


class Strength(IntEnum):
    WEAK = 0
    FAIR = 1
    STRONG = 2


@dataclass(frozen=True)
class StrengthEstimate:
    level: Strength
    bits: float
    common: bool  # a well-known password (or one with digits stuck on it)


MIN_LENGTH = 8
FAIR_BITS = 50.0
STRONG_BITS = 80.0
# A small list of the passwords people use most (English and French lists), plus the words
# this app invites. Not a dictionary attack: a guard against the obvious.
COMMON_PASSWORDS = frozenset("""
123456 1234567 12345678 123456789 1234567890 0123456789 111111 000000 654321 987654321
password passw0rd motdepasse mot2passe azerty azertyuiop qwerty qwertyuiop qwertz abc123
letmein welcome bienvenue iloveyou jetaime soleil doudou chouchou loulou marseille
football dragon monkey sunshine princess master shadow superman batman trustno1
admin administrator secret secrets changeme default login access freedom whatever
starwars pokemon nicolas camille julien thomas alexandre
supervision journal therapy therapie thérapie therapist therapeute thérapeute psychologue
psychologist counsellor counselor coach sophrologue patient patients clients notes
""".split())  # noqa: SIM905 (a word list reads better as text)


def estimate_strength(passphrase: str) -> StrengthEstimate:
    """An honest rough estimate: length times the size of the character classes used, with
    repeated characters discounted and well-known passwords marked weak."""
    text = unicodedata.normalize("NFC", passphrase)
    if not text:
        return StrengthEstimate(Strength.WEAK, 0.0, False)
    folded = text.casefold()
    core = folded.strip("0123456789!?.,;:-_ *#@$%&+=")
    if folded in COMMON_PASSWORDS or core in COMMON_PASSWORDS or len(set(text)) <= 2:
        return StrengthEstimate(Strength.WEAK, 0.0, True)
    pool = 0
    if any("a" <= c <= "z" for c in text):
        pool += 26
    if any("A" <= c <= "Z" for c in text):
        pool += 26
    if any(c.isdigit() and c.isascii() for c in text):
        pool += 10
    if any(c.isascii() and not c.isalnum() for c in text):
        pool += 33
    if any(not c.isascii() for c in text):
        pool += 100
    # "aaaaaaaabbbbbbbb" is not 16 characters of entropy.
    effective = min(len(text), 2 * len(set(text)))
    bits = effective * math.log2(pool)
    if len(text) < MIN_LENGTH or bits < FAIR_BITS:
        level = Strength.WEAK
    elif bits < STRONG_BITS:
        level = Strength.FAIR
    else:
        level = Strength.STRONG
    return StrengthEstimate(level, bits, False)


# -- small shared widgets ----------------------------------------------------------------------


def heading(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label


def paragraph(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def notice(text: str, parent: QWidget | None = None) -> QLabel:
    """A framed paragraph for things that must not be missed (loss of notes, damage)."""
    label = paragraph(text, parent)
    label.setFrameShape(QFrame.Shape.StyledPanel)
    label.setMargin(10)
    label.setAutoFillBackground(True)
    label.setBackgroundRole(QPalette.ColorRole.AlternateBase)
    return label


def busy_bar(parent: QWidget | None = None) -> QProgressBar:
    bar = QProgressBar(parent)
    bar.setRange(0, 0)  # indeterminate: key derivation gives no progress to report
    bar.setTextVisible(False)
    return bar


def forget(field: QLineEdit) -> None:
    """Empty a field that held a secret. ``setText`` also drops the undo history; ``clear``
    would leave the text one Ctrl+Z away in a normal (non-password) field."""
    field.setText("")


def password_field(parent: QWidget | None = None) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setClearButtonEnabled(False)
    # No input-method prediction may learn it.
    field.setInputMethodHints(Qt.InputMethodHint.ImhSensitiveData
                              | Qt.InputMethodHint.ImhNoPredictiveText
                              | Qt.InputMethodHint.ImhNoAutoUppercase)
    return field


class NewPassphraseForm(QWidget):
    """Passphrase twice, with a strength line; ``acceptable`` when they match and are not weak.
    Used by the first run and after unlocking with the recovery code."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first = password_field(self)
        self.second = password_field(self)
        self.first.setAccessibleName(self.tr("New passphrase"))
        self.second.setAccessibleName(self.tr("Repeat the passphrase"))
        self.meter = QProgressBar(self)
        self.meter.setRange(0, 3)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(6)
        self.meter.setAccessibleName(self.tr("Passphrase strength"))
        self.strength = QLabel(self)
        self.strength.setWordWrap(True)
        self.strength.setAccessibleName(self.tr("Passphrase strength"))
        self.match = QLabel(self)
        self.match.setWordWrap(True)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Passphrase:"), self.first)
        form.addRow("", self.meter)
        form.addRow("", self.strength)
        form.addRow(self.tr("&Repeat it:"), self.second)
        form.addRow("", self.match)
        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)
        self._update()

    @property
    def acceptable(self) -> bool:
        text = self.first.text()
        return (bool(text) and text == self.second.text()
                and estimate_strength(text).level != Strength.WEAK)

    def take(self) -> str:
        """Read the passphrase and clear both fields at once."""
        text = self.first.text()
        forget(self.first)
        forget(self.second)
        return text

    def _update(self) -> None:
        text = self.first.text()
        self.meter.setValue(estimate_strength(text).level + 1 if text else 0)
        if not text:
            self.strength.setText(self.tr("Use at least 8 characters; a few unrelated words "
                                          "are easy to remember and hard to guess."))
        else:
            estimate = estimate_strength(text)
            if estimate.common:
                self.strength.setText(self.tr("Strength: weak — this is a well-known password."))
            elif estimate.level == Strength.WEAK:
                self.strength.setText(self.tr("Strength: weak — make it longer."))
            elif estimate.level == Strength.FAIR:
                self.strength.setText(self.tr("Strength: fair — one more word would make it "
                                              "strong."))
            else:
                self.strength.setText(self.tr("Strength: strong."))
        second = self.second.text()
        if second and second != text:
            self.match.setText(self.tr("The two passphrases differ."))
        elif second:
            self.match.setText(self.tr("The two passphrases match."))
        else:
            self.match.setText("")
        self.changed.emit()


# -- the recovery sheet ------------------------------------------------------------------------


def monospace_font(scale: float = 1.0) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    return font


def paint_recovery_sheet(painter: QPainter, page: QRectF, groups: list[str], title: str,
                         lines: list[str]) -> None:
    """Draw the recovery code, large and grouped, with a short explanation, on any device."""
    margin = page.width() * 0.08
    area = page.adjusted(margin, margin, -margin, -margin)
    title_font = QFont(painter.font())
    title_font.setPointSizeF(16)
    title_font.setBold(True)
    painter.setFont(title_font)
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
    used = painter.boundingRect(area, flags, title)
    painter.drawText(area, flags, title)
    y = used.bottom() + area.height() * 0.04
    body_font = QFont(painter.font())
    body_font.setPointSizeF(11)
    body_font.setBold(False)
    painter.setFont(body_font)
    for line in lines:
        rect = QRectF(area.left(), y, area.width(), area.bottom() - y)
        used = painter.boundingRect(rect, flags, line)
        painter.drawText(rect, flags, line)
        y = used.bottom() + area.height() * 0.015
    code_font = monospace_font()
    code_font.setPointSizeF(22)
    painter.setFont(code_font)
    y += area.height() * 0.04
    row_height = painter.fontMetrics().height() * 1.6
    for number, group in enumerate(groups, start=1):
        rect = QRectF(area.left(), y, area.width(), row_height)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         f"{number}.  {group}")
        y += row_height


def normalise_group(text: str) -> str:
    """What a person typed for one group, in the code's own alphabet (Crockford's look-alikes
    O→0 and I, L→1 are accepted)."""
    compact = "".join(ch for ch in text.upper() if not ch.isspace() and ch != "-")
    return compact.translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))


# -- the wizard ------------------------------------------------------------------------------


class FirstRunWizard(QWidget):
    """The first window when there is no vault yet.

    Signals:
        finished(Vault): the vault was created and the recovery code confirmed.
        demo_opened(Vault): the user chose to look around in the demo vault.
        close_requested(): the window was closed; the controller quits (and closes any vault
            that ``take_vault`` still holds).
    """

    finished = Signal(object)
    demo_opened = Signal(object)
    close_requested = Signal()

    PAGE_PASSPHRASE, PAGE_BUSY, PAGE_CODE, PAGE_CHECK = range(4)

    def __init__(self, folder: Path, *, demo_opener: Callable[[], Vault] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        self.setObjectName("FirstRunWizard")
        self._folder = folder
        self._demo_opener = demo_opener
        self._vault: Vault | None = None
        self._groups: list[str] = []
        self._asked: list[int] = []
        self._closing_done = False
        self.stack = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(self.stack)
        self.stack.addWidget(self._build_passphrase_page())
        self.stack.addWidget(self._build_busy_page())
        self.stack.addWidget(self._build_code_page())
        self.stack.addWidget(self._build_check_page())
        self.setMinimumWidth(600)

    # -- pages -------------------------------------------------------------------------------
    def _build_passphrase_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(heading(self.tr("Welcome to Supervision Journal"), page))
        layout.addWidget(paragraph(self.tr(
            "Your notes are kept in an encrypted journal on this computer only. Choose a "
            "passphrase to lock it."), page))
        layout.addSpacing(8)
        self.passphrase_form = NewPassphraseForm(page)
        layout.addWidget(self.passphrase_form)
        layout.addWidget(notice(self.tr(
            "Nobody can reset this passphrase, not even the makers of this app. Next you will "
            "get a recovery code: if you forget the passphrase and lose the recovery code, "
            "your notes are lost for good."), page))
        self.create_error = paragraph("", page)
        self.create_error.setObjectName("error")
        self.create_error.hide()
        layout.addWidget(self.create_error)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        self.demo_button = QPushButton(self.tr("Look around with a &demo vault"), page)
        self.demo_button.setToolTip(self.tr("Opens a separate journal filled with fictional "
                                            "clients; your own journal is not created."))
        self.demo_button.setVisible(self._demo_opener is not None)
        self.create_button = QPushButton(self.tr("&Create journal"), page)
        self.create_button.setDefault(True)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        layout.addLayout(buttons)
        self.passphrase_form.changed.connect(self._update_create_button)
        self.passphrase_form.second.returnPressed.connect(self.create_vault)
        self.create_button.clicked.connect(self.create_vault)
        self.demo_button.clicked.connect(self.open_demo)
        self._update_create_button()
        return page

    def _build_busy_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        self.busy_title = heading("", page)
        layout.addWidget(self.busy_title)
        self.busy_text = paragraph("", page)
        layout.addWidget(self.busy_text)
        layout.addWidget(busy_bar(page))
        layout.addStretch(2)
        return page

    def _build_code_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(heading(self.tr("Your recovery code"), page))
        layout.addWidget(paragraph(self.tr(
            "This code opens your journal if you forget your passphrase. It is shown only "
            "this once. Write it down or print it, and keep it somewhere safe, away from this "
            "computer."), page))
        self.code_grid = QGridLayout()
        self.code_grid.setHorizontalSpacing(24)
        self.code_grid.setVerticalSpacing(6)
        self.group_labels: list[QLabel] = []
        code_font = monospace_font(1.9)
        for index in range(recovery_code.GROUPS):
            number = QLabel(f"{index + 1}.", page)
            number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value = QLabel(page)
            value.setFont(code_font)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            row, column = index % 4, (index // 4) * 2
            self.code_grid.addWidget(number, row, column)
            self.code_grid.addWidget(value, row, column + 1)
            self.group_labels.append(value)
        self.code_grid.setColumnStretch(4, 1)
        frame = QFrame(page)
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setLayout(self.code_grid)
        frame.setAccessibleName(self.tr("Recovery code"))
        layout.addWidget(frame)
        layout.addWidget(paragraph(self.tr(
            "Letters and digits only: there is no letter O, I or L. Each group ends with a "
            "check character that catches typing mistakes."), page))
        layout.addStretch(1)
        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("&Print…"), page)
        self.kept_button = QPushButton(self.tr("I have &kept it"), page)
        self.kept_button.setDefault(True)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(self.kept_button)
        layout.addLayout(buttons)
        self.print_button.clicked.connect(self.print_code)
        self.kept_button.clicked.connect(self._ask_groups)
        return page

    def _build_check_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(heading(self.tr("Check your recovery code"), page))
        self.check_intro = paragraph("", page)
        layout.addWidget(self.check_intro)
        form = QFormLayout()
        self.check_fields: list[QLineEdit] = []
        self.check_labels: list[QLabel] = []
        for _ in range(2):
            field = QLineEdit(page)
            field.setFont(monospace_font(1.4))
            field.setMaxLength(9)
            # Room for one group (and a stray dash or space), no more: it says "short".
            field.setFixedWidth(field.fontMetrics().horizontalAdvance("W") * 9 + 16)
            field.setInputMethodHints(Qt.InputMethodHint.ImhSensitiveData
                                      | Qt.InputMethodHint.ImhNoPredictiveText)
            label = QLabel(page)
            label.setBuddy(field)
            form.addRow(label, field)
            field.textChanged.connect(self._check_groups)
            field.returnPressed.connect(self._finish_if_ready)
            self.check_fields.append(field)
            self.check_labels.append(label)
        layout.addLayout(form)
        self.check_status = paragraph("", page)
        layout.addWidget(self.check_status)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        self.show_again_button = QPushButton(self.tr("&Show the code again"), page)
        self.finish_button = QPushButton(self.tr("&Finish"), page)
        self.finish_button.setDefault(True)
        self.finish_button.setEnabled(False)
        buttons.addWidget(self.show_again_button)
        buttons.addStretch(1)
        buttons.addWidget(self.finish_button)
        layout.addLayout(buttons)
        self.show_again_button.clicked.connect(
            lambda: self.stack.setCurrentIndex(self.PAGE_CODE))
        self.finish_button.clicked.connect(self._finish_if_ready)
        return page

    # -- creating ----------------------------------------------------------------------------
    def _update_create_button(self) -> None:
        self.create_button.setEnabled(self.passphrase_form.acceptable)

    def create_vault(self) -> None:
        if not self.passphrase_form.acceptable or self._vault is not None:
            return
        passphrase = self.passphrase_form.take()
        folder = self._folder
        self._show_busy(self.tr("Creating your journal…"), self.tr(
            "This takes a few seconds: the key is derived slowly on purpose, so that guessing "
            "your passphrase is slow too."))
        tasks.run_in_background(lambda: Vault.create(folder, passphrase),
                                self._created, self._creation_failed)

    def _show_busy(self, title: str, text: str) -> None:
        self.busy_title.setText(title)
        self.busy_text.setText(text)
        self.stack.setCurrentIndex(self.PAGE_BUSY)

    def _created(self, result: tuple[Vault, str]) -> None:
        self._vault, code = result
        self._groups = recovery_code.format_groups(code)
        del code
        for label, group in zip(self.group_labels, self._groups, strict=True):
            label.setText(group)
            label.setAccessibleName(group)
        self.stack.setCurrentIndex(self.PAGE_CODE)
        self.kept_button.setFocus()

    def _creation_failed(self, exc: BaseException) -> None:
        self._show_failure(exc, self.tr("The journal could not be created: %1"),
                           self.tr("The journal could not be created because of an unexpected "
                                   "problem (error id %1)."))

    def _show_failure(self, exc: BaseException, known: str, unknown: str) -> None:
        self.stack.setCurrentIndex(self.PAGE_PASSPHRASE)
        if isinstance(exc, KnownError):
            text = known.replace("%1", error_text(exc))
        else:
            from .crash import report_exception

            text = unknown.replace("%1", report_exception(type(exc), exc, exc.__traceback__))
        self.create_error.setText(text)
        self.create_error.show()

    # -- printing ----------------------------------------------------------------------------
    def print_code(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the recovery code"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat or printer.outputFileName():
            answer = QMessageBox.warning(
                self, APP_NAME,
                self.tr("You chose to print to a file. Anyone who gets this file can open your "
                        "journal with it. Print on paper instead, or keep the file off this "
                        "computer."),
                QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Ok:
                return
        self.render_sheet(printer)

    def render_sheet(self, device: QPrinter) -> None:
        painter = QPainter()
        if not painter.begin(device):
            QMessageBox.warning(self, APP_NAME, self.tr("The printer could not be started."))
            return
        try:
            rect = QRectF(device.pageLayout().paintRectPixels(device.resolution()))
            rect.moveTo(0, 0)
            paint_recovery_sheet(painter, rect, self._groups, self.sheet_title(),
                                 self.sheet_lines())
        finally:
            painter.end()

    def sheet_title(self) -> str:
        return self.tr("Supervision Journal — recovery code")

    def sheet_lines(self) -> list[str]:
        return [self.tr("This code opens your journal if you forget your passphrase. Keep "
                        "this sheet somewhere safe, away from your computer."),
                self.tr("To use it: on the unlock screen choose “Use recovery code”.")]

    # -- checking ----------------------------------------------------------------------------
    def _ask_groups(self) -> None:
        self._asked = sorted(secrets.SystemRandom().sample(range(len(self._groups)), 2))
        first, second = (str(i + 1) for i in self._asked)
        self.check_intro.setText(self.tr(
            "To make sure you kept it, type groups %1 and %2 of your recovery code.")
            .replace("%1", first).replace("%2", second))
        for field, label, index in zip(self.check_fields, self.check_labels, self._asked,
                                       strict=True):
            label.setText(self.tr("Group &%1:").replace("%1", str(index + 1)))
            field.setAccessibleName(self.tr("Group %1").replace("%1", str(index + 1)))
            forget(field)
        self.check_status.setText("")
        self.stack.setCurrentIndex(self.PAGE_CHECK)
        self.check_fields[0].setFocus()

    @property
    def asked_groups(self) -> list[int]:
        """Zero-based indexes of the two groups asked for (tests type them)."""
        return list(self._asked)

    def group(self, index: int) -> str:
        """One group of the code on display (tests read it as a user reads the screen)."""
        return self.group_labels[index].text()

    def _groups_match(self) -> bool:
        if not self._groups or not self._asked:
            return False
        return all(normalise_group(field.text()) == self._groups[index]
                   for field, index in zip(self.check_fields, self._asked, strict=True))

    def _check_groups(self) -> None:
        ok = self._groups_match()
        self.finish_button.setEnabled(ok)
        complete = all(len(normalise_group(f.text())) >= recovery_code.GROUP_LEN + 1
                       for f in self.check_fields)
        if ok:
            self.check_status.setText(self.tr("Both groups are right."))
        elif complete:
            self.check_status.setText(self.tr("That does not match the code shown. Look "
                                              "again at what you wrote down."))
        else:
            self.check_status.setText("")

    def _finish_if_ready(self) -> None:
        if self._vault is None or not self._groups_match():
            return
        vault, self._vault = self._vault, None
        self._groups = []
        for label in self.group_labels:
            label.clear()
        for field in self.check_fields:
            forget(field)
        self._closing_done = True
        self.finished.emit(vault)

    # -- demo --------------------------------------------------------------------------------
    def open_demo(self) -> None:
        if self._demo_opener is None:
            return
        self._show_busy(self.tr("Opening the demo journal…"), self.tr(
            "The demo journal holds fictional clients only. Its passphrase is “demo”."))
        tasks.run_in_background(self._demo_opener, self._demo_ready, self._demo_failed)

    def _demo_ready(self, vault: Vault) -> None:
        self._closing_done = True
        self.demo_opened.emit(vault)

    def _demo_failed(self, exc: BaseException) -> None:
        self._show_failure(exc, self.tr("The demo journal could not be opened: %1"),
                           self.tr("The demo journal could not be opened because of an "
                                   "unexpected problem (error id %1)."))

    # -- leaving -----------------------------------------------------------------------------
    def take_vault(self) -> Vault | None:
        """The created vault if the wizard was left before finishing (to close it)."""
        vault, self._vault = self._vault, None
        return vault

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closing_done:
            event.accept()
            return
        if self.stack.currentIndex() == self.PAGE_BUSY:
            event.ignore()  # the vault is being written; closing now would leave half of it
            return
        if self._vault is not None:
            answer = QMessageBox.question(
                self, APP_NAME,
                self.tr("Your journal is created, but the recovery code will not be shown "
                        "again. Close anyway?"),
                QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Close:
                event.ignore()
                return
        event.accept()
        self._closing_done = True
        self.close_requested.emit()
