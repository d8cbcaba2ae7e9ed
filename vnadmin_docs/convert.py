"""Deprecated import path (kept for one release): use :mod:`vnadmin_docs.pdf.libreoffice` and
:mod:`vnadmin_docs.pdf.warm`."""

from .pdf.libreoffice import (
    INSTALL_HINT,
    Converter,
    LibreOfficeConverter,
    find_soffice,
    find_toc_font,
    find_uno_python,
)
from .pdf.warm import WarmLibreOffice

__all__ = [
    "INSTALL_HINT",
    "Converter",
    "LibreOfficeConverter",
    "WarmLibreOffice",
    "find_soffice",
    "find_toc_font",
    "find_uno_python",
]
