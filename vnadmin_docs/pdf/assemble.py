"""Assembling converted parts into one PDF (the only module that writes PDFs with pypdf).

One PDF: a table-of-contents page (mục lục) listing each part's first page, a bookmark per part,
page labels per part (``Tờ trình 1``, ``Tờ trình 2``…), document metadata (title, author,
subject, keywords, language ``vi-VN``), fonts embedded; PDF/A-2b when every part is
(:mod:`.pdfa`: XMP, the parts' output intent, a document ID). The mục lục page is drawn with
reportlab in a Unicode TrueType font the caller passes (the library does not look for fonts),
so that the parts go through LibreOffice once. Written atomically: a failure leaves no PDF.

Merging breaks digital signatures already in the parts: sign the assembled PDF, not the parts.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.constants import PageLabelStyle
from pypdf.generic import NameObject, TextStringObject

from .._atomic import atomic_path
from ..vn import nd30
from .pdfa import DocInfo, make_pdfa
from .signed import SignedPdfError, is_signed

__all__ = [
    "Assembled",
    "Metadata",
    "PartPdf",
    "TocFont",
    "TocRow",
    "appendix_starts",
    "assemble",
    "toc_page",
]


@dataclass(frozen=True)
class PartPdf:
    """A converted part: its title (bookmark and mục lục), its page-label prefix, its PDF."""

    title: str
    label: str
    path: Path
    appendices: tuple[tuple[str, str], ...] = ()
    """``(label, title)`` of each appendix the part ends with, listed under it in the mục lục
    (found in the part by its label at the top of a page)."""


@dataclass(frozen=True)
class Metadata:
    title: str
    author: str
    subject: str
    keywords: str
    language: str = "vi-VN"
    date: datetime | None = None
    """Creation date written to the Info dictionary and the XMP (timezone-aware); none: omitted."""


@dataclass(frozen=True)
class TocFont:
    """TrueType files (regular and bold) with Vietnamese coverage, e.g. Liberation Serif."""

    regular: Path
    bold: Path


@dataclass(frozen=True)
class Assembled:
    path: Path
    pages: int
    starts: tuple[tuple[str, int], ...]
    """Each part's title and its first page (1-based) in the assembled PDF."""
    counts: tuple[int, ...] = ()
    """Each part's number of pages (the mục lục page is not a part)."""
    pdfa: bool = False
    """Whether the PDF claims PDF/A-2b (every part did)."""


def _font_name(path: Path) -> str:
    """A reportlab font name that stands for this font file only."""
    return "VNAdmin-" + hashlib.sha1(str(Path(path).resolve()).encode()).hexdigest()[:12]


def _register(font: TocFont) -> tuple[str, str]:
    """Register ``font``'s files with reportlab; their reportlab names (regular, bold)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    # reportlab keeps registered fonts in a process-wide table: name them after their files,
    # so that a later call with other font files never draws with the first ones
    regular, bold = (_font_name(font.regular), _font_name(font.bold))
    for name, path in ((regular, font.regular), (bold, font.bold)):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path)))
    return regular, bold


TocRow = tuple[str, int] | tuple[str, int, int]
"""A mục lục row: ``(title, sheet)``, or ``(title, sheet, level)`` with level 1 for an appendix
listed under its document."""


def toc_page(heading: str, subtitle: str, rows: Sequence[TocRow], font: TocFont) -> bytes:
    """A one-page A4 PDF: ``MỤC LỤC``, a subtitle, then the rows ``(title, sheet[, level])``:
    each document numbered, its appendices indented under it; every text wrapped inside the
    margins. ``sheet`` is the sheet number printed at the foot of the bound dossier's pages."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfgen.canvas import Canvas

    regular, bold = _register(font)
    buffer = io.BytesIO()
    # the initial font would otherwise be a non-embedded Helvetica on the page
    canvas = Canvas(
        buffer, pagesize=A4, invariant=True, initialFontName=regular, initialFontSize=13
    )
    width, height = A4
    left, right = nd30.MARGINS_MM["left"] * mm, width - nd30.MARGINS_MM["right"] * mm
    y = height - 30 * mm
    canvas.setFont(bold, 16)
    canvas.drawCentredString((left + right) / 2, y, heading)
    y -= 9 * mm
    canvas.setFont(regular, 13)
    for line in simpleSplit(subtitle, regular, 13, right - left):
        canvas.drawCentredString((left + right) / 2, y, line)
        y -= 6 * mm
    y -= 9 * mm
    canvas.setFont(bold, 13)
    canvas.drawString(left, y, "STT")
    canvas.drawString(left + 15 * mm, y, "Thành phần hồ sơ")
    canvas.drawRightString(right, y, "Tờ số")
    y -= 3 * mm
    canvas.line(left, y, right, y)
    y -= 8 * mm
    canvas.setFont(regular, 13)
    number = 0
    page_room = 16 * mm
    dot = pdfmetrics.stringWidth(".", regular, 13)
    for row in rows:
        title, page = row[0], row[1]
        level = row[2] if len(row) == 3 else 0
        indent = left + (15 + 8 * level) * mm
        if level == 0:
            number += 1
            canvas.drawString(left, y, str(number))
        lines = simpleSplit(title, regular, 13, right - page_room - indent) or [""]
        for line in lines[:-1]:
            canvas.drawString(indent, y, line)
            y -= 6 * mm
        canvas.drawString(indent, y, lines[-1])
        text_end = indent + pdfmetrics.stringWidth(lines[-1], regular, 13) + 2 * mm
        page_text = str(page)
        page_start = right - pdfmetrics.stringWidth(page_text, regular, 13) - 2 * mm
        canvas.drawString(text_end, y, "." * max(0, int((page_start - text_end) / dot)))
        canvas.drawRightString(right, y, page_text)
        y -= 9 * mm
    canvas.setTitle(heading)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


