"""Vietnamese-first formatting and the vi/en text catalogue. Pages never hand-format."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from babel.dates import format_date
from babel.numbers import format_decimal

LANGS = ("vi", "en")
LOCALE = {"vi": "vi_VN", "en": "en_US"}
# Plotly separators: decimal then thousands
PLOTLY_SEPARATORS = {"vi": ",.", "en": ".,"}


def _missing(value) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


_VI = str.maketrans({",": ".", ".": ","})


def num(value, lang: str = "vi", decimals: int = 0) -> str:
    """15376 -> '15.376' (vi) / '15,376' (en); missing -> an em dash.

    Same output as Babel's vi_VN / en_US decimal patterns (a test checks it), at a fraction of the
    cost: tables format thousands of cells on every rerun."""
    if _missing(value):
        return "—"
    text = f"{float(value):,.{decimals}f}"
    if text.startswith("-") and float(text.replace(",", "")) == 0:
        text = text[1:]
    return text.translate(_VI) if lang == "vi" else text


def num_babel(value, lang: str = "vi", decimals: int = 0) -> str:
    """Babel's formatting, the reference num() is tested against."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=LOCALE[lang])


def pct(value, lang: str = "vi", decimals: int = 1) -> str:
    """96.2 (a percentage, not a fraction) -> '96,2%' (vi) / '96.2%' (en)."""
    if _missing(value):
        return "—"
    return num(value, lang, decimals) + "%"


def signed(value, lang: str = "vi", decimals: int = 1, suffix: str = "") -> str:
    """A change with its sign: '−1.354', '+2,5 đ.p.'."""
    if _missing(value):
        return "—"
    sign = "+" if value > 0 else ("−" if value < 0 else "±")
    return f"{sign}{num(abs(value), lang, decimals)}{suffix}"


def kpi_delta(changes: pd.DataFrame, ref: str, lang: str, pp: str) -> dict:
    """The change a KPI card shows against the previous period: only a change period_comparison
    computed for this very figure (one series, kind and scope), in points for rates and % otherwise; the
    arrow follows the sign, the colour whether the metric is better higher (grey where unknown).

    changes: period_comparison rows (ref_b, scale, pct_change, pp_change, higher_is_better,
    not_computed_reason)."""
    none = {"delta": None, "arrow": "off", "colour": "off"}
    hit = changes[(changes.ref_b == ref) & changes.not_computed_reason.isna()] if len(changes) else changes
    if hit.empty:
        return none
    c = hit.iloc[-1]
    value = c["pp_change"] if c["scale"] == "rate" else c["pct_change"]
    if _missing(value):
        return none
    text = signed(value, lang, 1, pp if c["scale"] == "rate" else "%")
    arrow = "up" if value > 0 else ("down" if value < 0 else "off")
    better = c["higher_is_better"]
    if _missing(better) or value == 0:
        colour = "gray"
    else:
        colour = "green" if (value > 0) == bool(better) else "red"
    return {"delta": text, "arrow": arrow, "colour": colour}


def date(value, lang: str = "vi") -> str:
    """2025-07-01 -> '01/07/2025' (vi) / 'Jul 1, 2025' (en)."""
    if _missing(value):
        return "—"
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    elif isinstance(value, pd.Timestamp):
        value = value.date()
    elif isinstance(value, dt.datetime):
        value = value.date()
    if lang == "vi":
        return value.strftime("%d/%m/%Y")
    return format_date(value, format="medium", locale=LOCALE[lang])


def date_range(start, end, lang: str = "vi") -> str:
    if _missing(start) and _missing(end):
        return t("undated", lang)
    if _missing(start):
        return f"… – {date(end, lang)}"
    if _missing(end):
        return f"{date(start, lang)} – …"
    if str(start)[:10] == str(end)[:10]:
        return date(start, lang)
    return f"{date(start, lang)} – {date(end, lang)}"


QUALIFIER = {
    "vi": {
        "over": "hơn",
        "nearly": "gần",
        "about": "khoảng",
        "at least": "ít nhất",
        "at most": "tối đa",
        "average": "bình quân",
        "range low": "từ",
        "range high": "đến",
        "sum of parts": "tổng các phần",
        "": "",
    },
    "en": {
        "over": "over",
        "nearly": "nearly",
        "about": "about",
        "at least": "at least",
        "at most": "at most",
        "average": "average",
        "range low": "from",
        "range high": "to",
        "sum of parts": "sum of the parts",
        "": "",
    },
}


def qualified(value, qualifier: str | None, unit: str, lang: str = "vi") -> str:
    """A published figure with its hedge: 'hơn 22.300', '96,2%'."""
    text = pct(value, lang, _decimals(value)) if unit == "%" else num(value, lang, _decimals(value))
    q = QUALIFIER[lang].get(qualifier or "", qualifier or "")
    return f"{q} {text}".strip()


def _decimals(value) -> int:
    """The precision a figure was published with (up to 4 decimals, as PAPI's 43,9049); a longer fraction comes
    from a computation, shown to 1 decimal."""
    if _missing(value):
        return 0
    if float(value).is_integer():
        return 0
    places = len(repr(float(value)).split(".")[1])
    return places if places <= 4 else 1


