"""The JSON interchange format, version 1 (documented in docs/format.md).

``export_data`` writes everything the vault holds (identities included) in a deterministic order,
so export → import into a new vault → export gives the same bytes. ``import_data`` validates the
whole document first (any unknown or invalid field is an ``ImportInvalid`` naming its JSON path)
and then writes it in one transaction: on any error nothing is written.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from .errors import ImportInvalid
from .hours import store as hours_store
from .hours.models import ACTIVITY_KINDS
from .hours.store import MAX_MINUTES
from .journal import store as journal
from .journal.models import (
    FEELINGS,
    MODALITIES,
    NEVER_SHARED,
    QUESTION_STATUSES,
    SUPERVISION_FORMATS,
    TEMPLATES,
    Identity,
    IdentityTerm,
)
from .vault.database import Database

FORMAT = "supervision-journal"
VERSION = 1


@dataclass(frozen=True)
class ImportSummary:
    clients: int
    sessions: int
    reflections: int
    supervision_sessions: int
    activities: int


# -- validation ---------------------------------------------------------------------------

def _str(path: str, value: Any, *, empty: bool = True) -> str:
    if not isinstance(value, str):
        raise ImportInvalid("{path}: must be text", path=path)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate ("\ud800"): the vault cannot store it
        raise ImportInvalid("{path}: contains an invalid Unicode character", path=path) from None
    if not empty and not value.strip():
        raise ImportInvalid("{path}: must not be empty", path=path)
    if not empty and any(unicodedata.category(ch) == "Cc" for ch in value):
        # names and labels are one line of text (and SQLite's trim() stops at a NUL)
        raise ImportInvalid("{path}: must not contain control characters (tabs, line breaks…)",
                            path=path)
    return value


def _opt_str(path: str, value: Any) -> str | None:
    return None if value is None else _str(path, value)


def _date(path: str, value: Any) -> str:
    _str(path, value)
    try:
        if len(value) != 10:
            raise ValueError
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise ImportInvalid("{path}: must be a date written YYYY-MM-DD", path=path) from None


def _opt_date(path: str, value: Any) -> str | None:
    return None if value is None else _date(path, value)


def _int(path: str, value: Any, lo: int, hi: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ImportInvalid("{path}: must be a whole number", path=path)
    if not lo <= value <= hi:
        raise ImportInvalid("{path}: must be between {lo} and {hi}", path=path, lo=lo, hi=hi)
    return value


def _opt_int(path: str, value: Any, lo: int, hi: int) -> int | None:
    return None if value is None else _int(path, value, lo, hi)


def _bool(path: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise ImportInvalid("{path}: must be true or false", path=path)
    return value


def _opt_bool(path: str, value: Any) -> bool | None:
    return None if value is None else _bool(path, value)


def _choice(path: str, value: Any, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise ImportInvalid("{path}: must be one of: {choices}", path=path,
                            choices=", ".join(choices))
    return value


def _str_list(path: str, value: Any) -> list[str]:
    if not isinstance(value, list):
        raise ImportInvalid("{path}: must be a list of text", path=path)
    return [_str(f"{path}[{i}]", v, empty=False) for i, v in enumerate(value)]


def _obj(path: str, value: Any, allowed: set[str], required: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ImportInvalid("{path}: must be an object", path=path)
    for key in value:
        if key not in allowed:
            raise ImportInvalid("{path}: unknown field", path=f"{path}.{key}")
    for key in sorted(required):
        if key not in value:
            raise ImportInvalid("{path}: is required", path=f"{path}.{key}")
    return value


def _list(doc: dict[str, Any], key: str) -> list[Any]:
    value = doc.get(key, [])
    if not isinstance(value, list):
        raise ImportInvalid("{path}: must be a list", path=f"$.{key}")
    return value


_TOP = {"format", "version", "clients", "sessions", "reflections", "supervision_sessions",
        "activities"}
_CLIENT = {"pseudonym", "started_on", "status", "closed_on", "tags", "identity",
           "retention_years", "retention_reason"}
_IDENTITY = {"full_name", "aliases", "identifiers"}
_SESSION = {"client", "date", "duration_minutes", "modality", "template", "tags", "sections",
            "approved_for_supervision", "feelings", "question"}
_REFLECTION = {"client", "session_date", "session_index", "prompt_id", "text", "is_question",
               "approved_for_supervision", "question"}
_QUESTION = {"status", "answer", "discussed_in"}
_SUPERVISION = {"date", "supervisor", "format", "group_size", "modality", "duration_minutes",
                "cases", "questions", "learning", "actions"}
_ACTIVITY = {"kind", "date", "hours", "title", "provider", "format", "group_size",
             "facilitated", "modality", "accredited", "categories", "learning", "impact",
             "evidence"}
_EVIDENCE = {"filename", "mime", "data_base64"}


def _nocase(pseudonym: str) -> str:
    """The vault's notion of "same pseudonym": SQLite's NOCASE folds ASCII letters only, so
    'Élise' and 'élise' are two clients there, and must be here too (else a vault's own export
    would not import)."""
    return pseudonym.translate(_ASCII_LOWER)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _feelings(path: str, raw: Any) -> dict[str, int]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise ImportInvalid("{path}: must be an object of feeling: intensity (1 to 3)", path=path)
    for feeling, intensity in raw.items():
        if feeling not in FEELINGS:
            raise ImportInvalid("{path}: is not a known feeling", path=f"{path}.{feeling}")
        _int(f"{path}.{feeling}", intensity, 1, 3)
    return dict(raw)


def _question(path: str, raw: Any, supervisions: int) -> dict[str, Any] | None:
    if raw is None:
        return None
    q = _obj(path, raw, _QUESTION, {"status"})
    discussed = q.get("discussed_in")
    return {"status": _choice(f"{path}.status", q["status"], QUESTION_STATUSES),
            "answer": _str(f"{path}.answer", q.get("answer", "")),
            "discussed_in": None if discussed is None else _int(
                f"{path}.discussed_in", discussed, 0, max(supervisions - 1, 0))
            if supervisions else _no_supervision(f"{path}.discussed_in", discussed)}


def _no_supervision(path: str, value: Any) -> None:
    if value is not None:
        raise ImportInvalid("{path}: names a supervision session, but the file has none", path=path)


def _identity(path: str, raw: Any) -> Identity:
    doc = _obj(path, raw, _IDENTITY, set())
    identifiers: list[IdentityTerm] = []
    raw_ids = doc.get("identifiers", [])
    if not isinstance(raw_ids, list):
        raise ImportInvalid("{path}: must be a list", path=f"{path}.identifiers")
    for i, item in enumerate(raw_ids):
        where = f"{path}.identifiers[{i}]"
        if isinstance(item, str):
            identifiers.append(IdentityTerm(_str(where, item, empty=False)))
        else:
            obj = _obj(where, item, {"term", "role"}, {"term"})
            identifiers.append(IdentityTerm(_str(f"{where}.term", obj["term"], empty=False),
                                            "identifier",
                                            _opt_str(f"{where}.role", obj.get("role"))))
    full = doc.get("full_name")
    return Identity(_str(f"{path}.full_name", full, empty=False) if full is not None else None,
                    tuple(_str_list(f"{path}.aliases", doc.get("aliases", []))),
                    tuple(identifiers))


def _validate(doc: Any) -> dict[str, list[dict[str, Any]]]:
    """Check the whole document and return normalised records; raises ImportInvalid."""
    doc = _obj("$", doc, _TOP, {"format", "version"})
    if doc["format"] != FORMAT:
        raise ImportInvalid('$.format: must be "{format}"', format=FORMAT)
    if type(doc["version"]) is not int or doc["version"] != VERSION:
        raise ImportInvalid("$.version: this app reads version {version}", version=VERSION)
    out: dict[str, list[dict[str, Any]]] = {k: [] for k in _TOP - {"format", "version"}}
    supervisions = len(_list(doc, "supervision_sessions"))
    seen: set[str] = set()
    for i, raw in enumerate(_list(doc, "clients")):
        p = f"$.clients[{i}]"
        c = _obj(p, raw, _CLIENT, {"pseudonym"})
        pseudonym = _str(f"{p}.pseudonym", c["pseudonym"], empty=False).strip()
        if _nocase(pseudonym) in seen:
            raise ImportInvalid("{path}: is used by an earlier client in this file",
                                path=f"{p}.pseudonym")
        seen.add(_nocase(pseudonym))
        status = _choice(f"{p}.status", c.get("status", "active"), ("active", "closed"))
        if status != "closed" and c.get("closed_on") is not None:
            raise ImportInvalid("{path}: only a closed client has a closing date",
                                path=f"{p}.closed_on")
        out["clients"].append({
            "pseudonym": pseudonym,
            "started_on": _opt_date(f"{p}.started_on", c.get("started_on")),
            "status": status,
            "closed_on": _opt_date(f"{p}.closed_on", c.get("closed_on")),
            "tags": _str_list(f"{p}.tags", c.get("tags", [])),
            "identity": _identity(f"{p}.identity", c["identity"]) if c.get("identity")
            is not None else None,
            "retention_years": _opt_int(f"{p}.retention_years", c.get("retention_years"), 1,
                                        100),
            "retention_reason": _opt_str(f"{p}.retention_reason", c.get("retention_reason")),
        })
    for i, raw in enumerate(_list(doc, "sessions")):
        p = f"$.sessions[{i}]"
        s = _obj(p, raw, _SESSION, {"client", "date"})
        template = _choice(f"{p}.template", s.get("template", "standard"), tuple(TEMPLATES))
        raw_sections = s.get("sections", {})
        if not isinstance(raw_sections, dict):
            raise ImportInvalid("{path}: must be an object of section texts", path=f"{p}.sections")
        sections: dict[str, str] = {}
        for key, text in raw_sections.items():
            if key not in TEMPLATES[template]:
                raise ImportInvalid("{path}: is not a section of the {template} template",
                                    path=f"{p}.sections.{key}", template=template)
            sections[key] = _str(f"{p}.sections.{key}", text)
        approved = _str_list(f"{p}.approved_for_supervision",
                             s.get("approved_for_supervision", []))
        for j, key in enumerate(approved):
            where = f"{p}.approved_for_supervision[{j}]"
            if key == NEVER_SHARED:
                raise ImportInvalid("{path}: private notes can never be approved for supervision",
                                    path=where)
            if not sections.get(key, "").strip():
                raise ImportInvalid("{path}: names section '{key}', which has no text in this "
                                    "session", path=where, key=key)
        out["sessions"].append({
            "client": _str(f"{p}.client", s["client"], empty=False).strip(),
            "date": _date(f"{p}.date", s["date"]),
            "duration_minutes": _int(f"{p}.duration_minutes", s.get("duration_minutes", 50), 0,
                                     1440),
            "modality": _choice(f"{p}.modality", s.get("modality", "in_person"), MODALITIES),
            "template": template,
            "tags": _str_list(f"{p}.tags", s.get("tags", [])),
            "sections": sections,
            "approved": list(dict.fromkeys(approved)),
            "feelings": _feelings(f"{p}.feelings", s.get("feelings")),
            "question": _question(f"{p}.question", s.get("question"), supervisions),
        })
        if out["sessions"][-1]["question"] is not None and \
                not sections.get("supervision_questions", "").strip():
            raise ImportInvalid("{path}: needs a 'supervision_questions' section with text",
                                path=f"{p}.question")
    for i, raw in enumerate(_list(doc, "reflections")):
        p = f"$.reflections[{i}]"
        r = _obj(p, raw, _REFLECTION, {"text"})
        client = r.get("client")
        if r.get("session_date") is not None and client is None:
            raise ImportInvalid("{path}: needs 'client' to find the session",
                                path=f"{p}.session_date")
        if r.get("session_index") is not None and r.get("session_date") is None:
            raise ImportInvalid("{path}: needs 'session_date'", path=f"{p}.session_index")
        approved = _bool(f"{p}.approved_for_supervision", r.get("approved_for_supervision",
                                                                False))
        text = _str(f"{p}.text", r["text"])
        if approved and not text.strip():
            raise ImportInvalid("{path}: an empty reflection cannot be approved",
                                path=f"{p}.approved_for_supervision")
        out["reflections"].append({
            "client": _str(f"{p}.client", client, empty=False).strip() if client is not None
            else None,
            "session_date": _opt_date(f"{p}.session_date", r.get("session_date")),
            "session_index": _int(f"{p}.session_index", r.get("session_index", 1), 1, 100),
            "prompt_id": _opt_str(f"{p}.prompt_id", r.get("prompt_id")),
            "text": text,
            "is_question": _bool(f"{p}.is_question", r.get("is_question", False)),
            "approved": approved,
            "question": _question(f"{p}.question", r.get("question"), supervisions),
        })
        if out["reflections"][-1]["question"] is not None and \
                not out["reflections"][-1]["is_question"]:
            raise ImportInvalid("{path}: needs 'is_question': true", path=f"{p}.question")
    for i, raw in enumerate(_list(doc, "supervision_sessions")):
        p = f"$.supervision_sessions[{i}]"
        s = _obj(p, raw, _SUPERVISION, {"date", "format", "duration_minutes"})
        fmt = _choice(f"{p}.format", s["format"], SUPERVISION_FORMATS)
        size = _opt_int(f"{p}.group_size", s.get("group_size"), 1, 500)
        if fmt == "group" and (size is None or size < 2):
            raise ImportInvalid("{path}: is required for group supervision (2 or more)",
                                path=f"{p}.group_size")
        out["supervision_sessions"].append({
            "date": _date(f"{p}.date", s["date"]),
            "supervisor": _str(f"{p}.supervisor", s.get("supervisor", "")),
            "format": fmt,
            "group_size": size if fmt in ("group", "peer") else None,
            "modality": _opt_str(f"{p}.modality", s.get("modality")),
            "duration_minutes": _int(f"{p}.duration_minutes", s["duration_minutes"], 0, 1440),
            "cases": _str_list(f"{p}.cases", s.get("cases", [])),
            "questions": _str(f"{p}.questions", s.get("questions", "")),
            "learning": _str(f"{p}.learning", s.get("learning", "")),
            "actions": _str(f"{p}.actions", s.get("actions", "")),
        })
    for i, raw in enumerate(_list(doc, "activities")):
        p = f"$.activities[{i}]"
        a = _obj(p, raw, _ACTIVITY, {"kind", "date", "hours"})
        hours = a["hours"]
        if isinstance(hours, bool) or not isinstance(hours, int | float) or \
                not math.isfinite(hours) or not 0 <= hours <= MAX_MINUTES / 60:
            raise ImportInvalid("{path}: must be a number of hours between 0 and {hours}",
                                path=f"{p}.hours", hours=MAX_MINUTES // 60)
        evidence = []
        raw_ev = a.get("evidence", [])
        if not isinstance(raw_ev, list):
            raise ImportInvalid("{path}: must be a list", path=f"{p}.evidence")
        for j, item in enumerate(raw_ev):
            where = f"{p}.evidence[{j}]"
            e = _obj(where, item, _EVIDENCE, _EVIDENCE)
            try:
                data = base64.b64decode(_str(f"{where}.data_base64", e["data_base64"]),
                                        validate=True)
            except (binascii.Error, ValueError):
                raise ImportInvalid("{path}: is not valid base64",
                                    path=f"{where}.data_base64") from None
            evidence.append((_str(f"{where}.filename", e["filename"], empty=False),
                             _str(f"{where}.mime", e["mime"], empty=False), data))
        out["activities"].append({
            "kind": _choice(f"{p}.kind", a["kind"], ACTIVITY_KINDS),
            "on": _date(f"{p}.date", a["date"]),
            "minutes": round(hours * 60),
            "title": _str(f"{p}.title", a.get("title", "")),
            "provider": _str(f"{p}.provider", a.get("provider", "")),
            "format": _opt_str(f"{p}.format", a.get("format")),
            "group_size": _opt_int(f"{p}.group_size", a.get("group_size"), 1, 500),
            "facilitated": _opt_bool(f"{p}.facilitated", a.get("facilitated")),
            "modality": _opt_str(f"{p}.modality", a.get("modality")),
            "accredited": _opt_bool(f"{p}.accredited", a.get("accredited")),
            "categories": _str_list(f"{p}.categories", a.get("categories", [])),
            "learning": _str(f"{p}.learning", a.get("learning", "")),
            "impact": _str(f"{p}.impact", a.get("impact", "")),
            "evidence": evidence,
        })
    return out


# -- import -------------------------------------------------------------------------------

def parse(data: bytes | str) -> Any:
    try:
        return json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        where = {"line": exc.lineno, "column": exc.colno} if isinstance(
            exc, json.JSONDecodeError) else {}
        raise ImportInvalid("$: the file is not valid JSON (line {line}, column {column})."
                            if isinstance(exc, json.JSONDecodeError) else
                            "$: the file is not valid JSON.", **where) from None
    except RecursionError:
        raise ImportInvalid("$: the file nests too deeply to be an interchange file.") from None


def import_data(db: Database, doc: Any,
                progress: Callable[[int, int], None] | None = None) -> ImportSummary:
    """Validate ``doc`` then write it in a single transaction (all or nothing)."""
    records = _validate(doc)
    total = sum(len(v) for v in records.values())
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress and done % 500 == 0:
            progress(done, total)

    with db.transaction():
        ids: dict[str, int] = {}
        for i, c in enumerate(records["clients"]):
            if journal.find_client(db, c["pseudonym"]) is not None:
                raise ImportInvalid("{path}: a client with this pseudonym already exists in "
                                    "the vault", path=f"$.clients[{i}].pseudonym")
            client = journal.add_client(db, c["pseudonym"], c["started_on"], c["tags"])
            if c["status"] == "closed" or c["retention_years"] or c["retention_reason"]:
                journal.update_client(db, client.id,
                                      status=c["status"] if c["status"] == "closed" else None,
                                      closed_on=c["closed_on"],
                                      retention_years=c["retention_years"],
                                      retention_reason=c["retention_reason"])
            if c["identity"] is not None and not c["identity"].empty:
                journal.set_identity(db, client.id, c["identity"])
            ids[_nocase(c["pseudonym"])] = client.id
            tick()

        def client_id(path: str, pseudonym: str) -> int:
            key = _nocase(pseudonym)
            if key not in ids:
                existing = journal.find_client(db, pseudonym)
                if existing is None:
                    raise ImportInvalid("{path}: names a client that is neither in this file "
                                        "nor in the vault", path=path)
                ids[key] = existing.id
            return ids[key]

        sessions_by_day: dict[tuple[int, str], list[int]] = {}
        # Question states name supervision sessions, which are written after notes: keep them.
        pending_questions: list[tuple[str, int, dict[str, Any]]] = []
        for i, s in enumerate(records["sessions"]):
            cid = client_id(f"$.sessions[{i}].client", s["client"])
            session = journal.add_session(db, cid, s["date"], s["duration_minutes"],
                                          s["modality"], s["template"], s["tags"],
                                          s["sections"])
            for key in s["approved"]:
                journal.approve_section(db, session.id, key)
            if s["feelings"]:
                journal.set_feelings(db, session.id, s["feelings"])
            if s["question"] is not None:
                pending_questions.append(("section", session.id, s["question"]))
            sessions_by_day.setdefault((cid, s["date"]), []).append(session.id)
            tick()
        for i, r in enumerate(records["reflections"]):
            p = f"$.reflections[{i}]"
            cid = client_id(f"{p}.client", r["client"]) if r["client"] else None
            sid = None
            if r["session_date"] is not None:
                assert cid is not None
                day = sessions_by_day.get((cid, r["session_date"]))
                if day is None:
                    day = [s.id for s in reversed(journal.list_sessions(db, cid))
                           if s.date.isoformat() == r["session_date"]]
                if len(day) < r["session_index"]:
                    raise ImportInvalid("{path}: no session of this client on that date",
                                        path=f"{p}.session_date")
                sid = day[r["session_index"] - 1]
            reflection = journal.add_reflection(db, r["text"], session_id=sid, client_id=cid,
                                                prompt_id=r["prompt_id"],
                                                is_question=r["is_question"])
            if r["approved"]:
                journal.approve_reflection(db, reflection.id)
            if r["question"] is not None:
                pending_questions.append(("reflection", reflection.id, r["question"]))
            tick()
        supervision_ids: list[int] = []
        for i, s in enumerate(records["supervision_sessions"]):
            for j, case in enumerate(s["cases"]):
                client_id(f"$.supervision_sessions[{i}].cases[{j}]", case)
            supervision = journal.add_supervision(
                db, s["date"], s["supervisor"], s["format"], s["duration_minutes"],
                group_size=s["group_size"], modality=s["modality"], cases=s["cases"],
                questions=s["questions"], learning=s["learning"], actions=s["actions"])
            supervision_ids.append(supervision.id)
            tick()
        for kind, owner_id, state in pending_questions:
            ref_id = owner_id if kind == "reflection" else journal.question_section_id(
                db, owner_id)
            journal.set_question_state(
                db, kind, ref_id, state["status"], answer=state["answer"],
                supervision_id=None if state["discussed_in"] is None
                else supervision_ids[state["discussed_in"]])
        for a in records["activities"]:
            evidence = a.pop("evidence")
            activity = hours_store.add_activity(db, **a)
            for filename, mime, data in evidence:
                hours_store.add_evidence(db, activity.id, filename, mime, data)
            tick()
    return ImportSummary(len(records["clients"]), len(records["sessions"]),
                         len(records["reflections"]), len(records["supervision_sessions"]),
                         len(records["activities"]))


# -- export -------------------------------------------------------------------------------

def _identity_json(identity: Identity) -> dict[str, Any] | None:
    if identity.empty:
        return None
    return {"full_name": identity.full_name, "aliases": list(identity.aliases),
            "identifiers": [t.term if t.role is None else {"term": t.term, "role": t.role}
                            for t in identity.identifiers]}


def export_data(db: Database) -> dict[str, Any]:
    """Everything in the vault, identities included, in a deterministic order."""
    clients = journal.list_clients(db)
    clients.sort(key=lambda c: c.id)
    by_id = {c.id: c for c in clients}
    out_clients = []
    for c in clients:
        out_clients.append({
            "pseudonym": c.pseudonym,
            "started_on": c.started_on.isoformat() if c.started_on else None,
            "status": c.status,
            "closed_on": c.closed_on.isoformat() if c.closed_on else None,
            "tags": list(c.tags),
            "identity": _identity_json(journal.get_identity(db, c.id)),
            "retention_years": c.retention_years,
            "retention_reason": c.retention_reason,
        })
    sessions = []
    # A reflection names its session by client and date, plus an index when one client had
    # several sessions that day (sessions of a day are ordered by creation).
    all_sessions = sorted((s for c in clients for s in journal.list_sessions(db, c.id)),
                          key=lambda s: s.id)
    day_count: dict[tuple[int, date], int] = {}
    day_index: dict[int, int] = {}
    for s in all_sessions:
        day_count[(s.client_id, s.date)] = day_count.get((s.client_id, s.date), 0) + 1
        day_index[s.id] = day_count[(s.client_id, s.date)]
    supervision_index = {sup.id: i for i, sup in enumerate(
        sorted(journal.list_supervisions(db), key=lambda s: s.id))}
    questions = {(q.kind, q.session_id if q.kind == "section" else q.ref_id): q
                 for q in journal.list_questions(db)}

    def question_json(kind: str, key: int) -> dict[str, Any] | None:
        q = questions.get((kind, key))
        if q is None or (q.status == "open" and not q.answer and q.supervision_id is None):
            return None  # an untouched question is open by default
        return {"status": q.status, "answer": q.answer,
                "discussed_in": supervision_index.get(q.supervision_id)
                if q.supervision_id is not None else None}

    for s in all_sessions:
        note = journal.get_note(db, s.id)
        order = TEMPLATES[s.template]
        record: dict[str, Any] = {
            "client": by_id[s.client_id].pseudonym,
            "date": s.date.isoformat(),
            "duration_minutes": s.duration_minutes,
            "modality": s.modality,
            "template": s.template,
            "tags": list(s.tags),
            "sections": {k: note.sections[k].text for k in order if k in note.sections},
            "approved_for_supervision": [k for k in order if k in note.sections
                                         and note.sections[k].approved],
        }
        feelings = journal.get_feelings(db, s.id)
        if feelings:
            record["feelings"] = dict(sorted(feelings.items()))
        state = question_json("section", s.id)
        if state is not None:
            record["question"] = state
        sessions.append(record)
    reflections = []
    for r in journal.list_reflections(db):
        item: dict[str, Any] = {"client": by_id[r.client_id].pseudonym if r.client_id else None}
        if r.session_id is not None:
            s = journal.get_session(db, r.session_id)
            item["session_date"] = s.date.isoformat()
            index = day_index.get(s.id, 1)
            if index > 1:
                item["session_index"] = index
        item.update({"prompt_id": r.prompt_id, "text": r.text, "is_question": r.is_question,
                     "approved_for_supervision": r.approval == "approved"})
        state = question_json("reflection", r.id)
        if state is not None:
            item["question"] = state
        reflections.append(item)
    supervisions = []
    for sup in sorted(journal.list_supervisions(db), key=lambda s: s.id):
        supervisions.append({
            "date": sup.date.isoformat(), "supervisor": sup.supervisor, "format": sup.format,
            "group_size": sup.group_size, "modality": sup.modality,
            "duration_minutes": sup.duration_minutes, "cases": list(sup.cases),
            "questions": sup.questions, "learning": sup.learning, "actions": sup.actions})
    activities = []
    for a in hours_store.list_activities(db):
        if a.supervision_id is not None:
            continue  # written through its supervision session
        activities.append({
            "kind": a.kind, "date": a.date.isoformat(), "hours": a.minutes / 60,
            "title": a.title, "provider": a.provider, "format": a.format,
            "group_size": a.group_size, "facilitated": a.facilitated, "modality": a.modality,
            "accredited": a.accredited, "categories": list(a.categories),
            "learning": a.learning, "impact": a.impact,
            "evidence": [{"filename": e.filename, "mime": e.mime,
                          "data_base64": base64.b64encode(
                              hours_store.evidence_bytes(db, e.id)).decode("ascii")}
                         for e in hours_store.list_evidence(db, a.id)]})
    return {"format": FORMAT, "version": VERSION, "clients": out_clients, "sessions": sessions,
            "reflections": reflections, "supervision_sessions": supervisions,
            "activities": activities}


def dumps(doc: dict[str, Any]) -> bytes:
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
