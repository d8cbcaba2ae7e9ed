"""Deprecated import path (kept for one release): use :mod:`vnadmin_docs.pdf.assemble`."""

from .pdf.assemble import Assembled, Metadata, PartPdf, TocFont, assemble, toc_page

__all__ = ["Assembled", "Metadata", "PartPdf", "TocFont", "assemble", "toc_page"]
