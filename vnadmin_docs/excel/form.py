"""The self-assessment workbook (phiếu tự đánh giá): written from an indicator set, filled in Excel.

Sheet ``Phieu`` has the school's details at the top, then one row per criterion and item with
its maximum, its rule in Vietnamese, the input cells for the facts (with data validation), the
claimed points, the evidence, and live columns computed by Excel formulas ("tạm tính": the
official score is the engine's). The hidden sheet ``_ma`` maps every input cell (by a formula
referring to it, which Excel keeps up to date when rows move) to its ``(code, fact)``, so that :mod:`vnadmin_docs.io_form` never guesses from positions; the hidden
sheet ``_ds`` lists the options of each choice item (code, key, label, points).

>>> from decimal import Decimal
>>> from vnadmin_docs.indicators import Bac, QuyTac
>>> rule = QuyTac(loai="ty_le", bac=(Bac(duoi=Decimal(30), diem=Decimal(2)),
...     Bac(tu=Decimal(30), den=Decimal(60), diem=Decimal(4)), Bac(tren=Decimal(60), diem=Decimal(7))))
>>> rule_text(rule, Decimal(7))
'<30%: tối đa 2 điểm; 30%–60%: tối đa 4 điểm; >60%: tối đa 7 điểm'
>>> option_labels(QuyTac(loai="lua_chon", lua_chon={"khong": Decimal(0), "pdf": Decimal(3),
...     "chung_thu_so": Decimal(10)}, mo_ta="File PDF: tối đa 3 điểm; áp dụng chứng thư số: tối đa 10 điểm"))
{'khong': 'Không', 'pdf': 'File PDF', 'chung_thu_so': 'Áp dụng chứng thư số'}
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from .._atomic import atomic_path
from ..aggregate import CAP_HOC
from ..indicators import BoChiSo, ChiBao, Khoang, MucDo, QuyTac, TieuChi
from ..numbers import dinh_dang_so

__all__ = [
    "CHOICE_SHEET",
    "FORM_SHEET",
    "GUIDE_SHEET",
    "MAP_SHEET",
    "MARKER",
    "MET",
    "NO",
    "NOT_MET",
    "YES",
    "option_labels",
    "rule_text",
    "write_form",
]

FORM_SHEET = "Phieu"
GUIDE_SHEET = "Huong dan"
MAP_SHEET = "_ma"
CHOICE_SHEET = "_ds"
MARKER = "vnadmin-docs/phieu-tu-danh-gia/1"
"""Cell A1 of ``_ma``: which layout of the map the workbook has."""
YES, NO = "Có", "Không"
MET, NOT_MET = "Đạt", "Chưa đạt"

FONT = "Times New Roman"
# columns of the form
C_CODE, C_TEXT, C_MAX, C_RULE, C_FACT, C_CLAIM, C_EVID, C_CAP, C_PTS, C_LEVEL, C_NOTE = (
    "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K",
)  # fmt: skip
HEADERS = {
    C_CODE: ("Mã", 9),
    C_TEXT: ("Nội dung tiêu chí, chỉ báo", 58),
    C_MAX: ("Điểm tối đa", 9),
    C_RULE: ("Quy tắc chấm điểm", 40),
    C_FACT: ("Dữ kiện (nhập)", 18),
    C_CLAIM: ("Điểm tự đánh giá (nếu có)", 13),
    C_EVID: ("Minh chứng (mỗi minh chứng một dòng hoặc cách nhau bằng dấu ;)", 45),
    C_CAP: ("Tối đa theo dữ kiện (tạm tính)", 13),
    C_PTS: ("Điểm (tạm tính)", 11),
    C_LEVEL: ("Mức độ (tạm tính)", 10),
    C_NOTE: ("Kiểm tra (tạm tính)", 24),
}
HEADER_ROW = 6
DETAILS = (  # fact, label, label cell, input cell
    ("don_vi", "Đơn vị:", "A3", "B3"),
    ("nam_hoc", "Năm học:", "D3", "E3"),
    ("cap_hoc", "Cấp học:", "A4", "B4"),
    ("bo_chi_so", "Bộ chỉ số:", "D4", "E4"),
)

_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_INPUT = PatternFill("solid", fgColor="FFF2CC")
_HEAD = PatternFill("solid", fgColor="D9D9D9")
_GROUP = PatternFill("solid", fgColor="DDEBF7")
_LIVE = PatternFill("solid", fgColor="EDEDED")
_UNLOCKED = Protection(locked=False)

_KNOWN_OPTIONS = {"khong": "Không", "co": "Có", "pdf": "File PDF", "chung_thu_so": "Chứng thư số"}
_OPTION_TEXT = re.compile(r"^\s*(.+?)\s*:\s*tối đa\s+([0-9.,]+)\s*điểm\s*$", re.IGNORECASE)


# ---------------------------------------------------------------- rules in words


def _n(value: Decimal) -> str:
    return dinh_dang_so(value)


def _bound(k: Khoang, unit: str) -> str:
    """A range in symbols: ``<30%``, ``30%–60%``, ``>60%``, ``≥40``, ``≥20 và <40``."""
    if k.tu is not None and k.den is not None and k.tren is None and k.duoi is None:
        return f"{_n(k.tu)}{unit}–{_n(k.den)}{unit}"
    parts = [
        f"{sign}{_n(v)}{unit}"
        for sign, v in ((">", k.tren), ("≥", k.tu), ("<", k.duoi), ("≤", k.den))
        if v is not None
    ]
    return " và ".join(parts) or "mọi giá trị"


def option_labels(rule: QuyTac) -> dict[str, str]:
    """The label shown in the form for each option of a ``lua_chon`` rule.

    Taken from the rule's wording (``File PDF: tối đa 3 điểm; …``) where one option has those
    points, else from the key (``muc_2`` → ``Mức độ 2``); labels are unique.
    """
    worded: dict[Decimal, list[str]] = {}
    for part in rule.mo_ta.split(";"):
        m = _OPTION_TEXT.match(part)
        if m:
            try:
                points = Decimal(m.group(2).replace(",", "."))
            except ArithmeticError:
                continue
            worded.setdefault(points, []).append(m.group(1))
    by_points: dict[Decimal, int] = {}
    for v in rule.lua_chon.values():
        by_points[v] = by_points.get(v, 0) + 1
    out: dict[str, str] = {}
    for key, points in rule.lua_chon.items():
        words = worded.get(points, [])
        label = words[0] if len(words) == 1 and by_points[points] == 1 else ""
        if not label:
            m = re.fullmatch(r"muc_(\d+)", key)
            label = f"Mức độ {m.group(1)}" if m else _KNOWN_OPTIONS.get(key, key.replace("_", " "))
        label = label[:1].upper() + label[1:]
        if label in out.values():
            label = f"{label} ({key})"
        out[key] = label
    return out


def rule_text(rule: QuyTac, toi_da: Decimal) -> str:
    """The rule, cap and tiers in Vietnamese."""
    if rule.loai == "co_khong":
        return f"{YES}: tối đa {_n(toi_da)} điểm; {NO}: 0 điểm"
    if rule.loai in ("ty_le", "so_luong"):
        unit = "%" if rule.loai == "ty_le" else ""
        return "; ".join(f"{_bound(b, unit)}: tối đa {_n(b.diem)} điểm" for b in rule.bac)
    if rule.loai == "lua_chon":
        labels = option_labels(rule)
        return "; ".join(
            f"{labels[key]}: " + (f"tối đa {_n(v)} điểm" if v else "0 điểm")
            for key, v in rule.lua_chon.items()
        )
    assert rule.diem_moi is not None
    return (
        f"{_n(rule.diem_moi)} điểm cho mỗi chức năng đã triển khai (tối đa {_n(toi_da)} điểm); "
        f"ghi {YES}/{NO} cho từng chức năng ở các dòng dưới"
    )


def _bands_text(bands: Sequence[MucDo]) -> str:
    return "Mức độ: " + "; ".join(f"{_bound(b, '')} điểm: mức {b.muc}" for b in bands)


# ---------------------------------------------------------------- formulas


def _num(value: Decimal) -> str:
    """A number literal for a formula (always with a dot)."""
    return format(value.normalize(), "f")


def _condition(k: Khoang, x: str) -> str:
    tests = [
        f"{x}{op}{_num(v)}"
        for op, v in ((">=", k.tu), (">", k.tren), ("<=", k.den), ("<", k.duoi))
        if v is not None
    ]
    if not tests:
        return "TRUE"
    return tests[0] if len(tests) == 1 else f"AND({','.join(tests)})"


def _tiers(ranges: Sequence[tuple[Khoang, str]], x: str, otherwise: str) -> str:
    formula = otherwise
    for k, result in reversed(ranges):
        formula = f"IF({_condition(k, x)},{result},{formula})"
    return formula


def _percent(cell: str) -> str:
    """A percentage cell as 0–100, whether typed ``85`` or ``85%`` (stored 0.85, format P)."""
    return f'IF(LEFT(CELL("format",{cell}),1)="P",{cell}*100,{cell})'


def _cap_formula(rule: QuyTac, toi_da: Decimal, fact: str, table: str, functions: str) -> str:
    """The cap the facts allow: ``table`` is a choice item's label–points range, ``functions``
    the range of a per-function item's Có/Không cells."""
    if rule.loai == "co_khong":
        return f'=IF({fact}="{YES}",{_num(toi_da)},0)'
    if rule.loai == "ty_le":
        tiers = _tiers([(b, _num(b.diem)) for b in rule.bac], _percent(fact), "0")
        return f"=IF(ISNUMBER({fact}),{tiers},0)"
    if rule.loai == "so_luong":
        tiers = _tiers([(b, _num(b.diem)) for b in rule.bac], fact, "0")
        return f"=IF(ISNUMBER({fact}),{tiers},0)"
    if rule.loai == "lua_chon":
        return f"=IFERROR(VLOOKUP({fact},{table},2,FALSE),0)"
    assert rule.diem_moi is not None
    return f'={_num(rule.diem_moi)}*COUNTIF({functions},"{YES}")'


