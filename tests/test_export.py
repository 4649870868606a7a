"""Exporters on the fixture database: images, slides, spreadsheets, bundles, and the CLI."""

import io
import zipfile

import pandas as pd
import pytest
from openpyxl import load_workbook
from PIL import Image
from pptx import Presentation

from warddash import db, export, slides
from warddash.__main__ import main
from warddash.views import Filters, build


@pytest.fixture
def run(fx):
    return lambda name, **p: db.run_query(fx, name, **p)


@pytest.fixture
def workload(run):
    f = Filters(lang="vi", districts=["008"])
    specs = build("workload", run, f)
    cites = run("source_citations", source_ids=sorted({s for sp in specs for s in sp.source_ids}))
    return specs, f, cites, {"008": "Hoàng Mai"}


def test_png_is_2x_slide_size_and_not_blank(workload):
    specs, f, cites, names = workload
    png = export.image(specs[0], f, cites, names, "png")
    img = Image.open(io.BytesIO(png)).convert("L")
    assert img.size == (2560, 1440)
    lo, hi = img.getextrema()
    assert hi - lo > 100  # ink on paper, not a blank or near-black image
    assert sum(1 for p in img.getdata() if p < 200) > 10_000


def test_svg_carries_title_filters_and_footnote(workload):
    specs, f, cites, names = workload
    svg = export.image(specs[0], f, cites, names, "svg").decode("utf-8")
    assert "Phân bố dân số phường" in svg
    assert "Hoàng Mai" in svg  # the active filter, under the title
    assert "Nguồn" in svg and "biểu dân số theo phường" in svg  # the source footnote
    assert "15.000" in svg  # Vietnamese number format on the reference line


def test_english_export_uses_english_format(run):
    f = Filters(lang="en")
    spec = build("workload", run, f)[0]
    cites = run("source_citations", source_ids=spec.source_ids)
    svg = export.image(spec, f, cites, {}, "svg").decode("utf-8")
    assert "Sources" in svg and "15,000" in svg


def test_deck_has_title_chart_and_sources_slides_with_notes(workload, run):
    specs, f, cites, names = workload
    data = slides.deck("workload", specs, f, cites, names, "https://dash.example.org", run("periods"))
    prs = Presentation(io.BytesIO(data))
    assert round(prs.slide_width / prs.slide_height, 2) == round(16 / 9, 2)
    deck = list(prs.slides)
    assert len(deck) == len(specs) + 2
    first = " ".join(s.text_frame.text for s in deck[0].shapes if s.has_text_frame)
    assert "Khối lượng công việc" in first and "Hoàng Mai" in first
    assert "https://dash.example.org/workload?district=008" in first  # an absolute link
    assert "Thí điểm chính quyền đô thị" in first  # the periods, by name and dates
    for slide, spec in zip(deck[1:-1], specs, strict=False):
        texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        assert spec.title in texts  # the title is slide text, not only inside a picture
        notes = slide.notes_slide.notes_text_frame.text
        assert spec.title in notes and "Nguồn" in notes and "Định nghĩa" in notes
        assert any(f"[{s}]" in notes for s in spec.source_ids)
    last = " ".join(s.text_frame.text for s in deck[-1].shapes if s.has_text_frame)
    assert "[nq-1211-2016]" in last and "OpenStreetMap" in last


