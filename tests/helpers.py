"""Paths and helpers the tests share (fixtures are in ``conftest.py``)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NoReturn

import pytest
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DOCUMENTS = sorted((EXAMPLES / "documents").glob("*.yaml"))


def missing(message: str) -> NoReturn:
    """A real component a test needs is not installed: in CI (``CI`` set) the test fails, so
    an end-to-end test never skips there; on a developer's machine it is skipped."""
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def pdf_fonts(reader: PdfReader) -> dict[str, bool]:
    """BaseFont → embedded, for every font used on any page."""
    fonts: dict[str, bool] = {}
    for page in reader.pages:
        resources = page.get("/Resources")
        if resources is None:
            continue
        for ref in (resources.get_object().get("/Font") or {}).values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            embedded = descriptor is not None and any(
                k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            fonts[str(font.get("/BaseFont"))] = embedded
    return fonts


def docx_paragraphs(path: Path) -> list[str]:
    """Every paragraph's text of a .docx: the body's, then each table cell's, as a reader
    sees it (the layout's no-break spaces and joiners read as typed: ``vn.layout.readable``)."""
    from docx import Document

    from vnadmin_docs.vn.layout import readable
    from vnadmin_docs.word.ooxml import table_rows

    doc = Document(str(path))
    out = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table_rows(table):
            for cell in row.cells:
                out += [p.text for p in cell.paragraphs]
    return [readable(x) for x in out]


def docx_text(path: Path) -> str:
    """All the text of a .docx as one string."""
    return "\n".join(docx_paragraphs(path))
