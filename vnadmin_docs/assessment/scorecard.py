"""The scorecard: what scoring a self-assessment gives, and its versioned JSON form.

A :class:`Scorecard` holds, per group, criterion and item, the points, caps, levels and
mandatory conditions, with the explanations in Vietnamese. :meth:`Scorecard.to_json` writes the
JSON form (``score --json``) that the managing body collects; it carries
``"dinh_dang": "vnadmin-docs/scorecard"`` and ``"phien_ban"`` so that a reader knows what it holds.
Its keys are the Vietnamese names the input files use (``bo_chi_so``, ``don_vi``, ``nam_hoc``,
``nhom``, ``diem``, ``muc_do``…); :func:`summary_from_json` reads it back (and the unversioned
form of earlier releases, whose group list was called ``groups``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Final

from .sets import MucDo, QuyTac

__all__ = [
    "SCORECARD_FORMAT",
    "SCORECARD_VERSION",
    "CriterionScore",
    "GroupScore",
    "ItemScore",
    "Scorecard",
    "upgrade_json",
]

SCORECARD_FORMAT: Final = "vnadmin-docs/scorecard"
SCORECARD_VERSION: Final = 1


@dataclass(frozen=True)
class ItemScore:
    code: str
    text: str
    max: Decimal
    cap: Decimal
    """What the facts allow ("tối đa")."""
    points: Decimal
    rule: QuyTac
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class CriterionScore:
    code: str
    text: str
    mandatory: bool
    max: Decimal | None
    points: Decimal | None
    level: int | None
    met: bool | None
    """For a mandatory condition: met or not."""
    bands: tuple[MucDo, ...]
    items: tuple[ItemScore, ...]
    rule: QuyTac | None
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class GroupScore:
    code: str
    name: str
    max: Decimal
    points: Decimal
    level: int
    level_name: str
    points_level: int
    """The level the points alone give (before the mandatory-condition policy)."""
    mandatory_met: bool
    unmet: tuple[str, ...]
    criteria: tuple[CriterionScore, ...]
    explanation: str
    gap: str


@dataclass(frozen=True)
class Scorecard:
    set_code: str
    set_name: str
    source: str
    unit: str
    year: str
    groups: tuple[GroupScore, ...]
    lowest_level: int
    lowest_level_name: str
    explanations: tuple[str, ...]

    def group(self, code: str) -> GroupScore:
        return next(g for g in self.groups if g.code == code)

    def criteria(self) -> Iterable[tuple[GroupScore, CriterionScore]]:
        for g in self.groups:
            for c in g.criteria:
                yield g, c

    def without_evidence(self) -> list[CriterionScore]:
        """Criteria claimed (points above zero, or a mandatory condition met) with no evidence:
        the output of ``score`` warns about them rather than print "(chưa có minh chứng)"."""
        return [
            c
            for _, c in self.criteria()
            if not c.evidence and (c.met if c.mandatory else (c.points or 0) > 0)
        ]

    def to_json(self) -> dict[str, Any]:
        """The versioned JSON form: ``nhom``, ``tieu_chi``, ``chi_bao`` and the explanations.

        >>> from vnadmin_docs.assessment.scorecard import SCORECARD_FORMAT
        >>> Scorecard("x", "", "", "A", "2024-2025", (), 1, "", ()).to_json()["dinh_dang"]
        'vnadmin-docs/scorecard'
        """
        return {
            "dinh_dang": SCORECARD_FORMAT,
            "phien_ban": SCORECARD_VERSION,
            "bo_chi_so": self.set_code,
            "ten_bo_chi_so": self.set_name,
            "nguon": self.source,
            "don_vi": self.unit,
            "nam_hoc": self.year,
            "nhom": [
                {
                    "ma": g.code,
                    "ten": g.name,
                    "diem": _num(g.points),
                    "toi_da": _num(g.max),
                    "muc_do": g.level,
                    "ten_muc_do": g.level_name,
                    "dat_bat_buoc": g.mandatory_met,
                    "chua_dat": list(g.unmet),
                    "giai_thich": g.explanation,
                    "can_cai_thien": g.gap,
                }
                for g in self.groups
            ],
            "tieu_chi": [
                {
                    "ma": c.code,
                    "nhom": g.code,
                    "diem": _num(c.points),
                    "toi_da": _num(c.max),
                    "muc_do": c.level,
                    "bat_buoc": c.mandatory,
                    "dat": c.met,
                }
                for g, c in self.criteria()
            ],
            "chi_bao": [
                {
                    "ma": i.code,
                    "diem": _num(i.points),
                    "duoc_phep": _num(i.cap),
                    "toi_da": _num(i.max),
                }
                for _, c in self.criteria()
                for i in c.items
            ],
            "thieu_minh_chung": [
                {"ma": c.code, "diem": _num(c.points), "bat_buoc": c.mandatory}
                for c in self.without_evidence()
            ],
            "muc_chung": self.lowest_level,
            "ten_muc_chung": self.lowest_level_name,
            "giai_thich": list(self.explanations),
        }


_LEGACY_GROUP: Final = {"code": "ma", "name": "ten", "points": "diem", "max": "toi_da",
                 "level": "muc_do", "mandatory_met": "dat_bat_buoc", "unmet": "chua_dat"}  # fmt: skip
_LEGACY_CRITERION: Final = {"code": "ma", "group": "nhom", "points": "diem", "max": "toi_da",
                     "level": "muc_do", "mandatory": "bat_buoc", "met": "dat"}  # fmt: skip


def upgrade_json(data: dict[str, Any]) -> dict[str, Any]:
    """A scorecard JSON of the earlier, unversioned form (``groups``, ``criteria`` with English
    keys) in the current form's keys; the current form is returned as it is.

    >>> upgrade_json({"don_vi": "A", "groups": [{"code": "1", "points": 84}]})["nhom"]
    [{'ma': '1', 'diem': 84}]
    """
    if "dinh_dang" in data or "groups" not in data:
        return data

    def rename(row: Any, names: dict[str, str]) -> Any:
        if not isinstance(row, dict):
            return row
        return {names.get(k, k): v for k, v in row.items()}

    out = {k: v for k, v in data.items() if k not in ("groups", "criteria")}
    groups, criteria = data.get("groups"), data.get("criteria", [])
    out["nhom"] = [rename(g, _LEGACY_GROUP) for g in groups] if isinstance(groups, list) else groups
    out["tieu_chi"] = (
        [rename(c, _LEGACY_CRITERION) for c in criteria] if isinstance(criteria, list) else criteria
    )
    return out


def _num(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)
