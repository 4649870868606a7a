"""`python -m warddash bench`: measure, never assert. Median and p95 over repeated runs, as a table and
optionally JSON. `--quick` is about a minute on the real data; the full run adds a synthetic
national-scale database, memory with 1 and 20 sessions, and a 20-session load test."""

from __future__ import annotations

import json
import os
import re
import statistics
import tempfile
import time
from pathlib import Path

from warddash import DATA_DIR, ROOT, db

PARAMS = dict(
    districts=[],
    periods=[],
    threshold=45000,
    topics=["dialogue"],
    period="pilot",
    scope_level="city",
    ward="",
    unit="",
    units=[],
    search="",
    max_rank=4,
    district="008",
    source_ids=["census-2019"],
    metrics=[],
)
TARGETS = {
    ("query", "real"): 10,
    ("query", "national"): 50,
    ("page_rerun", "real"): 100,
    ("page_rerun", "national"): 300,
    ("page_filter_change", "real"): 100,
    ("page_filter_change", "national"): 300,
}
CHANGES = {
    "district": [["008"], ["005"], [], ["001"]],
    "period": [["pilot", "two_tier"], ["before_pilot", "pilot"], ["before_pilot", "pilot", "two_tier"], ["pilot"]],
    "q": ["Hoàng", "ward", "", "96"],
}
PAGE_FILTER = {"overview": "period", "petitions": "period", "sources": "q", "imports": None, "governance": None}


def _stats(samples: list[float]) -> tuple[float, float]:
    s = sorted(samples)
    return statistics.median(s), s[min(len(s) - 1, round(0.95 * (len(s) - 1)))]


def _row(metric, scale, samples, unit, target=None, scale_by=1000.0, higher_is_better=False):
    median, p95 = _stats(samples)
    median, p95 = median * scale_by, p95 * scale_by
    met = None if target is None else (median >= target if higher_is_better else p95 <= target)
    return {
        "metric": metric,
        "scale": scale,
        "median": round(median, 2),
        "p95": round(p95, 2),
        "unit": unit,
        "target": target,
        "met": met,
        "n": len(samples),
    }


def _time(fn, n):
    out = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def bench_queries(path: Path, scale: str, n: int) -> list[dict]:
    con = db.connect(path)
    rows = []
    for name in db.query_names():
        params = {k: PARAMS[k] for k in set(re.findall(r"\$(\w+)", db.query_sql(name)))}
        db.run_query(con, name, **params)  # warm
        rows.append(
            _row(
                f"query:{name}",
                scale,
                _time(lambda: db.run_query(con, name, **params), n),
                "ms",
                TARGETS[("query", scale)],
            )
        )
    con.close()
    return rows


def bench_pages(path: Path, scale: str, n: int) -> list[dict]:
    from streamlit.testing.v1 import AppTest

    from warddash import ui
    from warddash.ui import PAGES

    os.environ["WARDDASH_DB"] = str(path)
    rows = []
    for key, script, _ in PAGES:
        at = AppTest.from_file(script, default_timeout=300)
        at.run()
        first = ui.RUN_TIMES[-1][1]
        reruns, changes = [], []
        for _ in range(n):
            at.run()
            reruns.append(ui.RUN_TIMES[-1][1])
        widget = PAGE_FILTER.get(key, "district")
        if widget:
            values = CHANGES[widget]
            for i in range(n):
                element = at.text_input(key=widget) if widget == "q" else at.multiselect(key=widget)
                element.set_value(values[i % len(values)]).run()
                changes.append(ui.RUN_TIMES[-1][1])
        if at.exception:
            raise RuntimeError(f"{key}: {at.exception[0].value}")
        rows.append(_row(f"page_first_run:{key}", scale, [first], "ms"))
        rows.append(_row(f"page_rerun:{key}", scale, reruns, "ms", TARGETS[("page_rerun", scale)]))
        if changes:
            rows.append(_row(f"page_filter_change:{key}", scale, changes, "ms", TARGETS[("page_filter_change", scale)]))
    return rows


