from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from vnadmin_docs.vn.dates import Ngay, dia_danh_ngay, gio_phut, ngay_ngan, ngay_thang_nam
from vnadmin_docs.vn.numbers import dinh_dang_so, phan_tram


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (date(2020, 1, 5), "ngày 05 tháng 01 năm 2020"),
        (date(2019, 6, 29), "ngày 29 tháng 6 năm 2019"),
        (date(2023, 11, 6), "ngày 06 tháng 11 năm 2023"),
        (date(2025, 2, 10), "ngày 10 tháng 02 năm 2025"),
        (date(2025, 3, 6), "ngày 06 tháng 3 năm 2025"),
        (Ngay(2025, 3), "ngày    tháng 3 năm 2025"),
        (Ngay(2023), "ngày    tháng    năm 2023"),
    ],
)
def test_ngay_thang_nam(value: date | Ngay, text: str) -> None:
    assert ngay_thang_nam(value) == text


def test_place_line_and_short_forms() -> None:
    assert dia_danh_ngay("Thanh Trì", date(2025, 3, 6)) == "Thanh Trì, ngày 06 tháng 3 năm 2025"
    assert ngay_ngan(date(2025, 3, 6)) == "06/3/2025"
    assert ngay_ngan(date(2024, 2, 5)) == "05/02/2024"
    assert gio_phut(datetime(2024, 2, 5, 8, 5)) == "08 giờ 05 phút"


@pytest.mark.parametrize("bad", ["2025-02-30", "2025-13", "25-03-06", "2025/03/06", "", "0000"])
def test_ngay_rejects(bad: str) -> None:
    with pytest.raises(ValueError):
        Ngay.parse(bad)


def test_ngay_round_trips() -> None:
    for text in ("2025", "2025-03", "2025-03-06"):
        assert str(Ngay.parse(text)) == text
    assert Ngay.parse("2024-2-5") == Ngay(2024, 2, 5)


def test_vietnamese_numbers() -> None:
    assert dinh_dang_so(1234567.5) == "1.234.567,5"
    assert dinh_dang_so(Decimal("84")) == "84"
    assert phan_tram(84.5) == "84,5%"
    assert phan_tram(1, 3) == "33,33%"
    with pytest.raises(ValueError):
        phan_tram(1, 0)


def test_numbers_are_written_as_babel_writes_them_in_vietnamese() -> None:
    """Issue 12: vn.numbers no longer loads Babel's locale data; it writes what Babel would."""
    import random
    from decimal import Decimal

    from babel.numbers import format_decimal

    from vnadmin_docs.vn.numbers import dinh_dang_so

    rng = random.Random(3)
    values: list[int | float | Decimal] = [
        Decimal("NaN"), float("inf"), float("-inf"), -0.0, Decimal("-0"), Decimal("1E+2"),
        0.125, 0.135, 2.675, 1e-7, -1234.5, 10**20, Decimal("0.015"), 99.995, -0.001, 10**27,
        Decimal("1E+30"), 1e30,
    ]  # fmt: skip
    for _ in range(10_000):
        k = rng.random()
        if k < 0.3:
            values.append(rng.randint(-(10**9), 10**9))
        elif k < 0.6:
            values.append(round(rng.uniform(-1e6, 1e6), rng.randint(0, 6)))
        elif k < 0.8:
            values.append(Decimal(rng.randint(-(10**8), 10**8)) / Decimal(10 ** rng.randint(0, 6)))
        else:
            values.append(rng.choice([0.5, 1.5, 2.5, 0.05, 0.15, 1.005, 84.5, 66.665]) * 10)
    for value in values:
        for digits in (0, 1, 2, 3):
            pattern = "#,##0" + ("." + "#" * digits if digits else "")
            try:
                expected = format_decimal(value, format=pattern, locale="vi")
            except ArithmeticError:  # beyond Decimal's precision: shown as is
                expected = str(value)
            assert dinh_dang_so(value, chu_so_thap_phan=digits) == expected, (value, digits)
