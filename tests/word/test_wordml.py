"""Body blocks written as WordprocessingML text: what python-docx reads back from them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from tests.word.test_rendering import _ke_hoach
from vnadmin_docs.errors import TemplateError
from vnadmin_docs.vn.layout import readable
from vnadmin_docs.vn.markup import Cell, Heading, Paragraph, Span, Table, cell
from vnadmin_docs.vn.numbering import LoaiVanBan
from vnadmin_docs.word.appendix import add_blocks, style_ids
from vnadmin_docs.word.ooxml import table_rows
from vnadmin_docs.word.render import render, template_path
from vnadmin_docs.word.wordml import W_NS, blocks_xml, fragment_root

IDS = {
    "VB Muc 1": "H1",
    "VB Muc 2": "H2",
    "VB Muc 3": "H3",
    "VB Muc 4": "H4",
    "VB Noi dung": "Body",
    "VB Bang": "Cell",
    "Table Grid": "Grid",
}


def _text_of(p: etree._Element) -> str:
    """A paragraph's text as typed: ``<w:br/>`` → newline, ``<w:tab/>`` → tab."""
    out = []
    for el in p.iter(f"{{{W_NS}}}t", f"{{{W_NS}}}br", f"{{{W_NS}}}tab"):
        local = etree.QName(el).localname
        out.append(el.text or "" if local == "t" else "\n" if local == "br" else "\t")
    return "".join(out)


PIECES = [*"aă ĐệẫÀ&<>\"'{}_%#*|\\\n\t", "{{", "}}", "{_{", "}_}", "{_%", "%_}", "  "]
TEXT = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@settings(max_examples=200, deadline=None)
@given(TEXT, st.booleans(), st.booleans())
def test_any_text_comes_back_exactly(text: str, bold: bool, italic: bool) -> None:
    xml = blocks_xml([Paragraph((Span(text, bold, italic),))], IDS, text_width=9000)
    [p] = etree.fromstring(fragment_root(xml))
    assert _text_of(p) == text.replace("\r", "")
    runs = p.findall(f"{{{W_NS}}}r")
    assert all((r.find(f".//{{{W_NS}}}b") is not None) == bold for r in runs)
    assert all((r.find(f".//{{{W_NS}}}i") is not None) == italic for r in runs)


def test_headings_and_paragraphs_take_the_template_styles() -> None:
    xml = blocks_xml([Heading(2, (Span("II. A"),)), Paragraph((Span("b"),))], IDS, text_width=1)
    styles = etree.fromstring(fragment_root(xml)).xpath("//w:pStyle/@w:val", namespaces={"w": W_NS})
    assert styles == ["H2", "Body"]


def _docx_table(tmp_path: Path, table: Table) -> Any:
    """``table`` added to a document made from the shipped template, saved and read back."""
    with template_path(LoaiVanBan.BAO_CAO) as path:
        d = Document(str(path))
    add_blocks(d, [table])
    d.save(str(tmp_path / "t.docx"))
    return Document(str(tmp_path / "t.docx")).tables[-1]


def test_merged_cells_read_back_as_one(tmp_path: Path) -> None:
    # | A (2 rows × 2 cols) | B |
    # |                     | C |
    # | D | E               | F |
    big = cell("A", rowspan=2, colspan=2, align="center")
    rows = (
        (big, None, cell("B")),
        (None, None, cell("C")),
        (cell("D"), cell("**E**"), cell("F", align="right")),
    )
    t = _docx_table(tmp_path, Table(rows, header_rows=1, widths=(1.0, 2.0, 3.0)))
    assert t.cell(0, 0)._tc is t.cell(1, 1)._tc
    assert [[c.text for c in r.cells] for r in t.rows] == [
        ["A", "A", "B"],
        ["A", "A", "C"],
        ["D", "E", "F"],
    ]
    assert [round(c.width.cm, 1) for c in t.columns] == [1.0, 2.0, 3.0]
    assert t.cell(0, 2).paragraphs[0].runs[0].bold  # header rows are bold
    assert t.cell(2, 2).paragraphs[0].alignment == 2  # right
    assert t.cell(0, 0).paragraphs[0].style.name == "VB Bang"
    header = t.rows[0]._tr.trPr
    assert header is not None and header.find(f"{{{W_NS}}}tblHeader") is not None