TEXT: dict[str, dict[str, str]] = {
    "app_title": {
        "vi": "Chính quyền phường Hà Nội qua ba giai đoạn",
        "en": "Hanoi's ward government across three periods",
    },
    "nav_overview": {"vi": "Tổng quan", "en": "Overview"},
    "nav_governance": {"vi": "Chỉ số quản trị", "en": "Governance indices"},
    "nav_workload": {"vi": "Khối lượng công việc", "en": "Workload"},
    "nav_staffing": {"vi": "Biên chế", "en": "Staffing"},
    "nav_petitions": {"vi": "Tiếp dân, kiến nghị", "en": "Petitions & dialogue"},
    "nav_transition": {"vi": "Chuyển đổi 2025", "en": "Transition 2025"},
    "nav_district": {"vi": "Hồ sơ quận", "en": "District profile"},
    "nav_sources": {"vi": "Nguồn và dữ liệu", "en": "Sources & data"},
    "nav_imports": {"vi": "Nhập số liệu", "en": "Import figures"},
    "imports_intro": {
        "vi": "Nạp số liệu riêng từng phường của một quận (biên chế, tiếp dân…) theo mẫu. Tệp được kiểm tra toàn bộ trước; có lỗi thì không thay đổi gì; hợp lệ thì nhập trọn vẹn, dưới nguồn do bạn trích dẫn, và luôn được đánh dấu là số liệu nhập.",
        "en": "Load a district's own per-ward figures (staffing, receptions…) from the template. The whole file is checked first; any problem changes nothing; a valid file lands whole, under the source you cite, always marked as imported.",
    },
    "template_csv": {"vi": "Mẫu CSV", "en": "CSV template"},
    "template_xlsx": {"vi": "Mẫu XLSX", "en": "XLSX template"},
    "upload": {"vi": "Chọn tệp CSV hoặc XLSX", "en": "Choose a CSV or XLSX file"},
    "import_refused": {
        "vi": "Tệp bị từ chối: {n} lỗi. Không có gì thay đổi.",
        "en": "File refused: {n} problem(s). Nothing changed.",
    },
    "problem": {"vi": "Lỗi", "en": "Problem"},
    "import_ready": {"vi": 'Hợp lệ: {n} dòng, nguồn "{s}".', "en": 'Valid: {n} row(s), source "{s}".'},
    "import_do": {"vi": "Nhập tệp này", "en": "Import this file"},
    "import_failed": {
        "vi": "Nhập không thành công, không có gì thay đổi: {e}",
        "en": "Import failed, nothing changed: {e}",
    },
    "import_done": {"vi": "Đã nhập {n} dòng ({i}).", "en": "Imported {n} row(s) ({i})."},
    "imports_list": {"vi": "Các lần nhập", "en": "Imports"},
    "no_imports": {"vi": "Chưa có số liệu nhập.", "en": "Nothing imported yet."},
    "import_pick": {"vi": "Chọn lần nhập", "en": "Pick an import"},
    "import_remove": {"vi": "Xoá lần nhập này", "en": "Remove this import"},
    "imported_heading": {
        "vi": "Số liệu nhập (không phải số công bố)",
        "en": "Imported figures (not published figures)",
    },
    "imported_note": {
        "vi": "Do người dùng nhập, kèm nguồn họ trích dẫn; số dân trên công chức tính từ biên chế riêng của phường.",
        "en": "Supplied by users with the source they cite; residents per civil servant use the ward's own count.",
    },
    "language": {"vi": "Ngôn ngữ", "en": "Language"},
    "districts": {"vi": "Quận, thị xã", "en": "Districts"},
    "districts_all": {"vi": "Tất cả {pilot_districts} quận, thị xã", "en": "All {pilot_districts} districts"},
    "periods": {"vi": "Giai đoạn so sánh", "en": "Periods to compare"},
    "bad_param": {
        "vi": "Đã bỏ qua giá trị không hợp lệ trong đường dẫn: {name}",
        "en": "Ignored an invalid value in the link: {name}",
    },
    "undated": {"vi": "không ghi thời điểm", "en": "undated"},
    "missing": {"vi": "Chưa có số liệu", "en": "No figure"},
    "col_metric": {"vi": "Chỉ số", "en": "Figure"},
    "sheet_facts": {"vi": "Số liệu", "en": "Figures"},
    "page_error": {
        "vi": "Trang này gặp lỗi ngoài dự kiến và không hiển thị được. Lỗi đã được ghi lại; hãy tải lại trang hoặc chọn trang khác.",
        "en": "This page met an unexpected error and cannot be shown. The error has been logged; reload the page or open another one.",
    },
    "import_undo": {"vi": "Hoàn tác: đưa lần nhập {i} trở lại", "en": "Undo: bring import {i} back"},
    "import_confirm": {"vi": "Tôi muốn xóa lần nhập {i}", "en": "I want to remove import {i}"},
    "import_gone": {
        "vi": "Lần nhập {i} không còn (có thể người khác đã xóa); danh sách đã được cập nhật.",
        "en": "Import {i} is no longer there (someone may have removed it); the list is up to date.",
    },
    "upload_button": {"vi": "Chọn tệp", "en": "Choose a file"},
    "upload_limit": {"vi": "Tối đa {mb} MB mỗi tệp • CSV, XLSX", "en": "Up to {mb} MB a file • CSV, XLSX"},
    "bar_over": {"vi": "Trên tiêu chuẩn của phường", "en": "Above the ward's standard"},
    "bar_under": {"vi": "Dưới tiêu chuẩn của phường", "en": "Below the ward's standard"},
    "unit_type_phường": {"vi": "phường", "en": "ward"},
    "unit_type_xã": {"vi": "xã", "en": "commune"},
    "unit_type_thị trấn": {"vi": "thị trấn", "en": "township"},
    "present_nothing": {
        "vi": "Trang này không có biểu đồ để trình chiếu (trang bảng, hoặc chưa chọn quận, thị xã).",
        "en": "This page has no chart to present (a page of tables, or no district chosen yet).",
    },
    "source_kind_legal": {"vi": "Văn bản pháp luật", "en": "Legal text"},
    "source_kind_official": {"vi": "Cổng thông tin chính thức", "en": "Official portal"},
    "source_kind_statistics": {"vi": "Thống kê chính thức", "en": "Official statistics"},
    "source_kind_national_press": {"vi": "Báo chí", "en": "Press"},
    "source_kind_other": {"vi": "Khác", "en": "Other"},
    "licences_text": {
        "vi": "- Dữ liệu tổng hợp: CC BY 4.0\n- Ranh giới đơn vị 2025: © OpenStreetMap contributors, ODbL 1.0\n- Thống kê chính thức: là dữ kiện, trích từ cơ quan công bố (xem từng nguồn)",
        "en": "- Compiled data: CC BY 4.0\n- 2025 unit boundaries: © OpenStreetMap contributors, ODbL 1.0\n- Official statistics: facts, cited to the agency that published them (see each source)",
    },
    "colour_ratio_standard": {"vi": "Dân số ÷ tiêu chuẩn", "en": "Population ÷ standard"},
    "colour_ratio_threshold": {
        "vi": "Dân số ÷ ngưỡng (xám: xã)",
        "en": "Population ÷ threshold (grey: commune)",
    },
    "scale_rate": {"vi": "tỷ lệ", "en": "rate"},
    "scale_count": {"vi": "số đếm", "en": "count"},
    "scale_ratio": {"vi": "tỷ số", "en": "ratio"},
    "scale_amount": {"vi": "số lượng", "en": "amount"},
    "scale_rank": {"vi": "thứ hạng", "en": "rank"},
    "scale_score": {"vi": "điểm", "en": "score"},
    "col_pilot_wards": {"vi": "Phường thí điểm (2021)", "en": "Pilot wards (2021)"},
    "col_units_2025": {"vi": "Xã, phường tiếp nhận (2025)", "en": "2025 units taking them in"},
    "period_open": {"vi": "nay", "en": "today"},
    "view_link": {"vi": "Đường dẫn", "en": "Link"},
    "no_figure_period": {
        "vi": "Không có số liệu cho giai đoạn này — không vẽ bằng 0.",
        "en": "No figure for this period — not drawn as zero.",
    },
    "sources_under_chart": {"vi": "Nguồn", "en": "Sources"},
    "definition": {"vi": "Định nghĩa", "en": "Definition"},
    "why_differ": {"vi": "Vì sao các con số khác nhau", "en": "Why these numbers differ"},
    "db_error": {
        "vi": "Không mở được cơ sở dữ liệu ({err}). Chạy lại `python -m warddash build`.",
        "en": "Could not open the database ({err}). Run `python -m warddash build` again.",
    },
    "footer": {
        "vi": "Mọi con số đều có nguồn; số liệu thiếu để trống, không ước tính. Bản đồ © OpenStreetMap contributors (ODbL).",
        "en": "Every figure has a source; missing figures stay missing, never estimated. Map © OpenStreetMap contributors (ODbL).",
    },
    "export": {"vi": "Xuất", "en": "Export"},
    "stored_copy": {"vi": "bản lưu kèm dữ liệu của dự án", "en": "a copy kept with the project's data"},
    "export_pptx": {"vi": "Bộ trình chiếu (PPTX)", "en": "Slide deck (PPTX)"},
    "export_zip": {"vi": "Gói dữ liệu và hình (ZIP)", "en": "Data and images bundle (ZIP)"},
    "export_chart": {"vi": "Biểu đồ", "en": "Chart"},
    "present": {"vi": "Chế độ trình chiếu", "en": "Presentation mode"},
    "previous": {"vi": "Trước", "en": "Previous"},
    "next": {"vi": "Tiếp", "en": "Next"},
    "first_slide": {"vi": "Trang đầu (Home)", "en": "First slide (Home)"},
    "last_slide": {"vi": "Trang cuối (End)", "en": "Last slide (End)"},
    "leave_present": {"vi": "Thoát trình chiếu", "en": "Leave presentation"},
    # overview
    "overview_intro": {
        "vi": "So sánh ba giai đoạn: trước thí điểm (đến {before_ends}), thí điểm chính quyền đô thị (từ {pilot_starts}) và chính quyền địa phương 2 cấp (từ {two_tier_starts}).",
        "en": "Three periods compared: before the pilot (to {before_ends}), the urban-government pilot (from {pilot_starts}) and two-tier local government (from {two_tier_starts}).",
    },
    "short_before_pilot": {"vi": "Trước thí điểm", "en": "Before"},
    "short_pilot": {"vi": "Thí điểm", "en": "Pilot"},
    "short_two_tier": {"vi": "2 cấp", "en": "Two-tier"},
    "slopes_title": {"vi": "Các chỉ số chính qua ba giai đoạn", "en": "Headline figures across the three periods"},
    "slopes_note": {
        "vi": "Mỗi ô một chỉ số với thang riêng. Ký hiệu cho biết loại số liệu (báo cáo, tính lại, định mức…); đường nối chỉ nối hai giai đoạn có số liệu cùng chuỗi, cùng loại, cùng phạm vi. Giai đoạn không có số liệu so sánh được để trống (—), không vẽ bằng 0.",
        "en": "One panel per figure, each on its own scale. The marker says the kind of figure (reported, derived, norm…); a line joins two periods only where the figures are of one series, kind and scope. A period with no comparable figure is left empty (—), never drawn as zero.",
    },
    "no_comparable": {"vi": "Chưa có số liệu so sánh được", "en": "No comparable figure yet"},
    "no_comparable_short": {"vi": "chưa có", "en": "none yet"},
    "kind_legend": {"vi": "Loại số liệu", "en": "Kind of figure"},
    "kpi_heading": {"vi": "Chỉ số chính theo giai đoạn", "en": "Key figures by period"},
    "kpi_note": {
        "vi": "Mức thay đổi chỉ hiện khi hai số cùng chuỗi, cùng loại, cùng phạm vi; mũi tên theo dấu, màu theo chiều tốt của chỉ số (xám khi không rõ).",
        "en": "A change shows only where the two figures are of one series, kind and scope; the arrow follows the sign, the colour whether higher is better (grey where that is unknown).",
    },
    "timeline": {"vi": "Mốc cải cách", "en": "Reform timeline"},
    "change_vs": {"vi": "so với {p}", "en": "vs {p}"},
    "pp": {"vi": " đ.p.", "en": " pp"},
    "slope_title": {
        "vi": "Tiếp dân và đơn thư tại {pilot_wards} phường: trước thí điểm và năm đầu thí điểm",
        "en": "Receptions and petitions at the {pilot_wards} wards: before the pilot and the pilot's first year",
    },
    "stated": {"vi": "công bố", "en": "stated"},
    "computed": {"vi": "tính lại", "en": "computed"},
    "rate_note": {
        "vi": "Tỷ lệ công bố {s} và tỷ lệ tính lại {c} ({f}) khớp nhau trong phạm vi làm tròn.",
        "en": "The stated rate {s} and the computed rate {c} ({f}) agree within rounding.",
    },
    "change_note": {
        "vi": "Bài viết nêu: {stated}; tính từ số đếm công bố: {computed}.",
        "en": "The article states: {stated}; computed from its counts: {computed}.",
    },
    # governance
    "governance_intro": {
        "vi": "Các chỉ số quốc gia đo Hà Nội theo năm, với ba giai đoạn tô nền. Đây là số đo cấp tỉnh — của cả thành phố, không phải của phường hay quận — nên chỉ là bối cảnh cho việc so sánh các giai đoạn. Thứ hạng ghi kèm số tỉnh được xếp; chỗ đổi phương pháp vẽ thành chỗ ngắt.",
        "en": "National indices that measure Hanoi by year, with the three periods shaded behind. They are province-level measures — of the whole city, not of its wards or districts — so they are context for the period comparison only. Ranks show how many provinces were ranked; a method change is drawn as a break.",
    },
    "gov_scope": {
        "vi": "Phạm vi: Hà Nội cấp tỉnh (cả thành phố), không phải phường hay quận.",
        "en": "Scope: Hanoi as a province (the whole city), not its wards or districts.",
    },
    "gov_rank": {"vi": "Thứ hạng (cao nhất ở trên)", "en": "Rank (best at the top)"},
    "gov_score": {"vi": "Điểm", "en": "Score"},
    "gov_method_break": {"vi": "Đổi phương pháp", "en": "Method change"},
    "gov_unverified": {
        "vi": "* chưa đối chiếu được với văn bản nguồn.",
        "en": "* not yet confirmed against the source's text.",
    },
    "gov_title_papi": {"vi": "PAPI: điểm tổng hợp và thứ hạng của Hà Nội", "en": "PAPI: Hanoi's total score and rank"},
    "gov_title_papi_dims": {"vi": "PAPI: các trục nội dung", "en": "PAPI: its dimensions"},
    "gov_title_par": {"vi": "PAR INDEX (cải cách hành chính)", "en": "PAR INDEX (administrative reform)"},
    "gov_title_sipas": {
        "vi": "SIPAS (hài lòng với dịch vụ hành chính)",
        "en": "SIPAS (satisfaction with administrative services)",
    },
    "gov_title_pci": {"vi": "PCI (năng lực cạnh tranh cấp tỉnh)", "en": "PCI (provincial competitiveness)"},
    "gov_title_svc766": {
        "vi": "Chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg), theo tháng",
        "en": "Citizen and business service index (Decision 766/QĐ-TTg), by month",
    },
    "gov_note_papi": {
        "vi": "PAPI (UNDP): UNDP không xếp hạng chính thức; thứ hạng là do báo chí, cơ quan công bố, kèm số tỉnh được xếp.",
        "en": "PAPI (UNDP): UNDP does not rank officially; the ranks are as the press and agencies publish them, with the number of provinces ranked.",
    },
    "gov_note_papi_dims": {
        "vi": "Mỗi trục một thang điểm riêng của PAPI. Năm khảo sát 2021 trùm lên ngày bắt đầu thí điểm.",
        "en": "Each dimension on PAPI's own scale. The 2021 survey year straddles the pilot's start.",
    },
    "gov_note_par": {
        "vi": "PAR INDEX của Bộ Nội vụ (khác với chỉ số cải cách hành chính Hà Nội tự chấm cho các quận, huyện).",
        "en": "The Ministry of Home Affairs' PAR INDEX (not Hanoi's own reform index of its districts).",
    },
    "gov_note_sipas": {
        "vi": "SIPAS của Bộ Nội vụ; phạm vi khảo sát mở rộng từ năm 2022.",
        "en": "The Ministry of Home Affairs' SIPAS; the survey widened from 2022.",
    },
    "gov_note_pci": {
        "vi": "PCI (VCCI) tính lại điểm mỗi lần công bố: so sánh thứ hạng qua các năm, còn điểm chỉ trong cùng một lần công bố (các điểm không được nối).",
        "en": "PCI (VCCI) re-bases its scores every release: compare ranks across years, scores only within one release (the scores are not joined).",
    },
    "gov_note_svc766": {
        "vi": "Chỉ số theo tháng trên Cổng dịch vụ công quốc gia; số tỉnh được xếp hạng thay đổi từ giữa năm 2025 (xem chỗ đổi phương pháp).",
        "en": "A monthly index on the national public-service portal; the number of provinces ranked changed in mid-2025 (see the method change).",
    },
    # workload
    "workload_intro": {
        "vi": "Dân số từng phường so với tiêu chuẩn áp dụng cho phường đó: {std_quan} người (phường thuộc quận) và {std_thi_xa} người (phường thuộc thị xã Sơn Tây), theo NQ 1211/2016/UBTVQH13.",
        "en": "Each ward's population against the standard that applied to it: {std_quan} (wards of an urban district) and {std_thi_xa} (wards of Sơn Tây town), Resolution 1211/2016/UBTVQH13.",
    },
    "whatif": {
        "vi": "Giả định tiêu chuẩn dân số cho phường thuộc quận",
        "en": "What-if standard for wards of an urban district",
    },
    "whatif_result": {
        "vi": "{n} trong {m} phường thuộc quận vượt {s} người",
        "en": "{n} of {m} urban-district wards exceed {s} residents",
    },
    "whatif_label": {"vi": "Phường thuộc quận trên {s} dân", "en": "Urban-district wards over {s}"},
    "whatif_short": {"vi": "Giả định", "en": "What-if"},
    "standard_quan": {"vi": "Tiêu chuẩn phường thuộc quận", "en": "Urban-district ward standard"},
    "standard_thi_xa": {"vi": "Tiêu chuẩn phường thuộc thị xã", "en": "Town ward standard"},
    "wards_over": {"vi": "Phường vượt tiêu chuẩn", "en": "Wards over their standard"},
    "dist_title": {
        "vi": "Phân bố dân số phường (Tổng điều tra 2019)",
        "en": "Ward population distribution (2019 census)",
    },
    "top_title": {"vi": "Các phường đông dân nhất (Tổng điều tra 2019)", "en": "Most populous wards (2019 census)"},
    "box_title": {
        "vi": "Dân số phường theo quận (Tổng điều tra 2019)",
        "en": "Ward population by district (2019 census)",
    },
    "treemap_title": {
        "vi": "Quận → phường, kích thước theo dân số, màu theo tỷ lệ so với tiêu chuẩn",
        "en": "District → ward, sized by population, coloured by ratio to standard",
    },
    "map_title": {
        "vi": "{units_2025} xã, phường từ {two_tier_starts}: dân số (Đề án 2025) so với ngưỡng",
        "en": "The {units_2025} units from {two_tier_starts}: population (Đề án 2025) against the threshold",
    },
    "whatif_not_applicable": {
        "vi": "Không áp dụng: các phường đang chọn thuộc thị xã, có tiêu chuẩn riêng.",
        "en": "Not applicable: the wards chosen belong to a town, which has its own standard.",
    },
    "wardpop_title": {
        "vi": "Dân số phường theo từng nguồn",
        "en": "Ward populations by source",
    },
    "wardpop_note": {
        "vi": "Tổng điều tra 2019, số công bố thời kỳ thí điểm, và đơn vị 2025 phường đã vào. Chỉ các phường có số công bố ngoài Tổng điều tra. Mỗi dấu một nguồn, không nối: đơn vị 2025 (hình thoi) là đơn vị mới sau sáp nhập, không phải phường cũ, và dân số của nó không chia lại cho phường cũ. Dấu rỗng: chưa đối chiếu được với văn bản nguồn.",
        "en": "The 2019 census, figures published in the pilot period, and the 2025 unit the ward went into. Only wards with a published figure besides the census. One mark a source, never joined: the 2025 unit (diamond) is the merged unit, not the old ward, and its population is never apportioned back. An open mark: not yet confirmed in its source's text.",
    },
    "wardpop_census": {"vi": "Tổng điều tra 2019", "en": "2019 census"},
    "wardpop_sourced": {"vi": "Số công bố (thời kỳ thí điểm)", "en": "Published figure (pilot period)"},
    "wardpop_unit_2025": {
        "vi": "Đơn vị 2025 phường đã vào (Đề án 2025)",
        "en": "2025 unit the ward went into (Đề án 2025)",
    },
    "wardpop_unverified": {"vi": "chưa đối chiếu nguồn", "en": "not confirmed in source"},
    "wardpop_part": {"vi": "một phần", "en": "part"},
    "wardpop_whole": {"vi": "toàn bộ", "en": "whole"},
    "wardpop_axis": {"vi": "Dân số (người)", "en": "Population (persons)"},
    "threshold_2025": {"vi": "Ngưỡng cho phường năm 2025", "en": "2025 ward threshold"},
    "thr_option": {"vi": "{value} (từ {since}, {basis})", "en": "{value} (from {since}, {basis})"},
    "article_vs_census": {
        "vi": "Số liệu bài viết so với Tổng điều tra 2019",
        "en": "The article's figures against the 2019 census",
    },
    "census_note": {
        "vi": "Bài TCCS dùng số dân hành chính muộn hơn; Tổng điều tra 2019 cho số khác. Cả hai được giữ và ghi rõ.",
        "en": "The TCCS article uses a later administrative count; the 2019 census gives other numbers. Both are kept and labelled.",
    },
    "district_table": {"vi": "Theo quận", "en": "By district"},
    "click_hint": {
        "vi": "Bấm vào một quận trên biểu đồ để lọc trang theo quận đó.",
        "en": "Click a district on a chart to filter the page to it.",
    },
    "waived_label": {"vi": "miễn tiêu chuẩn (hợp nhất nhiều đơn vị)", "en": "standard waived (several units merged)"},
    "waived_legend": {
        "vi": "Viền đậm: được miễn tiêu chuẩn",
        "en": "Dark outline: exempt from the standard",
    },
    "waived_note": {
        "vi": "Phường hình thành từ nhiều đơn vị cũ (số đơn vị theo luật, trong dữ liệu tiêu chuẩn) được miễn tiêu chuẩn dân số khi sắp xếp năm 2025: vẫn tô theo tỷ lệ, viền đậm, không tính là thiếu.",
        "en": "A ward formed from as many old units as the law names (in the standards data) was exempt from the population standard in the 2025 arrangement: still coloured by its ratio, with a dark outline, and not counted as short of it.",
    },
    "communes_no_std": {
        "vi": "Xã không có ngưỡng trong dữ liệu: tô màu xám.",
        "en": "Communes have no threshold in the data: shown grey.",
    },
    # staffing
    "staffing_intro": {
        "vi": "Công chức mỗi phường theo giai đoạn, và số dân trên một công chức. Số liệu từng phường là ước tính: một con số chung của thành phố (biên chế bình quân thời thí điểm, hoặc cận dưới của số thực có trước thí điểm) thay cho số riêng của phường; không dùng định mức quốc gia thay cho số của Hà Nội.",
        "en": "Civil servants per ward by period, and residents per civil servant. Per-ward figures are estimates: one city figure (the pilot's average quota, or the lower bound of the headcount before it) stands in for each ward's own count; no national norm stands in for Hanoi's.",
    },
    "staff_title": {"vi": "Công chức bình quân mỗi phường/đơn vị", "en": "Civil servants per ward/unit"},
    "ppcs_title": {"vi": "Số dân trên một công chức (ước tính)", "en": "Residents per civil servant (estimate)"},
    "staff_used": {"vi": "Số liệu dùng: {b}", "en": "Figures used: {b}"},
    "staff_not_one_series": {
        "vi": "Hai chuỗi khác nhau, không nối: trước thí điểm là số công chức thực có chia cho số phường (cận dưới, vì nguồn nói “hơn”); thời kỳ thí điểm là biên chế bình quân. Giai đoạn 2 cấp chưa có số liệu công chức bình quân mỗi phường của Hà Nội; khung biên chế quốc gia là định mức, trình bày riêng.",
        "en": "Two different series, not joined: before the pilot, civil servants in post divided by the number of wards (a lower bound, as the source says “over”); in the pilot, the average staffing quota. The two-tier period has no Hanoi per-ward civil-servant figure yet; the national staffing framework is a norm, shown apart.",
    },
    "staff_2025_title": {
        "vi": "Giai đoạn 2 cấp: biên chế mỗi xã, phường — định mức và phương án",
        "en": "Two-tier period: staff per commune/ward — norms and plans",
    },
    "staff_2025_note": {
        "vi": "Màu theo loại số liệu: hồng = định mức (khung và trần biên chế quốc gia), vàng = phương án của Hà Nội. Định mức quốc gia là bối cảnh, không phải số của Hà Nội; chưa có số công chức thực có mỗi xã, phường.",
        "en": "Colour by kind: pink = norm (the national framework and caps), yellow = Hanoi's plan. National norms are context, not Hanoi's own figures; no count of civil servants in post per commune or ward is published yet.",
    },
    "staff_context": {"vi": "Số liệu biên chế đã công bố", "en": "Published staffing figures"},
    # petitions
    "petitions_intro": {
        "vi": "Tiếp công dân và đơn thư tại {pilot_wards} phường trước thí điểm ({before_year}) và năm đầu thí điểm ({pilot_year}). Số liệu dịch vụ của giai đoạn 2 cấp có phạm vi khác, trình bày riêng.",
        "en": "Citizen receptions and petitions at the {pilot_wards} wards before the pilot ({before_year}) and in the pilot's first year ({pilot_year}). Two-tier service figures have another scope and are shown apart.",
    },
    "petitions_title": {
        "vi": "Tiếp dân và đơn thư tại {pilot_wards} phường",
        "en": "Receptions and petitions at the {pilot_wards} wards",
    },
    "rate_title": {"vi": "Tỷ lệ giải quyết: công bố và tính lại", "en": "Resolution rate: stated and computed"},
    "dialogue_title": {
        "vi": "Đối thoại, giám sát và phản biện (năm đầu thí điểm)",
        "en": "Dialogue, supervision and critique (pilot's first year)",
    },
    "delegation_title": {
        "vi": "Chứng thực do công chức được ủy quyền ký",
        "en": "Certifications signed by the delegated officer",
    },
    "two_tier_title": {
        "vi": "Giai đoạn 2 cấp: dịch vụ hành chính (phạm vi riêng, không nối với chuỗi phường)",
        "en": "Two-tier period: administrative services (own scope, never joined to the ward series)",
    },
    "scope_warning": {
        "vi": "Các số này đo toàn bộ {units_2025} xã, phường hoặc toàn thành phố; không so sánh trực tiếp với chuỗi {pilot_wards} phường.",
        "en": "These figures cover all {units_2025} communes/wards or the whole city; they are not comparable with the {pilot_wards}-ward series.",
    },
    # transition
    "transition_intro": {
        "vi": "Mỗi phường thí điểm năm 2021 đã vào (các) đơn vị nào từ {two_tier_starts} — toàn bộ hay một phần, chắc chắn hay có thể — và chiều ngược lại.",
        "en": "Which 2025 unit(s) each 2021 pilot ward went into — whole or part, certain or possible — and the reverse.",
    },
    "pick_ward": {"vi": "Chọn phường thí điểm (2021)", "en": "Pick a pilot ward (2021)"},
    "pick_unit": {"vi": "Chọn đơn vị 2025", "en": "Pick a 2025 unit"},
    "sankey_title": {
        "vi": "Quận (2021) → xã, phường (2025), theo số mảnh phường",
        "en": "District (2021) → units (2025), by ward pieces",
    },
    "unit_pop_title": {
        "vi": "Dân số đơn vị 2025 (Đề án 2025) và dân số các phường thí điểm nhập toàn bộ (Tổng điều tra 2019)",
        "en": "2025 unit population (Đề án 2025) and the census population of the pilot wards it absorbed whole",
    },
    "by_district_title": {
        "vi": "Mỗi quận, thị xã (2021): số phường thí điểm và số xã, phường (2025) tiếp nhận",
        "en": "Each district (2021): its pilot wards and the 2025 units that took them in",
    },
    "def_by_district": {
        "vi": "Số phường thí điểm theo danh mục ngày {pilot_starts} và số đơn vị cấp xã từ {two_tier_starts} nhận toàn bộ hoặc một phần các phường ấy, theo danh mục và bảng chuyển đổi của Tổng cục Thống kê và Nghị quyết 1656/NQ-UBTVQH15.",
        "en": "Pilot wards in the official list of {pilot_starts}, and the commune-level units from {two_tier_starts} that took in all or part of them, from the statistics office's lists and conversion table and Resolution 1656/NQ-UBTVQH15.",
    },
    "sankey_pick": {
        "vi": "Chọn từ một đến {n} quận, thị xã ở thanh bên để xem từng phường đi vào đơn vị nào (sơ đồ luồng).",
        "en": "Choose one to {n} districts in the sidebar to see which unit each ward went into (a flow diagram).",
    },
    "pieces_note": {
        "vi": "Chỉ cộng các phường nhập toàn bộ; phần của phường bị chia không được phân bổ vì nguồn không cho tỷ lệ.",
        "en": "Only whole wards are summed; split wards are not apportioned, as no source gives the split.",
    },
    # district
    "district_intro": {
        "vi": "Mọi số liệu của một quận qua các giai đoạn; vị trí của quận trong {pilot_districts} quận, thị xã.",
        "en": "Everything for one district across periods, and its place among the {pilot_districts}.",
    },
    "pick_district": {"vi": "Chọn quận, thị xã", "en": "Pick a district"},
    "pick_district_prompt": {"vi": "Chọn một quận, thị xã để xem hồ sơ", "en": "Pick a district to see its profile"},
    "district_one_at_a_time": {
        "vi": "Hồ sơ xem từng quận một: đang hiện {name}. Chọn quận khác ở ô dưới.",
        "en": "The profile shows one district at a time: {name}. Pick another below.",
    },
    "profile_wards": {"vi": "Số phường thí điểm", "en": "Pilot wards"},
    "profile_population": {"vi": "Dân số (Tổng điều tra 2019)", "en": "Population (2019 census)"},
    "profile_population_help": {
        "vi": "Tổng dân số các phường thí điểm của quận.",
        "en": "Total population of the district's pilot wards.",
    },
    "profile_over": {"vi": "Phường vượt tiêu chuẩn", "en": "Wards over their standard"},
    "profile_over_help": {
        "vi": "Tiêu chuẩn áp dụng cho phường của quận: {s} người.",
        "en": "The standard for the district's wards: {s} persons.",
    },
    "profile_rank_help": {
        "vi": "Theo dân số bình quân một phường, quận đông nhất đứng đầu.",
        "en": "By mean ward population, the most populous first.",
    },
    "rank_among": {"vi": "Xếp hạng trong {pilot_districts} quận, thị xã", "en": "Rank among the {pilot_districts}"},
    "district_facts": {"vi": "Số liệu công bố về quận", "en": "Published figures for the district"},
    "district_units_2025": {
        "vi": "Đơn vị 2025 thay thế các phường của quận",
        "en": "2025 units that replaced the district's wards",
    },
    # sources
    "sources_intro": {
        "vi": "Mọi con số với nguồn, thời điểm, vị trí trong tài liệu và trích dẫn ngắn. Hạng tin cậy: 1 văn bản pháp luật, 2 cổng chính phủ/thống kê, 3 báo chí quốc gia, 4 nguồn khác.",
        "en": "Every figure with its source, date, locator and a short excerpt. Reliability rank: 1 legal text, 2 government portal/statistics, 3 national press, 4 other.",
    },
    "search": {"vi": "Tìm kiếm", "en": "Search"},
    "topic": {"vi": "Chủ đề", "en": "Topic"},
    "max_rank": {"vi": "Hạng tin cậy tối đa", "en": "Worst reliability rank shown"},
    "coverage": {"vi": "Độ phủ: chỉ số × giai đoạn", "en": "Coverage: metric × period"},
    "disagreements": {"vi": "Chỗ các nguồn khác nhau", "en": "Where sources disagree"},
    "not_comparable": {"vi": "Phạm vi không so sánh được", "en": "Scopes that are not comparable"},
    "comparability": {"vi": "So sánh được gì", "en": "What can be compared"},
    "downloads_note": {
        "vi": "Tải về đúng những gì đang lọc ({n} số liệu), kèm nguồn. CSV dùng dấu chấm thập phân, không dấu phân nhóm (đọc được bằng máy, ở cả hai ngôn ngữ), UTF-8 có BOM.",
        "en": "Download exactly what is filtered ({n} figures), with the sources. CSV uses dot decimals and no grouping (machine-readable in both languages), UTF-8 with BOM.",
    },
    "download_facts_csv": {"vi": "Số liệu đang lọc (CSV)", "en": "Filtered figures (CSV)"},
    "download_facts_xlsx": {"vi": "Số liệu đang lọc và nguồn (XLSX)", "en": "Filtered figures and sources (XLSX)"},
    "corrections": {"vi": "Nhật ký đính chính", "en": "Corrections log"},
    "coverage_note": {
        "vi": "Số con số theo chỉ số và giai đoạn. Số không ghi thời điểm và số trải qua hai giai đoạn có cột riêng, không bị bỏ.",
        "en": "Figures per metric and period. Undated figures and figures spanning two periods have columns of their own; none is dropped.",
    },
    "comparability_note": {
        "vi": "Một so sánh chỉ ghép hai con số cùng chuỗi, cùng loại, cùng phạm vi; không tính % cho thứ hạng, không so qua chỗ đổi phương pháp, không tính từ số có “hơn/gần”.",
        "en": "A comparison pairs two figures of one series, one kind and one scope; no % change on ranks, none across a method break, none from figures hedged “over/nearly”.",
    },
    "disagreements_note": {
        "vi": "Hai nguồn cho hai số khác nhau về cùng một điều; cả hai được giữ. Gồm cả số bài viết với Tổng điều tra, dự thảo với Đề án được duyệt, báo chí với danh mục chính thức, và các phần không cộng đủ tổng.",
        "en": "Two sources give different values for the same thing; both are kept. Includes the article against the census, drafts against the approved Đề án, the press against the official list, and parts that do not add up to their total.",
    },
    "corrections_note": {
        "vi": "Những con số đã sửa sau khi công bố ở đây (cũ → mới, ngày, lý do), cho người đã trích dẫn số cũ.",
        "en": "Figures corrected after they were published here (old → new, date, why), for anyone who quoted the old value.",
    },
    "basis_spanning": {"vi": "Trải qua hai giai đoạn", "en": "Spans two periods"},
    "basis_undated": {"vi": "Không ghi thời điểm", "en": "Undated"},
    "level_national": {"vi": "toàn quốc", "en": "national"},
    "level_city": {"vi": "thành phố", "en": "city"},
    "level_district": {"vi": "quận, huyện", "en": "district"},
    "level_ward": {"vi": "phường (2021)", "en": "ward (2021)"},
    "level_unit": {"vi": "xã, phường (2025)", "en": "commune or ward (2025)"},
    "level_peer": {"vi": "địa phương khác", "en": "another locality"},
    "topic_all": {"vi": "Mọi chủ đề", "en": "All topics"},
    "topic_dialogue": {"vi": "Đối thoại", "en": "Dialogue"},
    "topic_governance_index": {"vi": "Chỉ số quản trị", "en": "Governance indices"},
    "topic_organisation": {"vi": "Tổ chức bộ máy", "en": "Organisation"},
    "topic_other": {"vi": "Khác", "en": "Other"},
    "topic_petitions": {"vi": "Tiếp dân, đơn thư", "en": "Petitions"},
    "topic_procedures": {"vi": "Thủ tục hành chính", "en": "Procedures"},
    "topic_staffing": {"vi": "Biên chế", "en": "Staffing"},
    "topic_supervision": {"vi": "Giám sát", "en": "Supervision"},
    "topic_workload": {"vi": "Khối lượng công việc", "en": "Workload"},
    "relation_whole": {"vi": "toàn bộ", "en": "whole"},
    "relation_part": {"vi": "một phần", "en": "part"},
    "certainty_certain": {"vi": "chắc chắn", "en": "certain"},
    "certainty_possible": {"vi": "có thể", "en": "possible"},
    "certainty_official": {"vi": "chính thức", "en": "official"},
    "period_basis_dates": {"vi": "theo ngày của số liệu", "en": "from its dates"},
    "period_basis_stated": {"vi": "nguồn nêu giai đoạn (không ghi ngày)", "en": "named by the source (undated)"},
    "period_basis_spanning": {"vi": "trải qua hai giai đoạn", "en": "spans two periods"},
    "period_basis_undated": {"vi": "không ghi thời điểm", "en": "undated"},
    "period_basis_outside": {"vi": "ngoài Hà Nội", "en": "outside Hanoi"},
    "yes": {"vi": "có", "en": "yes"},
    "period_word": {"vi": "Giai đoạn", "en": "Period"},
    "no": {"vi": "không", "en": "no"},
    "comparable_yes": {"vi": "So sánh được", "en": "Comparable"},
    "reason_method_break": {
        "vi": "Không: đổi phương pháp giữa hai thời điểm",
        "en": "No: the method changed in between",
    },
    "reason_bound": {
        "vi": "Không: số có “hơn/gần”, chỉ là cận",
        "en": "No: a hedged figure (“over/nearly”) is only a bound",
    },
    "reason_kinds_differ": {
        "vi": "Không: khác loại số liệu (báo cáo, định mức…)",
        "en": "No: different kinds of figure (reported, norm…)",
    },
    "reason_scopes_differ": {"vi": "Không: khác phạm vi", "en": "No: different scopes"},
    "reason_several_in_a_period": {
        "vi": "Không: nhiều số trong một giai đoạn",
        "en": "No: several figures in one period",
    },
    "reason_norm_or_plan": {
        "vi": "Không: chỉ có định mức, kế hoạch hoặc ước tính",
        "en": "No: only norms, plans or estimates",
    },
    "reason_by_year": {
        "vi": "Chỉ số theo năm: xem trang Chỉ số quản trị",
        "en": "An annual index: read it year by year on the Governance page",
    },
    "disagree_under_chart": {
        "vi": "Có nguồn khác cho số khác (cả hai được giữ, xem trang Nguồn): {items}.",
        "en": "Another source gives another value (both kept; see the Sources page): {items}.",
    },
    "disagree_sources": {"vi": "Hai nguồn", "en": "Two sources"},
    "disagree_census": {"vi": "Bài viết và Tổng điều tra", "en": "Article and census"},
    "disagree_rate": {"vi": "Tỷ lệ công bố và tính lại", "en": "Stated and computed rate"},
    "disagree_change": {"vi": "Mức thay đổi công bố và tính lại", "en": "Stated and computed change"},
    "disagree_draft_vs_approved": {"vi": "Dự thảo và Đề án được duyệt", "en": "Draft and approved Đề án"},
    "disagree_press_vs_official_list": {"vi": "Báo chí và danh mục chính thức", "en": "Press and official list"},
    "disagree_parts_vs_total": {"vi": "Các phần và tổng", "en": "Parts and total"},
    # definitions, for each chart's footnotes and slide notes
    "def_ward_population": {
        "vi": "Dân số phường: Tổng điều tra dân số và nhà ở năm 2019 (số điều tra, không phải ước tính), theo danh mục {pilot_wards} phường thí điểm.",
        "en": "Ward population: the 2019 Population and Housing Census (an enumeration, not an estimate), for the official list of {pilot_wards} pilot wards.",
    },
    "def_ward_standard": {
        "vi": "Tiêu chuẩn: quy mô dân số tối thiểu của phường theo Nghị quyết 1211/2016/UBTVQH13 — {std_quan} người với phường thuộc quận, {std_thi_xa} người với phường thuộc thị xã (Sơn Tây). Đây là định mức, không phải số báo cáo.",
        "en": "Standard: the minimum ward population under Resolution 1211/2016/UBTVQH13 — {std_quan} for a ward of an urban district, {std_thi_xa} for a ward of a town (Sơn Tây). A norm, not a reported figure.",
    },
    "def_petitions": {
        "vi": "Lượt tiếp công dân, đơn thư nhận được và đã giải quyết tại {pilot_wards} phường, do nguồn báo cáo cho năm trước thí điểm ({before_year}) và năm đầu thí điểm ({pilot_year}); mỗi cột là một số báo cáo.",
        "en": "Citizen receptions and petitions received and resolved at the {pilot_wards} wards, as the source reports them for the year before the pilot ({before_year}) and the pilot's first year ({pilot_year}); each bar is a reported figure.",
    },
    "def_rate": {
        "vi": "Tỷ lệ giải quyết = đơn thư đã giải quyết ÷ đơn thư nhận được × 100. “Công bố” là tỷ lệ nguồn nêu; “tính lại” được tính trong cơ sở dữ liệu từ hai số đếm của cùng nguồn.",
        "en": "Resolution rate = petitions resolved ÷ petitions received × 100. “Stated” is the rate the source gives; “computed” is calculated in the database from the same source's two counts.",
    },
    "def_dialogue": {
        "vi": "Số cuộc đối thoại, giám sát, phản biện và kiến nghị được trả lời do nguồn báo cáo cho năm đầu thí điểm, phạm vi toàn thành phố.",
        "en": "Dialogues, supervision sessions, critiques and recommendations answered, as the source reports them for the pilot's first year, city-wide.",
    },
    "def_timeline": {
        "vi": "Mỗi mốc là ngày văn bản được ban hành hoặc có hiệu lực, theo chính văn bản hoặc nguồn ghi bên dưới.",
        "en": "Each milestone is the date a document was issued or took effect, from the document itself or the source named below.",
    },
    "def_sankey": {
        "vi": "Mỗi dòng nối một quận (2021) với một đơn vị cấp xã (2025); độ rộng là số mảnh phường thí điểm đi vào đơn vị đó (nguyên phường hoặc một phần), theo danh mục và nghị quyết sắp xếp.",
        "en": "Each band joins a district (2021) to a commune-level unit (2025); its width is the number of pilot-ward pieces that went into that unit (a whole ward or a part), from the official lists and the merger resolution.",
    },
    "def_unit_population": {
        "vi": "Dân số đơn vị 2025: số của Đề án sắp xếp năm 2025 (số kế hoạch của Hà Nội); so với tổng dân số Tổng điều tra 2019 của các phường thí điểm nhập toàn bộ vào đơn vị.",
        "en": "2025 unit population: the figure in the 2025 merger plan (Hanoi's Đề án); beside the 2019 census population of the pilot wards absorbed whole.",
    },
    "downloads": {"vi": "Tải dữ liệu (CSV)", "en": "Download data (CSV)"},
    "licences": {"vi": "Giấy phép", "en": "Licences"},
    "facts_count": {"vi": "{n} số liệu", "en": "{n} figures"},
}


