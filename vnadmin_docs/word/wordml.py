"""Body blocks written straight as WordprocessingML (``<w:p>``, ``<w:tbl>``) text.

Building a document body through python-docx's object model costs a lookup and an insertion
per element; a dossier's scored table alone has thousands. Writing the same XML as text is
an order of magnitude cheaper, and the result is what python-docx would have produced:
paragraphs in the template's named styles, runs with bold/italic, ``\\n`` as ``<w:br/>`` and
``\\t`` as ``<w:tab/>``, tables on a fixed grid with merged cells as ``w:gridSpan`` and
``w:vMerge``, header rows repeated on each page.

The fragment uses the ``w:`` prefix without declaring it: it is meant to be placed inside a
document whose root declares it (:func:`fragment_root` wraps it for parsing on its own).

>>> from vnadmin_docs.vn.markup import parse
>>> ids = {"VB Noi dung": "VBNoidung", "VB Muc 1": "VBMuc1"}
>>> blocks_xml(parse("Sở GD&ĐT <b>"), ids, text_width=9355)
'<w:p><w:pPr><w:pStyle w:val="VBNoidung"/></w:pPr><w:r><w:t>Sở GD&amp;ĐT &lt;b&gt;</w:t></w:r></w:p>'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

from ..vn.layout import column_widths, fit_words, khong_ngat, url_breaks
from ..vn.markup import Block, Cell, Heading, Paragraph, Span, Table, plain

__all__ = [
    "BODY_STYLE",
    "GRID_STYLE",
    "HEADING_STYLES",
    "STYLE_NAMES",
    "TABLE_STYLE",
    "W_NS",
    "blocks_xml",
    "cm_to_twips",
    "fragment_root",
]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

HEADING_STYLES: Final = {1: "VB Muc 1", 2: "VB Muc 2", 3: "VB Muc 3", 4: "VB Muc 4"}
BODY_STYLE = "VB Noi dung"
TABLE_STYLE = "VB Bang"
GRID_STYLE = "Table Grid"
STYLE_NAMES = (*HEADING_STYLES.values(), BODY_STYLE, TABLE_STYLE, GRID_STYLE)
"""The template styles a body may use; a template must define all of them."""

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_TABLE_LOOK = (
    '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" '
    'w:noHBand="0" w:noVBand="1" w:val="04A0"/>'
)
_EMPTY_CELL_PARAGRAPH = "<w:p/>"


def cm_to_twips(cm: float) -> int:
    """Centimetres to twentieths of a point, rounded as python-docx does.

    >>> cm_to_twips(1.3), cm_to_twips(16.5)
    (737, 9354)
    """
    return round(int(cm * 360000) / 635)


def fragment_root(xml: str) -> str:
    """``xml`` inside an element that declares the ``w:`` namespace, ready to be parsed."""
    return f'<w:body xmlns:w="{W_NS}">{xml}</w:body>'


def _text(text: str) -> str:
    """``<w:t>`` pieces for ``text``, its line breaks and tabs as elements."""
    out: list[str] = []
    for k, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")):
        if k:
            out.append("<w:br/>")
        for j, piece in enumerate(line.split("\t")):
            if j:
                out.append("<w:tab/>")
            if piece:
                space = ' xml:space="preserve"' if piece != piece.strip() else ""
                out.append(f"<w:t{space}>{piece.translate(_ESCAPES)}</w:t>")
    return "".join(out)


def _runs(spans: Sequence[Span], *, bold: bool = False, in_cell: bool = False) -> str:
    out: list[str] = []
    for span in spans:
        props = ("<w:b/>" if span.bold or bold else "") + ("<w:i/>" if span.italic else "")
        rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
        text = khong_ngat(span.text)
        out.append(f"<w:r>{rpr}{_text(url_breaks(text) if in_cell else text)}</w:r>")
    return "".join(out)


def _paragraph(
    style_id: str,
    spans: Sequence[Span],
    *,
    align: str = "",
    bold: bool = False,
    keep_next: bool = False,
    in_cell: bool = False,
) -> str:
    keep = "<w:keepNext/>" if keep_next else ""
    jc = f'<w:jc w:val="{align}"/>' if align else ""
    runs = _runs(spans, bold=bold, in_cell=in_cell)
    return f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{keep}{jc}</w:pPr>{runs}</w:p>'


def _content_widths(block: Table, width: int, text_width: float) -> list[int]:
    """Column widths (twips) that follow the text of the cells each column holds alone; a
    table's own widths are kept, widened where a word would not fit."""
    texts: list[list[str]] = [[] for _ in range(width)]
    for row in block.rows:
        for c, cell in enumerate(row[:width]):
            if cell is not None and cell.colspan == 1:
                texts[c].append(plain(cell.spans))
    if block.widths:
        given = list(block.widths[:width])
        twips = [cm_to_twips(w) for w in fit_words(given, texts[: len(given)])]
        return twips + [round(text_width / width)] * (width - len(twips))
    total_cm = text_width * 635 / 360000
    twips = [cm_to_twips(w) for w in column_widths(texts, total_cm)]
    twips[-1] += round(text_width) - sum(twips)
    return twips


