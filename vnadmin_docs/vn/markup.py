"""The small markup school staff write document bodies in.

It is a Markdown subset chosen to be pleasant to type and impossible to lose text with:

- a blank line separates paragraphs; a single line break stays a line break;
- ``# I. MỤC ĐÍCH, YÊU CẦU`` ... ``#### a) Thuận lợi``: headings of four levels (numbering
  is typed as it should appear);
- ``- item`` and ``+ sub-item``: the dash and plus items of NĐ30 reports;
- ``**bold**``, ``*italic*``, ``***both***``;
- ``| a | b |`` lines: a table; a ``|---|---|`` line makes the rows above it header rows,
  and ``:---:`` (centre) or ``---:`` (right) in it aligns that column;
- a backslash makes the next character literal: ``\\*``, ``\\#``, ``\\-``, ``\\+``, ``\\|``, ``\\\\``.

Everything else, ``&``, ``<``, ``>``, quotes and ``{{ }}`` included, is kept exactly as typed.

>>> [type(b).__name__ for b in parse("# I. MỤC ĐÍCH\\n\\nMột **hai**\\n- ba")]
['Heading', 'Paragraph', 'Paragraph']
>>> parse("Một **hai**")[0].spans
(Span(text='Một ', bold=False, italic=False), Span(text='hai', bold=True, italic=False))
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "Block",
    "Cell",
    "Heading",
    "Paragraph",
    "Span",
    "Table",
    "cell",
    "escape",
    "parse",
    "parse_inline",
    "plain",
]


@dataclass(frozen=True)
class Span:
    """A run of text with its emphasis. ``text`` may contain ``\\n`` (a line break)."""

    text: str
    bold: bool = False
    italic: bool = False


Spans = tuple[Span, ...]


@dataclass(frozen=True)
class Heading:
    level: int
    spans: Spans


@dataclass(frozen=True)
class Paragraph:
    spans: Spans
    marker: Literal["", "-", "+"] = ""


@dataclass(frozen=True)
class Cell:
    """A table cell; it covers ``rowspan`` × ``colspan`` grid positions from where it stands."""

    spans: Spans
    rowspan: int = 1
    colspan: int = 1
    align: Literal["left", "center", "right"] = "left"


@dataclass(frozen=True)
class Table:
    """A table on a grid: ``rows[r][c]`` is a :class:`Cell`, or ``None`` where a cell above or
    to the left spans over it. ``widths`` are column widths in cm (empty: automatic);
    ``header_rows`` are repeated on every page and set in bold."""

    rows: tuple[tuple[Cell | None, ...], ...]
    header_rows: int = 0
    widths: tuple[float, ...] = ()


Block = Heading | Paragraph | Table

_ESCAPABLE = "\\*#+-|_`"
_PLACEHOLDER_BASE = 0xE000  # private-use code points stand in for escaped characters
_INLINE = re.compile(
    r"\*\*\*(?=\S)(.+?)(?<=\S)\*\*\*|\*\*(?=\S)(.+?)(?<=\S)\*\*|\*(?=\S)(.+?)(?<=\S)\*", re.S
)


def _protect(text: str) -> str:
    return re.sub(
        r"\\([" + re.escape(_ESCAPABLE) + "])",
        lambda m: chr(_PLACEHOLDER_BASE + ord(m.group(1))),
        text,
    )


def _restore(text: str) -> str:
    return re.sub("[\ue000-\ue07f]", lambda m: chr(ord(m.group(0)) - _PLACEHOLDER_BASE), text)


def _inline(text: str, bold: bool, italic: bool) -> list[Span]:
    spans: list[Span] = []
    pos = 0
    for m in _INLINE.finditer(text):
        if m.start() > pos:
            spans.append(Span(_restore(text[pos : m.start()]), bold, italic))
        both, strong, em = m.groups()
        if both is not None:
            spans.append(Span(_restore(both), True, True))
        elif strong is not None:
            spans += _inline(strong, True, italic)
        else:
            spans += _inline(em, bold, True)
        pos = m.end()
    if pos < len(text):
        spans.append(Span(_restore(text[pos:]), bold, italic))
    return spans


def _merge(spans: list[Span]) -> Spans:
    merged: list[Span] = []
    for s in spans:
        if not s.text:
            continue
        if merged and (merged[-1].bold, merged[-1].italic) == (s.bold, s.italic):
            merged[-1] = Span(merged[-1].text + s.text, s.bold, s.italic)
        else:
            merged.append(s)
    return tuple(merged)


def parse_inline(text: str, *, bold: bool = False, italic: bool = False) -> Spans:
    """Parse emphasis in one piece of text (escapes honoured).

    >>> parse_inline("a \\\\*b\\\\* *c*")
    (Span(text='a *b* ', bold=False, italic=False), Span(text='c', bold=False, italic=True))
    """
    return _merge(_inline(_protect(text), bold, italic))


def escape(text: str) -> str:
    """``text`` as literal markup: emphasis, table and heading characters stay as typed.

    >>> print(escape("3*4*5 phòng | 1#"))
    3\\*4\\*5 phòng \\| 1\\#
    >>> plain(parse_inline(escape("3*4*5 phòng")))
    '3*4*5 phòng'
    """
    out = text.replace("\\", "\\\\")
    for ch in "*|#":
        out = out.replace(ch, "\\" + ch)
    return out


def cell(
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    align: Literal["left", "center", "right"] = "left",
    rowspan: int = 1,
    colspan: int = 1,
) -> Cell:
    """A table cell from text in the inline markup; ``bold``/``italic`` apply to all of it.

    >>> cell("**84** điểm", italic=True, align="center").spans
    (Span(text='84', bold=True, italic=True), Span(text=' điểm', bold=False, italic=True))
    """
    spans = tuple(Span(s.text, s.bold or bold, s.italic or italic) for s in parse_inline(text))
    return Cell(spans, rowspan=rowspan, colspan=colspan, align=align)


def _split_cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return [c.strip() for c in inner.split("|")]


Align = Literal["left", "center", "right"]


def _align_of(rule: str) -> Align:
    """A separator cell's alignment: ``:---:`` centre, ``---:`` right, else left."""
    rule = rule.strip()
    if rule.startswith(":") and rule.endswith(":"):
        return "center"
    return "right" if rule.endswith(":") else "left"


