"""The ``vnadmin-docs`` command line: a thin layer over the library, in Vietnamese.

Exit codes: 0 success; 1 the checker found problems, or some schools of a batch or an
aggregation failed (the others are done); 2 bad input, template, conversion, usage, or an
output that cannot be written (a full disk, a size limit, no right to write); 3 a bug of the
tool itself (an unexpected exception: a short Vietnamese message asks to run again with
``--debug``, which, like the environment variable ``VNADMIN_DEBUG=1``, prints the traceback
for a bug report). The exit code follows the error's class (:data:`EXIT_CODES`), never its
message. A closed output pipe (``vnadmin-docs score … | head``) ends quietly with 0.

Each command group lives in its own module (:mod:`.documents`, :mod:`.dossier`,
:mod:`.managing`, :mod:`.sign`, :mod:`.register`) and registers its sub-commands with a handler. Only light modules are
imported at the top: ``dossier`` starts LibreOffice first and imports the heavy libraries
(docxtpl, pydantic, pypdf…) while LibreOffice boots.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import signal
import sys
import traceback
from collections.abc import Sequence
from typing import Final, TextIO

from .. import __version__
from .._atomic import os_error_message
from ..errors import ConversionError, InputError, OutputError, TemplateError, VnAdminError
from ._common import EXIT_BUG, EXIT_FINDINGS, EXIT_INPUT, EXIT_OK
from ._vi import Parser

__all__ = ["EXIT_BUG", "EXIT_CODES", "EXIT_FINDINGS", "EXIT_INPUT", "EXIT_OK", "main"]

EXIT_CODES: Final[dict[type[VnAdminError], int]] = {
    InputError: EXIT_INPUT,
    TemplateError: EXIT_INPUT,
    ConversionError: EXIT_INPUT,
    OutputError: EXIT_INPUT,
    VnAdminError: EXIT_INPUT,
}
"""The exit code of each error class (the most specific class that matches wins)."""


GROUPS: Final = (
    ("documents", ("render", "check", "score", "form", "schema", "template")),
    ("dossier", ("dossier", "batch")),
    ("managing", ("plan", "aggregate")),
    ("sign", ("sign", "verify")),
    ("start", ("init", "criteria", "assemble")),
    ("register", ("register",)),
)
"""Each command group's module and the commands it registers, in the order of the help."""


def _parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; for a known ``command``, with only its group's module
    imported (each module imports what its commands need: an aggregation neither signs nor
    keeps the register)."""
    parser = Parser(
        prog="vnadmin-docs",
        description="Soạn văn bản hành chính đúng thể thức Nghị định 30/2020/NĐ-CP.",
    )
    parser.add_argument("--version", action="version", version=f"vnadmin-docs {__version__}",
                        help="in phiên bản rồi thoát")  # fmt: skip
    parser.add_argument(
        "--debug",
        action="store_true",
        help="in chi tiết lỗi (traceback) để báo lỗi; cũng bật bằng biến môi trường VNADMIN_DEBUG=1",
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser, metavar="LỆNH",
                                title="các lệnh")  # fmt: skip
    known = command in {c for _, commands in GROUPS for c in commands}
    for name, commands in GROUPS:
        if known and command not in commands:
            continue
        module = importlib.import_module(f".{name}", __name__)
        if name == "register":
            module.add_parser(sub).set_defaults(handler=module.run)
        else:
            module.add_parsers(sub)
    if not known:
        p = sub.add_parser(
            "completion", help="in đoạn lệnh tự hoàn thành cho shell (bash, zsh, tcsh)"
        )
        p.add_argument("shell", choices=("bash", "zsh", "tcsh"), help="loại shell")
        p.set_defaults(handler=_completion)
    return parser


def _command(args: Sequence[str]) -> str | None:
    """The command the arguments name (the first that is not an option), if any."""
    return next((a for a in args if not a.startswith("-")), None)


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


def _quiet_pipe(out: TextIO) -> None:
    """After the reader of our output left (``| head``): point stdout at /dev/null so that
    Python's final flush does not print a second ``BrokenPipeError``."""
    if out is sys.stdout:
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass


def main(
    argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the command line; returns the exit code (0, 1, 2, or 3 for a bug: see above).

    Run as the program (``argv`` not given), the objects alive after start-up and again at
    the end are frozen out of the cyclic garbage collector (:func:`gc.freeze`): they live as
    long as the process, so the collector need not walk them while thousands of inputs are
    read, nor once more at exit (≈50 ms of every run). A caller's ``main([...])`` leaves its
    collector alone."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    args_list = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args_list or os.environ.get("VNADMIN_DEBUG", "") not in ("", "0")
    args_list = [a for a in args_list if a != "--debug"]
    if hasattr(signal, "SIGXFSZ"):
        # past a file-size limit (ulimit -f) a write then fails with EFBIG, which we report,
        # instead of the process being killed with a truncated file behind
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    try:
        args = _parser(_command(args_list)).parse_args(args_list)
        if argv is None:  # the program itself (not a caller's main([...])): see _freeze
            gc.freeze()
        code: int = args.handler(args, out, err)
    except VnAdminError as exc:
        if debug:
            traceback.print_exc(file=err)
        _report(exc, err)
        return _exit_code(exc)
    except BrokenPipeError:
        _quiet_pipe(out)
        return EXIT_OK
    except KeyboardInterrupt:
        print("Đã dừng theo yêu cầu.", file=err)
        return 130
    except OSError as exc:
        if debug:
            traceback.print_exc(file=err)
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"Lỗi: {where}{os_error_message(exc)}", file=err)
        return EXIT_INPUT
    except Exception as exc:  # the edge: a bug gets a short message, not a traceback
        if debug:
            traceback.print_exc(file=err)
        else:
            print(
                f"Lỗi không mong đợi của chương trình ({type(exc).__name__}). Xin chạy lại lệnh "
                "với --debug và gửi toàn bộ thông báo để báo lỗi.",
                file=err,
            )
        return EXIT_BUG
    finally:
        if argv is None:
            gc.freeze()
    return code


if __name__ == "__main__":
    sys.exit(main())
