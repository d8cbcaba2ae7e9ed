"""Validation of read data as model objects, and pydantic's errors as located Vietnamese
:class:`~vnadmin_docs.errors.Problem` s: every problem of an input at once, with its path and line.
"""

from __future__ import annotations

import contextlib
import dataclasses
import difflib
import re
import typing
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, Final, TypeVar

from ..errors import InputError, Loc, ModelError, Problem, format_path
from ..vn.text import settled_input
from ._strict import set_aside, strict_problems
from .files import LineMap, line_of, normalize

if TYPE_CHECKING:  # pydantic is imported on the first validation (not for shipped sets alone)
    from pydantic import TypeAdapter, ValidationError

__all__ = ["ReadCache", "parse_as", "problems_from"]

T = TypeVar("T")


class ReadCache:
    """What reading keeps between files: a validator per model class (building one costs
    milliseconds, a batch reads the same classes for every school) and the indicator sets
    read so far, by file and modification time."""

    def __init__(self) -> None:
        self._adapters: dict[Any, TypeAdapter[Any]] = {}
        self.sets: dict[tuple[str, float], Any] = {}
        self.shipped: dict[str, Any] = {}
        """The shipped sets by code (the package's data does not change while it runs)."""
        self.shipped_names: list[str] | None = None

    def adapter(self, cls: Any) -> TypeAdapter[Any]:
        if cls not in self._adapters:
            from pydantic import TypeAdapter

            self._adapters[cls] = TypeAdapter(cls)
        return self._adapters[cls]


_TYPE_TAG = re.compile(
    r"^(function-\w+\[.*\]|int|str|bool|float|list\[.*\]|dict\[.*\]|none|nullable"
    r"|date|datetime|lax-or-strict\[.*\]|json-or-python\[.*\])$"
)

_MESSAGES: Final = {
    "missing": "thiếu trường bắt buộc",
    "missing_keyword_only_argument": "thiếu trường bắt buộc",
    "missing_argument": "thiếu trường bắt buộc",
    "string_type": "phải là chuỗi ký tự",
    "int_type": "phải là số nguyên",
    "int_parsing": "phải là số nguyên",
    "int_from_float": "phải là số nguyên",
    "float_type": "phải là số",
    "float_parsing": "phải là số",
    "decimal_type": "phải là số",
    "decimal_parsing": "phải là số",
    "bool_type": "phải là true hoặc false",
    "bool_parsing": "phải là true hoặc false",
    "list_type": "phải là danh sách (các dòng bắt đầu bằng '- ')",
    "dict_type": "phải là một nhóm trường (khóa: giá trị)",
    "dataclass_type": "phải là một nhóm trường (khóa: giá trị)",
    "dataclass_args_type": "phải là một nhóm trường (khóa: giá trị)",
    "datetime_type": "phải là ngày giờ dạng YYYY-MM-DD HH:MM",
    "datetime_parsing": "phải là ngày giờ dạng YYYY-MM-DD HH:MM",
    "datetime_from_date_parsing": "phải là ngày giờ dạng YYYY-MM-DD HH:MM",
    "date_type": "phải là ngày dạng YYYY-MM-DD",
    "date_parsing": "phải là ngày dạng YYYY-MM-DD",
    "date_from_datetime_parsing": "phải là ngày dạng YYYY-MM-DD",
    "greater_than_equal": "quá nhỏ (phải ≥ {ge})",
    "less_than_equal": "quá lớn (phải ≤ {le})",
    "greater_than": "quá nhỏ (phải > {gt})",
    "less_than": "quá lớn (phải < {lt})",
}


@cache
def _known_fields() -> tuple[str, ...]:
    from ..model import DOCUMENT_TYPES  # the documents' classes: only for a misspelt key

    names: set[str] = set()
    stack: list[Any] = list(DOCUMENT_TYPES.values())
    seen: set[Any] = set()
    while stack:
        cls = stack.pop()
        if cls in seen or not dataclasses.is_dataclass(cls):
            continue
        seen.add(cls)
        hints = typing.get_type_hints(cls)
        for f in dataclasses.fields(cls):
            names.add(f.name)
            stack.extend(_classes_in(hints.get(f.name)))
    return tuple(sorted(names))


