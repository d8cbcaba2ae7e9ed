"""``vnadmin-docs sign`` and ``vnadmin-docs verify``: the command-line edge of signing.

This module is imported when the parser is built, so it imports nothing heavy at the top:
pyHanko is loaded only when a command runs. Secrets (the PKCS#12 passphrase, the token's PIN)
come from an environment variable the user names, or from a prompt: never from an argument,
which other users of the machine could read in the process list.

Exit codes of ``verify``: 0 every signature intact and trusted; 1 a signature broken, changed
after signing or untrusted, or no signature at all; 2 bad input.
"""

from __future__ import annotations

import argparse
import getpass
import os
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from ..errors import InputError, Problem

__all__ = ["COMMANDS", "add_parsers", "run"]

COMMANDS = ("sign", "verify")


def add_parsers(sub: Any) -> None:
    """Add ``sign`` and ``verify`` to the ``vnadmin-docs`` sub-command parsers ``sub``."""
    # no abbreviations: ``--pin 1234`` must be an error, not ``--pin-env 1234``
    p = sub.add_parser("sign", help="ký số tệp PDF (PAdES), chữ ký hiện theo Nghị định 30",
                       allow_abbrev=False)  # fmt: skip
    p.add_argument("input", type=Path, help="tệp PDF cần ký")
    p.add_argument("-o", "--output", type=Path, required=True, help="tệp PDF đã ký cần tạo")
    key = p.add_argument_group("khóa ký (một trong hai)")
    key.add_argument("--p12", type=Path, help="tệp khóa PKCS#12 (.p12/.pfx)")
    key.add_argument("--pass-env", metavar="BIEN", help="biến môi trường chứa mật khẩu tệp .p12")
    key.add_argument("--pkcs11-module", type=Path, help="thư viện PKCS#11 của thiết bị ký số")
    key.add_argument("--token-label", help="nhãn của thiết bị ký số (token)")
    key.add_argument("--pin-env", metavar="BIEN", help="biến môi trường chứa mã PIN của token")
    key.add_argument("--key-label", help="nhãn của khóa ký trên token")
    look = p.add_argument_group("hình thức chữ ký (không có: chữ ký ẩn)")
    shown = look.add_mutually_exclusive_group()
    shown.add_argument("--image", type=Path, help="ảnh chữ ký (PNG nền trong, mực xanh)")
    shown.add_argument("--seal", type=Path, help="ảnh con dấu (PNG đỏ), trùm 1/3 chữ ký bên trái")
    shown.add_argument("--stamp", action="store_true", help="dấu số, ký hiệu và thời gian ký góc trên phải trang 1 (tệp đính kèm)")  # fmt: skip
    look.add_argument("--ho-ten", help="họ tên người ký, để tìm chỗ đặt ảnh chữ ký")
    look.add_argument(
        "--page", type=int, default=-1, help="trang đặt chữ ký (mặc định: trang cuối)"
    )
    look.add_argument(
        "--seal-mm", type=float, help="đường kính con dấu (mm), khi ảnh không ghi dpi"
    )
    look.add_argument("--so-ky-hieu", help="số, ký hiệu văn bản (cho --stamp)")
    look.add_argument("--font", type=Path, help="phông chữ TrueType cho --stamp (mặc định: Liberation Serif)")  # fmt: skip
    p.add_argument("--tsa", metavar="URL", help="máy chủ cấp dấu thời gian (PAdES B-T)")
    p.add_argument("--reason", help="lý do ký")
    p.add_argument("--location", help="nơi ký")
    p.set_defaults(handler=run)

    p = sub.add_parser("verify", help="kiểm tra chữ ký số trong tệp PDF")
    p.add_argument("input", type=Path, help="tệp PDF cần kiểm tra")
    p.add_argument("--trust", type=Path, action="append", required=True, metavar="GOC.pem",
                   help="chứng thư gốc tin cậy (PEM/DER); nhắc lại cho nhiều gốc")  # fmt: skip
    p.set_defaults(handler=run)