def _level_formula(bands: Sequence[MucDo], points: str) -> str:
    return _tiers([(b, str(b.muc)) for b in bands], points, '""')


# ---------------------------------------------------------------- the workbook


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


GUIDE = (
    "HƯỚNG DẪN ĐIỀN PHIẾU TỰ ĐÁNH GIÁ",
    "",
    "1. Ghi Đơn vị (tên đầy đủ của cơ sở giáo dục, đúng như trên hồ sơ) và Năm học (ví dụ "
    "2024-2025) ở đầu trang “Phieu”. Cấp học có thể để trống. Không sửa mã bộ chỉ số.",
    "2. Chỉ nhập vào các ô nền vàng; các ô khác được khóa (bỏ khóa: Review/Xem lại → "
    "Unprotect Sheet, không có mật khẩu).",
    "3. Cột “Dữ kiện”: điều kiện bắt buộc chọn Đạt/Chưa đạt; chỉ báo có/không chọn Có/Không; "
    "tỷ lệ nhập số phần trăm từ 0 đến 100 (85 hoặc 85%; có thể nhập phép tính, ví dụ "
    "=14/16*100); số lượng nhập số nguyên; mức độ, "
    "hình thức chọn trong danh sách; chỉ báo tính theo chức năng chọn Có/Không cho từng chức "
    "năng ở các dòng ngay dưới.",
    "4. Cột “Điểm tự đánh giá”: để trống thì lấy mức tối đa mà dữ kiện cho phép; nếu ghi điểm "
    "thì không được vượt mức đó.",
    "5. Cột “Minh chứng”: mỗi minh chứng một dòng (Alt+Enter trong ô) hoặc cách nhau bằng dấu "
    "chấm phẩy (;). Dấu phẩy được giữ nguyên trong một minh chứng.",
    "6. Các cột “tạm tính” do Excel tính để tham khảo. Điểm và mức độ chính thức do phần mềm "
    "tính: vnadmin-docs score phieu.xlsx (mọi lỗi được báo kèm ô, ví dụ Phieu!E14).",
    "7. Chỉ báo hoặc điều kiện để trống được tính là chưa triển khai / chưa đạt.",
)


