"""Laid-out pages as the page check sees them: words, lines and table grids with positions.

:mod:`.reader` builds them from the PDF alone, never from the .docx it was made from.
Positions are in PDF points (1/72 inch) from the top-left corner of the page (``top`` grows
downwards).

A *line* is a run of words on one baseline that no table border and no wide gap separates, so
the two columns of a borderless two-column table (header, Nơi nhận and signature) read as two
lines. A *grid* is a ruled table fragment on one page: at least two vertical borders that
overlap in height, with the horizontal rules between them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "MM",
    "DocumentPages",
    "Grid",
    "Line",
    "Page",
    "PageFinding",
    "PdfPages",
    "Word",
    "cell_text",
    "repeated_header",
]

MM = 72 / 25.4
"""One millimetre in PDF points."""


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    italic: bool

    @property
    def mid(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(frozen=True)
class Line:
    """Words on one baseline, left to right."""

    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def mid(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def size(self) -> float:
        return max(w.size for w in self.words)

    @property
    def bold(self) -> bool:
        """Every word that has a letter or digit is bold."""
        return all(w.bold for w in self.words if any(c.isalnum() for c in w.text))


@dataclass(frozen=True)
class Grid:
    """A ruled table fragment on one page."""

    x0: float
    x1: float
    top: float
    bottom: float
    verticals: tuple[tuple[float, float, float], ...]
    """Vertical borders as ``(x, top, bottom)``."""
    rules: tuple[tuple[float, float, float], ...]
    """Horizontal rules as ``(y, x0, x1)``, top to bottom."""

    @property
    def rule_ys(self) -> list[float]:
        """The distinct heights of horizontal rules (row boundaries), top to bottom."""
        ys: list[float] = []
        for y, _, _ in self.rules:
            if not ys or y - ys[-1] > 1.5:
                ys.append(y)
        return ys

    @property
    def full_rule_ys(self) -> list[float]:
        """The heights of rules that cross the whole fragment (the pieces of one rule, cell
        by cell, put together): where one row ends and the next begins in every column, not
        between the rows that a merged cell covers."""
        covered: list[list[float]] = []  # [y, width]
        for y, x0, x1 in self.rules:
            if covered and y - covered[-1][0] <= 1.5:
                covered[-1][1] += x1 - x0
            else:
                covered.append([y, x1 - x0])
        return [y for y, width in covered if width >= 0.95 * (self.x1 - self.x0)]

    @property
    def has_bottom_rule(self) -> bool:
        """A rule closes the fragment: at its lowest border, across at least half its width."""
        width = sum(x1 - x0 for y, x0, x1 in self.rules if y >= self.bottom - 2)
        return width >= (self.x1 - self.x0) / 2

    def contains(self, line: Line) -> bool:
        return (
            self.top - 1 <= line.mid <= self.bottom + 1
            and self.x0 - 1 <= (line.x0 + line.x1) / 2 <= self.x1 + 1
        )

    def borders_at(self, y: float) -> list[float]:
        """The x of the vertical borders that cross height ``y``."""
        xs = sorted(x for x, top, bottom in self.verticals if top - 1 <= y <= bottom + 1)
        merged: list[float] = []
        for x in xs:
            if not merged or x - merged[-1] > 1.5:
                merged.append(x)
        return merged


@dataclass(frozen=True)
class Page:
    number: int
    """1-based position in the file."""
    label: str | None
    """The PDF page label (``Báo cáo 2``) when the file defines labels."""
    width: float
    height: float
    lines: tuple[Line, ...]
    """Every line but the page number, top to bottom, then left to right."""
    page_number: Line | None
    """A number alone in the top margin."""
    grids: tuple[Grid, ...]

    @property
    def where(self) -> str:
        return f"trang {self.number}" + (f" ({self.label})" if self.label else "")

    def rows(self, lines: Iterable[Line] | None = None) -> list[list[Line]]:
        """Lines that share a height (overlap vertically by more than half), top to bottom."""
        rows: list[list[Line]] = []
        for line in sorted(self.lines if lines is None else lines, key=lambda k: (k.mid, k.x0)):
            if rows and line.mid - rows[-1][0].mid <= 0.5 * min(line.size, rows[-1][0].size):
                rows[-1].append(line)
            else:
                rows.append([line])
        return rows

    def grid_of(self, line: Line) -> Grid | None:
        return next((g for g in self.grids if g.contains(line)), None)

    def lines_in(self, grid: Grid) -> list[Line]:
        return [line for line in self.lines if grid.contains(line)]

    def row_lines(self, grid: Grid, index: int) -> list[Line]:
        """The lines of row ``index`` of ``grid`` (between its index-th and next rule)."""
        ys = grid.rule_ys
        if not 0 <= index < len(ys) - 1:
            return []
        return [line for line in self.lines_in(grid) if ys[index] < line.mid < ys[index + 1]]

    @property
    def leading_grid(self) -> Grid | None:
        """The table fragment the page starts with (no text above it), if any."""
        if not self.grids or not self.lines:
            return None
        grid = self.grids[0]
        return None if any(k.bottom < grid.top - 1 for k in self.lines) else grid

    @property
    def trailing_grid(self) -> Grid | None:
        """The table fragment the page ends with (no text below it), if any."""
        if not self.grids or not self.lines:
            return None
        grid = self.grids[-1]
        return None if any(k.top > grid.bottom + 1 for k in self.lines) else grid


def cell_text(lines: Iterable[Line]) -> str:
    """The text of some lines, left column first."""
    return " ".join(line.text for line in sorted(lines, key=lambda k: (k.x0, k.mid)))


def repeated_header(previous: Page | None, page: Page) -> set[Line]:
    """The lines of a table header row that ``page`` repeats from the table ending ``previous``."""
    if previous is None:
        return set()
    before, here = previous.trailing_grid, page.leading_grid
    if before is None or here is None:
        return set()
    row = page.row_lines(here, 0)
    if row and cell_text(row) == cell_text(previous.row_lines(before, 0)):
        return set(row)
    return set()


@dataclass(frozen=True)
class PdfPages:
    """What the checks need from one PDF file."""

    pages: tuple[Page, ...]
    outline: tuple[tuple[str, int], ...]
    """Top-level bookmarks: title and 1-based first page, in page order."""
    unembedded: tuple[tuple[str, tuple[int, ...]], ...]
    """Fonts without an embedded font program, with the pages that use them."""


@dataclass(frozen=True)
class PageFinding:
    """One defect of the laid-out pages: a rule code, the 1-based page of the file, what."""

    rule: str
    page: int
    message: str
    label: str | None = None
    """The page label of that page (``Quyết định 2``) when the PDF has labels."""

    def __str__(self) -> str:
        label = f" ({self.label})" if self.label else ""
        return f"[{self.rule}] trang {self.page}{label}: {self.message}"

    @classmethod
    def on(cls, rule: str, page: Page, message: str) -> PageFinding:
        return cls(rule, page.number, message, page.label)


@dataclass(frozen=True)
class DocumentPages:
    """The pages of one document of the file; ``main`` stops before its first appendix."""

    title: str
    pages: tuple[Page, ...]
    main: tuple[Page, ...]
    appendices: tuple[tuple[Page, ...], ...] = ()
