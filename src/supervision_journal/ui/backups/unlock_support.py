"""What the unlock screen needs from backups, before the vault is open.

- ``open_checked``: open the vault, then ``Vault.quick_check`` on a fresh connection. A
  damaged vault (or key file) raises ``DamagedVault`` (``DamagedKeyFile``), subclasses of the
  usual errors that carry an offer: the newest backup of this journal, in the remembered backup
  folder, that passes a full check. Nothing is written to the damaged files.
  The structural check (``PRAGMA quick_check``) costs about 5 s on a 108 MB journal, too much
  for every unlock after an idle lock. So it runs at the first unlock of each run of the app,
  and again whenever the file changed while the lock screen was up (someone else wrote it: a
  sync client, a restore from the command line); an unlock that finds the file exactly as the
  app left it when it locked only authenticates every page (0.7 s on 108 MB).
- ``RestoreOffer``: the part of the unlock window's problem page that offers that backup,
  restored into place (after a safety copy of the damaged files) or side by side.
- ``restore_into_place``: the restore itself, run on the unlock window (also used by the
  Backups page through the app controller, once the vault is closed), which then reopens the
  journal with the same credential.
- ``placement_notice``: the live-vault-in-a-synced-folder warning for the passphrase page.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...errors import DiskFull, KeyFileCorrupt, KnownError, VaultCorrupt, WrongPassphrase
from ...paths import vault_paths
from ...vault import backup, keys
from ...vault.vault import Vault
from ..error_text import error_text
from ..first_run import forget, notice, paragraph, password_field
from .formats import format_time
from .notices import placement_warning
from .restore_dialog import default_restore_folder
from .runner import credential

if TYPE_CHECKING:
    from ..unlock import UnlockWindow

MAX_CANDIDATES = 5  # backups tried, newest first, before giving up on finding a good one

Signature = tuple[tuple[int, int, int] | None, ...]
# Vault folders whose structural check passed in this run, and what their files looked like
# when the lock screen last appeared (the app had just closed them).
_structure_checked: set[str] = set()
_at_lock_screen: dict[str, Signature] = {}


def _key(folder: Path) -> str:
    return str(vault_paths(folder).folder)


def _signature(folder: Path) -> Signature:
    paths = vault_paths(folder)
    out = []
    for path in (paths.db, paths.wal):
        try:
            st = path.stat()
        except OSError:
            out.append(None)
        else:
            out.append((st.st_size, st.st_mtime_ns, st.st_ino))
    return tuple(out)


def note_lock_screen(folder: Path) -> None:
    """The lock screen appeared: remember the files as the app left them."""
    _at_lock_screen[_key(folder)] = _signature(folder)


def needs_structure_check(folder: Path) -> bool:
    key = _key(folder)
    return key not in _structure_checked or _at_lock_screen.get(key) != _signature(folder)


@dataclass(frozen=True)
class BackupOffer:
    folder: Path  # where we looked (the remembered backup folder)
    backup: backup.BackupInfo | None  # the newest backup that passed a full check
    found: int  # backups of this journal in that folder


class DamagedVault(VaultCorrupt):
    def __init__(self, template: str, offer: BackupOffer | None, /, **params: object) -> None:
        super().__init__(template, **params)
        self.offer = offer


class DamagedKeyFile(KeyFileCorrupt):
    def __init__(self, template: str, offer: BackupOffer | None, /, **params: object) -> None:
        super().__init__(template, **params)
        self.offer = offer


def _utcnow() -> datetime:
    return datetime.now(UTC)


def find_offer(folder: Path, backup_folder: Path, *, passphrase: str | None,
               recovery: str | None) -> BackupOffer:
    """The newest backup of the vault in ``folder`` that passes a full check. Checks with the
    database key when the key file still opens (one key derivation in all), else with the
    credential itself (one derivation per backup tried)."""
    vault_id: str | None = None
    key: bytes | None = None
    with contextlib.suppress(KnownError, OSError):
        keyfile = keys.load_keyfile(vault_paths(folder).keys)
        vault_id = keyfile.vault_id
        key = (keys.unlock_recovery(keyfile, recovery) if recovery is not None
               else keys.unlock_passphrase(keyfile, passphrase or ""))
    try:
        found = [b for b in backup.list_backups(backup_folder)
                 if vault_id is None or b.vault_id == vault_id]
    except OSError:
        found = []
    for info in found[:MAX_CANDIDATES]:
        with contextlib.suppress(KnownError, OSError):
            try:
                if key is None:
                    raise WrongPassphrase("no key")
                problems, _ = backup.verify_backup(info.path, key=key)
            except WrongPassphrase:
                problems, _ = backup.verify_backup(info.path, passphrase=passphrase,
                                                   recovery=recovery)
            if not problems:
                return BackupOffer(backup_folder, info, len(found))
    return BackupOffer(backup_folder, None, len(found))


def open_checked(folder: Path, backup_folder: Path, *, passphrase: str | None = None,
                 recovery: str | None = None) -> Vault:
    """Open the vault and run the quick check (worker thread). See the module docstring."""
    structure = needs_structure_check(folder)  # before opening creates the write-ahead log
    try:
        vault = (Vault.open_with_recovery(folder, recovery) if recovery is not None
                 else Vault.open(folder, passphrase or ""))
    except VaultCorrupt as exc:
        raise DamagedVault(exc.template, find_offer(folder, backup_folder, passphrase=passphrase,
                                                    recovery=recovery), **exc.params) from None
    except KeyFileCorrupt as exc:
        raise DamagedKeyFile(exc.template, find_offer(folder, backup_folder,
                                                      passphrase=passphrase,
                                                      recovery=recovery), **exc.params) from None
    try:
        problems = vault.quick_check(structure=structure)
    except BaseException:
        vault.close()
        raise
    if structure and not problems:
        _structure_checked.add(_key(folder))
    if problems:
        _structure_checked.discard(_key(folder))
        vault.close()
        raise DamagedVault("The vault file is damaged: some of its pages fail their check. "
                           "Nothing was overwritten; restore a backup.",
                           find_offer(folder, backup_folder, passphrase=passphrase,
                                      recovery=recovery))
    return vault


def placement_notice(folder: Path, parent: QWidget) -> QLabel:
    """The synced-folder warning as a framed paragraph (hidden for a local folder)."""
    warning = placement_warning(folder)
    label = notice("" if warning is None else f"{warning[0]}.\n{warning[1]}", parent)
    label.setObjectName("placementNotice")
    label.setVisible(warning is not None)
    return label


# -- restoring from the unlock window ------------------------------------------------------

@dataclass(frozen=True)
class RestoreResult:
    folder: Path  # where the backup was restored
    safety: Path | None = None  # the copy of the files it replaced
    vault: Vault | None = None  # the journal, reopened (into place, with a passphrase)
    error: BaseException | None = None  # the restore itself failed; nothing was changed


def _restore_error_text(exc: BaseException) -> str:
    translate = QCoreApplication.translate
    if isinstance(exc, WrongPassphrase):
        return translate("RestoreOffer", "This passphrase or recovery code does not open the "
                                         "backup: it needs the one that was valid when the "
                                         "backup was made. Nothing was changed.")
    if isinstance(exc, DiskFull):
        return translate("RestoreOffer", "The disk is full: nothing was restored and nothing "
                                         "was changed. Free some space and try again.")
    if isinstance(exc, VaultCorrupt):
        return translate("RestoreOffer", "The backup failed its check: nothing was changed. "
                                         "Try another backup.")
    if isinstance(exc, KnownError):
        return translate("RestoreOffer", "Nothing was restored: %1").replace("%1", error_text(exc))
    from ..crash import report_exception

    return translate("RestoreOffer", "Nothing was restored because of an unexpected problem "
                                     "(error id %1).").replace(
        "%1", report_exception(type(exc), exc, exc.__traceback__))


def restore_into_place(window: UnlockWindow, path: Path, folder: Path, backup_folder: Path, *,
                       passphrase: str | None, recovery: str | None) -> None:
    """Restore ``path`` into the (closed) vault ``folder`` on the unlock window, then reopen
    the journal with the same passphrase. With a recovery code, the unlock window asks for the
    passphrase or code again (that path sets a new passphrase)."""
    def work() -> RestoreResult:
        try:
            safety = backup.restore_backup(path, folder, passphrase=passphrase,
                                           recovery=recovery)
        except Exception as exc:  # shown on the window, nothing changed
            return RestoreResult(folder, error=exc)
        if recovery is not None:
            return RestoreResult(folder, safety)
        # Errors from here on are an unlock's: the window's own handling shows them.
        return RestoreResult(folder, safety, open_checked(folder, backup_folder,
                                                          passphrase=passphrase))

    translate = QCoreApplication.translate

    def done(result: RestoreResult) -> None:
        if result.error is not None:
            window.message.setText(_restore_error_text(result.error))
            return
        if result.vault is not None:
            window.open_vault(result.vault)
            return
        text = translate("RestoreOffer", "The backup was restored. Unlock to open it.")
        if result.safety is not None:
            text += " " + translate("RestoreOffer", "The files it replaced are kept in “%1”.")\
                .replace("%1", str(result.safety))
        window.message.setText(text)

    window.run_task(translate("RestoreOffer", "Restoring the backup: checking it in full, "
                                              "keeping a copy of the current files, then "
                                              "replacing them…"), work, done)


def restore_side_by_side(window: UnlockWindow, path: Path, target: Path, *,
                         passphrase: str | None, recovery: str | None) -> None:
    def work() -> RestoreResult:
        try:
            if vault_paths(target).exists():
                raise KnownError("A journal already exists in that folder.")
            backup.restore_backup(path, target, passphrase=passphrase, recovery=recovery)
        except Exception as exc:
            return RestoreResult(target, error=exc)
        return RestoreResult(target)

    translate = QCoreApplication.translate

    def done(result: RestoreResult) -> None:
        if result.error is not None:
            window.message.setText(_restore_error_text(result.error))
            return
        window.message.setText(translate(
            "RestoreOffer", "The backup was restored into “%1”; the damaged journal was not "
                            "changed. To open the copy, start the app with: "
                            "supervision-journal --vault “%1”").replace("%1", str(target)))

    window.run_task(translate("RestoreOffer", "Restoring the backup into a new folder…"),
                    work, done)


class RestoreOffer(QWidget):
    """On the unlock window's problem page: the newest good backup, and two ways to restore
    it. Hidden for problems that come without an offer (a vault from a newer app)."""

    def __init__(self, window: UnlockWindow, vault_folder: Path, backup_folder: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreOffer")
        self._window = window
        self._backup_folder = backup_folder
        self._vault_folder = vault_paths(vault_folder).folder
        note_lock_screen(self._vault_folder)  # built with the unlock window
        self.offer: BackupOffer | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.text = paragraph("", self)
        self.text.setObjectName("offerText")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text)
        self.form = QWidget(self)
        form = QFormLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        self.secret = password_field(self.form)
        self.secret.setAccessibleName(self.tr("Passphrase or recovery code"))
        form.addRow(self.tr("&Passphrase or recovery code:"), self.secret)
        layout.addWidget(self.form)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.side_button = QPushButton(self.tr("Restore into a &new folder"), self)
        self.in_place_button = QPushButton(self.tr("Restore &into place"), self)
        self.in_place_button.setDefault(True)
        buttons.addWidget(self.side_button)
        buttons.addWidget(self.in_place_button)
        self.button_row = QWidget(self)
        self.button_row.setLayout(buttons)
        layout.addWidget(self.button_row)
        self.side_button.clicked.connect(self.restore_side_by_side)
        self.in_place_button.clicked.connect(self.restore_into_place)
        self.secret.textChanged.connect(self._update)
        self.secret.returnPressed.connect(self.restore_into_place)
        self.hide()

    def show_for(self, exc: KnownError) -> None:
        offer = exc.offer if isinstance(exc, DamagedVault | DamagedKeyFile) else None
        self.offer = offer
        forget(self.secret)
        if offer is None:
            self.hide()
            return
        folder = str(offer.folder)
        if offer.backup is not None:
            self.text.setText(self.tr(
                "A backup of this journal made on %1 passed a full check just now (in “%2”). "
                "Restore it into place: the damaged files are first copied into a "
                "“before-restore” folder, so nothing is overwritten. Or restore it into a new "
                "folder and leave the damaged journal as it is. Anything saved after %1 is not "
                "in the backup.").replace("%1", format_time(offer.backup.created_at))
                .replace("%2", folder))
        elif offer.found:
            self.text.setText(self.tr(
                "None of the newest backups of this journal in “%1” passed its check. If you "
                "keep backups elsewhere (a USB stick), restore one with “supervision-journal "
                "restore FILE”.").replace("%1", folder))
        else:
            self.text.setText(self.tr(
                "No backup of this journal was found in “%1”. If you keep backups elsewhere "
                "(a USB stick), restore one with “supervision-journal restore FILE”.").replace(
                    "%1", folder))
        has = offer.backup is not None
        self.form.setVisible(has)
        self.button_row.setVisible(has)
        self._update()
        self.show()

    def _update(self) -> None:
        ready = bool(self.secret.text()) and self.offer is not None and \
            self.offer.backup is not None
        self.side_button.setEnabled(ready)
        self.in_place_button.setEnabled(ready)

    def _take_credential(self) -> tuple[str | None, str | None] | None:
        text = self.secret.text()
        forget(self.secret)
        return credential(text) if text else None

    def restore_into_place(self) -> None:
        chosen = self._take_credential()
        if chosen is None or self.offer is None or self.offer.backup is None:
            return
        restore_into_place(self._window, self.offer.backup.path, self._vault_folder,
                           self._backup_folder, passphrase=chosen[0], recovery=chosen[1])

    def restore_side_by_side(self) -> None:
        chosen = self._take_credential()
        if chosen is None or self.offer is None or self.offer.backup is None:
            return
        target = default_restore_folder(self._vault_folder, _utcnow())
        restore_side_by_side(self._window, self.offer.backup.path, target,
                             passphrase=chosen[0], recovery=chosen[1])
