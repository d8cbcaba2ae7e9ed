from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vnadmin_docs.vn.numbering import VIET_TAT, LoaiVanBan, SoKyHieu


def test_official_forms() -> None:
    assert str(SoKyHieu(89, "BC-GDNN-GDTXTT")) == "89/BC-GDNN-GDTXTT"
    assert SoKyHieu(5, "KH-PGDĐT").dong_so == "Số: 05/KH-PGDĐT"
    assert SoKyHieu(None, "KH-PGDĐT").dong_so == "Số:    /KH-PGDĐT"
    assert SoKyHieu(12, "SGDĐT-VP").loai is None
    assert SoKyHieu(12, "TTr-THCSQT").loai == "TTr"
    assert SoKyHieu(12, "QyĐ-UBND").loai == "QyĐ"


@pytest.mark.parametrize(
    "text", ["89/BC-GDNN-GDTXTT", "Số: 89/BC-GDNN-GDTXTT", "Số:    /KH-PGDĐT", "1/QĐ-THCSQT"]
)
def test_parse(text: str) -> None:
    parsed = SoKyHieu.parse(text)
    assert SoKyHieu.parse(str(parsed)) == parsed


@pytest.mark.parametrize(
    "bad", ["89", "89/", "8a/BC-X", "89/BC X", "89/BC.X", "89/BC--X", "89/-BC", "0/BC-X"]
)
def test_rejects(bad: str) -> None:
    with pytest.raises(ValueError):
        SoKyHieu.parse(bad)


group = st.text(alphabet="ABCDEGHKLMNOPQRSTUVXYĐ0123456789", min_size=1, max_size=6)


@given(st.none() | st.integers(1, 99999), st.lists(group, min_size=1, max_size=4))
def test_round_trip(so: int | None, groups: list[str]) -> None:
    x = SoKyHieu(so, "-".join(groups))
    assert SoKyHieu.parse(str(x)) == x
    assert SoKyHieu.parse(x.dong_so) == x


def test_types_carry_official_spellings() -> None:
    assert [m.viet_tat for m in LoaiVanBan] == ["KH", "BC", "QĐ", "BB", "TTr", None]
    assert VIET_TAT["Tờ trình"] == "TTr" and VIET_TAT["Chương trình"] == "CTr"
    with pytest.raises(ValueError, match="chọn một trong: ke_hoach, bao_cao"):
        LoaiVanBan.parse("giay_moi")
