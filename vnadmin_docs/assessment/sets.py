"""Indicator sets (bộ chỉ số) as data: groups, criteria, items, their rules and level bands.

Nothing about a particular regulation lives in Python: QĐ 4725/QĐ-BGDĐT is one shipped data
file (``vnadmin_docs/data/indicator_sets/qd-4725-2022.yaml``), and a province's variant or a
later set is just another file. This module holds the types; :mod:`.validation` finds every
inconsistency of a set at once and :mod:`.rules` says what each rule kind means.

Ranges are written the way the regulation words them: ``duoi`` (<), ``tu`` (≥), ``den`` (≤),
``tren`` (>).

>>> Khoang(tu=Decimal(50), den=Decimal(75)).mo_ta()
'từ 50 đến 75'
>>> Khoang(tren=Decimal(75)).chua(Decimal("75.5")), Khoang(tren=Decimal(75)).chua(Decimal(75))
(True, False)
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType
from typing import Literal

from ..vn.numbers import dinh_dang_so
from ..vn.text import Record

__all__ = [
    "BoChiSo",
    "ChiBao",
    "Khoang",
    "MucDo",
    "NhomTieuChi",
    "QuyTac",
    "TieuChi",
    "coverage",
]

_EPSILON = Decimal("0.001")


@dataclass(frozen=True, kw_only=True)
class Khoang(Record):
    """A range of points, a percentage or a count."""

    tu: Decimal | None = None
    """At least (≥)."""
    tren: Decimal | None = None
    """More than (>)."""
    den: Decimal | None = None
    """At most (≤)."""
    duoi: Decimal | None = None
    """Less than (<)."""

    def chua(self, x: Decimal) -> bool:
        """Whether ``x`` is in the range."""
        return (
            (self.tu is None or x >= self.tu)
            and (self.tren is None or x > self.tren)
            and (self.den is None or x <= self.den)
            and (self.duoi is None or x < self.duoi)
        )

    def moc(self) -> list[Decimal]:
        """The bounds, for checking that ranges cover a scale."""
        return [b for b in (self.tu, self.tren, self.den, self.duoi) if b is not None]

    def mo_ta(self, don_vi: str = "") -> str:
        """In words: ``dưới 50``, ``từ 50 đến 75``, ``trên 75``."""
        u = f" {don_vi}" if don_vi else ""
        low = (
            f"từ {dinh_dang_so(self.tu)}"
            if self.tu is not None
            else f"trên {dinh_dang_so(self.tren)}"
            if self.tren is not None
            else ""
        )
        high = (
            f"đến {dinh_dang_so(self.den)}"
            if self.den is not None
            else f"dưới {dinh_dang_so(self.duoi)}"
            if self.duoi is not None
            else ""
        )
        if low and high:
            return f"{low}{u} {high}{u}" if self.den is None else f"{low} {high}{u}"
        return f"{low or high}{u}"


@dataclass(frozen=True, kw_only=True)
class MucDo(Khoang):
    """A level band: level ``muc`` (1, 2, 3) for totals in the range."""

    muc: int
    ten: str = ""
    """The level's name, e.g. ``Mức đáp ứng tốt``."""
    mo_ta_muc: str = ""
    """What the level means, e.g. ``đáp ứng tốt các yêu cầu cơ bản và …``."""


@dataclass(frozen=True, kw_only=True)
class Bac(Khoang):
    """A tier of a tiered item: facts in the range allow up to ``diem`` points."""

    diem: Decimal


@dataclass(frozen=True, kw_only=True)
class QuyTac(Record):
    """How an item's cap ("tối đa") follows from the school's facts.

    ``loai`` names its kind; :data:`~vnadmin_docs.assessment.rules.RULE_KINDS` says, for each,
    which facts it takes, how it turns them into a cap and how it reads in a table.
    """

    loai: Literal["co_khong", "ty_le", "so_luong", "lua_chon", "moi_chuc_nang"]
    bac: tuple[Bac, ...] = ()
    lua_chon: dict[str, Decimal] = field(default_factory=dict)
    chuc_nang: tuple[str, ...] = ()
    diem_moi: Decimal | None = None
    mo_ta: str = ""
    """The rule as the table prints it; generated when empty."""


