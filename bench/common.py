"""Shared pieces of the benchmarks: the clinical vocabulary (French and English) that
generate.py writes notes from and vault.py draws search queries from, and small statistics
helpers. Everything random goes through a seeded ``random.Random`` so runs are reproducible.

The word lists are ordered roughly by how often a practitioner would write them; picks are
Zipf-weighted (weight 1/rank), which gives the long-tailed vocabulary of real notes rather than
the flat distribution of lorem ipsum.
"""

from __future__ import annotations

import itertools
import random
import re
import statistics
from collections.abc import Sequence
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
LANGS = ("fr", "en")


# -- vocabulary ---------------------------------------------------------------------------
# Slots shared by the sentence templates below. Each list is ordered most → least common.

SLOTS: dict[str, dict[str, list[str]]] = {
    "fr": {
        "feel": [
            "de l'angoisse", "de la tristesse", "de la colère", "de la honte", "de la culpabilité",
            "du soulagement", "de l'irritation", "de la fatigue", "de l'impuissance",
            "de la peur", "de la frustration", "un sentiment de vide", "de la solitude",
            "de la confusion", "de l'espoir", "de la déception", "de l'ennui", "de la tendresse",
            "de la jalousie", "du mépris", "de l'envie", "de l'apaisement", "de la rancœur",
            "une inquiétude diffuse", "de l'agacement", "de la nostalgie", "de l'abattement",
            "une forme d'engourdissement", "de la méfiance", "de la gratitude",
            "un malaise persistant", "de la détresse", "de l'appréhension", "de l'amertume",
        ],
        "theme": [
            "la relation avec sa mère", "le stress au travail", "la séparation",
            "le deuil de son père", "les troubles du sommeil", "les crises d'angoisse",
            "l'épuisement professionnel", "le déménagement", "le conflit avec sa responsable",
            "la naissance du deuxième enfant", "la consommation d'alcool", "l'estime de soi",
            "la peur de l'abandon", "les ruminations nocturnes", "le perfectionnisme",
            "la rupture amoureuse", "le retour au travail après l'arrêt maladie",
            "les difficultés de couple", "la maladie de sa sœur", "le harcèlement au bureau",
            "les attaques de panique dans les transports", "la procrastination",
            "le sentiment d'imposture", "l'isolement social", "les relations avec la fratrie",
            "la colère contre le père", "la reprise des études", "les troubles alimentaires",
            "les pensées intrusives", "le licenciement", "la parentalité", "la retraite",
            "la fausse couche", "l'infertilité", "le divorce des parents",
            "le souvenir de l'accident", "la violence conjugale passée", "la dépendance affective",
            "les conflits avec l'adolescent", "le burn-out de l'an dernier",
            "la honte liée au corps", "les cauchemars récurrents", "le choix d'orientation",
        ],
        "person": [
            "sa mère", "son père", "son compagnon", "sa compagne", "sa sœur", "son frère",
            "sa responsable", "un collègue", "ses enfants", "son ex-mari", "son médecin traitant",
            "sa grand-mère", "son fils aîné", "sa fille", "son meilleur ami", "la psychiatre",
            "son beau-père", "une amie d'enfance", "son associé", "l'infirmière scolaire",
        ],
        "body": [
            "une gorge serrée", "une lourdeur dans la poitrine", "des tensions dans les épaules",
            "des bâillements répétés", "une agitation des jambes", "une chaleur au visage",
            "un nœud à l'estomac", "une envie de dormir soudaine", "les mains moites",
            "une respiration courte", "une raideur dans la nuque",
            "un mal de tête en fin de séance",
        ],
        "interv": [
            "reformulé", "nommé l'émotion", "exploré le lien avec l'enfance",
            "proposé un exercice d'ancrage", "travaillé la restructuration cognitive",
            "fait une psychoéducation sur l'anxiété", "respecté le silence",
            "proposé une interprétation prudente", "résumé les thèmes de la séance",
            "normalisé la réaction", "proposé un exercice à faire chez soi",
            "utilisé la technique de la chaise vide", "exploré les ressources disponibles",
            "validé la difficulté", "travaillé sur la respiration", "revu les objectifs",
            "évalué le risque suicidaire", "proposé une ligne de vie", "questionné les croyances",
            "exploré les exceptions", "mis en évidence une contradiction",
            "fait le lien avec la séance précédente", "proposé un jeu de rôle",
        ],
        "process": [
            "est arrivée en retard", "a changé de sujet", "a beaucoup plaisanté",
            "est restée silencieuse longtemps", "a pleuré", "évitait mon regard",
            "a parlé très vite", "semblait détachée", "a intellectualisé", "s'est mise en colère",
            "a minimisé les faits", "a demandé mon avis à plusieurs reprises",
            "a évoqué l'arrêt de la thérapie", "semblait plus présente que d'habitude",
            "a ri au moment le plus douloureux", "a regardé l'horloge",
            "a répété plusieurs fois la même phrase", "s'est excusée de prendre de la place",
        ],
        "hypo": [
            "un attachement anxieux", "un deuil non résolu", "une parentification précoce",
            "une peur de l'abandon", "un perfectionnisme défensif", "un clivage",
            "une loyauté familiale invisible", "un traumatisme complexe",
            "une dépression masquée", "une répétition du lien au père",
            "une difficulté à se séparer", "un besoin de contrôle", "une identification à la mère",
            "un évitement de l'affect", "une honte ancienne",
        ],
        "plan": [
            "poursuivre au rythme hebdomadaire", "revoir les objectifs dans un mois",
            "revenir sur le deuil", "proposer un bilan avec le médecin", "espacer les séances",
            "explorer les relations au travail", "préparer la fin de la thérapie",
            "envisager une orientation vers un psychiatre", "travailler l'affirmation de soi",
            "reprendre le génogramme", "suivre l'évolution du sommeil",
        ],
        "ethics": [
            "la confidentialité", "une double relation", "un cadeau offert en fin de séance",
            "les contacts en dehors des séances", "le signalement", "l'évaluation du risque",
            "la durée de conservation des notes", "le changement de tarif",
            "une demande d'attestation", "la rencontre fortuite au supermarché",
            "les limites de ma compétence", "le consentement à l'enregistrement",
        ],
        "when": [
            "en évoquant", "quand nous avons abordé", "en revenant sur",
            "quand elle a évoqué", "en abordant", "au moment d'aborder",
        ],
        "detail": [
            "les vacances en Bretagne", "le jardin de ses grands-parents", "la piscine du quartier",
            "un voyage à Lisbonne", "le club de randonnée", "les cours de piano", "le chien",
            "la maison de campagne", "un concert annulé", "le mariage de sa cousine",
            "les repas du dimanche", "la chorale", "le potager", "une dispute au téléphone",
            "le trajet en voiture", "les devoirs des enfants", "le colocataire",
            "la salle de sport",
            "un rêve de la nuit dernière", "un film vu ce week-end", "la lecture du soir",
            "le marché du samedi", "les réseaux sociaux", "un entretien d'embauche",
            "la fête d'anniversaire", "les travaux dans l'appartement", "le crédit immobilier",
            "la vieille voiture", "un accident de vélo", "les photos de famille",
            "le cimetière", "l'hôpital", "la maternité", "l'école primaire", "le lycée",
            "le service de comptabilité", "la réunion d'équipe", "le télétravail",
            "la cantine", "les courses", "le ménage", "la lessive", "le bricolage",
            "la peinture", "la poterie", "le yoga", "la méditation", "la course à pied",
            "le football", "les jeux vidéo", "les séries", "la cuisine", "la pâtisserie",
            "le vin", "le tabac", "le cannabis", "les somnifères", "les anxiolytiques",
            "l'ostéopathe", "le dentiste", "le notaire", "l'avocat", "la banque",
            "les impôts", "la mutuelle", "le chômage", "la formation", "le concours",
            "le permis de conduire", "le train de nuit", "l'aéroport", "la montagne", "la mer",
            "la neige", "la pluie", "l'orage", "la canicule", "Noël", "la Toussaint",
            "les grandes vacances", "la rentrée", "le printemps", "l'automne",
        ],
        "name": [],
        "adv": [
            "un peu", "très", "assez", "de plus en plus", "nettement", "à peine", "vraiment",
            "étonnamment", "profondément", "légèrement",
        ],
    },
    "en": {
        "feel": [
            "anxiety", "sadness", "anger", "shame", "guilt", "relief", "irritation", "tiredness",
            "helplessness", "fear", "frustration", "emptiness", "loneliness", "confusion",
            "hope", "disappointment", "boredom", "tenderness", "jealousy", "contempt", "envy",
            "calm", "resentment", "a vague unease", "annoyance", "nostalgia", "despondency",
            "numbness", "mistrust", "gratitude", "dread", "distress", "apprehension",
            "bitterness",
        ],
        "theme": [
            "the relationship with her mother", "stress at work", "the separation",
            "grief after his father's death", "sleep problems", "panic attacks", "burnout",
            "the move", "the conflict with her manager", "the birth of the second child",
            "drinking", "self-esteem", "fear of abandonment", "night-time rumination",
            "perfectionism", "the break-up", "going back to work after sick leave",
            "difficulties in the couple", "her sister's illness", "bullying at the office",
            "panic on public transport", "procrastination", "impostor feelings",
            "social isolation", "sibling relationships", "anger at the father",
            "going back to university", "disordered eating", "intrusive thoughts",
            "the redundancy", "parenting", "retirement", "the miscarriage", "infertility",
            "the parents' divorce", "memories of the accident", "past domestic violence",
            "emotional dependency", "conflicts with the teenager", "last year's burnout",
            "body shame", "recurring nightmares", "career choices",
        ],
        "person": [
            "her mother", "his father", "her partner", "his partner", "her sister",
            "his brother", "her manager", "a colleague", "the children", "her ex-husband",
            "the GP", "her grandmother", "his eldest son", "her daughter", "his best friend",
            "the psychiatrist", "her stepfather", "a childhood friend", "his business partner",
            "the school nurse",
        ],
        "body": [
            "a tight throat", "heaviness in my chest", "tension in my shoulders",
            "repeated yawning", "restless legs", "heat in my face", "a knot in my stomach",
            "sudden sleepiness", "sweaty palms", "shallow breathing", "a stiff neck",
            "a headache by the end of the session",
        ],
        "interv": [
            "reflected back", "named the feeling", "explored the link with childhood",
            "offered a grounding exercise", "worked on cognitive restructuring",
            "gave some psychoeducation about anxiety", "stayed with the silence",
            "offered a tentative interpretation", "summarised the themes of the session",
            "normalised the reaction", "suggested homework", "used empty chair work",
            "explored available resources", "validated the difficulty",
            "worked on breathing", "reviewed the goals", "assessed suicide risk",
            "proposed a timeline exercise", "questioned the beliefs", "looked for exceptions",
            "pointed out a contradiction", "linked it to the previous session",
            "suggested a role play",
        ],
        "process": [
            "arrived late", "changed the subject", "joked a lot", "was silent for a long time",
            "cried", "avoided eye contact", "spoke very fast", "seemed detached",
            "intellectualised", "got angry", "played down what happened",
            "asked for my opinion several times", "mentioned stopping therapy",
            "seemed more present than usual", "laughed at the most painful moment",
            "looked at the clock", "repeated the same sentence several times",
            "apologised for taking up space",
        ],
        "hypo": [
            "an anxious attachment", "unresolved grief", "early parentification",
            "a fear of abandonment", "defensive perfectionism", "splitting",
            "an invisible family loyalty", "complex trauma", "masked depression",
            "a repetition of the bond with the father", "difficulty separating",
            "a need for control", "an identification with the mother", "avoidance of affect",
            "an old shame",
        ],
        "plan": [
            "continue weekly", "review the goals in a month", "come back to the grief",
            "suggest a check-up with the GP", "space out the sessions",
            "explore relationships at work", "prepare the ending",
            "consider a psychiatric referral",
            "work on assertiveness", "return to the genogram", "keep track of sleep",
        ],
        "ethics": [
            "confidentiality", "a dual relationship", "a gift offered at the end of a session",
            "contact between sessions", "a safeguarding referral", "risk assessment",
            "how long notes are kept", "the fee increase", "a request for a letter",
            "meeting by chance at the supermarket", "the limits of my competence",
            "consent to recording",
        ],
        "when": [
            "when we talked about", "while talking about", "when it came to",
            "as we returned to", "when she mentioned", "as we touched on",
        ],
        "detail": [
            "the holiday in Cornwall", "her grandparents' garden", "the local swimming pool",
            "a trip to Lisbon", "the walking club", "piano lessons", "the dog",
            "the cottage", "a cancelled concert", "her cousin's wedding", "Sunday lunches",
            "the choir", "the allotment", "an argument on the phone", "the drive to work",
            "the children's homework", "the flatmate", "the gym",
            "a dream from last night", "a film she saw at the weekend", "reading at night",
            "the Saturday market", "social media", "a job interview", "the birthday party",
            "the building work in the flat", "the mortgage", "the old car", "a cycling accident",
            "family photographs", "the cemetery", "the hospital", "the maternity ward",
            "primary school", "secondary school", "the accounts department", "the team meeting",
            "working from home", "the canteen", "shopping", "housework", "laundry",
            "odd jobs", "painting", "pottery", "yoga", "meditation", "running", "football",
            "video games", "box sets", "cooking", "baking", "wine", "smoking", "cannabis",
            "sleeping pills", "anxiolytics", "the osteopath", "the dentist", "the solicitor",
            "the bank", "taxes", "insurance", "unemployment", "the training course",
            "the exam", "the driving test", "the night train", "the airport", "the mountains",
            "the seaside", "snow", "rain", "the storm", "the heatwave", "Christmas", "Easter",
            "the summer holidays", "the start of term", "spring", "autumn",
        ],
        "name": [],
        "adv": [
            "a little", "very", "quite", "increasingly", "clearly", "barely", "really",
            "surprisingly", "deeply", "slightly",
        ],
    },
}

