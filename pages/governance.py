"""Chỉ số quản trị / Governance indices: Hanoi's PAPI, PAR INDEX, SIPAS, PCI and the Decision-766 index by year."""

import streamlit as st

from warddash.ui import chart, footer, frame, page_tools, specs

ctx = frame("governance", district_filter=False)
st.title(ctx.t("nav_governance"))
st.write(ctx.t("governance_intro"))

charts = specs("governance", ctx)
page_tools("governance", ctx, charts)
for spec in charts.values():
    chart(spec, ctx)
footer(ctx)
