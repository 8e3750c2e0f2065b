"""The SQLCipher connection recipe, transactions, and the mapping of SQLite errors to errors a
user can understand. This is the only module (with migrate.py and backup code) that imports
sqlcipher3; feature packages get a ``Database`` and run their SQL through it.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import sqlcipher3

from ..errors import DiskFull, KnownError, UnsafeEnvironment, VaultCorrupt

Row = tuple[Any, ...]
SQLITE_HEADER = b"SQLite format 3\x00"


def _key_pragma(key: bytes | bytearray) -> str:
    # Raw 256-bit key: SQLCipher skips its own PBKDF2. The key is hex, never user text, so it
    # cannot break out of the quotes. Never log this string.
    return f"PRAGMA key = \"x'{bytes(key).hex()}'\""


def _require_codec(conn: Any) -> None:
    version = conn.execute("PRAGMA cipher_version").fetchone()
    if not version or not version[0]:
        # Plain SQLite ignores PRAGMA key: it would write notes in clear.
        raise UnsafeEnvironment("The SQLCipher codec is missing from this Python "
                                "installation: refusing to write an unencrypted vault.")


def classify(exc: BaseException) -> KnownError:
    """Turn a sqlite error into an error a person can act on. Messages never carry SQL or data."""
    text = str(exc).lower()
    # FTS5 reports a damaged page of its shadow tables as a failed "vtable constructor".
    damaged = ("not a database", "malformed", "hmac", "corrupt", "vtable constructor failed")
    if any(marker in text for marker in damaged):
        return VaultCorrupt("The vault file is damaged: it cannot be read with its key. "
                            "Nothing was overwritten; run 'verify' or restore a backup.")
    if "disk is full" in text or "disk full" in text:
        return DiskFull("The disk is full: the last change was not saved. Free some space; "
                        "everything saved before is intact.")
    if "locked" in text or "busy" in text:
        return KnownError("The vault is in use by another Supervision Journal process.")
    if "readonly" in text or "read-only" in text:
        return KnownError("The vault folder is read-only: changes cannot be saved.")
    if "unable to open" in text:
        return KnownError("The vault file cannot be opened (missing folder or no permission).")
    if "i/o" in text or "disk i/o" in text:
        return KnownError("The disk reported an error while reading or writing the vault.")
    return KnownError("The vault reported an unexpected database error.")


@contextlib.contextmanager
def translated_errors() -> Iterator[None]:
    try:
        yield
    except sqlcipher3.IntegrityError:
        raise
    except sqlcipher3.Error as exc:
        raise classify(exc) from None


class Database:
    """One SQLCipher connection opened with the fixed recipe of design.md §4.

    Not thread-safe by itself: the owner serialises access (the GUI thread, or one worker).
    """

    def __init__(self, conn: Any, path: Path) -> None:
        self._conn = conn
        self.path = path
        self._lock = threading.RLock()
        self._depth = 0

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path, key: bytes | bytearray, *, create: bool = False) -> Database:
        path = Path(path)
        if not create and not path.exists():
            raise VaultCorrupt("journal.db is missing from the vault folder: restore it from a "
                               "backup (journal.keys alone holds no notes).")
        if create and path.exists():
            raise KnownError("A journal.db already exists here; it was left untouched.")
        # Smaller than the smallest SQLite page: truncated. (SQLite reads a 1-byte file as a
        # new, empty database, which the migrations would then fill with an empty schema.)
        if not create and path.stat().st_size < 512:
            raise VaultCorrupt("journal.db is empty or truncated: it holds less than one page. "
                               "Restore a backup; nothing was overwritten.")
        try:
            conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
        except sqlcipher3.Error as exc:
            raise classify(exc) from None
        try:
            cls._apply_recipe(conn, key)
        except BaseException:
            conn.close()
            raise
        return cls(conn, path)

    @staticmethod
    def _apply_recipe(conn: Any, key: bytes | bytearray) -> None:
        with translated_errors():
            # SQLCipher writes its own errors to stderr unless told not to.
            conn.execute("PRAGMA cipher_log_level = NONE")
            # cipher_memory_security stays OFF (SQLCipher's default): mlocking and wiping every
            # SQLite allocation made imports 13-31x slower, search 3-8x and the unlock check
            # 3x (bench/README.md), for little gain: Python keeps note text in str objects it
            # cannot wipe anyway, and the key is dropped and the process not dumpable.
            conn.execute(_key_pragma(key))
            conn.execute("PRAGMA cipher_compatibility = 4")
            # The first read decrypts page 1: a wrong key or a damaged file fails here.
            try:
                conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
            except sqlcipher3.Error:
                # Plain SQLite reads an encrypted vault as garbage: say so, not "damaged".
                _require_codec(conn)
                raise
            _require_codec(conn)
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode != "wal":
                raise KnownError("The vault could not switch to write-ahead logging.")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA fullfsync = ON")
            conn.execute("PRAGMA checkpoint_fullfsync = ON")
            conn.execute("PRAGMA temp_store = MEMORY")
            if conn.execute("PRAGMA temp_store").fetchone()[0] != 2:
                raise UnsafeEnvironment("SQLite refused to keep temporary data in memory.")
            conn.execute("PRAGMA secure_delete = ON")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA trusted_schema = OFF")
            conn.execute("PRAGMA busy_timeout = 5000")

    # -- statements -----------------------------------------------------------------------
    @property
    def raw(self) -> Any:
        """The underlying connection, for vault-internal code (backup, rekey) only."""
        return self._conn

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        with self._lock, translated_errors():
            return self._conn.execute(sql, params)

    def executemany(self, sql: str, rows: Any) -> Any:
        with self._lock, translated_errors():
            return self._conn.executemany(sql, rows)

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[Row]:
        with self._lock, translated_errors():
            return self._conn.execute(sql, params).fetchall()

    def query_one(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Row | None:
        with self._lock, translated_errors():
            return self._conn.execute(sql, params).fetchone()

    def scalar(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        row = self.query_one(sql, params)
        return row[0] if row else None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Database]:
        """One logical save. Nested uses join the outer transaction. Returns only after COMMIT."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self
                finally:
                    self._depth -= 1
                return
            with translated_errors():
                self._conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield self
            except BaseException:
                self._depth = 0
                with contextlib.suppress(sqlcipher3.Error):
                    self._conn.execute("ROLLBACK")
                raise
            self._depth = 0
            try:
                with translated_errors():
                    self._conn.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlcipher3.Error):
                    self._conn.execute("ROLLBACK")
                raise

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    # -- checks ---------------------------------------------------------------------------
    def user_version(self) -> int:
        return int(self.scalar("PRAGMA user_version"))

    def checkpoint(self) -> None:
        with contextlib.suppress(KnownError):
            # query() reads every row inside the lock: a cursor left open would make another
            # thread's COMMIT fail ("SQL statements in progress").
            self.query("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        with self._lock:
            if self._conn is None:
                return
            # A truncated WAL leaves journal.db self-contained at rest.
            with contextlib.suppress(sqlcipher3.Error):
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            with contextlib.suppress(sqlcipher3.Error):
                self._conn.close()
            self._conn = None

    @property
    def closed(self) -> bool:
        return self._conn is None


def integrity_problems(path: Path, key: bytes | bytearray) -> list[str]:
    """Full check on a fresh connection (a bad page poisons later checks on the same one).

    Returns human-readable problems; an empty list means the vault is sound.
    """
    try:
        db = Database.open(path, key)
    except VaultCorrupt as exc:
        return [exc.message]
    try:
        problems: list[str] = []
        with translated_errors():
            rows = db.raw.execute("PRAGMA cipher_integrity_check").fetchall()
            problems += [f"page check: {r[0]}" for r in rows]
            rows = db.raw.execute("PRAGMA integrity_check").fetchall()
            problems += [f"structure: {r[0]}" for r in rows if r[0] != "ok"]
            fk = db.raw.execute("PRAGMA foreign_key_check").fetchall()
            problems += [f"links: {len(fk)} broken references"] if fk else []
        return problems
    except VaultCorrupt as exc:
        return [exc.message]
    finally:
        db.close()
