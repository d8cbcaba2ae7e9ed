"""Numbers in running text, Vietnamese style (Babel): ``1.234.567,5`` and ``84,5%``.

>>> dinh_dang_so(1234567.5)
'1.234.567,5'
>>> phan_tram(84.5)
'84,5%'
>>> phan_tram(2, 3)
'66,67%'
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from babel.numbers import format_decimal

from ..errors import InvalidValueError

__all__ = ["dinh_dang_so", "phan_tram"]

Number = int | float | Decimal


def dinh_dang_so(value: Number, *, chu_so_thap_phan: int = 2) -> str:
    """Group thousands with "." and use "," for decimals; at most ``chu_so_thap_phan`` decimals.

    >>> dinh_dang_so(Decimal("94")), dinh_dang_so(12.345, chu_so_thap_phan=1)
    ('94', '12,3')
    """
    return _format(value, chu_so_thap_phan)


@lru_cache(maxsize=4096)  # a scored table formats the same few numbers over and over
def _format(value: Number, digits: int) -> str:
    # equal numbers format alike ("#" decimals are optional), so caching by value is exact
    pattern = "#,##0" + ("." + "#" * digits if digits else "")
    try:
        return str(format_decimal(value, format=pattern, locale="vi"))
    except ArithmeticError:  # beyond Decimal's precision (1e30, infinity): shown as is
        return str(value)


def phan_tram(value: Number, tong: Number | None = None, *, chu_so_thap_phan: int = 2) -> str:
    """A percentage: ``phan_tram(84.5)`` is ``84,5%``; ``phan_tram(a, b)`` is a/b as a percentage."""
    if tong is not None:
        if not tong:
            raise InvalidValueError("tổng bằng 0: không tính được tỷ lệ")
        value = Decimal(str(value)) * 100 / Decimal(str(tong))
    return dinh_dang_so(value, chu_so_thap_phan=chu_so_thap_phan) + "%"
