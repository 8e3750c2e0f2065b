"""UI preferences in QSettings (INI file), each declared once with a type, a default and its
allowed values.

Only harmless preferences live here: window geometry, language, idle minutes, theme. Never a
secret, a client's data, a search, a note title, a count or a path of an export (design.md §5):
everything else belongs inside the vault.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSettings

from .. import APP_NAME, ORG_NAME

LANGUAGES = ("", "en", "fr")  # "" follows the system
THEMES = ("system", "light", "dark")
IDLE_RANGE = (1, 15)


@dataclass(frozen=True)
class Option:
    key: str
    default: object


LANGUAGE = Option("ui/language", "")
IDLE_MINUTES = Option("lock/idle_minutes", 5)
THEME = Option("ui/theme", "system")
_GEOMETRY_PREFIX = "geometry/"
_GEOMETRY_NAMES = ("main_window", "unlock_window", "first_run")


class Settings:
    """Typed access to the preferences; unknown or out-of-range values read as defaults."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG_NAME, APP_NAME)

    @property
    def path(self) -> str:
        return self._store.fileName()

    # -- language ----------------------------------------------------------------------------
    @property
    def language(self) -> str:
        value = self._store.value(LANGUAGE.key, LANGUAGE.default)
        return value if isinstance(value, str) and value in LANGUAGES else ""

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError("unsupported language code")
        self._store.setValue(LANGUAGE.key, value)

    # -- idle lock -----------------------------------------------------------------------------
    @property
    def idle_minutes(self) -> int:
        raw = self._store.value(IDLE_MINUTES.key, IDLE_MINUTES.default)
        try:
            minutes = int(raw)  # type: ignore[call-overload]
        except (TypeError, ValueError):
            return int(IDLE_MINUTES.default)  # type: ignore[call-overload]
        return min(max(minutes, IDLE_RANGE[0]), IDLE_RANGE[1])

    @idle_minutes.setter
    def idle_minutes(self, value: int) -> None:
        self._store.setValue(IDLE_MINUTES.key, min(max(int(value), IDLE_RANGE[0]), IDLE_RANGE[1]))

    # -- theme ---------------------------------------------------------------------------------
    @property
    def theme(self) -> str:
        value = self._store.value(THEME.key, THEME.default)
        return value if isinstance(value, str) and value in THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        if value not in THEMES:
            raise ValueError("unsupported theme")
        self._store.setValue(THEME.key, value)

    # -- window geometry ---------------------------------------------------------------------
    def geometry(self, name: str) -> QByteArray | None:
        if name not in _GEOMETRY_NAMES:
            raise ValueError("unknown window name")
        value = self._store.value(_GEOMETRY_PREFIX + name)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, name: str, value: QByteArray) -> None:
        if name not in _GEOMETRY_NAMES:
            raise ValueError("unknown window name")
        self._store.setValue(_GEOMETRY_PREFIX + name, value)

    def sync(self) -> None:
        self._store.sync()
