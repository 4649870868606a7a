"""User journeys in the real Chromium against a server started here on a free loopback port."""

import os
import re
from pathlib import Path

import pytest

from warddash import ROOT
from warddash.serve import CHROMIUM, CHROMIUM_ARGS
from warddash.serve import server as start_server

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "test-artifacts"

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing: CI must install Debian's chromium", pytrace=False)
    pytest.skip(f"browser tests need {CHROMIUM} (apt-get install chromium)", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect


@pytest.fixture
def server(real_db, tmp_path):
    """A fresh server process on its own copy of the database: the first request it gets is the test's."""
    db_copy = tmp_path / "warddash.duckdb"
    db_copy.write_bytes(real_db.read_bytes())
    with start_server(db_copy, tmp_path / "server.log", env={"WARDDASH_IMPORTS": str(tmp_path / "imports")}) as (
        _,
        base,
    ):
        yield base


@pytest.fixture
def page(server):
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        pg = browser.new_page(viewport={"width": 1440, "height": 1000})
        pg.set_default_timeout(30_000)
        yield pg
        browser.close()


def shot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


def test_deep_link_first_then_filter_then_language(server, page):
    # the very first request of a fresh server is a shared deep link
    page.goto(f"{server}/workload?district=008&lang=en")
    expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=30_000)
    expect(page.get_by_role("heading", name="Workload")).to_be_visible()
    sidebar = page.get_by_test_id("stSidebar")
    # our own navigation, in the chosen language, not the file names of legacy mode
    expect(sidebar.get_by_role("link", name="Petitions & dialogue")).to_be_visible()
    expect(sidebar.get_by_text("petitions", exact=True)).to_have_count(0)
    # wide layout: the main block uses most of the window
    width = page.get_by_test_id("stMainBlockContainer").bounding_box()["width"]
    assert width > 1000
    whatif = page.get_by_test_id("stMetric").filter(has_text="Urban-district wards over")
    expect(whatif).to_contain_text("13 / 14")
    shot(page, "workload-hoang-mai-en")

    # change the district: Hoàng Mai out, Cầu Giấy in
    sidebar.get_by_role("button", name="Remove Hoàng Mai").click()
    expect(whatif).to_contain_text("112 / 166", timeout=20_000)
    sidebar.get_by_role("combobox", name="Districts").click()
    page.keyboard.type("Cầu Giấy")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    expect(whatif).to_contain_text("8 / 8", timeout=20_000)
    assert "district=005" in page.url
    shot(page, "workload-cau-giay-en")

    # switch language: Vietnamese labels and number format
    sidebar.get_by_text("Tiếng Việt", exact=True).click()
    expect(page.get_by_role("heading", name="Khối lượng công việc")).to_be_visible(timeout=20_000)
    expect(page.get_by_test_id("stMetric").filter(has_text="Phường thuộc quận trên 15.000 dân")).to_contain_text(
        "8 / 8"
    )
    assert "lang=" not in page.url
    shot(page, "workload-cau-giay-vi")


def test_every_page_from_the_sidebar(server, page):
    page.goto(server)
    expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=30_000)
    shot(page, "overview-vi")
    for name, slug in [
        ("Chỉ số quản trị", "governance"),
        ("Khối lượng công việc", "workload"),
        ("Biên chế", "staffing"),
        ("Tiếp dân, kiến nghị", "petitions"),
        ("Chuyển đổi 2025", "transition"),
        ("Hồ sơ quận", "district"),
        ("Nguồn và dữ liệu", "sources"),
    ]:
        page.get_by_test_id("stSidebar").get_by_role("link", name=name).click()
        expect(page.get_by_role("heading", name=name).first).to_be_visible(timeout=30_000)
        if slug == "district":  # the profile asks for a district: pick one as a user does
            page.get_by_test_id("stMain").get_by_test_id("stSelectbox").click()
            page.get_by_role("option", name="Hoàng Mai").click()
            expect(page.get_by_role("heading", name="Hoàng Mai").first).to_be_visible(timeout=30_000)
        if slug != "sources":
            expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=30_000)
        page.wait_for_timeout(800)
        shot(page, f"{slug}-vi")
        assert page.get_by_test_id("stException").count() == 0, slug


