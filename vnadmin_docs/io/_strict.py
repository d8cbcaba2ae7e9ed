"""Strict types at the edge: what YAML read as something else than the field holds.

pydantic's lax mode would take ``so: true`` as the number 1, ``thoi_gian_bat_dau: 12`` as a
time in 1970 and ``dat: "false"`` as a boolean; YAML reads ``yes``, ``01``, ``12`` typed for
a text as a boolean or a number. This pass walks the data along the model's type hints and
reports each such value, with a hint to put it in quotes when YAML turned it into something
else, before validation, so that these problems come together with every other one.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import Any, Final

from ..errors import Loc, Problem, format_path
from ..vn.dates import Ngay
from .files import LineMap, line_of, typed_scalars

__all__ = ["MAX_DECIMAL", "MAX_INT", "set_aside", "strict_problems"]

MAX_INT: Final = 10**9
"""The largest whole number a field takes (a document number, a count)."""
MAX_DECIMAL: Final = 10**6
"""The largest fractional number a field takes (points, a percentage: far less)."""


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, include_extras=True)


def _plain(tp: Any) -> Any:
    """``tp`` without ``Annotated`` and ``None`` (``Text | None`` → ``str``); ``None`` for a
    union of several types, which this pass leaves to validation."""
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _plain(args[0]) if len(args) == 1 else None
    return tp


def _quoted(loc: Loc, lines: LineMap | None, value: Any) -> str:
    raw = typed_scalars(lines).get(loc)
    if raw is None:
        return ""
    return f" (YAML đọc '{raw}' thành {_kind(value)}); hãy đặt trong dấu nháy: '{raw}'"


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "giá trị đúng/sai"
    if isinstance(value, int | float | Decimal):
        return "số"
    if value is None:
        return "giá trị rỗng"
    return type(value).__name__


def _problem(tp: Any, value: Any, loc: Loc, lines: LineMap | None) -> str | None:
    if value is None:
        return None
    if tp is str:
        if isinstance(value, bool | int | float | date):
            return "phải là chuỗi ký tự" + _quoted(loc, lines, value)
    elif tp is bool:
        if not isinstance(value, bool):
            return "phải là true hoặc false (không đặt trong dấu nháy)"
    elif tp is int:
        if isinstance(value, bool):
            return "phải là số nguyên, không phải true/false"
        if isinstance(value, float | Decimal) and value != int(value):
            return f"phải là số nguyên (không có phần thập phân: {value})"
        if isinstance(value, int | float) and abs(value) > MAX_INT:
            return f"số quá lớn (tối đa {MAX_INT:,})".replace(",", ".")
    elif tp in (float, Decimal):
        if isinstance(value, bool):
            return "phải là số, không phải true/false"
        if isinstance(value, int | float) and abs(value) > MAX_DECIMAL:
            return f"số quá lớn (tối đa {MAX_DECIMAL:,})".replace(",", ".")
    elif tp is Ngay and isinstance(value, bool | int | float):
        if isinstance(value, bool | float) or not 1900 <= value <= 2200:
            return "ngày phải có dạng YYYY-MM-DD, YYYY-MM hoặc năm YYYY (ví dụ 2024)"
    elif tp in (datetime, date) and isinstance(value, bool | int | float):
        return (
            "phải là ngày giờ dạng YYYY-MM-DD HH:MM"
            if tp is datetime
            else "phải là ngày dạng YYYY-MM-DD"
        ) + " (đặt trong dấu nháy nếu cần)"
    return None


_LEAF, _RECORD, _ITEMS, _VALUES = range(4)


def _plan(tp: Any) -> tuple[Any, int, Any] | None:
    """How :func:`_walk` treats a field of type ``tp``: its plain type, what it holds (a leaf,
    a record's fields by name, list items, mapping values) and their types; ``None`` for a
    union the pass leaves to validation. Worked out once per type."""
    try:
        return _cached_plan(tp)
    except TypeError:  # an unhashable annotation: worked out each time
        return _make_plan(tp)


def _make_plan(tp: Any) -> tuple[Any, int, Any] | None:
    plain = _plain(tp)
    if plain is None:
        return None
    origin = typing.get_origin(plain)
    args = typing.get_args(plain)
    if dataclasses.is_dataclass(plain) and isinstance(plain, type):
        return plain, _RECORD, _hints(plain)
    if origin in (list, tuple, typing.Sequence) and args:
        return plain, _ITEMS, args[0]
    if origin is dict and len(args) == 2:
        return plain, _VALUES, args[1]
    return plain, _LEAF, None


@cache
def _cached_plan(tp: Any) -> tuple[Any, int, Any] | None:
    return _make_plan(tp)


def _walk(tp: Any, value: Any, loc: Loc, lines: LineMap | None, out: list[Problem]) -> None:
    plan = _plan(tp)
    if plan is None or value is None:
        return
    plain, holds, inner = plan
    if plain is str and type(value) is str:  # the common case: a text given as text
        return
    if isinstance(value, float | Decimal) and value != value:  # NaN
        return
    try:
        message = _problem(plain, value, loc, lines)
    except (OverflowError, ValueError):  # inf: the reader reports it
        return
    if message:
        out.append(Problem(format_path(loc), message, line_of(loc, lines), loc=loc))
        return
    if holds == _RECORD and isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str) and key in inner:
                _walk(inner[key], item, (*loc, key), lines, out)
    elif holds == _ITEMS and isinstance(value, list):
        for i, item in enumerate(value):
            _walk(inner, item, (*loc, i), lines, out)
    elif holds == _VALUES and isinstance(value, dict):
        for key, item in value.items():
            _walk(inner, item, (*loc, str(key)), lines, out)


def strict_problems(cls: Any, data: Any, *, lines: LineMap | None, prefix: Loc) -> list[Problem]:
    """Every value of ``data`` whose type the field would only take by coercion."""
    out: list[Problem] = []
    _walk(cls, data, prefix, lines, out)
    return out


class _SetAside:
    """What a refused value is replaced by before validation: no field takes it, so the
    object holding it is not built from a coerced value (a time in 1970)."""

    def __repr__(self) -> str:
        return "(giá trị đã báo lỗi)"


def set_aside(data: Any, problems: list[Problem], prefix: Loc) -> None:
    """Replace, in place, each value ``problems`` refused by a value no field takes."""
    for p in problems:
        loc = p.loc[len(prefix) :]
        where = data
        try:
            for part in loc[:-1]:
                where = where[part]
            if loc:
                where[loc[-1]] = _SetAside()
        except (KeyError, IndexError, TypeError):
            continue
