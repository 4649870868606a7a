"""Chart builders: DataFrame in, plotly Figure out. No Streamlit here.

Every figure gets an explicit template, colourway, font and number format, so screen and
exported image match (Streamlit switches Plotly's default template on import).
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from warddash.fmt import PLOTLY_SEPARATORS, QUALIFIER, num

# Okabe-Ito: colour-blind safe. One colour per period, the same on every page.
PERIOD_COLOURS = {"before_pilot": "#0072B2", "pilot": "#E69F00", "two_tier": "#009E73"}
COLOURWAY = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
GREY = "#9E9E9E"
OVER, UNDER = "#D55E00", "#56B4E9"
FONT = "Open Sans, DejaVu Sans, Arial, sans-serif"
INT_FMT = ",.0f"


RATIO_CAP = 2.0  # colour scales of population/standard: 1 = at the standard (white), 2 or more = darkest red


def _ratio_colorbar(lang: str) -> dict:
    vals = [0, 0.5, 1, 1.5, 2]
    text = [num(v, lang, 1) for v in vals]
    text[-1] = "≥ " + text[-1]
    return dict(title="×", tickvals=vals, ticktext=text)


def _layout(fig: go.Figure, title: str, lang: str, height: int = 420) -> go.Figure:
    fig.update_layout(
        template="plotly_white",
        colorway=COLOURWAY,
        separators=PLOTLY_SEPARATORS[lang],
        font=dict(family=FONT, size=13, color="#222"),
        title=dict(text=title, x=0, xref="paper", xanchor="left", font=dict(size=16)),
        margin=dict(l=10, r=10, t=60, b=40),
        height=height,
        paper_bgcolor="white",
        plot_bgcolor="white",
        legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="right", x=1),
    )
    return fig


def build_period_bars(df: pd.DataFrame, periods: pd.DataFrame, lang: str, title: str) -> go.Figure:
    """Grouped bars of the ward petition series.

    df: metric_id, name_vi, name_en, period_id, value (one row per metric and period).
    periods: period_id, name_vi, name_en (in time order). One trace per period.
    """
    fig = go.Figure()
    names = "name_vi" if lang == "vi" else "name_en"
    order = list(dict.fromkeys(df[names]))
    for _, p in periods.iterrows():
        part = df[df.period_id == p.period_id].set_index(names).reindex(order)
        if part.value.isna().all():
            continue
        fig.add_bar(
            x=order, y=part.value, name=p[names], marker_color=PERIOD_COLOURS[p.period_id],
            text=[num(v, lang) for v in part.value], textposition="outside",
            hovertemplate="%{x}<br>%{y:,.0f}<extra>" + p[names] + "</extra>",
        )
    fig.update_yaxes(tickformat=INT_FMT, rangemode="tozero")
    fig.update_layout(barmode="group")
    return _layout(fig, title, lang)


def build_rate_dumbbell(df: pd.DataFrame, periods: pd.DataFrame, lang: str, title: str,
                        labels: tuple[str, str]) -> go.Figure:
    """Stated and computed resolution rate per period.

    df: period_id, stated_rate_pct, computed_rate_pct. labels: (stated, computed) legend names.
    """
    names = periods.set_index("period_id")["name_vi" if lang == "vi" else "name_en"]
    x = [names[p] for p in df.period_id]
    fig = go.Figure()
    fig.add_scatter(x=x, y=df.stated_rate_pct, mode="lines+markers+text", name=labels[0],
                    marker=dict(size=14, color=[PERIOD_COLOURS[p] for p in df.period_id]),
                    line=dict(color=GREY), text=[f"{v:.1f}%".replace(".", "," if lang == "vi" else ".") for v in df.stated_rate_pct],
                    textposition="top center", hovertemplate="%{x}: %{y:.1f}%<extra>" + labels[0] + "</extra>")
    fig.add_scatter(x=x, y=df.computed_rate_pct, mode="markers", name=labels[1],
                    marker=dict(size=9, symbol="diamond-open", color="#000"),
                    hovertemplate="%{x}: %{y:.2f}%<extra>" + labels[1] + "</extra>")
    fig.update_yaxes(ticksuffix="%", tickformat=".0f", range=[80, 100])
    return _layout(fig, title, lang, height=380)


def build_distribution(df: pd.DataFrame, lang: str, title: str, standards: dict[str, float],
                       x_label: str) -> go.Figure:
    """Histogram of ward population with a reference line per standard.

    df: population, is_town_ward. standards: label -> persons (drawn as vertical lines).
    """
    fig = go.Figure()
    counts = (df.population // 5000).value_counts()
    top = int(counts.max()) if len(counts) else 1
    fig.add_histogram(x=df.population, xbins=dict(start=0, size=5000), marker_color=COLOURWAY[0],
                      hovertemplate="%{x}<br>%{y}<extra></extra>", name=x_label)
    for i, (label, value) in enumerate(standards.items()):
        # labels stacked so that close lines (5.000 and 15.000) do not overwrite each other
        fig.add_vline(x=value, line=dict(color=[OVER, "#000", "#CC79A7"][i % 3], dash="dash", width=2),
                      annotation=dict(text=f"{label}: {num(value, lang)}", y=1 - 0.07 * i, yanchor="top",
                                      xanchor="left", bgcolor="rgba(255,255,255,0.85)"))
    fig.update_xaxes(tickformat=INT_FMT, title=x_label)
    fig.update_yaxes(tickformat=INT_FMT, dtick=max(1, -(-top // 6)))  # whole wards only
    fig.update_layout(showlegend=False)
    return _layout(fig, title, lang)


def build_ranked_bar(df: pd.DataFrame, lang: str, title: str, top: int = 15) -> go.Figure:
    """The heaviest wards, horizontal bars, heaviest on top, coloured over/under standard.

    df: unit_name, district_name, population, standard, over_standard (any order).
    """
    d = df.sort_values("population", ascending=False).head(top).iloc[::-1]
    labels = [f"{w} ({dn})" for w, dn in zip(d.unit_name, d.district_name)]
    fig = go.Figure(go.Bar(
        x=d.population, y=labels, orientation="h",
        marker_color=[OVER if o else UNDER for o in d.over_standard],
        text=[num(v, lang) for v in d.population], textposition="outside",
        customdata=d.standard, hovertemplate="%{y}<br>%{x:,.0f} / %{customdata:,.0f}<extra></extra>",
    ))
    fig.update_xaxes(tickformat=INT_FMT)
    return _layout(fig, title, lang, height=max(380, 28 * len(d) + 100))


def build_district_box(df: pd.DataFrame, lang: str, title: str, standard: float) -> go.Figure:
    """Box and strip of ward population by district; a click on a box selects its district.

    df: district_code, district_name, unit_name, population.
    """
    fig = go.Figure()
    for code, part in df.groupby("district_code", sort=False):
        fig.add_box(y=part.population, name=part.district_name.iloc[0], boxpoints="all", jitter=0.4,
                    pointpos=0, marker=dict(size=5, color=COLOURWAY[0]), line=dict(color=COLOURWAY[0]),
                    customdata=[[code, n] for n in part.unit_name],
                    hovertemplate="%{customdata[1]}: %{y:,.0f}<extra></extra>")
    fig.add_hline(y=standard, line=dict(color=OVER, dash="dash"), annotation_text=num(standard, lang))
    fig.update_yaxes(tickformat=INT_FMT)
    fig.update_layout(showlegend=False)
    return _layout(fig, title, lang, height=460)


def build_treemap(df: pd.DataFrame, lang: str, title: str, root: str) -> go.Figure:
    """District -> ward treemap sized by population, coloured by ratio to standard.

    df: district_code, district_name, unit_code, unit_name, population, ratio_to_standard.
    """
    dists = df.groupby(["district_code", "district_name"], as_index=False).agg(population=("population", "sum"))
    ids = ["root"] + [f"d{c}" for c in dists.district_code] + [f"w{c}" for c in df.unit_code]
    labels = [root] + list(dists.district_name) + list(df.unit_name)
    parents = [""] + ["root"] * len(dists) + [f"d{c}" for c in df.district_code]
    values = [dists.population.sum()] + list(dists.population) + list(df.population)
    ratio = df.set_index("unit_code").ratio_to_standard
    colours = [None] * (1 + len(dists)) + list(ratio)
    fig = go.Figure(go.Treemap(
        ids=ids, labels=labels, parents=parents, values=values, branchvalues="total",
        marker=dict(colors=[min(c, RATIO_CAP) if c is not None else 1 for c in colours], colorscale="RdBu_r",
                    cmin=0, cmax=RATIO_CAP, colorbar=_ratio_colorbar(lang)),
        hovertemplate="%{label}<br>%{value:,.0f}<extra></extra>",
    ))
    return _layout(fig, title, lang, height=560)


def build_choropleth(df: pd.DataFrame, geojson: dict, lang: str, title: str, attribution: str) -> go.Figure:
    """2025 units coloured by population / threshold; communes (no threshold) grey.

    df: unit_code, unit_name, population, ratio_to_threshold (null for communes).
    """
    fig = go.Figure()
    no_std = df[df.ratio_to_threshold.isna()]
    std = df[df.ratio_to_threshold.notna()]
    fig.add_choroplethmap(geojson=geojson, featureidkey="properties.ma_xa", locations=no_std.unit_code,
                          z=[0] * len(no_std), colorscale=[[0, "#DDDDDD"], [1, "#DDDDDD"]], showscale=False,
                          customdata=list(zip(no_std.unit_name, no_std.population)),
                          hovertemplate="%{customdata[0]}: %{customdata[1]:,.0f}<extra></extra>",
                          marker=dict(line=dict(width=0.5, color="white")))
    fig.add_choroplethmap(geojson=geojson, featureidkey="properties.ma_xa", locations=std.unit_code,
                          z=std.ratio_to_threshold.clip(upper=RATIO_CAP), colorscale="RdBu_r", zmin=0, zmax=RATIO_CAP,
                          colorbar=_ratio_colorbar(lang),
                          customdata=list(zip(std.unit_name, std.population)),
                          hovertemplate="%{customdata[0]}: %{customdata[1]:,.0f} (×%{z:.2f})<extra></extra>",
                          marker=dict(line=dict(width=0.5, color="white")))
    fig.update_layout(map=dict(style="white-bg", center=dict(lat=21.0, lon=105.75), zoom=8.4))
    fig.add_annotation(text=attribution, x=1, y=0, xref="paper", yref="paper", xanchor="right", yanchor="bottom",
                       showarrow=False, font=dict(size=10), bgcolor="rgba(255,255,255,0.8)")
    return _layout(fig, title, lang, height=560)


def build_staff_bars(df: pd.DataFrame, lang: str, title: str) -> go.Figure:
    """Staff per ward/unit per period; the bar text keeps the source's hedge ("hơn 10,9").

    df: period_id, name_vi, name_en, staff_per_unit, basis, qualifier.
    """
    names = df["name_vi" if lang == "vi" else "name_en"]
    quals = df.qualifier if "qualifier" in df else [""] * len(df)
    fig = go.Figure(go.Bar(
        x=names, y=df.staff_per_unit, marker_color=[PERIOD_COLOURS[p] for p in df.period_id],
        text=[f"{QUALIFIER[lang].get(q or '', '')} {num(v, lang, 1)}".strip() for v, q in zip(df.staff_per_unit, quals)],
        textposition="outside",
        customdata=df.basis, hovertemplate="%{x}: %{y:.1f}<br>%{customdata}<extra></extra>",
    ))
    fig.update_yaxes(tickformat=".0f", rangemode="tozero")
    return _layout(fig, title, lang, height=380)


def build_staffing_strip(df: pd.DataFrame, periods: pd.DataFrame, lang: str, title: str) -> go.Figure:
    """Residents per civil servant for each ward, one strip per period.

    df: period_id, unit_name, population_per_staff, staff_basis.
    """
    fig = go.Figure()
    for _, p in periods.iterrows():
        part = df[df.period_id == p.period_id]
        if part.empty:
            continue
        name = p["name_vi" if lang == "vi" else "name_en"]
        fig.add_box(y=part.population_per_staff, name=name, boxpoints="all", jitter=0.4, pointpos=0,
                    marker=dict(size=5, color=PERIOD_COLOURS[p.period_id]),
                    line=dict(color=PERIOD_COLOURS[p.period_id]), text=part.unit_name,
                    hovertemplate="%{text}: %{y:,.0f}<extra>" + name + "</extra>")
    fig.update_yaxes(tickformat=INT_FMT)
    fig.update_layout(showlegend=False)
    return _layout(fig, title, lang, height=440)


def build_sankey(df: pd.DataFrame, lang: str, title: str) -> go.Figure:
    """District (2021) -> 2025 unit, link width = number of pilot-ward pieces.

    df: district_name, unit_name, relation (whole/part).
    """
    links = df.groupby(["district_name", "unit_name"], as_index=False).size()
    left = list(dict.fromkeys(links.district_name))
    right = list(dict.fromkeys(links.unit_name))
    idx = {n: i for i, n in enumerate(left)}
    idx.update({("u", n): len(left) + i for i, n in enumerate(right)})
    fig = go.Figure(go.Sankey(
        node=dict(label=left + right, pad=8, thickness=12,
                  color=[COLOURWAY[1]] * len(left) + [COLOURWAY[2]] * len(right)),
        link=dict(source=[idx[d] for d in links.district_name], target=[idx[("u", u)] for u in links.unit_name],
                  value=links["size"], color="rgba(0,114,178,0.25)"),
        valueformat=",.0f",
    ))
    return _layout(fig, title, lang, height=max(460, 16 * len(right) + 120))


def build_transition_bars(df: pd.DataFrame, lang: str, title: str, labels: tuple[str, str]) -> go.Figure:
    """2025 unit population beside the census population of the pilot wards it absorbed whole.

    df: unit_name, population_2025, census_population_whole_wards.
    """
    d = df.head(25).iloc[::-1]
    fig = go.Figure()
    fig.add_bar(y=d.unit_name, x=d.population_2025, orientation="h", name=labels[0], marker_color=PERIOD_COLOURS["two_tier"],
                hovertemplate="%{y}: %{x:,.0f}<extra>" + labels[0] + "</extra>")
    fig.add_bar(y=d.unit_name, x=d.census_population_whole_wards, orientation="h", name=labels[1],
                marker_color=PERIOD_COLOURS["pilot"], hovertemplate="%{y}: %{x:,.0f}<extra>" + labels[1] + "</extra>")
    fig.update_xaxes(tickformat=INT_FMT)
    fig.update_layout(barmode="group")
    return _layout(fig, title, lang, height=max(460, 34 * len(d) + 120))


def build_timeline(df: pd.DataFrame, lang: str, title: str) -> go.Figure:
    """The reform timeline as markers on a date axis. df: event_date, label_vi, label_en."""
    labels = df["label_vi" if lang == "vi" else "label_en"]
    ys = [(-1) ** i * (1 + (i % 3) * 0.4) for i in range(len(df))]
    fig = go.Figure()
    fig.add_scatter(x=df.event_date, y=[0] * len(df), mode="lines", line=dict(color=GREY), hoverinfo="skip",
                    showlegend=False)
    fig.add_scatter(x=df.event_date, y=ys, mode="markers+text", text=labels, textposition="top center",
                    marker=dict(size=10, color=COLOURWAY[0]), showlegend=False,
                    hovertemplate="%{x|%d/%m/%Y}<br>%{text}<extra></extra>")
    for x, y in zip(df.event_date, ys):
        fig.add_shape(type="line", x0=x, x1=x, y0=0, y1=y, line=dict(color=GREY, width=1))
    fig.update_yaxes(visible=False, range=[-2.6, 2.6])
    fig.update_xaxes(tickformat="%m/%Y" if lang == "vi" else "%b %Y")
    return _layout(fig, title, lang, height=360)


KIND_COLOURS = {"reported": PERIOD_COLOURS["pilot"], "norm": "#CC79A7", "derived": "#56B4E9"}


def build_fact_bars(df: pd.DataFrame, lang: str, title: str, colour: str | None = None) -> go.Figure:
    """Horizontal bars of published figures of one scope, coloured by kind (reported, norm, derived).

    df: name_vi, name_en, value, qualifier, and optionally fact_kind.
    """
    names = df["name_vi" if lang == "vi" else "name_en"]
    kinds = df.fact_kind if "fact_kind" in df else ["reported"] * len(df)
    decimals = 0 if (df.value.dropna() % 1 == 0).all() else 1
    fig = go.Figure(go.Bar(
        x=df.value, y=names, orientation="h", marker_color=[colour or KIND_COLOURS.get(k, GREY) for k in kinds],
        text=[f"{QUALIFIER[lang].get(q or '', '')} {num(v, lang, decimals)}".strip() for v, q in zip(df.value, df.qualifier)],
        textposition="outside", customdata=list(kinds), hovertemplate="%{y}: %{x:,.1f} (%{customdata})<extra></extra>"))
    fig.update_xaxes(tickformat=INT_FMT)
    fig.update_yaxes(autorange="reversed")
    return _layout(fig, title, lang, height=max(320, 40 * len(df) + 100))
