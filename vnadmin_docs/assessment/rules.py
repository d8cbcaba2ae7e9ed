"""The rule kinds of an indicator set, one class each.

A rule (:class:`~vnadmin_docs.assessment.sets.QuyTac`) names its kind in ``loai``. The kind
says everything about it in one place: which facts a school states for it, how the set must
write it (:meth:`RuleKind.validate`), how the facts become a cap on the points
(:meth:`RuleKind.cap`), and how the scored table prints it (:meth:`RuleKind.describe`).

- ``co_khong``: deployed or not (fact ``co``): up to the item's maximum, or 0;
- ``ty_le``: tiers by percentage (fact ``ty_le``, 0–100, or ``so`` of ``tong``);
- ``so_luong``: tiers by count (fact ``so_luong``);

  a tier's range is its own data: a first tier written ``{tren: 0, duoi: 30}`` gives nothing
  for a fact of zero ("tối đa N điểm" is a cap, not a grant), and the tiers must then cover
  (0, top] exactly once;
- ``lua_chon``: a choice (fact ``chon``), each option with its cap;
- ``moi_chuc_nang``: ``diem_moi`` per function deployed (fact ``chuc_nang``).

Adding a kind: a class here, its name in ``QuyTac.loai``, an entry in :data:`RULE_KINDS`.

>>> from decimal import Decimal
>>> RULE_KINDS["co_khong"].describe(QuyTac(loai="co_khong"), Decimal(6))
'Tối đa 6 điểm'
"""

from __future__ import annotations

import dataclasses
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from decimal import Decimal
from types import MappingProxyType
from typing import ClassVar

from ..errors import Loc, Problem
from ..model.danh_gia import KetQua
from ..vn.numbers import dinh_dang_so
from .sets import Khoang, QuyTac, coverage

__all__ = ["RULE_KINDS", "RuleKind", "describe", "tier"]


def _so(value: Decimal | None) -> str:
    return "" if value is None else dinh_dang_so(value)


def tier(bands: Sequence[Khoang], x: Decimal) -> Decimal:
    """The points of the tier ``x`` falls in (0 when none)."""
    for band in bands:
        if band.chua(x):
            return Decimal(getattr(band, "diem", 0))
    return Decimal(0)


class RuleKind(ABC):
    """What one kind of rule means. Subclasses set :attr:`name` and :attr:`facts`."""

    name: ClassVar[str]
    facts: ClassVar[frozenset[str]]
    """The facts of :class:`~vnadmin_docs.model.KetQua` a school states for this kind."""

    def validate(self, rule: QuyTac, toi_da: Decimal, loc: Loc, out: list[Problem]) -> None:
        """Append what is wrong with how the set writes ``rule`` (an item worth ``toi_da``);
        a kind with no parameters has nothing to check."""
        del rule, toi_da, loc, out

    @abstractmethod
    def cap(
        self, rule: QuyTac, toi_da: Decimal, facts: KetQua, loc: Loc, out: list[Problem]
    ) -> Decimal:
        """The points the ``facts`` allow; problems with the facts are appended to ``out``."""

    def describe(self, rule: QuyTac, toi_da: Decimal) -> str:
        """The rule as the scored table's "Điểm thành phần" column prints it."""
        return f"Tối đa {_so(toi_da)} điểm"


class CoKhong(RuleKind):
    name = "co_khong"
    facts = frozenset({"co"})

    def cap(
        self, rule: QuyTac, toi_da: Decimal, facts: KetQua, loc: Loc, out: list[Problem]
    ) -> Decimal:
        return toi_da if facts.co else Decimal(0)


class _Tiered(RuleKind):
    top: ClassVar[Decimal | None]
    unit: ClassVar[str]

    def validate(self, rule: QuyTac, toi_da: Decimal, loc: Loc, out: list[Problem]) -> None:
        if not rule.bac:
            out.append(Problem.at((*loc, "bac"), "phải có các bậc"))
            return
        open_low = any(b.tren == 0 for b in rule.bac)
        gap = coverage(rule.bac, Decimal(0), self.top, open_low=open_low)
        if gap:
            out.append(Problem.at((*loc, "bac"), f"các bậc không phủ kín thang: {gap}"))
        if any(b.diem > toi_da for b in rule.bac):
            out.append(Problem.at((*loc, "bac"), "điểm một bậc vượt điểm tối đa"))

    def describe(self, rule: QuyTac, toi_da: Decimal) -> str:
        # The regulation's words: a first tier "trên 0, dưới 30" prints as "dưới 30 %" (its
        # lower edge, zero earns zero, is in docs/dev/indicator-sets.md).
        shown = [dataclasses.replace(b, tren=None) if b.tren == 0 else b for b in rule.bac]
        lines = [f"{b.mo_ta(self.unit)}: tối đa {_so(b.diem)} điểm" for b in shown]
        return "\n".join(line[:1].upper() + line[1:] for line in lines)


