"""Tiếp dân, kiến nghị / Petitions & dialogue."""

import streamlit as st

from warddash import charts, fmt
from warddash.ui import table, chart, footer, frame, q

ctx = frame("petitions", district_filter=False, period_filter=True)
lang = ctx.lang
st.title(ctx.t("nav_petitions"))
st.write(ctx.t("petitions_intro"))
periods = q("periods")
periods = periods[periods.period_id.isin(ctx.periods)]

series = q("petition_series", periods=ctx.periods)
if series.empty:
    st.info(ctx.t("no_figure_period"))
else:
    chart(charts.build_period_bars(series, periods, lang, ctx.t("petitions_title")), ctx,
          alt=ctx.t("petitions_title"), source_ids=["tccs-2022-urban-pilot"], key="pet")
rates = q("petition_rates", periods=ctx.periods)
if not rates.empty:
    notes = " ".join(ctx.t("rate_note", s=fmt.pct(r.stated_rate_pct, lang), c=fmt.pct(r.computed_rate_pct, lang, 2),
                           f=f"{fmt.num(r.resolved, lang)}/{fmt.num(r.received, lang)}") for r in rates.itertuples())
    chart(charts.build_rate_dumbbell(rates, periods, lang, ctx.t("rate_title"), (ctx.t("stated"), ctx.t("computed"))),
          ctx, alt=ctx.t("rate_title"), source_ids=["tccs-2022-urban-pilot"], why=notes, key="rates")

dialogue = q("topic_facts", topics=["dialogue", "supervision"], period="pilot", scope_level="city")
counts = dialogue[(dialogue.unit != "%") & (dialogue.fact_kind == "reported")]
chart(charts.build_fact_bars(counts, lang, ctx.t("dialogue_title")), ctx, alt=ctx.t("dialogue_title"),
      source_ids=list(counts.source_id), key="dialogue")
shares = q("topic_facts", topics=["procedures"], period="pilot", scope_level="city")
shares = shares[shares.metric_id.str.startswith("delegated_")]
st.subheader(ctx.t("delegation_title"))
cols = st.columns(max(len(shares), 1))
for col, r in zip(cols, shares.itertuples()):
    col.metric(getattr(r, f"name_{lang}"), fmt.pct(r.value, lang), help=f"{r.source_id} {r.locator}")

st.subheader(ctx.t("two_tier_title"))
st.warning(ctx.t("scope_warning"), icon=":material/warning:")
services = q("topic_facts", topics=["procedures", "petitions"], period="two_tier", scope_level="city")
show = services[["name_vi" if lang == "vi" else "name_en", "value", "unit", "qualifier", "as_of_start", "as_of_end",
                 "source_id", "excerpt"]]
table(show, ctx)
footer(ctx)
