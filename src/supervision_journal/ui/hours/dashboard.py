"""Where the practitioner stands: for the chosen profile, the current cycle's progress per
requirement, the periods that fell short (in plain words), days left, group entries that lack a
size, and hours per month by kind.

Switching profile recomputes from the activities already in memory (no query): see
``summary.dashboard_data`` and bench/hours.py for the time it takes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...hours.models import Activity
from ...hours.profiles import Profile
from ...hours.progress import EXEMPT, MET, OPEN, PeriodResult, RequirementProgress
from ..widgets import AMBER, AMBER_TEXT, accent_text, format_date, from_qdate, to_qdate
from .chart import HoursChart
from .labels import month_year, number_text
from .summary import DashboardData, dashboard_data, default_anchor

MAX_SHORT_LINES = 8


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


class Dashboard(QWidget):
    """``refresh(profiles, chosen_ids, activities)`` after the ledger or the choices change;
    switching profile in the combo box recomputes at once."""

    show_entries_requested = Signal(list, str)  # activity ids, why they are shown
    follow_requested = Signal()
    custom_requested = Signal()
    profile_changed = Signal(str)

    def __init__(self, *, save_anchor: Callable[[str, date], None],
                 load_anchor: Callable[[str], date | None], language: Callable[[], str],
                 today: Callable[[], date] = date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save_anchor = save_anchor
        self._load_anchor = load_anchor
        self._language = language
        self._today = today
        self._profiles: dict[str, Profile] = {}
        self._activities: Sequence[Activity] = ()
        self.data: DashboardData | None = None
        self.last_recompute_ms = 0.0
        self._build()

    # -- construction ----------------------------------------------------------------------
    def _build(self) -> None:
        self.profile_box = QComboBox(self)
        self.profile_box.setAccessibleName(self.tr("Renewal profile"))
        self.profile_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.profile_box.currentIndexChanged.connect(self._profile_chosen)
        self.anchor_edit = QDateEdit(self)
        self.anchor_edit.setAccessibleName(self.tr("A date on which one of your cycles began"))
        self.anchor_edit.setDisplayFormat("yyyy-MM-dd")
        self.anchor_edit.setCalendarPopup(True)
        self.anchor_edit.setToolTip(self.tr(
            "Any date on which one of your renewal cycles began, e.g. your registration or "
            "last renewal date. Cycles follow each other from it."))
        self.anchor_edit.dateChanged.connect(self._anchor_changed)
        self.follow_button = QPushButton(self.tr("&Bodies I follow…"), self)
        self.follow_button.clicked.connect(self.follow_requested)
        self.custom_button = QPushButton(self.tr("My own &rules…"), self)
        self.custom_button.clicked.connect(self.custom_requested)

        top = QHBoxLayout()
        profile_label = QLabel(self.tr("&Profile"), self)
        profile_label.setBuddy(self.profile_box)
        anchor_label = QLabel(self.tr("&Cycles begin on"), self)
        anchor_label.setBuddy(self.anchor_edit)
        top.addWidget(profile_label)
        top.addWidget(self.profile_box)
        top.addSpacing(12)
        top.addWidget(anchor_label)
        top.addWidget(self.anchor_edit)
        top.addStretch(1)
        top.addWidget(self.follow_button)
        top.addWidget(self.custom_button)

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.heading.setFont(font)
        self.cycle_line = QLabel(self)
        self.cycle_line.setWordWrap(True)
        self.cycle_line.setTextFormat(Qt.TextFormat.PlainText)

        self.unsized = QFrame(self)
        self.unsized.setAutoFillBackground(True)
        palette = self.unsized.palette()
        palette.setColor(self.unsized.backgroundRole(), AMBER)
        palette.setColor(self.unsized.foregroundRole(), AMBER_TEXT)
        self.unsized.setPalette(palette)
        self.unsized_label = QLabel(self.unsized)
        self.unsized_label.setWordWrap(True)
        self.unsized_button = QPushButton(self.tr("&Show these entries"), self.unsized)
        self.unsized_button.clicked.connect(self._show_unsized)
        row = QHBoxLayout(self.unsized)
        row.setContentsMargins(8, 6, 8, 6)
        row.addWidget(self.unsized_label, 1)
        row.addWidget(self.unsized_button)
        self.unsized.hide()

        self.requirements = QWidget(self)
        self.requirements_layout = QGridLayout(self.requirements)
        self.requirements_layout.setContentsMargins(0, 4, 0, 4)
        self.requirements_layout.setHorizontalSpacing(12)
        self.requirements_layout.setVerticalSpacing(4)
        self.requirements_layout.setColumnStretch(1, 1)

        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.source = QLabel(self)
        self.source.setWordWrap(True)
        self.source.setTextFormat(Qt.TextFormat.PlainText)
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.chart_title = QLabel(self)
        self.chart_title.setWordWrap(True)
        self.chart = HoursChart(self)

        content = QWidget(self)
        body = QVBoxLayout(content)
        body.setContentsMargins(4, 4, 12, 4)
        body.setSpacing(8)
        body.addWidget(self.heading)
        body.addWidget(self.cycle_line)
        body.addWidget(self.unsized)
        body.addWidget(self.requirements)
        body.addWidget(self.notes)
        body.addWidget(self.source)
        body.addWidget(self.chart_title)
        body.addWidget(self.chart, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        self.scroll = scroll

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)

    # -- inputs ----------------------------------------------------------------------------
    def refresh(self, profiles: dict[str, Profile], chosen: Sequence[str],
                activities: Sequence[Activity]) -> None:
        """New profiles, choices or activities: rebuild the list and recompute."""
        self._profiles = profiles
        self._activities = activities
        language = self._language()
        wanted = [p for p in chosen if p in profiles] or sorted(
            profiles, key=lambda p: profiles[p].name.get(language))
        current = self.profile_box.currentData()
        self.profile_box.blockSignals(True)
        self.profile_box.clear()
        for pid in wanted:
            self.profile_box.addItem(profiles[pid].name.get(language), pid)
        index = self.profile_box.findData(current)
        self.profile_box.setCurrentIndex(max(0, index))
        self.profile_box.blockSignals(False)
        self.recompute()

    def set_activities(self, activities: Sequence[Activity]) -> None:
        self._activities = activities
        self.recompute()

    def select_profile(self, profile_id: str) -> bool:
        index = self.profile_box.findData(profile_id)
        if index < 0:
            return False
        self.profile_box.setCurrentIndex(index)
        return True

    def current_profile(self) -> Profile | None:
        pid = self.profile_box.currentData()
        return self._profiles.get(pid) if pid else None

    def _profile_chosen(self, _index: int) -> None:
        self.recompute()
        pid = self.profile_box.currentData()
        if pid:
            self.profile_changed.emit(pid)

    def _anchor_changed(self, value: QDate) -> None:
        profile = self.current_profile()
        if profile is None or not value.isValid():
            return
        self._save_anchor(profile.id, from_qdate(value))
        self.recompute()

    def anchor_for(self, profile: Profile) -> date:
        return self._load_anchor(profile.id) or default_anchor(profile, self._activities,
                                                               self._today())

    # -- computing and showing -------------------------------------------------------------
    def recompute(self) -> None:
        started = time.perf_counter()
        profile = self.current_profile()
        if profile is None:
            self.data = None
            self.heading.setText(self.tr("No renewal profile"))
            return
        anchor = self.anchor_for(profile)
        self.anchor_edit.blockSignals(True)
        self.anchor_edit.setDate(to_qdate(anchor))
        self.anchor_edit.setEnabled(profile.cycle.anchor is None)
        self.anchor_edit.blockSignals(False)
        self.data = dashboard_data(profile, self._activities, anchor, self._today())
        self._show(self.data)
        self.last_recompute_ms = (time.perf_counter() - started) * 1000

    def _show(self, data: DashboardData) -> None:
        language = self._language()
        profile, progress = data.profile, data.progress
        self.heading.setText(profile.name.get(language))
        if progress.today < progress.start:
            left = self.tr("The cycle has not begun yet.")
        else:
            left = self.tr("%n days left.", "", progress.days_left)
        self.cycle_line.setText(
            self.tr("Current cycle: %1 to %2. %3").replace("%1", format_date(progress.start))
            .replace("%2", format_date(data.last_day)).replace("%3", left))

        unsized = progress.unsized_groups
        self.unsized.setVisible(bool(unsized))
        if unsized:
            self.unsized_label.setText(self.tr(
                "%n group or peer entries in this cycle have no group size. They count for "
                "nothing under these rules until you add the number of supervisees (not "
                "counting the supervisor).", "", len(unsized)))

        self._fill_requirements(progress.requirements, profile, language, progress.days_left)
        self.notes.setText(profile.notes.get(language) if profile.notes else "")
        self.notes.setVisible(profile.notes is not None)
        self.source.setText(self.tr("Figures checked on %1. Source: %2. Check the body's "
                                    "current rules before relying on them.")
                            .replace("%1", format_date(profile.checked_on))
                            .replace("%2", profile.source))
        if data.months:
            self.chart_title.setText(
                self.tr("Hours logged per month, %1 to %2 (client practice not shown)")
                .replace("%1", month_year(data.months[0].month))
                .replace("%2", month_year(data.months[-1].month)))
        else:
            self.chart_title.setText(self.tr("Hours logged per month"))
        self.chart.set_months(data.months)

    def _clear_requirements(self) -> None:
        layout = self.requirements_layout
        while layout.count():
            item = layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()

    def _fill_requirements(self, requirements: Sequence[RequirementProgress],
                           profile: Profile, language: str, days_left: int) -> None:
        self._clear_requirements()
        grid = self.requirements_layout
        self.bars: dict[str, QProgressBar] = {}
        self.status_labels: dict[str, QLabel] = {}
        self.short_labels: dict[str, QLabel] = {}
        row = 0
        accent = accent_text(self.palette())
        for req in requirements:
            name = QLabel(req.requirement.name.get(language), self.requirements)
            name.setWordWrap(True)
            bar = QProgressBar(self.requirements)
            bar.setTextVisible(False)
            bar.setRange(0, 1000)
            bar.setMinimumWidth(140)
            bar.setMaximumHeight(14)
            bar.setValue(round(self.fraction(req) * 1000))
            amounts = QLabel(self._amounts(req, language), self.requirements)
            status = QLabel(self._status(req), self.requirements)
            status.setMargin(2)
            if req.met:
                status.setStyleSheet(f"color: {accent.name()}; font-weight: bold;")
            elif req.met is False and (req.shortfalls or days_left == 0):
                # the amber badge: a period fell short, or the cycle is over
                status.setStyleSheet(f"background: {AMBER.name()}; color: {AMBER_TEXT.name()};"
                                     " padding: 0 4px;")
            bar.setAccessibleName(req.requirement.name.get(language))
            bar.setAccessibleDescription(f"{amounts.text()} · {status.text()}")
            grid.addWidget(name, row, 0)
            grid.addWidget(bar, row, 1)
            grid.addWidget(amounts, row, 2)
            grid.addWidget(status, row, 3)
            self.bars[req.id] = bar
            self.status_labels[req.id] = status
            row += 1
            details = self._period_lines(req, profile, language)
            if details:
                label = QLabel("\n".join(details), self.requirements)
                label.setWordWrap(True)
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setContentsMargins(16, 0, 0, 6)
                grid.addWidget(label, row, 0, 1, 4)
                self.short_labels[req.id] = label
                row += 1
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)

    @staticmethod
    def fraction(req: RequirementProgress) -> float:
        """How full the bar is. Per-period minimums without averaging count each period up to
        its minimum only: extra hours in May do not make up for a short October."""
        if req.requirement.kind == "per_period" and not req.requirement.averaging:
            judged = [p for p in req.periods if p.status != EXEMPT]
            needed = sum(p.needed for p in judged)
            got = sum(min(p.claimable, p.needed) for p in judged)
            return got / needed if needed else 1.0
        if req.needed:
            return min(1.0, req.claimable / req.needed)
        return 1.0 if req.claimable else 0.0

    # -- words -----------------------------------------------------------------------------
    def amount(self, req: RequirementProgress, value: float, language: str) -> str:
        if req.measure == "activities":
            return self.tr("%n activities", "", round(value))  # a count: whole
        unit = "h" if req.unit.id == "hours" else req.unit.name.get(language)
        return f"{number_text(req.in_unit(value))} {unit}"

    def _amounts(self, req: RequirementProgress, language: str) -> str:
        if req.requirement.kind == "per_period" and not req.requirement.averaging:
            judged = [p for p in req.periods if p.status != EXEMPT]
            met = sum(1 for p in judged if p.status == MET)
            # The noun agrees with the total: "1 of 3 months met", "0 of 1 month met".
            n = len(judged)
            text = {"month": self.tr("%1 of %n months met", "", n),
                    "quarter": self.tr("%1 of %n quarters met", "", n),
                    "year": self.tr("%1 of %n years met", "", n)}[req.requirement.period or "year"]
            return text.replace("%1", str(met))
        got = self.amount(req, req.claimable, language)
        if req.needed is None:
            return got
        return self.tr("%1 of %2").replace("%1", got).replace(
            "%2", self.amount(req, req.needed, language))

    def _status(self, req: RequirementProgress) -> str:
        if req.met is None:
            return self.tr("no figure set")
        spread = req.requirement.spread_months
        if req.met:
            return self.tr("met")
        if spread is not None and req.months_spread is not None and \
                req.months_spread < spread and (req.needed is None or
                                                req.claimable >= req.needed):
            return self.tr("needs %n different months (%1 so far)", "", spread).replace(
                "%1", str(req.months_spread))
        if req.requirement.kind == "per_period":
            return self.tr("not met") if req.shortfalls else self.tr("not yet")
        if req.needed is not None and req.needed > req.claimable:
            return self.tr("%1 to go").replace(
                "%1", self.amount(req, req.needed - req.claimable, self._language()))
        return self.tr("not yet")

    def period_label(self, period: PeriodResult, start: bool = False) -> str:
        """The period in words; ``start``: it opens a line (French months are lower-case
        elsewhere)."""
        label = period.label
        if "/" in label:
            return self.tr("%1 to %2").replace("%1", format_date(period.start)).replace(
                "%2", format_date(period.end - timedelta(days=1)))
        if "-Q" in label:
            year, quarter = label.split("-Q")
            return self.tr("Q%1 %2").replace("%1", quarter).replace("%2", year)
        if len(label) == 7:
            text = month_year(period.start)
            return _capitalised(text) if start else text
        return label

    def _what(self, req: RequirementProgress, profile: Profile, language: str) -> str:
        """"supervision" in "1.0 h of supervision": the category's name when there is one."""
        if len(req.requirement.categories) != 1:
            return ""
        cid = req.requirement.categories[0]
        for category in profile.categories:
            if category.id == cid:
                name = category.name.get(language)
                # lower-case a capitalised common word, never an acronym ("CBT")
                if len(name) > 1 and name[1:2].islower():
                    name = name[0].lower() + name[1:]
                return name
        return ""

    def shortfall_line(self, req: RequirementProgress, period: PeriodResult, profile: Profile,
                       language: str) -> str:
        what = self._what(req, profile, language)
        got = self.amount(req, period.claimable, language)
        needed = self.amount(req, period.needed, language)
        if what:
            text = self.tr("%1: %2 of %3, %4 needed").replace("%3", what)
        else:
            text = self.tr("%1: %2 counted, %4 needed")
        return text.replace("%1", self.period_label(period, True)).replace("%2", got).replace(
            "%4", needed)

    def _period_lines(self, req: RequirementProgress, profile: Profile,
                      language: str) -> list[str]:
        if req.requirement.kind != "per_period":
            return []
        lines = []
        short = req.shortfalls
        for period in short[-MAX_SHORT_LINES:]:
            lines.append(self.shortfall_line(req, period, profile, language))
        if len(short) > MAX_SHORT_LINES:
            lines.insert(0, self.tr("Earlier periods that also fell short: %1.").replace(
                "%1", str(len(short) - MAX_SHORT_LINES)))
        current = [p for p in req.periods if p.status == OPEN]
        if current:
            p = current[-1]
            lines.append(self.tr("%1 (in progress): %2 so far, %3 needed").replace(
                "%1", self.period_label(p, True)).replace(
                "%2", self.amount(req, p.claimable, language)).replace(
                "%3", self.amount(req, p.needed, language)))
        exempt = [p for p in req.periods if p.status == EXEMPT]
        if exempt:
            names = ", ".join(self.period_label(p) for p in exempt[-MAX_SHORT_LINES:])
            if len(exempt) > MAX_SHORT_LINES:
                names = "…, " + names
            lines.append(self.tr("Not required (a documented break, or no client work): %1.")
                         .replace("%1", names))
        return lines

    def _show_unsized(self) -> None:
        if self.data is None:
            return
        self.show_entries_requested.emit(
            list(self.data.progress.unsized_groups),
            self.tr("Group or peer entries without a group size, in the current cycle."))
