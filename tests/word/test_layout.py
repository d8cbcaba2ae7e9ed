"""The layout that must hold on any content, read back from the XML: rows that cannot split,
header rows repeated, widths that follow content, the signature block kept together, the
header name's word groups, non-breaking joins, Roman appendix labels."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn

from tests.word.test_rendering import _ke_hoach
from vnadmin_docs.model import CoQuan
from vnadmin_docs.vn.layout import NBSP, WORD_JOINER, column_widths, khong_ngat, readable
from vnadmin_docs.vn.markup import parse
from vnadmin_docs.word.render import render
from vnadmin_docs.word.wordml import blocks_xml, fragment_root

IDS = {
    "VB Noi dung": "N",
    "VB Muc 1": "M1",
    "VB Muc 2": "M2",
    "VB Muc 3": "M3",
    "VB Muc 4": "M4",
    "VB Bang": "B",
    "Table Grid": "G",
}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _xml(markup: str, **kw: int) -> str:
    return blocks_xml(parse(markup), IDS, text_width=9355, **kw)


def _tree(xml: str):  # type: ignore[no-untyped-def]
    from lxml import etree

    return etree.fromstring(fragment_root(xml))


SCORES = (
    "| Mã | Tiêu chí | Điểm tối đa | Mức độ |\n|---|---|---|---|\n"
    "| 1.1 | Có ban hành kế hoạch tổ chức dạy học trực tuyến (kết hợp với dạy học trực tiếp; "
    "ban hành riêng hoặc lồng ghép trong kế hoạch tổ chức dạy học hằng năm) | 10 | 2 |\n"
    "| 1.2 | Có ban hành quy chế tổ chức dạy học trực tuyến | 10 | 3 |"
)


def test_every_row_of_a_typed_table_cannot_split_and_its_header_repeats() -> None:
    rows = _tree(_xml(SCORES)).findall(f".//{W}tr")
    assert len(rows) == 3
    assert all(r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows)
    assert [r.find(f"{W}trPr/{W}tblHeader") is not None for r in rows] == [True, False, False]
    # the header row keeps with the first body row: never alone at a page foot
    assert rows[0].findall(f".//{W}keepNext")


def test_columns_of_a_typed_table_follow_their_content() -> None:
    grid = [int(g.get(f"{W}w")) for g in _tree(_xml(SCORES)).iter(f"{W}gridCol")]
    assert sum(grid) == 9355  # the text width
    code, text, most, level = grid
    assert text > 3 * max(code, most, level)  # Tiêu chí wide, the rest narrow
    assert code < 1000 and level < 1500  # twips: under 1.8 cm and 2.7 cm


def test_column_widths_never_break_a_word_and_fill_the_width() -> None:
    w = column_widths([["STT", "1"], ["Minh chứng " * 30], ["Chưa đạt"]], 16.5)
    assert round(sum(w), 6) == 16.5
    assert w[0] >= 3 * 0.27 and w[2] >= 8 * 0.21  # "STT" and "Chưa đạt" whole
    many = column_widths([["x" * 40]] * 6, 16.5)  # more than fits: scaled, still summing
    assert round(sum(many), 6) == 16.5


def test_urls_in_cells_may_break_after_slashes_and_dots() -> None:
    xml = _xml("| Minh chứng |\n|---|\n| https://truong.haiphong.edu.vn/tin-tuc |")
    assert "https://\u200btruong.\u200bhaiphong.\u200bedu.\u200bvn/\u200btin-tuc" in xml


def test_the_last_body_lines_keep_with_the_signature() -> None:
    tree = _tree(_xml("Một.\n\nHai.\n\nBa./.", keep_last=2))
    kept = [p.find(f"{W}pPr/{W}keepNext") is not None for p in tree.findall(f"{W}p")]
    assert kept == [False, True, True]


def test_year_ranges_and_numbered_labels_do_not_break() -> None:
    text = khong_ngat("năm học 2024-2025 đạt Mức độ 2 theo Điều 1. và Phụ lục II")
    assert "2024-" + WORD_JOINER + "2025" in text
    assert "Mức" + NBSP + "độ" + NBSP + "2" in text and "Điều" + NBSP + "1." in text
    assert "Phụ" + NBSP + "lục" + NBSP + "II" in text  # inside the label too ("Mức / độ 1")
    assert readable(text) == "năm học 2024-2025 đạt Mức độ 2 theo Điều 1. và Phụ lục II"
    assert "Mức\u00a0độ\u00a02" in _xml("Đạt Mức độ 2.")


def _rendered(tmp_path: Path, co_quan: CoQuan) -> DocumentObject:
    doc = dataclasses.replace(_ke_hoach(), co_quan=co_quan)
    return Document(str(render(doc, tmp_path / "kh.docx")))


def test_header_name_lines_follow_typed_breaks_and_word_groups(tmp_path: Path) -> None:
    co_quan = CoQuan(
        ten="Sở Giáo dục và Đào tạo\nthành phố Hải Phòng",
        viet_tat="SGDĐT",
        dia_danh="Hải Phòng",
        chu_quan="UBND thành phố Hải Phòng",
    )
    d = _rendered(tmp_path, co_quan)
    left = d.tables[0].rows[0].cells[0]
    lines = [p.text for p in left.paragraphs if p.text.strip()][:3]
    assert lines == [
        "UBND THÀNH\u00a0PHỐ\u00a0HẢI\u00a0PHÒNG",
        "SỞ GIÁO\u00a0DỤC\u00a0VÀ\u00a0ĐÀO\u00a0TẠO",
        "THÀNH\u00a0PHỐ\u00a0HẢI\u00a0PHÒNG",
    ]
    # elsewhere the name reads on one line
    assert co_quan.ten_goi == "Sở Giáo dục và Đào tạo thành phố Hải Phòng"


def test_signature_rows_cannot_split_and_keep_together(tmp_path: Path) -> None:
    d = Document(str(render(_ke_hoach(), tmp_path / "kh.docx")))
    signature = d.tables[-1]
    tr = signature.rows[0]._tr
    assert tr.trPr is not None and tr.trPr.find(qn("w:cantSplit")) is not None
    for cell in signature.rows[0].cells:
        texts = [p for p in cell.paragraphs if p.text.strip() or p is not cell.paragraphs[-1]]
        assert all(p.paragraph_format.keep_with_next for p in texts[:-1] or texts)
    # the spacer before the table and the body's last paragraph keep with it
    body = signature._tbl.getprevious()
    assert body.find(qn("w:pPr")).find(qn("w:keepNext")) is not None
    assert body.getprevious().find(qn("w:pPr")).find(qn("w:keepNext")) is not None


def test_a_line_break_typed_in_the_name_stays_in_the_header(tmp_path: Path) -> None:
    import sys

    from tests.helpers import EXAMPLES
    from vnadmin_docs.app.loading import load_dossier
    from vnadmin_docs.vn.markup import plain

    sys.path.insert(0, str(EXAMPLES))
    import generate_schools

    source = generate_schools.generate(7, tmp_path, vary=True)[6]  # names with line breaks
    dossier = load_dossier(source)
    assert "\n" in dossier.ho_so.co_quan.ten
    for part in dossier.parts:
        for block in getattr(part.doc, "body", lambda: [])():
            spans = getattr(block, "spans", ())
            assert "Phổ thông\nDân tộc" not in plain(spans), part.key
        context: dict[str, Any] = getattr(part.doc, "context", dict)()
        if context:
            assert [line for line, _ in context["co_quan_dong"]] == [
                "TRƯỜNG PHỔ\u00a0THÔNG",
                "DÂN\u00a0TỘC\u00a0NỘI\u00a0TRÚ TIÊN\u00a0LÃNG",
            ]
