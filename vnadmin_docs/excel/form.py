"""Writing the self-assessment workbook (see :mod:`.layout` for what it holds and how the
reader finds its cells)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from .._atomic import atomic_path
from ..assessment.sets import BoChiSo, ChiBao, QuyTac, TieuChi
from ..model import CAP_HOC
from .guide import fit_rows, guide_sheet
from .layout import (
    C_CAP,
    C_CLAIM,
    C_CODE,
    C_EVID,
    C_FACT,
    C_LEVEL,
    C_MAX,
    C_NOTE,
    C_PTS,
    C_RULE,
    C_TEXT,
    CHOICE_SHEET,
    DETAILS,
    FONT,
    FORM_SHEET,
    GUIDE_SHEET,
    HEADER_ROW,
    HEADERS,
    MAP_SHEET,
    MARKER,
    MET,
    NO,
    NOT_MET,
    YES,
    _bands_text,
    _cap_formula,
    _level_formula,
    _n,
    _num,
    option_labels,
    print_landscape,
    rule_text,
)

# the form's cell styles
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_INPUT = PatternFill("solid", fgColor="FFF2CC")
_HEAD = PatternFill("solid", fgColor="D9D9D9")
_GROUP = PatternFill("solid", fgColor="DDEBF7")
_LIVE = PatternFill("solid", fgColor="EDEDED")
_UNLOCKED = Protection(locked=False)

__all__ = ["write_form"]


@dataclass
class _Writer:
    bo: BoChiSo
    ws: Worksheet
    lists: Worksheet
    book: Workbook
    mapping: list[tuple[str, str, str, int | None]]
    row: int = HEADER_ROW + 1
    list_row: int = 2

    def __post_init__(self) -> None:
        self.yes_no = self._validation(
            DataValidation(type="list", formula1=f'"{YES},{NO}"'), f"Chọn {YES} hoặc {NO}."
        )
        self.met = self._validation(
            DataValidation(type="list", formula1=f'"{MET},{NOT_MET}"'),
            f"Chọn {MET} hoặc {NOT_MET}.",
        )
        self.percent = self._validation(
            DataValidation(type="decimal", operator="between", formula1="0", formula2="100"),
            "Nhập tỷ lệ phần trăm từ 0 đến 100 (ví dụ 85 hoặc 85%).",
        )
        self.count = self._validation(
            DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0"),
            "Nhập số lượng là số nguyên, không âm.",
        )
        self.claims: dict[Decimal, DataValidation] = {}

    def _validation(self, dv: DataValidation, message: str) -> DataValidation:
        dv.allow_blank = True
        dv.showErrorMessage = True
        dv.errorTitle = "Giá trị không hợp lệ"
        dv.error = message
        dv.showInputMessage = True
        dv.promptTitle = "Nhập dữ kiện"
        dv.prompt = message
        self.ws.add_data_validation(dv)
        return dv

    def claim_validation(self, toi_da: Decimal) -> DataValidation:
        if toi_da not in self.claims:
            dv = DataValidation(
                type="decimal", operator="between", formula1="0", formula2=_num(toi_da)
            )
            self.claims[toi_da] = self._validation(
                dv, f"Điểm tự đánh giá là số từ 0 đến {_n(toi_da)}; để trống để lấy mức tối đa."
            )
        return self.claims[toi_da]

    # cells

    def put(
        self, col: str, value: object, *, bold: bool = False, fill: PatternFill | None = None
    ) -> str:
        ref = f"{col}{self.row}"
        cell = self.ws[ref]
        cell.value = value
        cell.font = Font(name=FONT, size=12, bold=bold)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.border = _BORDER
        if fill is not None:
            cell.fill = fill
        return ref

    def input(
        self, col: str, code: str, fact: str, dv: DataValidation | None, n: int | None = None
    ) -> str:
        ref = self.put(col, None, fill=_INPUT)
        self.ws[ref].protection = _UNLOCKED
        if fact == "ty_le":
            self.ws[ref].number_format = "0.##"
        if dv is not None:
            dv.add(ref)
        self.mapping.append((ref, code, fact, n))
        return ref

    def blank_row(self, fill: PatternFill | None = None) -> None:
        for col in HEADERS:
            if self.ws[f"{col}{self.row}"].value is None:
                self.put(col, None, fill=fill)

    # rows

    def fact_cells(self, code: str, rule: QuyTac, toi_da: Decimal) -> str:
        """The fact, claim and evidence cells and live columns of an item (or a criterion scored
        by its own rule); the function sub-rows follow. Returns the points cell."""
        top = self.row
        fact = f"{C_FACT}{top}"
        table = ""
        if rule.loai == "co_khong":
            self.input(C_FACT, code, "co", self.yes_no)
        elif rule.loai == "ty_le":
            self.input(C_FACT, code, "ty_le", self.percent)
        elif rule.loai == "so_luong":
            self.input(C_FACT, code, "so_luong", self.count)
        elif rule.loai == "lua_chon":
            table = self.choice_list(code, rule)
            dv = DataValidation(type="list", formula1=self.choice_name(code))
            self._validation(dv, "Chọn một mục trong danh sách.")
            self.input(C_FACT, code, "chon", dv)
        else:
            self.put(C_FACT, None, fill=_LIVE)
        self.input(C_CLAIM, code, "diem", self.claim_validation(toi_da))
        self.input(C_EVID, code, "minh_chung", None)
        functions = ""
        if rule.loai == "moi_chuc_nang":
            first = top + 1
            last = top + len(rule.chuc_nang)
            functions = f"{C_FACT}{first}:{C_FACT}{last}"
            self.ws[fact].value = f'=COUNTIF({functions},"{YES}")&" chức năng"'
        cap = self.put(C_CAP, _cap_formula(rule, toi_da, fact, table, functions), fill=_LIVE)
        claim = f"{C_CLAIM}{top}"
        points = self.put(
            C_PTS, f"=IF(ISNUMBER({claim}),MAX(0,MIN({claim},{cap})),{cap})", fill=_LIVE
        )
        self.put(
            C_NOTE,
            f'=IF(AND(ISNUMBER({claim}),{claim}>{cap}),"Điểm tự đánh giá vượt mức tối đa '
            f'theo dữ kiện","")',
            fill=_LIVE,
        )
        self.blank_row()
        if rule.loai == "moi_chuc_nang":
            for n, name in enumerate(rule.chuc_nang, start=1):
                self.row += 1
                self.put(C_TEXT, f"({n}) {name}")
                self.put(C_RULE, f"Chức năng {n}: {YES}/{NO}")
                self.input(C_FACT, code, "chuc_nang", self.yes_no, n)
                self.blank_row()
        return points

    def choice_name(self, code: str) -> str:
        return "ds_" + re.sub(r"[^0-9A-Za-z]", "_", code)

    def choice_list(self, code: str, rule: QuyTac) -> str:
        """Write the options to ``_ds``; returns the label–points range for VLOOKUP."""
        start = self.list_row
        for key, label in option_labels(rule).items():
            for col, value in zip("ABCD", (code, key, label, rule.lua_chon[key]), strict=True):
                self.lists[f"{col}{self.list_row}"] = value
            self.list_row += 1
        end = self.list_row - 1
        name = self.choice_name(code)
        ref = f"'{CHOICE_SHEET}'!$C${start}:$C${end}"
        self.book.defined_names[name] = DefinedName(name, attr_text=ref)
        return f"'{CHOICE_SHEET}'!$C${start}:$D${end}"

    def item(self, item: ChiBao) -> str:
        self.put(C_CODE, item.ma)
        self.put(C_TEXT, item.noi_dung)
        self.put(C_MAX, item.toi_da)
        self.put(C_RULE, rule_text(item.quy_tac, item.toi_da))
        points = self.fact_cells(item.ma, item.quy_tac, item.toi_da)
        self.row += 1
        return points

    def criterion(self, tc: TieuChi) -> str | None:
        """Rows of a criterion; returns its points cell (``None`` for a mandatory condition)."""
        top = self.row
        self.put(C_CODE, tc.ma, bold=True)
        self.put(C_TEXT, tc.noi_dung, bold=True)
        if tc.bat_buoc:
            lowest = min(b.muc for b in self.bo.muc_do)
            policy = (
                f"; chưa đạt thì nhóm xếp mức độ {lowest}"
                if self.bo.bat_buoc_chua_dat == "muc_1"
                else ""
            )
            self.put(C_RULE, f"Điều kiện bắt buộc, không tính điểm{policy}")
            fact = self.input(C_FACT, tc.ma, "dat", self.met)
            self.input(C_EVID, tc.ma, "minh_chung", None)
            self.put(C_PTS, f'=IF({fact}="{MET}","{MET}","{NOT_MET}")', fill=_LIVE)
            self.blank_row()
            self.row += 1
            return None
        assert tc.toi_da is not None
        self.put(C_MAX, tc.toi_da, bold=True)
        if tc.quy_tac is not None:
            self.put(C_RULE, rule_text(tc.quy_tac, tc.toi_da) + "\n" + _bands_text(tc.muc_do))
            points = self.fact_cells(tc.ma, tc.quy_tac, tc.toi_da)
            self.row += 1
        else:
            self.put(C_RULE, _bands_text(tc.muc_do))
            self.put(C_FACT, None, fill=_LIVE)
            self.input(C_EVID, tc.ma, "minh_chung", None)
            self.blank_row()
            self.row += 1
            cells = [self.item(i) for i in tc.chi_bao]
            points = self.ws[f"{C_PTS}{top}"].coordinate
            self.ws[points].value = f"=SUM({','.join(cells)})"
            self.ws[points].fill = _LIVE
        level = f"{C_LEVEL}{top}"
        self.ws[level].value = f"={_level_formula(tc.muc_do, points)}"
        self.ws[level].fill = _LIVE
        self.ws[points].font = Font(name=FONT, size=12, bold=True)
        return points

    def body(self) -> None:
        group_levels = []
        for nhom in self.bo.nhom:
            top = self.row
            self.put(C_CODE, f"Nhóm {nhom.ma}", bold=True, fill=_GROUP)
            self.put(C_TEXT, nhom.ten, bold=True, fill=_GROUP)
            self.put(C_MAX, nhom.toi_da, bold=True, fill=_GROUP)
            self.put(C_RULE, _bands_text(self.bo.muc_do), fill=_GROUP)
            self.blank_row(_GROUP)
            self.row += 1
            points: list[str] = []
            mandatory: list[str] = []
            for tc in nhom.tieu_chi:
                row = self.row
                got = self.criterion(tc)
                if got is None:
                    mandatory.append(f"{C_FACT}{row}")
                else:
                    points.append(got)
            total = f"{C_PTS}{top}"
            self.ws[total].value = f"=SUM({','.join(points)})"
            level = _level_formula(self.bo.muc_do, total)
            if mandatory and self.bo.bat_buoc_chua_dat == "muc_1":
                unmet = ",".join(f'{cell}<>"{MET}"' for cell in mandatory)
                lowest = min(b.muc for b in self.bo.muc_do)
                level = f"IF(OR({unmet}),{lowest},{level})"
                self.ws[
                    f"{C_NOTE}{top}"
                ].value = f'=IF(OR({unmet}),"Chưa đạt điều kiện bắt buộc: mức độ {lowest}","")'
            self.ws[f"{C_LEVEL}{top}"].value = f"={level}"
            group_levels.append(f"{C_LEVEL}{top}")
        if len(group_levels) > 1:
            self.put(C_TEXT, "Mức độ chung (mức thấp hơn của các nhóm, tạm tính)", bold=True)
            self.put(C_LEVEL, f"=MIN({','.join(group_levels)})", bold=True, fill=_LIVE)
            self.blank_row()
            self.row += 1
        self.row += 1
        note = (
            "Các cột “tạm tính” do Excel tính để tham khảo. Điểm chính thức do vnadmin-docs "
            "tính từ các dữ kiện đã nhập (lệnh: vnadmin-docs score phieu.xlsx)."
        )
        self.ws[f"{C_TEXT}{self.row}"].value = note
        self.ws[f"{C_TEXT}{self.row}"].font = Font(name=FONT, size=11, italic=True)
        self.ws[f"{C_TEXT}{self.row}"].alignment = Alignment(wrap_text=True)


def _head(ws: Worksheet, bo: BoChiSo, details: dict[str, str], mapping: list[tuple[str, str, str, int | None]]) -> None:  # fmt: skip
    last = max(HEADERS)
    for ref, text, size in (
        ("A1", "PHIẾU TỰ ĐÁNH GIÁ MỨC ĐỘ CHUYỂN ĐỔI SỐ", 14),
        ("A2", f"({bo.ten}; theo {bo.nguon})", 12),
    ):
        ws.merge_cells(f"{ref}:{last}{ref[1:]}")
        ws[ref] = text
        ws[ref].font = Font(name=FONT, size=size, bold=ref == "A1", italic=ref == "A2")
        ws[ref].alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.row_dimensions[2].height = 32
    for fact, label, label_ref, ref in DETAILS:
        ws[label_ref] = label
        ws[label_ref].font = Font(name=FONT, size=12, bold=True)
        ws[label_ref].alignment = Alignment(horizontal="right")
        cell = ws[ref]
        cell.value = details.get(fact) or None
        cell.font = Font(name=FONT, size=12)
        cell.fill = _INPUT
        cell.border = _BORDER
        cell.protection = _UNLOCKED
        cell.number_format = "@"
        mapping.append((ref, "", fact, None))
    levels = DataValidation(type="list", formula1='"' + ",".join(CAP_HOC) + '"', allow_blank=True)
    levels.errorStyle = "warning"  # a level the list lacks may still be typed
    levels.error = "Cấp học không có trong danh sách; vẫn giữ nếu đúng."
    levels.showErrorMessage = True
    ws.add_data_validation(levels)
    levels.add(next(ref for fact, _, _, ref in DETAILS if fact == "cap_hoc"))
    ws.merge_cells(f"A5:{last}5")
    ws["A5"] = (
        "Nhập vào các ô nền vàng. Các cột “tạm tính” do Excel tự tính để tham khảo; "
        "điểm chính thức do phần mềm vnadmin-docs tính. Xem trang “Huong dan”."
    )
    ws["A5"].font = Font(name=FONT, size=11, italic=True)
    ws["A5"].alignment = Alignment(wrap_text=True)
    for col, (text, width) in HEADERS.items():
        cell = ws[f"{col}{HEADER_ROW}"]
        cell.value = text
        cell.font = Font(name=FONT, size=12, bold=True)
        cell.fill = _HEAD
        cell.border = _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[col].width = width


def write_form(
    bo: BoChiSo,
    out: Path | str,
    *,
    don_vi: str = "",
    nam_hoc: str = "",
    cap_hoc: str = "",
    bo_chi_so: str | None = None,
) -> Path:
    """Write the self-assessment workbook for ``bo`` to ``out`` (atomically); returns the path.

    ``bo_chi_so`` is what the form names as its set (default ``bo.ma``; a file path for a set
    that is not shipped). ``don_vi``, ``nam_hoc`` and ``cap_hoc`` pre-fill the school's details.
    """
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = FORM_SHEET
    guide = book.create_sheet(GUIDE_SHEET)
    lists = book.create_sheet(CHOICE_SHEET)
    table = book.create_sheet(MAP_SHEET)
    mapping: list[tuple[str, str, str, int | None]] = []
    details = {"don_vi": don_vi, "nam_hoc": nam_hoc, "cap_hoc": cap_hoc,
               "bo_chi_so": bo_chi_so or bo.ma}  # fmt: skip
    _head(ws, bo, details, mapping)
    for col, name in zip("ABCD", ("mã", "khóa", "nhãn", "điểm"), strict=True):
        lists[f"{col}1"] = name
    writer = _Writer(bo, ws, lists, book, mapping)
    writer.body()
    guide_sheet(guide)
    fit_rows(ws, HEADER_ROW, {col: width for col, (_, width) in HEADERS.items()})
    table["A1"] = MARKER
    for col, name in zip("ABCD", ("ô", "mã", "dữ kiện", "chức năng"), strict=True):
        table[f"{col}2"] = name
    for n, (ref, code, fact, function) in enumerate(mapping, start=3):
        # a reference, not text: Excel moves it with the cell if rows are inserted or deleted
        table[f"A{n}"] = f"={FORM_SHEET}!{ref}"
        table[f"B{n}"], table[f"C{n}"], table[f"D{n}"] = code, fact, function
    for sheet in (lists, table):
        sheet.sheet_state = "hidden"
        sheet.protection.sheet = True
    ws.freeze_panes = f"{C_MAX}{HEADER_ROW + 1}"
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    print_landscape(ws, f"{HEADER_ROW}:{HEADER_ROW}")
    guide.protection.sheet = True
    out = Path(out)
    with atomic_path(out) as tmp:
        book.save(tmp)
    return out
