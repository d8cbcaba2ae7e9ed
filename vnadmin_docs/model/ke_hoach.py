"""The inputs of a managing body's year: the plan (schools, deadlines, contact, the sets in
force) and the criterion assignment of a plan."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from ..vn.text import Record
from .danh_gia import BO_CHI_SO_MAC_DINH
from .ho_so import SoNgay
from .parts import CoQuan, NguoiKy

__all__ = ["CAP_HOC", "BangPhanCong", "CoSo", "Han", "KeHoachTrienKhai", "LienHe", "PhanCong"]

CAP_HOC: Final = ("Mầm non", "Tiểu học", "THCS", "THPT", "Phổ thông nhiều cấp", "GDTX", "Khác")
"""School levels in reporting order."""


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
    """The area, e.g. ``quận Ba Đình`` (since 2025 often a commune: ``phường Ba Đình``)."""
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
    bien: dict[str, str] = field(default_factory=dict)
    """Extra template variables for every document (``{{ bien.KEY }}``; see ``--mau``)."""

    def cap_hoc(self) -> list[str]:
        """The school levels of the plan's schools, in reporting order."""
        present = {c.cap_hoc for c in self.co_so}
        return [c for c in CAP_HOC if c in present] + sorted(present - set(CAP_HOC))
