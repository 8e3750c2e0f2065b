"""Shared helpers of the Qt tests: the clipped-label check, waiting for workers, and
``widget_texts`` (every text a person or a screen reader could get from one widget). The
fixtures the screenshot tests use (``shots``, ``palette``, ``language``) are in
tests/ui/conftest.py."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLabel, QTabBar, QWidget

from supervision_journal.ui import tasks


def clipped_labels(root: QWidget) -> list[str]:
    """Visible labels whose text does not fit (wrapped: too short; single line: too narrow)."""
    bad = []
    for label in root.findChildren(QLabel):
        if not label.isVisibleTo(root) or not label.text():
            continue
        if label.wordWrap():
            if label.heightForWidth(label.width()) > label.height() + 1:
                bad.append(label.text()[:40])
        elif label.sizeHint().width() > label.width() + 1:
            bad.append(label.text()[:40])
    return bad


def settle(qtbot) -> None:
    qtbot.waitUntil(lambda: tasks.pending_count() == 0, timeout=30_000)
    for _ in range(3):
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _model_texts(model: QAbstractItemModel, parent: QModelIndex, depth: int = 0) -> list[str]:
    texts: list[str] = []
    flat = isinstance(model, QAbstractListModel | QAbstractTableModel)
    if depth > 3:
        return texts
    # List and table models hide columnCount/hasChildren that do not apply to them.
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)
    for row in range(min(model.rowCount(parent), 5000)):
        for column in range(columns):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                         Qt.ItemDataRole.EditRole, Qt.ItemDataRole.AccessibleTextRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    texts.append(value)
        first = model.index(row, 0, parent)
        if not flat and model.hasChildren(first):
            texts += _model_texts(model, first, depth + 1)
    return texts


def widget_texts(widget: QWidget) -> list[str]:
    texts: list[str] = []
    for getter in ("text", "toPlainText", "plainText", "placeholderText", "toolTip",
                   "windowTitle", "accessibleName", "accessibleDescription", "statusTip",
                   "whatsThis", "title", "currentText"):
        method = getattr(widget, getter, None)
        if callable(method):
            try:
                value = method()
            except TypeError:
                continue
            if isinstance(value, str):
                texts.append(value)
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        texts += _model_texts(widget.model(), QModelIndex())
    if isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QTabBar):
        texts += [widget.tabText(i) for i in range(widget.count())]
    return texts


def set_translation(message: ET.Element, text: str) -> None:
    """Give a .ts ``<message>`` the finished translation ``text``: every plural form of a
    ``numerus`` message (lupdate writes one empty form per plural of the file's language,
    none when it does not know the language), else the translation itself."""
    translation = message.find("translation")
    assert translation is not None
    translation.attrib.pop("type", None)
    if message.get("numerus") != "yes":
        translation.text = text
        return
    translation.text = None
    for child in list(translation):
        translation.remove(child)
    for _ in range(2):
        ET.SubElement(translation, "numerusform").text = text
