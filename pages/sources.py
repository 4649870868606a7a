"""Nguồn và dữ liệu / Sources & data."""

import streamlit as st

from warddash import export, view_tables
from warddash.ui import bound, footer, frame, q, table
from warddash.views import lookups, source_table_titles, source_tables

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
    # what the page shows, as the researcher filtered it: the facts with their sources, and the tables
    st.caption(ctx.t("downloads_note", n=len(facts)))
    exported, words, titles = source_tables(q, lang, facts), lookups(q), source_table_titles(lang)
    c1, c2, c3 = st.columns(3)
    c1.download_button(
        ctx.t("download_facts_csv"),
        export.csv_bytes(facts, lang, words),
        file_name="facts.csv",
        mime="text/csv",
        key="dl_facts_csv",
    )
    c2.download_button(
        ctx.t("download_facts_xlsx"),
        export.xlsx_bytes({titles[k]: v for k, v in exported.items()}, lang, words),
        file_name="sources.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="dl_facts_xlsx",
    )
    c3.download_button(
        ctx.t("export_zip"),
        lambda: export.bundle(
            "sources", [], ctx.filters, q("sources_list"), ctx.district_names, exported, lookups=words, titles=titles
        ),
        file_name="sources.zip",
        mime="application/zip",
        key="dl_sources_zip",
    )
    for name, df in exported.items():
        if name == "facts":
            continue
        st.download_button(
            f"{name}.csv",
            export.csv_bytes(df, lang, words),
            file_name=f"{name}.csv",
            mime="text/csv",
            key=f"dl_{name}",
        )
with tabs[6]:
    st.markdown(ctx.t("licences_text"))
    table(q("sources_list"), ctx, interactive=True)
footer(ctx)
