"""Reading a filled self-assessment workbook (phiếu tự đánh giá) back into a :class:`DanhGia`.

The workbook is the one :func:`vnadmin_docs.excel.form.write_form` writes; its hidden sheet
``_ma`` says which cell holds which ``(code, fact)``, so rows and columns may be resized,
coloured or commented freely. Values are read as Excel stored them (``data_only``: a formula
typed by the school counts by the value Excel computed):

- ``Có``/``Không`` (also ``x``, ``1``/``0``, TRUE/FALSE), ``Đạt``/``Chưa đạt``;
- percentages as ``85`` (0–100), ``85%`` typed in Excel (stored 0.85 with a % format), or the
  text ``"85%"``/``"87,5"``; counts must be whole numbers; a choice by its label (or key);
- evidence split on line breaks and ``;`` only (commas stay inside an item).

Every problem is reported at once, by cell: ``Phieu!E14 (1.6.a, ty_le): …``. The application
(:func:`vnadmin_docs.app.loading.load_assessment`) scores it and maps the engine's problems (a
claim above the cap…) back to cells with :func:`relocate`.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Final

from ..errors import InputError, Problem
from ..excel.layout import CHOICE_SHEET, FORM_SHEET, MAP_SHEET, MARKER, MET, NO, NOT_MET, YES
from ..model import DanhGia, KetQua
from ..vn.numbers import dinh_dang_so
from ..vn.text import nfc

__all__ = ["FormCell", "FormRead", "is_form", "read_cells", "read_form", "relocate"]

_TRUE: Final = {"có", "co", "x", "yes", "true", "1", YES.casefold()}
_FALSE: Final = {"không", "khong", "no", "false", "0", NO.casefold()}
_MET: Final = {"đạt", "dat", "có", "co", "x", "true", "1", MET.casefold()}
_NOT_MET: Final = {"chưa đạt", "chua dat", "không đạt", "khong dat", "không", "khong", "false", "0",
            NOT_MET.casefold()}  # fmt: skip
_YEAR = re.compile(r"^(\d{4})\s*[-–—/]\s*(\d{4})$")
_DETAIL_NAMES: Final = {"don_vi": "Đơn vị", "nam_hoc": "Năm học", "cap_hoc": "Cấp học",
                 "bo_chi_so": "Bộ chỉ số"}  # fmt: skip


@dataclass(frozen=True)
class FormCell:
    """An input cell of the form and what it holds."""

    ref: str
    """``E14``."""
    code: str
    """The criterion or item code; empty for the school's details."""
    fact: str
    """``co``, ``dat``, ``ty_le``, ``so_luong``, ``chon``, ``chuc_nang``, ``diem``,
    ``minh_chung``, or a detail (``don_vi``, ``nam_hoc``, ``cap_hoc``, ``bo_chi_so``)."""
    function: int | None = None
    """For ``chuc_nang``: the function's number."""

    def where(self) -> str:
        """``Phieu!E14 (1.6.a, ty_le)``; ``Phieu!B3 (Đơn vị)``."""
        if not self.code:
            return f"{FORM_SHEET}!{self.ref} ({_DETAIL_NAMES.get(self.fact, self.fact)})"
        fact = f"{self.fact} {self.function}" if self.function is not None else self.fact
        return f"{FORM_SHEET}!{self.ref} ({self.code}, {fact})"


class _Bad(Exception):
    """A value that cannot be read; the message is for school staff."""


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date()
    return nfc(str(value)).strip()


def _show(value: Any) -> str:
    if isinstance(value, dt.datetime | dt.date):
        return f"ngày {value:%d/%m/%Y}"
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return dinh_dang_so(Decimal(str(value)), chu_so_thap_phan=4)
    return repr(_text(value))


def _choice(value: Any, yes: set[str], no: set[str], message: str) -> bool:
    if isinstance(value, bool):
        return value
    text = " ".join(_text(value).casefold().split())
    if text in yes:
        return True
    if text in no:
        return False
    raise _Bad(f"{message}, không phải {_show(value)}")


def _percent_format(number_format: str) -> bool:
    """Whether a number format shows values ×100 (a % outside quotes, escapes and [..])."""
    bare = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", number_format or "")
    return "%" in bare


