"""The matrix users live in: every page × both languages × no district, one district, Sơn Tây and two
districts, through AppTest on the real data. Everything a user reads — titles, text, cards, table headers
and cells, widget labels, chart titles, legends, axes and labels — is checked against a per-language
catalogue of allowed words (built from the text catalogue and the data's own names), for raw codes, and
for numbers written with more decimals than any figure is published with."""

import json
import re
from functools import cache

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from warddash import fmt

pytestmark = pytest.mark.slow

PAGES = ["overview", "governance", "workload", "staffing", "petitions", "transition", "district", "sources", "imports"]
DISTRICTS = {"none": [], "hoang_mai": ["008"], "son_tay": ["269"], "two": ["001", "003"]}
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
RAW_ID = re.compile(r"(?<![\w/.:\[-])[a-z]+(?:_[a-z0-9]+)+(?![\w/.\]-])")  # snake_case ids, not in URLs/refs
MISSING = re.compile(r"\b(None|nan|NaN|NaT|null)\b|<NA>")
LONG_DECIMAL = re.compile(r"\d[.,]\d{5,}")  # figures are published with 4 decimals at most
ID_COLUMN = re.compile(r"\b(mã|code|fact|figure|source|nguồn|tham chiếu|reference)\b", re.I)


def _words(text) -> set[str]:
    return {w.casefold() for w in WORD.findall(str(text))}


@cache
def vocabulary(db_path: str) -> dict[str, set[str]]:
    """The words a reader may meet in each language: the catalogue's, plus every name the data holds
    (ward, district and unit names, source titles and publishers, scope names, excerpts' languages)."""
    out = {"vi": set(), "en": set()}
    for langs in fmt.TEXT.values():
        for lang in out:
            out[lang] |= _words(langs[lang])
    for vi, en in list(fmt.COLUMNS.values()) + list(fmt.UNITS.values()):
        out["vi"] |= _words(vi)
        out["en"] |= _words(en)
    for lang in out:
        out[lang] |= set().union(*(_words(v) for v in fmt.QUALIFIER[lang].values()))
    con = duckdb.connect(db_path, read_only=True)
    shared = set()
    for sql in (
        "select unit_name from units",
        "select district_name from units",
        "select publisher from sources",  # titles are quoted in italics, and not checked
        "select scope_name || ' ' || locator from facts",
        "select legal_basis from standards",
        "select coalesce(formula, '') from period_headlines",
    ):
        for (v,) in con.sql(sql).fetchall():
            shared |= _words(v)
    for lang in out:
        for sql in (
            f"select name_{lang} from metrics",
            f"select name_{lang} from periods",
            f"select name_{lang} from fact_kinds",
            f"select label_{lang} from events",
            f"select note_{lang} from series_breaks",
        ):
            for (v,) in con.sql(sql).fetchall():
                out[lang] |= _words(v)
    con.close()
    return {lang: words | shared | {"hà", "nội", "hanoi"} for lang, words in out.items()}


def _chart_text(spec: dict) -> list[str]:
    layout = spec.get("layout", {})
    parts = [str(a.get("text", "")) for a in layout.get("annotations", [])]
    for key, axis in layout.items():
        if key.startswith(("xaxis", "yaxis")) and isinstance(axis, dict):
            parts.append(str((axis.get("title") or {}).get("text", "")))
            parts += [str(v) for v in axis.get("ticktext", [])]
    for tr in spec.get("data", []):
        if tr.get("showlegend", True) is not False:
            parts.append(str(tr.get("name", "")))
        text = tr.get("text")
        parts += [str(v) for v in text] if isinstance(text, list) else [str(text or "")]
        if tr.get("type") in ("bar", "scatter", "box") and tr.get("type") != "scatter":
            cats = tr.get("y") if tr.get("orientation") == "h" else tr.get("x")
            parts += [str(v) for v in cats or [] if isinstance(v, str)]
        bar = (tr.get("colorbar") or {}).get("title") or {}
        parts.append(str(bar.get("text", "")) if isinstance(bar, dict) else str(bar))
        parts += [str(v) for v in (tr.get("node") or {}).get("label", [])]
    return [re.sub(r"<[^>]+>", " ", p) for p in parts]


