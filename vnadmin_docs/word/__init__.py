""".docx out and in: sandboxed rendering of templates (:mod:`.render`), the WordprocessingML
writer of bodies (:mod:`.wordml`), appendices (:mod:`.appendix`), the cover and standalone
tables (:mod:`.standalone`), and the NĐ30 checker (:mod:`.check`).

The names are imported when first used (PEP 562): a standalone table does not load docxtpl and
Jinja, nor rendering the checker."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from .._lazy import lazy_exports

_WHERE: Final = {
    "COVER_CATEGORY": "standalone", "render_cover": "standalone",
    "render_table_document": "table_document",
    "Finding": "check", "check": "check", "check_document": "check",
    "TemplateCache": "render", "context": "render", "render": "render",
    "render_bytes": "render", "template_path": "render",
}  # fmt: skip

__all__ = sorted(_WHERE)


__getattr__, __dir__ = lazy_exports(__name__, _WHERE, globals())


if TYPE_CHECKING:
    from .check import Finding as Finding
    from .check import check as check
    from .check import check_document as check_document
    from .render import TemplateCache as TemplateCache
    from .render import context as context
    from .render import render as render
    from .render import render_bytes as render_bytes
    from .render import template_path as template_path
    from .standalone import COVER_CATEGORY as COVER_CATEGORY
    from .standalone import render_cover as render_cover
    from .table_document import render_table_document as render_table_document
