"""Hồ sơ quận / District profile (?district=...)."""

import streamlit as st

from warddash import charts
from warddash.ui import table, chart, footer, frame, q

ctx = frame("district")
lang = ctx.lang
st.title(ctx.t("nav_district"))
st.write(ctx.t("district_intro"))
code = ctx.districts[0] if ctx.districts else "008"
if not ctx.districts:
    st.caption(f"{ctx.t('pick_district')}: {ctx.district_names[code]}")
st.header(ctx.district_names[code])

wards = q("ward_workload", districts=[code])
chart(charts.build_ranked_bar(wards, lang, ctx.t("top_title"), top=len(wards)), ctx, alt=ctx.t("top_title"),
      source_ids=["census-2019", "nq-1211-2016"], key="district_wards")
st.subheader(ctx.t("rank_among"))
ranks = q("district_rank")
table(ranks, ctx)
st.subheader(ctx.t("district_facts"))
table(q("district_facts", district=code), ctx)
st.subheader(ctx.t("district_units_2025"))
table(q("transition_pieces", districts=[code], ward="", unit=""), ctx)
footer(ctx)
