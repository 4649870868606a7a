"""The shared frame every page calls, and small Streamlit helpers (cached queries, footnotes)."""

from __future__ import annotations

import json
import os
import re
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from warddash import DATA_DIR, ROOT, db, view_tables
from warddash.fmt import date, t
from warddash.views import PERIOD_IDS, Filters, build, headline_table, lookups
from warddash.views import t as text

PAGES = [
    (key, str(ROOT / "pages" / f"{key}.py"), icon)
    for key, icon in [
        ("overview", ":material/dashboard:"),
        ("governance", ":material/insights:"),
        ("workload", ":material/groups:"),
        ("staffing", ":material/badge:"),
        ("petitions", ":material/forum:"),
        ("transition", ":material/swap_horiz:"),
        ("district", ":material/location_city:"),
        ("sources", ":material/menu_book:"),
        ("imports", ":material/upload_file:"),
    ]
]
_SAFE = re.compile(r"^[\w\-.]{1,40}$")


@dataclass
class Ctx:
    lang: str
    districts: list[str]
    periods: list[str]
    district_names: dict[str, str] = field(default_factory=dict)
    filters: Filters = field(default_factory=Filters)

    def t(self, key: str, **kw) -> str:
        return text(key, self.lang, q, **kw)

    def name(self, row, base: str = "name") -> str:
        return row[f"{base}_{self.lang}"]


_conn_lock = threading.Lock()
_conns: dict[str, tuple[float, duckdb.DuckDBPyConnection]] = {}


def _connection(path: str, mtime: float) -> duckdb.DuckDBPyConnection:
    """One read-only connection per database file, replaced when a rebuild swaps a new file in.

    DuckDB reuses an open instance for a path it already has open, so the old connection must be
    closed first, or readers would keep seeing the old file's data."""
    with _conn_lock:
        current = _conns.get(path)
        # a caller that read the file's age just before a swap must not close the new connection: the
        # file's own age decides
        if current and current[0] in (mtime, Path(path).stat().st_mtime):
            return current[1]
        if current:
            _close_when_idle(current[1])
        try:
            con = db.connect(path)
        except duckdb.Error:
            # a corrupt or truncated default database is rebuilt from data/; any other is reported
            if path != str(db.DEFAULT_DB):
                raise
            db.build(db.DEFAULT_DB)
            con = db.connect(path)
        _conns[path] = (Path(path).stat().st_mtime, con)
        return con


def _close_when_idle(con: duckdb.DuckDBPyConnection, tries: int = 200) -> None:
    """Close a replaced connection once the queries running on it have finished: DuckDB refuses to close
    a connection busy with another thread's call (ResourceInUse) rather than wait, so wait here."""
    for _ in range(tries):
        try:
            con.close()
            return
        except duckdb.Error as exc:
            if "busy" not in str(exc) and "in use" not in str(exc).lower():
                raise
            time.sleep(0.005)
    con.close()


@st.cache_data(show_spinner=False, max_entries=512)
def _cached(name: str, path: str, mtime: float, params_json: str) -> pd.DataFrame:
    return run_on(path, mtime, name, json.loads(params_json))


def run_on(path: str, mtime: float, name: str, params: dict) -> pd.DataFrame:
    """A named query on the database file; when a rebuild swaps a new file in while it runs, the old
    connection closes under it (DuckDB raises one of several errors for that): run it again on the new file."""
    try:
        return db.run_query(_connection(path, mtime), name, **params)
    except duckdb.Error:
        now = Path(path).stat().st_mtime
        if now == mtime:
            raise  # not a swap: a real error
        return db.run_query(_connection(path, now), name, **params)


def q(name: str, **params) -> pd.DataFrame:
    """Run a named query, cached on its parameters and on the database file and its age."""
    path = db.ensure_built()
    return _cached(name, str(path), path.stat().st_mtime, json.dumps(params, sort_keys=True, ensure_ascii=False))