def _decimal(value: Any, *, what: str) -> tuple[Decimal, bool]:
    """A number and whether it was written with a percent sign."""
    if isinstance(value, bool | dt.datetime | dt.date | dt.time):
        raise _Bad(f"{what} phải là một số, không phải {_show(value)}")
    if isinstance(value, int | Decimal):
        return Decimal(value), False
    if isinstance(value, float):
        return Decimal(repr(value)), False
    text = re.sub(r"[\s\u00a0]", "", _text(value))
    percent = text.endswith("%")
    text = text.removesuffix("%")
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise _Bad(f"{what} phải là một số, không phải {_show(value)}") from None
    if not number.is_finite():
        raise _Bad(f"{what} phải là một số, không phải {_show(value)}")
    return number, percent


def _tidy(number: Decimal) -> Decimal:
    """``85.00`` → ``85``; ``87.50`` → ``87.5`` (equal values, plain digits)."""
    if number == number.to_integral_value():
        return Decimal(int(number))
    return number.normalize()


def _percentage(value: Any, number_format: str) -> Decimal:
    number, sign = _decimal(value, what="tỷ lệ")
    if not sign and _percent_format(number_format):
        number *= 100
    number = _tidy(number)
    if not 0 <= number <= 100:
        raise _Bad(f"tỷ lệ phải từ 0 đến 100%, không phải {dinh_dang_so(number)}")
    return number


def _count(value: Any) -> int:
    number, sign = _decimal(value, what="số lượng")
    if sign:
        raise _Bad(f"số lượng phải là số nguyên, không phải tỷ lệ {_show(value)}")
    if number != number.to_integral_value():
        raise _Bad(f"số lượng phải là số nguyên, không phải {dinh_dang_so(number)}")
    if number < 0:
        raise _Bad(f"số lượng không được âm ({dinh_dang_so(number)})")
    return int(number)


def _points(value: Any) -> Decimal:
    number, sign = _decimal(value, what="điểm tự đánh giá")
    if sign:
        raise _Bad(f"điểm tự đánh giá là số điểm, không phải tỷ lệ {_show(value)}")
    if number < 0:
        raise _Bad(f"điểm tự đánh giá không được âm ({dinh_dang_so(number)})")
    return _tidy(number)


def _evidence(value: Any) -> tuple[str, ...]:
    return tuple(part.strip() for part in re.split(r"[\n;]", _text(value)) if part.strip())


def _option(value: Any, options: dict[str, str]) -> str:
    """``options``: label → key."""
    text = " ".join(_text(value).split())
    by_label = {" ".join(label.split()).casefold(): key for label, key in options.items()}
    key = by_label.get(text.casefold())
    if key is None and text in options.values():
        key = text
    if key is None:
        labels = "; ".join(options)
        raise _Bad(f"lựa chọn {_show(value)} không có; chọn một trong: {labels}")
    return key


# ---------------------------------------------------------------- the workbook