def bench_baseline(path: Path, n: int) -> list[dict]:
    """Our Workload page against a naive one, both timed the same way (AppTest wall clock)."""
    from streamlit.testing.v1 import AppTest

    os.environ["WARDDASH_DB"] = str(path)
    ours = AppTest.from_file(str(ROOT / "pages" / "workload.py"), default_timeout=300)
    naive = AppTest.from_file(str(ROOT / "benchmarks" / "naive_workload.py"), default_timeout=300)
    ours.run()
    naive.run()
    ours_t = _time(ours.run, n)
    naive_t = _time(naive.run, n)
    ratio = statistics.median(naive_t) / statistics.median(ours_t)
    return [
        _row("naive_page_rerun:workload", "real", naive_t, "ms"),
        _row("our_page_rerun_wall:workload", "real", ours_t, "ms"),
        {
            "metric": "baseline_ratio:workload",
            "scale": "real",
            "median": round(ratio, 1),
            "p95": None,
            "unit": "× faster",
            "target": 10,
            "met": ratio >= 10,
            "n": n,
        },
    ]


def bench_first_chart(path: Path, n: int, tmp: Path) -> list[dict]:
    from playwright.sync_api import sync_playwright

    from warddash.serve import CHROMIUM, CHROMIUM_ARGS, server

    samples = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for i in range(n):
            t0 = time.perf_counter()
            with server(path, tmp / f"first-{i}.log") as (_, base):
                page = browser.new_page()
                page.goto(base + "/")
                page.locator(".js-plotly-plot").first.wait_for(state="visible", timeout=60_000)
                samples.append(time.perf_counter() - t0)
                page.close()
        browser.close()
    return [_row("first_chart_from_server_start", "real", samples, "s", 3, scale_by=1.0)]


def _rss_row(metric: str, current: float, peak: float) -> dict:
    """Median column: resident memory now; p95 column: the peak so far (VmHWM)."""
    return {
        "metric": metric,
        "scale": "real",
        "median": round(current, 1),
        "p95": round(peak, 1),
        "unit": "MB",
        "target": 300,
        "met": peak <= 300,
        "n": 1,
    }


def bench_memory_and_load(path: Path, tmp: Path, seconds: float) -> list[dict]:
    from playwright.sync_api import sync_playwright

    from warddash import loadtest
    from warddash.serve import CHROMIUM, CHROMIUM_ARGS, rss_mb, server

    rows = []
    with server(path, tmp / "load.log") as (proc, base):
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(base + "/workload")
            page.locator(".js-plotly-plot").first.wait_for(state="visible", timeout=60_000)
            current, peak = rss_mb(proc.pid)
            browser.close()
        rows.append(_rss_row("server_rss_1_session", current, peak))
        result = loadtest.run(base, sessions=20, seconds=seconds, max_loads=10_000)
        current, peak = rss_mb(proc.pid)
        rows.append(_rss_row("server_rss_20_sessions", current, peak))
        rows.append(
            _row("load_20_sessions_time_to_chart", "real", result["samples"] or [float("nan")], "s", scale_by=1.0)
        )
        rows.append(
            {
                "metric": "load_20_sessions_errors",
                "scale": "real",
                "median": len(result["errors"]),
                "p95": None,
                "unit": f"errors in {result['loads']} loads",
                "target": 0,
                "met": not result["errors"],
                "n": result["loads"],
            }
        )
    return rows


def bench_deck(path: Path) -> list[dict]:
    from warddash import slides
    from warddash.views import Filters, build

    con = db.connect(path)
    run = lambda name, **p: db.run_query(con, name, **p)  # noqa: E731
    f = Filters()
    specs = build("workload", run, f) + build("overview", run, f)[1:]  # six charts
    cites = run("source_citations", source_ids=sorted({s for sp in specs for s in sp.source_ids}))
    samples = _time(lambda: slides.deck("workload", specs, f, cites, {}), 2)
    return [
        _row("deck_six_charts_first", "real", samples[:1], "s", scale_by=1.0),
        _row("deck_six_charts_warm", "real", samples[1:], "s", scale_by=1.0),
    ]


