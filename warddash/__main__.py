"""Command line: python -m warddash build | export | template | import | imports."""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from warddash import DATA_DIR
from warddash.db import BuildError, build, db_path

FORMATS = ["pptx", "png", "svg", "xlsx", "zip", "csv"]


def _export(args) -> int:
    from warddash import db, export, slides
    from warddash.views import (
        PAGE_KEYS,
        PERIOD_IDS,
        Filters,
        headline_table,
        lookups,
        source_table_titles,
        source_tables,
    )
    from warddash.views import build as build_view

    if args.page not in PAGE_KEYS:
        print(f"unknown page {args.page!r}; pages: {', '.join(PAGE_KEYS)}", file=sys.stderr)
        return 2
    if not re.fullmatch(r"https?://[^\s/?#]+(/[^\s?#]*)?", args.base_url or ""):
        print(
            f"--base-url {args.base_url!r} is not an http(s) address such as https://dash.example.org", file=sys.stderr
        )
        return 2
    try:
        con = db.connect(db.ensure_built())
    except (OSError, db.BuildError) as exc:
        print(f"could not open the database {db.db_path()}: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # duckdb's errors: a file that is not a database
        print(f"could not open the database {db.db_path()}: {type(exc).__name__}", file=sys.stderr)
        return 2
    run = lambda name, **p: db.run_query(con, name, **p)  # noqa: E731
    names = dict(run("districts")[["district_code", "district_name"]].itertuples(index=False))
    bad = [d for d in args.district if d not in names]
    if bad:
        known = ", ".join(f"{c} {n}" for c, n in names.items())
        print(f"unknown district {', '.join(bad)}; districts: {known}", file=sys.stderr)
        return 2
    bad = [p for p in args.period if p not in PERIOD_IDS]
    if bad:
        print(f"unknown period {', '.join(bad)}; periods: {', '.join(PERIOD_IDS)}", file=sys.stderr)
        return 2
    f = Filters(lang=args.lang, districts=args.district, periods=args.period or list(PERIOD_IDS))
    specs = build_view(args.page, run, f)
    tables = source_tables(run, f.lang) if args.page == "sources" else {}
    if not specs and not tables:
        hint = ": choose one with --district" if args.page == "district" else ""
        print(f"page {args.page!r} has nothing to export{hint}", file=sys.stderr)
        return 2
    if not specs and args.format in ("pptx", "png", "svg"):
        print(f"page {args.page!r} holds tables only: use --format csv, xlsx or zip", file=sys.stderr)
        return 2
    words, titles = lookups(run), source_table_titles(f.lang)
    cites = run("source_citations", source_ids=sorted({s for sp in specs for s in sp.source_ids}))
    # every file is made in memory first: a failure writes nothing
    files: dict[str, bytes] = {}
    if args.format in ("png", "svg", "csv"):
        for spec in specs:
            files[f"{spec.key}.{args.format}"] = (
                export.csv_bytes(spec.data, f.lang, words)
                if args.format == "csv"
                else export.image(spec, f, cites, names, args.format)
            )
        for name, df in tables.items() if args.format == "csv" else ():
            files[f"{name}.csv"] = export.csv_bytes(df, f.lang, words)
    else:
        files[""] = {
            "pptx": lambda: slides.deck(
                args.page,
                specs,
                f,
                cites,
                names,
                args.base_url,
                run("periods"),
                headline_table(run, f) if args.page == "overview" else None,
            ),
            "zip": lambda: export.bundle(
                args.page, specs, f, cites, names, tables, args.base_url, words, source_table_titles(f.lang)
            ),
            "xlsx": lambda: export.xlsx_bytes(
                {**{s.title: s.data for s in specs}, **{titles[k]: v for k, v in tables.items()}}, f.lang, words
            ),
        }[args.format]()
    con.close()
    return _write_out(Path(args.out), files)


def _protected() -> list[Path]:
    """What an export must never overwrite: the project's data folder and the database (and its WAL)."""
    from warddash import db

    path = db.db_path()
    return [DATA_DIR.resolve(), path.resolve(), Path(str(path) + ".wal").resolve()]


def _write_out(out: Path, files: dict[str, bytes]) -> int:
    """Write an export: one file at out (key ""), or files into the folder out. Refuses the project's data
    and database, a folder where a file is wanted and the reverse; each file lands whole (temp + rename)."""
    import os
    import tempfile

    if not str(out).strip():
        print("--out is empty: give a file or folder to write", file=sys.stderr)
        return 2
    single = list(files) == [""]
    targets = [out] if single else [out / name for name in files]
    for target in targets:
        where = target.resolve()
        for guard in _protected():
            if where == guard or guard in where.parents or (guard.is_dir() and where == guard):
                print(f"refusing to write {target}: it is the project's data or database", file=sys.stderr)
                return 2
    if single and out.is_dir():
        print(f"--out {out} is a folder: give a file name (e.g. {out / 'view'}.…)", file=sys.stderr)
        return 2
    if not single and out.exists() and not out.is_dir():
        print(f"--out {out} is a file: this format writes one file a chart into a folder", file=sys.stderr)
        return 2
    try:
        (out.parent if single else out).mkdir(parents=True, exist_ok=True)
        for target, data in zip(targets, files.values(), strict=True):
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                os.replace(tmp, target)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
    except OSError as exc:
        print(f"could not write {out}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"wrote {out}")
    return 0


def _template(args) -> int:
    from warddash import importer

    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_bytes(importer.template(args.format))
    print(f"wrote {args.out}")
    return 0


def _import(args) -> int:
    from warddash import importer

    path = Path(args.file)
    if not path.is_file():
        print(f"no such file: {path}", file=sys.stderr)
        return 2
    try:
        summary = importer.import_file(path.read_bytes(), path.name, dry_run=args.dry_run)
    except importer.ImportRejected as exc:
        print(exc.report(args.lang), file=sys.stderr)
        return 1
    except importer.ImportFailed as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return 1
    except (BuildError, OSError) as exc:  # a database that cannot be built, a folder that cannot be written
        print(f"import failed, nothing changed: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # duckdb's errors: the database path is not a database (a folder, junk)
        if type(exc).__module__.split(".")[0] not in ("duckdb", "_duckdb"):
            raise
        print(f"import failed, nothing changed: cannot open the database {db_path()} ({exc})", file=sys.stderr)
        return 1
    verb = "would import" if args.dry_run else "imported"
    print(f"{verb} {summary['rows']} row(s) as {summary['import_id']} ({summary['source_title']})")
    return 0


def _imports(args) -> int:
    from warddash import importer

    if args.action == "list":
        df = importer.list_imports()
        print(df.to_string(index=False) if len(df) else "no imports")
        return 0
    if not args.id:
        print(f"imports {args.action} needs an import id", file=sys.stderr)
        return 2
    try:
        (importer.remove_import if args.action == "remove" else importer.restore_import)(args.id)
    except (OSError, BuildError) as exc:  # a full disk: the import, ledger and database are as they were
        print(f"{args.action} failed, nothing changed: {getattr(exc, 'strerror', None) or exc}", file=sys.stderr)
        return 1
    except KeyError:
        print(f"no {'import' if args.action == 'remove' else 'removed import'} {args.id!r}", file=sys.stderr)
        return 1
    print(f"{'removed' if args.action == 'remove' else 'restored'} {args.id}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m warddash")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build the DuckDB database from data/")
    b.add_argument("--db", type=Path, default=None, help="output file (default data/warddash.duckdb)")
    b.add_argument("--data", type=Path, default=DATA_DIR, help="folder of source files")
    e = sub.add_parser("export", help="export a page's charts as slides, images, spreadsheets or a bundle")
    e.add_argument("--page", required=True)
    e.add_argument("--district", action="append", default=[], help="district code; repeat for several")
    e.add_argument("--period", action="append", default=[], help="period id; repeat for several")
    e.add_argument("--lang", choices=["vi", "en"], default="vi")
    e.add_argument("--format", choices=FORMATS, required=True)
    e.add_argument("--out", required=True, help="file (pptx, xlsx, zip) or folder (png, svg, csv)")
    e.add_argument(
        "--base-url",
        default=os.environ.get("WARDDASH_BASE_URL", "http://localhost:8501"),
        help="where the dashboard is served, for the absolute link in slides and bundles "
        "(default $WARDDASH_BASE_URL, else http://localhost:8501)",
    )
    tp = sub.add_parser("template", help="write the import template (one valid example row)")
    tp.add_argument("--format", choices=["csv", "xlsx"], required=True)
    tp.add_argument("--out", required=True)
    im = sub.add_parser("import", help="import a district's per-ward figures (all or nothing)")
    im.add_argument("file")
    im.add_argument("--dry-run", action="store_true", help="validate only")
    im.add_argument("--lang", choices=["vi", "en"], default="vi", help="language of the problem list")
    ims = sub.add_parser("imports", help="list or remove imports")
    ims.add_argument(
        "action", choices=["list", "remove", "restore"], help="restore: undo a removal (until the next import)"
    )
    ims.add_argument("id", nargs="?")
    bn = sub.add_parser("bench", help="measure speed and memory (prints a table; never fails on a miss)")
    bn.add_argument("--quick", action="store_true", help="about a minute, real data only")
    bn.add_argument("--json", type=Path, default=None, help="also write the results as JSON")
    bn.add_argument("--national", type=Path, default=None, help="where to write the synthetic database")
    args = parser.parse_args(argv)
    if args.command == "build":
        try:
            out = build(args.db or db_path(), args.data)
        except BuildError as exc:
            print(f"build failed: {exc}", file=sys.stderr)
            return 1
        except OSError as exc:  # a full disk, a read-only folder: the previous database is untouched
            print(f"build failed, the previous database is untouched: {exc.strerror or exc}", file=sys.stderr)
            return 1
        except Exception as exc:  # duckdb's own I/O errors (a full disk while writing the new file)
            if type(exc).__module__.split(".")[0] not in ("duckdb", "_duckdb"):
                raise
            print(f"build failed, the previous database is untouched: {exc}", file=sys.stderr)
            return 1
        print(f"built {out}")
    elif args.command == "export":
        return _export(args)
    elif args.command == "template":
        return _template(args)
    elif args.command == "import":
        return _import(args)
    elif args.command == "imports":
        return _imports(args)
    elif args.command == "bench":
        from warddash import bench

        rows = bench.run(quick=args.quick, json_path=args.json, national=args.national)
        print(bench.table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
