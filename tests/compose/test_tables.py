"""The scored table and the assignment table, rendered into documents and read back."""

from __future__ import annotations

import dataclasses
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from tests.helpers import EXAMPLES
from vnadmin_docs import check
from vnadmin_docs.app.loading import load_assessment, load_assignment
from vnadmin_docs.cli import main as cli
from vnadmin_docs.compose.tables import assignment_table, scored_table
from vnadmin_docs.pdf.libreoffice import LibreOfficeConverter
from vnadmin_docs.vn.layout import readable
from vnadmin_docs.vn.markup import Table
from vnadmin_docs.word.ooxml import table_rows

THANH_TRI = EXAMPLES / "thanh-tri-2024-2025"


def _grid(path: Path, index: int) -> list[list[str]]:
    table = Document(str(path)).tables[index]
    return [[readable(cell.text) for cell in row.cells] for row in table_rows(table)]


def test_scored_table_blocks_follow_the_scorecard() -> None:
    _, _, sc = load_assessment(THANH_TRI / "tu-danh-gia.yaml")
    table = scored_table(sc)
    assert isinstance(table, Table) and table.header_rows == 1
    assert len(table.widths) == 7 and abs(sum(table.widths) - 25.2) < 0.01
    first = [c for c in table.rows[0] if c]
    assert [c.spans[0].text for c in first][:3] == ["STT", "Tiêu chí", "Điểm tối đa"]
    spans = {
        (c.spans[0].text if c.spans else ""): c.rowspan for row in table.rows for c in row if c
    }
    assert spans["1.3."] == 3 and spans["2.3."] == 10 and spans["1.4."] == 1


def test_report_with_its_scored_table(rendered_examples: dict[str, Path]) -> None:
    path = rendered_examples["bao-cao-thanh-tri-2024-2025-kem-bang-diem"]
    assert check(path) == []
    doc = Document(str(path))
    last = doc.sections[-1]
    assert last.page_width is not None and last.page_height is not None
    assert last.page_width > last.page_height
    texts = [readable(p.text) for p in doc.paragraphs]
    assert (
        "(Đính kèm Báo cáo số 89/BC-GDNN-GDTXTT ngày 06/3/2025 của Trung tâm GDNN-GDTX huyện Thanh Trì)"
        in texts
    )
    assert (
        "BẢNG TỰ ĐÁNH GIÁ MỨC ĐỘ CHUYỂN ĐỔI SỐ\nTRUNG TÂM GDNN-GDTX HUYỆN THANH TRÌ NĂM HỌC 2024-2025"
        in texts
    )
    grid = _grid(path, len(doc.tables) - 1)
    assert grid[0] == [
        "STT",
        "Tiêu chí",
        "Điểm tối đa",
        "Điểm thành phần",
        "Điểm tự đánh giá (theo mức độ)",
        "Điểm nhà trường tự đánh giá",
        "Ghi chú minh chứng",
    ]
    _, _, sc = load_assessment(THANH_TRI / "tu-danh-gia.yaml")
    by_code = {row[0]: row for row in grid}
    for _g, c in sc.criteria():
        row = by_code[f"{c.code}."]
        if c.mandatory:
            assert row[3] == "Điều kiện bắt buộc" and row[5] == "Đạt"
        else:
            assert row[2] == str(c.max) and row[5].split("\n")[0] == str(c.points)
            assert row[5].endswith(f"Mức độ {c.level}")
    assert by_code["1"][5] == "84\nMức độ 3" and by_code["2"][5] == "94\nMức độ 3"
    assert "Kế hoạch số 128/KH-GDNN-GDTXTT" in by_code["1.1."][6]
    # criterion cells are merged over their items (vMerge in the docx)
    table = doc.tables[-1]._tbl
    assert len(table.xpath(".//w:vMerge")) > 20
    rows_13 = [r for r in grid if r[0] == "1.3."]
    assert len(rows_13) == 3 and all(r[5].startswith("25") for r in rows_13)
    assert "Tự đánh giá: 19" in rows_13[2][3]


