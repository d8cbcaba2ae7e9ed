"""Building many schools' dossiers in parallel, on one machine or on an existing cluster (the
edge: it reads input files).

:func:`build_batch` takes any executor with ``submit(fn, *args) → future`` (``concurrent.futures``
pools, Dask's ``Client.get_executor()``…). Each worker process keeps one warm LibreOffice, in a
profile of its own, for all the schools it builds. A school that fails is reported and the batch
goes on, with a Vietnamese message (never Python's error text); a school whose ``ho-so.pdf`` is
newer than every input it depends on is skipped; PDFs are written atomically, so there is never
a partial one. Two inputs whose output folders would coincide (the same school folder name or
file stem, also differing only in case) are refused before anything is built.
"""

from __future__ import annotations

import atexit
import concurrent.futures
import multiprocessing.util
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

from .._atomic import os_error_message
from ..compose.dossier import PDF_NAME, output_names
from ..errors import InputError, Problem, VnAdminError
from ..io.files import load_data
from ..model import DEFAULT_ORDER

__all__ = [
    "BatchOptions",
    "BatchOutcome",
    "Executor",
    "build_batch",
    "check_collisions",
    "outdir_for",
    "up_to_date",
]


class _Future(Protocol):
    def result(self, timeout: float | None = None) -> Any: ...


class Executor(Protocol):
    """What the batch needs of an executor: ``concurrent.futures`` and Dask's both fit."""

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Any: ...


@dataclass(frozen=True)
class BatchOptions:
    """Where the tools are (found by the edge) and how to build; sent to every worker."""

    soffice: str | None
    uno_python: str | None
    font: tuple[str, str] | None
    profiles: str | None
    timeout: float = 300.0
    docx_only: bool = False
    templates: str | None = None
    """A template folder for every school (``--mau``)."""
    variables: tuple[tuple[str, str], ...] = ()
    """Extra template variables for every school (``--bien``)."""
    overwrite: bool = False
    """Overwrite parts edited since the last build (``--ghi-de``)."""


@dataclass(frozen=True)
class BatchOutcome:
    source: str
    outdir: str
    status: Literal["built", "skipped", "failed"]
    message: str = ""
    """Why a school failed, in Vietnamese."""
    pages: int = 0
    detail: str = ""
    """For a failure that is a bug or a fault of the machine: Python's own error text (for a
    bug report; the CLI shows it only when asked)."""


def outdir_for(source: Path, root: Path) -> Path:
    """``root/<school folder>`` for ``…/<school folder>/ho-so.yaml``, else ``root/<file stem>``."""
    return root / (source.parent.name if source.stem in ("ho-so", "ho_so") else source.stem)


def check_collisions(sources: Sequence[Path], root: Path) -> None:
    """Refuse, naming both inputs, two ``sources`` whose output folders under ``root`` coincide:
    the same folder name (compared in NFC and without case, as a case-insensitive disk such as a
    shared Windows folder would), or the same file given twice. One school's dossier would
    otherwise overwrite the other's."""
    seen: dict[str, Path] = {}
    problems = []
    for source in sources:
        folder = outdir_for(source, root)
        key = unicodedata.normalize("NFC", folder.name).casefold()
        first = seen.setdefault(key, source)
        if first is source:
            continue
        if first.resolve() == source.resolve():
            message = f"tệp này được nêu hai lần (cũng là {first})"
        else:
            message = (
                f"thư mục kết quả {folder} trùng với thư mục kết quả của {first}; "
                "đổi tên thư mục hoặc tệp hồ sơ của một trong hai đơn vị"
            )
        problems.append(Problem(str(source), message))
    if problems:
        raise InputError(problems, source="batch")


def _failure(source: str, outdir: str, exc: BaseException) -> BatchOutcome:
    """A school's failure that is not one of its input's problems, told in Vietnamese."""
    detail = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, OSError):
        where = f" {exc.filename}" if exc.filename else ""
        message = f"Không đọc hoặc ghi được{where} ({os_error_message(exc)})"
    elif isinstance(exc, MemoryError):
        message = "Không đủ bộ nhớ để tạo hồ sơ này"
    elif isinstance(exc, RecursionError):
        message = "Dữ liệu hồ sơ lồng nhau quá sâu"
    elif isinstance(exc, concurrent.futures.BrokenExecutor):
        message = "Tiến trình tạo hồ sơ dừng đột ngột (có thể do thiếu bộ nhớ)"
    else:
        message = "Lỗi ngoài dự kiến của vnadmin-docs khi tạo hồ sơ này; xin báo lỗi kèm tệp hồ sơ"
    return BatchOutcome(source, outdir, "failed", message, detail=detail)


def _inputs_and_outputs(
    source: Path, outdir: Path, *, docx_only: bool
) -> tuple[list[Path], list[Path]]:
    """The files a dossier depends on (itself, its assessment file, a set given as a file) and
    the files its build writes, read from the input without loading it whole (a batch checks
    every school before building any)."""
    inputs = [source]
    order = list(DEFAULT_ORDER)
    try:
        data, _ = load_data(source)
    except VnAdminError:
        data = None
    if isinstance(data, dict):
        for key in ("tu_danh_gia", "bo_chi_so"):
            value = data.get(key)
            if isinstance(value, str) and (source.parent / value).is_file():
                inputs.append(source.parent / value)
        if isinstance(data.get("thu_tu"), list):
            order = [k for k in data["thu_tu"] if k in DEFAULT_ORDER]
    outputs = [outdir / f"{name}.docx" for name in output_names(order)]
    return inputs, outputs if docx_only else [*outputs, outdir / PDF_NAME]


