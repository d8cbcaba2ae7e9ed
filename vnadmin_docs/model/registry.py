"""The read-only registry of document types: each type's class, template, and title.

Adding a document type means: a class in :mod:`.documents` (its fields, :meth:`context` and
:meth:`body`), a member of :class:`~vnadmin_docs.vn.numbering.LoaiVanBan`, an entry here, and
its template (``scripts/build_templates.py``); a test checks that every entry has its template
and every template its entry.

>>> DOCUMENT_TYPES[LoaiVanBan.TO_TRINH].__name__, REGISTRY[LoaiVanBan.TO_TRINH].template
('ToTrinh', 'to_trinh.docx')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from ..vn.numbering import LoaiVanBan
from .documents import BaoCao, BienBan, CongVan, KeHoach, QuyetDinh, ToTrinh, VanBan

__all__ = ["DOCUMENT_TYPES", "REGISTRY", "DocumentType", "document_keys"]


@dataclass(frozen=True)
class DocumentType:
    """One document type: its ``loai``, its class and the shipped template it renders with."""

    loai: LoaiVanBan
    cls: type[VanBan]

    @property
    def template(self) -> str:
        """The file name of its shipped template (in ``vnadmin_docs/templates``)."""
        return self.loai.template

    @property
    def kept_body_lines(self) -> int:
        """How many of the body's last paragraphs keep with the signature block: two, or
        none where the template's own closing line keeps with it (the Biên bản's "Cuộc họp
        kết thúc…"). LibreOffice lets a longer chain of kept paragraphs before a table go: a
        heading above them was left at a page foot."""
        return 0 if self.loai is LoaiVanBan.BIEN_BAN else 2

    @property
    def title(self) -> str:
        """Its name as a title prints it: ``TỜ TRÌNH``."""
        return self.loai.ten_in_hoa


REGISTRY: Mapping[LoaiVanBan, DocumentType] = MappingProxyType(
    {cls.LOAI: DocumentType(cls.LOAI, cls)
     for cls in (KeHoach, BaoCao, QuyetDinh, BienBan, ToTrinh, CongVan)}
)  # fmt: skip
"""Every document type this library renders."""

DOCUMENT_TYPES: Mapping[LoaiVanBan, type[VanBan]] = MappingProxyType(
    {loai: entry.cls for loai, entry in REGISTRY.items()}
)
"""Each type's class (the registry's classes alone)."""


def document_keys() -> list[str]:
    """The input-file keys of the types (``loai: to_trinh``), in registry order."""
    return [loai.key for loai in REGISTRY]
