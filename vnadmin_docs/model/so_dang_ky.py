"""The form of the sổ đăng ký văn bản đi [NĐ30 Phụ lục IV, I.2]: what its columns are, and how
an exported sổ says what it is. Shared by the register's export and the checker."""

from __future__ import annotations

from typing import Final

__all__ = ["COLUMNS", "REGISTER_CATEGORY"]

REGISTER_CATEGORY: Final = "Sổ đăng ký văn bản đi"
"""Core-properties category of an exported sổ (.docx and .xlsx): a form of Phụ lục IV, not a
document of Phụ lục I, so a checker can tell it apart (as it does a dossier cover)."""

COLUMNS: Final = (
    "Số, ký hiệu văn bản",
    "Ngày tháng văn bản",
    "Tên loại và trích yếu nội dung văn bản",
    "Người ký",
    "Nơi nhận văn bản",
    "Đơn vị, người nhận bản lưu",
    "Số lượng bản",
    "Ngày chuyển",
    "Ký nhận",
    "Ghi chú",
)
"""The columns of NĐ30 Phụ lục IV, mẫu sổ đăng ký văn bản đi (at least these ten)."""
