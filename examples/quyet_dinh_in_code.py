"""Build a Quyết định in Python, for applications that import the library.

Run: ``python examples/quyet_dinh_in_code.py OUT.docx``
"""

from __future__ import annotations

import sys
from pathlib import Path

from vnadmin_docs import CoQuan, Ngay, NguoiKy, QuyetDinh, check, render


def build() -> QuyetDinh:
    """Quyết định thành lập Hội đồng tự đánh giá of Trường THCS Quyết Tiến (cited in seed 002)."""
    truong = CoQuan(
        chu_quan="UBND huyện Tiên Lãng",
        ten="Trường THCS Quyết Tiến",
        viet_tat="THCSQT",
        dia_danh="Quyết Tiến",
    )
    thanh_vien = [
        "Ông Lương Anh Khương - Hiệu trưởng - Chủ tịch Hội đồng",
        "Bà Nguyễn Thị Hoa - Giáo viên - Thư ký Hội đồng",
        "Các tổ trưởng chuyên môn, tổ trưởng tổ văn phòng - Ủy viên",
    ]
    return QuyetDinh(
        co_quan=truong,
        so=1,
        ngay=Ngay(2024, 2, 5),
        trich_yeu="Về việc thành lập Hội đồng tự đánh giá mức độ chuyển đổi số năm học 2023 – 2024",
        tham_quyen_ban_hanh="Hiệu trưởng Trường THCS Quyết Tiến",
        can_cu=[
            "Căn cứ Thông tư số 32/2020/TT-BGDĐT ngày 15/9/2020 của Bộ Giáo dục và Đào tạo "
            "ban hành Điều lệ trường trung học cơ sở, trường trung học phổ thông và trường "
            "phổ thông có nhiều cấp học",
            "Căn cứ Quyết định số 4725/QĐ-BGDĐT ngày 30/12/2022 của Bộ Giáo dục và Đào tạo "
            "ban hành Bộ chỉ số đánh giá mức độ chuyển đổi số của cơ sở giáo dục phổ thông "
            "và giáo dục thường xuyên",
        ],
        dieu=[
            "Thành lập Hội đồng tự đánh giá mức độ chuyển đổi số năm học 2023 – 2024 "
            "gồm các ông (bà) có tên sau:\n" + "\n".join(f"- {x};" for x in thanh_vien),
            "Hội đồng có nhiệm vụ tổ chức tự đánh giá, chấm điểm theo Bộ chỉ số, lập biên "
            "bản và báo cáo Hiệu trưởng. Hội đồng tự giải thể sau khi hoàn thành nhiệm vụ.",
            "Quyết định có hiệu lực kể từ ngày ký. Các ông (bà) có tên tại Điều 1 chịu trách "
            "nhiệm thi hành Quyết định này.",
        ],
        nguoi_ky=NguoiKy(chuc_vu="Hiệu trưởng", ho_ten="Lương Anh Khương"),
        noi_nhan=["Phòng GD&ĐT huyện Tiên Lãng (để b/c)"],
    )


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path("quyet-dinh-thanh-lap-hoi-dong.docx")
    render(build(), out)
    findings = check(out)
    for finding in findings:
        print(finding)
    print(f"{out}: {'đúng thể thức' if not findings else f'{len(findings)} lỗi thể thức'}")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
