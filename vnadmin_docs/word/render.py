"""Rendering documents to NĐ30-formatted .docx (the only module that imports docxtpl and Jinja).

A template is an ordinary Word file with docxtpl tags. It is filled in a sandboxed Jinja
environment with autoescaping on and undefined variables as errors, so text such as
``Sở GD&ĐT`` or ``{{ x }}`` comes out exactly as typed. A user template whose variables
the model does not provide is rejected before anything is rendered. What a template sees is
the document's own :meth:`~vnadmin_docs.model.VanBan.context`; its body is the document's
:meth:`~vnadmin_docs.model.VanBan.body`, written by :mod:`.wordml`.

Compiled templates are kept in a :class:`TemplateCache` the caller owns (the application's
context keeps one for a whole batch); without one, each call starts from scratch.
"""

from __future__ import annotations

import contextlib
import importlib.resources
import io
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import jinja2
from docx.document import Document as DocumentObject
from docxtpl import DocxTemplate
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from .._atomic import atomic_path
from ..errors import TemplateError
from ..model import REGISTRY, VanBan
from ..vn.layout import khong_ngat
from ..vn.numbering import LoaiVanBan
from .appendix import add_appendices, style_ids, text_width
from .ooxml import set_core_properties
from .wordml import blocks_xml

__all__ = [
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


def _finalize(value: Any) -> Markup:
    """What a template prints: escaped for XML, and with braces as character references,
    because docxtpl turns ``{_{`` and the like in its output into ``{{``."""
    if isinstance(value, str) and not isinstance(value, Markup):
        value = khong_ngat(value)  # "2024-2025", "Mức độ 2" never broken at a line end
    return Markup(str(escape(value)).replace("{", "&#123;").replace("}", "&#125;"))


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

    def __init__(self) -> None:
        super().__init__(autoescape=True, undefined=jinja2.StrictUndefined, finalize=_finalize)
        self._compiled: dict[str, jinja2.Template] = {}

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


def template_variables(template: Path | str, *, cache: TemplateCache | None = None) -> set[str]:
    """The variables a template uses (what the model must provide); kept per file version in
    ``cache``, since a batch checks the same template for every school."""
    cache = cache or TemplateCache()
    path = Path(template)
    stat = path.stat()
    key = (str(path.resolve()), stat.st_mtime, stat.st_size)
    if key not in cache.variables:
        try:
            found = _Template(str(path), cache).get_undeclared_template_variables(cache.environment)
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
        "author": doc.co_quan.ten_mot_dong,
        "last_modified_by": doc.co_quan.ten_mot_dong,
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
    tpl = _Template(str(template), cache)
    d = tpl.get_docx()
    ids = style_ids(d, source=template.name)
    # the body's last lines stay with the signature block that follows them
    ctx["noi_dung"] = Markup(
        blocks_xml(doc.body(), ids, text_width=text_width(d.sections[-1]), keep_last=2)
    )
    try:
        tpl.render(ctx, cache.environment, autoescape=True)
    except jinja2.TemplateError as exc:
        raise TemplateError(f"Không điền được mẫu {template.name}: {exc}") from exc
    add_appendices(tpl.docx, doc, ids)
    _set_properties(tpl.docx, doc)
    return tpl


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
    with _template_for(doc, template) as path:
        tpl = _fill(doc, path, cache or TemplateCache())
    with atomic_path(out) as tmp:
        tpl.save(str(tmp))
    return Path(out)


def render_bytes(
    doc: VanBan, *, template: Path | str | None = None, cache: TemplateCache | None = None
) -> bytes:
    """Render ``doc`` and return the .docx file's bytes."""
    with _template_for(doc, template) as path:
        tpl = _fill(doc, path, cache or TemplateCache())
    buffer = io.BytesIO()
    tpl.save(buffer)
    return buffer.getvalue()
