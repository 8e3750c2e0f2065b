"""Keyslots: the database key wrapped by the passphrase and by the recovery code (the LUKS idea).

``journal.keys`` is a small JSON file, always replaced atomically. The database key (DEK) is 32
random bytes; each slot holds it sealed with ChaCha20-Poly1305 under a key-encryption key (KEK):

* passphrase slot: KEK = Argon2id(NFC(passphrase), salt, m, t, p), parameters calibrated at
  creation to 0.5–1 s, never below the floor, and refused above the cap before any allocation;
* recovery slot: KEK = HKDF-SHA256(recovery code, salt) (the code holds 140 random bits, so a
  slow KDF would add nothing).

The associated data of every seal binds the vault id, the slot type and the KDF parameters, so a
tampered parameter or a slot copied from another vault fails authentication. No passphrase hash is
stored: a passphrase is right exactly when its slot opens.
"""

from __future__ import annotations

import base64
import json
import math
import os
import secrets
import time
import unicodedata
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ..errors import (
    KeyFileCorrupt,
    OsReason,
    UnsafeEnvironment,
    WrongPassphrase,
    WrongRecoveryCode,
)
from . import recovery_code
from .atomic import write_atomic

FORMAT = "supervision-journal-keys"
VERSION = 1
KEY_LEN = 32
MAX_KEYFILE_BYTES = 64 * 1024
TEST_KDF_ENV = "SUPERVISION_JOURNAL_TEST_KDF"


@dataclass(frozen=True)
class Argon2Params:
    memory_kib: int
    iterations: int
    lanes: int

    def as_dict(self) -> dict[str, int]:
        return {"memory_kib": self.memory_kib, "iterations": self.iterations,
                "lanes": self.lanes}


FLOOR = Argon2Params(memory_kib=64 * 1024, iterations=3, lanes=4)
CAP = Argon2Params(memory_kib=1024 * 1024, iterations=20, lanes=16)
START = Argon2Params(memory_kib=256 * 1024, iterations=3, lanes=4)
# Only for the test suite (see test_kdf_enabled); a vault made with it is refused otherwise.
TEST_PARAMS = Argon2Params(memory_kib=1024, iterations=1, lanes=1)
TARGET_SECONDS = (0.5, 1.0)


def test_kdf_enabled() -> bool:
    """The fast, insecure KDF is allowed only when the test suite asks for it.

    The switch is an environment variable, and it is honoured only while pytest runs a test
    (pytest sets PYTEST_CURRENT_TEST, which child processes inherit). Set anywhere else, the
    app refuses to run rather than silently weakening a vault.
    """
    if os.environ.get(TEST_KDF_ENV) != "1":
        return False
    if "PYTEST_CURRENT_TEST" not in os.environ:
        raise UnsafeEnvironment(
            "{switch} is a test-only switch that weakens the vault; it is set outside the test "
            "suite, so the app refuses to run. Unset it.", switch=TEST_KDF_ENV)
    return True


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any, what: str) -> bytes:
    if not isinstance(text, str):
        raise KeyFileCorrupt("journal.keys is damaged: {field} is not text.", field=what)
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        raise KeyFileCorrupt("journal.keys is damaged: {field} is not valid base64.",
                             field=what) from None


def derive_argon2(passphrase: str, salt: bytes, params: Argon2Params) -> bytes:
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    kdf = Argon2id(salt=salt, length=KEY_LEN, iterations=params.iterations,
                   lanes=params.lanes, memory_cost=params.memory_kib)
    return kdf.derive(secret)


def derive_recovery(code: str, salt: bytes) -> bytes:
    canonical = recovery_code.normalise(code)
    return HKDF(algorithm=hashes.SHA256(), length=KEY_LEN, salt=salt,
                info=b"supervision-journal recovery v1").derive(canonical.encode("ascii"))


