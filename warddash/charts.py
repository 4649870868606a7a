"""Chart builders: DataFrame in, plotly Figure out. No Streamlit here.

Every figure gets an explicit template, colourway, font and number format, so screen and
exported image match (Streamlit switches Plotly's default template on import).
"""

from __future__ import annotations

import math
import textwrap

import pandas as pd
import plotly.graph_objects as go

from warddash.fmt import PLOTLY_SEPARATORS, QUALIFIER, _decimals, date, date_range, num

# Okabe-Ito: colour-blind safe. One colour per period, the same on every page.
PERIOD_COLOURS = {"before_pilot": "#0072B2", "pilot": "#E69F00", "two_tier": "#009E73"}
COLOURWAY = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
GREY = "#9E9E9E"
OVER, UNDER = "#D55E00", "#56B4E9"
FONT = "Open Sans, DejaVu Sans, Arial, sans-serif"
INT_FMT = ",.0f"


RATIO_CAP = 2.0  # colour scales of population/standard: 1 = at the standard (white), 2 or more = darkest red


FRAME_W, FRAME_H = 320, 480  # the map's frame the zoom is fitted to: a phone's width, the chart's height
NO_THRESHOLD = -0.25  # map value of units with no threshold (communes): below the scale, painted grey
_RDBU = [
    "#053061",
    "#2166ac",
    "#4393c3",
    "#92c5de",
    "#d1e5f0",
    "#f7f7f7",
    "#fddbc7",
    "#f4a582",
    "#d6604d",
    "#b2182b",
    "#67001f",
]
_START = -NO_THRESHOLD / (RATIO_CAP - NO_THRESHOLD)
_MAP_SCALE = [[0.0, "#DDDDDD"], [_START * 0.9, "#DDDDDD"]] + [
    [_START + (1 - _START) * i / (len(_RDBU) - 1), c] for i, c in enumerate(_RDBU)
]


def _ratio_colorbar(lang: str, title: str | None = None) -> dict:
    """A horizontal colour bar under the chart (it takes no width from a phone's screen), titled with what
    the colour measures; the grey below the scale is named in the title."""
    vals = [0, 0.5, 1, 1.5, 2]
    text = [num(v, lang, 1) for v in vals]
    text[-1] = "≥ " + text[-1]
    return dict(
        title=dict(text=title or "", side="top"),
        tickvals=vals,
        ticktext=text,
        orientation="h",
        x=0,
        xanchor="left",
        y=-0.02,
        yanchor="top",
        len=0.9,
        thickness=12,
    )


# Our own explicit template (white, light grid): independent of Streamlit's browser-only theme, and
# a small dict, so a figure costs about a millisecond to build instead of the ~20 ms that copying
# Plotly's full "plotly_white" costs on every figure.
GRID = "#E5E9F0"
TEMPLATE = {
    "layout": {
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "colorway": COLOURWAY,
        "font": {"family": FONT, "size": 13, "color": "#222"},
        "xaxis": {"gridcolor": GRID, "linecolor": GRID, "zerolinecolor": GRID, "automargin": True, "ticks": ""},
        "yaxis": {"gridcolor": GRID, "linecolor": GRID, "zerolinecolor": GRID, "automargin": True, "ticks": ""},
        "hoverlabel": {"font": {"family": FONT}},
        "title": {"x": 0},
    }
}


def _figure(traces: list[dict], title: str, lang: str, height: int = 420, **layout) -> go.Figure:
    """One constructor call with plain dicts: Plotly's incremental update_* calls cost ~50 ms a figure."""
    base = dict(
        template=TEMPLATE,
        colorway=COLOURWAY,
        separators=PLOTLY_SEPARATORS[lang],
        font=dict(family=FONT, size=13, color="#222"),
        # the title is page text on screen (it wraps on a phone; a Plotly title does not) and is added
        # back by exports and presentation mode
        title=dict(text="", x=0, xref="paper", xanchor="left", font=dict(size=16)),
        margin=dict(l=10, r=10, t=30, b=40),
        height=height,
        paper_bgcolor="white",
        plot_bgcolor="white",
        legend=dict(orientation="h", yanchor="bottom", y=1.02, xanchor="left", x=0),
    )
    for key, value in layout.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            base[key] = {**base[key], **value}
        else:
            base[key] = value
    for tr in traces:  # a legend entry does not wrap by itself: long names on two lines, for a phone
        name = tr.get("name")
        if isinstance(name, str) and len(name) > LEGEND_WRAP and "<br>" not in name:
            tr["name"] = wrap(name, LEGEND_WRAP)
    return go.Figure(data=traces, layout=base)


LEGEND_WRAP = 36


def wrap(text, width: int) -> str:
    """Text on lines of at most width characters, for labels Plotly does not wrap."""
    return "<br>".join(textwrap.wrap(str(text), width)) or str(text)


def _vline(x, colour, label=None, y=1.0):
    shape = dict(
        type="line", xref="x", yref="paper", x0=x, x1=x, y0=0, y1=1, line=dict(color=colour, dash="dash", width=2)
    )
    note = (
        dict(
            text=label,
            x=x,
            xref="x",
            y=y,
            yref="paper",
            yanchor="top",
            xanchor="left",
            showarrow=False,
            bgcolor="rgba(255,255,255,0.85)",
        )
        if label
        else None
    )
    return shape, note


def _hline(y, colour, label=None):
    shape = dict(type="line", xref="paper", yref="y", x0=0, x1=1, y0=y, y1=y, line=dict(color=colour, dash="dash"))
    note = (
        dict(text=label, x=1, xref="paper", y=y, yref="y", xanchor="right", yanchor="bottom", showarrow=False)
        if label
        else None
    )
    return shape, note


