"""The scoring engine: a school's facts and claims → a scorecard with levels and explanations.

A school gives, per item code, the facts (deployed or not, a percentage, a count, a choice,
the functions deployed), optionally the points it claims, and its evidence. The engine computes
each item's cap from the facts, checks every claim against its cap (all problems at once, with
paths), gives unclaimed items their cap, and produces the scorecard: points per item, criterion
and group; levels; mandatory conditions; the lower of the two group levels; explanations in
plain Vietnamese and the gap to the next level. Arithmetic is in ``Decimal``; boundaries follow
the regulation's words (75 is level 2, 75.5 is level 3).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .errors import InputError, Loc, Problem
from .indicators import BoChiSo, Khoang, MucDo, NhomTieuChi, QuyTac, TieuChi
from .numbers import dinh_dang_so
from .text import Record

__all__ = [
    "CriterionScore",
    "DanhGia",
    "GroupScore",
    "ItemScore",
    "KetQua",
    "Scorecard",
    "level_for",
    "score",
]

_FACTS = ("co", "dat", "ty_le", "so", "tong", "so_luong", "chon", "chuc_nang")
_RULE_FACTS = {
    "co_khong": {"co"},
    "ty_le": {"ty_le", "so", "tong"},
    "so_luong": {"so_luong"},
    "lua_chon": {"chon"},
    "moi_chuc_nang": {"chuc_nang"},
}


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
    """Evidence: text, links, or documents issued (``Kế hoạch số 128/KH-…``)."""

    def given(self) -> set[str]:
        return {name for name in _FACTS if getattr(self, name) is not None}


@dataclass(frozen=True, kw_only=True)
class DanhGia(Record):
    """A school's self-assessment for one year against one indicator set."""

    don_vi: str
    """The school, e.g. ``Trung tâm GDNN-GDTX huyện Thanh Trì``."""
    nam_hoc: str
    """The school year, e.g. ``2024-2025``."""
    bo_chi_so: str = "qd-4725-2022"
    """A shipped set's code, or the path of a set file."""
    cap_hoc: str | None = None
    """The school level for aggregation (``THCS``…); guessed from the name when absent."""
    ket_qua: dict[str, KetQua] = field(default_factory=dict)


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

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready summary: ``groups``, ``criteria``, ``items`` and the explanations."""
        return {
            "bo_chi_so": self.set_code,
            "nguon": self.source,
            "don_vi": self.unit,
            "nam_hoc": self.year,
            "groups": [
                {
                    "code": g.code,
                    "name": g.name,
                    "points": _num(g.points),
                    "max": _num(g.max),
                    "level": g.level,
                    "level_name": g.level_name,
                    "mandatory_met": g.mandatory_met,
                    "unmet": list(g.unmet),
                    "explanation": g.explanation,
                    "gap": g.gap,
                }
                for g in self.groups
            ],
            "criteria": [
                {
                    "code": c.code,
                    "group": g.code,
                    "points": _num(c.points),
                    "max": _num(c.max),
                    "level": c.level,
                    "mandatory": c.mandatory,
                    "met": c.met,
                }
                for g, c in self.criteria()
            ],
            "items": [
                {"code": i.code, "points": _num(i.points), "cap": _num(i.cap), "max": _num(i.max)}
                for _, c in self.criteria()
                for i in c.items
            ],
            "lowest_level": self.lowest_level,
            "lowest_level_name": self.lowest_level_name,
            "explanations": list(self.explanations),
        }


def _num(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _so(value: Decimal) -> str:
    return dinh_dang_so(value)


def _level(bands: Sequence[MucDo], points: Decimal) -> MucDo:
    return next(b for b in bands if b.chua(points))


# ---------------------------------------------------------------- caps from facts


def _tier(bands: Sequence[Khoang], x: Decimal) -> Decimal:
    for band in bands:
        if band.chua(x):
            return Decimal(getattr(band, "diem", 0))
    return Decimal(0)


def _cap(
    rule: QuyTac, toi_da: Decimal, facts: KetQua | None, loc: Loc, out: list[Problem]
) -> Decimal:
    if facts is None:
        return Decimal(0)
    wrong = facts.given() - _RULE_FACTS[rule.loai]
    for name in sorted(wrong):
        expected = ", ".join(sorted(_RULE_FACTS[rule.loai]))
        out.append(
            Problem.at(
                (*loc, name),
                f"không áp dụng cho chỉ báo này (quy tắc {rule.loai}); dùng: {expected}",
            )
        )
    if rule.loai == "co_khong":
        return toi_da if facts.co else Decimal(0)
    if rule.loai == "ty_le":
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
            out.append(
                Problem.at((*loc, "ty_le"), f"tỷ lệ phải từ 0 đến 100, không phải {_so(pct)}")
            )
            return Decimal(0)
        return _tier(rule.bac, pct)
    if rule.loai == "so_luong":
        if facts.so_luong is None:
            return Decimal(0)
        if facts.so_luong < 0:
            out.append(Problem.at((*loc, "so_luong"), f"số lượng không được âm ({facts.so_luong})"))
            return Decimal(0)
        return _tier(rule.bac, Decimal(facts.so_luong))
    if rule.loai == "lua_chon":
        if facts.chon is None:
            return Decimal(0)
        if facts.chon not in rule.lua_chon:
            valid = ", ".join(rule.lua_chon)
            out.append(
                Problem.at(
                    (*loc, "chon"), f"lựa chọn {facts.chon!r} không có; chọn một trong: {valid}"
                )
            )
            return Decimal(0)
        return rule.lua_chon[facts.chon]
    # moi_chuc_nang
    chosen = facts.chuc_nang or ()
    n = len(rule.chuc_nang)
    bad = [c for c in chosen if not 1 <= c <= n]
    if bad or len(set(chosen)) != len(chosen):
        out.append(
            Problem.at((*loc, "chuc_nang"), f"các chức năng phải là các số khác nhau từ 1 đến {n}")
        )
        return Decimal(0)
    assert rule.diem_moi is not None
    return rule.diem_moi * len(chosen)


def _claim(cap: Decimal, facts: KetQua | None, loc: Loc, out: list[Problem]) -> Decimal:
    if facts is None or facts.diem is None:
        return cap
    if facts.diem < 0:
        out.append(Problem.at((*loc, "diem"), "điểm không được âm"))
        return Decimal(0)
    if facts.diem > cap:
        out.append(
            Problem.at(
                (*loc, "diem"),
                f"điểm tự đánh giá {_so(facts.diem)} vượt mức tối đa {_so(cap)} mà dữ kiện cho phép",
            )
        )
        return cap
    return facts.diem


# ---------------------------------------------------------------- the engine


def _criterion(tc: TieuChi, ket_qua: dict[str, KetQua], out: list[Problem]) -> CriterionScore:
    own = ket_qua.get(tc.ma)
    loc: Loc = ("ket_qua", tc.ma)
    evidence = list(own.minh_chung) if own else []
    if tc.bat_buoc:
        if own is not None:
            for name in sorted(own.given() - {"dat"}) + (["diem"] if own.diem is not None else []):
                out.append(
                    Problem.at((*loc, name), "điều kiện bắt buộc chỉ ghi 'dat' (true/false)")
                )
        met = bool(own and own.dat)
        return CriterionScore(
            tc.ma, tc.noi_dung, True, None, None, None, met, (), (), None, tuple(evidence)
        )
    assert tc.toi_da is not None
    items: list[ItemScore] = []
    if tc.quy_tac is not None:
        cap = _cap(tc.quy_tac, tc.toi_da, own, loc, out)
        points = _claim(cap, own, loc, out)
    else:
        if own is not None and (own.given() or own.diem is not None):
            codes = ", ".join(i.ma for i in tc.chi_bao)
            out.append(
                Problem.at(
                    loc,
                    f"điểm của tiêu chí tính từ các chỉ báo {codes}; ghi dữ kiện cho từng chỉ báo",
                )
            )
        for item in tc.chi_bao:
            facts = ket_qua.get(item.ma)
            iloc: Loc = ("ket_qua", item.ma)
            cap = _cap(item.quy_tac, item.toi_da, facts, iloc, out)
            got = _claim(cap, facts, iloc, out)
            ev = tuple(facts.minh_chung) if facts else ()
            evidence += [e for e in ev if e not in evidence]
            items.append(ItemScore(item.ma, item.noi_dung, item.toi_da, cap, got, item.quy_tac, ev))
        points = sum((i.points for i in items), Decimal(0))
    level = _level(tc.muc_do, points).muc
    return CriterionScore(
        tc.ma, tc.noi_dung, False, tc.toi_da, points, level, None, tc.muc_do, tuple(items),
        tc.quy_tac, tuple(evidence),
    )  # fmt: skip


def level_for(bo: BoChiSo, points: Decimal, *, mandatory_met: bool) -> int:
    """A group's level from its total and its mandatory conditions, under the set's policy."""
    if not mandatory_met and bo.bat_buoc_chua_dat == "muc_1":
        return min(b.muc for b in bo.muc_do)
    return _level(bo.muc_do, points).muc


def _group(bo: BoChiSo, nhom: NhomTieuChi, criteria: list[CriterionScore]) -> GroupScore:
    points = sum((c.points or Decimal(0) for c in criteria), Decimal(0))
    band = _level(bo.muc_do, points)
    unmet = tuple(c.code for c in criteria if c.mandatory and not c.met)
    muc = level_for(bo, points, mandatory_met=not unmet)
    level = next(b for b in bo.muc_do if b.muc == muc)
    enforce = level.muc != band.muc
    name = f"Nhóm {nhom.ma} “{nhom.ten}”"
    if enforce:
        failed = "; ".join(f"{c.code} ({c.text})" for c in criteria if c.code in unmet)
        explanation = (
            f"{name} ở mức độ {level.muc} ({level.ten}) vì chưa đạt điều kiện bắt buộc {failed}; "
            f"tổng điểm {_so(points)} ({band.mo_ta()}) lẽ ra đạt mức độ {band.muc}."
        )
    else:
        explanation = f"{name} đạt mức độ {level.muc} ({level.ten}) vì tổng điểm {_so(points)} ({band.mo_ta()})."
    gap = _gap(bo, name, level, points, criteria, unmet if enforce else ())
    return GroupScore(
        nhom.ma, nhom.ten, nhom.toi_da, points, level.muc, level.ten, band.muc, not unmet, unmet,
        tuple(criteria), explanation, gap,
    )  # fmt: skip


def _gap(
    bo: BoChiSo,
    name: str,
    level: MucDo,
    points: Decimal,
    criteria: list[CriterionScore],
    unmet: tuple[str, ...],
) -> str:
    higher = sorted((b for b in bo.muc_do if b.muc > level.muc), key=lambda b: b.muc)
    if not higher:
        return f"{name} đã ở mức cao nhất."
    target = next((b for b in higher if not b.chua(points)), higher[0]) if not unmet else higher[0]
    parts = []
    if unmet:
        parts.append(f"cần đạt điều kiện bắt buộc {', '.join(unmet)}")
    if not target.chua(points):
        if target.tu is not None:
            parts.append(
                f"cần thêm {_so(target.tu - points)} điểm để đạt mức độ {target.muc} ({target.mo_ta()})"
            )
        elif target.tren is not None:
            parts.append(
                f"cần thêm hơn {_so(target.tren - points)} điểm để đạt mức độ {target.muc} ({target.mo_ta()})"
            )
    room: list[tuple[Decimal, str]] = []
    for c in criteria:
        if c.items:
            room += [(i.max - i.points, i.code) for i in c.items if i.max > i.points]
        elif c.max is not None and c.points is not None and c.max > c.points:
            room.append((c.max - c.points, c.code))
    room.sort(key=lambda r: (-r[0], r[1]))
    if room and parts:
        listed = ", ".join(f"{code} (còn {_so(left)} điểm)" for left, code in room[:6])
        parts.append(f"có thể tăng ở: {listed}")
    return f"{name}: " + "; ".join(parts) + "." if parts else f"{name}: không còn điểm để tăng."


def score(bo: BoChiSo, danh_gia: DanhGia) -> Scorecard:
    """Score a self-assessment; raises :class:`InputError` with every problem at once."""
    out: list[Problem] = []
    known = {tc.ma for _, tc in bo.tieu_chi()} | {
        i.ma for _, tc in bo.tieu_chi() for i in tc.chi_bao
    }
    for code in danh_gia.ket_qua:
        if code not in known:
            out.append(
                Problem.at(("ket_qua", code), f"mã {code!r} không có trong bộ chỉ số {bo.ma}")
            )
    groups = []
    for nhom in bo.nhom:
        criteria = [_criterion(tc, danh_gia.ket_qua, out) for tc in nhom.tieu_chi]
        groups.append(_group(bo, nhom, criteria))
    if out:
        raise InputError(out)
    lowest = min(g.level for g in groups)
    explanations = [g.explanation for g in groups]
    if len(groups) > 1:
        explanations.append(
            f"Mức độ chung (lấy mức thấp hơn của các nhóm): mức độ {lowest} ({bo.muc_ten(lowest)})."
        )
    return Scorecard(
        bo.ma, bo.ten, bo.nguon, danh_gia.don_vi, danh_gia.nam_hoc, tuple(groups), lowest,
        bo.muc_ten(lowest), tuple(explanations),
    )  # fmt: skip
