"""The typed model: documents, their parts, the registry of document types, and the inputs
(a school's assessment, its dossier, a managing body's plan). Pure: no I/O.

Layout: ``parts`` (CoQuan, NguoiKy, ThamQuyen, ThanhVien, PhuLuc) ← ``documents`` (VanBan and
one class per type) ← ``registry``; the inputs ``danh_gia``, ``ho_so``, ``ke_hoach``. The
names are imported when first used (PEP 562): counting schools needs no document classes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from .._lazy import lazy_exports

_WHERE: Final = {
    "BO_CHI_SO_MAC_DINH": "danh_gia",
    "DanhGia": "danh_gia",
    "KetQua": "danh_gia",
    "BaoCao": "documents",
    "BienBan": "documents",
    "CongVan": "documents",
    "KeHoach": "documents",
    "QuyetDinh": "documents",
    "ToTrinh": "documents",
    "VanBan": "documents",
    "trich_dan": "documents",
    "DEFAULT_ORDER": "ho_so",
    "BoSung": "ho_so",
    "CuocHop": "ho_so",
    "HoiDong": "ho_so",
    "HoSo": "ho_so",
    "PartKey": "ho_so",
    "SoNgay": "ho_so",
    "TuDanhGia": "ho_so",
    "CAP_HOC": "danh_gia",
    "BangPhanCong": "ke_hoach",
    "CoSo": "ke_hoach",
    "Han": "ke_hoach",
    "KeHoachTrienKhai": "ke_hoach",
    "LienHe": "ke_hoach",
    "PhanCong": "ke_hoach",
    "CoQuan": "parts",
    "NguoiKy": "parts",
    "PhuLuc": "parts",
    "ThamQuyen": "parts",
    "ThanhVien": "parts",
    "DOCUMENT_TYPES": "registry",
    "REGISTRY": "registry",
    "DocumentType": "registry",
    "document_keys": "registry",
}

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

__getattr__, __dir__ = lazy_exports(__name__, _WHERE, globals())

if TYPE_CHECKING:
    from .danh_gia import BO_CHI_SO_MAC_DINH as BO_CHI_SO_MAC_DINH
    from .danh_gia import CAP_HOC as CAP_HOC
    from .danh_gia import DanhGia as DanhGia
    from .danh_gia import KetQua as KetQua
    from .documents import BaoCao as BaoCao
    from .documents import BienBan as BienBan
    from .documents import CongVan as CongVan
    from .documents import KeHoach as KeHoach
    from .documents import QuyetDinh as QuyetDinh
    from .documents import ToTrinh as ToTrinh
    from .documents import VanBan as VanBan
    from .documents import trich_dan as trich_dan
    from .ho_so import DEFAULT_ORDER as DEFAULT_ORDER
    from .ho_so import BoSung as BoSung
    from .ho_so import CuocHop as CuocHop
    from .ho_so import HoiDong as HoiDong
    from .ho_so import HoSo as HoSo
    from .ho_so import PartKey as PartKey
    from .ho_so import SoNgay as SoNgay
    from .ho_so import TuDanhGia as TuDanhGia
    from .ke_hoach import BangPhanCong as BangPhanCong
    from .ke_hoach import CoSo as CoSo
    from .ke_hoach import Han as Han
    from .ke_hoach import KeHoachTrienKhai as KeHoachTrienKhai
    from .ke_hoach import LienHe as LienHe
    from .ke_hoach import PhanCong as PhanCong
    from .parts import CoQuan as CoQuan
    from .parts import NguoiKy as NguoiKy
    from .parts import PhuLuc as PhuLuc
    from .parts import ThamQuyen as ThamQuyen
    from .parts import ThanhVien as ThanhVien
    from .registry import DOCUMENT_TYPES as DOCUMENT_TYPES
    from .registry import REGISTRY as REGISTRY
    from .registry import DocumentType as DocumentType
    from .registry import document_keys as document_keys
