"""Encrypted, self-contained, verified backups, their rotation, and restore.

A backup is one file (``journal-backup-YYYYMMDD-HHMMSS-xxxx.sjbk``)::

    b"SJBK1\\n" | 8-byte big-endian header length | header JSON | payload

* payload: a full copy of the database made with ``sqlcipher_export`` under a fresh random key
  (the backup key): SQLCipher ciphertext, never plaintext, not even in a temporary file;
* header: vault id, time, app version, the payload's SHA-256, row counts sealed under the
  backup key (how many clients a practitioner has is nobody else's business), the vault's keyslots
  as they were (so the passphrase or recovery code valid at that time opens it), and the backup
  key sealed under the database key (``backup_key``). Opening: credential → keyslot → database
  key → backup key → payload.

Written to a temporary name in the destination, fsynced, renamed, folder fsynced; then
verified (fresh connection: page authentication, structure, row counts equal to the header) and
only then are older backups rotated out (7 daily, 4 weekly, 12 monthly).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import re
import secrets
import shutil
import struct
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from .. import __version__
from ..errors import (
    DiskFull,
    KeyFileCorrupt,
    KnownError,
    OsReason,
    VaultCorrupt,
    WrongPassphrase,
)
from ..paths import VaultPaths, vault_paths
from . import keys
from .atomic import fsync_dir
from .database import Database, _key_pragma, integrity_problems, translated_errors

MAGIC = b"SJBK1\n"
SUFFIX = ".sjbk"
MAX_HEADER = 1024 * 1024
_NAME = re.compile(r"^journal-backup-(\d{8})-(\d{6})-[0-9a-f]{4}\.sjbk$")
# What a killed backup, verification or restore leaves behind (SQLite adds -journal, -wal,
# -shm to the temporary database). Older than STALE_AFTER seconds, it belongs to no live run.
_TEMPORARY = re.compile(r"^\.(journal-backup-\d{8}-\d{6}-[0-9a-f]{4}\.sjbk(\.export)?"
                        r"|restore-[0-9a-f]{8})\.tmp(-journal|-wal|-shm)?$")
STALE_AFTER = 60.0
COUNTED = ("client", "identity_term", "session", "section", "approval", "reflection",
           "supervision_session", "activity", "evidence")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created_at: datetime
    vault_id: str
    size: int
    counts: dict[str, int] | None = None  # known only once the backup was opened


def _seal_counts(key: bytes | bytearray, counts: dict[str, int]) -> dict[str, str]:
    nonce = os.urandom(12)
    data = ChaCha20Poly1305(bytes(key)).encrypt(nonce, json.dumps(counts).encode(), b"counts")
    return {"nonce": base64.b64encode(nonce).decode(), "data": base64.b64encode(data).decode()}


def _open_counts(key: bytes | bytearray, sealed: Any) -> dict[str, int]:
    try:
        nonce = base64.b64decode(sealed["nonce"])
        data = ChaCha20Poly1305(bytes(key)).decrypt(nonce, base64.b64decode(sealed["data"]),
                                                    b"counts")
        return {str(k): int(v) for k, v in json.loads(data).items()}
    except (InvalidTag, KeyError, TypeError, ValueError):
        raise VaultCorrupt("The backup's header is damaged.") from None


def _counts(conn: Any) -> dict[str, int]:
    return {t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in COUNTED}


# A whole sentence for each thing written, so that each is translated whole (errors.py).
_DISK_FULL = {
    "backup": "The disk is full: the backup was not written. Nothing else changed.",
    "restored copy": "The disk is full: the restored copy was not written. Nothing else "
                     "changed.",
    "restored vault": "The disk is full: the restored vault was not written. Nothing else "
                      "changed.",
}
_NOT_WRITTEN = {
    "backup": "Could not write the backup: {reason}.",
    "restored copy": "Could not write the restored copy: {reason}.",
    "restored vault": "Could not write the restored vault: {reason}.",
}


def _disk_error(exc: OSError, what: str) -> KnownError:
    if exc.errno in (28, 122):  # ENOSPC, EDQUOT
        return DiskFull(_DISK_FULL[what])
    return KnownError(_NOT_WRITTEN[what], reason=OsReason(exc))


def create_backup(paths: VaultPaths, keyfile: keys.KeyFile, dek: bytes, dest: Path,
                  now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> BackupInfo:
    """Write a verified backup of the vault into ``dest``; returns its description.

    Uses its own connection, so it may run on a worker thread while the app keeps writing
    (SQLite gives the export a consistent snapshot).
    """
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True, mode=0o700)
    remove_stale_temporaries(dest)
    stamp = now()
    name = f"journal-backup-{stamp:%Y%m%d-%H%M%S}-{secrets.token_hex(2)}{SUFFIX}"
    final = dest / name
    export_tmp = dest / f".{name}.export.tmp"
    container_tmp = dest / f".{name}.tmp"
    backup_key = keys.new_dek()
    try:
        source = Database.open(paths.db, dek)
        try:
            with translated_errors():
                conn = source.raw
                conn.execute(f"ATTACH DATABASE ? AS backup KEY \"x'{bytes(backup_key).hex()}'\"",
                             (str(export_tmp),))
                try:
                    conn.execute("BEGIN")  # one snapshot for the export and the counts
                    counts = _counts(conn)
                    conn.execute("SELECT sqlcipher_export('backup')")
                    version = conn.execute("PRAGMA main.user_version").fetchone()[0]
                    conn.execute(f"PRAGMA backup.user_version = {int(version)}")
                    conn.execute("COMMIT")
                finally:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    conn.execute("DETACH DATABASE backup")
        finally:
            source.close()
        problems = _check_payload(export_tmp, backup_key, counts)
        if problems:
            # The problem is SQLite's own description, shown as it is.
            raise VaultCorrupt("The backup copy failed its check ({problem}); the live vault "
                               "may be damaged. Nothing was replaced.", problem=problems[0])
        payload = export_tmp.read_bytes()
        sealed = keys.wrap_with_key(keyfile.vault_id, dek, bytes(backup_key))
        header = {"format": "supervision-journal-backup", "version": 1,
                  "vault_id": keyfile.vault_id, "created_at": stamp.isoformat(),
                  "app_version": __version__, "schema_version": version,
                  "counts": _seal_counts(backup_key, counts),
                  "payload_sha256": hashlib.sha256(payload).hexdigest(),
                  "payload_size": len(payload),
                  "keyslots": json.loads(keyfile.with_pending(None).with_failures(0, None)
                                         .to_bytes()),
                  "backup_key": sealed.to_json()}
        head = json.dumps(header, sort_keys=True).encode("utf-8")
        fd = os.open(container_tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(MAGIC + struct.pack(">Q", len(head)) + head)
                fh.write(payload)
                fh.flush()
                os.fsync(fh.fileno())
        except BaseException:
            with contextlib.suppress(OSError):
                container_tmp.unlink()
            raise
        os.replace(container_tmp, final)
        fsync_dir(dest)
    except OSError as exc:
        raise _disk_error(exc, "backup") from None
    except DiskFull:
        # From SQLite, whose message speaks of an unsaved change: here it is the backup.
        raise _disk_error(OSError(28, "No space left on device"), "backup") from None
    finally:
        for leftover in (export_tmp, container_tmp):
            with contextlib.suppress(OSError):
                leftover.unlink()
        keys_wipe(backup_key)
    # Re-read what is on disk: the container must parse and its payload hash must match.
    _read_payload(final)
    info = read_info(final)
    return BackupInfo(info.path, info.created_at, info.vault_id, info.size, counts)


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Delete the temporary files a killed run left in ``folder``: only our own temporary
    names, and only when older than a minute (a younger one may be a backup in progress in
    another process). Returns what was removed."""
    removed = []
    limit = time.time() - STALE_AFTER
    with contextlib.suppress(OSError):
        for entry in Path(folder).iterdir():
            if _TEMPORARY.match(entry.name):
                with contextlib.suppress(OSError):
                    if entry.is_file() and entry.stat().st_mtime < limit:
                        entry.unlink()
                        removed.append(entry)
    return removed


