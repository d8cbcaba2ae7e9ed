"""The typed documents: one dataclass per document type, each owning what it renders.

Every string that enters the model is normalised to Unicode NFC. Constructors check what a
single object can know (a valid ký hiệu, a signer whose authority needs a "for whom"), and
report every problem of that object at once in a :class:`~vnadmin_docs.errors.ModelError`.
Each type says what its template sees (:meth:`VanBan.context`) and what its body is
(:meth:`VanBan.body`), so the renderer never asks which type it has.

>>> from vnadmin_docs.vn.dates import Ngay
>>> truong = CoQuan(ten="Trường THCS Quyết Tiến", viet_tat="THCSQT", dia_danh="Quyết Tiến",
...                 chu_quan="UBND huyện Tiên Lãng")
>>> ky = NguoiKy(chuc_vu="Hiệu trưởng", ho_ten="Lương Anh Khương")
>>> qd = QuyetDinh(co_quan=truong, so=2, ngay=Ngay(2024, 2, 5), nguoi_ky=ky,
...     trich_yeu="Về việc phê duyệt kết quả tự đánh giá mức độ chuyển đổi số",
...     tham_quyen_ban_hanh="Hiệu trưởng Trường THCS Quyết Tiến",
...     dieu=["Phê duyệt kết quả.", "Quyết định có hiệu lực từ ngày ký.", "Các ông (bà) ... thi hành."])
>>> str(qd.so_ky_hieu), qd.noi_nhan_dong()
('02/QĐ-THCSQT', ['- Như Điều 3;', '- Lưu: VT.'])
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, ClassVar

from ..errors import Problem
from ..vn import markup, nd30
from ..vn.dates import Ngay, gio_phut, ngay_ngan, ngay_thang_nam
from ..vn.layout import dong_ten_co_quan, dong_ten_va_co_chu
from ..vn.markup import Block, Paragraph, Span, Table
from ..vn.numbering import LoaiVanBan, SoKyHieu, so_problem
from ..vn.text import Record
from ._checks import KyHieu, So, Text, collect, nonblank_problem
from .parts import CoQuan, NguoiKy, PhuLuc, ThanhVien

__all__ = [
    "BaoCao",
    "BienBan",
    "CongVan",
    "KeHoach",
    "QuyetDinh",
    "ToTrinh",
    "VanBan",
    "trich_dan",
]


def trich_dan(loai: LoaiVanBan, so_ky_hieu: SoKyHieu, ngay: Ngay) -> str:
    """A citation: ``Quyết định số 01/QĐ-THCSQT ngày 05/02/2024``.

    >>> trich_dan(LoaiVanBan.QUYET_DINH, SoKyHieu(1, "QĐ-THCSQT"), Ngay(2024, 2, 5))
    'Quyết định số 01/QĐ-THCSQT ngày 05/02/2024'
    """
    return f"{loai.ten} số {so_ky_hieu} ngày {ngay_ngan(ngay)}"


def roman(n: int) -> str:
    """A Roman numeral, for appendices.

    >>> roman(4), roman(9), roman(14)
    ('IV', 'IX', 'XIV')
    """
    numerals = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, letters in numerals:
        while n >= value:
            out += letters
            n -= value
    return out


def _end(item: str) -> str:
    return item.strip().rstrip(" ;.")


def _strip_end(item: str) -> str:
    item = item.strip()
    item = item[2:] if item.startswith("- ") else item
    return item.rstrip(" ;.")


def punctuated(items: Sequence[str], *, last: str = ".", dash: bool = False) -> list[str]:
    """Each item ends ";", the last ``last``; with ``dash`` each starts with "- "."""
    cleaned = [_end(x) for x in items if _end(x)]
    prefix = "- " if dash else ""
    lines = [f"{prefix}{x.removeprefix('- ')};" for x in cleaned]
    if lines:
        lines[-1] = lines[-1][:-1] + last
    return lines


def with_end_mark(blocks: list[Block]) -> list[Block]:
    """End the body with "./." after its last word [NĐ30 Phụ lục I]."""
    for i in range(len(blocks) - 1, -1, -1):
        block = blocks[i]
        if isinstance(block, Paragraph):
            text = markup.plain(block.spans).rstrip()
            if text.endswith("./."):
                return blocks
            spans = list(block.spans)
            last = spans[-1]
            tail = last.text.rstrip()
            tail += "/." if tail.endswith(".") else "./."
            spans[-1] = Span(tail, last.bold, last.italic)
            return [*blocks[:i], Paragraph(tuple(spans), block.marker), *blocks[i + 1 :]]
        if isinstance(block, Table):
            break
    return [*blocks, Paragraph((Span("./."),))]


_NAME_CM = nd30.HEADER_LEFT_CM - nd30.CELL_PADDING_CM
"""The width the issuing body's name has in the header."""


