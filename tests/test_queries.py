"""Named queries on the fixture database: values checked by hand."""

import re

import pandas as pd
import pytest

from warddash import ROOT, db
from warddash.bench import PARAMS as EMPTY  # one sample value for every query parameter


def params_for(name):
    return {k: EMPTY[k] for k in set(re.findall(r"\$(\w+)", db.query_sql(name)))}


@pytest.mark.parametrize("name", db.query_names())
def test_every_query_runs_on_fixture_and_real_data(name, fx, real):
    assert db.run_query(fx, name, **params_for(name)) is not None
    assert len(db.run_query(real, name, **params_for(name)).columns) > 0


@pytest.mark.parametrize("name", db.query_names())
def test_every_query_is_used_by_a_page_and_documented(name):
    code = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "pages").glob("*.py"))
    code += "".join(p.read_text(encoding="utf-8") for p in (ROOT / "warddash").glob("*.py"))
    assert f'"{name}"' in code, f"query {name} is never used"
    header = db.query_sql(name).split("\n")[0]
    assert header.startswith("--"), "each query opens with a comment stating its grain"


def test_unknown_query_name_is_refused(fx):
    with pytest.raises(KeyError):
        db.run_query(fx, "../build/00_schema")


def test_ward_workload_standards_by_district_type(fx):
    df = db.run_query(fx, "ward_workload", districts=[])
    by = df.set_index("unit_name")
    assert by.loc["Hoàng Liệt", "standard"] == 15000
    assert by.loc["Lê Lợi", "standard"] == 5000  # a ward of Sơn Tây town
    assert by.loc["Lê Lợi", "ratio_to_standard"] == 2.4
    assert list(df.unit_name[:2]) == ["Hoàng Liệt", "Đại Kim"]
    assert df.over_standard.sum() == 3


def test_district_filter_and_vietnamese_order(fx):
    assert set(db.run_query(fx, "ward_workload", districts=["269"]).unit_name) == {"Lê Lợi", "Phú Thịnh"}
    names = list(db.run_query(fx, "district_workload", districts=[]).district_name)
    assert names == ["Hoàn Kiếm", "Hoàng Mai", "Sơn Tây"]
    hm = db.run_query(fx, "district_workload", districts=["008"]).iloc[0]
    assert (hm.wards, hm.population_total, hm.population_max, hm.wards_over_30000, hm.wards_under_standard) == (
        3,
        78845 + 48505 + 14000,
        78845,
        2,
        1,
    )


def test_vietnamese_collation_puts_d_stroke_after_d():
    import duckdb

    rows = duckdb.sql(
        "select n from (values ('Đống Đa'), ('Dịch Vọng'), ('Zeta'), ('Ba Đình')) t(n) order by n collate vi"
    ).fetchall()
    assert [r[0] for r in rows] == ["Ba Đình", "Dịch Vọng", "Đống Đa", "Zeta"]


def test_petition_rates_reproduce_the_article(fx):
    r = db.run_query(fx, "petition_rates", periods=[]).set_index("period_id")
    assert round(r.loc["before_pilot", "computed_rate_pct"], 1) == 96.2
    assert round(r.loc["pilot", "computed_rate_pct"], 1) == 89.8
    assert round(r.loc["pilot", "dialogue_computed_rate_pct"], 1) == 92.9
    assert not r.rate_differs.any()


def test_period_comparison_changes(fx):
    c = db.run_query(fx, "period_comparison", periods=[]).set_index("metric_id")
    assert round(c.loc["ward_petitions_received", "pct_change"], 2) == -21.46  # the article says "giảm 20%"
    assert round(c.loc["ward_citizen_receptions", "pct_change"], 2) == -8.81  # the article says "giảm 9%"
    assert round(c.loc["ward_resolution_rate_pct", "pp_change"], 2) == -6.4
    assert c.loc["ward_citizen_receptions", "abs_change"] == 14022 - 15376
    # pp of the computed rates from the counts, not from rounded rates (-6.34 from 96.17 and 89.83)
    computed = c.loc["ward_resolution_rate_computed_pct", "pp_change"]
    assert round(computed, 2) == round(100 * 3110 / 3462 - 100 * 4239 / 4408, 2) == -6.33
    # periods filter: with only the pilot there is no pair
    assert db.run_query(fx, "period_comparison", periods=["pilot"]).empty


