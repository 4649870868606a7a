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
st.caption(ctx.t("kpi_note"))
kinds = q("fact_kinds").set_index("fact_kind")[f"name_{lang}"]
for _metric_id, rows in kpis.groupby("metric_id", sort=False):
    first = rows.iloc[0]
    st.markdown(f"**{first[f'name_{lang}']}**")
    cols = st.columns(len(periods))
    for col, (_, p) in zip(cols, periods.iterrows(), strict=False):
        hit = rows[rows.period_id == p.period_id]
        with col:
            if hit.empty:
                st.metric(p[f"name_{lang}"], ctx.t("missing"), help=ctx.t("no_comparable"))
                continue
            r = hit.iloc[0]
            card = fmt.kpi_delta(changes, r.ref, lang, ctx.t("pp"))
            st.metric(
                p[f"name_{lang}"],
                fmt.qualified(r.value, r.qualifier, first.unit, lang),
                delta=card["delta"],
                delta_arrow=card["arrow"],
                delta_color=card["colour"],
                help=" · ".join(
                    [
                        kinds.get(r.fact_kind, r.fact_kind),
                        fmt.date_range(r.as_of_start, r.as_of_end, lang),
                        r.formula if r.fact_kind == "derived" else r.ref,  # a computed figure: its formula
                    ]
                ),
            )

if "slopes" in charts:
    chart(charts["slopes"], ctx)
chart(charts["timeline"], ctx)
footer(ctx)
