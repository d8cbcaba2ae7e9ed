"""Field rules of the model, each written once.

A rule is a function that returns the Vietnamese problem with a value, or ``None``. The same
rule runs in two places: inside the input loader's validation of the field (``Annotated``
metadata, so that a bad field is reported together with every other problem of the file) and
in ``__post_init__`` for objects built in Python (:func:`collect`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Annotated, Any

from ..errors import ModelError, Problem
from ..vn.numbering import SoKyHieu, so_problem

__all__ = ["KyHieu", "So", "Text", "collect", "ky_hieu_problem", "nonblank_problem"]

Rule = Callable[[Any], str | None]


def nonblank_problem(value: object) -> str | None:
    """The problem with a blank text.

    >>> nonblank_problem("  "), nonblank_problem("a")
    ('không được để trống', None)
    """
    return "không được để trống" if isinstance(value, str) and not value.strip() else None


def ky_hieu_problem(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        SoKyHieu(None, value)
    except ValueError as exc:
        return str(exc)
    return None


class _Check:
    """``Annotated`` metadata: run a rule while the loader validates the field itself."""

    def __init__(self, rule: Rule) -> None:
        self.rule = rule

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        def run(value: Any) -> Any:
            if value is not None and (message := self.rule(value)):
                raise ValueError(message)
            return value

        return core_schema.no_info_after_validator_function(run, handler(source))


Text = Annotated[str, _Check(nonblank_problem)]
"""A string that must not be blank."""
KyHieu = Annotated[str, _Check(nonblank_problem), _Check(ky_hieu_problem)]
So = Annotated[int, _Check(so_problem)]


def collect(obj: object, rules: Iterable[tuple[str, Rule]], extra: Iterable[Problem] = ()) -> None:
    """Run ``(field, rule)`` pairs on ``obj``; raise one :class:`ModelError` with every problem
    (and the ``extra`` ones) when there is any."""
    problems = [
        Problem.at((name,), message)
        for name, rule in rules
        if getattr(obj, name) is not None and (message := rule(getattr(obj, name)))
    ]
    problems += list(extra)
    if problems:
        raise ModelError(problems)
