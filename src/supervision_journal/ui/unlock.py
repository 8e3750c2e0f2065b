"""The unlock window, which is also the lock screen: it shows nothing from the vault.

Key derivation runs off the GUI thread. A wrong passphrase, a damaged vault and a vault written
by a newer app are told apart, each with its own guidance. After five failed attempts the next
one waits 30 s, doubling up to 15 min; the count lives in journal.keys (kept by the vault) so
that restarting the app does not reset it. Unlocking with the recovery code then asks for a new
passphrase before the journal opens.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME
from ..errors import (
    KeyFileCorrupt,
    KnownError,
    RecoveryCodeTypo,
    VaultCorrupt,
    VaultTooNew,
    WrongPassphrase,
    WrongRecoveryCode,
)
from ..paths import vault_paths
from ..vault import keys, recovery_code
from ..vault.vault import Vault
from . import tasks
from .backups.remembered import remembered_folder
from .backups.unlock_support import RestoreOffer, open_checked, placement_notice
from .error_text import error_text
from .first_run import (
    NewPassphraseForm,
    busy_bar,
    forget,
    heading,
    monospace_font,
    notice,
    paragraph,
    password_field,
)

FREE_ATTEMPTS = 5
FIRST_DELAY_S = 30
MAX_DELAY_S = 15 * 60


def failure_delay_seconds(failures: int) -> int:
    """How long to wait before the next attempt after ``failures`` wrong ones in a row."""
    if failures < FREE_ATTEMPTS:
        return 0
    return min(MAX_DELAY_S, FIRST_DELAY_S * 2 ** min(failures - FREE_ATTEMPTS, 10))


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _parse_time(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


class UnlockWindow(QWidget):
    """Signals:
        unlocked(Vault): the vault is open (and, after the recovery path, has a new
            passphrase).
        close_requested(): the window was closed; the controller quits.
    """

    unlocked = Signal(object)
    close_requested = Signal()

    PAGE_PASSPHRASE, PAGE_RECOVERY, PAGE_NEW_PASSPHRASE, PAGE_PROBLEM = range(4)

    def __init__(self, folder: Path, *, demo: bool = False,
                 clock: Callable[[], datetime] = _utcnow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        self.setObjectName("UnlockWindow")
        self._folder = folder
        self._clock = clock
        self._demo = demo
        self._busy = False
        self._vault: Vault | None = None  # held only on the new-passphrase page
        self._session_failures = 0
        self._session_last: datetime | None = None
        self._persisted_failures = 0
        self._persisted_last: datetime | None = None
        self._done = False

        self.stack = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(self.stack)
        self.stack.addWidget(self._build_passphrase_page())
        self.stack.addWidget(self._build_recovery_page())
        self.stack.addWidget(self._build_new_passphrase_page())
        self.stack.addWidget(self._build_problem_page())
        self.setMinimumWidth(520)

        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self.refresh_delay)
        self._read_persisted_failures()
        self.refresh_delay()

    # -- pages -------------------------------------------------------------------------------
    def _build_passphrase_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(heading(self.tr("Your journal is locked"), page))
        # Backups (ui/backups): the live vault in a synced folder is a standing risk.
        self.placement_notice = placement_notice(self._folder, page)
        layout.addWidget(self.placement_notice)
        if self._demo:
            layout.addWidget(notice(self.tr("This is the demo journal, with fictional data "
                                            "only. Its passphrase is “demo”."), page))
        self.passphrase_field = password_field(page)
        self.passphrase_field.setAccessibleName(self.tr("Passphrase"))
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase:"), self.passphrase_field)
        layout.addLayout(form)
        self.message = paragraph("", page)
        self.message.setObjectName("unlockMessage")
        self.message.setAccessibleName(self.tr("Unlock message"))
        layout.addWidget(self.message)
        self.delay_label = paragraph("", page)
        self.delay_label.setObjectName("delayMessage")
        layout.addWidget(self.delay_label)
        self.busy = busy_bar(page)
        self.busy.hide()
        layout.addWidget(self.busy)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        self.recovery_button = QPushButton(self.tr("Use &recovery code…"), page)
        self.unlock_button = QPushButton(self.tr("&Unlock"), page)
        self.unlock_button.setDefault(True)
        self.unlock_button.setAutoDefault(True)
        buttons.addWidget(self.recovery_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout.addLayout(buttons)
        self.passphrase_field.returnPressed.connect(self.unlock)
        self.unlock_button.clicked.connect(self.unlock)
        self.recovery_button.clicked.connect(self.show_recovery)
        return page

    def _build_recovery_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(heading(self.tr("Unlock with your recovery code"), page))
        layout.addWidget(paragraph(self.tr(
            "Type the recovery code you were given when the journal was created: 7 groups of "
            "5 characters. Dashes and spaces are optional. You will then choose a new "
            "passphrase."), page))
        self.recovery_field = QLineEdit(page)
        self.recovery_field.setFont(monospace_font(1.2))
        self.recovery_field.setAccessibleName(self.tr("Recovery code"))
        self.recovery_field.setInputMethodHints(Qt.InputMethodHint.ImhSensitiveData
                                                | Qt.InputMethodHint.ImhNoPredictiveText)
        self.recovery_field.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")
        layout.addWidget(self.recovery_field)
        self.recovery_message = paragraph("", page)
        self.recovery_message.setObjectName("recoveryMessage")
        layout.addWidget(self.recovery_message)
        self.recovery_delay_label = paragraph("", page)
        layout.addWidget(self.recovery_delay_label)
        self.recovery_busy = busy_bar(page)
        self.recovery_busy.hide()
        layout.addWidget(self.recovery_busy)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        self.back_button = QPushButton(self.tr("&Back to the passphrase"), page)
        self.recovery_unlock_button = QPushButton(self.tr("&Unlock"), page)
        self.recovery_unlock_button.setDefault(True)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.recovery_unlock_button)
        layout.addLayout(buttons)
        self.recovery_field.returnPressed.connect(self.unlock_with_recovery)
        self.recovery_unlock_button.clicked.connect(self.unlock_with_recovery)
        self.back_button.clicked.connect(self.show_passphrase)
        return page

    def _build_new_passphrase_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(heading(self.tr("Choose a new passphrase"), page))
        layout.addWidget(paragraph(self.tr(
            "The recovery code opened your journal. Choose a new passphrase now: the old one "
            "stops working. Your recovery code stays valid; keep it safe."), page))
        self.new_passphrase = NewPassphraseForm(page)
        layout.addWidget(self.new_passphrase)
        self.new_message = paragraph("", page)
        layout.addWidget(self.new_message)
        self.new_busy = busy_bar(page)
        self.new_busy.hide()
        layout.addWidget(self.new_busy)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_passphrase_button = QPushButton(self.tr("&Save and open"), page)
        self.save_passphrase_button.setDefault(True)
        self.save_passphrase_button.setEnabled(False)
        buttons.addWidget(self.save_passphrase_button)
        layout.addLayout(buttons)
        self.new_passphrase.changed.connect(
            lambda: self.save_passphrase_button.setEnabled(
                self.new_passphrase.acceptable and not self._busy))
        self.new_passphrase.second.returnPressed.connect(self.save_new_passphrase)
        self.save_passphrase_button.clicked.connect(self.save_new_passphrase)
        return page

    def _build_problem_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.problem_title = heading("", page)
        layout.addWidget(self.problem_title)
        self.problem_text = paragraph("", page)
        self.problem_text.setObjectName("problemText")
        layout.addWidget(self.problem_text)
        self.problem_steps = notice("", page)
        layout.addWidget(self.problem_steps)
        self.problem_folder = QLabel(page)
        self.problem_folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem_folder.setWordWrap(True)
        layout.addWidget(self.problem_folder)
        # Backups (ui/backups): a damaged vault gets the newest backup that passes its check.
        self.restore_offer = RestoreOffer(self, self._folder, remembered_folder(), page)
        layout.addWidget(self.restore_offer)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.try_again_button = QPushButton(self.tr("&Try again"), page)
        buttons.addWidget(self.try_again_button)
        layout.addLayout(buttons)
        self.try_again_button.clicked.connect(self.show_passphrase)
        return page

    # -- navigation --------------------------------------------------------------------------
    def show_passphrase(self) -> None:
        self.stack.setCurrentIndex(self.PAGE_PASSPHRASE)
        self.refresh_delay()
        self.passphrase_field.setFocus()

    def show_recovery(self) -> None:
        self.recovery_message.setText("")
        self.stack.setCurrentIndex(self.PAGE_RECOVERY)
        self.refresh_delay()
        self.recovery_field.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stack.currentIndex() == self.PAGE_PASSPHRASE:
            self.passphrase_field.setFocus()

    # -- the growing delay ---------------------------------------------------------------------
    def _read_persisted_failures(self) -> None:
        try:
            keyfile = keys.load_keyfile(vault_paths(self._folder).keys)
        except (KnownError, OSError):
            return  # a damaged key file is reported when the user tries to unlock
        self._persisted_failures = keyfile.failed_unlocks
        self._persisted_last = _parse_time(keyfile.last_failure)

    @property
    def failures(self) -> int:
        return max(self._persisted_failures, self._session_failures)

    def remaining_delay(self) -> float:
        """Seconds before the next attempt is allowed (0 when it is allowed now)."""
        delay = failure_delay_seconds(self.failures)
        lasts = [t for t in (self._persisted_last, self._session_last) if t is not None]
        if not delay or not lasts:
            return 0.0
        now = self._clock()
        last = min(max(lasts), now)  # a clock set back must not make the wait longer
        return max(0.0, delay - (now - last).total_seconds())

    def refresh_delay(self) -> None:
        remaining = self.remaining_delay()
        waiting = remaining > 0
        for label in (self.delay_label, self.recovery_delay_label):
            if waiting:
                seconds = int(remaining + 0.999)
                label.setText(self.tr("Too many wrong attempts. You can try again in %1.")
                              .replace("%1", f"{seconds // 60}:{seconds % 60:02d}"))
            else:
                label.setText("")
        allowed = not waiting and not self._busy
        self.unlock_button.setEnabled(allowed)
        self.recovery_unlock_button.setEnabled(allowed)
        if waiting and not self._tick.isActive():
            self._tick.start()
        elif not waiting:
            self._tick.stop()

    def _count_failure(self) -> None:
        self._session_failures = self.failures + 1
        self._session_last = self._clock()
        self._read_persisted_failures()

    # -- unlocking ---------------------------------------------------------------------------
    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for bar in (self.busy, self.recovery_busy):
            bar.setVisible(busy and bar.parentWidget() is self.stack.currentWidget())
        self.passphrase_field.setEnabled(not busy)
        self.recovery_field.setEnabled(not busy)
        self.recovery_button.setEnabled(not busy)
        self.back_button.setEnabled(not busy)
        self.refresh_delay()

    def unlock(self) -> None:
        if self._busy or self.remaining_delay() > 0:
            return
        passphrase = self.passphrase_field.text()
        forget(self.passphrase_field)  # right after reading (security.md §5.8)
        if not passphrase:
            self.message.setText(self.tr("Type your passphrase first."))
            return
        self.message.setText(self.tr("Unlocking…"))
        self._set_busy(True)
        folder, backups = self._folder, remembered_folder()
        # Opening includes the quick check (ui/backups): a damaged vault never opens.
        tasks.run_in_background(
            lambda: open_checked(folder, backups, passphrase=passphrase), self._opened,
            self._failed)

    def unlock_with_recovery(self) -> None:
        if self._busy or self.remaining_delay() > 0:
            return
        code = self.recovery_field.text()
        try:
            recovery_code.normalise(code)  # typos are caught here, before any slow work
        except RecoveryCodeTypo as exc:
            self.recovery_message.setText(self._typo_text(exc))
            return
        forget(self.recovery_field)
        self.recovery_message.setText(self.tr("Unlocking…"))
        self._set_busy(True)
        folder, backups = self._folder, remembered_folder()
        tasks.run_in_background(lambda: open_checked(folder, backups, recovery=code),
                                self._opened_with_recovery, self._failed)

    def _typo_text(self, exc: RecoveryCodeTypo) -> str:
        group = exc.params.get("group")  # absent when the length is wrong
        if group is not None:
            return self.tr("Group %1 of the recovery code has a typo; check it against "
                           "what you wrote down.").replace("%1", str(group))
        return self.tr("A recovery code has 35 characters in 7 groups; check that none is "
                       "missing.")

    def _opened(self, vault: Vault) -> None:
        self._set_busy(False)
        self.message.setText("")
        if self._done:
            vault.close()
            return
        self._finish(vault)

    def _opened_with_recovery(self, vault: Vault) -> None:
        self._set_busy(False)
        if self._done:
            vault.close()
            return
        self._vault = vault
        self.recovery_message.setText("")
        self.stack.setCurrentIndex(self.PAGE_NEW_PASSPHRASE)
        self.new_passphrase.first.setFocus()

    def save_new_passphrase(self) -> None:
        if self._busy or self._vault is None or not self.new_passphrase.acceptable:
            return
        passphrase = self.new_passphrase.take()
        vault = self._vault
        self._busy = True
        self.save_passphrase_button.setEnabled(False)
        self.new_busy.show()
        self.new_message.setText(self.tr("Saving the new passphrase…"))
        tasks.run_in_background(lambda: vault.change_passphrase(passphrase),
                                lambda _result: self._passphrase_saved(),
                                self._passphrase_failed)

    def _passphrase_saved(self) -> None:
        self._busy = False
        self.new_busy.hide()
        vault, self._vault = self._vault, None
        if vault is not None:
            self._finish(vault)

    def _passphrase_failed(self, exc: BaseException) -> None:
        self._busy = False
        self.new_busy.hide()
        if isinstance(exc, KnownError):
            self.new_message.setText(self.tr("The new passphrase could not be saved: %1")
                                     .replace("%1", error_text(exc)))
        else:
            from .crash import report_exception

            self.new_message.setText(self.tr(
                "The new passphrase could not be saved because of an unexpected problem "
                "(error id %1).").replace(
                    "%1", report_exception(type(exc), exc, exc.__traceback__)))
        self.save_passphrase_button.setEnabled(self.new_passphrase.acceptable)

    def _finish(self, vault: Vault) -> None:
        self._done = True
        self._tick.stop()
        self.unlocked.emit(vault)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        on_recovery = self.stack.currentIndex() == self.PAGE_RECOVERY
        target = self.recovery_message if on_recovery else self.message
        if isinstance(exc, WrongRecoveryCode):
            self._count_failure()
            target.setText(self.tr("This recovery code does not open this journal. Check that "
                                   "it is the code of this journal."))
        elif isinstance(exc, WrongPassphrase):
            self._count_failure()
            text = self.tr("Wrong passphrase. Check that Caps Lock is off and that the keyboard "
                           "layout is the usual one, then try again.")
            if self.failures >= 3:
                text += " " + self.tr("If you have forgotten it, use your recovery code.")
            target.setText(text)
        elif isinstance(exc, RecoveryCodeTypo):
            target.setText(self._typo_text(exc))
        elif isinstance(exc, VaultCorrupt | KeyFileCorrupt | VaultTooNew):
            target.setText("")
            self.show_problem(exc)
        elif isinstance(exc, KnownError):
            target.setText(self.tr("The journal could not be opened: %1").replace(
                "%1", error_text(exc)))
        else:
            from .crash import report_exception

            error_id = report_exception(type(exc), exc, exc.__traceback__)
            target.setText(self.tr("The journal could not be opened because of an unexpected "
                                   "problem (error id %1). Nothing was changed.")
                           .replace("%1", error_id))
        self.refresh_delay()

    def show_problem(self, exc: KnownError) -> None:
        """Distinct guidance for a damaged vault or one written by a newer app."""
        folder = str(vault_paths(self._folder).folder)
        if isinstance(exc, VaultTooNew):
            self.problem_title.setText(self.tr("This journal needs a newer version"))
            self.problem_text.setText(self.tr(
                "This journal was saved by a newer version of Supervision Journal than this "
                "one. It was not changed."))
            self.problem_steps.setText(self.tr(
                "Install the latest version of Supervision Journal, then open the journal "
                "again."))
        elif isinstance(exc, KeyFileCorrupt):
            self.problem_title.setText(self.tr("The journal's key file is damaged"))
            self.problem_text.setText(self.tr(
                "The file journal.keys, which holds the locked key of your journal, cannot be "
                "read or was changed. Your passphrase was not the problem. Nothing was "
                "overwritten."))
            self.problem_steps.setText(self.tr(
                "1. Run “supervision-journal verify” in a terminal to see what is wrong.\n"
                "2. Restore journal.keys and journal.db from your latest backup.\n"
                "3. Keep the damaged files until the journal opens again."))
        else:
            self.problem_title.setText(self.tr("The journal file is damaged"))
            self.problem_text.setText(self.tr(
                "Your passphrase is right, but the journal file (journal.db) cannot be read: "
                "it is damaged or incomplete. Nothing was overwritten."))
            self.problem_steps.setText(self.tr(
                "1. Run “supervision-journal verify” in a terminal to see what is wrong.\n"
                "2. Restore journal.db from your latest backup.\n"
                "3. Keep the damaged file until the journal opens again."))
        self.problem_folder.setText(self.tr("Journal folder: %1").replace("%1", folder))
        self.restore_offer.show_for(exc)
        self.stack.setCurrentIndex(self.PAGE_PROBLEM)

    # -- work from ui/backups: a restore runs here, with the journal closed -----------------
    def run_task(self, message: str, work: Callable[[], Any],
                 on_done: Callable[[Any], None]) -> None:
        """Run ``work`` off the GUI thread with ``message`` and the busy bar on the passphrase
        page; unlocking waits. An error goes through the unlock's own error handling."""
        self.show_passphrase()
        self.message.setText(message)
        self._set_busy(True)

        def done(result: Any) -> None:
            self._set_busy(False)
            self.message.setText("")
            on_done(result)

        tasks.run_in_background(work, done, self._failed)

    def open_vault(self, vault: Vault) -> None:
        """Open the journal with a vault opened by ``run_task`` (a restore, then reopen)."""
        self._opened(vault)

    # -- leaving -----------------------------------------------------------------------------
    def take_vault(self) -> Vault | None:
        """A vault opened by the recovery path but not yet handed over (to close on quit)."""
        vault, self._vault = self._vault, None
        return vault

    def closeEvent(self, event: QCloseEvent) -> None:
        event.accept()
        if not self._done:
            self._done = True
            self._tick.stop()
            with contextlib.suppress(RuntimeError):
                self.close_requested.emit()
