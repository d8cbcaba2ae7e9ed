""".docx out and in: sandboxed rendering of templates (:mod:`.render`), the WordprocessingML
writer of bodies (:mod:`.wordml`), appendices (:mod:`.appendix`), the cover and standalone
tables (:mod:`.standalone`), and the NĐ30 checker (:mod:`.check`).

The names are imported when first used (PEP 562): a standalone table does not load docxtpl and
Jinja, nor rendering the checker."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Final

_WHERE: Final = {
    "COVER_CATEGORY": "standalone", "render_cover": "standalone",
    "render_table_document": "standalone",
    "Finding": "check", "check": "check", "check_document": "check",
    "TemplateCache": "render", "context": "render", "render": "render",
    "render_bytes": "render", "template_path": "render",
}  # fmt: skip

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


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
    from .standalone import render_table_document as render_table_document
