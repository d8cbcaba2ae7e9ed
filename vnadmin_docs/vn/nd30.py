"""Every measurement of Nghị định 30/2020/NĐ-CP Phụ lục I that this library uses, written once.

The templates (``scripts/build_templates.py``), the body writer, the appendices, the cover, the
mục lục page and the checker all read their numbers here. Where the decree gives a range, the
range is here too (the checker accepts it) next to the value we write (a [choice] of the project,
see docs/dev/nd30-rules.md).

>>> TEXT_WIDTH_CM, LANDSCAPE_TEXT_WIDTH_CM
(16.5, 25.2)
>>> MARGINS_MM["left"], MARGIN_RANGES_MM["left"]
(30, (30, 35))
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "APPENDIX_RULE_MM",
    "BODY_SIZE_PT",
    "CELL_PADDING_CM",
    "COVER_RULE_INDENT_CM",
    "FONT",
    "HEADER_LEFT_CM",
    "HEADER_RIGHT_CM",
    "LANDSCAPE_TEXT_WIDTH_CM",
    "MARGINS_MM",
    "MARGIN_RANGES_MM",
    "MOTTO_INDENT_CM",
    "NAME_RULE_CM",
    "PAGE_MM",
    "SIGNATURE_LEFT_CM",
    "SIGNATURE_SPACE_PT",
    "TEXT_WIDTH_CM",
    "TITLE_RULE_CM",
]

FONT: Final = "Times New Roman"
"""The one font of every document [NĐ30 Phụ lục I, I.3]."""

PAGE_MM: Final = (210, 297)
"""A4 portrait, width × height."""

MARGINS_MM: Final = {"top": 20, "bottom": 20, "left": 30, "right": 15}
"""The margins we write [choice], within :data:`MARGIN_RANGES_MM`."""

MARGIN_RANGES_MM: Final = {"top": (20, 25), "bottom": (20, 25), "left": (30, 35), "right": (15, 20)}
"""What NĐ30 allows [Phụ lục I, I.4]."""

TEXT_WIDTH_CM: Final = (PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]) / 10
"""The width between the margins of a portrait page."""

LANDSCAPE_TEXT_WIDTH_CM: Final = (PAGE_MM[1] - MARGINS_MM["left"] - MARGINS_MM["right"]) / 10
"""The width between the margins of a landscape page (wide appendix tables)."""

BODY_SIZE_PT: Final = 14
"""Body text, 13–14 pt; we write 14."""

HEADER_LEFT_CM: Final = 7.1
"""The header's left column (issuing body, số/ký hiệu): wide enough for "SỞ GIÁO DỤC VÀ ĐÀO TẠO"
or "UBND THÀNH PHỐ HẢI PHÒNG" on one 13 pt line, while the right column still holds the
quốc hiệu on one 12 pt bold line (8.9 cm of text)."""
HEADER_RIGHT_CM: Final = TEXT_WIDTH_CM - HEADER_LEFT_CM
"""The header's right column (quốc hiệu, tiêu ngữ, place and date)."""
CELL_PADDING_CM: Final = 0.38
"""A table cell's left and right padding together (Word's default, 0.19 cm each side)."""

NAME_RULE_CM: Final = 2.2
"""The rule under the issuing body's name (1/3–1/2 of the name's line)."""
MOTTO_INDENT_CM: Final = 1.6
"""The tiêu ngữ's indents, so that its rule is as wide as its text."""
TITLE_RULE_CM: Final = 5.5
"""The short rule under the trích yếu."""
APPENDIX_RULE_MM: Final = 55
"""The rule under an appendix's title block."""
COVER_RULE_INDENT_CM: Final = 6.5
"""The cover's rule under the school's name: indented this much from both sides."""

SIGNATURE_LEFT_CM: Final = 7.5
"""The Nơi nhận column beside the signature."""
SIGNATURE_SPACE_PT: Final = 72
"""Room for the signature and seal between the title and the name."""
