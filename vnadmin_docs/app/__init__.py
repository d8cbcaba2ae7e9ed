"""Use cases joining the stages: load → score → compose once → render → convert → assemble,
the plan kit, the aggregation's reading, and batches; :class:`Context` holds the tools and
caches they share. Only this package imports every stage."""

from .batch import BatchOptions, BatchOutcome, build_batch
from .context import Context
from .dossier import DossierResult, build_dossier, outputs
from .loading import load_assessment, load_assignment, load_dossier, load_plan
from .managing import build_plan, load_school_results

__all__ = [
    "BatchOptions",
    "BatchOutcome",
    "Context",
    "DossierResult",
    "build_batch",
    "build_dossier",
    "build_plan",
    "load_assessment",
    "load_assignment",
    "load_dossier",
    "load_plan",
    "load_school_results",
    "outputs",
]
