"""The record of processing activities (GDPR Art. 30) and a short privacy notice for clients,
in French and English, filled from the practitioner's settings and from the vault's real
cryptographic parameters. The output is Markdown the practitioner edits; ``markdown_to_html``
renders it (for a PDF) without any third-party parser.

Templates: ``resources/privacy/{record,notice}_{en,fr}.md`` (``string.Template`` placeholders);
fixed phrases and placeholders: ``resources/privacy/values.json``. Settings read from the vault:
``practice.practitioner``, ``practice.name``, ``practice.address``, ``practice.contact``,
``practice.profession``, ``practice.legal_basis`` (``consent`` or ``care``) and the retention
default.
"""

from __future__ import annotations

import html
import json
import re
from datetime import date
from functools import cache
from importlib import resources
from string import Template

from ..errors import KnownError
from ..journal import store as journal
from ..vault import keys
from ..vault.database import Database
from . import retention, store

LANGUAGES = ("en", "fr")
DOCUMENTS = ("record", "notice")
PRACTICE_FIELDS = ("practitioner", "practice", "address", "contact", "profession")
# The vault setting that holds each field (``practice.name`` is what the app already uses).
SETTING_KEYS = {"practitioner": "practice.practitioner", "practice": "practice.name",
                "address": "practice.address", "contact": "practice.contact",
                "profession": "practice.profession"}
LEGAL_BASIS_SETTING = "practice.legal_basis"
LEGAL_BASES = ("consent", "care")


def _resource(name: str) -> str:
    return (resources.files("supervision_journal.resources") / "privacy" / name).read_text(
        encoding="utf-8")


@cache
def _values(lang: str) -> dict[str, str]:
    if lang not in LANGUAGES:
        raise KnownError("The document language is 'en' or 'fr'.")
    return dict(json.loads(_resource("values.json"))[lang])


def document_title(document: str, lang: str) -> str:
    if document not in DOCUMENTS:
        raise KnownError("Unknown privacy document.")
    return _values(lang)[f"title_{document}"]


def _argon2(keyfile: keys.KeyFile | None, lang: str) -> str:
    params = keys.argon2_summary(keyfile) if keyfile is not None else None
    v = _values(lang)
    if params is None:
        return v["unknown"]
    memory = (f"{params.memory_kib // 1024} {v['mib']}" if params.memory_kib % 1024 == 0
              else f"{params.memory_kib} {v['kib']}")
    return (f"Argon2id ({memory}, {params.iterations} {v['passes']}, {params.lanes} "
            f"{v['lanes']})")


def _hmac(name: str) -> str:
    # SQLCipher reports "HMAC_SHA512"; the record says it the way a reader knows it.
    return name.replace("_", "-") if name else "HMAC-SHA512"


def template_values(db: Database, keyfile: keys.KeyFile | None, lang: str,
                    today: date | None = None) -> dict[str, str]:
    """Every placeholder of the templates, from the settings (or a bracketed "to fill in")."""
    v = _values(lang)
    out: dict[str, str] = {}
    for field in PRACTICE_FIELDS:
        value = journal.get_setting(db, SETTING_KEYS[field])
        out[field] = str(value).strip() if isinstance(value, str) and value.strip() else v[
            field]
    basis = journal.get_setting(db, LEGAL_BASIS_SETTING, "consent")
    out["legal_basis"] = v[f"basis_{basis if basis in LEGAL_BASES else 'consent'}"]
    out["retention_years"] = str(retention.default_years(db))
    overrides = store.retention_override_count(db)
    out["retention_overrides"] = (Template(v["overrides_some"]).substitute(count=overrides)
                                  if overrides else v["overrides_none"])
    facts = store.cipher_facts(db)
    out["cipher_version"] = facts["cipher_version"].split()[0] if facts["cipher_version"] \
        else "4"
    out["page_size"] = facts["page_size"] or "4096"
    out["hmac"] = _hmac(facts["hmac_algorithm"])
    out["argon2"] = _argon2(keyfile, lang)
    out["today"] = (today or date.today()).isoformat()
    return out