@dataclass(frozen=True, kw_only=True)
class VanBan(Record):
    """What every document has: issuing body, number, date, subject, recipients, appendices."""

    LOAI: ClassVar[LoaiVanBan]

    co_quan: CoQuan
    ngay: Ngay
    trich_yeu: Text
    so: So | None = None
    """The number; ``None`` leaves it blank for a draft."""
    ky_hieu: KyHieu | None = None
    """Overrides the ký hiệu after "/" (default: type abbreviation, body, drafting unit)."""
    don_vi_soan_thao: KyHieu | None = None
    """The drafting unit (``VP``): appended to the ký hiệu of a Công văn and to ``Lưu:``."""
    noi_nhan: list[str] = field(default_factory=list)
    """Recipients, as typed; "- " and ";" are added, and the ``Lưu:`` line is appended."""
    luu: list[str] | None = None
    """What the ``Lưu:`` line lists; default ``VT`` and the drafting unit."""
    phu_luc: list[PhuLuc] = field(default_factory=list)

    def __post_init__(self) -> None:
        if isinstance(self.ngay, date):
            object.__setattr__(self, "ngay", Ngay.of(self.ngay))
        super().__post_init__()
        extra: list[Problem] = []
        try:
            SoKyHieu(None, self.ky_hieu_day_du)
        except ValueError as exc:
            extra.append(Problem.at(("ky_hieu" if self.ky_hieu else "don_vi_soan_thao",), str(exc)))
        self._check(extra)
        collect(self, [("trich_yeu", nonblank_problem), ("so", so_problem)], extra)

    def _check(self, problems: list[Problem]) -> None:
        """Type-specific checks; subclasses append their problems."""

    def _require(self, problems: list[Problem], *names: str) -> None:
        for name in names:
            value = getattr(self, name)
            if isinstance(value, list) and not [x for x in value if x.strip()]:
                problems.append(Problem.at((name,), "phải có ít nhất một mục"))
            elif message := nonblank_problem(value):
                problems.append(Problem.at((name,), message))

    KY_HIEU_DON_VI: ClassVar[bool] = False
    """Whether the drafting unit is part of the ký hiệu (a Công văn's, NĐ30 Phụ lục I II.3.b);
    for a document with a type name it only goes to ``Lưu:``."""

    @property
    def ky_hieu_day_du(self) -> str:
        if self.ky_hieu:
            return self.ky_hieu
        return self.ky_hieu_cho(self.co_quan.viet_tat, self.don_vi_soan_thao)

    @classmethod
    def ky_hieu_cho(cls, co_quan: str, don_vi_soan_thao: str | None = None) -> str:
        """The default ký hiệu of this type for an issuing body (and drafting unit), e.g.
        before the document exists (a number taken from the register)."""
        unit = don_vi_soan_thao if cls.KY_HIEU_DON_VI else None
        return "-".join(g for g in (cls.LOAI.viet_tat, co_quan, unit) if g)

    @property
    def so_ky_hieu(self) -> SoKyHieu:
        return SoKyHieu(self.so, self.ky_hieu_day_du)

    @property
    def trich_dan(self) -> str:
        """How other documents cite this one: ``Báo cáo số 89/BC-GDNN-GDTXTT ngày 06/3/2025``."""
        return trich_dan(self.LOAI, self.so_ky_hieu, self.ngay)

    def _noi_nhan_dau(self) -> list[str]:
        """Recipients implied by the form (``Như trên`` for a Kính gửi)."""
        return ["Như trên"] if getattr(self, "kinh_gui", None) else []

    def noi_nhan_dong(self) -> list[str]:
        """The Nơi nhận items as printed: ``- …;`` each, the last ``- Lưu: VT, ….``"""
        items = [_strip_end(x) for x in self.noi_nhan if _strip_end(x)]
        if not any(i.startswith("Lưu") for i in items):
            luu = self.luu if self.luu is not None else ["VT", self.don_vi_soan_thao or ""]
            items.append("Lưu: " + ", ".join(x for x in luu if x))
        head = [x for x in self._noi_nhan_dau() if x not in items]
        lines = [f"- {x};" for x in head + items]
        lines[-1] = lines[-1][:-1] + "."
        return lines

    def nhan_phu_luc(self, index: int) -> str:
        """The label of appendix ``index`` (0-based)."""
        pl = self.phu_luc[index]
        if pl.ten:
            return pl.ten
        return "PHỤ LỤC" if len(self.phu_luc) == 1 else f"Phụ lục {roman(index + 1)}"

    def kem_theo(self, index: int) -> str:
        pl = self.phu_luc[index]
        if pl.kem_theo:
            return pl.kem_theo
        return f"(Kèm theo {self.trich_dan} của {self.co_quan.ten_goi})"

    # ------------------------------------------------------------ what the template sees

    def _can_cu(self) -> list[str]:
        return punctuated(getattr(self, "can_cu", []))

    def _kinh_gui(self) -> tuple[str, list[str]]:
        items = [_end(x) for x in getattr(self, "kinh_gui", []) if _end(x)]
        if len(items) == 1:
            return items[0], []
        return "", punctuated(items, dash=True)

    def context(self) -> dict[str, Any]:
        """Everything a template of this type may use, as plain strings and lists.

        The body (``noi_dung``) is not here: the renderer writes :meth:`body` in its place.
        """
        kinh_gui_mot, kinh_gui = self._kinh_gui()
        nguoi_ky: NguoiKy | None = getattr(self, "nguoi_ky", None)
        return {
            "chu_quan": " ".join((self.co_quan.chu_quan or "").upper().split()),
            "co_quan": self.co_quan.ten_mot_dong.upper(),
            # the header's name lines, each with whether it is set a point smaller (12 pt)
            "chu_quan_dong": dong_ten_va_co_chu((self.co_quan.chu_quan or "").upper(), _NAME_CM),
            "co_quan_dong": dong_ten_va_co_chu(self.co_quan.ten.upper(), _NAME_CM),
            "so_ky_hieu": self.so_ky_hieu.dong_so,
            "dia_danh_ngay": f"{self.co_quan.dia_danh}, {ngay_thang_nam(self.ngay)}",
            "ten_loai": self.LOAI.ten_in_hoa,
            "trich_yeu": self.trich_yeu,
            "v_v": f"V/v {self.trich_yeu}",
            "kinh_gui_mot": kinh_gui_mot,
            "kinh_gui": kinh_gui,
            "can_cu": self._can_cu(),
            "noi_nhan": self.noi_nhan_dong(),
            "chuc_danh": nguoi_ky.dong_chuc_danh if nguoi_ky else [],
            "ho_ten": nguoi_ky.ho_ten if nguoi_ky else "",
        }

    def body(self) -> list[Block]:
        """The body as blocks: the markup of ``noi_dung``, ending with "./."."""
        return with_end_mark(markup.parse(getattr(self, "noi_dung", "")))


