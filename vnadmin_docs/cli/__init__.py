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
from . import documents, dossier, managing, register, sign
from ._common import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK
from ._vi import Parser

__all__ = ["EXIT_CODES", "EXIT_FINDINGS", "EXIT_INPUT", "EXIT_OK", "main"]

EXIT_CODES: Final[dict[type[VnAdminError], int]] = {
    InputError: EXIT_INPUT,
    TemplateError: EXIT_INPUT,
    ConversionError: EXIT_INPUT,
    VnAdminError: EXIT_INPUT,
}
"""The exit code of each error class (the most specific class that matches wins)."""


def _parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="vnadmin-docs",
        description="Soạn văn bản hành chính đúng thể thức Nghị định 30/2020/NĐ-CP.",
    )
    parser.add_argument("--version", action="version", version=f"vnadmin-docs {__version__}",
                        help="in phiên bản rồi thoát")  # fmt: skip
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser, metavar="LỆNH",
                                title="các lệnh")  # fmt: skip
    documents.add_parsers(sub)
    dossier.add_parsers(sub)
    managing.add_parsers(sub)
    sign.add_parsers(sub)
    register.add_parser(sub).set_defaults(handler=register.run)
    p = sub.add_parser("completion", help="in đoạn lệnh tự hoàn thành cho shell (bash, zsh, tcsh)")
    p.add_argument("shell", choices=("bash", "zsh", "tcsh"), help="loại shell")
    p.set_defaults(handler=_completion)
    return parser


def _completion(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """A completion script generated from the parser itself (shtab), so it never drifts:
    ``eval "$(vnadmin-docs completion bash)"``."""
    import shtab

    print(shtab.complete(_parser(), shell=args.shell), file=out)
    return EXIT_OK


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
