"""The managing body's commands: ``plan`` (the plan kit) and ``aggregate`` (many schools)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    add_register_option,
    open_numbers,
    output_folder,
    profiles,
    refuse_overwrite,
    require_soffice,
    workers,
)
from .start import add_overwrite_option, add_template_options, template_folder

if TYPE_CHECKING:
    from ..assessment.sets import BoChiSo
    from ..model import KeHoachTrienKhai, VanBan

__all__ = ["add_parsers"]


def add_parsers(sub: Any) -> None:
    p = sub.add_parser(
        "plan", help="bộ kế hoạch của cơ quan quản lý: kế hoạch, công văn, bảng phân công"
    )
    p.add_argument("input", type=Path, help="tệp kế hoạch triển khai (.yaml/.json)")
    p.add_argument("-o", "--output", type=Path, required=True, help="thư mục kết quả")
    add_register_option(p)
    add_template_options(p)
    add_overwrite_option(p, "--force")
    p.set_defaults(handler=_plan)

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
    p.add_argument(
        "--truong",
        type=Path,
        help="danh sách cơ sở cần tổng hợp (.txt mỗi dòng một tên, .csv/.xlsx cột ten, cap_hoc, "
        ".yaml/.json); mặc định: co_so của kế hoạch",
    )
    p.add_argument("--nam-hoc", help="năm học cần tổng hợp (mặc định: của kế hoạch)")
    p.add_argument("--json", action="store_true", help="in kết quả tổng hợp dạng JSON")
    p.add_argument("--docx-only", action="store_true", help="không chuyển báo cáo sang PDF")
    p.add_argument(
        "--workers",
        type=workers,
        default=min(os.cpu_count() or 1, 4),
        help="số tiến trình đọc song song khi có từ 200 tệp (mặc định: số nhân CPU, tối đa 4)",
    )
    p.set_defaults(handler=_aggregate)  # fmt: skip


def _plan(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..app.managing import build_plan

    output_folder(args.output)
    with open_numbers(args.so_dang_ky) as numbers:
        built = build_plan(args.input, args.output, templates=template_folder(args),
                           overwrite=args.ghi_de, numbers=numbers)  # fmt: skip
        for target in built:
            print(f"Đã tạo {target}", file=out)
    return EXIT_OK


def _aggregate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .._atomic import atomic_path
    from ..app.context import Context
    from ..app.managing import aggregate
    from ..assessment.aggregation import PhamVi, phan_tram_lam_tron
    from ..compose.tables import aggregate_table
    from ..io.json_text import readable_json
    from ..io.results import read_school_list
    from ..io.sets import load_indicator_set
    from ..model import BO_CHI_SO_MAC_DINH
    from ..vn.numbers import dinh_dang_so

    output_folder(args.output)
    names = ["tong-hop.json", "tong-hop.xlsx", "bao-cao-tong-hop.docx", "bao-cao-tong-hop.pdf"]
    names += ["bang-tong-hop.docx", "bang-tong-hop.pdf"]
    refuse_overwrite([*args.inputs, args.ke_hoach], [args.output / n for n in names])
    context = Context()
    plan: KeHoachTrienKhai | None = None
    sets: list[BoChiSo] = []
    if args.ke_hoach:
        from ..app.loading import load_plan

        plan, sets = load_plan(args.ke_hoach, context=context)
    name = args.bo_chi_so or (None if sets else BO_CHI_SO_MAC_DINH)
    bo = load_indicator_set(name, cache=context.reads) if name else sets[0]
    schools = read_school_list(args.truong) if args.truong else (plan.co_so if plan else None)
    scope = PhamVi(
        nam_hoc=args.nam_hoc or (plan.nam_hoc if plan else None),
        co_so=tuple(schools) if schools else None,
    )
    th, broken = aggregate(args.inputs, bo=bo, scope=scope, context=context,
                           workers=args.workers)  # fmt: skip
    for source, problems in broken:
        print(f"Không tính {source}: {len(problems)} lỗi", file=err)
        for problem in problems:
            print(f"  - {problem}", file=err)
    for problem in th.duplicates:
        print(f"Trùng: {problem}", file=err)
    for left_out in th.excluded:
        print(f"Không tính: {left_out}", file=err)
    for school in th.missing:
        print(f"Chưa có kết quả: {school.ten}", file=err)
    args.output.mkdir(parents=True, exist_ok=True)
    data = {
        **th.to_json(),
        "broken": [{"source": s, "problems": [str(p) for p in ps]} for s, ps in broken],
    }
    text = readable_json(data)
    with atomic_path(args.output / "tong-hop.json") as tmp:
        tmp.write_text(text, encoding="utf-8")
    from ..excel.tong_hop import write_tong_hop  # tong-hop.xlsx: the same numbers, for Excel

    workbook = write_tong_hop(th, bo, data, args.output / "tong-hop.xlsx")
    if args.json:
        print(text, file=out)
    else:
        of = f" trên {th.expected} đơn vị của kế hoạch" if th.expected is not None else ""
        print(f"Đã tổng hợp {len(th.counted)}{of} ({len(broken)} hồ sơ lỗi, "
              f"{len(th.duplicates)} trùng, {len(th.excluded)} ngoài phạm vi, "
              f"{len(th.missing)} chưa có kết quả)", file=out)  # fmt: skip
        for g in th.groups:
            shares = ", ".join(f"mức {lv}: {n} ({dinh_dang_so(p, chu_so_thap_phan=1)}%)" for lv, n, p in
                               zip(th.levels, g.total, phan_tram_lam_tron(g.total), strict=True))  # fmt: skip
            print(f"  Nhóm {g.code} {g.name}: {shares}", file=out)
    report: VanBan | None = None
    title = ["KẾT QUẢ ĐÁNH GIÁ MỨC ĐỘ CHUYỂN ĐỔI SỐ CÁC CƠ SỞ GIÁO DỤC", f"({bo.nguon})"]
    if plan is not None:
        from ..compose.plan import bao_cao_tong_hop
        from ..word.render import render

        report = bao_cao_tong_hop(plan, th, bo, n_broken=len(broken), broken=[s for s, _ in broken])
        target = render(report, args.output / "bao-cao-tong-hop.docx", cache=context.templates)
    else:
        from ..word.table_document import render_table_document

        target = render_table_document(
            title, [aggregate_table(th, bo)], args.output / "bang-tong-hop.docx"
        )
    print(f"Đã tạo {workbook}", file=out if not args.json else err)
    print(f"Đã tạo {target}", file=out if not args.json else err)
    if not args.docx_only:
        from ..app.dossier import write_document_metadata  # pypdf, the PDF stage: only here
        from ..compose.metadata import Unnumbered
        from ..pdf.libreoffice import LibreOfficeConverter

        (pdf,) = LibreOfficeConverter(require_soffice(), profiles=profiles()).convert(
            [target], args.output
        )
        described = report or Unnumbered("Bảng tổng hợp", " ".join(title))
        subject = report.trich_yeu if report is not None else " ".join(title)
        files = write_document_metadata(pdf, described, title=subject)
        for path in (pdf, *files):
            print(f"Đã tạo {path}", file=out if not args.json else err)
    return EXIT_FINDINGS if broken or not th.complete else EXIT_OK