def bound(
    widget, key: str, *, default, valid=lambda v: True, cast=str, multi: bool = False, lang: str = "vi", **kwargs
):
    """A widget whose value lives in the URL (?key=value, repeated for lists), so any view can be
    shared by copying the link. Invalid URL values are dropped with a notice, never an exception."""
    ss = st.session_state
    store = f"_{key}"
    if store not in ss:
        values, bad = [], []
        for raw in st.query_params.get_all(key):
            try:
                v = cast(raw)
            except (TypeError, ValueError):
                v = None
            (values if v is not None and valid(v) else bad).append(v if v is not None and valid(v) else raw)
        if bad:
            shown = ", ".join(b if _SAFE.match(b) else "…" for b in bad[:3])  # never echo odd input
            shown += f" (+{len(bad) - 3})" if len(bad) > 3 else ""
            st.warning(t("bad_param", lang, name=f"{key}={shown}"), icon=":material/link_off:")
        ss[store] = (list(dict.fromkeys(values)) or default) if multi else (values[0] if values else default)
    if ss.get(key) is None and ss[store] is not None:
        # a control that must have a value (language) comes back empty after a page switch or a
        # click on the selected option: keep the value it had
        ss[key] = ss[store]
    value = widget(key=key, **kwargs)
    if value is None and ss[store] is not None and not multi:
        value = ss[store]
    ss[store] = value
    if value == default or value in (None, "", []):
        if key in st.query_params:
            del st.query_params[key]
    else:
        st.query_params[key] = [str(v) for v in value] if multi else str(value)
    return value


def _url_filters() -> Filters:
    """Filters straight from the URL (presentation mode has no sidebar); invalid values are dropped."""
    qp = st.query_params
    names = dict(zip(q("districts").district_code, q("districts").district_name, strict=False))
    f = Filters(lang=qp.get("lang", "vi") if qp.get("lang") in ("vi", "en") else "vi")
    f.districts = [d for d in qp.get_all("district") if d in names]
    f.periods = [p for p in qp.get_all("period") if p in PERIOD_IDS] or list(PERIOD_IDS)
    allowed_values = {
        "standard": set(q("standard_options").standard),
        "t2025": {int(v) for v in q("ward_thresholds").min_value},
    }
    for key, allowed in allowed_values.items():
        raw = qp.get(key, "")
        if raw.isascii() and raw.isdigit() and int(raw) in allowed:
            setattr(f, key, int(raw))
    for key in ("ward", "unit"):
        raw = qp.get(key, "")
        setattr(f, key, raw if raw.isascii() and raw.isdigit() and len(raw) == 5 else "")
    return f


def _present(page: str) -> None:
    lang = st.query_params.get("lang") if st.query_params.get("lang") in ("vi", "en") else "vi"
    try:
        f = _url_filters()
        charts = build(page, q, f)
    except (duckdb.Error, OSError, db.BuildError) as exc:
        st.error(t("db_error", lang, err=type(exc).__name__))
        return
    lang = f.lang
    if not charts:  # a page of tables (Sources, Import), or the District profile before a district is chosen
        st.info(t("present_nothing", lang))
        link(
            _page_path(page),
            label=t("leave_present", lang),
            icon=":material/close_fullscreen:",
            query_params=_as_query(f.params(page)) or None,
        )
        return
    raw = st.query_params.get("slide", "1")
    i = min(max(int(raw) if raw.isascii() and raw.isdigit() else 1, 1), len(charts))
    spec = charts[i - 1]
    fig = spec.fig
    # the title at the top of the slide, the chart's own legend and labels below it, never under it
    fig.update_layout(
        font=dict(size=20),
        title=dict(text=spec.title, font=dict(size=30), yref="container", y=0.98, yanchor="top"),
        height=760,
        margin=dict(t=max(150, (fig.layout.margin.t or 0) + 110)),
    )
    st.plotly_chart(
        fig,
        theme=None,
        alt=spec.title,
        key=f"present_{spec.key}",
        config={"displaylogo": False, "displayModeBar": False},
    )
    cite(Ctx(lang=lang, districts=f.districts, periods=f.periods), spec.source_ids)
    # a clicker sends Right/Left or PageDown/PageUp (some Space): Streamlit binds one key a button, so the
    # arrows, Home and End are the buttons' shortcuts and a small handler maps PageDown/PageUp/Space to them
    first, prev, mid, nxt, last, leave = st.columns([1, 2, 2, 2, 1, 2])
    moves = [
        (first, "first_slide", ":material/first_page:", "Home", 1, i > 1),
        (prev, "previous", ":material/arrow_back:", "Left", i - 1, i > 1),
        (nxt, "next", ":material/arrow_forward:", "Right", i + 1, i < len(charts)),
        (last, "last_slide", ":material/last_page:", "End", len(charts), i < len(charts)),
    ]
    for col, label, icon, key, target, enabled in moves:
        text = "" if label.endswith("_slide") else t(label, lang)
        if col.button(
            text,
            icon=icon,
            disabled=not enabled,
            width="stretch",
            shortcut=key,
            help=t(label, lang) if not text else None,
            key=f"present_{label}",
        ):
            st.query_params["slide"] = str(target)
            st.rerun()
    mid.markdown(f"<div style='text-align:center;font-size:1.4rem'>{i} / {len(charts)}</div>", unsafe_allow_html=True)
    _clicker_keys(t("next", lang), t("previous", lang))
    with leave:
        link(
            _page_path(page),
            label=t("leave_present", lang),
            icon=":material/close_fullscreen:",
            query_params=_as_query(f.params(page)) or None,
        )


