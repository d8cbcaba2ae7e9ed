"""Aggregating many schools' results for the managing body (seed 003, Phụ lục 2).

Each school's result (:class:`KetQuaTruong`) comes from a dossier, a scorecard JSON or a row of
a spreadsheet (the loader makes them); :func:`tong_hop` counts, per group and per school level,
how many schools are at each level, with percentages that add up to exactly 100 (largest
remainder, one decimal), averages per criterion (with how many schools each covers), the
schools at each level, those with unmet mandatory conditions, and duplicates (flagged, counted
once).

An aggregation has a scope (:class:`PhamVi`): one school year, one indicator set, and the
schools expected (the plan's ``co_so``, or a list given another way). A result from another
year, another set or a school outside the list is left out with its reason; an expected school
without a result is named. School names are matched NFC-, case- and space-insensitively
(:func:`~vnadmin_docs.vn.text.khoa_ten`).

>>> phan_tram_lam_tron([1, 1, 1])
(Decimal('33.4'), Decimal('33.3'), Decimal('33.3'))
>>> cap_hoc_tu_ten("Trường THCS Quyết Tiến"), cap_hoc_tu_ten("Trung tâm GDNN-GDTX huyện Thanh Trì")
('THCS', 'GDTX')
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, Decimal
from typing import TYPE_CHECKING, Final

from ..errors import Problem
from ..model.danh_gia import CAP_HOC
from ..vn.text import khoa_ten
from .scorecard import Scorecard
from .sets import BoChiSo

if TYPE_CHECKING:  # the plan's model: a scope's schools are given, never made here
    from ..model.ke_hoach import CoSo

__all__ = [
    "CAP_HOC",
    "KetQuaTruong",
    "LoaiRa",
    "PhamVi",
    "TongHop",
    "cap_hoc_tu_ten",
    "phan_tram_lam_tron",
    "tong_hop",
]

_LEVEL_PATTERNS: Final = tuple(
    (level, re.compile(pattern, re.IGNORECASE))
    for level, pattern in (
        ("Phổ thông nhiều cấp", r"nhiều cấp|liên cấp|\bPTCS\b|\bTH&THCS\b|TH và THCS"),
        ("Mầm non", r"mầm non|mẫu giáo|nhà trẻ"),
        ("Tiểu học", r"tiểu học|\bTH\b"),
        ("THCS", r"\bTHCS\b|trung học cơ sở"),
        ("THPT", r"\bTHPT\b|trung học phổ thông"),
        ("GDTX", r"GDTX|GDNN|giáo dục thường xuyên"),
    )
)


def cap_hoc_tu_ten(ten: str) -> str:
    """Guess a school's level from its name (an input may state it instead)."""
    for level, pattern in _LEVEL_PATTERNS:
        if pattern.search(ten):
            return level
    return "Khác"


@dataclass(frozen=True)
class NhomKetQua:
    code: str
    points: Decimal
    level: int
    mandatory_met: bool


@dataclass(frozen=True)
class KetQuaTruong:
    """One school's result, whatever file it came from."""

    don_vi: str
    cap_hoc: str
    source: str
    groups: tuple[NhomKetQua, ...]
    criteria: dict[str, Decimal] = field(default_factory=dict)
    """Criterion points, when the source has them (dossiers, assessments, scorecard JSON)."""
    nam_hoc: str | None = None
    """The school year the result is for (``None``: the source does not say, e.g. a
    spreadsheet without a ``nam_hoc`` column)."""
    bo_chi_so: str | None = None
    """The code of the indicator set it was scored against (``None``: not said)."""

    @classmethod
    def from_scorecard(cls, sc: Scorecard, *, cap_hoc: str | None, source: str) -> KetQuaTruong:
        return cls(
            don_vi=sc.unit,
            cap_hoc=cap_hoc or cap_hoc_tu_ten(sc.unit),
            source=source,
            groups=tuple(NhomKetQua(g.code, g.points, g.level, g.mandatory_met) for g in sc.groups),
            criteria={c.code: c.points for _, c in sc.criteria() if c.points is not None},
            nam_hoc=sc.year,
            bo_chi_so=sc.set_code,
        )

    @property
    def key(self) -> str:
        """What makes two results the same school: the name, NFC-, case- and space-insensitive."""
        return khoa_ten(self.don_vi)


