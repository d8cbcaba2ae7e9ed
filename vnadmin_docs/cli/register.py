"""``vnadmin-docs register …``: the outgoing register from the command line, in Vietnamese.

``add_parser(sub)`` adds the ``register`` command to the main parser's subcommands;
``run(args, out, err)`` carries it out and returns the exit code (0 done; errors are raised as
:class:`~vnadmin_docs.register.RegisterError` for the CLI to print, exit code 2). This is the
edge: it reads the clock (``datetime.now()``) and passes it to the register.
"""

from __future__ import annotations

import argparse
import dataclasses
import unicodedata
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from ..register.model import Entry, Metadata, RegisterError, Status
from ..vn.dates import Ngay
from ..vn.numbering import VIET_TAT, LoaiVanBan

__all__ = ["DEFAULT_DB", "add_parser", "resolve_loai", "run"]

DEFAULT_DB = "so-dang-ky.sqlite"
"""The SQLite register in the current folder when neither ``--db`` nor ``--url`` is given."""


def resolve_loai(text: str) -> tuple[str, str | None]:
    """A document type typed as a key, an abbreviation or a name → (name, abbreviation).

    >>> resolve_loai("quyet_dinh"), resolve_loai("TTr"), resolve_loai("kế hoạch")
    (('Quyết định', 'QĐ'), ('Tờ trình', 'TTr'), ('Kế hoạch', 'KH'))
    >>> resolve_loai("cong_van"), resolve_loai("Giấy mời")
    (('Công văn', None), ('Giấy mời', 'GM'))
    """
    t = unicodedata.normalize("NFC", text.strip())
    for member in LoaiVanBan:
        if t == member.key:
            return member.ten, member.viet_tat
    for name, abbr in VIET_TAT.items():
        if t == abbr or t.lower() == name.lower():
            return name, abbr
    if t.lower() == "công văn":
        return "Công văn", None
    valid = ", ".join([m.key for m in LoaiVanBan] + list(VIET_TAT.values()))
    raise argparse.ArgumentTypeError(f"loại văn bản không hợp lệ {text!r}; dùng một trong: {valid}")