def test_xlsx_headers_are_localised_and_formulas_escaped():
    df = pd.DataFrame(
        {
            "unit_name": ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "Hoàng Liệt"],
            "population": [1, 2, 3, 4, 78845],
        }
    )
    wb = load_workbook(io.BytesIO(export.xlsx_bytes({"t": df}, "vi")))
    ws = wb["t"]
    assert [c.value for c in ws[1]] == ["Đơn vị hành chính", "Dân số"]
    col = [ws.cell(row=r, column=1).value for r in range(2, 7)]
    # nothing is a formula: "=" is escaped, and "+1", "-2", "@SUM" are text cells kept as quoted
    assert all(ws.cell(row=r, column=1).data_type == "s" for r in range(2, 7))
    assert col == ['\'=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "Hoàng Liệt"]
    assert ws.cell(row=6, column=2).value == 78845  # numbers stay numbers
    en = load_workbook(io.BytesIO(export.xlsx_bytes({"t": df}, "en")))["t"]
    assert en["A1"].value == "Administrative unit"


def test_csv_is_utf8_with_bom_and_escaped():
    df = pd.DataFrame({"excerpt": ["=1+1", "đã tiếp 15.376 lượt"]})
    raw = export.csv_bytes(df, "vi")
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert "Trích dẫn" in text and "'=1+1" in text and "đã tiếp 15.376 lượt" in text


def test_bundle_holds_data_images_and_readme(workload):
    specs, f, cites, names = workload
    z = zipfile.ZipFile(io.BytesIO(export.bundle("workload", specs, f, cites, names, base_url="http://localhost:8501")))
    files = set(z.namelist())
    for spec in specs:
        assert {f"data/{spec.key}.csv", f"images/{spec.key}.png", f"images/{spec.key}.svg"} <= files
    assert {"README.md", "data/workload.xlsx"} <= files
    readme = z.read("README.md").decode("utf-8")
    assert "http://localhost:8501/workload?district=008" in readme
    assert "[census-2019]" in readme and "OpenStreetMap" in readme


@pytest.fixture
def cli_db(fixture_db, monkeypatch):
    monkeypatch.setenv("WARDDASH_DB", str(fixture_db))


def test_cli_export_formats(cli_db, tmp_path, capsys):
    assert main(["export", "--page", "staffing", "--format", "pptx", "--out", str(tmp_path / "s.pptx")]) == 0
    assert len(Presentation(str(tmp_path / "s.pptx")).slides) == 5
    assert (
        main(
            [
                "export",
                "--page",
                "workload",
                "--district",
                "008",
                "--lang",
                "en",
                "--format",
                "svg",
                "--out",
                str(tmp_path / "svg"),
            ]
        )
        == 0
    )
    assert sorted(p.name for p in (tmp_path / "svg").iterdir()) == [
        "box.svg",
        "dist.svg",
        "map.svg",
        "top.svg",
        "treemap.svg",
        "wardpop.svg",
    ]
    assert main(["export", "--page", "petitions", "--format", "xlsx", "--out", str(tmp_path / "p.xlsx")]) == 0
    sheets = load_workbook(tmp_path / "p.xlsx").sheetnames
    assert sheets[0] == "Tiếp dân và đơn thư tại 6…"  # named by the chart's title, cut at a word


@pytest.mark.parametrize(
    "argv,message",
    [
        (["--page", "nope", "--format", "png"], "unknown page 'nope'"),
        (["--page", "workload", "--district", "999", "--format", "png"], "unknown district 999"),
        (["--page", "overview", "--period", "middle_ages", "--format", "pptx"], "unknown period middle_ages"),
        (["--page", "sources", "--format", "pptx"], "holds tables only"),
        (["--page", "imports", "--format", "csv"], "nothing to export"),
        (["--page", "district", "--format", "pptx"], "choose one with --district"),
    ],
)
def test_cli_export_errors_exit_non_zero_with_a_message(cli_db, tmp_path, capsys, argv, message):
    assert main(["export", *argv, "--out", str(tmp_path / "x")]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


def test_cli_unknown_format_is_refused(cli_db, tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["export", "--page", "workload", "--format", "gif", "--out", str(tmp_path / "x")])
    assert exc.value.code == 2
    assert "invalid choice: 'gif'" in capsys.readouterr().err


def test_citations_never_show_internal_paths():
    import pandas as pd

    from warddash import export

    row = pd.Series(
        {
            "source_id": "tccs-2022-urban-pilot",
            "publisher": "Tạp chí Cộng sản",
            "title": "Phát huy dân chủ",
            "published_on": None,
            "url": "shared/sources/000_2cb4e2d38f967289.txt",
        }
    )
    text = export.full_citation(row, "vi")
    assert "shared/" not in text and "bản lưu" in text
    row["url"] = "https://example.org/a"
    assert export.full_citation(row, "en").endswith("https://example.org/a")


@pytest.mark.parametrize(
    "fmt,out",
    [
        ("csv", "data"),
        ("csv", "data/sub"),
        ("xlsx", "data/facts.csv"),
        ("xlsx", "DB"),
        ("pptx", "DIR"),
        ("csv", "FILE"),
    ],
)
def test_cli_export_never_overwrites_data_or_database_and_refuses_bad_paths(cli_db, tmp_path, capsys, fmt, out):
    from warddash import DATA_DIR

    db_file = db.db_path()
    paths = {"DB": str(db_file), "DIR": str(tmp_path), "FILE": str(tmp_path / "a.txt")}
    (tmp_path / "a.txt").write_text("keep")
    before = {p: p.read_bytes() for p in [*DATA_DIR.glob("*.csv"), db_file]}
    target = paths.get(out, str(DATA_DIR.parent / out))
    assert main(["export", "--page", "staffing", "--format", fmt, "--out", target]) == 2
    err = capsys.readouterr().err
    assert err and "Traceback" not in err
    assert {p: p.read_bytes() for p in before} == before
    assert not (DATA_DIR / "sub").exists() and (tmp_path / "a.txt").read_text() == "keep"


def test_cli_export_refuses_a_base_url_that_is_not_a_web_address(cli_db, tmp_path, capsys):
    for bad in ("", "javascript:alert(1)", "http://a b.example/x"):
        assert (
            main(
                [
                    "export",
                    "--page",
                    "staffing",
                    "--format",
                    "pptx",
                    "--out",
                    str(tmp_path / "s.pptx"),
                    "--base-url",
                    bad,
                ]
            )
            == 2
        )
        assert "--base-url" in capsys.readouterr().err
    assert not (tmp_path / "s.pptx").exists()