COLUMNS: dict[str, tuple[str, str]] = {
    "area_km2": ("Diện tích (km²)", "Area (km²)"),
    "computed_rate_pct": ("Tỷ lệ tính lại (%)", "Computed rate (%)"),
    "dialogue_answered": ("Kiến nghị được trả lời tại đối thoại", "Recommendations answered at dialogues"),
    "dialogue_computed_rate_pct": ("Tỷ lệ trả lời tính lại (%)", "Computed answer rate (%)"),
    "dialogue_raised": ("Kiến nghị tại đối thoại", "Recommendations raised at dialogues"),
    "dialogue_rate_differs": ("Tỷ lệ trả lời công bố khác tính lại", "Stated answer rate differs"),
    "dialogue_stated_fact_id": ("Mã số liệu tỷ lệ trả lời công bố", "Stated answer-rate fact"),
    "dialogue_stated_rate_pct": ("Tỷ lệ trả lời công bố (%)", "Stated answer rate (%)"),
    "event_date": ("Ngày", "Date"),
    "event_id": ("Mã mốc", "Milestone code"),
    "label_vi": ("Mốc", "Milestone (Vietnamese)"),
    "label_en": ("Mốc (tiếng Anh)", "Milestone"),
    "formula": ("Công thức", "Formula"),
    "is_town_ward": ("Phường thuộc thị xã", "Ward of a town"),
    "linked": ("Nối với giai đoạn trước", "Joined to the previous period"),
    "mark": ("Loại điểm", "Mark"),
    "ord": ("Thứ tự", "Order"),
    "over_threshold": ("Vượt ngưỡng", "Over the threshold"),
    "period_name_vi": ("Giai đoạn", "Period (Vietnamese)"),
    "period_name_en": ("Giai đoạn (tiếng Anh)", "Period"),
    "rate_differs": ("Tỷ lệ công bố khác tính lại", "Stated rate differs"),
    "ratio_to_threshold": ("× ngưỡng", "× threshold"),
    "received": ("Đơn thư nhận", "Petitions received"),
    "resolved": ("Đơn thư đã giải quyết", "Petitions resolved"),
    "ref": ("Tham chiếu", "Reference"),
    "scale": ("Thang đo", "Scale"),
    "segment": ("Đoạn chuỗi (giữa các lần đổi phương pháp)", "Series segment (between method changes)"),
    "staff_fact_id": ("Mã số liệu công chức", "Staff figure"),
    "staff_kind": ("Loại số liệu công chức", "Kind of staff figure"),
    "staff_metric_id": ("Mã chỉ số công chức", "Staff metric code"),
    "staff_qualifier": ("Ghi chú số công chức", "Staff figure qualifier"),
    "stated_fact_id": ("Mã số liệu tỷ lệ công bố", "Stated-rate figure"),
    "stated_rate_pct": ("Tỷ lệ công bố (%)", "Stated rate (%)"),
    "threshold": ("Ngưỡng (người)", "Threshold (persons)"),
    "units_merged": ("Số đơn vị nhập", "Units merged"),
    "waived": ("Được miễn tiêu chuẩn", "Standard waived"),
    "ward_code": ("Mã phường", "Ward code"),
    "ward_name": ("Phường", "Ward"),
    "year": ("Năm", "Year"),
    "pilot_wards": ("Phường thí điểm (2021)", "Pilot wards (2021)"),
    "units_2025": ("Xã, phường tiếp nhận (2025)", "2025 units taking them in"),
    "whole_pieces": ("Phường nhập nguyên", "Wards taken in whole"),
    "part_pieces": ("Phần phường", "Ward parts"),
    "fact_id": ("Mã số liệu", "Fact"),
    "period_id": ("Giai đoạn", "Period"),
    "scope_level": ("Cấp", "Level"),
    "scope_code": ("Mã phạm vi", "Scope code"),
    "scope_name": ("Phạm vi", "Scope"),
    "metric_id": ("Mã chỉ số", "Metric code"),
    "name_vi": ("Chỉ số", "Metric (Vietnamese)"),
    "name_en": ("Chỉ số (tiếng Anh)", "Metric"),
    "topic": ("Chủ đề", "Topic"),
    "value": ("Giá trị", "Value"),
    "unit": ("Đơn vị", "Unit"),
    "qualifier": ("Ghi chú số", "Qualifier"),
    "as_of_start": ("Từ ngày", "From"),
    "as_of_end": ("Đến ngày", "To"),
    "source_id": ("Nguồn", "Source"),
    "source_title": ("Tên tài liệu", "Document"),
    "publisher": ("Cơ quan phát hành", "Publisher"),
    "reliability_rank": ("Hạng tin cậy", "Reliability rank"),
    "language": ("Ngôn ngữ trích", "Quote language"),
    "locator": ("Vị trí", "Locator"),
    "excerpt": ("Trích dẫn", "Excerpt"),
    "fact_kind": ("Loại", "Kind"),
    "note": ("Ghi chú", "Note"),
    "district_code": ("Mã quận", "District code"),
    "district_name": ("Quận, thị xã", "District"),
    "wards": ("Số phường", "Wards"),
    "population_total": ("Tổng dân số", "Total population"),
    "population_mean": ("Dân số bình quân", "Mean population"),
    "population_median": ("Trung vị", "Median"),
    "population_max": ("Lớn nhất", "Largest"),
    "wards_over_30000": ("Phường > 30.000", "Wards > 30,000"),
    "wards_under_standard": ("Dưới tiêu chuẩn", "Under standard"),
    "wards_over_standard": ("Vượt tiêu chuẩn", "Over standard"),
    "standard": ("Tiêu chuẩn", "Standard"),
    "claim_id": ("Mã", "Claim"),
    "item": ("Nội dung", "Item"),
    "item_en": ("Nội dung", "Item"),
    "published_value": ("Số công bố (TCCS)", "Published (TCCS)"),
    "census_value": ("Tổng điều tra 2019", "2019 census"),
    "difference": ("Chênh lệch", "Difference"),
    "difference_pct": ("Chênh lệch %", "Difference %"),
    "pilot_ward_code": ("Mã phường 2021", "2021 ward code"),
    "pilot_ward_name": ("Phường 2021", "2021 ward"),
    "census_population": ("Dân số 2019", "2019 population"),
    "unit_code": ("Mã đơn vị", "Unit code"),
    "unit_name": ("Đơn vị hành chính", "Administrative unit"),
    "unit_type": ("Loại", "Type"),
    "relation": ("Toàn bộ/một phần", "Whole/part"),
    "certainty": ("Mức chắc chắn", "Certainty"),
    "population_2025": ("Dân số (Đề án 2025)", "Population (Đề án 2025)"),
    "pilot_wards_whole": ("Phường nhập toàn bộ", "Wards whole"),
    "pilot_wards_part": ("Phường nhập một phần", "Wards in part"),
    "census_population_whole_wards": ("Dân số 2019 các phường nhập toàn bộ", "2019 population of whole wards"),
    "pilot_ward_names": ("Các phường thí điểm", "Pilot wards"),
    "rank_mean": ("Hạng dân số BQ", "Rank by mean"),
    "rank_max": ("Hạng phường lớn nhất", "Rank by largest"),
    "rank_over": ("Hạng số phường vượt", "Rank by wards over"),
    "title": ("Tài liệu", "Title"),
    "published_on": ("Ngày đăng", "Published"),
    "url": ("Địa chỉ", "URL"),
    "kind": ("Loại nguồn", "Kind"),
    "facts": ("Số liệu", "Figures"),
    "series_id": ("Chuỗi", "Series"),
    "metrics": ("Chỉ số", "Metrics"),
    "scope_names": ("Phạm vi", "Scopes"),
    "value_published": ("Số công bố", "Published"),
    "value_other": ("Số khác", "Other figure"),
    "other_basis": ("Cơ sở", "Basis"),
    "source_date": ("Ngày tài liệu", "Document date"),
    "supplied_by": ("Người cung cấp", "Supplied by"),
    "import_id": ("Mã lần nhập", "Import"),
    "file_name": ("Tệp", "File"),
    "imported_at": ("Thời điểm nhập", "Imported at"),
    "rows": ("Số dòng", "Rows"),
    "population_per_staff": ("Số dân/công chức", "Residents per civil servant"),
    "population": ("Dân số", "Population"),
    "snapshot_id": ("Mốc danh mục", "Snapshot"),
    "staff_per_unit": ("Biên chế/đơn vị", "Staff per unit"),
    "basis": ("Cơ sở", "Basis"),
    "standard_basis": ("Căn cứ tiêu chuẩn", "Legal basis"),
    "ratio_to_standard": ("Lần tiêu chuẩn", "× standard"),
    "over_standard": ("Vượt tiêu chuẩn", "Over standard"),
    "period_basis": ("Cơ sở giai đoạn", "Period from"),
    "verified": ("Đã đối chiếu nguồn", "Checked in source"),
    "periods_with_figures": ("Giai đoạn có số liệu", "Periods with figures"),
    "comparison": ("So sánh", "Comparison"),
    "status": ("So sánh được?", "Comparable?"),
    "value_a": ("Số thứ nhất", "First figure"),
    "value_b": ("Số thứ hai", "Second figure"),
    "qualifier_a": ("Ghi chú số 1", "Qualifier 1"),
    "qualifier_b": ("Ghi chú số 2", "Qualifier 2"),
    "basis_a": ("Nguồn 1", "Source 1"),
    "basis_b": ("Nguồn 2", "Source 2"),
    "fact_a": ("Số liệu 1", "Fact 1"),
    "fact_b": ("Số liệu 2", "Fact 2"),
    "corrected_on": ("Ngày đính chính", "Corrected on"),
    "field": ("Trường", "Field"),
    "old_value": ("Cũ", "Old"),
    "new_value": ("Mới", "New"),
    "reason": ("Lý do", "Why"),
    "out_of": ("Trên tổng số", "Out of"),
    "period_or_basis": ("Giai đoạn", "Period"),
}


