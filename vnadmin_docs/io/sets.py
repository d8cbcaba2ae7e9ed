"""Reading indicator sets: a shipped one by its code, or a province's file; validated."""

from __future__ import annotations

import dataclasses
import functools
import importlib.resources
import json
import os
import types
import typing
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

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
        bo = cache.shipped[name] = _shipped(name, cache)
        return bo
    path = Path(name_or_path)
    if base is not None and not path.is_absolute():
        path = base / path
    if not path.exists():
        known = ", ".join(indicator_set_names())
        message = f"không có bộ chỉ số {name!r} (có sẵn: {known}) và không tìm thấy tệp {path}"
        raise InputError([Problem("bo_chi_so", message)])
    return _load_set_file(path, source=str(path), cache=cache)


def _shipped(name: str, cache: ReadCache) -> BoChiSo:
    """A shipped set, from its JSON twin (``scripts/build_sets.py`` writes it from the YAML
    source; a test keeps them equal): the json module, no PyYAML. The YAML source when the
    twin is missing or needs validation."""
    twin = _folder() / f"{name}.json"
    if twin.is_file():
        bo = _plain(BoChiSo, json.loads(twin.read_text(encoding="utf-8")))
        if bo is not None and not validate(bo):
            return bo
    with importlib.resources.as_file(_folder() / f"{name}.yaml") as path:
        return _load_set_file(path, source=name, cache=cache, shipped=True)


def _load_set_file(path: Path, *, source: str, cache: ReadCache, shipped: bool = False) -> BoChiSo:
    key = (os.path.abspath(path), path.stat().st_mtime)
    found = cache.sets.get(key)
    if not isinstance(found, BoChiSo):
        data, lines = load_data(path)
        bo = _plain(BoChiSo, data) if shipped else None
        if bo is None:
            bo = parse_as(BoChiSo, data, lines=lines, source=source, cache=cache)
        problems = validate(bo)
        if problems:
            raise Located(bo, lines, source).locate(InputError(problems))
        found = cache.sets[key] = bo
    return found


class _NotPlain(Exception):
    """A value the direct construction does not take as it is: pydantic is to judge it."""


@functools.cache
def _hints(tp: type) -> dict[str, Any]:
    return typing.get_type_hints(tp)


def _plain(cls: type[BoChiSo], data: Any) -> BoChiSo | None:
    """A shipped set built from its data directly, without building pydantic's validator
    (importing and building it is a quarter of a second, more than an aggregation of a
    thousand scorecards reads): every value must already be of its field's type (text as
    text, numbers as whole numbers, lists for tuples, no unknown key); anything else gives
    ``None`` and the set goes through :func:`parse_as`. A test checks the result equals
    pydantic's for every shipped set."""
    try:
        return typing.cast(BoChiSo, _build(cls, data))
    except _NotPlain:
        return None


def _build(tp: Any, value: Any) -> Any:
    origin = typing.get_origin(tp)
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        if not isinstance(value, dict):
            raise _NotPlain
        hints = _hints(tp)
        fields = {f.name: f for f in dataclasses.fields(tp) if f.init}
        if not all(isinstance(k, str) and k in fields for k in value):
            raise _NotPlain
        missing = dataclasses.MISSING
        for name, f in fields.items():
            if name not in value and f.default is missing and f.default_factory is missing:
                raise _NotPlain
        return tp(**{k: _build(hints[k], v) for k, v in value.items()})
    if tp is str or tp is bool or tp is int:
        if type(value) is not tp:
            raise _NotPlain
        return value
    if tp is Decimal:
        if type(value) is not int:
            raise _NotPlain
        return Decimal(value)
    if origin is Literal:
        if type(value) is not str or value not in typing.get_args(tp):
            raise _NotPlain
        return value
    if origin is types.UnionType or origin is typing.Union:
        args = typing.get_args(tp)
        if value is None and type(None) in args:
            return None
        others = [a for a in args if a is not type(None)]
        if len(others) != 1:
            raise _NotPlain
        return _build(others[0], value)
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) != 2 or args[1] is not Ellipsis or not isinstance(value, list):
            raise _NotPlain
        return tuple(_build(args[0], v) for v in value)
    if origin is dict:
        key, item = typing.get_args(tp)
        if key is not str or not isinstance(value, dict):
            raise _NotPlain
        return {_build(str, k): _build(item, v) for k, v in value.items()}
    raise _NotPlain