def _classes_in(tp: Any) -> list[Any]:
    if isinstance(tp, type):
        return [tp]
    return [c for arg in typing.get_args(tp) for c in _classes_in(arg)]


def _message(err: Mapping[str, Any], field: str | None) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind in ("unexpected_keyword_argument", "extra_forbidden"):
        close = difflib.get_close_matches(field or "", _known_fields(), n=1)
        hint = f" (có phải là '{close[0]}'?)" if close else ""
        return f"trường không có trong định dạng tệp{hint}"
    if kind in ("enum", "literal_error"):
        expected = str(ctx.get("expected", "")).replace(" or ", ", ")
        return f"giá trị không hợp lệ; chọn một trong: {expected}"
    if kind in ("value_error", "assertion_error") and "error" in ctx:
        return str(ctx["error"])
    if kind in _MESSAGES:
        try:
            return _MESSAGES[kind].format(**ctx)
        except (KeyError, IndexError):
            return _MESSAGES[kind]
    return f"không hợp lệ ({err.get('msg', kind)})"


def problems_from(
    exc: ValidationError, *, lines: LineMap | None = None, prefix: Loc = ()
) -> list[Problem]:
    """Translate a pydantic ``ValidationError`` into located Vietnamese problems."""
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for err in exc.errors(include_url=False):
        loc = prefix + tuple(
            p for p in err["loc"] if not (isinstance(p, str) and _TYPE_TAG.match(p))
        )
        error = (err.get("ctx") or {}).get("error")
        if isinstance(error, ModelError):
            pairs = [(loc + p.loc, p.message) for p in error.problems]
        else:
            last = loc[-1] if loc and isinstance(loc[-1], str) else None
            pairs = [(loc, _message(err, last))]
        for path, message in pairs:
            key = (format_path(path), message)
            if key not in seen:
                seen.add(key)
                problems.append(Problem(key[0], message, line_of(path, lines), loc=path))
    return problems


def parse_as(
    cls: type[T],
    data: Any,
    *,
    lines: LineMap | None = None,
    source: str | None = None,
    prefix: Loc = (),
    cache: ReadCache | None = None,
    settled: bool = False,
) -> T:
    """Validate ``data`` as ``cls`` (a model dataclass), raising :class:`InputError` with every
    problem at once. ``settled``: ``data`` is what :func:`~.files.load_data` returned, NFC and
    free of forbidden characters, so it is neither normalised again nor checked again by each
    record it builds (it is copied before a refused value is set aside in it, as otherwise)."""
    from pydantic import ValidationError

    if not settled:
        data = normalize(data)
    strict = strict_problems(cls, data, lines=lines, prefix=prefix)
    if strict and settled:
        data = normalize(data)  # a copy: the caller's data stay as they were read
    set_aside(data, strict, prefix)
    try:
        adapter = (cache or ReadCache()).adapter(cls)
        with settled_input() if settled else contextlib.nullcontext():
            value = typing.cast(T, adapter.validate_python(data))
    except ValidationError as exc:
        found = {p.path for p in strict}
        rest = [p for p in problems_from(exc, lines=lines, prefix=prefix) if p.path not in found]
        raise InputError(_in_order([*strict, *rest]), source=source) from None
    except ModelError as exc:
        problems = [
            Problem(
                format_path(prefix + p.loc), p.message, line_of(prefix, lines), loc=prefix + p.loc
            )
            for p in exc.problems
        ]
        raise InputError(_in_order([*strict, *problems]), source=source) from None
    if strict:
        raise InputError(strict, source=source)
    return value


def _in_order(problems: list[Problem]) -> list[Problem]:
    """Problems by line (those without a line last), as the file reads."""
    return sorted(problems, key=lambda p: (p.line is None, p.line or 0))
