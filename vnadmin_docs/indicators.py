"""Indicator sets (bộ chỉ số) as data: groups, criteria, items, their rules and level bands.

Nothing about a particular regulation lives in Python: QĐ 4725/QĐ-BGDĐT is one shipped data
file (``vnadmin_docs/data/indicator_sets/qd-4725-2022.yaml``), and a province's variant or a
later set is just another file. This module holds the types and :func:`validate`, which finds
every inconsistency in a set at once (totals, unique codes, bands that leave a gap or overlap).

Ranges are written the way the regulation words them: ``duoi`` (<), ``tu`` (≥), ``den`` (≤),
``tren`` (>).

>>> Khoang(tu=Decimal(50), den=Decimal(75)).mo_ta()
'từ 50 đến 75'
>>> Khoang(tren=Decimal(75)).chua(Decimal("75.5")), Khoang(tren=Decimal(75)).chua(Decimal(75))
(True, False)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from .errors import Loc, Problem
from .numbers import dinh_dang_so
from .text import Record

__all__ = [
    "BoChiSo",
    "ChiBao",
    "Khoang",
    "MucDo",
    "NhomTieuChi",
    "QuyTac",
    "TieuChi",
    "validate",
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

    - ``co_khong``: deployed or not (fact ``co``): up to the item's maximum, or 0;
    - ``ty_le``: tiers by percentage (fact ``ty_le``, 0–100, or ``so`` of ``tong``);
    - ``so_luong``: tiers by count (fact ``so_luong``);
    - ``lua_chon``: a choice (fact ``chon``), each option with its cap;
    - ``moi_chuc_nang``: ``diem_moi`` per function deployed (fact ``chuc_nang``).
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

    def tieu_chi(self) -> Iterator[tuple[NhomTieuChi, TieuChi]]:
        for nhom in self.nhom:
            for tc in nhom.tieu_chi:
                yield nhom, tc

    def muc_ten(self, muc: int) -> str:
        return next((m.ten for m in self.muc_do if m.muc == muc), "")


def _coverage(bands: Sequence[Khoang], low: Decimal, high: Decimal | None) -> str | None:
    """Why ``bands`` do not cover [low, high] exactly once, or ``None`` when they do."""
    points = {low} | ({high} if high is not None else set())
    for band in bands:
        for b in band.moc():
            points |= {b - _EPSILON, b, b + _EPSILON}
    for x in sorted(points):
        if x < low or (high is not None and x > high):
            continue
        hits = sum(1 for band in bands if band.chua(x))
        if hits != 1:
            kind = "không thuộc khoảng nào" if hits == 0 else "thuộc nhiều khoảng"
            return f"giá trị {dinh_dang_so(x, chu_so_thap_phan=3)} {kind}"
    return None


def _check_levels(bands: Sequence[MucDo], top: Decimal, loc: Loc, out: list[Problem]) -> None:
    if not bands:
        out.append(Problem.at(loc, "phải có các mức độ"))
        return
    gap = _coverage(bands, Decimal(0), top)
    if gap:
        out.append(Problem.at(loc, f"các mức độ không phủ kín thang 0–{dinh_dang_so(top)}: {gap}"))
    levels = [b.muc for b in bands]
    if levels != sorted(set(levels)):
        out.append(Problem.at(loc, "các mức độ phải tăng dần và không trùng nhau"))


def _check_rule(rule: QuyTac, toi_da: Decimal, loc: Loc, out: list[Problem]) -> None:
    if rule.loai in ("ty_le", "so_luong"):
        if not rule.bac:
            out.append(Problem.at((*loc, "bac"), "phải có các bậc"))
            return
        top = Decimal(100) if rule.loai == "ty_le" else None
        gap = _coverage(rule.bac, Decimal(0), top)
        if gap:
            out.append(Problem.at((*loc, "bac"), f"các bậc không phủ kín thang: {gap}"))
        if any(b.diem > toi_da for b in rule.bac):
            out.append(Problem.at((*loc, "bac"), "điểm một bậc vượt điểm tối đa"))
    elif rule.loai == "lua_chon":
        if not rule.lua_chon:
            out.append(Problem.at((*loc, "lua_chon"), "phải có các lựa chọn"))
        if any(v > toi_da or v < 0 for v in rule.lua_chon.values()):
            out.append(Problem.at((*loc, "lua_chon"), "điểm một lựa chọn vượt điểm tối đa"))
    elif rule.loai == "moi_chuc_nang":
        if not rule.chuc_nang or rule.diem_moi is None:
            out.append(Problem.at(loc, "phải có chuc_nang và diem_moi"))
        elif rule.diem_moi * len(rule.chuc_nang) != toi_da:
            out.append(Problem.at(loc, "diem_moi × số chức năng phải bằng điểm tối đa"))


def validate(bo: BoChiSo) -> list[Problem]:
    """Every inconsistency of an indicator set, with its path; an empty list when it is sound."""
    out: list[Problem] = []
    seen: set[str] = set()

    def unique(code: str, loc: Loc) -> None:
        if code in seen:
            out.append(Problem.at(loc, f"mã {code!r} bị trùng"))
        seen.add(code)

    if not bo.nguon.strip():
        out.append(Problem.at(("nguon",), "phải ghi văn bản quy định bộ chỉ số"))
    top = max((n.toi_da for n in bo.nhom), default=Decimal(100))
    _check_levels(bo.muc_do, top, ("muc_do",), out)
    for g, nhom in enumerate(bo.nhom):
        gl: Loc = ("nhom", g)
        unique(nhom.ma, (*gl, "ma"))
        total = Decimal(0)
        for c, tc in enumerate(nhom.tieu_chi):
            cl: Loc = (*gl, "tieu_chi", c)
            unique(tc.ma, (*cl, "ma"))
            if tc.bat_buoc:
                if tc.toi_da or tc.chi_bao or tc.quy_tac:
                    out.append(Problem.at(cl, "điều kiện bắt buộc không tính điểm"))
                continue
            if tc.toi_da is None:
                out.append(Problem.at((*cl, "toi_da"), "thiếu điểm tối đa"))
                continue
            total += tc.toi_da
            _check_levels(tc.muc_do, tc.toi_da, (*cl, "muc_do"), out)
            if bool(tc.chi_bao) == bool(tc.quy_tac):
                out.append(
                    Problem.at(cl, "phải có hoặc các chỉ báo (chi_bao) hoặc một quy tắc (quy_tac)")
                )
            if tc.quy_tac:
                _check_rule(tc.quy_tac, tc.toi_da, (*cl, "quy_tac"), out)
            items = sum((i.toi_da for i in tc.chi_bao), Decimal(0))
            if tc.chi_bao and items != tc.toi_da:
                out.append(
                    Problem.at(
                        (*cl, "toi_da"),
                        f"tổng điểm các chỉ báo ({dinh_dang_so(items)}) khác điểm tối đa "
                        f"({dinh_dang_so(tc.toi_da)})",
                    )
                )
            for i, item in enumerate(tc.chi_bao):
                il: Loc = (*cl, "chi_bao", i)
                unique(item.ma, (*il, "ma"))
                if not item.ma.startswith(tc.ma):
                    out.append(Problem.at((*il, "ma"), f"mã chỉ báo phải bắt đầu bằng {tc.ma!r}"))
                _check_rule(item.quy_tac, item.toi_da, (*il, "quy_tac"), out)
        if total != nhom.toi_da:
            out.append(
                Problem.at(
                    (*gl, "toi_da"),
                    f"tổng điểm các tiêu chí ({dinh_dang_so(total)}) khác điểm tối đa của nhóm "
                    f"({dinh_dang_so(nhom.toi_da)})",
                )
            )
    return out
