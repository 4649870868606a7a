"""Hostile inputs beyond the importer suite: every case gets a clear message, never an exception,
and the database is unchanged."""

import hashlib
import re
import subprocess
import sys
import time

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import FIXTURES
from warddash import ROOT, db

JUNK = [
    "'; drop table facts; --",
    "x" * 10_000,
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "\u0000",
    "١٢٣",
    "-1",
    "1e309",
]
# parameter -> page that reads it, and whether an invalid value is reported with a notice
PARAMS = {
    "lang": ("workload", True),
    "district": ("workload", True),
    "period": ("overview", True),
    "standard": ("workload", True),
    "t2025": ("workload", True),
    "ward": ("transition", True),
    "unit": ("transition", True),
    "topic": ("sources", True),
    "rank": ("sources", True),
    "q": ("sources", False),
    "slide": ("workload", False),
}


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(page, **query):
    at = AppTest.from_file(f"../pages/{page}.py", default_timeout=60)
    for k, v in query.items():
        at.query_params[k] = v
    return at.run()


@pytest.mark.parametrize("param", list(PARAMS))
def test_junk_in_every_url_parameter(use_real_db, param):
    page, notices = PARAMS[param]
    before = digest(use_real_db)
    for value in JUNK:
        query = {param: value}
        if param == "slide":
            query["present"] = "1"
        at = run(page, **query)
        assert not at.exception, (param, value[:20], at.exception)
        if notices and not (param == "q"):
            assert any("không hợp lệ" in w.value for w in at.warning), (param, value[:20])
        shown = " ".join(w.value for w in at.warning)
        assert "<script>" not in shown and len(shown) < 500  # echoed values are cut short
    assert digest(use_real_db) == before


def test_injection_in_search_is_just_text(use_real_db):
    at = run("sources", q="' or 1=1; drop table facts; --")
    assert not at.exception
    assert len(at.dataframe[0].value) == 0  # no fact matches that text; nothing was executed


def test_unknown_present_values_fall_back_to_the_page(use_real_db):
    at = run("workload", present="yes please")
    assert not at.exception and len(at.get("plotly_chart")) == 6


@pytest.mark.parametrize(
    "content", [None, b"", b"not a database at all" * 100], ids=["missing", "zero-byte", "garbage"]
)
def test_missing_or_broken_custom_database_gives_a_clear_message(tmp_path, monkeypatch, content):
    path = tmp_path / "custom.duckdb"
    if content is not None:
        path.write_bytes(content)
    monkeypatch.setenv("WARDDASH_DB", str(path))
    at = run("overview")
    assert not at.exception
    assert any("Không mở được cơ sở dữ liệu" in e.value for e in at.error)
    assert (path.read_bytes() if path.exists() else None) == content  # a custom file is never overwritten


def test_truncated_database_gives_a_clear_message(real_db, tmp_path, monkeypatch):
    path = tmp_path / "truncated.duckdb"
    path.write_bytes(real_db.read_bytes()[: 64 * 1024])
    monkeypatch.setenv("WARDDASH_DB", str(path))
    at = run("workload")
    assert not at.exception
    assert any("Không mở được cơ sở dữ liệu" in e.value for e in at.error)


def test_corrupt_default_database_is_rebuilt(tmp_path, monkeypatch):
    default = tmp_path / "warddash.duckdb"
    default.write_bytes(b"\x00garbage" * 1000)
    monkeypatch.delenv("WARDDASH_DB", raising=False)
    monkeypatch.setattr(db, "DEFAULT_DB", default)
    at = run("staffing")
    assert not at.exception and not at.error
    assert len(at.get("plotly_chart")) == 3
    assert db.connect(default).execute("select count(*) from facts").fetchone()[0] > 200


