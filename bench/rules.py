"""Benchmark of the renewal-rule engine: 2,000 activities over 10 years.

Run: ``python bench/rules.py``. Prints the median of 20 runs of ``evaluate`` for every shipped
profile (cycle starting on the first activity's day, "today" at the end of the ten years, so
cycles that are shorter than ten years see only their own span but every activity is scanned),
for a ten-year monthly profile (120 monthly periods), and of ``monthly_hours_by_kind``.
The target is well under 100 ms for one evaluation.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta

from supervision_journal.hours.models import Activity
from supervision_journal.hours.profiles import load_profiles, parse_profile, profile_text
from supervision_journal.hours.progress import evaluate, monthly_hours_by_kind

RUNS = 20
N_ACTIVITIES = 2_000
START = date(2016, 1, 1)
TODAY = date(2025, 12, 31)

# a practitioner's year: mostly client-practice tallies and supervision, some CPD
KINDS = [("client_practice", 30), ("supervision", 30), ("training", 10), ("webinar", 6),
         ("reading", 8), ("self_study", 4), ("conference", 3), ("mentor_coaching", 2),
         ("personal_therapy", 3), ("professional_activity", 2), ("supervision_given", 1),
         ("break", 1)]
TAGS = ["core_competencies", "ethics", "cbt_skills", "resource_development", "trauma"]


def generate(n: int, seed: int = 7) -> list[Activity]:
    rng = random.Random(seed)
    kinds = [k for k, w in KINDS for _ in range(w)]
    days = (TODAY - START).days
    out = []
    for i in range(n):
        kind = rng.choice(kinds)
        fmt, size = None, None
        if kind == "supervision":
            fmt = rng.choice(["individual", "individual", "group", "peer"])
            size = rng.randint(2, 8) if fmt != "individual" else None
        tags = tuple(rng.sample(TAGS, rng.randint(0, 2)))
        out.append(Activity(i + 1, kind, START + timedelta(days=rng.randrange(days)),
                            rng.choice([0, 45, 60, 90, 120, 240, 420]) if kind != "break" else 0,
                            format=fmt, group_size=size, categories=tags,
                            accredited=rng.random() < 0.5))
    return out


def median_ms(fn: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> None:
    activities = generate(N_ACTIVITIES)
    profiles = load_profiles()
    ten_years = parse_profile(profile_text("custom").replace("months = 12", "months = 120"))
    print(f"{N_ACTIVITIES} activities, {START} – {TODAY}; median of {RUNS} runs")
    worst = 0.0
    for pid, profile in [*sorted(profiles.items()), ("custom, 120-month cycle", ten_years)]:
        ms = median_ms(lambda p=profile: evaluate(p, activities, START, TODAY))
        worst = max(worst, ms)
        print(f"  evaluate {pid:<26} {ms:7.2f} ms")
    every = median_ms(lambda: [evaluate(p, activities, START, TODAY)
                               for p in profiles.values()])
    chart = median_ms(lambda: monthly_hours_by_kind(activities, START, TODAY))
    print(f"  evaluate, slowest profile          {worst:7.2f} ms  (target < 100 ms)")
    print(f"  evaluate, all {len(profiles)} profiles in turn   {every:7.2f} ms")
    print(f"  monthly_hours_by_kind (120 months) {chart:7.2f} ms")


if __name__ == "__main__":
    main()
