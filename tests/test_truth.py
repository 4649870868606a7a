"""The truth rules on the real data/: period from dates, exact scope, kind, excerpts that show their figure,
comparisons of one series/kind/scope only, and no figure typed into code or the text catalogue."""

import ast
import csv
import datetime as dt
import re
import unicodedata
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SHARED
from warddash import BUILD_DIR, DATA_DIR, ROOT, db, fmt, views

FACTS = list(csv.DictReader(open(DATA_DIR / "facts.csv", encoding="utf-8")))
PERIODS = list(csv.DictReader(open(DATA_DIR / "periods.csv", encoding="utf-8")))


# ---- rule 1: the period comes from the dates, by one rule, in SQL ------------------------------------


def _macro_connection() -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with the periods table and the period_of macro exactly as the build has them."""
    con = duckdb.connect()
    schema = (BUILD_DIR / "00_schema.sql").read_text(encoding="utf-8")
    stmts = db._statements(schema)
    con.execute(next(s for s in stmts if s.startswith("create table periods")))
    con.execute(next(s for s in stmts if s.startswith("create macro period_of")))
    con.execute(
        "insert into periods select * from read_csv(?, header = true, auto_detect = false, columns = {"
        "'period_id': 'varchar', 'sort_order': 'integer', 'name_vi': 'varchar', 'name_en': 'varchar', "
        "'starts_on': 'date', 'ends_on': 'date', 'colour': 'varchar', 'description_en': 'varchar'})",
        [str(DATA_DIR / "periods.csv")],
    )
    return con


def _bounds() -> list[tuple[str, dt.date, dt.date]]:
    return [
        (
            p["period_id"],
            dt.date.fromisoformat(p["starts_on"]) if p["starts_on"] else dt.date.min,
            dt.date.fromisoformat(p["ends_on"]) if p["ends_on"] else dt.date.max,
        )
        for p in PERIODS
    ]


CON = _macro_connection()
DATES = st.one_of(st.none(), st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2027, 12, 31)))


@settings(max_examples=400, deadline=None)
@given(
    start=DATES,
    end=DATES,
    kind=st.sampled_from(["reported", "norm", "plan", "census"]),
    scope=st.sampled_from(["city", "ward", "peer", "national"]),
    stated=st.one_of(st.none(), st.sampled_from(["before_pilot", "pilot", "two_tier"])),
)
def test_period_rule_property(start, end, kind, scope, stated):
    if start and end and start > end:
        start, end = end, start
    period, basis = CON.execute(
        "select p.period_id, p.period_basis from (select period_of(?, ?, ?, ?, ?) as p)",
        [start, end, kind, scope, stated],
    ).fetchone()
    if scope == "peer":
        assert (period, basis) == (None, "outside")
        return
    if start is None and end is None:
        assert (period, basis) == ((stated, "stated") if stated else (None, "undated"))
        return
    lo = start or dt.date.min  # an end alone: the start is unknown
    hi = end or (dt.date.max if kind == "norm" else start)  # a norm with no end is still in force
    containing = [p for p, a, b in _bounds() if a <= lo and hi <= b]
    if containing:
        assert (period, basis) == (containing[0], "dates")
    else:
        assert (period, basis) == (None, "spanning")  # spans two periods: kept, never compared


def test_every_fact_period_matches_its_dates(real):
    got = real.execute("select fact_id, period_id, period_basis, as_of_start, as_of_end from facts").df()
    for r in got.itertuples():
        if r.period_id is not None and r.period_basis == "dates":
            p = next(b for b in _bounds() if b[0] == r.period_id)
            lo = r.as_of_start.date() if pd.notna(r.as_of_start) else dt.date.min
            hi = r.as_of_end.date() if pd.notna(r.as_of_end) else lo
            assert p[1] <= lo and hi <= p[2], r.fact_id


def test_no_period_is_typed_into_facts_csv():
    assert "period_id" not in FACTS[0]
    stated = [r for r in FACTS if r["period_stated"]]
    assert all(not r["as_of_start"] and not r["as_of_end"] for r in stated)  # the build refuses it too


def test_april_to_june_2025_figures_are_not_two_tier(real):
    n = real.execute(
        "select count(*) from facts where period_id = 'two_tier' and coalesce(as_of_start, as_of_end) < date '2025-07-01'"
    ).fetchone()[0]
    assert n == 0
    assert real.execute("select period_id from facts where fact_id = 'R110'").fetchone()[0] == "pilot"  # 12-6-2025


def test_undated_figures_stay_in_the_coverage(real):
    cov = db.run_query(real, "coverage")
    facts = real.execute("select count(*) from facts where scope_level <> 'peer'").fetchone()[0]
    assert cov.facts.sum() == facts  # nothing dropped
    assert {"undated", "spanning"} <= set(cov.period_or_basis)
    assert "citywide_petitions_received" in set(cov.metric_id)


# ---- rule 2: scope says exactly what a figure covers ---------------------------------------------------


def test_national_norms_are_national_and_never_compared(real):
    national = [r for r in FACTS if r["scope_level"] == "national"]
    assert national and all(r["scope_code"] == "VN" for r in national)
    for fid in ("R002", "R006", "R016", "R017", "R018"):  # 7,000; 21,000 other provinces; 32/70/50 framework
        assert next(r for r in FACTS if r["fact_id"] == fid)["scope_level"] == "national"
    compared = real.execute(
        "select count(*) from period_comparison c join facts f on f.fact_id in (c.ref_a, c.ref_b) "
        "where f.scope_level = 'national'"
    ).fetchone()[0]
    assert compared == 0
    assert not any(r["scope_level"] == "city" and "toàn quốc" in r["scope_name"] for r in FACTS)


def test_article_scopes_are_what_the_article_says():
    by_id = {r["fact_id"]: r for r in FACTS}
    assert "quận lớn" in by_id["F028"]["scope_name"]  # 41 wards over 30,000: of the large districts only
    assert "166" in by_id["F027"]["scope_name"]  # the 15,000 standard: the 166 wards of the 12 quận


# ---- rule 3: kind, carried everywhere ------------------------------------------------------------------

PLAN_WORDS = re.compile(r"dự kiến|dự thảo|đề xuất|phương án|\bsẽ\b|\bwill\b|\bexpected\b|\bdraft\b|\bproposed?\b", re.I)


def test_kinds_are_the_guide_s_list_and_plans_are_plans(real):
    kinds = {k for (k,) in real.execute("select fact_kind from fact_kinds").fetchall()}
    assert kinds == {"reported", "norm", "plan", "estimate", "census", "derived"}
    for r in FACTS:
        assert r["fact_kind"] != "derived"  # derived figures are computed in SQL, never typed
        if PLAN_WORDS.search(r["excerpt"]) and r["fact_kind"] == "reported":
            assert r["note"].startswith("reported:"), r["fact_id"]  # says why a planning sentence is a count


def test_unverified_figures_are_flagged():
    assert {r["verified"] for r in FACTS} == {"true", "false"}
    unverified = [r for r in FACTS if r["verified"] == "false"]
    assert all(r["fact_id"][0] in "RS" for r in unverified)  # the commissioning texts are checked below


# ---- rule 5: every excerpt shows its figure and, for a district or ward, the unit's name ---------------

WORDS = {
    1: ["một", "one", "nhất", "first"],
    2: ["hai", "two", "second", "nhì"],
    3: ["ba", "three", "third"],
    4: ["bốn", "four"],
    5: ["năm", "five"],
    8: ["tám", "eight"],
    9: ["chín", "nine", "ninth"],
    10: ["mười", "ten"],
}
MULTIPLIERS = {"vạn": 1e4, "nghìn": 1e3, "ngàn": 1e3, "thousand": 1e3, "triệu": 1e6, "million": 1e6, "tỷ": 1e9}


def _numbers(text: str) -> list[float]:
    """Every number the text writes, read in both the Vietnamese and the English convention."""
    out = []
    for tok in re.findall(r"\d[\d.,\u00a0 ]*\d|\d", text):
        tok = tok.replace(" ", "").replace("\u00a0", "")
        for grouping, decimal in ((".", ","), (",", ".")):
            if re.fullmatch(rf"\d{{1,3}}(\{grouping}\d{{3}})+(\{decimal}\d+)?", tok):
                out.append(float(tok.replace(grouping, "").replace(decimal, ".")))
        if re.fullmatch(r"\d+([.,]\d+)?", tok):
            out.append(float(tok.replace(",", ".")))
    for base, word in re.findall(r"(\d+(?:[.,]\d+)?)\s*(" + "|".join(MULTIPLIERS) + ")", text):
        out.append(float(base.replace(",", ".")) * MULTIPLIERS[word])
    return out


def shows(excerpt: str, value: float) -> bool:
    text = unicodedata.normalize("NFC", excerpt).lower()
    if value < 0 and re.search(r"giảm|fell|down|decrease", text):
        value = -value
    if any(abs(n - value) <= 1e-9 * max(1, abs(value)) for n in _numbers(text)):
        return True
    return value == int(value) and any(re.search(rf"\b{w}\b", text) for w in WORDS.get(int(value), []))


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFD", s.lower().replace("đ", "d").replace("–", "-"))
    return "".join(c for c in s if unicodedata.category(c) != "Mn")


def test_shows_reads_both_conventions_and_words():
    assert shows("đã tiếp 15.376 lượt", 15376) and shows("15,376 visits", 15376)
    assert shows("chiếm 96,2%", 96.2) and shows("0,859 km2", 0.859) and shows("with 7.169", 7.169)
    assert shows("số dân là 8 vạn", 80000) and shows("Tây Hồ from eight to two", 8)
    assert shows("giảm 20% so với", -20)
    assert not shows("phường thuộc quận từ 15.000 người", 5000)


def test_every_excerpt_shows_its_figure_and_its_unit():
    for r in FACTS:
        if r["locator"] == "fixture":
            continue
        assert shows(r["excerpt"], float(r["value"])), (r["fact_id"], r["value"], r["excerpt"])
        if r["scope_level"] in ("district", "ward") and "named in the" not in r["locator"]:
            name = re.sub(r"^(phường|quận|huyện|thị xã|xã) ", "", r["scope_name"], flags=re.I).split(" (")[0]
            name = name.split(" – ")[0]
            assert _fold(name) in _fold(r["excerpt"]), (r["fact_id"], name, r["excerpt"])


@pytest.mark.skipif(not (SHARED / "data").exists(), reason="shared/data is not beside the checkout")
def test_research_excerpts_are_verbatim_from_their_quote():
    quotes = {}
    for i, r in enumerate(csv.DictReader(open(SHARED / "data" / "research_facts.csv", encoding="utf-8"))):
        quotes[f"R{i:03d}"] = r["quote_vi"]
    for r in csv.DictReader(open(SHARED / "data" / "research_facts_2026.csv", encoding="utf-8")):
        quotes[f"S{int(r['row']):03d}"] = r["quote"]
    squash = lambda s: " ".join(re.sub(r"^\[(EN|DE|JA|AR)\] ", "", s).split())  # noqa: E731
    for r in FACTS:
        key = r["fact_id"].rstrip("ab")
        if key in quotes:
            for part in squash(r["excerpt"]).split("…"):
                assert squash(part).strip() in squash(quotes[key]), r["fact_id"]


# ---- comparisons and charts ---------------------------------------------------------------------------


def _run(con):
    return lambda name, **kw: db.run_query(con, name, **kw)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_trace_mixes_kinds_unmarked(real, lang):
    run = _run(real)
    kind_keys = {k for (k,) in real.execute("select fact_kind from fact_kinds").fetchall()}
    for page in views.PAGE_KEYS:
        for spec in views.build(page, run, views.Filters(lang=lang), geojson="x.geojson"):
            for trace in spec.fig.data:
                kinds = list(trace.customdata) if trace.customdata is not None else []
                kinds = [k for k in kinds if isinstance(k, str) and k in kind_keys]
                if len(set(kinds)) > 1:
                    colours = trace.marker.color
                    assert isinstance(colours, (list, tuple)), (page, spec.key)
                    pairs = set(zip(kinds, colours, strict=False))
                    assert len(pairs) == len(set(kinds)) == len(set(colours)), (page, spec.key)


def test_slopes_join_only_comparable_periods(real):
    spec = next(s for s in views.build("overview", _run(real), views.Filters()) if s.key == "slopes")
    lines = [t for t in spec.fig.data if t.mode == "lines"]
    assert len(lines) == 4  # receptions, petitions received, resolved, the stated rate: before -> pilot
    staff = spec.data[spec.data.metric_id.str.startswith("civil_servants")]
    assert set(staff.fact_kind) == {"derived"} and not staff.linked.any()  # the quota (a norm) is not a headline


# ---- rule 7: no figure typed into Python or the text catalogue ---------------------------------------

LEGAL_REF = re.compile(r"\d+/\d{4}(/[A-ZĐ0-9-]+)?|\d+/[A-ZĐ]+-[A-Za-zĐ0-9]+")
NAME_YEAR = re.compile(r"\b(19|20)\d{2}\b")  # a year inside a name ("Tổng điều tra 2019", "Đề án 2025")
# names, not figures: "chính quyền địa phương 2 cấp" (the period's name, as periods.csv has it), zero
# ("never drawn as 0"), the UTF-8 encoding, a percentage's "× 100" in a formula
NAMES = re.compile(r"\b2 cấp\b|\b0\b|UTF-8|× 100\b|CC BY \d\.\d|ODbL \d\.\d")  # licences by version
# category codes, not figures: the reliability ranks 1-4 the Sources page explains
CODES = {"sources_intro"}


def test_text_catalogue_holds_no_figures():
    bad = []
    for key, langs in fmt.TEXT.items():
        for lang, text in langs.items():
            rest = NAMES.sub("", NAME_YEAR.sub("", LEGAL_REF.sub("", re.sub(r"\{[a-z_0-9]+\}", "", text))))
            if re.search(r"\d", rest) and key not in CODES:
                bad.append((key, lang, text))
    assert bad == []


def test_python_holds_no_figure_from_the_data(real):
    figures = {float(v) for (v,) in real.execute("select min_value from standards").fetchall()}
    figures |= {
        float(v)
        for (v,) in real.execute(
            "select value from facts join metrics using (metric_id) "
            "where qualifier = '' and (value > 1000 or (topic = 'organisation' and scale = 'count' and value >= 50))"
        ).fetchall()
    }
    files = [*(ROOT / "warddash").glob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "dashboard.py"]
    skip = {"synthetic.py", "bench.py", "loadtest.py", "serve.py"}  # synthetic data and benchmarks
    # configuration that happens to equal a figure, named for what it is
    allowed = {("importer.py", "MAX_ROWS")}
    bad = []
    for path in files:
        if path.name in skip:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        exempt = {
            id(c)
            for node in ast.walk(tree)
            if isinstance(node, ast.Assign)
            and any(isinstance(x, ast.Name) and (path.name, x.id) in allowed for x in node.targets)
            for c in ast.walk(node)
        }
        for node in ast.walk(tree):
            if id(node) in exempt:
                continue
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, (int, float))
                and not isinstance(node.value, bool)
            ):
                if float(node.value) in figures:
                    bad.append((path.name, node.lineno, node.value))
    assert bad == []


def test_no_sql_divides_by_a_typed_count():
    for path in [*BUILD_DIR.glob("*.sql"), *Path(ROOT / "queries").glob("*.sql")]:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"/\s*(175|126|13)\b", text), path.name
        assert "'269'" not in text, path.name
