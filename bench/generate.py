"""Write a realistic interchange file (docs/format.md) for the benchmarks.

    python bench/generate.py [--clients 80] [--sessions 20000] [--activities 2000] [--seed 1]
                             --out bench/out/practice.json

Ten years of a full-time practice: clients (pseudonyms, some with identities) who come and go,
sessions of 1–4 KB across the standard template's sections in French, English or both,
approvals, reflections on prompts, supervision sessions and CPD activities. Same seed, same
bytes: the text comes from sentence templates and Zipf-weighted word lists (common.py) driven by
one seeded RNG.
"""

from __future__ import annotations

import argparse
import base64
import json
import random
import sys
import time
from collections.abc import Sequence
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

from supervision_journal import interchange
from supervision_journal.hours.models import ACTIVITY_KINDS
from supervision_journal.journal.models import NEVER_SHARED

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import LANGS, NAMES, SECTION_USE, Writer, Zipf, mib

END = date(2025, 12, 31)  # fixed, so the file does not depend on the day it is generated
MIN_NOTE_BYTES, MAX_NOTE_BYTES = 1024, 4096

PSEUDONYMS = [
    "Iris", "Orion", "Tilleul", "Azur", "Cèdre", "Mistral", "Lys", "Océane", "Saule", "Pollux",
    "Aster", "Brume", "Capucine", "Dune", "Églantine", "Fjord", "Galet", "Héron", "Ilex",
    "Jasmin", "Kestrel", "Lavande", "Marelle", "Nacre", "Opale", "Pervenche", "Quartz",
    "Roseau", "Sirius", "Tamaris", "Ulysse", "Véga", "Wren", "Xérès", "Yucca", "Zéphyr",
    "Ambre", "Bleuet", "Corail", "Delta", "Écume", "Falaise", "Givre", "Hêtre", "Indigo",
    "Jonquille", "Kaolin", "Lichen", "Myrtille", "Noisette", "Onyx", "Pivoine", "Rivage",
    "Sépia", "Topaze", "Vanille", "Willow", "Heather", "Rowan", "Aspen", "Hazel", "Linden",
    "Sorrel", "Juniper", "Marlow", "Tansy", "Yarrow", "Bracken", "Cobalt", "Drift", "Ember",
    "Flint", "Garnet", "Harbour", "Inlet", "Jet", "Kelp", "Larch", "Moss", "Nimbus", "Oriel",
    "Pebble", "Quill", "Rune", "Shale", "Thistle", "Umber", "Vale",
]
FIRST = ["Marie", "Jean", "Claire", "Luc", "Sandrine", "Olivier", "Isabelle", "Franck", "Aurélie",
         "Mathieu", "Helen", "Mark", "Rachel", "Simon", "Laura", "Peter", "Nina", "Arnaud",
         "Céline", "Vincent", "Margaux", "Rémi", "Joanna", "Stuart"]
LAST = ["Dupont", "Martin", "Bernard", "Lefebvre", "Moreau", "Garnier", "Rousseau", "Fontaine",
        "Chevalier", "Blanc", "Smith", "Taylor", "Walker", "Hughes", "Fletcher", "Gauthier",
        "Perrin", "Marchand", "Baker", "Collins", "Mercier", "Lambert", "Roux", "Clément"]
TOWNS = ["Villeurbanne", "Vénissieux", "Caluire", "Oullins", "Bron", "Écully", "Tassin",
         "Croydon", "Reading", "Hove", "Salford", "Lewes", "Annecy", "Chambéry"]
EMPLOYERS = ["Renault Trucks", "Hôpital Édouard-Herriot", "Lycée du Parc", "La Poste",
             "Boots", "the county council", "Crédit Agricole", "Sanofi", "a logistics firm",
             "the university library"]
CLIENT_TAGS = ["anxiety", "grief", "couple", "trauma", "burnout", "depression", "eating",
               "adolescent", "addiction", "parenting", "work", "sleep", "identity"]
