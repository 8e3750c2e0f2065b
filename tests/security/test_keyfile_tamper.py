"""A tampered or damaged journal.keys (security.md T05): every change is either harmless (the
right key comes out) or a clear KnownError. Nothing else ever escapes, and no wrong key is
ever returned."""

from __future__ import annotations

import base64
import contextlib
import functools
import hashlib
import json
import random
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.vaultdata import PASSPHRASE
from supervision_journal.errors import (
    KeyFileCorrupt,
    KnownError,
    VaultCorrupt,
    VaultNotFound,
    WrongPassphrase,
)
from supervision_journal.vault import Vault, keys, recovery_code

DEK = bytes(range(100, 132))


@functools.cache
def _material() -> tuple[bytes, str]:
    """A valid key file (test KDF) and its recovery code, made once per session."""
    vault_id = keys.new_vault_id()
    code = recovery_code.generate()
    keyfile = keys.new_keyfile((keys.passphrase_slot(vault_id, PASSPHRASE, DEK, keys.TEST_PARAMS),
                                keys.recovery_slot(vault_id, code, DEK)), vault_id)
    return keyfile.to_bytes(), code


def _try_everything(data: bytes) -> list[str]:
    """Parse and unlock both slots; return what happened. Fails on any non-KnownError or on a
    wrong key coming out."""
    _, code = _material()
    outcomes = []
    try:
        keyfile = keys.parse_keyfile(data)
    except KnownError as exc:
        return [type(exc).__name__]
    for unlock, secret in ((keys.unlock_passphrase, PASSPHRASE), (keys.unlock_recovery, code)):
        try:
            dek = unlock(keyfile, secret)
        except KnownError as exc:
            outcomes.append(type(exc).__name__)
        else:
            assert dek == DEK, "a damaged key file released a wrong key"
            outcomes.append("opened")
    with contextlib.suppress(KnownError):
        keys.argon2_summary(keyfile)  # reads the parameters too
    return outcomes


def _b64_flip(text: str, index: int) -> str:
    raw = bytearray(base64.b64decode(text))
    raw[index % len(raw)] ^= 0x01
    return base64.b64encode(bytes(raw)).decode()


def _doc() -> dict[str, Any]:
    return json.loads(_material()[0])


def _pass_slot(doc: dict[str, Any]) -> dict[str, Any]:
    return next(s for s in doc["slots"] if s["type"] == "passphrase")


@pytest.mark.parametrize("field", ["nonce", "wrapped_key", "salt"])
@pytest.mark.parametrize("index", [0, 7, 11, -1])
def test_one_flipped_bit_in_a_slot_is_a_wrong_passphrase_never_a_crash(field: str,
                                                                       index: int) -> None:
    doc = _doc()
    slot = _pass_slot(doc)
    target = slot["kdf"] if field == "salt" else slot
    target[field] = _b64_flip(target[field], index)
    keyfile = keys.parse_keyfile(json.dumps(doc).encode())
    with pytest.raises(WrongPassphrase):
        keys.unlock_passphrase(keyfile, PASSPHRASE)


@pytest.mark.parametrize("field", ["nonce", "wrapped_key", "salt"])
def test_a_flipped_recovery_slot_refuses_the_right_code(field: str) -> None:
    doc = _doc()
    slot = next(s for s in doc["slots"] if s["type"] == "recovery")
    target = slot["kdf"] if field == "salt" else slot
    target[field] = _b64_flip(target[field], 3)
    with pytest.raises(WrongPassphrase):
        keys.unlock_recovery(keys.parse_keyfile(json.dumps(doc).encode()), _material()[1])


@pytest.mark.parametrize("change", [
    {"iterations": 2}, {"memory_kib": 1025}, {"lanes": 2}, {"memory_kib": 2**30},
    {"name": "scrypt"}, {"version": 18}, {"salt": "AAAA"}, {"salt": "not base64!"},
    {"salt": 12345},
])
def test_a_changed_kdf_parameter_is_a_known_error(change: dict[str, Any]) -> None:
    doc = _doc()
    _pass_slot(doc)["kdf"].update(change)
    with pytest.raises((KeyFileCorrupt, WrongPassphrase)):
        keys.unlock_passphrase(keys.parse_keyfile(json.dumps(doc).encode()), PASSPHRASE)