# First names of people in clients' lives (never a client's pseudonym: see generate.py).
NAMES = [
    "Karim", "Sophie", "Thomas", "Léa", "Julien", "Camille", "Nicolas", "Emma", "Antoine",
    "Chloé", "Mehdi", "Sarah", "Lucas", "Manon", "Hugo", "Inès", "Maxime", "Jade", "Youssef",
    "Laura", "David", "Claire", "Pierre", "Anne", "Paul", "Marie", "James", "Olivia", "Tom",
    "Emily", "Jack", "Grace", "Daniel", "Hannah", "Samuel", "Lucy", "Ben", "Ruth", "Omar",
    "Fatima", "Ivan", "Nadia", "Kofi", "Aisha", "Mateo", "Lina", "Bruno", "Agnès", "Yves",
    "Hélène", "Gérard", "Sylvie", "Patrick", "Nathalie", "Eric", "Valérie", "Alain", "Joëlle",
]
for _lang in SLOTS:
    SLOTS[_lang]["name"] = NAMES

# Sentence templates per section of the standard template (design.md §3).
TEMPLATES: dict[str, dict[str, list[str]]] = {
    "fr": {
        "presenting": [
            "Vient pour {theme}.", "Parle surtout de {theme} cette semaine.",
            "Évoque {theme} et {theme}.", "Rapporte {feel} en lien avec {theme}.",
            "Décrit une semaine difficile avec {person}.",
            "Revient sur {theme} qui occupe toute sa pensée.",
            "Dit ressentir {feel} depuis la dernière séance.",
            "La demande reste centrée sur {theme}.",
            "Évoque aussi {detail}.", "Raconte {detail} avec {name}.",
            "Parle de {name} et de {detail}.",
        ],
        "process": [
            "{when} {theme}, elle {process}.", "Elle {process} {when} {theme}.",
            "La cliente {process}, puis {process}.",
            "La cliente {process} ; ambiance {adv} lourde.",
            "Je remarque qu'elle {process} chaque fois qu'il est question de {person}.",
            "Séance {adv} dense : la cliente {process}.",
            "{when} {person}, le ton change et elle {process}.",
            "Elle parle longuement de {detail} ; je note qu'elle {process}.",
            "{when} {name}, elle {process}.",
        ],
        "interventions": [
            "J'ai {interv}.", "J'ai {interv}, puis j'ai {interv}.",
            "{when} {theme}, j'ai {interv}.", "J'ai {interv} ; la cliente a semblé soulagée.",
            "J'ai {interv} sans grand effet.", "Nous avons {interv} autour de {theme}.",
        ],
        "relationship": [
            "L'alliance semble {adv} solide.", "Je sens une distance inhabituelle aujourd'hui.",
            "Elle me met dans la position de {person}.",
            "Le lien s'est {adv} resserré depuis que nous parlons de {theme}.",
            "Il teste le cadre : retards, demandes de changement d'horaire.",
            "Rupture d'alliance possible {when} {theme} ; à réparer.",
        ],
        "countertransference": [
            "J'ai ressenti {feel} {when} {theme}.", "Je remarque {body} {when} {person}.",
            "Je me surprends à vouloir la sauver.", "Je ressens {feel} face à lui, {adv} présente.",
            "Elle me rappelle {person} ; {feel} chez moi.",
            "J'ai eu {body} et {feel} pendant toute la séance.",
            "Envie de conseiller plutôt que d'écouter : à surveiller.",
        ],
        "hypotheses": [
            "Hypothèse : {hypo} derrière {theme}.", "Peut-être {hypo}, en lien avec {person}.",
            "Je me demande s'il s'agit de {hypo} ou de {hypo}.",
            "Le tableau évoque {hypo} plus que {hypo}.",
        ],
        "ethics": [
            "Question de {ethics} à clarifier.", "Point éthique : {ethics}.",
            "Je m'interroge sur {ethics} dans cette situation.",
            "À discuter : {ethics} et {ethics}.",
        ],
        "plan": [
            "Prochaine séance : {plan}.", "Plan : {plan} et {plan}.",
            "Je propose de {plan}.", "Nous convenons de {plan}.",
        ],
        "supervision_questions": [
            "Comment travailler {theme} sans renforcer {hypo} ?",
            "Que faire de ce que je ressens avec ce client ({feel}) ?",
            "Est-ce le moment de {plan} ?", "Comment aborder {ethics} avec elle ?",
        ],
        "private": [
            "Note pour moi : {feel} après cette séance, je suis {adv} fatiguée.",
            "Penser à relire mes notes sur {theme}.",
            "Cette séance fait écho à {theme} chez moi.",
            "Je dois en parler en thérapie personnelle : {feel}.",
        ],
    },
    "en": {
        "presenting": [
            "Came in to talk about {theme}.", "Mostly spoke about {theme} this week.",
            "Brought up {theme} and {theme}.", "Reports {feel} about {theme}.",
            "Describes a difficult week with {person}.",
            "Came back to {theme}, which is on her mind constantly.",
            "Says she has felt {feel} since the last session.",
            "The request is still centred on {theme}.",
            "Also mentioned {detail}.", "Told me about {detail} with {name}.",
            "Talked about {name} and {detail}.",
        ],
        "process": [
            "{when} {theme}, she {process}.", "He {process} {when} {theme}.",
            "The client {process}, then {process}.",
            "The client {process}; the atmosphere was {adv} heavy.",
            "I notice that she {process} whenever {person} comes up.",
            "A {adv} dense session: the client {process}.",
            "{when} {person}, the tone changed and she {process}.",
            "She talked at length about {detail}; I noticed she {process}.",
            "{when} {name}, she {process}.",
        ],
        "interventions": [
            "I {interv}.", "I {interv}, then I {interv}.", "{when} {theme}, I {interv}.",
            "I {interv}; the client seemed relieved.", "I {interv} without much effect.",
            "We {interv} around {theme}.",
        ],
        "relationship": [
            "The alliance feels {adv} solid.", "I sense an unusual distance today.",
            "She puts me in the position of {person}.",
            "The bond has become {adv} closer since we started on {theme}.",
            "He is testing the frame: late arrivals, requests to change the time.",
            "Possible rupture in the alliance {when} {theme}; needs repair.",
        ],
        "countertransference": [
            "I felt {feel} {when} {theme}.", "I notice {body} {when} {person}.",
            "I catch myself wanting to rescue her.",
            "I notice {feel} in me with him, {adv} strong.",
            "She reminds me of {person}; {feel} in me.",
            "I had {body} and {feel} throughout the session.",
            "An urge to advise rather than listen: keep an eye on it.",
        ],
        "hypotheses": [
            "Hypothesis: {hypo} behind {theme}.", "Perhaps {hypo}, linked to {person}.",
            "I wonder whether this is {hypo} or {hypo}.",
            "The picture suggests {hypo} more than {hypo}.",
        ],
        "ethics": [
            "A question of {ethics} to clarify.", "Ethical point: {ethics}.",
            "I am unsure about {ethics} in this situation.", "To discuss: {ethics} and {ethics}.",
        ],
        "plan": [
            "Next session: {plan}.", "Plan: {plan} and {plan}.", "I suggested we {plan}.",
            "We agreed to {plan}.",
        ],
        "supervision_questions": [
            "How can I work on {theme} without reinforcing {hypo}?",
            "What do I do with what I feel with this client ({feel})?",
            "Is it time to {plan}?", "How do I raise {ethics} with her?",
        ],
        "private": [
            "Note to self: {feel} after this session, I am {adv} tired.",
            "Remember to reread my notes on {theme}.",
            "This session echoes {theme} in my own life.",
            "Take this to my own therapy: {feel}.",
        ],
    },
}