@dataclass(frozen=True)
class PhamVi:
    """The scope of an aggregation: the school year and the schools expected (``None``: any).
    The indicator set is the one :func:`tong_hop` counts against."""

    nam_hoc: str | None = None
    co_so: tuple[CoSo, ...] | None = None


@dataclass(frozen=True)
class LoaiRa:
    """A result left out of the count, and why (in Vietnamese)."""

    don_vi: str
    source: str
    ly_do: str

    def __str__(self) -> str:
        return f"{self.don_vi} ({self.source}): {self.ly_do}"


def phan_tram_lam_tron(counts: Sequence[int]) -> tuple[Decimal, ...]:
    """Percentages of ``counts`` with one decimal that add up to exactly 100 (largest remainder);
    all zero when there is nothing to count."""
    total = sum(counts)
    if total == 0:
        return tuple(Decimal(0) for _ in counts)
    step = Decimal("0.1")
    exact = [Decimal(c) * 100 / total for c in counts]
    floors = [e.quantize(step, rounding=ROUND_FLOOR) for e in exact]
    left = int((Decimal(100) - sum(floors)) / step)
    order = sorted(range(len(counts)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:left]:
        floors[i] += step
    return tuple(floors)


@dataclass(frozen=True)
class DemNhom:
    """Per group: schools per level, overall and per school level."""

    code: str
    name: str
    total: tuple[int, ...]
    by_cap_hoc: dict[str, tuple[int, ...]]
    schools: dict[int, tuple[str, ...]]
    """Level → school names."""


@dataclass(frozen=True)
class TongHop:
    set_code: str
    set_name: str
    levels: tuple[int, ...]
    counted: tuple[KetQuaTruong, ...]
    groups: tuple[DemNhom, ...]
    averages: dict[str, Decimal]
    """Criterion code → average points over the schools whose source has criteria."""
    unmet: tuple[tuple[str, tuple[str, ...]], ...]
    """Schools with an unmet mandatory condition: (school, group codes)."""
    duplicates: tuple[Problem, ...]
    averages_n: dict[str, int] = field(default_factory=dict)
    """Criterion code → how many schools its average covers."""
    excluded: tuple[LoaiRa, ...] = ()
    """Results outside the scope (another year, set, or a school not expected), not counted."""
    missing: tuple[CoSo, ...] = ()
    """Expected schools without a result."""
    expected: int | None = None
    """How many schools the scope expects (``None``: no list)."""
    nam_hoc: str | None = None

    @property
    def complete(self) -> bool:
        """Nothing left out, missing or duplicated."""
        return not (self.excluded or self.missing or self.duplicates)

    def to_json(self) -> dict[str, object]:
        def pct(counts: Sequence[int]) -> list[float]:
            return [float(p) for p in phan_tram_lam_tron(counts)]

        return {
            "bo_chi_so": self.set_code,
            "nam_hoc": self.nam_hoc,
            "so_truong": len(self.counted),
            "so_truong_du_kien": self.expected,
            "thieu": [{"don_vi": c.ten, "cap_hoc": c.cap_hoc} for c in self.missing],
            "loai_ra": [
                {"don_vi": x.don_vi, "source": x.source, "ly_do": x.ly_do} for x in self.excluded
            ],
            "groups": [
                {
                    "code": g.code,
                    "name": g.name,
                    "counts": dict(zip(map(str, self.levels), g.total, strict=True)),
                    "percent": dict(zip(map(str, self.levels), pct(g.total), strict=True)),
                    "by_level": {
                        cap: {"counts": list(c), "percent": pct(c)}
                        for cap, c in g.by_cap_hoc.items()
                    },
                    "schools": {str(k): list(v) for k, v in g.schools.items()},
                }
                for g in self.groups
            ],
            "averages": {k: float(v) for k, v in self.averages.items()},
            "averages_n": dict(self.averages_n),
            "unmet_mandatory": [{"school": s, "groups": list(gs)} for s, gs in self.unmet],
            "duplicates": [str(p) for p in self.duplicates],
        }


def _outside(r: KetQuaTruong, bo: BoChiSo, scope: PhamVi, expected: dict[str, CoSo]) -> str:
    """Why ``r`` is outside the scope, or ``""``."""
    if scope.nam_hoc is not None and r.nam_hoc is not None and r.nam_hoc != scope.nam_hoc:
        return f"kết quả năm học {r.nam_hoc}, không phải năm học {scope.nam_hoc}"
    if r.bo_chi_so is not None and r.bo_chi_so != bo.ma:
        return f"chấm theo bộ chỉ số {r.bo_chi_so}, không phải {bo.ma}"
    if scope.co_so is not None and r.key not in expected:
        return "đơn vị không có trong danh sách cơ sở của kế hoạch"
    return ""


def tong_hop(results: Sequence[KetQuaTruong], bo: BoChiSo, scope: PhamVi | None = None) -> TongHop:
    """Tally ``results`` against ``bo`` within ``scope``: results outside it are left out with
    their reason, expected schools without a result are listed, a school that appears twice is
    counted once. An expected school is counted under the plan's name and school level."""
    scope = scope or PhamVi()
    levels = tuple(sorted(b.muc for b in bo.muc_do))
    expected = {khoa_ten(c.ten): c for c in scope.co_so or ()}
    seen: dict[str, KetQuaTruong] = {}
    duplicates = []
    excluded = []
    for r in results:
        reason = _outside(r, bo, scope, expected)
        if reason:
            excluded.append(LoaiRa(r.don_vi, r.source, reason))
            continue
        key = r.key  # once: a name's key is worked out by casefolding and collapsing spaces
        if key in expected:  # named and levelled as the plan lists it
            plan_entry = expected[key]
            r = dataclasses.replace(r, don_vi=plan_entry.ten, cap_hoc=plan_entry.cap_hoc)
            key = r.key
        if key in seen:
            duplicates.append(
                Problem(
                    r.source,
                    f"trùng đơn vị {r.don_vi!r} với {seen[key].source}; chỉ tính một lần",
                )
            )
            continue
        seen[key] = r
    counted = tuple(seen.values())
    present = {r.cap_hoc for r in counted}
    caps: list[str] = [c for c in CAP_HOC if c in present]
    caps += sorted(present - set(caps))
    groups = []
    for nhom in bo.nhom:
        per: dict[str, list[int]] = {c: [0] * len(levels) for c in caps}
        names: dict[int, list[str]] = {lv: [] for lv in levels}
        for r in counted:
            g = next((x for x in r.groups if x.code == nhom.ma), None)
            if g is None:
                continue
            per[r.cap_hoc][levels.index(g.level)] += 1
            names[g.level].append(r.don_vi)
        total = tuple(sum(per[c][i] for c in caps) for i in range(len(levels)))
        groups.append(DemNhom(nhom.ma, nhom.ten, total, {c: tuple(v) for c, v in per.items()},
                              {k: tuple(v) for k, v in names.items()}))  # fmt: skip
    missing = tuple(c for key, c in expected.items() if key not in seen)
    sums: dict[str, Decimal] = {}
    n: dict[str, int] = {}
    for r in counted:
        for code, points in r.criteria.items():
            sums[code] = sums.get(code, Decimal(0)) + points
            n[code] = n.get(code, 0) + 1
    averages = {code: (sums[code] / n[code]).quantize(Decimal("0.01")) for code in sums}
    unmet = tuple(
        (r.don_vi, tuple(g.code for g in r.groups if not g.mandatory_met))
        for r in counted
        if any(not g.mandatory_met for g in r.groups)
    )
    return TongHop(
        bo.ma, bo.ten, levels, counted, tuple(groups), averages, unmet, tuple(duplicates),
        averages_n=n, excluded=tuple(excluded), missing=missing,
        expected=len(expected) if scope.co_so is not None else None, nam_hoc=scope.nam_hoc,
    )  # fmt: skip
