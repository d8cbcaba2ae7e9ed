"""Documents that are not NĐ30 documents of a type: the dossier's cover (mẫu M1); the
landscape page holding only a title and some blocks is :mod:`.table_document`."""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from .._atomic import write_atomic
from ..model import CoQuan
from ..vn import nd30
from ..vn.layout import dong_ten_co_quan, giu_cum_tu, khong_ngat
from ..vn.numbering import LoaiVanBan
from .folder import template_path
from .ooxml import bottom_rule, mark_size, set_core_properties

if TYPE_CHECKING:  # docxtpl and Jinja only when a template folder's cover is filled
    from .sandbox import TemplateCache

__all__ = [
    "COVER_CATEGORY",
    "cover_context",
    "cover_template",
    "render_cover",
]

COVER_CATEGORY = "Bìa hồ sơ"
"""Core-properties category of a dossier cover (the checker recognises covers by it)."""


def _blank_document(*, landscape: bool) -> DocumentObject:
    """An empty document with the shipped templates' styles and page set-up."""
    from docx import Document

    with template_path(LoaiVanBan.BAO_CAO) as path:
        d = Document(str(path))
    body = d.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    if landscape:
        section = d.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(nd30.PAGE_MM[1]), Mm(nd30.PAGE_MM[0])
    return d


def _centred(d: DocumentObject, text: str, *, size: float = 14, bold: bool = False,
             italic: bool = False, before: float = 0) -> None:  # fmt: skip
    p = d.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_before = Pt(before)
    run = p.add_run(text)
    run.bold, run.italic, run.font.size = bold, italic, Pt(size)


def _save(d: DocumentObject, out: Path | str) -> Path:
    buffer = io.BytesIO()
    d.save(buffer)
    return write_atomic(out, buffer.getvalue())


def cover_context(co_quan: CoQuan, tieu_de: str, nam_hoc: str, dia_danh_nam: str) -> dict[str, str]:
    """What a cover template (``bia.docx``) may use, as the shipped cover prints it.

    >>> cq = CoQuan(ten="Trường THCS Quyết Tiến", viet_tat="THCSQT", dia_danh="Quyết Tiến")
    >>> cover_context(cq, "Hồ sơ", "2023-2024", "Quyết Tiến, 2024")["co_quan"]
    'TRƯỜNG THCS QUYẾT TIẾN'
    """
    return {
        "chu_quan": (co_quan.chu_quan or "").upper(),
        "co_quan": co_quan.ten.upper(),
        "ten_co_quan": co_quan.ten_mot_dong,
        "tieu_de": tieu_de.upper(),
        "nam_hoc": nam_hoc,
        "dia_danh_nam": dia_danh_nam,
    }


def _cover(texts: dict[str, str], *, values: bool = True) -> DocumentObject:
    """The cover's layout (mẫu M1) holding ``texts``: values, or (``values`` false) a
    template's tags."""
    d = _blank_document(landscape=False)
    d.sections[0].different_first_page_header_footer = True
    names = dong_ten_co_quan if values else (lambda text: [text] if text else [])
    for line in names(texts["chu_quan"]):
        _centred(d, line, size=14)
    for line in names(texts["co_quan"]):
        _centred(d, line, size=14, bold=True)
    rule = d.add_paragraph()
    rule.paragraph_format.left_indent = Cm(nd30.COVER_RULE_INDENT_CM)
    rule.paragraph_format.right_indent = Cm(nd30.COVER_RULE_INDENT_CM)
    mark_size(rule, 2)
    bottom_rule(rule)
    title, year = texts["tieu_de"], f"NĂM HỌC {texts['nam_hoc']}"
    if values:  # the joins a line must not break inside (a template's tags stay as they are)
        title, year = giu_cum_tu(title), khong_ngat(year)
    _centred(d, title, size=22, bold=True, before=200)
    _centred(d, year, size=16, bold=True, before=18)
    _centred(d, texts["dia_danh_nam"], size=14, italic=True, before=260)
    return d


def _cover_properties(d: DocumentObject, co_quan: CoQuan, tieu_de: str, nam_hoc: str) -> None:
    set_core_properties(
        d, title=f"{tieu_de} năm học {nam_hoc}", author=co_quan.ten_mot_dong,
        last_modified_by=co_quan.ten_mot_dong, category=COVER_CATEGORY, language="vi-VN",
    )  # fmt: skip


def cover_template(out: Path | str) -> Path:
    """The shipped cover as a template (``vnadmin-docs template bia``): the same layout with
    the variables of :func:`cover_context` in place of the values; written atomically."""
    tags = {name: f"{{{{ {name} }}}}" for name in ("chu_quan", "co_quan", "tieu_de", "nam_hoc",
                                                   "dia_danh_nam")}  # fmt: skip
    d = _cover(tags, values=False)
    set_core_properties(d, title="Bìa hồ sơ", category=COVER_CATEGORY, language="vi-VN")
    return _save(d, out)


def render_cover(
    co_quan: CoQuan,
    tieu_de: str,
    nam_hoc: str,
    dia_danh_nam: str,
    out: Path | str,
    *,
    template: Path | str | None = None,
    cache: TemplateCache | None = None,
    variables: Mapping[str, str] | None = None,
    logo: Path | None = None,
) -> Path:
    """The dossier's cover (mẫu M1): the school at the top, the title, the school year, and
    the place and year at the bottom; written atomically.

    With a ``template`` (a school's ``bia.docx``), that template is filled from
    :func:`cover_context` (and the extra ``variables`` and ``logo``) in the sandbox instead."""
    if template is not None:
        from .render import render_context

        return render_context(
            template, cover_context(co_quan, tieu_de, nam_hoc, dia_danh_nam), out,
            what="bìa hồ sơ", cache=cache, variables=variables, logo=logo,
            finish=lambda d: _cover_properties(d, co_quan, tieu_de, nam_hoc),
        )  # fmt: skip
    d = _cover(cover_context(co_quan, tieu_de, nam_hoc, dia_danh_nam))
    _cover_properties(d, co_quan, tieu_de, nam_hoc)
    return _save(d, out)
