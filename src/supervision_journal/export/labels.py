"""Words of the supervision export document in the two shipped languages (a document, not a
Qt screen: the screens use ``tr``). French typography: ’ and a no-break space before « : »."""

from __future__ import annotations

SECTIONS: dict[str, tuple[str, str]] = {  # key: (English, French)
    "presenting": ("What the client brought", "Ce que la personne a apporté"),
    "process": ("What happened", "Déroulement de la séance"),
    "interventions": ("My interventions, and why", "Mes interventions, et pourquoi"),
    "relationship": ("The relationship (transference)", "La relation (transfert)"),
    "countertransference": ("Countertransference", "Contre-transfert"),
    "hypotheses": ("Hypotheses", "Hypothèses"),
    "ethics": ("Ethics: boundaries, risk, scope", "Éthique\u00a0: cadre, risques, limites"),
    "plan": ("Plan", "Suite prévue"),
    "supervision_questions": ("Questions for supervision", "Questions pour la supervision"),
    "body": ("Notes", "Notes"),
}

WORDS: dict[str, tuple[str, str]] = {
    "title": ("Notes for supervision", "Notes pour la supervision"),
    "prepared_for": ("Prepared for %1", "Préparé pour %1"),
    "notice": ("Anonymised extract: only what the practitioner approved. Names, places, dates "
               "and contact details were replaced by the words in brackets.",
               "Extrait anonymisé\u00a0: seulement ce que le praticien a approuvé. Les noms, "
               "lieux, dates et coordonnées ont été remplacés par les mots entre crochets."),
    "session": ("Session %1", "Séance %1"),
    "week": ("week %1 of the work", "semaine %1 de l’accompagnement"),
    "reflection": ("Reflection", "Réflexion"),
    "client_reflections": ("Reflections", "Réflexions"),
    "case_presentation": ("Case presentation", "Présentation de cas"),
    "footer": ("Confidential — for supervision", "Confidentiel — pour la supervision"),
}


def _pick(pair: tuple[str, str], language: str) -> str:
    return pair[1 if language.startswith("fr") else 0]


def word(key: str, language: str, *args: object) -> str:
    text = _pick(WORDS[key], language)
    for i, arg in enumerate(args, start=1):
        text = text.replace(f"%{i}", str(arg))
    return text


def section_title(key: str, language: str) -> str:
    return _pick(SECTIONS.get(key, (key, key)), language)
