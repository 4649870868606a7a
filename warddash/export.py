"""Exports: chart images with their footnote baked in, slide decks, spreadsheets, CSV and zip bundles.

Images come from Kaleido with the system Chromium, offline; one Kaleido server serves every image of
a process instead of a browser per image.
"""

from __future__ import annotations

import atexit
import datetime as dt
import io
import textwrap
import threading
import warnings
import zipfile

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from warddash.fmt import COLUMNS, date, t
from warddash.views import ChartSpec, Filters

pio.defaults.mathjax = None  # no CDN here
warnings.filterwarnings("ignore", message="The kopts argument is ignored")
_kaleido_lock = threading.Lock()
_kaleido_started = False
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SLIDE_W, SLIDE_H = 1280, 720


def _kaleido() -> None:
    global _kaleido_started
    with _kaleido_lock:
        if not _kaleido_started:
            import kaleido

            kaleido.start_sync_server(silence_warnings=True)
            atexit.register(kaleido.stop_sync_server, silence_warnings=True)
            _kaleido_started = True


def short_citation(row, lang: str) -> str:
    when = f", {date(row.published_on, lang)}" if pd.notna(row.published_on) else ""
    return f"{row.publisher}, {row.title}{when}"


def full_citation(row, lang: str) -> str:
    """The citation with its web address; a document kept as a file with the project (the commissioning
    texts, the statistics tables) is named as such, never by an internal path."""
    url = row.url if isinstance(row.url, str) else ""
    where = f" {url}" if url.startswith(("http://", "https://")) else (f" ({t('stored_copy', lang)})" if url else "")
    return f"[{row.source_id}] {short_citation(row, lang)}.{where}"


def _cites(spec: ChartSpec, citations: pd.DataFrame) -> pd.DataFrame:
    return citations[citations.source_id.isin(spec.source_ids)]


