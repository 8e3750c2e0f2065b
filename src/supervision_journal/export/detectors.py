"""Pattern detectors and proper-name candidates for the anonymiser (pure Python, no Qt, no SQL).

Every detector works on ``normalise.clean(text)`` (invisibles removed, exotic spaces and dashes
made plain, look-alike letters made Latin) and returns ``Span``s in the *original* text's
coordinates. Pattern classes (e-mail, phone, address…) are meant to be exhaustive; candidates
(capitalised words that look like unregistered names, places or organisations) are suggestions
the practitioner confirms, because no offline heuristic finds every name.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources

import phonenumbers

from .normalise import Normalised, clean, fold

# ---------------------------------------------------------------------------------------------
# Spans


@dataclass(frozen=True)
class Span:
    """``[start, end)`` in the original text, the class that found it, and for ages the band."""

    start: int
    end: int
    cls: str
    band: str | None = None  # ages: "40–49", "90+"

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


PATTERN_CLASSES: tuple[str, ...] = (
    "email", "url", "handle", "phone", "nir", "iban", "address", "postcode", "date", "weekday",
    "time", "age", "number",
)

# ---------------------------------------------------------------------------------------------
# Gazetteer (data files beside this module; see gazetteer/README.md for their sources)


@dataclass(frozen=True)
class Gazetteer:
    first_names: frozenset[str]
    surnames: frozenset[str]
    places: frozenset[str]
    allowed_places: frozenset[str]  # countries and regions: kept (domain.md §3.6)
    common: frozenset[str]  # frequent French and English words
    ambiguous: frozenset[str]  # names that are also ordinary words: pierre, rose, nice
    capitalised_common: frozenset[str]  # Noël, Dieu, Monday, Freud: capitalised, identify nobody
    acronyms: frozenset[str]  # TCC, EMDR, NHS

    def is_name(self, folded: str) -> bool:
        return folded in self.first_names or folded in self.surnames or folded in self.places


def _read_list(name: str, *, split_words: bool) -> frozenset[str]:
    path = resources.files("supervision_journal.export") / "gazetteer" / name
    entries: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        for entry in (line.split() if split_words else [line]):
            folded = fold(entry)
            if folded:
                entries.add(folded)
    return frozenset(entries)


@functools.cache
def gazetteer() -> Gazetteer:
    return Gazetteer(
        first_names=_read_list("first_names.txt", split_words=False)
        | _read_list("first_names_extra.txt", split_words=True),
        surnames=_read_list("surnames.txt", split_words=False),
        places=_read_list("places.txt", split_words=False),
        allowed_places=_read_list("allowed_places.txt", split_words=False),
        common=_read_list("common_fr.txt", split_words=False)
        | _read_list("common_en.txt", split_words=False)
        | _read_list("clinical.txt", split_words=True),
        ambiguous=_read_list("ambiguous.txt", split_words=True),
        capitalised_common=_read_list("capitalised_common.txt", split_words=True),
        acronyms=_read_list("acronyms.txt", split_words=True),
    )


# ---------------------------------------------------------------------------------------------
# Pattern detectors

_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"'«»]+", re.IGNORECASE)
_BARE_DOMAIN = re.compile(
    r"\b[\w-]+(?:\.[\w-]+)*\.(?:fr|com|org|net|eu|uk|be|ch|io|info|me|app|ca|de|lu)\b(?:/\S*)?",
    re.IGNORECASE)
_HANDLE = re.compile(r"(?<![\w.@])@[A-Za-z0-9_][A-Za-z0-9_.]{1,}")
_TRAILING_PUNCT = ".,;:!?)]}»\"'"


def _emails(text: str) -> Iterator[Span]:
    for m in _EMAIL.finditer(text):
        yield Span(m.start(), m.end(), "email")


def _urls(text: str) -> Iterator[Span]:
    for pattern in (_URL, _BARE_DOMAIN):
        for m in pattern.finditer(text):
            end = m.end()
            while end > m.start() and text[end - 1] in _TRAILING_PUNCT:
                end -= 1
            if pattern is _BARE_DOMAIN and "@" in text[max(0, m.start() - 1):m.start()]:
                continue  # the domain of an e-mail address: the e-mail detector has it
            yield Span(m.start(), end, "url")


def _handles(text: str) -> Iterator[Span]:
    for m in _HANDLE.finditer(text):
        end = m.end()
        while text[end - 1] == ".":
            end -= 1
        yield Span(m.start(), end, "handle")


def _phones(text: str) -> Iterator[Span]:
    seen: set[tuple[int, int]] = set()
    for region in ("FR", "GB"):
        for match in phonenumbers.PhoneNumberMatcher(text, region,
                                                     leniency=phonenumbers.Leniency.VALID):
            seen.add((match.start, match.end))
        # Numbers outside the allocated ranges (the fictional 07700 900xxx, new prefixes) still
        # identify someone: take merely possible numbers when they look like a full number.
        for match in phonenumbers.PhoneNumberMatcher(text, region,
                                                     leniency=phonenumbers.Leniency.POSSIBLE):
            digits = sum(c.isdigit() for c in match.raw_string)
            if match.raw_string.startswith("+") or (match.raw_string.startswith("0")
                                                    and digits >= 10):
                seen.add((match.start, match.end))
    for start, end in sorted(seen):
        yield Span(start, end, "phone")


_NIR = re.compile(r"(?<![\w])([1-478])[ .]?(\d{2})[ .]?(\d{2})[ .]?(\d{2}|2[ABab])[ .]?(\d{3})"
                  r"[ .]?(\d{3})[ .]?(\d{2})(?![\w])")


def nir_is_valid(number: str) -> bool:
    """French social security number (13 characters + 2-digit key), Corsica's 2A/2B included."""
    compact = re.sub(r"[ .]", "", number).upper()
    if len(compact) != 15:
        return False
    body, key = compact[:13], compact[13:]
    body = body.replace("2A", "19", 1) if body[5:7] == "2A" else body
    body = body.replace("2B", "18", 1) if body[5:7] == "2B" else body
    if not (body.isdigit() and key.isdigit()):
        return False
    month = int(body[3:5])
    if month == 0 or 13 <= month <= 19:
        return False
    return 97 - int(body) % 97 == int(key)


