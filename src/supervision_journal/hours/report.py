"""The renewal report: totals per requirement, the activity list with learning and impact, and a
signature line, as Markdown, HTML (for the PDF renderer in ui/pdf.py) and CSV.

It must contain no client data at all. Activities hold none by design, but their free text is
typed by people, so every text goes through ``redact`` (built by the caller from the registered
pseudonyms and identity terms) before it is written.
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from .labels import colon, counted, kind_label, long_date, period_words, word
from .models import Activity
from .profiles import Profile
from .progress import EXEMPT, CycleProgress, RequirementProgress, cycle_end, evaluate

Redactor = Callable[[str], str]


def _number(value: float, language: str) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if language.startswith("fr") else text


def _hours(minutes: float, language: str = "en") -> str:
    return _number(minutes / 60, language) if minutes else "0"


def _last_day(progress: CycleProgress) -> date:
    return progress.end - timedelta(days=1)  # ``end`` is the first day after the cycle


def _amount(req: RequirementProgress, value: float | None, language: str = "en") -> str:
    if value is None:
        return "—"
    if req.measure == "activities":
        return counted("activity_count", language, value)
    shown = _number(req.in_unit(value), language)
    unit = "h" if req.unit.id == "hours" else req.unit.name.get(language)
    return f"{shown} {unit}"


@dataclass(frozen=True)
class RenewalReport:
    profile: Profile
    progress: CycleProgress
    activities: tuple[Activity, ...]
    language: str
    redact: Redactor

    def _status(self, req: RequirementProgress) -> str:
        if req.met is None:
            return word("no_figure", self.language)
        if not req.met and req.shortfalls:
            # the total can exceed the sum of the minimums while a month fell short: say so
            judged = sum(1 for p in req.periods if p.status != EXEMPT)
            return counted("not_met_periods", self.language, len(req.shortfalls), judged)
        return word("met" if req.met else "not_met", self.language)

    @property
    def document_title(self) -> str:
        """The document's name in its language, for the PDF's title and page footer."""
        return word("title", self.language)

    def _cycle_dates(self) -> str:
        p = self.progress
        return word("from_to", self.language, long_date(p.start, self.language),
                    long_date(_last_day(p), self.language))

    def _title(self) -> str:
        return (f"{word('title', self.language)} — "
                f"{self.redact(self.profile.name.get(self.language))}")

    def _name(self, req: RequirementProgress) -> str:
        # A custom profile's names are typed by the practitioner too.
        return self.redact(req.requirement.name.get(self.language))

    def _source(self) -> str:
        p = self.profile
        return self.redact(word("source", self.language, p.body,
                                long_date(p.checked_on, self.language), p.source))

    def _tags(self, a: Activity) -> str:
        return self.redact(", ".join(a.categories))

    def _details(self, a: Activity) -> str:
        if a.id < 0:
            return word("from_notes", self.language)
        return self.redact(" · ".join(x for x in (a.title, a.provider) if x))

    # -- Markdown -----------------------------------------------------------------------------
    def to_markdown(self) -> str:
        lang, p = self.language, self.progress
        out = [f"# {self._title()}", "",
               f"{word('cycle', lang)} {self._cycle_dates()}  ",
               f"{word('generated', lang, long_date(p.today, lang))} · "
               f"{counted('days_left', lang, p.days_left)}",
               "",
               f"## {word('requirements', lang)}", "",
               f"| {word('requirement', lang)} | {word('claimable', lang)} | "
               f"{word('needed', lang)} | {word('status', lang)} |", "|---|---|---|---|"]
        for req in p.requirements:
            got, needed = _amount(req, req.claimable, lang), _amount(req, req.needed, lang)
            out.append(f"| {self._name(req)} | {got} | {needed} | "
                       f"{self._status(req)} |")
        short = [(req, per) for req in p.requirements for per in req.shortfalls]
        if short:
            out += ["", f"### {word('shortfalls', lang)}", ""]
            out += [f"- {self._name(req)} — " + word(
                "shortfall_line", lang, period_words(per.label, lang),
                _amount(req, per.claimable, lang),
                _amount(req, per.needed, lang)) for req, per in short]
        if p.unsized_groups:
            out += ["", counted("unsized", lang, len(p.unsized_groups))]
        out += ["", f"## {word('activities', lang)}", ""]
        if not self.activities:
            out.append(word("no_activities", lang))
        for a in self.activities:
            line = (f"- **{long_date(a.date, lang)}** · {kind_label(a.kind, lang)} · "
                    f"{_hours(a.minutes, lang)} h")
            details = self._details(a)
            if details:
                line += f" · {details}"
            if a.categories:
                line += f" · {word('categories', lang)}{colon(lang)}{self._tags(a)}"
            out.append(line)
            for key, text in (("learning", a.learning), ("impact", a.impact)):
                if text.strip():
                    out.append(f"  - *{word(key, lang)}* — {self.redact(text.strip())}")
        out += ["", self._source(), "",
                f"{word('signature', lang)}{colon(lang)}______________________    "
                f"{word('date', lang)}{colon(lang)}____________", ""]
        return "\n".join(out)

    # -- HTML (for the PDF) -------------------------------------------------------------------
    def to_html(self) -> str:
        lang, p, e = self.language, self.progress, html.escape
        rows = "".join(
            f"<tr><td>{e(self._name(r))}</td>"
            f"<td>{e(_amount(r, r.claimable, lang))}</td>"
            f"<td>{e(_amount(r, r.needed, lang))}</td><td>{e(self._status(r))}</td></tr>"
            for r in p.requirements)
        parts = [f"<h1>{e(self._title())}</h1>",
                 f"<p>{e(word('cycle', lang))} "
                 f"{e(self._cycle_dates())}<br>"
                 f"{e(word('generated', lang, long_date(p.today, lang)))} · "
                 f"{e(counted('days_left', lang, p.days_left))}</p>",
                 f"<h2>{e(word('requirements', lang))}</h2>",
                 "<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
                 f"<tr><th>{e(word('requirement', lang))}</th><th>{e(word('claimable', lang))}"
                 f"</th><th>{e(word('needed', lang))}</th><th>{e(word('status', lang))}</th>"
                 f"</tr>{rows}</table>"]
        short = [(r, per) for r in p.requirements for per in r.shortfalls]
        if short:
            parts.append(f"<h3>{e(word('shortfalls', lang))}</h3><ul>" + "".join(
                f"<li>{e(self._name(r))} — "
                f"{e(word('shortfall_line', lang, period_words(per.label, lang), _amount(r, per.claimable, lang), _amount(r, per.needed, lang)))}</li>"  # noqa: E501
                for r, per in short) + "</ul>")
        if p.unsized_groups:  # the PDF says it too, as the Markdown does
            parts.append(f"<p>{e(counted('unsized', lang, len(p.unsized_groups)))}</p>")
        parts.append(f"<h2>{e(word('activities', lang))}</h2>")
        if not self.activities:
            parts.append(f"<p>{e(word('no_activities', lang))}</p>")
        else:
            items = []
            for a in self.activities:
                head = (f"<b>{e(long_date(a.date, lang))}</b> · {e(kind_label(a.kind, lang))} · "
                        f"{_hours(a.minutes, lang)} h")
                details = self._details(a)
                if details:
                    head += f" · {e(details)}"
                if a.categories:  # labelled as in the Markdown: a bare tag reads as a title
                    head += f" · {e(word('categories', lang) + colon(lang) + self._tags(a))}"
                extra = "".join(
                    f"<br><i>{e(word(k, lang))}</i> — {e(self.redact(t.strip()))}"
                    for k, t in (("learning", a.learning), ("impact", a.impact)) if t.strip())
                items.append(f"<li>{head}{extra}</li>")
            parts.append("<ul>" + "".join(items) + "</ul>")
        parts.append(f"<p><small>{e(self._source())}</small></p>")
        parts.append(f"<p><br><br>{e(word('signature', lang) + colon(lang))}"
                     "______________________&nbsp;&nbsp;&nbsp;"
                     f"{e(word('date', lang) + colon(lang))}____________</p>")
        return "".join(parts)

    # -- CSV ----------------------------------------------------------------------------------
    def to_csv(self) -> str:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(["record", "date", "kind", "hours", "format", "group_size", "title",
                         "provider", "categories", "learning", "impact", "requirement",
                         "counted", "needed", "met"])
        for r in self.progress.requirements:
            writer.writerow(["requirement", "", "", "", "", "", "", "", "", "", "",
                             self._name(r),
                             f"{r.in_unit(r.claimable):.2f}" if r.measure != "activities"
                             else f"{r.claimable:g}",
                             "" if r.needed is None else (
                                 f"{r.in_unit(r.needed):.2f}" if r.measure != "activities"
                                 else f"{r.needed:g}"),
                             "" if r.met is None else ("yes" if r.met else "no")])
        for a in self.activities:
            writer.writerow(["activity", a.date.isoformat(), a.kind, _hours(a.minutes),
                             a.format or "", a.group_size or "",
                             self.redact(a.title) if a.id > 0 else word("from_notes",
                                                                         self.language),
                             self.redact(a.provider), self.redact(";".join(a.categories)),
                             self.redact(a.learning), self.redact(a.impact), "", "", "", ""])
        return buf.getvalue()


def build_report(profile: Profile, activities: Sequence[Activity], cycle_start: date,
                 today: date, language: str, redact: Redactor) -> RenewalReport:
    end = cycle_end(profile, cycle_start)
    progress = evaluate(profile, activities, cycle_start, today)
    in_cycle = tuple(sorted((a for a in activities if cycle_start <= a.date < end
                             and a.date <= today), key=lambda a: (a.date, a.id)))
    return RenewalReport(profile, progress, in_cycle, language, redact)
