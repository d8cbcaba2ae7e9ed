"""Reading indicator sets: a shipped one by its code, or a province's file; validated."""

from __future__ import annotations

import importlib.resources
import os
from pathlib import Path

from ..assessment.sets import BoChiSo
from ..assessment.validation import validate
from ..errors import InputError, Problem
from .files import Located, load_data
from .problems import ReadCache, parse_as

__all__ = ["indicator_set_names", "load_indicator_set"]


def _folder() -> importlib.resources.abc.Traversable:
    return importlib.resources.files("vnadmin_docs") / "data" / "indicator_sets"


def indicator_set_names() -> list[str]:
    """The codes of the indicator sets shipped in the package."""
    return sorted(
        p.name.removesuffix(".yaml") for p in _folder().iterdir() if p.name.endswith(".yaml")
    )


def load_indicator_set(
    name_or_path: str | Path, *, base: Path | None = None, cache: ReadCache | None = None
) -> BoChiSo:
    """Load and validate an indicator set: a shipped one by code (``qd-4725-2022``) or a file.

    A relative path is taken from ``base`` (the folder of the file that names it); ``cache``
    keeps sets already read (by file and modification time).
    """
    cache = cache or ReadCache()
    name = str(name_or_path)
    found = cache.shipped.get(name)
    if isinstance(found, BoChiSo):
        return found
    if cache.shipped_names is None:
        cache.shipped_names = indicator_set_names()
    if name in cache.shipped_names:
        with importlib.resources.as_file(_folder() / f"{name}.yaml") as path:
            bo = cache.shipped[name] = _load_set_file(path, source=name, cache=cache)
            return bo
    path = Path(name_or_path)
    if base is not None and not path.is_absolute():
        path = base / path
    if not path.exists():
        known = ", ".join(indicator_set_names())
        message = f"không có bộ chỉ số {name!r} (có sẵn: {known}) và không tìm thấy tệp {path}"
        raise InputError([Problem("bo_chi_so", message)])
    return _load_set_file(path, source=str(path), cache=cache)


def _load_set_file(path: Path, *, source: str, cache: ReadCache) -> BoChiSo:
    key = (os.path.abspath(path), path.stat().st_mtime)
    found = cache.sets.get(key)
    if not isinstance(found, BoChiSo):
        data, lines = load_data(path)
        bo = parse_as(BoChiSo, data, lines=lines, source=source, cache=cache)
        problems = validate(bo)
        if problems:
            raise Located(bo, lines, source).locate(InputError(problems))
        found = cache.sets[key] = bo
    return found
