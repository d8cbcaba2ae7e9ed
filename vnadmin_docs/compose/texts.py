"""Boilerplate prose, shipped as text files (``compose/texts/*.md``) in the body markup.

A text names its values ``${name}`` (:class:`string.Template`); :func:`text` fills them. Values
are user data and printed as typed (escaped for the markup), except those wrapped in
:class:`Raw`: markup the composer generated (a results list, a table) or that the user wrote as
markup on purpose (``bo_sung``). A province that words its documents differently edits these
files, not Python.

>>> text("to_trinh_ket_luan", don_vi="Trường *A*", co_quan_quan_ly="Phòng GDĐT", nam_hoc="2024-2025")
'Trường \\\\*A\\\\* kính trình Phòng GDĐT xem xét, công nhận kết quả tự đánh giá mức độ chuyển đổi số năm học 2024-2025 của đơn vị.'
"""

from __future__ import annotations

import importlib.resources
from string import Template

from ..vn.markup import escape

__all__ = ["Raw", "text"]


class Raw(str):
    """A value that is already markup: :func:`text` puts it in unescaped."""

    __slots__ = ()


def text(name: str, /, **values: str) -> str:
    """The text ``name`` with its ``${…}`` values filled in; a missing value is a bug here,
    and raises ``KeyError``."""
    source = (importlib.resources.files(__package__) / "texts" / f"{name}.md").read_text("utf-8")
    filled = {k: v if isinstance(v, Raw) else escape(v) for k, v in values.items()}
    return Template(source).substitute(filled).strip("\n")
