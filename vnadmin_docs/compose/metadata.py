"""The metadata of NĐ30 Phụ lục VI for a PDF: every document in it, by the decree's field names.

Phụ lục VI (Hệ thống quản lý tài liệu điện tử), Phần II "Chuẩn thông tin đầu vào", Mục I lists
the fields of an outgoing document (văn bản đi); those a produced document knows are written:

=============  ===========================================  ==========================
field          Phụ lục VI                                   from the model
=============  ===========================================  ==========================
DocOrdinal     2. Số thứ tự văn bản trong hồ sơ             position in the PDF
TypeName       3. Tên loại văn bản                          ``LOAI.ten``
CodeNumber     4. Số của văn bản                            ``so`` as printed (``01``)
CodeNotation   5. Ký hiệu của văn bản                       ``ky_hieu_day_du``
IssuedDate     6. Ngày, tháng, năm văn bản                  ``ngay``, ISO 8601
OrganName      7. Tên cơ quan, tổ chức ban hành văn bản     ``co_quan.ten``
Subject        8. Trích yếu nội dung                        ``trich_yeu``
Language       9. Ngôn ngữ                                  ``vi``
PageAmount     10. Số trang của văn bản                     pages in the PDF
Description    11. Ghi chú                                  see below
SignerInfo     12. Chức vụ, họ tên người ký:                ``nguoi_ky`` (a Biên bản:
               12.1 Position, 12.2 FullName                 its chủ tọa)
=============  ===========================================  ==========================

(Some transcriptions of the decree print ``Signerlnfo`` and ``Organld``, a lower-case L read
for the capital I: the names are ``SignerInfo`` and ``OrganId``.) Not written: FileCode (the
office's own file code), To, Priority, IssuedAmount, DueDate, which a produced document does not
know. A draft (no số, or a date not complete yet) has an empty CodeNumber and IssuedDate. The
file-level fields come from Mục III (hồ sơ): Title, Language, StartDate and EndDate (the first
and last IssuedDate), DocTotal (the numbered documents: văn bản) and PageTotal (every page).
Parts that are not documents — the Bìa, the mục lục page, a bare table — are listed too
(:class:`Unnumbered`), so that the PageAmounts add up to PageTotal.

Pure: no file is read or written here (``build.write_metadata`` writes them).

>>> from vnadmin_docs.vn.dates import Ngay
>>> from vnadmin_docs.model import CoQuan, NguoiKy, QuyetDinh
>>> cq = CoQuan(ten="Trường THCS Quyết Tiến", viet_tat="THCSQT", dia_danh="Quyết Tiến")
>>> qd = QuyetDinh(co_quan=cq, so=5, ngay=Ngay(2024, 2, 7), trich_yeu="Về việc phê duyệt",
...     nguoi_ky=NguoiKy(chuc_vu="Hiệu trưởng", ho_ten="Lương Anh Khương"),
...     tham_quyen_ban_hanh="Hiệu trưởng", dieu=["Phê duyệt."])
>>> data = metadata([(qd, 2)], title="Quyết định 05/QĐ-THCSQT")
>>> d = data["Documents"][0]
>>> d["CodeNumber"], d["CodeNotation"], d["IssuedDate"], d["PageAmount"], d["SignerInfo"]
('05', 'QĐ-THCSQT', '2024-02-07', 2, {'Position': 'Hiệu trưởng', 'FullName': 'Lương Anh Khương'})
>>> "<CodeNotation>QĐ-THCSQT</CodeNotation>" in metadata_xml(data)
True
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..model import BienBan, NguoiKy, ThamQuyen, VanBan
from .dossier import Bia

__all__ = ["STANDARD", "Unnumbered", "metadata", "metadata_xml"]

STANDARD = "Nghị định 30/2020/NĐ-CP, Phụ lục VI, Phần II"
LANGUAGE = "vi"


@dataclass(frozen=True)
class Unnumbered:
    """A part that is not a numbered document: the mục lục page, a table on its own."""

    type_name: str
    subject: str
    organ_name: str = ""


Part = VanBan | Bia | Unnumbered


def _signer(doc: VanBan) -> tuple[dict[str, str], str]:
    """SignerInfo and a note (who else signs, or the signing authority)."""
    if isinstance(doc, BienBan):
        info = {"Position": doc.chu_toa.chuc_vu, "FullName": doc.chu_toa.ho_ten}
        return info, f"Chủ tọa ký; thư ký: {doc.thu_ky}"
    signer = getattr(doc, "nguoi_ky", None)
    if not isinstance(signer, NguoiKy):
        return {"Position": "", "FullName": ""}, ""
    note = ""
    if signer.tham_quyen is not ThamQuyen.KHONG:
        note = f"Thẩm quyền ký: {signer.tham_quyen.tien_to} {signer.thay_mat or ''}".strip()
    return {"Position": signer.chuc_vu, "FullName": signer.ho_ten}, note


def _record(part: Part, pages: int, ordinal: int) -> dict[str, Any]:
    if isinstance(part, VanBan):
        day = part.ngay.day
        issued = part.so is not None and day is not None
        signer, note = _signer(part)
        return {
            "DocOrdinal": ordinal,
            "TypeName": part.LOAI.ten,
            "CodeNumber": f"{part.so:02d}" if part.so is not None else "",
            "CodeNotation": part.ky_hieu_day_du,
            "IssuedDate": day.isoformat() if issued and day is not None else "",
            "OrganName": part.co_quan.ten_mot_dong,
            "Subject": part.trich_yeu,
            "Language": LANGUAGE,
            "PageAmount": pages,
            "Description": note,
            "SignerInfo": signer,
        }
    if isinstance(part, Bia):
        type_name, subject, organ = (
            "Bìa hồ sơ",
            f"{part.tieu_de} năm học {part.nam_hoc}",
            part.co_quan.ten_mot_dong,
        )
    else:
        type_name, subject, organ = part.type_name, part.subject, part.organ_name
    return {
        "DocOrdinal": ordinal, "TypeName": type_name, "CodeNumber": "", "CodeNotation": "",
        "IssuedDate": "", "OrganName": organ, "Subject": subject, "Language": LANGUAGE,
        "PageAmount": pages, "Description": "Không phải văn bản có số, ký hiệu",
        "SignerInfo": {"Position": "", "FullName": ""},
    }  # fmt: skip


def metadata(parts: Sequence[tuple[Part, int]], *, title: str) -> dict[str, Any]:
    """The metadata of one PDF made of ``parts`` (each with its page count), JSON-ready."""
    documents = [_record(part, pages, n) for n, (part, pages) in enumerate(parts, start=1)]
    dates = sorted(d["IssuedDate"] for d in documents if d["IssuedDate"])
    return {
        "Standard": STANDARD,
        "Title": title,
        "Language": LANGUAGE,
        "StartDate": dates[0] if dates else "",
        "EndDate": dates[-1] if dates else "",
        "DocTotal": sum(1 for part, _ in parts if isinstance(part, VanBan)),
        "PageTotal": sum(pages for _, pages in parts),
        "Documents": documents,
    }


def _element(parent: ET.Element, name: str, value: Any) -> None:
    child = ET.SubElement(parent, name)
    if isinstance(value, dict):
        for key, item in value.items():
            _element(child, key, item)
    else:
        child.text = str(value)


def metadata_xml(data: dict[str, Any]) -> str:
    """The same metadata as XML: ``<File>`` with the file fields, then ``<Documents>``."""
    root = ET.Element("File")
    for key, value in data.items():
        if key != "Documents":
            _element(root, key, value)
    documents = ET.SubElement(root, "Documents")
    for document in data["Documents"]:
        _element(documents, "Document", document)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
