"""vnadmin_docs: Vietnamese official documents the way Nghị định 30/2020/NĐ-CP prescribes them.

Describe a document once, as data or in Python, and get a Word file a school can still edit:

>>> from vnadmin_docs import CoQuan, Ngay, NguoiKy, QuyetDinh, context
>>> qd = QuyetDinh(
...     co_quan=CoQuan(ten="Trường THCS Quyết Tiến", viet_tat="THCSQT", dia_danh="Quyết Tiến"),
...     so=2, ngay=Ngay(2024, 2, 5), trich_yeu="Về việc phê duyệt kết quả tự đánh giá",
...     nguoi_ky=NguoiKy(chuc_vu="Hiệu trưởng", ho_ten="Lương Anh Khương"),
...     tham_quyen_ban_hanh="Hiệu trưởng Trường THCS Quyết Tiến",
...     dieu=["Phê duyệt.", "Hiệu lực từ ngày ký.", "Thi hành."])
>>> context(qd)["so_ky_hieu"], context(qd)["dia_danh_ngay"]
('Số: 02/QĐ-THCSQT', 'Quyết Tiến, ngày 05 tháng 02 năm 2024')

``render(qd, "qd.docx")`` writes the file; ``check("qd.docx")`` checks any .docx against NĐ30.
"""

__version__ = "0.1.0"

import importlib
from typing import TYPE_CHECKING, Any

# The public names, imported on first use (PEP 562): ``vnadmin-docs dossier`` starts
# LibreOffice before the heavy libraries load, so that its start-up overlaps our work.
_EXPORTS = {
    "Finding": "checker", "check": "checker",
    "Ngay": "dates", "dia_danh_ngay": "dates", "ngay_ngan": "dates", "ngay_thang_nam": "dates",
    "ConversionError": "errors", "InputError": "errors", "Problem": "errors",
    "TemplateError": "errors", "VnAdminError": "errors",
    "document_from_data": "loader", "load_document": "loader", "schema": "loader",
    "load_assessment": "loader", "load_dossier": "loader", "load_indicator_set": "loader",
    "DOCUMENT_TYPES": "model", "BaoCao": "model", "BienBan": "model", "CoQuan": "model",
    "CongVan": "model", "KeHoach": "model", "NguoiKy": "model", "PhuLuc": "model",
    "QuyetDinh": "model", "ThamQuyen": "model", "ThanhVien": "model", "ToTrinh": "model",
    "VanBan": "model",
    "VIET_TAT": "numbering", "LoaiVanBan": "numbering", "SoKyHieu": "numbering",
    "dinh_dang_so": "numbers", "phan_tram": "numbers",
    "context": "rendering", "render": "rendering", "render_bytes": "rendering",
    "nfc": "text",
    "chu_thanh_so": "words", "so_thanh_chu": "words",
    "Scorecard": "scoring", "score": "scoring",
    "build_dossier": "build", "DossierResult": "build",
}  # fmt: skip
_RENAMED = {"parse_markup": ("markup", "parse")}

__all__ = ["__version__", "parse_markup", *_EXPORTS]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        module, attr = _EXPORTS[name], name
    elif name in _RENAMED:
        module, attr = _RENAMED[name]
    else:
        raise AttributeError(f"module 'vnadmin_docs' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


if TYPE_CHECKING:
    from .build import DossierResult as DossierResult
    from .build import build_dossier as build_dossier
    from .checker import Finding as Finding
    from .checker import check as check
    from .dates import Ngay as Ngay
    from .dates import dia_danh_ngay as dia_danh_ngay
    from .dates import ngay_ngan as ngay_ngan
    from .dates import ngay_thang_nam as ngay_thang_nam
    from .errors import ConversionError as ConversionError
    from .errors import InputError as InputError
    from .errors import Problem as Problem
    from .errors import TemplateError as TemplateError
    from .errors import VnAdminError as VnAdminError
    from .loader import document_from_data as document_from_data
    from .loader import load_assessment as load_assessment
    from .loader import load_document as load_document
    from .loader import load_dossier as load_dossier
    from .loader import load_indicator_set as load_indicator_set
    from .loader import schema as schema
    from .markup import parse as parse_markup
    from .model import DOCUMENT_TYPES as DOCUMENT_TYPES
    from .model import BaoCao as BaoCao
    from .model import BienBan as BienBan
    from .model import CongVan as CongVan
    from .model import CoQuan as CoQuan
    from .model import KeHoach as KeHoach
    from .model import NguoiKy as NguoiKy
    from .model import PhuLuc as PhuLuc
    from .model import QuyetDinh as QuyetDinh
    from .model import ThamQuyen as ThamQuyen
    from .model import ThanhVien as ThanhVien
    from .model import ToTrinh as ToTrinh
    from .model import VanBan as VanBan
    from .numbering import VIET_TAT as VIET_TAT
    from .numbering import LoaiVanBan as LoaiVanBan
    from .numbering import SoKyHieu as SoKyHieu
    from .numbers import dinh_dang_so as dinh_dang_so
    from .numbers import phan_tram as phan_tram
    from .rendering import context as context
    from .rendering import render as render
    from .rendering import render_bytes as render_bytes
    from .scoring import Scorecard as Scorecard
    from .scoring import score as score
    from .text import nfc as nfc
    from .words import chu_thanh_so as chu_thanh_so
    from .words import so_thanh_chu as so_thanh_chu