def _clicker_keys(next_label: str, previous_label: str) -> None:
    """PageDown/Space and PageUp press the Next and Previous buttons (the keys a presenter's clicker sends)."""
    import streamlit.components.v1 as components

    components.html(
        """<script>
const doc = window.parent.document;
if (!doc.__warddashClicker) {
  doc.__warddashClicker = true;
  doc.addEventListener("keydown", (e) => {
    const want = {PageDown: "next", " ": "next", PageUp: "previous"}[e.key];
    const t = e.target;
    if (!want || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName) || t.isContentEditable) return;
    const label = want === "next" ? doc.__warddashNext : doc.__warddashPrevious;
    // a button's text also holds its icon's name and its shortcut hint, one a line
    const button = [...doc.querySelectorAll("button")].find(
      (b) => !b.disabled && b.innerText.split("\\n").map((x) => x.trim()).includes(label));
    if (button) { e.preventDefault(); button.click(); }
  });
}
doc.__warddashNext = NEXT;
doc.__warddashPrevious = PREVIOUS;
</script>""".replace("NEXT", json.dumps(next_label)).replace("PREVIOUS", json.dumps(previous_label)),
        height=0,
    )


def base_url(page: str) -> str:
    """Where this dashboard is served, for absolute links in exports: the WARDDASH_BASE_URL setting, else
    the address the user's browser shows (without the page's own path)."""
    setting = os.environ.get("WARDDASH_BASE_URL", "").strip()
    if setting:
        return setting.rstrip("/")
    url = (st.context.url or "").split("?")[0].rstrip("/")
    return url.removesuffix(f"/{page}")


def _page_path(page: str) -> str:
    return next(p for k, p, _ in PAGES if k == page)


def _as_query(pairs) -> dict:
    out: dict[str, list[str]] = {}
    for k, v in pairs:
        out.setdefault(k, []).append(str(v))
    return {k: v[0] if len(v) == 1 else v for k, v in out.items()}


XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def page_tools(page: str, ctx: Ctx, charts: dict) -> None:
    """Export this view (slides, zip, images, data) and open it as a presentation."""
    from warddash import export

    items = list(charts.values())
    if not items:
        return
    from warddash import slides

    cites = q("source_citations", source_ids=sorted({s for sp in items for s in sp.source_ids}))
    f, names, lang = ctx.filters, ctx.district_names, ctx.lang
    base = base_url(page)
    with st.popover(t("export", lang), icon=":material/ios_share:"):
        st.download_button(
            t("export_pptx", lang),
            key=f"pptx_{page}",
            icon=":material/slideshow:",
            data=lambda: slides.deck(
                page, items, f, cites, names, base, q("periods"), headline_table(q, f) if page == "overview" else None
            ),
            file_name=f"{page}.pptx",
            mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
        )
        st.download_button(
            t("export_zip", lang),
            key=f"zip_{page}",
            icon=":material/folder_zip:",
            data=lambda: export.bundle(page, items, f, cites, names, base_url=base, lookups=lookups(q)),
            file_name=f"{page}.zip",
            mime="application/zip",
        )
        link(
            _page_path(page),
            label=t("present", lang),
            icon=":material/present_to_all:",
            query_params={**_as_query(f.params(page)), "present": "1"},
        )
        by_key = {s.key: s for s in items}
        chosen = st.selectbox(
            t("export_chart", lang), list(by_key), format_func=lambda k: by_key[k].title, key=f"export_chart_{page}"
        )
        spec = by_key[chosen]
        makers = {
            "png": ("image/png", lambda s=spec: export.image(s, f, cites, names, "png")),
            "svg": ("image/svg+xml", lambda s=spec: export.image(s, f, cites, names, "svg")),
            "csv": ("text/csv", lambda s=spec: export.csv_bytes(s.data, lang, lookups(q))),
            "xlsx": (XLSX_MIME, lambda s=spec: export.xlsx_bytes({s.title: s.data}, lang, lookups(q))),
        }
        for col, (ext, (mime, make)) in zip(st.columns(len(makers)), makers.items(), strict=False):
            col.download_button(ext.upper(), key=f"{ext}_{page}", file_name=f"{spec.key}.{ext}", mime=mime, data=make)


GEOJSON_URL = "app/static/units_2025_07.geojson"


@st.cache_resource
def _publish_boundaries() -> str:
    """Serve the 2025 boundaries as a static file (gzip, cached by the browser) instead of embedding
    450 KB in every map on every rerun. Streamlit serves static/ files but not symlinks, so a copy."""
    src, dst = DATA_DIR / "units_2025_07.geojson", ROOT / "static" / "units_2025_07.geojson"
    try:
        if not dst.exists() or dst.read_bytes() != src.read_bytes():
            dst.parent.mkdir(exist_ok=True)
            tmp = dst.with_suffix(".tmp")
            tmp.write_bytes(src.read_bytes())
            tmp.replace(dst)
    except OSError:  # a read-only application folder: the maps carry the boundaries themselves
        return ""
    return GEOJSON_URL


@st.cache_resource(max_entries=256, show_spinner=False)
def _specs(page: str, filters_json: str, path: str, mtime: float, geojson: str) -> dict:
    # shared by every session with the same view; specs are treated as read-only
    f = Filters(**json.loads(filters_json))
    return {s.key: s for s in build(page, q, f, geojson=geojson)}


def specs(page: str, ctx: Ctx) -> dict:
    """The page's chart specs for the current filters, keyed by chart key; built once per view state
    and database file, so a rerun that changes nothing else costs no chart building."""
    path = db.ensure_built()
    state = json.dumps(ctx.filters.__dict__, sort_keys=True, ensure_ascii=False)
    return _specs(page, state, str(path), path.stat().st_mtime, _publish_boundaries())


def set_bound(key: str, value) -> None:
    """Change a bound widget's value from code (e.g. a chart click) and rerun."""
    st.session_state[f"_{key}"] = value
    st.session_state.pop(key, None)
    st.rerun()


