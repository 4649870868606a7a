"""Build the DuckDB database from data/ and run the named read queries in queries/."""

from __future__ import annotations

import csv
import os
import re
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd

from warddash import BUILD_DIR, DATA_DIR, DEFAULT_DB, QUERIES_DIR

_INSERT = re.compile(r"^\s*insert\s+into\s+(\w+)\s+(.*)$", re.IGNORECASE | re.DOTALL)
_FILE = re.compile(r"'/([\w.]+\.(?:csv|geojson))'")


class BuildError(Exception):
    """A data file could not be loaded; the message names file, row and reason."""


def db_path() -> Path:
    """The database the dashboard reads: $WARDDASH_DB, else data/warddash.duckdb."""
    return Path(os.environ.get("WARDDASH_DB", DEFAULT_DB))


def _statements(sql: str) -> list[str]:
    # build SQL has no semicolons inside strings, so a plain split is exact
    no_comments = "\n".join(line for line in sql.splitlines() if not line.lstrip().startswith("--"))
    return [s.strip() for s in no_comments.split(";") if s.strip()]


def _locate_bad_row(con: duckdb.DuckDBPyConnection, table: str, select_sql: str) -> str:
    """Insert the rows one by one to find the first that breaks a constraint."""
    rows = con.execute(select_sql).fetchall()
    marks = ", ".join("?" for _ in rows[0]) if rows else ""
    con.execute("begin")
    try:
        for i, row in enumerate(rows):
            try:
                con.execute(f"insert into {table} values ({marks})", list(row))
            except duckdb.Error as exc:
                return f"line {i + 2} (line 1 is the header): {_short(exc)}"
    finally:
        con.execute("rollback")
    return "a constraint across rows"


def _check_header(stmt: str, data_dir: Path) -> None:
    """The CSV's header must name the columns the build SQL reads, in order: a reordered or
    renamed column would otherwise load silently into the wrong field."""
    f = _FILE.search(stmt)
    if not f or not f.group(1).endswith(".csv"):
        return
    expected = re.findall(r"'(\w+)': '", stmt)
    path = data_dir / f.group(1)
    if not path.exists():
        raise BuildError(f"data/{f.group(1)}: file is missing")
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            header = next(csv.reader(fh), [])
    except UnicodeDecodeError as exc:
        raise BuildError(f"data/{f.group(1)}: not UTF-8 text ({exc.reason})") from exc
    if header != expected:
        missing = [c for c in expected if c not in header]
        extra = [c for c in header if c not in expected]
        detail = f"missing {missing}" if missing else ""
        detail += (", " if detail and extra else "") + (f"unexpected {extra}" if extra else "")
        raise BuildError(f"data/{f.group(1)}, line 1 (header): {detail or 'columns out of order'}; expected {expected}")


def _csv_reason(exc: Exception) -> str:
    """DuckDB's CSV errors are long; keep the line number, the column and the value."""
    text = str(exc)
    line = re.search(r"CSV Error on Line: (\d+)", text)
    why = re.search(r"Error when converting column \"([^\"]+)\"\. (Could not convert [^\n]*)", text)
    if line and why:
        return f"line {line.group(1)}, column {why.group(1)}: {why.group(2)}"
    if line:
        first = [ln for ln in text.splitlines()[1:4] if ln.strip() and not ln.startswith("Original Line")][:1]
        return f"line {line.group(1)}: {' '.join(first) or _short(exc)}"
    return _short(exc)


def _short(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0]


def _load(con: duckdb.DuckDBPyConnection, data_dir: Path, imports: Path | None = None) -> None:
    con.execute("set variable data_dir = ?", [str(data_dir)])
    imports_loaded = False
    for sql_file in sorted(BUILD_DIR.glob("*.sql")):
        if not imports_loaded and sql_file.name >= "50":
            # imported figures load with the sources, before the derived layer is computed
            _load_imports(con, Path(imports or imports_dir()))
            imports_loaded = True
        for stmt in _statements(sql_file.read_text(encoding="utf-8")):
            _check_header(stmt, data_dir)
            try:
                con.execute(stmt)
            except duckdb.Error as exc:
                m = _INSERT.match(stmt)
                if not m:
                    raise BuildError(f"{sql_file.name}: {_short(exc)}") from exc
                f = _FILE.search(stmt)
                name = f"data/{f.group(1)}" if f else m.group(1)
                if isinstance(exc, duckdb.ConstraintException):
                    where = _locate_bad_row(con, m.group(1), m.group(2))
                    raise BuildError(f"{name}, {where}") from exc
                raise BuildError(f"{name}: {_csv_reason(exc)}") from exc


