"""Help › Keyboard shortcuts: every shortcut of the window, read from its actions.

The table is built from the live QActions (menus, then each page's own), so it cannot drift
from what the keys really do; a few keys that belong to text fields and lists are added by
hand because they are not actions.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

Row = tuple[str, str]  # what it does, the keys
_CONTEXT = "ShortcutsDialog"
_STANDARD = QKeySequence.StandardKey
# Keys of text fields and lists, not actions: listed by hand (keys computed when shown, so
# they follow the platform: ⌘Z on macOS).
_TEXT_KEYS_GROUP = QT_TRANSLATE_NOOP("ShortcutsDialog", "In notes, lists and forms")
_TEXT_KEYS: tuple[tuple[str, Callable[[], tuple[QKeySequence, ...]]], ...] = (
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Undo, redo (each note section has its own history)"),
     lambda: (QKeySequence(_STANDARD.Undo), QKeySequence(_STANDARD.Redo))),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Next field, previous field"),
     lambda: (QKeySequence("Tab"), QKeySequence("Shift+Tab"))),
    (QT_TRANSLATE_NOOP("ShortcutsDialog",
                       "Open the selected search result, answer the selected prompt"),
     lambda: (QKeySequence("Return"),)),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Leave the search results"),
     lambda: (QKeySequence("Esc"),)),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Save a form (activity, recurring entries)"),
     lambda: (QKeySequence("Ctrl+Return"),)),
)


def _label(text: str) -> str:
    # "&New session" → "New session"; "&&" is a literal ampersand.
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _native(*sequences: QKeySequence) -> str:
    # Native text: "Ctrl+Z" on Linux and Windows, "⌘Z" on macOS, and translated key names.
    return ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText)
                     for k in sequences if not k.isEmpty())


def _keys(action: QAction) -> str:
    return _native(*action.shortcuts())


def shortcut_groups(window: QMainWindow,
                    pages: dict[str, tuple[str, QWidget]] | None = None
                    ) -> list[tuple[str, list[Row]]]:
    """(group title, rows) for the menus of ``window``, then for each page in ``pages``
    (key → (title, widget)) that has actions of its own, then the keys of text and lists."""
    groups: list[tuple[str, list[Row]]] = []
    listed: set[int] = set()
    for menu in window.menuBar().findChildren(QMenu):
        if menu.parent() is not window.menuBar():
            continue
        rows = []
        for action in menu.actions():
            if not action.isSeparator() and _keys(action):
                rows.append((_label(action.text()), _keys(action)))
                listed.add(id(action))
        if rows:
            groups.append((_label(menu.title()), rows))
    for title, widget in (pages or {}).values():
        rows = [(_label(a.text()), _keys(a)) for a in widget.findChildren(QAction)
                if _keys(a) and id(a) not in listed]
        # Bare QShortcuts have no text: those meant for people say what they do in whatsThis.
        rows += [(s.whatsThis(), _native(*s.keys())) for s in widget.findChildren(QShortcut)
                 if s.whatsThis() and s.keys()]
        if rows:
            groups.append((title, rows))
    translate = QCoreApplication.translate
    groups.append((translate(_CONTEXT, _TEXT_KEYS_GROUP),
                   [(translate(_CONTEXT, text), _native(*keys())) for text, keys in _TEXT_KEYS]))
    return groups


class ShortcutsDialog(QDialog):
    def __init__(self, groups: list[tuple[str, list[Row]]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ShortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("shortcutsTree")
        self.tree.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        for title, rows in groups:
            group = QTreeWidgetItem(self.tree, [title])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(True)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for text, keys in rows:
                QTreeWidgetItem(group, [text, keys])
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        self.tree.setColumnWidth(0, self.tree.columnWidth(0) + 24)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(max(560, self.tree.columnWidth(0) + 220), 560)

    def rows(self) -> list[tuple[str, str, str]]:
        """(group, action, keys), as shown."""
        out = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            for r in range(group.childCount()):
                item = group.child(r)
                out.append((group.text(0), item.text(0), item.text(1)))
        return out