def build_period_bars(df: pd.DataFrame, periods: pd.DataFrame, lang: str, title: str) -> go.Figure:
    """Grouped bars of the ward petition series.

    df: metric_id, name_vi, name_en, period_id, value (one row per metric and period).
    periods: period_id, name_vi, name_en (in time order). One trace per period with data.
    """
    names = "name_vi" if lang == "vi" else "name_en"
    order = list(dict.fromkeys(df[names]))
    shown = {o: "<br>".join(textwrap.wrap(str(o), 16)) for o in order}  # labels on lines, never slanted
    traces = []
    for _, p in periods.iterrows():
        part = df[df.period_id == p.period_id].set_index(names).reindex(order)
        if part.value.isna().all():
            continue
        traces.append(
            dict(
                type="bar",
                x=[shown[o] for o in order],
                y=list(part.value),
                name=p[names],
                marker=dict(color=PERIOD_COLOURS[p.period_id]),
                text=[num(v, lang) for v in part.value],
                textposition="outside",
                hovertemplate="%{x}<br>%{y:,.0f}<extra>" + p[names] + "</extra>",
            )
        )
    return _figure(traces, title, lang, barmode="group", yaxis=dict(tickformat=INT_FMT, rangemode="tozero"))


# a figure's kind is drawn as its marker, the same on every chart: filled for what a source reports or
# counts, open or crossed for what is computed, estimated, set as a norm or planned
KIND_SYMBOLS = {
    "reported": "circle",
    "census": "square",
    "derived": "diamond-open",
    "estimate": "circle-open",
    "norm": "triangle-up-open",
    "plan": "x-thin-open",
}


def _kind_marker(kind: str, period_ids, size: int) -> dict:
    """The marker of a figure: its kind's symbol, its period's colour."""
    colours = [PERIOD_COLOURS[p] for p in period_ids]
    return dict(size=size, symbol=KIND_SYMBOLS.get(kind, "circle"), color=colours, line=dict(width=2, color=colours))


def _label(value, qualifier, lang: str, decimals: int, suffix: str = "") -> str:
    if pd.isna(value):
        return ""
    return f"{QUALIFIER[lang].get(qualifier or '', qualifier or '')} {num(value, lang, decimals)}{suffix}".strip()


