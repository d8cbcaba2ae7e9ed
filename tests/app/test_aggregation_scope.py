"""The aggregation's scope (issue 12): the plan's schools, one year, one indicator set; what is
outside is reported with its reason and not counted, the missing are named, averages say how
many schools they cover, and anything left out or missing exits 1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import EXAMPLES, docx_text
from vnadmin_docs.assessment.aggregation import KetQuaTruong, NhomKetQua, PhamVi, tong_hop
from vnadmin_docs.cli import main as cli
from vnadmin_docs.io import load_indicator_set
from vnadmin_docs.model import CoSo

PLAN = EXAMPLES / "ba-dinh-2024-2025" / "ke-hoach.yaml"
SET_FILE = (
    Path(__file__).parents[2] / "vnadmin_docs" / "data" / "indicator_sets" / "qd-4725-2022.yaml"
)


def _inputs(tmp: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    rows = tmp / "ket-qua.csv"
    rows.write_text(
        "don_vi,cap_hoc,nam_hoc,nhom_1,nhom_2,bat_buoc_1,bat_buoc_2\n"
        "Trường Tiểu học Ngọc Hà,Tiểu học,2024-2025,80,90,đạt,đạt\n"
        "trường tiểu học  THỦ LỆ,,2024-2025,60,70,đạt,đạt\n"
        "Trường Tiểu học Thủ Lệ,Tiểu học,2024-2025,61,71,đạt,đạt\n",
        encoding="utf-8",
    )
    # a scorecard of another indicator set (a province's copy under another code)
    other = tmp / "bo-tinh.yaml"
    other.write_text(
        SET_FILE.read_text(encoding="utf-8").replace("ma: qd-4725-2022", "ma: qd-4725-tinh", 1),
        encoding="utf-8",
    )
    foreign = tmp / "giang-vo.json"
    foreign.write_text(json.dumps({
        "dinh_dang": "vnadmin-docs/scorecard", "phien_ban": 1, "bo_chi_so": "bo-tinh.yaml",
        "don_vi": "Trường THCS Giảng Võ", "nam_hoc": "2024-2025",
        "nhom": [{"ma": "1", "diem": 70, "dat_bat_buoc": True},
                 {"ma": "2", "diem": 80, "dat_bat_buoc": True}],
    }, ensure_ascii=False), encoding="utf-8")  # fmt: skip
    # last year's scorecard of a school (Quyết Tiến, 2023-2024)
    last_year = tmp / "quyet-tien.json"
    assert (
        cli(["score", str(EXAMPLES / "quyet-tien-2023-2024" / "tu-danh-gia.yaml"), "--json"]) == 0
    )
    last_year.write_text(capsys.readouterr().out, encoding="utf-8")
    # a centre of another district, of the right year
    outside = EXAMPLES / "thanh-tri-2024-2025" / "ho-so.yaml"
    return [str(rows), str(foreign), str(last_year), str(outside)]


def test_everything_left_out_is_named_with_its_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = _inputs(tmp_path, capsys)
    out = tmp_path / "out"
    args = ["aggregate", *inputs, "--ke-hoach", str(PLAN), "-o", str(out), "--docx-only"]
    assert cli([*args, "--json"]) == 1
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert data["so_truong"] == 2 and data["so_truong_du_kien"] == 4
    assert data["nam_hoc"] == "2024-2025"
    assert data["thieu"] == [
        {"don_vi": "Trường THCS Giảng Võ", "cap_hoc": "THCS"},
        {"don_vi": "Trường THCS Thăng Long", "cap_hoc": "THCS"},
    ]
    csv = "ket-qua.csv"
    assert data["loai_ra"] == [
        {"don_vi": "Trường THCS Giảng Võ", "source": inputs[1],
         "ly_do": "chấm theo bộ chỉ số qd-4725-tinh, không phải qd-4725-2022"},
        {"don_vi": "Trường THCS Quyết Tiến", "source": inputs[2],
         "ly_do": "kết quả năm học 2023-2024, không phải năm học 2024-2025"},
        {"don_vi": "Trung tâm GDNN-GDTX huyện Thanh Trì", "source": inputs[3],
         "ly_do": "đơn vị không có trong danh sách cơ sở của kế hoạch"},
    ]  # fmt: skip
    assert data["duplicates"] == [
        f"{csv}:dòng 4: trùng đơn vị 'Trường Tiểu học Thủ Lệ' với {csv}:dòng 3; chỉ tính một lần"
    ]
    for group in data["groups"]:
        assert sum(group["counts"].values()) == 2  # none of the left-out is counted
        assert sorted(n for names in group["schools"].values() for n in names) == [
            "Trường Tiểu học Ngọc Hà",
            "Trường Tiểu học Thủ Lệ",  # the plan's name, whatever the school typed
        ]
    assert "Chưa có kết quả: Trường THCS Thăng Long" in captured.err
    assert json.loads((out / "tong-hop.json").read_text(encoding="utf-8"))["thieu"] == data["thieu"]

    assert cli(args) == 1
    assert capsys.readouterr().out.startswith(
        "Đã tổng hợp 2 trên 4 đơn vị của kế hoạch (0 hồ sơ lỗi, 1 trùng, 3 ngoài phạm vi, "
        "2 chưa có kết quả)\n"
    )
    text = docx_text(out / "bao-cao-tong-hop.docx")
    for line in (
        "Phòng GDĐT tổng hợp kết quả tự đánh giá mức độ chuyển đổi số năm học 2024-2025 của 2 cơ "
        "sở giáo dục trên địa bàn quận Ba Đình (trên tổng số 4 cơ sở theo kế hoạch) theo Quyết "
        "định số 4725/QĐ-BGDĐT ngày 30/12/2022 của Bộ Giáo dục và Đào tạo, cụ thể như sau:",
        "- Nhóm tiêu chí “Chuyển đổi số trong dạy, học” (n = 2): Mức độ 1: 0 (0%); Mức độ 2: 1 "
        "(50%); Mức độ 3: 1 (50%).",
        "III. CÁC CƠ SỞ CHƯA GỬI KẾT QUẢ (2)",
        "- Trường THCS Giảng Võ (THCS)",
        "- Trường THCS Thăng Long (THCS)",
        "IV. KẾT QUẢ KHÔNG ĐƯỢC TÍNH (4)",
        f"- Trường THCS Quyết Tiến ({inputs[2]}): kết quả năm học 2023-2024, không phải năm học "
        "2024-2025",
        f"- Trung tâm GDNN-GDTX huyện Thanh Trì ({inputs[3]}): đơn vị không có trong danh sách cơ "
        "sở của kế hoạch",
    ):
        assert line in text, line


def test_a_list_of_schools_instead_of_a_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    schools = tmp_path / "truong.txt"
    schools.write_text("Trường Tiểu học Ngọc Hà\n\nTrường THCS Lê Lợi\n", encoding="utf-8")
    rows = tmp_path / "ket-qua.csv"
    rows.write_text(
        "don_vi,nhom_1,nhom_2,bat_buoc_1,bat_buoc_2\nTrường Tiểu học Ngọc Hà,80,90,đạt,đạt\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    args = ["aggregate", str(rows), "--truong", str(schools), "-o", str(out), "--docx-only"]
    assert cli([*args, "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["thieu"] == [{"don_vi": "Trường THCS Lê Lợi", "cap_hoc": "THCS"}]
    schools.write_text("Trường Tiểu học Ngọc Hà\n", encoding="utf-8")
    assert cli(args) == 0


def test_the_examples_plan_is_complete(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = EXAMPLES / "ba-dinh-2024-2025" / "ket-qua.csv"
    out = tmp_path / "out"
    assert (
        cli(["aggregate", str(rows), "--ke-hoach", str(PLAN), "-o", str(out), "--docx-only"]) == 0
    )
    text = docx_text(out / "bao-cao-tong-hop.docx")
    assert (
        "III. CÁC CƠ SỞ CHƯA GỬI KẾT QUẢ (0)" in text and "IV. KẾT QUẢ KHÔNG ĐƯỢC TÍNH (0)" in text
    )


def test_averages_say_how_many_schools_they_cover() -> None:
    bo = load_indicator_set("qd-4725-2022")
    groups = (NhomKetQua("1", 80, 3, True), NhomKetQua("2", 90, 3, True))  # type: ignore[arg-type]
    detailed = KetQuaTruong("A", "THCS", "a", groups, {"1.3": 20, "1.4": 10})  # type: ignore[dict-item]
    plain = KetQuaTruong("B", "THCS", "b", groups)
    th = tong_hop([detailed, plain], bo, PhamVi(co_so=(CoSo(ten="a", cap_hoc="THCS"),
                                                        CoSo(ten="B ", cap_hoc="THCS"))))  # fmt: skip
    assert th.averages_n == {"1.3": 1, "1.4": 1} and len(th.counted) == 2
    assert th.complete and th.missing == ()

    from vnadmin_docs.app.loading import load_plan
    from vnadmin_docs.compose.plan import bao_cao_tong_hop

    plan, _ = load_plan(PLAN)
    report = bao_cao_tong_hop(plan, th, bo, n_broken=0)
    assert (
        "Điểm trung bình tính trên các cơ sở gửi điểm từng tiêu chí (n cơ sở; 2 cơ sở được tổng "
        "hợp)."
    ) in report.noi_dung
    assert "| Tiêu chí | Điểm trung bình (n = 1) |" in report.noi_dung
