"""The small .xlsx writer behind ``tong-hop.xlsx`` (issue 12: no openpyxl at an aggregation's
start): what openpyxl and the real LibreOffice read back from it."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from vnadmin_docs.excel.xlsx import (
    HEADER,
    TITLE,
    TOP_WRAPPED,
    Cell,
    Sheet,
    column_letter,
    write_workbook,
)
from vnadmin_docs.pdf.libreoffice import LibreOfficeConverter

TRICKY = "A & B <c> \"d\" 'e'\n{{ f }} {% g %}  "


def _sheets() -> list[Sheet]:
    rows: list[list[object]] = [
        [Cell("KẾT QUẢ TỪNG ĐƠN VỊ", TITLE)],
        [],
        [
            Cell("STT", HEADER),
            Cell("Đơn vị", HEADER),
            Cell("Điểm", HEADER),
            Cell("Ghi chú", HEADER),
        ],
        [1, "Trường THCS Quyết Tiến", Decimal("84.5"), Cell(TRICKY, TOP_WRAPPED)],
        [2, "Trường Tiểu học Ngọc Hà", 75, None, True],
        [3, "", 0.25, ""],
    ]
    return [
        Sheet("Theo đơn vị", rows, [6, 40, 12, 30], freeze="A4", auto_filter="A3:D6"),
        Sheet("Chưa tính & 'khác'", [["x"]]),
    ]


def test_openpyxl_reads_back_values_types_and_styles(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    write_workbook(path, _sheets())
    book = load_workbook(path)
    assert book.sheetnames == ["Theo đơn vị", "Chưa tính & 'khác'"]
    ws = book["Theo đơn vị"]
    values = [[c.value for c in row] for row in ws.iter_rows(min_row=4)]
    assert values == [
        [1, "Trường THCS Quyết Tiến", 84.5, TRICKY, None],
        [2, "Trường Tiểu học Ngọc Hà", 75, None, True],
        [3, None, 0.25, None, None],
    ]
    assert ws["A1"].font.b and ws["A1"].font.sz == 13 and ws["A1"].font.name == "Times New Roman"
    assert ws["B3"].font.b and ws["B3"].alignment.horizontal == "center"
    assert ws["B3"].alignment.wrap_text and ws["B3"].alignment.vertical == "center"
    assert ws["D4"].alignment.wrap_text and ws["D4"].alignment.vertical == "top"
    assert not ws["B4"].font.b and ws["B4"].font.sz == 12
    assert [ws.column_dimensions[k].width for k in "ABCD"] == [6, 40, 12, 30]
    assert ws.freeze_panes == "A4" and ws.auto_filter.ref == "A3:D6"
    assert book["Chưa tính & 'khác'"]["A1"].value == "x"


def test_the_same_input_gives_the_same_bytes() -> None:
    first, second = io.BytesIO(), io.BytesIO()
    write_workbook(first, _sheets())
    write_workbook(second, _sheets())
    assert first.getvalue() == second.getvalue()


def test_column_letters() -> None:
    assert [column_letter(i) for i in (1, 2, 26, 27, 52, 53, 702, 703)] == [
        "A", "B", "Z", "AA", "AZ", "BA", "ZZ", "AAA",
    ]  # fmt: skip


def test_libreoffice_opens_it(tmp_path: Path, converter: LibreOfficeConverter) -> None:
    path = tmp_path / "tong-hop.xlsx"
    write_workbook(path, _sheets())
    (pdf,) = converter.convert([path], tmp_path / "pdf")
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    for expected in ("KẾT QUẢ TỪNG ĐƠN VỊ", "Trường THCS Quyết Tiến", "84.5", "A & B <c>"):
        assert expected in text, expected
