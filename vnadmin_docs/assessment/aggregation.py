"""Aggregating many schools' results for the managing body (seed 003, Phụ lục 2).

Each school's result (:class:`KetQuaTruong`) comes from a dossier, a scorecard JSON or a row of
a spreadsheet (the loader makes them); :func:`tong_hop` counts, per group and per school level,
how many schools are at each level, with percentages that add up to exactly 100 (largest
remainder, one decimal), averages per criterion, the schools at each level, those with unmet
mandatory conditions, and duplicates (flagged, counted once).

>>> phan_tram_lam_tron([1, 1, 1])
(Decimal('33.4'), Decimal('33.3'), Decimal('33.3'))
>>> cap_hoc_tu_ten("Trường THCS Quyết Tiến"), cap_hoc_tu_ten("Trung tâm GDNN-GDTX huyện Thanh Trì")
('THCS', 'GDTX')
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, Decimal

from ..errors import Problem
from ..model.ke_hoach import CAP_HOC
from .scorecard import Scorecard
from .sets import BoChiSo

__all__ = [
    "CAP_HOC",
    "KetQuaTruong",
    "TongHop",
    "cap_hoc_tu_ten",
    "phan_tram_lam_tron",
    "tong_hop",
]

_LEVEL_PATTERNS = (
    ("Phổ thông nhiều cấp", r"nhiều cấp|liên cấp|\bPTCS\b|\bTH&THCS\b|TH và THCS"),
    ("Mầm non", r"mầm non|mẫu giáo|nhà trẻ"),
    ("Tiểu học", r"tiểu học|\bTH\b"),
    ("THCS", r"\bTHCS\b|trung học cơ sở"),
    ("THPT", r"\bTHPT\b|trung học phổ thông"),
    ("GDTX", r"GDTX|GDNN|giáo dục thường xuyên"),
)


def cap_hoc_tu_ten(ten: str) -> str:
    """Guess a school's level from its name (an input may state it instead)."""
    for level, pattern in _LEVEL_PATTERNS:
        if re.search(pattern, ten, re.IGNORECASE):
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

    @classmethod
    def from_scorecard(cls, sc: Scorecard, *, cap_hoc: str | None, source: str) -> KetQuaTruong:
        return cls(
            don_vi=sc.unit,
            cap_hoc=cap_hoc or cap_hoc_tu_ten(sc.unit),
            source=source,
            groups=tuple(NhomKetQua(g.code, g.points, g.level, g.mandatory_met) for g in sc.groups),
            criteria={c.code: c.points for _, c in sc.criteria() if c.points is not None},
        )

    @property
    def key(self) -> str:
        """What makes two results the same school: the name, case- and space-insensitive."""
        return " ".join(unicodedata.normalize("NFC", self.don_vi).casefold().split())


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

    def to_json(self) -> dict[str, object]:
        def pct(counts: Sequence[int]) -> list[float]:
            return [float(p) for p in phan_tram_lam_tron(counts)]

        return {
            "bo_chi_so": self.set_code,
            "so_truong": len(self.counted),
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
            "unmet_mandatory": [{"school": s, "groups": list(gs)} for s, gs in self.unmet],
            "duplicates": [str(p) for p in self.duplicates],
        }


def tong_hop(results: Sequence[KetQuaTruong], bo: BoChiSo) -> TongHop:
    """Tally ``results`` against ``bo``; a school that appears twice is counted once."""
    levels = tuple(sorted(b.muc for b in bo.muc_do))
    seen: dict[str, KetQuaTruong] = {}
    duplicates = []
    for r in results:
        if r.key in seen:
            duplicates.append(
                Problem(
                    r.source,
                    f"trùng đơn vị {r.don_vi!r} với {seen[r.key].source}; chỉ tính một lần",
                )
            )
            continue
        seen[r.key] = r
    counted = tuple(seen.values())
    caps = [c for c in CAP_HOC if any(r.cap_hoc == c for r in counted)]
    caps += sorted({r.cap_hoc for r in counted} - set(caps))
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
        bo.ma, bo.ten, levels, counted, tuple(groups), averages, unmet, tuple(duplicates)
    )
