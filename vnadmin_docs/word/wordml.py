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

from ..errors import TemplateError
from ..vn import nd30
from ..vn.layout import cell_height_cm, column_widths, fit_words, khong_ngat, url_breaks
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
    "required_style_ids",
    "text_xml",
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
PORTRAIT_TEXT_HEIGHT: Final = (
    nd30.PAGE_MM[1] - nd30.MARGINS_MM["top"] - nd30.MARGINS_MM["bottom"]
) * 56.7
"""The height between the margins of a portrait A4 page, in twips."""


def required_style_ids(found: Mapping[str, str], *, source: str) -> dict[str, str]:
    """The ids of :data:`STYLE_NAMES` from a template's styles (``found``: name → id); a
    template (``source`` names it) that lacks one of them is rejected."""
    missing = [name for name in STYLE_NAMES if name not in found]
    if missing:
        raise TemplateError(
            f"Mẫu {source} thiếu kiểu (style) văn bản: {', '.join(missing)}. "
            "Hãy bắt đầu từ mẫu của thư viện (vnadmin-docs template LOAI)."
        )
    return {name: found[name] for name in STYLE_NAMES}


def cm_to_twips(cm: float) -> int:
    """Centimetres to twentieths of a point, rounded as python-docx does.

    >>> cm_to_twips(1.3), cm_to_twips(16.5)
    (737, 9354)
    """
    return round(int(cm * 360000) / 635)


def fragment_root(xml: str) -> str:
    """``xml`` inside an element that declares the ``w:`` namespace, ready to be parsed."""
    return f'<w:body xmlns:w="{W_NS}">{xml}</w:body>'


def text_xml(text: str) -> str:
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
        out.append(f"<w:r>{rpr}{text_xml(url_breaks(text) if in_cell else text)}</w:r>")
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
                texts[c].append(url_breaks(plain(cell.spans)))
    if block.widths:
        given = list(block.widths[:width])
        twips = [cm_to_twips(w) for w in fit_words(given, texts[: len(given)])]
        return twips + [round(text_width / width)] * (width - len(twips))
    total_cm = text_width * 635 / 360000
    twips = [cm_to_twips(w) for w in column_widths(texts, total_cm)]
    twips[-1] += round(text_width) - sum(twips)
    return twips


Owners = dict[tuple[int, int], tuple[int, int, Cell]]
"""Which cell covers each grid position: (row, column) → (origin row, origin column, cell)."""

_NIL_EDGES: Final = "".join(f'<w:{e} w:val="nil"/>' for e in ("top", "left", "bottom", "right"))
_NO_MARGINS: Final = "".join(
    f'<w:{e} w:w="0" w:type="dxa"/>' for e in ("top", "left", "bottom", "right")
)
# the paragraph a cell must end with, after the table nested in it: as low as it can be
_AFTER_NESTED: Final = (
    '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
    '<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>'
)


def _owners(block: Table) -> Owners:
    owner: Owners = {}
    for r, row in enumerate(block.rows):
        for c, cell in enumerate(row):
            if cell is not None:
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        owner[(r + dr, c + dc)] = (r, c, cell)
    return owner


def _group_row(row: Sequence[Cell | None]) -> bool:
    """A row whose text is all bold: the heading of the rows under it (a criteria group)."""
    spans = [s for x in row if x is not None for s in x.spans if s.text.strip()]
    return bool(spans) and all(s.bold for s in spans)


def kept_with_next(block: Table) -> list[bool]:
    """For each row, whether it must stay on the page of the row after it: the rows a merged
    cell covers, a group heading row and the row under it, and the last two rows of a long
    table (never one row alone on a page). Header rows are not counted: they repeat.

    >>> from vnadmin_docs.vn.markup import cell
    >>> rows = ((cell("STT"), cell("Tên")), (cell("**1**"), cell("**Nhóm**")),
    ...         (cell("1.1", rowspan=2), cell("a")), (None, cell("b")), (cell("2"), cell("c")))
    >>> kept_with_next(Table(rows, header_rows=1))
    [False, True, True, False, False]
    """
    n = len(block.rows)
    keep = [False] * n
    for r, row in enumerate(block.rows):
        if r < block.header_rows:
            continue
        if _group_row(row) and r + 1 < n:
            keep[r] = True
        for x in row:
            if x is not None:
                for k in range(r, min(r + x.rowspan, n) - 1):
                    keep[k] = True
    if n - block.header_rows > 6:
        keep[n - 2] = True
    return keep