_XLSX_PROBE = """
import io, json, resource, sys, time
from openpyxl import Workbook
from warddash import importer
wb = Workbook(); ws = wb.active; ws.title = importer.SHEET
ws.append(importer.COLUMNS)
rows = int(sys.argv[1])
for i in range(rows):
    ws.append([importer.EXAMPLE[c] for c in importer.COLUMNS])
if sys.argv[2] == "extent":
    ws.cell(row=1_048_576, column=12).number_format = "0.0"
buf = io.BytesIO(); wb.save(buf); content = buf.getvalue()
t = time.perf_counter(); importer._read_xlsx(content); took = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"s": took, "kb": len(content) // 1024, "peak_mb": peak}))
"""


def bench_xlsx_reader() -> list[dict]:
    """The import's XLSX reader, each case in a fresh process (peak memory is the process's): a full file
    at the row limit, and a tiny file whose declared extent reaches the sheet's last row."""
    import subprocess
    import sys

    from warddash import importer

    out = []
    for label, rows, kind in (
        ("xlsx_read_max_rows", importer.MAX_ROWS, "plain"),
        ("xlsx_read_extent_1048576", 1, "extent"),
    ):
        res = subprocess.run(
            [sys.executable, "-c", _XLSX_PROBE, str(rows), kind], capture_output=True, text=True, cwd=ROOT, check=True
        )
        got = json.loads(res.stdout.strip().splitlines()[-1])
        out.append(_row(label, f"{got['kb']} KB", [got["s"]], "s", scale_by=1.0))
        out.append({**_row(label + "_peak_rss", f"{got['kb']} KB", [got["peak_mb"]], "MB", scale_by=1.0)})
    return out


def run(quick: bool = False, json_path: Path | None = None, national: Path | None = None) -> list[dict]:
    tmp = Path(tempfile.mkdtemp(prefix="warddash-bench-"))
    os.environ.setdefault("WARDDASH_IMPORTS", str(tmp / "imports"))
    real = tmp / "real.duckdb"
    rows = [_row("build", "real", _time(lambda: db.build(real, DATA_DIR), 2 if quick else 3), "s", scale_by=1.0)]
    n = 10 if quick else 20
    rows += bench_queries(real, "real", n)
    rows += bench_pages(real, "real", 3 if quick else 8)
    rows += bench_baseline(real, 3 if quick else 5)
    rows += bench_first_chart(real, 1 if quick else 3, tmp)
    rows += bench_deck(real)
    rows += bench_xlsx_reader()
    if not quick:
        from warddash import synthetic

        nat = national or tmp / "national.duckdb"
        t = time.perf_counter()
        counts = synthetic.generate(nat)
        rows.append(
            {
                "metric": "synthetic_build",
                "scale": "national",
                "median": round(time.perf_counter() - t, 1),
                "p95": None,
                "unit": f"s for {counts['facts']:,} facts, {counts['units_2021_07']:,}+"
                f"{counts['units_2025_07']:,} units, {counts['districts']} districts",
                "target": None,
                "met": None,
                "n": 1,
            }
        )
        rows += bench_queries(nat, "national", n)
        rows += bench_pages(nat, "national", 5)
        rows += bench_memory_and_load(real, tmp, seconds=120)
    if json_path:
        Path(json_path).write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return rows


def table(rows: list[dict]) -> str:
    lines = [f"{'metric':<44} {'scale':<9} {'median':>9} {'p95':>9} {'unit':<10} {'target':>7} met"]
    for r in rows:
        met = "" if r["met"] is None else ("yes" if r["met"] else "NO")
        p95 = "" if r["p95"] is None else f"{r['p95']:.2f}"
        target = "" if r["target"] is None else str(r["target"])
        lines.append(
            f"{r['metric']:<44} {r['scale']:<9} {r['median']:>9.2f} {p95:>9} {r['unit'][:10]:<10} {target:>7} {met}"
        )
    return "\n".join(lines)
