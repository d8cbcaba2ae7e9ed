"""Deprecated import path (kept for one release): use :mod:`vnadmin_docs.compose.tables`."""

from .compose.tables import assignment_table, dinh_kem_bang_diem, scored_table

__all__ = ["assignment_table", "dinh_kem_bang_diem", "scored_table"]