def test_scored_table_points_add_up(rendered_examples: dict[str, Path]) -> None:
    path = rendered_examples["bao-cao-thcs-quyet-tien-2024-kem-bang-diem"]
    grid = _grid(path, len(Document(str(path)).tables) - 1)
    seen: dict[str, Decimal] = {}
    for row in grid[1:]:
        code, points = row[0].rstrip("."), row[5].split("\n")[0]
        if code.count(".") == 1 and points not in ("Đạt", "Chưa đạt", "") and code not in seen:
            seen[code] = Decimal(points)
    assert sum(v for k, v in seen.items() if k.startswith("1.")) == 59
    assert sum(v for k, v in seen.items() if k.startswith("2.")) == 94


def test_standalone_scored_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "bang.docx"
    assert cli(["score", str(THANH_TRI / "tu-danh-gia.yaml"), "--docx", str(out)]) == 0
    doc = Document(str(out))
    assert doc.paragraphs[0].text == "BẢNG TỰ ĐÁNH GIÁ MỨC ĐỘ CHUYỂN ĐỔI SỐ"
    assert doc.sections[0]._sectPr.find(qn("w:pgSz")).get(qn("w:orient")) == "landscape"
    assert (
        len(doc.tables) == 1 and doc.core_properties.author == "Trung tâm GDNN-GDTX huyện Thanh Trì"
    )


def test_plan_with_its_assignment_table(rendered_examples: dict[str, Path]) -> None:
    path = rendered_examples["ke-hoach-gdtx-hai-phong-2023-kem-phan-cong"]
    assert check(path) == []
    grid = _grid(path, len(Document(str(path)).tables) - 1)
    assert grid[0] == [
        "STT",
        "Tiêu chí",
        "Điểm tối đa",
        "Hướng dẫn thực hiện",
        "Minh chứng",
        "Chủ trì",
        "Thực hiện",
    ]
    by_code = {row[0]: row for row in grid}
    assert by_code["1.1"][2] == "Điều kiện bắt buộc"
    assert by_code["2.4"][5:] == ["Đ/c Thiện - GĐ", "Đ/c Soi - TP TC-HC"]
    assert by_code["1.4"][4] == "Đường link và số lượng học liệu"


