"""Tiếp dân, kiến nghị / Petitions & dialogue."""

import streamlit as st

from warddash import fmt
from warddash.ui import chart, footer, frame, page_tools, q, specs, table
from warddash.views import disagreement_note

ctx = frame("petitions", district_filter=False, period_filter=True)
lang = ctx.lang
st.title(ctx.t("nav_petitions"))
st.write(ctx.t("petitions_intro"))

charts = specs("petitions", ctx)
page_tools("petitions", ctx, charts)
if "pet" not in charts:
    st.info(ctx.t("no_figure_period"))
for spec in charts.values():
    chart(spec, ctx)
shares = q("delegated_certification")
st.subheader(ctx.t("delegation_title"))
cols = st.columns(max(len(shares), 1))
for col, r in zip(cols, shares.itertuples(), strict=False):
    col.metric(getattr(r, f"name_{lang}"), fmt.pct(r.value, lang), help=f"{r.source_id} {r.locator}")

st.subheader(ctx.t("two_tier_title"))
st.warning(ctx.t("scope_warning"), icon=":material/warning:")
services = q("topic_facts", topics=["procedures", "petitions"], period="two_tier", scope_level="city")
show = services[
    [
        "name_vi" if lang == "vi" else "name_en",
        "value",
        "unit",
        "qualifier",
        "as_of_start",
        "as_of_end",
        "source_id",
        "verified",
        "excerpt",
    ]
]
table(show, ctx)
note = disagreement_note(services, q, lang)
if note:
    st.info(note, icon=":material/compare_arrows:")
footer(ctx)
