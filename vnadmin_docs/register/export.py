"""The sổ đăng ký văn bản đi in NĐ30's form (Phụ lục IV, I.2): .xlsx and .docx.

The form has ten columns, numbered (1)–(10) under the header. The register fills (1)–(7) and
(10); (8) "Ngày chuyển" and (9) "Ký nhận" stay blank, for the clerk who hands the copies out.
Released numbers are not listed (they were given again); voided ones are, with "Đã hủy: <lý do>"
in the Ghi chú column; reserved ones say "Đang giữ số, chưa ban hành".
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .._atomic import atomic_path
from ..excel.layout import print_landscape
from ..model.so_dang_ky import COLUMNS, REGISTER_CATEGORY
from ..vn.dates import ngay_ngan
from ..vn.markup import Cell, Span, Table
from .model import Entry, Status

__all__ = ["export_docx", "export_xlsx", "so_rows", "title_lines"]

_WIDTHS_CM = (2.8, 2.0, 6.0, 2.6, 3.4, 2.4, 1.4, 1.6, 1.4, 1.8)
_XLSX_WIDTHS = (16, 12, 44, 18, 26, 16, 9, 11, 10, 24)


def _ten_loai_trich_yeu(entry: Entry) -> str:
    trich_yeu = entry.metadata.trich_yeu.strip()
    if trich_yeu.lower().startswith(entry.loai.lower()):
        return trich_yeu
    return f"{entry.loai} {trich_yeu}".strip()


def _ghi_chu(entry: Entry) -> str:
    notes = []
    if entry.status is Status.VOIDED:
        notes.append(f"Đã hủy: {entry.ly_do}")
    elif entry.status is Status.RESERVED:
        notes.append("Đang giữ số, chưa ban hành")
    if entry.metadata.ghi_chu:
        notes.append(entry.metadata.ghi_chu)
    return "; ".join(notes)


def so_rows(entries: Sequence[Entry]) -> list[tuple[str, ...]]:
    """One row of the sổ per entry (released ones left out), in number order.

    >>> from vnadmin_docs.vn.dates import Ngay
    >>> from vnadmin_docs.register import Metadata
    >>> e = Entry(1, "THCSQT", 2025, 3, "QĐ-THCSQT", "Quyết định", Status.VOIDED,
    ...           Metadata(Ngay(2025, 3, 6), "thành lập Hội đồng"), ly_do="in sai")
    >>> so_rows([e])[0]
    ('03/QĐ-THCSQT', '06/3/2025', 'Quyết định thành lập Hội đồng', '', '', '', '', '', '', 'Đã hủy: in sai')
    """
    rows: list[tuple[str, ...]] = []
    for e in sorted(entries, key=lambda e: (e.co_quan, e.nam, e.so, e.id)):
        if e.status is Status.RELEASED:
            continue
        m = e.metadata
        rows.append(
            (
                str(e.so_ky_hieu),
                ngay_ngan(m.ngay) if m.ngay is not None else "",
                _ten_loai_trich_yeu(e),
                m.nguoi_ky,
                "; ".join(m.noi_nhan),
                m.ban_luu,
                str(m.so_luong_ban) if m.so_luong_ban is not None else "",
                "",
                "",
                _ghi_chu(e),
            )
        )
    return rows


def title_lines(ten_co_quan: str, nam: int, entries: Sequence[Entry]) -> list[str]:
    """The heading of the sổ: body, title, year, and the range of numbers it holds.

    >>> title_lines("Trường THCS Quyết Tiến", 2025, [])
    ['TRƯỜNG THCS QUYẾT TIẾN', 'SỔ ĐĂNG KÝ VĂN BẢN ĐI', 'Năm 2025']
    """
    lines = [ten_co_quan.upper(), "SỔ ĐĂNG KÝ VĂN BẢN ĐI", f"Năm {nam}"]
    numbers = [e.so for e in entries if e.status is not Status.RELEASED]
    if numbers:
        lines.append(f"Từ số {min(numbers):02d} đến số {max(numbers):02d}")
    return lines


def _cell(text: str, align: str = "left") -> Cell:
    spans = (Span(text, False, False),) if text else ()
    return Cell(spans, align="center" if align == "center" else "left")


def register_table(entries: Sequence[Entry]) -> Table:
    """The sổ as a table block: the header, the column numbers, one row per entry."""
    header = tuple(Cell((Span(c, True, False),), align="center") for c in COLUMNS)
    numbers = tuple(_cell(f"({k})", "center") for k in range(1, len(COLUMNS) + 1))
    body = [
        tuple(_cell(v, "center" if k in (0, 1, 6) else "left") for k, v in enumerate(row))
        for row in so_rows(entries)
    ]
    return Table((header, numbers, *body), header_rows=2, widths=_WIDTHS_CM)


def export_docx(entries: Sequence[Entry], out: Path | str, *, ten_co_quan: str, nam: int) -> Path:
    """Write the sổ as a landscape .docx in the NĐ30 styles (atomically)."""
    from docx import Document

    from ..word.ooxml import set_core_properties
    from ..word.table_document import render_table_document

    title = title_lines(ten_co_quan, nam, entries)
    path = render_table_document(title, [register_table(entries)], out, author=ten_co_quan)
    doc = Document(str(path))
    # with the namespaces spelled out: docxtpl's docxcompose rebinds python-docx's "cp" prefix
    set_core_properties(doc, category=REGISTER_CATEGORY, language="vi-VN",
                        title=f"Sổ đăng ký văn bản đi năm {nam}")  # fmt: skip
    with atomic_path(path) as tmp:
        doc.save(str(tmp))
    return path


def export_xlsx(entries: Sequence[Entry], out: Path | str, *, ten_co_quan: str, nam: int) -> Path:
    """Write the sổ as an .xlsx workbook (atomically): title rows, header, one row per entry."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = f"Sổ VB đi {nam}"
    n = len(COLUMNS)
    title = title_lines(ten_co_quan, nam, entries)
    for r, line in enumerate(title, start=1):
        ws.cell(row=r, column=1, value=line)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=n)
        c = ws.cell(row=r, column=1)
        c.font = Font(name="Times New Roman", size=14, bold=r <= 2, italic=r > 2)
        c.alignment = Alignment(horizontal="center")
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    head = len(title) + 2
    rows = [COLUMNS, tuple(f"({k})" for k in range(1, n + 1)), *so_rows(entries)]
    for r, values in enumerate(rows, start=head):
        for k, value in enumerate(values, start=1):
            c = ws.cell(row=r, column=k, value=value)
            c.font = Font(name="Times New Roman", size=12, bold=r == head)
            c.border = border
            centre = r < head + 2 or k in (1, 2, 7)
            c.alignment = Alignment(
                horizontal="center" if centre else "left", vertical="top", wrap_text=True
            )
    for k, width in enumerate(_XLSX_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(k)].width = width
    ws.freeze_panes = ws.cell(row=head + 2, column=1)
    print_landscape(ws, f"{head}:{head + 1}")
    wb.properties.creator = ten_co_quan
    wb.properties.title = f"Sổ đăng ký văn bản đi năm {nam}"
    wb.properties.category = REGISTER_CATEGORY
    wb.properties.language = "vi-VN"
    with atomic_path(out) as tmp:
        wb.save(str(tmp))
    return Path(out)
