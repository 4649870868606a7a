"""The importer: every bad file is refused with its problems listed and nothing changes."""

import csv
import hashlib
import io
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from warddash import db, importer
from warddash.__main__ import main
from warddash.importer import COLUMNS, EXAMPLE, ImportRejected, Store


@pytest.fixture
def store(tmp_path, fixture_db):
    """A private database built from the fixtures, with its own imports folder."""
    path = tmp_path / "db.duckdb"
    path.write_bytes(fixture_db.read_bytes())
    from tests.conftest import FIXTURES

    return Store(data_dir=FIXTURES, db_path=path, imports_dir=tmp_path / "imports")


def digest(p):
    return hashlib.sha256(p.read_bytes()).hexdigest()


def rows_csv(rows, header=COLUMNS, encoding="utf-8", delimiter=","):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow([r.get(c, "") for c in header] if isinstance(r, dict) else r)
    return buf.getvalue().encode(encoding)


def staff(code="00337", value="20", **kw):
    row = {
        **EXAMPLE,
        "unit_code": code,
        "unit_name": "",
        "metric_id": "ward_civil_servants_count",
        "value": value,
        "as_of_start": "2022-06-30",
        "as_of_end": "2022-06-30",
        "source_title": "Báo cáo biên chế phường 2022",
        "source_date": "2022-07-15",
        "supplied_by": "UBND quận Hoàng Mai",
        "note": "",
    }
    row.update(kw)
    return row


def xlsx(rows, sheet="du_lieu", merge=None):
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(COLUMNS)
    for r in rows:
        ws.append([r.get(c, "") for c in COLUMNS])
    if merge:
        ws.merge_cells(merge)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_template_imports_cleanly_in_both_formats(store):
    for fmt in ("csv", "xlsx"):
        summary = importer.import_file(importer.template(fmt), f"t.{fmt}", store, dry_run=True)
        assert summary["rows"] == 1
    wb = load_workbook(io.BytesIO(importer.template("xlsx")))
    assert wb.sheetnames == ["du_lieu", "huong_dan"]
    assert wb["du_lieu"]["B2"].value == "00070"  # a real 2021 pilot ward (Hàng Trống), a sourced figure


def test_valid_file_lands_whole_is_listed_survives_a_rebuild_and_can_be_removed(store):
    content = rows_csv([staff("00337", "20"), staff("00316", "18"), staff("00328", "12")])
    summary = importer.import_file(content, "hoang_mai.csv", store)
    con = db.connect(store.db_path)
    got = con.execute(
        "select unit_code, value, population_per_staff, source_title from imported_ward_figures order by unit_code"
    ).fetchall()
    con.close()
    assert [(g[0], g[1]) for g in got] == [("00316", 18), ("00328", 12), ("00337", 20)]
    assert got[2][2] == round(78845 / 20) and got[0][3] == "Báo cáo biên chế phường 2022"
    assert list(importer.list_imports(store).import_id) == [summary["import_id"]]
    db.build(store.db_path, store.data_dir, store.imports_dir)  # a plain rebuild keeps it
    assert db.connect(store.db_path).execute("select count(*) from imported_facts").fetchone()[0] == 3
    importer.remove_import(summary["import_id"], store)
    assert db.connect(store.db_path).execute("select count(*) from imported_facts").fetchone()[0] == 0
    assert importer.list_imports(store).empty
    with pytest.raises(KeyError):
        importer.remove_import("imp-nope", store)