def frame(page_key: str, *, district_filter: bool = True, period_filter: bool = False) -> Ctx:
    """Page config, language, navigation and the global filters, bound to the URL.

    With ?present=1 the page becomes a presentation: one chart at a time, full width, large type."""
    st.session_state["_run_started"] = (page_key, time.perf_counter())
    presenting = st.query_params.get("present") == "1"
    # the tab title in the user's language (the language control itself is drawn below)
    known = st.session_state.get("_lang") or st.query_params.get("lang")
    tab_lang = known if known in ("vi", "en") else "vi"
    st.set_page_config(
        page_title=f"{t('nav_' + page_key, tab_lang)} · {t('app_title', tab_lang)}",
        page_icon=":material/location_city:",
        layout="wide",
        initial_sidebar_state="collapsed" if presenting else "auto",  # auto: closed on a phone
    )
    st.html(TABLE_CSS)
    if presenting:
        _present(page_key)
        st.stop()
    with st.sidebar:
        lang = (
            bound(
                st.segmented_control,
                "lang",
                default="vi",
                valid=lambda v: v in ("vi", "en"),
                label="Ngôn ngữ / Language",
                options=["vi", "en"],
                format_func=lambda v: {"vi": "Tiếng Việt", "en": "English"}[v],
            )
            or "vi"
        )
    try:
        districts_df = q("districts")
        periods_df = q("periods")
    except (duckdb.Error, OSError, db.BuildError) as exc:
        st.error(t("db_error", lang, err=type(exc).__name__))
        st.stop()
    names = dict(zip(districts_df.district_code, districts_df.district_name, strict=False))
    ctx = Ctx(lang=lang, districts=[], periods=PERIOD_IDS, district_names=names)
    with st.sidebar:
        st.markdown(f"**{t('app_title', lang)}**")
        nav_slot = st.container()
        st.divider()
        if district_filter:
            ctx.districts = bound(
                st.multiselect,
                "district",
                default=[],
                valid=lambda v: v in names,
                multi=True,
                lang=lang,
                label=t("districts", lang),
                options=list(names),
                format_func=lambda c: names.get(c, c),
                placeholder=text("districts_all", lang, q),
            )
        if period_filter:
            pnames = dict(zip(periods_df.period_id, periods_df[f"name_{lang}"], strict=False))
            ctx.periods = (
                bound(
                    st.multiselect,
                    "period",
                    default=PERIOD_IDS,
                    valid=lambda v: v in pnames,
                    multi=True,
                    lang=lang,
                    label=t("periods", lang),
                    options=PERIOD_IDS,
                    format_func=lambda p: pnames.get(p, p),
                )
                or PERIOD_IDS
            )
    ctx.filters = Filters(lang=lang, districts=list(ctx.districts), periods=list(ctx.periods))
    carry = {"lang": lang} if lang != "vi" else {}
    if ctx.districts:
        carry["district"] = ctx.districts
    with nav_slot:
        _nav_links(lang, carry)
    return ctx


def link(path: str, **kwargs) -> None:
    """st.page_link that also works when a page is the first request of a fresh server (Streamlit's
    legacy pages/ mode runs the page without the entrypoint): the pages are registered here then."""
    try:
        st.page_link(path, **kwargs)
    except StreamlitPageNotFoundError:
        st.navigation([st.Page(p, url_path=k) for k, p, _ in PAGES], position="hidden")
        st.page_link(path, **kwargs)


def _nav_links(lang: str, carry: dict) -> None:
    """Our own navigation, in the user's language, carrying language and districts along."""
    for key, path, icon in PAGES:
        link(path, label=t(f"nav_{key}", lang), icon=icon, query_params=carry or None)


RUN_TIMES: deque = deque(maxlen=10_000)  # (page, seconds) of each finished script run, for the benchmark


def footer(ctx: Ctx) -> None:
    st.divider()
    st.caption(ctx.t("footer"))
    started = st.session_state.get("_run_started")
    if started:
        RUN_TIMES.append((started[0], time.perf_counter() - started[1]))


def chart(spec, ctx: Ctx, on_select=None):
    """Draw a chart spec as exported (theme=None), with alt text and its sources and definitions below."""
    kwargs = dict(
        theme=None,
        alt=spec.title,
        key=f"chart_{spec.key}",
        config={"displaylogo": False, "toImageButtonOptions": {"scale": 2}},
    )
    if on_select:
        kwargs.update(on_select=on_select, selection_mode=("points",))
    st.markdown(f"#### {spec.title}")  # page text: it wraps on a phone, and screen readers list it
    event = st.plotly_chart(spec.fig, **kwargs)
    cite(ctx, spec.source_ids, spec.definitions, spec.why)
    return event


@st.cache_data(show_spinner=False, max_entries=1024)
def _citation(source_ids: tuple[str, ...], lang: str, path: str, mtime: float) -> str:
    src = db.run_query(_connection(path, mtime), "source_citations", source_ids=list(source_ids))
    return "; ".join(
        f"{md_text(r.publisher)}, *{md_text(r.title)}*"
        + (f", {date(r.published_on, lang)}" if pd.notna(r.published_on) else "")
        + f" [{md_text(r.source_id)}]"
        for r in src.itertuples()
    )


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$&])")  # "&" for entities