def _ngay(text: str) -> Ngay:
    try:
        return Ngay.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _status(text: str) -> Status:
    try:
        return Status.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"phải là số nguyên dương: {text!r}")
    return int(text)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def add_parser(sub: Any) -> argparse.ArgumentParser:
    """Add ``register`` and its subcommands to ``sub`` (the main parser's subparsers)."""
    where = argparse.ArgumentParser(add_help=False)
    group = where.add_mutually_exclusive_group()
    group.add_argument(
        "--db",
        type=Path,
        default=None,
        metavar="TỆP",
        help=f"tệp sổ đăng ký SQLite (mặc định: {DEFAULT_DB} ở thư mục hiện tại)",
    )
    group.add_argument(
        "--url", metavar="postgresql://…", help="sổ đăng ký dùng chung trên máy chủ PostgreSQL"
    )
    body = argparse.ArgumentParser(add_help=False)
    body.add_argument(
        "--co-quan",
        required=True,
        type=_nfc,
        metavar="VIET_TAT",
        help="tên viết tắt của cơ quan ban hành, ví dụ THCSQT",
    )
    body.add_argument("--nam", type=int, metavar="NĂM", help="năm đăng ký (mặc định: năm nay)")
    meta = argparse.ArgumentParser(add_help=False)
    meta.add_argument(
        "--ngay", type=_ngay, metavar="YYYY-MM-DD", help="ngày tháng văn bản (có thể chỉ YYYY-MM)"
    )
    meta.add_argument("--trich-yeu", type=_nfc, default="", help="trích yếu nội dung")
    meta.add_argument("--nguoi-ky", type=_nfc, default="", help="người ký")
    meta.add_argument(
        "--noi-nhan",
        type=_nfc,
        action="append",
        default=[],
        help="nơi nhận (lặp lại cho mỗi nơi nhận)",
    )
    meta.add_argument("--ban-luu", type=_nfc, default="", help="đơn vị, người nhận bản lưu")
    meta.add_argument("--so-luong-ban", type=int, help="số lượng bản")
    meta.add_argument("--ghi-chu", type=_nfc, default="", help="ghi chú")
    kind = argparse.ArgumentParser(add_help=False)
    kind.add_argument(
        "--loai",
        required=True,
        type=resolve_loai,
        help="loại văn bản: quyet_dinh, ke_hoach… hoặc viết tắt QĐ, KH, TTr…",
    )
    kind.add_argument(
        "--ky-hieu",
        type=_nfc,
        help="ký hiệu sau dấu '/' (mặc định: <viết tắt loại>-<cơ quan>, ví dụ QĐ-THCSQT)",
    )

    p: argparse.ArgumentParser = sub.add_parser(
        "register", help="sổ đăng ký văn bản đi: cấp số, hủy số, xuất sổ"
    )
    rsub = p.add_subparsers(dest="register_command", required=True, metavar="VIỆC")
    a = rsub.add_parser(
        "allocate",
        parents=[where, body, kind, meta],
        help="cấp (giữ) số tiếp theo của năm cho văn bản sắp ban hành",
    )
    a.add_argument(
        "-n",
        "--so-luong",
        type=_positive,
        default=1,
        help="số lượng số liên tiếp cần cấp (mặc định 1)",
    )
    rsub.add_parser(
        "issue", parents=[where, body, meta], help="ghi văn bản đã ban hành với số đã giữ"
    ).add_argument("--so", type=_positive, required=True, help="số đã giữ")
    rel = rsub.add_parser(
        "release",
        parents=[where, body],
        help="trả lại số đã giữ mà không ban hành (số cuối thì trả lại, không thì hủy)",
    )
    rel.add_argument("--so", type=_positive, nargs="+", required=True, help="các số đã giữ")
    rel.add_argument("--ly-do", type=_nfc, required=True, help="lý do")
    v = rsub.add_parser("void", parents=[where, body], help="hủy một số đã cấp (ghi lý do)")
    v.add_argument("--so", type=_positive, required=True, help="số cần hủy")
    v.add_argument("--ly-do", type=_nfc, required=True, help="lý do hủy")
    r = rsub.add_parser(
        "record",
        parents=[where, body, kind, meta],
        help="ghi vào sổ một số đã cấp bằng tay (số trùng bị từ chối)",
    )
    r.add_argument("--so", type=_positive, required=True, help="số văn bản")
    ls = rsub.add_parser("list", parents=[where], help="liệt kê các số trong sổ")
    ls.add_argument("--co-quan", type=_nfc, metavar="VIET_TAT", help="chỉ cơ quan này")
    ls.add_argument("--nam", type=int, metavar="NĂM", help="chỉ năm này")
    ls.add_argument(
        "--trang-thai",
        type=_status,
        action="append",
        help="reserved (đang giữ số), issued (đã ban hành), voided (đã hủy), released (đã trả lại)",
    )
    e = rsub.add_parser(
        "export",
        parents=[where, body],
        help="xuất sổ đăng ký văn bản đi theo mẫu NĐ30 (.xlsx hoặc .docx)",
    )
    e.add_argument("-o", "--output", type=Path, required=True, help="tệp .xlsx hoặc .docx")
    e.add_argument(
        "--ten-co-quan", type=_nfc, help="tên cơ quan in trên sổ (mặc định: tên viết tắt)"
    )
    return p  # fmt: skip


def _metadata(args: argparse.Namespace, held: Metadata | None = None) -> Metadata:
    """The metadata options; what an option leaves out is kept from ``held`` (a reservation)."""
    given = Metadata(
        ngay=args.ngay, trich_yeu=args.trich_yeu, nguoi_ky=args.nguoi_ky,
        noi_nhan=tuple(args.noi_nhan), ban_luu=args.ban_luu, so_luong_ban=args.so_luong_ban,
        ghi_chu=args.ghi_chu,
    )  # fmt: skip
    if held is None:
        return given
    kept = {f.name: getattr(held, f.name) for f in dataclasses.fields(Metadata)
            if getattr(given, f.name) in (None, "", ())}  # fmt: skip
    return dataclasses.replace(given, **kept)


