"""What each page charts, as data: one ChartSpec per chart, built from named queries.

Pages draw these specs; exports (images, slides, spreadsheets, bundles) and the CLI build the very
same specs without a browser, so an exported chart is the chart on screen.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlencode

import pandas as pd
import plotly.graph_objects as go

from warddash import DATA_DIR, charts
from warddash.fmt import TEXT, _decimals, date, date_range, num
from warddash.fmt import t as _t

PERIOD_IDS = ["before_pilot", "pilot", "two_tier"]
PAGE_KEYS = [
    "overview",
    "governance",
    "workload",
    "staffing",
    "petitions",
    "transition",
    "district",
    "sources",
    "imports",
]
Run = Callable[..., pd.DataFrame]
SANKEY_MAX_DISTRICTS = 3  # a Sankey of more districts' wards has more flows than a reader can follow


@dataclass
class Filters:
    """The state of a view: what a shared link carries."""

    lang: str = "vi"
    districts: list[str] = field(default_factory=list)
    periods: list[str] = field(default_factory=lambda: list(PERIOD_IDS))
    standard: int | None = None  # None: the standard in force (from the database)
    t2025: int | None = None  # None: the first 2025 threshold in the database
    ward: str = ""
    unit: str = ""

    def query_string(self, page: str) -> str:
        pairs = self.params(page)
        return f"/{page}" + (("?" + urlencode(pairs)) if pairs else "")

    def params(self, page: str) -> list[tuple[str, object]]:
        """The URL parameters that reproduce this view (defaults left out)."""
        pairs = [("lang", self.lang)] if self.lang != "vi" else []
        pairs += [("district", d) for d in self.districts]
        if page in ("overview", "petitions") and self.periods != PERIOD_IDS:
            pairs += [("period", p) for p in self.periods]
        if page == "workload" and self.standard is not None:
            pairs.append(("standard", self.standard))
        if page == "workload" and self.t2025 is not None:
            pairs.append(("t2025", self.t2025))
        for k in ("ward", "unit"):
            if page == "transition" and getattr(self, k):
                pairs.append((k, getattr(self, k)))
        return pairs

    def describe(self, district_names: dict[str, str]) -> str:
        lang = self.lang
        parts = [
            t("districts", lang)
            + ": "
            + (
                ", ".join(district_names.get(d, d) for d in self.districts)
                if self.districts
                else t("districts_all", lang, pilot_districts=num(len(district_names), lang))
            )
        ]
        if self.periods != PERIOD_IDS:
            parts.append(t("periods", lang) + ": " + ", ".join(t(f"short_{p}", lang) for p in self.periods))
        if self.standard is not None:
            parts.append(t("whatif_short", lang) + ": " + num(self.standard, lang))
        return " · ".join(parts)


def text_figures(run: Run, lang: str) -> dict[str, str]:
    """The counts, standards and dates the interface text quotes, formatted for lang (from the database)."""
    r = run("text_figures").iloc[0]
    out = {k: num(r[k], lang) for k in ("pilot_wards", "pilot_districts", "units_2025", "std_quan", "std_thi_xa")}
    out.update({k: date(r[k], lang) for k in ("before_ends", "pilot_starts", "two_tier_starts")})
    out["before_year"] = date_range(r.before_year_start, r.before_year_end, lang)
    out["pilot_year"] = date_range(r.pilot_year_start, r.pilot_year_end, lang)
    return out


def t(key: str, lang: str = "vi", run: Run | None = None, **kw) -> str:
    """The catalogue text with the data's figures filled in (kw wins over them); run is needed only
    by texts that quote a figure."""
    needs = "{" in TEXT[key]["vi"]
    figures = text_figures(run, lang) if needs and run is not None else {}
    return _t(key, lang, **{**figures, **kw})


def standards_in_force(run: Run) -> dict[str, float]:
    """The 2021 population standards by unit kind (persons)."""
    r = run("text_figures").iloc[0]
    return {"phuong_quan": float(r.std_quan), "phuong_thi_xa": float(r.std_thi_xa)}


@dataclass
class ChartSpec:
    key: str
    title: str
    fig: go.Figure
    data: pd.DataFrame
    source_ids: list[str]
    definitions: list[str] = field(default_factory=list)
    why: str | None = None


@lru_cache(maxsize=1)
def boundaries() -> dict:
    return json.loads((DATA_DIR / "units_2025_07.geojson").read_text(encoding="utf-8"))


def bounds_of(codes) -> tuple[float, float, float, float] | None:
    """(lon_min, lon_max, lat_min, lat_max) of the 2025 units with these codes, from the boundaries."""
    return _bounds(tuple(sorted(codes)))


@lru_cache(maxsize=8)
def _bounds(codes: tuple[str, ...]) -> tuple[float, float, float, float] | None:
    # walked once per set of units, not on every build of the Workload page
    wanted, lons, lats = set(codes), [], []
    for feature in boundaries()["features"]:
        if feature["properties"].get("ma_xa") not in wanted:
            continue
        stack = [feature["geometry"]["coordinates"]]
        while stack:
            item = stack.pop()
            if item and isinstance(item[0], (int, float)):
                lons.append(item[0])
                lats.append(item[1])
            else:
                stack.extend(item)
    return (min(lons), max(lons), min(lats), max(lats)) if lons else None


def _periods(run: Run, f: Filters) -> pd.DataFrame:
    p = run("periods")
    return p[p.period_id.isin(f.periods)].reset_index(drop=True)


def kind_names(run: Run, lang: str) -> dict[str, str]:
    kinds = run("fact_kinds")
    return dict(zip(kinds.fact_kind, kinds[f"name_{lang}"], strict=False))


def headline_table(run: Run, f: Filters) -> pd.DataFrame:
    """The overview's key figures as a table for a slide: one row a metric, one column a chosen period,
    each cell the figure with its hedge, its kind when not a reported count, and its reference."""
    from warddash.fmt import qualified

    kpis = run("period_kpis", periods=f.periods)
    periods = _periods(run, f)
    kinds = kind_names(run, f.lang)
    rows = []
    for _metric, part in kpis.groupby("metric_id", sort=False):
        first = part.iloc[0]
        row = {t("col_metric", f.lang): first[f"name_{f.lang}"]}
        for _, p in periods.iterrows():
            hit = part[part.period_id == p.period_id]
            if hit.empty:
                row[p[f"name_{f.lang}"]] = t("missing", f.lang)
                continue
            r = hit.iloc[0]
            kind = "" if r.fact_kind == "reported" else f" ({kinds.get(r.fact_kind, r.fact_kind)})"
            ref = "" if r.fact_kind == "derived" else f" [{r.ref}]"  # a derived figure's formula is in the notes
            row[p[f"name_{f.lang}"]] = f"{qualified(r.value, r.qualifier, first.unit, f.lang)}{kind}{ref}"
        rows.append(row)
    out = pd.DataFrame(rows)
    out.attrs["source_ids"] = sorted(set(kpis.source_id.dropna()))
    out.attrs["formulas"] = [
        f"{r[f'name_{f.lang}']} ({t(f'short_{r.period_id}', f.lang)}): {r.formula}"
        for _, r in kpis[kpis.formula.notna()].iterrows()
    ]
    return out


def _change_note(run: Run, f: Filters) -> str | None:
    """The article's own % changes beside the ones computed from its counts (from the database)."""
    from warddash.fmt import signed

    rows = run("stated_changes")
    if rows.empty:
        return None
    name = f"name_{f.lang}"
    stated = "; ".join(f"{getattr(r, name)} {signed(r.stated_pct, f.lang, 0, '%')}" for r in rows.itertuples())
    computed = "; ".join(f"{getattr(r, name)} {signed(r.computed_pct, f.lang, 1, '%')}" for r in rows.itertuples())
    return t("change_note", f.lang, stated=stated, computed=computed)