UNITS: dict[str, tuple[str, str]] = {  # a unit as the data writes it -> (Vietnamese, English)
    "%": ("%", "%"),
    "UBND": ("UBND", "people's committees"),
    "accounts": ("tài khoản", "accounts"),
    "applications": ("hồ sơ", "applications"),
    "billion VND": ("tỷ đồng", "billion VND"),
    "billion VND/year": ("tỷ đồng/năm", "billion VND/year"),
    "bodies": ("cơ quan", "bodies"),
    "buổi": ("buổi", "sessions"),
    "bậc": ("bậc", "places"),
    "calls": ("cuộc gọi", "calls"),
    "cases": ("vụ việc", "cases"),
    "committees": ("ủy ban", "committees"),
    "conferences": ("hội nghị", "conferences"),
    "conferences/year": ("hội nghị/năm", "conferences/year"),
    "contents": ("nội dung", "contents"),
    "critiques": ("lần phản biện", "critiques"),
    "cuộc": ("cuộc", "meetings"),
    "cuộc gọi": ("cuộc gọi", "calls"),
    "cơ quan": ("cơ quan", "bodies"),
    "days/month": ("ngày/tháng", "days/month"),
    "delegates": ("đại biểu", "delegates"),
    "departments": ("sở, ngành", "departments"),
    "districts": ("quận, huyện", "districts"),
    "documents": ("văn bản", "documents"),
    "dossiers": ("hồ sơ", "dossiers"),
    "dossiers/day": ("hồ sơ/ngày", "dossiers/day"),
    "dossiers/month": ("hồ sơ/tháng", "dossiers/month"),
    "dossiers/year": ("hồ sơ/năm", "dossiers/year"),
    "dự án": ("dự án", "projects"),
    "groups": ("tổ", "groups"),
    "houses": ("nhà", "houses"),
    "hạng": ("hạng", "rank"),
    "hạng/63": ("hạng/63", "rank of 63"),
    "hồ sơ": ("hồ sơ", "dossiers"),
    "hội nghị": ("hội nghị", "conferences"),
    "hội nghị/năm": ("hội nghị/năm", "conferences/year"),
    "kiến nghị": ("kiến nghị", "recommendations"),
    "km²": ("km²", "km²"),
    "lượt": ("lượt", "visits"),
    "million USD": ("triệu USD", "million USD"),
    "million VND": ("triệu đồng", "million VND"),
    "nghị quyết": ("nghị quyết", "resolutions"),
    "người": ("người", "persons"),
    "người/phường": ("người/phường", "persons/ward"),
    "nhà": ("nhà", "houses"),
    "offices": ("bộ phận", "offices"),
    "opinions": ("ý kiến", "opinions"),
    "persons": ("người", "persons"),
    "persons/staff": ("người/cán bộ", "persons/staff"),
    "persons/unit": ("người/đơn vị", "persons/unit"),
    "persons/ward": ("người/phường", "persons/ward"),
    "petitions": ("đơn", "petitions"),
    "phường": ("phường", "wards"),
    "phản ánh": ("phản ánh", "reports"),
    "points": ("điểm", "points"),
    "points of 10": ("điểm (thang 10)", "points (of 10)"),
    "points of 100": ("điểm (thang 100)", "points (of 100)"),
    "points of 12": ("điểm (thang 12)", "points (of 12)"),
    "points of 18": ("điểm (thang 18)", "points (of 18)"),
    "points of 20": ("điểm (thang 20)", "points (of 20)"),
    "points of 80": ("điểm (thang 80)", "points (of 80)"),
    "positions": ("biên chế", "positions"),
    "positions/unit": ("biên chế/đơn vị", "positions/unit"),
    "procedures": ("thủ tục", "procedures"),
    "projects": ("dự án", "projects"),
    "quận": ("quận", "urban districts"),
    "quận, thị xã": ("quận, thị xã", "districts"),
    "rank": ("hạng", "rank"),
    "rank of 63": ("hạng/63", "rank of 63"),
    "ranks": ("bậc", "places"),
    "recommendations": ("kiến nghị", "recommendations"),
    "records": ("hồ sơ", "records"),
    "reports": ("phản ánh", "reports"),
    "resolutions": ("nghị quyết", "resolutions"),
    "respondents": ("người được hỏi", "respondents"),
    "supervisions": ("cuộc giám sát", "supervisions"),
    "sở": ("sở", "departments"),
    "teams": ("đội", "teams"),
    "thanh niên": ("thanh niên", "young people"),
    "thủ tục": ("thủ tục", "procedures"),
    "triệu USD": ("triệu USD", "million USD"),
    "triệu đồng": ("triệu đồng", "million VND"),
    "triệu đồng/đơn vị": ("triệu đồng/đơn vị", "million VND/unit"),
    "turns": ("lượt", "turns"),
    "tỷ đồng": ("tỷ đồng", "billion VND"),
    "units": ("đơn vị", "units"),
    "visits": ("lượt", "visits"),
    "voters": ("cử tri", "voters"),
    "văn bản": ("văn bản", "documents"),
    "wards": ("phường", "wards"),
    "xã, phường": ("xã, phường", "communes and wards"),
    "xã, phường (trên 10)": ("xã, phường (trên 10)", "communes and wards (over 10)"),
    "ý kiến": ("ý kiến", "opinions"),
    "điểm": ("điểm", "points"),
    "đoàn": ("đoàn", "delegations"),
    "đơn": ("đơn", "petitions"),
    "đơn vị": ("đơn vị", "units"),
    "đảng bộ": ("đảng bộ", "party committees"),
    "đảng viên": ("đảng viên", "party members"),
    "đội hình": ("đội hình", "teams"),
}


def unit(value, lang: str) -> str:
    """A unit in the user's language ("persons" -> "người")."""
    if not isinstance(value, str):
        return "—"
    pair = UNITS.get(value)
    return pair[0 if lang == "vi" else 1] if pair else value


def t(key: str, lang: str = "vi", **kw) -> str:
    """The catalogue text for key in lang, with {placeholders} filled."""
    text = TEXT[key][lang if lang in LANGS else "vi"]
    return text.format(**kw) if kw else text


def col(lang: str, vi: str, en: str) -> str:
    return vi if lang == "vi" else en