def _nirs(text: str) -> Iterator[Span]:
    for m in _NIR.finditer(text):
        if nir_is_valid(m.group(0)):
            yield Span(m.start(), m.end(), "nir")


_IBAN_START = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?=[ ]?[A-Z0-9])")


def iban_is_valid(value: str) -> bool:
    compact = value.replace(" ", "").upper()
    if not (15 <= len(compact) <= 34 and compact[:2].isalpha() and compact[2:4].isdigit()
            and compact.isalnum()):
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def _ibans(text: str) -> Iterator[Span]:
    for m in _IBAN_START.finditer(text):
        # Collect alphanumerics allowing single spaces, then keep the longest valid prefix that
        # ends on a word boundary (the regex cannot know where the number stops).
        ends: list[int] = []
        count, index = 0, m.start()
        while index < len(text) and count < 34:
            char = text[index]
            if char.isascii() and (char.isdigit() or char.isupper()):
                count += 1
                index += 1
                ends.append(index)
            elif char == " " and index + 1 < len(text) and text[index + 1].isalnum():
                index += 1
            else:
                break
        for end in reversed(ends):
            boundary = end == len(text) or not text[end].isalnum()
            if boundary and iban_is_valid(text[m.start():end]):
                yield Span(m.start(), end, "iban")
                break


# Street addresses -----------------------------------------------------------------------------
_FR_WAY_ALWAYS = (r"rue|avenue|av\.|boulevard|bd|bld|impasse|imp\.|all[ée]e|quai|faubourg|fg|"
                  r"rond-point|lieu-dit|esplanade|promenade|ruelle|venelle|sentier|"
                  r"r[ée]sidence|lotissement")
