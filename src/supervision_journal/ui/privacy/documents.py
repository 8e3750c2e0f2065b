"""Files the Privacy page writes: neutral names, and what goes into them (pure functions, safe
to call from a worker; the PDF needs the GUI application, which the app has)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ...privacy import access, records
from ...vault.database import Database
from ...vault.keys import KeyFile
from ..export.files import write_file
from ..pdf import html_to_pdf


def neutral_name(kind: str, ext: str, today: date, token: str | None = None) -> str:
    """``access-YYYYMMDD-xxxx.pdf``: what and when, nothing about anyone."""
    return f"{kind}-{today.strftime('%Y%m%d')}-{token or secrets.token_hex(2)}.{ext}"


def json_beside(pdf_path: str) -> str:
    """The JSON of an access export goes next to its PDF, same name, other extension."""
    path = Path(pdf_path)
    stem = path.stem if path.suffix.lower() == ".pdf" else path.name
    return str(path.with_name(stem + ".json"))


@dataclass(frozen=True)
class AccessWritten:
    pdf_path: str
    json_path: str
    sessions: int
    withheld: tuple[str, ...]


def write_access_export(db: Database, client_id: int, withhold: tuple[str, ...], lang: str,
                        pdf_path: str, today: date) -> AccessWritten:
    """Build the export (the backend logs the JSON in the audit), render the PDF, log it too,
    and write both files atomically."""
    export = access.access_export(db, client_id, withhold, lang=lang, today=today)
    title = str(access.labels(lang)["title"])
    pdf = html_to_pdf(export.html, title=title, footer=title)
    json_path = json_beside(pdf_path)
    write_file(json_path, export.json_bytes)
    write_file(pdf_path, pdf)
    access.record_access(db, export, "pdf", pdf)
    return AccessWritten(pdf_path, json_path, export.session_count, export.withheld)


def privacy_document(db: Database, keyfile: KeyFile | None, document: str, lang: str,
                     today: date) -> str:
    """The record of processing ("record") or the privacy notice ("notice") as Markdown."""
    if document == "record":
        return records.record_of_processing(db, keyfile, lang, today=today)
    return records.privacy_notice(db, keyfile, lang, today=today)


def write_privacy_document(db: Database, keyfile: KeyFile | None, document: str, lang: str,
                           fmt: str, path: str, today: date) -> str:
    markdown = privacy_document(db, keyfile, document, lang, today)
    if fmt == "pdf":
        title = records.document_title(document, lang)
        data = html_to_pdf(records.markdown_to_html(markdown), title=title, footer=title)
    else:
        data = markdown.encode("utf-8")
    write_file(path, data)
    return path
