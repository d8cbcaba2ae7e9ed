"""The managing body's commands: ``plan`` (the plan kit) and ``aggregate`` (many schools)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, TextIO

from ..pdf.libreoffice import LibreOfficeConverter
from ._common import EXIT_FINDINGS, EXIT_OK, profiles, require_soffice

__all__ = ["add_parsers"]


def add_parsers(sub: Any) -> None:
    p = sub.add_parser(
        "plan", help="bộ kế hoạch của cơ quan quản lý: kế hoạch, công văn, bảng phân công"
    )
    p.add_argument("input", type=Path, help="tệp kế hoạch triển khai (.yaml/.json)")
    p.add_argument("-o", "--output", type=Path, required=True, help="thư mục kết quả")
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
    p.add_argument("--json", action="store_true", help="in kết quả tổng hợp dạng JSON")
    p.add_argument("--docx-only", action="store_true", help="không chuyển báo cáo sang PDF")
    p.set_defaults(handler=_aggregate)  # fmt: skip


def _plan(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..app.managing import build_plan

    for target in build_plan(args.input, args.output):
        print(f"Đã tạo {target}", file=out)
    return EXIT_OK


def _aggregate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .._atomic import atomic_path
    from ..app.context import Context
    from ..app.dossier import write_document_metadata
    from ..app.loading import load_plan
    from ..app.managing import load_school_results
    from ..assessment.aggregation import phan_tram_lam_tron, tong_hop
    from ..compose.metadata import Unnumbered
    from ..compose.plan import bao_cao_tong_hop
    from ..compose.tables import aggregate_table
    from ..io.sets import load_indicator_set
    from ..model import BO_CHI_SO_MAC_DINH, VanBan
    from ..vn.numbers import dinh_dang_so
    from ..word.render import render
    from ..word.standalone import render_table_document

    context = Context()
    plan, sets = load_plan(args.ke_hoach, context=context) if args.ke_hoach else (None, [])
    name = args.bo_chi_so or (None if sets else BO_CHI_SO_MAC_DINH)
    bo = load_indicator_set(name, cache=context.reads) if name else sets[0]
    results, broken = load_school_results(args.inputs, bo=bo, context=context)
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
    text = json.dumps(data, ensure_ascii=False, indent=2)
    with atomic_path(args.output / "tong-hop.json") as tmp:
        tmp.write_text(text, encoding="utf-8")
    from ..excel.tong_hop import write_tong_hop  # tong-hop.xlsx: the same numbers, for Excel

    workbook = write_tong_hop(th, bo, data, args.output / "tong-hop.xlsx")
    if args.json:
        print(text, file=out)
    else:
        print(f"Đã tổng hợp {len(th.counted)} đơn vị ({len(broken)} hồ sơ lỗi, "
              f"{len(th.duplicates)} trùng)", file=out)  # fmt: skip
        for g in th.groups:
            shares = ", ".join(f"mức {lv}: {n} ({dinh_dang_so(p, chu_so_thap_phan=1)}%)" for lv, n, p in
                               zip(th.levels, g.total, phan_tram_lam_tron(g.total), strict=True))  # fmt: skip
            print(f"  Nhóm {g.code} {g.name}: {shares}", file=out)
    if plan is not None:
        report = bao_cao_tong_hop(plan, th, bo, n_broken=len(broken))
        target = render(report, args.output / "bao-cao-tong-hop.docx", cache=context.templates)
        described: VanBan | Unnumbered = report
    else:
        title = ["KẾT QUẢ ĐÁNH GIÁ MỨC ĐỘ CHUYỂN ĐỔI SỐ CÁC CƠ SỞ GIÁO DỤC", f"({bo.nguon})"]
        target = render_table_document(
            title, [aggregate_table(th, bo)], args.output / "bang-tong-hop.docx"
        )
        described = Unnumbered("Bảng tổng hợp", " ".join(title))
    print(f"Đã tạo {workbook}", file=out if not args.json else err)
    print(f"Đã tạo {target}", file=out if not args.json else err)
    if not args.docx_only:
        (pdf,) = LibreOfficeConverter(require_soffice(), profiles=profiles()).convert(
            [target], args.output
        )
        subject = described.trich_yeu if isinstance(described, VanBan) else described.subject
        files = write_document_metadata(pdf, described, title=subject)
        for path in (pdf, *files):
            print(f"Đã tạo {path}", file=out if not args.json else err)
    return EXIT_FINDINGS if broken else EXIT_OK
