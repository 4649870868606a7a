"""The build: typed, constrained, atomic. A broken file fails with a clear message and the
previous database stays byte-identical."""

import hashlib
import threading

import duckdb
import pytest

from tests.conftest import FIXTURES
from warddash import db
from warddash.__main__ import main


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_fixture_build_has_every_public_view(fx):
    names = {r[0] for r in fx.execute("select table_name from information_schema.tables").fetchall()}
    for view in [
        "sources",
        "facts",
        "units",
        "crosswalk",
        "ward_workload",
        "period_comparison",
        "district_workload",
        "petition_rates",
        "article_vs_census",
        "ward_staffing",
        "unit_transition",
    ]:
        assert view in names


def test_codes_stay_text_with_leading_zeros(fx):
    codes = fx.execute("select unit_code from units where snapshot_id = '2021-07' order by unit_code").fetchall()
    assert codes[0][0] == "00070"
    assert fx.execute("select typeof(district_code) from units limit 1").fetchone()[0] == "VARCHAR"


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


BROKEN = [
    ("bad type", "pilot_wards_2021.csv", ",78845,", ",many,", ["pilot_wards_2021.csv", "many"]),
    ("duplicate key", "facts.csv", "F007,", "F006,", ["facts.csv", "line", "F006"]),
    (
        "unknown source",
        "facts.csv",
        ",tccs-2022-urban-pilot,¶21,đã tiếp",
        ",no-such-source,¶21,đã tiếp",
        ["facts.csv", "line 3", "no-such-source"],
    ),
    ("negative count", "pilot_wards_2021.csv", ",14000,", ",-14000,", ["pilot_wards_2021.csv", "line 4", "CHECK"]),
    ("rate over 100", "facts.csv", ",96.2,", ",196.2,", ["facts.csv", "line", "CHECK"]),
    ("unknown period", "facts.csv", ",2022-06-30,,tccs", ",2022-06-30,middle_ages,tccs", ["facts.csv", "middle_ages"]),
    (
        "period named beside dates",
        "facts.csv",
        ",2022-06-30,,tccs",
        ",2022-06-30,pilot,tccs",
        ["facts.csv", "period_stated"],
    ),
]


@pytest.mark.parametrize("case,file,old,new,words", BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_file_fails_clearly_and_keeps_old_database(case, file, old, new, words, data_copy, tmp_path, capsys):
    target = tmp_path / "out.duckdb"
    db.build(target, data_copy)
    before = digest(target)
    _edit(data_copy / file, old, new)
    with pytest.raises(db.BuildError) as err:
        db.build(target, data_copy)
    for w in words:
        assert w in str(err.value), (case, str(err.value))
    assert digest(target) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".build-")) == []
    # the command line says the same and exits non-zero
    assert main(["build", "--db", str(target), "--data", str(data_copy)]) == 1
    assert file in capsys.readouterr().err
    assert digest(target) == before


def test_cli_build_succeeds(data_copy, tmp_path, capsys):
    assert main(["build", "--db", str(tmp_path / "x.duckdb"), "--data", str(data_copy)]) == 0
    assert "built" in capsys.readouterr().out


def test_rebuild_while_a_reader_is_open_swaps_atomically(data_copy, tmp_path):
    target = db.build(tmp_path / "live.duckdb", data_copy)
    reader = duckdb.connect(str(target), read_only=True)
    _edit(data_copy / "pilot_wards_2021.csv", ",14000,", ",14001,")
    db.build(target, data_copy)
    # the open reader keeps the old file; a new reader sees the new data
    old = reader.execute(
        "select population from units where unit_code = '00328' and snapshot_id = '2021-07'"
    ).fetchone()
    reader.close()
    new = (
        db.connect(target)
        .execute("select population from units where unit_code = '00328' and snapshot_id = '2021-07'")
        .fetchone()
    )
    assert (old[0], new[0]) == (14000, 14001)


def test_two_builds_at_once_leave_one_whole_file(data_copy, tmp_path):
    target = tmp_path / "race.duckdb"
    errors = []

    def run():
        try:
            db.build(target, data_copy)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    assert db.connect(target).execute("select count(*) from facts").fetchone()[0] > 0


def test_staleness(tmp_path, data_copy):
    assert db.is_stale(tmp_path / "missing.duckdb")
    built = db.build(tmp_path / "fresh.duckdb")
    assert not db.is_stale(built)


def test_a_killed_builds_leftovers_are_cleaned_by_the_next_build(tmp_path):
    target = tmp_path / "w.duckdb"
    for name in (".build-abc123.duckdb", ".build-abc123.duckdb.wal"):
        (tmp_path / name).write_bytes(b"half a build")
    db.build(target, FIXTURES)
    assert not list(tmp_path.glob(".build-*")) and target.exists()


def test_a_linked_database_is_rebuilt_where_the_link_points(tmp_path):
    real = tmp_path / "real" / "w.duckdb"
    real.parent.mkdir()
    db.build(real, FIXTURES)
    link = tmp_path / "w.duckdb"
    link.symlink_to(real)
    db.build(link, FIXTURES)
    assert link.is_symlink() and link.resolve() == real.resolve()
