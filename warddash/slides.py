"""Slide decks: native, editable PowerPoint charts built from the very figures shown on screen.

A chart whose traces PowerPoint can draw (bars; lines and markers on a category or number axis) becomes a
python-pptx chart with its data inside, its series names, colours, marker shapes (one a figure kind) and
the labels shown on screen; small multiples become one chart each. A chart PowerPoint cannot draw (a map,
a Sankey, a treemap, a histogram, box plots, a date axis, reference lines such as a standard, period
shading) stays a picture. Titles are slide text; the filters, periods, headline figures, definitions and
full citations are on the slides and in the speaker notes.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from collections import defaultdict

import pandas as pd
import plotly.graph_objects as go

from warddash.fmt import date, num, t
from warddash.views import ChartSpec, Filters

# number formats for axes: PowerPoint's "#,##0" follows the viewer's locale, so the Vietnamese deck
# writes its grouping dot as a literal (conditional sections: no dot under a thousand)
AXIS_FORMAT = {
    "vi": '[>=1000000]#"."###"."##0;[>=1000]#"."##0;0',
    "en": "#,##0",
}
SYMBOLS = {"circle": "CIRCLE", "square": "SQUARE", "diamond": "DIAMOND", "triangle": "TRIANGLE", "x": "X"}
NATIVE_TYPES = {"bar", "scatter"}


def _hex(colour) -> str | None:
    """ "#RRGGBB" or "#RGB" as PowerPoint's "RRGGBB"; None for anything else (a default colour)."""
    if not isinstance(colour, str) or not colour.startswith("#"):
        return None
    if len(colour) == 4:
        colour = "#" + "".join(c * 2 for c in colour[1:])
    return colour[1:].upper() if len(colour) == 7 else None


def _values(seq) -> list:
    return [] if seq is None else list(seq)


def _is_date_axis(values: list) -> bool:
    for v in values:
        if isinstance(v, (dt.date, pd.Timestamp)):
            return True
        if isinstance(v, str) and len(v) >= 8 and v[:4].isdigit() and v[4] == "-":
            return True
    return False


def _plain(text) -> str:
    """A label without the screen's line breaks and bold tags."""
    return re.sub(r"<[^>]+>", "", str(text).replace("<br>", " "))


def _is_number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _data_traces(traces) -> list:
    """The traces that carry figures: text-only marks ("none yet") and grey connectors are drawing aids."""
    out = []
    for tr in traces:
        mode = getattr(tr, "mode", None) or ""
        if tr.type == "scatter" and (mode == "text" or (mode == "lines" and tr.hoverinfo == "skip")):
            continue
        if tr.type == "bar" and tr.hoverinfo == "skip":  # a legend key, not a figure
            continue
        out.append(tr)
    return out


def _panels(fig: go.Figure) -> list[tuple[str, list]] | None:
    """The figure's panels (one per x axis) with their data traces, or None when PowerPoint cannot draw
    it natively."""
    if any(tr.type not in NATIVE_TYPES for tr in fig.data):
        return None
    for shape in fig.layout.shapes or ():
        if (shape.xref or "").startswith("x") or (shape.yref or "").startswith("y"):
            return None  # a reference line or shaded span on the data axes: a picture keeps it
    for name in ("xaxis", "yaxis"):
        if fig.layout[name].visible is False:
            return None  # a diagram drawn on a hidden axis (the timeline): a picture
    groups: dict[str, list] = defaultdict(list)
    for tr in _data_traces(fig.data):
        if tr.type == "scatter" and not all(_is_number(v) or v is None for v in _values(tr.y)):
            return None  # a dot plot against names (wards by source): PowerPoint's charts plot numbers
        xs = _values(tr.y if tr.type == "bar" and tr.orientation == "h" else tr.x)
        if _is_date_axis(xs):
            return None
        groups[tr.xaxis or "x"].append(tr)
    return list(groups.items()) or None


def _axes(fig: go.Figure, axis: str):
    """The x and y axis layouts of the panel whose x axis is `axis` ("x", "x2", …)."""
    n = axis[1:]
    return fig.layout[f"xaxis{n}"], fig.layout[f"yaxis{n}"]


