"""PDF: LibreOffice conversion, assembly, page checks, signing."""
