"""Every page through streamlit.testing.v1.AppTest over the real database."""

import json

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

PAGES = ["overview", "governance", "workload", "staffing", "petitions", "transition", "district", "sources", "imports"]
CHARTS = {
    "overview": 3,
    "governance": 6,
    "workload": 6,
    "staffing": 3,
    "petitions": 3,
    "transition": 2,
    "district": 0,  # no district chosen: the picker and the ranking, no chart
    "sources": 0,
    "imports": 0,
}


def run(page, **query):
    at = AppTest.from_file(f"../pages/{page}.py", default_timeout=60)
    for k, v in query.items():
        at.query_params[k] = v
    return at.run()


def texts(at):
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [t.value for t in at.title]
    parts += [str(m.value) + str(m.label) for m in at.metric]
    return "\n".join(parts)


def frames(at):
    return [d.value for d in at.dataframe]


def tables(at):
    """Static summary tables: strings formatted for the language, first column as the index."""
    return [t.value.reset_index() for t in at.table]


def charts(at):
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_in_vietnamese_with_its_charts_and_sources(use_real_db, page):
    at = run(page)
    assert not at.exception, at.exception
    assert len(at.get("plotly_chart")) == CHARTS[page]
    assert "Nguồn" in texts(at) or page in ("sources", "imports")
    assert "OpenStreetMap" in texts(at)  # footer attribution on every page


def test_entrypoint_routes_to_the_overview(use_real_db):
    at = AppTest.from_file("../dashboard.py", default_timeout=60).run()
    assert not at.exception
    assert at.title[0].value == "Tổng quan"


def test_overview_kpis_in_vietnamese_format_and_missing_not_zero(use_real_db):
    at = run("overview")
    values = [m.value for m in at.metric]
    assert "15.376" in values and "96,2%" in values and "89,8%" in values
    assert "Chưa có số liệu" in values  # e.g. no ward petition figure in the two-tier period
    deltas = [m.delta for m in at.metric if m.delta]
    assert "−6,3 đ.p." in deltas  # percentage points, from the counts (not −6,4 from the rounded rates)


def test_period_filter_changes_the_overview(use_real_db):
    at = run("overview")
    before = len(at.metric)
    at.multiselect(key="period").set_value(["pilot", "two_tier"]).run()
    assert not at.exception
    assert len(at.metric) < before
    assert "15.376" not in [m.value for m in at.metric]


def test_district_filter_changes_workload(use_real_db):
    at = run("workload")
    all_rows = len(tables(at)[0])
    at.multiselect(key="district").set_value(["008"]).run()
    assert not at.exception
    table = tables(at)[0]
    assert all_rows == 13 and list(table["Quận, thị xã"]) == ["Hoàng Mai"]
    assert table.iloc[0]["Vượt tiêu chuẩn"] == "13"
    assert table.iloc[0]["Tổng dân số"] == "432.412" or "." in table.iloc[0]["Tổng dân số"]


def test_whatif_slider_changes_the_count(use_real_db):
    at = run("workload")
    first = texts(at)
    at.select_slider(key="standard").set_value(30000).run()
    assert "Phường thuộc quận trên 30.000 dân" in texts(at) and texts(at) != first
    assert "37 / 166" in [m.value for m in at.metric]
    box = charts(at)[0]
    assert any(s.get("x0") == 30000 for s in box["layout"]["shapes"])


def test_shared_url_restores_language_and_district(use_real_db):
    at = run("workload", lang="en", district="008")
    assert not at.exception
    assert at.title[0].value == "Workload"
    assert list(tables(at)[0]["District"]) == ["Hoàng Mai"]
    assert "," in tables(at)[0]["Total population"].iloc[0]  # English thousands separator
    assert charts(at)[0]["layout"]["separators"] == ".,"


@pytest.mark.parametrize(
    "bad",
    [
        {"district": "9999"},
        {"district": "'; drop table facts; --"},
        {"district": "x" * 10_000},
        {"lang": "xx"},
        {"period": "middle_ages"},
    ],
)
def test_malformed_url_values_give_a_notice_not_an_error(use_real_db, bad):
    page = "overview" if "period" in bad else "workload"
    at = run(page, **bad)
    assert not at.exception
    assert any("không hợp lệ" in w.value for w in at.warning)
    assert len(at.get("plotly_chart")) == CHARTS[page]


def test_district_profile_from_url(use_real_db):
    at = run("district", district="269")
    assert not at.exception
    assert at.header[0].value == "Sơn Tây"
    ranked = charts(at)[0]["data"][0]["y"]
    assert len(ranked) == 9 and all("(Sơn Tây)" in y for y in ranked)
    cards = {m.label: m.value for m in at.metric}
    assert cards["Số phường thí điểm"] == "9" and cards["Phường vượt tiêu chuẩn"].endswith("/ 9")
    assert at.selectbox(key="profile_district").value == "269"


def test_district_profile_one_district_at_a_time_and_a_picker(use_real_db):
    at = run("district", district=["001", "008"])
    assert not at.exception
    assert at.header[0].value == "Ba Đình" and any("một" in i.value for i in at.info)  # says it shows one
    at = run("district")
    assert not at.exception and not at.header and len(at.get("plotly_chart")) == 0  # asks for a district
    at.selectbox(key="profile_district").set_value("008").run()
    assert not at.exception and at.header[0].value == "Hoàng Mai"


def test_transition_pick_a_ward(use_real_db):
    at = run("transition", ward="00004")
    assert not at.exception
    picked = frames(at)[0]
    assert list(picked["Đơn vị hành chính"]) == ["Phường Ba Đình"]


