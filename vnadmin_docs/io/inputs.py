"""Reading the inputs of the assessment and of a managing body: a school's self-assessment,
its dossier, a plan, a plan's assignment table. Each comes back :class:`~.files.Located`, so
that what later stages find (a claim above its cap, dates in the wrong order) is reported with
the line of the file it is about."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from ..model import BangPhanCong, DanhGia, HoSo, KeHoachTrienKhai
from .files import LineMap, Located, load_data
from .problems import ReadCache, parse_as

__all__ = ["read", "read_assessment", "read_assignment", "read_dossier", "read_plan"]

T = TypeVar("T")


def read(
    cls: type[T],
    path: Path | str,
    *,
    cache: ReadCache | None = None,
    loaded: tuple[Any, LineMap] | None = None,
) -> Located[T]:
    """Read ``path`` as a ``cls`` input; every problem of the file at once. ``loaded`` is the
    file's data and line map when the caller has read it already with
    :func:`~.files.load_data` (not parsed twice)."""
    data, lines = loaded if loaded is not None else load_data(path)
    value = parse_as(cls, data, lines=lines, source=str(path), cache=cache, settled=True)
    return Located(value, lines, str(path))


def read_assessment(
    path: Path | str,
    *,
    cache: ReadCache | None = None,
    loaded: tuple[Any, LineMap] | None = None,
) -> Located[DanhGia]:
    """A school's self-assessment (``tu-danh-gia.yaml``)."""
    return read(DanhGia, path, cache=cache, loaded=loaded)


def read_dossier(
    path: Path | str,
    *,
    cache: ReadCache | None = None,
    loaded: tuple[Any, LineMap] | None = None,
) -> Located[HoSo]:
    """A school's dossier input (``ho-so.yaml``)."""
    return read(HoSo, path, cache=cache, loaded=loaded)


def read_plan(path: Path | str, *, cache: ReadCache | None = None) -> Located[KeHoachTrienKhai]:
    """A managing body's plan (``ke-hoach.yaml``)."""
    return read(KeHoachTrienKhai, path, cache=cache)


def read_assignment(path: Path | str, *, cache: ReadCache | None = None) -> Located[BangPhanCong]:
    """A plan's assignment table input (``phan-cong.yaml``)."""
    return read(BangPhanCong, path, cache=cache)
