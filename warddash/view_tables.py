"""Tables the Sources page shows, shaped from named queries for one language. No Streamlit here."""

from __future__ import annotations

import pandas as pd

from warddash.fmt import t

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
