"""Use cases that read an input and work out what it means: load → score → compose, once.

Each reads with :mod:`vnadmin_docs.io`, scores with :mod:`vnadmin_docs.assessment`, composes
with :mod:`vnadmin_docs.compose`, and reports every problem with the line of the file it is
about, whichever stage found it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

from ..assessment.scorecard import Scorecard
from ..assessment.scoring import score
from ..assessment.sets import BoChiSo
from ..compose.dossier import Dossier, check_order, compose
from ..errors import InputError, Problem
from ..io.documents import document_from_data
from ..io.files import LineMap, Located, line_of, load_data
from ..io.form import read_cells, relocate
from ..io.inputs import read_assessment, read_assignment
from ..io.problems import parse_as
from ..io.sets import load_indicator_set
from ..model import (
    BangPhanCong,
    BaoCao,
    BienBan,
    CongVan,
    DanhGia,
    HoSo,
    KeHoach,
    KeHoachTrienKhai,
    QuyetDinh,
    ToTrinh,
    VanBan,
)
from .context import Context
from .numbering import ISSUING_ORDER, RegisterNumbers, need_register, take_autos

T = TypeVar("T")

__all__ = [
    "dossier_from",
    "load_assessment",
    "load_assignment",
    "load_dossier",
    "load_numbered_document",
    "load_plan",
    "score_dossier",
]


def _set_for(located: Located[Any], name: str, base: Path, context: Context) -> BoChiSo:
    try:
        return load_indicator_set(name, base=base, cache=context.reads)
    except InputError as exc:
        if exc.source is None:  # the name itself is wrong: that is this file's problem
            raise located.locate(exc) from None
        raise


def _load_form(path: Path, context: Context) -> tuple[DanhGia, BoChiSo, Scorecard]:
    """Read a filled form, load its indicator set and score it; every problem at once, by cell
    (reading problems, then the engine's, e.g. a claim above what the facts allow)."""
    got = read_cells(path)
    problems = list(got.problems)
    try:
        bo = load_indicator_set(got.danh_gia.bo_chi_so, base=path.parent, cache=context.reads)
    except InputError as exc:
        where = next((c.where() for c in got.cells if c.fact == "bo_chi_so"), "bo_chi_so")
        problems += [Problem(where, p.message) for p in exc.problems]
        raise InputError(problems, source=str(path)) from None
    # a code whose cells could not be read is scored without them: its other findings would
    # only follow from the first, so they wait until it is fixed
    unread = {c.code for c in got.cells for p in got.problems if p.path == c.where()}
    try:
        scorecard = score(bo, got.danh_gia)
    except InputError as exc:
        for problem in exc.problems:
            if len(problem.loc) >= 2 and problem.loc[1] in unread:
                continue
            problems.append(relocate(problem, got.cells))
        raise InputError(problems, source=str(path)) from None
    if problems:
        raise InputError(problems, source=str(path))
    return got.danh_gia, bo, scorecard


def load_assessment(
    path: Path | str,
    *,
    context: Context | None = None,
    loaded: tuple[Any, LineMap] | None = None,
) -> tuple[DanhGia, BoChiSo, Scorecard]:
    """Load a self-assessment and its indicator set, and score it; every problem at once.

    A ``.xlsx`` file is a filled self-assessment form (``vnadmin-docs form``), read by cell, and
    its problems are reported by cell. ``loaded``: the file's data and lines, when the caller
    has read it already."""
    context = context or Context()
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        return _load_form(path, context)
    located = read_assessment(path, cache=context.reads, loaded=loaded)
    danh_gia = located.value
    bo = _set_for(located, danh_gia.bo_chi_so, path.parent, context)
    try:
        return danh_gia, bo, score(bo, danh_gia)
    except InputError as exc:
        raise located.locate(exc) from None


def _read_numbered(
    cls: type[T],
    path: Path,
    keys: Sequence[str],
    numbers: RegisterNumbers | None,
    context: Context,
    *,
    loaded: tuple[Any, LineMap] | None = None,
    need_numbers: bool = True,
) -> tuple[Located[T], list[str]]:
    """Read ``path`` as ``cls`` with ``so: auto`` under ``keys`` left blank for the register;
    the keys that said so come back too (an error when there is no register to ask and the
    caller ``need_numbers``: an aggregation reading scores does not)."""
    data, lines = loaded if loaded is not None else load_data(path)
    data, autos = take_autos(data, keys)
    if autos and numbers is None and need_numbers:
        raise need_register(autos, str(path))
    value = parse_as(cls, data, lines=lines, source=str(path), cache=context.reads, settled=True)
    return Located(value, lines, str(path)), autos


def _number_dossier(ho_so: HoSo, autos: list[str], numbers: RegisterNumbers) -> HoSo:
    """``ho_so`` with register numbers for the parts in ``autos``, in issuing order."""
    kinds: dict[str, type[VanBan]] = {
        "bien_ban": BienBan, "quyet_dinh": QuyetDinh, "bao_cao": BaoCao, "to_trinh": ToTrinh,
    }  # fmt: skip
    parts = [(kinds[k].LOAI.ten, kinds[k].ky_hieu_cho(ho_so.co_quan.viet_tat),
              getattr(ho_so, k).ngay.nam) for k in autos]  # fmt: skip
    got = numbers.take(ho_so.co_quan.viet_tat, parts)
    changes = {
        k: dataclasses.replace(getattr(ho_so, k), so=n) for k, n in zip(autos, got, strict=True)
    }
    return dataclasses.replace(ho_so, **changes)


def load_dossier(
    path: Path | str, *, context: Context | None = None, numbers: RegisterNumbers | None = None
) -> Dossier:
    """Load a dossier input and its assessment (inline or a file beside it), score it and
    compose every part once; every problem at once, with paths and lines. Parts whose number
    is ``so: auto`` get theirs from ``numbers`` (the outgoing register) before composing."""
    context = context or Context()
    located, bo, scorecard, autos = _scored_dossier(Path(path), context, numbers=numbers)
    ho_so = located.value
    problems = check_order(ho_so)
    if problems:
        raise located.locate(InputError(problems))
    if autos and numbers is not None:  # the input is sound: now take the numbers
        ho_so = _number_dossier(ho_so, autos, numbers)
    try:
        return compose(ho_so, bo, scorecard)
    except InputError as exc:
        raise located.locate(exc) from None


def score_dossier(
    path: Path | str,
    *,
    context: Context | None = None,
    loaded: tuple[Any, LineMap] | None = None,
) -> tuple[HoSo, BoChiSo, Scorecard]:
    """A dossier input scored, its dates checked against the citations, nothing composed and
    no number taken (what an aggregation needs); ``loaded``: the file's data and lines, when
    already read."""
    located, bo, scorecard, _ = _scored_dossier(
        Path(path), context or Context(), loaded=loaded, need_numbers=False
    )
    problems = check_order(located.value)
    if problems:
        raise located.locate(InputError(problems))
    return located.value, bo, scorecard


def _scored_dossier(
    path: Path,
    context: Context,
    *,
    loaded: tuple[Any, LineMap] | None = None,
    numbers: RegisterNumbers | None = None,
    need_numbers: bool = True,
) -> tuple[Located[HoSo], BoChiSo, Scorecard, list[str]]:
    located, autos = _read_numbered(HoSo, path, ISSUING_ORDER, numbers, context, loaded=loaded,
                                    need_numbers=need_numbers)  # fmt: skip
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
    return located, bo, scorecard, autos


def dossier_from(
    ho_so: HoSo,
    *,
    danh_gia: DanhGia | None = None,
    bo: BoChiSo | None = None,
    context: Context | None = None,
) -> Dossier:
    """A dossier from objects built in Python (no files): ``ho_so`` with its assessment inline
    (``tu_danh_gia`` a :class:`~vnadmin_docs.model.TuDanhGia`) or given as ``danh_gia``; the
    indicator set named by the assessment unless ``bo`` is given. Scored and composed once."""
    context = context or Context()
    if danh_gia is None:
        if isinstance(ho_so.tu_danh_gia, str):
            message = (
                "tu_danh_gia là đường dẫn tệp: hãy truyền danh_gia (DanhGia) khi tạo từ đối tượng"
            )
            raise InputError([Problem("tu_danh_gia", message)])
        inline = ho_so.tu_danh_gia
        danh_gia = DanhGia(don_vi=ho_so.co_quan.ten_mot_dong, nam_hoc=ho_so.nam_hoc,
                           bo_chi_so=inline.bo_chi_so, ket_qua=inline.ket_qua)  # fmt: skip
    bo = bo or load_indicator_set(danh_gia.bo_chi_so, cache=context.reads)
    return compose(ho_so, bo, score(bo, danh_gia))


def _unknown_codes(
    located: Located[Any], codes: list[str], known: set[str], where: str
) -> list[Problem]:
    return [
        Problem(f"phan_cong.{code}", f"mã tiêu chí {code!r} không có trong {where}",
                line_of(("phan_cong", code), located.lines))
        for code in codes if code not in known
    ]  # fmt: skip


def load_numbered_document(
    path: Path | str, *, context: Context | None = None, numbers: RegisterNumbers | None = None
) -> VanBan:
    """A single document; with ``so: auto`` its number comes from ``numbers`` (the register)."""
    context = context or Context()
    path = Path(path)
    data, lines = load_data(path)
    data, autos = take_autos(data, [""])
    if autos and numbers is None:
        raise need_register(autos, str(path))
    doc = document_from_data(data, lines=lines, source=str(path), cache=context.reads)
    if autos and numbers is not None:
        [n] = numbers.take(doc.co_quan.viet_tat, [(doc.LOAI.ten, doc.ky_hieu_day_du, doc.ngay.nam)])
        doc = dataclasses.replace(doc, so=n)
    return doc


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
    path: Path | str, *, context: Context | None = None, numbers: RegisterNumbers | None = None
) -> tuple[KeHoachTrienKhai, list[BoChiSo]]:
    """Load a managing body's plan and the indicator sets in force; every problem at once.
    The Kế hoạch and the Công văn may take their numbers from ``numbers`` (``so: auto``)."""
    context = context or Context()
    path = Path(path)
    located, autos = _read_numbered(KeHoachTrienKhai, path, ("ke_hoach", "cong_van"), numbers,
                                    context)  # fmt: skip
    plan = located.value
    if autos and numbers is not None:
        cq = plan.co_quan
        kinds = {k: (c.LOAI.ten, c.ky_hieu_cho(cq.viet_tat, plan.don_vi_soan_thao))
                 for k, c in (("ke_hoach", KeHoach), ("cong_van", CongVan))}  # fmt: skip
        got = numbers.take(cq.viet_tat, [(*kinds[k], getattr(plan, k).ngay.nam) for k in autos])
        changes = {
            k: dataclasses.replace(getattr(plan, k), so=n) for k, n in zip(autos, got, strict=True)
        }
        plan = dataclasses.replace(plan, **changes)
    sets = [load_indicator_set(n, base=path.parent, cache=context.reads) for n in plan.bo_chi_so]
    known = {tc.ma for bo in sets for _, tc in bo.tieu_chi()}
    problems = _unknown_codes(located, list(plan.phan_cong), known, "bộ chỉ số đang áp dụng")
    if problems:
        raise InputError(problems, source=str(path))
    return plan, sets