SESSION_TAGS = ["rupture", "risk", "ending", "breakthrough", "missed", "crisis", "review",
                "homework", "dream", "family", "body"]
SUPERVISORS = ["Dr Anne Morel", "Paul Girard", "Susan Hale", "Groupe du jeudi",
               "Peer group Lyon", "Dr Hugh Carter"]
PROVIDERS = ["Société Française de Psychothérapie", "BACP", "UKCP", "Institut de Gestalt",
             "Université Lyon 2", "Centre de formation TCC", "Metanoia Institute",
             "ICF", "EMCC", "Local CPD network", "Online Events Ltd", ""]
TOPICS = {
    "fr": ["le trauma complexe", "l'éthique du cadre", "la supervision de groupe",
           "la thérapie des schémas", "l'EMDR", "le deuil", "l'attachement adulte",
           "les troubles alimentaires", "la prévention du suicide", "la pleine conscience",
           "l'entretien motivationnel", "la thérapie de couple", "les addictions",
           "la psychopathologie de l'adolescent", "le contre-transfert"],
    "en": ["complex trauma", "the ethics of the frame", "group supervision", "schema therapy",
           "EMDR", "bereavement", "adult attachment", "eating disorders", "suicide prevention",
           "mindfulness", "motivational interviewing", "couples work", "addictions",
           "adolescent psychopathology", "countertransference"],
}
TITLE_FORMS = {
    "fr": ["Formation : {t}", "Atelier sur {t}", "Colloque « {t} »", "Lecture : un livre sur {t}",
           "Webinaire — {t}", "Journée d'étude : {t}"],
    "en": ["Training: {t}", "Workshop on {t}", "Conference: {t}", "Reading: a book on {t}",
           "Webinar — {t}", "Study day: {t}"],
}
CATEGORIES = ["ethics", "theory", "practice", "diversity", "risk", "research", "self_care",
              "assessment", "supervision_skills", "business"]
ACTIVITY_WEIGHTS = {
    "training": 20, "reading": 25, "webinar": 15, "conference": 5, "self_study": 10,
    "personal_therapy": 8, "professional_activity": 5, "supervision_given": 4,
    "mentor_coaching": 2, "client_practice": 3, "other": 3,
}
SECTION_WEIGHT = {
    "presenting": 1.2, "process": 1.6, "interventions": 1.0, "relationship": 0.6,
    "countertransference": 0.9, "hypotheses": 0.6, "ethics": 0.5, "plan": 0.5,
    "supervision_questions": 0.5, "private": 0.6,
}


def _prompt_ids() -> list[str]:
    path = resources.files("supervision_journal.resources") / "prompts" / "en.json"
    return [p["id"] for p in json.loads(path.read_text(encoding="utf-8"))["prompts"]]


def _pseudonyms(count: int) -> list[str]:
    out = list(PSEUDONYMS[:count])
    suffix = 2
    while len(out) < count:  # more clients than names: "Iris 2", "Orion 2"…
        out += [f"{p} {suffix}" for p in PSEUDONYMS[: count - len(out)]]
        suffix += 1
    assert not set(out) & set(NAMES), "pseudonyms must not collide with names in the notes"
    return out


