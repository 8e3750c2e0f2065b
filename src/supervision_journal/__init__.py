"""Supervision Journal: an offline, encrypted journal for supervised practitioners."""

__version__ = "0.1.0"

# One reverse-DNS identity, used by Qt, platformdirs, the desktop file and the metainfo.
APP_ID = "io.github.supervision_journal.SupervisionJournal"
APP_NAME = "Supervision Journal"
ORG_NAME = "SupervisionJournal"