def _panel_title(fig: go.Figure, axis: str) -> str:
    """The small-multiple's own title: the annotation on its top-left corner."""
    x_axis, y_axis = _axes(fig, axis)
    if x_axis.domain is None or y_axis.domain is None:
        return ""
    for note in fig.layout.annotations or ():
        if note.xref == "paper" and note.yref == "paper" and note.x == x_axis.domain[0] and note.y == y_axis.domain[1]:
            return _plain(note.text or "")
    return ""


def _labels(tr, values: list, lang: str) -> list[str]:
    """The labels the screen shows beside the points (none where it shows none)."""
    text = _values(tr.text) if isinstance(tr.text, (list, tuple)) else []
    if len(text) == len(values):
        return ["" if s is None else str(s) for s in text]
    if tr.type == "scatter" and "text" not in (tr.mode or ""):
        return [""] * len(values)
    if tr.type == "bar" and not tr.texttemplate and tr.textposition is None:
        return [""] * len(values)
    out = []
    for v in values:
        if v is None or (isinstance(v, float) and math.isnan(v)):
            out.append("")
        else:
            out.append(num(v, lang, 0 if float(v).is_integer() else 1))
    return out


def _point_colours(tr, keys: list, aligned_to: list) -> list[str | None]:
    """The trace's marker colour for each point of the chart's series (aligned_to: the series' keys)."""
    colours = tr.marker.color if tr.marker else None
    if isinstance(colours, str):
        return [_hex(colours)] * len(aligned_to)
    if isinstance(colours, (list, tuple)):
        by = dict(zip(keys, colours, strict=False))
        return [_hex(by.get(k)) for k in aligned_to]
    return [None] * len(aligned_to)


def _marker(series, tr, colours: list[str | None]) -> None:
    from pptx.dml.color import RGBColor
    from pptx.enum.chart import XL_MARKER_STYLE
    from pptx.util import Pt

    symbol = (tr.marker.symbol or "circle") if tr.marker else "circle"
    symbol = symbol if isinstance(symbol, str) else "circle"
    series.marker.style = getattr(XL_MARKER_STYLE, SYMBOLS.get(symbol.split("-")[0], "CIRCLE"))
    series.marker.size = 11
    first = next((c for c in colours if c), None)
    if first:  # the series' own marker colour, for viewers that ignore a point's (LibreOffice)
        if symbol.endswith("-open"):
            series.marker.format.fill.background()
        else:
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.rgb = RGBColor.from_string(first)
        series.marker.format.line.color.rgb = RGBColor.from_string(first)
    for point, colour in zip(series.points, colours, strict=False):
        if colour is None:
            continue
        target = point.marker.format
        if symbol.endswith("-open"):
            target.fill.background()
        else:
            target.fill.solid()
            target.fill.fore_color.rgb = RGBColor.from_string(colour)
        target.line.color.rgb = RGBColor.from_string(colour)
        target.line.width = Pt(2)


