"""Hồ sơ quận / District profile (?district=...)."""

import streamlit as st

from warddash.ui import chart, footer, frame, page_tools, q, specs, table

ctx = frame("district")
lang = ctx.lang
st.title(ctx.t("nav_district"))
st.write(ctx.t("district_intro"))
code = ctx.districts[0] if ctx.districts else "008"
if not ctx.districts:
    st.caption(f"{ctx.t('pick_district')}: {ctx.district_names[code]}")
st.header(ctx.district_names[code])

ctx.filters.districts = [code]
charts = specs("district", ctx)
page_tools("district", ctx, charts)
chart(charts["district_wards"], ctx)
st.subheader(ctx.t("rank_among"))
ranks = q("district_rank")
table(ranks, ctx)
st.subheader(ctx.t("district_facts"))
table(q("district_facts", district=code), ctx)
st.subheader(ctx.t("district_units_2025"))
table(q("transition_pieces", districts=[code], ward="", unit=""), ctx)
footer(ctx)
