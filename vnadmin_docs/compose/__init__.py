"""Documents built from assessments: the tables (scored, assignment, aggregate), the dossier
(one function per part) and the managing body's plan kit and summary report. Pure: it returns
model objects; the prose is in ``compose/texts/``. The names are imported when first used
(PEP 562): the tổng hợp table needs neither the dossier nor the plan kit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from .._lazy import lazy_exports

_WHERE: Final = {
    "PDF_NAME": "dossier",
    "Bia": "dossier",
    "Dossier": "dossier",
    "Phan": "dossier",
    "compose": "dossier",
    "output_names": "dossier",
    "part_names": "dossier",
    "bao_cao_tong_hop": "plan",
    "plan_documents": "plan",
    "aggregate_table": "tables",
    "assignment_table": "tables",
    "dinh_kem_bang_diem": "tables",
    "phu_luc_phan_cong": "tables",
    "scored_table": "tables",
}

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

__getattr__, __dir__ = lazy_exports(__name__, _WHERE, globals())

if TYPE_CHECKING:
    from .dossier import PDF_NAME as PDF_NAME
    from .dossier import Bia as Bia
    from .dossier import Dossier as Dossier
    from .dossier import Phan as Phan
    from .dossier import compose as compose
    from .dossier import output_names as output_names
    from .dossier import part_names as part_names
    from .plan import bao_cao_tong_hop as bao_cao_tong_hop
    from .plan import plan_documents as plan_documents
    from .tables import aggregate_table as aggregate_table
    from .tables import assignment_table as assignment_table
    from .tables import dinh_kem_bang_diem as dinh_kem_bang_diem
    from .tables import phu_luc_phan_cong as phu_luc_phan_cong
    from .tables import scored_table as scored_table
