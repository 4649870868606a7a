"""Import a district's own per-ward figures: validate everything first, then land all or nothing.

A file is refused with every problem listed (row, column, reason, in the user's language). A valid
file is written to data/imports/ under its own source record and the database is rebuilt the same
atomic way as any build; if anything fails, the files and the database are as they were. Nothing
uploaded is executed or formatted into SQL.
"""

from __future__ import annotations

import csv
import datetime as dt
import fcntl
import hashlib
import io
import os
import re
import tempfile
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from warddash import DATA_DIR, db

COLUMNS = [
    "snapshot_id",
    "unit_code",
    "unit_name",
    "period_id",
    "metric_id",
    "value",
    "as_of_start",
    "as_of_end",
    "source_title",
    "source_date",
    "supplied_by",
    "note",
]
REQUIRED = ["snapshot_id", "unit_code", "period_id", "metric_id", "value", "source_title", "source_date", "supplied_by"]
SHEET = "du_lieu"
MANIFEST = ["import_id", "file_name", "imported_at", "source_title", "source_date", "supplied_by", "rows", "sha256"]
STORED = [
    "import_id",
    "row_number",
    "snapshot_id",
    "unit_code",
    "period_id",
    "metric_id",
    "value",
    "as_of_start",
    "as_of_end",
    "note",
]
MAX_BYTES = int(os.environ.get("WARDDASH_IMPORT_MAX_BYTES", 2_000_000))
MAX_ROWS = int(os.environ.get("WARDDASH_IMPORT_MAX_ROWS", 5_000))
MAX_COLUMNS = 2 * len(COLUMNS)  # room for a few blank or note columns, not a sheet 16 384 columns wide
MAX_UNPACKED = 25 * MAX_BYTES  # an XLSX's XML, unpacked: a workbook of MAX_ROWS rows is far below it

# A real, sourced per-ward figure: the dialogue of phường Hàng Trống (2021 code 00070), research fact R062.
EXAMPLE = {
    "snapshot_id": "2021-07",
    "unit_code": "00070",
    "unit_name": "Hàng Trống",
    "period_id": "pilot",
    "metric_id": "dialogue_opinions_raised",
    "value": "31",
    "as_of_start": "2024-04-06",
    "as_of_end": "2024-04-06",
    "source_title": "Hội nghị đối thoại giữa đồng chí Chủ tịch UBND phường với đại diện Nhân dân trên địa bàn phường",
    "source_date": "2024-04-06",
    "supplied_by": "UBND phường Hàng Trống (hangtrong.hanoi.gov.vn)",
    "note": "15 lượt phát biểu với 31 ý kiến; date is the dialogue's, the page shows no publication date",
}

