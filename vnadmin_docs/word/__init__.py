""".docx out and in: sandboxed rendering of templates (:mod:`.render`), the WordprocessingML
writer of bodies (:mod:`.wordml`), appendices (:mod:`.appendix`), the cover and standalone
tables (:mod:`.standalone`), and the NĐ30 checker (:mod:`.check`)."""

from .check import Finding, check, check_document
from .render import TemplateCache, context, render, render_bytes, template_path
from .standalone import COVER_CATEGORY, render_cover, render_table_document

__all__ = [
    "COVER_CATEGORY",
    "Finding",
    "TemplateCache",
    "check",
    "check_document",
    "context",
    "render",
    "render_bytes",
    "render_cover",
    "render_table_document",
    "template_path",
]