def visible(at) -> tuple[list[str], list[str]]:
    """(chrome, cells): the interface's own text, and table cells (ids allowed in id columns)."""
    chrome, cells = [], []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success"):
        chrome += [str(el.value) for el in getattr(at, kind, [])]
    for m in at.metric:
        chrome += [str(m.label), str(m.value), str(m.proto.delta or ""), str(m.proto.help or "")]
    for kind in ("selectbox", "multiselect", "radio", "text_input", "slider", "button", "toggle"):
        for el in getattr(at, kind, []):
            chrome.append(str(getattr(el, "label", "")))
            chrome.append(str(getattr(el.proto, "placeholder", "") or ""))
    for el in list(at.dataframe) + list(at.table):
        df = el.value.data if hasattr(el.value, "data") else el.value
        df = df.reset_index() if getattr(df.index, "name", None) else df
        chrome += [str(c) for c in df.columns]
        # a missing number is a null the grid shows empty; text cells are what the page wrote
        keep = [c for c in df.columns if not ID_COLUMN.search(str(c)) and not _numeric(df[c])]
        cells += [str(v) for v in df[keep].astype(str).to_numpy().ravel().tolist()[:4000]]
    for c in at.get("plotly_chart"):
        chrome += _chart_text(json.loads(c.proto.spec))
    return chrome, cells


def _numeric(col) -> bool:
    return str(col.dtype) not in ("object", "str", "string") and not str(col.dtype).startswith("string")


def _strip_quotes(text: str) -> str:
    """Citations and quoted titles are the source's own words: *titles*, [ids], links, `commands`."""
    text = re.sub(r"\*[^*]+\*", " ", text.replace("**", ""))
    text = re.sub(r"\[[^\]]*\]|\([^)]*https?://[^)]*\)|https?://\S+|`[^`]*`", " ", text)
    text = re.sub(r"\b[a-z0-9]+(?:-[a-z0-9]+)*-\d{4}(?:-[a-z0-9]+)*\b", " ", text)  # a source id: tccs-2022-…
    return text


CASES = [(p, lang, d) for p in PAGES for lang in ("vi", "en") for d in DISTRICTS]


@pytest.mark.parametrize(("page", "lang", "districts"), CASES, ids=[f"{p}-{lang}-{d}" for p, lang, d in CASES])
def test_page_reads_right_in_every_language_and_filter(real_db, monkeypatch, page, lang, districts):
    monkeypatch.setenv("WARDDASH_DB", str(real_db))
    at = AppTest.from_file(f"../pages/{page}.py", default_timeout=90)
    if lang == "en":
        at.query_params["lang"] = "en"
    if DISTRICTS[districts]:
        at.query_params["district"] = DISTRICTS[districts]
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    chrome, cells = visible(at)
    words = vocabulary(str(real_db))
    other = "en" if lang == "vi" else "vi"
    foreign = words[other] - words[lang]
    problems = []
    for text in chrome:
        plain = _strip_quotes(text)
        problems += [f"raw id {m!r} in {text[:80]!r}" for m in RAW_ID.findall(plain)]
        problems += [f"missing value in {text[:80]!r}" for m in MISSING.findall(plain) if m]
        problems += [f"long decimal in {text[:80]!r}" for _ in LONG_DECIMAL.findall(plain)]
        problems += [f"{other} word {w!r} in {text[:80]!r}" for w in sorted(_words(plain) & foreign)]
    for text in cells:
        if text.startswith(("http://", "https://")):
            continue
        if MISSING.fullmatch(text.strip()) or LONG_DECIMAL.search(text) or RAW_ID.fullmatch(text.strip()):
            problems.append(f"cell {text[:80]!r}")
    assert not problems, "\n".join(sorted(set(problems))[:40])