def up_to_date(source: Path, outdir: Path, *, docx_only: bool) -> bool:
    """Whether every output of this dossier exists and is newer than every input."""
    inputs, outputs = _inputs_and_outputs(source, outdir, docx_only=docx_only)
    if not all(p.is_file() for p in outputs):
        return False
    built = min(p.stat().st_mtime for p in outputs)
    return all(p.stat().st_mtime <= built for p in inputs)


_WORKER: dict[str, Any] = {}
"""The one piece of process state: each worker process's context (its warm LibreOffice and
caches), made on its first school and reused for the rest; a pool's worker cannot be handed
an object, only reach one it made."""


def _context(options: BatchOptions) -> Any:
    """This worker process's context: one warm LibreOffice reused for every school it builds."""
    from ..pdf.assemble import TocFont
    from ..pdf.libreoffice import LibreOfficeConverter
    from ..pdf.warm import WarmLibreOffice
    from .context import Context

    if "context" in _WORKER:
        return _WORKER["context"]
    profiles = Path(options.profiles) if options.profiles else None
    font = TocFont(Path(options.font[0]), Path(options.font[1])) if options.font else None
    converter: Any = None
    if options.docx_only:
        converter = None
    elif options.uno_python is None:
        converter = LibreOfficeConverter(
            options.soffice, timeout=options.timeout, profiles=profiles
        )
    else:
        converter = WarmLibreOffice(
            options.soffice, options.uno_python, timeout=options.timeout, profiles=profiles
        ).start()
        atexit.register(_close_worker)
        # pool workers leave through os._exit, which skips atexit but runs these
        multiprocessing.util.Finalize(None, _close_worker, exitpriority=10)
    context = _WORKER["context"] = Context(converter=converter, font=font)
    return context


def _close_worker() -> None:
    context = _WORKER.pop("context", None)
    close = getattr(getattr(context, "converter", None), "close", None)
    if close is not None:
        close()


def build_one(source: str, outdir: str, options: BatchOptions) -> BatchOutcome:
    """Build one school's dossier (runs in a worker); never raises for a school's own problems."""
    from ..word.folder import TemplateFolder
    from .dossier import build_dossier
    from .loading import load_dossier

    try:
        context = _context(options)
        dossier = load_dossier(Path(source), context=context)
        folder = Path(options.templates) if options.templates else None
        templates = TemplateFolder(folder, dict(options.variables))
        result = build_dossier(dossier, Path(outdir), context=context, templates=templates,
                               overwrite=options.overwrite, source=source)  # fmt: skip
    except VnAdminError as exc:
        return BatchOutcome(source, outdir, "failed", str(exc))
    except Exception as exc:  # a bug must not stop the other schools; it is reported
        return _failure(source, outdir, exc)
    pages = result.pdf.pages if result.pdf else 0
    return BatchOutcome(source, outdir, "built", pages=pages)


def build_batch(
    sources: Sequence[Path],
    root: Path,
    options: BatchOptions,
    *,
    executor: Executor | None = None,
    workers: int = 1,
    force: bool = False,
    on_done: Callable[[BatchOutcome], None] = lambda outcome: None,
) -> list[BatchOutcome]:
    """Build every dossier in ``sources`` into ``root/<school>``; returns one outcome each, in
    the order of ``sources``. Without an ``executor``, ``workers`` processes are used (1: here).

    Two sources with the same output folder raise :class:`InputError` before anything is built
    (see :func:`check_collisions`)."""
    check_collisions(sources, root)
    outcomes: dict[int, BatchOutcome] = {}
    todo: list[tuple[int, Path, Path]] = []
    for index, source in enumerate(sources):
        target = outdir_for(source, root)
        if not force and up_to_date(source, target, docx_only=options.docx_only):
            outcomes[index] = BatchOutcome(str(source), str(target), "skipped")
            on_done(outcomes[index])
        else:
            todo.append((index, source, target))
    if executor is None and workers <= 1:
        try:
            for index, source, target in todo:
                outcomes[index] = build_one(str(source), str(target), options)
                on_done(outcomes[index])
        finally:
            _close_worker()
        return [outcomes[i] for i in range(len(sources))]
    pool = executor or concurrent.futures.ProcessPoolExecutor(max_workers=workers)
    try:
        futures = {pool.submit(build_one, str(s), str(t), options): (i, s, t) for i, s, t in todo}
        for future in concurrent.futures.as_completed(futures) if executor is None else futures:
            index, source, target = futures[future]
            try:
                outcome = future.result()
            except Exception as exc:  # the worker itself died
                outcome = _failure(str(source), str(target), exc)
            outcomes[index] = outcome
            on_done(outcome)
    finally:
        if executor is None:
            assert isinstance(pool, concurrent.futures.ProcessPoolExecutor)
            pool.shutdown()
    return [outcomes[i] for i in range(len(sources))]