BAD = {
    "empty file": (b"", "empty"),
    "only whitespace": (b"  \n\n", "empty"),
    "header only": (rows_csv([]), "no_rows"),
    "latin-1 encoding": ("snapshot_id,unit_code\nHoàng".encode("latin-1"), "encoding"),
    "binary junk": (bytes(range(256)) * 4, "encoding"),
    "missing columns": (b"snapshot_id,unit_code\n2021-07,00337\n", "missing_columns"),
    "unknown column": (rows_csv([list(staff().values()) + ["x"]], header=COLUMNS + ["formula"]), "unknown_columns"),
    "unknown unit code": (rows_csv([staff("99999")]), "unit"),
    "unit of another snapshot": (rows_csv([staff("09577", snapshot_id="2025-07", period_id="two_tier")]), "unit"),
    "unknown snapshot": (rows_csv([staff(snapshot_id="2019-01")]), "snapshot"),
    "unknown metric": (rows_csv([staff(metric_id="happiness")]), "metric"),
    "unknown period": (rows_csv([staff(period_id="middle_ages")]), "period"),
    "non-numeric value": (rows_csv([staff(value="hai mươi")]), "number"),
    "negative value": (rows_csv([staff(value="-5")]), "negative"),
    "rate over 100": (rows_csv([staff(metric_id="ward_resolution_rate_pct", value="101")]), "rate"),
    "duplicate rows": (rows_csv([staff(), staff()]), "duplicate"),
    "conflicting values": (rows_csv([staff(value="20"), staff(value="21")]), "conflict"),
    "missing source": (rows_csv([staff(source_title="")]), "required"),
    "missing supplier": (rows_csv([staff(supplied_by="")]), "required"),
    "bad date": (rows_csv([staff(as_of_start="31/02/2022")]), "date"),
    "compact date Python reads and the build does not": (rows_csv([staff(as_of_start="20220630")]), "date"),
    "ISO week date": (rows_csv([staff(as_of_start="2022-W26-4")]), "date"),
    "date outside its period": (rows_csv([staff(as_of_start="2019-01-01")]), "date_period"),
    "date in the future": (rows_csv([staff(as_of_end="2099-12-31")]), "date_future"),
    "2021 ward in the two-tier period": (rows_csv([staff(period_id="two_tier")]), "snapshot_period"),
    "name contradicting the code": (rows_csv([staff(unit_name="Đại Kim")]), "unit_name"),
    "value column twice": (
        rows_csv([list(staff().values()) + ["21"]], header=COLUMNS + ["value"]),
        "duplicate_columns",
    ),
    "fractional count": (rows_csv([staff(value="20.5")]), "not_whole"),
    "absurd count": (rows_csv([staff(value="1e308")]), "number"),
    "dates out of order": (rows_csv([staff(as_of_start="2022-07-01", as_of_end="2022-06-30")]), "date_order"),
    "two sources in one file": (rows_csv([staff(), staff("00316", source_title="Khác")]), "one_source"),
    "xlsx wrong sheet": (xlsx([staff()], sheet="Sheet1"), "wrong_sheet"),
    "xlsx merged header": (xlsx([staff()], merge="A1:B1"), "merged_header"),
    "corrupt xlsx": (b"PK\x03\x04" + b"\x00" * 100, "not_xlsx"),
    "formula injection stays text and still fails": (rows_csv([staff(value="=1+1")]), "number"),
    # an unclosed quote in a note would swallow the rows after it: refused, never "valid"
    "unclosed quote swallowing rows": (
        rows_csv([staff(note="NOTE1"), staff("00316"), staff("00328")]).replace(b"NOTE1", b'"unclosed'),
        "csv_format",
    ),
    "line break inside a cell": (rows_csv([staff(note="hai\ndòng"), staff("00316")]), "line_break_in_cell"),
    "a cell over the csv module's limit": (rows_csv([staff(note="x" * 140_000)]), "csv_format"),
}


@pytest.mark.parametrize("name", list(BAD), ids=list(BAD))
def test_bad_file_is_refused_with_its_problem_and_nothing_changes(store, name):
    content, code = BAD[name]
    before = digest(store.db_path)
    with pytest.raises(ImportRejected) as err:
        importer.import_file(content, "bad.xlsx" if content.startswith(b"PK") else "bad.csv", store)
    codes = [p.code for p in err.value.problems]
    assert code in codes, (name, err.value.report("en"))
    assert err.value.report("vi") and err.value.report("en")
    assert digest(store.db_path) == before
    assert not list(store.imports_dir.glob("imp-*.csv"))


