"""Schema migrations: numbered SQL files, one atomic step each, tracked in PRAGMA user_version.

Before upgrading an existing vault, an encrypted copy is written beside it
(``journal.db.before-vN``, same key). A vault newer than the app is refused, never touched.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import sqlcipher3

from ..errors import KnownError, VaultTooNew
from .database import Database, translated_errors

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def migration_steps() -> list[tuple[int, str]]:
    folder = resources.files(__package__).joinpath("migrations")
    steps = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match:
            steps.append((int(match.group(1)), entry.read_text(encoding="utf-8")))
    steps.sort()
    numbers = [n for n, _ in steps]
    assert numbers == list(range(1, len(numbers) + 1)), "migrations must be numbered 1..N"
    return steps


def latest_version() -> int:
    return len(migration_steps())


def pre_migration_copy(db: Database, version: int) -> Path:
    """An encrypted copy under the same key, made with sqlcipher_export (no plaintext)."""
    target = db.path.with_name(f"{db.path.name}.before-v{version}")
    if target.exists():
        target.unlink()
    with translated_errors():
        # ATTACH without KEY reuses the main database's key.
        db.raw.execute("ATTACH DATABASE ? AS pre_migration", (str(target),))
        try:
            db.raw.execute("SELECT sqlcipher_export('pre_migration')")
            db.raw.execute(f"PRAGMA pre_migration.user_version = {int(version)}")
        finally:
            db.raw.execute("DETACH DATABASE pre_migration")
    return target


def migrate(db: Database) -> int:
    """Bring the schema to the latest version; return the version reached."""
    steps = migration_steps()
    latest = len(steps)
    current = db.user_version()
    if current > latest:
        raise VaultTooNew("This vault was written by a newer version of Supervision Journal "
                          "(schema {schema}, this app knows {latest}). Update the app; the "
                          "vault was not changed.", schema=current, latest=latest)
    if current == latest:
        return current
    if current > 0:
        pre_migration_copy(db, current)
    for number, sql in steps[current:]:
        # executescript runs the whole step; BEGIN/COMMIT around it make the step atomic,
        # user_version included.
        script = f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version = {number};\nCOMMIT;"
        try:
            with translated_errors():
                db.raw.executescript(script)
        except sqlcipher3.IntegrityError:
            if db.raw.in_transaction:
                db.raw.execute("ROLLBACK")
            raise KnownError("The vault could not be upgraded to schema {schema}: its data "
                             "breaks a rule of the new schema. Nothing was changed; please "
                             "report it.", schema=number) from None
        except BaseException:
            if db.raw.in_transaction:
                db.raw.execute("ROLLBACK")
            raise
    return latest
