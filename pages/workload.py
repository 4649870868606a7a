"""Khối lượng công việc / Workload: ward populations against the standard that applied."""

import streamlit as st

from warddash import fmt
from warddash.ui import bound, chart, footer, frame, page_tools, q, set_bound, specs, table
from warddash.views import standards_in_force

ctx = frame("workload")
lang = ctx.lang
st.title(ctx.t("nav_workload"))
st.write(ctx.t("workload_intro"))

wards = q("ward_workload", districts=ctx.districts)
quan = wards[~wards.is_town_ward]
standards = [int(v) for v in q("standard_options").standard]
in_force = int(standards_in_force(q)["phuong_quan"])
standard = bound(
    st.select_slider,
    "standard",
    default=in_force,
    cast=int,
    valid=lambda v: v in standards,
    lang=lang,
    label=ctx.t("whatif"),
    options=standards,
    format_func=lambda v: fmt.num(v, lang),
)
c1, c2, c3 = st.columns(3)
c1.metric(ctx.t("wards_over"), f"{fmt.num(int(wards.over_standard.sum()), lang)} / {fmt.num(len(wards), lang)}")
if len(quan):
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
else:  # only Sơn Tây's wards: the quận standard does not apply to them
    c2.metric(ctx.t("whatif_label", s=fmt.num(standard, lang)), "—", help=ctx.t("whatif_not_applicable"))
c3.metric(
    ctx.t("top_title"), f"{wards.iloc[0].unit_name}: {fmt.num(wards.iloc[0].population, lang)}" if len(wards) else "—"
)

thresholds = q("ward_thresholds")
threshold_label = {
    int(r.min_value): ctx.t(
        "thr_option", value=fmt.num(r.min_value, lang), since=fmt.date(r.valid_from, lang), basis=r.legal_basis
    )
    for r in thresholds.itertuples()
}
threshold = bound(
    st.radio,
    "t2025",
    default=next(iter(threshold_label)),
    cast=int,
    valid=lambda v: v in threshold_label,
    lang=lang,
    label=ctx.t("threshold_2025"),
    options=list(threshold_label),
    horizontal=True,
    format_func=lambda v: threshold_label[v],
)
ctx.filters.standard = None if standard == in_force else standard
ctx.filters.t2025 = None if threshold == next(iter(threshold_label)) else threshold
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
chart(charts["wardpop"], ctx)

st.subheader(ctx.t("article_vs_census"))
table(q("article_vs_census").drop(columns=["claim_id", "item_en" if lang == "vi" else "item"]), ctx)
st.info(ctx.t("census_note"), icon=":material/help:")
chart(charts["map"], ctx)
footer(ctx)
