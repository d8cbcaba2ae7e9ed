"""The typed document model: one dataclass per document type, and the parts they share.

Every string that enters the model is normalised to Unicode NFC. Constructors check what a
single object can know (a valid ký hiệu, a signer whose authority needs a "for whom"), and
report every problem of that object at once in a :class:`ModelError`.

>>> from vnadmin_docs.dates import Ngay
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

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Annotated, Any, ClassVar

from .dates import Ngay, ngay_ngan
from .markup import Block
from .numbering import LoaiVanBan, SoKyHieu
from .text import Record

__all__ = [
    "DOCUMENT_TYPES",
    "BaoCao",
    "BienBan",
    "CoQuan",
    "CongVan",
    "KeHoach",
    "ModelError",
    "NguoiKy",
    "PhuLuc",
    "QuyetDinh",
    "ThamQuyen",
    "ThanhVien",
    "ToTrinh",
    "VanBan",
    "trich_dan",
]


class _Check:
    """``Annotated`` metadata: a check the input loader runs while validating the field itself,
    so that a bad field is reported together with every other problem of the input.
    Plain Python callers get the same checks from ``__post_init__``."""

    def __init__(self, check: Any) -> None:
        self.check = check

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        def run(value: Any) -> Any:
            if value is not None:
                self.check(value)
            return value

        return core_schema.no_info_after_validator_function(run, handler(source))


def _check_nonblank(value: str) -> None:
    if not value.strip():
        raise ValueError("không được để trống")


def _check_so(value: int) -> None:
    if isinstance(value, bool) or value < 1:
        raise ValueError(f"số văn bản phải là số nguyên dương, không phải {value!r}")


def _check_ky_hieu(value: str) -> None:
    SoKyHieu(None, value)


Text = Annotated[str, _Check(_check_nonblank)]
"""A string that must not be blank."""
KyHieu = Annotated[str, _Check(_check_nonblank), _Check(_check_ky_hieu)]
So = Annotated[int, _Check(_check_so)]


class ModelError(ValueError):
    """Every problem one model object found in itself: ``problems`` is ``[(field, message)]``."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{f}: {m}" if f else m for f, m in problems))


def _raise(problems: list[tuple[str, str]]) -> None:
    if problems:
        raise ModelError(problems)


def _nonblank(obj: Any, names: tuple[str, ...], problems: list[tuple[str, str]]) -> None:
    for name in names:
        value = getattr(obj, name)
        if isinstance(value, str) and not value.strip():
            problems.append((name, "không được để trống"))


class ThamQuyen(Enum):
    """Signing authority [NĐ30 Phụ lục I II.7.b]; the value is how input files write it."""

    KHONG = ""
    TM = "TM"
    KT = "KT"
    Q = "Q"
    TL = "TL"
    TUQ = "TUQ"

    @property
    def tien_to(self) -> str:
        """The printed prefix: ``KT.``, or ``""`` when the head signs."""
        return f"{self.value}." if self.value else ""


@dataclass(frozen=True, kw_only=True)
class CoQuan(Record):
    """An issuing body: its name, its abbreviation for ký hiệu, its place name, its parent."""

    ten: Text
    """Name in normal case, e.g. ``Trung tâm GDNN-GDTX huyện Thanh Trì`` (headers print it in capitals)."""
    viet_tat: KyHieu
    """Abbreviation used in ký hiệu, e.g. ``GDNN-GDTXTT``."""
    dia_danh: Text
    """Place name of the date line, e.g. ``Thanh Trì``."""
    chu_quan: str | None = None
    """The managing body printed above the name, e.g. ``UBND huyện Thanh Trì``."""
    ten_ngan: str | None = None
    """A short name for citations, e.g. ``Phòng GDĐT``; defaults to ``ten``."""

    def __post_init__(self) -> None:
        super().__post_init__()
        problems: list[tuple[str, str]] = []
        _nonblank(self, ("ten", "viet_tat", "dia_danh"), problems)
        if self.viet_tat.strip():
            try:
                SoKyHieu(None, self.viet_tat)
            except ValueError as exc:
                problems.append(("viet_tat", str(exc)))
        _raise(problems)

    @property
    def ten_goi(self) -> str:
        return self.ten_ngan or self.ten