_FR_WAY_NUMBERED = (r"place|pl\.|chemin|ch\.|route|rte|cours|square|passage|voie|cit[ée]|villa|"
                    r"hameau|parvis|mont[ée]e|traverse|domaine|clos|mail")
_FR_PARTICLES = r"(?:de\s+la|de\s+l['’]|du|des|de|d['’]|la|le|les|l['’]|aux|au)"
_CAP_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’]*(?:-[\w'’]+)*"
_ANY_WORD = r"[\w'’]+(?:-[\w'’]+)*"
_FR_NUMBER = r"\d{1,4}\s?(?:bis|ter|quater|[a-dA-D])?\b,?\s*"
_FR_ADDRESS_NUMBERED = re.compile(
    rf"\b{_FR_NUMBER}(?:{_FR_WAY_ALWAYS}|{_FR_WAY_NUMBERED})\b\.?\s+(?:{_FR_PARTICLES}\s*)?"
    rf"(?P<first>{_ANY_WORD})(?P<rest>(?:[ -]+{_ANY_WORD}){{0,3}})", re.IGNORECASE)
_FR_ADDRESS_NAMED = re.compile(
    rf"\b(?:{_FR_WAY_ALWAYS})\b\.?\s+(?:{_FR_PARTICLES}\s*)?"
    rf"{_CAP_WORD}(?:[ -]+(?:{_FR_PARTICLES}[ -]*)?{_CAP_WORD}){{0,3}}")
_EN_WAY = (r"Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Drive|Dr|Close|Way|Crescent|Cres|Court|Ct|"
           r"Place|Pl|Square|Sq|Terrace|Gardens|Grove|Hill|Park|Row|Walk|Mews|Parade|Rise|"
           r"Green|View|Boulevard|Gate|Wharf")
_EN_WAY_NAMED = r"Street|Road|Lane|Avenue|Drive|Close|Crescent|Terrace|Gardens|Grove|Mews|Parade"
_EN_ADDRESS_NUMBERED = re.compile(
    rf"(?:\b(?:Flat|Apartment|Apt|Unit)\s+\d+[A-Za-z]?,?\s+)?\b\d{{1,4}}[A-Za-z]?,?\s+"
    rf"(?:{_CAP_WORD}\s+){{1,3}}(?:{_EN_WAY})\b\.?")
_EN_ADDRESS_NAMED = re.compile(rf"\b(?:{_CAP_WORD}\s+){{1,3}}(?:{_EN_WAY_NAMED})\b")


def _addresses(text: str) -> Iterator[Span]:
    common = gazetteer().common
    for m in _FR_ADDRESS_NUMBERED.finditer(text):
        end = m.end("first")
        # Lower-case street names ("12 rue des lilas") run until an ordinary word.
        for word in re.finditer(rf"[ -]+({_ANY_WORD})", m.group("rest")):
            if word.group(1)[0].isupper() or fold(word.group(1)) not in common:
                end = m.start("rest") + word.end()
            else:
                break
        yield Span(m.start(), end, "address")
    for pattern in (_FR_ADDRESS_NAMED, _EN_ADDRESS_NUMBERED, _EN_ADDRESS_NAMED):
        for m in pattern.finditer(text):
            end = m.end()
            while text[end - 1] == ".":
                end -= 1
            yield Span(m.start(), end, "address")


# Postcodes ------------------------------------------------------------------------------------
_FR_POSTCODE = (r"(?:(?:0[1-9]|[1-8]\d|9[0-5])\d{3}|97[1-6]\d{2}|98[0-9]\d{2}|2[AB]\d{3})")
_TOWN = (rf"{_CAP_WORD}(?:[ -](?:(?:sur|sous|en|de|du|des|la|le|les|l[èe]s|lez|aux?|d['’])[ -])*"
         rf"{_CAP_WORD}){{0,4}}(?:\s+C[Ee][Dd][Ee][Xx](?:\s+\d{{1,2}})?)?")
_FR_POSTCODE_TOWN = re.compile(rf"(?<![\w-])(?:F-)?{_FR_POSTCODE}\s+{_TOWN}")
_FR_POSTCODE_LABELLED = re.compile(
    rf"\b(?:code\s+postal|CP)\s*:?\s*({_FR_POSTCODE})(?:\s+{_TOWN})?\b", re.IGNORECASE)
_CEDEX_NUMBER = re.compile(r"\s+\d{1,2}\b")
_UK_POSTCODE = re.compile(
    r"(?<![\w-])(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\s?\d[ABD-HJLNP-UW-Z]{2}(?![\w-])", re.IGNORECASE)


def _postcodes(text: str) -> Iterator[Span]:
    for pattern in (_FR_POSTCODE_TOWN, _FR_POSTCODE_LABELLED, _UK_POSTCODE):
        for m in pattern.finditer(text):
            if pattern is _UK_POSTCODE and not any(c.isupper() for c in m.group(0)):
                continue  # "a1 2bc" in lower case is not how anyone writes a postcode
            end = m.end()
            cedex = _CEDEX_NUMBER.match(text, end)
            if m.group(0).casefold().endswith("cedex") and cedex:
                end = cedex.end()
            yield Span(m.start(), end, "postcode")


# Dates, weekdays, times -----------------------------------------------------------------------
_FR_MONTHS = (r"janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|"
              r"novembre|d[ée]cembre|janv\.?|f[ée]vr?\.?|avr\.?|juil\.?|sept\.?|oct\.?|nov\.?|"
              r"d[ée]c\.?")
_EN_MONTHS = (r"January|February|March|April|May|June|July|August|September|October|November|"
              r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|"
              r"Nov\.?|Dec\.?")
_FR_DAYS = r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
_EN_DAYS = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_EN_DAYS_SHORT = r"Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun"
_ORD = r"(?:st|nd|rd|th|er|e|ème)?"
_YEAR = r"(?:1[89]\d{2}|20\d{2})"
_DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b"),
    re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b"),
    re.compile(r"\b(?:le|du|au|on|from|until|depuis|jusqu'au)\s+(?P<d>\d{1,2}/\d{1,2})\b",
               re.IGNORECASE),
    re.compile(rf"\b(?:(?:{_FR_DAYS}|{_EN_DAYS}|{_EN_DAYS_SHORT})\.?,?\s+)?(?:the\s+)?"
               rf"(?:1er|\d{{1,2}}){_ORD}\s+(?:of\s+)?(?:{_FR_MONTHS}|{_EN_MONTHS})\b"
               rf"(?:,?\s+{_YEAR}\b)?", re.IGNORECASE),
    re.compile(rf"\b(?:(?:{_EN_DAYS}|{_EN_DAYS_SHORT})\.?,?\s+)?(?:{_EN_MONTHS})\s+(?:the\s+)?"
               rf"\d{{1,2}}{_ORD}\b(?:,?\s+{_YEAR}\b)?"),
    re.compile(rf"\b(?:{_FR_MONTHS}|{_EN_MONTHS})\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b(?:{_FR_DAYS}|{_EN_DAYS})\s+(?:1er|\d{{1,2}}){_ORD}\b", re.IGNORECASE),
)
_WEEKDAY = re.compile(rf"\b(?:{_FR_DAYS}|{_EN_DAYS})s?\b", re.IGNORECASE)
_TIME = re.compile(
    r"\b(?:[01]?\d|2[0-3])\s?h\s?[0-5]\d\b"  # 18h30, 18 h 30
    r"|(?<=\b[àa] )(?:[01]?\d|2[0-3])\s?h\b"  # à 18h
    r"|(?<=\bvers )(?:[01]?\d|2[0-3])\s?h\b"
    r"|\b(?:[01]?\d|2[0-3])[:.][0-5]\d\s?(?:[ap]\.?m\.?)?(?![\d/.])"  # 18:30, 6.30pm
    r"|\b(?:1[0-2]|0?[1-9])\s?(?:[ap]\.?m\.?)(?!\w)",  # 6 pm
    re.IGNORECASE)


def _valid_numeric_date(value: str) -> bool:
    parts = [int(p) for p in re.split(r"[/.-]", value)]
    if len(value.split("-")[0]) == 4:  # ISO
        return 1 <= parts[1] <= 12 and 1 <= parts[2] <= 31
    first, second = parts[0], parts[1]
    return (1 <= first <= 31 and 1 <= second <= 12) or (1 <= first <= 12 and 1 <= second <= 31)


def _dates(text: str) -> Iterator[Span]:
    for index, pattern in enumerate(_DATE_PATTERNS):
        for m in pattern.finditer(text):
            value = m.group(0)
            if index < 2 and not _valid_numeric_date(value):
                continue
            if index == 4 and value.split()[0] in ("May", "March") and value[0].islower():
                continue
            if "d" in pattern.groupindex:  # the preposition that told it is a date stays
                yield Span(m.start("d"), m.end("d"), "date")
            else:
                yield Span(m.start(), m.end(), "date")
    for m in _WEEKDAY.finditer(text):
        yield Span(m.start(), m.end(), "weekday")
    for m in _TIME.finditer(text):
        yield Span(m.start(), m.end(), "time")


# Ages -----------------------------------------------------------------------------------------
_PERSON_NOUNS = (r"homme|femme|fille|fils|enfant|garçon|garcon|patiente?|cliente?|ado|"
                 r"adolescente?|b[ée]b[ée]|jeune|m[èe]re|p[èe]re|fr[èe]re|s[œo]e?ur|mari|"
                 r"[ée]pouse|compagnon|compagne|conjointe?|partenaire")
_AGE_FR = re.compile(
    rf"(?:(?:\b(?:a|avait|aura|aurait|avoir|ayant|âgée?s?|agee?s?|à|a\s+l['’]âge\s+de|ses|"
    rf"son|leurs?|ses\s+quasi|bientôt|presque|vers|(?:{_PERSON_NOUNS})\s+de|âgée?\s+de|"
    rf"agee?\s+de)\s+)|[(,]\s*)(?P<n>\d{{1,3}})\s*ans\b(?!\s+(?:de|d['’]|plus\s+tard|apr[èe]s|"
    rf"auparavant|plus\s+t[ôo]t))", re.IGNORECASE)
_AGE_EN = re.compile(
    r"\b(?:aged|age|ages|at\s+the\s+age\s+of)\s+(?P<n>\d{1,3})\b"
    r"|\b(?P<m>\d{1,3})[\s-]*(?:years?|yrs?)[\s-]*old\b"
    r"|\b(?P<k>\d{1,3})\s*(?:yo|y/o|y\.o\.)\b", re.IGNORECASE)


def age_band(years: int) -> str:
    if years >= 90:
        return "90+"
    low = years // 10 * 10
    return f"{low}–{low + 9}"


def _ages(text: str) -> Iterator[Span]:
    for m in _AGE_FR.finditer(text):
        years = int(m.group("n"))
        if re.search(r"\by\s+a\s+$", text[max(0, m.start() - 6):m.start("n")], re.IGNORECASE):
            continue  # "il y a 3 ans" is a duration
        if years <= 120:
            yield Span(m.start("n"), m.end(), "age", age_band(years))
    for m in _AGE_EN.finditer(text):
        group = next(g for g in ("n", "m", "k") if m.group(g))
        years = int(m.group(group))
        if years <= 120:
            yield Span(m.start(), m.end(), "age", age_band(years))


# Long numbers (account, file, invoice numbers) -------------------------------------------------
_LONG_NUMBER = re.compile(r"(?<![\w])\d(?:[ .-]?\d){7,}(?![\w])")


def _numbers(text: str) -> Iterator[Span]:
    for m in _LONG_NUMBER.finditer(text):
        yield Span(m.start(), m.end(), "number")


_DETECTORS = (_emails, _urls, _handles, _phones, _nirs, _ibans, _addresses, _postcodes, _dates,
              _ages, _numbers)


def _to_source(view: Normalised, spans: Iterable[Span]) -> list[Span]:
    out = []
    for span in spans:
        if span.end <= span.start:
            continue
        start, end = view.source_span(span.start, span.end)
        out.append(Span(start, end, span.cls, span.band))
    return out


def detect_patterns(text: str) -> list[Span]:
    """Every pattern hit in ``text`` (may overlap; the anonymiser merges them)."""
    view = clean(text)
    found: list[Span] = []
    for detector in _DETECTORS:
        found.extend(detector(view.text))
    return sorted(_to_source(view, found), key=lambda s: (s.start, -s.end))


# ---------------------------------------------------------------------------------------------
# Proper-name candidates

@dataclass(frozen=True)
class NameHit:
    """A capitalised word or group that looks like an unregistered name, place or organisation."""

    start: int
    end: int
    words: tuple[str, ...]  # the folded words of the group, for propagation across an export
    reason: str  # first_name | surname | place | after_title | capitalised | caps | initial


_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|[\u0300-\u036f])*"
                   r"(?:['’\-][^\W\d_](?:[^\W\d_]|[\u0300-\u036f])*)*")
