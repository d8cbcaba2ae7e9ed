"""The self-assessment workbook (phiếu tự đánh giá): written from an indicator set, filled in Excel.

Sheet ``Phieu`` has the school's details at the top, then one row per criterion and item with
its maximum, its rule in Vietnamese, the input cells for the facts (with data validation), the
claimed points, the evidence, and live columns computed by Excel formulas ("tạm tính": the
official score is the engine's). The hidden sheet ``_ma`` maps every input cell (by a formula
referring to it, which Excel keeps up to date when rows move) to its ``(code, fact)``, so that :mod:`vnadmin_docs.io.form` never guesses from positions; the hidden
sheet ``_ds`` lists the options of each choice item (code, key, label, points).

>>> from decimal import Decimal
>>> from vnadmin_docs.assessment.sets import Bac, QuyTac
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
from decimal import Decimal
from typing import Any, Final

from ..assessment.sets import Khoang, MucDo, QuyTac
from ..vn.numbers import dinh_dang_so

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
    "print_landscape",
    "rule_text",
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
HEADERS: Final = {
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


_KNOWN_OPTIONS: Final = {
    "khong": "Không",
    "co": "Có",
    "pdf": "File PDF",
    "chung_thu_so": "Chứng thư số",
}
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


def print_landscape(ws: Any, title_rows: str) -> None:
    """Print a worksheet on landscape A4, as wide as one page, repeating ``title_rows``
    (``"6:6"``) on every page."""
    ws.print_title_rows = title_rows
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