# How often each section of the standard template is filled in (a note rarely has them all).
SECTION_USE: dict[str, float] = {
    "presenting": 0.95, "process": 0.9, "interventions": 0.8, "relationship": 0.45,
    "countertransference": 0.6, "hypotheses": 0.4, "ethics": 0.08, "plan": 0.75,
    "supervision_questions": 0.15, "private": 0.3,
}

_STOP_TEXT = (
    "the and with about after that this then when what how have been from into over more "
    "than them they their there were while whenever which will would your ours "
    "avec dans pour plus que qui une des les aux sur sans chez elle lui leur mais puis "
    "depuis cette tout toute entre après avant comme quand"
)
STOPWORDS = frozenset(_STOP_TEXT.split())
_TOKEN = re.compile(r"\w+", re.UNICODE)


class Zipf:
    """Pick items with weight 1/rank (the first item is the most common)."""

    def __init__(self, items: Sequence[str], s: float = 1.0) -> None:
        self.items = list(items)
        self.cum = list(itertools.accumulate(1.0 / (i + 1) ** s for i in range(len(items))))

    def pick(self, rng: random.Random) -> str:
        return rng.choices(self.items, cum_weights=self.cum)[0]


# French contractions the slot filling breaks ("de le deuil" → "du deuil").
_FR_FIXES = [(re.compile(rf"\b{a}\b"), b) for a, b in (
    ("de le", "du"), ("de les", "des"), ("à le", "au"), ("à les", "aux"))] + [
    (re.compile(r"\b(d|qu)e (?=[AEIOUYÉÈÊaeiouyéèê])"), r"\1'")]