@pytest.mark.parametrize("change", [{"iterations": 4}, {"lanes": 8}, {"memory_kib": 65536 + 8}])
def test_kdf_parameters_are_authenticated_even_if_the_key_came_out_the_same(
        monkeypatch: pytest.MonkeyPatch, change: dict[str, int]) -> None:
    """The associated data binds the parameters: even a KDF that ignored them (so the KEK is the
    right one) does not open a slot whose parameters were changed."""
    monkeypatch.setattr(keys, "test_kdf_enabled", lambda: False)
    real_kek = keys.derive_argon2(PASSPHRASE, b"s" * 16, keys.TEST_PARAMS)
    monkeypatch.setattr(keys, "derive_argon2", lambda *a, **k: real_kek)
    monkeypatch.setattr(keys.os, "urandom", lambda n: b"s" * n)
    vault_id = keys.new_vault_id()
    keyfile = keys.new_keyfile((keys.passphrase_slot(vault_id, PASSPHRASE, DEK, keys.FLOOR),),
                               vault_id)
    assert keys.unlock_passphrase(keyfile, PASSPHRASE) == DEK
    doc = json.loads(keyfile.to_bytes())
    _pass_slot(doc)["kdf"].update(change)
    with pytest.raises(WrongPassphrase):
        keys.unlock_passphrase(keys.parse_keyfile(json.dumps(doc).encode()), PASSPHRASE)