def overview(run: Run, f: Filters) -> list[ChartSpec]:
    lang, out = f.lang, []
    series = run("petition_series", periods=f.periods)
    if not series.empty:
        out.append(
            ChartSpec(
                "petitions",
                t("slope_title", lang, run),
                charts.build_period_bars(series, _periods(run, f), lang, t("slope_title", lang, run)),
                series,
                sorted(set(series.source_id)) if "source_id" in series else ["tccs-2022-urban-pilot"],
                [t("def_petitions", lang, run)],
                why=_change_note(run, f) if {"before_pilot", "pilot"} <= set(f.periods) else None,
            )
        )
    kpis = run("period_kpis", periods=f.periods)
    if not kpis.empty:
        out.insert(
            0,
            ChartSpec(
                "slopes",
                t("slopes_title", lang),
                charts.build_period_slopes(
                    kpis,
                    _periods(run, f),
                    lang,
                    t("slopes_title", lang),
                    short_names={p: t(f"short_{p}", lang) for p in PERIOD_IDS},
                    kind_names=kind_names(run, lang),
                    no_figure=t("no_comparable", lang),
                    no_figure_mark=t("no_comparable_short", lang),
                ),
                kpis,
                sorted(set(kpis.source_id.dropna())),
                [t("slopes_note", lang)]
                + [f"{r[f'name_{lang}']}: {r.formula}" for _, r in kpis[kpis.formula.notna()].iterrows()],
            ),
        )
    events = run("timeline_events")
    out.append(
        ChartSpec(
            "timeline",
            t("timeline", lang),
            charts.build_timeline(events, lang, t("timeline", lang)),
            events,
            sorted(set(events.source_id)),
            [t("def_timeline", lang)],
        )
    )
    return out