@dataclass(frozen=True, kw_only=True)
class KeHoach(VanBan):
    """Kế hoạch (KH): căn cứ, then a body of headed sections."""

    LOAI: ClassVar[LoaiVanBan] = LoaiVanBan.KE_HOACH
    nguoi_ky: NguoiKy
    can_cu: list[str] = field(default_factory=list)
    noi_dung: str = ""


@dataclass(frozen=True, kw_only=True)
class BaoCao(VanBan):
    """Báo cáo (BC); ``kinh_gui`` when it is addressed to a superior."""

    LOAI: ClassVar[LoaiVanBan] = LoaiVanBan.BAO_CAO
    nguoi_ky: NguoiKy
    can_cu: list[str] = field(default_factory=list)
    kinh_gui: list[str] = field(default_factory=list)
    noi_dung: str = ""


@dataclass(frozen=True, kw_only=True)
class ToTrinh(VanBan):
    """Tờ trình (TTr): always addressed (``kinh_gui``)."""

    LOAI: ClassVar[LoaiVanBan] = LoaiVanBan.TO_TRINH
    nguoi_ky: NguoiKy
    kinh_gui: list[str]
    can_cu: list[str] = field(default_factory=list)
    noi_dung: str = ""

    def _check(self, problems: list[Problem]) -> None:
        self._require(problems, "kinh_gui")


@dataclass(frozen=True, kw_only=True)
class CongVan(VanBan):
    """Công văn: no title block; ``V/v <trích yếu>`` under the number; ``kinh_gui``."""

    LOAI: ClassVar[LoaiVanBan] = LoaiVanBan.CONG_VAN
    KY_HIEU_DON_VI: ClassVar[bool] = True
    nguoi_ky: NguoiKy
    kinh_gui: list[str]
    noi_dung: str = ""

    def _check(self, problems: list[Problem]) -> None:
        self._require(problems, "kinh_gui")
        if not self.ky_hieu and not (self.don_vi_soan_thao or "").strip():
            problems.append(Problem.at(("don_vi_soan_thao",), (
                "ký hiệu công văn gồm chữ viết tắt tên cơ quan và tên đơn vị soạn thảo "
                f"(Số: …/{self.co_quan.viet_tat}-<đơn vị>); ghi don_vi_soan_thao (ví dụ VP) "
                "hoặc ghi đủ ky_hieu"
            )))  # fmt: skip


