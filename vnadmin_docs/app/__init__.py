"""Use cases joining the stages: load → score → compose once → render → convert → assemble,
the plan kit, the aggregation's reading, and batches; :class:`Context` holds the tools and
caches they share. Only this package imports every stage.

The names are imported when first used (PEP 562), so that a use case that needs no PDF (an
aggregation) does not pay for pypdf and reportlab at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from .._lazy import lazy_exports

_WHERE: Final = {
    "BatchOptions": "batch", "BatchOutcome": "batch", "build_batch": "batch",
    "Context": "context",
    "DossierResult": "dossier", "build_dossier": "dossier", "outputs": "dossier",
    "load_assessment": "loading", "load_assignment": "loading", "load_dossier": "loading",
    "load_plan": "loading",
    "aggregate": "managing", "build_plan": "managing", "load_school_results": "managing",
}  # fmt: skip

__all__ = sorted(_WHERE)


__getattr__, __dir__ = lazy_exports(__name__, _WHERE, globals())


if TYPE_CHECKING:
    from .batch import BatchOptions as BatchOptions
    from .batch import BatchOutcome as BatchOutcome
    from .batch import build_batch as build_batch
    from .context import Context as Context
    from .dossier import DossierResult as DossierResult
    from .dossier import build_dossier as build_dossier
    from .dossier import outputs as outputs
    from .loading import load_assessment as load_assessment
    from .loading import load_assignment as load_assignment
    from .loading import load_dossier as load_dossier
    from .loading import load_plan as load_plan
    from .managing import aggregate as aggregate
    from .managing import build_plan as build_plan
    from .managing import load_school_results as load_school_results
