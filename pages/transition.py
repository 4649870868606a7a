"""Chuyển đổi 2025 / Transition: which 2021 pilot wards became which 2025 units."""

import streamlit as st

from warddash.ui import bound, chart, footer, frame, page_tools, q, specs, table
from warddash.views import SANKEY_MAX_DISTRICTS

ctx = frame("transition")
lang = ctx.lang
st.title(ctx.t("nav_transition"))
st.write(ctx.t("transition_intro"))

pieces = q("transition_pieces", districts=ctx.districts, ward="", unit="")
wards = dict(zip(pieces.pilot_ward_code, pieces.pilot_ward_name + " (" + pieces.district_name + ")", strict=False))
c1, c2 = st.columns(2)
with c1:
    ward = bound(
        st.selectbox,
        "ward",
        default="",
        valid=lambda v: v in wards,
        lang=lang,
        label=ctx.t("pick_ward"),
        options=[""] + list(wards),
        format_func=lambda c: wards.get(c, "—"),
    )
units = dict(zip(pieces.unit_code, pieces.unit_name, strict=False))
with c2:
    unit = bound(
        st.selectbox,
        "unit",
        default="",
        valid=lambda v: v in units,
        lang=lang,
        label=ctx.t("pick_unit"),
        options=[""] + list(units),
        format_func=lambda c: units.get(c, "—"),
    )
chosen = q("transition_pieces", districts=ctx.districts, ward=ward or "", unit=unit or "")
table(chosen, ctx, interactive=True)

ctx.filters.ward, ctx.filters.unit = ward or "", unit or ""
charts = specs("transition", ctx)
page_tools("transition", ctx, charts)
chart(charts["by_district"], ctx)
if "sankey" in charts:
    chart(charts["sankey"], ctx)
else:
    st.info(ctx.t("sankey_pick", n=SANKEY_MAX_DISTRICTS))
chart(charts["absorbed"], ctx)
table(charts["absorbed"].data, ctx)  # 126 units: a scrolling table, not a page of rows
footer(ctx)
