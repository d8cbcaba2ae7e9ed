"""Reading a PDF into :class:`~.pages.Page` objects: characters, rules, outline, labels, fonts.

Characters (with their font, size and box from the font's ascent to its descent) and the
strokes of rules and borders come from PDFium (pypdfium2, the renderer pdfplumber uses): it
reads an 18-page dossier about four times as fast as pdfplumber's pure-Python pdfminer, whose
parsing of the content streams alone takes more than the whole budget of the check. The
outline, the page labels and the fonts come from pypdf.

Words are characters on one baseline in one font with no space or gap between them (a change
of font starts a new word, so ``Điều 1.`` in bold is a word of its own). Lines are words on one
baseline that no table border and no gap wider than 1.5 font sizes separates.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pypdfium2 as pdfium
import pypdfium2.raw as raw
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from pypdf.generic import DictionaryObject

from ..errors import InputError, Problem
from .pages import MM, Grid, Line, Page, PdfPages, Word

__all__ = ["read_pdf"]

PAGE_NUMBER = re.compile(r"^[-–\s]*\d{1,4}[-–\s]*$")
SHEET_NUMBER = re.compile(r"Tờ \d+")
"""The sheet number the assembler prints at the foot of a dossier's pages (``Tờ 8``)."""
GAP = 1.5
"""Words further apart than this many font sizes on one baseline are separate lines."""
BOLD = re.compile(r"Bold|Black|Heavy|Semibold|Demi", re.IGNORECASE)
ITALIC = re.compile(r"Italic|Oblique", re.IGNORECASE)
ASCENT = 0.78
"""Where a character box starts above the baseline, in font sizes (Times-like fonts)."""
_T = TypeVar("_T")
Edge = tuple[float, float, float]


@dataclass(frozen=True)
class _Char:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str

    @property
    def mid(self) -> float:
        return (self.top + self.bottom) / 2


# ---------------------------------------------------------------- words and lines


def _bands(
    items: list[_T], size: Callable[[_T], float], mid: Callable[[_T], float]
) -> list[list[_T]]:
    """Items on one baseline: vertical centres within a third of the font size."""
    bands: list[list[_T]] = []
    for item in sorted(items, key=mid):
        if bands and mid(item) - mid(bands[-1][0]) <= 0.35 * min(size(item), size(bands[-1][0])):
            bands[-1].append(item)
        else:
            bands.append([item])
    return bands


def _word(chars: list[_Char]) -> Word:
    font = chars[0].font
    return Word(
        text="".join(c.text for c in chars),
        x0=chars[0].x0,
        x1=chars[-1].x1,
        top=min(c.top for c in chars),
        bottom=max(c.bottom for c in chars),
        size=max(c.size for c in chars),
        bold=bool(BOLD.search(font)),
        italic=bool(ITALIC.search(font)),
    )


def _words(chars: list[_Char]) -> list[Word]:
    words: list[Word] = []
    for band in _bands(chars, lambda c: c.size, lambda c: c.mid):
        band.sort(key=lambda c: c.x0)
        current: list[_Char] = []
        for char in band:
            blank = not char.text.strip()
            if current and (
                blank
                or char.font != current[-1].font
                or char.x0 - current[-1].x1 > 0.15 * char.size
            ):
                words.append(_word(current))
                current = []
            if not blank:
                current.append(char)
        if current:
            words.append(_word(current))
    return words


def _lines(words: list[Word], borders: list[Edge]) -> list[Line]:
    lines: list[Line] = []
    for band in _bands(words, lambda w: w.size, lambda w: w.mid):
        band.sort(key=lambda w: w.x0)
        current = [band[0]]
        for word in band[1:]:
            prev = current[-1]
            border = any(
                prev.x1 - 0.5 <= x <= word.x0 + 0.5 and top <= word.mid <= bottom
                for x, top, bottom in borders
            )
            if border or word.x0 - prev.x1 > GAP * max(word.size, prev.size):
                lines.append(Line(tuple(current)))
                current = [word]
            else:
                current.append(word)
        lines.append(Line(tuple(current)))
    lines.sort(key=lambda k: (round(k.mid), k.x0))
    return lines


