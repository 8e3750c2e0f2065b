"""A generator of French and English session notes with known sensitive content (T26).

Every planted piece is marked with its span and class, so a test can measure what the anonymiser
and the leak guard do with it:

- ``registered``: a client's registered term (full name, first name, surname, alias, partner,
  town, employer) or pseudonym, written in one of the ``VARIANTS`` (case, accents, possessive,
  elision, hyphen and line-break splits, NBSP, zero-width characters, homoglyphs, plural,
  initials, trailing punctuation);
- ``name`` / ``place``: unregistered people and towns, inside a sentence or opening it, some
  listed in the gazetteer and some not;
- pattern classes: ``email``, ``phone``, ``url``, ``address``, ``postcode``, ``date``, ``age``,
  ``nir``, ``iban``;
- ``ordinary``: clinical words that must survive (colère, mère, pierre as a noun, rose as a
  colour, Dieu in an expression, Noël the holiday…);
- ``canary``: a run of words copied from the client's private section.

Run it to see a sample: ``python tests/corpus/generate.py``. Names, numbers and addresses are
invented (NIR and IBAN are made valid by computing their check digits).
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, field

from supervision_journal.journal.models import IdentityTerm

VARIANTS: tuple[str, ...] = (
    "exact", "upper", "lower", "strip_accents", "add_accents", "possessive", "elision",
    "hyphen_split", "linebreak_split", "nbsp", "zero_width", "homoglyph", "plural", "initials",
    "punctuation", "space_split",
)

FIRST_NAMES = (
    "Hélène", "Françoise", "Zoé", "Jérôme", "Loïc", "Gaëlle", "Noémie", "Anaïs", "José",
    "Ségolène", "Gwendal", "Ysaline", "Tiphaine", "Anatole", "Eulalie", "Bérénice", "Apolline",
    "Évariste", "Ludivine", "Rodolphe", "Solène", "Thaïs", "Nolwenn", "Enora", "Ghislain",
    "Blandine", "Perrine", "Josselin", "Sidonie", "Hortense", "Marius", "Augustin", "Faustine",
    "Oscar", "Wiktoria", "Bogdan", "Kwame", "Chiara", "Dagmar", "Ingrid", "Olivier", "Émilie",
    "Jean-Pierre", "Marie-Claire", "Anne-Sophie", "Margaret", "Duncan", "Siobhan", "Alistair",
    "Imogen", "Gareth", "Bronwen", "Priya", "Tobias", "Harriet", "Edmund", "Rosalind",
)
SURNAMES = (
    "Dupont", "Lefèvre", "Kowalski", "Nguyen", "Rousseau", "Le Gall", "Morvan", "Quéré",
    "Brasseur", "Kerboul", "Tessier", "Delmas", "Pelletier", "Leclerc", "Gauthier", "Perrin",
    "Abernethy", "Fairweather", "Pemberton", "Whitlock", "Hargreaves", "Ashworth", "Blackwood",
    "Okafor", "Haddad", "Benali", "Mansouri", "Zerrouki", "Traoré", "Diallo", "Ferreira",
    "O'Brien", "McAllister", "Da Silva", "Lévêque", "Bénard",
)
TOWNS = (
    "Quimper", "Lannion", "Morlaix", "Paimpol", "Plougastel-Daoulas", "Saint-Malo", "Vannes",
    "Pontivy", "Annecy", "Chambéry", "Millau", "Rodez", "Figeac", "Cahors", "Bayonne",
    "Saint-Jean-de-Luz", "Sarlat", "Périgueux", "Aurillac", "Briançon", "Menton", "Sète", "Uzès",
    "Nîmes", "Arles", "Manosque", "Whitby", "Grasmere", "Keswick", "Penrith", "Hexham", "Ludlow",
    "Tenby", "Oban", "Ullapool", "Kendal", "Skipton", "Thirsk", "Ripon", "Harrogate", "Ilkley",
)
EMPLOYERS = ("Boulangerie Vasseur", "Cabinet Morel", "Transports Giraud", "Brightwell Logistics",
             "Harcourt & Lowe", "Clinique Pasteur")
ALIASES = ("Titou", "Nounou", "Bibi", "Loulou", "Poppet", "Sunny", "Jojo", "Bubba")
PSEUDONYMS = ("Tigre", "Colibri", "Héron", "Blaireau", "Otter", "Kestrel", "Badger", "Lynx",
              "Mésange", "Falcon", "Marmotte", "Puffin")

# Sentences for the ordinary text around the planted pieces. Words between asterisks are
# "ordinary" clinical words that must come out unchanged.
FILLER_FR = (
    "Elle évoque sa *colère* contre sa *mère*.",
    "Il dit que son *père* était dur comme la *pierre*.",
    "Elle portait un pull *rose* et semblait apaisée.",
    "Le *transfert* est très présent dans cette *séance*.",
    "« Mon *Dieu*, quelle fatigue », soupire-t-elle.",
    "*Noël* approche et ravive le manque.",
    "Je remarque mon propre agacement en fin de *séance*.",
    "Nous revenons sur le rêve de la semaine dernière.",
    "*Pierre* angulaire du travail : la confiance.",
    "Il parle de la *Sécurité sociale* et de ses démarches.",
    "Le *contre-transfert* me rend somnolente.",
    "Elle pleure en parlant de son *frère*.",
    "Sa *sœur* aînée l'appelle tous les jours.",
    "La *colère* laisse place à une grande tristesse.",
    "*Rose* pâle, presque grise, la lumière de la salle d'attente.",
    "Hypothèse : une *angoisse* d'abandon réactivée par les vacances.",
    "Il évoque *Pâques* chez ses grands-parents.",
    "À revoir en supervision : ma position face à ses silences.",
    "Évoque sa *colère* envers son *père*.",
    "Semble apaisée, parle peu.",
    "Raconte un rêve : une *pierre* tombe dans l'eau.",
    "Arrive en retard, s'excuse.",
    "Grande *tristesse* autour de *Noël*.",
    "*Dieu* sait ce qu'elle endure, dit-elle.",
    "*Transfert* massif, idéalisation du cadre.",
    "Contre-transfert : envie de la protéger de sa *Mère* intérieure.",
)
FILLER_EN = (
    "She spoke about her *anger* towards her *mother*.",
    "*Christmas* is always a hard time for him.",
    "\"Thank *God*,\" she said, laughing.",
    "The *transference* felt strong in this *session*.",
    "*Hope* was in short supply today.",
    "*Will* he come back after the break?",
    "I noticed my own irritation near the end of the *session*.",
    "She wore a *rose* scarf and seemed calmer.",
    "His *father* was described as distant.",
    "We returned to last week's dream.",
    "*Grace* under pressure is what she wants to show.",
    "Question for supervision: how to hold the silence.",
    "Mentions her *mother* again; seems calmer.",
    "Talks about *God* and guilt at *Easter*.",
    "Arrived late, apologised twice.",
    "Strong *anger* at the *Council* for the housing delay.",
    "The *countertransference* left me sleepy.",
)
NAME_SENTENCES_FR = (
    ("mid", "Elle a revu {x} au travail."),
    ("mid", "Il se dispute souvent avec {x}."),
    ("mid", "Son collègue {x} l'a soutenue."),
    ("start", "{x} lui a écrit après la séance."),
    ("start", "{x}, sa voisine, l'aide beaucoup."),
    ("start", "{x} et sa fille sont venues la voir."),
    ("mid", "Elle parle longuement de {x}."),
)
NAME_SENTENCES_EN = (
    ("mid", "She met {x} at the weekend."),
    ("mid", "He keeps arguing with {x}."),
    ("start", "{x} called her after the session."),
    ("start", "{x} never answered her letters."),
    ("mid", "Her friend {x} has been supportive."),
)
PLACE_SENTENCES = (
    ("mid", "Elle est partie vivre à {x}."),
    ("mid", "Il a grandi près de {x}."),
    ("mid", "She moved to {x} last year."),
    ("start", "{x} lui manque beaucoup."),
    ("start", "{x} en hiver, c'est sinistre, dit-elle."),
)
REGISTERED_SENTENCES_FR = (
    "Aujourd'hui {x} arrive en retard.",
    "Je pense à {x} en écrivant ces lignes.",
    "La relation avec {x} reste tendue.",
    "{x} dit ne plus dormir.",
)
REGISTERED_SENTENCES_EN = (
    "Today {x} arrived late.",
    "I keep thinking about {x}.",
    "{x} says she no longer sleeps.",
)
PATTERN_SENTENCES: dict[str, tuple[str, ...]] = {
    "email": ("Elle m'a écrit depuis {x} pour annuler.", "He emailed me from {x} at night."),
    "phone": ("Son numéro a changé : {x}.", "She left a message from {x}."),
    "url": ("Il me montre son blog {x} en séance.", "She shared {x} with me."),
    "address": ("Il habite désormais {x}.", "She now lives at {x}."),
    "postcode": ("Sa nouvelle adresse se termine par {x}.", "She gave the postcode {x}."),
    "date": ("La rupture date du {x}.", "The accident happened on {x}."),
    "age": ("Elle a {x}.", "She is {x}."),
    "nir": ("Sur le formulaire figurait son numéro {x}.",),
    "iban": ("Le remboursement part sur {x}.", "Payment went to {x}."),
}
PRIVATE_SENTENCES = (
    "je me sens envahie par ma propre histoire familiale quand elle parle de son enfance",
    "cette semaine ma fatigue personnelle a pesé sur ma capacité d'écoute avec plusieurs clients",
    "I feel my own grief about my father rising whenever he describes the hospital visits",
)

_HOMOGLYPHS = {"a": "а", "o": "о", "e": "е", "p": "р", "c": "с", "x": "х", "y": "у",
               "A": "А", "O": "О", "E": "Е", "P": "Р", "C": "С", "M": "М", "T": "Т"}
_ACCENTABLE = {"a": "à", "e": "é", "i": "ï", "o": "ô", "u": "ü", "c": "ç", "n": "ñ"}


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    cls: str  # registered | name | place | a pattern class | ordinary | canary
    variant: str = ""  # registered: one of VARIANTS; name/place: "mid" or "start"
    term_index: int | None = None  # registered: index in Corpus.terms
    in_gazetteer: bool | None = None
    pseudonym_of: int | None = None  # registered pseudonyms: the client's key


@dataclass(frozen=True)
class Note:
    client_key: int
    language: str
    text: str
    marks: tuple[Mark, ...]


@dataclass
class Corpus:
    terms: list[IdentityTerm]
    pseudonyms: dict[int, str]
    notes: list[Note]
    private_texts: dict[int, str] = field(default_factory=dict)


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed
                                                 if not unicodedata.combining(c)))


def variant_of(term: str, variant: str, rng: random.Random) -> str:
    """``term`` written in the spelling ``variant`` (see VARIANTS)."""
    inner = [i for i in range(1, len(term)) if term[i - 1].isalpha() and term[i].isalpha()]
    if variant == "exact":
        return term
    if variant == "upper":
        return term.upper()
    if variant == "lower":
        return term.lower()
    if variant == "strip_accents":
        return strip_accents(term)
    if variant == "add_accents":
        letters = [i for i, c in enumerate(term) if c.lower() in _ACCENTABLE]
        out = list(term)
        for i in rng.sample(letters, min(2, len(letters))):
            accented = _ACCENTABLE[out[i].lower()]
            out[i] = accented.upper() if out[i].isupper() else accented
        return "".join(out)
    if variant == "possessive":
        return term + rng.choice(("'s", "’s"))
    if variant == "elision":
        return rng.choice(("d'", "l'", "qu'", "d’")) + term
    if variant in ("hyphen_split", "linebreak_split", "zero_width") and inner:
        at = rng.choice(inner)
        glue = {"hyphen_split": "-", "linebreak_split": rng.choice(("-\n", "\n", "-\r\n")),
                "zero_width": rng.choice(("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff",
                                          "\u00ad"))}[variant]
        return term[:at] + glue + term[at:]
    if variant == "nbsp":
        if " " in term or "-" in term:
            return term.replace(" ", rng.choice(("\u00a0", "\u202f", "\u2009"))).replace(
                "-", "\u00a0")
        return term[:1] + "\u00a0" + term[1:] if not inner else term[:inner[0]] + "\u202f" + \
            term[inner[0]:]
    if variant == "homoglyph":
        spots = [i for i, c in enumerate(term) if c in _HOMOGLYPHS]
        out = list(term)
        for i in rng.sample(spots, min(2, len(spots))):
            out[i] = _HOMOGLYPHS[out[i]]
        return "".join(out)
    if variant == "plural":
        return term + "s"
    if variant == "initials":
        words = re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", term)
        if len(words) < 2:
            return term
        return " ".join(w[0] + "." for w in words[:-1]) + " " + words[-1]
    if variant == "punctuation":
        return rng.choice(("({})", "{}.", "{},", "«{}»", "{}!", "\"{}\"")).format(term)
    if variant == "space_split":
        return term.replace("-", " ") if "-" in term else term.replace(" ", "")
    return term


def _nir(rng: random.Random) -> str:
    body = (f"{rng.choice('12')}{rng.randint(40, 99):02d}{rng.randint(1, 12):02d}"
            f"{rng.randint(1, 95):02d}{rng.randint(1, 999):03d}{rng.randint(1, 999):03d}")
    key = 97 - int(body) % 97
    groups = (body[0], body[1:3], body[3:5], body[5:7], body[7:10], body[10:13], f"{key:02d}")
    return rng.choice((" ", "")).join(groups)


def _iban(rng: random.Random) -> str:
    country = rng.choice(("FR", "GB"))
    if country == "FR":
        bban = "".join(str(rng.randint(0, 9)) for _ in range(23))
    else:
        bban = "NWBK" + "".join(str(rng.randint(0, 9)) for _ in range(14))
    digits = "".join(str(int(c, 36)) for c in bban + country + "00")
    check = 98 - int(digits) % 97
    compact = f"{country}{check:02d}{bban}"
    return " ".join(compact[i:i + 4] for i in range(0, len(compact), 4))


def _pattern_value(cls: str, language: str, rng: random.Random) -> str:
    first = strip_accents(rng.choice(FIRST_NAMES)).lower().replace("-", "")
    last = strip_accents(rng.choice(SURNAMES)).lower().replace(" ", "").replace("'", "")
    if cls == "email":
        domain = rng.choice(("gmail.com", "orange.fr", "free.fr", "outlook.co.uk"))
        return f"{first}.{last}{rng.randint(1, 99)}@{domain}"
    if cls == "phone":
        return rng.choice((
            "06 {0:02d} {1:02d} {2:02d} {3:02d}", "07.{0:02d}.{1:02d}.{2:02d}.{3:02d}",
            "+33 6 {0:02d} {1:02d} {2:02d} {3:02d}", "01{0:02d}{1:02d}{2:02d}{3:02d}",
            "07911 {0:02d}{1:02d}{2:02d}", "+44 7911 {0:02d}{1:02d}{2:02d}",
            "020 79{0:02d} {1:02d}{2:02d}",
        )).format(*(rng.randint(10, 99) for _ in range(4)))
    if cls == "url":
        return rng.choice((f"https://www.{last}-{first}.fr/journal",
                           f"www.{first}{last}.com", f"{first}-{last}.blogspot.com",
                           f"http://instagram.com/{first}_{last}"))
    if cls == "address":
        if language == "fr":
            way = rng.choice(("rue", "avenue", "bd", "place", "chemin", "impasse", "allée"))
            name = rng.choice(("des Lilas", "Victor Hugo", "du Général Leclerc", "de la Paix",
                               "des tilleuls", "Jean Jaurès", "des Acacias"))
            return f"{rng.randint(1, 180)}{rng.choice(('', ' bis', ' ter'))} {way} {name}"
        return (f"{rng.randint(1, 300)}{rng.choice(('', 'B', 'a'))} "
                f"{rng.choice(('Baker', 'Mill', 'Station', 'Church', 'Orchard', 'Kingsley'))} "
                f"{rng.choice(('Street', 'Road', 'Lane', 'Avenue', 'Close', 'Drive'))}")
    if cls == "postcode":
        if language == "fr":
            return f"{rng.choice(('29000', '35000', '75011', '69003', '13001', '2A000'))} " \
                   f"{rng.choice(('Quimper', 'Rennes', 'Paris', 'Lyon', 'Marseille', 'Ajaccio'))}"
        return rng.choice(("SW1A 1AA", "M1 1AE", "EC1A 1BB", "LS6 2AB", "CF10 3NQ", "EH1 2NG"))
    if cls == "date":
        day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2015, 2025)
        fr_months = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                     "septembre", "octobre", "novembre", "décembre")
        en_months = ("January", "February", "March", "April", "May", "June", "July", "August",
                     "September", "October", "November", "December")
        if language == "fr":
            name = fr_months[month - 1]
            return rng.choice((f"{day} {name} {year}", f"{day:02d}/{month:02d}/{year}",
                               f"{year}-{month:02d}-{day:02d}", f"lundi {day} {name}",
                               f"1er {name}"))
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(day if day < 20 else day % 10, "th")
        return rng.choice((f"{en_months[month - 1]} {day}{suffix}, {year}",
                           f"{day} {en_months[month - 1]} {year}", f"{day:02d}/{month:02d}/{year}",
                           f"Monday {day} {en_months[month - 1]}"))
    if cls == "age":
        years = rng.randint(18, 95)
        if language == "fr":
            return f"{years} ans"
        return rng.choice((f"aged {years}", f"{years} years old"))
    if cls == "nir":
        return _nir(rng)
    if cls == "iban":
        return _iban(rng)
    raise ValueError(cls)


def _make_clients(rng: random.Random, count: int) -> tuple[list[IdentityTerm], dict[int, str],
                                                             dict[int, list[int]]]:
    terms: list[IdentityTerm] = []
    pseudonyms: dict[int, str] = {}
    owned: dict[int, list[int]] = {}
    for client in range(count):
        pseudonyms[client] = f"{rng.choice(PSEUDONYMS)}-{client}"
        first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
        own = [IdentityTerm(f"{first} {last}", "full_name", "client"),
               IdentityTerm(rng.choice(ALIASES) + str(client), "alias", "client"),
               IdentityTerm(rng.choice(FIRST_NAMES), "identifier", "partner"),
               IdentityTerm(rng.choice(TOWNS), "identifier", "town"),
               IdentityTerm(rng.choice(EMPLOYERS), "identifier", "employer")]
        owned[client] = list(range(len(terms), len(terms) + len(own)))
        terms.extend(own)
    return terms, pseudonyms, owned


class _Writer:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.marks: list[Mark] = []

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def sentence(self, template: str, value: str, mark: Mark) -> None:
        before, after = template.split("{x}")
        if self.parts:
            self.add(" ")
        self.add(before)
        self.marks.append(Mark(self.length, self.length + len(value), mark.cls, mark.variant,
                               mark.term_index, mark.in_gazetteer, mark.pseudonym_of))
        self.add(value)
        self.add(after)

    def filler(self, sentence: str) -> None:
        if self.parts:
            self.add(" ")
        pieces = sentence.split("*")
        for index, piece in enumerate(pieces):
            if index % 2:
                self.marks.append(Mark(self.length, self.length + len(piece), "ordinary"))
            self.add(piece)


def generate(seed: int = 0, notes: int = 500, clients: int = 40,
             in_gazetteer: frozenset[str] = frozenset()) -> Corpus:
    """A reproducible corpus. ``in_gazetteer`` (folded words) lets marks say which names the
    gazetteer lists, so recall can be reported for both halves."""
    from supervision_journal.export.normalise import fold

    rng = random.Random(seed)
    terms, pseudonyms, owned = _make_clients(rng, clients)
    private_texts = {c: rng.choice(PRIVATE_SENTENCES) + ". " + rng.choice(PRIVATE_SENTENCES)
                     for c in range(clients)}
    out: list[Note] = []
    for number in range(notes):
        client = number % clients
        language = "fr" if rng.random() < 0.6 else "en"
        filler = FILLER_FR if language == "fr" else FILLER_EN
        writer = _Writer()
        writer.filler(rng.choice(filler))
        # Registered terms: three per note, cycling through every variant class.
        for slot in range(3):
            variant = VARIANTS[(number * 3 + slot) % len(VARIANTS)]
            index = rng.choice(owned[client] + owned[rng.randrange(clients)])
            term = terms[index].term
            if terms[index].kind == "full_name" and variant not in ("initials", "space_split"):
                term = rng.choice((term, term.split(" ")[0], term.split(" ", 1)[1]))
            if variant == "elision" and term[0].lower() not in "aeiouyhéè":
                variant = "possessive"
            value = variant_of(term, variant, rng)
            sentences = REGISTERED_SENTENCES_FR if language == "fr" else REGISTERED_SENTENCES_EN
            writer.sentence(rng.choice(sentences), value, Mark(0, 0, "registered", variant, index))
            writer.filler(rng.choice(filler))
        if rng.random() < 0.5:
            other = rng.randrange(clients)
            writer.sentence("J'ai pensé à {x} pendant la séance.", pseudonyms[other],
                            Mark(0, 0, "registered", "pseudonym", pseudonym_of=other))
        # Unregistered names and places.
        sentences = NAME_SENTENCES_FR if language == "fr" else NAME_SENTENCES_EN
        position, template = rng.choice(sentences)
        name = rng.choice(FIRST_NAMES) if rng.random() < 0.6 else (
            f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}")
        writer.sentence(template, name, Mark(0, 0, "name", position, None,
                                             all(fold(w) in in_gazetteer for w in name.split())))
        writer.filler(rng.choice(filler))
        position, template = rng.choice(PLACE_SENTENCES)
        town = rng.choice(TOWNS)
        writer.sentence(template, town, Mark(0, 0, "place", position, None,
                                             fold(town) in in_gazetteer))
        # Two pattern classes per note, cycling.
        classes = list(PATTERN_SENTENCES)
        for slot in range(2):
            cls = classes[(number * 2 + slot) % len(classes)]
            options = PATTERN_SENTENCES[cls]
            template = options[0] if language == "fr" or len(options) == 1 else options[1]
            writer.sentence(template, _pattern_value(cls, language if len(options) > 1 else "fr",
                                                     rng), Mark(0, 0, cls))
            writer.filler(rng.choice(filler))
        if number % 10 == 3:
            words = private_texts[client].split()
            copied = " ".join(words[2:2 + 9])
            writer.sentence("Je note : {x}.", copied, Mark(0, 0, "canary"))
        out.append(Note(client, language, "".join(writer.parts), tuple(writer.marks)))
    return Corpus(terms, pseudonyms, out, private_texts)


if __name__ == "__main__":
    corpus = generate(notes=4)
    for note in corpus.notes:
        print(f"--- client {note.client_key} ({note.language})\n{note.text}\n")