def test_assignment_with_unknown_code(tmp_path: Path) -> None:
    from vnadmin_docs.errors import InputError

    path = tmp_path / "pc.yaml"
    path.write_text("phan_cong:\n  1.9: {chu_tri: A}\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"phan_cong.1.9 \(dòng 2\): mã tiêu chí '1.9' không có"):
        load_assignment(path)
    bang, bo = load_assignment(EXAMPLES / "plans" / "phan-cong-gdtx-hai-phong-2023.yaml")
    assert len(assignment_table(bo, bang.phan_cong).rows) == 1 + 2 + 11


def test_bang_diem_only_for_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = cli(
        [
            "render",
            str(EXAMPLES / "documents" / "to-trinh-thcs-quyet-tien-2024.yaml"),
            "--bang-diem",
            str(THANH_TRI / "tu-danh-gia.yaml"),
            "-o",
            str(tmp_path / "x.docx"),
        ]
    )
    assert code == 2 and "chỉ đính kèm bảng tự đánh giá vào báo cáo" in capsys.readouterr().err
    assert not (tmp_path / "x.docx").exists()


@pytest.mark.e2e
def test_scored_table_pdf_reads_as_a_table(
    rendered_examples: dict[str, Path], converter: LibreOfficeConverter, tmp_path: Path
) -> None:
    (pdf,) = converter.convert(
        [rendered_examples["bao-cao-thanh-tri-2024-2025-kem-bang-diem"]], tmp_path
    )
    reader = PdfReader(pdf)
    text = unicodedata.normalize("NFC", "\n".join(p.extract_text() for p in reader.pages))
    flat = " ".join(text.split())
    for phrase in (
        "BẢNG TỰ ĐÁNH GIÁ MỨC ĐỘ CHUYỂN ĐỔI SỐ",
        "Điểm nhà trường tự đánh giá",
        "Chuyển đổi số trong dạy, học 100 84",
        "Chuyển đổi số trong quản trị cơ sở giáo dục 100 94",
        "Điều kiện bắt buộc",
        "Mức độ 3",
    ):
        assert phrase in flat, phrase
    landscape = [p for p in reader.pages if p.mediabox.width > p.mediabox.height]
    assert len(landscape) >= 2


def test_evidence_and_texts_print_as_typed_in_the_scored_table() -> None:
    """Evidence goes through the markup as literal text: ``3*4*5 phòng`` keeps its asterisks
    (it lost both before), and so do ``|`` and ``#``."""
    import dataclasses

    from vnadmin_docs.model import KetQua
    from vnadmin_docs.vn.markup import plain

    danh_gia, bo, _ = load_assessment(THANH_TRI / "tu-danh-gia.yaml")
    facts = dict(danh_gia.ket_qua)
    facts["1.7.a"] = dataclasses.replace(
        facts.get("1.7.a", KetQua()), minh_chung=("3*4*5 phòng | tầng #2", r"a\b")
    )
    from vnadmin_docs.assessment.scoring import score

    table = scored_table(score(bo, dataclasses.replace(danh_gia, ket_qua=facts)))
    texts = [plain(c.spans) for row in table.rows for c in row if c]
    assert any("3*4*5 phòng | tầng #2\na\\b" in t for t in texts)


def test_bang_diem_of_another_school_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli(
        [
            "render",
            str(THANH_TRI / "bao-cao.yaml"),
            "--bang-diem",
            str(EXAMPLES / "quyet-tien-2023-2024" / "tu-danh-gia.yaml"),
            "-o",
            str(tmp_path / "x.docx"),
        ]
    )
    err = capsys.readouterr().err
    assert code == 2 and not (tmp_path / "x.docx").exists()
    assert (
        "bang_diem.don_vi: bảng điểm của đơn vị “Trường THCS Quyết Tiến”, không phải của đơn vị "
        "ban hành báo cáo “Trung tâm GDNN-GDTX huyện Thanh Trì”; không đính kèm bảng điểm của "
        "đơn vị khác"
    ) in err
    assert (
        "bang_diem.nam_hoc: bảng điểm năm học 2023-2024, còn báo cáo nói về năm học 2024-2025; "
        "không đính kèm bảng điểm của năm học khác"
    ) in err


def test_bang_diem_unit_compared_without_case_spaces_or_normal_form() -> None:
    from vnadmin_docs.app.loading import load_assessment
    from vnadmin_docs.compose.tables import check_bang_diem, dinh_kem_bang_diem
    from vnadmin_docs.io.documents import load_document
    from vnadmin_docs.model import BaoCao

    doc = load_document(THANH_TRI / "bao-cao.yaml")
    assert isinstance(doc, BaoCao)
    _, _, sc = load_assessment(THANH_TRI / "tu-danh-gia.yaml")
    odd = unicodedata.normalize("NFD", "  trung TÂM gdnn-gdtx  huyện thanh trì")
    renamed = dataclasses.replace(doc, co_quan=dataclasses.replace(doc.co_quan, ten=odd))
    assert check_bang_diem(renamed, sc) == []
    assert len(dinh_kem_bang_diem(doc, sc).phu_luc) == len(doc.phu_luc) + 1
    other_year = dataclasses.replace(sc, year="2025-2026")
    assert [p.path for p in check_bang_diem(doc, other_year)] == ["bang_diem.nam_hoc"]
    silent = dataclasses.replace(doc, trich_yeu="Kết quả chuyển đổi số", noi_dung="Nội dung.")
    assert [str(p) for p in check_bang_diem(silent, sc)] == [
        "bang_diem.nam_hoc: báo cáo không ghi năm học (trích yếu hoặc nội dung), nên không đối "
        "chiếu được với bảng điểm năm học 2024-2025; ghi “năm học 2024-2025” trong trích yếu"
    ]
