"""Every export format × every page × both languages, made through the CLI on the real data as a user
would, then read back: headers in the user's language, numbers as numbers, sources and links present."""

import csv
import io
import re
import zipfile

import pytest
from openpyxl import load_workbook
from pptx import Presentation

from warddash import db
from warddash.__main__ import main
from warddash.fmt import COLUMNS
from warddash.views import PAGE_KEYS, Filters, build

pytestmark = pytest.mark.slow

PAGES = [p for p in PAGE_KEYS if p != "imports"]
RAW_ID = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)+$")  # a column or metric id, not a header
BASE = "https://dash.example.org"
ENGLISH_ONLY = {en for vi, en in COLUMNS.values() if en != vi}
VIETNAMESE_ONLY = {vi for vi, en in COLUMNS.values() if en != vi}


@pytest.fixture(scope="module")
def specs_of(real_db):
    con = db.connect(real_db)
    run = lambda name, **p: db.run_query(con, name, **p)  # noqa: E731
    yield lambda page, lang: build(page, run, Filters(lang=lang, districts=["008"] if page == "district" else []))
    con.close()


def _export(tmp_path, page, lang, fmt, *extra):
    out = tmp_path / (f"{page}-{lang}" + ("" if fmt == "csv" else f".{fmt}"))
    extra = (*extra, *(("--district", "008") if page == "district" else ()))  # a profile is of one district
    rc = main(
        ["export", "--page", page, "--lang", lang, "--format", fmt, "--out", str(out), "--base-url", BASE, *extra]
    )
    return rc, out


def _check_headers(headers, lang):
    wrong = ENGLISH_ONLY if lang == "vi" else VIETNAMESE_ONLY
    for h in headers:
        assert h and not RAW_ID.match(str(h)), f"raw header {h!r}"
        assert h not in wrong, f"{h!r} in the other language"
    assert len(set(headers)) == len(headers), "two columns under one header"


def _check_cells(rows):
    for row in rows:
        for cell in row:
            text = str(cell)
            assert text not in ("None", "nan", "NaN", "NaT", "<NA>"), row
            assert not re.fullmatch(r"-?\d+\.0", text), f"a whole count written with .0: {row}"
            assert not re.search(r"\d{1,3}(\.\d{3})+,\d", text) or not text[0].isdigit(), row  # no vi-format number


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_csv_export(use_real_db, specs_of, tmp_path, page, lang):
    rc, out = _export(tmp_path, page, lang, "csv")
    assert rc == 0
    files = sorted(out.glob("*.csv"))
    expected = {s.key for s in specs_of(page, lang)} or {"facts", "sources", "coverage"}
    assert expected <= {f.stem for f in files}
    for f in files:
        raw = f.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel reads the diacritics
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
        _check_headers(rows[0], lang)
        _check_cells(rows[1:])
        for name in ("Giá trị", "Value", "Dân số", "Population"):
            if name in rows[0]:
                j = rows[0].index(name)
                for row in rows[1:]:
                    if row[j]:
                        float(row[j])  # machine-readable: dot decimals, no grouping


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_xlsx_export(use_real_db, specs_of, tmp_path, page, lang):
    rc, out = _export(tmp_path, page, lang, "xlsx")
    assert rc == 0
    wb = load_workbook(out)
    specs = specs_of(page, lang)
    assert len(wb.sheetnames) == (len(specs) if specs else 6)
    for name in wb.sheetnames:
        assert not RAW_ID.match(name) and name not in {s.key for s in specs}, f"sheet named by a code: {name}"
        ws = wb[name]
        headers = [c.value for c in ws[1]]
        _check_headers(headers, lang)
        for label in ("Giá trị", "Value", "Dân số", "Population"):
            if label in headers:
                j = headers.index(label)
                for (cell,) in ws.iter_rows(min_row=2, min_col=j + 1, max_col=j + 1):
                    assert cell.value is None or isinstance(cell.value, (int, float)), cell.value
                    assert "#,##0" in cell.number_format or cell.value is None
        for label in ("Từ ngày", "From", "Ngày", "Date"):
            if label in headers:
                j = headers.index(label)
                for (cell,) in ws.iter_rows(min_row=2, min_col=j + 1, max_col=j + 1):
                    assert cell.value is None or hasattr(cell.value, "year"), cell.value  # a date, not text


NATIVE = {"overview": 2, "staffing": 2, "petitions": 3, "transition": 2}  # charts PowerPoint draws itself


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_pptx_export(use_real_db, specs_of, tmp_path, page, lang):
    rc, out = _export(tmp_path, page, lang, "pptx")
    specs = specs_of(page, lang)
    if not specs:
        assert rc == 2  # the Sources page holds tables only, and says so
        return
    assert rc == 0
    prs = Presentation(str(out))
    deck = list(prs.slides)
    headline = 1 if page == "overview" else 0
    assert len(deck) == 1 + headline + len(specs) + 1
    title = " ".join(s.text_frame.text for s in deck[0].shapes if s.has_text_frame)
    assert f"{BASE}/{page}" in title  # an absolute link to the view
    if headline:  # the headline figures, with their citations in the notes
        assert "[tccs-2022-urban-pilot]" in deck[1].notes_slide.notes_text_frame.text
    charts = 0
    definition = "Định nghĩa" if lang == "vi" else "Definition"
    for slide, spec in zip(deck[1 + headline : -1], specs, strict=True):
        texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        assert spec.title in texts
        charts += sum(1 for s in slide.shapes if s.has_chart)
        assert any(s.has_chart or s.shape_type == 13 for s in slide.shapes)  # a chart or its picture
        notes = slide.notes_slide.notes_text_frame.text
        assert definition in notes and all(f"[{sid}]" in notes for sid in set(spec.source_ids))
    if page in NATIVE:
        assert charts >= NATIVE[page]
    every = "\n".join(s.text_frame.text for slide in deck for s in slide.shapes if s.has_text_frame) + "\n".join(
        slide.notes_slide.notes_text_frame.text for slide in deck
    )
    assert "/work/" not in every and "shared/" not in every and "data/" not in every  # no internal paths
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", " ".join(t for t in every.split() if "://" not in t and "[" not in t))


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("page", ["overview", "sources", "transition"])
def test_zip_export(use_real_db, specs_of, tmp_path, page, lang):
    rc, out = _export(tmp_path, page, lang, "zip")
    assert rc == 0
    z = zipfile.ZipFile(out)
    names = set(z.namelist())
    readme = z.read("README.md").decode("utf-8")
    assert f"{BASE}/{page}" in readme
    for spec in specs_of(page, lang):
        assert {f"data/{spec.key}.csv", f"images/{spec.key}.png", f"images/{spec.key}.svg"} <= names
        assert spec.title in readme
    assert f"data/{page}.xlsx" in names