def _native_chart(slide, fig: go.Figure, axis: str, traces: list, box: tuple, lang: str, title: str) -> None:
    from pptx.chart.data import CategoryChartData, XyChartData
    from pptx.dml.color import RGBColor
    from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
    from pptx.util import Emu, Pt

    bars = all(tr.type == "bar" for tr in traces)
    horizontal = bars and all(tr.orientation == "h" for tr in traces)

    def cats_vals(tr):
        c, v = (tr.y, tr.x) if horizontal else (tr.x, tr.y)
        return _values(c), [None if (x is None or (isinstance(x, float) and math.isnan(x))) else x for x in _values(v)]

    numeric_x = not bars and all(_is_number(x) for tr in traces for x in _values(tr.x))
    if numeric_x:
        data = XyChartData()
        for tr in traces:
            s = data.add_series(_plain(tr.name or ""))
            for x, y in zip(_values(tr.x), _values(tr.y), strict=False):
                if y is not None:
                    s.add_data_point(x, y)
        kind = (
            XL_CHART_TYPE.XY_SCATTER_LINES
            if any("lines" in (tr.mode or "") for tr in traces)
            else XL_CHART_TYPE.XY_SCATTER
        )
    else:
        categories: list = []
        for tr in traces:
            for c in cats_vals(tr)[0]:
                if c not in categories:
                    categories.append(c)
        x_axis, y_axis = _axes(fig, axis)
        if x_axis.categoryarray:  # the order on screen, every category (a period with no figure included)
            categories = [c for c in x_axis.categoryarray] + [c for c in categories if c not in x_axis.categoryarray]
        if horizontal:
            if y_axis.autorange == "reversed":
                categories = categories[::-1]  # both draw the first category at the bottom unless reversed
        data = CategoryChartData(number_format=AXIS_FORMAT[lang])
        data.categories = [_plain(c) for c in categories]
        for tr in traces:
            c, v = cats_vals(tr)
            by = dict(zip(c, v, strict=False))
            data.add_series(_plain(tr.name or ""), [by.get(cat) for cat in categories])
        if bars:
            kind = XL_CHART_TYPE.BAR_CLUSTERED if horizontal else XL_CHART_TYPE.COLUMN_CLUSTERED
        else:
            kind = XL_CHART_TYPE.LINE_MARKERS
    left, top, width, height = box
    chart = slide.shapes.add_chart(kind, Emu(left), Emu(top), Emu(width), Emu(height), data).chart
    chart.font.size = Pt(12)
    chart.font.name = "Arial"
    chart.has_title = bool(title)
    if title:
        chart.chart_title.text_frame.text = title
        chart.chart_title.text_frame.paragraphs[0].font.size = Pt(13)
        chart.chart_title.text_frame.paragraphs[0].font.bold = True
    named = [tr for tr in traces if tr.name]
    chart.has_legend = len(named) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(11)
    if not numeric_x and len(data.categories) > 12:
        chart.category_axis.tick_labels.font.size = Pt(9)  # every ward's name, not every other one
    value_axis = chart.value_axis
    value_axis.tick_labels.number_format = AXIS_FORMAT[lang]
    value_axis.tick_labels.number_format_is_linked = False
    value_axis.has_major_gridlines = True
    value_axis.major_gridlines.format.line.color.rgb = RGBColor(0xE5, 0xE9, 0xF0)
    x_layout, y_layout = _axes(fig, axis)
    value_layout = x_layout if horizontal else y_layout
    if value_layout.ticksuffix == "%":
        value_axis.tick_labels.number_format = '0"%"'
    if value_layout.autorange == "reversed" and not horizontal:
        value_axis.reverse_order = True  # a rank: 1 at the top
    elif bars or (value_layout.range and value_layout.range[0] == 0):
        value_axis.minimum_scale = 0
    if value_layout.range and value_layout.range[1] is not None and not bars:
        value_axis.maximum_scale = float(value_layout.range[1])
    if numeric_x:
        chart.category_axis.tick_labels.number_format = "0"  # years, never "2.021"
        chart.category_axis.tick_labels.number_format_is_linked = False
    for series, tr in zip(chart.plots[0].series, traces, strict=False):
        colour = _hex(tr.marker.color) if tr.marker and isinstance(tr.marker.color, str) else None
        if numeric_x:
            keys = [x for x, y in zip(_values(tr.x), _values(tr.y), strict=False) if y is not None]
            colours = _point_colours(tr, _values(tr.x), keys)
        else:
            colours = _point_colours(tr, cats_vals(tr)[0], categories)
        if bars:
            if colour:  # the series' own colour, for its legend entry
                series.format.fill.solid()
                series.format.fill.fore_color.rgb = RGBColor.from_string(colour)
            for point, c in zip(series.points, colours, strict=False):
                if c:
                    point.format.fill.solid()
                    point.format.fill.fore_color.rgb = RGBColor.from_string(c)
        else:
            _marker(series, tr, colours)
            if "lines" not in (tr.mode or ""):
                series.format.line.fill.background()
            else:
                line = _hex(tr.line.color) if tr.line and isinstance(tr.line.color, str) else colour
                if line:
                    series.format.line.color.rgb = RGBColor.from_string(line)
            series.smooth = False
        if numeric_x:
            values = [v for v in _values(tr.y) if v is not None]
            point_labels = _labels(tr, values, lang)
        else:
            c, v = cats_vals(tr)
            by, labels = dict(zip(c, v, strict=False)), dict(zip(c, _labels(tr, v, lang), strict=False))
            values = [by.get(cat) for cat in categories]
            point_labels = [labels.get(cat, "") for cat in categories]
        for i, point in enumerate(series.points):
            if i >= len(values) or values[i] is None:
                continue
            text = point_labels[i]
            if not text:
                continue
            label = point.data_label
            label.has_text_frame = True
            label.text_frame.text = text
            label.text_frame.paragraphs[0].font.size = Pt(11)
            label.position = XL_LABEL_POSITION.OUTSIDE_END if bars else XL_LABEL_POSITION.ABOVE