def calibrate(clock: Any = time.perf_counter) -> Argon2Params:
    """Pick Argon2id parameters that take 0.5–1 s here, never below FLOOR nor above CAP."""
    if test_kdf_enabled():
        return TEST_PARAMS
    salt = os.urandom(16)
    params = START

    def measure(p: Argon2Params) -> float:
        t0 = clock()
        derive_argon2("calibration", salt, p)
        return clock() - t0

    elapsed = measure(params)
    # Slow machine: give up memory first (down to the floor), never passes below 3.
    while elapsed > TARGET_SECONDS[1] and params.memory_kib > FLOOR.memory_kib:
        params = Argon2Params(params.memory_kib // 2, params.iterations, params.lanes)
        elapsed = measure(params)
    # Fast machine: add passes until the derivation reaches the target.
    while elapsed < TARGET_SECONDS[0] and params.iterations < CAP.iterations:
        per_pass = elapsed / params.iterations
        wanted = math.ceil(0.75 / max(per_pass, 1e-6))
        iterations = min(CAP.iterations, max(params.iterations + 1, wanted))
        params = Argon2Params(params.memory_kib, iterations, params.lanes)
        elapsed = measure(params)
    return params


def check_params(params: Argon2Params) -> None:
    """Refuse parameters above the cap (a tampered file must not hang or exhaust the machine)
    and below the floor (a downgraded file), before anything is allocated."""
    if (params.memory_kib > CAP.memory_kib or params.iterations > CAP.iterations
            or params.lanes > CAP.lanes):
        raise KeyFileCorrupt("journal.keys asks for key-derivation work above the safe limit; "
                             "the file was probably tampered with.")
    if params.memory_kib < 8 * params.lanes or min(params.iterations, params.lanes) < 1:
        raise KeyFileCorrupt("journal.keys holds impossible key-derivation parameters.")
    if params == TEST_PARAMS and test_kdf_enabled():
        return
    if (params.memory_kib < FLOOR.memory_kib or params.iterations < FLOOR.iterations
            or params.lanes < FLOOR.lanes):
        raise KeyFileCorrupt("journal.keys asks for key-derivation work below the safe floor; "
                             "the file was probably tampered with.")


@dataclass(frozen=True)
class Slot:
    type: str  # "passphrase" | "recovery"
    kdf: dict[str, Any]
    nonce: bytes
    wrapped_key: bytes

    def to_json(self) -> dict[str, Any]:
        return {"type": self.type, "kdf": self.kdf, "aead": "chacha20poly1305",
                "nonce": _b64(self.nonce), "wrapped_key": _b64(self.wrapped_key)}


def _aad(vault_id: str, slot_type: str, kdf: dict[str, Any]) -> bytes:
    header = {"format": FORMAT, "vault_id": vault_id, "type": slot_type, "kdf": kdf}
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _seal(vault_id: str, slot_type: str, kdf: dict[str, Any], kek: bytes, dek: bytes) -> Slot:
    nonce = os.urandom(12)
    wrapped = ChaCha20Poly1305(kek).encrypt(nonce, bytes(dek), _aad(vault_id, slot_type, kdf))
    return Slot(slot_type, kdf, nonce, wrapped)


def _open(vault_id: str, slot: Slot, kek: bytes) -> bytes | None:
    try:
        dek = ChaCha20Poly1305(kek).decrypt(slot.nonce, slot.wrapped_key,
                                            _aad(vault_id, slot.type, slot.kdf))
    except InvalidTag:
        return None
    return dek if len(dek) == KEY_LEN else None


def passphrase_slot(vault_id: str, passphrase: str, dek: bytes,
                    params: Argon2Params | None = None) -> Slot:
    params = params or calibrate()
    check_params(params)  # a slot the next open would refuse must never be written
    salt = os.urandom(16)
    kdf = {"name": "argon2id", "version": 19, **params.as_dict(), "salt": _b64(salt)}
    return _seal(vault_id, "passphrase", kdf, derive_argon2(passphrase, salt, params), dek)


def recovery_slot(vault_id: str, code: str, dek: bytes) -> Slot:
    salt = os.urandom(16)
    kdf = {"name": "hkdf-sha256", "salt": _b64(salt)}
    return _seal(vault_id, "recovery", kdf, derive_recovery(code, salt), dek)


def wrap_with_key(vault_id: str, wrapping_key: bytes, dek: bytes) -> Slot:
    """Seal a new DEK under the current DEK (used while a key rotation is in flight)."""
    return _seal(vault_id, "rotation", {"name": "dek"}, wrapping_key, dek)


def open_with_key(vault_id: str, slot: Slot, key: bytes) -> bytes | None:
    return _open(vault_id, slot, key)


@dataclass(frozen=True)
class PendingRotation:
    """Wraps of the next DEK, written before PRAGMA rekey and promoted after it."""

    slots: tuple[Slot, ...]
    from_current: Slot  # the next DEK sealed under the current one

    def to_json(self) -> dict[str, Any]:
        return {"slots": [s.to_json() for s in self.slots],
                "from_current": self.from_current.to_json()}


@dataclass(frozen=True)
class KeyFile:
    vault_id: str
    created_at: str
    slots: tuple[Slot, ...]
    pending: PendingRotation | None = None
    failed_unlocks: int = 0
    last_failure: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def slot(self, slot_type: str) -> Slot | None:
        return next((s for s in self.slots if s.type == slot_type), None)

    def with_slot(self, new: Slot) -> KeyFile:
        others = tuple(s for s in self.slots if s.type != new.type)
        return KeyFile(self.vault_id, self.created_at, (*others, new), self.pending,
                       self.failed_unlocks, self.last_failure)

    def with_failures(self, count: int, when: str | None) -> KeyFile:
        return KeyFile(self.vault_id, self.created_at, self.slots, self.pending, count, when)

    def with_pending(self, pending: PendingRotation | None) -> KeyFile:
        return KeyFile(self.vault_id, self.created_at, self.slots, pending,
                       self.failed_unlocks, self.last_failure)

    def promoted(self) -> KeyFile:
        assert self.pending is not None
        return KeyFile(self.vault_id, self.created_at, self.pending.slots, None,
                       self.failed_unlocks, self.last_failure)

    def to_bytes(self) -> bytes:
        doc = {"format": FORMAT, "version": VERSION, "vault_id": self.vault_id,
               "created_at": self.created_at, "slots": [s.to_json() for s in self.slots],
               "pending": self.pending.to_json() if self.pending else None,
               "unlock_failures": {"count": self.failed_unlocks, "last": self.last_failure}}
        return (json.dumps(doc, indent=2, sort_keys=True) + "\n").encode("utf-8")

    def save(self, path: Path) -> None:
        write_atomic(path, self.to_bytes())


def new_keyfile(slots: tuple[Slot, ...], vault_id: str) -> KeyFile:
    return KeyFile(vault_id=vault_id, created_at=datetime.now(UTC).isoformat(timespec="seconds"),
                   slots=slots)


def new_vault_id() -> str:
    return str(uuid.uuid4())


def new_dek() -> bytearray:
    return bytearray(secrets.token_bytes(KEY_LEN))


def _parse_slot(raw: Any, where: str) -> Slot:
    if not isinstance(raw, dict):
        raise KeyFileCorrupt("journal.keys is damaged: {field} is not an object.", field=where)
    slot_type = raw.get("type")
    kdf = raw.get("kdf")
    if slot_type not in ("passphrase", "recovery", "rotation") or not isinstance(kdf, dict):
        raise KeyFileCorrupt("journal.keys is damaged: {field} has an unknown type or KDF.",
                             field=where)
    if raw.get("aead") != "chacha20poly1305":
        raise KeyFileCorrupt("journal.keys is damaged: {field} uses an unknown cipher.",
                             field=where)
    nonce = _unb64(raw.get("nonce"), f"{where}.nonce")
    wrapped = _unb64(raw.get("wrapped_key"), f"{where}.wrapped_key")
    if len(nonce) != 12 or len(wrapped) != KEY_LEN + 16:
        raise KeyFileCorrupt("journal.keys is damaged: {field} has the wrong sizes.",
                             field=where)
    return Slot(slot_type, kdf, nonce, wrapped)


def parse_keyfile(data: bytes) -> KeyFile:
    if len(data) > MAX_KEYFILE_BYTES:
        raise KeyFileCorrupt("journal.keys is far too large to be a key file.")
    try:
        doc = json.loads(data.decode("utf-8"))
    # ValueError covers UnicodeDecodeError, JSONDecodeError and an integer of more than 4300
    # digits, which json.loads refuses with a plain ValueError.
    except (ValueError, RecursionError):
        raise KeyFileCorrupt("journal.keys is damaged: it is not valid JSON.") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise KeyFileCorrupt("journal.keys is not a Supervision Journal key file.")
    if doc.get("version") != VERSION:
        raise KeyFileCorrupt("journal.keys was written by another version of the app.")
    vault_id = doc.get("vault_id")
    raw_slots = doc.get("slots")
    if not isinstance(vault_id, str) or not isinstance(raw_slots, list) or not raw_slots:
        raise KeyFileCorrupt("journal.keys is damaged: it has no keyslots.")
    slots = tuple(_parse_slot(s, f"slots[{i}]") for i, s in enumerate(raw_slots))
    pending = None
    raw_pending = doc.get("pending")
    if raw_pending is not None:
        if not isinstance(raw_pending, dict) or not isinstance(raw_pending.get("slots"), list):
            raise KeyFileCorrupt("journal.keys is damaged: the pending rotation is unreadable.")
        pending = PendingRotation(
            tuple(_parse_slot(s, f"pending.slots[{i}]")
                  for i, s in enumerate(raw_pending["slots"])),
            _parse_slot(raw_pending.get("from_current"), "pending.from_current"))
    failures = doc.get("unlock_failures") or {}
    count = failures.get("count", 0) if isinstance(failures, dict) else 0
    last = failures.get("last") if isinstance(failures, dict) else None
    created = doc.get("created_at")
    return KeyFile(vault_id, created if isinstance(created, str) else "", slots, pending,
                   count if isinstance(count, int) and count >= 0 else 0,
                   last if isinstance(last, str) else None)


def load_keyfile(path: Path) -> KeyFile:
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_KEYFILE_BYTES + 1)
    except FileNotFoundError:
        raise KeyFileCorrupt("journal.keys is missing: without it the vault cannot be opened. "
                             "Restore it from a backup.") from None
    except OSError as exc:
        raise KeyFileCorrupt("journal.keys cannot be read: {reason}.",
                             reason=OsReason(exc)) from None
    return parse_keyfile(data)


