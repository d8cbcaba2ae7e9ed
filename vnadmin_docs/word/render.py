"""Rendering documents to NĐ30-formatted .docx (the only module that imports docxtpl and Jinja).

A template is an ordinary Word file with docxtpl tags. It is filled in a sandboxed Jinja
environment with autoescaping on and undefined variables as errors, so text such as
``Sở GD&ĐT`` or ``{{ x }}`` comes out exactly as typed. A user template whose variables
the model does not provide is rejected before anything is rendered. What a template sees is
the document's own :meth:`~vnadmin_docs.model.VanBan.context`; its body is the document's
:meth:`~vnadmin_docs.model.VanBan.body`, written by :mod:`.wordml`.

A user template is filled within limits (:mod:`.sandbox`): no loader (``include``,
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
import io
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any, Final

import jinja2
from docx.document import Document as DocumentObject
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from markupsafe import Markup

from .._atomic import write_atomic
from ..errors import TemplateError
from ..model import REGISTRY, VanBan
from .appendix import add_appendices, style_ids, text_height, text_width
from .folder import template_path
from .ooxml import set_core_properties
from .sandbox import TemplateCache, memo
from .wordml import blocks_xml

__all__ = [
    "LOGO_HEIGHT_MM",
    "TemplateCache",
    "check_context",
    "check_template",
    "context",
    "render",
    "render_bytes",
    "render_context",
    "template_path",
    "template_variables",
]


LOGO_HEIGHT_MM: Final = 20
"""The height of a template folder's logo where a template prints ``{{ logo }}``."""


def context(doc: VanBan) -> dict[str, Any]:
    """Everything a template of ``doc``'s type may use (see :meth:`VanBan.context`).

    The body (``noi_dung``) is not here: :func:`render` writes it where the template says."""
    return doc.context()


