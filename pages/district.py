"""Hồ sơ quận / District profile (?district=...): one district at a time, with its own picker."""

import streamlit as st

from warddash import fmt
from warddash.ui import chart, cite, footer, frame, page_tools, q, set_bound, specs, table

ctx = frame("district")
lang = ctx.lang
st.title(ctx.t("nav_district"))
st.write(ctx.t("district_intro"))

names = ctx.district_names
codes = list(names)
current = ctx.districts[0] if ctx.districts else None
if len(ctx.districts) > 1:
    st.info(ctx.t("district_one_at_a_time", name=names[current]), icon=":material/info:")
choice = st.selectbox(
    ctx.t("pick_district"),
    codes,
    index=codes.index(current) if current else None,
    format_func=lambda c: names.get(c, "—"),
    placeholder=ctx.t("pick_district_prompt"),
    key="profile_district",
)
if choice and choice != current:
    set_bound("district", [choice])  # one owner of the district: the shared filter, bound to the URL

ranks = q("district_rank")
if not current:
    st.caption(ctx.t("pick_district_prompt"))
    st.subheader(ctx.t("rank_among"))
    table(ranks, ctx)
    cite(ctx, ["census-2019", "nq-1211-2016"])
    footer(ctx)
    st.stop()

code = current
st.header(names[code])
mine = ranks[ranks.district_code == code].iloc[0]
c1, c2, c3, c4 = st.columns(4)
c1.metric(ctx.t("profile_wards"), fmt.num(mine.wards, lang))
c2.metric(ctx.t("profile_population"), fmt.num(mine.population_total, lang), help=ctx.t("profile_population_help"))
c3.metric(
    ctx.t("profile_over"),
    f"{fmt.num(mine.wards_over_standard, lang)} / {fmt.num(mine.wards, lang)}",
    help=ctx.t("profile_over_help", s=fmt.num(mine.standard, lang)),
)
c4.metric(
    ctx.t("rank_among"),
    f"{fmt.num(mine.rank_mean, lang)} / {fmt.num(len(ranks), lang)}",
    help=ctx.t("profile_rank_help"),
)

ctx.filters.districts = [code]
charts = specs("district", ctx)
page_tools("district", ctx, charts)
chart(charts["district_wards"], ctx)
st.subheader(ctx.t("rank_among"))
# the district's own row first, marked
shown = ranks.assign(
    district_name=["▶ " + n if c == code else n for c, n in zip(ranks.district_code, ranks.district_name, strict=False)]
)
table(shown.iloc[ranks.district_code.ne(code).argsort(kind="stable")], ctx)
st.subheader(ctx.t("district_facts"))
table(q("district_facts", district=code), ctx)
st.subheader(ctx.t("district_units_2025"))
table(q("transition_pieces", districts=[code], ward="", unit=""), ctx)
footer(ctx)
