"""What the commands share: exit codes, the edge's look-ups (LibreOffice, fonts, the profile
cache: the only places that read the environment), and progress lines."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TextIO

from ..errors import ConversionError
from ..pdf import libreoffice
from ..pdf.libreoffice import INSTALL_HINT, SOFFICE_ENV, find_toc_font

__all__ = [
    "EXIT_FINDINGS", "EXIT_INPUT", "EXIT_OK", "NO_SOFFICE", "Progress", "profiles",
    "require_soffice", "soffice", "toc_font",
]  # fmt: skip

NO_SOFFICE = (
    "Không tìm thấy LibreOffice để chuyển sang PDF. Cài LibreOffice (hướng dẫn cho Windows, "
    f"macOS, Linux: docs/user/cai-dat.md; trên Debian/Ubuntu: {INSTALL_HINT}), hoặc đặt biến "
    f"môi trường {SOFFICE_ENV} là đường dẫn tới soffice; muốn chỉ tạo các tệp .docx thì thêm "
    "--docx-only."
)

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


def profiles() -> Path:
    """Where warm LibreOffice profiles are kept between runs (the edge reads the environment)."""
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "vnadmin-docs" / "libreoffice"


def soffice() -> str | None:
    """The LibreOffice executable: ``VNADMIN_SOFFICE``, ``PATH``, or where its installer puts
    it on Windows and macOS (the edge reads the environment and passes it on)."""
    return libreoffice.find_soffice(env=os.environ)


def require_soffice() -> str:
    """:func:`soffice`, or a clear Vietnamese error saying how to install it or do without."""
    found = soffice()
    if found is None:
        raise ConversionError(NO_SOFFICE)
    return found


def toc_font() -> tuple[Path, Path]:
    """The mục lục font's regular and bold files, or a clear error naming the package."""
    found = find_toc_font()
    if found is None:
        message = (
            "Không tìm thấy phông Liberation Serif hoặc Times New Roman (cho mục lục). "
            f"Xem docs/user/cai-dat.md; trên Debian/Ubuntu: {INSTALL_HINT}"
        )
        raise ConversionError(message)
    return found


class Progress:
    """Progress lines on ``err``: rewritten in place on a terminal, one per step otherwise
    (and without the per-second ticks, which would flood a log)."""

    def __init__(self, err: TextIO) -> None:
        self.err = err
        self.live = err.isatty()

    def __call__(self, message: str) -> None:
        if self.live:
            print(f"\r{message}   ", end="", file=self.err, flush=True)
        elif "giây" not in message:
            print(message, file=self.err, flush=True)

    def done(self) -> None:
        if self.live:
            print(file=self.err)