def add_chart(slide, spec: ChartSpec, lang: str, box: tuple) -> bool:
    """Draw spec's figure natively in box (left, top, width, height in EMU); False if it needs a picture."""
    panels = _panels(spec.fig)
    if panels is None:
        return False
    left, top, width, height = box
    n = len(panels)
    cols = 1 if n == 1 else min(4, n)
    rows = math.ceil(n / cols)
    from pptx.util import Pt

    gap = 60000
    w = (width - gap * (cols - 1)) // cols
    if n > 1:  # small multiples: one legend for all panels, as a line of text under them
        entries = [
            f"{MARKS.get(str(tr.marker.symbol), '●')} {_plain(tr.name)}"
            for tr in spec.fig.data
            if tr.showlegend is not False and tr.name and tr.type == "scatter" and "markers" in (tr.mode or "")
        ]
        if entries:
            height -= 300000
            box = slide.shapes.add_textbox(left, top + height + 40000, width, 260000)
            box.text_frame.text = "   ".join(dict.fromkeys(entries))
            box.text_frame.paragraphs[0].font.size = Pt(12)
    h = (height - gap * (rows - 1)) // rows
    for i, (axis, traces) in enumerate(panels):
        r, c = divmod(i, cols)
        title = _panel_title(spec.fig, axis) if n > 1 else ""
        _native_chart(slide, spec.fig, axis, traces, (left + c * (w + gap), top + r * (h + gap), w, h), lang, title)
    return True


MARKS = {  # a kind's marker as a character, for a legend written as text
    "circle": "●",
    "square": "■",
    "diamond-open": "◇",
    "circle-open": "○",
    "triangle-up-open": "△",
    "x-thin-open": "✕",
}


def picture(spec: ChartSpec, width_px: int, height_px: int) -> bytes:
    """The figure without its title (the slide has it as text), for charts PowerPoint cannot draw."""
    import plotly.io as pio

    from warddash.export import _kaleido

    fig = go.Figure(spec.fig)
    if any(isinstance(getattr(tr, "geojson", None), str) for tr in fig.data):
        from warddash.views import boundaries

        fig.update_traces(geojson=boundaries(), selector=dict(type="choroplethmap"))
    fig.update_layout(title=None, height=None, width=None)  # its own top margin keeps labels above the plot
    _kaleido()
    return pio.to_image(fig, format="png", width=width_px, height=height_px, scale=2.5)