def keys_wipe(buf: bytearray) -> None:
    for i in range(len(buf)):
        buf[i] = 0


def _check_payload(path: Path, key: bytes | bytearray, counts: dict[str, int]) -> list[str]:
    problems = integrity_problems(path, key)
    if problems:
        return problems
    db = Database.open(path, key)
    try:
        with translated_errors():
            found = _counts(db.raw)
    finally:
        db.close()
    return [] if found == counts else ["row counts differ from the live vault"]


def _parse(path: Path) -> tuple[dict[str, Any], int]:
    """Header and payload offset; any malformation is a clear VaultCorrupt."""
    try:
        with open(path, "rb") as fh:
            magic = fh.read(len(MAGIC))
            if magic != MAGIC:
                raise VaultCorrupt("{name} is not a Supervision Journal backup.", name=path.name)
            raw_len = fh.read(8)
            if len(raw_len) != 8:
                raise VaultCorrupt("{name} is truncated.", name=path.name)
            (length,) = struct.unpack(">Q", raw_len)
            if not 0 < length <= MAX_HEADER:
                raise VaultCorrupt("{name} is damaged (header size).", name=path.name)
            head = fh.read(length)
    except OSError as exc:
        raise KnownError("Cannot read {name}: {reason}.", name=path.name,
                         reason=OsReason(exc)) from None
    if len(head) != length:
        raise VaultCorrupt("{name} is truncated.", name=path.name)
    try:
        header = json.loads(head.decode("utf-8"))
    # ValueError covers bad UTF-8, bad JSON and over-long integers; RecursionError deep nesting.
    except (ValueError, RecursionError):
        raise VaultCorrupt("{name} is damaged (header).", name=path.name) from None
    if not isinstance(header, dict) or header.get("format") != "supervision-journal-backup":
        raise VaultCorrupt("{name} is damaged (header).", name=path.name)
    return header, len(MAGIC) + 8 + length


