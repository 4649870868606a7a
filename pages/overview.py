"""Tổng quan / Overview: the period comparison a leader reads in one minute."""

import streamlit as st

from warddash import fmt
from warddash.ui import chart, footer, frame, page_tools, q, specs

ctx = frame("overview", district_filter=False, period_filter=True)
lang = ctx.lang
st.title(ctx.t("nav_overview"))
st.write(ctx.t("overview_intro"))

charts = specs("overview", ctx)
page_tools("overview", ctx, charts)
if "petitions" in charts:
    chart(charts["petitions"], ctx)  # first: the comparison itself, then the cards

periods = q("periods")
periods = periods[periods.period_id.isin(ctx.periods)]
kpis = q("period_kpis", periods=ctx.periods)
changes = q("period_comparison", periods=ctx.periods)

st.subheader(ctx.t("kpi_heading"))
for metric_id, rows in kpis.groupby("metric_id", sort=False):
    first = rows.iloc[0]
    st.markdown(f"**{first[f'name_{lang}']}**")
    cols = st.columns(len(periods))
    for col, (_, p) in zip(cols, periods.iterrows(), strict=False):
        hit = rows[rows.period_id == p.period_id]
        with col:
            if hit.empty:
                st.metric(p[f"name_{lang}"], ctx.t("missing"), help=ctx.t("no_figure_period"))
                continue
            r = hit.iloc[0]
            prev = changes[(changes.metric_id == metric_id) & (changes.period_b == p.period_id)]
            delta = None
            if not prev.empty:
                c = prev.iloc[-1]
                delta = (
                    fmt.signed(c["pp_change"], lang, 1, ctx.t("pp"))
                    if first.unit == "%"
                    else fmt.signed(c["pct_change"], lang, 1, "%")
                )
            st.metric(
                p[f"name_{lang}"],
                fmt.qualified(r.value, r.qualifier, first.unit, lang),
                delta=delta,
                delta_color="off",
                help=f"{fmt.date_range(r.as_of_start, r.as_of_end, lang)} · {r.ref}",
            )

if "slopes" in charts:
    chart(charts["slopes"], ctx)
chart(charts["timeline"], ctx)
footer(ctx)