def _argon2_params(slot: Slot) -> Argon2Params:
    kdf = slot.kdf
    if kdf.get("name") != "argon2id" or kdf.get("version") != 19:
        raise KeyFileCorrupt("journal.keys is damaged: the passphrase slot's KDF is unknown.")
    values = [kdf.get(k) for k in ("memory_kib", "iterations", "lanes")]
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        raise KeyFileCorrupt("journal.keys is damaged: the passphrase slot's KDF is unreadable.")
    params = Argon2Params(*values)
    check_params(params)
    return params


def unlock_passphrase(keyfile: KeyFile, passphrase: str, *, pending: bool = False) -> bytes:
    slots = keyfile.pending.slots if pending and keyfile.pending else keyfile.slots
    slot = next((s for s in slots if s.type == "passphrase"), None)
    if slot is None:
        raise KeyFileCorrupt("journal.keys has no passphrase slot.")
    params = _argon2_params(slot)
    salt = _unb64(slot.kdf.get("salt"), "passphrase salt")
    if not 16 <= len(salt) <= 64:
        raise KeyFileCorrupt("journal.keys is damaged: the passphrase salt has a wrong size.")
    dek = _open(keyfile.vault_id, slot, derive_argon2(passphrase, salt, params))
    if dek is None:
        raise WrongPassphrase("Wrong passphrase.")
    return dek


def unlock_recovery(keyfile: KeyFile, code: str, *, pending: bool = False) -> bytes:
    slots = keyfile.pending.slots if pending and keyfile.pending else keyfile.slots
    slot = next((s for s in slots if s.type == "recovery"), None)
    if slot is None:
        raise KeyFileCorrupt("journal.keys has no recovery slot.")
    if slot.kdf.get("name") != "hkdf-sha256":
        raise KeyFileCorrupt("journal.keys is damaged: the recovery slot's KDF is unknown.")
    salt = _unb64(slot.kdf.get("salt"), "recovery salt")
    dek = _open(keyfile.vault_id, slot, derive_recovery(code, salt))
    if dek is None:
        raise WrongRecoveryCode("This recovery code does not open this vault.")
    return dek


def argon2_summary(keyfile: KeyFile) -> Argon2Params | None:
    slot = keyfile.slot("passphrase")
    return _argon2_params(slot) if slot else None