def footnoted(spec: ChartSpec, f: Filters, citations: pd.DataFrame, district_names: dict[str, str]) -> go.Figure:
    """The chart as on screen, plus the active filters under the title and the sources below it."""
    fig = go.Figure(spec.fig)
    if any(isinstance(getattr(tr, "geojson", None), str) for tr in fig.data):
        from warddash.views import boundaries

        fig.update_traces(geojson=boundaries(), selector=dict(type="choroplethmap"))  # an image embeds them
    sub = f"{f.describe(district_names)} · {date(dt.date.today(), f.lang)}"
    fig.update_layout(title=dict(text=spec.title, subtitle=dict(text=sub, font=dict(size=12, color="#555"))))
    foot = (
        t("sources_under_chart", f.lang)
        + ": "
        + "; ".join(short_citation(r, f.lang) for r in _cites(spec, citations).itertuples())
    )
    lines = textwrap.wrap(foot, 170)
    # a legend under the plot takes rows of its own: the sources go below it, never over it
    legend = fig.layout.legend
    below = legend is not None and legend.y is not None and legend.y < 0 and fig.layout.showlegend is not False
    entries = sum(1 for tr in fig.data if getattr(tr, "showlegend", None) is not False and getattr(tr, "name", None))
    legend_rows = -(-entries // 3) if below else 0
    if any(getattr(getattr(tr, "colorbar", None), "orientation", None) == "h" for tr in fig.data):
        legend_rows = max(legend_rows, 2)  # a colour bar under the chart: its title and its ticks
    fig.add_annotation(
        text="<br>".join(lines),
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        xanchor="left",
        yanchor="top",
        yshift=-48 - 36 * legend_rows,
        align="left",
        showarrow=False,
        font=dict(size=11, color="#444"),
    )
    if fig.layout.xaxis.title.text:
        legend_rows += 1  # the x axis' title sits under its ticks: the sources go below it
    # room for the title and subtitle above what the chart puts on top (a legend: a row per four entries)
    legend_top = 0 if below or fig.layout.showlegend is False or entries < 2 else -(-entries // 4)
    top = max(100, (fig.layout.margin.t or 60) + 40) + 26 * legend_top
    fig.update_layout(margin=dict(l=70, r=40, t=top, b=70 + 36 * legend_rows + 15 * len(lines)))
    return fig


def image(
    spec: ChartSpec,
    f: Filters,
    citations: pd.DataFrame,
    district_names: dict[str, str],
    fmt: str = "png",
    scale: float = 2,
) -> bytes:
    """PNG (2x for slides) or SVG of a chart with its footnote."""
    if fmt not in ("png", "svg"):
        raise ValueError(fmt)
    _kaleido()
    fig = footnoted(spec, f, citations, district_names)
    return pio.to_image(fig, format=fmt, width=SLIDE_W, height=SLIDE_H, scale=scale if fmt == "png" else 1)


def safe_cell(v, starts: tuple[str, ...] = FORMULA_START):
    """Text that a spreadsheet would run as a formula is prefixed with an apostrophe. In a CSV any of
    = + - @ (and tab, CR) can start one; in an XLSX a text cell is text, and only "=" would be written as a
    formula, so a quoted "- Tổng số…" stays as quoted."""
    if isinstance(v, str) and v.startswith(starts):
        return "'" + v
    return v


Lookups = tuple[pd.DataFrame, ...]  # (periods, fact_kinds, scope_names): the names codes are written as


def localised(
    df: pd.DataFrame, lang: str, lookups: Lookups | None = None, formula_start: tuple[str, ...] = FORMULA_START
) -> pd.DataFrame:
    """Headers in the user's language (never two alike), codes as words when lookups are given (as on
    screen), formula-like text escaped; numbers stay numbers (dot decimals, no grouping: machine-readable
    in both languages)."""
    from warddash.view_tables import readable

    df = readable(df, lang, *(lookups or ()), screen=False)
    df = df.copy()
    for c in df.columns:  # a whole count is written without ".0"
        col = df[c]
        if pd.api.types.is_float_dtype(col) and col.notna().any() and (col.dropna() % 1 == 0).all():
            if col.dropna().abs().max() < 2**53:
                df[c] = col.astype("Int64")
    labels, used = {}, set()
    for c in df.columns:
        label = COLUMNS[c][0 if lang == "vi" else 1] if c in COLUMNS else c
        labels[c] = label if label not in used else f"{label} ({c})"
        used.add(labels[c])
    out = df.rename(columns=labels)
    for c in out.columns:
        if out[c].dtype == object or pd.api.types.is_string_dtype(out[c]):
            out[c] = out[c].map(lambda v: safe_cell(v, formula_start))
    return out


def _plain(v):
    """A number as written in a CSV cell: a whole number without ".0"."""
    if isinstance(v, float) and v.is_integer() and abs(v) < 2**53:
        return int(v)
    return v


def csv_bytes(df: pd.DataFrame, lang: str, lookups: Lookups | None = None) -> bytes:
    """CSV for machines in both languages: headers in lang, UTF-8 with BOM, comma-separated, dot decimals,
    no grouping, whole numbers without decimals, ISO dates."""
    out = localised(df, lang, lookups)
    for c in out.columns:
        if pd.api.types.is_float_dtype(out[c]):
            out[c] = pd.Series([_plain(v) for v in out[c]], index=out.index, dtype=object)
    return out.to_csv(index=False).encode("utf-8-sig")


SHEET_BAD = str.maketrans({c: " " for c in "[]:*?/\\"})
DATE_FORMAT = {"vi": "dd/mm/yyyy", "en": "yyyy-mm-dd"}


def sheet_names(titles: list[str]) -> list[str]:
    """Excel sheet names from titles: no []:*?/\\, at most 31 characters, never two alike."""
    out: list[str] = []
    for title in titles:
        name = " ".join(str(title).translate(SHEET_BAD).split()) or "Sheet"
        if len(name) > 31:  # cut at a word, marked as cut
            cut = name[:30]
            name = (cut.rsplit(" ", 1)[0] if " " in cut[15:] else cut).rstrip(" ,:;–-(") + "…"
        n = 2
        while name.casefold() in {o.casefold() for o in out}:
            suffix = f" ({n})"
            name = name[: 31 - len(suffix)].rstrip() + suffix
            n += 1
        out.append(name)
    return out


def xlsx_bytes(tables: dict[str, pd.DataFrame], lang: str, lookups: Lookups | None = None) -> bytes:
    """A workbook, one sheet a table named by its title (keys: titles), real numbers with a number format
    (whole counts without decimals), dates as dates."""
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as xw:
        for name, df in zip(sheet_names(list(tables)), tables.values(), strict=True):
            out = localised(df, lang, lookups, formula_start=("=",))
            out.to_excel(xw, sheet_name=name, index=False)
            sheet = xw.sheets[name]
            for j, col in enumerate(out.columns, start=1):
                series = out[col]
                if pd.api.types.is_bool_dtype(series):
                    continue
                if pd.api.types.is_numeric_dtype(series):
                    for (cell,) in sheet.iter_rows(min_row=2, min_col=j, max_col=j):
                        whole = isinstance(cell.value, int) or (
                            isinstance(cell.value, float) and cell.value.is_integer()
                        )
                        cell.number_format = "#,##0" if whole else "#,##0.0###"
                    continue
                elif pd.api.types.is_datetime64_any_dtype(series) or series.map(lambda v: isinstance(v, dt.date)).any():
                    fmt = DATE_FORMAT[lang]
                else:
                    sheet.column_dimensions[sheet.cell(1, j).column_letter].width = min(
                        60,
                        max(
                            10, int(series.fillna("").astype(str).str.len().quantile(0.9) or 10) if len(series) else 10
                        ),
                    )
                    continue
                for (cell,) in sheet.iter_rows(min_row=2, min_col=j, max_col=j):
                    cell.number_format = fmt
    return buf.getvalue()


def bundle(
    page: str,
    specs: list[ChartSpec],
    f: Filters,
    citations: pd.DataFrame,
    district_names: dict[str, str],
    tables: dict[str, pd.DataFrame] | None = None,
    base_url: str = "",
    lookups: Lookups | None = None,
    titles: dict[str, str] | None = None,
) -> bytes:
    """A zip of one view: data (CSV + XLSX), images (PNG + SVG) and a README with definitions and sources.
    tables: more tables by file name; titles: their sheet titles."""
    titles = titles or {}
    lang = f.lang
    sheets = {**{s.title: s.data for s in specs}, **{titles.get(k, k): v for k, v in (tables or {}).items()}}
    tables = {**{s.key: s.data for s in specs}, **(tables or {})}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, df in tables.items():
            z.writestr(f"data/{name}.csv", csv_bytes(df, lang, lookups))
        z.writestr(f"data/{page}.xlsx", xlsx_bytes(sheets, lang, lookups))
        for spec in specs:
            z.writestr(f"images/{spec.key}.png", image(spec, f, citations, district_names, "png"))
            z.writestr(f"images/{spec.key}.svg", image(spec, f, citations, district_names, "svg"))
        readme = [
            f"# {t(f'nav_{page}', lang)} — {t('app_title', lang)}",
            "",
            f"{f.describe(district_names)} · {date(dt.date.today(), lang)}",
            "",
            f"{t('view_link', lang)}: {base_url}{f.query_string(page)}",
            "",
        ]
        for spec in specs:
            readme += [f"## {spec.title}", f"- data/{spec.key}.csv, images/{spec.key}.png, images/{spec.key}.svg"]
            readme += [f"- {t('definition', lang)}: {d}" for d in spec.definitions]
            if spec.why:
                readme.append(f"- {t('why_differ', lang)}: {spec.why}")
            readme.append("")
        all_ids = sorted({s for spec in specs for s in spec.source_ids})
        readme += [f"## {t('sources_under_chart', lang)}"] + [
            f"- {full_citation(r, lang)}" for r in citations[citations.source_id.isin(all_ids)].itertuples()
        ]
        readme += ["", t("footer", lang)]
        z.writestr("README.md", "\n".join(readme) + "\n")
    return buf.getvalue()
