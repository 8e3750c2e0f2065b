"""Words of the hours documents (renewal report) in the two shipped languages.

The report is a document, not a Qt screen, so its words live here rather than in the Qt
catalogue; the screens translate the same kinds with ``tr``.
"""

from __future__ import annotations

KINDS: dict[str, tuple[str, str]] = {  # kind: (English, French)
    "supervision": ("Supervision received", "Supervision reçue"),
    "supervision_given": ("Supervision given", "Supervision donnée"),
    "mentor_coaching": ("Mentor coaching", "Mentorat (coaching)"),
    "training": ("Training, course, workshop", "Formation, cours, atelier"),
    "conference": ("Conference", "Conférence, colloque"),
    "webinar": ("Webinar", "Webinaire"),
    "reading": ("Reading", "Lecture"),
    "self_study": ("Self-study", "Travail personnel"),
    "personal_therapy": ("Personal therapy", "Thérapie personnelle"),
    "professional_activity": ("Professional activity", "Activité professionnelle"),
    "client_practice": ("Client practice", "Pratique clinique"),
    "break": ("Break in practice", "Interruption de pratique"),
    "other": ("Other", "Autre"),
}

WORDS: dict[str, tuple[str, str]] = {
    "title": ("Renewal report", "Rapport de renouvellement"),
    "cycle": ("Cycle", "Cycle"),
    "from_to": ("from %1 to %2", "du %1 au %2"),
    "generated": ("Prepared on %1", "Établi le %1"),
    "days_left": ("%1 days left in the cycle", "%1 jours restants dans le cycle"),
    "requirements": ("Requirements", "Exigences"),
    "requirement": ("Requirement", "Exigence"),
    "claimable": ("Counted", "Comptabilisé"),
    "needed": ("Needed", "Requis"),
    "status": ("Status", "État"),
    "met": ("met", "atteint"),
    "not_met": ("not met", "non atteint"),
    "not_met_periods": ("not met: %1 of %2 periods short",
                        "non atteint : %1 période(s) sur %2 en deçà"),
    "no_figure": ("no figure set", "pas de seuil fixé"),
    "shortfalls": ("Periods that fall short", "Périodes en deçà"),
    "shortfall_line": ("%1: %2 counted, %3 needed", "%1 : %2 comptabilisé(es), %3 requis(es)"),
    "activities": ("Activities", "Activités"),
    "date": ("Date", "Date"),
    "kind": ("Kind", "Type"),
    "duration": ("Hours", "Heures"),
    "details": ("Title, provider or supervisor", "Intitulé, organisme ou superviseur"),
    "categories": ("Categories", "Catégories"),
    "learning": ("What I learned", "Ce que j'ai appris"),
    "impact": ("Impact on my practice", "Effet sur ma pratique"),
    "source": ("Rules: %1, figures checked on %2 (%3).",
               "Règles : %1, chiffres vérifiés le %2 (%3)."),
    "signature": ("Signature", "Signature"),
    "no_activities": ("No activity in this cycle.", "Aucune activité dans ce cycle."),
    "from_notes": ("from session notes", "d'après les notes de séance"),
    "unsized": ("%1 group or peer supervision(s) have no group size and count for nothing "
                "until it is filled in.",
                "%1 supervision(s) de groupe ou entre pairs sans taille de groupe ne comptent "
                "pas tant qu'elle n'est pas renseignée."),
}


MONTHS: tuple[tuple[str, str], ...] = (
    ("January", "janvier"), ("February", "février"), ("March", "mars"), ("April", "avril"),
    ("May", "mai"), ("June", "juin"), ("July", "juillet"), ("August", "août"),
    ("September", "septembre"), ("October", "octobre"), ("November", "novembre"),
    ("December", "décembre"))


def period_words(label: str, language: str) -> str:
    """A period label of the engine ("2026-10", "2026-Q4", "2026", "2027-03-01/2028-02-29") in
    words: "October 2026", "Q4 2026" ("T4 2026" in French), "2026", "from … to …"."""
    french = language.startswith("fr")
    if "/" in label:
        first, last = label.split("/", 1)
        return word("from_to", language, first, last)
    if "-Q" in label:
        year, quarter = label.split("-Q", 1)
        return f"{'T' if french else 'Q'}{quarter} {year}"
    if len(label) == 7 and label[4] == "-" and label[5:].isdigit():
        return f"{MONTHS[int(label[5:]) - 1][1 if french else 0]} {label[:4]}"
    return label


def word(key: str, language: str, *args: object) -> str:
    text = WORDS[key][1 if language.startswith("fr") else 0]
    for i, arg in enumerate(args, start=1):
        text = text.replace(f"%{i}", str(arg))
    return text


def kind_label(kind: str, language: str) -> str:
    pair = KINDS.get(kind, (kind, kind))
    return pair[1 if language.startswith("fr") else 0]