MESSAGES = {
    "too_big": ("Tệp lớn hơn giới hạn {limit} byte.", "The file is larger than the {limit}-byte limit."),
    "empty": ("Tệp trống.", "The file is empty."),
    "csv_format": (
        "Không đọc được tệp CSV ({why}): kiểm tra dấu ngoặc kép chưa đóng hoặc một ô quá dài.",
        "Cannot read the CSV file ({why}): look for an unclosed quote or an overlong cell.",
    ),
    "line_break_in_cell": (
        "Một ô chứa xuống dòng (thường do dấu ngoặc kép chưa đóng, làm mất các dòng sau): sửa ô này.",
        "A cell holds a line break (usually an unclosed quote, which swallows the rows after it): fix this cell.",
    ),
    "encoding": (
        "Không đọc được bảng mã của tệp: hãy lưu dạng UTF-8 (có hoặc không BOM) hoặc UTF-16.",
        "Cannot read the file's encoding: save it as UTF-8 (with or without BOM) or UTF-16.",
    ),
    "not_xlsx": ("Tệp không phải bảng tính XLSX hợp lệ.", "The file is not a valid XLSX workbook."),
    "wrong_sheet": ("Không có trang tính '{sheet}' (có: {found}).", "No sheet named '{sheet}' (found: {found})."),
    "merged_header": (
        "Dòng tiêu đề có ô gộp ({cells}): hãy bỏ gộp ô.",
        "The header row has merged cells ({cells}): unmerge them.",
    ),
    "missing_columns": ("Thiếu cột: {cols}.", "Missing columns: {cols}."),
    "unknown_columns": ("Cột không có trong mẫu: {cols}.", "Columns not in the template: {cols}."),
    "too_many_rows": ("Quá {limit} dòng.", "More than {limit} rows."),
    "no_rows": ("Không có dòng số liệu nào.", "There are no data rows."),
    "required": ("Thiếu giá trị bắt buộc.", "A required value is missing."),
    "snapshot": ("Mốc đơn vị phải là 2021-07 hoặc 2025-07.", "Snapshot must be 2021-07 or 2025-07."),
    "unit": ("Mã đơn vị '{v}' không có trong danh mục {snap}.", "Unit code '{v}' is not in the {snap} list."),
    "metric": ("Chỉ số '{v}' không có trong từ điển chỉ số.", "Metric '{v}' is not in the metric dictionary."),
    "period": ("Giai đoạn '{v}' không tồn tại.", "Period '{v}' does not exist."),
    "duplicate_columns": (
        "Cột {cols} xuất hiện hai lần: chỉ giữ một cột.",
        "Column {cols} appears twice: keep one.",
    ),
    "unit_name": (
        "Tên '{v}' không khớp mã {code} ({name}).",
        "Name '{v}' does not match code {code} ({name}).",
    ),
    "snapshot_period": (
        "Đơn vị của danh mục {snap} không tồn tại trong giai đoạn {period}.",
        "Units of the {snap} list did not exist in the {period} period.",
    ),
    "date_period": (
        "Ngày {v} nằm ngoài giai đoạn {period}.",
        "Date {v} falls outside the {period} period.",
    ),
    "date_future": ("Ngày {v} ở tương lai.", "Date {v} is in the future."),
    "hidden_rows": (
        "Trang tính có dòng ẩn ({rows}): hiện chúng ra hoặc xóa đi, để điều bạn thấy là điều được nhập.",
        "The sheet has hidden rows ({rows}): show or delete them, so what you see is what is imported.",
    ),
    "failed_disk": (
        "Không ghi được tệp nhập ({detail}); không có gì thay đổi. Kiểm tra dung lượng đĩa rồi thử lại.",
        "Could not store the import ({detail}); nothing changed. Check the free disk space and try again.",
    ),
    "merged_cells": (
        "Trang tính có ô gộp ({cells}): bỏ gộp và ghi giá trị vào từng ô.",
        "The sheet has merged cells ({cells}): unmerge them and fill every cell.",
    ),
    "hidden_sheet": ("Trang '{sheet}' đang bị ẩn: hiện nó ra.", "Sheet '{sheet}' is hidden: unhide it."),
    "hidden_columns": (
        "Trang tính có cột ẩn ({cols}): hiện chúng ra hoặc xóa đi.",
        "The sheet has hidden columns ({cols}): show or delete them.",
    ),
    "too_wide": (
        "Trang tính có dữ liệu ngoài {limit} cột đầu: xóa các ô thừa bên phải.",
        "The sheet has data beyond its first {limit} columns: delete the stray cells on the right.",
    ),
    "ambiguous_number": (
        "Giá trị '{v}' có thể là {a} (dấu phân cách hàng nghìn) hoặc {b_vi} (dấu thập phân): "
        "hãy viết rõ, ví dụ bỏ dấu phân cách hàng nghìn.",
        "Value '{v}' could be {a} (a thousands separator) or {b} (a decimal mark): "
        "write it unambiguously, e.g. without the thousands separator.",
    ),
    "not_whole": ("Giá trị '{v}' phải là số nguyên (một số đếm).", "Value '{v}' must be a whole number (a count)."),
    "too_large": ("Giá trị '{v}' quá lớn (tối đa {max}).", "Value '{v}' is too large (at most {max})."),
    "percent_cell": (
        "Ô được định dạng phần trăm ({v}) nhưng chỉ số này không tính bằng %.",
        "The cell is formatted as a percentage ({v}) but this metric is not in %.",
    ),
    "number": ("Giá trị '{v}' không phải là số.", "Value '{v}' is not a number."),
    "negative": ("Giá trị âm.", "The value is negative."),
    "rate": ("Tỷ lệ phải trong khoảng 0–100.", "A rate must be between 0 and 100."),
    "date": (
        "Ngày '{v}' không đúng dạng YYYY-MM-DD hoặc ngày/tháng/năm (DD/MM/YYYY).",
        "Date '{v}' is neither YYYY-MM-DD nor day/month/year (DD/MM/YYYY).",
    ),
    "date_order": ("Ngày bắt đầu sau ngày kết thúc.", "The start date is after the end date."),
    "duplicate": ("Dòng trùng với dòng {other}.", "Duplicates row {other}."),
    "conflict": (
        "Mâu thuẫn với dòng {other}: cùng đơn vị, giai đoạn, chỉ số, thời gian nhưng khác giá trị.",
        "Conflicts with row {other}: same unit, period, metric and dates, another value.",
    ),
    "one_source": (
        "Mỗi tệp trích một nguồn: dòng này khác nguồn của dòng 2.",
        "One file cites one source: this row's source differs from row 2's.",
    ),
    "already": ("Đã nhập trong {imp}: hãy xoá bản đó trước.", "Already imported in {imp}: remove it first."),
    "same_file": ("Tệp này đã được nhập ({imp}).", "This file was already imported ({imp})."),
}


