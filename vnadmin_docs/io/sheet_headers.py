"""Reading a results spreadsheet the way a managing body's office writes one.

A table with a row per school comes from Excel, LibreOffice or a script, in any locale:

* **CSV**: UTF-8 with or without a BOM, separated by ``;`` (what Excel writes in a Vietnamese
  locale, where the comma is the decimal mark), ``,`` or tab: the separator is sniffed from the
  header line (or taken from an Excel ``sep=;`` first line). A file in UTF-16 (Excel's "Unicode
  Text") or in a legacy code page (Windows-1258, TCVN3) is refused with a message saying so and
  how to save it again, never misread.
* **Headers** in Vietnamese or in the English-ASCII keys, compared without case, diacritics or
  punctuation: ``Tên đơn vị``/``Đơn vị``/``don_vi``, ``Cấp học``, ``Nhóm 1``/``Điểm nhóm 1``/the
  group's name (``Chuyển đổi số trong dạy, học``), ``Điều kiện bắt buộc nhóm 1``/``bat_buoc_1``,
  and optional criterion columns (``Tiêu chí 1.1``). Any other header becomes its ASCII key
  (``Năm học`` → ``nam_hoc``), so columns a reader does not know pass through by name.
* The header row is the first row with at least two filled cells (a title above it is skipped);
  blank rows are skipped, and every row keeps its line number in the file.

>>> ascii_key("Điều kiện bắt buộc nhóm 1")
'dieu_kien_bat_buoc_nhom_1'
>>> sniff_delimiter("Tên đơn vị;Cấp học;Chuyển đổi số trong dạy, học\\nA;B;1")
';'
>>> column_key("Điểm nhóm 2", {"1": "Chuyển đổi số trong dạy, học", "2": "Quản trị"}, ())
'nhom_2'
>>> column_key("Chuyển đổi số trong dạy, học", {"1": "Chuyển đổi số trong dạy, học"}, ())
'nhom_1'
>>> column_key("Đạt điều kiện bắt buộc nhóm 1", {"1": "Dạy học"}, ())
'bat_buoc_1'
>>> column_key("Nhóm 1 (điểm)", {"1": "Dạy học"}, ()), column_key("Nhóm 1 - Mức độ", {"1": "Dạy học"}, ())
('nhom_1', 'nhom_1_muc_do')
>>> column_key("Tên trường", {}, ()), column_key("Năm học", {}, ())
('don_vi', 'nam_hoc')
"""

from __future__ import annotations

import codecs
import csv
import re
import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, Problem

__all__ = [
    "BLANK_VALUES",
    "Sheet",
    "ascii_key",
    "column_key",
    "column_keys",
    "decode_csv",
    "is_blank",
    "read_sheet",
    "sniff_delimiter",
]

_UNIT = frozenset(
    {
        "don_vi", "ten_don_vi", "ten_truong", "truong", "co_so", "ten_co_so", "co_so_giao_duc",
        "ten_co_so_giao_duc", "don_vi_truong", "ten_don_vi_truong", "unit", "school",
    }
)  # fmt: skip
_LEVEL = frozenset({"cap_hoc", "cap", "cap_truong", "bac_hoc"})
_POINTS_PREFIXES = ("tong_diem_", "diem_", "tong_", "")
_MANDATORY_PREFIXES = (
    "dat_dieu_kien_bat_buoc_", "dieu_kien_bat_buoc_", "dk_bat_buoc_", "dkbb_", "bat_buoc_",
)  # fmt: skip
_CRITERION_PREFIXES = ("diem_tieu_chi_", "tieu_chi_", "tc_")

BLANK_VALUES = frozenset({"", "nan", "none", "null", "#n/a", "n/a", "na"})
"""Cell texts that mean an empty cell (what pandas, R and Excel write for one)."""


def ascii_key(header: object) -> str:
    """A header as an ASCII snake-case key: no diacritics (``đ`` → ``d``), no case, runs of
    anything else than letters and digits as one ``_``."""
    text = unicodedata.normalize("NFD", str(header if header is not None else ""))
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    text = text.replace("đ", "d").replace("Đ", "D").casefold()
    return re.sub(r"[^0-9a-z]+", "_", text).strip("_")


def is_blank(value: object) -> bool:
    """An empty cell, whatever wrote it (``None``, spaces, ``nan``, ``#N/A``)."""
    return value is None or str(value).strip().casefold() in BLANK_VALUES


def _group_code(rest: str, codes: Collection[str]) -> str | None:
    for code in codes:
        key = ascii_key(code)
        for head in (f"nhom_{key}", key):
            if rest == head or rest.startswith(f"{head}_"):
                return code
    return None