def test_every_problem_reported_at_once_by_row_and_column(store):
    content = rows_csv([staff("99999", value="-1"), staff(metric_id="nope", value="x")])
    with pytest.raises(ImportRejected) as err:
        importer.import_file(content, "bad.csv", store)
    report = err.value.report("vi")
    assert "dòng 2, cột unit_code" in report and "dòng 2, cột value: Giá trị âm." in report
    assert "dòng 3, cột metric_id" in report and "dòng 3, cột value" in report


def test_size_and_row_limits(store, monkeypatch):
    monkeypatch.setattr(importer, "MAX_ROWS", 2)
    with pytest.raises(ImportRejected) as err:
        importer.import_file(rows_csv([staff(c) for c in ("00337", "00316", "00328")]), "x.csv", store)
    assert err.value.problems[0].code == "too_many_rows"
    monkeypatch.setattr(importer, "MAX_BYTES", 100)
    with pytest.raises(ImportRejected) as err:
        importer.import_file(rows_csv([staff()]), "x.csv", store)
    assert err.value.problems[0].code == "too_big"


def test_csv_macintosh_line_endings_read_like_any_other(store):
    content = rows_csv([staff("00337", "20"), staff("00316", "18")])
    summary = importer.import_file(
        content.replace(b"\r\n", b"\r").replace(b"\n", b"\r"), "mac.csv", store, dry_run=True
    )
    assert summary["rows"] == 2


@pytest.mark.parametrize("encoding,delimiter", [("utf-8", ","), ("utf-8-sig", ","), ("utf-16", "\t"), ("utf-16", ",")])
def test_accepted_encodings(store, encoding, delimiter):
    content = rows_csv([staff()], encoding=encoding, delimiter=delimiter)
    assert importer.import_file(content, "x.csv", store, dry_run=True)["rows"] == 1


def test_same_rows_twice_are_refused(store):
    content = rows_csv([staff()])
    importer.import_file(content, "a.csv", store)
    before = digest(store.db_path)
    with pytest.raises(ImportRejected) as err:
        importer.import_file(content, "a.csv", store)
    assert {"already", "same_file"} <= {p.code for p in err.value.problems}
    assert digest(store.db_path) == before


def test_failed_rebuild_restores_files_and_database(store, monkeypatch):
    before = digest(store.db_path)

    def broken(*a, **k):
        raise db.BuildError("disk full")

    monkeypatch.setattr(db, "build", broken)
    with pytest.raises(db.BuildError):
        importer.import_file(rows_csv([staff()]), "x.csv", store)
    assert digest(store.db_path) == before
    assert not list(store.imports_dir.glob("imp-*.csv")) and not (store.imports_dir / "imports.csv").exists()


VALID = rows_csv([staff("00337", "20"), staff("00316", "18")])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, len(VALID) - 1), st.binary(min_size=0, max_size=3)), min_size=1, max_size=4))
def test_random_mutations_never_corrupt_the_database(store, edits):
    content = bytearray(VALID)
    for pos, new in edits:
        content[pos : pos + 1] = new
    before = digest(store.db_path)
    try:
        importer.import_file(bytes(content), "m.csv", store)
    except ImportRejected:
        assert digest(store.db_path) == before
        return
    # it landed whole: the database opens and holds every row the manifest lists, then we clean up
    con = db.connect(store.db_path)
    n = con.execute("select count(*) from imported_facts").fetchone()[0]
    con.close()
    assert n == sum(int(r) for r in importer.list_imports(store).rows) >= 1
    for imp in importer.list_imports(store).import_id:
        importer.remove_import(imp, store)


