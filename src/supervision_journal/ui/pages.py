"""The feature pages of the main window, after the Journal (one line per page).

Each factory takes the window and the open vault and returns ``(key, title, widget)``; the
window adds them in this order. A page that holds unsaved edits has a ``flush()`` method: the
window calls it before lock and quit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from ..vault import Vault
from .backups.page import backups_page
from .export import export_page
from .hours.page import hours_page
from .privacy.page import privacy_page
from .reflect.questions_page import questions_page
from .reflect.supervision_page import supervision_page

if TYPE_CHECKING:
    from .main_window import MainWindow

PageFactory = Callable[["MainWindow", Vault], tuple[str, str, QWidget]]

PAGE_FACTORIES: list[PageFactory] = [
    questions_page,
    supervision_page,
    hours_page,
    export_page,
    backups_page,
    privacy_page,
]


def install_pages(window: MainWindow, vault: Vault) -> None:
    for factory in PAGE_FACTORIES:
        key, title, widget = factory(window, vault)
        window.add_page(key, title, widget)
