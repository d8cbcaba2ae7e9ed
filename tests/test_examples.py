"""The examples reproduce the seed documents (../shared/seeds); these tests run them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.helpers import EXAMPLES, docx_text

SEED_PHRASES = {
    # seed 004
    "ke-hoach-pgddt-ba-dinh-2025": [
        "Số:    /KH-PGDĐT",
        "Ba Đình, ngày    tháng 3 năm 2025",
        "TRƯỞNG PHÒNG",
        "Lê Đức Thuận",
        "Phòng GDĐT ban hành Kế hoạch triển khai đánh giá mức độ chuyển đổi số các cơ sở giáo dục",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "III. TỔ CHỨC THỰC HIỆN",
        "trước ngày 31/3/2025",
        "Xây dựng và ban hành kế hoạch đánh giá mức độ chuyển đổi số.",
        "CÁC CƠ SỞ GIÁO DỤC TRÊN ĐỊA BÀN QUẬN",
    ],
    # seed 001
    "ke-hoach-gdtx-hai-phong-2023": [
        "Số: 61/KH-GDTXHP",
        "Hải Phòng, ngày 06 tháng 11 năm 2023",
        "Nguyễn Văn Thiện",
        "Triển khai đánh giá mức độ chuyển đổi số trung tâm\nNăm học 2022 - 2023",
        "+ Tờ trình (mẫu M2);",
        "Mức đáp ứng tốt (Mức độ 3)",
        "- Sở GD&ĐT (báo cáo);",
    ],
    # seed 002
    "bao-cao-thcs-quyet-tien-2024": [
        "Số:    /BC-THCSQT",
        "Quyết Tiến, ngày    tháng    năm 2024",
        "BÁO CÁO",
        "Tự đánh giá mức độ chuyển đổi số trong nhà trường năm học 2023 – 2024",
        "đạt 59/100 điểm; đáp ứng mức độ 2",
        "đạt 94/100 điểm; đáp ứng mức độ 3",
        "IV. KIẾN NGHỊ, ĐỀ XUẤT",
        "Lương Anh Khương",
        "- Lưu: VT.",
    ],
    # seed 003
    "cong-van-sgddt-hai-phong-2023": [
        "Số:    /SGDĐT-VP",
        "V/v tổng kết, báo cáo triển khai nhiệm vụ",
        "Kính gửi:",
        "- Phòng GDĐT quận/huyện;",
        "trước ngày 16/6/2023",
        "theo Đề cương tại Phụ lục I kèm theo",
        "Phụ lục I",
        "Phụ lục II",
        "Chuyển đổi số trong quản trị CSGD",
        "Mức độ 3: Tỷ lệ %",
    ],
    "quyet-dinh-thcs-quyet-tien-2024": ["Số: 02/QĐ-THCSQT", "QUYẾT ĐỊNH:", "Điều 1. Phê duyệt"],
    "bien-ban-thcs-quyet-tien-2024": [
        "Số: 01/BB-THCSQT",
        "BIÊN BẢN",
        "Chủ trì (chủ tọa): Lương Anh Khương",
    ],
    "to-trinh-thcs-quyet-tien-2024": ["Số: 01/TTr-THCSQT", "TỜ TRÌNH", "kính trình Phòng Giáo dục"],
    "quyet-dinh-thanh-lap-hoi-dong-thcs-quyet-tien-2024": [
        "Số: 01/QĐ-THCSQT",
        "Về việc thành lập Hội đồng tự đánh giá mức độ chuyển đổi số",
        "- Bà Nguyễn Thị Hoa - Giáo viên - Thư ký Hội đồng;",
    ],
}


@pytest.mark.parametrize("stem", list(SEED_PHRASES))
def test_example_reproduces_its_seed(stem: str, rendered_examples: dict[str, Path]) -> None:
    text = docx_text(rendered_examples[stem])
    for phrase in SEED_PHRASES[stem]:
        assert phrase in text, phrase


def test_demo_script_builds_and_checks_everything(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sys.path.insert(0, str(EXAMPLES))
    import build_examples

    assert build_examples.main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.count("đúng thể thức") >= 8 and "lỗi thể thức" not in out