def test_cli_template_import_list_remove(store, monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("WARDDASH_DB", str(store.db_path))
    monkeypatch.setenv("WARDDASH_IMPORTS", str(store.imports_dir))
    monkeypatch.setenv("WARDDASH_DATA", str(store.data_dir))
    tpl = tmp_path / "tpl.csv"
    assert main(["template", "--format", "csv", "--out", str(tpl)]) == 0
    assert main(["import", str(tpl), "--dry-run"]) == 0
    assert "would import 1 row(s)" in capsys.readouterr().out
    bad = tmp_path / "bad.csv"
    bad.write_bytes(rows_csv([staff("99999")]))
    assert main(["import", str(bad), "--lang", "en"]) == 1
    assert "row 2, column unit_code" in capsys.readouterr().err
    assert main(["import", str(tmp_path / "missing.csv")]) == 2
    assert main(["import", str(tpl)]) == 0
    imp = importer.list_imports(store).import_id.iloc[0]
    assert main(["imports", "list"]) == 0 and imp in capsys.readouterr().out
    assert main(["imports", "remove", imp]) == 0
    assert main(["imports", "remove", imp]) == 1
    assert main(["imports", "remove"]) == 2


# ---------------------------------------------------------------- numbers read as their author meant them

NUMBERS = [  # (text, whole count?, value or problem code)
    ("15.376", True, 15376),  # the dashboard's own Vietnamese format, for a count
    ("20,000", True, 20000),
    ("15 376", True, 15376),
    ("1.234.567", True, 1234567),
    ("1,234,567", True, 1234567),
    ("96,2", False, 96.2),
    ("96.2", False, 96.2),
    ("1.234,5", False, 1234.5),
    ("1,234.5", False, 1234.5),
    ("0.962", False, 0.962),
    ("15.376", False, "ambiguous_number"),  # a rate or ratio: 15 376 or 15,376? refused, both readings shown
    ("20,000", False, "ambiguous_number"),
    ("20.5", True, "not_whole"),
    ("1e308", False, "number"),
    ("99999999999", True, "too_large"),
    ("1.2.3", False, "number"),
    ("12.34.567", True, "number"),
    ("1.234,5,6", False, "number"),
]


@pytest.mark.parametrize(("text", "whole", "expected"), NUMBERS, ids=[f"{t}-{w}" for t, w, _ in NUMBERS])
def test_numbers_are_read_by_rule_or_refused_with_the_reason(text, whole, expected):
    value, code, args = importer.parse_number(text, whole)
    if isinstance(expected, str):
        assert value is None and code == expected
        message = importer.Problem(2, "value", code, args).message("vi")
        assert text in message
    else:
        assert code is None and value == pytest.approx(expected)


def test_an_ambiguous_value_names_both_readings_in_each_language():
    _, code, args = importer.parse_number("15.376", False)
    problem = importer.Problem(2, "value", code, args)
    assert "15376" in problem.message("vi") and "15,376" in problem.message("vi")  # decimal comma in Vietnamese
    assert "15376" in problem.message("en") and "15.376" in problem.message("en")


@given(st.integers(min_value=0, max_value=999_999_999), st.sampled_from([".", ",", " ", ""]))
@settings(max_examples=300, deadline=None)
def test_a_count_written_with_any_grouping_reads_as_itself(n, sep):
    text = f"{n:,}".replace(",", sep)
    value, code, _ = importer.parse_number(text, True)
    assert code is None and value == n


@given(st.integers(min_value=0, max_value=9_999_999), st.integers(min_value=1, max_value=99), st.booleans())
@settings(max_examples=300, deadline=None)
def test_a_decimal_in_either_language_reads_as_itself_or_is_refused(whole, cents, vietnamese):
    text = f"{whole:,}.{cents:02d}"
    if vietnamese:
        text = text.translate(str.maketrans({",": ".", ".": ","}))
    value, code, _ = importer.parse_number(text, False)
    assert code is None and value == pytest.approx(whole + cents / 100)


def test_xlsx_percentage_cells_and_numbers_are_taken_as_the_sheet_holds_them(store):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "du_lieu"
    ws.append(COLUMNS)
    rate = staff("00337", metric_id="ward_resolution_rate_pct")
    rate_row = [rate.get(c, "") for c in COLUMNS]
    rate_row[COLUMNS.index("value")] = 0.962
    ws.append(rate_row)
    ws.cell(row=2, column=COLUMNS.index("value") + 1).number_format = "0.0%"
    count_row = [staff("00316").get(c, "") for c in COLUMNS]
    count_row[COLUMNS.index("value")] = 18
    ws.append(count_row)
    buf = io.BytesIO()
    wb.save(buf)
    rows, problems = importer.validate(buf.getvalue(), "x.xlsx", db.connect(store.db_path))
    assert problems == [], [p.message("en") for p in problems]
    values = {r["unit_code"]: r["value"] for r in rows}
    assert values["00337"] == pytest.approx(96.2) and values["00316"] == 18


def test_a_full_disk_leaves_nothing_half_landed_and_the_next_import_works(store, monkeypatch):
    import errno

    real_write = importer._write_atomic
    before = digest(store.db_path)

    def full_disk(path, text):
        if path.name == "imports.csv":  # the data file is written, then the ledger finds the disk full
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(path, text)

    monkeypatch.setattr(importer, "_write_atomic", full_disk)
    with pytest.raises(importer.ImportFailed) as err:
        importer.import_file(rows_csv([staff()]), "x.csv", store)
    assert "No space left" in err.value.message("en") and "dung lượng" in err.value.message("vi")
    assert not list(store.imports_dir.glob("imp-*.csv")) and digest(store.db_path) == before
    monkeypatch.setattr(importer, "_write_atomic", real_write)
    assert importer.import_file(rows_csv([staff()]), "x.csv", store)["rows"] == 1


def test_a_data_file_without_its_ledger_entry_breaks_no_build_and_is_cleaned(store):
    store.imports_dir.mkdir(parents=True, exist_ok=True)
    orphan = store.imports_dir / "imp-20990101000000-deadbeef.csv"
    # what an import cut short leaves: a whole data file (written atomically), no ledger entry
    row = [
        "imp-20990101000000-deadbeef",
        "2",
        "2021-07",
        "00337",
        "pilot",
        "civil_servants_per_ward",
        "20.0",
        "",
        "",
        "",
    ]
    orphan.write_text(",".join(importer.STORED) + "\n" + ",".join(row) + "\n")
    (store.imports_dir / "imports.csv").write_text(",".join(importer.MANIFEST) + "\n")
    db.build(store.db_path, store.data_dir, store.imports_dir)  # the orphan is not part of the data
    importer.import_file(rows_csv([staff()]), "x.csv", store)
    assert not orphan.exists()


def test_an_xlsx_whose_extent_reaches_the_last_row_is_read_in_a_blink(store):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "du_lieu"
    ws.append(COLUMNS)
    ws.append([staff().get(c, "") for c in COLUMNS])
    ws.cell(row=1_048_576, column=12).number_format = "0.0"  # a styled empty cell at the sheet's very end
    buf = io.BytesIO()
    wb.save(buf)
    assert len(buf.getvalue()) < 10_000
    header, rows, problems = importer._read_xlsx(buf.getvalue())  # bounded by the cells that hold values
    assert problems == [] and len(rows) == 1 and header == COLUMNS


def test_an_xlsx_that_unpacks_to_too_much_is_refused_before_parsing(store, monkeypatch):
    monkeypatch.setattr(importer, "MAX_UNPACKED", 1_000)
    with pytest.raises(ImportRejected) as err:
        importer.import_file(xlsx([staff()]), "x.xlsx", store)
    assert err.value.problems[0].code == "too_big"


def test_a_removal_can_be_undone_until_the_next_import(store):
    first = importer.import_file(rows_csv([staff("00337", "20")]), "a.csv", store)
    importer.remove_import(first["import_id"], store)
    assert importer.removed_imports(store) == [first["import_id"]]
    importer.restore_import(first["import_id"], store)  # back as it was, in the database too
    assert list(importer.list_imports(store).import_id) == [first["import_id"]]
    assert db.connect(store.db_path).execute("select count(*) from imported_facts").fetchone()[0] == 1
    assert importer.removed_imports(store) == []
    importer.remove_import(first["import_id"], store)
    importer.import_file(rows_csv([staff("00316", "18")]), "b.csv", store)  # a new import ends the undo
    assert importer.removed_imports(store) == []
    with pytest.raises(KeyError):
        importer.restore_import(first["import_id"], store)


@pytest.fixture(scope="module")
def fixture_con(fixture_db):
    con = db.connect(fixture_db)
    yield con
    con.close()


@given(
    n=st.integers(min_value=0, max_value=99_999_999),
    grouping=st.sampled_from([".", ",", " ", "\u00a0", ""]),
    day=st.dates(min_value=__import__("datetime").date(2021, 7, 1), max_value=__import__("datetime").date(2025, 6, 30)),
    dmy=st.booleans(),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
    delimiter=st.sampled_from([",", ";", "\t"]),
)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_whole_file_is_read_as_its_author_meant_or_refused(fixture_con, n, grouping, day, dmy, encoding, delimiter):
    """Files as districts send them — any grouping of a count, ISO or day/month/year dates, UTF-8 with or
    without BOM or UTF-16, comma, semicolon or tab — are read exactly as meant, or refused; never misread."""
    written = f"{n:,}".replace(",", grouping)
    when = f"{day.day}/{day.month}/{day.year}" if dmy else day.isoformat()
    row = staff("00337", written, as_of_start=when, as_of_end=when, metric_id="dialogue_opinions_raised")  # a count
    content = rows_csv([row], encoding=encoding, delimiter=delimiter)
    rows, problems = importer.validate(content, "f.csv", fixture_con)
    # a count in any of these notations has one reading: it is read, and read right
    assert problems == [], [p.message("en") for p in problems]
    assert rows[0]["value"] == n and rows[0]["as_of_start"] == day.isoformat()


def _sheet(mutate):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "du_lieu"
    ws.append(COLUMNS)
    for code in ("00337", "00316", "00328"):
        ws.append([staff(code).get(c, "") for c in COLUMNS])
    mutate(wb, ws)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("mutate", "code"),
    [
        (lambda wb, ws: ws.merge_cells("G2:G4"), "merged_cells"),  # dates merged down: rows 3-4 would lose them
        (lambda wb, ws: setattr(ws, "sheet_state", "hidden") or wb.create_sheet("visible"), "hidden_sheet"),
        (lambda wb, ws: setattr(ws.column_dimensions["L"], "hidden", True), "hidden_columns"),
        (lambda wb, ws: ws.cell(row=3, column=16384, value="x"), "too_wide"),
        (lambda wb, ws: ws.cell(row=2, column=12, value="hai\ndòng"), "line_break_in_cell"),
    ],
    ids=["merged below the header", "hidden sheet", "hidden column", "stray cell at XFD", "Alt+Enter in a cell"],
)
def test_xlsx_oddities_are_refused_with_their_reason(store, mutate, code):
    with pytest.raises(ImportRejected) as err:
        importer.import_file(_sheet(mutate), "x.xlsx", store)
    assert code in [p.code for p in err.value.problems]


