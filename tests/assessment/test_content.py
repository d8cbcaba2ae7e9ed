"""What the scores say, from the scorecard's facts (issue 12): the advice names an unmet
mandatory condition first, points needed are never zero or negative, the highest level only at
full marks; a fact of zero earns zero, tier by tier."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vnadmin_docs.assessment.rules import RULE_KINDS, describe
from vnadmin_docs.assessment.scoring import score
from vnadmin_docs.assessment.sets import BoChiSo, ChiBao, MucDo, NhomTieuChi, QuyTac, TieuChi
from vnadmin_docs.errors import InputError, Problem
from vnadmin_docs.io import load_indicator_set
from vnadmin_docs.model import DanhGia, KetQua

BO = load_indicator_set("qd-4725-2022")
BANDS = (
    MucDo(muc=1, ten="Mức chưa đáp ứng", duoi=Decimal(50)),
    MucDo(muc=2, ten="Mức đáp ứng cơ bản", tu=Decimal(50), den=Decimal(75)),
    MucDo(muc=3, ten="Mức đáp ứng tốt", tren=Decimal(75)),
)
TINY = BoChiSo(
    ma="tiny", ten="t", nguon="Quyết định thử", muc_do=BANDS,
    nhom=(NhomTieuChi(ma="1", ten="Nhóm", toi_da=Decimal(100), tieu_chi=(
        TieuChi(ma="1.1", noi_dung="Có kế hoạch", bat_buoc=True),
        TieuChi(ma="1.2", noi_dung="Triển khai phần mềm", toi_da=Decimal(100), muc_do=BANDS,
                chi_bao=(ChiBao(ma="1.2.a", noi_dung="a", toi_da=Decimal(100),
                                quy_tac=QuyTac(loai="co_khong")),)),
    )),),
)  # fmt: skip


def _gap(points: str, *, met: bool = True) -> str:
    dg = DanhGia(
        don_vi="x",
        nam_hoc="2024-2025",
        ket_qua={"1.1": KetQua(dat=met), "1.2.a": KetQua(co=True, diem=Decimal(points))},
    )
    return score(TINY, dg).groups[0].gap


def test_at_exactly_75_the_smallest_step_honestly() -> None:
    assert _gap("75") == (
        "Nhóm 1 “Nhóm”: cần thêm ít nhất 0,5 điểm để vượt 75 điểm, đạt mức độ 3 (trên 75). "
        "Có thể tăng điểm ở: 1.2 Triển khai phần mềm (còn 25 điểm)."
    )


def test_to_the_lower_edge_of_level_2() -> None:
    assert _gap("40") == (
        "Nhóm 1 “Nhóm”: cần thêm ít nhất 10 điểm để đạt mức độ 2 (từ 50 đến 75). "
        "Có thể tăng điểm ở: 1.2 Triển khai phần mềm (còn 60 điểm)."
    )


def test_unmet_mandatory_condition_named_first_as_what_blocks() -> None:
    assert _gap("74.5", met=False) == (
        "Nhóm 1 “Nhóm”: chưa đạt điều kiện bắt buộc 1.1 “Có kế hoạch”, nên nhóm chỉ được xếp "
        "mức độ 1 dù tổng điểm 74,5 (từ 50 đến 75); cần đạt điều kiện này trước tiên, khi đó "
        "nhóm đạt mức độ 2; cần thêm ít nhất 1 điểm để vượt 75 điểm, đạt mức độ 3 (trên 75). "
        "Có thể tăng điểm ở: 1.2 Triển khai phần mềm (còn 25,5 điểm)."
    )
    # above 75, unmet: no negative "points needed"
    assert _gap("80", met=False) == (
        "Nhóm 1 “Nhóm”: chưa đạt điều kiện bắt buộc 1.1 “Có kế hoạch”, nên nhóm chỉ được xếp "
        "mức độ 1 dù tổng điểm 80 (trên 75); cần đạt điều kiện này trước tiên, khi đó nhóm đạt "
        "mức độ 3. Có thể tăng điểm ở: 1.2 Triển khai phần mềm (còn 20 điểm)."
    )
    assert _gap("24.5", met=False).startswith(
        "Nhóm 1 “Nhóm”: chưa đạt điều kiện bắt buộc 1.1 “Có kế hoạch”; cần đạt điều kiện này "
        "trước tiên, nếu không nhóm vẫn ở mức độ 1 dù tăng điểm; cần thêm ít nhất 25,5 điểm để "
        "đạt mức độ 2 (từ 50 đến 75)."
    )


def test_highest_level_only_at_full_marks() -> None:
    assert _gap("100") == "Nhóm 1 “Nhóm”: đạt mức độ 3 với 100/100 điểm, đã ở mức cao nhất."
    assert _gap("84") == (
        "Nhóm 1 “Nhóm”: đạt mức độ 3 (Mức đáp ứng tốt); còn 16 điểm chưa đạt. "
        "Có thể tăng điểm ở: 1.2 Triển khai phần mềm (còn 16 điểm)."
    )


@given(st.integers(min_value=0, max_value=200).map(lambda n: Decimal(n) / 2))
def test_points_needed_never_zero_or_negative(points: Decimal) -> None:
    for met in (True, False):
        gap = _gap(str(points), met=met)
        assert "-" not in gap and "thêm ít nhất 0 điểm" not in gap and "hơn 0" not in gap
        if "cần thêm ít nhất" in gap:
            needed = Decimal(gap.split("cần thêm ít nhất ")[1].split(" ")[0].replace(",", "."))
            assert needed > 0
        if points < 100:
            assert "cao nhất" not in gap


# ---------------------------------------------------------------- a fact of zero earns zero


def _tier_rule(code: str) -> tuple[QuyTac, Decimal]:
    for _, tc in BO.tieu_chi():
        if tc.ma == code and tc.quy_tac is not None and tc.toi_da is not None:
            return tc.quy_tac, tc.toi_da
        for item in tc.chi_bao:
            if item.ma == code:
                return item.quy_tac, item.toi_da
    raise AssertionError(code)


def _cap(code: str, facts: KetQua) -> Decimal:
    rule, top = _tier_rule(code)
    out: list[Problem] = []
    cap = RULE_KINDS[rule.loai].cap(rule, top, facts, (code,), out)
    assert out == []
    return cap


@pytest.mark.parametrize(
    ("code", "x", "cap"),
    [
        ("1.6.a", "0", 0), ("1.6.a", "0.01", 2), ("1.6.a", "29.99", 2), ("1.6.a", "30", 4),
        ("1.6.a", "60", 4), ("1.6.a", "60.01", 7), ("1.6.a", "100", 7),
        ("1.6.c", "0", 0), ("1.6.c", "100", 6),
        ("1.7.a", "0", 0), ("1.7.a", "19.9", 2), ("1.7.a", "20", 5), ("1.7.a", "60", 5),
        ("1.7.a", "61", 8), ("1.7.a", "100", 8),
    ],
)  # fmt: skip
def test_ratio_tiers_at_zero_boundaries_and_100(code: str, x: str, cap: int) -> None:
    assert _cap(code, KetQua(ty_le=Decimal(x))) == cap


@pytest.mark.parametrize(
    ("n", "cap"), [(0, 0), (1, 3), (19, 3), (20, 6), (39, 6), (40, 10), (500, 10)]
)
def test_count_tiers(n: int, cap: int) -> None:
    assert _cap("1.4", KetQua(so_luong=n)) == cap


def test_zero_of_a_count_of_teachers_earns_zero() -> None:
    assert _cap("1.6.b", KetQua(so=0, tong=40)) == 0
    assert _cap("1.6.b", KetQua(so=40, tong=40)) == 7


@given(st.decimals(min_value=0, max_value=100, places=2))
def test_ratio_cap_is_zero_only_at_zero(x: Decimal) -> None:
    cap = _cap("1.6.a", KetQua(ty_le=x))
    assert (cap == 0) == (x == 0) and cap <= 7


def test_a_school_with_nothing_deployed_scores_zero() -> None:
    facts: dict[str, KetQua] = {}
    for _, tc in BO.tieu_chi():
        rules = [(tc.ma, tc.quy_tac)] if tc.quy_tac else [(i.ma, i.quy_tac) for i in tc.chi_bao]
        for code, rule in rules:
            assert rule is not None
            facts[code] = {
                "co_khong": KetQua(co=False), "ty_le": KetQua(ty_le=Decimal(0)),
                "so_luong": KetQua(so_luong=0), "moi_chuc_nang": KetQua(chuc_nang=()),
                "lua_chon": KetQua(),
            }[rule.loai]  # fmt: skip
    sc = score(BO, DanhGia(don_vi="x", nam_hoc="2024-2025", ket_qua=facts))
    assert [g.points for g in sc.groups] == [0, 0]


def test_a_claim_above_a_zero_fact_is_an_error() -> None:
    dg = DanhGia(
        don_vi="x", nam_hoc="y", ket_qua={"1.6.a": KetQua(ty_le=Decimal(0), diem=Decimal(2))}
    )
    with pytest.raises(InputError) as caught:
        score(BO, dg)
    assert [p.message for p in caught.value.problems] == [
        "điểm tự đánh giá 2 vượt mức tối đa 0 mà dữ kiện cho phép"
    ]


def test_the_table_keeps_the_regulation_words() -> None:
    rule, top = _tier_rule("1.6.a")
    assert describe(rule, top) == (
        "Dưới 30 %: tối đa 2 điểm\nTừ 30 đến 60 %: tối đa 4 điểm\nTrên 60 %: tối đa 7 điểm"
    )


def test_a_tier_set_with_a_hole_above_zero_is_still_rejected() -> None:
    from vnadmin_docs.assessment.sets import Bac

    rule = QuyTac(loai="ty_le", bac=(Bac(tren=Decimal(0), duoi=Decimal(30), diem=Decimal(2)),
                                    Bac(tren=Decimal(30), diem=Decimal(4))))  # fmt: skip
    out: list[Problem] = []
    RULE_KINDS["ty_le"].validate(rule, Decimal(4), ("r",), out)
    assert [p.message for p in out] == [
        "các bậc không phủ kín thang: giá trị 30 không thuộc khoảng nào"
    ]


# ---------------------------------------------------------------- evidence


def test_score_warns_about_points_without_evidence(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from tests.helpers import EXAMPLES
    from vnadmin_docs.cli import main as cli

    path = str(EXAMPLES / "thanh-tri-2024-2025" / "tu-danh-gia.yaml")
    assert cli(["score", path]) == 0
    out = capsys.readouterr().out
    assert out.endswith(
        "Cảnh báo: 2 tiêu chí được tính điểm nhưng chưa có minh chứng (ghi minh_chung cho từng "
        "mã):\n  - 1.6 Phát triển nguồn nhân lực chuyển đổi số: 16 điểm\n"
        "  - 1.7 Hạ tầng, thiết bị sử dụng chuyển đổi số dạy, học: 18 điểm\n"
    )
    assert cli(["score", path, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["thieu_minh_chung"] == [
        {"ma": "1.6", "diem": 16, "bat_buoc": False},
        {"ma": "1.7", "diem": 18, "bat_buoc": False},
    ]


def test_evidence_items_kept_whole_and_remarks_left_out() -> None:
    from tests.helpers import EXAMPLES
    from vnadmin_docs.app.loading import load_assessment

    _, _, sc = load_assessment(EXAMPLES / "thanh-tri-2024-2025" / "tu-danh-gia.yaml")
    evidence = {c.code: c.evidence for _, c in sc.criteria()}
    assert evidence["1.5"] == (
        "https://study.hanoi.edu.vn",
        "https://csdl.hanoi.edu.vn/",
        "Kế hoạch số 86/KH-GDNN-GDTXTT ngày 06/03/2025 về thực hiện nhiệm vụ ứng dụng CNTT, "
        "chuyển đổi số năm học 2024-2025",
    )
    assert not any("còn chưa cao" in e for es in evidence.values() for e in es)