_MD_ACTIVE = re.compile(r"[\[\]*_`$#&<>!~|\\]|:[A-Za-z_/]+[:\[]")


def md_cell(value: str) -> str:
    """A table cell's text, escaped when it holds anything Markdown would act on (links, images, emphasis,
    entities, :directives:); plain names, numbers and dates are left exactly as they are."""
    return md_text(value) if _MD_ACTIVE.search(value) else value


def md_text(value) -> str:
    """Text from the data (a source's title, an importer's name) shown as text inside Markdown: every
    Markdown and HTML character escaped, so "![](http://host/p.png)" is written, never fetched."""
    # a colon followed by an invisible space: no :icon:, no :colour[…], no bare link made live
    return _MD_SPECIAL.sub(r"\\\1", str(value)).replace(":", ":\u200b")


def cite(ctx: Ctx, source_ids: list[str], definitions: list[str] | None = None, why: str | None = None) -> None:
    path = db.ensure_built()
    text = f"**{ctx.t('sources_under_chart')}:** " + _citation(
        tuple(sorted(set(s for s in source_ids if s))), ctx.lang, str(path), path.stat().st_mtime
    )
    if definitions:
        # each definition a sentence of its own
        text += f"  \n**{ctx.t('definition')}:** " + " ".join(
            d if d.rstrip().endswith((".", "!", "?", ")")) else d.rstrip() + "." for d in definitions
        )
    st.caption(text)
    if why:
        st.info(f"**{ctx.t('why_differ')}.** {why}", icon=":material/help:")


# a static table on a phone: a column is never crushed to a word a line; the table scrolls sideways instead
TABLE_CSS = """<style>
[data-testid="stTable"] th, [data-testid="stTable"] td { min-width: 5.5em; }
[data-testid="stTable"] tbody th { min-width: 11em; }
</style>"""


def run_guarded(page) -> None:
    """Run a page behind one error boundary: an unexpected error shows a short message in the user's
    language and its details go to the server log, never to the screen. WARDDASH_RAISE=1 lets tests and
    the page smoke see the exception itself."""
    import logging

    from streamlit.runtime.scriptrunner_utils.exceptions import ScriptControlException

    try:
        page.run()
    except ScriptControlException:  # st.stop() and st.rerun() travel as exceptions
        raise
    except Exception:
        if os.environ.get("WARDDASH_RAISE") == "1":
            raise
        logging.getLogger("warddash").exception("page %s failed", getattr(page, "url_path", page))
        lang = st.query_params.get("lang") if st.query_params.get("lang") in ("vi", "en") else "vi"
        st.error(t("page_error", lang), icon=":material/error:")


def dry_run(content: bytes, filename: str):
    """The importer's verdict on an attached file: (summary, None) or (None, problems). Kept per file
    content and database state, so a rerun while the file stays attached does not validate it again."""
    import hashlib

    from warddash import importer

    path = db.ensure_built()
    manifest = db.imports_dir() / "imports.csv"
    key = (
        hashlib.sha256(content).hexdigest(),
        filename,
        path.stat().st_mtime,
        manifest.stat().st_mtime if manifest.exists() else 0,
    )
    if st.session_state.get("_dry_run_key") != key:
        try:
            verdict = (importer.import_file(content, filename, dry_run=True), None)
        except importer.ImportRejected as exc:
            verdict = (None, exc.problems)
        st.session_state["_dry_run_key"], st.session_state["_dry_run"] = key, verdict
    return st.session_state["_dry_run"]


