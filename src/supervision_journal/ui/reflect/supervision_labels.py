"""How a supervision session is named in lists and pickers: its date and supervisor."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...journal.models import SupervisionSession
from ..widgets import format_date
from .labels import format_label


def supervision_label(supervision: SupervisionSession) -> str:
    """ "12 Nov 2026 · Dr Martin · Group"."""
    who = supervision.supervisor.strip() or QCoreApplication.translate(
        "SupervisionLabel", "supervisor not named")
    return (QCoreApplication.translate("SupervisionLabel", "%1 · %2 · %3")
            .replace("%1", format_date(supervision.date)).replace("%2", who)
            .replace("%3", format_label(supervision.format)))
