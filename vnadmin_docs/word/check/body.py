"""The title block, the body's end mark, Nơi nhận, the signature block, and the cover."""

from __future__ import annotations

import re

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from ...vn.layout import readable
from ._base import (
    ACADEMIC,
    AUTHORITY,
    TITLES,
    CheckerBase,
    _has_drawing,
    _has_rule,
    _nonempty,
)

__all__ = ["BodyChecks"]


class BodyChecks(CheckerBase):
    def title(self, is_cong_van: bool) -> None:
        paragraphs = _nonempty(self._body_paragraphs())
        if is_cong_van:
            if not paragraphs or not paragraphs[0].text.strip().startswith("Kính gửi"):
                self.add("kinh-gui", "sau phần đầu", "công văn phải có dòng 'Kính gửi:'")
            return
        if not paragraphs or paragraphs[0].text.strip() not in TITLES:
            self.add(
                "ten-loai",
                "sau phần đầu",
                "thiếu tên loại văn bản (in hoa, đậm, căn giữa), "
                "hoặc công văn thiếu dòng 'V/v …' dưới số, ký hiệu",
            )
            return
        title = paragraphs[0]
        self.run_style(title, "tên loại văn bản", sizes=(13, 14), bold=True, what="tên loại")
        if self.styles.alignment(title) != WD_ALIGN_PARAGRAPH.CENTER:
            self.add("ten-loai", "tên loại văn bản", "phải căn giữa")
        if len(paragraphs) < 2:
            self.add("trich-yeu", "sau tên loại", "thiếu trích yếu nội dung")
            return
        subject = paragraphs[1]
        self.run_style(subject, "trích yếu", sizes=(13, 14), bold=True, what="trích yếu")
        if self.styles.alignment(subject) != WD_ALIGN_PARAGRAPH.CENTER:
            self.add("trich-yeu", "trích yếu", "phải căn giữa")
        body = self._body_paragraphs()
        k = next(i for i, p in enumerate(body) if p._p is subject._p)
        following = body[k + 1 : k + 3]
        if not _has_rule(subject) and not any(
            not p.text.strip() and (_has_rule(p) or _has_drawing(p)) for p in following
        ):
            self.add("trich-yeu", "trích yếu", "thiếu đường kẻ ngắn dưới trích yếu")

    def body(self, is_bien_ban: bool) -> None:
        tables = [i for i, b in enumerate(self.blocks) if isinstance(b, Table)]
        end = tables[-1] if len(tables) > 1 else len(self.blocks)
        last_text = None
        for i, block in enumerate(self.blocks[1:end], start=2):
            if isinstance(block, Paragraph) and block.text.strip():
                last_text = (i, block)
                style = block.style.name if block.style is not None else ""
                if style.startswith("VB") or style == "Normal":
                    self.run_style(block, f"đoạn {i}", sizes=(13, 14), what="nội dung văn bản")
        if last_text is None:
            self.add("noi-dung", "phần nội dung", "văn bản không có nội dung")
        elif not last_text[1].text.rstrip().endswith("./."):
            self.add(
                "noi-dung",
                f"đoạn {last_text[0]}",
                "cuối phần nội dung phải có dấu './.'"
                if not is_bien_ban
                else "biên bản phải kết thúc bằng dòng 'Cuộc họp kết thúc vào …./.'",
            )

    def signature(self, is_bien_ban: bool) -> None:
        tables = [b for b in self.blocks if isinstance(b, Table)]
        if len(tables) < 2:
            self.add("chu-ky", "cuối văn bản", "thiếu bảng nơi nhận và chữ ký")
            return
        table = tables[-1]
        cells = table.rows[0].cells
        if is_bien_ban:
            texts = " ".join(c.text for c in cells)
            for who in ("THƯ KÝ", "CHỦ TỌA"):
                if who not in texts:
                    self.add("chu-ky", "cuối biên bản", f"thiếu chữ ký {who}")
            return
        if len(cells) < 2:
            self.add(
                "chu-ky", "cuối văn bản", "nơi nhận (trái) và chữ ký (phải) phải đặt ngang nhau"
            )
            return
        self._noi_nhan(cells[0])
        self._signer(cells[-1])

    def _noi_nhan(self, cell: _Cell) -> None:
        where = "nơi nhận"
        paragraphs = _nonempty(cell.paragraphs)
        if not paragraphs or paragraphs[0].text.strip() != "Nơi nhận:":
            self.add("noi-nhan", where, "phải bắt đầu bằng 'Nơi nhận:'")
            return
        self.run_style(
            paragraphs[0], where, sizes=(12, 12), bold=True, italic=True, what="chữ 'Nơi nhận:'"
        )
        items = paragraphs[1:]
        if not items:
            self.add("noi-nhan", where, "chưa có nơi nhận nào")
            return
        for k, p in enumerate(items, start=1):
            text = p.text.strip()
            here = f"{where}, dòng {k}"
            self.run_style(p, here, sizes=(11, 11), what="nơi nhận")
            if not text.startswith("- "):
                self.add("noi-nhan", here, "mỗi nơi nhận bắt đầu bằng '- '")
            wanted = "." if k == len(items) else ";"
            if not text.endswith(wanted):
                self.add("noi-nhan", here, f"phải kết thúc bằng '{wanted}'")
        if not re.match(r"^- Lưu:?\s*VT", items[-1].text.strip()):
            self.add("noi-nhan", f"{where}, dòng cuối", "dòng cuối phải là '- Lưu: VT, …'")

    def _signer(self, cell: _Cell) -> None:
        where = "chữ ký"
        paragraphs = _nonempty(cell.paragraphs)
        if len(paragraphs) < 2:
            self.add("chu-ky", where, "phải có chức vụ người ký và họ tên")
            return
        titles, name = paragraphs[:-1], paragraphs[-1]
        for p in titles:
            self.run_style(p, where, sizes=(13, 14), bold=True, what="quyền hạn, chức vụ người ký")
            if p.text.strip() != p.text.strip().upper():
                self.add("chu-ky", where, "quyền hạn, chức vụ người ký phải in hoa")
        first = titles[0].text.strip()
        if first.startswith(AUTHORITY) and not first.startswith("Q.") and len(titles) < 2:
            self.add(
                "chu-ky", where, f"ký '{first.split()[0]}' phải có dòng chức vụ người ký bên dưới"
            )
        self.run_style(name, where, sizes=(13, 14), bold=True, what="họ tên người ký")
        if ACADEMIC.match(name.text.strip()):
            self.add("chu-ky", where, "không ghi học hàm, học vị trước họ tên người ký")

    def cover(self) -> None:
        # as read: the cover's title joins its phrases with no-break spaces
        texts = [readable(p.text).strip() for p in self._body_paragraphs() if p.text.strip()]
        if not any(t.startswith("HỒ SƠ") for t in texts):
            self.add("bia", "bìa", "bìa hồ sơ phải có tên hồ sơ in hoa (HỒ SƠ …)")
        if not any(re.search(r", năm \d{4}$", t) for t in texts):
            self.add("bia", "bìa", "cuối bìa phải có địa danh và năm, ví dụ 'Thanh Trì, năm 2025'")