def localise_uploader(lang: str, limit_mb: int) -> None:
    """Streamlit writes the uploader's button and limit in English: write them in the user's language."""
    button = json.dumps(t("upload_button", lang), ensure_ascii=False)
    limit = json.dumps(t("upload_limit", lang, mb=limit_mb), ensure_ascii=False)
    st.html(
        f"""<style>
[data-testid="stFileUploaderDropzone"] button p {{ font-size: 0; }}
[data-testid="stFileUploaderDropzone"] button p::after {{ content: {button}; font-size: 0.875rem; }}
[data-testid="stFileUploaderDropzoneInstructions"] span {{ font-size: 0; }}
[data-testid="stFileUploaderDropzoneInstructions"] span::after {{ content: {limit}; font-size: 0.875rem; }}
</style>"""
    )


STATIC_CELLS = 300  # up to this size a table is a summary: a static table, formatted exactly


def table(df: pd.DataFrame, ctx: Ctx, *, key: str | None = None, interactive: bool | None = None) -> None:
    """A table with headers in the user's language.

    A small summary table is rendered static with every number and date formatted for the user's
    language (15.376; 01/07/2025) — nothing to sort, nothing to get wrong. A large table stays
    interactive (sortable, searchable) with numeric columns, which the browser formats in its own
    locale. pandas' Styler would do both but costs ~20 ms a table on every rerun."""
    from warddash.fmt import COLUMNS, _decimals, num

    df = readable(df, ctx.lang)
    labels, used = {}, set()
    for c in df.columns:
        label = COLUMNS[c][0 if ctx.lang == "vi" else 1] if c in COLUMNS else c
        labels[c] = label if label not in used else f"{label} ({c})"  # never two columns with one header
        used.add(labels[c])
    shown = df.rename(columns=labels)
    is_num = {
        c: pd.api.types.is_numeric_dtype(df[s]) and not pd.api.types.is_bool_dtype(df[s])
        for s, c in zip(df.columns, shown.columns, strict=False)
    }
    is_date = {
        c: pd.api.types.is_datetime64_any_dtype(df[s])
        or s in ("as_of_start", "as_of_end", "published_on", "source_date")
        for s, c in zip(df.columns, shown.columns, strict=False)
    }
    if not interactive and (interactive is False or df.size <= STATIC_CELLS):
        out = pd.DataFrame(index=range(len(shown)))
        for c in shown.columns:
            col = shown[c].reset_index(drop=True)
            if is_num[c]:
                # each number at its own precision: counts without decimals, 96,2 as published
                out[c] = [num(v, ctx.lang, _decimals(v)) for v in col]
            elif is_date[c]:
                out[c] = [date(v, ctx.lang) for v in col]
            else:  # st.table reads its cells as Markdown: text from the data or a file stays text
                out[c] = ["—" if (v is None or (isinstance(v, float) and pd.isna(v))) else md_cell(str(v)) for v in col]
        st.table(out.set_index(out.columns[0]) if len(out.columns) else out)
        return
    for c in shown.columns:
        if is_date[c] and shown[c].isna().any():  # a missing date reads as missing, in the user's format
            shown[c] = [date(v, ctx.lang) for v in shown[c]]
        elif is_num[c] and (ctx.lang == "vi" or shown[c].isna().any()):
            # a missing number: the grid would write "None"; here it reads "—", as in the static tables
            # the browser would format by its own locale (156,692 reads as 156 point 692 in Vietnamese):
            # in Vietnamese the table shows the numbers written the Vietnamese way
            shown[c] = [num(v, ctx.lang, _decimals(v)) for v in shown[c]]
            is_num[c] = False
    config = {c: st.column_config.NumberColumn(format="localized") for c in shown.columns if is_num[c]}
    config.update(
        {
            c: st.column_config.DateColumn(format="DD/MM/YYYY" if ctx.lang == "vi" else "MMM D, YYYY")
            for c in shown.columns
            if is_date[c] and pd.api.types.is_datetime64_any_dtype(shown[c])
        }
    )
    st.dataframe(shown, hide_index=True, width="stretch", key=key, column_config=config)


def readable(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Codes in a table shown as words in the user's language (see view_tables.readable)."""
    return view_tables.readable(df, lang, q("periods"), q("fact_kinds"), q("scope_names"))


@st.cache_data
def boundaries() -> dict:
    return json.loads((DATA_DIR / "units_2025_07.geojson").read_text(encoding="utf-8"))
