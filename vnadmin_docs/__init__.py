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

from .check import Finding, check
from .dates import Ngay, dia_danh_ngay, ngay_ngan, ngay_thang_nam
from .errors import ConversionError, InputError, Problem, TemplateError, VnAdminError
from .loader import document_from_data, load_document, schema
from .markup import parse as parse_markup
from .model import (
    DOCUMENT_TYPES,
    BaoCao,
    BienBan,
    CongVan,
    CoQuan,
    KeHoach,
    NguoiKy,
    PhuLuc,
    QuyetDinh,
    ThamQuyen,
    ThanhVien,
    ToTrinh,
    VanBan,
)
from .numbering import VIET_TAT, LoaiVanBan, SoKyHieu
from .numbers import dinh_dang_so, phan_tram
from .render import context, render, render_bytes
from .text import nfc
from .words import chu_thanh_so, so_thanh_chu

__all__ = [
    "DOCUMENT_TYPES",
    "VIET_TAT",
    "BaoCao",
    "BienBan",
    "CoQuan",
    "CongVan",
    "ConversionError",
    "Finding",
    "InputError",
    "KeHoach",
    "LoaiVanBan",
    "Ngay",
    "NguoiKy",
    "PhuLuc",
    "Problem",
    "QuyetDinh",
    "SoKyHieu",
    "TemplateError",
    "ThamQuyen",
    "ThanhVien",
    "ToTrinh",
    "VanBan",
    "VnAdminError",
    "__version__",
    "check",
    "chu_thanh_so",
    "context",
    "dia_danh_ngay",
    "dinh_dang_so",
    "document_from_data",
    "load_document",
    "nfc",
    "ngay_ngan",
    "ngay_thang_nam",
    "parse_markup",
    "phan_tram",
    "render",
    "render_bytes",
    "schema",
    "so_thanh_chu",
]
