"""Command line: python -m warddash build [--db PATH]."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from warddash import DATA_DIR
from warddash.db import BuildError, build, db_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m warddash")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build the DuckDB database from data/")
    b.add_argument("--db", type=Path, default=None, help="output file (default data/warddash.duckdb)")
    b.add_argument("--data", type=Path, default=DATA_DIR, help="folder of source files")
    args = parser.parse_args(argv)
    if args.command == "build":
        try:
            out = build(args.db or db_path(), args.data)
        except BuildError as exc:
            print(f"build failed: {exc}", file=sys.stderr)
            return 1
        print(f"built {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
