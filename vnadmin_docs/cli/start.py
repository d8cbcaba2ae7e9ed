"""Commands to start and to find out: ``init`` (starter files), ``criteria`` (the indicator
set in words), ``assemble`` (``ho-so.pdf`` from a folder's parts as they are now); and the
options the building commands share (``--mau``, ``--bien``, ``--ghi-de``)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, TextIO

from ..model import BO_CHI_SO_MAC_DINH
from ._common import EXIT_FINDINGS, EXIT_OK, Progress, profiles, toc_font

__all__ = ["add_overwrite_option", "add_parsers", "add_template_options", "template_folder"]


def add_template_options(p: argparse.ArgumentParser) -> None:
    """``--mau DIR`` (alias ``--template``) and ``--bien KEY=VALUE`` (repeatable)."""
    p.add_argument(
        "--mau", "--template", type=Path, metavar="THU_MUC",
        help="thư mục mẫu riêng: to_trinh.docx, bien_ban.docx, … bia.docx, logo.png",
    )  # fmt: skip
    p.add_argument(
        "--bien", action="append", default=[], metavar="TEN=GIA_TRI",
        help="biến thêm cho mẫu ({{ bien.TEN }}); dùng nhiều lần",
    )  # fmt: skip


def add_overwrite_option(p: argparse.ArgumentParser, *aliases: str) -> None:
    """``--ghi-de`` (and ``aliases``): overwrite files edited since the last build."""
    p.add_argument(
        "--ghi-de", *aliases, dest="ghi_de", action="store_true",
        help="ghi đè cả những tệp đã được sửa sau lần tạo trước",
    )  # fmt: skip


def template_folder(args: argparse.Namespace) -> Any:
    """The :class:`~vnadmin_docs.word.folder.TemplateFolder` of ``--mau`` and ``--bien``."""
    from ..word.folder import TemplateFolder, parse_variables

    return TemplateFolder(args.mau, parse_variables(args.bien))


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("init", help="tạo các tệp khởi đầu có chú thích (trường, phòng, sở)")
    p.add_argument("loai", choices=["truong", "phong", "so"], help="loại đơn vị")
    p.add_argument("thu_muc", type=Path, help="thư mục cần tạo các tệp")
    p.add_argument("--bo-chi-so", default=BO_CHI_SO_MAC_DINH, help="bộ chỉ số (mã có sẵn)")
    p.add_argument(
        "--excel", action="store_true",
        help="(trường) tạo thêm phiếu tự đánh giá Excel phieu-tu-danh-gia.xlsx",
    )  # fmt: skip
    p.set_defaults(handler=_init)

    p = sub.add_parser("criteria", help="liệt kê nhóm, tiêu chí, chỉ báo, cách tính điểm, mức độ")
    p.add_argument("ma", nargs="?", default=BO_CHI_SO_MAC_DINH, help="mã bộ chỉ số hoặc tệp")
    p.add_argument("--json", action="store_true", help="in dạng JSON")
    p.set_defaults(handler=_criteria)

    p = sub.add_parser("assemble", help="ghép ho-so.pdf từ các phần .docx hiện có (kể cả đã sửa)")
    p.add_argument("thu_muc", type=Path, help="thư mục hồ sơ (01-bia.docx … 05-quyet-dinh.docx)")
    p.add_argument(
        "--timeout", type=float, default=300, help="giới hạn thời gian LibreOffice (giây)"
    )
    add_overwrite_option(p, "--force")
    p.set_defaults(handler=_assemble)


def _init(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..app.start import starter_files, write_starter
    from ..io.sets import load_indicator_set

    bo = load_indicator_set(args.bo_chi_so)
    files = starter_files(args.loai, bo, bo_chi_so=args.bo_chi_so)
    form = "phieu-tu-danh-gia.xlsx"
    excel = args.excel and args.loai == "truong"
    args.thu_muc.mkdir(parents=True, exist_ok=True)
    written = write_starter(args.thu_muc, files, extra=[form] if excel else [])
    if excel:
        from ..excel.form import write_form

        written.append(write_form(bo, args.thu_muc / form, bo_chi_so=args.bo_chi_so))
    for path in written:
        print(f"Đã tạo {path}", file=out)
    if args.loai == "truong":
        print(f"Sửa các tệp theo thực tế, rồi chạy: vnadmin-docs dossier "
              f"{args.thu_muc / 'ho-so.yaml'} -o ho-so", file=out)  # fmt: skip
    else:
        print(f"Sửa tệp theo thực tế, rồi chạy: vnadmin-docs plan "
              f"{args.thu_muc / 'ke-hoach.yaml'} -o ke-hoach", file=out)  # fmt: skip
    return EXIT_OK


def _criteria(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..app.start import criteria
    from ..io.sets import load_indicator_set

    data = criteria(load_indicator_set(args.ma))
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2), file=out)
        return EXIT_OK
    print(f"{data['ten']} ({data['ma']})", file=out)
    print(f"Nguồn: {data['nguon']}", file=out)
    print("Mức độ của mỗi nhóm: " + "; ".join(f"mức {m['muc']}"
          + (f" ({m['ten']})" if m["ten"] else "") + f": {m['khoang']}"
          for m in data["muc_do"]), file=out)  # fmt: skip
    for g in data["nhom"]:
        print(f"\nNhóm {g['ma']}. {g['ten']} (tối đa {g['toi_da']} điểm)", file=out)
        for tc in g["tieu_chi"]:
            if tc["bat_buoc"]:
                print(f"  {tc['ma']}  {tc['noi_dung']} [điều kiện bắt buộc: đạt/chưa đạt]",
                      file=out)  # fmt: skip
            else:
                print(f"  {tc['ma']}  {tc['noi_dung']} (tối đa {tc['toi_da']} điểm)", file=out)
            if "quy_tac" in tc:
                _rule_lines(tc["quy_tac"], "        ", out)
            for m in tc.get("muc_do", []):
                print(f"        mức {m['muc']}: {m['khoang']}", file=out)
            for item in tc["chi_bao"]:
                print(f"    {item['ma']}  {item['noi_dung']} (tối đa {item['toi_da']} điểm)",
                      file=out)  # fmt: skip
                _rule_lines(item["quy_tac"], "          ", out)
    return EXIT_OK


def _rule_lines(rule: dict[str, str], indent: str, out: TextIO) -> None:
    for line in rule["mo_ta"].splitlines():
        print(f"{indent}{line}", file=out)
    print(f"{indent}(ghi trong tệp tự đánh giá: {rule['cach_ghi']})", file=out)


def _assemble(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..app.assemble_dir import assemble_folder
    from ..app.context import Context
    from ..pdf.assemble import TocFont
    from ..pdf.libreoffice import LibreOfficeConverter
    from ._common import soffice

    converter = LibreOfficeConverter(soffice(), timeout=args.timeout, profiles=profiles())
    context = Context(converter=converter, font=TocFont(*toc_font()))
    progress = Progress(err)
    result = assemble_folder(args.thu_muc, context=context, progress=progress,
                             overwrite=args.ghi_de)  # fmt: skip
    progress.done()
    for note in result.notes:
        print(note, file=err)
    for path in result.parts:
        print(f"Đã dùng {path.name}", file=out)
    print(f"Đã tạo {result.pdf.path} ({result.pdf.pages} trang)", file=out)
    for path in result.metadata:
        print(f"Đã tạo {path}", file=out)
    return EXIT_FINDINGS if result.notes else EXIT_OK
