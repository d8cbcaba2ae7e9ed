"""Commands on single documents: ``render``, ``score``, ``check``, ``schema``, ``template``."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any, TextIO

from ..errors import InputError, Problem
from ..model import BO_CHI_SO_MAC_DINH, VanBan, document_keys
from ._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    add_register_option,
    docx_template,
    open_numbers,
    refuse_overwrite,
)

__all__ = ["add_parsers"]


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("render", help="tạo tệp .docx từ tệp dữ liệu YAML/JSON")
    p.add_argument("input", type=Path, help="tệp dữ liệu văn bản (.yaml, .yml hoặc .json)")
    p.add_argument("-o", "--output", type=Path, help="tệp .docx cần tạo (mặc định: cùng tên)")
    p.add_argument(
        "--template", type=docx_template, help="mẫu .docx đã chỉnh sửa (thay cho mẫu có sẵn)"
    )
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
    add_register_option(p)
    p.add_argument(
        "--ghi-de", "--force", dest="ghi_de", action="store_true",
        help="ghi đè tệp đã được sửa sau lần tạo trước",
    )  # fmt: skip
    p.set_defaults(handler=_render)

    p = sub.add_parser("score", help="chấm điểm mức độ chuyển đổi số từ tệp tự đánh giá")
    p.add_argument(
        "input", type=Path, help="tệp tự đánh giá (.yaml/.json) hoặc phiếu Excel (.xlsx)"
    )
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.add_argument("--docx", type=Path, help="xuất bảng tự đánh giá ra tệp .docx riêng")
    p.set_defaults(handler=_score)

    p = sub.add_parser("form", help="tạo phiếu tự đánh giá Excel (.xlsx) để cơ sở giáo dục điền")
    p.add_argument("--bo-chi-so", default=BO_CHI_SO_MAC_DINH, help="bộ chỉ số (mã có sẵn hoặc tệp)")
    p.add_argument("--don-vi", default="", help="điền sẵn tên đơn vị")
    p.add_argument("--nam-hoc", default="", help="điền sẵn năm học (ví dụ 2024-2025)")
    p.add_argument(
        "-o", "--output", type=Path, required=True, help="tệp .xlsx cần tạo (hoặc thư mục)"
    )
    p.set_defaults(handler=_form)

    p = sub.add_parser("check", help="kiểm tra thể thức tệp .docx, trình bày trang tệp .pdf")
    p.add_argument("files", type=Path, nargs="+", help="tệp .docx hoặc .pdf cần kiểm tra")
    p.add_argument(
        "--pages",
        action="store_true",
        help="chuyển tệp .docx sang PDF (LibreOffice) rồi kiểm tra cả trình bày từng trang",
    )
    p.set_defaults(handler=_check)

    p = sub.add_parser("schema", help="in JSON Schema của tệp dữ liệu (để trình soạn thảo gợi ý)")
    p.add_argument("kind", nargs="?", default="van_ban", help="ho_so, tu_danh_gia, ke_hoach, "
                   "phan_cong hoặc van_ban (mặc định: văn bản)")  # fmt: skip
    p.set_defaults(handler=_schema)

    p = sub.add_parser("template", help="xuất mẫu .docx có sẵn để chỉnh sửa trong Word")
    p.add_argument("loai", choices=[*document_keys(), "bia"], help="loại văn bản (bia: bìa hồ sơ)")
    p.add_argument("-o", "--output", type=Path, required=True, help="tệp .docx cần tạo")
    p.set_defaults(handler=_template)  # fmt: skip


def _render(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    with open_numbers(args.so_dang_ky) as numbers:
        if numbers is None:
            _render_one(args, out, None)
            return EXIT_OK
        with numbers.guard():
            doc = _render_one(args, out, numbers)
        numbers.issue({doc.so: doc} if doc.so is not None else {})
        print(f"Đã vào sổ đăng ký: {doc.so_ky_hieu}", file=out)
    return EXIT_OK


def _render_one(args: argparse.Namespace, out: TextIO, numbers: Any) -> VanBan:
    from ..app.context import Context
    from ..app.loading import load_assessment, load_assignment, load_numbered_document
    from ..app.manifest import guard, record
    from ..compose.tables import dinh_kem_bang_diem, phu_luc_phan_cong
    from ..model import BaoCao
    from ..word.render import render

    target = args.output or args.input.with_suffix(".docx")
    inputs = [args.input, args.bang_diem, args.phan_cong, args.template]
    refuse_overwrite(inputs, [target])
    guard([target], overwrite=args.ghi_de)
    context = Context()
    doc = load_numbered_document(args.input, context=context, numbers=numbers)
    if args.bang_diem is not None:
        if not isinstance(doc, BaoCao):
            problem = Problem("loai", "chỉ đính kèm bảng tự đánh giá vào báo cáo (loai: bao_cao)")
            raise InputError([problem], source=str(args.input))
        _, _, scorecard = load_assessment(args.bang_diem, context=context)
        try:
            doc = dinh_kem_bang_diem(doc, scorecard)
        except InputError as exc:
            raise InputError(exc.problems, source=f"{args.input} + {args.bang_diem}") from None
    if args.phan_cong is not None:
        bang, bo = load_assignment(args.phan_cong, context=context)
        doc = dataclasses.replace(doc, phu_luc=[*doc.phu_luc, phu_luc_phan_cong(bang, bo)])
    render(doc, target, template=args.template, cache=context.templates)
    record([target], source=args.input)
    print(f"Đã tạo {target}", file=out)
    return doc


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _score(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..app.loading import load_assessment
    from ..compose.tables import scored_table
    from ..vn.numbers import dinh_dang_so
    from ..word.table_document import render_table_document

    if args.docx is not None:
        refuse_overwrite([args.input], [args.docx])
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
                    row = f"  {c.code:<5}{name:<58}{dinh_dang_so(c.max or 0):>7}"
                    print(f"{row}{dinh_dang_so(c.points or 0):>7}{c.level:>8}", file=out)
        print(file=out)
        for line in (*sc.explanations, *(g.gap for g in sc.groups)):
            print(line, file=out)
        missing = sc.without_evidence()
        if missing:
            print(file=out)
            print(f"Cảnh báo: {len(missing)} tiêu chí được tính điểm nhưng chưa có minh chứng "
                  "(ghi minh_chung cho từng mã):", file=out)  # fmt: skip
            for c in missing:
                claim = "đạt" if c.mandatory else f"{dinh_dang_so(c.points or 0)} điểm"
                print(f"  - {c.code} {_short(c.text, 60)}: {claim}", file=out)
    if args.docx is not None:
        title = [
            "BẢNG TỰ ĐÁNH GIÁ MỨC ĐỘ CHUYỂN ĐỔI SỐ",
            f"{sc.unit.upper()} NĂM HỌC {sc.year}",
            f"(Theo {sc.source})",
        ]
        render_table_document(title, [scored_table(sc)], args.docx, author=sc.unit)
        print(f"Đã tạo {args.docx}", file=out if not args.json else sys.stderr)
    return EXIT_OK


def _form(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..excel.form import write_form
    from ..io.sets import indicator_set_names, load_indicator_set

    bo = load_indicator_set(args.bo_chi_so)
    if args.output.is_dir():
        args.output = args.output / "phieu-tu-danh-gia.xlsx"
    name = args.bo_chi_so
    if name not in indicator_set_names():  # a set file: named from the form's folder
        name = os.path.relpath(Path(name).resolve(), args.output.resolve().parent)
    target = write_form(bo, args.output, don_vi=args.don_vi, nam_hoc=args.nam_hoc,
                        bo_chi_so=name)  # fmt: skip
    print(f"Đã tạo phiếu tự đánh giá {target}", file=out)
    return EXIT_OK


def _check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..pdf.libreoffice import LibreOfficeConverter
    from ..pdf.page_check import check_pages
    from ..word.check import check
    from ._common import profiles, require_soffice

    status = EXIT_OK
    for path in args.files:
        if not path.is_file():
            raise InputError([Problem("", "không tìm thấy tệp")], source=str(path))
        findings: list[object] = []
        if path.suffix.lower() == ".pdf":
            findings += check_pages(path)
        else:
            findings += check(path)
            if args.pages:
                with tempfile.TemporaryDirectory(prefix="vnadmin-check-") as tmp:
                    converter = LibreOfficeConverter(require_soffice(), profiles=profiles())
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


def _schema(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..io.json_schema import schema

    print(json.dumps(schema(args.kind), ensure_ascii=False, indent=2), file=out)
    return EXIT_OK


def _template(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .._atomic import write_atomic
    from ..vn.numbering import LoaiVanBan
    from ..word.render import template_path
    from ..word.standalone import cover_template

    refuse_overwrite([], [args.output])
    if args.loai == "bia":
        cover_template(args.output)
    else:
        with template_path(LoaiVanBan.parse(args.loai)) as source:
            write_atomic(args.output, source.read_bytes())
    print(f"Đã xuất mẫu {args.loai} ra {args.output}", file=out)
    return EXIT_OK