# ---------------------------------------------------------------- grids


def _grids(verticals: list[Edge], horizontals: list[Edge]) -> list[Grid]:
    """Table fragments from vertical edges ``(x, top, bottom)`` and horizontal ``(y, x0, x1)``:
    vertical edges that overlap in height make one fragment."""
    groups: list[list[Edge]] = []
    for v in sorted(verticals, key=lambda e: e[1]):
        for group in groups:
            top = min(e[1] for e in group)
            bottom = max(e[2] for e in group)
            if v[1] <= bottom + 1 and top <= v[2] + 1:
                group.append(v)
                break
        else:
            groups.append([v])
    grids = []
    for group in groups:
        if len({round(x) for x, _, _ in group}) < 2:
            continue
        x0, x1 = min(e[0] for e in group), max(e[0] for e in group)
        top, bottom = min(e[1] for e in group), max(e[2] for e in group)
        rules = sorted(
            (y, a, b)
            for y, a, b in horizontals
            if top - 2 <= y <= bottom + 2 and a < x1 - 1 and b > x0 + 1
        )
        grids.append(Grid(x0, x1, top, bottom, tuple(sorted(group)), tuple(rules)))
    grids.sort(key=lambda g: g.top)
    return grids


# ---------------------------------------------------------------- pages


@dataclass(frozen=True)
class _Layout:
    """What one page draws: its size, its characters, its thin strokes and boxes as edges."""

    width: float
    height: float
    chars: list[_Char]
    verticals: list[Edge]
    horizontals: list[Edge]


def _chars(textpage: Any, height: float) -> list[_Char]:
    chars = []
    box = (ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double())
    rect = raw.FS_RECTF()
    origin = (ctypes.c_double(), ctypes.c_double())
    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    for i in range(raw.FPDFText_CountChars(textpage)):
        code = raw.FPDFText_GetUnicode(textpage, i)
        if raw.FPDFText_IsGenerated(textpage, i) or code in (0, 0xFFFE, 0xFFFF):
            text = " "  # a space PDFium infers between words, or a soft hyphen marker
        else:
            text = chr(code)
        if raw.FPDFText_GetLooseCharBox(textpage, i, rect):
            left, right = rect.left, rect.right
        else:
            raw.FPDFText_GetCharBox(textpage, i, *(ctypes.byref(b) for b in box))
            left, right = box[0].value, box[1].value
        raw.FPDFText_GetCharOrigin(textpage, i, ctypes.byref(origin[0]), ctypes.byref(origin[1]))
        size = raw.FPDFText_GetFontSize(textpage, i)
        raw.FPDFText_GetFontInfo(textpage, i, name, len(name), ctypes.byref(flags))
        baseline = height - origin[1].value
        # the same height for every glyph of a font size (a full stop's own box is tiny)
        top, bottom = baseline - ASCENT * size, baseline + (1 - ASCENT) * size
        chars.append(_Char(text, left, right, top, bottom, size, name.value.decode("latin-1")))
    return chars


def _layout(page: Any) -> _Layout:
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        chars = _chars(textpage.raw, height)
    finally:
        textpage.close()
    verticals: list[Edge] = []
    horizontals: list[Edge] = []
    for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH]):
        left, bottom_y, right, top_y = obj.get_bounds()
        x0, x1, top, bottom = left, right, height - top_y, height - bottom_y
        if x1 - x0 <= 2.5 and bottom - top > 2:
            verticals.append(((x0 + x1) / 2, top, bottom))
        elif bottom - top <= 2.5 and x1 - x0 > 2:
            horizontals.append(((top + bottom) / 2, x0, x1))
        elif raw.FPDFPath_CountSegments(obj.raw) <= 5:  # a box: its four sides
            verticals += [(x0, top, bottom), (x1, top, bottom)]
            horizontals += [(top, x0, x1), (bottom, x0, x1)]
    return _Layout(width, height, chars, verticals, horizontals)


