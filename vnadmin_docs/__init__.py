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
from typing import TYPE_CHECKING, Any, Final

# The public names, imported on first use (PEP 562): ``vnadmin-docs dossier`` starts
# LibreOffice before the heavy libraries load, so that its start-up overlaps our work.
_EXPORTS: Final = {
    "Finding": "word.check", "check": "word.check",
    "Ngay": "vn.dates", "dia_danh_ngay": "vn.dates", "ngay_ngan": "vn.dates",
    "ngay_thang_nam": "vn.dates",
    "ConversionError": "errors", "InputError": "errors", "InvalidValueError": "errors",
    "ModelError": "errors", "Problem": "errors", "TemplateError": "errors",
    "VnAdminError": "errors",
    "document_from_data": "io", "load_document": "io", "schema": "io",
    "load_indicator_set": "io",
    "load_assessment": "app.loading", "load_dossier": "app.loading",
    "dossier_from": "app.loading", "build_dossier_bytes": "app.dossier",
    "DossierFiles": "app.dossier",
    "DOCUMENT_TYPES": "model", "BaoCao": "model", "BienBan": "model", "CoQuan": "model",
    "CongVan": "model", "KeHoach": "model", "NguoiKy": "model", "PhuLuc": "model",
    "QuyetDinh": "model", "ThamQuyen": "model", "ThanhVien": "model", "ToTrinh": "model",
    "VanBan": "model", "HoSo": "model", "DanhGia": "model",
    "VIET_TAT": "vn.numbering", "LoaiVanBan": "vn.numbering", "SoKyHieu": "vn.numbering",
    "dinh_dang_so": "vn.numbers", "phan_tram": "vn.numbers",
    "context": "word.render", "render": "word.render", "render_bytes": "word.render",
    "nfc": "vn.text",
    "chu_thanh_so": "vn.words", "so_thanh_chu": "vn.words",
    "Scorecard": "assessment.scorecard", "score": "assessment.scoring",
    "Dossier": "compose.dossier",
    "build_dossier": "app.dossier", "DossierResult": "app.dossier", "Context": "app.context",
}  # fmt: skip
_RENAMED: Final = {"parse_markup": ("vn.markup", "parse")}

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
    from .app.context import Context as Context
    from .app.dossier import DossierFiles as DossierFiles
    from .app.dossier import DossierResult as DossierResult
    from .app.dossier import build_dossier as build_dossier
    from .app.dossier import build_dossier_bytes as build_dossier_bytes
    from .app.loading import dossier_from as dossier_from
    from .app.loading import load_assessment as load_assessment
    from .app.loading import load_dossier as load_dossier
    from .assessment.scorecard import Scorecard as Scorecard
    from .assessment.scoring import score as score
    from .compose.dossier import Dossier as Dossier
    from .errors import ConversionError as ConversionError
    from .errors import InputError as InputError
    from .errors import InvalidValueError as InvalidValueError
    from .errors import ModelError as ModelError
    from .errors import Problem as Problem
    from .errors import TemplateError as TemplateError
    from .errors import VnAdminError as VnAdminError
    from .io import document_from_data as document_from_data
    from .io import load_document as load_document
    from .io import load_indicator_set as load_indicator_set
    from .io import schema as schema
    from .model import DOCUMENT_TYPES as DOCUMENT_TYPES
    from .model import BaoCao as BaoCao
    from .model import BienBan as BienBan
    from .model import CongVan as CongVan
    from .model import CoQuan as CoQuan
    from .model import DanhGia as DanhGia
    from .model import HoSo as HoSo
    from .model import KeHoach as KeHoach
    from .model import NguoiKy as NguoiKy
    from .model import PhuLuc as PhuLuc
    from .model import QuyetDinh as QuyetDinh
    from .model import ThamQuyen as ThamQuyen
    from .model import ThanhVien as ThanhVien
    from .model import ToTrinh as ToTrinh
    from .model import VanBan as VanBan
    from .vn.dates import Ngay as Ngay
    from .vn.dates import dia_danh_ngay as dia_danh_ngay
    from .vn.dates import ngay_ngan as ngay_ngan
    from .vn.dates import ngay_thang_nam as ngay_thang_nam
    from .vn.markup import parse as parse_markup
    from .vn.numbering import VIET_TAT as VIET_TAT
    from .vn.numbering import LoaiVanBan as LoaiVanBan
    from .vn.numbering import SoKyHieu as SoKyHieu
    from .vn.numbers import dinh_dang_so as dinh_dang_so
    from .vn.numbers import phan_tram as phan_tram
    from .vn.text import nfc as nfc
    from .vn.words import chu_thanh_so as chu_thanh_so
    from .vn.words import so_thanh_chu as so_thanh_chu
    from .word.check import Finding as Finding
    from .word.check import check as check
    from .word.render import context as context
    from .word.render import render as render
    from .word.render import render_bytes as render_bytes
