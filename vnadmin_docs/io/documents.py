"""Reading single documents: a YAML/JSON file with a ``loai`` key → a model document.

>>> doc = document_from_data({
...     "loai": "cong_van", "ngay": "2023-06", "trich_yeu": "tổng kết năm học",
...     "co_quan": {"ten": "Sở Giáo dục và Đào tạo", "viet_tat": "SGDĐT", "dia_danh": "Hải Phòng"},
...     "don_vi_soan_thao": "VP", "kinh_gui": ["Các trường"],
...     "nguoi_ky": {"chuc_vu": "Giám đốc", "ho_ten": "A"}})
>>> str(doc.so_ky_hieu)
'/SGDĐT-VP'
>>> document_from_data({"loai": "thu_moi"})
Traceback (most recent call last):
...
vnadmin_docs.errors.InputError: 1 lỗi trong dữ liệu đầu vào:
  - loai: loại văn bản không hợp lệ 'thu_moi'; chọn một trong: ke_hoach, bao_cao, quyet_dinh, bien_ban, to_trinh, cong_van
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import InputError, Problem
from ..model import DOCUMENT_TYPES, VanBan
from ..vn.numbering import LoaiVanBan
from .files import LineMap, line_of, load_data
from .problems import ReadCache, parse_as

__all__ = ["IGNORED_KEYS", "document_from_data", "document_type", "load_document"]

IGNORED_KEYS = ("$schema",)
"""Keys an input may carry for editors, which the model ignores."""


def document_type(
    data: Any, *, lines: LineMap | None = None, source: str | None = None
) -> type[VanBan]:
    """The document class an input names in its ``loai`` key."""
    if not isinstance(data, dict):
        raise InputError(
            [Problem("", "tệp phải là một nhóm trường (khóa: giá trị)", 1)], source=source
        )
    valid = ", ".join(m.key for m in LoaiVanBan)
    if "loai" not in data:
        problem = Problem(
            "loai", f"thiếu loại văn bản; chọn một trong: {valid}", line_of((), lines)
        )
        raise InputError([problem], source=source)
    try:
        return DOCUMENT_TYPES[LoaiVanBan.parse(str(data["loai"]))]
    except ValueError as exc:
        problem = Problem("loai", str(exc), line_of(("loai",), lines))
        raise InputError([problem], source=source) from None


def document_from_data(
    data: Any,
    *,
    lines: LineMap | None = None,
    source: str | None = None,
    cache: ReadCache | None = None,
) -> VanBan:
    """Build a document from already-read data with a ``loai`` key."""
    cls = document_type(data, lines=lines, source=source)
    fields = {k: v for k, v in data.items() if k != "loai" and k not in IGNORED_KEYS}
    return parse_as(cls, fields, lines=lines, source=source, cache=cache)


def load_document(path: Path | str, *, cache: ReadCache | None = None) -> VanBan:
    """Load one document from a YAML or JSON file."""
    data, lines = load_data(path)
    return document_from_data(data, lines=lines, source=str(path), cache=cache)
