"""The workbook's "Hướng dẫn" sheet and the row heights that keep wrapped text visible."""

from __future__ import annotations

from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from .layout import (
    FONT,
)

__all__ = ["fit_rows", "guide_sheet"]


GUIDE = (
    "HƯỚNG DẪN ĐIỀN PHIẾU TỰ ĐÁNH GIÁ",
    "",
    "1. Ghi Đơn vị (tên đầy đủ của cơ sở giáo dục, đúng như trên hồ sơ) và Năm học (ví dụ "
    "2024-2025) ở đầu trang “Phieu”. Cấp học có thể để trống. Không sửa mã bộ chỉ số.",
    "2. Chỉ nhập vào các ô nền vàng; các ô khác được khóa (bỏ khóa: Review/Xem lại → "
    "Unprotect Sheet, không có mật khẩu).",
    "3. Cột “Dữ kiện”: điều kiện bắt buộc chọn Đạt/Chưa đạt; chỉ báo có/không chọn Có/Không; "
    "tỷ lệ nhập số phần trăm từ 0 đến 100 (85 hoặc 85%; có thể nhập phép tính, ví dụ "
    "=14/16*100); số lượng nhập số nguyên; mức độ, "
    "hình thức chọn trong danh sách; chỉ báo tính theo chức năng chọn Có/Không cho từng chức "
    "năng ở các dòng ngay dưới.",
    "4. Cột “Điểm tự đánh giá”: để trống thì lấy mức tối đa mà dữ kiện cho phép; nếu ghi điểm "
    "thì không được vượt mức đó.",
    "5. Cột “Minh chứng”: mỗi minh chứng một dòng (Alt+Enter trong ô) hoặc cách nhau bằng dấu "
    "chấm phẩy (;). Dấu phẩy được giữ nguyên trong một minh chứng.",
    "6. Các cột “tạm tính” do Excel tính để tham khảo. Điểm và mức độ chính thức do phần mềm "
    "tính: vnadmin-docs score phieu.xlsx (mọi lỗi được báo kèm ô, ví dụ Phieu!E14).",
    "7. Chỉ báo hoặc điều kiện để trống được tính là chưa triển khai / chưa đạt.",
)


def _lines(text: str, width: float) -> int:
    """About how many lines ``text`` wraps to in a column ``width`` characters wide."""
    per_line = max(1, int(width * 1.05) - 1)
    return sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))


def fit_rows(ws: Worksheet, first: int, widths: dict[str, float]) -> None:
    """Set row heights for wrapped text (openpyxl cannot measure; Excel keeps what is stored)."""
    for row in range(first, ws.max_row + 1):
        lines = 1
        for col, width in widths.items():
            value = ws[f"{col}{row}"].value
            if isinstance(value, str) and not value.startswith("="):
                lines = max(lines, _lines(value, width))
        ws.row_dimensions[row].height = 16 * lines + 2


def guide_sheet(ws: Worksheet) -> None:
    ws.column_dimensions["A"].width = 110
    for n, line in enumerate(GUIDE, start=1):
        cell = ws[f"A{n}"]
        cell.value = line
        cell.font = Font(name=FONT, size=12 if n > 1 else 14, bold=n == 1)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    fit_rows(ws, 1, {"A": 110})
