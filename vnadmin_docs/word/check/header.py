"""The two-column header: issuing body, số/ký hiệu, quốc hiệu, tiêu ngữ, place and date."""

from __future__ import annotations

import re

from docx.table import Table, _Cell

from ...vn.numbering import SoKyHieu
from ._base import (
    DATE_LINE,
    QUOC_HIEU,
    TIEU_NGU,
    CheckerBase,
    _has_drawing,
    _has_rule,
    _nonempty,
)

__all__ = ["HeaderChecks"]


class HeaderChecks(CheckerBase):
    def header(self) -> tuple[bool, bool]:
        """Check the header table; returns (is_bien_ban, is_cong_van) as far as it can tell."""
        first = self.blocks[0] if self.blocks else None
        if not isinstance(first, Table) or len(first.columns) < 2:
            self.add(
                "dau-van-ban",
                "đầu văn bản",
                "phải có phần đầu gồm bảng hai cột: tên cơ quan "
                "và số, ký hiệu bên trái; quốc hiệu, tiêu ngữ, địa danh và ngày bên phải",
            )
            return False, False
        left, right = first.rows[0].cells[0], first.rows[0].cells[-1]
        is_bien_ban = any(p.text.strip() == "BIÊN BẢN" for p in self._body_paragraphs())
        is_cong_van = self._left(left)
        self._right(right, is_bien_ban)
        return is_bien_ban, is_cong_van

    def _left(self, cell: _Cell) -> bool:
        where = "phần đầu, cột trái"
        paragraphs = _nonempty(cell.paragraphs)
        so_index = next(
            (i for i, p in enumerate(paragraphs) if p.text.strip().startswith("Số")), None
        )
        if so_index is None:
            self.add("so-ky-hieu", where, "thiếu dòng 'Số: …/…'")
            return False
        if so_index == 0:
            self.add("co-quan", where, "thiếu tên cơ quan ban hành văn bản")
        else:
            # the name may take several lines (a line break the user typed): the bold lines
            # just above the số line; the lines above them are the managing body's
            first = so_index - 1
            while first > 0 and all(r.bold for r in paragraphs[first - 1].runs if r.text.strip()):
                first -= 1
            for name in paragraphs[first:so_index]:
                self.run_style(name, where, sizes=(12, 13), bold=True, what="tên cơ quan ban hành")
                if name.text != name.text.upper():
                    self.add("co-quan", where, "tên cơ quan ban hành phải viết in hoa")
            for chu_quan in paragraphs[:first]:
                self.run_style(
                    chu_quan, where, sizes=(12, 13), bold=False, what="tên cơ quan chủ quản"
                )
            if not any(_has_rule(p) or _has_drawing(p) for p in cell.paragraphs):
                self.add("co-quan", where, "thiếu đường kẻ dưới tên cơ quan ban hành")
        so = paragraphs[so_index]
        self.run_style(so, where, sizes=(13, 13), what="dòng số, ký hiệu")
        self._so_ky_hieu(so.text.strip(), where)
        rest = paragraphs[so_index + 1 :]
        is_cong_van = bool(rest) and rest[0].text.strip().startswith("V/v")
        if is_cong_van:
            self.run_style(rest[0], where, sizes=(12, 13), what="trích yếu (V/v) của công văn")
        return is_cong_van

    def _so_ky_hieu(self, text: str, where: str) -> None:
        match = re.match(r"^Số:\s*(\d*)\s*/(.*)$", text)
        if not match:
            self.add("so-ky-hieu", where, f"dòng số phải có dạng 'Số: 89/BC-XYZ', đang là {text!r}")
            return
        number, ky_hieu = match.groups()
        if number and len(number) < 2:
            self.add(
                "so-ky-hieu",
                where,
                f"số nhỏ hơn 10 phải ghi thêm số 0 phía trước ({number} → 0{number})",
            )
        try:
            SoKyHieu(None, ky_hieu)
        except ValueError as exc:
            self.add("so-ky-hieu", where, str(exc))
        if not text.startswith("Số: ") and number:
            self.add("so-ky-hieu", where, "sau 'Số:' phải có một dấu cách rồi đến số")

    def _right(self, cell: _Cell, is_bien_ban: bool) -> None:
        where = "phần đầu, cột phải"
        paragraphs = _nonempty(cell.paragraphs)
        texts = [p.text.strip() for p in paragraphs]
        if QUOC_HIEU not in texts:
            self.add("quoc-hieu", where, f"thiếu quốc hiệu '{QUOC_HIEU}' (in hoa)")
        else:
            p = paragraphs[texts.index(QUOC_HIEU)]
            self.run_style(p, where, sizes=(12, 13), bold=True, what="quốc hiệu")
        if TIEU_NGU not in texts:
            self.add("tieu-ngu", where, f"thiếu tiêu ngữ '{TIEU_NGU}'")
        else:
            i = texts.index(TIEU_NGU)
            p = paragraphs[i]
            self.run_style(p, where, sizes=(13, 14), bold=True, what="tiêu ngữ")
            all_p = cell.paragraphs
            j = next(k for k, q in enumerate(all_p) if q._p is p._p)
            after = all_p[j + 1] if j + 1 < len(all_p) else None
            ruled = _has_rule(p) or (
                after is not None
                and not after.text.strip()
                and (_has_rule(after) or _has_drawing(after))
            )
            if not ruled:
                self.add("tieu-ngu", where, "thiếu đường kẻ liền dưới tiêu ngữ")
        dates = [p for p in paragraphs if ", ngày" in p.text or p.text.strip().startswith("ngày")]
        if not dates:
            if not is_bien_ban:
                self.add("ngay-thang", where, "thiếu dòng địa danh và ngày tháng năm")
            return
        p = dates[0]
        self.run_style(p, where, sizes=(13, 14), italic=True, what="địa danh, ngày tháng")
        self._date(p.text.strip(), where)

    def _date(self, text: str, where: str) -> None:
        match = DATE_LINE.match(text)
        if not match:
            self.add(
                "ngay-thang",
                where,
                f"phải có dạng '<Địa danh>, ngày 06 tháng 3 năm 2025', đang là {text!r}",
            )
            return
        day, month = match.group("d"), match.group("m")
        if day.strip() and len(day) != 2:
            self.add("ngay-thang", where, f"ngày nhỏ hơn 10 phải ghi thêm số 0 ({day} → 0{day})")
        if month.strip():
            m = int(month)
            if m in (1, 2) and len(month) != 2:
                self.add("ngay-thang", where, f"tháng {m} phải ghi là 0{m}")
            if m >= 3 and month.startswith("0"):
                self.add(
                    "ngay-thang", where, f"tháng {m} không ghi số 0 phía trước ({month} → {m})"
                )
            if not 1 <= m <= 12:
                self.add("ngay-thang", where, f"tháng {m} không hợp lệ")