def workload(run: Run, f: Filters, geojson=None) -> list[ChartSpec]:
    lang = f.lang
    wards = run("ward_workload", districts=f.districts)
    census = ["census-2019", "nq-1211-2016"]
    defs = [t("def_ward_population", lang, run), t("def_ward_standard", lang, run)]
    over_under = (t("bar_over", lang), t("bar_under", lang))
    std = standards_in_force(run)
    # only the standards that apply to the wards shown (Sơn Tây's 5.000 for its wards, 15.000 for a quận's)
    lines = {}
    if f.standard is not None and f.standard != std["phuong_quan"] and (~wards.is_town_ward).any():
        lines[t("whatif_short", lang)] = f.standard
    if (~wards.is_town_ward).any():
        lines[t("standard_quan", lang)] = std["phuong_quan"]
    if wards.is_town_ward.any():
        lines[t("standard_thi_xa", lang)] = std["phuong_thi_xa"]
    units = run("units_2025_workload", threshold=f.t2025 or float(run("ward_thresholds").min_value.iloc[0]))
    ward_figures = run("ward_population_figures", districts=f.districts)
    pop_labels = {
        k: t(f"wardpop_{k}", lang) for k in ("census", "sourced", "unit_2025", "unverified", "part", "whole", "axis")
    }
    return [
        ChartSpec(
            "dist",
            t("dist_title", lang),
            charts.build_distribution(
                wards, lang, t("dist_title", lang), lines, "Dân số" if lang == "vi" else "Population"
            ),
            wards,
            census,
            defs,
        ),
        ChartSpec(
            "top",
            t("top_title", lang),
            charts.build_ranked_bar(wards, lang, t("top_title", lang), legend=over_under),
            wards,
            census,
            defs,
        ),
        ChartSpec(
            "box",
            t("box_title", lang),
            charts.build_district_box(wards, lang, t("box_title", lang)),
            wards,
            census,
            defs,
        ),
        ChartSpec(
            "wardpop",
            t("wardpop_title", lang),
            charts.build_ward_populations(ward_figures, lang, t("wardpop_title", lang), pop_labels),
            ward_figures,
            sorted(set(ward_figures.source_id.dropna())),
            [t("wardpop_note", lang), defs[0]],
        ),
        ChartSpec(
            "treemap",
            t("treemap_title", lang),
            charts.build_treemap(wards, lang, t("treemap_title", lang), "Hà Nội", t("colour_ratio_standard", lang)),
            wards,
            census,
            defs,
        ),
        ChartSpec(
            "map",
            t("map_title", lang, run),
            charts.build_choropleth(
                units,
                geojson or boundaries(),
                lang,
                t("map_title", lang, run),
                "© OpenStreetMap contributors",
                t("waived_label", lang),
                t("colour_ratio_threshold", lang),
                bounds_of(units[units.ratio_to_threshold.notna()].unit_code),
                t("waived_legend", lang),
            ),
            units,
            ["hn-dean-2025", "osm-2025", "nq-76-2025", "nq-112-2025"],
            [t("communes_no_std", lang), t("waived_note", lang)],
        ),
    ]


