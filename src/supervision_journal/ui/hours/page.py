"""The Hours page of the main window (registered in ui/pages.py): a dashboard of the renewal
cycle, the ledger of activities and the renewal report, in three tabs.

Nothing is read from the vault until the page is first shown (the main window builds every
page at unlock). The ledger's activities are then kept in memory and updated row by row; client
practice per month is derived from the session notes each time the page is shown again.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QTabWidget, QVBoxLayout, QWidget

from ...hours import store
from ...hours.models import Activity
from ...hours.practice import practice_activities
from ...hours.profiles import Profile
from ...vault import Vault
from .. import i18n
from . import settings
from .dashboard import Dashboard
from .ledger import LedgerView
from .ledger_model import ActivityTableModel
from .profiles_dialog import CustomProfileDialog, FollowDialog
from .report_view import ReportView

if TYPE_CHECKING:
    from ..main_window import MainWindow

PAGE_KEY = "hours"


class HoursPage(QWidget):
    def __init__(self, vault: Vault, parent: QWidget | None = None, *,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self._db = vault.db
        self._fixed_today = today  # tests and screenshots pin the date
        self._loaded = False
        self._practice: list[Activity] = []
        self._profiles: dict[str, Profile] = {}
        self.setObjectName("HoursPage")

        self.model = ActivityTableModel(self)
        self.ledger = LedgerView(self._db, self.model, self.offered_tags, self)
        self.dashboard = Dashboard(save_anchor=self._save_anchor, load_anchor=self._load_anchor,
                                   language=i18n.current, today=self.today, parent=self)
        self.report = ReportView(self._db, profiles=lambda: self._profiles,
                                 activities=self.activities, anchor=self.dashboard.anchor_for,
                                 language=i18n.current, today=self.today, parent=self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.dashboard, self.tr("Dashboard"))
        self.tabs.addTab(self.ledger, self.tr("Ledger"))
        self.tabs.addTab(self.report, self.tr("Renewal report"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.tabs)

        self.ledger.changed.connect(self._ledger_changed)
        self.dashboard.show_entries_requested.connect(self._show_entries)
        self.dashboard.follow_requested.connect(self.choose_profiles)
        self.dashboard.custom_requested.connect(self.edit_custom_profile)

    # -- data ------------------------------------------------------------------------------
    def today(self) -> date:
        return self._fixed_today or date.today()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.reload()
        else:
            self._reload_practice()  # notes may have been written since

    def reload(self) -> None:
        """Read the ledger, the practice months and the profiles from the vault."""
        self._loaded = True
        self.model.set_activities(store.list_activities(self._db),
                                  store.evidence_counts(self._db))
        self._practice = practice_activities(self._db)
        self._profiles = settings.all_profiles(self._db)
        self._refresh_views()

    def _reload_practice(self) -> None:
        practice = practice_activities(self._db)
        if practice != self._practice:
            self._practice = practice
            self.dashboard.set_activities(self.activities())

    def activities(self) -> list[Activity]:
        """The ledger plus client practice from the notes, unless practice is logged by hand
        (then the ledger is the record: hours/practice.with_practice)."""
        ledger = self.model.activities()
        if any(a.kind == "client_practice" for a in ledger):
            return ledger
        return [*ledger, *self._practice]

    def offered_tags(self) -> list[str]:
        chosen = settings.chosen(self._db)
        profiles = [p for pid, p in self._profiles.items() if pid in chosen] or \
            list(self._profiles.values())
        return sorted({t for p in profiles for t in p.tags_used()})

    def _load_anchor(self, profile_id: str) -> date | None:
        return settings.anchor(self._db, profile_id)

    def _save_anchor(self, profile_id: str, day: date) -> None:
        settings.set_anchor(self._db, profile_id, day)
        self.report.refresh()

    def _refresh_views(self) -> None:
        self.dashboard.refresh(self._profiles, settings.chosen(self._db), self.activities())
        profile = self.dashboard.current_profile()
        self.report.refresh(profile.id if profile else None)

    def _ledger_changed(self) -> None:
        self.dashboard.set_activities(self.activities())
        self.report.schedule_preview()

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.report:
            profile = self.dashboard.current_profile()
            self.report.refresh(profile.id if profile else None)

    # -- actions ---------------------------------------------------------------------------
    def _show_entries(self, ids: Sequence[int], why: str) -> None:
        self.tabs.setCurrentWidget(self.ledger)
        self.ledger.show_ids(list(ids), why)
        self.ledger.view.setFocus()

    def choose_profiles(self) -> FollowDialog:
        dialog = FollowDialog(self._db, self._profiles, i18n.current(), self)
        dialog.finished.connect(lambda result: self._dialog_done(dialog, result))
        dialog.open()
        return dialog

    def edit_custom_profile(self) -> CustomProfileDialog:
        dialog = CustomProfileDialog(self._db, i18n.current(), self)
        dialog.finished.connect(lambda result: self._dialog_done(dialog, result))
        dialog.open()
        return dialog

    def _dialog_done(self, dialog: QDialog, result: int) -> None:
        dialog.deleteLater()
        if result != QDialog.DialogCode.Accepted:
            return
        self._profiles = settings.all_profiles(self._db)
        self._refresh_views()
        if isinstance(dialog, CustomProfileDialog) and dialog.profile is not None:
            self.dashboard.select_profile(dialog.profile.id)

    def flush(self) -> None:
        """Before lock and quit: save what an open add/edit dialog holds."""
        self.ledger.flush()


def hours_page(window: MainWindow, vault: Vault) -> tuple[str, str, QWidget]:
    return PAGE_KEY, QCoreApplication.translate("HoursPage", "Hours"), HoursPage(vault, window)
