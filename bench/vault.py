"""Benchmark the vault against raw SQLCipher and plain SQLite on the same data.

    python bench/vault.py --input bench/out/practice.json [--runs 5] [--queries 200]

1. creates a fresh vault with the real calibrated Argon2id (never the test switch) and imports
   the file through ``interchange.import_data``, the code path of ``supervision-journal import``;
2. unlock: ``Vault.open`` N times, split into the Argon2id derivation and the rest (key file,
   connection recipe, migration check); raw = ``sqlcipher3.connect`` + the same PRAGMAs with the
   same raw key + the first read;
3. full-text search: ``journal.store.search`` over ~200 realistic queries; raw = a plain
   ``SELECT rowid, snippet(...) FROM section_fts WHERE section_fts MATCH ? LIMIT 100``;
4. insert: the rows our import wrote, bulk-inserted with ``executemany`` in one transaction into a
   fresh database with the same schema: raw SQLCipher (same key and PRAGMAs), the same SQLCipher
   build with no key (unencrypted: isolates the cost of encryption), and Python's own sqlite3.
   Search is repeated on the two unencrypted copies.

Prints a table and writes everything (per-run values included) to bench/out/vault-*.json.
SQL text lives here only because the raw baselines must bypass the app's code.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import json
import os
import platform
import pstats
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlcipher3

from supervision_journal import interchange
from supervision_journal.journal import store as journal
from supervision_journal.journal.models import HIT_END, HIT_START
from supervision_journal.vault import keys
from supervision_journal.vault.migrate import migration_steps
from supervision_journal.vault.vault import Vault

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import OUT, median, mib, percentile, ratio, search_queries

PASSPHRASE = "benchmark passphrase, not a secret"
# The recipe of vault/database.py, repeated verbatim for the raw baseline.
RECIPE_BEFORE_KEY = ("PRAGMA cipher_log_level = NONE", "PRAGMA cipher_memory_security = ON")
RECIPE_AFTER_KEY = ("PRAGMA cipher_compatibility = 4",)
RECIPE_AFTER_READ = (
    "PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA fullfsync = ON",
    "PRAGMA checkpoint_fullfsync = ON", "PRAGMA temp_store = MEMORY", "PRAGMA secure_delete = ON",
    "PRAGMA foreign_keys = ON", "PRAGMA trusted_schema = OFF", "PRAGMA busy_timeout = 5000",
)
RAW_SEARCH = ("SELECT rowid, snippet(section_fts, 0, ?, ?, '…', 14) FROM section_fts "
              "WHERE section_fts MATCH ? LIMIT 100")
RAW_SEARCH_RANKED = ("SELECT rowid, snippet(section_fts, 0, ?, ?, '…', 14) FROM section_fts "
                     "WHERE section_fts MATCH ? ORDER BY rank LIMIT 100")


def ms(seconds: float) -> float:
    return seconds * 1000


@contextlib.contextmanager
def timed_kdf() -> Iterator[list[float]]:
    """Time every Argon2id derivation made inside the block (keys.derive_argon2 is looked up
    at call time, so wrapping the module attribute catches the real unlock path)."""
    spent: list[float] = []
    original = keys.derive_argon2

    def wrapper(*args: Any, **kwargs: Any) -> bytes:
        t0 = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - t0)

    keys.derive_argon2 = wrapper  # type: ignore[assignment]
    try:
        yield spent
    finally:
        keys.derive_argon2 = original  # type: ignore[assignment]


# -- raw connections ----------------------------------------------------------------------

def raw_open(path: Path, key: bytes, *, memory_security: bool = True) -> Any:
    """sqlcipher3 with the app's PRAGMAs and raw key, and the first read that decrypts page 1.
    ``memory_security=False`` leaves out cipher_memory_security (only meaningful in a process
    that never turned it on)."""
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    for pragma in RECIPE_BEFORE_KEY:
        if memory_security or "cipher_memory_security" not in pragma:
            conn.execute(pragma)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    for pragma in RECIPE_AFTER_KEY:
        conn.execute(pragma)
    conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    conn.execute("PRAGMA cipher_version").fetchone()
    for pragma in RECIPE_AFTER_READ:
        conn.execute(pragma).fetchall()
    conn.execute("PRAGMA user_version").fetchone()
    return conn


@dataclass(frozen=True)
class Engine:
    name: str
    open: Callable[[Path], Any]
    schema: str


def plain_open(path: Path, engine: Any) -> Any:
    """No key: ``sqlcipher3`` without PRAGMA key writes a plain SQLite file (same SQLite build
    as the vault, so the difference is the encryption alone); ``sqlite3`` is Python's own."""
    conn = engine.connect(str(path), isolation_level=None)
    for pragma in RECIPE_AFTER_READ:
        if engine is sqlite3 and sqlite3.sqlite_version_info < (3, 41) and \
                pragma.startswith("PRAGMA trusted_schema"):
            continue  # older FTS5 is not marked innocuous: its triggers would be refused
        conn.execute(pragma).fetchall()
    return conn


