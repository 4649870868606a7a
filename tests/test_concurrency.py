"""Concurrency on loopback: a short load test, and two servers on one database file while a rebuild
is swapped in. Bounded in count and time; only 127.0.0.1 is a target."""

import os
import re
import shutil
from pathlib import Path

import pytest

from warddash import DATA_DIR, db, loadtest
from warddash.serve import CHROMIUM, CHROMIUM_ARGS, server

pytestmark = pytest.mark.load

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing: CI must install Debian's chromium", pytrace=False)
    pytest.skip(f"concurrency tests need {CHROMIUM}", allow_module_level=True)


def test_five_sessions_for_twenty_seconds_without_errors(real_db, tmp_path):
    path = tmp_path / "load.duckdb"
    path.write_bytes(real_db.read_bytes())
    with server(path, tmp_path / "server.log") as (_, base):
        result = loadtest.run(base, sessions=5, seconds=20, max_loads=100)
    print(f"\nload test: {result['loads']} loads, median {result['median']:.2f} s, p95 {result['p95']:.2f} s")
    assert result["errors"] == []
    assert result["loads"] >= 5  # every session got at least its first chart


def _hoang_liet(page):
    metric = page.get_by_test_id("stMetric").filter(has_text="Các phường đông dân nhất")
    metric.wait_for(timeout=60_000)
    return re.search(r"Hoàng Liệt: ([\d.]+)", metric.inner_text()).group(1)


def test_two_servers_one_file_and_a_rebuild_swapped_in_while_serving(tmp_path):
    from playwright.sync_api import sync_playwright

    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns("*.duckdb*", "imports"))
    path = db.build(tmp_path / "shared.duckdb", data)
    with server(path, tmp_path / "a.log") as (_, a), server(path, tmp_path / "b.log") as (_, b):
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            pages = [browser.new_page(), browser.new_page()]
            for page, base in zip(pages, (a, b), strict=False):
                page.goto(base + "/workload")
                assert _hoang_liet(page) == "78.845"
            csv = data / "pilot_wards_2021.csv"
            csv.write_text(csv.read_text(encoding="utf-8").replace(",78845,", ",78846,"), encoding="utf-8")
            db.build(path, data)  # swapped in with os.replace while both servers hold the old file open
            for page, base in zip(pages, (a, b), strict=False):
                page.wait_for_timeout(2_500)  # the servers check the file's age at most every 2 s
                page.goto(base + "/workload")
                assert _hoang_liet(page) == "78.846"
                assert page.get_by_test_id("stException").count() == 0
            browser.close()