def _fill(document: str, db: Database, keyfile: keys.KeyFile | None, lang: str,
          today: date | None) -> str:
    document_title(document, lang)
    return Template(_resource(f"{document}_{lang}.md")).substitute(
        template_values(db, keyfile, lang, today))


def record_of_processing(db: Database, keyfile: keys.KeyFile | None, lang: str = "en", *,
                         today: date | None = None) -> str:
    return _fill("record", db, keyfile, lang, today)


def privacy_notice(db: Database, keyfile: keys.KeyFile | None, lang: str = "en", *,
                   today: date | None = None) -> str:
    return _fill("notice", db, keyfile, lang, today)


# -- a small Markdown renderer for the PDF ---------------------------------------------------

_INLINE = (
    (re.compile(r"\*\*(.+?)\*\*"), r"<b>\1</b>"),
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"<i>\1</i>"),
    (re.compile(r"`([^`]+)`"), r"<code>\1</code>"),
)


def _inline(text: str) -> str:
    out = html.escape(text, quote=False)
    for pattern, replacement in _INLINE:
        out = pattern.sub(replacement, out)
    return out


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def markdown_to_html(markdown: str) -> str:
    """Headings, paragraphs, "-" lists, pipe tables, **bold**, *italic*, `code`: the subset
    the templates use. Everything is escaped first, so note text cannot inject markup."""
    body: list[str] = []
    paragraph: list[str] = []
    lines = markdown.splitlines()
    index = 0

    def flush() -> None:
        if paragraph:
            body.append("<p>" + _inline(" ".join(paragraph)) + "</p>")
            paragraph.clear()

    while index < len(lines):
        line = lines[index].rstrip()
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        if heading:
            flush()
            level = len(heading.group(1))
            body.append(f"<h{level}>{_inline(heading.group(2))}</h{level}>")
        elif line.lstrip().startswith("- "):
            flush()
            items: list[str] = []
            while index < len(lines) and lines[index].strip():
                current = lines[index].strip()
                if current.startswith("- "):
                    items.append(current[2:])
                elif items:
                    items[-1] += " " + current  # a wrapped list item
                index += 1
            body.append("<ul>" + "".join(f"<li>{_inline(i)}</li>" for i in items) + "</ul>")
            continue
        elif line.startswith("|"):
            flush()
            rows: list[list[str]] = []
            while index < len(lines) and lines[index].startswith("|"):
                cells = _cells(lines[index])
                if not all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
                    rows.append(cells)
                index += 1
            head, *rest = rows or [[]]
            table = ['<table border="1" cellspacing="0" cellpadding="4">',
                     "<tr>" + "".join(f"<th>{_inline(c)}</th>" for c in head) + "</tr>"]
            table += ["<tr>" + "".join(f"<td>{_inline(c)}</td>" for c in r) + "</tr>"
                      for r in rest]
            body.append("\n".join(table) + "</table>")
            continue
        elif not line.strip():
            flush()
        else:
            paragraph.append(line.strip())
        index += 1
    flush()
    return "<html><body>\n" + "\n".join(body) + "\n</body></html>\n"


def placeholders_left(markdown: str) -> list[str]:
    """The bracketed "to fill in" passages still in a document (for a reminder)."""
    return re.findall(r"\[(?:to fill in|à compléter)[^\]]*\]", markdown)


def set_practice_details(db: Database, **values: str) -> None:
    """Store practice details (``practitioner=``, ``practice=``…, ``legal_basis=``)."""
    with db.transaction():
        for field, value in values.items():
            if field == "legal_basis":
                if value not in LEGAL_BASES:
                    raise KnownError("The legal basis is 'consent' or 'care'.")
                journal.set_setting(db, LEGAL_BASIS_SETTING, value)
            elif field in SETTING_KEYS:
                journal.set_setting(db, SETTING_KEYS[field], value.strip())
            else:
                raise KnownError("Unknown practice detail.")