@dataclass
class Problem:
    row: int | None
    column: str | None
    code: str
    args: dict = field(default_factory=dict)

    def message(self, lang: str = "vi") -> str:
        text = MESSAGES[self.code][0 if lang == "vi" else 1].format(**self.args)
        where = []
        if self.row is not None:
            where.append(("dòng " if lang == "vi" else "row ") + str(self.row))
        if self.column:
            where.append(("cột " if lang == "vi" else "column ") + self.column)
        return (", ".join(where) + ": " if where else "") + text


class ImportRejected(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems

    def report(self, lang: str = "vi") -> str:
        return "\n".join(p.message(lang) for p in self.problems)


@dataclass
class Store:
    """Where imports live and which database they are built into."""

    data_dir: Path = field(default_factory=lambda: Path(os.environ.get("WARDDASH_DATA", DATA_DIR)))
    db_path: Path = field(default_factory=db.db_path)
    imports_dir: Path = field(default_factory=db.imports_dir)


# ---------------------------------------------------------------- reading


def _decode(content: bytes) -> str | None:
    if content.startswith(b"\xef\xbb\xbf"):
        return content[3:].decode("utf-8", errors="strict")
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return content.decode("utf-16")
    try:
        return content.decode("utf-8", errors="strict")
    except UnicodeDecodeError:
        return None


def _read(content: bytes, filename: str) -> tuple[list[str], list[list[str]], list[Problem]]:
    if len(content) > MAX_BYTES:
        return [], [], [Problem(None, None, "too_big", {"limit": MAX_BYTES})]
    if not content.strip():
        return [], [], [Problem(None, None, "empty")]
    if filename.lower().endswith(".xlsx") or content.startswith(b"PK\x03\x04"):
        return _read_xlsx(content)
    try:
        text = _decode(content)
    except UnicodeDecodeError:
        text = None
    if text is None or "\x00" in text:
        return [], [], [Problem(None, None, "encoding")]
    sample = text[:4096]
    delimiter = (
        "\t" if sample.count("\t") > sample.count(",") else (";" if sample.count(";") > sample.count(",") else ",")
    )
    # any line ending (Excel's "CSV Macintosh" writes CR alone) reads as one
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter, strict=True))
    except csv.Error as exc:  # a field over the csv module's limit, a stray quote
        return [], [], [Problem(None, None, "csv_format", {"why": str(exc)[:80]})]
    if not rows:
        return [], [], [Problem(None, None, "empty")]
    # a line break inside a cell is an unclosed quote far more often than a note with two lines: refuse it,
    # naming the row where it starts, rather than report the file valid with rows swallowed
    for i, row in enumerate(rows[1:], start=2):
        if any("\n" in cell for cell in row):
            return [], [], [Problem(i, None, "line_break_in_cell")]
    return [h.strip() for h in rows[0]], rows[1:], []


class Cell(float):
    """A number as the spreadsheet holds it (never re-read from text), and whether it is shown as a
    percentage (0.962 shown as 96.2%)."""

    percent: bool = False


def _cell_text(cell):
    v = cell.value
    if v is None:
        return ""
    if isinstance(v, dt.datetime):
        return v.date().isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        out = Cell(v)
        out.percent = "%" in str(cell.number_format or "")
        return out
    return str(v)