def _table(block: Table, ids: Mapping[str, str], text_width: float) -> str:
    width = max((len(r) for r in block.rows), default=0)
    if width == 0:
        return ""
    columns = _content_widths(block, width, text_width)
    # which cell covers each grid position: (origin row, origin column, cell)
    owner: dict[tuple[int, int], tuple[int, int, Cell]] = {}
    for r, row in enumerate(block.rows):
        for c, cell in enumerate(row):
            if cell is not None:
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        owner[(r + dr, c + dc)] = (r, c, cell)
    layout = '<w:tblLayout w:type="fixed"/>'
    out = [
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{ids[GRID_STYLE]}"/><w:tblW w:type="auto" w:w="0"/>'
        f"{layout}{_TABLE_LOOK}</w:tblPr><w:tblGrid>",
        *(f'<w:gridCol w:w="{w}"/>' for w in columns),
        "</w:tblGrid>",
    ]
    style = ids[TABLE_STYLE]
    tail_rows = len(block.rows) - block.header_rows > 6
    for r in range(len(block.rows)):
        # no row splits across pages; header rows repeat on each page and keep the first body
        # row with them (never a header alone at a page foot)
        header = "<w:tblHeader/>" if r < block.header_rows else ""
        # a row that opens merged cells (a criterion over its items) stays with the next row
        # and the last rows of a long table stay together (never one row alone on a page)
        tail = tail_rows and len(block.rows) - 3 <= r < len(block.rows) - 1
        opens = tail or any(
            x is not None and x.rowspan > 1 and owner.get((r, c), (None,))[0] == r
            for c, x in enumerate(block.rows[r])
        )
        out.append(f"<w:tr><w:trPr><w:cantSplit/>{header}</w:trPr>")
        c = 0
        while c < width:
            found = owner.get((r, c))
            if found is None:
                out.append(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{columns[c]}"/></w:tcPr>')
                out.append(f"{_EMPTY_CELL_PARAGRAPH}</w:tc>")
                c += 1
                continue
            top, left, cell = found
            span = min(cell.colspan, width - left)
            props = f'<w:tcW w:type="dxa" w:w="{sum(columns[left : left + span])}"/>'
            if span > 1:
                props += f'<w:gridSpan w:val="{span}"/>'
            drawn = tail_rows and top + cell.rowspan > len(block.rows) - 3
            if cell.rowspan > 1 and drawn:
                # a cell over the last rows is drawn, not merged (its text in its first row, no
                # rule between the rows it covers): LibreOffice keeps merged rows neither
                # together nor apart, separate rows it keeps as told
                edges = ("top",) * (r > top) + ("bottom",) * (r < top + cell.rowspan - 1)
                nil = "".join(f'<w:{e} w:val="nil"/>' for e in edges)
                props += f"<w:tcBorders>{nil}</w:tcBorders>"
            elif cell.rowspan > 1:
                props += '<w:vMerge w:val="restart"/>' if r == top else "<w:vMerge/>"
            content = (
                _paragraph(
                    style,
                    cell.spans if r == top else (),
                    align=cell.align,
                    bold=r < block.header_rows,
                    keep_next=r < block.header_rows or opens,
                    in_cell=True,
                )
                if r == top or drawn
                else _EMPTY_CELL_PARAGRAPH
            )
            out.append(f"<w:tc><w:tcPr>{props}</w:tcPr>{content}</w:tc>")
            c = left + span
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def blocks_xml(
    blocks: Sequence[Block], ids: Mapping[str, str], *, text_width: float, keep_last: int = 0
) -> str:
    """The blocks as body XML. ``ids`` maps the template's style names to their ids;
    ``text_width`` (twips) is shared by the columns of a table without widths, by what their
    cells hold. The last ``keep_last`` paragraphs (after any table) are kept with what follows
    (the signature block)."""
    out: list[str] = []
    kept: set[int] = set()
    for i in range(len(blocks) - 1, -1, -1):
        if len(kept) >= keep_last or isinstance(blocks[i], Table):
            break
        kept.add(i)
    for i, block in enumerate(blocks):
        if isinstance(block, Heading):
            out.append(_paragraph(ids[HEADING_STYLES[block.level]], block.spans))
        elif isinstance(block, Paragraph):
            out.append(_paragraph(ids[BODY_STYLE], block.spans, keep_next=i in kept))
        else:
            out.append(_table(block, ids, text_width))
    return "".join(out)
