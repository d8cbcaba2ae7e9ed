"""What the commands share: exit codes, the edge's look-ups (LibreOffice, fonts, the profile
cache: the only places that read the environment), and progress lines."""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ..errors import ConversionError, OutputError

if TYPE_CHECKING:
    from ..app.numbering import RegisterNumbers

# the LibreOffice module (subprocess, hashlib…) is imported by the functions that need it:
# a command that converts nothing (aggregate --docx-only, score, check) does without it


def no_soffice_message() -> str:
    """What to do when LibreOffice cannot be found, in Vietnamese."""
    from ..pdf.libreoffice import INSTALL_HINT, SOFFICE_ENV

    return (
        "Không tìm thấy LibreOffice để chuyển sang PDF. Cài LibreOffice (hướng dẫn cho Windows, "
        f"macOS, Linux: docs/user/cai-dat.md; trên Debian/Ubuntu: {INSTALL_HINT}), hoặc đặt "
        f"biến môi trường {SOFFICE_ENV} là đường dẫn tới soffice; muốn chỉ tạo các tệp .docx "
        "thì thêm --docx-only."
    )


__all__ = [
    "EXIT_BUG",
    "EXIT_FINDINGS",
    "EXIT_INPUT",
    "EXIT_OK",
    "Progress",
    "add_register_option",
    "docx_template",
    "no_soffice_message",
    "open_numbers",
    "output_folder",
    "positive_seconds",
    "profiles",
    "refuse_overwrite",
    "require_soffice",
    "scheduler_address",
    "soffice",
    "toc_font",
    "workers",
]

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_BUG = 0, 1, 2, 3


def profiles() -> Path:
    """Where warm LibreOffice profiles are kept between runs (the edge reads the environment)."""
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "vnadmin-docs" / "libreoffice"


def soffice() -> str | None:
    """The LibreOffice executable: ``VNADMIN_SOFFICE``, ``PATH``, or where its installer puts
    it on Windows and macOS (the edge reads the environment and passes it on)."""
    from ..pdf.libreoffice import find_soffice

    return find_soffice(env=os.environ)


def require_soffice() -> str:
    """:func:`soffice`, or a clear Vietnamese error saying how to install it or do without."""
    found = soffice()
    if found is None:
        raise ConversionError(no_soffice_message())
    return found


def toc_font() -> tuple[Path, Path]:
    """The mục lục font's regular and bold files, or a clear error naming the package."""
    from ..pdf.libreoffice import INSTALL_HINT, find_toc_font

    found = find_toc_font()
    if found is None:
        message = (
            "Không tìm thấy phông Liberation Serif hoặc Times New Roman (cho mục lục). "
            f"Xem docs/user/cai-dat.md; trên Debian/Ubuntu: {INSTALL_HINT}"
        )
        raise ConversionError(message)
    return found


def positive_seconds(text: str) -> float:
    """An argparse type: a finite number of seconds above zero (``nan``, ``inf``, ``0`` refused)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' không phải là số giây") from None
    if not math.isfinite(value) or value <= 0 or value > 86_400:
        raise argparse.ArgumentTypeError(f"số giây phải lớn hơn 0 và không quá 86400 ('{text}')")
    return value


def workers(text: str) -> int:
    """An argparse type: a number of worker processes, 1 to 256."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' không phải là số nguyên") from None
    if not 1 <= value <= 256:
        raise argparse.ArgumentTypeError(f"số tiến trình phải từ 1 đến 256 ('{text}')")
    return value


_SCHEDULER = re.compile(r"^((tcp|tls|ws|wss|inproc)://)?[A-Za-z0-9._\-\[\]:]+:\d{1,5}$")


def scheduler_address(text: str) -> str:
    """An argparse type: a Dask scheduler address ``tcp://host:port`` (or ``host:port``)."""
    if not _SCHEDULER.match(text) or not 0 < int(text.rsplit(":", 1)[1]) < 65536:
        raise argparse.ArgumentTypeError(
            f"địa chỉ scheduler '{text}' không hợp lệ (dạng tcp://máy-chủ:cổng, ví dụ "
            "tcp://10.0.0.5:8786)"
        )
    return text


def docx_template(text: str) -> Path:
    """An argparse type: an existing .docx file to use as a template."""
    path = Path(text)
    if not path.is_file():
        raise argparse.ArgumentTypeError(f"không tìm thấy tệp mẫu '{text}'")
    if path.suffix.lower() != ".docx":
        raise argparse.ArgumentTypeError(f"tệp mẫu '{text}' phải là tệp Word .docx")
    return path


def _file_id(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file ``path`` names (links followed); ``None`` if none is there."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def refuse_overwrite(inputs: Iterable[Path | None], outputs: Iterable[Path]) -> None:
    """Refuse, before anything is written, an output file that is one of the inputs or is a
    folder.

    An output is an input when both exist and are the same file, or when their resolved paths
    are equal. Each input is looked at once (one ``stat``), not once per output: an existing
    input can only be an output that exists too, so only an input that is not there (or cannot
    be looked at) has its path resolved and compared."""
    given = [p for p in inputs if p is not None]
    targets = list(outputs)
    by_id: dict[tuple[int, int], list[int]] = {}
    for i, target in enumerate(targets):
        found = _file_id(target)
        if found is not None:
            by_id.setdefault(found, []).append(i)
    resolved: list[Path] = []
    first: dict[int, Path] = {}  # the output's index: the first input it would overwrite
    for source in given:
        found = _file_id(source)
        if found is not None:
            hits = by_id.get(found, [])
        else:  # not there, or not to be looked at: compared by resolved path
            resolved = resolved or [target.resolve() for target in targets]
            hits = [i for i, r in enumerate(resolved) if r == source.resolve()]
        for i in hits:
            first.setdefault(i, source)
    for i, target in enumerate(targets):
        if i in first:
            raise OutputError(
                f"Không ghi được {target}: đây là tệp đầu vào {first[i]} (sẽ bị ghi đè); "
                "hãy chọn tên tệp kết quả khác"
            )
        if target.is_dir():
            raise OutputError(f"Không ghi được {target}: đường dẫn là một thư mục")


def output_folder(folder: Path) -> None:
    """Refuse an output folder that is an existing file (an input, say)."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"Không ghi được vào {folder}: đây là một tệp, không phải thư mục")


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
