"""Dates as the backups screens show them: local time, in the user's language."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, QLocale


def format_time(value: datetime) -> str:
    """"14 Mar 2025 18:15" (local time; day-month-year reads well in English and French)."""
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(int(value.timestamp())),
                              "d MMM yyyy HH:mm")


def format_day(value: datetime) -> str:
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(int(value.timestamp())),
                              "d MMM yyyy")
