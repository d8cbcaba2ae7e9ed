"""The typed model: documents, their parts, the registry of document types, and the inputs
(a school's assessment, its dossier, a managing body's plan). Pure: no I/O.

Layout: ``parts`` (CoQuan, NguoiKy, ThamQuyen, ThanhVien, PhuLuc) ← ``documents`` (VanBan and
one class per type) ← ``registry``; the inputs ``danh_gia``, ``ho_so``, ``ke_hoach``.
"""

from .danh_gia import BO_CHI_SO_MAC_DINH, DanhGia, KetQua
from .documents import BaoCao, BienBan, CongVan, KeHoach, QuyetDinh, ToTrinh, VanBan, trich_dan
from .ho_so import DEFAULT_ORDER, BoSung, CuocHop, HoiDong, HoSo, PartKey, SoNgay, TuDanhGia
from .ke_hoach import CAP_HOC, BangPhanCong, CoSo, Han, KeHoachTrienKhai, LienHe, PhanCong
from .parts import CoQuan, NguoiKy, PhuLuc, ThamQuyen, ThanhVien
from .registry import DOCUMENT_TYPES, REGISTRY, DocumentType, document_keys

__all__ = [
    "BO_CHI_SO_MAC_DINH",
    "CAP_HOC",
    "DEFAULT_ORDER",
    "DOCUMENT_TYPES",
    "REGISTRY",
    "BangPhanCong",
    "BaoCao",
    "BienBan",
    "BoSung",
    "CoQuan",
    "CoSo",
    "CongVan",
    "CuocHop",
    "DanhGia",
    "DocumentType",
    "Han",
    "HoSo",
    "HoiDong",
    "KeHoach",
    "KeHoachTrienKhai",
    "KetQua",
    "LienHe",
    "NguoiKy",
    "PartKey",
    "PhanCong",
    "PhuLuc",
    "QuyetDinh",
    "SoNgay",
    "ThamQuyen",
    "ThanhVien",
    "ToTrinh",
    "TuDanhGia",
    "VanBan",
    "document_keys",
    "trich_dan",
]
