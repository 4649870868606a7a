"""Khối lượng công việc / Workload: ward populations against the standard that applied."""

import streamlit as st

from warddash import fmt
from warddash.ui import bound, chart, footer, frame, page_tools, q, set_bound, specs, table

STANDARDS = list(range(5000, 60001, 1000))
ctx = frame("workload")
lang = ctx.lang
st.title(ctx.t("nav_workload"))
st.write(ctx.t("workload_intro"))

wards = q("ward_workload", districts=ctx.districts)
quan = wards[~wards.is_town_ward]
standard = bound(
    st.select_slider,
    "standard",
    default=15000,
    cast=int,
    valid=lambda v: v in STANDARDS,
    lang=lang,
    label=ctx.t("whatif"),
    options=STANDARDS,
    format_func=lambda v: fmt.num(v, lang),
)
c1, c2, c3 = st.columns(3)
c1.metric(ctx.t("wards_over"), f"{fmt.num(int(wards.over_standard.sum()), lang)} / {fmt.num(len(wards), lang)}")
c2.metric(
    ctx.t("whatif_label", s=fmt.num(standard, lang)),
    f"{fmt.num(int((quan.population > standard).sum()), lang)} / {fmt.num(len(quan), lang)}",
    help=ctx.t(
        "whatif_result",
        n=fmt.num(int((quan.population > standard).sum()), lang),
        m=fmt.num(len(quan), lang),
        s=fmt.num(standard, lang),
    ),
)
c3.metric(
    ctx.t("top_title"), f"{wards.iloc[0].unit_name}: {fmt.num(wards.iloc[0].population, lang)}" if len(wards) else "—"
)

threshold = bound(
    st.radio,
    "t2025",
    default=45000,
    cast=int,
    valid=lambda v: v in (45000, 21000),
    lang=lang,
    label=ctx.t("threshold_2025"),
    options=[45000, 21000],
    horizontal=True,
    format_func=lambda v: ctx.t(f"thr_{v}"),
)
ctx.filters.standard, ctx.filters.t2025 = standard, threshold
charts = specs("workload", ctx)
page_tools("workload", ctx, charts)
chart(charts["dist"], ctx)
st.caption(ctx.t("click_hint"))
for key, code_at in (("top", 1), ("box", 0)):  # a click on a ward's bar or a district's box filters to it
    event = chart(charts[key], ctx, on_select="rerun")
    points = (event or {}).get("selection", {}).get("points", []) if event else []
    custom = points[0].get("customdata") if points else None
    if custom and custom[code_at] in ctx.district_names and [custom[code_at]] != ctx.districts:
        set_bound("district", [custom[code_at]])

st.subheader(ctx.t("district_table"))
table(q("district_workload", districts=ctx.districts), ctx)
chart(charts["treemap"], ctx)

st.subheader(ctx.t("article_vs_census"))
table(q("article_vs_census").drop(columns=["item_en" if lang == "vi" else "item"]), ctx)
st.info(ctx.t("census_note"), icon=":material/help:")
chart(charts["map"], ctx)
footer(ctx)
