"""Benchmark of the Hours page: 2,000 activities over ten years in a real (encrypted) vault.

Run: ``python bench/hours.py`` (no display needed: Qt runs offscreen). Reports medians of 20
runs of what a practitioner waits for:

- loading the page: the ledger, attachment counts and client practice months from the vault;
- a profile switch: the dashboard's data (the engine's evaluation plus the chart's months, as
  ``ui/hours/summary.dashboard_data`` computes them) for every shipped profile, and the whole
  switch on screen (data, requirement rows, progress bars and the QtCharts chart rebuilt);
- the engine alone (``evaluate``) for comparison, and sorting/filtering the ledger table.

The target is a profile switch under 100 ms (design.md §8, issue 5).
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from rules import generate  # the engine bench's realistic activities

RUNS = 20
N_ACTIVITIES = 2_000
START = date(2016, 1, 1)
TODAY = date(2025, 12, 31)


def median_ms(fn: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def build_vault(folder: Path):  # -> Vault
    from supervision_journal.hours import store
    from supervision_journal.journal import store as journal
    from supervision_journal.vault import Vault, keys

    vault, _code = Vault.create(folder / "vault", "bench passphrase", params=keys.FLOOR)
    rng = random.Random(11)
    with vault.db.transaction():
        # client work comes from the session notes, as in real use: the ledger gets 2,000
        # activities of the other kinds
        ledger = [a for a in generate(N_ACTIVITIES * 2) if a.kind != "client_practice"]
        for a in ledger[:N_ACTIVITIES]:
            store.add_activity(vault.db, a.kind, a.date, a.minutes, format=a.format,
                               group_size=a.group_size, accredited=a.accredited,
                               categories=a.categories, title="Workshop", provider="Provider",
                               learning="What I learned " * 5)
        # client practice: 20 clients, about 25 sessions a month for ten years
        clients = [journal.add_client(vault.db, f"Client {n}").id for n in range(20)]
        day = START
        while day <= TODAY:
            if day.weekday() < 5:
                journal.add_session(vault.db, rng.choice(clients), day, 50)
            day += timedelta(days=1)
    return vault


def main() -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication([])

    from supervision_journal.hours import store
    from supervision_journal.hours.practice import practice_activities, with_practice
    from supervision_journal.hours.profiles import load_profiles
    from supervision_journal.hours.progress import cycle_containing, evaluate
    from supervision_journal.ui.hours.page import HoursPage
    from supervision_journal.ui.hours.summary import dashboard_data

    with tempfile.TemporaryDirectory() as tmp:
        vault = build_vault(Path(tmp))
        db = vault.db
        ledger = store.list_activities(db)
        activities = with_practice(db, ledger)
        sessions = db.scalar("SELECT count(*) FROM session")
        print(f"{len(ledger)} ledger activities and {sessions} sessions ({START} – {TODAY}), "
              f"{len(activities) - len(ledger)} practice months; median of {RUNS} runs")

        load = median_ms(lambda: (store.list_activities(db), store.evidence_counts(db),
                                  practice_activities(db)))
        print(f"  load the page from the vault              {load:7.2f} ms")

        profiles = load_profiles()
        worst_data = worst_engine = 0.0
        for pid, profile in sorted(profiles.items()):
            anchor = START
            data = median_ms(lambda p=profile, a=anchor: dashboard_data(p, activities, a, TODAY))
            start = cycle_containing(profile, anchor, TODAY)
            engine = median_ms(lambda p=profile, s=start: evaluate(p, activities, s, TODAY))
            worst_data, worst_engine = max(worst_data, data), max(worst_engine, engine)
            print(f"  dashboard data  {pid:<18} {data:7.2f} ms  (engine alone {engine:6.2f} ms)")

        page = HoursPage(vault, today=TODAY)
        page.resize(1180, 760)
        page.show()
        app.processEvents()
        board = page.dashboard
        ids = list(profiles)
        switches = []
        for run in range(RUNS * 2):
            board.select_profile(ids[run % len(ids)])
            app.processEvents()
            switches.append(board.last_recompute_ms)
        switch = statistics.median(switches)
        print(f"  dashboard data, slowest profile           {worst_data:7.2f} ms  "
              f"(engine alone {worst_engine:.2f} ms)")
        print(f"  profile switch on screen (data, rows, chart) {switch:6.2f} ms median, "
              f"{max(switches):.2f} ms worst  (target ≤ 100 ms)")

        view, proxy = page.ledger.view, page.ledger.proxy
        sort = median_ms(lambda: (view.sortByColumn(2, view.horizontalHeader()
                                                    .sortIndicatorOrder()),
                                  view.sortByColumn(0, view.horizontalHeader()
                                                    .sortIndicatorOrder())))
        filt = median_ms(lambda: (proxy.set_filter(kind=None, text="workshop provider",
                                                   date_from=date(2020, 1, 1), date_to=None),
                                  proxy.set_filter(kind=None, text="", date_from=None,
                                                   date_to=None)))
        print(f"  ledger: sort 2,000 rows twice             {sort:7.2f} ms")
        print(f"  ledger: filter by words and date, clear   {filt:7.2f} ms")
        page.close()
        vault.close()


if __name__ == "__main__":
    main()
