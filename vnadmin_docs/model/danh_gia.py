"""A school's self-assessment as it states it: the facts and claims per indicator code."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Final

from ..vn.text import Record

__all__ = ["BO_CHI_SO_MAC_DINH", "FACTS", "DanhGia", "KetQua"]

CAP_HOC: Final = ("Mầm non", "Tiểu học", "THCS", "THPT", "Phổ thông nhiều cấp", "GDTX", "Khác")
"""School levels in reporting order (a school's ``cap_hoc``; the plan's schools are listed by them)."""

BO_CHI_SO_MAC_DINH: Final = "qd-4725-2022"
"""The indicator set used when an input names none: QĐ 4725/QĐ-BGDĐT (general and continuing
education), still in force for the school year 2026-2027."""

FACTS: Final = ("co", "dat", "ty_le", "so", "tong", "so_luong", "chon", "chuc_nang")
"""The fact fields of :class:`KetQua`; each rule kind takes some of them."""


@dataclass(frozen=True, kw_only=True)
class KetQua(Record):
    """What a school states for one item or criterion code."""

    co: bool | None = None
    """Deployed or not (``co_khong`` items)."""
    dat: bool | None = None
    """A mandatory condition is met."""
    ty_le: Decimal | None = None
    """A percentage, 0–100 (``ty_le`` items) …"""
    so: int | None = None
    """… or a count ``so`` out of ``tong``."""
    tong: int | None = None
    so_luong: int | None = None
    """A count (``so_luong`` items)."""
    chon: str | None = None
    """A choice (``lua_chon`` items), e.g. ``muc_2``, ``chung_thu_so``."""
    chuc_nang: tuple[int, ...] | None = None
    """The functions deployed, by number (``moi_chuc_nang`` items)."""
    diem: Decimal | None = None
    """The points claimed; at most the cap the facts allow; default: the cap."""
    minh_chung: tuple[str, ...] = ()
    """Evidence: text, links, or documents issued (``Kế hoạch số 128/KH-…``); each element is
    one item of the danh mục minh chứng, kept whole."""
    ghi_chu: str = ""
    """A remark (a difficulty, a note for the council): not evidence, never listed as such."""

    def given(self) -> set[str]:
        return {name for name in FACTS if getattr(self, name) is not None}


@dataclass(frozen=True, kw_only=True)
class DanhGia(Record):
    """A school's self-assessment for one year against one indicator set."""

    don_vi: str
    """The school, e.g. ``Trung tâm GDNN-GDTX huyện Thanh Trì``."""
    nam_hoc: str
    """The school year, e.g. ``2024-2025``."""
    bo_chi_so: str = BO_CHI_SO_MAC_DINH
    """A shipped set's code, or the path of a set file."""
    cap_hoc: str | None = None
    """The school level for aggregation (``THCS``…); guessed from the name when absent."""
    ket_qua: dict[str, KetQua] = field(default_factory=dict)
