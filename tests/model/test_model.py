from __future__ import annotations

import unicodedata
from datetime import datetime

import pytest

from vnadmin_docs.errors import ModelError
from vnadmin_docs.model import (
    BienBan,
    CongVan,
    CoQuan,
    KeHoach,
    NguoiKy,
    PhuLuc,
    ThamQuyen,
    ThanhVien,
)
from vnadmin_docs.vn.dates import Ngay

TRUONG = CoQuan(ten="Trường THCS Quyết Tiến", viet_tat="THCSQT", dia_danh="Quyết Tiến")
HT = NguoiKy(chuc_vu="Hiệu trưởng", ho_ten="Lương Anh Khương")


def test_signer_lines() -> None:
    cases = {
        ThamQuyen.KHONG: ["HIỆU TRƯỞNG"],
        ThamQuyen.Q: ["Q. HIỆU TRƯỞNG"],
        ThamQuyen.KT: ["KT. GIÁM ĐỐC", "HIỆU TRƯỞNG"],
        ThamQuyen.TM: ["TM. GIÁM ĐỐC", "HIỆU TRƯỞNG"],
        ThamQuyen.TL: ["TL. GIÁM ĐỐC", "HIỆU TRƯỞNG"],
        ThamQuyen.TUQ: ["TUQ. GIÁM ĐỐC", "HIỆU TRƯỞNG"],
    }
    for quyen, lines in cases.items():
        thay = "Giám đốc" if len(lines) == 2 else None
        signer = NguoiKy(tham_quyen=quyen, thay_mat=thay, chuc_vu="Hiệu trưởng", ho_ten="A")
        assert signer.dong_chuc_danh == lines


def test_signer_problems_all_at_once() -> None:
    with pytest.raises(ModelError) as info:
        NguoiKy(tham_quyen=ThamQuyen.KT, chuc_vu=" ", ho_ten="")
    fields = [p.path for p in info.value.problems]
    assert fields == ["chuc_vu", "ho_ten", "thay_mat"]


def test_number_and_noi_nhan() -> None:
    kh = KeHoach(
        co_quan=TRUONG,
        so=3,
        ngay=Ngay(2024, 2, 5),
        trich_yeu="X",
        nguoi_ky=HT,
        noi_nhan=["- PGD&ĐT;", "BGH.", ""],
    )
    assert str(kh.so_ky_hieu) == "03/KH-THCSQT"
    assert kh.noi_nhan_dong() == ["- PGD&ĐT;", "- BGH;", "- Lưu: VT."]
    assert kh.trich_dan == "Kế hoạch số 03/KH-THCSQT ngày 05/02/2024"
    cv = CongVan(
        co_quan=CoQuan(ten="Sở GDĐT", viet_tat="SGDĐT", dia_danh="Hải Phòng"),
        don_vi_soan_thao="VP",
        ngay=Ngay(2023),
        trich_yeu="x",
        nguoi_ky=HT,
        kinh_gui=["Các trường"],
        noi_nhan=["Giám đốc Sở"],
    )
    assert str(cv.so_ky_hieu) == "/SGDĐT-VP"
    assert cv.noi_nhan_dong() == ["- Như trên;", "- Giám đốc Sở;", "- Lưu: VT, VP."]


def test_appendix_labels() -> None:
    one = KeHoach(
        co_quan=TRUONG,
        ngay=Ngay(2025, 3),
        trich_yeu="x",
        nguoi_ky=HT,
        phu_luc=[PhuLuc(tieu_de="Lịch")],
    )
    assert one.nhan_phu_luc(0) == "PHỤ LỤC"
    assert (
        one.kem_theo(0)
        == "(Kèm theo Kế hoạch số /KH-THCSQT ngày   /3/2025 của Trường THCS Quyết Tiến)"
    )
    two = KeHoach(
        co_quan=TRUONG,
        ngay=Ngay(2025),
        trich_yeu="x",
        nguoi_ky=HT,
        phu_luc=[PhuLuc(tieu_de="A"), PhuLuc(tieu_de="B")],
    )
    assert [two.nhan_phu_luc(i) for i in range(2)] == ["Phụ lục I", "Phụ lục II"]


def test_text_is_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "Trường THCS Quyết Tiến")
    assert nfd != "Trường THCS Quyết Tiến"
    co_quan = CoQuan(ten=nfd, viet_tat="THCSQT", dia_danh=nfd)
    assert co_quan.ten == "Trường THCS Quyết Tiến"
    kh = KeHoach(co_quan=co_quan, ngay=Ngay(2025), trich_yeu=nfd, nguoi_ky=HT, can_cu=[nfd])
    assert kh.trich_yeu == "Trường THCS Quyết Tiến" and kh.can_cu == ["Trường THCS Quyết Tiến"]


def test_document_problems() -> None:
    with pytest.raises(ModelError) as info:
        KeHoach(co_quan=TRUONG, so=0, ky_hieu="KH PGD", ngay=Ngay(2025), trich_yeu="", nguoi_ky=HT)
    assert [p.path for p in info.value.problems] == ["trich_yeu", "so", "ky_hieu"]
    with pytest.raises(ModelError, match="kết thúc trước khi bắt đầu"):
        BienBan(
            co_quan=TRUONG,
            ngay=Ngay(2024),
            trich_yeu="x",
            dia_diem="y",
            thanh_phan=["z"],
            thoi_gian_bat_dau=datetime(2024, 2, 5, 10),
            thoi_gian_ket_thuc=datetime(2024, 2, 5, 9),
            chu_toa=ThanhVien(ho_ten="A"),
            thu_ky=ThanhVien(ho_ten="B"),
        )


def test_text_no_document_can_hold_is_refused() -> None:
    with pytest.raises(ValueError, match=r"ten: chứa ký tự điều khiển U\+001B"):
        CoQuan(ten="Trường\x1b", viet_tat="T", dia_danh="X")
    with pytest.raises(ValueError, match=r"can_cu: .*U\+0000"):
        KeHoach(co_quan=CoQuan(ten="T", viet_tat="T", dia_danh="X"), ngay=Ngay(2025),
                trich_yeu="t", nguoi_ky=HT, can_cu=["a", "b\x00"])  # fmt: skip
    assert CoQuan(ten="Trường\tA\nB", viet_tat="T", dia_danh="X").ten == "Trường\tA\nB"
