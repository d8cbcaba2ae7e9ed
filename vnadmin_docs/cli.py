"""The ``vnadmin-docs`` command line: a thin layer over the library, in Vietnamese.

Exit codes: 0 success; 1 the checker found problems, or some schools of a batch or an
aggregation failed (the others are done); 2 bad input, template, conversion or usage.

Only light modules are imported at the top: ``dossier`` starts LibreOffice first and imports
the heavy libraries (docxtpl, pydantic, pypdf…) while LibreOffice boots.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import shutil
import sys
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from . import __version__
from .convert import (
    INSTALL_HINT,
    Converter,
    LibreOfficeConverter,
    WarmLibreOffice,
    find_soffice,
    find_toc_font,
    find_uno_python,
)
from .errors import ConversionError, InputError, Problem, TemplateError, VnAdminError

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2
DOCUMENT_KEYS = ["ke_hoach", "bao_cao", "quyet_dinh", "bien_ban", "to_trinh", "cong_van"]
"""The ``LoaiVanBan`` keys, spelled out so that ``--help`` needs no heavy import (a test checks)."""


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
    p.add_argument(
        "--bang-diem",
        type=Path,
        metavar="TU_DANH_GIA",
        help="đính kèm bảng tự đánh giá (tệp tự đánh giá) làm phụ lục của báo cáo",
    )
    p.add_argument(
        "--phan-cong",
        type=Path,
        metavar="PHAN_CONG",
        help="đính kèm bảng phân công, hướng dẫn theo tiêu chí làm phụ lục",
    )

    p = sub.add_parser("score", help="chấm điểm mức độ chuyển đổi số từ tệp tự đánh giá")
    p.add_argument("input", type=Path, help="tệp tự đánh giá (.yaml/.json)")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.add_argument("--docx", type=Path, help="xuất bảng tự đánh giá ra tệp .docx riêng")

    p = sub.add_parser("dossier", help="tạo cả hồ sơ tự đánh giá (.docx từng phần và ho-so.pdf)")
    p.add_argument("input", type=Path, help="tệp hồ sơ (.yaml/.json)")
    p.add_argument("-o", "--output", type=Path, required=True, help="thư mục kết quả")
    p.add_argument("--docx-only", action="store_true", help="chỉ tạo các tệp .docx, không tạo PDF")
    p.add_argument(
        "--timeout", type=float, default=300, help="giới hạn thời gian LibreOffice (giây)"
    )
    p.add_argument(
        "--one-shot",
        action="store_true",
        help="chạy LibreOffice một lần sau khi tạo văn bản, không khởi động sẵn",
    )

    p = sub.add_parser(
        "plan", help="bộ kế hoạch của cơ quan quản lý: kế hoạch, công văn, bảng phân công"
    )
    p.add_argument("input", type=Path, help="tệp kế hoạch triển khai (.yaml/.json)")
    p.add_argument("-o", "--output", type=Path, required=True, help="thư mục kết quả")

    p = sub.add_parser("aggregate", help="tổng hợp kết quả nhiều cơ sở giáo dục")
    p.add_argument(
        "inputs",
        type=Path,
        nargs="+",
        help="hồ sơ/tệp tự đánh giá (.yaml), kết quả chấm điểm (.json) hoặc bảng tính (.csv/.xlsx)",
    )
    p.add_argument("-o", "--output", type=Path, required=True, help="thư mục kết quả")
    p.add_argument(
        "--ke-hoach", type=Path, help="tệp kế hoạch triển khai (để lập báo cáo tổng hợp)"
    )
    p.add_argument(
        "--bo-chi-so", default=None, help="bộ chỉ số (mặc định: của kế hoạch, hoặc qd-4725-2022)"
    )
    p.add_argument("--json", action="store_true", help="in kết quả tổng hợp dạng JSON")
    p.add_argument("--docx-only", action="store_true", help="không chuyển báo cáo sang PDF")

    p = sub.add_parser("batch", help="tạo hồ sơ của nhiều cơ sở giáo dục song song")
    p.add_argument("inputs", type=Path, nargs="+", help="các tệp hồ sơ (.yaml/.json)")
    p.add_argument(
        "-o", "--output", type=Path, required=True, help="thư mục kết quả (mỗi đơn vị một thư mục)"
    )
    p.add_argument("--workers", type=int, default=1, help="số tiến trình chạy song song")
    p.add_argument("--scheduler", help="địa chỉ Dask scheduler (chạy trên cụm máy có sẵn)")
    p.add_argument("--docx-only", action="store_true", help="chỉ tạo các tệp .docx")
    p.add_argument("--force", action="store_true", help="tạo lại cả những hồ sơ đã mới nhất")
    p.add_argument(
        "--timeout", type=float, default=300, help="giới hạn thời gian LibreOffice (giây)"
    )

    p = sub.add_parser("check", help="kiểm tra thể thức tệp .docx, trình bày trang tệp .pdf")
    p.add_argument("files", type=Path, nargs="+", help="tệp .docx hoặc .pdf cần kiểm tra")
    p.add_argument(
        "--pages",
        action="store_true",
        help="chuyển tệp .docx sang PDF (LibreOffice) rồi kiểm tra cả trình bày từng trang",
    )

    sub.add_parser("schema", help="in JSON Schema của tệp dữ liệu (để trình soạn thảo gợi ý)")

    p = sub.add_parser("template", help="xuất mẫu .docx có sẵn để chỉnh sửa trong Word")
    p.add_argument("loai", choices=DOCUMENT_KEYS, help="loại văn bản")
    p.add_argument("-o", "--output", type=Path, required=True, help="tệp .docx cần tạo")
    return parser  # fmt: skip


def _render(args: argparse.Namespace, out: TextIO) -> int:
    from .loader import load_assessment, load_assignment, load_document
    from .model import BaoCao
    from .rendering import render
    from .tables import dinh_kem_bang_diem

    doc = load_document(args.input)
    if args.bang_diem is not None:
        if not isinstance(doc, BaoCao):
            problem = Problem("loai", "chỉ đính kèm bảng tự đánh giá vào báo cáo (loai: bao_cao)")
            raise InputError([problem], source=str(args.input))
        _, _, scorecard = load_assessment(args.bang_diem)
        doc = dinh_kem_bang_diem(doc, scorecard)
    if args.phan_cong is not None:
        bang, bo = load_assignment(args.phan_cong)
        doc = dataclasses.replace(doc, phu_luc=[*doc.phu_luc, bang.phu_luc(bo)])
    target = args.output or args.input.with_suffix(".docx")
    render(doc, target, template=args.template)
    print(f"Đã tạo {target}", file=out)
    return EXIT_OK


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _score(args: argparse.Namespace, out: TextIO) -> int:
    from .loader import load_assessment
    from .numbers import dinh_dang_so
    from .rendering import render_table_document
    from .tables import scored_table

    _, _, sc = load_assessment(args.input)
    if args.json:
        print(json.dumps(sc.to_json(), ensure_ascii=False, indent=2), file=out)
    else:
        print(f"Bảng điểm: {sc.unit}, năm học {sc.year}", file=out)
        print(f"Bộ chỉ số: {sc.source}", file=out)
        print(f"{'Mã':<7}{'Tiêu chí':<58}{'Tối đa':>7}{'Điểm':>7}{'Mức độ':>8}", file=out)
        for g in sc.groups:
            row = f"{g.code:<7}{_short(g.name, 56):<58}{dinh_dang_so(g.max):>7}"
            print(f"{row}{dinh_dang_so(g.points):>7}{g.level:>8}", file=out)
            for c in g.criteria:
                name = _short(c.text, 54)
                if c.mandatory:
                    met = "Đạt" if c.met else "Chưa đạt"
                    print(f"  {c.code:<5}{name:<58}{'—':>7}{met:>7}{'—':>8}", file=out)
                else:
                    assert c.max is not None and c.points is not None
                    row = f"  {c.code:<5}{name:<58}{dinh_dang_so(c.max):>7}"
                    print(f"{row}{dinh_dang_so(c.points):>7}{c.level:>8}", file=out)
        print(file=out)
        for line in (*sc.explanations, *(g.gap for g in sc.groups)):
            print(line, file=out)
    if args.docx is not None:
        title = [
            "BẢNG TỰ ĐÁNH GIÁ MỨC ĐỘ CHUYỂN ĐỔI SỐ",
            f"{sc.unit.upper()} NĂM HỌC {sc.year}",
            f"(Theo {sc.source})",
        ]
        render_table_document(title, [scored_table(sc)], args.docx, author=sc.unit)
        print(f"Đã tạo {args.docx}", file=out if not args.json else sys.stderr)
    return EXIT_OK


def _profiles() -> Path:
    """Where warm LibreOffice profiles are kept between runs (the edge reads the environment)."""
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "vnadmin-docs" / "libreoffice"


def _dossier(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    warm: WarmLibreOffice | None = None
    uno_python = find_uno_python()
    if not args.docx_only and not args.one_shot and uno_python is not None:
        # start LibreOffice now: it boots while we import, load, score and render
        warm = WarmLibreOffice(
            find_soffice(), uno_python, timeout=args.timeout, profiles=_profiles()
        ).start()
    try:
        return _build(args, out, err, warm)
    finally:
        if warm is not None:
            warm.close()


def _build(args: argparse.Namespace, out: TextIO, err: TextIO, warm: WarmLibreOffice | None) -> int:
    from .assemble import TocFont
    from .build import build_dossier
    from .loader import load_dossier

    ho_so, bo, scorecard = load_dossier(args.input)
    converter: Converter | None = None
    font = None
    if not args.docx_only:
        converter = warm or LibreOfficeConverter(
            find_soffice(), timeout=args.timeout, profiles=_profiles()
        )
        found = find_toc_font()
        if found is None:
            message = f"Không tìm thấy phông Liberation Serif. Cài đặt bằng lệnh: {INSTALL_HINT}"
            raise ConversionError(message)
        font = TocFont(*found)
    live = err.isatty()

    def progress(message: str) -> None:
        if live:
            print(f"\r{message}   ", end="", file=err, flush=True)
        elif "giây" not in message:
            print(message, file=err, flush=True)

    try:
        result = build_dossier(
            ho_so, bo, scorecard, args.output, converter=converter, font=font, progress=progress
        )
    except ConversionError as exc:
        if warm is None or "python3-uno" not in str(exc):
            raise
        print("Không dùng được LibreOffice chạy sẵn; chạy LibreOffice một lần.", file=err)
        once = LibreOfficeConverter(find_soffice(), timeout=args.timeout, profiles=_profiles())
        result = build_dossier(
            ho_so, bo, scorecard, args.output, converter=once, font=font, progress=progress
        )
    if live:
        print(file=err)
    for path in result.docx:
        print(f"Đã tạo {path}", file=out)
    if result.pdf is not None:
        print(f"Đã tạo {result.pdf.path} ({result.pdf.pages} trang)", file=out)
    for line in scorecard.explanations:
        print(line, file=out)
    return EXIT_OK


def _plan(args: argparse.Namespace, out: TextIO) -> int:
    from .loader import load_plan
    from .managing import plan_documents
    from .rendering import render

    plan, sets = load_plan(args.input)
    for name, doc in plan_documents(plan, sets):
        target = render(doc, args.output / f"{name}.docx")
        print(f"Đã tạo {target}", file=out)
    return EXIT_OK


def _aggregate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .aggregate import aggregate_table, phan_tram_lam_tron, tong_hop
    from .loader import load_indicator_set, load_plan, load_school_results
    from .managing import bao_cao_tong_hop
    from .numbers import dinh_dang_so
    from .rendering import render, render_table_document

    plan, sets = load_plan(args.ke_hoach) if args.ke_hoach else (None, [])
    bo = load_indicator_set(args.bo_chi_so) if args.bo_chi_so else (sets[0] if sets else None)
    bo = bo or load_indicator_set("qd-4725-2022")
    results, broken = load_school_results(args.inputs, bo=bo)
    th = tong_hop(results, bo)
    for source, problems in broken:
        print(f"Không tính {source}: {len(problems)} lỗi", file=err)
        for problem in problems:
            print(f"  - {problem}", file=err)
    for problem in th.duplicates:
        print(f"Trùng: {problem}", file=err)
    args.output.mkdir(parents=True, exist_ok=True)
    data = {
        **th.to_json(),
        "broken": [{"source": s, "problems": [str(p) for p in ps]} for s, ps in broken],
    }
    (args.output / "tong-hop.json").write_text(
        json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2), file=out)
    else:
        print(
            f"Đã tổng hợp {len(th.counted)} đơn vị ({len(broken)} hồ sơ lỗi, {len(th.duplicates)} trùng)",
            file=out,
        )
        for g in th.groups:
            shares = ", ".join(f"mức {lv}: {n} ({dinh_dang_so(p, chu_so_thap_phan=1)}%)" for lv, n, p in
                               zip(th.levels, g.total, phan_tram_lam_tron(g.total), strict=True))  # fmt: skip
            print(f"  Nhóm {g.code} {g.name}: {shares}", file=out)
    if plan is not None:
        report = bao_cao_tong_hop(plan, th, bo, n_broken=len(broken))
        target = render(report, args.output / "bao-cao-tong-hop.docx")
    else:
        title = ["KẾT QUẢ ĐÁNH GIÁ MỨC ĐỘ CHUYỂN ĐỔI SỐ CÁC CƠ SỞ GIÁO DỤC", f"({bo.nguon})"]
        target = render_table_document(
            title, [aggregate_table(th, bo)], args.output / "bang-tong-hop.docx"
        )
    print(f"Đã tạo {target}", file=out if not args.json else err)
    if not args.docx_only:
        (pdf,) = LibreOfficeConverter(find_soffice(), profiles=_profiles()).convert(
            [target], args.output
        )
        print(f"Đã tạo {pdf}", file=out if not args.json else err)
    return EXIT_FINDINGS if broken else EXIT_OK


def _batch(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .batch import BatchOptions, BatchOutcome, build_batch

    font = None
    if not args.docx_only:
        found = find_toc_font()
        if found is None:
            raise ConversionError(
                f"Không tìm thấy phông Liberation Serif. Cài đặt bằng lệnh: {INSTALL_HINT}"
            )
        font = (str(found[0]), str(found[1]))
    options = BatchOptions(
        soffice=find_soffice(), uno_python=find_uno_python(), font=font,
        profiles=str(_profiles()), timeout=args.timeout, docx_only=args.docx_only,
    )  # fmt: skip
    total = len(args.inputs)
    done = 0
    live = err.isatty()

    def on_done(outcome: BatchOutcome) -> None:
        nonlocal done
        done += 1
        mark = {"built": "✓", "skipped": "=", "failed": "✗"}[outcome.status]
        bar = "#" * (30 * done // total) + "." * (30 - 30 * done // total)
        line = f"[{bar}] {done}/{total} {mark} {Path(outcome.outdir).name}"
        print(f"\r{line}   " if live else line, end="" if live else "\n", file=err, flush=True)

    executor = None
    client = None
    if args.scheduler:
        try:
            from distributed import Client
        except ImportError:
            raise ConversionError(
                "Chạy trên cụm Dask cần gói distributed: pip install 'vnadmin-docs[dask]'"
            ) from None
        client = Client(args.scheduler)  # type: ignore[no-untyped-call]
        executor = client.get_executor(pure=False)  # type: ignore[no-untyped-call]
    try:
        outcomes = build_batch(args.inputs, args.output, options, executor=executor,
                               workers=args.workers, force=args.force, on_done=on_done)  # fmt: skip
    finally:
        if client is not None:
            client.close()  # type: ignore[no-untyped-call]
    if live:
        print(file=err)
    counts = {s: sum(1 for o in outcomes if o.status == s) for s in ("built", "skipped", "failed")}
    print(f"Đã tạo {counts['built']}, bỏ qua (đã mới nhất) {counts['skipped']}, lỗi {counts['failed']} "
          f"trên {total} hồ sơ", file=out)  # fmt: skip
    for o in outcomes:
        if o.status == "failed":
            print(f"Lỗi: {o.source}\n  {o.message.replace(chr(10), chr(10) + '  ')}", file=err)
    return EXIT_FINDINGS if counts["failed"] else EXIT_OK


def _check(args: argparse.Namespace, out: TextIO) -> int:
    from docx.opc.exceptions import PackageNotFoundError

    from .checker import check
    from .pdf.page_check import check_pages

    status = EXIT_OK
    for path in args.files:
        if not path.is_file():
            raise InputError([Problem("", "không tìm thấy tệp")], source=str(path))
        findings: list[object] = []
        if path.suffix.lower() == ".pdf":
            findings += check_pages(path)
        else:
            try:
                findings += check(path)
            except (zipfile.BadZipFile, KeyError, ValueError, PackageNotFoundError) as exc:
                problem = Problem("", f"không phải tệp Word .docx hợp lệ ({exc})")
                raise InputError([problem], source=str(path)) from None
            if args.pages:
                with tempfile.TemporaryDirectory(prefix="vnadmin-check-") as tmp:
                    converter = LibreOfficeConverter(find_soffice(), profiles=_profiles())
                    (pdf,) = converter.convert([path], Path(tmp))
                    findings += check_pages(pdf)
        if findings:
            status = EXIT_FINDINGS
            print(f"{path}: {len(findings)} lỗi thể thức", file=out)
            for finding in findings:
                print(f"  - {finding}", file=out)
        else:
            print(f"{path}: đúng thể thức", file=out)
    return status


def _template(args: argparse.Namespace, out: TextIO) -> int:
    from ._atomic import atomic_path
    from .numbering import LoaiVanBan
    from .rendering import template_path

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
        if args.command == "score":
            return _score(args, out)
        if args.command == "dossier":
            return _dossier(args, out, err)
        if args.command == "check":
            return _check(args, out)
        if args.command == "plan":
            return _plan(args, out)
        if args.command == "aggregate":
            return _aggregate(args, out, err)
        if args.command == "batch":
            return _batch(args, out, err)
        if args.command == "schema":
            from .loader import schema

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
