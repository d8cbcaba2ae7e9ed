"""Rendering documents to NĐ30-formatted .docx (the only module that imports docxtpl and Jinja).

A template is an ordinary Word file with docxtpl tags. It is filled in a sandboxed Jinja
environment with autoescaping on and undefined variables as errors, so text such as
``Sở GD&ĐT`` or ``{{ x }}`` comes out exactly as typed. A user template whose variables
the model does not provide is rejected before anything is rendered.
"""

from __future__ import annotations

import contextlib
import importlib.resources
import io
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import jinja2
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsmap, qn
from docx.shared import Cm, Mm, Pt
from docxtpl import DocxTemplate
from docxtpl.subdoc import Subdoc  # noqa: F401 - loads docxcompose now, see below
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from . import markup
from ._atomic import atomic_path
from ._ooxml import bottom_rule, mark_size
from ._wordml import STYLE_NAMES, blocks_xml, fragment_root
from .checker import COVER_CATEGORY
from .dates import gio_phut, ngay_thang_nam
from .errors import TemplateError
from .markup import Block, Paragraph, Span, Table
from .model import BaoCao, BienBan, CongVan, CoQuan, KeHoach, QuyetDinh, ToTrinh, VanBan
from .numbering import LoaiVanBan

__all__ = [
    "COVER_CATEGORY",
    "add_blocks",
    "body_blocks",
    "context",
    "render",
    "render_bytes",
    "render_cover",
    "render_table_document",
    "style_ids",
    "template_path",
    "template_variables",
]

# docxcompose (which `import docxtpl` loads for its sub-documents) rebinds python-docx's global
# "cp" prefix to the custom-properties namespace; python-docx then writes core properties
# (lastModifiedBy, keywords, category…) in the wrong namespace and Word and other readers lose
# them. We use no docxcompose feature that needs its binding, so we put the standard one back.
CORE_PROPERTIES_NS = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
nsmap["cp"] = CORE_PROPERTIES_NS


@contextlib.contextmanager
def template_path(loai: LoaiVanBan) -> Iterator[Path]:
    """The shipped template of a document type, as a real file (works from a wheel too)."""
    resource = importlib.resources.files("vnadmin_docs") / "templates" / f"{loai.key}.docx"
    with importlib.resources.as_file(resource) as path:
        yield path


# ---------------------------------------------------------------- context: what templates see


def _end(item: str) -> str:
    return item.strip().rstrip(" ;.")


def _punctuated(items: Sequence[str], *, last: str = ".", dash: bool = False) -> list[str]:
    """Each item ends ";", the last ``last``; with ``dash`` each starts with "- "."""
    cleaned = [_end(x) for x in items if _end(x)]
    prefix = "- " if dash else ""
    lines = [f"{prefix}{x.removeprefix('- ')};" for x in cleaned]
    if lines:
        lines[-1] = lines[-1][:-1] + last
    return lines


def _can_cu(doc: VanBan) -> list[str]:
    items: list[str] = getattr(doc, "can_cu", [])
    more = isinstance(doc, QuyetDinh) and bool(doc.theo_de_nghi)
    return _punctuated(items, last=";" if more else ".")


def _kinh_gui(doc: VanBan) -> tuple[str, list[str]]:
    items = [_end(x) for x in getattr(doc, "kinh_gui", []) if _end(x)]
    if len(items) == 1:
        return items[0], []
    return "", _punctuated(items, dash=True)


def _thoi_diem(value: datetime | None, fallback_year: int) -> str:
    if value is None:
        return f"   giờ    phút, ngày    tháng    năm {fallback_year}"
    return f"{gio_phut(value)}, {ngay_thang_nam(value.date())}"