def _secret(var: str | None, prompt: str, err: TextIO, *, what: str) -> str | None:
    if var is not None:
        value = os.environ.get(var)
        if value is None:
            raise InputError([Problem(what, f"biến môi trường {var} chưa được đặt")])
        return value
    if os.isatty(0):
        return getpass.getpass(prompt, stream=err)
    return None


def _key(args: argparse.Namespace, err: TextIO) -> Any:
    from ..pdf.sign import Pkcs11Key, Pkcs12Key

    token = (args.pkcs11_module, args.token_label, args.key_label)
    if args.p12 is not None and any(v is not None for v in token):
        raise InputError(
            [Problem("", "chọn một khóa ký: --p12 hoặc --pkcs11-module, không cả hai")]
        )
    if args.p12 is not None:
        return Pkcs12Key(
            args.p12, _secret(args.pass_env, "Mật khẩu tệp .p12: ", err, what="--pass-env")
        )
    if any(v is None for v in token):
        message = "cần --p12, hoặc đủ --pkcs11-module, --token-label và --key-label"
        raise InputError([Problem("", message)])
    pin = _secret(args.pin_env, "Mã PIN của token: ", err, what="--pin-env")
    if pin is None:
        raise InputError(
            [Problem("--pin-env", "cần mã PIN: đặt --pin-env BIEN hoặc chạy trong cửa sổ lệnh")]
        )
    return Pkcs11Key(args.pkcs11_module, args.token_label, pin, args.key_label)


def _appearance(args: argparse.Namespace) -> Any:
    from ..pdf.appearance import SealImage, SignatureImage, TextStamp, find_signature_box
    from ..pdf.libreoffice import INSTALL_HINT, find_toc_font

    if args.image is not None:
        if not args.ho_ten:
            raise InputError([Problem("--ho-ten", "cần họ tên người ký để đặt ảnh chữ ký")])
        page, box = find_signature_box(args.input, args.ho_ten, page=args.page)
        return SignatureImage(args.image, page, box)
    if args.seal is not None:
        return SealImage(args.seal, diameter_mm=args.seal_mm)
    if args.stamp:
        if not args.so_ky_hieu:
            raise InputError([Problem("--so-ky-hieu", "cần số, ký hiệu văn bản cho --stamp")])
        font = args.font
        if font is None:
            found = find_toc_font()
            if found is None:
                raise InputError(
                    [Problem("--font", f"không tìm thấy phông Liberation Serif: {INSTALL_HINT}")]
                )
            font = found[0]
        return TextStamp(args.so_ky_hieu, font)
    return None


def _sign(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..pdf.sign import sign_pdf
    from ..pdf.signed import require_pdf

    require_pdf(args.input)
    signer = _key(args, err)
    signed = sign_pdf(
        args.input, args.output, signer=signer, signing_time=datetime.now().astimezone(),
        appearance=_appearance(args), timestamp_url=args.tsa, reason=args.reason,
        location=args.location,
    )  # fmt: skip
    kind = "PAdES B-T (có dấu thời gian)" if signed.timestamped else "PAdES B-B"
    print(f"Đã ký {signed.path} ({kind}, {signed.field_name}, người ký: {signed.signer})", file=out)
    return 0


def _verify(args: argparse.Namespace, out: TextIO) -> int:
    from ..pdf.verify import verify_pdf

    reports = verify_pdf(args.input, trust_roots=args.trust, at=datetime.now().astimezone())
    if not reports:
        print(f"{args.input}: không có chữ ký số", file=out)
        return 1
    for report in reports:
        print("\n".join(report.describe()), file=out)
    bad = sum(1 for r in reports if not r.ok)
    if bad:
        print(
            f"{args.input}: {bad}/{len(reports)} chữ ký không hợp lệ hoặc không tin cậy", file=out
        )
        return 1
    print(f"{args.input}: {len(reports)} chữ ký hợp lệ, tin cậy", file=out)
    return 0


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``sign`` or ``verify``; library errors propagate to the CLI's handlers (exit 2)."""
    if args.command == "sign":
        return _sign(args, out, err)
    return _verify(args, out)