def _ky_hieu(args: argparse.Namespace) -> str:
    if args.ky_hieu:
        return str(args.ky_hieu)
    _, abbr = args.loai
    return f"{abbr}-{args.co_quan}" if abbr else str(args.co_quan)


def _line(e: Entry) -> str:
    ngay = str(e.metadata.ngay) if e.metadata.ngay is not None else "—"
    text = f"{e.loai} {e.metadata.trich_yeu}".strip()
    line = f"{e.co_quan:<10} {e.nam}  {e.so_ky_hieu!s:<22} {ngay:<11} {e.status.ten:<12} {text}"
    return f"{line} (lý do: {e.ly_do})" if e.ly_do else line


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Carry out ``vnadmin-docs register …``; returns the exit code."""
    from ..register.export import export_docx, export_xlsx
    from ..register.store import Register

    now = datetime.now()
    nam = getattr(args, "nam", None) or now.year
    target = args.url or args.db or Path(DEFAULT_DB)
    command = args.register_command
    if command == "export" and args.output.suffix.lower() not in (".xlsx", ".docx"):
        raise RegisterError(f"tệp xuất phải có đuôi .xlsx hoặc .docx: {args.output}")
    with Register.open(target) as reg:
        if command == "allocate":
            loai, _ = args.loai
            allocs = reg.allocate(args.co_quan, nam, loai, _ky_hieu(args), count=args.so_luong,
                                  metadata=_metadata(args), at=now)  # fmt: skip
            for x in allocs:
                print(f"Đã cấp số {x.so_ky_hieu} ({x.loai}, năm {x.nam})", file=out)
        elif command == "issue":
            held = reg.get(args.co_quan, nam, args.so)
            entry = reg.issue(held.allocation, _metadata(args, held.metadata), at=now)
            print(f"Đã ghi ban hành {entry.so_ky_hieu} năm {entry.nam}", file=out)
        elif command == "release":
            found = [reg.get(args.co_quan, nam, so).allocation for so in args.so]
            for entry in reg.release_or_void(found, args.ly_do, at=now):
                verb = {Status.RELEASED: "Đã trả lại số", Status.VOIDED: "Đã hủy số"}.get(
                    entry.status, "Giữ nguyên số"
                )
                print(f"{verb} {entry.so_ky_hieu} năm {entry.nam} ({entry.status.ten})", file=out)
        elif command == "void":
            entry = reg.void(reg.get(args.co_quan, nam, args.so), args.ly_do, at=now)
            print(f"Đã hủy số {entry.so_ky_hieu} năm {entry.nam}: {entry.ly_do}", file=out)
        elif command == "record":
            loai, _ = args.loai
            entry = reg.record(args.co_quan, nam, args.so, loai, _ky_hieu(args),
                               _metadata(args), at=now)  # fmt: skip
            print(f"Đã ghi vào sổ số {entry.so_ky_hieu} năm {entry.nam}", file=out)
        elif command == "list":
            entries = reg.entries(co_quan=args.co_quan, nam=args.nam, status=args.trang_thai)
            for e in entries:
                print(_line(e), file=out)
            print(f"Tổng cộng {len(entries)} số trong sổ {reg.where}", file=out)
        elif command == "export":
            entries = reg.entries(co_quan=args.co_quan, nam=nam)
            write = export_xlsx if args.output.suffix.lower() == ".xlsx" else export_docx
            path = write(entries, args.output, ten_co_quan=args.ten_co_quan or args.co_quan,
                         nam=nam)  # fmt: skip
            print(f"Đã xuất sổ đăng ký văn bản đi năm {nam} ({len(entries)} số) ra {path}",
                  file=out)  # fmt: skip
        else:  # pragma: no cover - argparse refuses other names
            raise AssertionError(command)
    return 0