def _read_xlsx(content: bytes):
    import zipfile

    from openpyxl import load_workbook

    try:  # a small zip can unpack to gigabytes of sheet XML: refuse before parsing it
        unpacked = sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(content)).infolist())
    except (zipfile.BadZipFile, ValueError):
        return [], [], [Problem(None, None, "not_xlsx")]
    if unpacked > MAX_UNPACKED:
        return [], [], [Problem(None, None, "too_big", {"limit": MAX_UNPACKED})]
    try:
        wb = load_workbook(io.BytesIO(content), data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged file
        return [], [], [Problem(None, None, "not_xlsx")]
    if SHEET not in wb.sheetnames:
        return [], [], [Problem(None, None, "wrong_sheet", {"sheet": SHEET, "found": ", ".join(wb.sheetnames)})]
    ws = wb[SHEET]
    merged = [str(r) for r in ws.merged_cells.ranges if r.min_row == 1]
    if merged:
        return [], [], [Problem(1, None, "merged_header", {"cells": ", ".join(merged)})]
    merged = [str(r) for r in ws.merged_cells.ranges]
    if merged:  # a merged cell's value sits in its first cell only: the rows below would lose it silently
        return [], [], [Problem(None, None, "merged_cells", {"cells": ", ".join(merged[:5])})]
    if ws.sheet_state != "visible":
        return [], [], [Problem(None, None, "hidden_sheet", {"sheet": SHEET})]
    hidden_cols = sorted(k for k, d in ws.column_dimensions.items() if d.hidden)
    if hidden_cols:
        return [], [], [Problem(None, None, "hidden_columns", {"cols": ", ".join(hidden_cols[:10])})]
    hidden = sorted(i for i, d in ws.row_dimensions.items() if d.hidden)
    if hidden:
        return [], [], [Problem(None, None, "hidden_rows", {"rows": ", ".join(map(str, hidden[:10]))})]
    # read as far as the last cell that holds a value, not the sheet's declared extent: a 5 KB file whose
    # dimension reaches row 1 048 576 would otherwise cost a minute and gigabytes
    filled = [(r, c) for (r, c), cell in ws._cells.items() if cell.value not in (None, "")]
    last_row = max((r for r, _ in filled), default=0)
    last_col = max((c for _, c in filled), default=0)
    if last_row > MAX_ROWS + 1:
        return [], [], [Problem(None, None, "too_many_rows", {"limit": MAX_ROWS})]
    if last_col > MAX_COLUMNS:  # a stray cell far to the right would make every row that wide
        return [], [], [Problem(None, None, "too_wide", {"limit": MAX_COLUMNS})]
    values = [[_cell_text(c) for c in row] for row in ws.iter_rows(max_row=last_row, max_col=last_col)]
    for i, row in enumerate(values[1:], start=2):  # Alt+Enter in a cell: a line break, as in a CSV
        if any(isinstance(v, str) and ("\n" in v or "\r" in v) for v in row):
            return [], [], [Problem(i, None, "line_break_in_cell")]
    if not values:
        return [], [], [Problem(None, None, "empty")]
    return [str(h).strip() for h in values[0]], values[1:], []


# ---------------------------------------------------------------- validating


def _reference(con: duckdb.DuckDBPyConnection) -> dict:
    cur = con.cursor()
    units = {
        s: set(c for (c,) in cur.execute("select unit_code from units where snapshot_id = $s", {"s": s}).fetchall())
        for s in ("2021-07", "2025-07")
    }
    metrics = dict(cur.execute("select metric_id, unit from metrics").fetchall())
    scales = dict(cur.execute("select metric_id, scale from metrics").fetchall())
    names = {
        (snap, code): name
        for snap, code, name in cur.execute(
            "select snapshot_id, unit_code, unit_name from units where snapshot_id in ('2021-07', '2025-07')"
        ).fetchall()
    }
    spans = {p: (a, b) for p, a, b in cur.execute("select period_id, starts_on, ends_on from periods").fetchall()}
    # a snapshot's units exist from its date (the first: always before) until the next snapshot imports use
    dates = dict(
        cur.execute(
            "select snapshot_id, snapshot_date from snapshots where snapshot_id in ('2021-07', '2025-07')"
        ).fetchall()
    )
    order = sorted(dates, key=dates.get)
    lives = {
        s: (None if i == 0 else dates[s], dates[order[i + 1]] if i + 1 < len(order) else None)
        for i, s in enumerate(order)
    }
    periods = {p for (p,) in cur.execute("select period_id from periods").fetchall()}
    existing = {}
    for row in cur.execute(
        "select import_id, snapshot_id, unit_code, period_id, metric_id, "
        "coalesce(as_of_start::varchar, ''), coalesce(as_of_end::varchar, '') "
        "from imported_facts"
    ).fetchall():
        existing[tuple(row[1:])] = row[0]
    hashes = dict((h, i) for i, h in cur.execute("select import_id, sha256 from imports").fetchall())
    cur.close()
    return {
        "units": units,
        "names": names,
        "spans": spans,
        "lives": lives,
        "metrics": metrics,
        "scales": scales,
        "periods": periods,
        "existing": existing,
        "hashes": hashes,
    }


MAX_VALUE = 1e9  # no count or amount a ward reports comes near; 1e308 is a typing slip or an attack
_THOUSANDS = {".": re.compile(r"[+-]?[1-9]\d{0,2}(\.\d{3})+"), ",": re.compile(r"[+-]?[1-9]\d{0,2}(,\d{3})+")}


def parse_number(text: str, whole: bool) -> tuple[float | None, str | None, dict]:
    """A number written in a file, read the way its author meant it: (value, None, {}) or (None, problem
    code, args). Vietnamese (15.376; 96,2) and English (15,376; 96.2) grouping and decimals are told apart
    by rule; "15.376" or "20,000" could be either: for a whole count only the thousands reading is a
    count, otherwise both readings are shown and the value refused. Spaces group thousands too."""
    s = re.sub(r"[\s\u00a0\u202f\u2009]", "", text)  # spaces of every width group thousands
    if not re.fullmatch(r"[+-]?[\d.,]+", s) or not re.search(r"\d", s):
        return None, "number", {"v": text[:40]}
    dots, commas = s.count("."), s.count(",")
    if dots and commas:  # both: the last one is the decimal mark, the other groups thousands
        dec, grp = (",", ".") if s.rfind(",") > s.rfind(".") else (".", ",")
        whole_part, _, frac = s.rpartition(dec)
        if s.count(dec) > 1 or not (_THOUSANDS[grp].fullmatch(whole_part) or re.fullmatch(r"[+-]?\d{1,3}", whole_part)):
            return None, "number", {"v": text[:40]}
        value = float(whole_part.replace(grp, "") + "." + frac)
    elif dots + commas == 0:
        value = float(s)
    else:
        mark = "." if dots else ","
        if dots + commas > 1:  # 1.234.567 or 1,234,567: thousands only
            if not _THOUSANDS[mark].fullmatch(s):
                return None, "number", {"v": text[:40]}
            value = float(s.replace(mark, ""))
        elif _THOUSANDS[mark].fullmatch(s):  # 15.376 or 20,000: thousands or a decimal?
            grouped, decimal = float(s.replace(mark, "")), float(s.replace(mark, "."))
            if whole:
                value = grouped  # a count is whole: 15.376 persons are 15 376 persons
            else:
                b = f"{decimal:g}"  # the decimal reading, written the way each language writes decimals
                return (
                    None,
                    "ambiguous_number",
                    {"v": text[:40], "a": f"{grouped:.0f}", "b": b, "b_vi": b.replace(".", ",")},
                )
        else:
            value = float(s.replace(mark, "."))
    if value != value or abs(value) > MAX_VALUE:
        return None, "too_large", {"v": text[:40], "max": f"{MAX_VALUE:.0f}"}
    if whole and value != int(value):
        return None, "not_whole", {"v": text[:40]}
    return value + 0.0, None, {}  # -0 is 0


_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def _date(v: str) -> dt.date | None:
    """A date as the build reads it: ISO (2022-06-30) or day/month/year (30/06/2022), nothing else — not
    20220630 nor a week date, which Python would take and the build would not."""
    m = _ISO.fullmatch(v.strip())
    y, mo, d = (m.group(1), m.group(2), m.group(3)) if m else (None, None, None)
    if not m and (m := _DMY.fullmatch(v.strip())):
        d, mo, y = m.groups()
    if not m:
        return None
    try:
        return dt.date(int(y), int(mo), int(d))
    except ValueError:
        return None


def _name_key(name: str) -> str:
    """A unit name compared as a reader would: NFC, case and the leading "phường"/"xã" ignored."""
    text = unicodedata.normalize("NFC", str(name)).casefold().strip()
    return re.sub(r"^(phường|xã|thị trấn)\s+", "", text)


def validate(content: bytes, filename: str, con: duckdb.DuckDBPyConnection) -> tuple[list[dict], list[Problem]]:
    """Every problem of the file at once; the clean rows only matter when there are none."""
    header, body, problems = _read(content, filename)
    if problems:
        return [], problems
    doubled = sorted({c for c in header if c and header.count(c) > 1})
    if doubled:  # two "value" columns: which one did the author mean?
        return [], [Problem(1, None, "duplicate_columns", {"cols": ", ".join(doubled)})]
    missing = [c for c in REQUIRED if c not in header]
    unknown = [c for c in header if c and c not in COLUMNS]
    if missing:
        problems.append(Problem(1, None, "missing_columns", {"cols": ", ".join(missing)}))
    if unknown:
        problems.append(Problem(1, None, "unknown_columns", {"cols": ", ".join(unknown)}))
    if problems:
        return [], problems
    body = [(i + 2, r) for i, r in enumerate(body) if any(str(c).strip() for c in r)]
    if len(body) > MAX_ROWS:
        return [], [Problem(None, None, "too_many_rows", {"limit": MAX_ROWS})]
    if not body:
        return [], [Problem(None, None, "no_rows")]
    ref = _reference(con)
    seen: dict[tuple, tuple[int, float]] = {}
    rows, first_source = [], None
    for n, raw in body:
        r = {c: (str(raw[i]).strip() if i < len(raw) else "") for i, c in enumerate(header) if c}
        r.update({c: "" for c in COLUMNS if c not in r})
        for c in REQUIRED:
            if not r[c]:
                problems.append(Problem(n, c, "required"))
        snap = r["snapshot_id"]
        if snap and snap not in ref["units"]:
            problems.append(Problem(n, "snapshot_id", "snapshot"))
        elif snap and r["unit_code"] and r["unit_code"] not in ref["units"][snap]:
            problems.append(Problem(n, "unit_code", "unit", {"v": r["unit_code"][:40], "snap": snap}))
        known = ref["names"].get((snap, r["unit_code"]))
        if known and r["unit_name"] and _name_key(r["unit_name"]) != _name_key(known):
            problems.append(
                Problem(n, "unit_name", "unit_name", {"v": r["unit_name"][:40], "code": r["unit_code"], "name": known})
            )
        span = ref["spans"].get(r["period_id"])
        life = ref["lives"].get(snap)
        if (
            span
            and life
            and not (
                (life[1] is None or span[0] is None or span[0] < life[1])
                and (life[0] is None or span[1] is None or span[1] >= life[0])
            )
        ):
            problems.append(Problem(n, "period_id", "snapshot_period", {"snap": snap, "period": r["period_id"]}))
        if r["metric_id"] and r["metric_id"] not in ref["metrics"]:
            problems.append(Problem(n, "metric_id", "metric", {"v": r["metric_id"][:40]}))
        if r["period_id"] and r["period_id"] not in ref["periods"]:
            problems.append(Problem(n, "period_id", "period", {"v": r["period_id"][:40]}))
        value = None
        raw_value = raw[header.index("value")] if "value" in header and header.index("value") < len(raw) else ""
        unit = ref["metrics"].get(r["metric_id"])
        whole = ref["scales"].get(r["metric_id"]) == "count"
        if isinstance(raw_value, Cell):  # a spreadsheet number: as it is, a percentage cell as its percent
            value = float(raw_value) * (100 if raw_value.percent else 1)
            if raw_value.percent and unit != "%":
                problems.append(Problem(n, "value", "percent_cell", {"v": f"{value:g}%"}))
                value = None
            elif abs(value) > MAX_VALUE or value != value:
                problems.append(Problem(n, "value", "too_large", {"v": f"{value:g}", "max": f"{MAX_VALUE:.0f}"}))
                value = None
            elif whole and value != int(value):
                problems.append(Problem(n, "value", "not_whole", {"v": f"{value:g}"}))
                value = None
        elif r["value"]:
            value, code, args = parse_number(r["value"], whole)
            if code:
                problems.append(Problem(n, "value", code, args))
        if value is not None and value < 0:
            problems.append(Problem(n, "value", "negative"))
        elif value is not None and ref["metrics"].get(r["metric_id"]) == "%" and value > 100:
            problems.append(Problem(n, "value", "rate"))
        dates = {}
        for c in ("as_of_start", "as_of_end", "source_date"):
            if r[c]:
                dates[c] = _date(r[c])
                if dates[c] is None:
                    problems.append(Problem(n, c, "date", {"v": r[c][:40]}))
        if dates.get("as_of_start") and dates.get("as_of_end") and dates["as_of_start"] > dates["as_of_end"]:
            problems.append(Problem(n, "as_of_end", "date_order"))
        today = dt.date.today()
        for c, d in dates.items():
            if d and d > today:
                problems.append(Problem(n, c, "date_future", {"v": r[c][:40]}))
            elif d and c != "source_date" and span:
                lo, hi = span
                if (lo and d < lo) or (hi and d > hi):
                    problems.append(Problem(n, c, "date_period", {"v": r[c][:40], "period": r["period_id"]}))
        for c, d in dates.items():  # stored as the build reads them
            if d:
                r[c] = d.isoformat()
        source = (r["source_title"], r["source_date"], r["supplied_by"])
        if first_source is None:
            first_source = source
        elif source != first_source and all(source):
            problems.append(Problem(n, "source_title", "one_source"))
        key = (snap, r["unit_code"], r["period_id"], r["metric_id"], r["as_of_start"], r["as_of_end"])
        if key in seen and value is not None:
            other, other_value = seen[key]
            problems.append(Problem(n, None, "duplicate" if other_value == value else "conflict", {"other": other}))
        elif value is not None:
            seen[key] = (n, value)
        if key in ref["existing"]:
            problems.append(Problem(n, None, "already", {"imp": ref["existing"][key]}))
        rows.append({**r, "row_number": n, "value": value})
    sha = hashlib.sha256(content).hexdigest()
    if sha in ref["hashes"]:
        problems.append(Problem(None, None, "same_file", {"imp": ref["hashes"][sha]}))
    return rows, problems


# ---------------------------------------------------------------- landing


@contextmanager
def _locked(folder: Path):
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _write_atomic(path: Path, text: str) -> None:
    """Write a file whole or not at all: a failure (a full disk) leaves no temporary file behind."""
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)  # the dashboard and the command line may run as different users
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _csv_text(header: list[str], rows: list[list]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def list_imports(store: Store | None = None) -> pd.DataFrame:
    store = store or Store()
    path = store.imports_dir / "imports.csv"
    if not path.exists():
        return pd.DataFrame(columns=MANIFEST)
    return pd.read_csv(path, dtype=str)


def _rebuild_or_restore(
    store: Store, manifest: Path, old_manifest: str | None, added: Path | None, removed: tuple[Path, str] | None
) -> None:
    try:
        db.build(store.db_path, store.data_dir, store.imports_dir)
    except Exception:
        if old_manifest is None:
            manifest.unlink(missing_ok=True)
        else:
            _write_atomic(manifest, old_manifest)
        if added:
            added.unlink(missing_ok=True)
        if removed:
            _write_atomic(removed[0], removed[1])
        raise


class ImportFailed(Exception):
    """The file was valid but could not be stored (a full disk, a read-only folder); nothing changed."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(f"{code}: {detail}")
        self.code, self.detail = code, detail

    def message(self, lang: str = "vi") -> str:
        return MESSAGES[f"failed_{self.code}"][0 if lang == "vi" else 1].format(detail=self.detail)


def _recover(store: Store) -> None:
    """Remove data files an interrupted import left without their ledger entry (under the imports lock)."""
    manifest = store.imports_dir / "imports.csv"
    listed = set()
    if manifest.exists():
        listed = {e[0] for e in list(csv.reader(io.StringIO(manifest.read_text(encoding="utf-8"))))[1:] if e}
    for path in store.imports_dir.glob("imp-*.csv"):
        if path.stem not in listed:
            path.unlink(missing_ok=True)


def import_file(content: bytes, filename: str, store: Store | None = None, dry_run: bool = False) -> dict:
    """Validate and, unless dry_run, land the file whole. Raises ImportRejected with every problem, and
    ImportFailed when a valid file cannot be stored (nothing is left half-written)."""
    store = store or Store()
    with _locked(store.imports_dir):
        if not dry_run:
            _recover(store)
        ledger = store.imports_dir / "imports.csv"
        if store.db_path.exists() and ledger.exists() and store.db_path.stat().st_mtime < ledger.stat().st_mtime:
            # the ledger is newer than the database (a build killed after an import): "already imported"
            # must be judged against what the ledger holds, so the database catches up first
            db.build(store.db_path, store.data_dir, store.imports_dir)
        con = db.connect(db.ensure_built(store.db_path) if store.db_path == db.DEFAULT_DB else store.db_path)
        try:
            rows, problems = validate(content, filename, con)
        finally:
            con.close()
        if problems:
            raise ImportRejected(problems)
        sha = hashlib.sha256(content).hexdigest()
        now = dt.datetime.now().replace(microsecond=0)
        import_id = f"imp-{now:%Y%m%d%H%M%S}-{sha[:8]}"
        summary = {"import_id": import_id, "rows": len(rows), "source_title": rows[0]["source_title"]}
        if dry_run:
            return summary
        body = [
            [
                import_id,
                r["row_number"],
                r["snapshot_id"],
                r["unit_code"],
                r["period_id"],
                r["metric_id"],
                repr(r["value"]),
                r["as_of_start"],
                r["as_of_end"],
                r["note"],
            ]
            for r in rows
        ]
        data_file = store.imports_dir / f"{import_id}.csv"
        manifest = store.imports_dir / "imports.csv"
        old = manifest.read_text(encoding="utf-8") if manifest.exists() else None
        entries = list(csv.reader(io.StringIO(old)))[1:] if old else []
        entries.append(
            [
                import_id,
                Path(filename).name[:200],
                now.isoformat(sep=" "),
                rows[0]["source_title"],
                rows[0]["source_date"],
                rows[0]["supplied_by"],
                len(rows),
                sha,
            ]
        )
        try:
            _write_atomic(data_file, _csv_text(STORED, body))
            _write_atomic(manifest, _csv_text(MANIFEST, entries))  # the ledger last: it makes the import real
            for kept in (store.imports_dir / REMOVED).glob("imp-*"):  # a new import ends what can be undone
                kept.unlink(missing_ok=True)
        except OSError as exc:  # a full disk: nothing half-landed stays behind
            data_file.unlink(missing_ok=True)
            raise ImportFailed("disk", str(exc.strerror or exc)) from exc
        _rebuild_or_restore(store, manifest, old, data_file, None)
        return summary


def remove_import(import_id: str, store: Store | None = None) -> None:
    """Remove one import and rebuild; unknown ids raise KeyError."""
    store = store or Store()
    with _locked(store.imports_dir):
        manifest = store.imports_dir / "imports.csv"
        old = manifest.read_text(encoding="utf-8") if manifest.exists() else ""
        entries = list(csv.reader(io.StringIO(old)))[1:] if old else []
        if import_id not in [e[0] for e in entries]:
            raise KeyError(import_id)
        data_file = store.imports_dir / f"{import_id}.csv"
        saved = data_file.read_text(encoding="utf-8")
        entry = next(e for e in entries if e[0] == import_id)
        _write_atomic(manifest, _csv_text(MANIFEST, [e for e in entries if e[0] != import_id]))
        data_file.unlink()
        _rebuild_or_restore(store, manifest, old, None, (data_file, saved))
        # kept aside until the next import, so the removal can be undone (a full disk only loses the undo)
        aside = store.imports_dir / REMOVED
        try:
            aside.mkdir(exist_ok=True)
            _write_atomic(aside / f"{import_id}.csv", saved)
            _write_atomic(aside / f"{import_id}.entry.csv", _csv_text(MANIFEST, [entry]))
        except OSError:
            for kept in aside.glob(f"{import_id}*"):
                kept.unlink(missing_ok=True)


REMOVED = "removed"


def removed_imports(store: Store | None = None) -> list[str]:
    """Imports removed since the last import, newest first: each can be put back."""
    store = store or Store()
    aside = store.imports_dir / REMOVED
    found = [p for p in aside.glob("imp-*.entry.csv")] if aside.exists() else []
    return [p.name.removesuffix(".entry.csv") for p in sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)]


def restore_import(import_id: str, store: Store | None = None) -> None:
    """Undo a removal: the import comes back as it was, and the database is rebuilt (all or nothing)."""
    store = store or Store()
    with _locked(store.imports_dir):
        aside = store.imports_dir / REMOVED
        data, entry = aside / f"{import_id}.csv", aside / f"{import_id}.entry.csv"
        if not (data.exists() and entry.exists()):
            raise KeyError(import_id)
        manifest = store.imports_dir / "imports.csv"
        old = manifest.read_text(encoding="utf-8") if manifest.exists() else None
        entries = list(csv.reader(io.StringIO(old)))[1:] if old else []
        entries += list(csv.reader(io.StringIO(entry.read_text(encoding="utf-8"))))[1:]
        target = store.imports_dir / f"{import_id}.csv"
        _write_atomic(target, data.read_text(encoding="utf-8"))
        _write_atomic(manifest, _csv_text(MANIFEST, entries))
        _rebuild_or_restore(store, manifest, old, target, None)
        data.unlink()
        entry.unlink()


def template(fmt: str) -> bytes:
    """The import template with one valid, sourced example row."""
    if fmt == "csv":
        return ("\ufeff" + _csv_text(COLUMNS, [[EXAMPLE[c] for c in COLUMNS]])).encode("utf-8")
    if fmt == "xlsx":
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        ws.title = SHEET
        ws.append(COLUMNS)
        ws.append([float(EXAMPLE[c]) if c == "value" else EXAMPLE[c] for c in COLUMNS])
        guide = wb.create_sheet("huong_dan")
        guide.append(["cột / column", "ý nghĩa / meaning"])
        for c, meaning in GUIDE.items():
            guide.append([c, meaning])
        buf = io.BytesIO()
        wb.save(buf)
        return buf.getvalue()
    raise ValueError(fmt)


GUIDE = {
    "snapshot_id": "2021-07 (phường thí điểm / pilot wards) hoặc/or 2025-07 (126 xã, phường / units)",
    "unit_code": "Mã đơn vị 5 chữ số của mốc đó / 5-digit unit code of that snapshot (text)",
    "unit_name": "Tên để đối chiếu (không bắt buộc) / name, for reading (optional)",
    "period_id": "before_pilot | pilot | two_tier",
    "metric_id": "Mã chỉ số trong data/metrics.csv, ví dụ ward_civil_servants_count / a metric id of data/metrics.csv",
    "value": "Số không âm; tỷ lệ 0–100 / non-negative number; rates 0-100",
    "as_of_start": "YYYY-MM-DD",
    "as_of_end": "YYYY-MM-DD",
    "source_title": "Tên tài liệu trích dẫn (bắt buộc) / title of the cited document (required)",
    "source_date": "Ngày của tài liệu YYYY-MM-DD (bắt buộc) / its date (required)",
    "supplied_by": "Cơ quan, người cung cấp (bắt buộc) / who supplied it (required)",
    "note": "Ghi chú / note",
}
