"""Fixtures for every Qt test: the application identity, QSettings in a per-test folder, and no
background work or clipboard content left over from one test to the next.

Also ``all_widget_texts()``: every text a person (or a screen reader) could get from the live
widgets, used to prove that nothing from the vault survives a lock.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QSettings,
)
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication
from screen_tools import widget_texts

from supervision_journal.ui import i18n, tasks, theme
from supervision_journal.ui.app import configure_application
from supervision_journal.ui.main_window import MainWindow


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform cannot resize or raise native windows and says so each time.
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).parent == here:
            item.add_marker(pytest.mark.qt_log_ignore(
                "This plugin does not support propagateSizeHints",
                "This plugin does not support raise"))


@pytest.fixture(autouse=True)
def qt_identity(qapp: QApplication) -> QApplication:
    configure_application(qapp)
    # English as the app installs it: its catalogue gives the plural forms ("1 entry").
    i18n.install("en")
    return qapp


@pytest.fixture(autouse=True)
def isolated_qsettings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """QSettings of every format and scope write under a fresh folder for each test."""
    folder = tmp_path_factory.mktemp("qsettings")
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, str(folder))
    yield folder


@pytest.fixture(autouse=True)
def no_leftovers(qapp: QApplication) -> Iterator[None]:
    yield
    # Let workers finish and deliver their callbacks inside this test's lifetime.
    tasks.wait_for_all(30_000)
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QGuiApplication.clipboard().clear()


def all_widget_texts() -> list[str]:
    """Texts of every live widget, visible or not (a hidden widget still holds its text)."""
    texts: list[str] = []
    for widget in QApplication.allWidgets():
        texts += widget_texts(widget)
    return texts


@pytest.fixture
def widget_text_dump():
    """``widget_text_dump()`` returns the texts of all live widgets (see ``all_widget_texts``)."""
    return all_widget_texts


# -- screenshot tests: where the grabs go, light/dark and en/fr (a module may override them) ----

@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("SJ_SCREENSHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(params=["light", "dark"])
def palette(request: pytest.FixtureRequest) -> Iterator[str]:
    app = QApplication.instance()
    original = QPalette(QGuiApplication.palette())
    if request.param == "dark":
        app.setPalette(theme.dark_palette())
    yield request.param
    app.setPalette(original)


@pytest.fixture(params=["en", "fr"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    i18n.install(request.param)
    yield request.param
    i18n.install("en")


# -- the main window, shown and focused (a module may define its own ``window``) ---------------
@pytest.fixture
def window(qtbot, vault) -> Iterator[MainWindow]:
    w = MainWindow(vault)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    yield w
    w.flush()
