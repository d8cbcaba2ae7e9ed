"""Use cases that read an input and work out what it means: load → score → compose, once.

Each reads with :mod:`vnadmin_docs.io`, scores with :mod:`vnadmin_docs.assessment`, composes
with :mod:`vnadmin_docs.compose`, and reports every problem with the line of the file it is
about, whichever stage found it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..assessment.scorecard import Scorecard
from ..assessment.scoring import score
from ..assessment.sets import BoChiSo
from ..compose.dossier import Dossier, compose
from ..errors import InputError, Problem
from ..io.files import Located, line_of
from ..io.inputs import read_assessment, read_assignment, read_dossier, read_plan
from ..io.sets import load_indicator_set
from ..model import BangPhanCong, DanhGia, KeHoachTrienKhai
from .context import Context

__all__ = ["load_assessment", "load_assignment", "load_dossier", "load_plan"]


def _set_for(located: Located[Any], name: str, base: Path, context: Context) -> BoChiSo:
    try:
        return load_indicator_set(name, base=base, cache=context.reads)
    except InputError as exc:
        if exc.source is None:  # the name itself is wrong: that is this file's problem
            raise located.locate(exc) from None
        raise


def load_assessment(
    path: Path | str, *, context: Context | None = None
) -> tuple[DanhGia, BoChiSo, Scorecard]:
    """Load a self-assessment and its indicator set, and score it; every problem at once."""
    context = context or Context()
    path = Path(path)
    located = read_assessment(path, cache=context.reads)
    danh_gia = located.value
    bo = _set_for(located, danh_gia.bo_chi_so, path.parent, context)
    try:
        return danh_gia, bo, score(bo, danh_gia)
    except InputError as exc:
        raise located.locate(exc) from None


def load_dossier(path: Path | str, *, context: Context | None = None) -> Dossier:
    """Load a dossier input and its assessment (inline or a file beside it), score it and
    compose every part once; every problem at once, with paths and lines."""
    context = context or Context()
    path = Path(path)
    located = read_dossier(path, cache=context.reads)
    ho_so = located.value
    if isinstance(ho_so.tu_danh_gia, str):
        danh_gia, bo, scorecard = load_assessment(path.parent / ho_so.tu_danh_gia, context=context)
        problems = [
            Problem("tu_danh_gia", f"{name} của tệp tự đánh giá ({got!r}) khác hồ sơ ({want!r})",
                    line_of(("tu_danh_gia",), located.lines))
            for name, got, want in (("nam_hoc", danh_gia.nam_hoc, ho_so.nam_hoc),
                                    ("don_vi", danh_gia.don_vi, ho_so.co_quan.ten_mot_dong))
            if got != want
        ]  # fmt: skip
        if problems:
            raise InputError(problems, source=str(path))
    else:
        inline = ho_so.tu_danh_gia
        danh_gia = DanhGia(don_vi=ho_so.co_quan.ten_mot_dong, nam_hoc=ho_so.nam_hoc,
                           bo_chi_so=inline.bo_chi_so, ket_qua=inline.ket_qua)  # fmt: skip
        try:
            bo = load_indicator_set(inline.bo_chi_so, base=path.parent, cache=context.reads)
            scorecard = score(bo, danh_gia)
        except InputError as exc:
            raise located.locate(exc, prefix=("tu_danh_gia",)) from None
    try:
        return compose(ho_so, bo, scorecard)
    except InputError as exc:
        raise located.locate(exc) from None


def _unknown_codes(
    located: Located[Any], codes: list[str], known: set[str], where: str
) -> list[Problem]:
    return [
        Problem(f"phan_cong.{code}", f"mã tiêu chí {code!r} không có trong {where}",
                line_of(("phan_cong", code), located.lines))
        for code in codes if code not in known
    ]  # fmt: skip


def load_assignment(
    path: Path | str, *, context: Context | None = None
) -> tuple[BangPhanCong, BoChiSo]:
    """Load a plan's assignment table and its indicator set; unknown codes are problems."""
    context = context or Context()
    path = Path(path)
    located = read_assignment(path, cache=context.reads)
    bang = located.value
    bo = load_indicator_set(bang.bo_chi_so, base=path.parent, cache=context.reads)
    known = {tc.ma for _, tc in bo.tieu_chi()}
    problems = _unknown_codes(located, list(bang.phan_cong), known, f"bộ chỉ số {bo.ma}")
    if problems:
        raise InputError(problems, source=str(path))
    return bang, bo


def load_plan(
    path: Path | str, *, context: Context | None = None
) -> tuple[KeHoachTrienKhai, list[BoChiSo]]:
    """Load a managing body's plan and the indicator sets in force; every problem at once."""
    context = context or Context()
    path = Path(path)
    located = read_plan(path, cache=context.reads)
    plan = located.value
    sets = [load_indicator_set(n, base=path.parent, cache=context.reads) for n in plan.bo_chi_so]
    known = {tc.ma for bo in sets for _, tc in bo.tieu_chi()}
    problems = _unknown_codes(located, list(plan.phan_cong), known, "bộ chỉ số đang áp dụng")
    if problems:
        raise InputError(problems, source=str(path))
    return plan, sets
