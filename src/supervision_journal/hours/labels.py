"""Words of the hours documents (renewal report) in the two shipped languages.

The report is a document, not a Qt screen, so its words live here rather than in the Qt
catalogue; the screens translate the same kinds with ``tr``. French follows the catalogue's
typography: ’ for the apostrophe and a no-break space (U+00A0) before « : ; ! ? » and inside
« », spelt ``\u00a0`` here so that it cannot be lost by an editor.
"""

from __future__ import annotations

from datetime import date

NBSP = "\u00a0"

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
    "requirements": ("Requirements", "Exigences"),
    "requirement": ("Requirement", "Exigence"),
    "claimable": ("Counted", "Comptabilisé"),
    "needed": ("Needed", "Requis"),
    "status": ("Status", "État"),
    "met": ("met", "atteint"),
    "not_met": ("not met", "non atteint"),
    "no_figure": ("no figure set", "pas de seuil fixé"),
    "shortfalls": ("Periods that fall short", "Périodes en deçà"),
    # French without "comptabilisé(es)": the amount may be hours, activities or a body's unit,
    # so no participle could agree with all of them.
    "shortfall_line": ("%1: %2 counted, %3 needed", "%1\u00a0: %2 pour un minimum de %3"),
    "activities": ("Activities", "Activités"),
    "date": ("Date", "Date"),
    "kind": ("Kind", "Type"),
    "duration": ("Hours", "Heures"),
    "details": ("Title, provider or supervisor", "Intitulé, organisme ou superviseur"),
    "categories": ("Categories", "Catégories"),
    "learning": ("What I learned", "Ce que j’ai appris"),
    "impact": ("Impact on my practice", "Effet sur ma pratique"),
    "source": ("Rules: %1, figures checked on %2 (%3).",
               "Règles\u00a0: %1, chiffres vérifiés le %2 (%3)."),
    "signature": ("Signature", "Signature"),
    "no_activities": ("No activity in this cycle.", "Aucune activité dans ce cycle."),
    "from_notes": ("from session notes", "d’après les notes de séance"),
}

# Words with a count: per language (singular, plural, which %-argument decides between them).
# English is singular for 1 only, French for 0 and 1 (see ``singular``).
COUNTED: dict[str, tuple[tuple[str, str, int], tuple[str, str, int]]] = {
    "days_left": (("%1 day left in the cycle", "%1 days left in the cycle", 1),
                  ("%1 jour restant dans le cycle", "%1 jours restants dans le cycle", 1)),
    # English agrees with the periods judged (%2), French with the periods short (%1).
    "not_met_periods": (("not met: %1 of %2 period short", "not met: %1 of %2 periods short", 2),
                        ("non atteint\u00a0: %1 période sur %2 en deçà",
                         "non atteint\u00a0: %1 périodes sur %2 en deçà", 1)),
    "unsized": (("%1 group or peer supervision has no group size and counts for nothing "
                 "until its size is filled in.",
                 "%1 group or peer supervisions have no group size and count for nothing "
                 "until their size is filled in.", 1),
                ("%1 supervision de groupe ou entre pairs n’a pas de taille de groupe et ne "
                 "compte pas tant que celle-ci n’est pas renseignée.",
                 "%1 supervisions de groupe ou entre pairs n’ont pas de taille de groupe et ne "
                 "comptent pas tant que celle-ci n’est pas renseignée.", 1)),
    "activity_count": (("%1 activity", "%1 activities", 1), ("%1 activité", "%1 activités", 1)),
}


MONTHS: tuple[tuple[str, str], ...] = (
    ("January", "janvier"), ("February", "février"), ("March", "mars"), ("April", "avril"),
    ("May", "mai"), ("June", "juin"), ("July", "juillet"), ("August", "août"),
    ("September", "septembre"), ("October", "octobre"), ("November", "novembre"),
    ("December", "décembre"))


def long_date(day: date, language: str) -> str:
    """A date for people: "1 January 2026", "1er janvier 2026" (reports; CSV keeps ISO)."""
    if language.startswith("fr"):
        number = "1er" if day.day == 1 else str(day.day)
        return f"{number} {MONTHS[day.month - 1][1]} {day.year}"
    return f"{day.day} {MONTHS[day.month - 1][0]} {day.year}"


def period_words(label: str, language: str) -> str:
    """A period label of the engine ("2026-10", "2026-Q4", "2026", "2027-03-01/2028-02-29") in
    words: "October 2026", "Q4 2026" ("T4 2026" in French), "2026", "from … to …"."""
    french = language.startswith("fr")
    if "/" in label:
        first, last = label.split("/", 1)
        return word("from_to", language, long_date(date.fromisoformat(first), language),
                    long_date(date.fromisoformat(last), language))
    if "-Q" in label:
        year, quarter = label.split("-Q", 1)
        return f"{'T' if french else 'Q'}{quarter} {year}"
    if len(label) == 7 and label[4] == "-" and label[5:].isdigit():
        return f"{MONTHS[int(label[5:]) - 1][1 if french else 0]} {label[:4]}"
    return label


def _fill(text: str, args: tuple[object, ...]) -> str:
    for i, arg in enumerate(args, start=1):
        text = text.replace(f"%{i}", str(arg))
    return text


def word(key: str, language: str, *args: object) -> str:
    return _fill(WORDS[key][1 if language.startswith("fr") else 0], args)


def singular(count: float, language: str) -> bool:
    """Whether ``count`` takes the singular: 1 in English; 0 and 1 in French, where the
    singular goes on below 2 ("1,5 heure")."""
    return count < 2 if language.startswith("fr") else count == 1


def plural(count: float, language: str, one: str, other: str) -> str:
    """``one`` or ``other``, whichever ``count`` takes in ``language``."""
    return one if singular(count, language) else other


def counted(key: str, language: str, *args: float) -> str:
    """A ``COUNTED`` phrase in the form its deciding count takes, the counts put in."""
    one, other, decides = COUNTED[key][1 if language.startswith("fr") else 0]
    return _fill(plural(args[decides - 1], language, one, other), tuple(f"{n:g}" for n in args))


def colon(language: str) -> str:
    """The colon after a label: "Date: " in English, "Date : " (no-break space) in French."""
    return f"{NBSP}: " if language.startswith("fr") else ": "


def kind_label(kind: str, language: str) -> str:
    pair = KINDS.get(kind, (kind, kind))
    return pair[1 if language.startswith("fr") else 0]