def test_database_locked_by_another_process(real_db, tmp_path, monkeypatch):
    path = tmp_path / "locked.duckdb"
    path.write_bytes(real_db.read_bytes())
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, time; c = duckdb.connect({str(path)!r}); print('ok', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout.readline().strip() == b"ok"
        monkeypatch.setenv("WARDDASH_DB", str(path))
        at = run("overview")
        assert not at.exception
        assert any("Không mở được cơ sở dữ liệu" in e.value for e in at.error)
    finally:
        holder.kill()
        holder.wait()


def test_broken_data_folder_keeps_the_old_database(tmp_path, data_copy):
    target = db.build(tmp_path / "kept.duckdb", data_copy)
    before = digest(target)
    (data_copy / "units_2025_07.csv").write_text("unit_code,unit_name\n00070,only two columns\n", encoding="utf-8")
    with pytest.raises(db.BuildError, match="units_2025_07.csv"):
        db.build(target, data_copy)
    assert digest(target) == before


def test_two_build_processes_at_once_leave_a_whole_file(tmp_path):
    target = tmp_path / "race.duckdb"
    cmd = [sys.executable, "-m", "warddash", "build", "--db", str(target), "--data", str(FIXTURES)]
    procs = [subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(3)]
    codes = [p.wait(timeout=120) for p in procs]
    assert codes == [0, 0, 0]
    assert db.connect(target).execute("select count(*) from facts").fetchone()[0] > 0
    assert not list(tmp_path.glob(".build-*"))


def test_xsrf_protection_and_upload_limit_stay_on(monkeypatch):
    from streamlit import config

    monkeypatch.chdir(ROOT)
    config.get_config_options(force_reparse=True)
    assert config.get_option("server.enableXsrfProtection") is True
    assert config.get_option("server.maxUploadSize") == 10
    assert config.get_option("client.showSidebarNavigation") is False


def test_upload_over_the_size_limit_is_refused_by_the_importer(tmp_path, fixture_db):
    from warddash import importer

    store = importer.Store(data_dir=FIXTURES, db_path=tmp_path / "x.duckdb", imports_dir=tmp_path / "imp")
    store.db_path.write_bytes(fixture_db.read_bytes())
    big = b"snapshot_id,unit_code\n" + b"2021-07,00337\n" * 200_000
    t0 = time.monotonic()
    with pytest.raises(importer.ImportRejected) as err:
        importer.import_file(big, "big.csv", store)
    assert err.value.problems[0].code == "too_big" and time.monotonic() - t0 < 5


def test_text_from_the_data_is_shown_as_text_never_markup():
    from warddash.ui import md_text

    hostile = "![](http://host/p.png) [link](http://x) <img src=x> **bold** _it_ `code` # head"
    escaped = md_text(hostile)
    for raw in ("![", "](", "**", "`code`"):
        assert raw not in escaped
    assert "\\<img" in escaped  # an escaped "<" is text, not a tag
    # every character comes back when Markdown reads the escapes
    assert re.sub(r"\\(.)", r"\1", escaped).replace("\u200b", "") == hostile
    assert ":\u200b//" in escaped  # a bare address is not made a live link, an :icon: is not drawn


def test_uncaught_errors_show_no_details_in_the_browser():
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["client"]["showErrorDetails"] == "none"


def test_import_against_a_database_path_that_is_a_folder_says_so(tmp_path, monkeypatch, capsys):
    from tests.test_importer import rows_csv, staff
    from warddash.__main__ import main

    monkeypatch.setenv("WARDDASH_DB", str(tmp_path))
    monkeypatch.setenv("WARDDASH_IMPORTS", str(tmp_path / "imports"))
    upload = tmp_path / "f.csv"
    upload.write_bytes(rows_csv([staff()]))
    assert main(["import", str(upload), "--dry-run"]) == 1
    err = capsys.readouterr().err
    assert "cannot open the database" in err and "Traceback" not in err


def test_an_unexpected_page_error_shows_a_short_message_in_the_users_language(monkeypatch):
    def app():
        import streamlit as st

        from warddash.ui import run_guarded

        class Broken:
            url_path = "broken"

            def run(self):
                st.write("half a page")
                raise RuntimeError("/work/main/secret.py line 3")

        run_guarded(Broken())

    monkeypatch.delenv("WARDDASH_RAISE", raising=False)
    at = AppTest.from_function(app)
    at.query_params["lang"] = "en"
    at.run()
    assert not at.exception  # caught at the boundary
    assert at.error and "unexpected error" in at.error[0].value and "secret" not in at.error[0].value
    monkeypatch.setenv("WARDDASH_RAISE", "1")  # tests and the page smoke see the exception itself
    assert AppTest.from_function(app).run().exception


def test_eight_readers_see_no_error_while_rebuilds_are_swapped_in(tmp_path):
    """The 8-thread rebuild harness, bounded: every query answers while the file is rebuilt under it."""
    import threading

    from warddash import ui

    path = tmp_path / "w.duckdb"
    db.build(path, FIXTURES)
    errors, answered = [], [0]
    stop = time.monotonic() + 8

    def reader():
        while time.monotonic() < stop:
            try:
                ui.run_on(str(path), path.stat().st_mtime, "districts", {})
                answered[0] += 1
            except Exception as exc:  # any error a session would see
                errors.append(f"{type(exc).__name__}: {exc}"[:120])

    threads = [threading.Thread(target=reader) for _ in range(8)]
    for th in threads:
        th.start()
    swaps = 0
    while time.monotonic() < stop - 0.5:
        time.sleep(0.4)
        db.build(path, FIXTURES)
        swaps += 1
    for th in threads:
        th.join()
    assert swaps >= 3 and answered[0] > 500
    assert errors == []


def test_imported_text_in_a_table_is_written_not_rendered(real_db, tmp_path, monkeypatch):
    from tests.test_importer import rows_csv, staff
    from warddash import DATA_DIR, importer

    path = tmp_path / "db.duckdb"
    path.write_bytes(real_db.read_bytes())
    store = importer.Store(data_dir=DATA_DIR, db_path=path, imports_dir=tmp_path / "imports")
    title = "Báo cáo ![](http://127.0.0.1:9/p.png) [Tải](http://evil.example) :material/delete: a &amp; b"
    importer.import_file(rows_csv([staff("00337", "25", source_title=title)]), "x.csv", store)
    monkeypatch.setenv("WARDDASH_DB", str(path))
    monkeypatch.setenv("WARDDASH_IMPORTS", str(store.imports_dir))
    at = AppTest.from_file("../pages/imports.py", default_timeout=60).run()
    assert not at.exception
    cells = [str(v) for t in at.table for v in t.value.reset_index().to_numpy().ravel()]
    shown = next(c for c in cells if c.startswith("Báo cáo"))
    assert "![" not in shown and "](" not in shown and ":material/" not in shown and "\\&amp;" in shown
    assert re.sub(r"\\(.)", r"\1", shown).replace("\u200b", "") == title  # every character still there