def _lines(text: str, width: float) -> int:
    """About how many lines ``text`` wraps to in a column ``width`` characters wide."""
    per_line = max(1, int(width * 1.05) - 1)
    return sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))


def _fit_rows(ws: Worksheet, first: int, widths: dict[str, float]) -> None:
    """Set row heights for wrapped text (openpyxl cannot measure; Excel keeps what is stored)."""
    for row in range(first, ws.max_row + 1):
        lines = 1
        for col, width in widths.items():
            value = ws[f"{col}{row}"].value
            if isinstance(value, str) and not value.startswith("="):
                lines = max(lines, _lines(value, width))
        ws.row_dimensions[row].height = 16 * lines + 2


def _guide(ws: Worksheet) -> None:
    ws.column_dimensions["A"].width = 110
    for n, line in enumerate(GUIDE, start=1):
        cell = ws[f"A{n}"]
        cell.value = line
        cell.font = Font(name=FONT, size=12 if n > 1 else 14, bold=n == 1)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    _fit_rows(ws, 1, {"A": 110})


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
    _guide(guide)
    _fit_rows(ws, HEADER_ROW, {col: width for col, (_, width) in HEADERS.items()})
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
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    guide.protection.sheet = True
    out = Path(out)
    with atomic_path(out) as tmp:
        book.save(tmp)
    return out
