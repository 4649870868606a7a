"""Hanoi Ward Dashboard: shared code (database, formatting, charts)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
QUERIES_DIR = ROOT / "queries"
BUILD_DIR = QUERIES_DIR / "build"
DEFAULT_DB = DATA_DIR / "warddash.duckdb"
