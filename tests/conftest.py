import os
import shutil
import tempfile
from pathlib import Path

# a developer's own data/imports/ must not leak into the tests' databases
os.environ["WARDDASH_IMPORTS"] = tempfile.mkdtemp(prefix="warddash-imports-")

import pytest

from warddash import DATA_DIR, db

FIXTURES = Path(__file__).parent / "fixtures" / "data"
SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory) -> Path:
    """A real DuckDB built from the tiny hand-checkable fixture CSVs with the same build SQL."""
    return db.build(tmp_path_factory.mktemp("fx") / "fixture.duckdb", FIXTURES)


@pytest.fixture(scope="session")
def real_db(tmp_path_factory) -> Path:
    """The real database, built from data/ into a temporary file."""
    return db.build(tmp_path_factory.mktemp("real") / "warddash.duckdb", DATA_DIR)


@pytest.fixture
def fx(fixture_db):
    con = db.connect(fixture_db)
    yield con
    con.close()


@pytest.fixture(scope="session")
def real(real_db):
    con = db.connect(real_db)
    yield con
    con.close()


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A writable copy of the fixture data folder, to break on purpose."""
    dst = tmp_path / "data"
    shutil.copytree(FIXTURES, dst)
    return dst


@pytest.fixture
def use_real_db(real_db, monkeypatch):
    monkeypatch.setenv("WARDDASH_DB", str(real_db))
    return real_db


def in_ci() -> bool:
    return bool(os.environ.get("CI"))
