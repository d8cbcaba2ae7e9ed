from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vnadmin_docs.vn.words import chu_thanh_so, so_thanh_chu

TABLE = [
    (0, "không"),
    (5, "năm"),
    (10, "mười"),
    (14, "mười bốn"),
    (15, "mười lăm"),
    (21, "hai mươi mốt"),
    (24, "hai mươi tư"),
    (25, "hai mươi lăm"),
    (55, "năm mươi lăm"),
    (100, "một trăm"),
    (101, "một trăm linh một"),
    (105, "một trăm linh năm"),
    (110, "một trăm mười"),
    (1000, "một nghìn"),
    (1001, "một nghìn không trăm linh một"),
    (1010, "một nghìn không trăm mười"),
    (2024, "hai nghìn không trăm hai mươi tư"),
    (1_000_001, "một triệu không trăm linh một"),
    (145_001_000, "một trăm bốn mươi lăm triệu không trăm linh một nghìn"),
    (1_000_000_000, "một tỷ"),
    (1_000_000_005, "một tỷ không trăm linh năm"),
    (1_001_000_000, "một tỷ không trăm linh một triệu"),
    (10**14, "một trăm nghìn tỷ"),
    (10**15, "một triệu tỷ"),
    (10**18, "một tỷ tỷ"),
    (-15, "âm mười lăm"),
    (-3, "âm ba"),
    (Decimal("12.5"), "mười hai phẩy năm"),
    ("2.05", "hai phẩy không năm"),
    (12.5, "mười hai phẩy năm"),
    (2.05, "hai phẩy không năm"),
    ("2.50", "hai phẩy năm mươi"),
    ("-0.5", "âm không phẩy năm"),
]


@pytest.mark.parametrize(("value", "words"), TABLE)
def test_reading(value: int | Decimal | float | str, words: str) -> None:
    assert so_thanh_chu(value) == words


def test_options_and_money() -> None:
    assert so_thanh_chu(105, linh="lẻ") == "một trăm lẻ năm"
    assert so_thanh_chu(24, tu="bốn") == "hai mươi bốn"
    assert so_thanh_chu(1500, nghin="ngàn") == "một ngàn năm trăm"
    assert so_thanh_chu(1_500_000, don_vi="đồng") == "một triệu năm trăm nghìn đồng"
    assert so_thanh_chu(1_500_000, don_vi="đồng", viet_hoa=True) == "Một triệu năm trăm nghìn đồng"


@pytest.mark.parametrize("bad", ["abc", "nan", "inf", True])
def test_rejects_non_numbers(bad: object) -> None:
    with pytest.raises((ValueError, TypeError)):
        so_thanh_chu(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(("value", "words"), TABLE)
def test_table_parses_back(value: int | Decimal | float | str, words: str) -> None:
    assert chu_thanh_so(words) == Decimal(str(value))


def test_parse_rejects_garbage() -> None:
    for bad in ("", "mười mười", "hai trăm trăm", "xin chào", "triệu"):
        with pytest.raises(ValueError):
            chu_thanh_so(bad)


integers = st.integers(min_value=-(10**18), max_value=10**18)


@given(integers)
def test_integers_round_trip(n: int) -> None:
    assert chu_thanh_so(so_thanh_chu(n)) == n


@given(integers, integers)
def test_distinct_integers_give_distinct_words(a: int, b: int) -> None:
    if a != b:
        assert so_thanh_chu(a) != so_thanh_chu(b)


@given(
    st.decimals(
        min_value=-(10**12), max_value=10**12, places=3, allow_nan=False, allow_infinity=False
    )
)
def test_decimals_round_trip(d: Decimal) -> None:
    assert chu_thanh_so(so_thanh_chu(d)) == d


@given(
    integers,
    st.sampled_from(["linh", "lẻ"]),
    st.sampled_from(["tư", "bốn"]),
    st.sampled_from(["nghìn", "ngàn"]),
)
def test_variants_parse_back(n: int, linh: str, tu: str, nghin: str) -> None:
    words = so_thanh_chu(n, linh=linh, tu=tu, nghin=nghin)  # type: ignore[arg-type]
    assert chu_thanh_so(words) == n