def schema_sql(*, secure_delete: bool = True) -> str:
    sql = "\n".join(sql for _, sql in migration_steps())
    if not secure_delete:
        # FTS5 'secure-delete' needs SQLite 3.42; it only matters for deletes, not measured.
        sql = "\n".join(line for line in sql.splitlines() if "'secure-delete'" not in line)
    return sql


def table_rows(conn: Any) -> list[tuple[str, list[tuple[Any, ...]]]]:
    """Every row of every ordinary table, in creation order (parents before children)."""
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
        "ESCAPE '\\' AND name NOT LIKE '%\\_fts%' ESCAPE '\\' "
        "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY rowid")]
    return [(name, conn.execute(f'SELECT * FROM "{name}"').fetchall())
            for name in names]


def bulk_insert(conn: Any, tables: list[tuple[str, list[tuple[Any, ...]]]]) -> None:
    conn.execute("BEGIN IMMEDIATE")
    for name, rows in tables:
        if rows:
            marks = ",".join("?" * len(rows[0]))
            conn.executemany(f'INSERT INTO "{name}" VALUES ({marks})', rows)
    conn.execute("COMMIT")


def fresh_file(folder: Path, name: str) -> Path:
    path = folder / name
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path


# -- measurements -------------------------------------------------------------------------

def search_latencies(run_one: Callable[[str], int], queries: list[str],
                     runs: int) -> dict[str, Any]:
    """p50/p95 of one pass over the queries, per run; medians across runs."""
    for q in queries[:20]:  # warm-up: statements prepared, the index's pages in the OS cache
        run_one(q)
    p50s, p95s, hits = [], [], 0
    for _ in range(runs):
        lat = []
        hits = 0
        for q in queries:
            t0 = time.perf_counter()
            hits += run_one(q)
            lat.append(time.perf_counter() - t0)
        p50s.append(ms(percentile(lat, 50)))
        p95s.append(ms(percentile(lat, 95)))
    return {"p50_ms": median(p50s), "p95_ms": median(p95s), "runs_p50_ms": p50s,
            "runs_p95_ms": p95s, "mean_hits": hits / len(queries)}


def profile_import(vault: Vault, doc: Any) -> tuple[float, str]:
    profiler = cProfile.Profile()
    t0 = time.perf_counter()
    profiler.enable()
    interchange.import_data(vault.db, doc)
    profiler.disable()
    elapsed = time.perf_counter() - t0
    OUT.mkdir(parents=True, exist_ok=True)
    profiler.dump_stats(str(OUT / "import.prof"))
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text)
    stats.sort_stats("tottime").print_stats(15)
    stats.sort_stats("cumulative").print_stats(25)
    return elapsed, text.getvalue()


