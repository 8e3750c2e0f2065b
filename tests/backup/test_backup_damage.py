"""A damaged or tampered backup is refused with a clear error, and refusing it changes nothing:
not the vault folder, not the backup folder."""

from __future__ import annotations

import contextlib
import json
import random
import struct
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from backup_support import PASSPHRASE, folder_state
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supervision_journal.errors import KnownError, VaultCorrupt, WrongPassphrase
from supervision_journal.vault import backup


@pytest.fixture
def made(full_vault, tmp_path: Path) -> tuple[Path, Path, str]:
    """(backup file, vault folder, recovery code), the vault closed."""
    vault, code, _ = full_vault
    info = vault.backup(tmp_path / "backups")
    vault.close()
    return info.path, vault.paths.folder, code


def _split(data: bytes) -> tuple[dict[str, Any], int]:
    (length,) = struct.unpack(">Q", data[len(backup.MAGIC):len(backup.MAGIC) + 8])
    start = len(backup.MAGIC) + 8
    return json.loads(data[start:start + length]), start + length


def _join(header: dict[str, Any], payload: bytes) -> bytes:
    head = json.dumps(header).encode()
    return backup.MAGIC + struct.pack(">Q", len(head)) + head + payload


def _with_header(data: bytes, change: Callable[[dict[str, Any]], None]) -> bytes:
    header, offset = _split(data)
    change(header)
    return _join(header, data[offset:])


def _flip(data: bytes, pos: int) -> bytes:
    return data[:pos] + bytes([data[pos] ^ 0x20]) + data[pos + 1:]


