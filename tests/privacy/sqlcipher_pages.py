"""An independent reader of SQLCipher 4 pages, so the erasure tests look at the bytes on disk
with the vault key instead of trusting SQLite to say what it deleted.

SQLCipher 4 with a raw key: 4096-byte pages; each ends with 80 reserved bytes, a 16-byte IV and
a 64-byte HMAC-SHA512. The page data is AES-256-CBC with the raw key and that IV. Page 1 starts
with the 16-byte salt, not encrypted. The HMAC (key: PBKDF2-HMAC-SHA512 of the raw key, salt
XOR 0x3a, 2 iterations, 32 bytes) covers the ciphertext, the IV and the page number (32-bit
little-endian): checking it proves each page was decrypted with the right key and boundaries.
A WAL file is a 32-byte header, then frames of a 24-byte header (page number, big-endian, first)
and one encrypted page.
"""

from __future__ import annotations

import hashlib
import hmac
import struct
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE_SIZE = 4096
RESERVED = 80
IV_SIZE = 16
HMAC_SIZE = 64
SALT_SIZE = 16
WAL_HEADER = 32
FRAME_HEADER = 24
SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class Page:
    source: str  # "db" | "wal"
    number: int
    plain: bytes  # the decrypted page data (page 1 with the SQLite header put back)
    hmac_ok: bool


class PageReader:
    def __init__(self, key: bytes, salt: bytes) -> None:
        assert len(key) == 32 and len(salt) == SALT_SIZE
        self.key = key
        self.salt = salt
        hmac_salt = bytes(b ^ 0x3A for b in salt)
        self.hmac_key = hashlib.pbkdf2_hmac("sha512", key, hmac_salt, 2, 32)

    @classmethod
    def for_database(cls, key: bytes, db_path: Path) -> PageReader:
        with open(db_path, "rb") as fh:
            return cls(key, fh.read(SALT_SIZE))

    def decrypt(self, raw: bytes, number: int, source: str) -> Page:
        assert len(raw) == PAGE_SIZE
        start = SALT_SIZE if number == 1 else 0
        end = PAGE_SIZE - RESERVED
        iv = raw[end:end + IV_SIZE]
        tag = raw[end + IV_SIZE:end + IV_SIZE + HMAC_SIZE]
        mac = hmac.new(self.hmac_key, raw[start:end] + iv + struct.pack("<I", number),
                       hashlib.sha512).digest()
        decryptor = Cipher(algorithms.AES(self.key), modes.CBC(iv)).decryptor()
        plain = decryptor.update(raw[start:end]) + decryptor.finalize()
        if number == 1:
            plain = SQLITE_HEADER + plain
        return Page(source, number, plain, hmac.compare_digest(mac, tag))

    def database_pages(self, path: Path) -> list[Page]:
        data = path.read_bytes()
        assert len(data) % PAGE_SIZE == 0, len(data)
        return [self.decrypt(data[i:i + PAGE_SIZE], i // PAGE_SIZE + 1, "db")
                for i in range(0, len(data), PAGE_SIZE)]

    def wal_pages(self, path: Path) -> list[Page]:
        """Every frame of the WAL file, valid or left over from before a checkpoint."""
        if not path.exists():
            return []
        data = path.read_bytes()
        pages = []
        offset = WAL_HEADER
        while offset + FRAME_HEADER + PAGE_SIZE <= len(data):
            number = struct.unpack(">I", data[offset:offset + 4])[0]
            body = data[offset + FRAME_HEADER:offset + FRAME_HEADER + PAGE_SIZE]
            pages.append(self.decrypt(body, number, "wal"))
            offset += FRAME_HEADER + PAGE_SIZE
        return pages


def needles(strings: list[str]) -> list[tuple[str, str, bytes]]:
    """(string, encoding, bytes) for UTF-8 and both UTF-16 byte orders of each string."""
    return [(s, enc, s.encode(enc)) for s in strings for enc in ("utf-8", "utf-16-le",
                                                                 "utf-16-be")]


def find(pages: list[Page], strings: list[str]) -> set[str]:
    """The strings found, in any encoding, in any decrypted page."""
    patterns = needles(strings)
    found = set()
    for page in pages:
        for string, _enc, pattern in patterns:
            if string not in found and pattern in page.plain:
                found.add(string)
    return found