def staffing(run: Run, f: Filters) -> list[ChartSpec]:
    lang = f.lang
    by_period = run("staffing_by_period")
    kinds = kind_names(run, lang)
    basis = "; ".join(
        f"{r[f'period_name_{lang}']}: {r[f'name_{lang}']} — {kinds.get(r.fact_kind, r.fact_kind)}, "
        f"{r.basis} [{r.fact_id}]"
        for _, r in by_period.iterrows()
    )
    wards = run("ward_staffing", districts=f.districts)
    per_unit = run("staffing_2025_per_unit")
    series_names = dict(zip(by_period.series_id, by_period[f"name_{lang}"], strict=False))
    return [
        ChartSpec(
            "staff",
            t("staff_title", lang),
            charts.build_staff_bars(
                by_period, run("periods"), lang, t("staff_title", lang), series_names, kinds, t("no_comparable", lang)
            ),
            by_period,
            sorted(set(by_period.source_id)),
            [t("staff_not_one_series", lang), t("staff_used", lang, b=basis)],
        ),
        ChartSpec(
            "ppcs",
            t("ppcs_title", lang),
            charts.build_staffing_strip(wards, run("periods"), lang, t("ppcs_title", lang)),
            wards,
            sorted(set(by_period.source_id)) + ["census-2019"],
            [t("staff_not_one_series", lang), t("staff_used", lang, b=basis)],
        ),
        ChartSpec(
            "staff2025",
            t("staff_2025_title", lang),
            charts.build_fact_bars(per_unit, lang, t("staff_2025_title", lang)),
            per_unit,
            sorted(set(per_unit.source_id)),
            [t("staff_2025_note", lang)],
        ),
    ]


def petitions(run: Run, f: Filters) -> list[ChartSpec]:
    lang, out = f.lang, []
    periods = _periods(run, f)
    series = run("petition_series", periods=f.periods)
    if not series.empty:
        out.append(
            ChartSpec(
                "pet",
                t("petitions_title", lang, run),
                charts.build_period_bars(series, periods, lang, t("petitions_title", lang, run)),
                series,
                ["tccs-2022-urban-pilot"],
                [t("def_petitions", lang, run)],
            )
        )
    rates = run("petition_rates", periods=f.periods)
    if not rates.empty:
        from warddash.fmt import pct

        notes = " ".join(
            t(
                "rate_note",
                lang,
                s=pct(r.stated_rate_pct, lang),
                c=pct(r.computed_rate_pct, lang, 2),
                f=f"{num(r.resolved, lang)}/{num(r.received, lang)}",
            )
            for r in rates.itertuples()
        )
        out.append(
            ChartSpec(
                "rates",
                t("rate_title", lang),
                charts.build_rate_dumbbell(
                    rates, periods, lang, t("rate_title", lang), (t("stated", lang), t("computed", lang))
                ),
                rates,
                ["tccs-2022-urban-pilot"],
                [t("def_rate", lang)],
                why=notes,
            )
        )
    dialogue = run("topic_facts", topics=["dialogue", "supervision"], period="pilot", scope_level="city")
    counts = dialogue[(dialogue.unit != "%") & (dialogue.fact_kind == "reported")].reset_index(drop=True)
    out.append(
        ChartSpec(
            "dialogue",
            t("dialogue_title", lang),
            charts.build_fact_bars(counts, lang, t("dialogue_title", lang)),
            counts,
            sorted(set(counts.source_id)),
            [t("def_dialogue", lang)],
        )
    )
    return out


