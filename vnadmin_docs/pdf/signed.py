"""Is this file a PDF, and is it signed already? Light checks (pypdf only) that assembly uses too.

Assembling (merging) PDFs breaks the signatures in them, so :func:`vnadmin_docs.assemble.assemble`
refuses a signed part with :class:`SignedPdfError`: sign the assembled PDF instead.
"""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from ..errors import InputError, Problem, VnAdminError

__all__ = ["SignedPdfError", "SigningError", "is_signed", "require_pdf"]


class SigningError(VnAdminError):
    """Signing could not be done: a key that does not open, a token not found, a time-stamp
    server that does not answer. The message is in Vietnamese for school staff."""


class SignedPdfError(VnAdminError):
    """A PDF that is already signed was given to a step that would break its signatures."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        super().__init__(
            f"{path}: tệp PDF đã được ký số; ghép tệp sẽ làm hỏng chữ ký. "
            "Hãy ghép các tệp chưa ký rồi ký tệp đã ghép."
        )


def require_pdf(path: Path | str) -> None:
    """Raise :class:`InputError` unless ``path`` is a readable file that starts like a PDF."""
    path = Path(path)
    if not path.is_file():
        raise InputError([Problem("", "không tìm thấy tệp")], source=str(path))
    with path.open("rb") as handle:
        head = handle.read(1024)
    if b"%PDF-" not in head:
        raise InputError([Problem("", "không phải tệp PDF")], source=str(path))


def is_signed(path: Path | str) -> bool:
    """Whether the PDF at ``path`` has at least one signed signature field.

    A signature field without a value (an empty box waiting for a signature) does not count.
    A file that is not a readable PDF raises :class:`InputError`.
    """
    require_pdf(path)
    try:
        reader = PdfReader(path)
        fields = reader.get_fields() or {}
    except (PdfReadError, ValueError, KeyError) as exc:
        problem = Problem("", f"tệp PDF bị hỏng, không đọc được ({exc})")
        raise InputError([problem], source=str(path)) from None
    return any(f.get("/FT") == "/Sig" and f.get("/V") is not None for f in fields.values())
