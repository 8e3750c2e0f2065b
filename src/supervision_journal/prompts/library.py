"""The reflection prompt library: loading, validating, looking up and searching prompts.

The prompts are data (``resources/prompts/<language>.json``, format described in
``docs/prompts.md``): every language file holds the same stable ids, so a reflection stores the
id and is shown in whatever language the interface uses today. The practitioner's own prompts are
kept in the vault by the journal and merged in with :meth:`PromptLibrary.with_custom`.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import Any

from supervision_journal.errors import KnownError

FILE_FORMAT = "supervision-journal-prompts"
FILE_VERSION = 1
DEFAULT_LANGUAGE = "en"
CUSTOM_PREFIX = "custom."
CUSTOM_FRAMEWORK = "custom"
COUNTERTRANSFERENCE = "countertransference"

_PROMPT_KEYS = ("id", "framework", "title", "question", "hint")
_FRAMEWORK_ID = re.compile(r"[a-z][a-z0-9_]*")
_BUILTIN_ID = re.compile(r"[a-z][a-z0-9_]*\.[a-z0-9][a-z0-9_]*")
_CUSTOM_ID = re.compile(r"custom\.[A-Za-z0-9_-]{1,64}")
_LANGUAGE = re.compile(r"[a-z]{2,3}")


class PromptLibraryError(KnownError):
    """A prompt file or a custom prompt does not follow the format; the message says where."""


@dataclass(frozen=True)
class Prompt:
    id: str
    framework: str
    title: str
    question: str
    hint: str
    custom: bool = False


def fold(text: str) -> str:
    """Text reduced for matching: no accents, no case, punctuation and hyphens as spaces.

    "Colère", "COLERE" and "colère" fold alike, and so do "contre-transfert" and "contre transfert".
    """
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # NFKD leaves the ligatures alone; French writes "cœur" and people type "coeur".
    bare = bare.casefold().replace("œ", "oe").replace("æ", "ae")
    return " ".join(re.sub(r"[\W_]+", " ", bare).split())


@dataclass(frozen=True)
class PromptLibrary:
    """The prompts of one language (plus any custom prompts), in a stable order.

    ``frameworks`` maps framework id to its label, in the order the file gives; the built-in
    prompts come in file order, custom prompts after them.
    """

    language: str
    frameworks: Mapping[str, str]
    prompts: tuple[Prompt, ...]
    _by_id: Mapping[str, Prompt] = field(init=False, repr=False, compare=False)
    _haystacks: tuple[tuple[str, str], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "frameworks", MappingProxyType(dict(self.frameworks)))
        object.__setattr__(self, "_by_id", MappingProxyType({p.id: p for p in self.prompts}))
        haystacks = tuple(
            (fold(p.title),
             fold(" ".join((p.title, p.question, p.hint, self.frameworks.get(p.framework, "")))))
            for p in self.prompts
        )
        object.__setattr__(self, "_haystacks", haystacks)

    def __len__(self) -> int:
        return len(self.prompts)

    def __iter__(self) -> Iterator[Prompt]:
        return iter(self.prompts)

    def __contains__(self, prompt_id: object) -> bool:
        return prompt_id in self._by_id

    def by_id(self, prompt_id: str) -> Prompt | None:
        """The prompt with this id, or None (a custom prompt may have been deleted since)."""
        return self._by_id.get(prompt_id)

    def in_framework(self, framework: str) -> list[Prompt]:
        return [p for p in self.prompts if p.framework == framework]

    @property
    def custom_prompts(self) -> list[Prompt]:
        return [p for p in self.prompts if p.custom]

    def search(self, text: str) -> list[Prompt]:
        """Prompts whose title, question, hint or framework label hold every word of ``text``.

        Matching ignores case, accents and punctuation; words match as prefixes or inside words
        ("colere" finds "colère", "transf" finds "contre-transfert"). Prompts whose title
        matches come first, then the others, each group in library order. Empty text: all.
        """
        terms = fold(text).split()
        if not terms:
            return list(self.prompts)
        in_title: list[Prompt] = []
        elsewhere: list[Prompt] = []
        for prompt, (title, everything) in zip(self.prompts, self._haystacks, strict=True):
            if all(term in everything for term in terms):
                (in_title if all(term in title for term in terms) else elsewhere).append(prompt)
        return in_title + elsewhere

    def with_custom(self, entries: Iterable[Mapping[str, Any]]) -> PromptLibrary:
        """A new library with the practitioner's own prompts appended.

        Each entry is a mapping with ``id`` (``custom.<letters, digits, - or _>``), ``framework``
        (one of this library's framework ids, ``custom`` for "my prompts"), ``title``,
        ``question`` and an optional ``hint``. Raises PromptLibraryError naming the entry's index
        (never its text) when one is malformed or its id is already taken.
        """
        added: list[Prompt] = []
        taken = set(self._by_id)
        for index, entry in enumerate(entries):
            prompt = parse_custom_prompt(entry, frameworks=self.frameworks, index=index)
            if prompt.id in taken:
                raise PromptLibraryError("Custom prompts: entry [{index}]: the id is used twice",
                                         index=index)
            taken.add(prompt.id)
            added.append(prompt)
        return PromptLibrary(self.language, self.frameworks, self.prompts + tuple(added))


def parse_custom_prompt(entry: Mapping[str, Any], *, frameworks: Mapping[str, str],
                        index: int = 0) -> Prompt:
    """Check one custom prompt (as stored in the vault) and return it as a Prompt.

    The journal can call this before saving a prompt the practitioner typed.
    """
    where = f"Custom prompts: entry [{index}]"
    if not isinstance(entry, Mapping):
        raise PromptLibraryError("{where}: expected an object", where=where)
    unknown = sorted(str(key) for key in entry if key not in _PROMPT_KEYS)
    if unknown:
        raise PromptLibraryError("{where}: unknown field {field!r}", where=where,
                                 field=unknown[0])
    hint = entry.get("hint", "")
    if hint is None:
        hint = ""
    if not isinstance(hint, str):
        raise PromptLibraryError("{where}: 'hint' must be a string", where=where)
    values = {key: _required_text(entry, key, where) for key in ("id", "framework", "title",
                                                               "question")}
    if not _CUSTOM_ID.fullmatch(values["id"]):
        raise PromptLibraryError(
            "{where}: the id must be {prefix!r} followed by letters, digits, - or _",
            where=where, prefix=CUSTOM_PREFIX)
    if values["framework"] not in frameworks:
        raise PromptLibraryError("{where}: unknown framework {framework!r}", where=where,
                                 framework=values["framework"])
    return Prompt(values["id"], values["framework"], values["title"].strip(),
                  values["question"].strip(), hint.strip(), custom=True)


def _required_text(entry: Mapping[str, Any], key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise PromptLibraryError("{where}: {key!r} must be a non-empty string", where=where,
                                 key=key)
    return value


def builtin_directory() -> Traversable:
    return resources.files("supervision_journal.resources") / "prompts"


def available_languages(directory: Traversable | Path | None = None) -> list[str]:
    """Language codes that have a prompt file, sorted."""
    folder = builtin_directory() if directory is None else directory
    return sorted(
        entry.name.removesuffix(".json") for entry in folder.iterdir()
        if entry.name.endswith(".json") and _LANGUAGE.fullmatch(entry.name.removesuffix(".json"))
    )


def load_library(language: str, *, directory: Traversable | Path | None = None) -> PromptLibrary:
    """The prompt library for ``language`` ("fr", "fr_FR", "fr-CA"…), English if there is none.

    ``directory`` replaces the shipped resources/prompts folder (tests, translators' drafts).
    Raises PromptLibraryError, naming the file and the prompt's index, if a file is malformed.
    """
    code = language.replace("-", "_").split("_")[0].lower()
    if not _LANGUAGE.fullmatch(code):
        code = DEFAULT_LANGUAGE
    if directory is None:
        return _load_builtin(code)
    return _load_from(directory, code)


@lru_cache(maxsize=8)
def _load_builtin(code: str) -> PromptLibrary:
    # The shipped files never change while the app runs, and a library is immutable.
    return _load_from(builtin_directory(), code)


def _load_from(directory: Traversable | Path, code: str) -> PromptLibrary:
    path = directory / f"{code}.json"
    if not path.is_file():
        path = directory / f"{DEFAULT_LANGUAGE}.json"
        code = DEFAULT_LANGUAGE
    if not path.is_file():
        raise PromptLibraryError("Prompt file {path}: not found", path=path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise PromptLibraryError("Prompt file {path}: cannot be read ({reason})", path=path,
                                 reason=str(exc)) from None
    except json.JSONDecodeError as exc:
        raise PromptLibraryError(
            "Prompt file {path}: not valid JSON (line {line}, column {column})", path=path,
            line=exc.lineno, column=exc.colno) from None
    return parse_library(data, source=str(path), language=code)


def parse_library(data: Any, *, source: str, language: str) -> PromptLibrary:
    """Validate the decoded content of one prompt file; ``source`` names it in errors."""
    where = f"Prompt file {source}"
    if not isinstance(data, dict):
        raise PromptLibraryError("{where}: expected a JSON object", where=where)
    if data.get("format") != FILE_FORMAT:
        raise PromptLibraryError("{where}: 'format' must be {format!r}", where=where,
                                 format=FILE_FORMAT)
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise PromptLibraryError("{where}: 'version' must be a positive whole number",
                                 where=where)
    if version > FILE_VERSION:
        raise PromptLibraryError(
            "{where}: version {version} was written for a newer version of the app",
            where=where, version=version)
    if data.get("language") != language:
        raise PromptLibraryError("{where}: 'language' must be {language!r}", where=where,
                                 language=language)
    frameworks = _parse_frameworks(data.get("frameworks"), where)
    entries = data.get("prompts")
    if not isinstance(entries, list) or not entries:
        raise PromptLibraryError("{where}: 'prompts' must be a non-empty list", where=where)

    prompts: list[Prompt] = []
    seen: set[str] = set()
    prefix_of: dict[str, tuple[str, str]] = {}  # framework -> (prefix, id that set it)
    for index, entry in enumerate(entries):
        prompt = _parse_builtin_prompt(entry, f"{where}: prompts[{index}]", frameworks)
        at = f"{where}: prompts[{index}] ({prompt.id})"
        if prompt.id in seen:
            raise PromptLibraryError("{where}: duplicate id", where=at)
        seen.add(prompt.id)
        # One prefix per framework, distinct across frameworks, so an id says its framework.
        prefix = prompt.id.split(".", 1)[0]
        known = prefix_of.setdefault(prompt.framework, (prefix, prompt.id))
        if known[0] != prefix:
            raise PromptLibraryError(
                "{where}: prefix {prefix!r} differs from {other!r} in the same framework",
                where=at, prefix=prefix, other=known[1])
        for other, (other_prefix, first) in prefix_of.items():
            if other != prompt.framework and other_prefix == prefix:
                raise PromptLibraryError(
                    "{where}: prefix {prefix!r} is already used by framework {framework!r} "
                    "({first})", where=at, prefix=prefix, framework=other, first=first)
        prompts.append(prompt)
    return PromptLibrary(language, frameworks, tuple(prompts))


def _parse_frameworks(value: Any, where: str) -> dict[str, str]:
    if not isinstance(value, dict) or not value:
        raise PromptLibraryError("{where}: 'frameworks' must be a non-empty object",
                                 where=where)
    for framework, label in value.items():
        if not _FRAMEWORK_ID.fullmatch(framework):
            raise PromptLibraryError("{where}: frameworks: invalid id {framework!r}", where=where,
                                     framework=framework)
        if not isinstance(label, str) or not label.strip():
            raise PromptLibraryError(
                "{where}: frameworks[{framework!r}] must be a non-empty string", where=where,
                framework=framework)
    if CUSTOM_FRAMEWORK not in value:
        raise PromptLibraryError("{where}: frameworks must include {framework!r}", where=where,
                                 framework=CUSTOM_FRAMEWORK)
    return {framework: label.strip() for framework, label in value.items()}


def _parse_builtin_prompt(entry: Any, where: str, frameworks: Mapping[str, str]) -> Prompt:
    if not isinstance(entry, dict):
        raise PromptLibraryError("{where}: expected an object", where=where)
    if isinstance(entry.get("id"), str) and entry["id"].strip():
        where = f"{where} ({entry['id']})"
    unknown = sorted(key for key in entry if key not in _PROMPT_KEYS)
    if unknown:
        raise PromptLibraryError("{where}: unknown field {field!r}", where=where,
                                 field=unknown[0])
    values = {key: _required_text(entry, key, where) for key in _PROMPT_KEYS}
    if values["id"].startswith(CUSTOM_PREFIX) or not _BUILTIN_ID.fullmatch(values["id"]):
        raise PromptLibraryError(
            "{where}: the id must look like 'prefix.slug' (lower case, digits, _), and "
            "{prefix!r} is kept for the practitioner's own prompts", where=where,
            prefix=CUSTOM_PREFIX)
    if values["framework"] not in frameworks or values["framework"] == CUSTOM_FRAMEWORK:
        raise PromptLibraryError("{where}: unknown framework {framework!r}", where=where,
                                 framework=values["framework"])
    return Prompt(values["id"], values["framework"], values["title"].strip(),
                  values["question"].strip(), values["hint"].strip())
