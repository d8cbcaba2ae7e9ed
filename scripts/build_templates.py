"""Generate the shipped .docx templates (one per document type) in vnadmin_docs/templates/.

The templates are ordinary Word files with docxtpl (Jinja) tags; a school can open one in
Word, restyle it and pass it back with ``--template``. They are generated rather than
drawn by hand so that every measurement of Nghị định 30/2020/NĐ-CP Phụ lục I is written
down once, here. Run ``python scripts/build_templates.py`` after changing this file;
``tests/test_templates.py`` fails when the committed files differ from what this builds.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from vnadmin_docs.model import document_keys
from vnadmin_docs.vn import nd30
from vnadmin_docs.word.ooxml import bottom_rule, mark_size, set_core_properties

CORE_NS = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
FONT = nd30.FONT
TEXT_WIDTH_CM = nd30.TEXT_WIDTH_CM
LEFT_COL_CM = nd30.HEADER_LEFT_CM
RIGHT_COL_CM = nd30.HEADER_RIGHT_CM

Container = DocumentObject | _Cell


def _set_fonts(rpr_parent: object) -> None:
    """Give an rPr element all four font slots, so Vietnamese never falls back to another font."""
    rpr = rpr_parent.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), FONT)


def _doc_defaults(doc: DocumentObject) -> None:
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for tag in ("w:rFonts", "w:sz", "w:szCs", "w:lang"):
        old = rpr.find(qn(tag))
        if old is not None:
            rpr.remove(old)
    fonts = OxmlElement("w:rFonts")
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), FONT)
    rpr.insert(0, fonts)
    for tag in ("w:sz", "w:szCs"):
        el = OxmlElement(tag)
        el.set(qn("w:val"), "28")
        rpr.append(el)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "vi-VN")
    lang.set(qn("w:eastAsia"), "vi-VN")
    lang.set(qn("w:bidi"), "ar-SA")
    rpr.append(lang)


def _styles(doc: DocumentObject) -> None:
    _doc_defaults(doc)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    _set_fonts(normal.element)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0

    def add(name: str, base: str, **fmt: object) -> None:
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles[base]
        style.quick_style = True
        pf = style.paragraph_format
        font = style.font
        for key, value in fmt.items():
            if key in ("bold", "italic", "size"):
                setattr(font, key, value)
            else:
                setattr(pf, key, value)

    add(
        "VB Noi dung",
        "Normal",
        size=Pt(14),
        alignment=WD_ALIGN_PARAGRAPH.JUSTIFY,
        first_line_indent=Cm(1.27),
        space_before=Pt(0),
        space_after=Pt(6),
        line_spacing=1.15,
    )
    add("VB Can cu", "VB Noi dung", italic=True)
    add("VB Muc 1", "VB Noi dung", bold=True, keep_with_next=True, space_before=Pt(6))
    add("VB Muc 2", "VB Noi dung", bold=True, keep_with_next=True)
    add("VB Muc 3", "VB Noi dung", bold=True, italic=True, keep_with_next=True)
    add("VB Muc 4", "VB Noi dung", italic=True, keep_with_next=True)
    add(
        "VB Bang",
        "Normal",
        size=Pt(13),
        alignment=WD_ALIGN_PARAGRAPH.LEFT,
        space_before=Pt(2),
        space_after=Pt(2),
    )


def para(
    where: Container,
    text: str = "",
    *,
    size: float | None = 14,
    bold: bool = False,
    italic: bool = False,
    align: WD_ALIGN_PARAGRAPH | None = WD_ALIGN_PARAGRAPH.CENTER,
    before: float = 0,
    after: float = 0,
    style: str | None = None,
    left_cm: float | None = None,
    right_cm: float | None = None,
    keep: bool = False,
) -> Paragraph:
    p = where.add_paragraph(style=style)
    pf = p.paragraph_format
    if style is None:
        pf.space_before = Pt(before)
        pf.space_after = Pt(after)
        if align is not None:
            pf.alignment = align
        pf.first_line_indent = Cm(0)
    if keep:
        pf.keep_with_next = True
    if left_cm is not None:
        pf.left_indent = Cm(left_cm)
    if right_cm is not None:
        pf.right_indent = Cm(right_cm)
    if text:
        run = p.add_run(text)
        if style is None:
            run.bold = bold
            run.italic = italic
            if size is not None:
                run.font.size = Pt(size)
    return p


def tag(where: Container, text: str) -> None:
    """A paragraph holding only a docxtpl paragraph tag (``{%p … %}``); it disappears on render."""
    para(where, text, size=None, align=None)


def unsplittable(cell: _Cell) -> None:
    """The row holding ``cell`` never splits across pages (``w:cantSplit``)."""
    tr = cell._tc.getparent()
    trpr = tr.get_or_add_trPr()
    if trpr.find(qn("w:cantSplit")) is None:
        trpr.append(OxmlElement("w:cantSplit"))


def rule(where: Container, width_cm: float, column_cm: float) -> None:
    """A centred solid rule ``width_cm`` wide in a column ``column_cm`` wide."""
    side = max((column_cm - width_cm) / 2, 0)
    p = para(where, left_cm=side, right_cm=side)
    mark_size(p, 2)
    bottom_rule(p)


def _no_borders(table: object) -> None:
    tbl = table._tbl  # type: ignore[attr-defined]
    tblpr = tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tblpr.append(borders)


def two_columns(doc: DocumentObject, left_cm: float, right_cm: float) -> tuple[_Cell, _Cell]:
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _no_borders(table)
    cells = table.rows[0].cells
    for cell, width in zip(cells, (left_cm, right_cm), strict=True):
        cell.width = Cm(width)
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    for col, width in zip(table.columns, (left_cm, right_cm), strict=True):
        col.width = Cm(width)
    return cells[0], cells[1]


def header_block(doc: DocumentObject, *, cong_van: bool, bien_ban: bool) -> None:
    left, right = two_columns(doc, LEFT_COL_CM, RIGHT_COL_CM)
    # one paragraph per line of the name: a line break the user typed is kept, and word
    # groups inside a line are joined (vn.layout.dong_ten_va_co_chu); a line that would wrap
    # at 13 pt but fits at 12 pt is set at 12 pt (both NĐ30 sizes)
    for var, bold in (("chu_quan_dong", False), ("co_quan_dong", True)):
        tag(left, "{%p for dong, nho in " + var + " %}")
        tag(left, "{%p if nho %}")
        para(left, "{{ dong }}", size=12, bold=bold)
        tag(left, "{%p else %}")
        para(left, "{{ dong }}", size=13, bold=bold)
        tag(left, "{%p endif %}")
        tag(left, "{%p endfor %}")
    rule(left, nd30.NAME_RULE_CM, LEFT_COL_CM)
    para(left, "{{ so_ky_hieu }}", size=13, before=6)
    if cong_van:
        para(left, "{{ v_v }}", size=12, before=6)
    para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=12, bold=True)
    motto = para(
        right,
        "Độc lập - Tự do - Hạnh phúc",
        size=13,
        bold=True,
        left_cm=nd30.MOTTO_INDENT_CM,
        right_cm=nd30.MOTTO_INDENT_CM,
    )
    bottom_rule(motto)
    if not bien_ban:
        para(right, "{{ dia_danh_ngay }}", size=14, italic=True, before=6)


def title_block(doc: DocumentObject) -> None:
    para(doc, "{{ ten_loai }}", size=14, bold=True, before=18)
    para(doc, "{{ trich_yeu }}", size=14, bold=True)
    rule(doc, nd30.TITLE_RULE_CM, TEXT_WIDTH_CM)


def kinh_gui_block(doc: DocumentObject) -> None:
    tag(doc, "{%p if kinh_gui_mot %}")
    para(doc, "Kính gửi: {{ kinh_gui_mot }}", size=14, before=12, after=6)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if kinh_gui %}")
    para(doc, "Kính gửi:", size=14, before=12, align=WD_ALIGN_PARAGRAPH.LEFT, left_cm=3.0)
    tag(doc, "{%p for dong in kinh_gui %}")
    para(doc, "{{ dong }}", size=14, align=WD_ALIGN_PARAGRAPH.LEFT, left_cm=4.5)
    tag(doc, "{%p endfor %}")
    para(doc, "", size=None, after=6)
    tag(doc, "{%p endif %}")


def can_cu_block(doc: DocumentObject) -> None:
    tag(doc, "{%p for dong in can_cu %}")
    para(doc, "{{ dong }}", style="VB Can cu")
    tag(doc, "{%p endfor %}")


def signature_block(doc: DocumentObject) -> None:
    """Nơi nhận beside the signature, in one row that never splits, kept with the body's last
    lines (they keep with next, and so does the spacer, and every line in the cells)."""
    para(doc, "", size=None, after=6, keep=True)
    left, right = two_columns(doc, nd30.SIGNATURE_LEFT_CM, TEXT_WIDTH_CM - nd30.SIGNATURE_LEFT_CM)
    unsplittable(left)
    para(
        left, "Nơi nhận:", size=12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT, keep=True
    )
    tag(left, "{%p for dong in noi_nhan %}")
    para(left, "{{ dong }}", size=11, align=WD_ALIGN_PARAGRAPH.LEFT, keep=True)
    tag(left, "{%p endfor %}")
    tag(right, "{%p for dong in chuc_danh %}")
    para(right, "{{ dong }}", size=14, bold=True, keep=True)
    tag(right, "{%p endfor %}")
    para(right, "", size=None, before=nd30.SIGNATURE_SPACE_PT, keep=True)
    para(right, "{{ ho_ten }}", size=14, bold=True, keep=True)


def bien_ban_signatures(doc: DocumentObject) -> None:
    left, right = two_columns(doc, TEXT_WIDTH_CM / 2, TEXT_WIDTH_CM / 2)
    unsplittable(left)
    for cell, title, name in (
        (left, "THƯ KÝ", "thu_ky_ho_ten"),
        (right, "CHỦ TỌA", "chu_toa_ho_ten"),
    ):
        para(cell, title, size=14, bold=True, before=12, keep=True)
        para(cell, "", size=None, before=nd30.SIGNATURE_SPACE_PT, keep=True)
        para(cell, "{{ " + name + " }}", size=14, bold=True, keep=True)
    # Mẫu 1.9: the Nơi nhận under the thư ký's signature ("- …; - Lưu: VT, Hồ sơ.")
    para(left, "Nơi nhận:", size=12, bold=True, italic=True, before=12,
         align=WD_ALIGN_PARAGRAPH.LEFT)  # fmt: skip
    tag(left, "{%p for dong in noi_nhan %}")
    para(left, "{{ dong }}", size=11, align=WD_ALIGN_PARAGRAPH.LEFT)
    tag(left, "{%p endfor %}")


def compatibility(doc: DocumentObject) -> None:
    """Justified lines that end in a line break are not stretched (Word and LibreOffice)."""
    settings = doc.settings.element
    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = OxmlElement("w:compat")
        settings.append(compat)
    compat.insert(0, OxmlElement("w:doNotExpandShiftReturn"))


def page_setup(doc: DocumentObject) -> None:
    section = doc.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width = Mm(nd30.PAGE_MM[0])
    section.page_height = Mm(nd30.PAGE_MM[1])
    section.top_margin = Mm(nd30.MARGINS_MM["top"])
    section.bottom_margin = Mm(nd30.MARGINS_MM["bottom"])
    section.left_margin = Mm(nd30.MARGINS_MM["left"])
    section.right_margin = Mm(nd30.MARGINS_MM["right"])
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)
    section.different_first_page_header_footer = True
    header_p = section.header.paragraphs[0]
    header_p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), "28")
    rpr.append(sz)
    run.append(rpr)
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    header_p._p.append(field)
    section.first_page_header.is_linked_to_previous = False


def build(loai: str) -> DocumentObject:
    doc = Document()
    doc.element.body.remove(doc.paragraphs[0]._p) if doc.paragraphs else None
    _styles(doc)
    compatibility(doc)
    page_setup(doc)
    header_block(doc, cong_van=loai == "cong_van", bien_ban=loai == "bien_ban")
    if loai == "cong_van":
        kinh_gui_block(doc)
    else:
        title_block(doc)
    if loai == "quyet_dinh":
        para(doc, "{{ tham_quyen_ban_hanh }}", size=14, bold=True, before=12, after=12)
        can_cu_block(doc)
        tag(doc, "{%p if theo_de_nghi %}")
        para(doc, "{{ theo_de_nghi }}", style="VB Can cu")
        tag(doc, "{%p endif %}")
        para(doc, "QUYẾT ĐỊNH:", size=14, bold=True, before=6, after=6, keep=True)
    elif loai == "bien_ban":
        para(doc, "", size=None, after=6)
        for label, var in (
            ("Thời gian bắt đầu: ", "thoi_gian_bat_dau"),
            ("Địa điểm: ", "dia_diem"),
        ):
            para(doc, label + "{{ " + var + " }}", style="VB Noi dung")
        para(doc, "Thành phần tham dự:", style="VB Noi dung")
        tag(doc, "{%p for dong in thanh_phan %}")
        para(doc, "{{ dong }}", style="VB Noi dung")
        tag(doc, "{%p endfor %}")
        para(doc, "Chủ trì (chủ tọa): {{ chu_toa }}", style="VB Noi dung")
        para(doc, "Thư ký (người ghi biên bản): {{ thu_ky }}", style="VB Noi dung")
        para(doc, "Nội dung:", style="VB Noi dung", keep=True)
    elif loai in ("to_trinh", "bao_cao"):
        kinh_gui_block(doc)
        can_cu_block(doc)
    else:
        para(doc, "", size=None, after=6)
        can_cu_block(doc)
    para(doc, "{{p noi_dung }}", style="VB Noi dung")
    if loai == "bien_ban":
        closing = para(doc, "Cuộc họp kết thúc vào {{ ket_thuc }}./.", style="VB Noi dung")
        closing.paragraph_format.keep_with_next = True
        bien_ban_signatures(doc)
    else:
        signature_block(doc)
    fixed = datetime(2025, 1, 1)
    # with the namespaces spelled out: importing the package loads docxtpl, whose docxcompose
    # rebinds python-docx's "cp" prefix (see word/ooxml.py)
    set_core_properties(
        doc, author="", last_modified_by="", title="", created=fixed, modified=fixed,
        comments="vnadmin_docs template (Nghị định 30/2020/NĐ-CP)", revision="1",
        language="vi-VN",
    )  # fmt: skip
    trim(doc)
    return doc


KEPT_TABLE_STYLES = ("TableNormal", "TableGrid")
DROPPED_PARTS = ("stylesWithEffects", "customXml", "thumbnail")


def trim(doc: DocumentObject) -> None:
    """Leave out what python-docx's default template carries and no document needs: its
    140 decorative table styles, the Word 2010 stylesWithEffects copy of the style sheet, a
    bibliography customXml part and a thumbnail of an empty page. The style sheet stays
    ≈10× smaller, and every render opens and saves it."""
    styles = doc.styles.element
    for style in styles.findall(qn("w:style")):
        if (
            style.get(qn("w:type")) == "table"
            and style.get(qn("w:styleId")) not in KEPT_TABLE_STYLES
        ):
            styles.remove(style)
    for rels in (doc.part.rels, doc.part.package.rels):
        for rid, rel in list(rels.items()):
            if any(rel.reltype.endswith(name) for name in DROPPED_PARTS):
                del rels[rid]


TYPES = tuple(document_keys())


def main(argv: list[str]) -> int:
    out = (
        Path(argv[0])
        if argv
        else Path(__file__).resolve().parent.parent / "vnadmin_docs" / "templates"
    )
    out.mkdir(parents=True, exist_ok=True)
    for loai in TYPES:
        build(loai).save(str(out / f"{loai}.docx"))
        print(out / f"{loai}.docx")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
