"""Commands that build dossiers: ``dossier`` (one school) and ``batch`` (many, in parallel)."""

from __future__ import annotations

import argparse
import functools
from pathlib import Path
from typing import Any, TextIO

from ..errors import ConversionError, UnoUnavailableError
from ..pdf.libreoffice import Converter, LibreOfficeConverter, find_uno_python
from ..pdf.warm import WarmLibreOffice
from ._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    Progress,
    add_register_option,
    open_numbers,
    output_folder,
    positive_seconds,
    profiles,
    require_soffice,
    scheduler_address,
    soffice,
    toc_font,
    workers,
)
from .start import add_overwrite_option, add_template_options, template_folder

__all__ = ["add_parsers"]


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("dossier", help="tạo cả hồ sơ tự đánh giá (.docx từng phần và ho-so.pdf)")
    p.add_argument("input", type=Path, help="tệp hồ sơ (.yaml/.json)")
    p.add_argument("-o", "--output", type=Path, required=True, help="thư mục kết quả")
    p.add_argument("--docx-only", action="store_true", help="chỉ tạo các tệp .docx, không tạo PDF")
    p.add_argument(
        "--timeout",
        type=positive_seconds,
        default=300,
        help="giới hạn thời gian LibreOffice (giây)",
    )
    p.add_argument(
        "--one-shot",
        action="store_true",
        help="chạy LibreOffice một lần sau khi tạo văn bản, không khởi động sẵn",
    )
    add_register_option(p)
    add_template_options(p)
    add_overwrite_option(p, "--force")
    p.set_defaults(handler=_dossier)

    p = sub.add_parser("batch", help="tạo hồ sơ của nhiều cơ sở giáo dục song song")
    p.add_argument("inputs", type=Path, nargs="+", help="các tệp hồ sơ (.yaml/.json)")
    p.add_argument(
        "-o", "--output", type=Path, required=True, help="thư mục kết quả (mỗi đơn vị một thư mục)"
    )
    p.add_argument("--workers", type=workers, default=1, help="số tiến trình chạy song song")
    p.add_argument(
        "--scheduler",
        type=scheduler_address,
        help="địa chỉ Dask scheduler (chạy trên cụm máy có sẵn)",
    )
    p.add_argument("--docx-only", action="store_true", help="chỉ tạo các tệp .docx")
    p.add_argument("--force", action="store_true", help="tạo lại cả những hồ sơ đã mới nhất")
    p.add_argument(
        "--timeout",
        type=positive_seconds,
        default=300,
        help="giới hạn thời gian LibreOffice (giây)",
    )
    add_template_options(p)
    add_overwrite_option(p)
    p.set_defaults(handler=_batch)  # fmt: skip