@dataclass(frozen=True, kw_only=True)
class ChiBao(Record):
    """An item of a criterion: text, maximum, rule."""

    ma: str
    noi_dung: str
    toi_da: Decimal
    quy_tac: QuyTac


@dataclass(frozen=True, kw_only=True)
class TieuChi(Record):
    """A criterion: a mandatory condition (no points), or points from its items or own rule."""

    ma: str
    noi_dung: str
    bat_buoc: bool = False
    toi_da: Decimal | None = None
    muc_do: tuple[MucDo, ...] = ()
    chi_bao: tuple[ChiBao, ...] = ()
    quy_tac: QuyTac | None = None
    """For a criterion scored directly, without items (e.g. 4725's 1.4)."""
    huong_dan: str = ""
    """Guidance for schools (the plan's assignment table)."""
    minh_chung: str = ""
    """The evidence expected."""


@dataclass(frozen=True, kw_only=True)
class NhomTieuChi(Record):
    """A group of criteria, scored out of ``toi_da`` and given its own level."""

    ma: str
    ten: str
    toi_da: Decimal
    tieu_chi: tuple[TieuChi, ...]


@dataclass(frozen=True, kw_only=True)
class BoChiSo(Record):
    """An indicator set, citing the regulation it comes from."""

    ma: str
    ten: str
    nguon: str
    """The source regulation, e.g. ``Quyết định số 4725/QĐ-BGDĐT ngày 30/12/2022 …``."""
    muc_do: tuple[MucDo, ...]
    """Group level bands."""
    nhom: tuple[NhomTieuChi, ...]
    bat_buoc_chua_dat: Literal["muc_1", "bo_qua"] = "muc_1"
    """Policy for an unmet mandatory condition: the group is rated level 1, or it is ignored."""
    buoc_diem: Decimal = Decimal("0.5")
    """The smallest step a total moves by, for advice: "above 75" is written as "at least
    75,5", never as "more than 0 points" (docs/dev/indicator-sets.md)."""

    def tieu_chi(self) -> Iterator[tuple[NhomTieuChi, TieuChi]]:
        for nhom in self.nhom:
            for tc in nhom.tieu_chi:
                yield nhom, tc

    def muc_ten(self, muc: int) -> str:
        return next((m.ten for m in self.muc_do if m.muc == muc), "")

    @functools.cached_property
    def toi_da_nhom(self) -> Mapping[str, Decimal]:
        """Each group's maximum points by code (worked out once: an aggregation checks
        thousands of results against them)."""
        return MappingProxyType({n.ma: n.toi_da for n in self.nhom})

    @functools.cached_property
    def toi_da_tieu_chi(self) -> Mapping[str, Decimal]:
        """Each scored criterion's maximum points by code."""
        return MappingProxyType(
            {tc.ma: tc.toi_da for _, tc in self.tieu_chi() if tc.toi_da is not None}
        )

    def ma_chi_so(self) -> set[str]:
        """Every code of the set: criteria and their items."""
        return {tc.ma for _, tc in self.tieu_chi()} | {
            i.ma for _, tc in self.tieu_chi() for i in tc.chi_bao
        }


def coverage(
    bands: Sequence[Khoang], low: Decimal, high: Decimal | None, *, open_low: bool = False
) -> str | None:
    """Why ``bands`` do not cover [low, high] exactly once, or ``None`` when they do; with
    ``open_low`` the scale is (low, high]: ``low`` itself may lie outside every band (a tier
    that starts ``tren: 0`` leaves a fact of zero with no points) but not inside two."""
    points = {low} | ({high} if high is not None else set())
    for band in bands:
        for b in band.moc():
            points |= {b - _EPSILON, b, b + _EPSILON}
    for x in sorted(points):
        if x < low or (high is not None and x > high):
            continue
        hits = sum(1 for band in bands if band.chua(x))
        if hits != 1 and not (open_low and x == low and hits == 0):
            kind = "không thuộc khoảng nào" if hits == 0 else "thuộc nhiều khoảng"
            return f"giá trị {dinh_dang_so(x, chu_so_thap_phan=3)} {kind}"
    return None
