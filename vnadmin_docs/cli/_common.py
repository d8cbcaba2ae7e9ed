"""What the commands share: exit codes, the edge's look-ups (LibreOffice, fonts, the profile
cache: the only places that read the environment), and progress lines."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ..errors import ConversionError
from ..pdf.libreoffice import INSTALL_HINT, find_toc_font

if TYPE_CHECKING:
    from ..app.numbering import RegisterNumbers

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_INPUT",
    "EXIT_OK",
    "Progress",
    "add_register_option",
    "open_numbers",
    "profiles",
    "toc_font",
]

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


def profiles() -> Path:
    """Where warm LibreOffice profiles are kept between runs (the edge reads the environment)."""
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "vnadmin-docs" / "libreoffice"


def toc_font() -> tuple[Path, Path]:
    """The mục lục font's regular and bold files, or a clear error naming the package."""
    found = find_toc_font()
    if found is None:
        message = f"Không tìm thấy phông Liberation Serif. Cài đặt bằng lệnh: {INSTALL_HINT}"
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


def add_register_option(parser: Any) -> None:
    """``--so-dang-ky``: the outgoing register that gives the numbers written ``so: auto``."""
    parser.add_argument(
        "--so-dang-ky", metavar="SO_DANG_KY",
        help="sổ đăng ký văn bản đi (tệp SQLite hoặc URL postgresql://…) cấp số cho 'so: auto'",
    )  # fmt: skip


@contextlib.contextmanager
def open_numbers(target: str | None) -> Iterator[RegisterNumbers | None]:
    """The register the user named (the edge passes the clock), or ``None``."""
    if not target:
        yield None
        return
    from ..app.numbering import RegisterNumbers
    from ..register.store import Register

    with Register.open(target) as register:
        yield RegisterNumbers(register, at=datetime.now())
