"""Khối lượng công việc / Workload: ward populations against the standard that applied."""

import streamlit as st

from warddash import charts, fmt
from warddash.ui import table, boundaries, bound, chart, footer, frame, q, set_bound

STANDARDS = list(range(5000, 60001, 1000))
ctx = frame("workload")
lang = ctx.lang
st.title(ctx.t("nav_workload"))
st.write(ctx.t("workload_intro"))

wards = q("ward_workload", districts=ctx.districts)
quan = wards[~wards.is_town_ward]
standard = bound(st.select_slider, "standard", default=15000, cast=int, valid=lambda v: v in STANDARDS, lang=lang,
                 label=ctx.t("whatif"), options=STANDARDS, format_func=lambda v: fmt.num(v, lang))
c1, c2, c3 = st.columns(3)
c1.metric(ctx.t("wards_over"), f"{fmt.num(int(wards.over_standard.sum()), lang)} / {fmt.num(len(wards), lang)}")
c2.metric(ctx.t("whatif_label", s=fmt.num(standard, lang)),
          f"{fmt.num(int((quan.population > standard).sum()), lang)} / {fmt.num(len(quan), lang)}",
          help=ctx.t("whatif_result", n=fmt.num(int((quan.population > standard).sum()), lang),
                     m=fmt.num(len(quan), lang), s=fmt.num(standard, lang)))
c3.metric(ctx.t("top_title"), f"{wards.iloc[0].unit_name}: {fmt.num(wards.iloc[0].population, lang)}" if len(wards) else "—")

std_lines = {ctx.t("standard_quan"): 15000}
if standard != 15000:
    std_lines = {ctx.t("whatif_short"): standard, **std_lines}
if wards.is_town_ward.any():
    std_lines[ctx.t("standard_thi_xa")] = 5000
census = ["census-2019", "nq-1211-2016"]
chart(charts.build_distribution(wards, lang, ctx.t("dist_title"), std_lines, "Dân số" if lang == "vi" else "Population"),
      ctx, alt=ctx.t("dist_title"), source_ids=census, key="dist")
chart(charts.build_ranked_bar(wards, lang, ctx.t("top_title")), ctx, alt=ctx.t("top_title"), source_ids=census, key="top")

st.caption(ctx.t("click_hint"))
event = chart(charts.build_district_box(wards, lang, ctx.t("box_title"), 15000), ctx, alt=ctx.t("box_title"),
              source_ids=census, key="box", on_select="rerun")
points = (event or {}).get("selection", {}).get("points", []) if event else []
if points and points[0].get("customdata"):
    set_bound("district", [points[0]["customdata"][0]])

st.subheader(ctx.t("district_table"))
table(q("district_workload", districts=ctx.districts), ctx)
chart(charts.build_treemap(wards, lang, ctx.t("treemap_title"), "Hà Nội"), ctx, alt=ctx.t("treemap_title"),
      source_ids=census, key="treemap")

st.subheader(ctx.t("article_vs_census"))
table(q("article_vs_census"), ctx)
st.info(ctx.t("census_note"), icon=":material/help:")

threshold = bound(st.radio, "t2025", default=45000, cast=int, valid=lambda v: v in (45000, 21000), lang=lang,
                  label=ctx.t("threshold_2025"), options=[45000, 21000], horizontal=True,
                  format_func=lambda v: ctx.t(f"thr_{v}"))
units = q("units_2025_workload", threshold=threshold)
chart(charts.build_choropleth(units, boundaries(), lang, ctx.t("map_title"), "© OpenStreetMap contributors"), ctx,
      alt=ctx.t("map_title"), source_ids=["hn-dean-2025", "osm-2025", "nq-76-2025", "nq-112-2025"],
      definitions=[ctx.t("communes_no_std")], key="map")
footer(ctx)