SHEET_NUMBER_PT = 10
"""The size of the sheet number printed at the foot of each sheet after the cover."""


def _sheet_numbers(writer: PdfWriter, font: TocFont, *, first: int) -> None:
    """Print each page's sheet number in the bound dossier ("Tờ 5"), small, at the foot of the
    page on the right, 10 mm above its edge (as the page number stands 10 mm below the top),
    from page ``first`` (1-based) on: the number the mục lục lists."""
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    regular, _ = _register(font)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=True, initialFontName=regular)
    pages = list(writer.pages)
    for number, page in enumerate(pages, start=1):
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        canvas.setPageSize((w, h))
        if number >= first:
            canvas.setFont(regular, SHEET_NUMBER_PT)
            canvas.drawRightString(w - nd30.MARGINS_MM["right"] * mm, 10 * mm, f"Tờ {number}")
        canvas.showPage()
    canvas.save()
    stamps = PdfReader(io.BytesIO(buffer.getvalue()))
    for number, (page, stamp) in enumerate(zip(pages, stamps.pages, strict=True), start=1):
        if number >= first:
            page.merge_page(stamp)


def appendix_starts(reader: PdfReader, labels: Sequence[str]) -> list[int]:
    """The page (0-based, in ``reader``) where each appendix begins: the first page from the
    previous one on whose text opens with its label (``Phụ lục I``, ``PHỤ LỤC``); the last
    page when a label is not found."""
    starts: list[int] = []
    page = 0
    for label in labels:
        wanted = " ".join(label.split()).casefold()
        found = len(reader.pages) - 1
        for index in range(page, len(reader.pages)):
            head = (reader.pages[index].extract_text() or "").strip().splitlines()[:2]
            if any(" ".join(x.split()).casefold() == wanted for x in head):
                found = index
                break
        starts.append(found)
        page = found
    return starts


def assemble(
    parts: Sequence[PartPdf],
    out: Path,
    *,
    metadata: Metadata,
    font: TocFont,
    toc_after: int = 1,
    toc_subtitle: str = "",
) -> Assembled:
    """Assemble ``parts`` into ``out`` with a mục lục page after the first ``toc_after`` parts.

    A signed part is refused (:class:`~vnadmin_docs.pdf.signed.SignedPdfError`): merging would
    break its signature.
    """
    for part in parts:
        if is_signed(part.path):
            raise SignedPdfError(part.path)
    readers = [PdfReader(p.path) for p in parts]
    counts = [len(r.pages) for r in readers]
    toc_after = min(toc_after, len(parts))
    starts: list[tuple[str, int]] = []
    rows: list[TocRow] = []
    page = 1
    for index, (part, count, reader) in enumerate(zip(parts, counts, readers, strict=True)):
        if index == toc_after:
            page += 1  # the mục lục page
        starts.append((part.title, page))
        rows.append((part.title, page))
        labels = [label for label, _ in part.appendices]
        for (label, title), at in zip(
            part.appendices, appendix_starts(reader, labels), strict=True
        ):
            rows.append((f"{label}. {title}", page + at, 1))
        page += count
    toc = PdfReader(io.BytesIO(toc_page("MỤC LỤC", toc_subtitle, rows, font)))

    writer = PdfWriter()
    toc_index = sum(counts[:toc_after])
    for index, reader in enumerate(readers):
        if index == toc_after:
            writer.append(toc)
        writer.append(reader)
    if toc_after == len(parts):
        writer.append(toc)
    outline = sorted([*starts, ("Mục lục", toc_index + 1)], key=lambda entry: entry[1])
    for title, first in outline:
        writer.add_outline_item(title=title, page_number=first - 1)
    for (_, first), part, count in zip(starts, parts, counts, strict=True):
        if count == 1:
            writer.set_page_label(first - 1, first - 1, prefix=part.label)
        else:
            writer.set_page_label(
                first - 1, first + count - 2, style=PageLabelStyle.DECIMAL, prefix=f"{part.label} "
            )
    writer.set_page_label(toc_index, toc_index, prefix="Mục lục")
    _sheet_numbers(writer, font, first=2)
    info = DocInfo(metadata.title, metadata.author, metadata.subject, metadata.keywords,
                   metadata.language, date=metadata.date)  # fmt: skip
    pdfa = make_pdfa(writer, readers, info)
    writer._root_object[NameObject("/Lang")] = TextStringObject(metadata.language)
    writer.page_mode = "/UseOutlines"
    with atomic_path(out) as tmp, tmp.open("wb") as handle:
        writer.write(handle)
    return Assembled(out, sum(counts) + 1, tuple(starts), tuple(counts), pdfa)
