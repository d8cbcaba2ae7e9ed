"""A deterministic NĐ30 format checker for any .docx (rendered here or edited by hand).

It reads the file with python-docx and checks, against Nghị định 30/2020/NĐ-CP Phụ lục I:
paper and margins, fonts and sizes, the two-column header (cơ quan, số/ký hiệu, quốc hiệu,
tiêu ngữ, place and date) with their styles and rules, the title block, the body's end mark,
Nơi nhận with its ``Lưu`` line, the signature block, and page numbering. Each finding says,
in Vietnamese, what is wrong and where.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from .numbering import SoKyHieu

COVER_CATEGORY = "Bìa hồ sơ"
"""Core-properties category of a dossier cover (see ``rendering.render_cover``)."""

__all__ = ["Finding", "check", "check_document"]

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
TITLES = (
    "KẾ HOẠCH",
    "BÁO CÁO",
    "QUYẾT ĐỊNH",
    "BIÊN BẢN",
    "TỜ TRÌNH",
    "THÔNG BÁO",
    "HƯỚNG DẪN",
    "CHƯƠNG TRÌNH",
    "QUY CHẾ",
    "QUY ĐỊNH",
    "NGHỊ QUYẾT",
    "CHỈ THỊ",
    "ĐỀ ÁN",
    "PHƯƠNG ÁN",
    "GIẤY MỜI",
    "GIẤY GIỚI THIỆU",
    "CÔNG ĐIỆN",
    "HỢP ĐỒNG",
    "THÔNG CÁO",
    "DỰ ÁN",
)
AUTHORITY = ("TM.", "KT.", "Q.", "TL.", "TUQ.")
DATE_LINE = re.compile(
    r"^(?P<place>[^,]+), ngày (?P<d>\d+|\s+) tháng (?P<m>\d+|\s+) năm (?P<y>\d{4})$"
)
ACADEMIC = re.compile(r"^(GS|PGS|TS|ThS|CN|KS|BS)\.?\s", re.IGNORECASE)
EMU_PER_MM = 36000


@dataclass(frozen=True)
class Finding:
    """One way a document departs from NĐ30: a short rule code, where, and what."""

    rule: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"[{self.rule}] {self.where}: {self.message}"


# ---------------------------------------------------------------- effective formatting


class _Styles:
    """Resolves a run's effective font, size, bold and italic: run → paragraph style chain →
    document defaults."""

    def __init__(self, doc: DocumentObject) -> None:
        defaults = doc.styles.element.find(qn("w:docDefaults"))
        rpr = None if defaults is None else defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
        self.default_size = 10.0
        self.default_font: str | None = None
        if rpr is not None:
            sz = rpr.find(qn("w:sz"))
            if sz is not None:
                self.default_size = int(sz.get(qn("w:val"))) / 2
            fonts = rpr.find(qn("w:rFonts"))
            if fonts is not None:
                self.default_font = fonts.get(qn("w:ascii"))

    @staticmethod
    def _chain(paragraph: Paragraph) -> Iterator[Any]:
        style = paragraph.style
        while style is not None:
            yield style
            style = style.base_style

    def _from_styles(self, paragraph: Paragraph, attr: str) -> Any:
        for style in self._chain(paragraph):
            value = getattr(style.font, attr)
            if value is not None:
                return value
        return None

    def size(self, paragraph: Paragraph, run: Any) -> float:
        value = run.font.size or self._from_styles(paragraph, "size")
        return float(value.pt) if value is not None else self.default_size

    def font(self, paragraph: Paragraph, run: Any) -> str | None:
        return run.font.name or self._from_styles(paragraph, "name") or self.default_font

    def flag(self, paragraph: Paragraph, run: Any, attr: str) -> bool:
        value = getattr(run.font, attr)
        if value is None:
            value = self._from_styles(paragraph, attr)
        return bool(value)

    def alignment(self, paragraph: Paragraph) -> Any:
        if paragraph.alignment is not None:
            return paragraph.alignment
        for style in self._chain(paragraph):
            if style.paragraph_format.alignment is not None:
                return style.paragraph_format.alignment
        return None


def _text_runs(paragraph: Paragraph) -> list[Any]:
    return [r for r in paragraph.runs if r.text.strip()]


def _has_rule(paragraph: Paragraph) -> bool:
    ppr = paragraph._p.pPr
    if ppr is None:
        return False
    border = ppr.find(qn("w:pBdr"))
    return border is not None and border.find(qn("w:bottom")) is not None


def _has_drawing(paragraph: Paragraph) -> bool:
    return bool(paragraph._p.xpath(".//w:drawing | .//w:pict"))


def _nonempty(paragraphs: Iterable[Paragraph]) -> list[Paragraph]:
    return [p for p in paragraphs if p.text.strip()]


# ---------------------------------------------------------------- the checker


class _Checker:
    def __init__(self, doc: DocumentObject) -> None:
        self.doc = doc
        self.styles = _Styles(doc)
        self.findings: list[Finding] = []
        self.blocks = self._main_section(list(doc.iter_inner_content()))

    @staticmethod
    def _main_section(blocks: list[Paragraph | Table]) -> list[Paragraph | Table]:
        """The blocks of the document proper; appendices start after the first section break."""
        for i, block in enumerate(blocks):
            if isinstance(block, Paragraph) and block._p.xpath("./w:pPr/w:sectPr"):
                return blocks[: i + 1] if block.text.strip() else blocks[:i]
        return blocks

    def add(self, rule: str, where: str, message: str) -> None:
        self.findings.append(Finding(rule, where, message))

    def run_style(
        self,
        p: Paragraph,
        where: str,
        *,
        sizes: tuple[float, float],
        bold: bool | None = None,
        italic: bool | None = None,
        what: str,
    ) -> None:
        runs = _text_runs(p)
        if not runs:
            return
        got_sizes = {self.styles.size(p, r) for r in runs}
        if any(not sizes[0] <= s <= sizes[1] for s in got_sizes):
            want = f"{sizes[0]:g}" if sizes[0] == sizes[1] else f"{sizes[0]:g}–{sizes[1]:g}"
            have = ", ".join(f"{s:g}" for s in sorted(got_sizes))
            self.add("co-chu", where, f"{what} phải cỡ chữ {want}, đang là {have}")
        if bold is not None and any(self.styles.flag(p, r, "bold") != bold for r in runs):
            self.add("dam", where, f"{what} {'phải' if bold else 'không được'} in đậm")
        if italic is not None and any(self.styles.flag(p, r, "italic") != italic for r in runs):
            self.add("nghieng", where, f"{what} {'phải' if italic else 'không được'} in nghiêng")

    # -- page

    def page(self) -> None:
        for i, section in enumerate(self.doc.sections, start=1):
            where = f"mục trang {i}" if len(self.doc.sections) > 1 else "trang"
            w, h = section.page_width, section.page_height
            if w is None or h is None:
                self.add("kho-giay", where, "không xác định được khổ giấy")
                continue
            dims = sorted((round(w / EMU_PER_MM), round(h / EMU_PER_MM)))
            if dims != [210, 297]:
                self.add(
                    "kho-giay",
                    where,
                    f"khổ giấy phải là A4 (210 × 297 mm), đang là {dims[0]} × {dims[1]} mm",
                )
            landscape = section.orientation == WD_ORIENT.LANDSCAPE or w > h
            if landscape and i == 1:
                self.add("kho-giay", where, "trang đầu văn bản phải đặt dọc")
            for name, label, low, high in (
                ("top_margin", "lề trên", 20, 25),
                ("bottom_margin", "lề dưới", 20, 25),
                ("left_margin", "lề trái", 30, 35),
                ("right_margin", "lề phải", 15, 20),
            ):
                value = getattr(section, name)
                mm = (value or 0) / EMU_PER_MM
                if not low - 0.5 <= mm <= high + 0.5:
                    self.add(
                        "le", where, f"{label} phải từ {low} đến {high} mm, đang là {mm:.1f} mm"
                    )

    def page_numbers(self) -> None:
        section = self.doc.sections[0]
        fields = section._sectPr.xpath("./w:titlePg")
        title_pg = bool(fields) and fields[0].get(qn("w:val")) not in ("0", "false")
        header = section.header
        has_page = bool(
            header._element.xpath(
                ".//w:fldSimple[contains(@w:instr,'PAGE')] | .//w:instrText[contains(.,'PAGE')]"
            )
        )
        if not has_page:
            self.add("so-trang", "đầu trang", "phải đánh số trang (trường PAGE) ở giữa lề trên")
            return
        if not title_pg:
            self.add(
                "so-trang",
                "đầu trang",
                "không hiển thị số trang ở trang đầu (bật 'Trang đầu khác')",
            )
        else:
            first = section.first_page_header
            if first._element.xpath(
                ".//w:fldSimple[contains(@w:instr,'PAGE')] | .//w:instrText[contains(.,'PAGE')]"
            ):
                self.add("so-trang", "đầu trang đầu", "trang đầu không được hiển thị số trang")
        for p in header.paragraphs:
            if p._p.xpath(".//w:fldSimple | .//w:instrText"):
                if self.styles.alignment(p) != WD_ALIGN_PARAGRAPH.CENTER:
                    self.add("so-trang", "đầu trang", "số trang phải căn giữa")
                sizes = {self.styles.size(p, r) for r in p.runs}
                sizes |= {int(sz.get(qn("w:val"))) / 2 for sz in p._p.xpath(".//w:sz")}
                if any(not 13 <= s <= 14 for s in sizes):
                    self.add("so-trang", "đầu trang", "số trang phải cỡ chữ 13–14")

    def fonts(self) -> None:
        bad: dict[str, list[str]] = {}
        for index, p in self._all_paragraphs():
            for r in _text_runs(p):
                name = self.styles.font(p, r)
                if name != "Times New Roman":
                    bad.setdefault(name or "(phông theo chủ đề)", []).append(index)
        for name, places in bad.items():
            shown = ", ".join(places[:3]) + (" …" if len(places) > 3 else "")
            self.add("phong-chu", shown, f"phải dùng phông Times New Roman, đang dùng {name}")

    def _all_paragraphs(self) -> Iterator[tuple[str, Paragraph]]:
        for i, block in enumerate(self.blocks, start=1):
            if isinstance(block, Paragraph):
                yield f"đoạn {i}", block
            else:
                for r, row in enumerate(block.rows, start=1):
                    for c, cell in enumerate(row.cells, start=1):
                        for k, p in enumerate(cell.paragraphs, start=1):
                            yield f"bảng ở khối {i}, hàng {r}, cột {c}, dòng {k}", p

    # -- header

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
            name = paragraphs[so_index - 1]
            self.run_style(name, where, sizes=(12, 13), bold=True, what="tên cơ quan ban hành")
            if name.text != name.text.upper():
                self.add("co-quan", where, "tên cơ quan ban hành phải viết in hoa")
            for chu_quan in paragraphs[: so_index - 1]:
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

    # -- title block, body, signature

    def _body_paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

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
        texts = [p.text.strip() for p in self._body_paragraphs() if p.text.strip()]
        if not any(t.startswith("HỒ SƠ") for t in texts):
            self.add("bia", "bìa", "bìa hồ sơ phải có tên hồ sơ in hoa (HỒ SƠ …)")
        if not any(re.search(r", năm \d{4}$", t) for t in texts):
            self.add("bia", "bìa", "cuối bìa phải có địa danh và năm, ví dụ 'Thanh Trì, năm 2025'")

    def run(self) -> list[Finding]:
        self.page()
        self.fonts()
        if self.doc.core_properties.category == COVER_CATEGORY:
            self.cover()
            return self.findings
        self.page_numbers()
        is_bien_ban, is_cong_van = self.header()
        self.title(is_cong_van)
        self.body(is_bien_ban)
        self.signature(is_bien_ban)
        return self.findings


def check_document(doc: DocumentObject) -> list[Finding]:
    """Check an open python-docx document."""
    return _Checker(doc).run()


def check(source: Path | str | IO[bytes]) -> list[Finding]:
    """Check a .docx file; an empty list means it follows the NĐ30 layout."""
    return check_document(Document(str(source) if isinstance(source, Path) else source))
