"""Chart builders on small frames: values, reference lines, colours and number formats."""

import pandas as pd

from warddash import charts

PERIODS = pd.DataFrame(
    {
        "period_id": ["before_pilot", "pilot", "two_tier"],
        "name_vi": ["Trước", "Thí điểm", "2 cấp"],
        "name_en": ["Before", "Pilot", "Two-tier"],
    }
)


def test_period_bars_one_trace_per_period_with_data_and_vi_separators():
    df = pd.DataFrame(
        {
            "metric_id": ["a", "a", "b", "b"],
            "name_vi": ["Lượt", "Lượt", "Đơn", "Đơn"],
            "name_en": ["Visits", "Visits", "Petitions", "Petitions"],
            "period_id": ["before_pilot", "pilot"] * 2,
            "value": [15376, 14022, 4408, 3462],
        }
    )
    fig = charts.build_period_bars(df, PERIODS, "vi", "T")
    assert [t.name for t in fig.data] == ["Trước", "Thí điểm"]  # no empty trace for the two-tier period
    assert list(fig.data[0].y) == [15376, 4408]
    assert fig.data[0].text[0] == "15.376"
    assert fig.layout.separators == ",."
    assert fig.layout.yaxis.tickformat == ",.0f"
    assert fig.data[1].marker.color == charts.PERIOD_COLOURS["pilot"]
    assert fig.layout.template.layout.paper_bgcolor is not None  # explicit template
    en = charts.build_period_bars(df, PERIODS, "en", "T")
    assert en.layout.separators == ".," and en.data[0].text[0] == "15,376"


def test_distribution_draws_each_standard_as_a_line():
    df = pd.DataFrame({"population": [78845, 48505, 14000, 5524], "is_town_ward": [False] * 4})
    fig = charts.build_distribution(df, "vi", "T", {"15.000": 15000, "Sơn Tây": 5000}, "Dân số")
    xs = sorted(s.x0 for s in fig.layout.shapes)
    assert xs == [5000, 15000]
    assert "15.000" in fig.layout.annotations[0].text + fig.layout.annotations[1].text


def test_ranked_bar_heaviest_on_top_and_coloured_by_standard():
    df = pd.DataFrame(
        {
            "unit_name": ["Đại Kim", "Hoàng Liệt", "Yên Sở"],
            "district_name": ["Hoàng Mai"] * 3,
            "district_code": ["008"] * 3,
            "population": [48505, 78845, 14000],
            "standard": [15000] * 3,
            "over_standard": [True, True, False],
        }
    )
    fig = charts.build_ranked_bar(df, "vi", "T")
    assert fig.data[0].y[-1].startswith("Hoàng Liệt")
    assert fig.data[0].marker.color[0] == charts.UNDER and fig.data[0].marker.color[-1] == charts.OVER
    assert list(fig.data[0].customdata[-1]) == [15000, "008"]  # a click knows the district


def test_district_box_carries_the_district_code_for_click_filtering():
    df = pd.DataFrame(
        {
            "district_code": ["008", "008", "269"],
            "district_name": ["Hoàng Mai", "Hoàng Mai", "Sơn Tây"],
            "unit_name": ["Hoàng Liệt", "Đại Kim", "Lê Lợi"],
            "population": [78845, 48505, 12000],
        }
    )
    fig = charts.build_district_box(df, "vi", "T", 15000)
    assert [t.name for t in fig.data] == ["Hoàng Mai", "Sơn Tây"]
    assert list(fig.data[0].customdata[0]) == ["008", "Hoàng Liệt"]
    assert fig.layout.shapes[0].y0 == 15000


def test_district_box_draws_each_district_s_own_standard():
    df = pd.DataFrame(
        {
            "district_code": ["008", "269"],
            "district_name": ["Hoàng Mai", "Sơn Tây"],
            "unit_name": ["Hoàng Liệt", "Lê Lợi"],
            "population": [78845, 7974],
            "standard": [15000, 5000],
        }
    )
    fig = charts.build_district_box(df, "vi", "T")
    lines = [(sh.x0, sh.x1, sh.y0) for sh in fig.layout.shapes]
    assert lines == [(-0.45, 0.45, 15000), (0.55, 1.45, 5000)]  # Sơn Tây's wards against 5.000, not 15.000
    assert [a.text for a in fig.layout.annotations] == ["15.000", "5.000"]


