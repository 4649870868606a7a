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
    fig.update_layout(margin=dict(l=70, r=40, t=100, b=70 + 36 * legend_rows + 15 * len(lines)))
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


def safe_cell(v):
    """Text that a spreadsheet would run as a formula is prefixed with an apostrophe."""
    if isinstance(v, str) and v.startswith(FORMULA_START):
        return "'" + v
    return v


def localised(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Headers in the user's language (never two alike), formula-like text escaped; numbers stay numbers
    (dot decimals, no grouping: machine-readable in both languages)."""
    other = "name_en" if lang == "vi" else "name_vi"
    if other in df.columns and f"name_{lang}" in df.columns:
        df = df.drop(columns=[other])
    labels, used = {}, set()
    for c in df.columns:
        label = COLUMNS[c][0 if lang == "vi" else 1] if c in COLUMNS else c
        labels[c] = label if label not in used else f"{label} ({c})"
        used.add(labels[c])
    out = df.rename(columns=labels)
    for c in out.columns:
        if out[c].dtype == object or pd.api.types.is_string_dtype(out[c]):
            out[c] = out[c].map(safe_cell)
    return out


def csv_bytes(df: pd.DataFrame, lang: str) -> bytes:
    return localised(df, lang).to_csv(index=False).encode("utf-8-sig")


def xlsx_bytes(tables: dict[str, pd.DataFrame], lang: str) -> bytes:
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as xw:
        for name, df in tables.items():
            localised(df, lang).to_excel(xw, sheet_name=name[:31], index=False)
    return buf.getvalue()


def deck(
    page: str,
    specs: list[ChartSpec],
    f: Filters,
    citations: pd.DataFrame,
    district_names: dict[str, str],
    base_url: str = "",
) -> bytes:
    """A 16:9 PPTX: title slide, one slide per chart with its footnote and speaker notes, sources slide."""
    from pptx import Presentation
    from pptx.util import Inches, Pt

    lang = f.lang
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)

    def text_box(slide, text, left, top, width, height, size, bold=False):
        box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
        frame = box.text_frame
        frame.word_wrap = True
        for i, line in enumerate(text.split("\n")):
            para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
            para.text = line
            para.font.size, para.font.bold, para.font.name = Pt(size), bold, "Arial"
        return box

    title = prs.slides.add_slide(prs.slide_layouts[6])
    text_box(title, t(f"nav_{page}", lang), 0.8, 2.2, 11.7, 1.2, 40, bold=True)
    text_box(title, t("app_title", lang), 0.8, 3.4, 11.7, 0.6, 22)
    text_box(
        title,
        f"{f.describe(district_names)}\n{date(dt.date.today(), lang)} · {lang.upper()}"
        + (f"\n{base_url}{f.query_string(page)}" if base_url else f"\n{f.query_string(page)}"),
        0.8,
        4.2,
        11.7,
        1.5,
        16,
    )
    for spec in specs:
        slide = prs.slides.add_slide(prs.slide_layouts[6])
        png = image(spec, f, citations, district_names, "png", scale=1.5)
        slide.shapes.add_picture(io.BytesIO(png), Inches(0.4), Inches(0.25), width=Inches(12.5))
        cites = _cites(spec, citations)
        notes = [spec.title, ""] + [t("definition", lang) + ": " + d for d in spec.definitions]
        if spec.why:
            notes.append(t("why_differ", lang) + ": " + spec.why)
        notes += ["", t("sources_under_chart", lang) + ":"] + [full_citation(r, lang) for r in cites.itertuples()]
        slide.notes_slide.notes_text_frame.text = "\n".join(notes)
    closing = prs.slides.add_slide(prs.slide_layouts[6])
    text_box(closing, t("sources_under_chart", lang), 0.8, 0.4, 11.7, 0.8, 28, bold=True)
    all_ids = sorted({s for spec in specs for s in spec.source_ids})
    lines = [full_citation(r, lang) for r in citations[citations.source_id.isin(all_ids)].itertuples()]
    text_box(closing, "\n".join(lines) + "\n" + t("footer", lang), 0.8, 1.3, 11.7, 5.8, 12)
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


def bundle(
    page: str,
    specs: list[ChartSpec],
    f: Filters,
    citations: pd.DataFrame,
    district_names: dict[str, str],
    tables: dict[str, pd.DataFrame] | None = None,
    base_url: str = "",
) -> bytes:
    """A zip of one view: data (CSV + XLSX), images (PNG + SVG) and a README with definitions and sources."""
    lang = f.lang
    tables = {**{s.key: s.data for s in specs}, **(tables or {})}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, df in tables.items():
            z.writestr(f"data/{name}.csv", csv_bytes(df, lang))
        z.writestr(f"data/{page}.xlsx", xlsx_bytes(tables, lang))
        for spec in specs:
            z.writestr(f"images/{spec.key}.png", image(spec, f, citations, district_names, "png"))
            z.writestr(f"images/{spec.key}.svg", image(spec, f, citations, district_names, "svg"))
        readme = [
            f"# {t(f'nav_{page}', lang)} — {t('app_title', lang)}",
            "",
            f"{f.describe(district_names)} · {date(dt.date.today(), lang)}",
            "",
            f"Link / Đường dẫn: {base_url}{f.query_string(page)}",
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
