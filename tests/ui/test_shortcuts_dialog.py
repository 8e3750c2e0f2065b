"""Help › Keyboard shortcuts (F1) lists what the keys really do, read from the live actions."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from supervision_journal.ui.main_window import MainWindow
from supervision_journal.ui.shortcuts_dialog import ShortcutsDialog


def _open_with_f1(qtbot, window: MainWindow) -> ShortcutsDialog:
    qtbot.keyClick(window.clients_panel.view, Qt.Key.Key_F1)
    dialog = window.shortcuts_dialog
    qtbot.waitExposed(dialog)
    return dialog


def test_f1_lists_every_shortcut_of_the_menus_and_pages(qtbot, window) -> None:
    dialog = _open_with_f1(qtbot, window)
    rows = dialog.rows()
    shown = {(action, keys) for _group, action, keys in rows}
    native = QKeySequence.SequenceFormat.NativeText
    # Every action of the window with a shortcut is listed with its keys.
    for action in window.findChildren(type(window.lock_action)):
        keys = ", ".join(k.toString(native) for k in action.shortcuts() if not k.isEmpty())
        if keys and action.isVisible():
            label = action.text().replace("&", "").rstrip("…").strip()
            assert (label, keys) in shown, (label, keys)
    assert ("Lock", "Ctrl+L") in shown
    assert ("Search notes", "Ctrl+K, Ctrl+F") in shown
    # The Hours page's own actions come under its title; the Go menu names each page.
    hours = [r for r in rows if r[0] == "Hours"]
    assert ("Hours", "Duplicate", "Ctrl+D") in hours or any(r[2] == "Ctrl+D" for r in hours)
    groups = [r[0] for r in rows]
    assert groups.index("Go") < groups.index("Hours")
    dialog.reject()
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_the_list_follows_the_language(qtbot, language, window, shots: Path) -> None:
    dialog = _open_with_f1(qtbot, window)
    texts = [t for row in dialog.rows() for t in row]
    if language == "fr":
        assert "Verrouiller" in texts and "Lock" not in texts
    if os.environ.get("SJ_SCREENSHOTS"):
        QApplication.processEvents()
        dialog.grab().save(str(shots / f"shortcuts-{language}.png"))
    dialog.reject()
