"""A deterministic NĐ30 format checker for any .docx (rendered here or edited by hand).

It reads the file with python-docx and checks, against Nghị định 30/2020/NĐ-CP Phụ lục I:
paper and margins, fonts and sizes (:mod:`.page`), the two-column header (cơ quan, số/ký hiệu,
quốc hiệu, tiêu ngữ, place and date) with their styles and rules (:mod:`.header`), the title
block, the body's end mark, Nơi nhận with its ``Lưu`` line and the signature block
(:mod:`.body`). An exported sổ đăng ký văn bản đi (Phụ lục IV) is checked against its own
form (:mod:`.so_dang_ky`). Each finding says, in Vietnamese, what is wrong and where.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

from docx.document import Document as DocumentObject

from ...model.so_dang_ky import REGISTER_CATEGORY
from ..ooxml import core_property
from ..standalone import COVER_CATEGORY
from ._base import Finding
from ._guard import READ_ERRORS, open_docx, unreadable
from .body import BodyChecks
from .header import HeaderChecks
from .page import PageChecks
from .so_dang_ky import check_so_document

__all__ = ["Finding", "check", "check_document"]


class _Checker(PageChecks, HeaderChecks, BodyChecks):
    def run(self) -> list[Finding]:
        if core_property(self.doc, "category") == REGISTER_CATEGORY:
            return check_so_document(self.doc)
        self.page()
        self.fonts()
        if core_property(self.doc, "category") == COVER_CATEGORY:
            self.cover()
            return self.findings
        self.page_numbers()
        is_bien_ban, is_cong_van = self.header()
        self.title(is_cong_van)
        self.body(is_bien_ban)
        self.signature(is_bien_ban)
        return self.findings


def check_document(doc: DocumentObject) -> list[Finding]:
    """Check an open python-docx document."""
    return _Checker(doc).run()


def check(source: Path | str | IO[bytes]) -> list[Finding]:
    """Check a .docx file; an empty list means it follows the NĐ30 layout.

    A file that is not a readable .docx (not a zip, a broken stream, bad XML, a part the
    layout needs missing or malformed) raises :class:`~vnadmin_docs.errors.InputError`; the
    work is bounded whatever the file holds (see :mod:`._guard`)."""
    doc = open_docx(source)
    try:
        return check_document(doc)
    except READ_ERRORS as exc:
        name = str(source) if isinstance(source, Path | str) else "(tệp)"
        raise unreadable(name, f"cấu trúc không đúng: {type(exc).__name__}") from None
