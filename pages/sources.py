"""Nguồn và dữ liệu / Sources & data."""

import streamlit as st

from warddash import view_tables
from warddash.ui import bound, footer, frame, q, table

ctx = frame("sources", district_filter=False)
lang = ctx.lang
st.title(ctx.t("nav_sources"))
st.write(ctx.t("sources_intro"))

c1, c2, c3 = st.columns([2, 2, 1])
with c1:
    search = bound(
        st.text_input, "q", default="", valid=lambda v: len(v) <= 100, lang=lang, label=ctx.t("search"), max_chars=100
    )
topics = [
    "workload",
    "staffing",
    "petitions",
    "dialogue",
    "supervision",
    "procedures",
    "organisation",
    "governance_index",
    "other",
]
with c2:
    chosen = bound(
        st.multiselect,
        "topic",
        default=[],
        valid=lambda v: v in topics,
        multi=True,
        lang=lang,
        label=ctx.t("topic"),
        options=topics,
        format_func=lambda v: ctx.t(f"topic_{v}"),
        placeholder=ctx.t("topic_all"),
    )
with c3:
    max_rank = bound(
        st.selectbox,
        "rank",
        default=4,
        cast=int,
        valid=lambda v: v in (1, 2, 3, 4),
        lang=lang,
        label=ctx.t("max_rank"),
        options=[4, 3, 2, 1],
    )
facts = q("facts_table", search=search or "", topics=chosen, periods=[], max_rank=max_rank)
st.caption(ctx.t("facts_count", n=len(facts)))
table(facts, ctx, interactive=True)

tabs = st.tabs(
    [
        ctx.t("coverage"),
        ctx.t("comparability"),
        ctx.t("disagreements"),
        ctx.t("corrections"),
        ctx.t("not_comparable"),
        ctx.t("downloads"),
        ctx.t("licences"),
    ]
)
with tabs[0]:
    st.caption(ctx.t("coverage_note"))
    table(view_tables.coverage_matrix(q("coverage"), q("periods"), lang), ctx, interactive=True)
with tabs[1]:
    st.caption(ctx.t("comparability_note"))
    table(view_tables.comparability(q("comparability"), q("periods"), lang), ctx, interactive=True)
with tabs[2]:
    st.caption(ctx.t("disagreements_note"))
    table(view_tables.disagreements(q("disagreements"), lang), ctx, interactive=True)
with tabs[3]:
    st.caption(ctx.t("corrections_note"))
    table(q("corrections_log").drop(columns=["name_en" if lang == "vi" else "name_vi"]), ctx, interactive=True)
with tabs[4]:
    table(q("not_comparable"), ctx)
with tabs[5]:
    for name in ["facts_table", "sources_list", "ward_workload", "district_workload", "transition_pieces"]:
        params = {
            "facts_table": dict(search="", topics=[], periods=[], max_rank=4),
            "ward_workload": dict(districts=[]),
            "district_workload": dict(districts=[]),
            "transition_pieces": dict(districts=[], ward="", unit=""),
        }.get(name, {})
        st.download_button(
            f"{name}.csv",
            q(name, **params).to_csv(index=False).encode("utf-8-sig"),
            file_name=f"{name}.csv",
            mime="text/csv",
            key=f"dl_{name}",
        )
with tabs[6]:
    st.markdown(
        "- Dữ liệu tổng hợp / compiled data: CC BY 4.0\n- Ranh giới 2025 / 2025 boundaries: "
        "© OpenStreetMap contributors, ODbL 1.0\n- Thống kê chính thức / official statistics: facts"
    )
    table(q("sources_list"), ctx, interactive=True)
footer(ctx)