def _column_align(aligns: Sequence[Align], column: int) -> Align:
    return aligns[column] if column < len(aligns) else "left"


_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_HEADING = re.compile(r"^(#{1,4})\s+(.*)$")


def parse(text: str) -> list[Block]:
    """Parse a body written in the markup into blocks."""
    blocks: list[Block] = []
    current: list[str] | None = None
    marker: Literal["", "-", "+"] = ""
    table: list[list[str]] | None = None
    header_rows = 0
    aligns: list[Align] = []

    def flush() -> None:
        nonlocal current, table, header_rows, aligns
        if current is not None:
            blocks.append(Paragraph(_merge(_inline("\n".join(current), False, False)), marker))
            current = None
        if table is not None:
            rows = tuple(
                tuple(
                    Cell(_merge(_inline(c, False, False)), align=_column_align(aligns, k))
                    for k, c in enumerate(r)
                )
                for r in table
            )
            blocks.append(Table(rows, header_rows))
            table, header_rows, aligns = None, 0, []

    for raw in _protect(text.replace("\r\n", "\n").replace("\r", "\n")).split("\n"):
        line = raw.rstrip()
        stripped = line.lstrip()
        if not stripped:
            flush()
            continue
        if stripped.startswith("|"):
            if current is not None:
                flush()
            if table is None:
                table = []
            if _SEPARATOR.match(stripped):
                header_rows = len(table)
                aligns = [_align_of(c) for c in _split_cells(stripped)]
            else:
                table.append(_split_cells(stripped))
            continue
        if table is not None:
            flush()
        heading = _HEADING.match(stripped)
        if heading:
            flush()
            level = len(heading.group(1))
            blocks.append(Heading(level, _merge(_inline(heading.group(2), False, False))))
            continue
        if stripped[:2] in ("- ", "+ "):
            flush()
            marker = "-" if stripped[0] == "-" else "+"
            current = [stripped]
            continue
        if current is None:
            marker = ""
            current = [stripped]
        else:
            current.append(stripped)
    flush()
    return blocks


def plain(spans: Spans) -> str:
    """The text of some spans without emphasis.

    >>> plain(parse_inline("**Kết quả:** 84 điểm"))
    'Kết quả: 84 điểm'
    """
    return "".join(s.text for s in spans)
