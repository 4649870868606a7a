"""Biên chế / Staffing: staff per ward by period and residents per civil servant."""

import streamlit as st

from warddash import charts
from warddash.ui import table, chart, footer, frame, q

ctx = frame("staffing")
lang = ctx.lang
st.title(ctx.t("nav_staffing"))
st.write(ctx.t("staffing_intro"))

by_period = q("staffing_by_period")
basis = "; ".join(f"{r[f'name_{lang}']}: {ctx.t('basis_' + r.period_id)} [{r.fact_id}]" for _, r in by_period.iterrows())
chart(charts.build_staff_bars(by_period, lang, ctx.t("staff_title")), ctx, alt=ctx.t("staff_title"),
      source_ids=list(by_period.source_id), definitions=[ctx.t("staff_used", b=basis)], key="staff")

wards = q("ward_staffing", districts=ctx.districts)
periods = q("periods")
chart(charts.build_staffing_strip(wards, periods, lang, ctx.t("ppcs_title")), ctx, alt=ctx.t("ppcs_title"),
      source_ids=list(by_period.source_id) + ["census-2019", "hn-dean-2025"],
      definitions=[ctx.t("staff_used", b=basis)], key="ppcs")

per_unit = q("staffing_2025_per_unit")
chart(charts.build_fact_bars(per_unit, lang, ctx.t("staff_2025_title")), ctx, alt=ctx.t("staff_2025_title"),
      source_ids=list(per_unit.source_id), definitions=[ctx.t("staff_2025_note")], key="staff2025")

st.subheader(ctx.t("staff_context"))
table(q("staffing_facts"), ctx)
footer(ctx)