def test_a_table_without_widths_fills_the_text_width(tmp_path: Path) -> None:
    rows = ((Cell((Span("a"),)), Cell((Span("b"),))), (Cell((Span("c"),)),))  # a short row
    t = _docx_table(tmp_path, Table(rows))
    assert [[c.text for c in r.cells] for r in t.rows] == [["a", "b"], ["c", ""]]
    widths = [c.width.mm for c in t.columns]
    assert round(sum(widths)) == 165  # A4 less 30 + 15 mm
    assert max(widths) - min(widths) < 0.1  # the same text: the same width


def test_a_template_without_the_body_styles_is_rejected(tmp_path: Path) -> None:
    blank = tmp_path / "trang.docx"
    Document().save(str(blank))  # python-docx's own default: none of our styles
    with pytest.raises(TemplateError, match=r"thiếu kiểu .*VB Noi dung"):
        style_ids(Document(str(blank)), source=blank.name)
    with pytest.raises(TemplateError, match=r"trang\.docx thiếu kiểu"):
        render(_ke_hoach(noi_dung="a"), tmp_path / "kh.docx", template=blank)
    assert not (tmp_path / "kh.docx").exists()


def _group(code: str, items: int, text: str = "mục") -> list[tuple[Cell | None, ...]]:
    """An indicator's rows as the scored table has them: its code and points merged over
    its items."""
    rows: list[tuple[Cell | None, ...]] = [
        (cell(code, rowspan=items + 1), cell(f"**Tiêu chí {code}**"), cell("10", rowspan=items + 1))
    ]
    rows += [(None, cell(f"- {text} {k}"), None) for k in range(items)]
    return rows


def test_rows_kept_together_are_one_row_holding_them(tmp_path: Path) -> None:
    """LibreOffice keeps a row whole, not rows together: an indicator's rows are one row of
    the table, a nested table in its one cell, which a reader (``table_rows``) reads back as
    the rows they are."""
    header = (cell("STT"), cell("Tiêu chí"), cell("Điểm"))
    rows = (header, *_group("1.1", 2), (cell("1.2"), cell("một hàng"), cell("5")))
    t = _docx_table(tmp_path, Table(rows, header_rows=1, widths=(1.5, 10.0, 2.0)))
    assert len(t.rows) == 3  # the header, the group (one row), 1.2
    group = t.rows[1]._tr
    assert len(group.tc_lst) == 1 and group.tc_lst[0].grid_span == 3
    assert group.trPr is not None and group.trPr.find(f"{{{W_NS}}}cantSplit") is not None
    [nested] = t.rows[1].cells[0].tables
    assert [round(c.width.cm, 1) for c in nested.columns] == [1.5, 10.0, 2.0]
    assert [[readable(c.text) for c in r.cells] for r in table_rows(t)] == [
        ["STT", "Tiêu chí", "Điểm"],
        ["1.1", "Tiêu chí 1.1", "10"],
        ["1.1", "- mục 0", "10"],
        ["1.1", "- mục 1", "10"],
        ["1.2", "một hàng", "5"],
    ]


def test_a_group_taller_than_a_page_keeps_its_plain_rows(tmp_path: Path) -> None:
    """Rows kept together must fit on a page, or LibreOffice prints past its foot: a group
    too tall for one stays rows of the table, its cells merged over them (it splits)."""
    long = "một nội dung rất dài của tiêu chí " * 12
    header = (cell("STT"), cell("Tiêu chí"), cell("Điểm"))
    rows = (header, *_group("2.3", 12, long))
    t = _docx_table(tmp_path, Table(rows, header_rows=1, widths=(1.5, 10.0, 2.0)))
    assert len(t.rows) == 14 and not t.rows[1].cells[0].tables
    assert t.cell(1, 0)._tc is t.cell(13, 0)._tc  # merged over its items
    assert len(table_rows(t)) == 14