def engines(key: bytes, *, memory_security: bool) -> list[Engine]:
    """The baselines measurable in this process (memory security is process-wide)."""
    if memory_security:
        return [Engine("raw", lambda p: raw_open(p, key), schema_sql())]
    stdlib_secure_delete = sqlite3.sqlite_version_info >= (3, 42)
    return [
        Engine("raw_nomemsec", lambda p: raw_open(p, key, memory_security=False), schema_sql()),
        Engine("unencrypted", lambda p: plain_open(p, sqlcipher3), schema_sql()),
        Engine("stdlib", lambda p: plain_open(p, sqlite3),
               schema_sql(secure_delete=stdlib_secure_delete)),
    ]


def measure_baselines(work: Path, key: bytes, args: argparse.Namespace, *,
                      memory_security: bool) -> dict[str, Any]:
    """Open, bulk insert and search for each baseline engine, on the rows of the vault."""
    db_path = work / "vault" / "journal.db"
    queries = search_queries(args.queries, args.seed)
    by_text = {q: journal.fts_query(q) for q in queries}
    out: dict[str, Any] = {}
    conn = raw_open(db_path, key, memory_security=memory_security)
    tables = table_rows(conn)
    conn.close()
    for engine in engines(key, memory_security=memory_security):
        result: dict[str, Any] = {}
        if engine.name.startswith("raw"):
            opens = []
            for _ in range(args.runs):
                t0 = time.perf_counter()
                conn = engine.open(db_path)
                opens.append(ms(time.perf_counter() - t0))
                conn.close()
            result["open_ms"] = median(opens)
            result["runs_open_ms"] = opens
            conn = engine.open(db_path)
            try:
                for label, pragma in (("quick_check_ms", "quick_check"),
                                      ("cipher_integrity_ms", "cipher_integrity_check")):
                    times = []
                    for _ in range(args.runs):
                        t0 = time.perf_counter()
                        conn.execute(f"PRAGMA {pragma}").fetchall()
                        times.append(ms(time.perf_counter() - t0))
                    result[label] = median(times)
            finally:
                conn.close()
        inserts = []
        for _ in range(args.insert_runs):
            path = fresh_file(work, f"{engine.name}.db")
            conn = engine.open(path)
            conn.executescript(engine.schema)
            t0 = time.perf_counter()
            bulk_insert(conn, tables)
            inserts.append(time.perf_counter() - t0)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            result["pages"] = {k: conn.execute(f"PRAGMA {k}").fetchone()[0]
                               for k in ("page_size", "page_count", "freelist_count")}
            conn.close()
        result["insert_s"] = median(inserts)
        result["runs_insert_s"] = inserts
        result["db_bytes"] = (work / f"{engine.name}.db").stat().st_size
        # Raw engines search the vault's own file; the unencrypted ones their copy of it.
        conn = engine.open(db_path if engine.name.startswith("raw") else
                           work / f"{engine.name}.db")
        try:
            for label, sql in (("search", RAW_SEARCH), ("search_ranked", RAW_SEARCH_RANKED)):
                result[label] = search_latencies(
                    lambda q, c=conn, sql=sql: len(c.execute(
                        sql, (HIT_START, HIT_END, by_text[q])).fetchall()), queries, args.runs)
        finally:
            conn.close()
        out[engine.name] = result
    out["rows"] = {name: len(rows) for name, rows in tables}
    return out