def test_real_floor_parameters_tampered_upwards_fail_authentication(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """End to end with the real Argon2 at the floor (about a second in all)."""
    monkeypatch.setattr(keys, "test_kdf_enabled", lambda: False)
    vault_id = keys.new_vault_id()
    keyfile = keys.new_keyfile((keys.passphrase_slot(vault_id, PASSPHRASE, DEK, keys.FLOOR),),
                               vault_id)
    doc = json.loads(keyfile.to_bytes())
    _pass_slot(doc)["kdf"]["iterations"] = 4
    with pytest.raises(WrongPassphrase):
        keys.unlock_passphrase(keys.parse_keyfile(json.dumps(doc).encode()), PASSPHRASE)


@pytest.mark.parametrize("mutation", [
    "vault_id", "slot type", "drop passphrase slot", "drop recovery slot", "format", "version",
    "aead", "nonce size", "key size", "no slots", "slots not a list",
])
def test_structural_tampering_is_a_known_error(mutation: str) -> None:
    doc = _doc()
    slot = _pass_slot(doc)
    if mutation == "vault_id":
        doc["vault_id"] = keys.new_vault_id()
    elif mutation == "slot type":
        slot["type"] = "recovery"
    elif mutation == "drop passphrase slot":
        doc["slots"].remove(slot)
    elif mutation == "drop recovery slot":
        doc["slots"] = [slot]
    elif mutation == "format":
        doc["format"] = "something-else"
    elif mutation == "version":
        doc["version"] = 2
    elif mutation == "aead":
        slot["aead"] = "aes-256-gcm"
    elif mutation == "nonce size":
        slot["nonce"] = base64.b64encode(b"n" * 24).decode()
    elif mutation == "key size":
        slot["wrapped_key"] = base64.b64encode(b"k" * 40).decode()
    elif mutation == "no slots":
        doc["slots"] = []
    else:
        doc["slots"] = {"0": slot}
    outcomes = _try_everything(json.dumps(doc).encode())
    if mutation == "drop passphrase slot":
        assert outcomes == ["KeyFileCorrupt", "opened"]  # the recovery slot still works
    elif mutation == "drop recovery slot":
        assert outcomes == ["opened", "KeyFileCorrupt"]
    else:
        assert "opened" not in outcomes
        assert set(outcomes) <= {"KeyFileCorrupt", "WrongPassphrase", "WrongRecoveryCode"}


def test_every_single_byte_change_of_the_key_file_is_harmless_or_a_known_error() -> None:
    data, _ = _material()
    rng = random.Random(5)
    outcomes: Counter[str] = Counter()
    for pos in range(len(data)):
        # The low bit keeps most characters printable (a subtle change); a random mask mostly
        # breaks the JSON.
        for mask in (0x01, rng.randrange(2, 256)):
            changed = bytearray(data)
            changed[pos] ^= mask
            for outcome in _try_everything(bytes(changed)):
                outcomes[outcome] += 1
    print(f"\nT05 single-byte changes of journal.keys ({len(data)} positions x 2 masks, both "
          f"slots tried): {dict(sorted(outcomes.items()))}; other exceptions: 0; wrong keys: 0")
    assert outcomes["KeyFileCorrupt"] > 0 and outcomes["WrongPassphrase"] > 0


def test_a_number_too_long_for_python_is_a_corrupt_file() -> None:
    doc = _doc()
    text = json.dumps(doc).replace('"version": 1', '"version": ' + "1" * 5000)
    with pytest.raises(KeyFileCorrupt):
        keys.parse_keyfile(text.encode())


def test_deep_nesting_is_a_corrupt_file_or_harmless() -> None:
    """Around the recursion limit: json.loads may just succeed, and the associated data is
    serialised again later; neither may escape as RecursionError."""
    template = json.dumps(_doc()).replace('"name": "hkdf-sha256"',
                                          '"name": "hkdf-sha256", "x": NEST')
    for depth in range(0, 3000, 7):
        data = template.replace("NEST", "[" * depth + "]" * depth).encode()
        if len(data) > keys.MAX_KEYFILE_BYTES:
            break
        _try_everything(data)


@pytest.mark.parametrize("data", [
    b"", b"\x00" * 100, b"\xff\xfe{}", b"[]", b"null", b"{}", b"{" * 100_000, b"\"x\"",
    "{\"format\": \"supervision-journal-keys\", \"é\": 1}".encode("utf-16"),
    b"{\"format\": \"supervision-journal-keys\", \"version\": 1, \"vault_id\": 1, \"slots\": [1]}",
    b"{\"format\": \"supervision-journal-keys\", \"version\": 1, \"vault_id\": \"v\", "
    b"\"slots\": [{\"type\": \"passphrase\", \"kdf\": {}, \"aead\": \"chacha20poly1305\", "
    b"\"nonce\": \"AAAAAAAAAAAAAAAA\", \"wrapped_key\": []}]}",
])
def test_garbage_is_a_corrupt_key_file(data: bytes) -> None:
    with pytest.raises(KeyFileCorrupt):
        keys.parse_keyfile(data)


def test_a_huge_key_file_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    path = tmp_path / "journal.keys"
    path.write_bytes(b" " * (10 * 1024 * 1024))
    with pytest.raises(KeyFileCorrupt, match="too large"):
        keys.load_keyfile(path)


def test_a_directory_in_place_of_the_key_file_is_a_known_error(tmp_path: Path) -> None:
    (tmp_path / "journal.keys").mkdir()
    with pytest.raises(KeyFileCorrupt):
        keys.load_keyfile(tmp_path / "journal.keys")


def test_missing_files(vault: Vault, vault_dir: Path, tmp_path: Path) -> None:
    vault.close()
    keyfile = vault_dir / "journal.keys"
    db = vault_dir / "journal.db"
    saved_keys, saved_db = keyfile.read_bytes(), db.read_bytes()
    keyfile.unlink()
    with pytest.raises(KeyFileCorrupt, match="missing"):
        Vault.open(vault_dir, PASSPHRASE)
    keyfile.write_bytes(saved_keys)
    db.unlink()
    with pytest.raises(VaultCorrupt, match="missing"):
        Vault.open(vault_dir, PASSPHRASE)
    keyfile.unlink()
    with pytest.raises(VaultNotFound):
        Vault.open(vault_dir, PASSPHRASE)
    keyfile.write_bytes(saved_keys)
    db.write_bytes(saved_db)
    Vault.open(vault_dir, PASSPHRASE).close()


# -- property-based fuzz ----------------------------------------------------------------------

_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12)
    | st.sampled_from([0, 1, 3, 4, 8, 16, 19, 1024, 65536, 2**20, 2**31, -1, "", "AAAA",
                       "argon2id", "hkdf-sha256", "chacha20poly1305", "passphrase",
                       "recovery", "rotation", "dek"]),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _paths(value, (*prefix, i))
    return out