def transition(run: Run, f: Filters) -> list[ChartSpec]:
    lang = f.lang
    pieces = run("transition_pieces", districts=f.districts, ward="", unit="")
    absorbed = run("unit_transition", units=sorted(set(pieces.unit_code)))
    labels = ("Đề án 2025", "Tổng điều tra 2019") if lang == "vi" else ("Đề án 2025", "2019 census")
    absorbed_spec = ChartSpec(
        "absorbed",
        t("unit_pop_title", lang),
        charts.build_transition_bars(absorbed, lang, t("unit_pop_title", lang), labels),
        absorbed,
        ["hn-dean-2025", "census-2019"],
        [t("def_unit_population", lang), t("pieces_note", lang)],
    )
    counts = run("transition_by_district", districts=f.districts)
    gso = ["gso-units-2021-07", "gso-units-2025-01", "nso-conversion-2025", "nq-1656-2025", "hn-plan-2024"]
    out = [
        ChartSpec(
            "by_district",
            t("by_district_title", lang),
            charts.build_district_transition(
                counts, lang, t("by_district_title", lang), (t("col_pilot_wards", lang), t("col_units_2025", lang))
            ),
            counts,
            gso,
            [t("def_by_district", lang, run)],
        )
    ]
    if not 1 <= len(f.districts) <= SANKEY_MAX_DISTRICTS:
        return out + [absorbed_spec]
    return out + [
        ChartSpec(
            "sankey",
            t("sankey_title", lang),
            charts.build_sankey(pieces, lang, t("sankey_title", lang)),
            pieces,
            gso,
            [t("def_sankey", lang)],
        ),
        absorbed_spec,
    ]


def district(run: Run, f: Filters) -> list[ChartSpec]:
    if not f.districts:
        return []  # the profile of no district: the page asks for one, exports and slides say so
    code = f.districts[0]
    wards = run("ward_workload", districts=[code])
    title = f"{t('top_title', f.lang)} — {wards.district_name.iloc[0] if len(wards) else code}"
    return [
        ChartSpec(
            "district_wards",
            title,
            charts.build_ranked_bar(
                wards, f.lang, title, top=len(wards), legend=(t("bar_over", f.lang), t("bar_under", f.lang))
            ),
            wards,
            ["census-2019", "nq-1211-2016"],
            [t("def_ward_population", f.lang, run), t("def_ward_standard", f.lang, run)],
        )
    ]


# the indices, each with its metrics (score first, then rank): one chart an index
INDEX_FAMILIES = {
    "papi": ["papi_score", "papi_rank"],
    "papi_dims": [
        "papi_dim1_participation",
        "papi_dim2_transparency",
        "papi_dim3_vertical_accountability",
        "papi_dim4_control_of_corruption",
        "papi_dim5_public_administrative_procedures",
        "papi_dim6_public_service_delivery",
        "papi_dim7_environmental_governance",
        "papi_dim8_e_governance",
    ],
    "par": ["par_index_score", "par_index_rank"],
    "sipas": ["satisfaction_index_pct", "sipas_rank"],
    "pci": ["pci_score", "pci_rank"],
    "svc766": ["service_index_score"],
}


def governance(run: Run, f: Filters) -> list[ChartSpec]:
    lang, out = f.lang, []
    periods = run("periods")
    breaks = run("series_breaks_list")
    labels = {k: t(f"gov_{k}", lang) for k in ("rank", "score", "method_break")}
    labels.update({f"period_{p}": t(f"short_{p}", lang) for p in PERIOD_IDS})
    for family, metrics in INDEX_FAMILIES.items():
        df = run("governance_indices", metrics=metrics)
        if df.empty:
            continue
        fam_breaks = breaks[breaks.series_id.isin(set(df.series_id))]
        notes = [t("gov_scope", lang), t(f"gov_note_{family}", lang)]
        years_by_note: dict[str, list[str]] = {}  # one sentence a note, with every year it applies to
        for b in fam_breaks.itertuples():
            years_by_note.setdefault(getattr(b, f"note_{lang}"), []).append(f"{b.break_on:%Y}")
        notes += [f"{t('gov_method_break', lang)} ({', '.join(ys)}): {note}" for note, ys in years_by_note.items()]
        if not df.verified.all():
            notes.append(t("gov_unverified", lang))
        title = t(f"gov_title_{family}", lang)
        out.append(
            ChartSpec(
                f"gov_{family}",
                title,
                charts.build_index_series(df, periods, fam_breaks, lang, title, labels),
                df,
                sorted(set(df.source_id)),
                notes,
            )
        )
    return out