def test_no_change_across_a_method_break_and_no_percent_on_ranks(fx):
    c = db.run_query(fx, "period_comparison", periods=[]).set_index("metric_id")
    score = c.loc["fixture_index_score"]  # 2020 and 2023 on the two sides of a 2022 method break
    assert score.not_computed_reason == "method_break"
    assert pd.isna(score["abs_change"]) and pd.isna(score["pct_change"])
    rank = c.loc["fixture_rank"]  # rank 2 -> 3: a place lost, never "+50%"
    assert rank["abs_change"] == 1 and pd.isna(rank["pct_change"]) and pd.isna(rank["pp_change"])


def test_comparisons_pair_one_series_kind_and_scope(real):
    c = db.run_query(real, "period_comparison", periods=[])
    facts = real.execute("select fact_id, metric_id, fact_kind, scope_name from facts").df().set_index("fact_id")
    for r in c.itertuples():
        for ref in (r.ref_a, r.ref_b):
            if ref in facts.index:
                f = facts.loc[ref]
                assert (f.metric_id, f.fact_kind, f.scope_name) == (r.metric_id, r.fact_kind, r.scope_name)
    assert not c.fact_kind.isin(["norm", "plan", "estimate"]).any()
    assert c[c.scale == "rank"]["pct_change"].isna().all()


def test_units_2025_threshold_is_a_parameter(fx):
    a = db.run_query(fx, "units_2025_workload", threshold=45000).set_index("unit_code")
    b = db.run_query(fx, "units_2025_workload", threshold=21000).set_index("unit_code")
    assert a.loc["00328", "over_threshold"] == False  # noqa: E712 - 30,000 < 45,000
    assert b.loc["00328", "over_threshold"] == True  # noqa: E712 - 30,000 > 21,000
    assert a.loc["00640"].isna()["threshold"]  # a commune: no threshold in the data


def test_transition_keeps_whole_and_part_apart(fx):
    t = db.run_query(fx, "unit_transition", units=[]).set_index("unit_code")
    assert (t.loc["00337", "pilot_wards_whole"], t.loc["00337", "pilot_wards_part"]) == (0, 2)
    assert t.loc["09574", "census_population_whole_wards"] == 16000
    assert t.loc["00328", "census_population_whole_wards"] == 14000  # the Hoàng Liệt piece is not apportioned
    assert t.loc["00337", "pilot_ward_names"] == "Đại Kim, Hoàng Liệt"
    p = db.run_query(fx, "transition_pieces", districts=[], ward="00337", unit="")
    assert set(p.unit_name) == {"Phường Hoàng Liệt", "Phường Yên Sở"}


def test_staffing_names_the_figure_used(fx):
    s = db.run_query(fx, "staffing_by_period").set_index("period_id")
    assert s.loc["pilot", "staff_per_unit"] == 15 and s.loc["pilot", "fact_id"] == "F032"
    # "biên chế": the staffing quota, a norm, shown as its own mark beside the headcount, never joined
    assert s.loc["pilot", "series_id"] == "ward_staffing_quota" and s.loc["pilot", "fact_kind"] == "norm"
    # before the pilot: civil servants in post over the official list's pilot wards, a lower bound
    wards = fx.execute("select count(*) from units where snapshot_id = '2021-07' and is_pilot_ward").fetchone()[0]
    assert s.loc["before_pilot", "staff_per_unit"] == 1900 / wards
    assert s.loc["before_pilot", "qualifier"] == "over" and s.loc["before_pilot", "fact_kind"] == "derived"
    assert s.loc["before_pilot", "series_id"] != s.loc["pilot", "series_id"]  # two series, never one line
    assert "two_tier" not in s.index  # a national norm is not Hanoi's per-ward staffing
    w = db.run_query(fx, "ward_staffing", districts=["008"]).set_index(["period_id", "unit_code"])
    assert round(w.loc[("before_pilot", "00337"), "population_per_staff"]) == round(78845 / (1900 / wards))
    assert w.loc[("before_pilot", "00337"), "qualifier"] == "at most"  # over 1,900 staff: at most this many residents
    assert "pilot" not in w.index.get_level_values(0)  # a quota is not a count of staff


