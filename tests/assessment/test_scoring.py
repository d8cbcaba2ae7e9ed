"""The scoring engine: the seeds' numbers, boundaries, mandatory conditions, bad claims, properties."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import EXAMPLES
from vnadmin_docs.assessment.scoring import score
from vnadmin_docs.assessment.sets import BoChiSo, ChiBao, MucDo, NhomTieuChi, QuyTac, TieuChi
from vnadmin_docs.cli import main as cli
from vnadmin_docs.io import load_indicator_set
from vnadmin_docs.model import DanhGia, KetQua

BO = load_indicator_set("qd-4725-2022")


def run_json(path: Path, capsys: pytest.CaptureFixture[str]) -> dict:  # type: ignore[type-arg]
    assert cli(["score", str(path), "--json"]) == 0
    data: dict = json.loads(capsys.readouterr().out)  # type: ignore[type-arg]
    return data


def test_thanh_tri_is_seed_000(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(EXAMPLES / "thanh-tri-2024-2025" / "tu-danh-gia.yaml", capsys)
    assert data["dinh_dang"] == "vnadmin-docs/scorecard" and data["phien_ban"] == 1
    assert [(g["ma"], g["diem"], g["muc_do"], g["dat_bat_buoc"]) for g in data["nhom"]] == [
        ("1", 84, 3, True),
        ("2", 94, 3, True),
    ]
    scored = {
        c["ma"]: (c["diem"], c["toi_da"], c["muc_do"])
        for c in data["tieu_chi"]
        if not c["bat_buoc"]
    }
    assert scored == {
        "1.3": (25, 30, 3),
        "1.4": (10, 10, 3),
        "1.5": (15, 20, 3),
        "1.6": (16, 20, 3),
        "1.7": (18, 20, 3),
        "2.3": (66, 70, 3),
        "2.4": (28, 30, 3),
    }
    assert data["muc_chung"] == 3


def test_quyet_tien_is_seed_002(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(EXAMPLES / "quyet-tien-2023-2024" / "tu-danh-gia.yaml", capsys)
    assert [(g["diem"], g["muc_do"]) for g in data["nhom"]] == [(59, 2), (94, 3)]
    assert data["muc_chung"] == 2
    assert (
        "Nhóm 1 “Chuyển đổi số trong dạy, học” đạt mức độ 2 (Mức đáp ứng cơ bản) vì tổng điểm 59 (từ 50 đến 75)."
        in data["giai_thich"]
    )
    gap = data["nhom"][0]["can_cai_thien"]
    assert gap.startswith(
        "Nhóm 1 “Chuyển đổi số trong dạy, học”: cần thêm ít nhất 16,5 điểm để vượt 75 điểm, "
        "đạt mức độ 3 (trên 75). Có thể tăng điểm ở: 1.3 Triển khai phần mềm dạy học trực tuyến "
        "(còn 12 điểm); "
    )
    assert "1.3.b" not in gap  # item codes are not printed in any table


def test_readable_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["score", str(EXAMPLES / "quyet-tien-2023-2024" / "tu-danh-gia.yaml")]) == 0
    out = capsys.readouterr().out
    assert "Bảng điểm: Trường THCS Quyết Tiến, năm học 2023-2024" in out
    assert any(
        line.split()[:1] == ["1"] and line.split()[-3:] == ["100", "59", "2"]
        for line in out.splitlines()
    )


def _tiny(policy: str = "muc_1") -> BoChiSo:
    """One group, one mandatory condition, one 100-point item: totals are whatever is claimed."""
    bands = (
        MucDo(muc=1, ten="Mức chưa đáp ứng", duoi=Decimal(50)),
        MucDo(muc=2, ten="Mức đáp ứng cơ bản", tu=Decimal(50), den=Decimal(75)),
        MucDo(muc=3, ten="Mức đáp ứng tốt", tren=Decimal(75)),
    )
    return BoChiSo(
        ma="tiny", ten="t", nguon="Quyết định thử", muc_do=bands, bat_buoc_chua_dat=policy,  # type: ignore[arg-type]
        nhom=(NhomTieuChi(ma="1", ten="Nhóm", toi_da=Decimal(100), tieu_chi=(
            TieuChi(ma="1.1", noi_dung="Có kế hoạch", bat_buoc=True),
            TieuChi(ma="1.2", noi_dung="Điểm", toi_da=Decimal(100), muc_do=bands, chi_bao=(
                ChiBao(ma="1.2.a", noi_dung="a", toi_da=Decimal(100), quy_tac=QuyTac(loai="co_khong")),
            )),
        )),),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("points", "level"),
    [
        ("0", 1),
        ("49", 1),
        ("49.5", 1),
        ("49.99", 1),
        ("50", 2),
        ("75", 2),
        ("75.5", 3),
        ("76", 3),
        ("100", 3),
    ],
)
def test_boundaries(points: str, level: int) -> None:
    dg = DanhGia(
        don_vi="x",
        nam_hoc="2024-2025",
        ket_qua={"1.1": KetQua(dat=True), "1.2.a": KetQua(co=True, diem=Decimal(points))},
    )
    group = score(_tiny(), dg).groups[0]
    assert group.points == Decimal(points) and group.level == level


def test_unmet_mandatory_condition() -> None:
    dg = DanhGia(don_vi="x", nam_hoc="y", ket_qua={"1.2.a": KetQua(co=True, diem=Decimal(80))})
    group = score(_tiny(), dg).groups[0]
    assert (group.level, group.points_level, group.mandatory_met, group.unmet) == (
        1,
        3,
        False,
        ("1.1",),
    )
    assert "chưa đạt điều kiện bắt buộc 1.1 (Có kế hoạch)" in group.explanation
    assert "lẽ ra đạt mức độ 3" in group.explanation and "1.1" in group.gap
    relaxed = score(_tiny("bo_qua"), dg).groups[0]
    assert relaxed.level == 3 and not relaxed.mandatory_met


def test_unclaimed_points_default_to_the_cap() -> None:
    items = {i.ma: i for _, tc in BO.tieu_chi() for i in tc.chi_bao}
    assert items
    sc = score(
        BO,
        DanhGia(
            don_vi="x",
            nam_hoc="y",
            ket_qua={
                "1.6.a": KetQua(ty_le=Decimal(45)),
                "1.7.a": KetQua(so=3, tong=4),
                "1.4": KetQua(so_luong=40),
                "1.3.b": KetQua(chuc_nang=(1, 4)),
                "2.3.c": KetQua(chon="pdf"),
            },
        ),
    )
    got = {i.code: i.points for _, c in sc.criteria() for i in c.items}
    crit = {c.code: c.points for _, c in sc.criteria()}
    wanted = {"1.6.a": 4, "1.7.a": 8, "1.3.b": 12, "2.3.c": 3}
    assert {k: int(got[k]) for k in wanted} == wanted and crit["1.4"] == Decimal(10)
    assert got["1.5.a"] == 0  # not stated: not deployed


BAD = """\
don_vi: Trường A
nam_hoc: 2024-2025
ket_qua:
  1.3.a: {co: true, diem: 7}
  1.6.a: {ty_le: 120}
  1.4: {so_luong: -3}
  1.9: {co: true}
  1.7.b: {chon: muc_4}
  1.5.a: {ty_le: 50}
  1.3.b: {chuc_nang: [1, 5]}
  1.3: {diem: 25}
  1.1: {dat: true, co: true}
  1.7.a: {so: 5, tong: 4}