def _dossier(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    output_folder(args.output)
    warm: WarmLibreOffice | None = None
    if not args.docx_only:
        require_soffice()  # before any work: say how to install it, or to add --docx-only
    uno_python = find_uno_python()
    if not args.docx_only and not args.one_shot and uno_python is not None:
        # start LibreOffice now: it boots while we import, load, score and render
        warm = WarmLibreOffice(
            soffice(), uno_python, timeout=args.timeout, profiles=profiles()
        ).start()
    try:
        return _build(args, out, err, warm)
    finally:
        if warm is not None:
            warm.close()


def _build(args: argparse.Namespace, out: TextIO, err: TextIO, warm: WarmLibreOffice | None) -> int:
    with open_numbers(args.so_dang_ky) as numbers:
        if numbers is None:
            return _build_one(args, out, err, warm, None)
        with numbers.guard():
            code = _build_one(args, out, err, warm, numbers)
        return code


def _build_one(
    args: argparse.Namespace, out: TextIO, err: TextIO, warm: WarmLibreOffice | None, numbers: Any
) -> int:
    from ..app.context import Context
    from ..app.dossier import build_dossier
    from ..app.loading import load_dossier
    from ..model import VanBan
    from ..pdf.assemble import TocFont

    context = Context()
    dossier = load_dossier(args.input, context=context, numbers=numbers)
    converter: Converter | None = None
    if not args.docx_only:
        converter = warm or LibreOfficeConverter(
            soffice(), timeout=args.timeout, profiles=profiles()
        )
        context.font = TocFont(*toc_font())
    progress = Progress(err)
    templates = template_folder(args)
    build = functools.partial(build_dossier, dossier, args.output, context=context,
                              progress=progress, templates=templates, overwrite=args.ghi_de,
                              source=args.input)  # fmt: skip
    try:
        result = build(converter=converter)
    except UnoUnavailableError:
        if warm is None:
            raise
        print("Không dùng được LibreOffice chạy sẵn; chạy LibreOffice một lần.", file=err)
        once = LibreOfficeConverter(soffice(), timeout=args.timeout, profiles=profiles())
        result = build(converter=once)
    progress.done()
    for path in result.docx:
        print(f"Đã tạo {path}", file=out)
    if result.pdf is not None:
        print(f"Đã tạo {result.pdf.path} ({result.pdf.pages} trang)", file=out)
    for line in dossier.scorecard.explanations:
        print(line, file=out)
    if numbers is not None:
        docs = {p.doc.so: p.doc for p in dossier.parts if isinstance(p.doc, VanBan) and p.doc.so}
        for entry in numbers.issue(docs):
            print(f"Đã vào sổ đăng ký: {entry.so_ky_hieu} ({entry.loai})", file=out)
    return EXIT_OK


def _batch(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from tqdm import tqdm

    from ..app.batch import BatchOptions, BatchOutcome, build_batch

    output_folder(args.output)
    font = None
    if not args.docx_only:
        require_soffice()
        regular, bold = toc_font()
        font = (str(regular), str(bold))
    options = BatchOptions(
        soffice=soffice(), uno_python=find_uno_python(), font=font,
        profiles=str(profiles()), timeout=args.timeout, docx_only=args.docx_only,
        templates=str(args.mau) if args.mau else None, overwrite=args.ghi_de,
        variables=tuple(template_folder(args).variables.items()),
    )  # fmt: skip
    total = len(args.inputs)
    done = 0
    live = err.isatty()
    # on a terminal: a progress bar with the rate and the time left (tqdm); in a log: one line
    # per school
    bar = tqdm(total=total, file=err, unit=" hồ sơ", dynamic_ncols=True, disable=not live,
               bar_format="{l_bar}{bar}| {n}/{total} [{elapsed}<{remaining}, {rate_fmt}]")  # fmt: skip

    def on_done(outcome: BatchOutcome) -> None:
        nonlocal done
        done += 1
        mark = {"built": "✓", "skipped": "=", "failed": "✗"}[outcome.status]
        if live:
            bar.set_postfix_str(f"{mark} {Path(outcome.outdir).name}", refresh=False)
            bar.update(1)
        else:
            print(f"{done}/{total} {mark} {Path(outcome.outdir).name}", file=err, flush=True)

    executor = None
    client = None
    if args.scheduler:
        try:
            from distributed import Client
        except ImportError:
            raise ConversionError(
                "Chạy trên cụm Dask cần gói distributed: pip install 'vnadmin-docs[dask]'"
            ) from None
        try:
            client = Client(args.scheduler, timeout=30)  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError, ValueError) as exc:
            raise ConversionError(
                f"Không kết nối được Dask scheduler {args.scheduler}: {exc}"
            ) from None
        executor = client.get_executor(pure=False)  # type: ignore[no-untyped-call]
    try:
        outcomes = build_batch(args.inputs, args.output, options, executor=executor,
                               workers=args.workers, force=args.force, on_done=on_done)  # fmt: skip
    finally:
        if client is not None:
            client.close()  # type: ignore[no-untyped-call]
    bar.close()
    counts = {s: sum(1 for o in outcomes if o.status == s) for s in ("built", "skipped", "failed")}
    print(f"Đã tạo {counts['built']}, bỏ qua (đã mới nhất) {counts['skipped']}, lỗi {counts['failed']} "
          f"trên {total} hồ sơ", file=out)  # fmt: skip
    for o in outcomes:
        if o.status == "failed":
            print(f"Lỗi: {o.source}\n  {o.message.replace(chr(10), chr(10) + '  ')}", file=err)
    return EXIT_FINDINGS if counts["failed"] else EXIT_OK
