"""Biên chế / Staffing: staff per ward by period and residents per civil servant."""

import streamlit as st

from warddash.ui import chart, footer, frame, page_tools, q, specs, table
from warddash.views import disagreement_note

ctx = frame("staffing")
lang = ctx.lang
st.title(ctx.t("nav_staffing"))
st.write(ctx.t("staffing_intro"))

charts = specs("staffing", ctx)
page_tools("staffing", ctx, charts)
for spec in charts.values():
    chart(spec, ctx)

imported = q("imported_ward_figures", topics=["staffing"], districts=ctx.districts)
if not imported.empty:
    st.subheader(ctx.t("imported_heading"))
    st.warning(ctx.t("imported_note"), icon=":material/upload_file:")
    table(imported, ctx)

st.subheader(ctx.t("staff_context"))
staff_facts = q("staffing_facts")
table(staff_facts, ctx)
note = disagreement_note(staff_facts, q, lang)
if note:
    st.info(note, icon=":material/compare_arrows:")
footer(ctx)