def read_info(path: Path) -> BackupInfo:
    header, _ = _parse(path)
    try:
        created = datetime.fromisoformat(header["created_at"])
        vault_id = str(header["vault_id"])
    except (KeyError, TypeError, ValueError, AttributeError):
        raise VaultCorrupt("{name} is damaged (header fields).", name=path.name) from None
    if created.tzinfo is None:  # backups are stamped in UTC; a bare time cannot be sorted
        created = created.replace(tzinfo=UTC)
    return BackupInfo(path, created, vault_id, path.stat().st_size)


def _read_payload(path: Path) -> tuple[dict[str, Any], bytes]:
    header, offset = _parse(path)
    with open(path, "rb") as fh:
        fh.seek(offset)
        payload = fh.read()
    if len(payload) != header.get("payload_size") or \
            hashlib.sha256(payload).hexdigest() != header.get("payload_sha256"):
        raise VaultCorrupt("{name} is damaged or truncated (its content does not match its "
                           "checksum).", name=path.name)
    return header, payload


def _backup_key(header: dict[str, Any], *, passphrase: str | None, recovery: str | None,
                key: bytes | None = None) -> tuple[bytes, bytes, keys.KeyFile]:
    """(database key at backup time, backup key, keyslots at backup time)."""
    # The keys parser speaks of journal.keys; here the damage is in the backup, not in the
    # user's key file, so its errors are reported as the backup's.
    try:
        slots = keys.parse_keyfile(json.dumps(header["keyslots"]).encode("utf-8"))
        sealed = keys._parse_slot(header["backup_key"], "backup_key")
    except (KeyError, TypeError, KeyFileCorrupt):
        raise VaultCorrupt("The backup's key section is damaged.") from None
    if key is not None:
        # An open vault's database key: no credential to ask for. It opens the backup when the
        # backup is of this vault and the key was not replaced (rotate-key) since.
        opened = keys.open_with_key(slots.vault_id, sealed, key)
        if opened is None:
            raise WrongPassphrase("This backup does not open with the journal's current key "
                                  "(another journal's, or made before the key was replaced): "
                                  "check it with the passphrase valid when it was made.")
        return key, opened, slots
    if recovery is None and passphrase is None:
        raise WrongPassphrase("A passphrase or recovery code is needed to open this backup.")
    try:
        dek = (keys.unlock_recovery(slots, recovery) if recovery is not None
               else keys.unlock_passphrase(slots, passphrase or ""))
    except KeyFileCorrupt:
        raise VaultCorrupt("The backup's key section is damaged.") from None
    backup_key = keys.open_with_key(slots.vault_id, sealed, dek)
    if backup_key is None:
        raise VaultCorrupt("The backup's key section is damaged.")
    return dek, backup_key, slots


