"""The ``vnadmin-docs`` command line: a thin layer over the library, in Vietnamese.

Exit codes: 0 success; 1 the checker found problems; 2 bad input, template or usage.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from docx.opc.exceptions import PackageNotFoundError

from . import __version__
from ._atomic import atomic_path
from .check import check
from .errors import InputError, Problem, TemplateError, VnAdminError
from .loader import load_document, schema
from .numbering import LoaiVanBan
from .render import render, template_path

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


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

    p = sub.add_parser("render", help="tạo tệp .docx từ tệp dữ liệu YAML/JSON")
    p.add_argument("input", type=Path, help="tệp dữ liệu văn bản (.yaml, .yml hoặc .json)")
    p.add_argument("-o", "--output", type=Path, help="tệp .docx cần tạo (mặc định: cùng tên)")
    p.add_argument("--template", type=Path, help="mẫu .docx đã chỉnh sửa (thay cho mẫu có sẵn)")

    p = sub.add_parser("check", help="kiểm tra thể thức NĐ30 của tệp .docx")
    p.add_argument("files", type=Path, nargs="+", help="tệp .docx cần kiểm tra")

    sub.add_parser("schema", help="in JSON Schema của tệp dữ liệu (để trình soạn thảo gợi ý)")

    p = sub.add_parser("template", help="xuất mẫu .docx có sẵn để chỉnh sửa trong Word")
    p.add_argument("loai", choices=[m.key for m in LoaiVanBan], help="loại văn bản")
    p.add_argument("-o", "--output", type=Path, required=True, help="tệp .docx cần tạo")
    return parser


def _render(args: argparse.Namespace, out: TextIO) -> int:
    doc = load_document(args.input)
    target = args.output or args.input.with_suffix(".docx")
    render(doc, target, template=args.template)
    print(f"Đã tạo {target}", file=out)
    return EXIT_OK


def _check(args: argparse.Namespace, out: TextIO) -> int:
    status = EXIT_OK
    for path in args.files:
        if not path.is_file():
            raise InputError([Problem("", "không tìm thấy tệp")], source=str(path))
        try:
            findings = check(path)
        except (zipfile.BadZipFile, KeyError, ValueError, PackageNotFoundError) as exc:
            problem = Problem("", f"không phải tệp Word .docx hợp lệ ({exc})")
            raise InputError([problem], source=str(path)) from None
        if findings:
            status = EXIT_FINDINGS
            print(f"{path}: {len(findings)} lỗi thể thức", file=out)
            for finding in findings:
                print(f"  - {finding}", file=out)
        else:
            print(f"{path}: đúng thể thức", file=out)
    return status


def _template(args: argparse.Namespace, out: TextIO) -> int:
    with template_path(LoaiVanBan.parse(args.loai)) as source, atomic_path(args.output) as tmp:
        shutil.copyfile(source, tmp)
    print(f"Đã xuất mẫu {args.loai} ra {args.output}", file=out)
    return EXIT_OK


def main(
    argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the command line; returns the exit code."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    args = _parser().parse_args(argv)
    try:
        if args.command == "render":
            return _render(args, out)
        if args.command == "check":
            return _check(args, out)
        if args.command == "schema":
            print(json.dumps(schema(), ensure_ascii=False, indent=2), file=out)
            return EXIT_OK
        if args.command == "template":
            return _template(args, out)
    except InputError as exc:
        where = f"{exc.source}: " if exc.source else ""
        print(f"Lỗi: {where}{len(exc.problems)} lỗi trong dữ liệu đầu vào:", file=err)
        for problem in exc.problems:
            print(f"  - {problem}", file=err)
        return EXIT_INPUT
    except TemplateError as exc:
        print(f"Lỗi mẫu văn bản: {exc}", file=err)
        return EXIT_INPUT
    except VnAdminError as exc:
        print(f"Lỗi: {exc}", file=err)
        return EXIT_INPUT
    raise AssertionError(f"unhandled command {args.command}")


if __name__ == "__main__":
    sys.exit(main())
