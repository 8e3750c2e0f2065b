"""Languages: pick one (the setting, else the system's), install Qt's and our translators, and
set the default locale so dates and numbers follow it.

Catalogues are ``resources/translations/supervision_journal_<lang>.qm`` (compiled from the
``.ts`` files with ``pyside6-lrelease``). English is the source language; its small catalogue
holds only the plural forms ("%n entries" → "1 entry"), which Qt cannot guess from the source.
"""

from __future__ import annotations

from contextlib import ExitStack
from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

SUPPORTED = ("en", "fr")
SOURCE_LANGUAGE = "en"
# Each language named in itself: the list must stay readable whatever the current language.
NATIVE_NAMES = {"en": "English", "fr": "Français"}

_installed: list[QTranslator] = []
_files = ExitStack()


def system_language() -> str:
    code = QLocale.system().name().split("_", 1)[0]
    return code if code in SUPPORTED else SOURCE_LANGUAGE


def resolve(setting: str) -> str:
    """The language to use: the setting when it names a supported one, else the system's."""
    return setting if setting in SUPPORTED else system_language()


def catalogue_path(language: str) -> str | None:
    """A real file path to our compiled catalogue for ``language``, or None."""
    entry = resources.files("supervision_journal.resources").joinpath(
        "translations", f"supervision_journal_{language}.qm")
    if not entry.is_file():
        return None
    return str(_files.enter_context(resources.as_file(entry)))


def install(language: str) -> bool:
    """Replace the installed translators with those for ``language`` (one of SUPPORTED).

    Returns True when our catalogue was found (always True for English, which reads well
    enough without its plural forms).
    """
    app = QCoreApplication.instance()
    assert app is not None, "install the translator after creating the application"
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    locale = _locale_for(language)
    QLocale.setDefault(locale)
    if language != SOURCE_LANGUAGE:
        qt = QTranslator()
        if qt.load(locale, "qtbase", "_",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    path = catalogue_path(language)
    ours = QTranslator()
    if path is None or not ours.load(path):
        return language == SOURCE_LANGUAGE
    app.installTranslator(ours)
    _installed.append(ours)
    return True


def _locale_for(language: str) -> QLocale:
    # Keep the system's region when it speaks this language (fr_CA stays fr_CA).
    system = QLocale.system()
    if system.name().split("_", 1)[0] == language:
        return system
    return QLocale(language)


def current() -> str:
    return QLocale().name().split("_", 1)[0]
