"""Building many schools' dossiers in parallel, on one machine or on an existing cluster (the
edge: it reads input files).

:func:`build_batch` takes any executor with ``submit(fn, *args) → future`` (``concurrent.futures``
pools, Dask's ``Client.get_executor()``…). Each worker process keeps one warm LibreOffice, in a
profile of its own, for all the schools it builds. A school that fails is reported and the batch
goes on; a school whose ``ho-so.pdf`` is newer than every input it depends on is skipped; PDFs
are written atomically, so there is never a partial one.
"""

from __future__ import annotations

import atexit
import concurrent.futures
import multiprocessing.util
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

from .build import PDF_NAME
from .errors import VnAdminError
from .loader import load_data, load_dossier

__all__ = ["BatchOptions", "BatchOutcome", "Executor", "build_batch", "outdir_for", "up_to_date"]


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


@dataclass(frozen=True)
class BatchOutcome:
    source: str
    outdir: str
    status: Literal["built", "skipped", "failed"]
    message: str = ""
    pages: int = 0


def outdir_for(source: Path, root: Path) -> Path:
    """``root/<school folder>`` for ``…/<school folder>/ho-so.yaml``, else ``root/<file stem>``."""
    return root / (source.parent.name if source.stem in ("ho-so", "ho_so") else source.stem)


def _inputs(source: Path) -> list[Path]:
    """The files a dossier depends on: itself, its assessment file, a set given as a file."""
    found = [source]
    try:
        data, _ = load_data(source)
    except VnAdminError:
        return found
    if isinstance(data, dict):
        for key in ("tu_danh_gia", "bo_chi_so"):
            value = data.get(key)
            if isinstance(value, str) and (source.parent / value).is_file():
                found.append(source.parent / value)
    return found


def up_to_date(source: Path, outdir: Path, *, docx_only: bool) -> bool:
    """Whether the outputs are newer than every input of this dossier."""
    target = outdir / ("05-quyet-dinh.docx" if docx_only else PDF_NAME)
    if not target.is_file():
        return False
    built = target.stat().st_mtime
    return all(p.stat().st_mtime <= built for p in _inputs(source))


_WARM: dict[str, Any] = {}


def _converter(options: BatchOptions) -> Any:
    """One warm LibreOffice per worker process, reused for every school it builds."""
    from .convert import LibreOfficeConverter, WarmLibreOffice

    profiles = Path(options.profiles) if options.profiles else None
    if options.uno_python is None:
        return LibreOfficeConverter(options.soffice, timeout=options.timeout, profiles=profiles)
    if "warm" not in _WARM:
        _WARM["warm"] = WarmLibreOffice(
            options.soffice, options.uno_python, timeout=options.timeout, profiles=profiles
        ).start()
        atexit.register(_close_warm)
        # pool workers leave through os._exit, which skips atexit but runs these
        multiprocessing.util.Finalize(None, _close_warm, exitpriority=10)
    return _WARM["warm"]


def _close_warm() -> None:
    warm = _WARM.pop("warm", None)
    if warm is not None:
        warm.close()


def build_one(source: str, outdir: str, options: BatchOptions) -> BatchOutcome:
    """Build one school's dossier (runs in a worker); never raises for a school's own problems."""
    from .assemble import TocFont
    from .build import build_dossier

    try:
        ho_so, bo, scorecard = load_dossier(Path(source))
        converter = None if options.docx_only else _converter(options)
        font = TocFont(Path(options.font[0]), Path(options.font[1])) if options.font else None
        result = build_dossier(ho_so, bo, scorecard, Path(outdir), converter=converter, font=font)
    except VnAdminError as exc:
        return BatchOutcome(source, outdir, "failed", str(exc))
    except Exception as exc:  # a bug must not stop the other schools; it is reported
        return BatchOutcome(source, outdir, "failed", f"{type(exc).__name__}: {exc}")
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
    the order of ``sources``. Without an ``executor``, ``workers`` processes are used (1: here)."""
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
            _close_warm()
        return [outcomes[i] for i in range(len(sources))]
    pool = executor or concurrent.futures.ProcessPoolExecutor(max_workers=workers)
    try:
        futures = {pool.submit(build_one, str(s), str(t), options): (i, s, t) for i, s, t in todo}
        for future in concurrent.futures.as_completed(futures) if executor is None else futures:
            index, source, target = futures[future]
            try:
                outcome = future.result()
            except Exception as exc:  # the worker itself died
                outcome = BatchOutcome(
                    str(source), str(target), "failed", f"{type(exc).__name__}: {exc}"
                )
            outcomes[index] = outcome
            on_done(outcome)
    finally:
        if executor is None:
            assert isinstance(pool, concurrent.futures.ProcessPoolExecutor)
            pool.shutdown()
    return [outcomes[i] for i in range(len(sources))]
