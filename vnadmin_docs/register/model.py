"""Values of the outgoing register: allocations, entries, their metadata and status, errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Final

from ..errors import VnAdminError
from ..vn.dates import Ngay
from ..vn.numbering import SoKyHieu

__all__ = [
    "Allocation",
    "DuplicateNumberError",
    "Entry",
    "Metadata",
    "RegisterError",
    "Status",
]


class RegisterError(VnAdminError):
    """A register operation was refused, or the register cannot be opened or read."""


class DuplicateNumberError(RegisterError):
    """The number is already in the register: ``existing`` is the entry that holds it."""

    def __init__(self, message: str, *, existing: Entry) -> None:
        self.existing = existing
        super().__init__(message)


class Status(StrEnum):
    """Where an entry stands; the value is stored, ``ten`` is what staff read."""

    RESERVED = "reserved"
    """Allocated (giữ số) for a document not issued yet."""
    ISSUED = "issued"
    """Issued (đã ban hành): the document carries this number."""
    VOIDED = "voided"
    """Voided (đã hủy), with a reason; the number is never given again and the sổ lists it."""
    RELEASED = "released"
    """Given back: it was the last number of its year, so the counter went back and the next
    allocation gets the same number again. Kept as history, not listed in the sổ."""

    @property
    def ten(self) -> str:
        return _TEN[self]

    @classmethod
    def parse(cls, text: str) -> Status:
        """A stored value (``voided``) or its Vietnamese name (``đã hủy``)."""
        for member in cls:
            if text in (member.value, member.ten):
                return member
        valid = ", ".join(f"{m.value} ({m.ten})" for m in cls)
        raise ValueError(f"trạng thái không hợp lệ {text!r}; chọn một trong: {valid}")


_TEN: Final = {
    Status.RESERVED: "đang giữ số",
    Status.ISSUED: "đã ban hành",
    Status.VOIDED: "đã hủy",
    Status.RELEASED: "đã trả lại",
}


@dataclass(frozen=True)
class Metadata:
    """What the sổ đăng ký văn bản đi records about a document besides its number.

    ``ngay`` may be partial (``Ngay(2025, 3)``) or ``None`` while a number is only reserved.
    """

    ngay: Ngay | None = None
    trich_yeu: str = ""
    nguoi_ky: str = ""
    noi_nhan: tuple[str, ...] = ()
    ban_luu: str = ""
    """Đơn vị, người nhận bản lưu (e.g. ``VT, VP``)."""
    so_luong_ban: int | None = None
    ghi_chu: str = ""


@dataclass(frozen=True)
class Allocation:
    """A number taken from the register: pass it back to ``issue`` or ``release_or_void``.

    >>> a = Allocation(7, "THCSQT", 2025, 1, "QĐ-THCSQT", "Quyết định")
    >>> str(a.so_ky_hieu), a.so_ky_hieu.dong_so
    ('01/QĐ-THCSQT', 'Số: 01/QĐ-THCSQT')
    """

    id: int
    co_quan: str
    nam: int
    so: int
    ky_hieu: str
    loai: str

    @property
    def so_ky_hieu(self) -> SoKyHieu:
        return SoKyHieu(self.so, self.ky_hieu)


@dataclass(frozen=True)
class Entry:
    """One line of the register, as stored."""

    id: int
    co_quan: str
    nam: int
    so: int
    ky_hieu: str
    loai: str
    status: Status
    metadata: Metadata = field(default_factory=Metadata)
    ly_do: str = ""
    """Why the number was voided or released."""
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def so_ky_hieu(self) -> SoKyHieu:
        return SoKyHieu(self.so, self.ky_hieu)

    @property
    def allocation(self) -> Allocation:
        return Allocation(self.id, self.co_quan, self.nam, self.so, self.ky_hieu, self.loai)
