"""The parts documents share: the issuing body, the signer and their authority, people at a
meeting, appendices."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ..errors import ModelError, Problem
from ..vn.markup import Block
from ..vn.text import Record
from ._checks import KyHieu, Text, collect, ky_hieu_problem, nonblank_problem

__all__ = ["CoQuan", "NguoiKy", "PhuLuc", "ThamQuyen", "ThanhVien"]


class ThamQuyen(Enum):
    """Signing authority [NĐ30 Phụ lục I II.7.b]; the value is how input files write it.

    The official spellings are accepted in any case, with or without the dot:

    >>> ThamQuyen("kt."), ThamQuyen("Q."), ThamQuyen("TUQ")
    (<ThamQuyen.KT: 'KT'>, <ThamQuyen.Q: 'Q'>, <ThamQuyen.TUQ: 'TUQ'>)
    >>> ThamQuyen("KTT")
    Traceback (most recent call last):
    ...
    ValueError: 'KTT' is not a valid ThamQuyen
    """

    KHONG = ""
    TM = "TM"
    KT = "KT"
    Q = "Q"
    TL = "TL"
    TUQ = "TUQ"

    @classmethod
    def _missing_(cls, value: object) -> ThamQuyen | None:
        if isinstance(value, str):
            key = value.strip().removesuffix(".").strip().upper()
            return next((m for m in cls if m.value == key), None)
        return None

    @classmethod
    def parse(cls, value: ThamQuyen | str | None) -> ThamQuyen:
        """An authority from its official spelling (``"KT"``, ``"kt."``, ``"Q."``…); ``None``
        or ``""`` when the head signs; anything else is refused, listing the valid ones."""
        if isinstance(value, ThamQuyen):
            return value
        try:
            return cls(value or "")
        except ValueError:
            valid = ", ".join(f"{m.value}." for m in cls if m.value)
            raise ModelError(
                [
                    Problem.at(
                        ("tham_quyen",),
                        f"thẩm quyền ký {value!r} không hợp lệ; chọn một "
                        f"trong: {valid} (hoặc để trống khi thủ trưởng ký)",
                    )
                ]
            ) from None

    @property
    def tien_to(self) -> str:
        """The printed prefix: ``KT.``, or ``""`` when the head signs."""
        return f"{self.value}." if self.value else ""


@dataclass(frozen=True, kw_only=True)
class CoQuan(Record):
    """An issuing body: its name, its abbreviation for ký hiệu, its place name, its parent."""

    ten: Text
    """Name in normal case, e.g. ``Trung tâm GDNN-GDTX huyện Thanh Trì`` (headers print it in capitals).
    A line break in it is where the header breaks the name; elsewhere it reads as a space."""
    viet_tat: KyHieu
    """Abbreviation used in ký hiệu, e.g. ``GDNN-GDTXTT``."""
    dia_danh: Text
    """Place name of the date line, e.g. ``Thanh Trì``."""
    chu_quan: str | None = None
    """The managing body printed above the name, e.g. ``UBND huyện Thanh Trì``."""
    ten_ngan: str | None = None
    """A short name for citations, e.g. ``Phòng GDĐT``; defaults to ``ten``."""

    def __post_init__(self) -> None:
        super().__post_init__()
        collect(
            self,
            [("ten", nonblank_problem), ("viet_tat", nonblank_problem),
             ("dia_danh", nonblank_problem), ("viet_tat", ky_hieu_problem)],
        )  # fmt: skip

    @property
    def ten_mot_dong(self) -> str:
        """The name on one line (a typed line break read as a space)."""
        return " ".join(self.ten.split())

    @property
    def ten_goi(self) -> str:
        return self.ten_ngan or self.ten_mot_dong


_FOR_WHOM = (ThamQuyen.TM, ThamQuyen.KT, ThamQuyen.TL, ThamQuyen.TUQ)


@dataclass(frozen=True, kw_only=True)
class NguoiKy(Record):
    """The signer: authority prefix, the head's title it signs for, own title and name.

    >>> NguoiKy(tham_quyen=ThamQuyen.KT, thay_mat="Giám đốc", chuc_vu="Phó Giám đốc",
    ...         ho_ten="Phạm Quốc Hiệu").dong_chuc_danh
    ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']
    >>> NguoiKy(tham_quyen=ThamQuyen.Q, chuc_vu="Hiệu trưởng", ho_ten="A").dong_chuc_danh
    ['Q. HIỆU TRƯỞNG']
    >>> NguoiKy(thay_mat_tap_the="Ủy ban nhân dân", tham_quyen=ThamQuyen.KT, thay_mat="Chủ tịch",
    ...         chuc_vu="Phó Chủ tịch", ho_ten="A").dong_chuc_danh
    ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']
    """

    chuc_vu: Text
    ho_ten: Text
    tham_quyen: ThamQuyen = ThamQuyen.KHONG
    thay_mat: str | None = None
    """For TM./KT./TL./TUQ.: the collective body or head signed for (``Giám đốc``)."""
    thay_mat_tap_the: str | None = None
    """A collective body the signature is on behalf of, above the authority line: a commune's
    deputy chair signs ``TM. ỦY BAN NHÂN DÂN`` / ``KT. CHỦ TỊCH`` / ``PHÓ CHỦ TỊCH``."""

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "tham_quyen", ThamQuyen.parse(self.tham_quyen))
        extra = []
        needs = self.tham_quyen in _FOR_WHOM
        if needs and not (self.thay_mat or "").strip():
            message = f"ký {self.tham_quyen.tien_to} phải ghi ký thay mặt/thay ai (thay_mat)"
            extra.append(Problem.at(("thay_mat",), message))
        if not needs and self.thay_mat:
            extra.append(Problem.at(("thay_mat",), "chỉ dùng với thẩm quyền TM, KT, TL hoặc TUQ"))
        if self.thay_mat_tap_the is not None and self.tham_quyen not in (
            ThamQuyen.KHONG,
            ThamQuyen.KT,
        ):
            message = "chỉ dùng khi chủ tịch ký (không ghi thẩm quyền) hoặc cấp phó ký thay (KT)"
            extra.append(Problem.at(("thay_mat_tap_the",), message))
        collect(self, [("chuc_vu", nonblank_problem), ("ho_ten", nonblank_problem)], extra)

    @property
    def dong_chuc_danh(self) -> list[str]:
        """The title lines of the signature block, in capitals."""
        above = [f"TM. {self.thay_mat_tap_the.upper()}"] if self.thay_mat_tap_the else []
        if self.tham_quyen is ThamQuyen.KHONG:
            return [*above, self.chuc_vu.upper()]
        if self.tham_quyen is ThamQuyen.Q:
            return [f"Q. {self.chuc_vu.upper()}"]
        own = [f"{self.tham_quyen.tien_to} {(self.thay_mat or '').upper()}", self.chuc_vu.upper()]
        return [*above, *own]


@dataclass(frozen=True, kw_only=True)
class ThanhVien(Record):
    """A person at a meeting: name and role (``Lương Anh Khương``, ``Hiệu trưởng``)."""

    ho_ten: Text
    chuc_vu: str = ""

    def __post_init__(self) -> None:
        super().__post_init__()
        collect(self, [("ho_ten", nonblank_problem)])

    def __str__(self) -> str:
        return f"{self.ho_ten} - {self.chuc_vu}" if self.chuc_vu else self.ho_ten


@dataclass(frozen=True, kw_only=True)
class PhuLuc(Record):
    """An appendix: title, body in the markup, landscape or not."""

    tieu_de: Text
    noi_dung: str = ""
    ngang: bool = False
    """Landscape pages, for wide tables."""
    ten: str | None = None
    """Overrides the label (``Phụ lục I``; ``PHỤ LỤC`` when there is only one)."""
    kem_theo: str | None = None
    """Overrides the ``(Kèm theo …)`` line."""
    khoi: tuple[Block, ...] = ()
    """Blocks built in code (e.g. a scored table), placed after ``noi_dung``."""

    def __post_init__(self) -> None:
        super().__post_init__()
        collect(self, [("tieu_de", nonblank_problem)])
