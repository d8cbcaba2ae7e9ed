"""Exceptions raised by vnadmin_docs.

One root, a shallow tree, and the data a caller needs on the exception itself::

    VnAdminError
    ├── InputError          every problem of one input at once (``problems``)
    │   └── ModelError      a model object built in Python found problems in itself
    │                       (also a ``ValueError``, so that validators report it in place)
    ├── InvalidValueError   a value object refused its value (a date, a số/ký hiệu, a number
    │                       in words); also a ``ValueError``
    ├── TemplateError       a template that does not fit the model (``unknown``)
    ├── EditedFilesError    a rebuild would overwrite files edited since they were built
    │                       (``files``)
    ├── ConversionError     LibreOffice failed, hung or is missing (``output``)
    │   └── UnoUnavailableError   the warm mode's UNO bindings are missing
    └── OutputError         an output cannot be written (a full disk, a size limit, no right
                            to write, a path that is a folder or an input)

Each :class:`Problem` has a ``path`` in the input (``noi_nhan[2]``), a Vietnamese
``message`` for school staff, and, where the loader knows it, the ``line`` in the file.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

__all__ = [
    "ConversionError",
    "EditedFilesError",
    "InputError",
    "InvalidValueError",
    "Loc",
    "ModelError",
    "OutputError",
    "Problem",
    "TemplateError",
    "UnoUnavailableError",
    "VnAdminError",
    "format_path",
]

Loc = tuple[str | int, ...]
"""A path into an input as keys and indexes: ``("noi_nhan", 2)``."""


def format_path(loc: Loc) -> str:
    """``("noi_nhan", 2)`` → ``noi_nhan[2]``; keys with dots are quoted: ``ket_qua["1.4"]``.

    >>> format_path(("ket_qua", "1.4", "diem")), format_path(("nhom", 0, "ma"))
    ('ket_qua["1.4"].diem', 'nhom[0].ma')
    """
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif "." in part or " " in part:
            out += f'["{part}"]'
        else:
            out += f".{part}" if out else part
    return out


class VnAdminError(Exception):
    """Root of every error this library raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One problem in an input: where it is and what is wrong, in Vietnamese.

    >>> str(Problem("noi_nhan[2]", "phải là chuỗi ký tự", line=14))
    'noi_nhan[2] (dòng 14): phải là chuỗi ký tự'
    """

    path: str
    message: str
    line: int | None = None
    loc: Loc = field(default=(), compare=False, repr=False)
    """The raw path, so that the edge can add the line once it knows the file."""

    @classmethod
    def at(cls, loc: Loc, message: str) -> Problem:
        return cls(format_path(loc), message, loc=loc)

    def __str__(self) -> str:
        where = self.path or "(gốc)"
        if self.line is not None:
            where += f" (dòng {self.line})"
        return f"{where}: {self.message}"


class InputError(VnAdminError):
    """An input (file or Python value) has one or more problems; all are in ``problems``."""

    def __init__(self, problems: Iterable[Problem], *, source: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        head = f"{source}: " if source else ""
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{head}{len(self.problems)} lỗi trong dữ liệu đầu vào:\n{lines}")


class InvalidValueError(VnAdminError, ValueError):
    """A value object (``Ngay``, ``SoKyHieu``, a number to read in words…) refused a value;
    the message says why, in Vietnamese."""


class ModelError(InputError, ValueError):
    """Every problem one model object found in itself, each located by its field
    (``Problem.loc`` is ``("thay_mat",)``, or ``()`` for the object as a whole).

    It is a ``ValueError`` too: the input loader's validators report it where the object sits
    in the file, together with the other problems of that file.

    >>> str(ModelError([Problem.at(("ho_ten",), "không được để trống")]))
    'ho_ten: không được để trống'
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        self.source = None
        Exception.__init__(self, "; ".join(str(p) for p in self.problems))


class TemplateError(VnAdminError):
    """A template cannot be filled from the model.

    ``unknown`` lists variables the template uses that the model does not provide.
    """

    def __init__(self, message: str, *, unknown: Sequence[str] = ()) -> None:
        self.unknown = tuple(unknown)
        super().__init__(message)


class EditedFilesError(VnAdminError):
    """A build would overwrite files changed since the last build wrote them (their hash
    differs from the folder's manifest); ``files`` are their names. Nothing was written."""

    def __init__(self, files: Sequence[str]) -> None:
        self.files = tuple(files)
        names = ", ".join(self.files)
        super().__init__(
            f"Tệp {names} đã được sửa sau lần tạo trước; dùng --ghi-de để ghi đè "
            "(hoặc chép tệp đã sửa ra chỗ khác trước)"
        )


class ConversionError(VnAdminError):
    """Conversion to PDF failed; ``output`` holds what LibreOffice printed."""

    def __init__(self, message: str, *, output: str = "") -> None:
        self.output = output
        super().__init__(message if not output else f"{message}\n{output}")


class UnoUnavailableError(ConversionError):
    """The warm LibreOffice mode cannot run: the Python it was given lacks LibreOffice's UNO
    bindings (Debian's ``python3-uno``). The caller may fall back to a one-shot conversion."""


class OutputError(VnAdminError):
    """An output file cannot be written (the message names it and says why, in Vietnamese);
    nothing half-written is left behind."""