def test_choropleth_greys_units_without_threshold_and_attributes_osm():
    df = pd.DataFrame(
        {
            "unit_code": ["00004", "09661"],
            "unit_name": ["Ba Đình", "Minh Châu"],
            "population": [65023, 6646],
            "ratio_to_threshold": [1.445, None],
        }
    )
    fig = charts.build_choropleth(
        df.assign(waived=[True, False]),
        "app/static/units_2025_07.geojson",
        "vi",
        "T",
        "© OSM",
        "miễn",
        "Dân số ÷ ngưỡng",
    )
    trace, outline = fig.data
    assert list(trace.locations) == ["00004", "09661"]
    # an exempt ward keeps its colour and gets an outline, named in the legend
    assert list(outline.locations) == ["00004"] and outline.marker.line.width == 2 and outline.showlegend
    assert trace.colorbar.title.text == "Dân số ÷ ngưỡng" and trace.colorbar.orientation == "h"
    assert list(trace.z) == [1.445, charts.NO_THRESHOLD]  # the commune sits below the scale...
    assert trace.colorscale[0][1] == "#DDDDDD"  # ...where the scale is grey
    # a ratio of 1 (at the threshold) falls on the white midpoint of the red-blue scale
    at_one = (1 - trace.zmin) / (trace.zmax - trace.zmin)
    assert any(abs(pos - at_one) < 1e-9 and colour == "#f7f7f7" for pos, colour in trace.colorscale)
    assert trace.colorbar.ticktext[-1] == "≥ 2,0"
    assert trace.geojson == "app/static/units_2025_07.geojson"  # the browser loads the boundaries once
    assert any("OSM" in a.text for a in fig.layout.annotations)


def test_staff_bars_mark_two_series_and_kinds_apart_and_leave_a_period_empty():
    df = pd.DataFrame(
        {
            "period_id": ["before_pilot", "pilot"],
            "series_id": ["ward_staffing_headcount", "ward_staffing_quota"],
            "metric_id": ["civil_servants_per_ward_headcount", "civil_servants_per_ward"],
            "fact_kind": ["derived", "reported"],
            "staff_per_unit": [1900 / 175, 15],
            "qualifier": ["over", "average"],
            "basis": ["x", "y"],
        }
    )
    fig = charts.build_staff_bars(
        df,
        PERIODS,
        "vi",
        "T",
        {"ward_staffing_headcount": "Thực có", "ward_staffing_quota": "Biên chế"},
        {"derived": "Tính lại", "reported": "Báo cáo"},
        "Chưa có số liệu so sánh được",
    )
    assert len(fig.data) == 2  # one trace per series and kind: never one line through both
    assert all(t.mode == "markers+text" for t in fig.data)
    assert fig.data[0].text[0] == "hơn 10,9" and fig.data[1].text[0] == "bình quân 15"
    assert fig.data[0].marker.symbol != fig.data[1].marker.symbol
    assert [a.text for a in fig.layout.annotations] == ["Chưa có số liệu so sánh được"]  # the two-tier period
    strip = charts.build_staffing_strip(
        pd.DataFrame(
            {"period_id": ["pilot"], "unit_name": ["Hoàng Liệt"], "population_per_staff": [5256], "staff_basis": ["x"]}
        ),
        PERIODS,
        "vi",
        "T",
    )
    assert len(strip.data) == 1 and strip.data[0].y[0] == 5256


def test_sankey_links_count_pieces():
    df = pd.DataFrame(
        {
            "district_name": ["Hoàng Mai", "Hoàng Mai", "Hoàng Mai"],
            "unit_name": ["Phường Hoàng Liệt", "Phường Hoàng Liệt", "Phường Yên Sở"],
            "relation": ["part"] * 3,
        }
    )
    fig = charts.build_sankey(df, "vi", "T")
    assert list(fig.data[0].link.value) == [2, 1]
    assert list(fig.data[0].node.label) == ["Hoàng Mai", "Phường Hoàng Liệt", "Phường Yên Sở"]


