"""Finding a prompt: the suggestions for this session, favourites, every framework, search;
the chosen prompt's question and hint, with Answer and Favourite."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...prompts.library import Prompt, PromptLibrary

SUGGESTED = "@suggested"
FAVOURITES = "@favourites"
ALL = "@all"
ID_ROLE = Qt.ItemDataRole.UserRole


class _PromptList(QListWidget):
    """Enter answers the current prompt (the list is read with the keyboard)."""

    activated_by_key = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem():
            self.activated_by_key.emit()
            return
        super().keyPressEvent(event)


class PromptBrowser(QWidget):
    """Signals:
        answer_requested(str): answer this prompt id.
        favourite_toggled(str, bool): pin or unpin a prompt.
        delete_requested(str): forget one of the practitioner's own prompts.
        add_requested: "Add my own prompt…".
        free_requested: "Free reflection" (no prompt).
    """

    answer_requested = Signal(str)
    favourite_toggled = Signal(str, bool)
    delete_requested = Signal(str)
    add_requested = Signal()
    free_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library: PromptLibrary | None = None
        self._suggested: list[Prompt] = []
        self._favourites: list[str] = []
        self._answered: set[str] = set()

        self.view = QComboBox(self)
        self.view.setAccessibleName(self.tr("Which prompts to list"))
        self.view.currentIndexChanged.connect(self._refill)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search prompts"))
        self.search.setAccessibleName(self.tr("Search prompts"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)

        self.list = _PromptList(self)
        self.list.setAccessibleName(self.tr("Prompts"))
        self.list.setWordWrap(True)
        # Room for the five suggestions and a little more; the answers need the height.
        rows = self.list.fontMetrics().lineSpacing()
        self.list.setMinimumHeight(4 * rows)
        self.list.setMaximumHeight(7 * rows)
        self.list.currentItemChanged.connect(self._show_current)
        self.list.itemDoubleClicked.connect(lambda _item: self._answer())
        self.list.activated_by_key.connect(self._answer)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty.hide()

        self.question = QLabel(self)
        self.question.setWordWrap(True)
        self.question.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.answer = QPushButton(self.tr("&Answer"), self)
        self.answer.setAccessibleName(self.tr("Answer this prompt"))
        self.answer.clicked.connect(self._answer)
        self.favourite = QToolButton(self)
        self.favourite.setCheckable(True)
        self.favourite.setAutoRaise(True)
        self.favourite.setText(self.tr("☆ Favourite"))
        self.favourite.setAccessibleName(self.tr("Favourite prompt"))
        self.favourite.clicked.connect(self._favourite_clicked)
        self.delete = QToolButton(self)
        self.delete.setText(self.tr("Delete prompt"))
        self.delete.setAccessibleName(self.tr("Delete this prompt of mine"))
        self.delete.setAutoRaise(True)
        self.delete.clicked.connect(self._delete_clicked)

        self.add = QToolButton(self)
        self.add.setText(self.tr("Add my own prompt…"))
        self.add.setAccessibleName(self.tr("Add my own prompt"))
        self.add.setAutoRaise(True)
        self.add.clicked.connect(self.add_requested)
        self.free = QToolButton(self)
        self.free.setText(self.tr("Free reflection"))
        self.free.setAccessibleName(self.tr("Write a free reflection, without a prompt"))
        self.free.setAutoRaise(True)
        self.free.clicked.connect(self.free_requested)

        actions = QHBoxLayout()
        actions.setContentsMargins(0, 0, 0, 0)
        actions.addWidget(self.answer)
        actions.addWidget(self.favourite)
        actions.addWidget(self.delete)
        actions.addStretch(1)
        more = QHBoxLayout()
        more.setContentsMargins(0, 0, 0, 0)
        more.addWidget(self.free)
        more.addWidget(self.add)
        more.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.view)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        layout.addWidget(self.question)
        layout.addWidget(self.hint)
        layout.addLayout(actions)
        layout.addLayout(more)
        layout.addStretch(1)  # spare height goes below the buttons, not between the lines
        self._show_current()

    # -- data ------------------------------------------------------------------------------
    @property
    def library(self) -> PromptLibrary | None:
        return self._library

    def set_library(self, library: PromptLibrary) -> None:
        self._library = library
        current = self.view.currentData()
        self.view.blockSignals(True)
        self.view.clear()
        self.view.addItem(self.tr("Suggested for this session"), SUGGESTED)
        self.view.addItem(self.tr("Favourites"), FAVOURITES)
        self.view.addItem(self.tr("All prompts"), ALL)
        for framework, label in library.frameworks.items():
            self.view.addItem(label, framework)
        index = self.view.findData(current) if current is not None else 0
        self.view.setCurrentIndex(max(index, 0))
        self.view.blockSignals(False)
        self._refill()

    def set_suggestions(self, prompts: Sequence[Prompt], answered: set[str]) -> None:
        self._suggested = list(prompts)
        self._answered = set(answered)
        self._refill()

    def set_answered(self, answered: set[str]) -> None:
        self._answered = set(answered)
        self._refill()

    def set_favourites(self, ids: Sequence[str]) -> None:
        self._favourites = list(ids)
        self._refill()

    def show_view(self, key: str) -> None:
        self.view.setCurrentIndex(max(self.view.findData(key), 0))

    def current_prompt(self) -> Prompt | None:
        item = self.list.currentItem()
        if item is None or self._library is None:
            return None
        return self._library.by_id(item.data(ID_ROLE))

    def select_prompt(self, prompt_id: str) -> bool:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == prompt_id:
                self.list.setCurrentRow(row)
                return True
        return False

    def listed_ids(self) -> list[str]:
        return [self.list.item(row).data(ID_ROLE) for row in range(self.list.count())]

    # -- filling ---------------------------------------------------------------------------
    def _prompts_in_view(self) -> list[Prompt]:
        library = self._library
        if library is None:
            return []
        key = self.view.currentData()
        if key == SUGGESTED:
            chosen = list(self._suggested)
        elif key == FAVOURITES:
            chosen = [p for p in (library.by_id(i) for i in self._favourites) if p is not None]
        elif key == ALL or key is None:
            chosen = list(library)
        else:
            chosen = library.in_framework(key)
        text = self.search.text()
        if text.strip():  # best matches first, within the chosen list
            allowed = {p.id for p in chosen}
            chosen = [p for p in library.search(text) if p.id in allowed]
        return chosen

    def _search_changed(self, text: str) -> None:
        # Searching the five suggestions would rarely find anything: look in every prompt.
        if text.strip() and self.view.currentData() == SUGGESTED:
            self.show_view(ALL)  # refills
        else:
            self._refill()

    def _refill(self) -> None:
        current = self.list.currentItem()
        keep = current.data(ID_ROLE) if current is not None else None
        self.list.blockSignals(True)
        self.list.clear()
        prompts = self._prompts_in_view()
        for prompt in prompts:
            text = prompt.title
            if prompt.id in self._favourites:
                text = "★ " + text
            if prompt.id in self._answered:
                text = self.tr("%1 — answered").replace("%1", text)
            item = QListWidgetItem(text, self.list)
            item.setData(ID_ROLE, prompt.id)
        self.list.blockSignals(False)
        if prompts:
            ids = [p.id for p in prompts]
            self.list.setCurrentRow(ids.index(keep) if keep in ids else 0)
        self._show_empty(not prompts)
        self._show_current()

    def _show_empty(self, empty: bool) -> None:
        key = self.view.currentData()
        if self.search.text().strip():
            message = self.tr("No prompt matches this search.")
        elif key == FAVOURITES:
            message = self.tr("No favourites yet: pin a prompt with ☆ Favourite to keep it "
                              "at hand.")
        elif key == SUGGESTED:
            message = self.tr("Select a session to see prompts suggested for it.")
        else:
            message = self.tr("No prompts here yet: add your own with “Add my own prompt…”.")
        self.empty.setText(message)
        self.empty.setVisible(empty)
        self.list.setVisible(not empty)

    def _show_current(self, *_args: object) -> None:
        prompt = self.current_prompt()
        has = prompt is not None
        self.question.setText(prompt.question if prompt else "")
        self.hint.setText(prompt.hint if prompt else "")
        for widget in (self.question, self.answer, self.favourite):
            widget.setVisible(has)
        self.hint.setVisible(bool(prompt and prompt.hint))
        self.delete.setVisible(bool(prompt and prompt.custom))
        pinned = bool(prompt and prompt.id in self._favourites)
        self.favourite.setChecked(pinned)
        self.favourite.setText(self.tr("★ Favourite") if pinned else self.tr("☆ Favourite"))

    # -- actions ---------------------------------------------------------------------------
    def _answer(self) -> None:
        prompt = self.current_prompt()
        if prompt is not None:
            self.answer_requested.emit(prompt.id)

    def _favourite_clicked(self, checked: bool) -> None:
        prompt = self.current_prompt()
        if prompt is not None:
            self.favourite_toggled.emit(prompt.id, checked)

    def _delete_clicked(self) -> None:
        prompt = self.current_prompt()
        if prompt is not None and prompt.custom:
            self.delete_requested.emit(prompt.id)
