"""Dates the way Nghị định 30/2020/NĐ-CP writes them (Phụ lục I, II.3–4).

The day is zero-padded below 10; the month only for January and February (so that
nobody can turn "1" into "11" or "12"). Drafts leave the unknown parts blank.

>>> from datetime import date
>>> ngay_thang_nam(date(2025, 3, 6))
'ngày 06 tháng 3 năm 2025'
>>> ngay_thang_nam(date(2020, 1, 5))
'ngày 05 tháng 01 năm 2020'
>>> dia_danh_ngay("Thanh Trì", Ngay(2025, 3))
'Thanh Trì, ngày    tháng 3 năm 2025'
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from ..errors import InvalidValueError

__all__ = ["Ngay", "dia_danh_ngay", "gio_phut", "ngay_ngan", "ngay_thang_nam"]

BLANK = "  "
"""What a draft prints where the day or month is not known yet."""

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


@dataclass(frozen=True, order=True)
class Ngay:
    """A date that may be only partly known (a draft): the year always, month and day maybe.

    >>> Ngay.parse("2025-03")
    Ngay(nam=2025, thang=3, ngay=None)
    >>> str(Ngay(2025, 3, 6)), str(Ngay(2025))
    ('2025-03-06', '2025')
    >>> Ngay.parse("2025-02-30")
    Traceback (most recent call last):
    ...
    vnadmin_docs.errors.InvalidValueError: ngày không hợp lệ: 2025-02-30 (tháng 2/2025 có 28 ngày)
    """

    nam: int
    thang: int | None = None
    ngay: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.nam <= 9999:
            raise InvalidValueError(f"năm không hợp lệ: {self.nam}")
        if self.thang is None and self.ngay is not None:
            raise InvalidValueError("đã có ngày thì phải có tháng")
        if self.thang is not None and not 1 <= self.thang <= 12:
            raise InvalidValueError(f"tháng không hợp lệ: {self.thang}")
        if self.thang is not None and self.ngay is not None:
            last = calendar.monthrange(self.nam, self.thang)[1]
            if not 1 <= self.ngay <= last:
                raise InvalidValueError(
                    f"ngày không hợp lệ: {self} (tháng {self.thang}/{self.nam} có {last} ngày)"
                )

    @classmethod
    def of(cls, value: date | Ngay) -> Ngay:
        """Accept a full :class:`datetime.date` or a :class:`Ngay`."""
        if isinstance(value, Ngay):
            return value
        return cls(value.year, value.month, value.day)

    @classmethod
    def parse(cls, text: str) -> Ngay:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
        m = _PARTIAL.match(text.strip())
        if not m:
            raise InvalidValueError(f"ngày phải có dạng YYYY-MM-DD, YYYY-MM hoặc YYYY: {text!r}")
        nam, thang, ngay = (int(g) if g else None for g in m.groups())
        assert nam is not None
        return cls(nam, thang, ngay)

    @property
    def day(self) -> date | None:
        """The full date, or ``None`` for a draft."""
        if self.thang is None or self.ngay is None:
            return None
        return date(self.nam, self.thang, self.ngay)

    def __str__(self) -> str:
        parts = [f"{self.nam:04d}"]
        if self.thang is not None:
            parts.append(f"{self.thang:02d}")
        if self.ngay is not None:
            parts.append(f"{self.ngay:02d}")
        return "-".join(parts)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        """Let the input loader accept ``2025-03-06``, ``"2025-03"``, ``2025`` or a date."""
        from pydantic_core import core_schema

        def convert(value: Any) -> Ngay:
            if isinstance(value, Ngay):
                return value
            if isinstance(value, datetime):
                return cls.of(value.date())
            if isinstance(value, date):
                return cls.of(value)
            if isinstance(value, int) and not isinstance(value, bool):
                return cls(value)
            if isinstance(value, str):
                return cls.parse(value)
            raise InvalidValueError("ngày phải có dạng YYYY-MM-DD, YYYY-MM hoặc YYYY")

        return core_schema.no_info_plain_validator_function(
            convert,
            json_schema_input_schema=core_schema.union_schema(
                [
                    core_schema.str_schema(pattern=r"^\d{4}(-\d{1,2}(-\d{1,2})?)?$"),
                    core_schema.int_schema(),
                ]
            ),
            serialization=core_schema.to_string_ser_schema(),
        )


def _pad_day(d: int) -> str:
    return f"{d:02d}"


def _pad_month(m: int) -> str:
    return f"{m:02d}" if m <= 2 else str(m)


def ngay_thang_nam(value: date | Ngay) -> str:
    """``ngày DD tháng M năm YYYY``, with blanks for what a draft does not know yet.

    >>> ngay_thang_nam(date(2019, 6, 29))
    'ngày 29 tháng 6 năm 2019'
    >>> ngay_thang_nam(Ngay(2023))
    'ngày    tháng    năm 2023'
    """
    n = Ngay.of(value)
    day = _pad_day(n.ngay) if n.ngay is not None else BLANK
    month = _pad_month(n.thang) if n.thang is not None else BLANK
    return f"ngày {day} tháng {month} năm {n.nam}"


def dia_danh_ngay(dia_danh: str, value: date | Ngay) -> str:
    """The place-and-date line of the header: ``Thanh Trì, ngày 06 tháng 3 năm 2025``."""
    return f"{dia_danh}, {ngay_thang_nam(value)}"


def ngay_ngan(value: date | Ngay) -> str:
    """The short form used in citations: ``06/3/2025`` (blanks for a draft).

    >>> ngay_ngan(date(2025, 3, 6)), ngay_ngan(Ngay(2025, 3))
    ('06/3/2025', '  /3/2025')
    """
    n = Ngay.of(value)
    day = _pad_day(n.ngay) if n.ngay is not None else BLANK
    month = _pad_month(n.thang) if n.thang is not None else BLANK
    return f"{day}/{month}/{n.nam}"


def gio_phut(value: time | datetime) -> str:
    """A clock time as minutes-of-meeting write it.

    >>> gio_phut(time(8, 0))
    '08 giờ 00 phút'
    """
    return f"{value.hour:02d} giờ {value.minute:02d} phút"
