"""The checker passes what we render and catches each kind of violation, one mutation at a time."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from vnadmin_docs import check
from vnadmin_docs.cli import main as cli
from vnadmin_docs.vn.layout import readable


def _all_paragraphs(doc: DocumentObject) -> list[Paragraph]:
    out = list(doc.paragraphs)
    for table in doc.tables:
        for cell in table.rows[0].cells:
            out += cell.paragraphs
    return out


def find(doc: DocumentObject, start: str) -> Paragraph:
    return next(p for p in _all_paragraphs(doc) if readable(p.text).strip().startswith(start))


def exact(doc: DocumentObject, text: str) -> Paragraph:
    return next(p for p in _all_paragraphs(doc) if readable(p.text).strip() == text)


def set_text(p: Paragraph, text: str) -> None:
    p.runs[0].text = text
    for run in p.runs[1:]:
        run.text = ""


def _body(doc: DocumentObject) -> Paragraph:
    return next(p for p in doc.paragraphs if style_name(p) == "VB Noi dung" and len(p.text) > 40)


def style_name(p: Paragraph) -> str:
    return p.style.name if p.style is not None else ""


def _landscape(section: Any) -> None:
    section.page_width, section.page_height = Mm(297), Mm(210)


MUTATIONS: dict[str, tuple[Callable[[DocumentObject], object], str]] = {
    "narrow left margin": (lambda d: setattr(d.sections[0], "left_margin", Mm(20)), "le"),
    "letter paper": (lambda d: setattr(d.sections[0], "page_height", Mm(279)), "kho-giay"),
    "landscape first page": (lambda d: _landscape(d.sections[0]), "kho-giay"),
    "Arial body": (lambda d: setattr(_body(d).runs[0].font, "name", "Arial"), "phong-chu"),
    "12 pt body": (lambda d: setattr(_body(d).runs[0].font, "size", Pt(12)), "co-chu"),
    "month padded": (
        lambda d: set_text(find(d, "Quyết Tiến, ngày"), "Quyết Tiến, ngày 05 tháng 03 năm 2024"),
        "ngay-thang",
    ),
    "day unpadded": (
        lambda d: set_text(find(d, "Quyết Tiến, ngày"), "Quyết Tiến, ngày 5 tháng 3 năm 2024"),
        "ngay-thang",
    ),
    "January unpadded": (
        lambda d: set_text(find(d, "Quyết Tiến, ngày"), "Quyết Tiến, ngày 15 tháng 1 năm 2024"),
        "ngay-thang",
    ),
    "date line not italic": (
        lambda d: setattr(find(d, "Quyết Tiến, ngày").runs[0], "italic", False),
        "nghieng",
    ),
    "number without zero": (lambda d: set_text(find(d, "Số:"), "Số: 2/QĐ-THCSQT"), "so-ky-hieu"),
    "ký hiệu with dot": (lambda d: set_text(find(d, "Số:"), "Số: 02/QĐ.THCSQT"), "so-ky-hieu"),
    "quốc hiệu not bold": (lambda d: setattr(find(d, "CỘNG HÒA").runs[0], "bold", False), "dam"),
    "quốc hiệu lower case": (
        lambda d: set_text(find(d, "CỘNG HÒA"), "Cộng hòa xã hội chủ nghĩa Việt Nam"),
        "quoc-hieu",
    ),
    "tiêu ngữ missing": (
        lambda d: set_text(find(d, "Độc lập"), "Độc lập, Tự do, Hạnh phúc"),
        "tieu-ngu",
    ),
    "org name not bold": (lambda d: setattr(find(d, "TRƯỜNG THCS").runs[0], "bold", False), "dam"),
    "title not centred": (
        lambda d: setattr(find(d, "QUYẾT ĐỊNH"), "alignment", WD_ALIGN_PARAGRAPH.LEFT),
        "ten-loai",
    ),
    "no end mark": (lambda d: set_text(find(d, "Điều 3."), "Điều 3. Thi hành."), "noi-dung"),
    "no Lưu line": (lambda d: set_text(find(d, "- Lưu"), "- Hồ sơ."), "noi-nhan"),
    "Nơi nhận not italic": (
        lambda d: setattr(find(d, "Nơi nhận").runs[0], "italic", False),
        "nghieng",
    ),
    "item without semicolon": (
        lambda d: set_text(find(d, "- Như Điều 3"), "- Như Điều 3"),
        "noi-nhan",
    ),
    "academic title": (
        lambda d: set_text(find(d, "Lương Anh Khương"), "TS. Lương Anh Khương"),
        "chu-ky",
    ),
    "lower-case title": (lambda d: set_text(exact(d, "HIỆU TRƯỞNG"), "Hiệu trưởng"), "chu-ky"),
    "no page numbers": (
        lambda d: [
            f.getparent().remove(f) for f in d.sections[0].header._element.xpath(".//w:fldSimple")
        ],
        "so-trang",
    ),
    "number on page 1": (
        lambda d: d.sections[0]._sectPr.remove(d.sections[0]._sectPr.find(qn("w:titlePg"))),
        "so-trang",
    ),
}


@pytest.fixture
def clean_qd(rendered_examples: dict[str, Path]) -> Path:
    path = rendered_examples["quyet-dinh-thcs-quyet-tien-2024"]
    assert check(path) == []
    return path


@pytest.mark.parametrize("name", list(MUTATIONS))
def test_each_violation_is_caught(name: str, clean_qd: Path, tmp_path: Path) -> None:
    mutate, rule = MUTATIONS[name]
    doc = Document(str(clean_qd))
    mutate(doc)
    broken = tmp_path / "broken.docx"
    doc.save(str(broken))
    findings = check(broken)
    assert rule in {f.rule for f in findings}, findings
    assert all(f.message and f.where for f in findings)


def test_a_plain_word_file_fails_with_many_findings(tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("Báo cáo kết quả năm học")
    doc.save(str(tmp_path / "plain.docx"))
    rules = {f.rule for f in check(tmp_path / "plain.docx")}
    assert {"kho-giay", "le", "dau-van-ban", "so-trang", "phong-chu", "chu-ky"} <= rules


def test_cli_exit_codes(clean_qd: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["check", str(clean_qd)]) == 0
    assert "đúng thể thức" in capsys.readouterr().out
    doc = Document(str(clean_qd))
    set_text(find(doc, "Số:"), "Số: 2/QĐ-THCSQT")
    doc.save(str(tmp_path / "x.docx"))
    assert cli(["check", str(tmp_path / "x.docx")]) == 1
    out = capsys.readouterr().out
    assert "[so-ky-hieu] phần đầu, cột trái: số nhỏ hơn 10 phải ghi thêm số 0" in out
