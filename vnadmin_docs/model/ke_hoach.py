"""The inputs of a managing body's year: the plan (schools, deadlines, contact, the sets in
force) and the criterion assignment of a plan."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..errors import ModelError, Problem
from ..vn.text import Record
from .danh_gia import BO_CHI_SO_MAC_DINH, CAP_HOC
from .ho_so import SoNgay
from .parts import CoQuan, NguoiKy

__all__ = [
    "CAP_HOC",
    "BangPhanCong",
    "CapQuanLy",
    "CoSo",
    "Han",
    "KeHoachTrienKhai",
    "LienHe",
    "PhanCong",
]

CapQuanLy = Literal["phong", "xa", "so"]
"""Who manages the schools: ``phong`` (a district's Phòng GDĐT, until 30/6/2025), ``xa`` (since
01/7/2025 the commune, UBND xã/phường, for preschools, primary and lower-secondary schools; its
Phòng Văn hóa - Xã hội follows education), ``so`` (the Sở GDĐT, for upper-secondary schools and
GDNN-GDTX centres)."""


@dataclass(frozen=True, kw_only=True)
class PhanCong(Record):
    """Who leads (``chu_tri``) and who does (``thuc_hien``) the work on one criterion."""

    chu_tri: str = ""
    thuc_hien: str = ""


@dataclass(frozen=True, kw_only=True)
class BangPhanCong(Record):
    """An assignment input: which indicator set, the appendix title, and who does what."""

    bo_chi_so: str = BO_CHI_SO_MAC_DINH
    tieu_de: str = "Hướng dẫn triển khai đánh giá mức độ chuyển đổi số của các đơn vị"
    phan_cong: dict[str, PhanCong] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class LienHe(Record):
    """The contact person for schools' questions."""

    ho_ten: str
    chuc_vu: str = "Chuyên viên"
    email: str = ""
    dien_thoai: str = ""


@dataclass(frozen=True, kw_only=True)
class CoSo(Record):
    """A school under the managing body."""

    ten: str
    cap_hoc: str


@dataclass(frozen=True, kw_only=True)
class Han(Record):
    """The year's deadlines, as the plan prints them (``Tháng 4/2025``, ``Trước 31/3/2025``)."""

    ban_hanh_ke_hoach: str
    tu_danh_gia: str
    danh_gia_ngoai: str
    cong_nhan: str
    cap_nhat_csdl_truong: str
    cap_nhat_csdl: str
    bao_cao: str
    """When schools' reports are due to the managing body (the Công văn)."""


@dataclass(frozen=True, kw_only=True)
class KeHoachTrienKhai(Record):
    """The managing body's year: who it is, its schools, deadlines, contact, the sets in force."""

    nam_hoc: str
    co_quan: CoQuan
    dia_ban: str
    """The area as printed, e.g. ``quận Ba Đình`` (until 2025), ``xã Xuân Đông``, ``thành phố
    Hải Phòng``: the texts never add "quận/huyện" themselves."""
    co_quan_cap_tren: str
    """Where the summary goes, e.g. ``Sở GDĐT Hà Nội``."""
    nguoi_ky: NguoiKy
    lien_he: LienHe
    han: Han
    ke_hoach: SoNgay
    cong_van: SoNgay
    bao_cao_tong_hop: SoNgay | None = None
    bo_chi_so: list[str] = field(default_factory=lambda: [BO_CHI_SO_MAC_DINH])
    co_so: list[CoSo] = field(default_factory=list)
    can_cu: list[str] = field(default_factory=list)
    noi_nhan: list[str] = field(default_factory=list)
    phan_cong: dict[str, PhanCong] = field(default_factory=dict)
    don_vi_soan_thao: str | None = None
    """The drafting unit (``VP``, a commune's ``VHXH``): the Công văn's ký hiệu
    (``Số: …/UBND-VHXH``) and every ``Lưu:`` line. Required: the plan kit has a Công văn."""
    bien: dict[str, str] = field(default_factory=dict)
    """Extra template variables for every document (``{{ bien.KEY }}``; see ``--mau``)."""
    cap_quan_ly: CapQuanLy = "phong"
    """Selects the wording of "Tổ chức thực hiện" (``compose/texts/to_chuc_thuc_hien_<cap>.md``)."""
    don_vi_tham_muu: str | None = None
    """The unit that advises the issuer on education and acts for it in the plan; for a commune
    default ``Phòng Văn hóa - Xã hội``."""

    def __post_init__(self) -> None:
        super().__post_init__()
        if not (self.don_vi_soan_thao or "").strip():
            message = (
                "bộ kế hoạch có công văn, mà ký hiệu công văn phải có đơn vị soạn thảo "
                f"(Số: …/{self.co_quan.viet_tat}-<đơn vị>): ghi don_vi_soan_thao (ví dụ VP)"
            )
            raise ModelError([Problem.at(("don_vi_soan_thao",), message)])

    @property
    def tham_muu(self) -> str | None:
        """Who acts for the issuer in the plan (``Phòng Văn hóa - Xã hội`` for a commune)."""
        if self.don_vi_tham_muu:
            return self.don_vi_tham_muu
        return "Phòng Văn hóa - Xã hội" if self.cap_quan_ly == "xa" else None

    def cap_hoc(self) -> list[str]:
        """The school levels of the plan's schools, in reporting order."""
        present = {c.cap_hoc for c in self.co_so}
        return [c for c in CAP_HOC if c in present] + sorted(present - set(CAP_HOC))
