"""Deprecated import path (kept for one release): use :mod:`vnadmin_docs.io` (readers) and
:mod:`vnadmin_docs.app` (load and score). ``load_dossier`` here returns the 0.1 tuple."""

from __future__ import annotations

from pathlib import Path

from .app.loading import load_assessment, load_assignment, load_plan
from .app.loading import load_dossier as _load_dossier
from .assessment.scorecard import Scorecard
from .assessment.sets import BoChiSo
from .io import (
    document_from_data,
    indicator_set_names,
    load_data,
    load_document,
    load_indicator_set,
    schema,
)
from .model import HoSo

__all__ = [
    "document_from_data",
    "indicator_set_names",
    "load_assessment",
    "load_assignment",
    "load_data",
    "load_document",
    "load_dossier",
    "load_indicator_set",
    "load_plan",
    "schema",
]


def load_dossier(path: Path | str) -> tuple[HoSo, BoChiSo, Scorecard]:
    """The 0.1 form of :func:`vnadmin_docs.app.loading.load_dossier`: (input, set, scorecard)."""
    dossier = _load_dossier(path)
    return dossier.ho_so, dossier.bo, dossier.scorecard