"""


def test_bad_assessment_reports_everything(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(BAD, encoding="utf-8")
    assert cli(["score", str(path), "--json"]) == 2
    err = capsys.readouterr().err
    for expected in (
        'ket_qua["1.3.a"].diem (dòng 4): điểm tự đánh giá 7 vượt mức tối đa 6',
        'ket_qua["1.6.a"].ty_le (dòng 5): tỷ lệ phải từ 0 đến 100',
        'ket_qua["1.4"].so_luong (dòng 6): số lượng không được âm',
        "ket_qua[\"1.9\"] (dòng 7): mã '1.9' không có trong bộ chỉ số",
        "ket_qua[\"1.7.b\"].chon (dòng 8): lựa chọn 'muc_4' không có; chọn một trong: muc_1, muc_2, muc_3",
        'ket_qua["1.5.a"].ty_le (dòng 9): không áp dụng cho chỉ báo này (quy tắc co_khong); dùng: co',
        'ket_qua["1.3.b"].chuc_nang (dòng 10): các chức năng phải là các số khác nhau từ 1 đến 4',
        'ket_qua["1.3"] (dòng 11): điểm của tiêu chí tính từ các chỉ báo 1.3.a, 1.3.b',
        'ket_qua["1.1"].co (dòng 12): điều kiện bắt buộc chỉ ghi',
        'ket_qua["1.7.a"] (dòng 13): tỷ lệ theo số lượng cần 0 ≤ so ≤ tong',
    ):
        assert expected in err, expected
    assert "10 lỗi" in err


def test_wrong_types_in_an_assessment(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("don_vi: A\nket_qua:\n  1.4: {so_luong: nhiều}\n", encoding="utf-8")
    assert cli(["score", str(path)]) == 2
    err = capsys.readouterr().err
    assert "nam_hoc (dòng 1): thiếu trường bắt buộc" in err
    assert 'ket_qua["1.4"].so_luong (dòng 3): phải là số nguyên' in err


# ---------------------------------------------------------------- properties

percent = st.decimals(min_value=0, max_value=100, places=1, allow_nan=False, allow_infinity=False)
facts = st.fixed_dictionaries(
    {
        "1.1": st.builds(KetQua, dat=st.booleans()),
        "1.3.a": st.builds(KetQua, co=st.booleans()),
        "1.3.b": st.builds(
            KetQua, chuc_nang=st.sets(st.integers(1, 4)).map(lambda s: tuple(sorted(s)))
        ),
        "1.4": st.builds(KetQua, so_luong=st.integers(0, 200)),
        "1.6.a": st.builds(KetQua, ty_le=percent),
        "1.7.b": st.builds(KetQua, chon=st.sampled_from(["muc_1", "muc_2", "muc_3"])),
        "2.3.c": st.builds(KetQua, chon=st.sampled_from(["khong", "pdf", "chung_thu_so"])),
        "2.4.b": st.builds(KetQua, co=st.booleans()),
    }
)


def _more(k: KetQua) -> KetQua:
    """The same facts, met a little more."""
    if k.co is not None:
        return dataclasses.replace(k, co=True)
    if k.dat is not None:
        return dataclasses.replace(k, dat=True)
    if k.chuc_nang is not None:
        return dataclasses.replace(k, chuc_nang=tuple(sorted({*k.chuc_nang, 1})))
    if k.so_luong is not None:
        return dataclasses.replace(k, so_luong=k.so_luong + 15)
    if k.ty_le is not None:
        return dataclasses.replace(k, ty_le=min(Decimal(100), k.ty_le + 20))
    assert k.chon is not None
    ladder = next(rungs for rungs in LADDERS if k.chon in rungs)
    return dataclasses.replace(k, chon=ladder[min(ladder.index(k.chon) + 1, len(ladder) - 1)])


LADDERS = (["muc_1", "muc_2", "muc_3"], ["khong", "pdf", "chung_thu_so"])


@settings(max_examples=60, deadline=None)
@given(facts, st.sampled_from(["1.1", "1.3.a", "1.3.b", "1.4", "1.6.a", "1.7.b", "2.3.c", "2.4.b"]))
def test_meeting_more_never_lowers_a_level(ket_qua: dict[str, KetQua], code: str) -> None:
    before = score(BO, DanhGia(don_vi="x", nam_hoc="y", ket_qua=ket_qua))
    improved = {**ket_qua, code: _more(ket_qua[code])}
    after = score(BO, DanhGia(don_vi="x", nam_hoc="y", ket_qua=improved))
    for b, a in zip(before.groups, after.groups, strict=True):
        assert a.level >= b.level and a.points >= b.points
    assert after.lowest_level >= before.lowest_level


@settings(max_examples=60, deadline=None)
@given(facts)
def test_totals_are_sums_and_claims_never_exceed_caps(ket_qua: dict[str, KetQua]) -> None:
    sc = score(BO, DanhGia(don_vi="x", nam_hoc="y", ket_qua=ket_qua))
    for g in sc.groups:
        assert g.points == sum((c.points or 0 for c in g.criteria), Decimal(0))
        assert 0 <= g.points <= g.max
        for c in g.criteria:
            if c.items:
                assert c.points == sum((i.points for i in c.items), Decimal(0))
            for i in c.items:
                assert 0 <= i.points <= i.cap <= i.max
    assert sc.lowest_level == min(g.level for g in sc.groups)