def _mutate(data: st.DataObject) -> bytes:
    doc = _doc()
    for _ in range(data.draw(st.integers(1, 4))):
        path = data.draw(st.sampled_from(_paths(doc)))
        if not path:
            doc = data.draw(_json)
            continue
        parent = doc
        for step in path[:-1]:
            parent = parent[step]
        action = data.draw(st.sampled_from(["replace", "delete", "b64", "add"]))
        last = path[-1]
        if action == "delete":
            del parent[last]
        elif action == "b64" and isinstance(parent[last], str):
            raw = data.draw(st.binary(max_size=80))
            parent[last] = base64.b64encode(raw).decode()
        elif action == "add" and isinstance(parent[last], dict):
            parent[last][data.draw(st.text(max_size=10))] = data.draw(_json)
        else:
            parent[last] = data.draw(_json)
    return json.dumps(doc).encode()


def _fast_but_strict_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fuzzed parameters may be legal yet expensive (1 GiB): validate them with the real
    Argon2id constructor, derive for real only at the test parameters."""
    real = keys.derive_argon2

    def derive(passphrase: str, salt: bytes, params: keys.Argon2Params) -> bytes:
        Argon2id(salt=salt, length=32, iterations=params.iterations, lanes=params.lanes,
                 memory_cost=params.memory_kib)
        if params == keys.TEST_PARAMS:
            return real(passphrase, salt, params)
        return hashlib.sha256(repr((passphrase, salt, params)).encode()).digest()

    monkeypatch.setattr(keys, "derive_argon2", derive)


def _fuzz_mutated_json(data: st.DataObject) -> None:
    with pytest.MonkeyPatch.context() as m:
        _fast_but_strict_kdf(m)
        _try_everything(_mutate(data))


def _fuzz_mutated_bytes(data: st.DataObject) -> None:
    raw = bytearray(_material()[0])
    for _ in range(data.draw(st.integers(1, 6))):
        pos = data.draw(st.integers(0, len(raw) - 1))
        op = data.draw(st.sampled_from(["flip", "insert", "delete", "cut"]))
        if op == "flip":
            raw[pos] ^= data.draw(st.integers(1, 255))
        elif op == "insert":
            raw[pos:pos] = data.draw(st.binary(min_size=1, max_size=8))
        elif op == "delete" and len(raw) > 1:
            del raw[pos]
        else:
            del raw[pos:]
            raw.extend(b"x")
    _try_everything(bytes(raw))


_FAST = settings(max_examples=300, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow])
_LONG = settings(max_examples=20_000, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow])


@_FAST
@given(st.binary(max_size=2000))
def test_fuzz_arbitrary_bytes_only_known_errors(data: bytes) -> None:
    _try_everything(data)


@_FAST
@given(st.data())
def test_fuzz_mutated_json_only_known_errors(data: st.DataObject) -> None:
    _fuzz_mutated_json(data)


@_FAST
@given(st.data())
def test_fuzz_mutated_bytes_only_known_errors(data: st.DataObject) -> None:
    _fuzz_mutated_bytes(data)


@pytest.mark.slow
@_LONG
@given(st.data())
def test_fuzz_mutated_json_long(data: st.DataObject) -> None:
    _fuzz_mutated_json(data)


@pytest.mark.slow
@_LONG
@given(st.data())
def test_fuzz_mutated_bytes_long(data: st.DataObject) -> None:
    _fuzz_mutated_bytes(data)
