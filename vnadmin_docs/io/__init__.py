"""Readers only: YAML/JSON/CSV/XLSX files → model objects, every problem located by path and
line. Nothing here scores, composes, renders or converts (the application does, with what
these return).

``files`` (YAML/JSON with lines, :class:`Located`) ← ``problems`` (validation → Problems) ←
``documents``, ``sets``, ``inputs``, ``results``, ``schema``.
"""

from .documents import document_from_data, document_type, load_document
from .files import LineMap, Located, load_data
from .inputs import read, read_assessment, read_assignment, read_dossier, read_plan
from .problems import ReadCache, parse_as
from .results import SchoolProblems, read_result_rows, read_scorecard_json
from .schema import schema
from .sets import indicator_set_names, load_indicator_set

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
