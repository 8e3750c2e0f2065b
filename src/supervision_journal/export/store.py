"""SQL of the export package: the export audit trail."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from ..vault.database import Database


@dataclass(frozen=True)
class AuditRow:
    id: int
    created_at: str
    kind: str  # supervision | data | access | erasure | renewal
    recipient: str
    format: str
    items: tuple[Any, ...]
    sha256: str


def add_audit(db: Database, kind: str, *, recipient: str = "", fmt: str = "",
              items: Sequence[Any] = (), sha256: str = "") -> AuditRow:
    created = datetime.now(UTC).isoformat(timespec="seconds")
    with db.transaction():
        cur = db.execute("INSERT INTO export_audit(created_at, kind, recipient, format, items, "
                         "sha256) VALUES (?,?,?,?,?,?)",
                         (created, kind, recipient, fmt, json.dumps(list(items)), sha256))
    return AuditRow(cur.lastrowid, created, kind, recipient, fmt, tuple(items), sha256)


def list_audit(db: Database) -> list[AuditRow]:
    return [AuditRow(r[0], r[1], r[2], r[3], r[4], tuple(json.loads(r[5])), r[6])
            for r in db.query("SELECT id, created_at, kind, recipient, format, items, sha256 "
                              "FROM export_audit ORDER BY id")]