def baselines_in_child(work: Path, args: argparse.Namespace) -> dict[str, Any]:
    """Run the memory-security-off baselines in a fresh process (it cannot be turned off)."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(work),
           "--runs", str(args.runs), "--insert-runs", str(args.insert_runs),
           "--queries", str(args.queries), "--seed", str(args.seed)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"the baseline child failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def child_main(work: Path, args: argparse.Namespace) -> int:
    key = bytes(keys.unlock_passphrase(keys.load_keyfile(work / "vault" / "journal.keys"),
                                       PASSPHRASE))
    print(json.dumps(measure_baselines(work, key, args, memory_security=False)))
    return 0


def run(args: argparse.Namespace) -> dict[str, Any]:
    data = args.input.read_bytes()
    t0 = time.perf_counter()
    doc = interchange.parse(data)
    parse_s = time.perf_counter() - t0
    n_sessions = len(doc.get("sessions", []))
    work = Path(tempfile.mkdtemp(prefix="work-", dir=OUT))
    result: dict[str, Any] = {"input": {"file": str(args.input), "bytes": len(data),
                                        "sessions": n_sessions}}
    try:
        # -- create + import (ours) -------------------------------------------------------
        print("creating the vault (calibrating Argon2id)…", flush=True)
        t0 = time.perf_counter()
        vault, _code = Vault.create(work / "vault", PASSPHRASE)
        result["create_s"] = time.perf_counter() - t0
        params = keys.argon2_summary(vault.keyfile)
        assert params is not None and params != keys.TEST_PARAMS
        result["argon2"] = params.as_dict()
        print(f"importing {n_sessions} sessions…", flush=True)
        profile_text = None
        if args.profile:
            import_s, profile_text = profile_import(vault, doc)
        else:
            t0 = time.perf_counter()
            interchange.import_data(vault.db, doc)
            import_s = time.perf_counter() - t0
        vault.close()
        del doc
        result["import"] = {
            "parse_s": parse_s, "import_s": import_s, "sessions_per_s": n_sessions / import_s,
            "mb_per_s": mib(len(data)) / (parse_s + import_s), "profiled": bool(args.profile),
            "db_bytes": vault.paths.db.stat().st_size}
        if profile_text is not None:
            result["import_profile_top"] = profile_text
        # The raw baselines need the database key: unwrap it from the passphrase slot.
        key = bytes(keys.unlock_passphrase(keys.load_keyfile(vault.paths.keys), PASSPHRASE))

        # -- unlock (ours) ----------------------------------------------------------------
        print(f"unlocking {args.runs}×…", flush=True)
        kdf_ms, rest_ms, total_ms = [], [], []
        for _ in range(args.runs):
            with timed_kdf() as spent:
                t0 = time.perf_counter()
                opened = Vault.open(work / "vault", PASSPHRASE)
                total = time.perf_counter() - t0
            opened.close()
            assert len(spent) == 1
            kdf_ms.append(ms(spent[0]))
            rest_ms.append(ms(total - spent[0]))
            total_ms.append(ms(total))
        result["unlock"] = {"kdf_ms": median(kdf_ms), "rest_ms": median(rest_ms),
                            "total_ms": median(total_ms),
                            "sqlcipher_pbkdf2_open_ms": pbkdf2_open_ms(work, args.runs),
                            "runs": {"kdf_ms": kdf_ms, "rest_ms": rest_ms}}

        # -- the check the unlock screen runs after opening (ours) -------------------------
        print(f"unlock checks {args.runs}×…", flush=True)
        opened = Vault.open(work / "vault", PASSPHRASE)
        checks: dict[str, list[float]] = {"quick_check_ms": [], "cipher_integrity_ms": []}
        try:
            for _ in range(args.runs):
                for label, structure in (("quick_check_ms", True),
                                         ("cipher_integrity_ms", False)):
                    t0 = time.perf_counter()
                    problems = opened.quick_check(structure=structure)
                    checks[label].append(ms(time.perf_counter() - t0))
                    assert problems == [], "the benchmark vault failed its check"
        finally:
            opened.close()
        result["unlock"].update({k: median(v) for k, v in checks.items()})
        result["unlock"]["runs"].update(checks)

        # -- search (ours) ----------------------------------------------------------------
        queries = search_queries(args.queries, args.seed)
        print(f"searching {len(queries)} queries × {args.runs} runs…", flush=True)
        opened = Vault.open(work / "vault", PASSPHRASE)
        try:
            ours = search_latencies(lambda q: len(journal.search(opened.db, q)), queries,
                                    args.runs)
        finally:
            opened.close()
        result["search"] = {"queries": len(queries), "ours": ours}

        # -- baselines --------------------------------------------------------------------
        print("baselines: raw SQLCipher with the app's PRAGMAs (open, bulk insert, search)…",
              flush=True)
        result["baselines"] = measure_baselines(work, key, args, memory_security=True)
        print("baselines without cipher_memory_security: raw, unencrypted, stdlib sqlite3 "
              "(child process)…", flush=True)
        result["baselines"].update(baselines_in_child(work, args))
    finally:
        if args.keep:
            print(f"kept the work folder {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return result


def pbkdf2_open_ms(work: Path, runs: int) -> float:
    """For reference: opening with SQLCipher's own passphrase KDF (PBKDF2-HMAC-SHA512,
    256,000 iterations), what an app without keyslots would pay."""
    path = fresh_file(work, "pbkdf2.db")
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA key = 'benchmark'")
    conn.execute("CREATE TABLE t(x)")
    conn.close()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        conn = sqlcipher3.connect(str(path), isolation_level=None)
        conn.execute("PRAGMA key = 'benchmark'")
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
        times.append(ms(time.perf_counter() - t0))
        conn.close()
    return median(times)


def environment() -> dict[str, Any]:
    c = sqlcipher3.connect(":memory:")
    env = {"python": platform.python_version(), "machine": platform.machine(),
           "load_average_1_5_15": os.getloadavg(),
           "system": platform.platform(), "cpus": os.cpu_count(),
           "sqlcipher": c.execute("PRAGMA cipher_version").fetchone()[0],
           "sqlcipher_sqlite": c.execute("SELECT sqlite_version()").fetchone()[0],
           "stdlib_sqlite": sqlite3.sqlite_version}
    c.close()
    repo = Path(__file__).resolve().parent.parent
    git = subprocess.run(["git", "-C", str(repo), "describe", "--always", "--dirty"],
                         capture_output=True, text=True, check=False)
    env["git"] = git.stdout.strip() or None
    return env


def table(result: dict[str, Any]) -> str:
    imp, unl, srch, base = result["import"], result["unlock"], result["search"], \
        result["baselines"]
    raw, nomem, plain, std = (base[k] for k in ("raw", "raw_nomemsec", "unencrypted", "stdlib"))
    n = result["input"]["sessions"]
    heads = ("operation", "ours", "raw", "ours/raw", "raw-memsec", "memsec×", "unencrypted",
             "encrypt×", "stdlib")
    widths = (22, 10, 10, 9, 12, 9, 12, 9, 10)

    def row(*cells: str) -> str:
        cells += ("",) * (len(widths) - len(cells))
        return cells[0].ljust(widths[0]) + "".join(
            c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True))

    def x(a: float, b: float) -> str:
        return f"{ratio(a, b):.2f}×"

    rule = "-" * sum(widths)
    lines = [row(*heads), rule, row("unlock: Argon2id", f"{unl['kdf_ms']:.0f} ms"),
             row("unlock: rest", f"{unl['rest_ms']:.1f} ms", f"{raw['open_ms']:.1f} ms",
                 x(unl["rest_ms"], raw["open_ms"]), f"{nomem['open_ms']:.1f} ms",
                 x(raw["open_ms"], nomem["open_ms"]))]
    for label, key in (("unlock: quick_check", "quick_check_ms"),
                       ("unlock: page check", "cipher_integrity_ms")):
        if key in unl:
            lines.append(row(label, f"{unl[key]:.0f} ms", f"{raw[key]:.0f} ms",
                             x(unl[key], raw[key]), f"{nomem[key]:.0f} ms",
                             x(raw[key], nomem[key])))
    ours_s = imp["import_s"]
    lines.append(row(f"import {n} sessions", f"{ours_s:.1f} s", f"{raw['insert_s']:.1f} s",
                     x(ours_s, raw["insert_s"]), f"{nomem['insert_s']:.1f} s",
                     x(raw["insert_s"], nomem["insert_s"]), f"{plain['insert_s']:.1f} s",
                     x(nomem["insert_s"], plain["insert_s"]), f"{std['insert_s']:.1f} s"))
    lines.append(row("  sessions/s", *(f"{n / v:.0f}" for v in (ours_s, raw["insert_s"])), "",
                     f"{n / nomem['insert_s']:.0f}", "", f"{n / plain['insert_s']:.0f}", "",
                     f"{n / std['insert_s']:.0f}"))
    for p in ("p50", "p95"):
        o = srch["ours"][f"{p}_ms"]
        r, nm, pl, sl = (e["search"][f"{p}_ms"] for e in (raw, nomem, plain, std))
        lines.append(row(f"search {p}", f"{o:.2f} ms", f"{r:.2f} ms", x(o, r), f"{nm:.2f} ms",
                         x(r, nm), f"{pl:.2f} ms", x(nm, pl), f"{sl:.2f} ms"))
    lines.append(rule)
    a = result["argon2"]
    env = result.get("environment", {})
    ranked = raw["search_ranked"]
    lines += [
        "raw = sqlcipher3 with the app's PRAGMAs and key (cipher_memory_security ON, like the "
        "app); raw-memsec = the same without it (fresh process); unencrypted = the same "
        f"SQLCipher build, no key; stdlib = Python's sqlite3 {env.get('stdlib_sqlite', '?')}"
        + ("" if base.get("stdlib_secure_delete", True) else
           " (no FTS5 secure-delete there)") + ".",
        f"unlock: Argon2id {a['memory_kib'] // 1024} MiB, {a['iterations']} passes, "
        f"{a['lanes']} lanes; total {unl['total_ms']:.0f} ms. SQLCipher's own passphrase KDF "
        f"(PBKDF2-SHA512, 256k) would open in {unl['sqlcipher_pbkdf2_open_ms']:.0f} ms. "
        "quick_check / page check = Vault.quick_check(structure=True/False), run by the unlock "
        "screen after opening; raw = PRAGMA quick_check / cipher_integrity_check.",
        f"import: validate + write through the stores in one transaction; JSON parse "
        f"{imp['parse_s']:.1f} s more; {imp['sessions_per_s']:.0f} sessions/s, "
        f"{imp['mb_per_s']:.2f} MiB/s of JSON" + (" [under cProfile]" if imp["profiled"]
                                                  else "") + ".",
        f"search: {srch['queries']} queries; ours = journal.store.search (sections and "
        f"reflections, with client, date and snippet); raw with ORDER BY rank: p50 "
        f"{ranked['p50_ms']:.2f} ms, p95 "
        f"{ranked['p95_ms']:.2f} ms; mean hits ours {srch['ours']['mean_hits']:.0f}, "
        f"raw {raw['search']['mean_hits']:.0f}.",
        f"files: vault {mib(imp['db_bytes']):.0f} MiB, raw copy {mib(raw['db_bytes']):.0f} "
        f"MiB, unencrypted {mib(plain['db_bytes']):.0f} MiB.",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", type=Path)
    parser.add_argument("--runs", type=int, default=3, help="runs for the medians (unlock, "
                        "search)")
    parser.add_argument("--insert-runs", type=int, default=1,
                        help="runs of each baseline bulk insert")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--profile", action="store_true",
                        help="run the import under cProfile (bench/out/import.prof)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        return child_main(args.child, args)
    if os.environ.get(keys.TEST_KDF_ENV):
        parser.error(f"unset {keys.TEST_KDF_ENV}: the benchmark measures the real KDF")
    if args.input is None:
        parser.error("--input is required")
    if args.runs < 1 or args.insert_runs < 1 or args.queries < 1:
        parser.error("runs and queries must be at least 1")
    OUT.mkdir(parents=True, exist_ok=True)
    started = datetime.now(UTC)
    env = environment()  # before the run: the commit measured, the load at the start
    t0 = time.perf_counter()
    result = run(args)
    result.update({"started": started.isoformat(timespec="seconds"),
                   "wall_s": time.perf_counter() - t0, "runs": args.runs,
                   "load_average_after": os.getloadavg(), "environment": env})
    print()
    print(table(result))
    if "import_profile_top" in result:
        print()
        print(result["import_profile_top"])
    out = OUT / f"vault-{started.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {out} (wall time {result['wall_s']:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
