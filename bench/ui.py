"""Desktop-app benchmark on a large vault (issue: the desktop app).

Usage (after building a 20,000-session vault, e.g. with bench/generate.py and the CLI)::

    python bench/generate.py --out bench/out/practice.json
    SUPERVISION_JOURNAL_PASSPHRASE='bench passphrase' supervision-journal --vault bench/out/ui \
        init && supervision-journal --vault bench/out/ui import bench/out/practice.json
    python bench/ui.py --vault bench/out/ui --passphrase 'bench passphrase'

Reports medians and p95 of: unlock (key derivation and the rest), main window usable after the
key is accepted, client switch, session switch, search (query, model and paint), a keystroke in
a section, the autosave commit, and the peak memory. Targets on a 2-core machine: usable
≤ 0.5 s after the KDF, client switch and search ≤ 50 ms p95, autosave never blocks typing,
memory ≤ 300 MB.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from supervision_journal.journal import store
from supervision_journal.paths import vault_paths
from supervision_journal.vault import Vault, keys


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p
    low = int(k)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def line(name: str, values: list[float]) -> None:
    print(f"{name:<34} p50 {statistics.median(values):8.1f} ms   p95 {pct(values, .95):8.1f} ms"
          f"   n={len(values)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vault", required=True)
    parser.add_argument("--passphrase", required=True)
    parser.add_argument("--runs", type=int, default=60)
    args = parser.parse_args()
    app = QApplication([])
    from supervision_journal.ui.main_window import MainWindow

    keyfile = keys.load_keyfile(vault_paths(args.vault).keys)
    kdf = []
    for _ in range(3):
        t = time.perf_counter()
        keys.unlock_passphrase(keyfile, args.passphrase)
        kdf.append((time.perf_counter() - t) * 1000)
    t = time.perf_counter()
    vault = Vault.open(args.vault, args.passphrase)
    total_open = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    window = MainWindow(vault)
    window.show()
    app.processEvents()
    usable = (time.perf_counter() - t) * 1000
    print(f"key derivation (Argon2id)          median {statistics.median(kdf):8.1f} ms")
    rest = total_open - statistics.median(kdf)
    print(f"open after the KDF (recipe+schema)        {rest:8.1f} ms")
    print(f"main window usable after unlock           {usable:8.1f} ms")

    clients = store.list_clients(vault.db)
    rng = random.Random(1)
    switch = []
    for _ in range(args.runs):
        client = rng.choice(clients)
        t = time.perf_counter()
        window.clients_panel.select_client(client.id)
        app.processEvents()
        switch.append((time.perf_counter() - t) * 1000)
    line("client switch", switch)

    sessions = []
    model = window.sessions_panel.model
    for _ in range(args.runs):
        session = model.session_at(rng.randrange(model.rowCount()))
        t = time.perf_counter()
        window.sessions_panel.select_session(session.id)
        app.processEvents()
        sessions.append((time.perf_counter() - t) * 1000)
    line("session switch", sessions)

    searches = []
    for query in ("sommeil", "mother", "peur du", "colère", "de", "transf", "rescue", "sa",
                  "angry", "mère", "supervision", "fatigue") * 3:
        window.search_box.setText(query)
        t = time.perf_counter()
        window.search_panel.run_search()
        app.processEvents()
        searches.append((time.perf_counter() - t) * 1000)
    line("search (query, model, paint)", searches)
    window.search_box.clear()
    app.processEvents()

    window.clients_panel.select_client(clients[0].id)
    app.processEvents()
    section = window.editor.section("plan")
    section.focus_text()
    app.processEvents()
    strokes = []
    for ch in "the client talked about her mother and sleep " * 3:
        t = time.perf_counter()
        QTest.keyClick(section.edit, ch)
        app.processEvents()
        strokes.append((time.perf_counter() - t) * 1000)
    line("keystroke in a section", strokes)
    saves = []
    for _ in range(40):
        QTest.keyClicks(section.edit, "x")
        t = time.perf_counter()
        window.flush()
        saves.append((time.perf_counter() - t) * 1000)
    line("autosave commit (synchronous=FULL)", saves)
    print(f"peak memory (RSS)                         "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:8.0f} MiB")
    window.flush()
    window.close()
    vault.close()


if __name__ == "__main__":
    main()