def test_sources_search_filters_facts(use_real_db):
    at = run("sources")
    n = len(frames(at)[0])
    at.text_input(key="q").set_value("Hoàng Liệt").run()
    hits = frames(at)[0]
    assert 0 < len(hits) < n
    assert "F029" in set(hits["Mã số liệu"])


def test_petitions_keeps_two_tier_scope_apart(use_real_db):
    at = run("petitions")
    assert any("không so sánh trực tiếp" in w.value for w in at.warning)
    names = [t["name"] for t in charts(at)[0]["data"]]
    assert len(names) == 2  # before and pilot only: the two-tier period has no ward petition series


def test_presentation_mode_one_chart_at_a_time(use_real_db):
    at = run("workload", present="1", district="008")
    assert not at.exception
    figs = charts(at)
    assert len(figs) == 1 and figs[0]["layout"]["font"]["size"] == 20
    assert "Phân bố dân số phường" in figs[0]["layout"]["title"]["text"]
    at.button(key="present_next").click().run()
    assert at.query_params["slide"] in ("2", ["2"])
    assert "Các phường đông dân nhất" in charts(at)[0]["layout"]["title"]["text"]
    assert len(at.get("multiselect")) == 0  # no sidebar filters on the projector


def test_presentation_mode_ignores_bad_slide_numbers(use_real_db):
    at = run("staffing", present="1", slide="999")
    assert not at.exception and len(charts(at)) == 1
    assert "3 / 3" in texts(at)


@pytest.mark.parametrize(
    ("page", "query"), [("sources", {}), ("imports", {}), ("district", {}), ("sources", {"lang": "en"})]
)
def test_presentation_mode_without_charts_says_so_and_offers_the_way_back(use_real_db, page, query):
    at = run(page, present="1", **query)
    assert not at.exception and not charts(at)
    said = " ".join(i.value for i in at.info)
    assert ("không có biểu đồ" if not query else "no chart to present") in said


def test_presentation_mode_with_a_broken_database_shows_a_message(tmp_path, monkeypatch):
    bad = tmp_path / "garbage.duckdb"
    bad.write_bytes(b"not a database" * 100)
    monkeypatch.setenv("WARDDASH_DB", str(bad))
    at = AppTest.from_file("../pages/overview.py", default_timeout=60)
    at.query_params["present"] = "1"
    at.run()
    assert not at.exception
    assert at.error and "cơ sở dữ liệu" in at.error[0].value


def test_every_chart_page_offers_exports(use_real_db):
    at = run("petitions")
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Bộ trình chiếu (PPTX)" in labels and "Gói dữ liệu và hình (ZIP)" in labels
    assert labels.count("PNG") == 1 and labels.count("SVG") == 1 and labels.count("XLSX") == 1
    assert len(at.selectbox(key="export_chart_petitions").options) == 3  # one entry per chart


def test_imported_staffing_appears_marked_and_goes_away(real_db, tmp_path, monkeypatch):
    from tests.test_importer import rows_csv, staff
    from warddash import DATA_DIR, importer

    path = tmp_path / "db.duckdb"
    path.write_bytes(real_db.read_bytes())
    store = importer.Store(data_dir=DATA_DIR, db_path=path, imports_dir=tmp_path / "imports")
    summary = importer.import_file(rows_csv([staff("00337", "25"), staff("00316", "18")]), "hm.csv", store)
    monkeypatch.setenv("WARDDASH_DB", str(path))
    monkeypatch.setenv("WARDDASH_IMPORTS", str(store.imports_dir))
    at = run("staffing", district="008")
    assert not at.exception
    assert any("Do người dùng nhập" in w.value for w in at.warning)
    imported = tables(at)[0]
    assert list(imported["Giá trị"]) == ["18", "25"] and set(imported["Mã lần nhập"]) == {summary["import_id"]}
    assert imported["Số dân/công chức"].iloc[1] == "3.154"  # 78.845 / 25, Vietnamese format
    listing = run("imports")
    assert not listing.exception and summary["import_id"] in set(tables(listing)[0]["Mã lần nhập"])
    remove = next(b for b in listing.button if b.label == "Xoá lần nhập này")
    assert remove.disabled  # nothing chosen, nothing confirmed
    listing.selectbox[0].select(summary["import_id"]).run()
    assert next(b for b in listing.button if b.label == "Xoá lần nhập này").disabled  # chosen, not confirmed
    listing.checkbox[0].check().run()
    next(b for b in listing.button if b.label == "Xoá lần nhập này").click().run()
    assert not listing.exception and importer.list_imports(store).empty
    at = run("staffing", district="008")
    assert not any("Do người dùng nhập" in w.value for w in at.warning)


def test_sources_downloads_are_what_the_search_shows(use_real_db):
    at = run("sources", q="hoang liet")
    assert not at.exception
    shown = len(at.dataframe[0].value)
    assert 0 < shown < 50
    assert any(f"({shown} số liệu)" in c.value for c in at.caption)  # the download note counts the same rows
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Số liệu đang lọc (CSV)" in labels and "Số liệu đang lọc và nguồn (XLSX)" in labels


def test_export_headers_are_unique_and_numbers_machine_readable():
    import io

    from warddash import export

    df = pd.DataFrame({"metric_id": ["a"], "name_vi": ["Lượt"], "name_en": ["Visits"], "value": [15376.5]})
    text = export.csv_bytes(df, "en").decode("utf-8-sig")
    header = text.splitlines()[0].split(",")
    assert len(header) == len(set(header)) and "Metric (Vietnamese)" not in header
    assert "15376.5" in text  # dot decimal, no grouping, in both languages
    assert "15376.5" in export.csv_bytes(df, "vi").decode("utf-8-sig")
    assert io.BytesIO(export.xlsx_bytes({"facts": df}, "vi")).getbuffer().nbytes > 0