def test_real_staffing_lower_bound_uses_the_official_list(real):
    s = db.run_query(real, "staffing_by_period").set_index("period_id")
    assert s.loc["before_pilot", "staff_per_unit"] == 1900 / 175
    assert "R021" in s.loc["before_pilot", "basis"] and "01/07/2021" in s.loc["before_pilot", "basis"]


def test_article_vs_census_keeps_both(fx):
    a = db.run_query(fx, "article_vs_census").set_index("claim_id")
    assert (a.loc["ward_population:00337", "published_value"], a.loc["ward_population:00337", "census_value"]) == (
        82891,
        78845,
    )


def test_facts_search_ignores_tone_marks(fx):
    hits = db.run_query(fx, "facts_table", search="hoang liet", topics=[], periods=[], max_rank=4)
    assert "F029" in set(hits.fact_id)
    plain = set(db.run_query(fx, "facts_table", search="doi thoai", topics=[], periods=[], max_rank=4).fact_id)
    marked = set(db.run_query(fx, "facts_table", search="Đối thoại", topics=[], periods=[], max_rank=4).fact_id)
    assert "F018" in plain and plain == marked  # đ folds to d, tone marks fold away
    assert db.run_query(fx, "facts_table", search="'; drop table facts; --", topics=[], periods=[], max_rank=4).empty
    assert db.run_query(fx, "facts_table", search="", topics=[], periods=[], max_rank=1).reliability_rank.max() <= 1


def test_facts_search_takes_percent_and_underscore_literally(fx):
    everything = db.run_query(fx, "facts_table", search="", topics=[], periods=[], max_rank=4)
    for wildcard in ("%", "h%g", "ho_ng", "%liet"):
        hits = db.run_query(fx, "facts_table", search=wildcard, topics=[], periods=[], max_rank=4)
        assert len(hits) < len(everything)  # a LIKE pattern would have matched (nearly) everything
    assert db.run_query(fx, "facts_table", search="ho_ng liet", topics=[], periods=[], max_rank=4).empty


def test_every_headline_figure_cites_its_source(real):
    kpis = db.run_query(real, "period_kpis", periods=[])
    assert kpis.source_id.notna().all()
    staff = kpis[kpis.metric_id == "civil_servants_per_ward_headcount"].set_index("period_id")
    assert staff.loc["before_pilot", "source_id"] == "vietnamnet-nd-1"  # over 1,900 civil servants / 175
    assert staff.loc["before_pilot", "qualifier"] == "over" and staff.loc["before_pilot", "fact_kind"] == "derived"
    # no period shows a national norm or a plan as Hanoi's figure
    assert not kpis.fact_kind.isin(["norm", "plan"]).any()
    # a line joins two periods only where period_comparison computed a change
    assert set(kpis[kpis.linked].metric_id) == {
        "ward_citizen_receptions",
        "ward_petitions_received",
        "ward_petitions_resolved",
        "ward_resolution_rate_computed_pct",  # from the counts, unrounded: -6,33 pp, not -6,4 from rounded rates
    }
    rate = kpis[kpis.metric_id == "ward_resolution_rate_computed_pct"].set_index("period_id")
    assert rate.loc["before_pilot", "value"] == 100 * 4239 / 4408