def _extract(path: Path, folder: Path, passphrase: str | None, recovery: str | None,
             key: bytes | None = None) -> tuple[Path, bytes, bytes, keys.KeyFile,
                                                dict[str, Any]]:
    header, payload = _read_payload(path)
    read_info(path)  # header fields too: restore refuses what verify refuses
    dek, backup_key, slots = _backup_key(header, passphrase=passphrase, recovery=recovery,
                                         key=key)
    tmp = folder / f".restore-{secrets.token_hex(4)}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)  # SQLCipher ciphertext, never plaintext
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise _disk_error(exc, "restored copy") from None
    return tmp, dek, backup_key, slots, header


def verify_backup(path: Path, *, passphrase: str | None = None, recovery: str | None = None,
                  key: bytes | None = None) -> tuple[list[str], BackupInfo]:
    """Open a backup with the credential valid when it was made (or, for an open vault, with
    its database ``key``: ``Vault.verify_backup``) and check it fully.

    Returns the problems found ([] = restorable) and its description with row counts. The
    payload is extracted (still encrypted) next to the backup for the check, then removed.
    """
    path = Path(path)
    tmp, _, backup_key, _, header = _extract(path, path.parent, passphrase, recovery, key)
    try:
        counts = _open_counts(backup_key, header.get("counts"))
        info = read_info(path)
        return (_check_payload(tmp, backup_key, counts),
                BackupInfo(info.path, info.created_at, info.vault_id, info.size, counts))
    finally:
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                Path(str(tmp) + suffix).unlink()