def column_key(header: object, groups: Mapping[str, str], criteria: Collection[str]) -> str:
    """The key a column is read under: ``don_vi``, ``cap_hoc``, ``nhom_<code>``,
    ``bat_buoc_<code>``, ``tieu_chi_<code>`` (``groups``: group code → name, ``criteria``:
    criterion codes of the indicator set), else the header's :func:`ascii_key`."""
    key = ascii_key(header)
    if key in _UNIT:
        return "don_vi"
    if key in _LEVEL:
        return "cap_hoc"
    for prefix in _MANDATORY_PREFIXES:
        if key.startswith(prefix) and (code := _group_code(key[len(prefix) :], groups)):
            return f"bat_buoc_{code}"
    if re.search(r"(^|_)(muc|muc_do|xep_loai|ghi_chu)(_|$)", key):
        return key  # ``Nhóm 1 - Mức độ``: the level is the engine's to compute, not points
    names = {ascii_key(name): code for code, name in groups.items() if ascii_key(name)}
    for prefix in _POINTS_PREFIXES:
        if not key.startswith(prefix):
            continue
        rest = key[len(prefix) :]
        if rest in names:
            return f"nhom_{names[rest]}"
        if rest.startswith("nhom_") and (code := _group_code(rest, groups)):
            return f"nhom_{code}"
    for prefix in _CRITERION_PREFIXES:
        if key.startswith(prefix):
            rest = key[len(prefix) :]
            for code in criteria:
                if rest == ascii_key(code):
                    return f"tieu_chi_{code}"
    return key


def column_keys(
    header: tuple[str, ...], groups: Mapping[str, str], criteria: Collection[str], where: str
) -> tuple[list[str], list[Problem]]:
    """:func:`column_key` of every header cell, and a problem for each key two columns share
    (which one counts would be a guess)."""
    keys = [column_key(h, groups, criteria) if h.strip() else "" for h in header]
    problems = []
    seen: dict[str, str] = {}
    for key, h in zip(keys, header, strict=True):
        if not key:
            continue
        if key in seen:
            message = f"hai cột cùng nghĩa {key!r}: {seen[key]!r} và {h!r}; hãy giữ một cột"
            problems.append(Problem(where, message))
        seen.setdefault(key, h)
    return keys, problems


def decode_csv(data: bytes, name: str) -> str:
    """The text of a CSV file in UTF-8 (a BOM is dropped); UTF-16 and legacy code pages are
    refused with the way to save the file again."""
    save_as = "hãy mở tệp bằng Excel và lưu lại dạng “CSV UTF-8 (Comma delimited) (*.csv)”"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in data[:512]:
        message = (
            f"tệp {name} mã hoá UTF-16 (“Unicode Text” của Excel), không phải UTF-8; {save_as}"
        )
        raise InputError([Problem("", message)], source=name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        message = (
            f"tệp {name} không mã hoá UTF-8 (có thể là Windows-1258/cp1258 hoặc TCVN3, "
            f"byte lạ ở dòng {line}); {save_as}"
        )
        raise InputError([Problem("", message, line)], source=name) from None


def sniff_delimiter(text: str) -> str:
    """``;``, ``,`` or tab: the one that splits the header line (quotes respected) into the
    most cells; ``,`` when none splits it."""
    lines = [line for line in text.splitlines() if line.strip()][:1]
    if not lines:
        return ","
    best, most = ",", 1
    for delimiter in (";", ",", "\t"):
        n = len(next(csv.reader(lines, delimiter=delimiter)))
        if n > most:
            best, most = delimiter, n
    return best


@dataclass(frozen=True)
class Sheet:
    """A table read from a file: its header row and its non-blank rows, with line numbers."""

    name: str
    header: tuple[str, ...]
    header_line: int
    rows: tuple[tuple[int, tuple[object, ...]], ...]

    def records(self, keys: list[str] | None = None) -> list[tuple[int, dict[str, object]]]:
        """Each row as ``(line, {key: value})`` under ``keys`` (default: the header as written);
        a missing cell is ``None``, a column without a header is left out."""
        names = keys if keys is not None else list(self.header)
        out = []
        for line, cells in self.rows:
            padded = list(cells) + [None] * (len(names) - len(cells))
            out.append((line, {k: v for k, v in zip(names, padded, strict=False) if k}))
        return out


def _filled(cells: tuple[object, ...]) -> int:
    return sum(1 for c in cells if c is not None and str(c).strip())


def _table(name: str, lines: list[tuple[int, tuple[object, ...]]]) -> Sheet:
    start = next((i for i, (_, cells) in enumerate(lines) if _filled(cells) >= 2), None)
    if start is None:
        return Sheet(name, (), 0, ())
    header_line, header_cells = lines[start]
    header = tuple(str(h).strip() if h is not None else "" for h in header_cells)
    rows = tuple((n, cells) for n, cells in lines[start + 1 :] if _filled(cells))
    return Sheet(name, header, header_line, rows)


def read_sheet(path: Path) -> Sheet:
    """The table of a ``.csv`` (encoding checked, separator sniffed) or of the first sheet of an
    ``.xlsx`` workbook (values, not formulas)."""
    if path.suffix.lower() == ".csv":
        text = decode_csv(path.read_bytes(), path.name)
        first, _, rest = text.partition("\n")
        skip = 0
        if re.fullmatch(r"\s*sep=(.)\s*", first):  # Excel's own separator line
            delimiter, text, skip = first.strip()[4], rest, 1
        else:
            delimiter = sniff_delimiter(text)
        reader = csv.reader(text.splitlines(keepends=True), delimiter=delimiter)
        lines: list[tuple[int, tuple[object, ...]]] = []
        last = 0
        for cells in reader:  # a quoted cell may span lines: a row is numbered by its first
            lines.append((last + 1 + skip, tuple(cells)))
            last = reader.line_num
        return _table(path.name, lines)
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        rows = [(n, tuple(r)) for n, r in enumerate(sheet.iter_rows(values_only=True), start=1)]
    finally:
        book.close()
    return _table(path.name, rows)
