"""Sealed exports (age via pyrage): round trips, and every kind of damage refused as a whole."""

from __future__ import annotations

import random

import pyrage
import pytest

from supervision_journal.errors import KnownError, WrongPassphrase
from supervision_journal.export import seal

CHUNK = 64 * 1024
TAG = 16
# Three chunks and a bit: a truncation can fall on a chunk boundary.
PLAIN = ("Séance 7 — le transfert, la colère. " * 6000).encode("utf-8")[: 3 * CHUNK + 1234]


@pytest.fixture(scope="module")
def identity() -> pyrage.x25519.Identity:
    return pyrage.x25519.Identity.generate()


@pytest.fixture(scope="module")
def to_key(identity) -> bytes:
    return seal.seal_to_recipient(PLAIN, str(identity.to_public()))


@pytest.fixture(scope="module")
def with_passphrase() -> bytes:
    return seal.seal_with_passphrase(PLAIN, "saule pleureur 42")


def _header_end(data: bytes) -> int:
    """Offset of the payload: just after the header's MAC line ("--- …\\n")."""
    mac = data.index(b"\n---") + 1
    return data.index(b"\n", mac) + 1


def _refused(data: bytes, **secret: str) -> KnownError:
    with pytest.raises(KnownError) as caught:
        seal.open_sealed(data, **secret)
    error = caught.value
    # One calm sentence, no chained library error that could carry decrypted bytes.
    assert error.__cause__ is None
    assert error.__context__ is None or error.__suppress_context__
    assert "Séance" not in error.message and "transfert" not in error.message
    return error


def test_round_trips(to_key, with_passphrase, identity) -> None:
    assert seal.is_sealed(to_key) and seal.is_sealed(with_passphrase)
    assert PLAIN not in to_key and b"transfert" not in with_passphrase
    assert seal.open_sealed(to_key, identity=str(identity)) == PLAIN
    assert seal.open_sealed(with_passphrase, passphrase="saule pleureur 42") == PLAIN
    # The identity may come with spaces or a trailing newline (pasted from a key file).
    assert seal.open_sealed(to_key, identity=f"  {identity}\n") == PLAIN


def test_any_age_tool_reads_it(to_key, identity) -> None:
    """The file is plain age: pyrage's own decrypt (as the age CLI would) opens it."""
    assert pyrage.decrypt(to_key, [identity]) == PLAIN


def test_wrong_secret_is_refused(to_key, with_passphrase) -> None:
    other = pyrage.x25519.Identity.generate()
    assert isinstance(_refused(to_key, identity=str(other)), WrongPassphrase)
    assert isinstance(_refused(with_passphrase, passphrase="saule pleureur 43"),
                      WrongPassphrase)
    _refused(to_key, identity="AGE-SECRET-KEY-1NOTAKEY")
    with pytest.raises(KnownError, match="passphrase or an age identity is needed"):
        seal.open_sealed(to_key)


def test_every_header_byte_flipped_is_refused(to_key, identity) -> None:
    end = _header_end(to_key)
    for offset in range(end):
        damaged = bytearray(to_key)
        damaged[offset] ^= 0x01
        _refused(bytes(damaged), identity=str(identity))


def test_payload_bytes_flipped_are_refused(to_key, identity) -> None:
    start = _header_end(to_key)
    rng = random.Random(7)
    # The nonce, each chunk's first and last bytes and tag, and random places.
    spots = {start, start + 15, start + 16, len(to_key) - 1, len(to_key) - TAG}
    spots |= {start + 16 + n * (CHUNK + TAG) + d for n in range(4) for d in (0, CHUNK + TAG - 1)}
    spots |= {rng.randrange(start, len(to_key)) for _ in range(60)}
    for offset in sorted(s for s in spots if s < len(to_key)):
        damaged = bytearray(to_key)
        damaged[offset] ^= 0x80
        _refused(bytes(damaged), identity=str(identity))


def test_truncations_are_refused(to_key, identity) -> None:
    start = _header_end(to_key)
    boundaries = [start + 16 + n * (CHUNK + TAG) for n in range(1, 4)]
    cuts = {0, 10, start - 1, start, start + 16, len(to_key) - 1, len(to_key) - TAG,
            *boundaries, *(b - 1 for b in boundaries), *(b + 1 for b in boundaries)}
    for cut in sorted(c for c in cuts if c < len(to_key)):
        _refused(to_key[:cut], identity=str(identity))


@pytest.mark.slow  # two more scrypt runs (seconds each); the age-key cases cover damage
def test_damaged_passphrase_files_are_refused(with_passphrase) -> None:
    start = _header_end(with_passphrase)
    flipped = bytearray(with_passphrase)
    flipped[start + 16 + CHUNK // 2] ^= 0x04
    _refused(bytes(flipped), passphrase="saule pleureur 42")
    _refused(with_passphrase[: start + 16 + CHUNK + TAG], passphrase="saule pleureur 42")


def test_not_a_sealed_file(to_key) -> None:
    with pytest.raises(KnownError, match="not a sealed export"):
        seal.open_sealed(b"# Notes for supervision\n", passphrase="x")
    with pytest.raises(KnownError, match="not a sealed export"):
        seal.open_sealed(b"", passphrase="x")


def test_sealing_refuses_bad_inputs() -> None:
    with pytest.raises(KnownError, match="cannot be empty"):
        seal.seal_with_passphrase(b"x", "")
    with pytest.raises(KnownError, match="age public key"):
        seal.seal_to_recipient(b"x", "ssh-ed25519 AAAA not an age key")
