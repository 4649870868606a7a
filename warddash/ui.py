"""The shared frame every page calls, and small Streamlit helpers (cached queries, footnotes)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import duckdb
import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from warddash import DATA_DIR, ROOT, db
from warddash.fmt import date, t

PAGES = [
    (key, str(ROOT / "pages" / f"{key}.py"), icon)
    for key, icon in [
        ("overview", ":material/dashboard:"),
        ("workload", ":material/groups:"),
        ("staffing", ":material/badge:"),
        ("petitions", ":material/forum:"),
        ("transition", ":material/swap_horiz:"),
        ("district", ":material/location_city:"),
        ("sources", ":material/menu_book:"),
    ]
]
PERIOD_IDS = ["before_pilot", "pilot", "two_tier"]
_SAFE = re.compile(r"^[\w\-.]{1,40}$")


@dataclass
class Ctx:
    lang: str
    districts: list[str]
    periods: list[str]
    district_names: dict[str, str] = field(default_factory=dict)

    def t(self, key: str, **kw) -> str:
        return t(key, self.lang, **kw)

    def name(self, row, base: str = "name") -> str:
        return row[f"{base}_{self.lang}"]


@st.cache_resource
def _connection(path: str, mtime: float) -> duckdb.DuckDBPyConnection:
    return db.connect(path)


def connection() -> duckdb.DuckDBPyConnection:
    path = db.ensure_built()
    return _connection(str(path), path.stat().st_mtime)


@st.cache_data(show_spinner=False, max_entries=512)
def _cached(name: str, mtime: float, params_json: str) -> pd.DataFrame:
    return db.run_query(connection(), name, **json.loads(params_json))


def q(name: str, **params) -> pd.DataFrame:
    """Run a named query, cached on its parameters and the database file's age."""
    mtime = db.db_path().stat().st_mtime
    return _cached(name, mtime, json.dumps(params, sort_keys=True, ensure_ascii=False))


def _notice_invalid(key: str, valid: set[str], lang: str) -> None:
    raw = st.query_params.get_all(key)
    bad = [v for v in raw if v not in valid]
    if bad:
        shown = ", ".join(v if _SAFE.match(v) else (v[:20] + "…") for v in bad[:3])
        st.warning(t("bad_param", lang, name=f"{key}={shown}"), icon=":material/link_off:")


def frame(page_key: str, *, district_filter: bool = True, period_filter: bool = False) -> Ctx:
    """Page config, language, navigation and the global filters, bound to the URL."""
    st.set_page_config(page_title="Hanoi Ward Dashboard", page_icon=":material/location_city:",
                       layout="wide", initial_sidebar_state="expanded")
    raw_lang = st.query_params.get("lang", "vi")
    with st.sidebar:
        lang = st.segmented_control(
            "Ngôn ngữ / Language", ["vi", "en"], default="vi", key="lang", bind="query-params",
            format_func=lambda v: {"vi": "Tiếng Việt", "en": "English"}[v], persist_state="session",
        ) or "vi"
        if raw_lang not in ("vi", "en"):
            st.warning(t("bad_param", lang, name="lang"), icon=":material/link_off:")
    try:
        con_ok = connection() is not None
    except (duckdb.Error, OSError) as exc:
        st.error(t("db_error", lang, err=type(exc).__name__))
        st.stop()
    districts_df = q("districts")
    names = dict(zip(districts_df.district_code, districts_df.district_name))
    periods_df = q("periods")
    ctx = Ctx(lang=lang, districts=[], periods=PERIOD_IDS, district_names=names)
    with st.sidebar:
        st.markdown(f"**{t('app_title', lang)}**")
        carry = {k: v for k, v in {"lang": lang if lang != "vi" else None}.items() if v}
        _nav_links(lang, carry)
        st.divider()
        if district_filter:
            _notice_invalid("district", set(names), lang)
            ctx.districts = st.multiselect(
                t("districts", lang), list(names), key="district", bind="query-params",
                format_func=lambda c: names.get(c, c), placeholder=t("districts_all", lang),
                persist_state="session",
            )
        if period_filter:
            pnames = dict(zip(periods_df.period_id, periods_df[f"name_{lang}"]))
            _notice_invalid("period", set(pnames), lang)
            ctx.periods = st.multiselect(
                t("periods", lang), PERIOD_IDS, default=PERIOD_IDS, key="period", bind="query-params",
                format_func=lambda p: pnames.get(p, p), persist_state="session",
            ) or PERIOD_IDS
    del con_ok
    return ctx


def _nav_links(lang: str, carry: dict) -> None:
    """Our own navigation. A page reached first on a fresh server runs without the entrypoint
    (Streamlit's legacy pages/ mode), so the pages are registered here too when missing."""
    try:
        st.page_link(PAGES[0][1], label=t(f"nav_{PAGES[0][0]}", lang), icon=PAGES[0][2], query_params=carry or None)
    except StreamlitPageNotFoundError:
        st.navigation([st.Page(p, url_path=k) for k, p, _ in PAGES], position="hidden")
        st.page_link(PAGES[0][1], label=t(f"nav_{PAGES[0][0]}", lang), icon=PAGES[0][2], query_params=carry or None)
    for key, path, icon in PAGES[1:]:
        st.page_link(path, label=t(f"nav_{key}", lang), icon=icon, query_params=carry or None)


def footer(ctx: Ctx) -> None:
    st.divider()
    st.caption(ctx.t("footer"))


def chart(fig, ctx: Ctx, alt: str, source_ids: list[str], definitions: list[str] | None = None,
          key: str | None = None, on_select=None, why: str | None = None):
    """Draw a figure as exported (theme=None), with alt text and its sources and definitions below."""
    kwargs = dict(theme=None, alt=alt, key=key, config={"displaylogo": False, "toImageButtonOptions": {"scale": 2}})
    if on_select:
        kwargs.update(on_select=on_select, selection_mode=("points",))
    event = st.plotly_chart(fig, **kwargs)
    cite(ctx, source_ids, definitions, why)
    return event


def cite(ctx: Ctx, source_ids: list[str], definitions: list[str] | None = None, why: str | None = None) -> None:
    src = q("source_citations", source_ids=sorted(set(s for s in source_ids if s)))
    parts = [f"{r.publisher}, *{r.title}*" + (f", {date(r.published_on, ctx.lang)}" if pd.notna(r.published_on) else "")
             + f" [{r.source_id}]" for r in src.itertuples()]
    text = f"**{ctx.t('sources_under_chart')}:** " + "; ".join(parts)
    if definitions:
        text += f"  \n**{ctx.t('definition')}:** " + " ".join(definitions)
    st.caption(text)
    if why:
        st.info(f"**{ctx.t('why_differ')}.** {why}", icon=":material/help:")


@st.cache_data
def boundaries() -> dict:
    return json.loads((DATA_DIR / "units_2025_07.geojson").read_text(encoding="utf-8"))
