"""Validation of an indicator set: every inconsistency at once, each with its path (totals,
unique codes, level bands and tiers that leave a gap or overlap, rules the kind cannot read)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ..errors import Loc, Problem
from ..vn.numbers import dinh_dang_so
from .rules import RULE_KINDS
from .sets import BoChiSo, MucDo, coverage

__all__ = ["validate"]


def _check_levels(bands: Sequence[MucDo], top: Decimal, loc: Loc, out: list[Problem]) -> None:
    if not bands:
        out.append(Problem.at(loc, "phải có các mức độ"))
        return
    gap = coverage(bands, Decimal(0), top)
    if gap:
        out.append(Problem.at(loc, f"các mức độ không phủ kín thang 0–{dinh_dang_so(top)}: {gap}"))
    levels = [b.muc for b in bands]
    if levels != sorted(set(levels)):
        out.append(Problem.at(loc, "các mức độ phải tăng dần và không trùng nhau"))


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
                RULE_KINDS[tc.quy_tac.loai].validate(tc.quy_tac, tc.toi_da, (*cl, "quy_tac"), out)
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
                RULE_KINDS[item.quy_tac.loai].validate(
                    item.quy_tac, item.toi_da, (*il, "quy_tac"), out
                )
        if total != nhom.toi_da:
            out.append(
                Problem.at(
                    (*gl, "toi_da"),
                    f"tổng điểm các tiêu chí ({dinh_dang_so(total)}) khác điểm tối đa của nhóm "
                    f"({dinh_dang_so(nhom.toi_da)})",
                )
            )
    return out