def sources(run: Run, f: Filters) -> list[ChartSpec]:
    return []


def lookups(run: Run) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The names exports write codes as: (periods, fact_kinds, scope_names)."""
    return run("periods"), run("fact_kinds"), run("scope_names")


SOURCE_TABLE_TITLES = {
    "facts": "sheet_facts",
    "sources": "sources_under_chart",
    "coverage": "coverage",
    "comparability": "comparability",
    "disagreements": "disagreements",
    "corrections": "corrections",
}


def source_table_titles(lang: str) -> dict[str, str]:
    return {k: t(v, lang) for k, v in SOURCE_TABLE_TITLES.items()}


def source_tables(run: Run, lang: str, facts: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """What the Sources page exports: the figures (as filtered on the page; all by default) with the sources
    they cite, and the coverage, comparability, disagreement and correction tables as the page shows them."""
    from warddash import view_tables

    if facts is None:
        facts = run("facts_table", search="", topics=[], periods=[], max_rank=4)
    cited = run("sources_list")
    periods = run("periods")
    other = "name_en" if lang == "vi" else "name_vi"
    return {
        "facts": facts,
        "sources": cited[cited.source_id.isin(set(facts.source_id))].reset_index(drop=True),
        "coverage": view_tables.coverage_matrix(run("coverage"), periods, lang),
        "comparability": view_tables.comparability(run("comparability"), periods, lang),
        "disagreements": view_tables.disagreements(run("disagreements"), lang),
        "corrections": run("corrections_log").drop(columns=[other]),
    }


BUILDERS = {
    "overview": overview,
    "governance": governance,
    "workload": workload,
    "staffing": staffing,
    "petitions": petitions,
    "transition": transition,
    "district": district,
    "sources": sources,
    "imports": sources,
}


def build(page: str, run: Run, f: Filters, geojson=None) -> list[ChartSpec]:
    """The chart specs of a page for the given filters. geojson: the boundaries, or a URL the browser
    loads them from (the default, None, embeds them, as exports need)."""
    if page not in BUILDERS:
        raise KeyError(page)
    specs = workload(run, f, geojson) if page == "workload" else BUILDERS[page](run, f)
    return [_with_disagreements(spec, run, f.lang) for spec in specs]


REF_COLUMNS = ("fact_id", "ref", "ref_a", "ref_b", "staff_fact_id")


def disagreement_note(data: pd.DataFrame, run: Run, lang: str) -> str | None:
    """Where figures in data are contradicted by another source (from `disagreements`): the sentence to
    show beside them, or None."""
    refs = {v for c in REF_COLUMNS if c in data for v in data[c].dropna().astype(str)}
    if not refs:
        return None
    d = run("disagreements")
    hit = d[d.fact_a.isin(refs) | d.fact_b.fillna("").isin(refs)]
    if hit.empty:
        return None
    parts = [
        f"{r.fact_a} {num(r.value_a, lang, _decimals(r.value_a))} [{r.basis_a}] ↔ "
        f"{num(r.value_b, lang, _decimals(r.value_b))} [{r.basis_b}]"
        for r in hit.itertuples()
    ]
    return t("disagree_under_chart", lang, items="; ".join(parts))


def _with_disagreements(spec: ChartSpec, run: Run, lang: str) -> ChartSpec:
    """A chart that draws a figure another source contradicts says so under it."""
    note = disagreement_note(spec.data, run, lang)
    if note:
        spec.why = f"{spec.why} {note}" if spec.why else note
    return spec
