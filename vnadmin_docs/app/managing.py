"""The managing body's use cases: the plan kit, and reading many schools' results to count."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

from ..assessment.aggregation import KetQuaTruong, PhamVi, TongHop, tong_hop
from ..assessment.sets import BoChiSo
from ..errors import InputError, Problem
from ..io.files import load_data
from ..io.results import SchoolProblems, read_result_rows, read_scorecard_json
from .context import Context
from .forked import can_fork, map_forked

if TYPE_CHECKING:  # the plan kit's modules: not imported by an aggregation
    from ..word.folder import TemplateFolder
    from .numbering import RegisterNumbers

__all__ = ["aggregate", "build_plan", "load_school_results"]


def build_plan(
    path: Path | str,
    outdir: Path,
    *,
    context: Context | None = None,
    templates: TemplateFolder | None = None,
    overwrite: bool = False,
    numbers: RegisterNumbers | None = None,
) -> list[Path]:
    """The plan kit of a managing body's plan input: ``ke-hoach.docx`` and ``cong-van.docx``.

    ``templates``: a template folder and extra variables (with the input's ``bien``), every
    folder template checked first; a document edited since the last build stops the build
    before anything is written unless ``overwrite`` (see :mod:`.manifest`). Numbers written
    ``so: auto`` come from ``numbers`` (the outgoing register), recorded as issued once both
    files are written, given back if writing fails."""
    from ..compose.plan import plan_documents
    from ..word.folder import TemplateFolder
    from ..word.render import check_template, render  # docxtpl and Jinja: not for an aggregation
    from .loading import load_plan
    from .manifest import guard, record

    context = context or Context()
    folder = templates or TemplateFolder()
    with numbers.guard() if numbers is not None else contextlib.nullcontext():
        plan, sets = load_plan(path, context=context, numbers=numbers)
        variables = {**plan.bien, **folder.variables}
        documents = [(outdir / f"{name}.docx", doc) for name, doc in plan_documents(plan, sets)]
        guard([target for target, _ in documents], overwrite=overwrite)
        for _, doc in documents:
            template = folder.template(doc.LOAI.key)
            if template is not None:
                check_template(doc, template, cache=context.templates, variables=variables,
                               logo=folder.logo)  # fmt: skip
        written = [
            render(doc, target, template=folder.template(doc.LOAI.key), cache=context.templates,
                   variables=variables, logo=folder.logo)
            for target, doc in documents
        ]  # fmt: skip
        record(written, source=path)
    if numbers is not None:
        numbers.issue({doc.so: doc for _, doc in documents if doc.so is not None})
    return written


def _one(path: Path, suffix: str, context: Context) -> KetQuaTruong:
    source = str(path)
    if suffix == ".json":
        return read_scorecard_json(path, cache=context.reads)
    from .loading import load_assessment, score_dossier  # validation: not for scorecards

    if suffix == ".xlsx":  # a filled self-assessment form
        danh_gia, _, sc = load_assessment(path, context=context)
        return KetQuaTruong.from_scorecard(sc, cap_hoc=danh_gia.cap_hoc, source=source)
    data, lines = load_data(path)
    if isinstance(data, dict) and "hoi_dong" in data:  # a dossier: read once, scored, not composed
        ho_so, _, scorecard = score_dossier(path, context=context, loaded=(data, lines))
        return KetQuaTruong.from_scorecard(scorecard, cap_hoc=ho_so.cap_hoc, source=source)
    danh_gia, _, sc = load_assessment(path, context=context, loaded=(data, lines))
    return KetQuaTruong.from_scorecard(sc, cap_hoc=danh_gia.cap_hoc, source=source)


def load_school_results(
    paths: Sequence[Path], *, bo: BoChiSo, context: Context | None = None, workers: int = 1
) -> tuple[list[KetQuaTruong], list[SchoolProblems]]:
    """Read many schools' results: dossier or assessment inputs (.yaml), scorecard JSON
    (``score --json``), filled self-assessment forms (.xlsx from ``vnadmin-docs form``), or
    spreadsheets (.csv/.xlsx: ``don_vi``, ``cap_hoc``, ``nhom_1``,
    ``nhom_2``… and optional ``bat_buoc_1``…). Each is checked against its indicator set; what
    cannot be read is returned with its problems, never counted.

    ``workers`` > 1 reads a long list (:data:`PARALLEL_FROM` files or more) in that many
    processes where processes can be forked (Linux; :func:`.forked.map_forked`), in runs of
    consecutive files each process takes when it is done with its last: the results are the
    same, in the same order. The first file is read here first, so that every process starts
    with the validators and the indicator set already built."""
    context = context or Context()
    paths = list(paths)
    workers = min(workers, len(paths) * 2 // PARALLEL_FROM)  # each a hundred files or more
    if workers <= 1 or not can_fork():
        return _read_all(paths, bo, context)
    results, broken = _read_all(paths[:1], bo, context)
    rest = paths[1:]
    size = max(8, -(-len(rest) // (workers * 16)))  # some sixteen runs each: none waits long
    runs = [rest[k : k + size] for k in range(0, len(rest), size)]
    for counted, bad in map_forked(lambda run: _read_all(run, bo, context), runs, workers=workers):
        results += counted
        broken += bad
    return results, broken


PARALLEL_FROM: Final = 200
"""The fewest files :func:`load_school_results` shares between processes (below, starting
them costs more than they save)."""


def _is_form(path: Path, suffix: str) -> bool:
    """Whether a spreadsheet is one school's filled self-assessment form (a .xlsx only)."""
    from ..io.form import is_form  # the form's layout: for spreadsheets only

    return suffix == ".xlsx" and is_form(path)


def _read_all(
    paths: Sequence[Path], bo: BoChiSo, context: Context
) -> tuple[list[KetQuaTruong], list[SchoolProblems]]:
    results: list[KetQuaTruong] = []
    broken: list[SchoolProblems] = []
    for path in paths:
        suffix = path.suffix.lower()
        try:
            if suffix in (".csv", ".xlsx") and not _is_form(path, suffix):
                counted, bad = read_result_rows(path, bo)
                results += counted
                broken += bad
            else:  # one school's file: a dossier, an assessment, a scorecard, a filled form
                results.append(_one(path, suffix, context))
        except InputError as exc:
            broken.append((str(path), exc.problems))
        except (OSError, ValueError, KeyError, TypeError, ArithmeticError) as exc:
            broken.append((str(path), (Problem("", f"không đọc được tệp: {exc}"),)))
    return results, broken


def aggregate(
    paths: Sequence[Path],
    *,
    bo: BoChiSo,
    scope: PhamVi | None = None,
    context: Context | None = None,
    workers: int = 1,
) -> tuple[TongHop, list[SchoolProblems]]:
    """Read many schools' results with one context (the validators and indicator sets are
    built once for all of them) and tally them within ``scope``: what was left out, is missing
    or duplicated is in the :class:`TongHop`; what could not be read comes back beside it.
    ``workers``: see :func:`load_school_results`."""
    context = context or Context()
    results, broken = load_school_results(paths, bo=bo, context=context, workers=workers)
    return tong_hop(results, bo, scope), broken
