"""Documents built from assessments: the tables (scored, assignment, aggregate), the dossier
(one function per part) and the managing body's plan kit and summary report. Pure: it returns
model objects; the prose is in ``compose/texts/``."""

from .dossier import PDF_NAME, Bia, Dossier, Phan, compose, output_names, part_names
from .plan import bao_cao_tong_hop, plan_documents
from .tables import (
    aggregate_table,
    assignment_table,
    dinh_kem_bang_diem,
    phu_luc_phan_cong,
    scored_table,
)

__all__ = [
    "PDF_NAME",
    "Bia",
    "Dossier",
    "Phan",
    "aggregate_table",
    "assignment_table",
    "bao_cao_tong_hop",
    "compose",
    "dinh_kem_bang_diem",
    "output_names",
    "part_names",
    "phu_luc_phan_cong",
    "plan_documents",
    "scored_table",
]
