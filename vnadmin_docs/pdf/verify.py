"""Verifying the signatures in a PDF with pyHanko's validator against given root certificates.

For each signature: who signed (the certificate's common name), when (the time the signer
claims, and the time-stamp's if there is one), whether the signed bytes are intact, whether the
file was changed after signing in a way a later signature does not explain, and whether the
signer's certificate chains to one of the trusted roots. :meth:`SignatureReport.describe` says
it in Vietnamese for the command line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pyhanko.keys import load_certs_from_pemder
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from ..errors import InputError, Problem
from .signed import require_pdf

__all__ = ["SignatureReport", "verify_pdf"]

_ALLOWED_AFTER = (
    ModificationLevel.NONE,
    ModificationLevel.LTA_UPDATES,
    ModificationLevel.FORM_FILLING,
)
"""Changes after a signature that keep it whole: none, validation data, more signatures."""


@dataclass(frozen=True)
class SignatureReport:
    field_name: str
    signer: str
    """The signer certificate's subject common name."""
    signing_time: datetime | None
    """The time the signer's software wrote (not proof: see ``timestamp``)."""
    intact: bool
    """The signed bytes hash to what was signed and the signature value checks."""
    unmodified: bool
    """Nothing was changed after signing except more signatures and validation data."""
    trusted: bool
    """The signer's certificate chains to one of the trusted roots."""
    timestamp: datetime | None = None
    """The time-stamp token's time (PAdES B-T), if the signature has one."""
    timestamp_trusted: bool | None = None
    problems: tuple[str, ...] = ()
    """Why a check failed, in Vietnamese."""

    @property
    def ok(self) -> bool:
        return (
            self.intact and self.unmodified and self.trusted and self.timestamp_trusted is not False
        )

    def describe(self) -> list[str]:
        """The report in Vietnamese, one line per fact."""
        when = self.signing_time.isoformat(timespec="seconds") if self.signing_time else "không rõ"
        lines = [
            f"Chữ ký {self.field_name}: {self.signer or '(không rõ người ký)'}",
            f"  Thời điểm ký (người ký ghi): {when}",
            "  Toàn vẹn: "
            + ("còn nguyên" if self.intact else "KHÔNG — nội dung đã ký bị thay đổi"),
            "  Sửa đổi sau khi ký: "
            + ("không" if self.unmodified else "CÓ — tệp bị sửa sau khi ký"),
            "  Tin cậy: "
            + ("có (chứng thư thuộc gốc tin cậy)" if self.trusted else "KHÔNG tin cậy"),
        ]
        if self.timestamp is not None:
            trusted = "tin cậy" if self.timestamp_trusted else "KHÔNG tin cậy"
            lines.append(
                f"  Dấu thời gian: {self.timestamp.isoformat(timespec='seconds')} ({trusted})"
            )
        else:
            lines.append("  Dấu thời gian: không có")
        lines += [f"  - {p}" for p in self.problems]
        return lines


def _roots(paths: Sequence[Path | str]) -> list[object]:
    certs: list[object] = []
    for path in paths:
        try:
            certs += list(load_certs_from_pemder([str(path)]))  # type: ignore[no-untyped-call]
        except (OSError, ValueError) as exc:
            problem = Problem("", f"không đọc được chứng thư gốc (PEM/DER): {exc}")
            raise InputError([problem], source=str(path)) from None
    return certs


def verify_pdf(
    path: Path | str, *, trust_roots: Sequence[Path | str], at: datetime | None = None
) -> tuple[SignatureReport, ...]:
    """Report every signature in the PDF at ``path``, in signing order.

    ``trust_roots`` are PEM or DER certificate files; ``at`` the validation time (``None``:
    pyHanko's validator takes the current time). No signature gives an empty tuple; a file
    that is not a readable PDF raises :class:`InputError`. Nothing is fetched from the network.
    """
    require_pdf(path)
    roots = _roots(trust_roots)
    context = ValidationContext(trust_roots=roots, allow_fetching=False, moment=at)
    with Path(path).open("rb") as handle:
        try:
            reader = PdfFileReader(handle, strict=False)
            signatures = list(reader.embedded_signatures)
        except (PdfError, ValueError, KeyError) as exc:
            problem = Problem("", f"tệp PDF bị hỏng, không đọc được ({exc})")
            raise InputError([problem], source=str(path)) from None
        return tuple(_report(sig, context) for sig in signatures)


def _report(sig: object, context: ValidationContext) -> SignatureReport:
    from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature

    assert isinstance(sig, EmbeddedPdfSignature)
    name = sig.field_name
    try:
        signer = str(sig.signer_cert.subject.native.get("common_name", ""))
    except (ValueError, KeyError, AttributeError):
        signer = ""
    try:
        status = validate_pdf_signature(
            sig, signer_validation_context=context, ts_validation_context=context
        )
    except Exception as exc:
        return SignatureReport(
            name, signer, sig.self_reported_timestamp, False, False, False,
            problems=(f"không kiểm tra được chữ ký ({type(exc).__name__}: {exc})",),
        )  # fmt: skip
    problems: list[str] = []
    intact = bool(status.intact and status.valid)
    if not status.intact:
        problems.append("mã băm của nội dung đã ký không khớp: nội dung bị thay đổi sau khi ký")
    elif not status.valid:
        problems.append("giá trị chữ ký không đúng với chứng thư của người ký")
    coverage_ok = status.coverage in (
        SignatureCoverageLevel.ENTIRE_FILE,
        SignatureCoverageLevel.ENTIRE_REVISION,
    )
    level = status.modification_level
    unmodified = coverage_ok and level in _ALLOWED_AFTER and status.docmdp_ok is not False
    if not coverage_ok:
        problems.append("chữ ký không bao trọn tệp")
    elif not unmodified:
        problems.append("tệp có thay đổi sau khi ký ngoài việc ký thêm")
    trusted = bool(status.trusted)
    if intact and not trusted:
        if status.revoked:
            problems.append("chứng thư của người ký đã bị thu hồi")
        else:
            problems.append("chứng thư của người ký không thuộc gốc tin cậy đã cho")
    ts = status.timestamp_validity
    ts_time = ts.timestamp if ts is not None else None
    ts_trusted = bool(ts.trusted) if ts is not None else None
    if ts is not None and not ts_trusted:
        problems.append("dấu thời gian không hợp lệ hoặc không thuộc gốc tin cậy đã cho")
    return SignatureReport(
        name, signer, status.signer_reported_dt or sig.self_reported_timestamp, intact,
        unmodified, trusted, ts_time, ts_trusted, tuple(problems),
    )  # fmt: skip
