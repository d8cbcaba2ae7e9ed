"""Deprecated import path (kept for one release): use :mod:`vnadmin_docs.app.batch`."""

from .app.batch import BatchOptions, BatchOutcome, build_batch

__all__ = ["BatchOptions", "BatchOutcome", "build_batch"]
