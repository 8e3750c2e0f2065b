"""Sealing an export as an age file (https://age-encryption.org), via pyrage: with a passphrase
(scrypt, age's standard work factor) or to the supervisor's age public key. Any age tool opens
it; the app's read-only viewer uses ``open_sealed``.

age authenticates every 64 KiB chunk and the final one: a flipped byte or a truncated file is
refused as a whole, and no partial plaintext is ever released.
"""

from __future__ import annotations

import pyrage

from ..errors import KnownError, WrongPassphrase

AGE_MAGIC = b"age-encryption.org/v1\n"


def seal_with_passphrase(data: bytes, passphrase: str) -> bytes:
    if not passphrase:
        raise KnownError("The sealing passphrase cannot be empty.")
    return pyrage.passphrase.encrypt(data, passphrase)


def seal_to_recipient(data: bytes, recipient: str) -> bytes:
    try:
        key = pyrage.x25519.Recipient.from_str(recipient.strip())
    except Exception:  # pyrage raises its own RecipientError/ValueError variants
        raise KnownError("This is not an age public key (it starts with 'age1').") from None
    return pyrage.encrypt(data, [key])


def is_sealed(data: bytes) -> bool:
    return data.startswith(AGE_MAGIC)


def open_sealed(data: bytes, *, passphrase: str | None = None,
                identity: str | None = None) -> bytes:
    """Decrypt a sealed export; refuses damaged or truncated files with a clear message."""
    if not is_sealed(data):
        raise KnownError("This file is not a sealed export (age format).")
    try:
        if identity is not None:
            return pyrage.decrypt(data, [pyrage.x25519.Identity.from_str(identity.strip())])
        if passphrase is not None:
            return pyrage.passphrase.decrypt(data, passphrase)
    except pyrage.DecryptError:
        raise WrongPassphrase("The sealed file does not open: wrong passphrase or key, or the "
                              "file was damaged or truncated. Nothing was shown.") from None
    except Exception:
        raise KnownError("The sealed file is damaged. Nothing was shown.") from None
    raise KnownError("A passphrase or an age identity is needed to open a sealed file.")