class Practice:
    """One generated practice; ``doc`` is the interchange document."""

    def __init__(self, rng: random.Random, years: int) -> None:
        self.rng = rng
        self.start = END - timedelta(days=round(365.25 * years))
        self.writers = {lang: Writer(lang) for lang in LANGS}
        self.client_tags = Zipf(CLIENT_TAGS)
        self.session_tags = Zipf(SESSION_TAGS)
        self.clients: list[dict[str, Any]] = []
        self.spans: list[tuple[date, date, str]] = []  # per client: first day, last day, lang

    def text(self, lang: str, section: str, target: int) -> str:
        return self.writers[lang].paragraph(self.rng, section, target)

    def lang(self, client_lang: str) -> str:
        return self.rng.choice(LANGS) if client_lang == "mixed" else client_lang

    # -- clients ------------------------------------------------------------------------
    def make_clients(self, count: int) -> list[float]:
        """Create the clients; returns each one's share of the sessions."""
        rng = self.rng
        total_days = (END - self.start).days
        shares = []
        for pseudonym in _pseudonyms(count):
            lang = rng.choices(("fr", "en", "mixed"), weights=(55, 35, 10))[0]
            weeks = min(total_days // 7, max(6, round(rng.lognormvariate(4.3, 0.8))))
            first = self.start + timedelta(days=rng.randrange(total_days - 42))
            last = min(END, first + timedelta(weeks=weeks))
            weekly = rng.random() < 0.7
            shares.append((last - first).days * (1.0 if weekly else 0.5))
            closed = last < END - timedelta(days=60)
            client: dict[str, Any] = {
                "pseudonym": pseudonym, "started_on": first.isoformat(),
                "status": "closed" if closed else "active",
                "closed_on": last.isoformat() if closed else None,
                "tags": sorted({self.client_tags.pick(rng) for _ in range(rng.randint(0, 3))}),
            }
            if rng.random() < 0.4:
                client["identity"] = self.identity()
            if closed and rng.random() < 0.2:
                client["retention_years"] = rng.choice((5, 10, 20))
                client["retention_reason"] = "minor at intake" if rng.random() < 0.5 else \
                    "ongoing complaint"
            self.clients.append(client)
            self.spans.append((first, last, lang))
        return shares

    def identity(self) -> dict[str, Any]:
        rng = self.rng
        full = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        identifiers: list[Any] = [rng.choice(TOWNS)]
        if rng.random() < 0.6:
            identifiers.append(rng.choice(EMPLOYERS))
        if rng.random() < 0.4:
            identifiers.append({"term": f"{rng.choice(FIRST)} {full.split()[1]}",
                                "role": "partner"})
        return {"full_name": full, "aliases": [full.split()[0][:4]] if rng.random() < 0.3
                else [], "identifiers": identifiers}

    # -- sessions -----------------------------------------------------------------------
    def make_sessions(self, total: int, shares: Sequence[float]) -> list[dict[str, Any]]:
        rng = self.rng
        scale = total / sum(shares)
        counts = [int(s * scale) for s in shares]
        for i in sorted(range(len(shares)), key=lambda i: shares[i] * scale - counts[i],
                        reverse=True)[: total - sum(counts)]:
            counts[i] += 1
        planned: list[tuple[date, int]] = []
        for ci, n in enumerate(counts):
            first, last, _ = self.spans[ci]
            days = max(1, (last - first).days)
            step = days / max(1, n)
            for k in range(n):
                offset = min(days, max(0, round(k * step + rng.uniform(-0.3, 0.3) * step)))
                planned.append((first + timedelta(days=offset), ci))
        planned.sort()
        sessions = []
        for on, ci in planned:
            sessions.append(self.session(on, ci))
        return sessions

    def session(self, on: date, ci: int) -> dict[str, Any]:
        rng = self.rng
        lang = self.spans[ci][2]
        template = "standard" if rng.random() < 0.92 else "free"
        target = round(rng.triangular(MIN_NOTE_BYTES, MAX_NOTE_BYTES, 1900))
        if template == "free":
            keys = ["body"] + (["private"] if rng.random() < 0.3 else [])
            weights = [1.0, 0.3][: len(keys)]
        else:
            keys = [k for k, p in SECTION_USE.items() if rng.random() < p] or ["presenting"]
            weights = [SECTION_WEIGHT[k] for k in keys]
        sections = {}
        for key, weight in zip(keys, weights, strict=True):
            share = round(target * weight / sum(weights))
            source = "presenting" if key == "body" else key
            sections[key] = self.text(self.lang(lang), source, max(60, share))
        # Whole sentences undershoot the target a little: top up to at least 1 KB.
        while sum(len(t.encode("utf-8")) for t in sections.values()) < MIN_NOTE_BYTES:
            key = keys[0]
            source = "presenting" if key == "body" else key
            sections[key] += " " + self.writers[self.lang(lang)].sentence(rng, source)
        approved: list[str] = []
        if template == "standard" and rng.random() < 0.2:
            shareable = [k for k in sections if k != NEVER_SHARED]
            approved = rng.sample(shareable, min(len(shareable), rng.randint(1, 3)))
        return {
            "client": self.clients[ci]["pseudonym"], "date": on.isoformat(),
            "duration_minutes": rng.choices((50, 45, 60, 90, 30), weights=(70, 10, 12, 4, 4))[0],
            "modality": rng.choices(("in_person", "video", "phone"), weights=(65, 28, 7))[0],
            "template": template,
            "tags": sorted({self.session_tags.pick(rng) for _ in range(rng.choice((0, 0, 1, 2)))}),
            "sections": sections,
            "approved_for_supervision": approved,
        }

    def reflections(self, sessions: list[dict[str, Any]], count: int) -> list[dict[str, Any]]:
        rng = self.rng
        prompts = Zipf(_prompt_ids(), s=0.8)
        lang_of = {c["pseudonym"]: self.spans[i][2] for i, c in enumerate(self.clients)}
        # Index of each session among its client's sessions of the same day (file order).
        index: list[int] = []
        seen: dict[tuple[str, str], int] = {}
        for s in sessions:
            key = (s["client"], s["date"])
            seen[key] = seen.get(key, 0) + 1
            index.append(seen[key])
        out = []
        for i in sorted(rng.sample(range(len(sessions)), min(count, len(sessions)))):
            s = sessions[i]
            lang = self.lang(lang_of[s["client"]])
            item: dict[str, Any] = {
                "client": s["client"], "session_date": s["date"],
                "prompt_id": prompts.pick(rng),
                "text": self.text(lang, rng.choice(("countertransference", "hypotheses",
                                                     "private")), rng.randint(250, 1200)),
                "is_question": rng.random() < 0.1,
                "approved_for_supervision": rng.random() < 0.3,
            }
            if index[i] > 1:
                item["session_index"] = index[i]
            out.append(item)
        return out

    def supervisions(self) -> list[dict[str, Any]]:
        rng = self.rng
        out = []
        day = self.start + timedelta(days=rng.randrange(14))
        while day <= END:
            active = [self.clients[i]["pseudonym"] for i, (a, b, _) in enumerate(self.spans)
                      if a <= day <= b]
            fmt = rng.choices(("individual", "group", "peer"), weights=(60, 30, 10))[0]
            lang = rng.choice(LANGS)
            out.append({
                "date": day.isoformat(), "supervisor": rng.choice(SUPERVISORS), "format": fmt,
                "group_size": rng.randint(3, 8) if fmt == "group" else None,
                "modality": rng.choice(("in_person", "video")),
                "duration_minutes": 90 if fmt == "group" else rng.choice((60, 60, 90)),
                "cases": rng.sample(active, min(len(active), rng.randint(1, 3))),
                "questions": self.text(lang, "supervision_questions", rng.randint(150, 500)),
                "learning": self.text(lang, "hypotheses", rng.randint(200, 700)),
                "actions": self.text(lang, "plan", rng.randint(100, 400)),
            })
            day += timedelta(days=rng.choice((14, 14, 21, 28)))
        return out

    def activities(self, count: int) -> list[dict[str, Any]]:
        rng = self.rng
        kinds = [k for k in ACTIVITY_WEIGHTS if k in ACTIVITY_KINDS]
        weights = [ACTIVITY_WEIGHTS[k] for k in kinds]
        total_days = (END - self.start).days
        days = sorted(rng.randrange(total_days + 1) for _ in range(count))
        out = []
        for offset in days:
            kind = rng.choices(kinds, weights=weights)[0]
            lang = rng.choices(LANGS, weights=(60, 40))[0]
            topic = rng.choice(TOPICS[lang])
            item: dict[str, Any] = {
                "kind": kind, "date": (self.start + timedelta(days=offset)).isoformat(),
                "hours": rng.choice((0.5, 1.0, 1.5, 2.0, 3.0, 3.5, 6.0, 7.0, 14.0)),
                "title": rng.choice(TITLE_FORMS[lang]).format(t=topic),
                "provider": rng.choice(PROVIDERS),
                "format": rng.choice((None, "individual", "group")),
                "modality": rng.choice((None, "in_person", "online")),
                "accredited": rng.choice((None, True, False)),
                "categories": sorted(set(rng.sample(CATEGORIES, rng.randint(0, 3)))),
                "learning": self.text(lang, "hypotheses", rng.randint(100, 600)),
                "impact": self.text(lang, "plan", rng.randint(80, 400)),
            }
            if rng.random() < 0.02:
                blob = b"%PDF-1.4\n" + rng.randbytes(rng.randint(2_000, 30_000))
                item["evidence"] = [{"filename": f"certificate-{offset}.pdf",
                                     "mime": "application/pdf",
                                     "data_base64": base64.b64encode(blob).decode("ascii")}]
            out.append(item)
        return out


def generate(clients: int, sessions: int, activities: int, seed: int,
             years: int = 10) -> dict[str, Any]:
    practice = Practice(random.Random(seed), years)
    shares = practice.make_clients(clients)
    session_list = practice.make_sessions(sessions, shares)
    return {
        "format": interchange.FORMAT, "version": interchange.VERSION,
        "clients": practice.clients,
        "sessions": session_list,
        "reflections": practice.reflections(session_list, max(1, sessions // 10)),
        "supervision_sessions": practice.supervisions(),
        "activities": practice.activities(activities),
    }


def describe(doc: dict[str, Any]) -> dict[str, Any]:
    sizes = sorted(sum(len(t.encode("utf-8")) for t in s["sections"].values())
                   for s in doc["sessions"])
    dates = [s["date"] for s in doc["sessions"]]
    return {
        "clients": len(doc["clients"]),
        "clients_with_identity": sum(1 for c in doc["clients"] if c.get("identity")),
        "sessions": len(doc["sessions"]),
        "sections": sum(len(s["sections"]) for s in doc["sessions"]),
        "approved_sections": sum(len(s["approved_for_supervision"]) for s in doc["sessions"]),
        "reflections": len(doc["reflections"]),
        "supervision_sessions": len(doc["supervision_sessions"]),
        "activities": len(doc["activities"]),
        "note_bytes_min": sizes[0] if sizes else 0,
        "note_bytes_median": sizes[len(sizes) // 2] if sizes else 0,
        "note_bytes_max": sizes[-1] if sizes else 0,
        "note_bytes_total": sum(sizes),
        "first_date": min(dates) if dates else None,
        "last_date": max(dates) if dates else None,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=80)
    parser.add_argument("--sessions", type=int, default=20_000)
    parser.add_argument("--activities", type=int, default=2_000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.clients < 1 or args.sessions < 1 or args.activities < 0 or args.years < 1:
        parser.error("counts must be positive")
    t0 = time.perf_counter()
    doc = generate(args.clients, args.sessions, args.activities, args.seed, args.years)
    payload = interchange.dumps(doc)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(payload)
    elapsed = time.perf_counter() - t0
    stats = describe(doc)
    print(f"wrote {args.out} ({mib(len(payload)):.1f} MiB) in {elapsed:.1f} s")
    print(f"  {stats['clients']} clients ({stats['clients_with_identity']} with identity), "
          f"{stats['sessions']} sessions {stats['first_date']}..{stats['last_date']}, "
          f"{stats['sections']} sections ({stats['approved_sections']} approved)")
    print(f"  {stats['reflections']} reflections, {stats['supervision_sessions']} supervision "
          f"sessions, {stats['activities']} activities")
    print(f"  note size: min {stats['note_bytes_min']} B, median {stats['note_bytes_median']} B, "
          f"max {stats['note_bytes_max']} B, total {mib(stats['note_bytes_total']):.1f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