def _b64_flip(text: str) -> str:
    import base64
    raw = bytearray(base64.b64decode(text))
    raw[len(raw) // 2] ^= 1
    return base64.b64encode(bytes(raw)).decode()


def _damages(data: bytes) -> dict[str, bytes]:
    header, offset = _split(data)
    payload_len = len(data) - offset
    rng = random.Random(5)
    cases = {
        "wrong magic": b"SJBK9\n" + data[6:],
        "a SQLite file": b"SQLite format 3\x00" + data[16:],
        "empty file": b"",
        "truncated in the magic": data[:3],
        "truncated in the length": data[:len(backup.MAGIC) + 4],
        "truncated in the header": data[:offset - 10],
        "truncated after the header": data[:offset],
        "truncated by one byte": data[:-1],
        "truncated mid-payload": data[:offset + payload_len // 2],
        "one byte appended": data + b"\0",
        "header length too large": data[:6] + struct.pack(">Q", 2**40) + data[14:],
        "header length zero": data[:6] + struct.pack(">Q", 0) + data[14:],
        "header not JSON": _flip(data, len(backup.MAGIC) + 8),
        "header of another format": _with_header(data, lambda h: h.update(format="zip")),
        "header a list": _join([header], data[offset:]),  # type: ignore[list-item]
        "checksum changed": _with_header(data, lambda h: h.update(payload_sha256="0" * 64)),
        "size changed": _with_header(data, lambda h: h.update(payload_size=1)),
        "sealed counts altered": _with_header(
            data, lambda h: h["counts"].update(data=_b64_flip(h["counts"]["data"]))),
        "sealed counts missing": _with_header(data, lambda h: h.pop("counts")),
        "backup key altered": _with_header(
            data, lambda h: h["backup_key"].update(wrapped_key=_b64_flip(
                h["backup_key"]["wrapped_key"]))),
        "backup key missing": _with_header(data, lambda h: h.pop("backup_key")),
        "backup key not a slot": _with_header(data, lambda h: h.update(backup_key=[1, 2])),
        "keyslots missing": _with_header(data, lambda h: h.pop("keyslots")),
        "keyslots not a key file": _with_header(data, lambda h: h.update(keyslots=5)),
        "keyslot of the wrong size": _with_header(
            data, lambda h: h["keyslots"]["slots"][0].update(wrapped_key="AAAA")),
        "keyslot KDF above the cap": _with_header(
            data, lambda h: [s["kdf"].update(memory_kib=2**31) for s in h["keyslots"]["slots"]]),
        "created_at not a date": _with_header(data, lambda h: h.update(created_at=17)),
    }
    for i in range(8):  # byte flips anywhere in the payload, the checksum left stale
        cases[f"payload byte flip {i}"] = _flip(data, offset + rng.randrange(payload_len))
    return cases


def test_every_damage_is_a_clear_error_and_changes_nothing(made, tmp_path: Path) -> None:
    path, folder, _ = made
    good = path.read_bytes()
    vault_state = folder_state(folder)
    results: dict[str, str] = {}
    for name, data in _damages(good).items():
        path.write_bytes(data)
        backups_state = folder_state(path.parent)
        for attempt in ("verify", "restore"):
            with pytest.raises(KnownError) as caught:
                if attempt == "verify":
                    backup.verify_backup(path, passphrase=PASSPHRASE)
                else:
                    backup.restore_backup(path, folder, passphrase=PASSPHRASE)
            exc = caught.value
            # The user's own key file is not involved: the message must not blame it.
            assert "journal.keys" not in exc.message, (name, exc.message)
            assert isinstance(exc, VaultCorrupt), (name, attempt, type(exc), exc.message)
            results[name] = type(exc).__name__
            assert folder_state(folder) == vault_state, (name, attempt)
            assert folder_state(path.parent) == backups_state, (name, attempt)
    print(f"\n{len(results)} kinds of damage, each refused by verify and restore with "
          "VaultCorrupt; vault and backup folders unchanged")


def test_a_tampered_page_is_caught_even_with_a_recomputed_checksum(made) -> None:
    """The SHA-256 in the header is not what protects the content: every page is
    authenticated under the backup key, so fixing the checksum does not help a forger."""
    import hashlib

    path, folder, _ = made
    data = path.read_bytes()
    header, offset = _split(data)
    payload = bytearray(data[offset:])
    payload[len(payload) // 2] ^= 0x01
    header["payload_sha256"] = hashlib.sha256(payload).hexdigest()
    path.write_bytes(_join(header, bytes(payload)))
    vault_state = folder_state(folder)

    problems, _ = backup.verify_backup(path, passphrase=PASSPHRASE)
    assert problems, "a modified page went unnoticed"
    with pytest.raises(VaultCorrupt):
        backup.restore_backup(path, folder, passphrase=PASSPHRASE)
    assert folder_state(folder) == vault_state


def test_a_keyslot_bit_flip_reads_as_a_wrong_credential(made) -> None:
    """An AEAD cannot tell a tampered slot from a wrong passphrase; either way nothing opens."""
    path, _, _ = made
    data = _with_header(path.read_bytes(), lambda h: h["keyslots"]["slots"][0].update(
        wrapped_key=_b64_flip(h["keyslots"]["slots"][0]["wrapped_key"])))
    path.write_bytes(data)
    with pytest.raises(WrongPassphrase):
        backup.verify_backup(path, passphrase=PASSPHRASE)


def test_listing_ignores_damaged_files_temporary_files_and_odd_dates(made) -> None:
    path, _, _ = made
    dest = path.parent
    good = path.read_bytes()
    (dest / "journal-backup-20250101-000000-abcd.sjbk").write_bytes(b"garbage")
    (dest / f".{path.name}.tmp").write_bytes(good[:100])
    (dest / f".{path.name}.export.tmp").write_bytes(b"x" * 100)
    (dest / "journal-backup-20250102-000000-beef.sjbk").write_bytes(
        _with_header(good, lambda h: h.update(created_at="2025-01-02T00:00:00")))  # no zone
    listed = backup.list_backups(dest)
    names = [b.path.name for b in listed]
    assert path.name in names
    assert all(not n.startswith(".") for n in names)
    assert "journal-backup-20250101-000000-abcd.sjbk" not in names
    assert all(b.created_at.tzinfo is not None for b in listed)


_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                     lambda inner: st.lists(inner, max_size=3)
                     | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=6)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_header_fuzz_never_escapes_as_an_unknown_error(made, data: st.DataObject) -> None:
    """Random values in random header fields, or random bytes in the header: every outcome
    is a KnownError (or a clean verification when nothing that matters was touched)."""
    path, _, code = made
    original = path.read_bytes()  # every example puts it back (finally below)
    header, offset = _split(original)
    if data.draw(st.booleans(), label="structured"):
        keys = [*sorted(header), "keyslots.slots.0", "keyslots.slots.0.kdf", "backup_key.nonce"]
        where = data.draw(st.sampled_from(keys), label="field")
        value = data.draw(_JSON, label="value")
        target: Any = header
        parts = where.split(".")
        for part in parts[:-1]:
            target = target[int(part)] if part.isdigit() else target[part]
        last = parts[-1]
        target[int(last) if last.isdigit() else last] = value
        mutated = _join(header, original[offset:])
    else:
        head = bytearray(original[len(backup.MAGIC) + 8:offset])
        for _ in range(data.draw(st.integers(1, 4), label="flips")):
            pos = data.draw(st.integers(0, len(head) - 1), label="pos")
            head[pos] = data.draw(st.integers(0, 255), label="byte")
        mutated = backup.MAGIC + struct.pack(">Q", len(head)) + bytes(head) + original[offset:]
    path.write_bytes(mutated)
    try:
        for credential in ({"passphrase": PASSPHRASE}, {"recovery": code}):
            try:
                backup.verify_backup(path, **credential)
            except KnownError as exc:
                assert "journal.keys" not in exc.message
        with contextlib.suppress(KnownError):
            backup.list_backups(path.parent)
    finally:
        path.write_bytes(original)
