"""Placing blocks into a python-docx document: the body styles a template must have, blocks
appended at the end, and appendices (phụ lục) as new sections with their own page numbers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from ..model import VanBan
from ..vn import markup, nd30
from ..vn.layout import giu_cum_tu, khong_ngat
from ..vn.markup import Block
from .ooxml import bottom_rule, mark_size
from .wordml import blocks_xml, fragment_root, required_style_ids

__all__ = ["add_appendices", "add_blocks", "style_ids", "text_height", "text_width"]


def style_ids(document: DocumentObject, *, source: str) -> dict[str, str]:
    """The ids of the styles a body uses, by name, from ``document``'s style sheet; a template
    (``source`` names it) that lacks one of them is rejected."""
    found: dict[str, str] = {}
    for style in document.styles.element.iterchildren(qn("w:style")):
        name = style.find(qn("w:name"))
        if name is not None:
            found[name.get(qn("w:val"), "")] = style.get(qn("w:styleId"), "")
    return required_style_ids(found, source=source)


def text_width(section: Any) -> float:
    """The width between a section's margins, in twips."""
    return int(section.page_width - section.left_margin - section.right_margin) / 635


def text_height(section: Any) -> float:
    """The height between a section's margins, in twips."""
    return int(section.page_height - section.top_margin - section.bottom_margin) / 635


def add_blocks(
    document: DocumentObject,
    blocks: Sequence[Block],
    *,
    ids: dict[str, str] | None = None,
    keep_last: int = 0,
) -> None:
    """Append blocks to the end of a python-docx document's body (before its last section
    properties), in the document's named styles (``VB Noi dung``, ``VB Muc 1``…, ``VB Bang``);
    ``ids`` are those styles' ids when the caller has already looked them up; the last
    ``keep_last`` paragraphs keep with the next."""
    ids = ids or style_ids(document, source="tài liệu")
    section = document.sections[-1]
    xml = blocks_xml(
        blocks,
        ids,
        text_width=text_width(section),
        text_height=text_height(section),
        keep_last=keep_last,
    )
    body = document.element.body
    anchor = body.find(qn("w:sectPr"))
    for element in list(parse_xml(fragment_root(xml))):
        if anchor is not None:
            anchor.addprevious(element)
        else:
            body.append(element)


def _set_page_number_start(section: Any, start: int) -> None:
    sect_pr = section._sectPr
    existing = sect_pr.find(qn("w:pgNumType"))
    if existing is None:
        existing = OxmlElement("w:pgNumType")
        # pgNumType goes after pgMar/paperSrc/pgBorders/lnNumType in CT_SectPr
        anchor = sect_pr.find(qn("w:cols"))
        if anchor is not None:
            anchor.addprevious(existing)
        else:
            sect_pr.append(existing)
    existing.set(qn("w:start"), str(start))


def _shrink_break(d: DocumentObject) -> None:
    """Make the paragraph that ends a section as small as possible, so that it never spills
    onto a page of its own after a full last page."""
    from docx.text.paragraph import Paragraph as DocxParagraph

    holder = d.element.body.xpath("./w:p[w:pPr/w:sectPr]")[-1]
    p = DocxParagraph(holder, d._body)
    fmt = p.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(1)
    fmt.first_line_indent = Pt(0)
    mark_size(p, 2)


def add_appendices(d: DocumentObject, doc: VanBan, ids: dict[str, str]) -> None:
    """Append ``doc``'s appendices, each on new pages numbered from 1 (landscape when asked)."""

    def line(text: str, *, bold: bool = False, italic: bool = False, size: int = 14) -> None:
        p = d.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.first_line_indent = Mm(0)
        run = p.add_run(khong_ngat(text))
        run.bold, run.italic, run.font.size = bold, italic, Pt(size)

    portrait = (Mm(nd30.PAGE_MM[0]), Mm(nd30.PAGE_MM[1]))
    for index, phu_luc in enumerate(doc.phu_luc):
        section = d.add_section(WD_SECTION.NEW_PAGE)
        _shrink_break(d)
        section.orientation = WD_ORIENT.LANDSCAPE if phu_luc.ngang else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = portrait[::-1] if phu_luc.ngang else portrait
        _set_page_number_start(section, 1)
        line(doc.nhan_phu_luc(index), bold=True)
        line(giu_cum_tu(phu_luc.tieu_de.upper()), bold=True)
        line(doc.kem_theo(index), italic=True)
        rule = d.add_paragraph()
        side = (
            section.page_width
            - section.left_margin
            - section.right_margin
            - Mm(nd30.APPENDIX_RULE_MM)
        ) // 2
        rule.paragraph_format.left_indent = side
        rule.paragraph_format.right_indent = side
        # clear of the line above (not through its descenders) and of the table below
        rule.paragraph_format.space_before = Pt(3)
        rule.paragraph_format.space_after = Pt(6)
        mark_size(rule, 2)
        bottom_rule(rule)
        # its last lines keep together: never two headings alone on the last page
        add_blocks(d, [*markup.parse(phu_luc.noi_dung), *phu_luc.khoi], ids=ids, keep_last=3)