def deck(
    page: str,
    specs: list[ChartSpec],
    f: Filters,
    citations: pd.DataFrame,
    district_names: dict[str, str],
    base_url: str = "",
    periods: pd.DataFrame | None = None,
    headlines: pd.DataFrame | None = None,
) -> bytes:
    """A 16:9 PPTX: a title slide (view, filters, periods, date, absolute link), a headline-figures slide,
    one slide per chart (title as text, native chart or picture, sources under it, definitions and full
    citations in the notes) and a sources slide."""
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.util import Emu, Inches, Pt

    from warddash.export import _cites, full_citation, short_citation

    lang = f.lang
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    blank = prs.slide_layouts[6]

    def text_box(slide, text, left, top, width, height, size, bold=False, colour=None):
        box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
        frame = box.text_frame
        frame.word_wrap = True
        for i, line in enumerate(text.split("\n")):
            para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
            para.text = line
            para.font.size, para.font.bold, para.font.name = Pt(size), bold, "Arial"
            if colour:
                para.font.color.rgb = RGBColor.from_string(colour)
        return box

    view = f.describe(district_names)
    today = date(dt.date.today(), lang)
    link = (base_url.rstrip("/") if base_url else "") + f.query_string(page)
    period_lines = []
    if periods is not None:
        chosen = periods[periods.period_id.isin(f.periods)]
        period_lines = [
            f"{r[f'name_{lang}']}: {date(r.starts_on, lang) if pd.notna(r.starts_on) else '…'} – "
            f"{date(r.ends_on, lang) if pd.notna(r.ends_on) else t('period_open', lang)}"
            for _, r in chosen.iterrows()
        ]

    title = prs.slides.add_slide(blank)
    text_box(title, t(f"nav_{page}", lang), 0.8, 1.6, 11.7, 1.1, 40, bold=True)
    text_box(title, t("app_title", lang), 0.8, 2.7, 11.7, 0.6, 22, colour="444444")
    body = [view, t("periods", lang) + ":"] + [f"  {p}" for p in period_lines] + [today, link]
    text_box(title, "\n".join(body), 0.8, 3.5, 11.7, 3.2, 16)
    title.notes_slide.notes_text_frame.text = "\n".join([t("app_title", lang), view, *period_lines, link])

    if headlines is not None and not headlines.empty:
        slide = prs.slides.add_slide(blank)
        text_box(slide, t("kpi_heading", lang), 0.5, 0.3, 12.3, 0.8, 28, bold=True)
        text_box(slide, view, 0.5, 1.0, 12.3, 0.4, 13, colour="555555")
        n_rows, n_cols = len(headlines) + 1, len(headlines.columns)
        height = min(5.4, 0.42 * n_rows)
        table = slide.shapes.add_table(n_rows, n_cols, Inches(0.5), Inches(1.5), Inches(12.3), Inches(height)).table
        table.columns[0].width = Inches(4.3)
        for j in range(1, n_cols):
            table.columns[j].width = Emu(int(Inches(8.0) / (n_cols - 1)))
        for j, name in enumerate(headlines.columns):
            table.cell(0, j).text = str(name)
        for i, row in enumerate(headlines.itertuples(index=False), start=1):
            for j, value in enumerate(row):
                table.cell(i, j).text = (
                    "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)
                )
        for cell in (table.cell(i, j) for i in range(n_rows) for j in range(n_cols)):
            for para in cell.text_frame.paragraphs:
                para.font.size = Pt(12 if n_rows < 12 else 10)
                para.font.name = "Arial"
        text_box(slide, t("kpi_note", lang), 0.5, 6.7, 12.3, 0.6, 11, colour="555555")
        formulas = headlines.attrs.get("formulas", [])
        cited = citations[citations.source_id.isin(headlines.attrs.get("source_ids", []))]
        slide.notes_slide.notes_text_frame.text = "\n".join(
            [t("kpi_note", lang), ""]
            + [t("definition", lang) + ": " + x for x in formulas]
            + ["", t("sources_under_chart", lang) + ":"]
            + [full_citation(r, lang) for r in cited.itertuples()]
            + ["", link]
        )

    for spec in specs:
        slide = prs.slides.add_slide(blank)
        size = 24 if len(spec.title) <= 70 else (20 if len(spec.title) <= 95 else 17)  # one line, two at most
        text_box(slide, spec.title, 0.4, 0.15, 12.5, 0.8, size, bold=True)
        text_box(slide, f"{view} · {today}", 0.4, 0.95, 12.5, 0.35, 12, colour="555555")
        cites = _cites(spec, citations)
        foot = t("sources_under_chart", lang) + ": " + "; ".join(short_citation(r, lang) for r in cites.itertuples())
        box = (Inches(0.4), Inches(1.3), Inches(12.5), Inches(5.2))
        if not add_chart(slide, spec, lang, box):
            png = picture(spec, 1000, 416)  # drawn at 80 % and enlarged: type that reads on a projector
            slide.shapes.add_picture(io.BytesIO(png), box[0], box[1], width=box[2], height=box[3])
        text_box(slide, foot, 0.4, 6.6, 12.5, 0.8, 10, colour="444444")
        definitions = spec.definitions or [t("no_definition", lang)]
        notes = [spec.title, view, ""] + [t("definition", lang) + ": " + d for d in definitions]
        if spec.why:
            notes.append(t("why_differ", lang) + ": " + spec.why)
        notes += ["", t("sources_under_chart", lang) + ":"] + [full_citation(r, lang) for r in cites.itertuples()]
        notes += ["", link]
        slide.notes_slide.notes_text_frame.text = "\n".join(notes)

    closing = prs.slides.add_slide(blank)
    text_box(closing, t("sources_under_chart", lang), 0.8, 0.4, 11.7, 0.8, 28, bold=True)
    all_ids = sorted({s for spec in specs for s in spec.source_ids})
    lines = [full_citation(r, lang) for r in citations[citations.source_id.isin(all_ids)].itertuples()]
    size = 12 if len(lines) <= 14 else (10 if len(lines) <= 22 else 8)
    text_box(closing, "\n".join(lines) + "\n\n" + t("footer", lang) + "\n" + link, 0.8, 1.3, 11.7, 5.9, size)
    closing.notes_slide.notes_text_frame.text = "\n".join(lines)
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()