@dataclass(frozen=True, kw_only=True)
class QuyetDinh(VanBan):
    """Quyết định (QĐ): authority line, căn cứ, "Theo đề nghị của", then ``Điều 1.``…"""

    LOAI: ClassVar[LoaiVanBan] = LoaiVanBan.QUYET_DINH
    nguoi_ky: NguoiKy
    tham_quyen_ban_hanh: Text
    """The issuing authority line, e.g. ``Hiệu trưởng Trường THCS Quyết Tiến``."""
    dieu: list[str]
    """The articles, in the markup; ``Điều 1.``… is added."""
    can_cu: list[str] = field(default_factory=list)
    theo_de_nghi: str | None = None
    """Who proposed it: ``Chủ tịch Hội đồng tự đánh giá`` gives ``Theo đề nghị của …``."""

    def _check(self, problems: list[Problem]) -> None:
        self._require(problems, "tham_quyen_ban_hanh", "dieu")

    def _noi_nhan_dau(self) -> list[str]:
        return ["Như Điều 3"] if len(self.dieu) >= 3 else []

    def _can_cu(self) -> list[str]:
        return punctuated(self.can_cu, last=";" if self.theo_de_nghi else ".")

    def context(self) -> dict[str, Any]:
        de_nghi = _end(self.theo_de_nghi or "").removeprefix("Theo đề nghị của ")
        return {
            **super().context(),
            # broken only between word groups ("… TRƯỜNG PHỔ THÔNG / DÂN TỘC NỘI TRÚ TIÊN LÃNG")
            "tham_quyen_ban_hanh": " ".join(dong_ten_co_quan(self.tham_quyen_ban_hanh.upper())),
            "theo_de_nghi": f"Theo đề nghị của {de_nghi}." if de_nghi else "",
        }

    def body(self) -> list[Block]:
        """The articles, each opening with a bold ``Điều N.``."""
        blocks: list[Block] = []
        for number, text in enumerate(self.dieu, start=1):
            parsed = markup.parse(text) or [Paragraph(())]
            first = parsed[0]
            spans = (Span(f"Điều {number}. ", bold=True), *getattr(first, "spans", ()))
            blocks += [Paragraph(spans), *parsed[1:]]
        return with_end_mark(blocks)


def _thoi_diem(value: datetime | None, fallback_year: int) -> str:
    if value is None:
        return f"   giờ    phút, ngày    tháng    năm {fallback_year}"
    return f"{gio_phut(value)}, {ngay_thang_nam(value.date())}"


@dataclass(frozen=True, kw_only=True)
class BienBan(VanBan):
    """Biên bản (BB) of a meeting [NĐ30 mẫu 1.9]: no date line; signed by thư ký and chủ tọa."""

    LOAI: ClassVar[LoaiVanBan] = LoaiVanBan.BIEN_BAN
    thoi_gian_bat_dau: datetime
    dia_diem: Text
    thanh_phan: list[str]
    chu_toa: ThanhVien
    thu_ky: ThanhVien
    noi_dung: str = ""
    thoi_gian_ket_thuc: datetime | None = None

    def _check(self, problems: list[Problem]) -> None:
        self._require(problems, "dia_diem", "thanh_phan")
        end = self.thoi_gian_ket_thuc
        if end is not None and end < self.thoi_gian_bat_dau:
            problems.append(Problem.at(("thoi_gian_ket_thuc",), "kết thúc trước khi bắt đầu"))

    def context(self) -> dict[str, Any]:
        return {
            **super().context(),
            "thoi_gian_bat_dau": _thoi_diem(self.thoi_gian_bat_dau, self.ngay.nam),
            "ket_thuc": _thoi_diem(self.thoi_gian_ket_thuc, self.thoi_gian_bat_dau.year),
            "dia_diem": self.dia_diem,
            "thanh_phan": [x if x.startswith("- ") else f"- {x}" for x in self.thanh_phan],
            "chu_toa": str(self.chu_toa),
            "thu_ky": str(self.thu_ky),
            "chu_toa_ho_ten": self.chu_toa.ho_ten,
            "thu_ky_ho_ten": self.thu_ky.ho_ten,
        }

    def noi_nhan_dong(self) -> list[str]:
        """Mẫu 1.9's Nơi nhận under the thư ký's signature: the recipients, then
        ``- Lưu: VT, Hồ sơ.`` unless ``luu`` says otherwise."""
        if self.luu is None:
            return dataclasses.replace(self, luu=["VT", "Hồ sơ"]).noi_nhan_dong()
        return super().noi_nhan_dong()

    def body(self) -> list[Block]:
        """The minutes' content; the closing line ``Cuộc họp kết thúc vào …./.`` is the template's."""
        return markup.parse(self.noi_dung)
