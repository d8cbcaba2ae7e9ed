"""JSON Schemas of the input files, for editors: a dossier (``ho_so``), a self-assessment
(``tu_danh_gia``), a plan (``ke_hoach``), a plan's assignment table (``phan_cong``) and the
single documents (``van_ban``, one branch per ``loai``). Every key carries its Vietnamese
description (:mod:`vnadmin_docs.model.mo_ta`), so an editor explains it on hover and offers
it for completion. A YAML file names its schema with a comment the YAML language server reads:
``# yaml-language-server: $schema=ho-so.schema.json``.

>>> sorted(SCHEMA_KINDS)
['ho_so', 'ke_hoach', 'phan_cong', 'tu_danh_gia', 'van_ban']
>>> schema("tu_danh_gia")["properties"]["nam_hoc"]["description"]
'Năm học, ví dụ “2024-2025”.'
"""

from __future__ import annotations

import dataclasses
import typing
from typing import Any, Final

from ..errors import InputError, Problem
from ..model import DOCUMENT_TYPES, BangPhanCong, DanhGia, HoSo, KeHoachTrienKhai
from ..model.mo_ta import mo_ta
from .problems import ReadCache

__all__ = ["SCHEMA_KINDS", "model_classes", "schema"]

SCHEMA_KINDS: Final[dict[str, tuple[type, str]]] = {
    "ho_so": (HoSo, "hồ sơ đề nghị công nhận mức độ chuyển đổi số (ho-so.yaml)"),
    "tu_danh_gia": (DanhGia, "kết quả tự đánh giá (tu-danh-gia.yaml)"),
    "ke_hoach": (KeHoachTrienKhai, "kế hoạch triển khai của cơ quan quản lý (ke-hoach.yaml)"),
    "phan_cong": (BangPhanCong, "bảng phân công thực hiện (phan-cong.yaml)"),
    "van_ban": (object, "văn bản hành chính (Nghị định 30/2020/NĐ-CP)"),
}
"""Kind → (root class, what the file is); ``van_ban`` is every document type."""


def model_classes(root: Any) -> dict[str, type]:
    """Every dataclass reachable from ``root`` through its fields' types, by name."""
    found: dict[str, type] = {}

    def walk(t: Any) -> None:
        for arg in typing.get_args(t):
            walk(arg)
        if isinstance(t, type) and dataclasses.is_dataclass(t) and t.__name__ not in found:
            found[t.__name__] = t
            names = {f.name for f in dataclasses.fields(t)}
            for name, hint in typing.get_type_hints(t, include_extras=True).items():
                if name in names:
                    walk(hint)

    walk(root)
    return found


def _describe(node: dict[str, Any], cls: type) -> None:
    mro = [k.__name__ for k in cls.__mro__]
    for key, prop in node.get("properties", {}).items():
        text = mo_ta(cls.__name__, key, mro)
        if text is not None and isinstance(prop, dict):
            prop["description"] = text
            prop.pop("title", None)  # pydantic's "Bo Chi So": the description says it in words


def _of_class(cls: type, cache: ReadCache, defs: dict[str, Any]) -> dict[str, Any]:
    one: dict[str, Any] = cache.adapter(cls).json_schema(ref_template="#/$defs/{model}")
    defs.update(one.pop("$defs", {}))
    classes = model_classes(cls)
    for name, node in defs.items():
        if name in classes:
            _describe(node, classes[name])
    _describe(one, cls)
    return one


def schema(kind: str = "van_ban") -> dict[str, Any]:
    """The JSON Schema of one kind of input file (see :data:`SCHEMA_KINDS`)."""
    if kind not in SCHEMA_KINDS:
        known = ", ".join(SCHEMA_KINDS)
        raise InputError([Problem("", f"không có lược đồ {kind!r}; chọn một trong: {known}")])
    cache = ReadCache()
    defs: dict[str, Any] = {}
    root, title = SCHEMA_KINDS[kind]
    head = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"vnadmin_docs: {title}",
    }
    if kind != "van_ban":
        one = _of_class(root, cache, defs)
        one.pop("title", None)
        return {**head, **one, "$defs": defs}
    branches = []
    for loai, cls in DOCUMENT_TYPES.items():
        one = _of_class(cls, cache, defs)
        one["properties"] = {
            "loai": {"const": loai.key, "title": loai.ten,
                     "description": f"Loại văn bản: {loai.ten}."},
            **one["properties"],
        }  # fmt: skip
        one["properties"]["$schema"] = {"type": "string", "description": "Đường dẫn lược đồ này."}
        one.setdefault("required", []).insert(0, "loai")
        defs[cls.__name__] = one
        branches.append({"$ref": f"#/$defs/{cls.__name__}"})
    return {**head, "oneOf": branches, "$defs": defs}
