"""Deprecated import path (kept for one release): use :func:`vnadmin_docs.build_dossier`.

``build_dossier(ho_so, bo, scorecard, outdir, converter=…, font=…)`` keeps its old signature
here; it composes the parts and calls :func:`vnadmin_docs.app.dossier.build_dossier`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .app.dossier import PDF_NAME, DossierResult
from .app.dossier import build_dossier as _build
from .assessment.scorecard import Scorecard
from .assessment.sets import BoChiSo
from .compose.dossier import compose
from .model import HoSo
from .pdf.assemble import TocFont
from .pdf.libreoffice import Converter

__all__ = ["PDF_NAME", "DossierResult", "build_dossier"]


def build_dossier(
    ho_so: HoSo,
    bo: BoChiSo,
    scorecard: Scorecard,
    outdir: Path,
    *,
    converter: Converter | None,
    font: TocFont | None = None,
    progress: Callable[[str], None] | None = None,
) -> DossierResult:
    """The 0.1 signature of :func:`vnadmin_docs.app.dossier.build_dossier`."""
    dossier = compose(ho_so, bo, scorecard)
    if progress is None:
        return _build(dossier, outdir, converter=converter, font=font)
    return _build(dossier, outdir, converter=converter, font=font, progress=progress)
