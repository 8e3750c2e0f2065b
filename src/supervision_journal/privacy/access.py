"""A client's access request (GDPR Art. 15): everything the journal holds about one client, as a
readable document (Markdown and HTML, the HTML also feeding the PDF) and as JSON.

Sections the practitioner withholds (typically ``private``, their personal process notes) are
stated as withheld "where the law allows", never silently left out. Producing the export writes
an audit row of kind ``access`` holding the client's id, the counts, the format and the SHA-256
of what was written; an erasure empties that row's items later.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from importlib import resources
from string import Template
from typing import Any

from ..errors import KnownError
from ..export import store as export_store
from ..journal import store as journal
from ..journal.models import ALL_SECTIONS, TEMPLATES
from ..vault.database import Database
from . import retention, store

FORMAT = "supervision-journal-access-export"
VERSION = 1
LANGUAGES = ("en", "fr")
AUDIT_KIND = "access"


@dataclass(frozen=True)
class AccessExport:
    client_id: int
    generated_on: date
    lang: str
    withheld: tuple[str, ...]  # the section keys withheld where the law allows
    session_count: int
    document: Mapping[str, Any]  # the JSON document, as data
    markdown: str
    html: str
    audit_id: int | None = None

    @property
    def json_bytes(self) -> bytes:
        return (json.dumps(self.document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


@cache
def labels(lang: str) -> Mapping[str, Any]:
    if lang not in LANGUAGES:
        raise KnownError("The document language is 'en' or 'fr'.")
    path = resources.files("supervision_journal.resources") / "privacy" / "access_labels.json"
    return json.loads(path.read_text(encoding="utf-8"))[lang]


def _t(lang: str, key: str, **values: Any) -> str:
    return Template(labels(lang)[key]).substitute({k: str(v) for k, v in values.items()})


def _check_withheld(withhold: Iterable[str]) -> tuple[str, ...]:
    keys = tuple(sorted({k.strip() for k in withhold if k.strip()}))
    if set(keys) - ALL_SECTIONS:
        raise KnownError("Only note sections can be withheld (for example 'private').")
    return keys


# -- gathering -----------------------------------------------------------------------------

def _document(db: Database, client_id: int, withheld: tuple[str, ...], today: date,
              lang: str) -> dict[str, Any]:
    client = journal.get_client(db, client_id)
    identity = journal.get_identity(db, client_id)
    rule = retention.policy_for(db, client)
    sessions = []
    # Oldest first: the document reads as the story of the work.
    for session in sorted(journal.list_sessions(db, client_id), key=lambda x: x.number):
        note = journal.get_note(db, session.id)
        order = TEMPLATES.get(session.template, ())
        keys = [k for k in order if k in note.sections] + sorted(
            k for k in note.sections if k not in order)
        texts = {k: note.sections[k].text for k in keys
                 if k not in withheld and note.sections[k].text}
        withheld_here = [k for k in keys if k in withheld and note.sections[k].text]
        sessions.append({"number": session.number, "date": session.date.isoformat(),
                         "duration_minutes": session.duration_minutes,
                         "modality": session.modality, "template": session.template,
                         "tags": list(session.tags), "sections": texts,
                         "withheld_sections": withheld_here})
    reflections = []
    by_id = {s.id: s.number for s in journal.list_sessions(db, client_id)}
    for reflection_id, _text in store.client_reflections(db, client_id):
        r = journal.get_reflection(db, reflection_id)
        if r.text.strip():
            reflections.append({"written_on": r.created_at[:10], "text": r.text,
                                "session_number": by_id.get(r.session_id)
                                if r.session_id else None})
    supervision = []
    for supervision_id in store.linked_supervisions(db, client_id):
        sup = journal.get_supervision(db, supervision_id)
        supervision.append({"date": sup.date.isoformat(), "format": sup.format})
    return {
        "format": FORMAT, "version": VERSION, "generated_on": today.isoformat(),
        "language": lang,
        "client": {"pseudonym": client.pseudonym,
                   "started_on": client.started_on.isoformat() if client.started_on else None,
                   "status": client.status,
                   "closed_on": client.closed_on.isoformat() if client.closed_on else None,
                   "tags": list(client.tags)},
        "identity": {"full_name": identity.full_name, "aliases": list(identity.aliases),
                     "identifiers": [{"term": t.term, "role": t.role}
                                     for t in identity.identifiers]},
        "retention": {"years": rule.years, "basis": rule.source, "reason": rule.reason,
                      "counted_from": rule.counted_from.isoformat() if rule.counted_from
                      else None,
                      "keep_until": rule.keep_until.isoformat() if rule.keep_until else None},
        "sessions": sessions,
        "reflections": reflections,
        "supervision": sorted(supervision, key=lambda s: s["date"]),
        "withheld": {"sections": list(withheld), "basis": "where the law allows"}
        if withheld else {"sections": [], "basis": None},
    }


# -- rendering -----------------------------------------------------------------------------

def _section_title(lang: str, key: str) -> str:
    return str(labels(lang)["sections"].get(key, key))


def _blocks(doc: Mapping[str, Any], lang: str) -> list[tuple[str, str]]:
    """The document as (kind, text) blocks: h1, h2, h3, h4, p, li, em. Both renderers walk
    the same list, so the Markdown and the HTML (and the PDF) say exactly the same things."""
    L = labels(lang)
    out: list[tuple[str, str]] = [("h1", L["title"]),
                                  ("p", _t(lang, "intro", date=doc["generated_on"]))]
    c = doc["client"]
    out.append(("h2", L["record"]))
    out.append(("li", f"{L['pseudonym']}{L['colon']}{c['pseudonym']}"))
    if c["started_on"]:
        out.append(("li", f"{L['started_on']}{L['colon']}{c['started_on']}"))
    out.append(("li", f"{L['status']}{L['colon']}{L['status_' + c['status']]}"))
    if c["closed_on"]:
        out.append(("li", f"{L['closed_on']}{L['colon']}{c['closed_on']}"))
    if c["tags"]:
        out.append(("li", f"{L['tags']}{L['colon']}{', '.join(c['tags'])}"))
    ident = doc["identity"]
    out.append(("h2", L["identity"]))
    out.append(("li", f"{L['full_name']}{L['colon']}{ident['full_name'] or L['none']}"))
    out.append(("li", f"{L['aliases']}{L['colon']}{', '.join(ident['aliases']) or L['none']}"))
    details = [f"{i['term']} ({i['role']})" if i["role"] else i["term"]
               for i in ident["identifiers"]]
    out.append(("li", f"{L['identifiers']}{L['colon']}{', '.join(details) or L['none']}"))
    ret = doc["retention"]
    basis = (_t(lang, "retention_client", reason=ret["reason"] or "—")
             if ret["basis"] == "client" else L["retention_default"])
    out.append(("h2", L["retention"]))
    out.append(("p", _t(lang, "retention_text", years=ret["years"], basis=basis)))
    if ret["keep_until"] and c["status"] == "closed":
        out.append(("p", _t(lang, "retention_until", date=ret["keep_until"])))
    out.append(("h2", L["sessions"]))
    if not doc["sessions"]:
        out.append(("p", L["no_sessions"]))
    for s in doc["sessions"]:
        out.append(("h3", _t(lang, "session", number=s["number"], date=s["date"])))
        out.append(("p", _t(lang, "session_facts", minutes=s["duration_minutes"],
                            modality=L.get("modality_" + s["modality"], s["modality"]))))
        if s["tags"]:
            out.append(("p", f"{L['tags']}{L['colon']}{', '.join(s['tags'])}"))
        for key, text in s["sections"].items():
            out.append(("h4", _section_title(lang, key)))
            out.append(("p", text))
        for key in s["withheld_sections"]:
            out.append(("h4", _section_title(lang, key)))
            out.append(("em", L["withheld_mark"]))
    if doc["reflections"]:
        out.append(("h2", L["reflections"]))
        for r in doc["reflections"]:
            where = (" — " + _t(lang, "session_short", number=r["session_number"])
                     if r["session_number"] else "")
            out.append(("h4", _t(lang, "reflection_of", date=r["written_on"]) + where))
            out.append(("p", r["text"]))
    if doc["supervision"]:
        out.append(("h2", L["supervision"]))
        out.append(("p", L["supervision_text"]))
        for s in doc["supervision"]:
            out.append(("li", _t(lang, "supervision_item", date=s["date"],
                                 format=L.get("format_" + s["format"], s["format"]))))
    if doc["withheld"]["sections"]:
        out.append(("h2", L["withheld_title"]))
        names = ", ".join(_section_title(lang, k) for k in doc["withheld"]["sections"])
        out.append(("p", _t(lang, "withheld_text", sections=names)))
    out.append(("h2", L["rights_title"]))
    out.append(("p", L["rights_text"]))
    return out


def to_markdown(blocks: list[tuple[str, str]]) -> str:
    lines: list[str] = []
    prefix = {"h1": "# ", "h2": "## ", "h3": "### ", "h4": "#### "}
    previous = ""
    for kind, text in blocks:
        if kind in prefix:
            lines += ["", prefix[kind] + text, ""]
        elif kind == "li":
            lines.append(f"- {text}")
        elif kind == "em":
            lines += [f"*{text}*", ""]
        else:
            if previous == "li":
                lines.append("")
            lines += [text, ""]
        previous = kind
    text = "\n".join(lines).strip()
    return re.sub(r"\n{3,}", "\n\n", text) + "\n"


def to_html(blocks: list[tuple[str, str]], title: str, lang: str) -> str:
    body: list[str] = []
    in_list = False
    for kind, text in blocks:
        if kind == "li" and not in_list:
            body.append("<ul>")
            in_list = True
        elif kind != "li" and in_list:
            body.append("</ul>")
            in_list = False
        escaped = html.escape(text)
        if kind in ("h1", "h2", "h3", "h4"):
            body.append(f"<{kind}>{escaped}</{kind}>")
        elif kind == "li":
            body.append(f"<li>{escaped}</li>")
        elif kind == "em":
            body.append(f"<p><i>{escaped}</i></p>")
        else:
            for paragraph in text.split("\n\n"):
                body.append("<p>" + html.escape(paragraph).replace("\n", "<br/>") + "</p>")
    if in_list:
        body.append("</ul>")
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"/>'
            f"<title>{html.escape(title)}</title></head><body>\n" + "\n".join(body)
            + "\n</body></html>\n")


# -- the API -------------------------------------------------------------------------------

def build_access_export(db: Database, client_id: int, withhold_sections: Iterable[str] = (),
                        *, lang: str = "en", today: date | None = None) -> AccessExport:
    """Gather and render; writes nothing (``record_access`` logs what was handed over)."""
    labels(lang)
    withheld = _check_withheld(withhold_sections)
    today = today or date.today()
    doc = _document(db, client_id, withheld, today, lang)
    blocks = _blocks(doc, lang)
    title = str(labels(lang)["title"])
    return AccessExport(client_id, today, lang, withheld, len(doc["sessions"]), doc,
                        to_markdown(blocks), to_html(blocks, title, lang))


def record_access(db: Database, export: AccessExport, fmt: str, payload: bytes) -> int:
    """The audit row of an access export: client id, counts, format, SHA-256 of the bytes."""
    row = export_store.add_audit(
        db, AUDIT_KIND, recipient="data subject", fmt=fmt,
        items=[{"client_id": export.client_id, "sessions": export.session_count,
                "withheld": list(export.withheld), "lang": export.lang}],
        sha256=hashlib.sha256(payload).hexdigest())
    return row.id


def access_export(db: Database, client_id: int, withhold_sections: Iterable[str] = (), *,
                  lang: str = "en", today: date | None = None) -> AccessExport:
    """Build the export and log it (the JSON document's hash stands for the content)."""
    export = build_access_export(db, client_id, withhold_sections, lang=lang, today=today)
    audit_id = record_access(db, export, "json", export.json_bytes)
    return replace(export, audit_id=audit_id)
