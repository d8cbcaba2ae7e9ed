"""The landscape table document written without python-docx (issue 12): what Word readers
and the real LibreOffice see in it."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from tests.helpers import EXAMPLES
from vnadmin_docs.app.loading import load_dossier
from vnadmin_docs.compose.tables import scored_table
from vnadmin_docs.pdf.libreoffice import LibreOfficeConverter
from vnadmin_docs.word.table_document import render_table_document

TITLE = ["BẢNG TỰ ĐÁNH GIÁ", "MỨC ĐỘ CHUYỂN ĐỔI SỐ", 'Trường "A & B" <số 1> {{ x }}']


def test_title_table_and_properties_as_typed(
    tmp_path: Path, converter: LibreOfficeConverter
) -> None:
    scorecard = load_dossier(EXAMPLES / "quyet-tien-2023-2024" / "ho-so.yaml").scorecard
    out = render_table_document(TITLE, [scored_table(scorecard)], tmp_path / "bang.docx",
                                author="Trường THCS Quyết Tiến & <con>")  # fmt: skip
    doc = Document(str(out))
    assert [p.text for p in doc.paragraphs[:4]] == [*TITLE, ""]
    assert [r.bold for p in doc.paragraphs[:3] for r in p.runs] == [True, True, False]
    assert doc.paragraphs[2].runs[0].italic
    assert doc.sections[0]._sectPr.find(qn("w:pgSz")).get(qn("w:orient")) == "landscape"
    width, height = doc.sections[0].page_width, doc.sections[0].page_height
    assert width is not None and height is not None and width > height
    assert doc.core_properties.title == "BẢNG TỰ ĐÁNH GIÁ MỨC ĐỘ CHUYỂN ĐỔI SỐ"
    assert doc.core_properties.author == "Trường THCS Quyết Tiến & <con>"
    assert len(doc.tables) == 1
    (pdf,) = converter.convert([out], tmp_path / "pdf")
    reader = PdfReader(pdf)
    box = reader.pages[0].mediabox
    assert box.width > box.height  # landscape A4
    text = "".join(page.extract_text() for page in reader.pages)
    assert ('Trường "A & B" <số 1> {{ x }}' in text and "Tổng điểm" in text) or "1.1" in text
