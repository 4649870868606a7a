"""Chuyển đổi 2025 / Transition: which 2021 pilot wards became which 2025 units."""

import streamlit as st

from warddash import charts
from warddash.ui import table, bound, chart, footer, frame, q

ctx = frame("transition")
lang = ctx.lang
st.title(ctx.t("nav_transition"))
st.write(ctx.t("transition_intro"))

pieces = q("transition_pieces", districts=ctx.districts, ward="", unit="")
wards = dict(zip(pieces.pilot_ward_code, pieces.pilot_ward_name + " (" + pieces.district_name + ")"))
c1, c2 = st.columns(2)
with c1:
    ward = bound(st.selectbox, "ward", default="", valid=lambda v: v in wards, lang=lang, label=ctx.t("pick_ward"),
                 options=[""] + list(wards), format_func=lambda c: wards.get(c, "—"))
units = dict(zip(pieces.unit_code, pieces.unit_name))
with c2:
    unit = bound(st.selectbox, "unit", default="", valid=lambda v: v in units, lang=lang, label=ctx.t("pick_unit"),
                 options=[""] + list(units), format_func=lambda c: units.get(c, "—"))
chosen = q("transition_pieces", districts=ctx.districts, ward=ward or "", unit=unit or "")
table(chosen, ctx)

chart(charts.build_sankey(pieces, lang, ctx.t("sankey_title")), ctx, alt=ctx.t("sankey_title"),
      source_ids=["gso-units-2021-07", "gso-units-2025-01", "nso-conversion-2025", "nq-1656-2025", "hn-plan-2024"],
      key="sankey")
absorbed = q("unit_transition", units=sorted(set(pieces.unit_code)))
labels = ("Đề án 2025", "Tổng điều tra 2019") if lang == "vi" else ("Đề án 2025", "2019 census")
chart(charts.build_transition_bars(absorbed, lang, ctx.t("unit_pop_title"), labels), ctx, alt=ctx.t("unit_pop_title"),
      source_ids=["hn-dean-2025", "census-2019"], definitions=[ctx.t("pieces_note")], key="absorbed")
table(absorbed, ctx)
footer(ctx)
