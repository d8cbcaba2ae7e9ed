"""End to end with the real LibreOffice: every example converts to PDF with its Vietnamese intact."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers import pdf_fonts
from vnadmin_docs.errors import ConversionError
from vnadmin_docs.pdf.libreoffice import LibreOfficeConverter

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def pdfs(
    rendered_examples: dict[str, Path],
    converter: LibreOfficeConverter,
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, Path]:
    sources = list(rendered_examples.values())
    out = converter.convert(sources, tmp_path_factory.mktemp("pdf"))
    return {p.stem: p for p in out}


def test_one_pdf_per_document(pdfs: dict[str, Path], rendered_examples: dict[str, Path]) -> None:
    assert set(pdfs) == set(rendered_examples)


@pytest.mark.parametrize(
    ("stem", "phrases", "min_pages"),
    [
        (
            "ke-hoach-pgddt-ba-dinh-2025",
            [
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "KẾ HOẠCH",
                "Lê Đức Thuận",
                "PHỤ LỤC",
                "Trước 31/3/2025",
            ],
            3,
        ),
        (
            "bao-cao-thcs-quyet-tien-2024",
            [
                "BÁO CÁO",
                "Trường THCS Quyết Tiến",
                "mức độ 2",
                "Hiệu trưởng phê duyệt kết quả tự đánh giá",
            ],
            2,
        ),
        (
            "cong-van-sgddt-hai-phong-2023",
            ["KT. GIÁM ĐỐC", "Phạm Quốc Hiệu", "Kính gửi:", "Chuyển đổi số trong quản trị CSGD"],
            3,
        ),
        ("quyet-dinh-thcs-quyet-tien-2024", ["QUYẾT ĐỊNH:", "Điều 1.", "59/100"], 1),
        (
            "bien-ban-thcs-quyet-tien-2024",
            ["BIÊN BẢN", "THƯ KÝ", "CHỦ TỌA", "chín mươi tư điểm"],
            1,
        ),
    ],
)
def test_vietnamese_text_survives(
    pdfs: dict[str, Path], stem: str, phrases: list[str], min_pages: int
) -> None:
    reader = PdfReader(pdfs[stem])
    assert len(reader.pages) >= min_pages
    text = unicodedata.normalize("NFC", "\n".join(p.extract_text() for p in reader.pages))
    flat = " ".join(text.split())
    for phrase in phrases:
        assert phrase in flat, phrase


def test_page_one_has_no_number_and_page_two_has_one(pdfs: dict[str, Path]) -> None:
    reader = PdfReader(pdfs["ke-hoach-pgddt-ba-dinh-2025"])
    first_lines = [p.extract_text().strip().splitlines()[0].strip() for p in reader.pages]
    assert first_lines[0] != "1"
    assert first_lines[1] == "2"


def test_fonts_are_times_compatible_and_embedded(pdfs: dict[str, Path]) -> None:
    for stem, path in pdfs.items():
        fonts = pdf_fonts(PdfReader(path))
        assert fonts, stem
        assert all(fonts.values()), (stem, fonts)
        assert all("Times" in name or "LiberationSerif" in name for name in fonts), (stem, fonts)


def test_missing_libreoffice_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConversionError, match="apt-get install"):
        LibreOfficeConverter("/nonexistent/soffice").convert([tmp_path / "a.docx"], tmp_path)


def test_a_hanging_libreoffice_is_stopped(tmp_path: Path) -> None:
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\necho starting\nsleep 30\n")
    fake.chmod(0o755)
    (tmp_path / "a.docx").write_bytes(b"")  # LibreOffice is given a private copy of it
    with pytest.raises(ConversionError, match="không phản hồi") as info:
        LibreOfficeConverter(str(fake), timeout=1).convert([tmp_path / "a.docx"], tmp_path / "out")
    assert "starting" in info.value.output
    assert not list((tmp_path).glob("out/*.pdf"))


def test_a_crashing_libreoffice_carries_its_output(tmp_path: Path) -> None:
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 81\n")
    fake.chmod(0o755)
    (tmp_path / "a.docx").write_bytes(b"")
    with pytest.raises(ConversionError, match="mã lỗi 81") as info:
        LibreOfficeConverter(str(fake)).convert([tmp_path / "a.docx"], tmp_path / "out")
    assert "could not be loaded" in info.value.output