def _row(block: Table, r: int, owner: Owners, columns: Sequence[int], style: str) -> str:
    """Row ``r`` as ``<w:tr>``: it does not split across pages; a header row repeats on each
    page and keeps the first body row with it (never a header alone at a page foot)."""
    header = "<w:tblHeader/>" if r < block.header_rows else ""
    out = [f"<w:tr><w:trPr><w:cantSplit/>{header}</w:trPr>"]
    c = 0
    while c < len(columns):
        found = owner.get((r, c))
        if found is None:
            out.append(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{columns[c]}"/></w:tcPr>')
            out.append(f"{_EMPTY_CELL_PARAGRAPH}</w:tc>")
            c += 1
            continue
        top, left, cell = found
        span = min(cell.colspan, len(columns) - left)
        props = f'<w:tcW w:type="dxa" w:w="{sum(columns[left : left + span])}"/>'
        if span > 1:
            props += f'<w:gridSpan w:val="{span}"/>'
        if cell.rowspan > 1:
            props += '<w:vMerge w:val="restart"/>' if r == top else "<w:vMerge/>"
        content = (
            _paragraph(
                style,
                cell.spans,
                align=cell.align,
                bold=r < block.header_rows,
                keep_next=r < block.header_rows,
                in_cell=True,
            )
            if r == top
            else _EMPTY_CELL_PARAGRAPH
        )
        out.append(f"<w:tc><w:tcPr>{props}</w:tcPr>{content}</w:tc>")
        c = left + span
    out.append("</w:tr>")
    return "".join(out)


def _table_start(grid_style: str, columns: Sequence[int], *, nested: bool = False) -> str:
    width = (
        f'<w:tblW w:type="dxa" w:w="{sum(columns)}"/>'
        if nested
        else '<w:tblW w:type="auto" w:w="0"/>'
    )
    edges = (
        f'<w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>{_NIL_EDGES}</w:tblBorders>'
        if nested
        else ""
    )
    return "".join((
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{grid_style}"/>{width}{edges}',
        f'<w:tblLayout w:type="fixed"/>{_TABLE_LOOK}</w:tblPr><w:tblGrid>',
        *(f'<w:gridCol w:w="{w}"/>' for w in columns),
        "</w:tblGrid>",
    ))  # fmt: skip


def _heights(block: Table, owner: Owners, columns: Sequence[int], first: int, end: int) -> float:
    """About how tall (cm) rows ``first``…``end`` print together: each row as tall as its
    tallest cell, and no less than any cell merged over several of them."""
    cm = [w * 635 / 360000 for w in columns]
    rows = [0.0] * (end + 1 - first)
    merged = 0.0
    for r in range(first, end + 1):
        for c in range(len(columns)):
            top, left, cell = owner.get((r, c), (-1, -1, None))
            if cell is None or (top, left) != (r, c):
                continue  # an empty position, or one a cell from above or the left covers
            h = cell_height_cm(plain(cell.spans), sum(cm[c : c + cell.colspan]))
            if cell.rowspan > 1:
                merged = max(merged, h)
            else:
                rows[r - first] = max(rows[r - first], h)
    return max(sum(rows), merged)


def _table(block: Table, ids: Mapping[str, str], text_width: float, text_height: float) -> str:
    """The table as ``<w:tbl>``. LibreOffice keeps a row whole but does not keep rows
    together (``w:keepNext`` in a table is Word's alone), so rows that must stay on one page
    (:func:`kept_with_next`) are one row of the table, holding them as a table nested in its
    single cell: the same grid, no outer rules, no cell margins; it looks as the rows would."""
    width = max((len(r) for r in block.rows), default=0)
    if width == 0:
        return ""
    columns = _content_widths(block, width, text_width)
    owner = _owners(block)
    style, grid = ids[TABLE_STYLE], ids[GRID_STYLE]
    keep = kept_with_next(block)
    out = [_table_start(grid, columns)]
    # rows kept together must fit on a page below the header rows, with a centimetre to
    # spare: LibreOffice does not split a row taller than a page, it prints past its foot
    room = text_height * 635 / 360000 - 1.0
    if block.header_rows:
        room -= _heights(block, owner, columns, 0, block.header_rows - 1)
    r = 0
    while r < len(block.rows):
        end = r
        while keep[end] and end + 1 < len(block.rows):
            end += 1
        if end == r or _heights(block, owner, columns, r, end) > room:
            # taller than a page (or alone): rows as they are, merged cells over them
            out.extend(_row(block, k, owner, columns, style) for k in range(r, end + 1))
        else:
            out.append(
                "<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr>"
                f'<w:tcW w:type="dxa" w:w="{sum(columns)}"/><w:gridSpan w:val="{width}"/>'
                f"<w:tcMar>{_NO_MARGINS}</w:tcMar></w:tcPr>"
            )
            out.append(_table_start(grid, columns, nested=True))
            out.extend(_row(block, k, owner, columns, style) for k in range(r, end + 1))
            out.append(f"</w:tbl>{_AFTER_NESTED}</w:tc></w:tr>")
        r = end + 1
    out.append("</w:tbl>")
    return "".join(out)


def blocks_xml(
    blocks: Sequence[Block],
    ids: Mapping[str, str],
    *,
    text_width: float,
    text_height: float = PORTRAIT_TEXT_HEIGHT,
    keep_last: int = 0,
) -> str:
    """The blocks as body XML. ``ids`` maps the template's style names to their ids;
    ``text_width`` (twips) is shared by the columns of a table without widths, by what their
    cells hold; ``text_height`` (twips) is the page's height between its margins, what rows
    kept together may take. The last ``keep_last`` paragraphs (after any table) are kept with what follows
    (the signature block)."""
    out: list[str] = []
    kept: set[int] = set()
    for i in range(len(blocks) - 1, -1, -1):
        if len(kept) >= keep_last or isinstance(blocks[i], Table):
            break
        kept.add(i)
    # the paragraph that leads into a table ("…đã thu thập:") stays with it
    kept.update(i for i in range(len(blocks) - 1) if isinstance(blocks[i + 1], Table))
    for i, block in enumerate(blocks):
        if isinstance(block, Heading):
            out.append(_paragraph(ids[HEADING_STYLES[block.level]], block.spans))
        elif isinstance(block, Paragraph):
            out.append(_paragraph(ids[BODY_STYLE], block.spans, keep_next=i in kept))
        else:
            out.append(_table(block, ids, text_width, text_height))
    return "".join(out)