def build_period_slopes(
    df: pd.DataFrame,
    periods: pd.DataFrame,
    lang: str,
    title: str,
    cols: int = 2,
    short_names: dict[str, str] | None = None,
    kind_names: dict[str, str] | None = None,
    no_figure: str = "",
    no_figure_mark: str = "",
) -> go.Figure:
    """Small multiples: one panel per headline metric, its figure in each period. A period with no
    figure has no point (never zero): a short grey word half-way up the panel (`no_figure_mark`, hover
    `no_figure`); each panel keeps its own scale and unit.
    One marker trace per kind (its symbol, named in the legend); a line joins two periods only where
    the figures are comparable (`linked`: one series, kind and scope), so different kinds stand apart.

    df: metric_id, name_vi, name_en, unit, period_id, value, and optionally qualifier, fact_kind, linked.
    periods: period_id, name_vi, name_en in time order. short_names: period_id -> axis label.
    kind_names: fact_kind -> legend label.
    """
    names = "name_vi" if lang == "vi" else "name_en"
    # two columns at most and period names on two lines: the panels read on a phone as on a projector
    labels = [wrap((short_names or {}).get(p, n), 10) for p, n in zip(periods.period_id, periods[names], strict=False)]
    at = dict(zip(periods.period_id, labels, strict=False))
    df = df.assign(
        qualifier=df["qualifier"] if "qualifier" in df else "",
        fact_kind=df["fact_kind"] if "fact_kind" in df else "reported",
        linked=df["linked"] if "linked" in df else True,
    )
    metrics = list(dict.fromkeys(df.metric_id))
    cols = max(1, min(cols, len(metrics)))
    rows = max(1, -(-len(metrics) // cols))
    traces, axes, notes, shown = [], {}, [], set()
    gap_x, gap_y = 0.06, 0.24
    width, height = (1 - gap_x * (cols - 1)) / cols, (1 - gap_y * (rows - 1)) / rows
    for i, metric in enumerate(metrics):
        part = df[(df.metric_id == metric) & df.period_id.isin(at)].copy()
        part["order"] = part.period_id.map({p: k for k, p in enumerate(at)})
        part = part.sort_values("order")
        values = part.value.astype(float)
        r, k = divmod(i, cols)
        x0, y1 = k * (width + gap_x), 1 - r * (height + gap_y)
        n = "" if i == 0 else str(i + 1)
        unit = part.unit.dropna().iloc[0] if part.unit.notna().any() else ""
        decimals = 0 if (values.dropna() % 1 == 0).all() else 1
        suffix = "%" if unit == "%" else ""
        axis = dict(xaxis=f"x{n}", yaxis=f"y{n}")
        rows_ = list(part.itertuples())
        for prev, cur in zip(rows_, rows_[1:], strict=False):
            if bool(cur.linked) and cur.order == prev.order + 1:
                traces.append(
                    dict(
                        type="scatter",
                        x=[at[prev.period_id], at[cur.period_id]],
                        y=[prev.value, cur.value],
                        mode="lines",
                        line=dict(color=GREY),
                        showlegend=False,
                        hoverinfo="skip",
                        customdata=[cur.fact_kind, cur.fact_kind],
                        **axis,
                    )
                )
        for kind, group in part.groupby("fact_kind", sort=False):
            name = (kind_names or {}).get(kind, kind)
            traces.append(
                dict(
                    type="scatter",
                    x=[at[p] for p in group.period_id],
                    y=list(group.value.astype(float)),
                    mode="markers+text",
                    name=name,
                    legendgroup=kind,
                    showlegend=kind not in shown,
                    marker=_kind_marker(kind, group.period_id, 12),
                    text=[
                        _label(v, q, lang, decimals, suffix) for v, q in zip(group.value, group.qualifier, strict=False)
                    ],
                    textposition="top center",
                    cliponaxis=False,
                    customdata=[kind] * len(group),
                    hovertext=[
                        date_range(a, b, lang) if "as_of_start" in group else ""
                        for a, b in zip(
                            group.get("as_of_start", [None] * len(group)),
                            group.get("as_of_end", [None] * len(group)),
                            strict=False,
                        )
                    ],
                    hovertemplate="%{x}: %{text} (%{hovertext})<extra>" + name + "</extra>",
                    **axis,
                )
            )
            shown.add(kind)
        missing = [at[p] for p in at if p not in set(part.period_id)]
        top = float(values.max()) if values.notna().any() else 1.0
        if missing and no_figure:
            traces.append(
                dict(
                    type="scatter",
                    x=missing,
                    y=[top * 0.65] * len(missing),  # half-way up, far from the zero line: not a value
                    mode="text",
                    text=[no_figure_mark or "—"] * len(missing),
                    textfont=dict(color=GREY, size=10),
                    showlegend=False,
                    customdata=["none"] * len(missing),
                    hovertemplate="%{x}: " + no_figure + "<extra></extra>",
                    **axis,
                )
            )
        axes[f"xaxis{n}"] = dict(
            domain=[max(0.0, x0), min(1.0, x0 + width)],
            anchor=f"y{n}",
            tickfont=dict(size=10),
            showgrid=False,
            categoryorder="array",
            categoryarray=labels,
            range=[-0.5, len(labels) - 0.5],
        )
        axes[f"yaxis{n}"] = dict(
            domain=[max(0.0, y1 - height), min(1.0, y1)],
            anchor=f"x{n}",
            tickformat=",.0f",
            ticksuffix=suffix,
            range=[0, top * 1.3],
            nticks=4,
            tickfont=dict(size=10),
        )
        label = "<br>".join(textwrap.wrap(str(df[df.metric_id == metric][names].iloc[0]), 22))
        notes.append(
            dict(
                text=f"<b>{label}</b>",
                x=x0,
                y=y1,
                xref="paper",
                yref="paper",
                xanchor="left",
                yanchor="bottom",
                yshift=6,
                showarrow=False,
                font=dict(size=11),
            )
        )
    return _figure(
        traces,
        title,
        lang,
        height=300 * rows + 140,
        annotations=notes,
        margin=dict(t=110, b=70),
        showlegend=True,
        # at the top of the figure, above the first row's panel titles
        legend=dict(yref="container", y=0.995, yanchor="top"),
        **axes,
    )


def build_rate_dumbbell(
    df: pd.DataFrame, periods: pd.DataFrame, lang: str, title: str, labels: tuple[str, str]
) -> go.Figure:
    """Stated and computed resolution rate per period.

    df: period_id, stated_rate_pct, computed_rate_pct. labels: (stated, computed) legend names.
    """
    names = periods.set_index("period_id")["name_vi" if lang == "vi" else "name_en"]
    x = [names[p] for p in df.period_id]
    dec = "," if lang == "vi" else "."
    traces = [
        dict(
            type="scatter",
            x=x,
            y=list(df.stated_rate_pct),
            mode="lines+markers+text",
            name=labels[0],
            marker=dict(size=14, color=[PERIOD_COLOURS[p] for p in df.period_id]),
            line=dict(color=GREY),
            text=[f"{v:.1f}%".replace(".", dec) for v in df.stated_rate_pct],
            textposition="top center",
            hovertemplate="%{x}: %{y:.1f}%<extra>" + labels[0] + "</extra>",
        ),
        dict(
            type="scatter",
            x=x,
            y=list(df.computed_rate_pct),
            mode="markers",
            name=labels[1],
            marker=dict(size=9, symbol="diamond-open", color="#000"),
            hovertemplate="%{x}: %{y:.2f}%<extra>" + labels[1] + "</extra>",
        ),
    ]
    # the whole 0–100 scale: a cut axis would make a fall of a few points look like a collapse
    return _figure(traces, title, lang, height=380, yaxis=dict(ticksuffix="%", tickformat=".0f", range=[0, 105]))


def build_distribution(df: pd.DataFrame, lang: str, title: str, standards: dict[str, float], x_label: str) -> go.Figure:
    """Histogram of ward population with a reference line per standard.

    df: population. standards: label -> persons (drawn as vertical lines, labels stacked).
    """
    # about 30 bins over the data's range, rounded to a whole thousand persons
    span = float(df.population.max() or 0) if len(df) else 0.0
    size = max(1000.0, round(span / 30 / 1000) * 1000)
    counts = (df.population // size).value_counts()
    top = int(counts.max()) if len(counts) else 1
    shapes, notes = [], []
    for i, (label, value) in enumerate(standards.items()):
        # labels stacked so that close lines (5.000 and 15.000) do not overwrite each other
        # labels above the plot, one row each: never over the bars, never over each other
        s, n = _vline(value, [OVER, "#000", "#CC79A7"][i % 3], f"{label}: {num(value, lang)}", 1.01 + 0.075 * i)
        n.update(yanchor="bottom", xanchor="left", font=dict(size=12))
        shapes.append(s)
        notes.append(n)
    trace = dict(
        type="histogram",
        x=list(df.population),
        xbins=dict(start=0, size=size),
        marker=dict(color=COLOURWAY[0]),
        hovertemplate="%{x}<br>%{y}<extra></extra>",
        name=x_label,
    )
    return _figure(
        [trace],
        title,
        lang,
        shapes=shapes,
        annotations=notes,
        showlegend=False,
        margin=dict(t=70 + 30 * len(notes)),
        xaxis=dict(tickformat=INT_FMT, title=dict(text=x_label)),
        yaxis=dict(tickformat=INT_FMT, dtick=max(1, -(-top // 6))),
    )  # whole wards only


def build_ranked_bar(
    df: pd.DataFrame, lang: str, title: str, top: int = 15, legend: tuple[str, str] | None = None
) -> go.Figure:
    """The heaviest wards, horizontal bars, heaviest on top, coloured over/under standard.

    df: unit_name, district_code, district_name, population, standard, over_standard (any order).
    Each bar carries its district code, so a click can filter the page to that district.
    """
    d = df.sort_values("population", ascending=False).head(top).iloc[::-1]
    labels = [f"{w} ({dn})" for w, dn in zip(d.unit_name, d.district_name, strict=False)]
    trace = dict(
        type="bar",
        x=list(d.population),
        y=labels,
        orientation="h",
        marker=dict(color=[OVER if o else UNDER for o in d.over_standard]),
        showlegend=False,  # its colours are explained by the two keys below
        text=[num(v, lang) for v in d.population],
        textposition="outside",
        cliponaxis=False,
        customdata=[[s, code] for s, code in zip(d.standard, d.district_code, strict=False)],
        hovertemplate="%{y}<br>%{x:,.0f} / %{customdata[0]:,.0f}<extra></extra>",
    )
    top_value = float(d.population.max()) if len(d) else 1.0
    keys = [  # what the two colours mean: legend entries with a zero-width bar (Plotly lists no empty trace)
        dict(
            type="bar",
            x=[0],
            y=labels[-1:],
            orientation="h",
            name=name,
            marker=dict(color=colour),
            showlegend=True,
            hoverinfo="skip",
        )
        for name, colour in zip(legend or (), (OVER, UNDER), strict=False)
    ]
    return _figure(
        [trace, *keys],
        title,
        lang,
        height=max(380, 28 * len(d) + 100),
        barmode="overlay",  # the legend's zero-width bars take no room from the wards' own
        # room beside the longest bar for its label, on a phone too
        xaxis=dict(tickformat=INT_FMT, range=[0, top_value * 1.28], nticks=4),
    )


def build_district_box(df: pd.DataFrame, lang: str, title: str, standard: float | None = None) -> go.Figure:
    """Box and strip of ward population by district; a click on a box selects its district. Each box
    carries the standard that applied to its wards (15.000 for a quận's, 5.000 for Sơn Tây's), drawn
    across that box only.

    df: district_code, district_name, unit_name, population, and standard (persons) per ward; without a
    standard column, `standard` is drawn across all boxes.
    """
    # every ward as a point for a city; at national scale (thousands of wards) only the outliers
    points = "all" if len(df) <= 2000 else "outliers"
    groups = list(df.groupby("district_code", sort=False))
    traces = [
        dict(
            type="box",
            y=list(part.population),
            name=part.district_name.iloc[0],
            boxpoints=points,
            jitter=0.4,
            pointpos=0,
            marker=dict(size=5, color=COLOURWAY[0]),
            line=dict(color=COLOURWAY[0]),
            customdata=[[code, n] for n in part.unit_name],
            hovertemplate="%{customdata[1]}: %{y:,.0f}<extra></extra>",
        )
        for code, part in groups
    ]
    shapes, notes, labelled = [], [], set()
    for i, (_code, part) in enumerate(groups):
        value = part.standard.dropna().iloc[0] if "standard" in part and part.standard.notna().any() else standard
        if value is None:
            continue
        shapes.append(
            dict(
                type="line",
                xref="x",
                yref="y",
                x0=i - 0.45,
                x1=i + 0.45,
                y0=value,
                y1=value,
                line=dict(color=OVER, width=2),
            )
        )
        if value not in labelled:
            labelled.add(value)
            notes.append(
                dict(
                    text=num(value, lang),
                    x=i + 0.45,
                    y=value,
                    xref="x",
                    yref="y",
                    xanchor="left",
                    yanchor="bottom",
                    showarrow=False,
                    font=dict(size=11, color=OVER),
                )
            )
    return _figure(
        traces,
        title,
        lang,
        height=460,
        shapes=shapes,
        annotations=notes,
        showlegend=False,
        yaxis=dict(tickformat=INT_FMT),
    )


def build_treemap(df: pd.DataFrame, lang: str, title: str, root: str, colour_title: str | None = None) -> go.Figure:
    """District -> ward treemap sized by population, coloured by ratio to standard.

    df: district_code, district_name, unit_code, unit_name, population, ratio_to_standard.
    """
    dists = df.groupby(["district_code", "district_name"], as_index=False).agg(population=("population", "sum"))
    ids = ["root"] + [f"d{c}" for c in dists.district_code] + [f"w{c}" for c in df.unit_code]
    labels = [root] + list(dists.district_name) + list(df.unit_name)
    parents = [""] + ["root"] * len(dists) + [f"d{c}" for c in df.district_code]
    values = [int(dists.population.sum())] + list(dists.population) + list(df.population)
    colours = [1.0] * (1 + len(dists)) + [min(float(c), RATIO_CAP) for c in df.ratio_to_standard]
    trace = dict(
        type="treemap",
        ids=ids,
        labels=labels,
        parents=parents,
        values=values,
        branchvalues="total",
        marker=dict(
            colors=colours, colorscale="RdBu_r", cmin=0, cmax=RATIO_CAP, colorbar=_ratio_colorbar(lang, colour_title)
        ),
        hovertemplate="%{label}<br>%{value:,.0f}<extra></extra>",
    )
    return _figure([trace], title, lang, height=560)


def build_choropleth(
    df: pd.DataFrame,
    geojson,
    lang: str,
    title: str,
    attribution: str,
    waived_label: str = "",
    colour_title: str | None = None,
    focus: tuple[float, float, float, float] | None = None,
    waived_legend: str = "",
) -> go.Figure:
    """2025 units coloured by population / threshold; communes (no threshold) and wards the law exempts
    from it (formed from enough old units: `waived`) grey, the reason on hover.

    df: unit_code, unit_name, population, ratio_to_threshold (null for communes), optionally waived.
    geojson: the FeatureCollection, or the URL the browser loads it from (keeps the page light).
    One trace: communes take a value below the scale, which the colour scale paints grey.
    """
    ratio = df.ratio_to_threshold.astype(float)
    waived = df.waived.fillna(False).astype(bool) if "waived" in df else pd.Series(False, index=df.index)
    z = [NO_THRESHOLD if pd.isna(r) else min(float(r), RATIO_CAP) for r in ratio]
    exempt = df[waived]
    outline = dict(  # the wards the law exempts: coloured like the others, outlined, named in the legend
        type="choroplethmap",
        geojson=geojson,
        featureidkey="properties.ma_xa",
        locations=list(exempt.unit_code),
        z=[0] * len(exempt),
        colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
        showscale=False,
        marker=dict(line=dict(width=2, color="#222")),
        name=waived_legend or waived_label,
        showlegend=bool(waived_legend or waived_label) and len(exempt) > 0,
        hoverinfo="skip",
    )
    trace = dict(
        type="choroplethmap",
        geojson=geojson,
        featureidkey="properties.ma_xa",
        locations=list(df.unit_code),
        z=z,
        colorscale=_MAP_SCALE,
        zmin=NO_THRESHOLD,
        zmax=RATIO_CAP,
        colorbar=_ratio_colorbar(lang, colour_title),
        marker=dict(line=dict(width=0.4, color="white")),
        customdata=[
            [n, p, "—" if pd.isna(r) else f"×{num(r, lang, 2)}" + (f", {waived_label}" if w else "")]
            for n, p, r, w in zip(df.unit_name, df.population, ratio, waived, strict=False)
        ],
        showlegend=False,
        hovertemplate="%{customdata[0]}: %{customdata[1]:,.0f} (%{customdata[2]})<extra></extra>",
    )
    note = dict(
        text=attribution,
        x=1,
        y=0,
        xref="paper",
        yref="paper",
        xanchor="right",
        yanchor="bottom",
        showarrow=False,
        font=dict(size=10),
        bgcolor="rgba(255,255,255,0.8)",
    )
    # framed on the units the colour measures (focus: lon_min, lon_max, lat_min, lat_max), at the zoom that
    # fits them in a phone-wide frame; the communes around stay as grey context
    lon0, lon1, lat0, lat1 = focus or (105.28, 106.02, 20.56, 21.39)
    zoom = min(
        math.log2(FRAME_W * 360 / (512 * max(lon1 - lon0, 1e-3))),  # MapLibre: the world is 512 px at zoom 0
        math.log2(FRAME_H * 360 / (512 * max(lat1 - lat0, 1e-3) * 1.08)),
    )
    return _figure(
        [trace, outline],
        title,
        lang,
        height=640,
        annotations=[note],
        margin=dict(l=0, r=0, t=60, b=70),
        map=dict(style="white-bg", center=dict(lat=(lat0 + lat1) / 2, lon=(lon0 + lon1) / 2), zoom=round(zoom, 2)),
    )


def build_staff_bars(
    df: pd.DataFrame,
    periods: pd.DataFrame,
    lang: str,
    title: str,
    series_names: dict[str, str],
    kind_names: dict[str, str],
    no_figure: str,
) -> go.Figure:
    """Staff per ward in each period, one marker trace per (series, kind) and no line between them:
    a headcount and a staffing quota are two series, a derived bound and a reported average two kinds.
    The label keeps the hedge ("hơn 10,9"); a period with no figure says `no_figure`.

    df: period_id, metric_id, series_id, fact_kind, staff_per_unit, qualifier, basis.
    periods: period_id, name_vi, name_en in time order.
    """
    names = "name_vi" if lang == "vi" else "name_en"
    x_of = dict(zip(periods.period_id, [wrap(n, 14) for n in periods[names]], strict=False))
    traces = []
    df = df[df.period_id.isin(x_of)]
    for (series, kind), part in df.groupby(["series_id", "fact_kind"], sort=False):
        label = f"{series_names.get(series, series)} — {kind_names.get(kind, kind)}"
        traces.append(
            dict(
                type="scatter",
                mode="markers+text",
                name=label,
                x=[x_of[p] for p in part.period_id],
                y=list(part.staff_per_unit),
                marker=_kind_marker(kind, part.period_id, 16),
                text=[
                    _label(v, q, lang, 0 if float(v).is_integer() else 1)
                    for v, q in zip(part.staff_per_unit, part.qualifier, strict=False)
                ],
                textposition="middle right",
                cliponaxis=False,
                customdata=[kind] * len(part),
                hovertemplate="%{x}: %{text}<extra>" + label + "</extra>",
            )
        )
    empty = [x_of[p] for p in x_of if p not in set(df.period_id)]
    notes = [
        dict(x=x, y=0.5, xref="x", yref="paper", text=no_figure, showarrow=False, font=dict(color=GREY, size=12))
        for x in empty
    ]
    top = float(df.staff_per_unit.max()) if len(df) else 1.0
    return _figure(
        traces,
        title,
        lang,
        height=420,
        annotations=notes,
        showlegend=True,
        xaxis=dict(categoryorder="array", categoryarray=list(x_of.values()), range=[-0.5, len(x_of) - 0.5]),
        yaxis=dict(tickformat=".0f", range=[0, top * 1.3]),
    )


def build_staffing_strip(df: pd.DataFrame, periods: pd.DataFrame, lang: str, title: str) -> go.Figure:
    """Residents per civil servant for each ward, one strip per period.

    df: period_id, unit_name, population_per_staff, staff_basis.
    """
    traces = []
    for _, p in periods.iterrows():
        part = df[df.period_id == p.period_id]
        if part.empty:
            continue
        name = p["name_vi" if lang == "vi" else "name_en"]
        traces.append(
            dict(
                type="box",
                y=list(part.population_per_staff),
                name=name,
                boxpoints="all",
                jitter=0.4,
                pointpos=0,
                marker=dict(size=5, color=PERIOD_COLOURS[p.period_id]),
                line=dict(color=PERIOD_COLOURS[p.period_id]),
                text=list(part.unit_name),
                hovertemplate="%{text}: %{y:,.0f}<extra>" + name + "</extra>",
            )
        )
    return _figure(traces, title, lang, height=440, showlegend=False, yaxis=dict(tickformat=INT_FMT))


def build_sankey(df: pd.DataFrame, lang: str, title: str) -> go.Figure:
    """District (2021) -> 2025 unit, link width = number of pilot-ward pieces.

    df: district_name, unit_name, relation (whole/part).
    """
    links = df.groupby(["district_name", "unit_name"], as_index=False).size()
    left = list(dict.fromkeys(links.district_name))
    right = list(dict.fromkeys(links.unit_name))
    idx = {n: i for i, n in enumerate(left)}
    idx.update({("u", n): len(left) + i for i, n in enumerate(right)})
    trace = dict(
        type="sankey",
        valueformat=",.0f",
        node=dict(
            label=left + right, pad=8, thickness=12, color=[COLOURWAY[1]] * len(left) + [COLOURWAY[2]] * len(right)
        ),
        link=dict(
            source=[idx[d] for d in links.district_name],
            target=[idx[("u", u)] for u in links.unit_name],
            value=list(links["size"]),
            color="rgba(0,114,178,0.25)",
        ),
    )
    return _figure([trace], title, lang, height=max(460, 16 * len(right) + 120))


def build_district_transition(df: pd.DataFrame, lang: str, title: str, labels: tuple[str, str]) -> go.Figure:
    """Per 2021 district: its pilot wards and the 2025 units they went into, as grouped horizontal bars
    (readable at any width, unlike a Sankey of every ward). df: district_name, pilot_wards, units_2025."""
    d = df.iloc[::-1]  # the first district (Vietnamese order) at the top
    traces = [
        dict(
            type="bar",
            orientation="h",
            y=list(d.district_name),
            x=list(d[col]),
            name=label,
            marker=dict(color=colour),
            text=[num(v, lang) for v in d[col]],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{x}<extra>" + label + "</extra>",
        )
        for col, label, colour in (
            ("pilot_wards", labels[0], PERIOD_COLOURS["pilot"]),
            ("units_2025", labels[1], PERIOD_COLOURS["two_tier"]),
        )
    ]
    top = float(max(df.pilot_wards.max(), df.units_2025.max())) if len(df) else 1.0
    return _figure(
        traces,
        title,
        lang,
        height=max(320, 44 * len(df) + 140),
        barmode="group",
        showlegend=True,
        xaxis=dict(tickformat=INT_FMT, range=[0, top * 1.15]),
    )


def build_transition_bars(df: pd.DataFrame, lang: str, title: str, labels: tuple[str, str]) -> go.Figure:
    """2025 unit population beside the census population of the pilot wards it absorbed whole.

    df: unit_name, population_2025, census_population_whole_wards.
    """
    d = df.head(25).iloc[::-1]
    traces = [
        dict(
            type="bar",
            y=list(d.unit_name),
            x=list(d.population_2025),
            orientation="h",
            name=labels[0],
            marker=dict(color=PERIOD_COLOURS["two_tier"]),
            hovertemplate="%{y}: %{x:,.0f}<extra>" + labels[0] + "</extra>",
        ),
        dict(
            type="bar",
            y=list(d.unit_name),
            x=[None if pd.isna(v) else v for v in d.census_population_whole_wards],
            orientation="h",
            name=labels[1],
            marker=dict(color=PERIOD_COLOURS["pilot"]),
            hovertemplate="%{y}: %{x:,.0f}<extra>" + labels[1] + "</extra>",
        ),
    ]
    return _figure(
        traces, title, lang, height=max(460, 34 * len(d) + 120), barmode="group", xaxis=dict(tickformat=INT_FMT)
    )


def build_timeline(df: pd.DataFrame, lang: str, title: str) -> go.Figure:
    """The reform timeline as a vertical list: one marker a milestone, its date and label to the right,
    wrapped, so nothing is cut at either end on a projector or a phone. df: event_date, label_vi, label_en."""
    labels = list(df["label_vi" if lang == "vi" else "label_en"])
    dates = [date(d, lang) for d in df.event_date]
    text = [
        f"<b>{d}</b><br>" + "<br>".join(textwrap.wrap(str(label), 40)) for d, label in zip(dates, labels, strict=False)
    ]
    ys = list(range(len(df)))
    traces = [
        dict(type="scatter", x=[0] * len(df), y=ys, mode="lines", line=dict(color=GREY), hoverinfo="skip"),
        dict(
            type="scatter",
            x=[0] * len(df),
            y=ys,
            mode="markers+text",
            text=text,
            textposition="middle right",
            cliponaxis=False,
            marker=dict(size=12, color=COLOURWAY[0]),
            hovertext=[f"{d}: {label}" for d, label in zip(dates, labels, strict=False)],
            hoverinfo="text",
        ),
    ]
    lines = sum(1 + len(textwrap.wrap(str(label), 40)) for label in labels)
    return _figure(
        traces,
        title,
        lang,
        height=max(300, 22 * lines + 26 * len(df) + 80),
        showlegend=False,
        xaxis=dict(visible=False, range=[-0.03, 1]),
        yaxis=dict(visible=False, autorange="reversed", range=None),
        margin=dict(l=10, r=10, t=60, b=20),
    )


KIND_COLOURS = {
    "reported": PERIOD_COLOURS["pilot"],
    "census": "#0072B2",
    "norm": "#CC79A7",
    "plan": "#F0E442",
    "estimate": "#999999",
    "derived": "#56B4E9",
}


def build_fact_bars(df: pd.DataFrame, lang: str, title: str, colour: str | None = None) -> go.Figure:
    """Horizontal bars of published figures of one scope, coloured by kind (reported, norm, derived).

    df: name_vi, name_en, value, qualifier, and optionally fact_kind.
    """
    names = [wrap(n, 22) for n in df["name_vi" if lang == "vi" else "name_en"]]  # the bars keep the width
    kinds = list(df.fact_kind) if "fact_kind" in df else ["reported"] * len(df)
    decimals = 0 if (df.value.dropna() % 1 == 0).all() else 1
    trace = dict(
        type="bar",
        x=list(df.value),
        y=names,
        orientation="h",
        marker=dict(color=[colour or KIND_COLOURS.get(k, GREY) for k in kinds]),
        text=[
            f"{QUALIFIER[lang].get(q or '', '')} {num(v, lang, decimals)}".strip()
            for v, q in zip(df.value, df.qualifier, strict=False)
        ],
        textposition="outside",
        customdata=kinds,
        hovertemplate="%{y}: %{x:,.1f} (%{customdata})<extra></extra>",
    )
    return _figure(
        [trace],
        title,
        lang,
        height=max(320, 40 * len(df) + 100),
        # room beside the longest bar for its label ("tối đa 70")
        xaxis=dict(tickformat=INT_FMT, range=[0, float(df.value.max() or 1) * 1.45] if len(df) else None, nticks=4),
        yaxis=dict(autorange="reversed"),
    )


def build_index_series(
    df: pd.DataFrame,
    periods: pd.DataFrame,
    breaks: pd.DataFrame,
    lang: str,
    title: str,
    labels: dict[str, str],
) -> go.Figure:
    """One index of Hanoi by year (or month), the three periods shaded behind it. Scores on top, ranks
    below on a reversed axis (1 = best) labelled "9/63" with the number ranked; a line joins figures of
    one method segment only, so a method break is drawn as a break; an unverified figure is starred.

    df: metric_id, name_vi, name_en, scale, value, out_of, as_of_start, as_of_end, segment, verified.
    periods: period_id, name_vi, name_en, starts_on, ends_on. breaks: series_id, break_on, note_vi, note_en.
    labels: 'rank', 'score', 'method_break', 'unverified' -> text.
    """
    names = f"name_{lang}"
    df = df.assign(
        x=pd.to_datetime(df.as_of_start) + (pd.to_datetime(df.as_of_end) - pd.to_datetime(df.as_of_start)) / 2
    )
    has_rank = (df.scale == "rank").any()
    has_score = (df.scale != "rank").any()
    two = has_rank and has_score
    # a run ends at a method break, where the number ranked changes, and at a missing year (or month):
    # no line is drawn across a gap, so a missing figure stays visibly missing
    df = df.sort_values(["metric_id", "x"]).copy()
    df["out_of_key"] = df.out_of.astype("Float64").fillna(-1)
    runs = []
    for _metric, part in df.groupby("metric_id", sort=False):
        step = part.x.diff().dt.days.min() if len(part) > 1 else 365
        new = (
            (part.segment != part.segment.shift())
            | (part.out_of_key != part.out_of_key.shift())
            | (part.x.diff().dt.days > 1.5 * (step if step and step > 0 else 365))
        )
        runs.append(new.cumsum())
    df["run"] = pd.concat(runs) if runs else 0
    colour = {m: COLOURWAY[i % len(COLOURWAY)] for i, m in enumerate(dict.fromkeys(df.metric_id))}
    many = len(colour) > 4  # many series: values on hover only, legend beside the plot
    traces = []
    for (metric, _run), part in df.groupby(["metric_id", "run"], sort=False):
        is_rank = part.scale.iloc[0] == "rank"
        text = [
            # each figure at the precision it was published with
            (f"{num(v, lang)}/{num(o, lang)}" if is_rank and pd.notna(o) else num(v, lang, _decimals(v)))
            + ("" if ok else "*")
            for v, o, ok in zip(part.value, part.out_of, part.verified, strict=False)
        ]
        first = _run == df[df.metric_id == metric].run.min()
        traces.append(
            dict(
                type="scatter",
                x=[d.strftime("%Y-%m-%d") for d in part.x],
                y=list(part.value.astype(float)),
                mode=("lines+markers" if len(part) > 1 else "markers") + ("" if many else "+text"),
                name=part[names].iloc[0],
                legendgroup=metric,
                showlegend=bool(first),
                text=text,
                textposition="top center",
                cliponaxis=False,
                marker=dict(size=9, color=colour[metric]),
                line=dict(color=colour[metric]),
                customdata=["reported"] * len(part),
                hovertemplate="%{x|%Y}: %{text}<extra>" + part[names].iloc[0] + "</extra>",
                yaxis="y2" if (two and is_rank) else "y",
            )
        )
    lo = pd.to_datetime(df.as_of_start).min() - pd.Timedelta(days=180) if len(df) else pd.Timestamp("2018-01-01")
    hi = pd.to_datetime(df.as_of_end).max() + pd.Timedelta(days=180) if len(df) else pd.Timestamp("2026-01-01")
    shapes, notes = [], []
    for p in periods.itertuples():
        a = max(lo, pd.Timestamp(p.starts_on)) if pd.notna(p.starts_on) else lo
        b = min(hi, pd.Timestamp(p.ends_on)) if pd.notna(p.ends_on) else hi
        if a >= b:
            continue
        shapes.append(
            dict(
                type="rect",
                xref="x",
                yref="paper",
                x0=a.strftime("%Y-%m-%d"),
                x1=b.strftime("%Y-%m-%d"),
                y0=0,
                y1=1,
                fillcolor=PERIOD_COLOURS.get(p.period_id, GREY),
                opacity=0.08,
                line=dict(width=0),
                layer="below",
            )
        )
        notes.append(
            dict(
                text=labels.get(f"period_{p.period_id}", getattr(p, names)),  # a short name: it fits a phone
                x=(a + (b - a) / 2).strftime("%Y-%m-%d"),
                xref="x",
                y=1.0,
                yref="paper",
                yanchor="bottom",
                showarrow=False,
                font=dict(size=11, color=PERIOD_COLOURS.get(p.period_id, GREY)),
            )
        )
    rank_series = set(df[df.scale == "rank"].series_id) if "series_id" in df else set()
    for series, group in breaks.groupby("series_id"):
        if len(group) > 2:
            continue  # re-based every release: the unjoined points and the footnote say it
        y0, y1 = (0.0, 0.42) if (two and series in rank_series) else ((0.55, 1.0) if two else (0.0, 1.0))
        for b in group.itertuples():
            when = pd.Timestamp(b.break_on)
            if lo < when < hi:
                s, n = _vline(when.strftime("%Y-%m-%d"), GREY, labels["method_break"], y1)
                shapes.append({**s, "y0": y0, "y1": y1})
                # along the line, not across the data beside it
                notes.append(
                    {
                        **n,
                        "textangle": -90,
                        "xanchor": "right",
                        "bgcolor": None,
                        "hovertext": getattr(b, f"note_{lang}"),
                        "font": dict(size=10, color="#555"),
                    }
                )
    monthly = (hi - lo).days < 900  # a monthly index: ticks every quarter, with the month
    axes = dict(
        xaxis=dict(
            type="date",
            range=[lo.strftime("%Y-%m-%d"), hi.strftime("%Y-%m-%d")],
            dtick="M3" if monthly else "M12",
            tickformat=("%m/%Y" if lang == "vi" else "%b %Y") if monthly else "%Y",
        ),
    )
    if two:
        axes["xaxis"]["anchor"] = "y2"
        axes["yaxis"] = dict(domain=[0.55, 1.0], title=dict(text=labels["score"]))
        axes["yaxis2"] = dict(domain=[0.0, 0.42], title=dict(text=labels["rank"]), autorange="reversed", anchor="x")
    elif has_rank:
        axes["yaxis"] = dict(title=dict(text=labels["rank"]), autorange="reversed")
    else:
        axes["yaxis"] = dict(title=dict(text=labels["score"]))
    return _figure(
        traces,
        title,
        lang,
        height=520 if two else (560 if many else 420),
        shapes=shapes,
        annotations=notes,
        margin=dict(t=90, b=60),
        showlegend=True,
        legend=dict(y=1.09),  # above the periods' names
        **axes,
    )


def build_ward_populations(df: pd.DataFrame, lang: str, title: str, labels: dict[str, str]) -> go.Figure:
    """Each pilot ward's population figures side by side, one row a ward, one mark a basis: the 2019
    census, each sourced figure (open when not yet confirmed in its source), and the 2025 unit(s) the
    ward went into as a mark of its own — a merged unit is not the ward, so nothing joins them.

    df: ward_name, district_name, mark (census | sourced | unit_2025), basis, value, qualifier, ref,
    verified, unit_name, relation. labels: census, sourced, unit_2025, unverified, part, whole.
    """
    df = df.assign(row=df.ward_name + " (" + df.district_name + ")")
    order = list(dict.fromkeys(df.row))
    style = {
        "census": dict(symbol="square", color=PERIOD_COLOURS["before_pilot"], size=10),
        "sourced": dict(symbol="circle", color=PERIOD_COLOURS["pilot"], size=11),
        "unit_2025": dict(symbol="diamond-open", color=PERIOD_COLOURS["two_tier"], size=11),
    }
    traces = []
    for mark in ("census", "sourced", "unit_2025"):
        part = df[df.mark == mark]
        if part.empty:
            continue
        symbols = [
            style[mark]["symbol"] + ("" if ok or mark != "sourced" else "-open") for ok in part.verified.astype(bool)
        ]
        hover = []
        for r in part.itertuples():
            what = f"{r.unit_name} ({labels.get(r.relation, r.relation)})" if mark == "unit_2025" else r.basis
            flag = "" if bool(r.verified) else f" · {labels['unverified']}"
            hover.append(f"{what}: {_label(r.value, r.qualifier, lang, 0)} [{r.ref}]{flag}")
        traces.append(
            dict(
                type="scatter",
                mode="markers",
                name=labels[mark],
                x=list(part.value.astype(float)),
                y=list(part.row),
                marker=dict(symbol=symbols, color=style[mark]["color"], size=style[mark]["size"], line=dict(width=2)),
                text=hover,
                customdata=[mark] * len(part),
                hovertemplate="%{y}<br>%{text}<extra></extra>",
            )
        )
    return _figure(
        traces,
        title,
        lang,
        height=max(320, 34 * len(order) + 140),
        showlegend=True,
        xaxis=dict(tickformat=INT_FMT, rangemode="tozero", title=dict(text=labels.get("axis", ""))),
        yaxis=dict(categoryorder="array", categoryarray=order[::-1], automargin=True),
    )