def _page(number: int, label: str | None, layout: _Layout) -> Page:
    grids = _grids(layout.verticals, layout.horizontals)
    borders = [v for g in grids for v in g.verticals]
    page_number = None
    lines = []
    for line in _lines(_words(layout.chars), borders):
        if page_number is None and line.bottom <= 20 * MM + 1 and PAGE_NUMBER.match(line.text):
            page_number = line
        elif line.top >= layout.height - 20 * MM and SHEET_NUMBER.fullmatch(line.text.strip()):
            pass  # the dossier's sheet number (pdf.assemble), not text of the document
        else:
            lines.append(line)
    return Page(
        number=number,
        label=label,
        width=layout.width,
        height=layout.height,
        lines=tuple(lines),
        page_number=page_number,
        grids=tuple(grids),
    )


def _layouts(path: Path | str) -> list[_Layout]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        layouts = []
        for page in pdf:
            try:
                layouts.append(_layout(page))
            finally:
                page.close()
        return layouts
    finally:
        pdf.close()


# ---------------------------------------------------------------- pypdf: outline, labels, fonts


def _outline(reader: PdfReader) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []
    for item in reader.outline:
        if isinstance(item, list):
            continue  # the children of the entry before
        page = reader.get_destination_page_number(item)
        if page is not None and page >= 0:
            found.append((str(item.title), page + 1))
    return sorted(found, key=lambda entry: entry[1])


def _font_dicts(resources: Any, seen: set[int]) -> Iterator[DictionaryObject]:
    if resources is None:
        return
    resources = resources.get_object()
    for ref in (resources.get("/Font") or {}).values():
        yield ref.get_object()
    for ref in (resources.get("/XObject") or {}).values():
        xobject = ref.get_object()
        if xobject.get("/Subtype") == "/Form" and id(xobject) not in seen:
            seen.add(id(xobject))
            yield from _font_dicts(xobject.get("/Resources"), seen)


def _embedded(font: DictionaryObject) -> bool:
    if font.get("/Subtype") == "/Type3":
        return True  # its glyphs are drawn by the PDF's own content streams
    descendants = font.get("/DescendantFonts")
    target = descendants[0].get_object() if descendants else font
    descriptor = target.get("/FontDescriptor")
    if descriptor is None:
        return False
    descriptor = descriptor.get_object()
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def _unembedded(reader: PdfReader) -> list[tuple[str, tuple[int, ...]]]:
    pages: dict[str, list[int]] = {}
    for number, page in enumerate(reader.pages, start=1):
        for font in _font_dicts(page.get("/Resources"), set()):
            if not _embedded(font):
                found = pages.setdefault(str(font.get("/BaseFont", "(không tên)")).lstrip("/"), [])
                if number not in found:
                    found.append(number)
    return [(name, tuple(found)) for name, found in pages.items()]


def read_pdf(path: Path | str) -> PdfPages:
    """Read every page of ``path``; a file that is no readable PDF raises :class:`InputError`."""
    try:
        reader = PdfReader(str(path))
        labels: list[str | None] = [None] * len(reader.pages)
        if "/PageLabels" in reader.root_object:
            labels = list(reader.page_labels)
        outline = _outline(reader)
        unembedded = _unembedded(reader)
        pages = tuple(
            _page(number, labels[number - 1] if number <= len(labels) else None, layout)
            for number, layout in enumerate(_layouts(path), start=1)
        )
    except (PyPdfError, pdfium.PdfiumError, ValueError, KeyError) as exc:
        problem = Problem("", f"không đọc được tệp PDF ({type(exc).__name__}: {exc})")
        raise InputError([problem], source=str(path)) from None
    return PdfPages(pages, tuple(outline), tuple(unembedded))
