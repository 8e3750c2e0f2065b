"""Shared helpers of the page screenshot tests (export, backups, privacy): the clipped-label
check and waiting for workers. The fixtures they use (``shots``, ``palette``, ``language``) are in
tests/ui/conftest.py."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel, QWidget

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