def context(doc: VanBan) -> dict[str, Any]:
    """Everything a template of ``doc``'s type may use, as plain strings and lists.

    The body (``noi_dung``) is not here: :func:`render` adds it as a sub-document.
    """
    kinh_gui_mot, kinh_gui = _kinh_gui(doc)
    ctx: dict[str, Any] = {
        "chu_quan": (doc.co_quan.chu_quan or "").upper(),
        "co_quan": doc.co_quan.ten.upper(),
        "so_ky_hieu": doc.so_ky_hieu.dong_so,
        "dia_danh_ngay": f"{doc.co_quan.dia_danh}, {ngay_thang_nam(doc.ngay)}",
        "ten_loai": doc.LOAI.ten_in_hoa,
        "trich_yeu": doc.trich_yeu,
        "v_v": f"V/v {doc.trich_yeu}",
        "kinh_gui_mot": kinh_gui_mot,
        "kinh_gui": kinh_gui,
        "can_cu": _can_cu(doc),
        "noi_nhan": doc.noi_nhan_dong(),
        "chuc_danh": [],
        "ho_ten": "",
    }
    nguoi_ky = getattr(doc, "nguoi_ky", None)
    if nguoi_ky is not None:
        ctx["chuc_danh"] = nguoi_ky.dong_chuc_danh
        ctx["ho_ten"] = nguoi_ky.ho_ten
    if isinstance(doc, QuyetDinh):
        ctx["tham_quyen_ban_hanh"] = doc.tham_quyen_ban_hanh.upper()
        de_nghi = _end(doc.theo_de_nghi or "").removeprefix("Theo đề nghị của ")
        ctx["theo_de_nghi"] = f"Theo đề nghị của {de_nghi}." if de_nghi else ""
    if isinstance(doc, BienBan):
        ctx.update(
            thoi_gian_bat_dau=_thoi_diem(doc.thoi_gian_bat_dau, doc.ngay.nam),
            ket_thuc=_thoi_diem(doc.thoi_gian_ket_thuc, doc.thoi_gian_bat_dau.year),
            dia_diem=doc.dia_diem,
            thanh_phan=[x if x.startswith("- ") else f"- {x}" for x in doc.thanh_phan],
            chu_toa=str(doc.chu_toa),
            thu_ky=str(doc.thu_ky),
            chu_toa_ho_ten=doc.chu_toa.ho_ten,
            thu_ky_ho_ten=doc.thu_ky.ho_ten,
        )
    return ctx


def _with_end_mark(blocks: list[Block]) -> list[Block]:
    """End the body with "./." after its last word [NĐ30 Phụ lục I]."""
    for i in range(len(blocks) - 1, -1, -1):
        block = blocks[i]
        if isinstance(block, Paragraph):
            text = markup.plain(block.spans).rstrip()
            if text.endswith("./."):
                return blocks
            spans = list(block.spans)
            last = spans[-1]
            tail = last.text.rstrip()
            tail += "/." if tail.endswith(".") else "./."
            spans[-1] = Span(tail, last.bold, last.italic)
            return [*blocks[:i], Paragraph(tuple(spans), block.marker), *blocks[i + 1 :]]
        if isinstance(block, Table):
            break
    return [*blocks, Paragraph((Span("./."),))]


def body_blocks(doc: VanBan) -> list[Block]:
    """The body of ``doc`` as blocks: its markup, or the articles of a Quyết định."""
    if isinstance(doc, QuyetDinh):
        blocks: list[Block] = []
        for number, text in enumerate(doc.dieu, start=1):
            parsed = markup.parse(text) or [Paragraph(())]
            first = parsed[0]
            spans = (Span(f"Điều {number}. ", bold=True), *getattr(first, "spans", ()))
            blocks += [Paragraph(spans), *parsed[1:]]
        return _with_end_mark(blocks)
    if isinstance(doc, KeHoach | BaoCao | ToTrinh | CongVan):
        return _with_end_mark(markup.parse(doc.noi_dung))
    if isinstance(doc, BienBan):
        return markup.parse(doc.noi_dung)
    raise TypeError(f"unknown document type {type(doc).__name__}")


# ---------------------------------------------------------------- blocks → the document


def style_ids(document: DocumentObject, *, source: str) -> dict[str, str]:
    """The ids of the styles a body uses, by name, from ``document``'s style sheet; a template
    (``source`` names it) that lacks one of them is rejected."""
    found: dict[str, str] = {}
    for style in document.styles.element.iterchildren(qn("w:style")):
        name = style.find(qn("w:name"))
        if name is not None:
            found[name.get(qn("w:val"), "")] = style.get(qn("w:styleId"), "")
    missing = [name for name in STYLE_NAMES if name not in found]
    if missing:
        raise TemplateError(
            f"Mẫu {source} thiếu kiểu (style) văn bản: {', '.join(missing)}. "
            "Hãy bắt đầu từ mẫu của thư viện (vnadmin-docs template LOAI)."
        )
    return {name: found[name] for name in STYLE_NAMES}


def _text_width(section: Any) -> float:
    """The width between a section's margins, in twips."""
    return int(section.page_width - section.left_margin - section.right_margin) / 635


