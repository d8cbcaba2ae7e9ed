"""Readers only: YAML/JSON/CSV/XLSX files → model objects, every problem located by path and
line. Nothing here scores, composes, renders or converts (the application does, with what
these return).

``files`` (YAML/JSON with lines, :class:`Located`) ← ``problems`` (validation → Problems) ←
``documents``, ``sets``, ``inputs``, ``results``, ``json_schema``. The names are imported
when first used (PEP 562): an aggregation of scorecards reads none of the documents' models.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from .._lazy import lazy_exports

_WHERE: Final = {
    "document_from_data": "documents",
    "document_type": "documents",
    "load_document": "documents",
    "LineMap": "files",
    "Located": "files",
    "load_data": "files",
    "read": "inputs",
    "read_assessment": "inputs",
    "read_assignment": "inputs",
    "read_dossier": "inputs",
    "read_plan": "inputs",
    "ReadCache": "problems",
    "parse_as": "problems",
    "SchoolProblems": "results",
    "read_result_rows": "results",
    "read_scorecard_json": "results",
    "schema": "json_schema",
    "indicator_set_names": "sets",
    "load_indicator_set": "sets",
}

__all__ = [
    "LineMap",
    "Located",
    "ReadCache",
    "SchoolProblems",
    "document_from_data",
    "document_type",
    "indicator_set_names",
    "load_data",
    "load_document",
    "load_indicator_set",
    "parse_as",
    "read",
    "read_assessment",
    "read_assignment",
    "read_dossier",
    "read_plan",
    "read_result_rows",
    "read_scorecard_json",
    "schema",
]

__getattr__, __dir__ = lazy_exports(__name__, _WHERE, globals())

if TYPE_CHECKING:
    from .documents import document_from_data as document_from_data
    from .documents import document_type as document_type
    from .documents import load_document as load_document
    from .files import LineMap as LineMap
    from .files import Located as Located
    from .files import load_data as load_data
    from .inputs import read as read
    from .inputs import read_assessment as read_assessment
    from .inputs import read_assignment as read_assignment
    from .inputs import read_dossier as read_dossier
    from .inputs import read_plan as read_plan
    from .json_schema import schema as schema
    from .problems import ReadCache as ReadCache
    from .problems import parse_as as parse_as
    from .results import SchoolProblems as SchoolProblems
    from .results import read_result_rows as read_result_rows
    from .results import read_scorecard_json as read_scorecard_json
    from .sets import indicator_set_names as indicator_set_names
    from .sets import load_indicator_set as load_indicator_set
