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

from collections.abc import Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from ..errors import InputError, Loc, Problem
from ..model.danh_gia import DanhGia, KetQua
from ..vn.numbers import dinh_dang_so
from .rules import RULE_KINDS
from .scorecard import CriterionScore, GroupScore, ItemScore, Scorecard
from .sets import BoChiSo, MucDo, NhomTieuChi, QuyTac, TieuChi

__all__ = ["level_for", "score"]


def _so(value: Decimal) -> str:
    return dinh_dang_so(value)


def _level(bands: Sequence[MucDo], points: Decimal) -> MucDo:
    return next(b for b in bands if b.chua(points))


# ---------------------------------------------------------------- caps from facts


def _cap(
    rule: QuyTac, toi_da: Decimal, facts: KetQua | None, loc: Loc, out: list[Problem]
) -> Decimal:
    if facts is None:
        return Decimal(0)
    kind = RULE_KINDS[rule.loai]
    for name in sorted(facts.given() - kind.facts):
        expected = ", ".join(sorted(kind.facts))
        message = f"không áp dụng cho chỉ báo này (quy tắc {rule.loai}); dùng: {expected}"
        out.append(Problem.at((*loc, name), message))
    return kind.cap(rule, toi_da, facts, loc, out)


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
    gap = _gap(bo, name, nhom.toi_da, level, band, points, criteria)
    return GroupScore(
        nhom.ma, nhom.ten, nhom.toi_da, points, level.muc, level.ten, band.muc, not unmet, unmet,
        tuple(criteria), explanation, gap,
    )  # fmt: skip


def _needed(target: MucDo, points: Decimal, step: Decimal) -> Decimal:
    """The fewest points (in steps of ``step``) that bring ``points`` into ``target``: always
    positive, because ``target`` lies above ``points``."""
    if target.tu is not None:
        goal = (target.tu / step).to_integral_value(rounding=ROUND_CEILING) * step
    elif target.tren is not None:
        goal = ((target.tren / step).to_integral_value(rounding=ROUND_FLOOR) + 1) * step
    else:
        goal = points + step
    return max(goal - points, step)


def _room(criteria: Sequence[CriterionScore]) -> list[tuple[Decimal, CriterionScore]]:
    """Scored criteria with points left, most first."""
    room = [
        (c.max - c.points, c)
        for c in criteria
        if c.max is not None and c.points is not None and c.max > c.points
    ]
    return sorted(room, key=lambda r: (-r[0], r[1].code))


def _gap(
    bo: BoChiSo,
    name: str,
    toi_da: Decimal,
    level: MucDo,
    band: MucDo,
    points: Decimal,
    criteria: list[CriterionScore],
) -> str:
    """What the group needs, from the scorecard's facts: an unmet mandatory condition first (it
    is what blocks the level), then the fewest points to the next level above what the points
    give, then where points remain (criteria by the codes the printed table shows)."""
    sentences = []
    failed = [c for c in criteria if c.mandatory and not c.met]
    if failed:
        listed = "; ".join(f"{c.code} “{c.text}”" for c in failed)
        word = "các điều kiện" if len(failed) > 1 else "điều kiện"
        if level.muc < band.muc:
            sentences.append(
                f"chưa đạt {word} bắt buộc {listed}, nên nhóm chỉ được xếp mức độ {level.muc} dù "
                f"tổng điểm {_so(points)} ({band.mo_ta()}); cần đạt {word} này trước tiên, khi đó "
                f"nhóm đạt mức độ {band.muc}"
            )
        elif bo.bat_buoc_chua_dat == "muc_1":
            sentences.append(
                f"chưa đạt {word} bắt buộc {listed}; cần đạt {word} này trước tiên, nếu không "
                f"nhóm vẫn ở mức độ {level.muc} dù tăng điểm"
            )
        else:
            sentences.append(f"chưa đạt {word} bắt buộc {listed}; cần đạt {word} này")
    room = _room(criteria)
    left = sum((r[0] for r in room), Decimal(0))
    higher = sorted((b for b in bo.muc_do if b.muc > band.muc), key=lambda b: b.muc)
    if higher:
        target = higher[0]
        need = _needed(target, points, bo.buoc_diem)
        goal = (
            f"để vượt {_so(target.tren)} điểm, đạt mức độ {target.muc} ({target.mo_ta()})"
            if target.tren is not None and target.tu is None
            else f"để đạt mức độ {target.muc} ({target.mo_ta()})"
        )
        advice = f"cần thêm ít nhất {_so(need)} điểm {goal}"
        if left < need:
            advice += f", nhưng các tiêu chí chỉ còn {_so(left)} điểm chưa đạt"
        sentences.append(advice)
    elif not failed:
        if not room:
            return f"{name}: đạt mức độ {level.muc} với {_so(points)}/{_so(toi_da)} điểm, đã ở mức cao nhất."
        sentences.append(f"đạt mức độ {level.muc} ({level.ten}); còn {_so(left)} điểm chưa đạt")
    text = f"{name}: " + "; ".join(sentences) + "."
    if room:
        places = "; ".join(f"{c.code} {c.text} (còn {_so(n)} điểm)" for n, c in room)
        text += f" Có thể tăng điểm ở: {places}."
    return text


def score(bo: BoChiSo, danh_gia: DanhGia) -> Scorecard:
    """Score a self-assessment; raises :class:`InputError` with every problem at once."""
    out: list[Problem] = []
    known = bo.ma_chi_so()
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
