"""What every part of the checker shares: findings, effective formatting, the document's blocks."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from ...vn.numbering import VIET_TAT

__all__ = ["CheckerBase", "Finding"]

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
TITLES = tuple(name.upper() for name in VIET_TAT)
"""The type names a title block may print [NĐ30 Phụ lục III]."""
AUTHORITY = ("TM.", "KT.", "Q.", "TL.", "TUQ.")
DATE_LINE = re.compile(
    r"^(?P<place>[^,]+), ngày (?P<d>\d+|\s+) tháng (?P<m>\d+|\s+) năm (?P<y>\d{4})$"
)
ACADEMIC = re.compile(r"^(GS|PGS|TS|ThS|CN|KS|BS)\.?\s", re.IGNORECASE)
EMU_PER_MM = 36000


@dataclass(frozen=True)
class Finding:
    """One way a document departs from NĐ30: a short rule code, where, and what."""

    rule: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"[{self.rule}] {self.where}: {self.message}"


# ---------------------------------------------------------------- effective formatting


class _Styles:
    """Resolves a run's effective font, size, bold and italic: run → paragraph style chain →
    document defaults."""

    def __init__(self, doc: DocumentObject) -> None:
        defaults = doc.styles.element.find(qn("w:docDefaults"))
        rpr = None if defaults is None else defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
        self.default_size = 10.0
        self.default_font: str | None = None
        if rpr is not None:
            sz = rpr.find(qn("w:sz"))
            if sz is not None:
                self.default_size = int(sz.get(qn("w:val"))) / 2
            fonts = rpr.find(qn("w:rFonts"))
            if fonts is not None:
                self.default_font = fonts.get(qn("w:ascii"))

    @staticmethod
    def _chain(paragraph: Paragraph) -> Iterator[Any]:
        style = paragraph.style
        while style is not None:
            yield style
            style = style.base_style

    def _from_styles(self, paragraph: Paragraph, attr: str) -> Any:
        for style in self._chain(paragraph):
            value = getattr(style.font, attr)
            if value is not None:
                return value
        return None

    def size(self, paragraph: Paragraph, run: Any) -> float:
        value = run.font.size or self._from_styles(paragraph, "size")
        return float(value.pt) if value is not None else self.default_size

    def font(self, paragraph: Paragraph, run: Any) -> str | None:
        return run.font.name or self._from_styles(paragraph, "name") or self.default_font

    def flag(self, paragraph: Paragraph, run: Any, attr: str) -> bool:
        value = getattr(run.font, attr)
        if value is None:
            value = self._from_styles(paragraph, attr)
        return bool(value)

    def alignment(self, paragraph: Paragraph) -> Any:
        if paragraph.alignment is not None:
            return paragraph.alignment
        for style in self._chain(paragraph):
            if style.paragraph_format.alignment is not None:
                return style.paragraph_format.alignment
        return None


def _text_runs(paragraph: Paragraph) -> list[Any]:
    return [r for r in paragraph.runs if r.text.strip()]


def _has_rule(paragraph: Paragraph) -> bool:
    ppr = paragraph._p.pPr
    if ppr is None:
        return False
    border = ppr.find(qn("w:pBdr"))
    return border is not None and border.find(qn("w:bottom")) is not None


def _has_drawing(paragraph: Paragraph) -> bool:
    return bool(paragraph._p.xpath(".//w:drawing | .//w:pict"))


def _nonempty(paragraphs: Iterable[Paragraph]) -> list[Paragraph]:
    return [p for p in paragraphs if p.text.strip()]


class CheckerBase:
    """The document, its blocks, and the findings so far."""

    def __init__(self, doc: DocumentObject) -> None:
        self.doc = doc
        self.styles = _Styles(doc)
        self.findings: list[Finding] = []
        self.blocks = self._main_section(list(doc.iter_inner_content()))

    @staticmethod
    def _main_section(blocks: list[Paragraph | Table]) -> list[Paragraph | Table]:
        """The blocks of the document proper; appendices start after the first section break."""
        for i, block in enumerate(blocks):
            if isinstance(block, Paragraph) and block._p.xpath("./w:pPr/w:sectPr"):
                return blocks[: i + 1] if block.text.strip() else blocks[:i]
        return blocks

    def add(self, rule: str, where: str, message: str) -> None:
        self.findings.append(Finding(rule, where, message))

    def run_style(
        self,
        p: Paragraph,
        where: str,
        *,
        sizes: tuple[float, float],
        bold: bool | None = None,
        italic: bool | None = None,
        what: str,
    ) -> None:
        runs = _text_runs(p)
        if not runs:
            return
        got_sizes = {self.styles.size(p, r) for r in runs}
        if any(not sizes[0] <= s <= sizes[1] for s in got_sizes):
            want = f"{sizes[0]:g}" if sizes[0] == sizes[1] else f"{sizes[0]:g}–{sizes[1]:g}"
            have = ", ".join(f"{s:g}" for s in sorted(got_sizes))
            self.add("co-chu", where, f"{what} phải cỡ chữ {want}, đang là {have}")
        if bold is not None and any(self.styles.flag(p, r, "bold") != bold for r in runs):
            self.add("dam", where, f"{what} {'phải' if bold else 'không được'} in đậm")
        if italic is not None and any(self.styles.flag(p, r, "italic") != italic for r in runs):
            self.add("nghieng", where, f"{what} {'phải' if italic else 'không được'} in nghiêng")

    def _all_paragraphs(self) -> Iterator[tuple[str, Paragraph]]:
        for i, block in enumerate(self.blocks, start=1):
            if isinstance(block, Paragraph):
                yield f"đoạn {i}", block
            else:
                for r, row in enumerate(block.rows, start=1):
                    for c, cell in enumerate(row.cells, start=1):
                        for k, p in enumerate(cell.paragraphs, start=1):
                            yield f"bảng ở khối {i}, hàng {r}, cột {c}, dòng {k}", p

    def _body_paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]
