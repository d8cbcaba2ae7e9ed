"""The JSON Schema of the single-document input format (one branch per ``loai``), for editors."""

from __future__ import annotations

from typing import Any

from ..model import DOCUMENT_TYPES
from .problems import ReadCache

__all__ = ["schema"]


def schema() -> dict[str, Any]:
    """A JSON Schema of the document input format (one branch per ``loai``)."""
    cache = ReadCache()
    defs: dict[str, Any] = {}
    branches = []
    for loai, cls in DOCUMENT_TYPES.items():
        one = cache.adapter(cls).json_schema(ref_template="#/$defs/{model}")
        defs.update(one.pop("$defs", {}))
        one["properties"] = {"loai": {"const": loai.key, "title": loai.ten}, **one["properties"]}
        one["properties"]["$schema"] = {"type": "string"}
        one.setdefault("required", []).insert(0, "loai")
        defs[cls.__name__] = one
        branches.append({"$ref": f"#/$defs/{cls.__name__}"})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "vnadmin_docs: văn bản hành chính (Nghị định 30/2020/NĐ-CP)",
        "oneOf": branches,
        "$defs": defs,
    }