class TyLe(_Tiered):
    name = "ty_le"
    facts = frozenset({"ty_le", "so", "tong"})
    top = Decimal(100)
    unit = "%"

    def cap(
        self, rule: QuyTac, toi_da: Decimal, facts: KetQua, loc: Loc, out: list[Problem]
    ) -> Decimal:
        pct = facts.ty_le
        if facts.so is not None or facts.tong is not None:
            if (
                facts.so is None
                or not facts.tong
                or facts.tong < 0
                or not 0 <= facts.so <= facts.tong
            ):
                out.append(Problem.at(loc, "tỷ lệ theo số lượng cần 0 ≤ so ≤ tong và tong > 0"))
                return Decimal(0)
            pct = Decimal(facts.so) * 100 / Decimal(facts.tong)
        if pct is None:
            return Decimal(0)
        if not 0 <= pct <= 100:
            message = f"tỷ lệ phải từ 0 đến 100, không phải {_so(pct)}"
            out.append(Problem.at((*loc, "ty_le"), message))
            return Decimal(0)
        return tier(rule.bac, pct)


class SoLuong(_Tiered):
    name = "so_luong"
    facts = frozenset({"so_luong"})
    top = None
    unit = ""

    def cap(
        self, rule: QuyTac, toi_da: Decimal, facts: KetQua, loc: Loc, out: list[Problem]
    ) -> Decimal:
        if facts.so_luong is None:
            return Decimal(0)
        if facts.so_luong < 0:
            out.append(Problem.at((*loc, "so_luong"), f"số lượng không được âm ({facts.so_luong})"))
            return Decimal(0)
        return tier(rule.bac, Decimal(facts.so_luong))


class LuaChon(RuleKind):
    name = "lua_chon"
    facts = frozenset({"chon"})

    def validate(self, rule: QuyTac, toi_da: Decimal, loc: Loc, out: list[Problem]) -> None:
        if not rule.lua_chon:
            out.append(Problem.at((*loc, "lua_chon"), "phải có các lựa chọn"))
        if any(v > toi_da or v < 0 for v in rule.lua_chon.values()):
            out.append(Problem.at((*loc, "lua_chon"), "điểm một lựa chọn vượt điểm tối đa"))

    def cap(
        self, rule: QuyTac, toi_da: Decimal, facts: KetQua, loc: Loc, out: list[Problem]
    ) -> Decimal:
        if facts.chon is None:
            return Decimal(0)
        if facts.chon not in rule.lua_chon:
            valid = ", ".join(rule.lua_chon)
            message = f"lựa chọn {facts.chon!r} không có; chọn một trong: {valid}"
            out.append(Problem.at((*loc, "chon"), message))
            return Decimal(0)
        return rule.lua_chon[facts.chon]

    def describe(self, rule: QuyTac, toi_da: Decimal) -> str:
        return "; ".join(f"{k}: tối đa {_so(v)} điểm" for k, v in rule.lua_chon.items())


class MoiChucNang(RuleKind):
    name = "moi_chuc_nang"
    facts = frozenset({"chuc_nang"})

    def validate(self, rule: QuyTac, toi_da: Decimal, loc: Loc, out: list[Problem]) -> None:
        if not rule.chuc_nang or rule.diem_moi is None:
            out.append(Problem.at(loc, "phải có chuc_nang và diem_moi"))
        elif rule.diem_moi * len(rule.chuc_nang) != toi_da:
            out.append(Problem.at(loc, "diem_moi × số chức năng phải bằng điểm tối đa"))

    def cap(
        self, rule: QuyTac, toi_da: Decimal, facts: KetQua, loc: Loc, out: list[Problem]
    ) -> Decimal:
        chosen = facts.chuc_nang or ()
        n = len(rule.chuc_nang)
        bad = [c for c in chosen if not 1 <= c <= n]
        if bad or len(set(chosen)) != len(chosen):
            message = f"các chức năng phải là các số khác nhau từ 1 đến {n}"
            out.append(Problem.at((*loc, "chuc_nang"), message))
            return Decimal(0)
        return (rule.diem_moi or Decimal(0)) * len(chosen)

    def describe(self, rule: QuyTac, toi_da: Decimal) -> str:
        return (
            f"Tối đa {_so(toi_da)} điểm, mỗi chức năng triển khai tối đa {_so(rule.diem_moi)} điểm"
        )


RULE_KINDS: Mapping[str, RuleKind] = MappingProxyType(
    {kind.name: kind for kind in (CoKhong(), TyLe(), SoLuong(), LuaChon(), MoiChucNang())}
)
"""Every rule kind by its ``loai``."""


def describe(rule: QuyTac, toi_da: Decimal) -> str:
    """The "Điểm thành phần" text of a rule: the set's own wording when it has one."""
    return rule.mo_ta or RULE_KINDS[rule.loai].describe(rule, toi_da)