def test_a_number_in_the_header_row_is_a_header_not_a_crash(store):
    content = _sheet(lambda wb, ws: ws.cell(row=1, column=13, value=2022))
    with pytest.raises(ImportRejected) as err:
        importer.import_file(content, "x.xlsx", store)
    assert [p.code for p in err.value.problems] == ["unknown_columns"]


def test_a_failed_write_leaves_no_temporary_file(tmp_path, monkeypatch):
    import os as _os

    def no_space(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(_os, "fsync", no_space)
    with pytest.raises(OSError):
        importer._write_atomic(tmp_path / "imports.csv", "x")
    assert list(tmp_path.iterdir()) == []


def test_a_ledger_newer_than_the_database_is_caught_up_before_judging_a_file(store):
    first = importer.import_file(rows_csv([staff("00337", "9")]), "k.csv", store)
    # a build killed after the ledger was written: the database lacks the import and predates the ledger
    db.build(store.db_path, store.data_dir, store.imports_dir.parent / "no-imports")
    ledger = store.imports_dir / "imports.csv"
    os.utime(store.db_path, (ledger.stat().st_mtime - 60, ledger.stat().st_mtime - 60))
    with pytest.raises(ImportRejected) as err:  # the same figure again: refused as already imported
        importer.import_file(rows_csv([staff("00337", "10", note="again")]), "k2.csv", store)
    assert "already" in [p.code for p in err.value.problems]
    assert list(importer.list_imports(store).import_id) == [first["import_id"]]