def test_presenter_downloads_deck_and_bundle_from_a_shared_link(server, page, tmp_path):
    import zipfile

    from pptx import Presentation

    page.goto(f"{server}/staffing?district=008")
    expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=30_000)
    page.get_by_role("button", name="Xuất").click()
    with page.expect_download(timeout=60_000) as dl:
        page.get_by_role("button", name="Bộ trình chiếu (PPTX)").click()
    deck = tmp_path / "deck.pptx"
    dl.value.save_as(deck)
    prs = Presentation(str(deck))
    assert len(prs.slides) == 5  # title, three charts, sources
    assert "Hoàng Mai" in " ".join(s.text_frame.text for s in prs.slides[0].shapes if s.has_text_frame)
    assert "Nguồn" in prs.slides[1].notes_slide.notes_text_frame.text
    with page.expect_download(timeout=90_000) as dl:
        page.get_by_role("button", name="Gói dữ liệu và hình (ZIP)").click()
    bundle = tmp_path / "view.zip"
    dl.value.save_as(bundle)
    names = set(zipfile.ZipFile(bundle).namelist())
    assert {"README.md", "data/staff.csv", "images/staff.png", "images/staff.svg", "data/staffing.xlsx"} <= names
    shot(page, "export-popover")


def test_researcher_imports_sees_it_marked_and_removes_it(server, page, tmp_path):
    from tests.test_importer import rows_csv, staff

    upload = tmp_path / "hoang_mai.csv"
    upload.write_bytes(rows_csv([staff("00337", "25"), staff("00316", "18")]))
    page.goto(f"{server}/imports")
    expect(page.get_by_role("heading", name="Nhập số liệu")).to_be_visible(timeout=30_000)
    page.locator("input[type=file]").set_input_files(str(upload))
    expect(page.get_by_text("Hợp lệ: 2 dòng")).to_be_visible(timeout=30_000)
    page.get_by_role("button", name="Nhập tệp này").click()
    expect(page.get_by_text("Đã nhập 2 dòng")).to_be_visible(timeout=60_000)
    shot(page, "import-done")
    page.goto(f"{server}/staffing?district=008")
    expect(page.get_by_text("Do người dùng nhập")).to_be_visible(timeout=30_000)
    expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=30_000)
    page.get_by_text("Số liệu nhập (không phải số công bố)").scroll_into_view_if_needed()
    shot(page, "staffing-imported")
    page.goto(f"{server}/imports")
    page.get_by_role("combobox", name="Chọn lần nhập").click(timeout=30_000)
    option = page.get_by_role("option").filter(has_text="imp-").first
    option.wait_for(timeout=30_000)
    option.click()
    confirm = page.get_by_text(re.compile(r"Tôi muốn xóa lần nhập imp-"))  # removal is confirmed first
    expect(confirm).to_be_visible(timeout=30_000)
    confirm.click()
    remove = page.get_by_role("button", name="Xoá lần nhập này")
    expect(remove).to_be_enabled(timeout=30_000)
    remove.click()
    expect(page.get_by_text("Chưa có số liệu nhập.")).to_be_visible(timeout=60_000)
    bad = tmp_path / "bad.csv"
    bad.write_bytes(rows_csv([staff("99999", value="-1")]))
    page.locator("input[type=file]").set_input_files(str(bad))
    expect(page.get_by_text("Tệp bị từ chối: 2 lỗi")).to_be_visible(timeout=30_000)
    expect(
        page.get_by_text("dòng 2, cột unit_code: Mã đơn vị '99999' không có trong danh mục 2021-07.")
    ).to_be_visible()
    expect(page.get_by_text("dòng 2, cột value: Giá trị âm.")).to_be_visible()
    shot(page, "import-refused")


def test_presenter_clicker_keys_move_through_the_slides(server, page):
    """A clicker sends Right/Left or PageDown/PageUp (some Space); Home and End jump to the ends."""

    def slide():
        expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=30_000)
        page.wait_for_timeout(600)
        return page.get_by_text(re.compile(r"^\d+ / \d+$")).first.inner_text()

    page.goto(f"{server}/workload?present=1")
    assert slide().startswith("1 /")
    total = slide().split("/")[1].strip()
    for key, expected in [("PageDown", "2"), ("ArrowRight", "3"), ("Space", "4"), ("PageUp", "3"), ("ArrowLeft", "2")]:
        page.mouse.click(5, 5)
        page.keyboard.press(key)
        page.wait_for_function(
            "e => [...document.querySelectorAll('div')].some(d => d.innerText && d.innerText.trim() === e)",
            arg=f"{expected} / {total}",
            timeout=20_000,
        )
    page.keyboard.press("End")
    page.wait_for_function(
        "e => [...document.querySelectorAll('div')].some(d => d.innerText && d.innerText.trim() === e)",
        arg=f"{total} / {total}",
        timeout=20_000,
    )
    page.keyboard.press("Home")
    page.wait_for_function(
        "e => [...document.querySelectorAll('div')].some(d => d.innerText && d.innerText.trim() === e)",
        arg=f"1 / {total}",
        timeout=20_000,
    )