def add_blocks(
    document: DocumentObject, blocks: Sequence[Block], *, ids: dict[str, str] | None = None
) -> None:
    """Append blocks to the end of a python-docx document's body (before its last section
    properties), in the document's named styles (``VB Noi dung``, ``VB Muc 1``…, ``VB Bang``);
    ``ids`` are those styles' ids when the caller has already looked them up."""
    ids = ids or style_ids(document, source="tài liệu")
    xml = blocks_xml(blocks, ids, text_width=_text_width(document.sections[-1]))
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


def _add_appendices(d: DocumentObject, doc: VanBan, ids: dict[str, str]) -> None:
    def line(text: str, *, bold: bool = False, italic: bool = False, size: int = 14) -> None:
        p = d.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.first_line_indent = Mm(0)
        run = p.add_run(text)
        run.bold, run.italic, run.font.size = bold, italic, Pt(size)

    for index, phu_luc in enumerate(doc.phu_luc):
        section = d.add_section(WD_SECTION.NEW_PAGE)
        _shrink_break(d)
        portrait = (Mm(210), Mm(297))
        section.orientation = WD_ORIENT.LANDSCAPE if phu_luc.ngang else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = portrait[::-1] if phu_luc.ngang else portrait
        _set_page_number_start(section, 1)
        line(doc.nhan_phu_luc(index), bold=True)
        line(phu_luc.tieu_de.upper(), bold=True)
        line(doc.kem_theo(index), italic=True)
        rule = d.add_paragraph()
        side = (section.page_width - section.left_margin - section.right_margin - Mm(55)) // 2
        rule.paragraph_format.left_indent = side
        rule.paragraph_format.right_indent = side
        mark_size(rule, 2)
        bottom_rule(rule)
        add_blocks(d, [*markup.parse(phu_luc.noi_dung), *phu_luc.khoi], ids=ids)


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


def _set_properties(d: DocumentObject, doc: VanBan) -> None:
    props = d.core_properties
    props.title = doc.trich_yeu
    props.subject = f"{doc.LOAI.ten} số {doc.so_ky_hieu}"
    props.author = doc.co_quan.ten
    props.last_modified_by = doc.co_quan.ten
    props.keywords = doc.LOAI.ten
    props.language = "vi-VN"
    props.comments = ""
    day = doc.ngay.day
    if day is not None:
        stamp = datetime(day.year, day.month, day.day)
        props.created = stamp
        props.modified = stamp


# ---------------------------------------------------------------- rendering


def _finalize(value: Any) -> Markup:
    """What a template prints: escaped for XML, and with braces as character references,
    because docxtpl turns ``{_{`` and the like in its output into ``{{``."""
    return Markup(str(escape(value)).replace("{", "&#123;").replace("}", "&#125;"))


_T = TypeVar("_T")


def _memo(cache: dict[str, _T], key: str, make: Callable[[], _T]) -> _T:
    """``cache[key]``, made first if missing; the cache is emptied when it holds 256 entries (a
    long-lived process that renders many user templates)."""
    found = cache.get(key)
    if found is None:
        if len(cache) >= 256:
            cache.clear()
        found = cache[key] = make()
    return found


class _Environment(SandboxedEnvironment):
    """The sandbox templates are filled in, keeping each compiled template by its source text:
    docxtpl compiles the body, headers and footers on every render, and a batch renders the
    same templates for every school."""

    def __init__(self) -> None:
        super().__init__(autoescape=True, undefined=jinja2.StrictUndefined, finalize=_finalize)
        self._compiled: dict[str, jinja2.Template] = {}

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Any:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        return _memo(self._compiled, source, lambda: super(_Environment, self).from_string(source))


_PATCHED: dict[str, str] = {}


class _Template(DocxTemplate):  # type: ignore[misc]
    """docxtpl's template, with the clean-up of each part's XML before Jinja reads it (a pure
    function of that XML, and a third of docxtpl's work) done once per template part."""

    def patch_xml(self, src_xml: str) -> str:
        return _memo(_PATCHED, src_xml, lambda: str(super(_Template, self).patch_xml(src_xml)))


_ENV = _Environment()


_VARIABLES: dict[tuple[str, float, int], frozenset[str]] = {}


def template_variables(template: Path | str) -> set[str]:
    """The variables a template uses (what the model must provide); cached per file version,
    since a batch checks the same template for every school."""
    path = Path(template)
    stat = path.stat()
    key = (str(path.resolve()), stat.st_mtime, stat.st_size)
    if key not in _VARIABLES:
        try:
            found = _Template(str(path)).get_undeclared_template_variables(_ENV)
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(
                f"Mẫu {template} có lỗi cú pháp Jinja (dòng {exc.lineno}): {exc}"
            ) from exc
        _VARIABLES[key] = frozenset(found)
    return set(_VARIABLES[key])


