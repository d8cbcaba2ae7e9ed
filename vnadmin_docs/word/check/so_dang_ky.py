"""Check an exported sổ đăng ký văn bản đi (.docx) against the NĐ30 Phụ lục IV form.

The document checker (:mod:`vnadmin_docs.word.check`) checks documents of Phụ lục I (header,
title, signature…); a sổ is a form of Phụ lục IV and has none of them, so it has its own
rules. An exported sổ carries ``REGISTER_CATEGORY`` in its core properties, by which a caller
(``vnadmin-docs check``) can tell which rules apply.

Rules: ``so-dang-ky`` (A4 paper; the title ``SỔ ĐĂNG KÝ VĂN BẢN ĐI`` and the year), ``cot`` (one
table whose header is the ten columns of the form, numbered (1)–(10)), ``so-ky-hieu`` (every
number written ``NN/KÝ-HIỆU`` with its leading zero, numbers in increasing order, none twice),
``ngay-thang`` (dates ``DD/M/YYYY``, day padded, month padded only for 1 and 2, in the sổ's year).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import IO

from docx.document import Document as DocumentObject

from ...model.so_dang_ky import COLUMNS
from ...vn import nd30
from ...vn.numbering import SoKyHieu
from ..ooxml import table_rows
from ._base import EMU_PER_MM, Finding

__all__ = ["check_so", "check_so_document"]

_YEAR = re.compile(r"^Năm (\d{4})$")
_DATE = re.compile(r"^(\d{2})/(\d{1,2})/(\d{4})$")


def check_so(source: Path | str | IO[bytes]) -> list[Finding]:
    """Findings for an exported sổ (a file); an empty list means it follows the form."""
    from docx import Document

    return check_so_document(Document(str(source) if isinstance(source, Path) else source))


def check_so_document(doc: DocumentObject) -> list[Finding]:
    """Findings for an open exported sổ."""
    findings: list[Finding] = []

    def add(rule: str, where: str, message: str) -> None:
        findings.append(Finding(rule, where, message))

    for section in doc.sections:
        w, h = section.page_width, section.page_height
        dims = sorted((round((w or 0) / EMU_PER_MM), round((h or 0) / EMU_PER_MM)))
        if dims != sorted(nd30.PAGE_MM):
            add("so-dang-ky", "trang", f"khổ giấy phải là A4, đang là {dims[0]} × {dims[1]} mm")
    texts = [p.text.strip() for p in doc.paragraphs if p.text.strip()]
    if "SỔ ĐĂNG KÝ VĂN BẢN ĐI" not in texts:
        add("so-dang-ky", "tiêu đề", "thiếu tiêu đề 'SỔ ĐĂNG KÝ VĂN BẢN ĐI'")
    years = [int(m.group(1)) for t in texts if (m := _YEAR.match(t))]
    if not years:
        add("so-dang-ky", "tiêu đề", "thiếu dòng 'Năm YYYY' của sổ")
    if len(doc.tables) != 1:
        add("cot", "bảng", f"sổ phải có đúng một bảng, đang có {len(doc.tables)}")
        return findings
    rows = [[c.text.strip() for c in row.cells] for row in table_rows(doc.tables[0])]
    if len(rows) < 2 or tuple(rows[0]) != COLUMNS:
        add("cot", "hàng tiêu đề", "các cột phải là: " + " | ".join(COLUMNS))
        return findings
    if tuple(rows[1]) != tuple(f"({k})" for k in range(1, len(COLUMNS) + 1)):
        add("cot", "hàng 2", "hàng thứ hai phải đánh số cột (1) … (10)")
    previous = 0
    for r, row in enumerate(rows[2:], start=3):
        where = f"hàng {r}"
        try:
            number = SoKyHieu.parse(row[0])
        except ValueError as exc:
            add("so-ky-hieu", where, str(exc))
            continue
        if number.so is None or str(number) != row[0]:
            add("so-ky-hieu", where, f"số, ký hiệu phải viết '{number}' (số dưới 10 có số 0)")
        elif number.so <= previous:
            add("so-ky-hieu", where, f"số {number.so:02d} trùng hoặc không theo thứ tự tăng dần")
        if number.so is not None:
            previous = max(previous, number.so)
        if row[1] and not _date_ok(row[1], years[0] if years else None):
            add("ngay-thang", where, f"ngày '{row[1]}' phải viết DD/M/YYYY trong năm của sổ")
    return findings


def _date_ok(text: str, year: int | None) -> bool:
    m = _DATE.match(text)
    if not m:
        return False
    day, month, nam = (int(g) for g in m.groups())
    padded = (f"{month:02d}" if month <= 2 else str(month)) == m.group(2)
    return padded and 1 <= day <= 31 and 1 <= month <= 12 and (year is None or nam == year)
