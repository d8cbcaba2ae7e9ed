"""A landscape document holding only a title and some blocks (a scored table, the tổng hợp
table, a register to print on its own), written from the shipped Báo cáo template's package
without python-docx.

python-docx takes ≈0.15 s to import, most of an aggregation's start: the table document is
the only .docx the aggregation writes, so it is built here as text. The template's parts are
copied as they are (styles, numbering, the page-number headers, settings); the body is the
title, an empty paragraph and the blocks (:func:`~.wordml.blocks_xml`, as every other
document's body), before the template's section properties turned to landscape A4; the core
properties name the title and the author.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from .._atomic import write_atomic
from ..vn import nd30
from ..vn.markup import Block
from ..vn.numbering import LoaiVanBan
from .folder import template_path
from .wordml import blocks_xml, required_style_ids, text_xml

__all__ = ["render_table_document", "style_ids_of"]

_STYLE: Final = re.compile(r'<w:style\b[^>]*?\bw:styleId="([^"]*)"[^>]*>(.*?)</w:style>', re.S)
_NAME: Final = re.compile(r'<w:name w:val="([^"]*)"')
_PAGE_SIZE: Final = re.compile(r"<w:pgSz\b[^>]*/>")
_MARGINS: Final = re.compile(r"<w:pgMar\b([^>]*)/>")
_ATTRIBUTE: Final = re.compile(r'w:(\w+)="(-?\d+)"')


def _twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def style_ids_of(styles_xml: str, *, source: str) -> dict[str, str]:
    """The ids of the styles a body uses, by name, from a ``word/styles.xml``; one missing is
    a :class:`TemplateError` naming ``source``.

    >>> style_ids_of('<w:style w:type="paragraph" w:styleId="VBBang"><w:name w:val="VB Bang"/>'
    ...              '</w:style>', source="x")
    Traceback (most recent call last):
    vnadmin_docs.errors.TemplateError: Mẫu x thiếu kiểu (style) văn bản: VB Muc 1, VB Muc 2, VB Muc 3, VB Muc 4, VB Noi dung, Table Grid. Hãy bắt đầu từ mẫu của thư viện (vnadmin-docs template LOAI).
    """
    found: dict[str, str] = {}
    for match in _STYLE.finditer(styles_xml):
        name = _NAME.search(match.group(2))
        if name is not None:
            found.setdefault(name.group(1), match.group(1))
    return required_style_ids(found, source=source)


def _landscape(section: str) -> tuple[str, float, float]:
    """The section properties on a landscape A4 page, and its text width and height (twips)."""
    width, height = _twips(nd30.PAGE_MM[1]), _twips(nd30.PAGE_MM[0])
    section = _PAGE_SIZE.sub(
        f'<w:pgSz w:w="{width}" w:h="{height}" w:orient="landscape"/>', section, count=1
    )
    found = _MARGINS.search(section)
    margins = dict(_ATTRIBUTE.findall(found.group(1))) if found else {}

    def margin(name: str) -> int:
        return int(margins.get(name, "0"))

    return (
        section,
        width - margin("left") - margin("right"),
        height - margin("top") - margin("bottom"),
    )


def _centred(text: str, *, bold: bool) -> str:
    """A centred 14 pt line of the title: bold, or italic."""
    look = '<w:b/><w:i w:val="0"/>' if bold else '<w:b w:val="0"/><w:i/>'
    return (
        '<w:p><w:pPr><w:spacing w:before="0"/><w:jc w:val="center"/></w:pPr>'
        f'<w:r><w:rPr>{look}<w:sz w:val="28"/></w:rPr>{text_xml(text)}</w:r></w:p>'
    )


def _core(xml: str, values: dict[str, str]) -> str:
    """``docProps/core.xml`` with the elements ``values`` names (``dc:title``…) set."""
    for tag, value in values.items():
        text = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        element = f"<{tag}>{text}</{tag}>"
        found = re.search(rf"<{tag}\s*/>|<{tag}>.*?</{tag}>", xml, re.S)
        if found:
            xml = xml[: found.start()] + element + xml[found.end() :]
        else:
            xml = xml.replace("</cp:coreProperties>", element + "</cp:coreProperties>")
    return xml


def render_table_document(
    title: Sequence[str], blocks: Sequence[Block], out: Path | str, *, author: str = ""
) -> Path:
    """A standalone landscape document holding only a title (its first two lines bold, the
    others italic) and some blocks, in the shipped templates' styles; written atomically."""
    with template_path(LoaiVanBan.BAO_CAO) as path, zipfile.ZipFile(path) as template:
        parts = [(info, template.read(info)) for info in template.infolist()]
    texts = {info.filename: data for info, data in parts}
    document = texts["word/document.xml"].decode("utf-8")
    ids = style_ids_of(texts["word/styles.xml"].decode("utf-8"), source="Báo cáo")
    body_start = document.index("<w:body>") + len("<w:body>")
    section_start = document.rindex("<w:sectPr")
    body_end = document.rindex("</w:body>")
    section, width, height = _landscape(document[section_start:body_end])
    body = "".join(_centred(line, bold=k < 2) for k, line in enumerate(title))
    body += "<w:p/>" + blocks_xml(blocks, ids, text_width=width, text_height=height)
    document = document[:body_start] + body + section + document[body_end:]
    core = _core(
        texts["docProps/core.xml"].decode("utf-8"),
        {"dc:title": " ".join(title[:2]), "dc:creator": author, "cp:lastModifiedBy": author},
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in parts:
            if info.filename == "word/document.xml":
                data = document.encode("utf-8")
            elif info.filename == "docProps/core.xml":
                data = core.encode("utf-8")
            archive.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return write_atomic(out, buffer.getvalue())
