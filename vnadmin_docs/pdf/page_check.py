"""The page-level check: what a reader sees on the laid-out pages of a PDF.

``check_docx`` (the format checker) reads the XML; this module reads the PDF that LibreOffice
or Word made from it and reports, in Vietnamese with page numbers, what the XML cannot show:

=================== ==========================================================================
``chu-ky-tach``     the signature block (titles, signature space, name) not on one page, Nơi
                    nhận not beside it, or a page holding only Nơi nhận and the signature
``trang-it-chu``    a page of a document holding only a few lines (or a single table row)
``cuoi-trang``      a heading, or a table's header (or group) row, last on its page
``bang-tach-hang``  a table row (or a group of merged rows) split across two pages
``ngoai-vung-in``   text outside the printable area (NĐ30 margins, small tolerance)
``ten-co-quan``     an issuing body's name in the header broken inside a word group
``so-trang-dau``    a page number shown on the first page of a document
``phong-chua-nhung`` a font the PDF uses without embedding it
=================== ==========================================================================

A file with bookmarks (a dossier) is split into documents at its top-level bookmarks; pages
that start with ``Phụ lục``/``PHỤ LỤC`` begin an appendix, which the signature rule leaves out.
A file without bookmarks is one document. A dossier's sheet number (``Tờ 8``, which the
assembler prints in the bottom margin, where a binder's number belongs) is set aside by the
reader, like the page number: it is not text of the document. Page numbers are positions in the file (1-based);
the page label (``Báo cáo 2``) follows in brackets when the file has labels.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from ..vn import nd30
from .header_names import check_header
from .pages import (
    MM,
    DocumentPages,
    Grid,
    Line,
    Page,
    PageFinding,
    PdfPages,
    cell_text,
    repeated_header,
)
from .reader import read_pdf
from .signature import check_signature

__all__ = ["PageFinding", "check_pages", "check_pdf_pages", "split_documents"]

MARGINS_MM: Final = {
    label: float(nd30.MARGIN_RANGES_MM[side][0])
    for label, side in (("trái", "left"), ("phải", "right"), ("trên", "top"), ("dưới", "bottom"))
}
"""The smallest margins NĐ30 allows, by the Vietnamese name of the side (from :mod:`nd30`)."""
TOLERANCE_MM = 2.0
"""Glyph boxes reach a little past the line box; cell padding shifts table text."""
FEW_LINES = 3
"""A page of a document with this many lines or fewer is near-empty."""
SHORT_ROW = 0.25
"""A page holding one table row is near-empty when the row fills less of the text area."""
HEADING = re.compile(
    r"^(?:[IVXLC]+\.|\d+(?:\.\d+)*\.|Điều \d+\.|Chương [IVXLC\d]+|Mục \d+)(?:\s|$)"
)
APPENDIX = re.compile(r"^(?:Phụ lục|PHỤ LỤC)\b")
URL_START: Final = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.)")
"""A cell opening with a web address: lower case, yet not the middle of a sentence."""


def _mm(points: float) -> str:
    return f"{points / MM:.1f}".replace(".", ",")


def _quote(text: str, width: int = 50) -> str:
    return "«" + (text if len(text) <= width else text[: width - 1] + "…") + "»"


# ---------------------------------------------------------------- documents


def _is_appendix_start(page: Page) -> bool:
    return bool(page.lines) and bool(APPENDIX.match(page.lines[0].text))


def _document(title: str, pages: Sequence[Page]) -> DocumentPages:
    starts = [i for i, page in enumerate(pages) if i > 0 and _is_appendix_start(page)]
    bounds = [*starts, len(pages)]
    main = tuple(pages[: bounds[0]])
    appendices = tuple(tuple(pages[a:b]) for a, b in itertools.pairwise(bounds))
    return DocumentPages(title, tuple(pages), main, appendices)


def split_documents(
    pdf: PdfPages, documents: Sequence[tuple[str, int]] | None = None
) -> list[DocumentPages]:
    """The documents of the file: ``documents`` (title, 1-based first page), else the top-level
    bookmarks, else the whole file as one document."""
    pages = pdf.pages
    starts = sorted(documents if documents is not None else pdf.outline, key=lambda e: e[1])
    starts = [(title, first) for title, first in starts if 1 <= first <= len(pages)]
    if not starts:
        return [_document("", pages)] if pages else []
    if starts[0][1] > 1:
        starts.insert(0, ("", 1))
    found = []
    for (title, first), (_, after) in zip(starts, [*starts[1:], ("", len(pages) + 1)], strict=True):
        if after > first:
            found.append(_document(title, pages[first - 1 : after - 1]))
    return found


# ---------------------------------------------------------------- the rules


def _near_empty(doc: DocumentPages) -> list[PageFinding]:
    findings = []
    previous: Page | None = None
    for page in doc.pages:
        header = repeated_header(previous, page)
        lines = [line for line in page.lines if line not in header]
        rows = page.rows(lines)
        previous = page
        if not rows:
            if header:
                findings.append(
                    PageFinding.on("trang-it-chu", page, "trang chỉ có hàng tiêu đề của bảng")
                )
            continue
        if len(rows) <= FEW_LINES:
            findings.append(
                PageFinding.on(
                    "trang-it-chu",
                    page,
                    f"trang gần như trống, chỉ có {len(rows)} dòng chữ: {_quote(rows[0][0].text)}",
                )
            )
            continue
        grids = {page.grid_of(line) for line in lines}
        if len(grids) == 1 and None not in grids:
            (grid,) = grids
            assert grid is not None
            ys = grid.rule_ys
            used = {sum(1 for y in ys if y < line.mid) for line in lines}
            filled = max(k.bottom for k in lines) - min(k.top for k in lines)
            if len(used) == 1 and filled < SHORT_ROW * (page.height - 40 * MM):
                findings.append(
                    PageFinding.on("trang-it-chu", page, "trang chỉ có một hàng của bảng")
                )
    return findings


def _continuation_row(page: Page, grid: Grid, header: str) -> bool:
    """Whether the first body row of ``grid`` (at the top of ``page``) continues a row of the
    previous page: its first cell is empty while others are not, or a cell starts in the
    middle of a sentence (a lower-case letter that does not open a web address)."""
    index = 1 if header and cell_text(page.row_lines(grid, 0)) == header else 0
    lines = page.row_lines(grid, index)
    if not lines:
        return False
    ys = grid.rule_ys
    borders = grid.borders_at((ys[index] + ys[index + 1]) / 2)
    if len(borders) >= 3:
        first = [line for line in lines if (line.x0 + line.x1) / 2 < borders[1]]
        if not first:
            return True
    cells: dict[int, Line] = {}
    for line in sorted(lines, key=lambda k: k.top):
        cell = sum(1 for x in borders if x < (line.x0 + line.x1) / 2)
        cells.setdefault(cell, line)
    return any(
        line.text[:1].islower() and not URL_START.match(line.text) for line in cells.values()
    )


def _page_breaks(pages: Sequence[Page]) -> list[PageFinding]:
    """Headings and table header rows last on a page; table rows split across pages (within
    one part: the main document or one appendix)."""
    findings = []
    for page, following in itertools.pairwise(pages):
        grid = page.trailing_grid
        if grid is None:
            findings.extend(_heading_at_foot(page))
            continue
        after = following.leading_grid
        if after is None or abs(after.x0 - grid.x0) > 3 or abs(after.x1 - grid.x1) > 3:
            continue  # the table ends on this page
        ys = grid.rule_ys
        last = page.row_lines(grid, len(ys) - 2) if len(ys) >= 2 else []
        if last and all(line.bold for line in last):
            what = "hàng tiêu đề" if len(ys) == 2 else "hàng tiêu đề (đề mục)"
            findings.append(
                PageFinding.on(
                    "cuoi-trang",
                    page,
                    f"{what} của bảng {_quote(cell_text(last))} nằm cuối trang, "
                    f"các hàng của nó ở trang {following.number}",
                )
            )
        header = cell_text(page.row_lines(grid, 0))
        split = not grid.has_bottom_rule or _continuation_row(following, after, header)
        if split and not _taller_than_a_page(grid, following, after, header):
            findings.append(
                PageFinding.on(
                    "bang-tach-hang",
                    page,
                    f"một hàng của bảng bị tách, phần còn lại nằm ở trang {following.number}",
                )
            )
    return findings


def _taller_than_a_page(grid: Grid, following: Page, after: Grid, header: str) -> bool:
    """Whether the row (or group of merged rows) split between ``grid``, at the foot of one
    page, and ``after``, at the top of ``following``, is taller than a page holds below the
    table's header: it cannot but split. Where a row begins and ends in every column is
    where a rule crosses the whole table."""
    top = max((y for y in grid.full_rule_ys if y < grid.bottom - 2), default=grid.top)
    ys = after.rule_ys
    start = (
        ys[1]
        if header and len(ys) > 1 and cell_text(following.row_lines(after, 0)) == header
        else after.top
    )
    end = min((y for y in after.full_rule_ys if y > start + 2), default=after.bottom)
    room = following.height - MARGINS_MM["dưới"] * MM - start
    return (grid.bottom - top) + (end - start) > room


def _heading_at_foot(page: Page) -> list[PageFinding]:
    rows = page.rows()
    if not rows:
        return []
    centre = (30 * MM + page.width - 15 * MM) / 2
    group: list[Line] = []
    for row in reversed(rows):
        if len(row) != 1 or page.grid_of(row[0]) is not None:
            break
        line = row[0]
        if not line.bold or line.x0 > centre:
            break
        if group and group[0].top - line.bottom > 0.8 * line.size:
            break
        group.insert(0, line)
    if not group:
        return []
    text = " ".join(line.text for line in group)
    letters = [c for c in text if c.isalpha()]
    capitals = len(letters) >= 2 and text == text.upper()
    if not (HEADING.match(group[0].text) or capitals):
        return []
    return [
        PageFinding.on(
            "cuoi-trang",
            page,
            f"đề mục {_quote(text)} nằm cuối trang, tách khỏi nội dung ở trang sau",
        )
    ]


def _margins(page: Page) -> list[PageFinding]:
    tolerance = TOLERANCE_MM * MM
    limits = {
        "trái": 30 * MM - tolerance,
        "phải": page.width - 15 * MM + tolerance,
        "trên": 20 * MM - tolerance,
        "dưới": page.height - 20 * MM + tolerance,
    }
    worst: dict[str, tuple[float, str]] = {}
    for line in page.lines:
        for word in line.words:
            distance = {
                "trái": (word.x0, word.x0 < limits["trái"]),
                "phải": (page.width - word.x1, word.x1 > limits["phải"]),
                "trên": (word.top, word.top < limits["trên"]),
                "dưới": (page.height - word.bottom, word.bottom > limits["dưới"]),
            }
            for side, (gap, outside) in distance.items():
                if outside and (side not in worst or gap < worst[side][0]):
                    worst[side] = (gap, line.text)
    findings = []
    for side in MARGINS_MM:
        if side in worst:
            gap, text = worst[side]
            where = f"cách mép giấy {_mm(gap)} mm" if gap >= 0 else "vượt ra ngoài mép giấy"
            findings.append(
                PageFinding.on(
                    "ngoai-vung-in",
                    page,
                    f"chữ nằm ngoài vùng in ở lề {side} ({where}, "
                    f"lề tối thiểu {MARGINS_MM[side]:g} mm): {_quote(text)}",
                )
            )
    return findings


def _first_page_number(doc: DocumentPages) -> list[PageFinding]:
    first = doc.pages[0]
    if first.page_number is None:
        return []
    shown = first.page_number.text.strip()
    message = f"trang đầu của văn bản không được hiển thị số trang (đang hiện «{shown}»)"
    return [PageFinding.on("so-trang-dau", first, message)]


def _fonts(pdf: PdfPages) -> list[PageFinding]:
    findings = []
    for name, pages in pdf.unembedded:
        page = pdf.pages[pages[0] - 1]
        shown = ", ".join(str(p) for p in pages[:5]) + (" …" if len(pages) > 5 else "")
        message = f"phông {name} chưa được nhúng vào tệp PDF (dùng ở trang {shown})"
        findings.append(PageFinding.on("phong-chua-nhung", page, message))
    return findings


# ---------------------------------------------------------------- entry points


def check_pdf_pages(
    pdf: PdfPages, *, documents: Sequence[tuple[str, int]] | None = None
) -> list[PageFinding]:
    """Check pages already read with :func:`read_pdf`."""
    findings: list[PageFinding] = []
    for doc in split_documents(pdf, documents):
        findings += check_signature(doc)
        findings += _near_empty(doc)
        for part in (doc.main, *doc.appendices):
            findings += _page_breaks(part)
        findings += _first_page_number(doc)
        if doc.main:
            findings += check_header(doc.main[0])
    for page in pdf.pages:
        findings += _margins(page)
    findings += _fonts(pdf)
    return sorted(findings, key=lambda f: f.page)


def check_pages(
    pdf_path: Path | str, *, documents: Sequence[tuple[str, int]] | None = None
) -> list[PageFinding]:
    """Check the laid-out pages of a PDF; an empty list means nothing a reader would send back.

    ``documents`` gives the documents of the file as ``(title, first page)`` (1-based), e.g.
    :attr:`vnadmin_docs.assemble.Assembled.starts`; by default the top-level bookmarks split
    the file, and a file without bookmarks is one document. An unreadable file raises
    :class:`~vnadmin_docs.errors.InputError`.
    """
    return check_pdf_pages(read_pdf(pdf_path), documents=documents)