def _fill(doc: VanBan, template: Path) -> DocxTemplate:
    ctx = context(doc)
    used = template_variables(template)
    unknown = sorted(used - set(ctx) - {"noi_dung"})
    if unknown:
        raise TemplateError(
            f"Mẫu {template.name} dùng biến mà văn bản {doc.LOAI.ten} không có: "
            f"{', '.join(unknown)}. Các biến có thể dùng: {', '.join(sorted([*ctx, 'noi_dung']))}.",
            unknown=unknown,
        )
    tpl = _Template(str(template))
    d = tpl.get_docx()
    ids = style_ids(d, source=template.name)
    body = blocks_xml(body_blocks(doc), ids, text_width=_text_width(d.sections[-1]))
    ctx["noi_dung"] = Markup(body)
    try:
        tpl.render(ctx, _ENV, autoescape=True)
    except jinja2.TemplateError as exc:
        raise TemplateError(f"Không điền được mẫu {template.name}: {exc}") from exc
    _add_appendices(tpl.docx, doc, ids)
    _set_properties(tpl.docx, doc)
    return tpl


@contextlib.contextmanager
def _template_for(doc: VanBan, template: Path | str | None) -> Iterator[Path]:
    if template is not None:
        yield Path(template)
    else:
        with template_path(doc.LOAI) as path:
            yield path


def render(doc: VanBan, out: Path | str, *, template: Path | str | None = None) -> Path:
    """Render ``doc`` to a .docx file at ``out`` (written atomically); returns the path."""
    with _template_for(doc, template) as path:
        tpl = _fill(doc, path)
    with atomic_path(out) as tmp:
        tpl.save(str(tmp))
    return Path(out)


def render_bytes(doc: VanBan, *, template: Path | str | None = None) -> bytes:
    """Render ``doc`` and return the .docx file's bytes."""
    with _template_for(doc, template) as path:
        tpl = _fill(doc, path)
    buffer = io.BytesIO()
    tpl.save(buffer)
    return buffer.getvalue()


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
        section.page_width, section.page_height = Mm(297), Mm(210)
    return d


def _centred(d: DocumentObject, text: str, *, size: float = 14, bold: bool = False,
             italic: bool = False, before: float = 0) -> None:  # fmt: skip
    p = d.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_before = Pt(before)
    run = p.add_run(text)
    run.bold, run.italic, run.font.size = bold, italic, Pt(size)


def _save(d: DocumentObject, out: Path | str) -> Path:
    with atomic_path(out) as tmp:
        d.save(str(tmp))
    return Path(out)


def render_table_document(
    title: Sequence[str], blocks: Sequence[Block], out: Path | str, *, author: str = ""
) -> Path:
    """A standalone landscape document holding only a title and some blocks (e.g. a scored
    table to print on its own), in the shipped templates' styles; written atomically."""
    d = _blank_document(landscape=True)
    for k, line in enumerate(title):
        _centred(d, line, bold=k < 2, italic=k >= 2)
    d.add_paragraph()
    add_blocks(d, blocks)
    props = d.core_properties
    props.title = " ".join(title[:2])
    props.author = author
    props.last_modified_by = author
    return _save(d, out)


def render_cover(
    co_quan: CoQuan, tieu_de: str, nam_hoc: str, dia_danh_nam: str, out: Path | str
) -> Path:
    """The dossier's cover (mẫu M1): the school at the top, the title, the school year, and
    the place and year at the bottom; written atomically."""
    d = _blank_document(landscape=False)
    d.sections[0].different_first_page_header_footer = True
    if co_quan.chu_quan:
        _centred(d, co_quan.chu_quan.upper(), size=14)
    _centred(d, co_quan.ten.upper(), size=14, bold=True)
    rule = d.add_paragraph()
    rule.paragraph_format.left_indent = rule.paragraph_format.right_indent = Cm(6.5)
    mark_size(rule, 2)
    bottom_rule(rule)
    _centred(d, tieu_de.upper(), size=22, bold=True, before=200)
    _centred(d, f"NĂM HỌC {nam_hoc}", size=16, bold=True, before=18)
    _centred(d, dia_danh_nam, size=14, italic=True, before=260)
    props = d.core_properties
    props.title = f"{tieu_de} năm học {nam_hoc}"
    props.author = props.last_modified_by = co_quan.ten
    props.category = COVER_CATEGORY
    props.language = "vi-VN"
    return _save(d, out)