def imports_dir() -> Path:
    """Where imported files live: $WARDDASH_IMPORTS, else data/imports (kept out of git)."""
    return Path(os.environ.get("WARDDASH_IMPORTS", DATA_DIR / "imports"))


def _load_imports(con: duckdb.DuckDBPyConnection, folder: Path) -> None:
    if not (folder / "imports.csv").exists():
        return
    con.execute("set variable imports_dir = ?", [str(folder)])
    has_files = any(folder.glob("imp-*.csv"))
    for stmt in _statements((QUERIES_DIR / "imports" / "load.sql").read_text(encoding="utf-8")):
        if "imp-*.csv" in stmt and not has_files:
            continue
        try:
            con.execute(stmt)
        except duckdb.Error as exc:
            raise BuildError(f"{folder.name}/: {_csv_reason(exc)}") from exc


_build_lock = threading.Lock()


@contextmanager
def _file_lock(path: Path):
    """An exclusive lock held across processes (builds from the dashboard, the CLI and imports)."""
    import fcntl

    with open(path, "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def build(target: Path | None = None, data_dir: Path = DATA_DIR, imports: Path | None = None) -> Path:
    """Build a new database from data_dir and swap it in atomically.

    The new file is written beside the target and moved over it with os.replace only when every
    load succeeded, so a failed build leaves the previous database byte-identical.
    """
    target = Path(target or db_path())
    if target.is_symlink():  # a linked database is updated where the link points; the link stays a link
        target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    with _build_lock, _file_lock(target.parent / ".build.lock"):
        # under the lock no other build is running, in this process or another: what a killed build left
        # behind is a leftover, not someone's build in progress
        for leftover in target.parent.glob(".build-*.duckdb*"):
            leftover.unlink(missing_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".build-", suffix=".duckdb", dir=target.parent)
        os.close(fd)
        tmp = Path(tmp_name)
        tmp.unlink()
        try:
            con = duckdb.connect(str(tmp))
            try:
                _load(con, Path(data_dir), imports)
                con.execute("checkpoint")
            finally:
                con.close()
            os.replace(tmp, target)
        finally:
            for leftover in (tmp, tmp.with_suffix(".duckdb.wal")):
                leftover.unlink(missing_ok=True)
    return target


def _inputs_mtime(data_dir: Path = DATA_DIR) -> float:
    files = [*data_dir.glob("*.csv"), *data_dir.glob("*.geojson"), *BUILD_DIR.glob("*.sql")]
    manifest = imports_dir() / "imports.csv"
    if manifest.exists():
        files.append(manifest)
    return max(f.stat().st_mtime for f in files)


def is_stale(path: Path | None = None) -> bool:
    """True when the database is missing or older than data/ or queries/build/."""
    path = Path(path or db_path())
    return not path.exists() or path.stat().st_mtime < _inputs_mtime()


_last_check: dict[Path, float] = {}


def ensure_built(path: Path | None = None, every: float = 2.0) -> Path:
    """Build the default database when it is missing or stale; a custom $WARDDASH_DB is left alone.

    The staleness check stats every input file, so a process does it at most every `every` seconds."""
    path = Path(path or db_path())
    now = time.monotonic()
    if path == DEFAULT_DB and (now - _last_check.get(path, -every) >= every or not path.exists()):
        if is_stale(path):
            build(path)
        _last_check[path] = now
    return path


def connect(path: Path | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection; callers take a cursor per query."""
    return duckdb.connect(str(path or db_path()), read_only=True)


def query_sql(name: str) -> str:
    path = QUERIES_DIR / f"{name}.sql"
    if not re.fullmatch(r"[a-z0-9_]+", name) or not path.exists():
        raise KeyError(f"no query named {name!r}")
    return path.read_text(encoding="utf-8")


def query_names() -> list[str]:
    return sorted(p.stem for p in QUERIES_DIR.glob("*.sql"))


def run_query(con: duckdb.DuckDBPyConnection, name: str, **params) -> pd.DataFrame:
    """Run queries/<name>.sql with named parameters ($name in the SQL) and return a DataFrame."""
    cur = con.cursor()
    try:
        return cur.execute(query_sql(name), params).df()
    finally:
        cur.close()