class _Template(DocxTemplate):  # type: ignore[misc]
    """docxtpl's template, with the clean-up of each part's XML before Jinja reads it (a pure
    function of that XML, and a third of docxtpl's work) done once per template part, and
    without docxtpl's templating of the core properties: we write those ourselves, from the
    model, with their namespaces spelled out (see :func:`.ooxml.set_core_properties`)."""

    def __init__(self, path: str, cache: TemplateCache) -> None:
        super().__init__(path)
        self._cache = cache

    def patch_xml(self, src_xml: str) -> str:
        return memo(
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


def _extra(
    ctx: Mapping[str, Any], variables: Mapping[str, str] | None, logo: Path | None
) -> dict[str, Any]:
    """The names a template may use besides the document's own: ``bien`` (every extra
    variable), each extra variable whose name does not clash, and ``logo`` when there is one
    (a placeholder here; :func:`_with_logo` puts the image in)."""
    variables = dict(variables or {})
    extra: dict[str, Any] = {}
    if variables:
        extra["bien"] = variables
        extra.update({k: v for k, v in variables.items() if k not in ctx and k != "logo"})
    if logo is not None:
        extra["logo"] = logo
    return extra


def _check_variables(
    template: Path, ctx: Mapping[str, Any], cache: TemplateCache, what: str
) -> None:
    used = template_variables(template, cache=cache)
    unknown = sorted(used - set(ctx))
    if unknown:
        raise TemplateError(
            f"Mẫu {template.name} dùng biến mà {what} không có: "
            f"{', '.join(unknown)}. Các biến có thể dùng: {', '.join(sorted(ctx))}.",
            unknown=unknown,
        )


def _with_logo(tpl: DocxTemplate, ctx: dict[str, Any]) -> None:
    logo = ctx.get("logo")
    if isinstance(logo, Path):
        ctx["logo"] = InlineImage(tpl, str(logo), height=Mm(LOGO_HEIGHT_MM))


def _doc_context(
    doc: VanBan, variables: Mapping[str, str] | None, logo: Path | None
) -> dict[str, Any]:
    ctx = context(doc)
    return {**_extra(ctx, variables, logo), **ctx, "noi_dung": None}


def check_template(
    doc: VanBan,
    template: Path | str,
    *,
    cache: TemplateCache | None = None,
    variables: Mapping[str, str] | None = None,
    logo: Path | None = None,
) -> None:
    """Refuse (:class:`~vnadmin_docs.errors.TemplateError`) a template that uses a variable
    ``doc`` (with the extra ``variables`` and ``logo``) does not provide; renders nothing."""
    ctx = _doc_context(doc, variables, logo)
    _check_variables(Path(template), ctx, cache or TemplateCache(), f"văn bản {doc.LOAI.ten}")


def _fill_sandboxed(
    tpl: DocxTemplate, ctx: dict[str, Any], name: str, cache: TemplateCache
) -> None:
    """Fill ``tpl`` within the sandbox's limits; whatever goes wrong is the template's error,
    and a filled document Word would refuse is refused too."""
    _with_logo(tpl, ctx)
    cache.environment.start()
    try:
        tpl.render(ctx, cache.environment, autoescape=True)
    except jinja2.TemplateError as exc:
        raise TemplateError(f"Không điền được mẫu {name}: {exc}") from exc
    except RecursionError:
        raise TemplateError(f"Mẫu {name} gọi đệ quy quá sâu (macro tự gọi)") from None
    except SyntaxError as exc:  # lxml: the filled XML is not XML
        raise TemplateError(
            f"Mẫu {name} sau khi điền không còn là XML hợp lệ (thẻ Jinja đặt sai chỗ?): {exc}"
        ) from None
    except (TypeError, ValueError, AttributeError, KeyError, IndexError, OverflowError) as exc:
        raise TemplateError(f"Không điền được mẫu {name}: {exc}") from None
    _check_structure(tpl.docx, name)


def _fill(
    doc: VanBan,
    template: Path,
    cache: TemplateCache,
    variables: Mapping[str, str] | None = None,
    logo: Path | None = None,
) -> DocxTemplate:
    ctx = _doc_context(doc, variables, logo)
    _check_variables(template, ctx, cache, f"văn bản {doc.LOAI.ten}")
    tpl = _open(template, cache)
    d = tpl.get_docx()
    ids = style_ids(d, source=template.name)
    # the body's last lines stay with the signature block that follows them
    section = d.sections[-1]
    body = blocks_xml(
        doc.body(),
        ids,
        text_width=text_width(section),
        text_height=text_height(section),
        keep_last=REGISTRY[doc.LOAI].kept_body_lines,
    )
    ctx["noi_dung"] = Markup(body)
    _fill_sandboxed(tpl, ctx, template.name, cache)
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


def check_context(
    template: Path | str,
    ctx: Mapping[str, Any],
    *,
    what: str,
    cache: TemplateCache | None = None,
    variables: Mapping[str, str] | None = None,
    logo: Path | None = None,
) -> None:
    """:func:`check_template` for a template filled from a plain ``ctx`` (the cover)."""
    full = {**_extra(ctx, variables, logo), **ctx}
    _check_variables(Path(template), full, cache or TemplateCache(), what)


def render_context(
    template: Path | str,
    ctx: Mapping[str, Any],
    out: Path | str,
    *,
    what: str,
    finish: Callable[[DocumentObject], None] | None = None,
    cache: TemplateCache | None = None,
    variables: Mapping[str, str] | None = None,
    logo: Path | None = None,
) -> Path:
    """Fill a user template from a plain ``ctx`` (a document that is not a type of the
    registry, e.g. the dossier's cover) in the same sandbox, after the same variable check;
    ``finish`` may then adjust the document (its core properties). Written atomically."""
    cache = cache or TemplateCache()
    template = Path(template)
    full = {**_extra(ctx, variables, logo), **ctx}
    _check_variables(template, full, cache, what)
    tpl = _open(template, cache)
    _fill_sandboxed(tpl, full, template.name, cache)
    if finish is not None:
        finish(tpl.docx)
    buffer = io.BytesIO()
    tpl.save(buffer)
    return write_atomic(out, buffer.getvalue())


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
    variables: Mapping[str, str] | None = None,
    logo: Path | None = None,
) -> Path:
    """Render ``doc`` to a .docx file at ``out`` (written atomically); returns the path.

    ``variables`` are offered to the template as ``bien`` (and by name where they do not
    clash), ``logo`` (an image file) as ``logo``."""
    data = render_bytes(doc, template=template, cache=cache, variables=variables, logo=logo)
    return write_atomic(out, data)


def render_bytes(
    doc: VanBan,
    *,
    template: Path | str | None = None,
    cache: TemplateCache | None = None,
    variables: Mapping[str, str] | None = None,
    logo: Path | None = None,
) -> bytes:
    """Render ``doc`` and return the .docx file's bytes (see :func:`render`)."""
    with _template_for(doc, template) as path:
        tpl = _fill(doc, path, cache or TemplateCache(), variables, logo)
    buffer = io.BytesIO()
    tpl.save(buffer)
    return buffer.getvalue()