def test_treemap_timeline_transition_and_fact_bars():
    wards = pd.DataFrame(
        {
            "district_code": ["008", "008"],
            "district_name": ["Hoàng Mai"] * 2,
            "unit_code": ["00337", "00316"],
            "unit_name": ["Hoàng Liệt", "Đại Kim"],
            "population": [78845, 48505],
            "ratio_to_standard": [5.256, 3.234],
        }
    )
    tm = charts.build_treemap(wards, "vi", "T", "Hà Nội")
    assert tm.data[0].values[0] == 78845 + 48505 and tm.data[0].parents[-1] == "d008"
    ev = pd.DataFrame(
        {
            "event_date": pd.to_datetime(["2019-11-27", "2021-07-01"]),
            "label_vi": ["NQ 97", "Thí điểm"],
            "label_en": ["Res 97", "Pilot"],
        }
    )
    assert list(charts.build_timeline(ev, "en", "T").data[1].text) == [
        "<b>Nov 27, 2019</b><br>Res 97",
        "<b>Jul 1, 2021</b><br>Pilot",
    ]
    tr = pd.DataFrame(
        {"unit_name": ["Phường Hoàng Liệt"], "population_2025": [100000], "census_population_whole_wards": [None]}
    )
    assert charts.build_transition_bars(tr, "vi", "T", ("a", "b")).data[0].x[0] == 100000
    fb = pd.DataFrame({"name_vi": ["Đối thoại"], "name_en": ["Dialogues"], "value": [389], "qualifier": [""]})
    assert charts.build_fact_bars(fb, "en", "T").data[0].y[0] == "Dialogues"


def test_rate_dumbbell_marks_stated_and_computed():
    df = pd.DataFrame(
        {"period_id": ["before_pilot", "pilot"], "stated_rate_pct": [96.2, 89.8], "computed_rate_pct": [96.17, 89.83]}
    )
    fig = charts.build_rate_dumbbell(df, PERIODS, "vi", "T", ("công bố", "tính lại"))
    assert list(fig.data[0].text) == ["96,2%", "89,8%"]
    assert list(fig.data[1].y) == [96.17, 89.83]


def test_period_slopes_one_panel_per_metric_and_no_point_for_a_missing_period():
    df = pd.DataFrame(
        {
            "metric_id": ["a", "a", "b", "c"],
            "name_vi": ["Lượt", "Lượt", "Thực có", "Biên chế"],
            "name_en": ["Visits", "Visits", "In post", "Quota"],
            "unit": ["lượt", "lượt", "người", "người"],
            "period_id": ["before_pilot", "pilot", "before_pilot", "pilot"],
            "value": [15376, 14022, 1900 / 175, 15],
            "qualifier": ["", "", "over", "average"],
            "fact_kind": ["reported", "reported", "derived", "reported"],
            "linked": [False, True, False, False],
        }
    )
    fig = charts.build_period_slopes(
        df, PERIODS, "vi", "T", short_names={"two_tier": "2 cấp"}, kind_names={"reported": "Báo cáo"}, no_figure="—?"
    )
    lines = [t for t in fig.data if t.mode == "lines"]
    marks = [t for t in fig.data if t.mode == "markers+text"]
    gaps = [t for t in fig.data if t.mode == "text"]
    assert len(lines) == 1 and list(lines[0].y) == [15376, 14022]  # only the linked pair is joined
    assert [list(t.text) for t in marks] == [["15.376", "14.022"], ["hơn 10,9"], ["bình quân 15"]]
    assert marks[1].marker.symbol == "diamond-open" and marks[0].marker.symbol == "circle"
    assert all(len(set(t.customdata)) == 1 for t in marks)  # one kind per trace
    assert list(gaps[0].x) == ["2 cấp"] and 0 not in [v for t in marks for v in t.y]  # no figure: no point
    assert all(y > 0 for t in gaps for y in t.y)  # the "none yet" word sits well above the zero line
    assert fig.data[-1].xaxis == "x3"
    assert [a.text for a in fig.layout.annotations] == ["<b>Lượt</b>", "<b>Thực có</b>", "<b>Biên chế</b>"]