def _fix_french(text: str) -> str:
    for pattern, repl in _FR_FIXES:
        text = pattern.sub(repl, text)
    return text


class Writer:
    """Fills sentence templates for one language; keeps the Zipf tables built once."""

    _SLOT = re.compile(r"\{(\w+)\}")

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.slots = {k: Zipf(v) for k, v in SLOTS[lang].items()}
        self.templates = {k: Zipf(v, s=0.7) for k, v in TEMPLATES[lang].items()}

    def sentence(self, rng: random.Random, section: str) -> str:
        template = self.templates[section].pick(rng)
        text = self._SLOT.sub(lambda m: self.slots[m.group(1)].pick(rng), template)
        if self.lang == "fr" and ("de " in text or "à " in text or "que " in text):
            text = _fix_french(text)
        return text[0].upper() + text[1:]

    def paragraph(self, rng: random.Random, section: str, target_bytes: int) -> str:
        """Sentences up to about ``target_bytes`` (UTF-8), never fewer than one."""
        parts = [self.sentence(rng, section)]
        size = len(parts[0].encode("utf-8"))
        while True:
            sentence = self.sentence(rng, section)
            grown = size + 1 + len(sentence.encode("utf-8"))
            if grown > target_bytes:
                return " ".join(parts)
            parts.append(sentence)
            size = grown


