"""Tables the Sources page shows, shaped from named queries for one language. No Streamlit here."""

from __future__ import annotations

import numpy as np
import pandas as pd

from warddash.fmt import TEXT, t

BASES = ["spanning", "undated"]


def _period_names(periods: pd.DataFrame, lang: str) -> dict[str, str]:
    names = dict(zip(periods.period_id, periods[f"name_{lang}"], strict=False))
    names.update({b: t(f"basis_{b}", lang) for b in BASES})
    return names


def coverage_matrix(cov: pd.DataFrame, periods: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Figures per metric in each period, with the spanning and undated in their own columns (never
    dropped). cov: topic, metric_id, name_vi, name_en, period_or_basis, facts."""
    order = [*periods.period_id, *BASES]
    names = _period_names(periods, lang)
    wide = cov.pivot_table(
        index=["topic", f"name_{lang}"], columns="period_or_basis", values="facts", aggfunc="sum", fill_value=0
    ).reindex(columns=order, fill_value=0)
    wide.columns = [names[c] for c in wide.columns]
    return wide.reset_index()


def comparability(df: pd.DataFrame, periods: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per metric and period pair: comparable or the reason it is not, in the user's language."""
    names = _period_names(periods, lang)
    out = pd.DataFrame(
        {
            "topic": df.topic,
            f"name_{lang}": df[f"name_{lang}"],
            "periods_with_figures": [", ".join(names.get(p, p) for p in ps) for ps in df.periods],
            "comparison": [
                f"{names.get(a, a)} → {names.get(b, b)}" if isinstance(a, str) else "—"
                for a, b in zip(df.period_a, df.period_b, strict=False)
            ],
            "status": [
                t("comparable_yes", lang) if ok else t(f"reason_{r}", lang)
                for ok, r in zip(df.comparable, df.reason, strict=False)
            ],
        }
    )
    return out


def disagreements(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Where figures for the same thing differ, with the kind of disagreement in the user's language."""
    out = df.copy()
    out["kind"] = [t(f"disagree_{k}", lang) for k in df.kind]
    return out


def readable(
    df: pd.DataFrame,
    lang: str,
    periods: pd.DataFrame | None = None,
    kinds: pd.DataFrame | None = None,
    scopes: pd.DataFrame | None = None,
    screen: bool = True,
) -> pd.DataFrame:
    """Codes in a table as words in the user's language: periods, kinds of figure, the basis of a period,
    levels, topics, units, qualifiers, yes/no; the other language's name column dropped. On screen a
    missing text is "—" and a missing number an empty cell; in a file both stay empty. Identifiers
    (fact, source, unit codes) stay as they are."""
    from warddash.fmt import QUALIFIER, t

    other = "en" if lang == "vi" else "vi"
    df = df.drop(  # of a pair (name_vi, name_en; label_vi, label_en…), the other language's column
        columns=[c for c in df.columns if c.endswith(f"_{other}") and f"{c[: -len(other)]}{lang}" in df.columns]
    )
    if screen and f"name_{lang}" in df.columns:  # on screen a figure is named, not coded (files keep the code)
        df = df.drop(columns=[c for c in ("metric_id",) if c in df.columns])
    if screen:  # a series is an internal grouping of figures: its figures' names say what it is
        df = df.drop(columns=[c for c in ("series_id",) if c in df.columns])
    if "period_id" in df.columns:  # written as the period's name already
        df = df.drop(columns=[c for c in ("period_name_vi", "period_name_en") if c in df.columns])
    period_names = {} if periods is None else dict(zip(periods.period_id, periods[f"name_{lang}"], strict=False))
    kind_names = {} if kinds is None else dict(zip(kinds.fact_kind, kinds[f"name_{lang}"], strict=False))
    out = df.copy()
    for col in out.columns:
        if pd.api.types.is_bool_dtype(out[col]):
            out[col] = [t("yes" if v else "no", lang) if isinstance(v, (bool, np.bool_)) else "" for v in out[col]]
    if "kind" in out.columns and "reliability_rank" in out.columns:  # the sources list: the kind of source
        out["kind"] = [t(f"source_kind_{v}", lang) if isinstance(v, str) else v for v in out["kind"]]
    if "scope_name" in out.columns and scopes is not None:  # in the reader's language
        names = dict(zip(scopes.scope_name, scopes[f"name_{lang}"], strict=False))
        out["scope_name"] = [names.get(v, v) if isinstance(v, str) else v for v in out.scope_name]
    if "unit_type" in out.columns:  # phường, xã, thị trấn: ward, commune, township in English
        out["unit_type"] = [t(f"unit_type_{v}", lang) if f"unit_type_{v}" in TEXT else v for v in out.unit_type]
    if "scale" in out.columns:
        out["scale"] = [t(f"scale_{v}", lang) if isinstance(v, str) else v for v in out.scale]
    if "mark" in out.columns:
        out["mark"] = [t(f"wardpop_{v}", lang) if isinstance(v, str) else v for v in out["mark"]]
    for col in ("period_id", "period_a", "period_b"):
        if col in out.columns:
            out[col] = [period_names.get(v, v) if isinstance(v, str) else "—" for v in out[col]]
    for col in ("fact_kind", "staff_kind"):
        if col in out.columns:
            out[col] = [kind_names.get(v, v) if isinstance(v, str) else "—" for v in out[col]]
    from warddash.fmt import unit

    for col, prefix in (
        ("scope_level", "level_"),
        ("topic", "topic_"),
        ("relation", "relation_"),
        ("certainty", "certainty_"),
    ):
        if col in out.columns:
            out[col] = [t(prefix + v, lang) if isinstance(v, str) and prefix + v in TEXT else v for v in out[col]]
    if "unit" in out.columns:
        out["unit"] = [unit(v, lang) for v in out["unit"]]
    if "period_basis" in out.columns:
        out["period_basis"] = [t(f"period_basis_{v}", lang) if isinstance(v, str) else "—" for v in out.period_basis]
    if "field" in out.columns and "old_value" in out.columns:  # the corrections log
        from warddash.fmt import COLUMNS

        field_label = {**{k: v[0 if lang == "vi" else 1] for k, v in COLUMNS.items()}, "period": t("period_word", lang)}
        for col in ("old_value", "new_value"):
            out[col] = [
                period_names.get(
                    v, kind_names.get(v, t(f"period_basis_{v.strip('()')}", lang) if v.startswith("(") else v)
                )
                if isinstance(v, str)
                else "—"
                for v in out[col]
            ]
        out["field"] = [field_label.get(v, v) for v in out.field]
    for col in ("qualifier", "qualifier_a", "qualifier_b", "staff_qualifier"):
        if col in out.columns:
            out[col] = [QUALIFIER[lang].get(v, v) if isinstance(v, str) else "" for v in out[col]]
    for col in out.columns if screen else ():
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = [
                "—" if v is None or (isinstance(v, float) and pd.isna(v)) or v is pd.NA else v for v in out[col]
            ]
        elif pd.api.types.is_float_dtype(out[col]) and out[col].isna().any():
            out[col] = out[col].astype("Float64")  # a missing number is an empty cell, not "nan"
    return out
