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

__all__ = ["Assembled", "Metadata", "PartPdf", "TocFont", "assemble", "toc_page"]


@dataclass(frozen=True)
class PartPdf:
    """A converted part: its title (bookmark and mục lục), its page-label prefix, its PDF."""

    title: str
    label: str
    path: Path


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


def toc_page(heading: str, subtitle: str, rows: Sequence[tuple[str, int]], font: TocFont) -> bytes:
    """A one-page A4 PDF: ``MỤC LỤC``, a subtitle, then the rows ``(title, page)``."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    # reportlab keeps registered fonts in a process-wide table: name them after their files,
    # so that a later call with other font files never draws with the first ones
    regular, bold = (_font_name(font.regular), _font_name(font.bold))
    for name, path in ((regular, font.regular), (bold, font.bold)):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path)))
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
    canvas.drawCentredString((left + right) / 2, y, subtitle)
    y -= 15 * mm
    canvas.setFont(bold, 13)
    canvas.drawString(left, y, "STT")
    canvas.drawString(left + 15 * mm, y, "Thành phần hồ sơ")
    canvas.drawRightString(right, y, "Trang")
    y -= 3 * mm
    canvas.line(left, y, right, y)
    y -= 8 * mm
    canvas.setFont(regular, 13)
    for number, (title, page) in enumerate(rows, start=1):
        canvas.drawString(left, y, str(number))
        canvas.drawString(left + 15 * mm, y, title)
        text_end = left + 15 * mm + pdfmetrics.stringWidth(title, regular, 13) + 2 * mm
        page_text = str(page)
        page_start = right - pdfmetrics.stringWidth(page_text, regular, 13) - 2 * mm
        dots = "." * max(0, int((page_start - text_end) / pdfmetrics.stringWidth(".", regular, 13)))
        canvas.drawString(text_end, y, dots)
        canvas.drawRightString(right, y, page_text)
        y -= 9 * mm
    canvas.setTitle(heading)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


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
    page = 1
    for index, (part, count) in enumerate(zip(parts, counts, strict=True)):
        if index == toc_after:
            page += 1  # the mục lục page
        starts.append((part.title, page))
        page += count
    toc = PdfReader(io.BytesIO(toc_page("MỤC LỤC", toc_subtitle, starts, font)))

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
    info = DocInfo(metadata.title, metadata.author, metadata.subject, metadata.keywords,
                   metadata.language, date=metadata.date)  # fmt: skip
    pdfa = make_pdfa(writer, readers, info)
    writer._root_object[NameObject("/Lang")] = TextStringObject(metadata.language)
    writer.page_mode = "/UseOutlines"
    with atomic_path(out) as tmp, tmp.open("wb") as handle:
        writer.write(handle)
    return Assembled(out, sum(counts) + 1, tuple(starts), tuple(counts), pdfa)