def restore_backup(path: Path, target: str | os.PathLike[str] | None, *,
                   passphrase: str | None = None, recovery: str | None = None,
                   now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> Path | None:
    """Restore ``path`` into the vault folder ``target``.

    * If ``target`` holds a vault whose keyslots open with the same credential, the restored
      database is re-keyed to that vault's key and ``journal.keys`` is kept: the current
      passphrase and recovery code keep working.
    * Otherwise (no vault there, its key file is lost or damaged, or the credential does not
      open it: the passphrase was changed since the backup and the old one was given) the
      backup's own keyslots are restored too: the credentials valid when the backup was made
      open it, and a passphrase set after the backup no longer does.

    The current files are first copied into ``before-restore-<time>/`` inside the folder
    (returned), so a restore never loses anything. The vault must not be open elsewhere.
    """
    paths = vault_paths(target)
    paths.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    remove_stale_temporaries(paths.folder)
    tmp, backup_dek, backup_key, slots, header = _extract(Path(path), paths.folder, passphrase,
                                                          recovery)
    try:
        target_key, keep_keyfile = backup_dek, False
        if paths.keys.exists():
            with contextlib.suppress(KnownError):
                live = keys.load_keyfile(paths.keys)
                target_key = (keys.unlock_recovery(live, recovery) if recovery is not None
                              else keys.unlock_passphrase(live, passphrase or ""))
                keep_keyfile = True
        problems = _check_payload(tmp, backup_key, _open_counts(backup_key,
                                                                header.get("counts")))
        if problems:
            raise VaultCorrupt("The backup failed its check ({problem}); nothing was "
                               "changed.", problem=problems[0])
        db = Database.open(tmp, backup_key)
        try:
            with translated_errors():
                db.raw.execute(_key_pragma(target_key).replace("PRAGMA key", "PRAGMA rekey", 1))
        finally:
            db.close()
        if integrity_problems(tmp, target_key):
            raise VaultCorrupt("The restored copy failed its check after re-keying; nothing "
                               "was changed.")
        safety = _safety_copy(paths, now())
        for stale in (paths.wal, paths.shm):
            with contextlib.suppress(FileNotFoundError):
                stale.unlink()  # a WAL must never be replayed onto another database
        os.replace(tmp, paths.db)
        if not keep_keyfile:
            slots.save(paths.keys)
        fsync_dir(paths.folder)
        return safety
    except OSError as exc:
        raise _disk_error(exc, "restored vault") from None
    except DiskFull:
        raise _disk_error(OSError(28, "No space left on device"), "restored vault") from None
    finally:
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                Path(str(tmp) + suffix).unlink()


def _safety_copy(paths: VaultPaths, stamp: datetime) -> Path | None:
    present = [p for p in (paths.db, paths.wal, paths.shm, paths.keys) if p.exists()]
    if not present:
        return None
    folder = paths.folder / f"before-restore-{stamp:%Y%m%d-%H%M%S}-{secrets.token_hex(2)}"
    folder.mkdir(mode=0o700)
    for item in present:
        shutil.copy2(item, folder / item.name)
        with open(folder / item.name, "rb") as fh:
            os.fsync(fh.fileno())
    fsync_dir(folder)
    return folder


def list_backups(dest: Path) -> list[BackupInfo]:
    """Backups in ``dest``, newest first; damaged ones are listed by the caller via errors."""
    out = []
    if not Path(dest).is_dir():
        return out
    for entry in Path(dest).iterdir():
        if _NAME.match(entry.name):
            with contextlib.suppress(KnownError, OSError):
                out.append(read_info(entry))
    out.sort(key=lambda b: b.created_at, reverse=True)
    return out


def backups_to_keep(created: Iterable[datetime], daily: int = 7, weekly: int = 4,
                    monthly: int = 12) -> set[datetime]:
    """Grandfather-father-son: the newest backup of each of the last ``daily`` days that have
    one, of the last ``weekly`` ISO weeks and of the last ``monthly`` months."""
    ordered = sorted(set(created), reverse=True)
    keep: set[datetime] = set()
    for width, key in ((daily, lambda d: d.date()), (weekly, lambda d: d.isocalendar()[:2]),
                       (monthly, lambda d: (d.year, d.month))):
        seen: list[Any] = []
        for stamp in ordered:
            k = key(stamp)
            if k not in seen:
                if len(seen) == width:
                    break
                seen.append(k)
                keep.add(stamp)
    return keep


def rotate_backups(dest: Path, vault_id: str | None = None) -> list[Path]:
    """Delete backups outside the GFS window; returns what was deleted.

    With ``vault_id``, only that vault's backups are rotated: another vault backing up into
    the same folder (a shared USB stick) must not lose its backups to this one's window.
    """
    backups = [b for b in list_backups(dest) if vault_id is None or b.vault_id == vault_id]
    keep = backups_to_keep(b.created_at for b in backups)
    removed = []
    for b in backups:
        if b.created_at not in keep:
            with contextlib.suppress(OSError):
                b.path.unlink()
                removed.append(b.path)
    return removed
