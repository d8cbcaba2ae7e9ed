"""Paper, margins, page numbers and fonts."""

from __future__ import annotations

from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from ...vn import nd30
from ._base import (
    EMU_PER_MM,
    CheckerBase,
    _text_runs,
)

__all__ = ["PageChecks"]


class PageChecks(CheckerBase):
    def page(self) -> None:
        for i, section in enumerate(self.doc.sections, start=1):
            where = f"mục trang {i}" if len(self.doc.sections) > 1 else "trang"
            w, h = section.page_width, section.page_height
            if w is None or h is None:
                self.add("kho-giay", where, "không xác định được khổ giấy")
                continue
            dims = sorted((round(w / EMU_PER_MM), round(h / EMU_PER_MM)))
            if dims != sorted(nd30.PAGE_MM):
                self.add(
                    "kho-giay",
                    where,
                    f"khổ giấy phải là A4 (210 × 297 mm), đang là {dims[0]} × {dims[1]} mm",
                )
            landscape = section.orientation == WD_ORIENT.LANDSCAPE or w > h
            if landscape and i == 1:
                self.add("kho-giay", where, "trang đầu văn bản phải đặt dọc")
            for side, label in (("top", "lề trên"), ("bottom", "lề dưới"), ("left", "lề trái"),
                                ("right", "lề phải")):  # fmt: skip
                name, (low, high) = f"{side}_margin", nd30.MARGIN_RANGES_MM[side]
                value = getattr(section, name)
                mm = (value or 0) / EMU_PER_MM
                if not low - 0.5 <= mm <= high + 0.5:
                    self.add(
                        "le", where, f"{label} phải từ {low} đến {high} mm, đang là {mm:.1f} mm"
                    )

    def page_numbers(self) -> None:
        section = self.doc.sections[0]
        fields = section._sectPr.xpath("./w:titlePg")
        title_pg = bool(fields) and fields[0].get(qn("w:val")) not in ("0", "false")
        header = section.header
        has_page = bool(
            header._element.xpath(
                ".//w:fldSimple[contains(@w:instr,'PAGE')] | .//w:instrText[contains(.,'PAGE')]"
            )
        )
        if not has_page:
            self.add("so-trang", "đầu trang", "phải đánh số trang (trường PAGE) ở giữa lề trên")
            return
        if not title_pg:
            self.add(
                "so-trang",
                "đầu trang",
                "không hiển thị số trang ở trang đầu (bật 'Trang đầu khác')",
            )
        else:
            first = section.first_page_header
            if first._element.xpath(
                ".//w:fldSimple[contains(@w:instr,'PAGE')] | .//w:instrText[contains(.,'PAGE')]"
            ):
                self.add("so-trang", "đầu trang đầu", "trang đầu không được hiển thị số trang")
        for p in header.paragraphs:
            if p._p.xpath(".//w:fldSimple | .//w:instrText"):
                if self.styles.alignment(p) != WD_ALIGN_PARAGRAPH.CENTER:
                    self.add("so-trang", "đầu trang", "số trang phải căn giữa")
                sizes = {self.styles.size(p, r) for r in p.runs}
                sizes |= {int(sz.get(qn("w:val"))) / 2 for sz in p._p.xpath(".//w:sz")}
                if any(not 13 <= s <= 14 for s in sizes):
                    self.add("so-trang", "đầu trang", "số trang phải cỡ chữ 13–14")

    def fonts(self) -> None:
        bad: dict[str, list[str]] = {}
        for index, p in self._all_paragraphs():
            for r in _text_runs(p):
                name = self.styles.font(p, r)
                if name != nd30.FONT:
                    bad.setdefault(name or "(phông theo chủ đề)", []).append(index)
        for name, places in bad.items():
            shown = ", ".join(places[:3]) + (" …" if len(places) > 3 else "")
            self.add("phong-chu", shown, f"phải dùng phông {nd30.FONT}, đang dùng {name}")