def content_words(lang: str) -> list[str]:
    """Distinct searchable words of a language's vocabulary (no stopwords, 4+ letters)."""
    words: dict[str, None] = {}
    for items in SLOTS[lang].values():
        for item in items:
            for token in _TOKEN.findall(item.lower()):
                if len(token) >= 4 and token not in STOPWORDS and not token.isdigit():
                    words.setdefault(token, None)
    return list(words)


def search_queries(count: int, seed: int) -> list[str]:
    """What a practitioner types in the search box: one or two words, the last one often
    unfinished (search as you type), in both languages."""
    rng = random.Random(seed)
    vocab = {lang: content_words(lang) for lang in LANGS}
    queries = []
    for _ in range(count):
        lang = rng.choice(LANGS)
        words = rng.sample(vocab[lang], 2 if rng.random() < 0.4 else 1)
        last = words[-1]
        if len(last) > 4 and rng.random() < 0.6:
            words[-1] = last[: rng.randint(3, len(last) - 1)]
        queries.append(" ".join(words))
    return queries


# -- statistics ---------------------------------------------------------------------------

def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def ratio(ours: float, raw: float) -> float:
    return ours / raw if raw > 0 else float("nan")


def mib(n_bytes: float) -> float:
    return n_bytes / (1024 * 1024)