@dataclass(frozen=True, kw_only=True)
class NguoiKy(Record):
    """The signer: authority prefix, the head's title it signs for, own title and name.

    >>> NguoiKy(tham_quyen=ThamQuyen.KT, thay_mat="Giám đốc", chuc_vu="Phó Giám đốc",
    ...         ho_ten="Phạm Quốc Hiệu").dong_chuc_danh
    ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']
    >>> NguoiKy(tham_quyen=ThamQuyen.Q, chuc_vu="Hiệu trưởng", ho_ten="A").dong_chuc_danh
    ['Q. HIỆU TRƯỞNG']
    """

    chuc_vu: Text
    ho_ten: Text
    tham_quyen: ThamQuyen = ThamQuyen.KHONG
    thay_mat: str | None = None
    """For TM./KT./TL./TUQ.: the collective body or head signed for (``Giám đốc``)."""

    def __post_init__(self) -> None:
        super().__post_init__()
        problems: list[tuple[str, str]] = []
        _nonblank(self, ("chuc_vu", "ho_ten"), problems)
        needs = self.tham_quyen in (ThamQuyen.TM, ThamQuyen.KT, ThamQuyen.TL, ThamQuyen.TUQ)
        if needs and not (self.thay_mat or "").strip():
            problems.append(
                (
                    "thay_mat",
                    f"ký {self.tham_quyen.tien_to} phải ghi ký thay mặt/thay ai (thay_mat)",
                )
            )
        if not needs and self.thay_mat:
            problems.append(("thay_mat", "chỉ dùng với thẩm quyền TM, KT, TL hoặc TUQ"))
        _raise(problems)

    @property
    def dong_chuc_danh(self) -> list[str]:
        """The title lines of the signature block, in capitals."""
        if self.tham_quyen is ThamQuyen.KHONG:
            return [self.chuc_vu.upper()]
        if self.tham_quyen is ThamQuyen.Q:
            return [f"Q. {self.chuc_vu.upper()}"]
        assert self.thay_mat is not None
        return [f"{self.tham_quyen.tien_to} {self.thay_mat.upper()}", self.chuc_vu.upper()]


@dataclass(frozen=True, kw_only=True)
class ThanhVien(Record):
    """A person at a meeting: name and role (``Lương Anh Khương``, ``Hiệu trưởng``)."""

    ho_ten: Text
    chuc_vu: str = ""

    def __post_init__(self) -> None:
        super().__post_init__()
        problems: list[tuple[str, str]] = []
        _nonblank(self, ("ho_ten",), problems)
        _raise(problems)

    def __str__(self) -> str:
        return f"{self.ho_ten} - {self.chuc_vu}" if self.chuc_vu else self.ho_ten


@dataclass(frozen=True, kw_only=True)
class PhuLuc(Record):
    """An appendix: title, body in the markup, landscape or not."""

    tieu_de: Text
    noi_dung: str = ""
    ngang: bool = False
    """Landscape pages, for wide tables."""
    ten: str | None = None
    """Overrides the label (``Phụ lục I``; ``PHỤ LỤC`` when there is only one)."""
    kem_theo: str | None = None
    """Overrides the ``(Kèm theo …)`` line."""
    khoi: tuple[Block, ...] = ()
    """Blocks built in code (e.g. a scored table), placed after ``noi_dung``."""

    def __post_init__(self) -> None:
        super().__post_init__()
        problems: list[tuple[str, str]] = []
        _nonblank(self, ("tieu_de",), problems)
        _raise(problems)


