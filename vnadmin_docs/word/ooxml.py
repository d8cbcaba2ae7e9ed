"""Small OOXML helpers python-docx has no API for (shared by rendering, the checker and the
template builder): rules under paragraphs, paragraph-mark sizes, core properties."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Final

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

__all__ = ["bottom_rule", "core_property", "mark_size", "set_core_properties", "table_rows"]

# Children of w:pPr that come after w:pBdr in the schema's sequence.
_AFTER_PBDR = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


def bottom_rule(paragraph: Any) -> None:
    """Draw a solid rule under ``paragraph`` (a bottom border between its indents)."""
    ppr = paragraph._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    border.append(bottom)
    for child in ppr:
        if child.tag in {qn(t) for t in _AFTER_PBDR}:
            child.addprevious(border)
            return
    ppr.append(border)


def mark_size(paragraph: Any, half_points: int) -> None:
    """Set the size of the paragraph mark (an empty paragraph's height comes from it)."""
    ppr = paragraph._p.get_or_add_pPr()
    rpr = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), str(half_points))
    rpr.append(size)
    ppr.append(rpr)


# ---------------------------------------------------------------- core properties

_CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_DC = "http://purl.org/dc/elements/1.1/"
_DCTERMS = "http://purl.org/dc/terms/"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_CORE: Final = {
    "title": f"{{{_DC}}}title",
    "subject": f"{{{_DC}}}subject",
    "author": f"{{{_DC}}}creator",
    "comments": f"{{{_DC}}}description",
    "language": f"{{{_DC}}}language",
    "keywords": f"{{{_CP}}}keywords",
    "category": f"{{{_CP}}}category",
    "last_modified_by": f"{{{_CP}}}lastModifiedBy",
    "revision": f"{{{_CP}}}revision",
    "created": f"{{{_DCTERMS}}}created",
    "modified": f"{{{_DCTERMS}}}modified",
}
"""Core properties by python-docx's names, in Clark notation: written with their namespaces
spelled out, never through python-docx's global prefix map (which docxcompose, loaded by
docxtpl, rebinds for ``cp``)."""


def _core_element(document: Any) -> Any:
    return document.part.package._core_properties_part.element


def set_core_properties(document: Any, **values: str | datetime) -> None:
    """Set core properties (``title``, ``subject``, ``author``, ``comments``, ``language``,
    ``keywords``, ``category``, ``last_modified_by``, ``revision``, ``created``, ``modified``) of a
    python-docx document; dates are written as W3CDTF."""
    from lxml import etree

    root = _core_element(document)
    for name, value in values.items():
        tag = _CORE[name]
        element = root.find(tag)
        if element is None:
            element = etree.SubElement(root, tag)
        if isinstance(value, datetime):
            element.set(f"{{{_XSI}}}type", "dcterms:W3CDTF")
            element.text = value.strftime("%Y-%m-%dT%H:%M:%SZ")
        else:
            element.text = value


def core_property(document: Any, name: str) -> str | None:
    """A core property's text (``None`` when absent)."""
    element = _core_element(document).find(_CORE[name])
    return None if element is None else element.text


def table_rows(table: Any) -> list[Any]:
    """The rows of a python-docx table as a reader sees them: a row that is one cell over the
    whole grid holding a table (rows the writer keeps on one page, :mod:`.wordml`) stands
    for the rows of that table, in their place."""
    out: list[Any] = []
    columns = len(table._tbl.tblGrid.gridCol_lst)
    for row in table.rows:
        tcs = row._tr.tc_lst
        nested = tcs[0].tbl_lst if len(tcs) == 1 else []
        if len(nested) == 1 and tcs[0].grid_span == columns:
            out.extend(table_rows(row.cells[0].tables[0]))
        else:
            out.append(row)
    return out
