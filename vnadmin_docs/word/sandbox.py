"""The sandbox user templates are filled in: Jinja's SandboxedEnvironment with autoescaping,
undefined variables as errors, every printed value escaped (and braces written as character
references, because docxtpl rewrites ``{_{`` in its output), no loader (include, import and
extends refused), and limits on loops, arguments, numbers and output, so that no template can
run code, hang the tool or exhaust its memory. Compiled templates are kept per source text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final, TypeVar

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from ..vn.layout import khong_ngat

__all__ = ["MAX_ARGUMENT", "MAX_LOOP_ITEMS", "MAX_OUTPUT_CHARS", "TemplateCache", "memo"]

MAX_OUTPUT_CHARS: Final = 5_000_000
"""The most characters a template may print, or build with ``*``, in one render."""
MAX_LOOP_ITEMS: Final = 100_000
"""The most items all of a render's ``range`` calls may give together."""
MAX_ARGUMENT: Final = 100_000
"""The largest number passed to a filter or a method (a width, a count)."""


def _finalize(value: Any) -> Markup:
    """What a template prints: escaped for XML, and with braces as character references,
    because docxtpl turns ``{_{`` and the like in its output into ``{{``. Plain text keeps
    its joins (:func:`~vnadmin_docs.vn.layout.khong_ngat`: ``2024-2025``, ``Mức độ 2`` never
    broken at a line end)."""
    if isinstance(value, str) and not isinstance(value, Markup):
        value = khong_ngat(value)
    return Markup(str(escape(value)).replace("{", "&#123;").replace("}", "&#125;"))


def _no_big_numbers(args: Any) -> None:
    for a in args:
        if isinstance(a, int | float) and not isinstance(a, bool) and abs(a) > MAX_ARGUMENT:
            raise SecurityError(f"số {a} quá lớn cho mẫu văn bản (tối đa {MAX_ARGUMENT})")


class _RefusingLoader(jinja2.BaseLoader):
    """A loader that refuses: a template is one file, it includes nothing."""

    def get_source(self, environment: Any, template: str) -> Any:
        raise SecurityError(
            f"mẫu văn bản không được dùng include/import/extends ('{template}'): "
            "hãy chép nội dung vào chính mẫu"
        )


_T = TypeVar("_T")


def memo(cache: dict[Any, _T], key: Any, make: Callable[[], _T]) -> _T:
    """``cache[key]``, made first if missing; emptied when it holds 256 entries (a long-lived
    process that renders many user templates)."""
    found = cache.get(key)
    if found is None:
        if len(cache) >= 256:
            cache.clear()
        found = cache[key] = make()
    return found


class _Environment(SandboxedEnvironment):
    """The sandbox templates are filled in, keeping each compiled template by its source text:
    docxtpl compiles the body, headers and footers on every render, and a batch renders the
    same templates for every school."""

    intercepted_binops = frozenset({"*", "**"})

    def __init__(self) -> None:
        super().__init__(
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            finalize=self._count,
            loader=_RefusingLoader(),
        )
        self._compiled: dict[str, jinja2.Template] = {}
        self.printed = 0
        self.looped = 0
        for name in ("lipsum", "cycler", "joiner", "namespace", "dict"):
            self.globals.pop(name, None)
        self.globals["range"] = self._range
        for name, f in list(self.filters.items()):
            self.filters[name] = self._guarded(f)

    def start(self) -> None:
        """Reset the budgets before a render."""
        self.printed = self.looped = 0

    def _count(self, value: Any) -> Markup:
        out = _finalize(value)
        self.printed += len(out)
        if self.printed > MAX_OUTPUT_CHARS:
            raise SecurityError(f"mẫu in ra quá nhiều (quá {MAX_OUTPUT_CHARS} ký tự)")
        return out

    def _range(self, *args: int) -> range:
        _no_big_numbers(args)
        items = range(*args)
        self.looped += len(items)
        if self.looped > MAX_LOOP_ITEMS:
            raise SecurityError(f"mẫu lặp quá nhiều lần (quá {MAX_LOOP_ITEMS})")
        return items

    @staticmethod
    def _guarded(f: Any) -> Any:
        def guarded(*args: Any, **kwargs: Any) -> Any:
            _no_big_numbers([*args[1:], *kwargs.values()])
            return f(*args, **kwargs)

        for attr in ("jinja_pass_arg",):
            if hasattr(f, attr):
                setattr(guarded, attr, getattr(f, attr))
        return guarded

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**":
            _no_big_numbers([left])
            if not isinstance(right, int | float) or right > 100:
                raise SecurityError("lũy thừa quá lớn trong mẫu văn bản")
        elif operator == "*":
            seq, n = (left, right) if isinstance(right, int) else (right, left)
            sized = isinstance(seq, str | list | tuple) and isinstance(n, int)
            if sized and len(seq) * n > MAX_OUTPUT_CHARS:
                raise SecurityError("chuỗi tạo bằng phép nhân quá dài trong mẫu văn bản")
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _no_big_numbers([*args, *kwargs.values()])
        return super().call(__context, __obj, *args, **kwargs)

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Any:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        return memo(self._compiled, source, lambda: super(_Environment, self).from_string(source))


class TemplateCache:
    """What rendering keeps between documents: the sandbox with its compiled templates,
    docxtpl's cleaned-up XML of each template part, and each template file's variables."""

    def __init__(self) -> None:
        self.environment = _Environment()
        self.patched: dict[str, str] = {}
        self.variables: dict[tuple[str, float, int], frozenset[str]] = {}