def trich_dan(loai: LoaiVanBan, so_ky_hieu: SoKyHieu, ngay: Ngay) -> str:
    """A citation: ``Quyết định số 01/QĐ-THCSQT ngày 05/02/2024``.

    >>> trich_dan(LoaiVanBan.QUYET_DINH, SoKyHieu(1, "QĐ-THCSQT"), Ngay(2024, 2, 5))
    'Quyết định số 01/QĐ-THCSQT ngày 05/02/2024'
    """
    return f"{loai.ten} số {so_ky_hieu} ngày {ngay_ngan(ngay)}"


def _roman(n: int) -> str:
    numerals = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, letters in numerals:
        while n >= value:
            out += letters
            n -= value
    return out


def _strip_end(item: str) -> str:
    item = item.strip()
    item = item[2:] if item.startswith("- ") else item
    return item.rstrip(" ;.")


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
        problems: list[tuple[str, str]] = []
        _nonblank(self, ("trich_yeu",), problems)
        if self.so is not None and (isinstance(self.so, bool) or self.so < 1):
            problems.append(("so", f"số văn bản phải là số nguyên dương, không phải {self.so!r}"))
        try:
            SoKyHieu(None, self.ky_hieu_day_du)
        except ValueError as exc:
            problems.append(("ky_hieu" if self.ky_hieu else "don_vi_soan_thao", str(exc)))
        self._check(problems)
        _raise(problems)

    def _check(self, problems: list[tuple[str, str]]) -> None:
        """Type-specific checks; subclasses append ``(field, message)`` pairs."""

    @property
    def ky_hieu_day_du(self) -> str:
        if self.ky_hieu:
            return self.ky_hieu
        groups = [self.LOAI.viet_tat, self.co_quan.viet_tat, self.don_vi_soan_thao]
        return "-".join(g for g in groups if g)

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
        return "PHỤ LỤC" if len(self.phu_luc) == 1 else f"Phụ lục {_roman(index + 1)}"

    def kem_theo(self, index: int) -> str:
        pl = self.phu_luc[index]
        if pl.kem_theo:
            return pl.kem_theo
        return f"(Kèm theo {self.trich_dan} của {self.co_quan.ten_goi})"


def _nonempty_list(obj: Any, name: str, problems: list[tuple[str, str]]) -> None:
    if not [x for x in getattr(obj, name) if x.strip()]:
        problems.append((name, "phải có ít nhất một mục"))


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

    def _check(self, problems: list[tuple[str, str]]) -> None:
        _nonempty_list(self, "kinh_gui", problems)


@dataclass(frozen=True, kw_only=True)
class CongVan(VanBan):
    """Công văn: no title block; ``V/v <trích yếu>`` under the number; ``kinh_gui``."""

    LOAI: ClassVar[LoaiVanBan] = LoaiVanBan.CONG_VAN
    nguoi_ky: NguoiKy
    kinh_gui: list[str]
    noi_dung: str = ""

    def _check(self, problems: list[tuple[str, str]]) -> None:
        _nonempty_list(self, "kinh_gui", problems)


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

    def _check(self, problems: list[tuple[str, str]]) -> None:
        _nonblank(self, ("tham_quyen_ban_hanh",), problems)
        _nonempty_list(self, "dieu", problems)

    def _noi_nhan_dau(self) -> list[str]:
        return ["Như Điều 3"] if len(self.dieu) >= 3 else []


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

    def _check(self, problems: list[tuple[str, str]]) -> None:
        _nonblank(self, ("dia_diem",), problems)
        _nonempty_list(self, "thanh_phan", problems)
        end = self.thoi_gian_ket_thuc
        if end is not None and end < self.thoi_gian_bat_dau:
            problems.append(("thoi_gian_ket_thuc", "kết thúc trước khi bắt đầu"))


DOCUMENT_TYPES: dict[LoaiVanBan, type[VanBan]] = {
    cls.LOAI: cls for cls in (KeHoach, BaoCao, QuyetDinh, BienBan, ToTrinh, CongVan)
}
"""The registry: every document type and its class (each also has a template)."""
