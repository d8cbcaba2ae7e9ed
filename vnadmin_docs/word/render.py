"""Rendering documents to NĐ30-formatted .docx (the only module that imports docxtpl and Jinja).

A template is an ordinary Word file with docxtpl tags. It is filled in a sandboxed Jinja
environment with autoescaping on and undefined variables as errors, so text such as
``Sở GD&ĐT`` or ``{{ x }}`` comes out exactly as typed. A user template whose variables
the model does not provide is rejected before anything is rendered. What a template sees is
the document's own :meth:`~vnadmin_docs.model.VanBan.context`; its body is the document's
:meth:`~vnadmin_docs.model.VanBan.body`, written by :mod:`.wordml`.

A user template is filled within limits (:class:`_Environment`): no loader (``include``,
``import`` and ``extends`` are refused), no ``lipsum``/``cycler``/``joiner``/``namespace``,
ranges capped (:data:`MAX_LOOP_ITEMS` items over all of a render's ranges), ``*`` and ``**``
capped (:data:`MAX_OUTPUT_CHARS`, exponents ≤ 100), no numeric argument above
:data:`MAX_ARGUMENT` to any filter or method (``center(10**9)``), the printed output counted
and stopped past :data:`MAX_OUTPUT_CHARS`; runaway recursion is a template error too. The
filled XML is checked before saving: a paragraph inside a run (a misplaced ``{%p %}``, or
``{{ noi_dung }}`` written for ``{{p noi_dung }}``) is a :class:`TemplateError` naming the
template, never a .docx Word refuses to open.

Compiled templates are kept in a :class:`TemplateCache` the caller owns (the application's
context keeps one for a whole batch); without one, each call starts from scratch.
"""

from __future__ import annotations

import contextlib
import importlib.resources
import io
import zipfile
import zlib
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, Final, TypeVar

import jinja2
from docx.document import Document as DocumentObject
from docxtpl import DocxTemplate
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from .._atomic import write_atomic
from ..errors import TemplateError
from ..model import REGISTRY, VanBan
from ..vn.numbering import LoaiVanBan
from .appendix import add_appendices, style_ids, text_width
from .ooxml import set_core_properties
from .wordml import blocks_xml

__all__ = [
    "MAX_ARGUMENT",
    "MAX_LOOP_ITEMS",
    "MAX_OUTPUT_CHARS",
    "TemplateCache",
    "context",
    "render",
    "render_bytes",
    "template_path",
    "template_variables",
]


@contextlib.contextmanager
def template_path(loai: LoaiVanBan) -> Iterator[Path]:
    """The shipped template of a document type, as a real file (works from a wheel too)."""
    name = REGISTRY[loai].template
    resource = importlib.resources.files("vnadmin_docs") / "templates" / name
    with importlib.resources.as_file(resource) as path:
        yield path


def context(doc: VanBan) -> dict[str, Any]:
    """Everything a template of ``doc``'s type may use (see :meth:`VanBan.context`).

    The body (``noi_dung``) is not here: :func:`render` writes it where the template says."""
    return doc.context()


MAX_OUTPUT_CHARS: Final = 5_000_000
"""The most characters a template may print, or build with ``*``, in one render."""
MAX_LOOP_ITEMS: Final = 100_000
"""The most items all of a render's ``range`` calls may give together."""
MAX_ARGUMENT: Final = 100_000
"""The largest number passed to a filter or a method (a width, a count)."""


def _finalize(value: Any) -> Markup:
    """What a template prints: escaped for XML, and with braces as character references,
    because docxtpl turns ``{_{`` and the like in its output into ``{{``."""
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


def _memo(cache: dict[Any, _T], key: Any, make: Callable[[], _T]) -> _T:
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
        return _memo(self._compiled, source, lambda: super(_Environment, self).from_string(source))


class TemplateCache:
    """What rendering keeps between documents: the sandbox with its compiled templates,
    docxtpl's cleaned-up XML of each template part, and each template file's variables."""

    def __init__(self) -> None:
        self.environment = _Environment()
        self.patched: dict[str, str] = {}
        self.variables: dict[tuple[str, float, int], frozenset[str]] = {}


class _Template(DocxTemplate):  # type: ignore[misc]
    """docxtpl's template, with the clean-up of each part's XML before Jinja reads it (a pure
    function of that XML, and a third of docxtpl's work) done once per template part, and
    without docxtpl's templating of the core properties: we write those ourselves, from the
    model, with their namespaces spelled out (see :func:`.ooxml.set_core_properties`)."""

    def __init__(self, path: str, cache: TemplateCache) -> None:
        super().__init__(path)
        self._cache = cache

    def patch_xml(self, src_xml: str) -> str:
        return _memo(
            self._cache.patched, src_xml, lambda: str(super(_Template, self).patch_xml(src_xml))
        )

    def render_properties(self, context: Any, jinja_env: Any = None) -> None:
        del context, jinja_env


