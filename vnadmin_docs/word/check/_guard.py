"""Opening a .docx for the checker with bounded work: whatever the file holds, it is read
within fixed limits or refused with an :class:`~vnadmin_docs.errors.InputError` (never a
traceback, never a hang).

Limits: the file (:data:`MAX_DOCX_BYTES`), its entries (:data:`MAX_ENTRIES`), their total
uncompressed size (:data:`MAX_UNCOMPRESSED`) and compression ratio (:data:`MAX_RATIO`: a zip
bomb), and table spans (a ``gridSpan`` is capped by its table's grid, so ``gridSpan=100000``
costs nothing).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path
from typing import IO, Final

from docx import Document
from docx.document import Document as DocumentObject
from docx.opc.exceptions import OpcError
from docx.oxml.exceptions import InvalidXmlError
from docx.oxml.ns import qn

from ...errors import InputError, Problem

__all__ = [
    "MAX_DOCX_BYTES",
    "MAX_ENTRIES",
    "MAX_RATIO",
    "MAX_UNCOMPRESSED",
    "open_docx",
    "unreadable",
]

MAX_DOCX_BYTES: Final = 50_000_000
"""The largest .docx the checker reads (50 MB; an administrative document is some 50 KB)."""
MAX_ENTRIES: Final = 5_000
MAX_UNCOMPRESSED: Final = 200_000_000
MAX_RATIO: Final = 200
"""The largest compression ratio of an entry over 1 MB (text XML compresses some 10×)."""

READ_ERRORS: Final = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    KeyError,
    ValueError,
    TypeError,
    AttributeError,
    IndexError,
    SyntaxError,  # lxml's XMLSyntaxError
    NotImplementedError,  # a compression method zipfile lacks
    RuntimeError,  # an encrypted entry
    OSError,
    OpcError,
    InvalidXmlError,
)
"""What reading or walking a malformed package raises."""


def unreadable(source: str, detail: str) -> InputError:
    return InputError([Problem("", f"không phải tệp Word .docx hợp lệ ({detail})")], source=source)


def _check_zip(data: bytes, source: str) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise unreadable(source, "không phải tệp nén zip") from None
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ENTRIES:
            raise unreadable(source, f"có quá nhiều thành phần: {len(entries)}")
        total = sum(e.file_size for e in entries)
        if total > MAX_UNCOMPRESSED:
            raise unreadable(source, "dữ liệu giải nén quá lớn")
        for e in entries:
            if e.file_size > 1_000_000 and e.file_size > MAX_RATIO * max(e.compress_size, 1):
                raise unreadable(source, f"{e.filename} có tỉ lệ nén bất thường (bom zip)")
        if "word/document.xml" not in archive.namelist():
            raise unreadable(source, "thiếu word/document.xml")
        bad = archive.testzip()  # every entry's CRC: a broken stream is found here
        if bad is not None:
            raise unreadable(source, f"{bad} bị hỏng")


def _cap_spans(doc: DocumentObject) -> None:
    """Cap every cell's ``gridSpan`` by its table's grid (python-docx walks spans one column
    at a time)."""
    for tbl in doc.element.body.iter(qn("w:tbl")):
        grid = tbl.find(qn("w:tblGrid"))
        columns = max(1, len(grid.findall(qn("w:gridCol"))) if grid is not None else 1)
        for span in tbl.iter(qn("w:gridSpan")):
            raw = span.get(qn("w:val"), "1")
            value = int(raw) if raw.isdigit() and len(raw) < 7 else 1
            span.set(qn("w:val"), str(min(max(value, 1), columns)))


def open_docx(source: Path | str | IO[bytes]) -> DocumentObject:
    """The document in ``source``, read within the limits above, or an :class:`InputError`."""
    name = str(source) if isinstance(source, Path | str) else getattr(source, "name", "(tệp)")
    try:
        if isinstance(source, Path | str):
            path = Path(source)
            if path.is_dir():
                raise unreadable(name, "là một thư mục")
            if path.stat().st_size > MAX_DOCX_BYTES:
                raise unreadable(name, f"tệp quá lớn, tối đa {MAX_DOCX_BYTES // 1_000_000} MB")
            data = path.read_bytes()
        else:
            data = source.read(MAX_DOCX_BYTES + 1)
            if len(data) > MAX_DOCX_BYTES:
                raise unreadable(name, f"tệp quá lớn, tối đa {MAX_DOCX_BYTES // 1_000_000} MB")
        _check_zip(data, name)
        doc = Document(io.BytesIO(data))
        _cap_spans(doc)
    except FileNotFoundError:
        raise InputError([Problem("", "không tìm thấy tệp")], source=name) from None
    except READ_ERRORS as exc:
        raise unreadable(name, type(exc).__name__) from None
    return doc