def _open(path: Path) -> tuple[Any, Any]:
    from openpyxl import load_workbook

    if not path.is_file():
        raise InputError([Problem("", "không tìm thấy tệp")], source=str(path))
    try:
        values = load_workbook(path, data_only=True)
        formulas = load_workbook(path, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        problem = Problem("", f"không mở được tệp Excel .xlsx ({exc})")
        raise InputError([problem], source=str(path)) from None
    if (
        FORM_SHEET not in values.sheetnames
        or MAP_SHEET not in values.sheetnames
        or values[MAP_SHEET]["A1"].value != MARKER
    ):
        problem = Problem(
            "",
            f"không phải phiếu tự đánh giá do vnadmin-docs tạo (thiếu trang {FORM_SHEET} hoặc "
            f"{MAP_SHEET}); tạo phiếu bằng lệnh: vnadmin-docs form -o phieu.xlsx",
        )
        raise InputError([problem], source=str(path))
    return values, formulas


def is_form(path: Path | str) -> bool:
    """Whether an ``.xlsx`` file is a self-assessment form (it has the hidden cell map)."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return False
    try:
        return MAP_SHEET in book.sheetnames and book[MAP_SHEET]["A1"].value == MARKER
    finally:
        book.close()


_REF = re.compile(r"^=?(?:'?[^'!]+'?!)?\$?([A-Z]{1,3})\$?([0-9]+)$")


def _cells(book: Any) -> list[FormCell]:
    """The map of input cells. A cell whose reference Excel has lost (a deleted row), or that
    is no longer on its code's row (rows moved by a tool that does not keep references), makes
    the form unreadable: reported at once, with the first such cell."""
    out, lost, moved = [], [], []
    sheet = book[FORM_SHEET]
    for row in book[MAP_SHEET].iter_rows(min_row=3, values_only=True):
        target, code, fact, function = (list(row) + [None] * 4)[:4]
        if not target or not fact:
            continue
        code, fact = str(code or ""), str(fact)
        number = int(function) if function else None
        m = _REF.match(str(target).strip())
        if m is None:
            what = f"{code}, {fact}" if code else _DETAIL_NAMES.get(fact, fact)
            lost.append(f"{FORM_SHEET} ({what})")
            continue
        cell = FormCell(f"{m.group(1)}{m.group(2)}", code, fact, number)
        home = int(m.group(2)) - (number or 0)
        if code and (home < 1 or sheet[f"A{home}"].value != code):
            moved.append(cell)
            continue
        out.append(cell)
    problems = []
    redo = "hoàn tác thay đổi hoặc chép dữ kiện sang phiếu mới (lệnh: vnadmin-docs form)"
    if lost:
        more = f" và {len(lost) - 1} ô khác" if len(lost) > 1 else ""
        problems.append(Problem(lost[0], f"ô nhập này{more} đã bị xóa; {redo}"))
    if moved:
        more = f" ({len(moved)} ô nhập)" if len(moved) > 1 else ""
        problems.append(
            Problem(
                moved[0].where(),
                f"ô không còn ở dòng của mã {moved[0].code}{more}: phiếu đã bị chèn, xóa hoặc "
                f"sắp xếp lại dòng; {redo}",
            )
        )
    if problems:
        raise InputError(problems)
    return out


def _options(book: Any) -> dict[str, dict[str, str]]:
    """Per code: label → key."""
    out: dict[str, dict[str, str]] = {}
    if CHOICE_SHEET in book.sheetnames:
        for row in book[CHOICE_SHEET].iter_rows(min_row=2, values_only=True):
            code, key, label = (list(row) + [None] * 3)[:3]
            if code and key and label is not None:
                out.setdefault(str(code), {})[_text(label)] = str(key)
    return out


@dataclass
class FormRead:
    danh_gia: DanhGia
    problems: list[Problem]
    cells: list[FormCell]


def read_cells(path: Path) -> FormRead:
    values, formulas = _open(path)
    sheet, raw = values[FORM_SHEET], formulas[FORM_SHEET]
    try:
        cells = _cells(formulas)
    except InputError as exc:
        raise InputError(exc.problems, source=str(path)) from None
    problems: list[Problem] = []
    options = _options(values)
    details: dict[str, str] = {}
    facts: dict[str, dict[str, Any]] = {}
    functions: dict[str, dict[int, bool]] = {}

    for cell in cells:
        value = sheet[cell.ref].value
        if value is None or (isinstance(value, str) and not value.strip()):
            typed = raw[cell.ref].value
            if isinstance(typed, str) and typed.startswith("="):
                problems.append(
                    Problem(
                        cell.where(),
                        "ô có công thức chưa được tính; mở tệp bằng Excel hoặc LibreOffice, "
                        "lưu lại rồi thử lại (hoặc nhập giá trị thay cho công thức)",
                    )
                )
            continue
        try:
            if not cell.code:
                details[cell.fact] = _text(value)
                continue
            got = facts.setdefault(cell.code, {})
            if cell.fact == "co":
                got["co"] = _choice(value, _TRUE, _FALSE, f"chọn {YES} hoặc {NO}")
            elif cell.fact == "dat":
                got["dat"] = _choice(value, _MET, _NOT_MET, f"chọn {MET} hoặc {NOT_MET}")
            elif cell.fact == "ty_le":
                got["ty_le"] = _percentage(value, sheet[cell.ref].number_format)
            elif cell.fact == "so_luong":
                got["so_luong"] = _count(value)
            elif cell.fact == "chon":
                got["chon"] = _option(value, options.get(cell.code, {}))
            elif cell.fact == "chuc_nang" and cell.function is not None:
                yes = _choice(value, _TRUE, _FALSE, f"chọn {YES} hoặc {NO}")
                functions.setdefault(cell.code, {})[cell.function] = yes
            elif cell.fact == "diem":
                got["diem"] = _points(value)
            elif cell.fact == "minh_chung":
                got["minh_chung"] = _evidence(value)
        except _Bad as exc:
            problems.append(Problem(cell.where(), str(exc)))

    for code, marks in functions.items():
        facts.setdefault(code, {})["chuc_nang"] = tuple(n for n in sorted(marks) if marks[n])

    detail_cells = {c.fact: c for c in cells if not c.code}
    head: list[Problem] = []  # the school's details first
    don_vi = details.get("don_vi", "")
    nam_hoc = details.get("nam_hoc", "")
    if not don_vi and "don_vi" in detail_cells:
        head.append(_detail(detail_cells, "don_vi", "thiếu tên đơn vị (ghi tên cơ sở giáo dục)"))
    if not nam_hoc and "nam_hoc" in detail_cells:
        head.append(_detail(detail_cells, "nam_hoc", "thiếu năm học (ví dụ 2024-2025)"))
    else:
        m = _YEAR.match(nam_hoc)
        if m is None or int(m.group(2)) != int(m.group(1)) + 1:
            head.append(
                _detail(
                    detail_cells,
                    "nam_hoc",
                    f"năm học phải có dạng 2024-2025, không phải {nam_hoc!r}",
                )
            )
        else:
            nam_hoc = f"{m.group(1)}-{m.group(2)}"
    bo_chi_so = details.get("bo_chi_so", "")
    if not bo_chi_so and "bo_chi_so" in detail_cells:
        head.append(_detail(detail_cells, "bo_chi_so", "thiếu mã bộ chỉ số (ví dụ qd-4725-2022)"))
    ket_qua = {code: KetQua(**got) for code, got in facts.items() if got}
    danh_gia = DanhGia(
        don_vi=don_vi, nam_hoc=nam_hoc, bo_chi_so=bo_chi_so or "qd-4725-2022",
        cap_hoc=details.get("cap_hoc") or None, ket_qua=ket_qua,
    )  # fmt: skip
    return FormRead(danh_gia, head + problems, cells)


def _detail(cells: dict[str, FormCell], fact: str, message: str) -> Problem:
    cell = cells.get(fact)
    return Problem(cell.where() if cell else f"{FORM_SHEET} ({_DETAIL_NAMES[fact]})", message)


def read_form(path: Path | str) -> DanhGia:
    """The self-assessment a filled form holds; every reading problem at once, by cell.

    Claims are not checked against caps here: the application scores and reports those too.
    """
    path = Path(path)
    got = read_cells(path)
    if got.problems:
        raise InputError(got.problems, source=str(path))
    return got.danh_gia


def relocate(problem: Problem, cells: list[FormCell]) -> Problem:
    """A scoring problem at ``("ket_qua", code[, fact])`` → the cell(s) of that code and fact."""
    loc = problem.loc
    if len(loc) < 2 or loc[0] != "ket_qua":
        return problem
    code = str(loc[1])
    fact = str(loc[2]) if len(loc) > 2 else None
    mine = [c for c in cells if c.code == code]
    if fact is not None:
        exact = [c for c in mine if c.fact == fact]
        mine = exact or mine
    else:
        facts = [c for c in mine if c.fact not in ("diem", "minh_chung")]
        mine = facts or mine
    if not mine:
        return Problem(f"{FORM_SHEET} ({code})", problem.message)
    if len(mine) == 1 or mine[0].fact != "chuc_nang":
        return Problem(mine[0].where(), problem.message)
    refs = f"{mine[0].ref}:{mine[-1].ref}"
    return Problem(f"{FORM_SHEET}!{refs} ({code}, chuc_nang)", problem.message)