def _open(path: Path, cache: TemplateCache) -> _Template:
    """The template at ``path``, or a :class:`TemplateError` when it is not a readable .docx."""
    from docx.opc.exceptions import OpcError

    try:
        tpl = _Template(str(path), cache)
        tpl.get_docx()
        return tpl
    except (OpcError, zipfile.BadZipFile, zlib.error, EOFError, KeyError, ValueError,
            SyntaxError, OSError) as exc:  # fmt: skip
        raise TemplateError(
            f"Mẫu {path} không phải tệp Word .docx đọc được ({type(exc).__name__})"
        ) from None


def template_variables(template: Path | str, *, cache: TemplateCache | None = None) -> set[str]:
    """The variables a template uses (what the model must provide); kept per file version in
    ``cache``, since a batch checks the same template for every school."""
    cache = cache or TemplateCache()
    path = Path(template)
    stat = path.stat()
    key = (str(path.resolve()), stat.st_mtime, stat.st_size)
    if key not in cache.variables:
        try:
            found = _open(path, cache).get_undeclared_template_variables(cache.environment)
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(
                f"Mẫu {template} có lỗi cú pháp Jinja (dòng {exc.lineno}): {exc}"
            ) from exc
        cache.variables[key] = frozenset(found)
    return set(cache.variables[key])


def _set_properties(d: DocumentObject, doc: VanBan) -> None:
    values: dict[str, str | datetime] = {
        "title": doc.trich_yeu,
        "subject": f"{doc.LOAI.ten} số {doc.so_ky_hieu}",
        "author": doc.co_quan.ten,
        "last_modified_by": doc.co_quan.ten,
        "keywords": doc.LOAI.ten,
        "language": "vi-VN",
        "comments": "",
    }
    day = doc.ngay.day
    if day is not None:
        values["created"] = values["modified"] = datetime(day.year, day.month, day.day)
    set_core_properties(d, **values)


def _fill(doc: VanBan, template: Path, cache: TemplateCache) -> DocxTemplate:
    ctx = context(doc)
    used = template_variables(template, cache=cache)
    unknown = sorted(used - set(ctx) - {"noi_dung"})
    if unknown:
        raise TemplateError(
            f"Mẫu {template.name} dùng biến mà văn bản {doc.LOAI.ten} không có: "
            f"{', '.join(unknown)}. Các biến có thể dùng: {', '.join(sorted([*ctx, 'noi_dung']))}.",
            unknown=unknown,
        )
    tpl = _open(template, cache)
    d = tpl.get_docx()
    ids = style_ids(d, source=template.name)
    ctx["noi_dung"] = Markup(blocks_xml(doc.body(), ids, text_width=text_width(d.sections[-1])))
    cache.environment.start()
    try:
        tpl.render(ctx, cache.environment, autoescape=True)
    except jinja2.TemplateError as exc:
        raise TemplateError(f"Không điền được mẫu {template.name}: {exc}") from exc
    except RecursionError:
        raise TemplateError(f"Mẫu {template.name} gọi đệ quy quá sâu (macro tự gọi)") from None
    except SyntaxError as exc:  # lxml: the filled XML is not XML
        raise TemplateError(
            f"Mẫu {template.name} sau khi điền không còn là XML hợp lệ "
            f"(thẻ Jinja đặt sai chỗ?): {exc}"
        ) from None
    except (TypeError, ValueError, AttributeError, KeyError, IndexError, OverflowError) as exc:
        raise TemplateError(f"Không điền được mẫu {template.name}: {exc}") from None
    _check_structure(tpl.docx, template.name)
    add_appendices(tpl.docx, doc, ids)
    _set_properties(tpl.docx, doc)
    return tpl


def _check_structure(d: DocumentObject, name: str) -> None:
    """Refuse a filled template Word would refuse: a paragraph inside a run or a paragraph
    (from a misplaced ``{%p %}``, or ``{{ noi_dung }}`` where ``{{p noi_dung }}`` belongs)."""
    free = "[not(ancestor::w:txbxContent)]"
    nested = d.element.body.xpath(f".//w:r//w:p{free} | .//w:p//w:p{free}")
    if nested:
        raise TemplateError(
            f"Mẫu {name} sau khi điền có đoạn văn nằm trong một đoạn văn khác: thẻ {{%p %}} đặt "
            "sai chỗ, hoặc viết {{ noi_dung }} thay cho {{p noi_dung }} (nội dung phải là "
            "một đoạn riêng)"
        )


@contextlib.contextmanager
def _template_for(doc: VanBan, template: Path | str | None) -> Iterator[Path]:
    if template is not None:
        yield Path(template)
    else:
        with template_path(doc.LOAI) as path:
            yield path


def render(
    doc: VanBan,
    out: Path | str,
    *,
    template: Path | str | None = None,
    cache: TemplateCache | None = None,
) -> Path:
    """Render ``doc`` to a .docx file at ``out`` (written atomically); returns the path."""
    return write_atomic(out, render_bytes(doc, template=template, cache=cache))


def render_bytes(
    doc: VanBan, *, template: Path | str | None = None, cache: TemplateCache | None = None
) -> bytes:
    """Render ``doc`` and return the .docx file's bytes."""
    with _template_for(doc, template) as path:
        tpl = _fill(doc, path, cache or TemplateCache())
    buffer = io.BytesIO()
    tpl.save(buffer)
    return buffer.getvalue()
