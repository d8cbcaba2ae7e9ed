"""Write files so that a failure never leaves a half-written output behind.

The file appears with the permissions the user's umask gives (as :func:`open` would create
it), not the owner-only mode of a temporary file. A write that fails (a full disk, a
file-size limit, a folder that cannot be written) raises :class:`~vnadmin_docs.errors.
OutputError` naming the file in Vietnamese, and nothing is left behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Final

from .errors import OutputError

__all__ = ["atomic_path", "os_error_message", "write_atomic"]

_REASONS: Final = {
    errno.ENOSPC: "đĩa đã đầy",
    errno.EDQUOT: "đã hết hạn mức dung lượng đĩa",
    errno.EFBIG: "tệp vượt quá giới hạn kích thước tệp của hệ thống (ulimit -f)",
    errno.EACCES: "không có quyền ghi",
    errno.EPERM: "không có quyền ghi",
    errno.EROFS: "ổ đĩa chỉ cho phép đọc",
    errno.ENOTDIR: "một phần của đường dẫn là tệp, không phải thư mục",
    errno.EISDIR: "đường dẫn là một thư mục",
    errno.ENOENT: "không tìm thấy thư mục hoặc tệp",
    errno.EEXIST: "một phần của đường dẫn là tệp, không phải thư mục",
    errno.ENAMETOOLONG: "tên tệp quá dài",
    errno.EIO: "lỗi đọc/ghi của thiết bị",
}


def os_error_message(exc: OSError) -> str:
    """An operating-system error in Vietnamese (its English text when the reason is unusual)."""
    return _REASONS.get(exc.errno or 0, exc.strerror or str(exc))


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_path(target: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it onto ``target`` only on success.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> try:
    ...     with atomic_path(d / "out.txt") as tmp:
    ...         _ = tmp.write_text("half")
    ...         raise RuntimeError("boom")
    ... except RuntimeError:
    ...     pass
    >>> sorted(p.name for p in d.iterdir())
    []
    """
    target = Path(target)
    if target.is_dir():
        raise OutputError(f"Không ghi được {target}: đường dẫn là một thư mục")
    tmp: Path | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        tmp = Path(name)
        os.fchmod(fd, 0o666 & ~_umask())
        os.close(fd)
        yield tmp
        os.replace(tmp, target)
    except OSError as exc:
        raise OutputError(f"Không ghi được {target}: {os_error_message(exc)}") from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()


def write_atomic(target: Path | str, data: bytes) -> Path:
    """Write ``data`` to ``target`` atomically (a file made in memory first, such as a .docx:
    a failing write then leaves no half-closed zip file behind)."""
    with atomic_path(target) as tmp, tmp.open("wb") as handle:
        handle.write(data)
    return Path(target)
