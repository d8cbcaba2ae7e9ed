"""The ``vnadmin-docs`` command line: a thin layer over the library, in Vietnamese.

Exit codes: 0 success; 1 the checker found problems, or some schools of a batch or an
aggregation failed (the others are done); 2 bad input, template, conversion or usage. The
exit code follows the error's class (:data:`EXIT_CODES`), never its message.

Each command group lives in its own module (:mod:`.documents`, :mod:`.dossier`,
:mod:`.managing`, :mod:`.sign`) and registers its sub-commands with a handler. Only light modules are
imported at the top: ``dossier`` starts LibreOffice first and imports the heavy libraries
(docxtpl, pydantic, pypdf…) while LibreOffice boots.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Final, TextIO

from .. import __version__
from ..errors import ConversionError, InputError, TemplateError, VnAdminError
from . import documents, dossier, managing, register, sign, start
from ._common import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK

__all__ = ["EXIT_CODES", "EXIT_FINDINGS", "EXIT_INPUT", "EXIT_OK", "main"]

EXIT_CODES: Final[dict[type[VnAdminError], int]] = {
    InputError: EXIT_INPUT,
    TemplateError: EXIT_INPUT,
    ConversionError: EXIT_INPUT,
    VnAdminError: EXIT_INPUT,
}
"""The exit code of each error class (the most specific class that matches wins)."""


class _Parser(argparse.ArgumentParser):
    """argparse with its usage errors in Vietnamese and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_INPUT, f"{self.prog}: lỗi: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="vnadmin-docs",
        description="Soạn văn bản hành chính đúng thể thức Nghị định 30/2020/NĐ-CP.",
    )
    parser.add_argument("--version", action="version", version=f"vnadmin-docs {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser, metavar="LỆNH")
    documents.add_parsers(sub)
    dossier.add_parsers(sub)
    managing.add_parsers(sub)
    sign.add_parsers(sub)
    start.add_parsers(sub)
    register.add_parser(sub).set_defaults(handler=register.run)
    return parser


def _exit_code(exc: VnAdminError) -> int:
    for cls in type(exc).__mro__:
        if cls in EXIT_CODES:
            return EXIT_CODES[cls]
    return EXIT_INPUT


def _report(exc: VnAdminError, err: TextIO) -> None:
    if isinstance(exc, InputError):
        where = f"{exc.source}: " if exc.source else ""
        print(f"Lỗi: {where}{len(exc.problems)} lỗi trong dữ liệu đầu vào:", file=err)
        for problem in exc.problems:
            print(f"  - {problem}", file=err)
    elif isinstance(exc, TemplateError):
        print(f"Lỗi mẫu văn bản: {exc}", file=err)
    else:
        print(f"Lỗi: {exc}", file=err)


def main(
    argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the command line; returns the exit code."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    args = _parser().parse_args(argv)
    try:
        code: int = args.handler(args, out, err)
    except VnAdminError as exc:
        _report(exc, err)
        return _exit_code(exc)
    return code


if __name__ == "__main__":
    sys.exit(main())
