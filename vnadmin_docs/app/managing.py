"""The managing body's use cases: the plan kit, and reading many schools' results to count."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..assessment.aggregation import KetQuaTruong
from ..assessment.sets import BoChiSo
from ..compose.plan import plan_documents
from ..errors import InputError, Problem
from ..io.files import load_data
from ..io.form import is_form
from ..io.results import SchoolProblems, read_result_rows, read_scorecard_json
from ..word.render import render
from .context import Context
from .loading import load_assessment, load_dossier, load_plan
from .numbering import RegisterNumbers

__all__ = ["build_plan", "load_school_results"]


def build_plan(
    path: Path | str,
    outdir: Path,
    *,
    context: Context | None = None,
    numbers: RegisterNumbers | None = None,
) -> list[Path]:
    """The plan kit of a managing body's plan input: ``ke-hoach.docx`` and ``cong-van.docx``;
    numbers written ``so: auto`` come from ``numbers`` (the outgoing register), recorded as
    issued once both files are written, given back if writing fails."""
    context = context or Context()
    if numbers is None:
        plan, sets = load_plan(path, context=context)
        return [render(doc, outdir / f"{name}.docx", cache=context.templates)
                for name, doc in plan_documents(plan, sets)]  # fmt: skip
    with numbers.guard():
        plan, sets = load_plan(path, context=context, numbers=numbers)
        kit = plan_documents(plan, sets)
        written = [render(doc, outdir / f"{name}.docx", cache=context.templates)
                   for name, doc in kit]  # fmt: skip
    numbers.issue({doc.so: doc for _, doc in kit if doc.so is not None})
    return written


def _one(path: Path, context: Context) -> KetQuaTruong:
    source = str(path)
    if path.suffix.lower() == ".json":
        return read_scorecard_json(path, cache=context.reads)
    if path.suffix.lower() == ".xlsx":  # a filled self-assessment form
        danh_gia, _, sc = load_assessment(path, context=context)
        return KetQuaTruong.from_scorecard(sc, cap_hoc=danh_gia.cap_hoc, source=source)
    data, _ = load_data(path)
    if isinstance(data, dict) and "hoi_dong" in data:
        dossier = load_dossier(path, context=context)
        cap_hoc = dossier.ho_so.cap_hoc
        return KetQuaTruong.from_scorecard(dossier.scorecard, cap_hoc=cap_hoc, source=source)
    danh_gia, _, sc = load_assessment(path, context=context)
    return KetQuaTruong.from_scorecard(sc, cap_hoc=danh_gia.cap_hoc, source=source)


def load_school_results(
    paths: Sequence[Path], *, bo: BoChiSo, context: Context | None = None
) -> tuple[list[KetQuaTruong], list[SchoolProblems]]:
    """Read many schools' results: dossier or assessment inputs (.yaml), scorecard JSON
    (``score --json``), filled self-assessment forms (.xlsx from ``vnadmin-docs form``), or
    spreadsheets (.csv/.xlsx: ``don_vi``, ``cap_hoc``, ``nhom_1``,
    ``nhom_2``… and optional ``bat_buoc_1``…). Each is checked against its indicator set; what
    cannot be read is returned with its problems, never counted."""
    context = context or Context()
    results: list[KetQuaTruong] = []
    broken: list[SchoolProblems] = []
    for path in paths:
        try:
            if path.suffix.lower() == ".xlsx" and is_form(path):  # one school's filled form
                results.append(_one(path, context))
            elif path.suffix.lower() in (".csv", ".xlsx"):
                counted, bad = read_result_rows(path, bo)
                results += counted
                broken += bad
            else:
                results.append(_one(path, context))
        except InputError as exc:
            broken.append((str(path), exc.problems))
        except (OSError, ValueError, KeyError, TypeError, ArithmeticError) as exc:
            broken.append((str(path), (Problem("", f"không đọc được tệp: {exc}"),)))
    return results, broken
