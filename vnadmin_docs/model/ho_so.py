"""The input of a school's annual self-assessment dossier (hồ sơ tự đánh giá)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Final, Literal

from ..errors import InvalidValueError
from ..vn.dates import Ngay
from ..vn.text import Record
from ._checks import So
from .danh_gia import BO_CHI_SO_MAC_DINH, KetQua
from .parts import CoQuan, NguoiKy, ThanhVien

__all__ = [
    "DEFAULT_ORDER",
    "BoSung",
    "CuocHop",
    "HoSo",
    "HoiDong",
    "PartKey",
    "SoNgay",
    "TuDanhGia",
]

PartKey = Literal["bia", "to_trinh", "bien_ban", "bao_cao", "quyet_dinh"]
DEFAULT_ORDER: Final[tuple[PartKey, ...]] = (
    "bia", "to_trinh", "bien_ban", "bao_cao", "quyet_dinh",
)  # fmt: skip
"""The order of seed 001, II.4.b: Bìa (M1), Tờ trình (M2), Biên bản (M3), Báo cáo (M4), Quyết định."""


@dataclass(frozen=True, kw_only=True)
class SoNgay(Record):
    """The number and date of one document of the dossier (``so: null`` for a draft)."""

    so: So | None = None
    ngay: Ngay


@dataclass(frozen=True, kw_only=True)
class CuocHop(SoNgay):
    """The council's meeting: the Biên bản's number and date, when and where."""

    bat_dau: datetime
    ket_thuc: datetime | None = None
    dia_diem: str


@dataclass(frozen=True, kw_only=True)
class HoiDong(Record):
    """The self-assessment council: chair, secretary, members, and the decision that set it up."""

    chu_tich: ThanhVien
    thu_ky: ThanhVien
    thanh_vien: list[ThanhVien] = field(default_factory=list)
    quyet_dinh_thanh_lap: SoNgay | None = None


@dataclass(frozen=True, kw_only=True)
class TuDanhGia(Record):
    """The self-assessment given inline in the dossier input (or a path to a file instead)."""

    bo_chi_so: str = BO_CHI_SO_MAC_DINH
    ket_qua: dict[str, KetQua] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class BoSung(Record):
    """Optional extra prose per document, in the body markup."""

    to_trinh: str = ""
    bien_ban: str = ""
    bao_cao: str = ""


@dataclass(frozen=True, kw_only=True)
class HoSo(Record):
    """One school's dossier for one school year."""

    nam_hoc: str
    """``2024-2025``."""
    co_quan: CoQuan
    cap_hoc: str | None = None
    """The school level for aggregation (``THCS``…); guessed from the name when absent."""
    co_quan_quan_ly: str
    """The managing body the Tờ trình and Báo cáo go to, e.g. ``Phòng Giáo dục và Đào tạo huyện Tiên Lãng``."""
    thu_truong: NguoiKy
    """The head of the school, who signs the Tờ trình, the Báo cáo and the Quyết định."""
    hoi_dong: HoiDong
    bien_ban: CuocHop
    bao_cao: SoNgay
    to_trinh: SoNgay
    quyet_dinh: SoNgay
    tu_danh_gia: str | TuDanhGia
    """The assessment inline, or the path of an assessment file (relative to this file)."""
    can_cu: list[str] = field(default_factory=list)
    """Extra legal bases for the Báo cáo, Tờ trình and Quyết định (e.g. the managing body's plan)."""
    bo_sung: BoSung = field(default_factory=BoSung)
    thu_tu: list[PartKey] = field(default_factory=lambda: list(DEFAULT_ORDER))
    """The order of the parts in the bound dossier."""
    bien: dict[str, str] = field(default_factory=dict)
    """Extra template variables for every document (``{{ bien.KEY }}``; see ``--mau``)."""

    def __post_init__(self) -> None:
        super().__post_init__()
        if sorted(self.thu_tu) != sorted(DEFAULT_ORDER):
            valid = ", ".join(DEFAULT_ORDER)
            raise InvalidValueError(f"thu_tu phải gồm đúng một lần mỗi phần: {valid}")
