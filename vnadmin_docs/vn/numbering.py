"""Document types and document numbers (số, ký hiệu) as Nghị định 30/2020/NĐ-CP defines them.

>>> str(SoKyHieu(89, "BC-GDNN-GDTXTT"))
'89/BC-GDNN-GDTXTT'
>>> SoKyHieu(1, "QĐ-THCSQT").dong_so
'Số: 01/QĐ-THCSQT'
>>> SoKyHieu(None, "KH-PGDĐT").dong_so
'Số:    /KH-PGDĐT'
>>> SoKyHieu.parse("Số: 89/BC-GDNN-GDTXTT") == SoKyHieu(89, "BC-GDNN-GDTXTT")
True
>>> LoaiVanBan.parse("ke_hoach").viet_tat
'KH'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import Any, Final

from ..errors import InvalidValueError

__all__ = ["VIET_TAT", "LoaiVanBan", "SoKyHieu", "so_problem"]

VIET_TAT: Final[dict[str, str]] = {
    "Nghị quyết": "NQ",
    "Quyết định": "QĐ",
    "Chỉ thị": "CT",
    "Quy chế": "QC",
    "Quy định": "QyĐ",
    "Thông cáo": "TC",
    "Thông báo": "TB",
    "Hướng dẫn": "HD",
    "Chương trình": "CTr",
    "Kế hoạch": "KH",
    "Phương án": "PA",
    "Đề án": "ĐA",
    "Dự án": "DA",
    "Báo cáo": "BC",
    "Biên bản": "BB",
    "Tờ trình": "TTr",
    "Hợp đồng": "HĐ",
    "Công điện": "CĐ",
    "Bản ghi nhớ": "BGN",
    "Bản thỏa thuận": "BTT",
    "Giấy ủy quyền": "GUQ",
    "Giấy mời": "GM",
    "Giấy giới thiệu": "GGT",
    "Giấy nghỉ phép": "GNP",
    "Phiếu gửi": "PG",
    "Phiếu chuyển": "PC",
    "Phiếu báo": "PB",
    "Bản sao y": "SY",
    "Bản trích sao": "TrS",
    "Bản sao lục": "SL",
}
"""Official abbreviations of document types [NĐ30 Phụ lục III], in their official mixed case."""

_ABBREVIATIONS = frozenset(VIET_TAT.values())


class LoaiVanBan(Enum):
    """The document types this library renders; each carries its key, abbreviation and name."""

    KE_HOACH = ("ke_hoach", "KH", "Kế hoạch")
    BAO_CAO = ("bao_cao", "BC", "Báo cáo")
    QUYET_DINH = ("quyet_dinh", "QĐ", "Quyết định")
    BIEN_BAN = ("bien_ban", "BB", "Biên bản")
    TO_TRINH = ("to_trinh", "TTr", "Tờ trình")
    CONG_VAN = ("cong_van", None, "Công văn")

    def __init__(self, key: str, viet_tat: str | None, ten: str) -> None:
        self.key = key
        self.viet_tat = viet_tat
        self.ten = ten

    @property
    def template(self) -> str:
        """The file name of its shipped template (in ``vnadmin_docs/templates``).

        >>> LoaiVanBan.BAO_CAO.template
        'bao_cao.docx'
        """
        return f"{self.key}.docx"

    @property
    def ten_in_hoa(self) -> str:
        """The type name as the title block prints it: ``KẾ HOẠCH``."""
        return self.ten.upper()

    @classmethod
    def parse(cls, key: str) -> LoaiVanBan:
        """Find a type by its key (``ke_hoach``); an unknown key lists the valid ones."""
        for member in cls:
            if member.key == key:
                return member
        valid = ", ".join(m.key for m in cls)
        raise InvalidValueError(f"loại văn bản không hợp lệ {key!r}; chọn một trong: {valid}")


_GROUP = re.compile(r"^[^\W_]+$")  # letters (Vietnamese included) and digits, nothing else


def so_problem(value: object) -> str | None:
    """What is wrong with a document number (``None`` when it is a positive whole number).

    >>> so_problem(0), so_problem(12)
    ('số văn bản phải là số nguyên dương, không phải 0', None)
    """
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        return f"số văn bản phải là số nguyên dương, không phải {value!r}"
    return None


@dataclass(frozen=True)
class SoKyHieu:
    """A document number: ``so`` (``None`` for a draft) and ``ky_hieu`` (``BC-GDNN-GDTXTT``).

    The ký hiệu is the part after "/": for most types the type abbreviation, then the issuing
    body's abbreviation (and optionally the drafting unit); for a Công văn only the body and
    unit (``SGDĐT-VP``). Groups are joined by "-"; no spaces, no dots.

    >>> SoKyHieu(3, "KH PGD.ĐT")
    Traceback (most recent call last):
    ...
    vnadmin_docs.errors.InvalidValueError: ký hiệu 'KH PGD.ĐT' không hợp lệ: chỉ gồm chữ và số, các nhóm nối bằng '-', không có dấu cách hay dấu chấm
    >>> SoKyHieu.parse("05/SGDĐT-VP").loai is None
    True
    """

    so: int | None
    ky_hieu: str

    def __post_init__(self) -> None:
        if self.so is not None and (message := so_problem(self.so)):
            raise InvalidValueError(message)
        groups = self.ky_hieu.split("-")
        if not all(_GROUP.match(g) for g in groups):
            raise InvalidValueError(
                f"ký hiệu {self.ky_hieu!r} không hợp lệ: chỉ gồm chữ và số, các nhóm nối bằng "
                "'-', không có dấu cách hay dấu chấm"
            )

    @property
    def loai(self) -> str | None:
        """The type abbreviation (``BC``), or ``None`` for a Công văn."""
        first = self.ky_hieu.split("-", 1)[0]
        return first if first in _ABBREVIATIONS else None

    def __str__(self) -> str:
        number = "" if self.so is None else f"{self.so:02d}"
        return f"{number}/{self.ky_hieu}"

    @property
    def dong_so(self) -> str:
        """The header line: ``Số: 89/BC-GDNN-GDTXTT``, or ``Số:    /KH-PGDĐT`` for a draft."""
        return f"Số: {self}" if self.so is not None else f"Số:    {self}"

    @classmethod
    def parse(cls, text: str) -> SoKyHieu:
        """Parse ``89/BC-X``, ``Số: 89/BC-X`` or a draft ``Số:    /KH-X``."""
        body = text.strip()
        if body.startswith("Số"):
            body = body[2:].lstrip().removeprefix(":")
        number, sep, ky_hieu = body.partition("/")
        number = number.strip()
        if not sep or not ky_hieu:
            raise InvalidValueError(
                f"số, ký hiệu phải có dạng 'số/ký hiệu', ví dụ '89/BC-THCSQT': {text!r}"
            )
        if number and not number.isdigit():
            raise InvalidValueError(f"số văn bản phải là chữ số: {number!r}")
        return cls(int(number) if number else None, ky_hieu)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        """Let input files write a number as ``"89/BC-GDNN-GDTXTT"``."""
        from pydantic_core import core_schema

        def convert(value: Any) -> SoKyHieu:
            if isinstance(value, SoKyHieu):
                return value
            if isinstance(value, str):
                return cls.parse(value)
            raise InvalidValueError("số, ký hiệu phải là chuỗi dạng '89/BC-THCSQT'")

        return core_schema.no_info_plain_validator_function(
            convert,
            json_schema_input_schema=core_schema.str_schema(),
            serialization=core_schema.to_string_ser_schema(),
        )
