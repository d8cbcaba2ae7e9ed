"""The one object that holds what the use cases share: tools found at the edge and caches.

The library reads neither the clock nor the environment; the edge (the CLI, a web app) builds
a :class:`Context` once with the converter and the mục lục font it found, and passes it to
every use case, which keep their caches on it (compiled templates, validators, indicator
sets). A long-running process keeps one context; a one-off call can let the use case make a
fresh one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..io.problems import ReadCache

if TYPE_CHECKING:  # the tools' types only: a context without a converter imports no PDF stage
    from ..pdf.assemble import TocFont
    from ..pdf.libreoffice import Converter
    from ..word.render import TemplateCache


@dataclass
class Context:
    """Tools and caches for the use cases.

    ``converter`` turns .docx into PDF (``None``: only .docx files are made); ``font`` draws
    the dossier's mục lục page (needed with a converter). The template cache is made when
    first used, so that a use case that renders no template (an aggregation writing a
    standalone table) does not import docxtpl and Jinja.
    """

    converter: Converter | None = None
    font: TocFont | None = None
    reads: ReadCache = field(default_factory=ReadCache)
    _templates: TemplateCache | None = field(default=None, repr=False)

    @property
    def templates(self) -> TemplateCache:
        """The compiled templates and their variables (:class:`~..word.render.TemplateCache`)."""
        if self._templates is None:
            from ..word.render import TemplateCache

            self._templates = TemplateCache()
        return self._templates