_ELISION = re.compile(r"^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)['’]",
                      re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")
_OPENERS = set(" \t\u00a0«“\"‘'([{*•>–—-")
_SENTENCE_ENDS = set(".!?…:;")
_TITLES = frozenset(fold(t) for t in (
    "M", "MM", "Mme", "Mmes", "Mlle", "Dr", "Pr", "Me", "Mr", "Mrs", "Ms", "Miss", "Docteur",
    "Madame", "Monsieur", "Mademoiselle", "Maître", "Professeur", "Professor", "Sir", "Dame",
    "Père", "Sœur", "Frère", "Abbé", "Rabbin", "Imam", "Pasteur", "Saint", "Sainte", "St"))
# Only abbreviations take a full stop: "Dr. Martin", but "… chez le pasteur. Talks…".
_ABBREVIATED_TITLES = frozenset(("m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "mr", "mrs",
                                 "ms", "st", "prof"))
_PARTICLES = frozenset(("de", "du", "des", "la", "le", "d", "l", "van", "von", "der", "den",
                        "di", "da", "del", "della", "of", "the", "y", "sur", "en",
                        "les", "lès", "sous", "aux", "au"))
_ORG_SUFFIXES = frozenset(("sa", "sas", "sarl", "eurl", "sci", "ltd", "plc", "inc", "llp",
                           "gmbh", "cie", "co"))
_REASON_ORDER = ("after_title", "first_name", "surname", "place", "caps", "capitalised",
                 "initial")


@dataclass
class _Token:
    start: int
    end: int
    word: str
    folded: str
    sentence_start: bool
    flag: str | None = None  # the reason this token alone is a candidate
    skipped: bool = False  # inside a span already replaced
    joinable: bool = False  # may belong to a group around a flagged token


def _is_sentence_start(text: str, start: int) -> bool:
    index = start - 1
    while index >= 0 and text[index] in _OPENERS:
        index -= 1
    return index < 0 or text[index] in _SENTENCE_ENDS or text[index] == "\n"


def _words(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    for m in _WORD.finditer(text):
        start, end, word = m.start(), m.end(), m.group(0)
        elision = _ELISION.match(word)
        if elision and len(word) > elision.end():
            start += elision.end()
            word = word[elision.end():]
        possessive = _POSSESSIVE.search(word)
        if possessive and len(word) > possessive.end() - possessive.start() + 1:
            end -= possessive.end() - possessive.start()
            word = word[:possessive.start()]
        tokens.append(_Token(start, end, word, fold(word), _is_sentence_start(text, start)))
    return tokens


# Words that follow a bare subject. A French common noun opening a sentence takes a determiner
# ("La colère…"), so "Marius lui a écrit" or "Ludlow lui manque" starts with a proper noun; the
# same holds for English "Marius called her".
_AFTER_SUBJECT = frozenset(fold(w) for w in (
    "lui", "leur", "l'", "m'", "t'", "s'", "n'", "ne", "se", "me", "te", "nous", "vous", "y",
    "a", "avait", "aura", "est", "était", "sera", "dit", "disait", "pense", "veut", "vient",
    "semble", "reste", "travaille", "vit", "habite", "fait", "sait", "peut", "doit",
    "said", "says", "called", "calls", "told", "tells", "asked", "asks", "was", "is", "has",
    "had", "wants", "wanted", "came", "comes", "went", "goes", "left", "lives", "lived",
    "works", "worked", "seems", "seemed", "thinks", "thought", "feels", "felt", "will",
    "would", "can", "could", "did", "does", "texted", "wrote", "writes",
    # Adverbs between a subject and its verb, and a second subject ("Rodolphe et sa fille").
    "never", "always", "also", "still", "often", "just", "finally", "jamais", "toujours",
    "aussi", "et", "and"))
# "Edmund, sa voisine, …": a bare word set off by a comma and a possessive is a person.
_APPOSITION = frozenset(("sa", "son", "ses", "ma", "mon", "mes", "leur", "notre", "his", "her",
                         "my", "their", "our"))


def _classify(token: _Token, previous: _Token | None, text: str,
              known: frozenset[str] = frozenset(), following: str = "") -> None:
    g = gazetteer()
    word, folded = token.word, token.folded
    if not word[0].isupper():
        return
    parts = folded.split()
    all_caps = len(word) >= 2 and word.isupper()
    gap = text[previous.end:token.start].strip() if previous else ""
    title_before = (previous is not None and not previous.skipped
                    and previous.folded in _TITLES and previous.word[0].isupper()
                    and (gap == "" or (gap == "." and previous.folded in _ABBREVIATED_TITLES)))
    if folded in g.capitalised_common or folded in g.allowed_places or folded in _TITLES:
        return
    if len(word) == 1:
        # A lone capital with a full stop is an initial when the sentence goes on ("avec J. ce
        # matin", "J. Kowalski"); else it is a label ("plan B", "vitamine D.").
        after = re.match(r"\.[ \u00a0]+(\w+)", text[token.end:token.end + 40])
        goes_on = after is not None and (after.group(1)[0].islower()
                                         or fold(after.group(1)) not in g.common)
        if goes_on and not token.sentence_start:
            token.flag = "initial"
            token.joinable = True
        return
    if all_caps and (folded in g.acronyms or folded in g.common):
        return  # an acronym that names no one, or a word in a shouted sentence
    name_reason = None
    if folded in g.first_names or any(p in g.first_names for p in parts):
        name_reason = "first_name"
    elif folded in g.surnames:
        name_reason = "surname"
    elif folded in g.places:
        name_reason = "place"
    ordinary = folded in g.common or (len(parts) > 1 and all(p in g.common for p in parts))
    if title_before:
        token.flag = "after_title"
    elif not token.sentence_start:
        # Inside a sentence a capital marks a proper noun, unless the word is an ordinary word
        # that people capitalise for emphasis or in titles ("la Colère") and no name.
        if name_reason:
            token.flag = name_reason
        elif all_caps:
            token.flag = "caps"
        elif not ordinary:
            token.flag = "capitalised"
        token.joinable = True
    elif name_reason and folded not in g.ambiguous and not ordinary:
        # A sentence opens with a capital anyway: only known names count there, or words seen
        # elsewhere in the export as proper nouns, or an unknown word in subject position.
        token.flag = name_reason
        token.joinable = True
    elif not ordinary and (folded in known or following in _AFTER_SUBJECT):
        token.flag = "capitalised"
        token.joinable = True
    elif all_caps and not ordinary:
        token.flag = "caps"
        token.joinable = True
    elif not ordinary:
        # An unknown word opening a sentence is no candidate alone, but it belongs to the name
        # that follows it ("Edmund O'Brien": the surname is flagged, the first name joins).
        token.joinable = True


def find_name_candidates(text: str, *, skip: Iterable[tuple[int, int]] = (),
                         known: frozenset[str] = frozenset()) -> list[NameHit]:
    """Capitalised words and groups that look like names, places or organisations.

    ``skip`` holds spans already replaced (registered terms, patterns): words inside them are
    neither flagged nor joined to a group. ``known`` holds folded words found as proper nouns
    elsewhere in the export: they are flagged at the start of a sentence too.
    """
    view = clean(text)
    skipped = sorted(skip)
    tokens = _words(view.text)
    previous: _Token | None = None
    for position, token in enumerate(tokens):
        source_start, source_end = view.source_span(token.start, token.end)
        if any(s < source_end and source_start < e for s, e in skipped):
            token.skipped = True
        else:
            following = ""
            if position + 1 < len(tokens):
                after = tokens[position + 1]
                # An elided pronoun ("l'a", "m'écrit") was cut from its word by _words.
                gap = view.text[token.end:after.start].strip()
                following = fold(gap or after.word)
                if gap == "," and after.folded in _APPOSITION:
                    following = "a"  # read like a verb after a subject
                elif following not in _AFTER_SUBJECT:
                    following = after.folded
            _classify(token, previous, view.text, known, following)
        previous = token
    hits: list[NameHit] = []
    index = 0
    while index < len(tokens):
        if not tokens[index].flag:
            index += 1
            continue
        first = last = index
        # Grow to the left and right over joinable capitalised words, particles between them
        # ("Hôpital Necker", "Jean de La Fontaine", "Banque de France SA").
        while first > 0 and _joins(view.text, tokens[first - 1], tokens[first]):
            first -= 1
        probe = index
        while True:
            step = _next_group_word(view.text, tokens, probe)
            if step is None:
                break
            probe = last = step
        reasons = [t.flag for t in tokens[first:last + 1] if t.flag]
        reason = min(reasons, key=_REASON_ORDER.index)
        start, end = view.source_span(tokens[first].start, tokens[last].end)
        words = tuple(t.folded for t in tokens[first:last + 1] if t.flag)
        hits.append(NameHit(start, end, words, reason))
        index = last + 1
    return hits


def _joins(text: str, left: _Token, right: _Token) -> bool:
    gap = text[left.end:right.start]
    return (left.joinable and left.word[0].isupper() and gap in (" ", "-")
            and not right.sentence_start)


def _next_group_word(text: str, tokens: list[_Token], index: int) -> int | None:
    """The index of the next word of the group that ``tokens[index]`` ends, or None."""
    probe = index + 1
    while probe < len(tokens) and tokens[probe].folded in _PARTICLES and not tokens[
            probe].word[0].isupper() and text[tokens[probe - 1].end:tokens[probe].start] in (
            " ", "-", "'", "’"):
        probe += 1
    if probe >= len(tokens):
        return None
    gap = text[tokens[probe - 1].end:tokens[probe].start]
    if gap not in (" ", "-", "'", "’", " d'", " d’"):
        return None
    word = tokens[probe]
    if word.folded in _ORG_SUFFIXES and probe == index + 1:
        return probe
    if word.word[0].isupper() and (word.joinable or word.flag) and not word.sentence_start:
        return probe
    return None
