"""Rendered documents read back with python-docx: texts and formats of NĐ30 (domain.md §1)."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from tests.helpers import DOCUMENTS, ROOT, docx_paragraphs
from vnadmin_docs import Ngay, check, render
from vnadmin_docs.cli import main as cli
from vnadmin_docs.errors import TemplateError
from vnadmin_docs.model import BaoCao, CoQuan, KeHoach, NguoiKy, PhuLuc
from vnadmin_docs.vn.layout import readable
from vnadmin_docs.vn.numbering import LoaiVanBan
from vnadmin_docs.word.render import template_path, template_variables


def mm(length: object) -> int:
    assert isinstance(length, int)
    return round(length / 36000)


def style_name(p: Any) -> str:
    return str(p.style.name) if p.style is not None else ""


def test_every_example_passes_the_checker(rendered_examples: dict[str, Path]) -> None:
    assert len(rendered_examples) == len(DOCUMENTS) + 4
    for path in rendered_examples.values():
        assert check(path) == [], path.name


def test_header_texts_and_formats(rendered_examples: dict[str, Path]) -> None:
    doc = Document(str(rendered_examples["ke-hoach-pgddt-ba-dinh-2025"]))
    section = doc.sections[0]
    assert (mm(section.page_width), mm(section.page_height)) == (210, 297)
    assert [
        mm(m)
        for m in (
            section.top_margin,
            section.bottom_margin,
            section.left_margin,
            section.right_margin,
        )
    ] == [20, 20, 30, 15]
    assert section.different_first_page_header_footer
    assert section.header._element.xpath(".//w:fldSimple[@w:instr='PAGE']")
    left, right = doc.tables[0].rows[0].cells
    lt = [p for p in left.paragraphs if p.text.strip()]
    # the name's word groups are joined by no-break spaces (it breaks only between them)
    assert lt[0].text == "UBND QUẬN\u00a0BA\u00a0ĐÌNH"
    assert [readable(p.text) for p in lt] == [
        "UBND QUẬN BA ĐÌNH",
        "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
        "Số:    /KH-PGDĐT",
    ]
    assert lt[1].runs[0].bold and not lt[0].runs[0].bold
    rt = [p for p in right.paragraphs if p.text.strip()]
    assert [p.text for p in rt] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Ba Đình, ngày    tháng 3 năm 2025",
    ]
    assert rt[0].runs[0].bold and rt[1].runs[0].bold and rt[2].runs[0].italic
    assert rt[0].runs[0].font.size.pt == 12 and rt[2].runs[0].font.size.pt == 14
    body = [p for p in doc.paragraphs if p.text.strip()]
    assert body[0].text == "KẾ HOẠCH" and body[0].runs[0].bold
    assert body[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert body[1].text.startswith("Triển khai đánh giá mức độ chuyển đổi số")
    assert body[2].text.startswith("Căn cứ Quyết định số 4725/QĐ-BGDĐT") and body[2].text.endswith(
        ";"
    )
    assert style_name(body[2]) == "VB Can cu" and body[2].style is not None
    assert body[2].style.font.italic
    assert body[4].text.endswith(".")
    headings = [p.text for p in doc.paragraphs if style_name(p) == "VB Muc 1"]
    assert headings[:3] == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. NHIỆM VỤ TRIỂN KHAI",
        "III. TỔ CHỨC THỰC HIỆN",
    ]
    assert any(p.text.endswith("để phối hợp giải quyết./.") for p in doc.paragraphs)
    noi_nhan, ky = (
        doc.tables[-2].rows[0].cells if len(doc.tables) > 2 else doc.tables[1].rows[0].cells
    )
    assert [p.text for p in noi_nhan.paragraphs if p.text] == [
        "Nơi nhận:",
        "- Văn phòng Sở GDĐT Hà Nội;",
        "- Đ/c Phạm Thị Diễm - PCT UBND quận;",
        "- Các CSGD trên địa bàn quận;",
        "- Lưu: VT.",
    ]
    assert [p.text for p in ky.paragraphs if p.text] == ["TRƯỞNG PHÒNG", "Lê Đức Thuận"]
    props = doc.core_properties
    assert props.author == "Phòng Giáo dục và Đào tạo" and props.title.startswith("Triển khai")
    assert props.language == "vi-VN"


def test_appendix_is_its_own_section(rendered_examples: dict[str, Path]) -> None:
    doc = Document(str(rendered_examples["ke-hoach-pgddt-ba-dinh-2025"]))
    assert len(doc.sections) == 2
    start = doc.sections[1]._sectPr.xpath("./w:pgNumType/@w:start")
    assert start == ["1"]
    all_text = docx_paragraphs(rendered_examples["ke-hoach-pgddt-ba-dinh-2025"])
    assert "PHỤ LỤC" in all_text
    assert "(Kèm theo Kế hoạch số /KH-PGDĐT ngày   /3/2025 của Phòng GDĐT)" in all_text
    assert "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO" in all_text and "Trước 31/3/2025" in all_text
    cv = Document(str(rendered_examples["cong-van-sgddt-hai-phong-2023"]))
    assert len(cv.sections) == 3
    assert mm(cv.sections[2].page_width) == 297  # Phụ lục 2 is landscape
    assert mm(cv.sections[1].page_width) == 210


def test_signers_and_special_forms(rendered_examples: dict[str, Path]) -> None:
    cv = docx_paragraphs(rendered_examples["cong-van-sgddt-hai-phong-2023"])
    assert "KT. GIÁM ĐỐC" in cv and "PHÓ GIÁM ĐỐC" in cv and "Phạm Quốc Hiệu" in cv
    assert "- Lưu: VT, VP." in cv and "- Như trên;" in cv
    assert any(t.startswith("V/v tổng kết, báo cáo") for t in cv)
    assert "- Trung tâm Giáo dục thường xuyên Hải Phòng." in cv
    qd = docx_paragraphs(rendered_examples["quyet-dinh-thcs-quyet-tien-2024"])
    assert "HIỆU TRƯỞNG TRƯỜNG THCS QUYẾT TIẾN" in qd and "QUYẾT ĐỊNH:" in qd
    assert "Theo đề nghị của Chủ tịch Hội đồng tự đánh giá mức độ chuyển đổi số." in qd
    assert any(t.startswith("Điều 3. Hội đồng tự đánh giá") and t.endswith("./.") for t in qd)
    assert "- Như Điều 3;" in qd
    bb = docx_paragraphs(rendered_examples["bien-ban-thcs-quyet-tien-2024"])
    assert "Thời gian bắt đầu: 08 giờ 00 phút, ngày 05 tháng 02 năm 2024" in bb
    assert "Cuộc họp kết thúc vào 10 giờ 30 phút, ngày 05 tháng 02 năm 2024./." in bb
    assert "THƯ KÝ" in bb and "CHỦ TỌA" in bb and "Nguyễn Thị Hoa" in bb
    assert not any(", ngày" in t and "Quyết Tiến" in t for t in bb)  # no place-and-date line
    tt = docx_paragraphs(rendered_examples["to-trinh-thcs-quyet-tien-2024"])
    assert "Kính gửi: Phòng Giáo dục và Đào tạo huyện Tiên Lãng" in tt and "TỜ TRÌNH" in tt


TRICKY = "Sở GD&ĐT <b>in đậm?</b> \"trích dẫn\" 'đơn' {{ x }} {% if %} {_{ y }_} {_% z %_} & a<b"


def _tricky_doc() -> BaoCao:
    nfd = unicodedata.normalize("NFD", "Trường Tiểu học Việt Hưng")
    return BaoCao(
        co_quan=CoQuan(ten=nfd, viet_tat="THVH", dia_danh="Long Biên", chu_quan="UBND & <x>"),
        so=7,
        ngay=Ngay(2025, 1, 5),
        trich_yeu=TRICKY + "\ndòng hai",
        nguoi_ky=NguoiKy(
            chuc_vu="Hiệu trưởng", ho_ten=unicodedata.normalize("NFD", "Nguyễn Thị Ánh")
        ),
        kinh_gui=["Phòng GD&ĐT <quận>"],
        noi_dung=f"{TRICKY}\ndòng {{{{ hai }}}}\n\n- {TRICKY}",
        noi_nhan=[TRICKY],
        phu_luc=[PhuLuc(tieu_de="Bảng", noi_dung=f"| {TRICKY.replace('|', '')} |")],
    )


def test_user_text_comes_out_exactly_as_typed(tmp_path: Path) -> None:
    out = render(_tricky_doc(), tmp_path / "bc.docx")
    all_text = docx_paragraphs(out)
    joined = "\n".join(all_text)
    assert unicodedata.is_normalized("NFC", joined)
    assert "TRƯỜNG TIỂU HỌC VIỆT HƯNG" in all_text and "Nguyễn Thị Ánh" in all_text
    assert TRICKY + "\ndòng hai" in all_text
    assert f"{TRICKY}\ndòng {{{{ hai }}}}" in all_text
    assert f"- {TRICKY}./." in all_text
    assert f"- {TRICKY};" in all_text and "Kính gửi: Phòng GD&ĐT <quận>" in all_text
    assert "UBND & <X>" in all_text and "Số: 07/BC-THVH" in all_text
    assert "Long Biên, ngày 05 tháng 01 năm 2025" in all_text
    assert check(out) == []


def _ke_hoach(**fields: object) -> KeHoach:
    """A small valid Kế hoạch, with ``fields`` overriding its defaults."""
    values: dict[str, object] = {
        "co_quan": CoQuan(ten="Trường A", viet_tat="TA", dia_danh="X"),
        "ngay": Ngay(2025, 3, 6),
        "trich_yeu": "t",
        "nguoi_ky": NguoiKy(chuc_vu="Hiệu trưởng", ho_ten="B"),
    }
    return KeHoach(**{**values, **fields})  # type: ignore[arg-type]


def test_export_edit_and_reuse_a_template(tmp_path: Path) -> None:
    exported = tmp_path / "mau.docx"
    assert cli(["template", "ke_hoach", "-o", str(exported)]) == 0
    edited = Document(str(exported))
    edited.styles["VB Noi dung"].font.size = Pt(13)
    edited.add_paragraph("Người soạn: {{ ho_ten }} & {{ co_quan }}")
    edited.save(str(tmp_path / "sua.docx"))
    doc = _ke_hoach(trich_yeu="Kế hoạch thử", noi_dung="Nội dung.")
    out = render(doc, tmp_path / "kh.docx", template=tmp_path / "sua.docx")
    result = Document(str(out))
    assert "Người soạn: B & TRƯỜNG A" in [p.text for p in result.paragraphs]
    assert result.styles["VB Noi dung"].font.size.pt == 13


def test_template_with_unknown_variable_is_rejected(tmp_path: Path) -> None:
    with template_path(LoaiVanBan.KE_HOACH) as path:
        edited = Document(str(path))
    edited.add_paragraph("{{ hieu_truong }} và {{ nam_hoc }}")
    edited.save(str(tmp_path / "sai.docx"))
    doc = _ke_hoach()
    with pytest.raises(TemplateError) as info:
        render(doc, tmp_path / "out.docx", template=tmp_path / "sai.docx")
    assert info.value.unknown == ("hieu_truong", "nam_hoc")
    assert "hieu_truong" in str(info.value) and "co_quan" in str(info.value)
    assert not (tmp_path / "out.docx").exists()


@pytest.mark.parametrize(
    "expression",
    [
        "{{ co_quan.__class__.__mro__ }}",
        "{{ noi_nhan.__class__.__base__.__subclasses__() }}",
        "{{ cycler.__init__.__globals__ }}",
    ],
)
def test_user_templates_render_in_a_sandbox(tmp_path: Path, expression: str) -> None:
    with template_path(LoaiVanBan.KE_HOACH) as path:
        edited = Document(str(path))
    edited.add_paragraph(expression)
    edited.save(str(tmp_path / "hostile.docx"))
    doc = _ke_hoach()
    with pytest.raises(TemplateError):
        render(doc, tmp_path / "out.docx", template=tmp_path / "hostile.docx")
    assert not (tmp_path / "out.docx").exists()


def test_every_type_has_a_template_and_back() -> None:
    shipped = {p.stem for p in (ROOT / "templates").glob("*.docx")}
    assert shipped == {m.key for m in LoaiVanBan}
    for loai in LoaiVanBan:
        with template_path(loai) as path:
            assert {"co_quan_dong", "so_ky_hieu", "noi_dung"} <= template_variables(path)
