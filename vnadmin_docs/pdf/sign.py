"""Signing PDFs with pyHanko: PAdES B-B, or B-T with a time-stamp server (RFC 3161).

The key is in a PKCS#12 file (:class:`Pkcs12Key`) or on a PKCS#11 token (:class:`Pkcs11Key`,
the USB tokens schools are given; SoftHSM in the tests). Each signature is an incremental update:
the signed bytes stay as they were, so the head's signature and then the seal's keep verifying.
Visible signatures follow NĐ30 (see :mod:`vnadmin_docs.pdf.appearance`).

The caller passes the signing time (the library never reads the clock); with a time-stamp server
the token's time is the one that counts. Secrets are values here: the command line reads them
from the environment or a prompt, never from its arguments.

Sign after assembly: merging PDFs breaks their signatures (:func:`is_signed` lets a step refuse).
"""

from __future__ import annotations

import contextlib
import io
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from pkcs11 import PKCS11Error
from pyhanko.config.pkcs11 import TokenCriteria
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.general import SigningError as HankoSigningError
from pyhanko.sign.pkcs11 import PKCS11Signer, open_pkcs11_session
from pyhanko.sign.signers import PdfSigner, Signer, SimpleSigner
from pyhanko.sign.signers.pdf_signer import PdfSigningSession
from pyhanko.sign.timestamps.requests_client import RequestsHTTPTimeStamper

from .._atomic import atomic_path
from ..errors import InputError, Problem
from .appearance import Appearance, Box, widget
from .signed import SignedPdfError, SigningError, is_signed, require_pdf

__all__ = [
    "Pkcs11Key",
    "Pkcs12Key",
    "Signed",
    "SignedPdfError",
    "SigningError",
    "is_signed",
    "sign_pdf",
]


@dataclass(frozen=True)
class Pkcs12Key:
    """A key and its certificate in a PKCS#12 file (.p12/.pfx)."""

    path: Path
    passphrase: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class Pkcs11Key:
    """A key on a PKCS#11 token: the vendor's module, the token's label, its PIN, the key's label.

    The certificate is looked up under ``cert_label`` (default: the key's label).
    """

    module: Path
    token_label: str
    pin: str = field(repr=False)
    key_label: str
    cert_label: str | None = None


Key = Pkcs12Key | Pkcs11Key


@dataclass(frozen=True)
class Signed:
    path: Path
    field_name: str
    signer: str
    """The signer certificate's subject common name."""
    timestamped: bool


@contextlib.contextmanager
def _open_signer(key: Key) -> Iterator[Signer]:
    if isinstance(key, Pkcs12Key):
        if not key.path.is_file():
            raise InputError([Problem("", "không tìm thấy tệp khóa PKCS#12")], source=str(key.path))
        passphrase = key.passphrase.encode() if key.passphrase is not None else None
        try:
            yield SimpleSigner.load_pkcs12_data(key.path.read_bytes(), (), passphrase=passphrase)
        except ValueError:
            raise SigningError(
                f"Không mở được tệp khóa {key.path}: sai mật khẩu hoặc không phải tệp PKCS#12."
            ) from None
        return
    if not key.module.is_file():
        message = "không tìm thấy thư viện PKCS#11 của thiết bị ký số (token)"
        raise InputError([Problem("", message)], source=str(key.module))
    try:
        session = open_pkcs11_session(
            str(key.module), token_criteria=TokenCriteria(label=key.token_label), user_pin=key.pin
        )
    except (PKCS11Error, RuntimeError, OSError) as exc:
        raise SigningError(
            f"Không mở được thiết bị ký số “{key.token_label}” ({type(exc).__name__}: {exc}): "
            "kiểm tra token đã cắm, nhãn token và mã PIN."
        ) from None
    try:
        yield PKCS11Signer(session, key_label=key.key_label, cert_label=key.cert_label)
    finally:
        session.close()


def _field_names(reader: PdfFileReader) -> list[str]:
    return [name for name, _, _ in fields.enumerate_sig_fields(reader, filled_status=None)]


def _last_visible(reader: PdfFileReader) -> tuple[int, Box] | None:
    """The 0-based page and rectangle of the last visible signature (the latest revision)."""
    best: tuple[int, tuple[int, Box]] | None = None
    for sig in reader.embedded_signatures:
        widget_dict = sig.sig_field
        rect = widget_dict.get("/Rect")
        page_ref = widget_dict.get("/P")
        if rect is None or page_ref is None:
            continue
        x0, y0, x1, y1 = (float(v) for v in rect)
        if x1 - x0 < 1 or y1 - y0 < 1:
            continue
        page_index = _page_of(reader, page_ref)
        if page_index is not None and (best is None or sig.signed_revision > best[0]):
            best = (sig.signed_revision, (page_index, (x0, y0, x1, y1)))
    return best[1] if best is not None else None


def _page_refs(reader: PdfFileReader) -> list[Any]:
    count = int(reader.root["/Pages"]["/Count"])
    find = reader.find_page_for_modification
    return [find(index)[0] for index in range(count)]  # type: ignore[no-untyped-call]


def _page_of(reader: PdfFileReader, ref: Any) -> int | None:
    target = getattr(ref, "reference", ref)
    for index, page_ref in enumerate(_page_refs(reader)):
        if getattr(page_ref, "reference", page_ref) == target:
            return index
    return None


def _pages(reader: PdfFileReader) -> list[Box]:
    """Each page's media box (inherited from the page tree when the page has none)."""
    out: list[Box] = []
    for ref in _page_refs(reader):
        node = ref.get_object()
        while "/MediaBox" not in node and "/Parent" in node:
            node = node["/Parent"]
        x0, y0, x1, y1 = (float(v) for v in node["/MediaBox"])
        out.append((x0, y0, x1, y1))
    return out


def sign_pdf(
    source: Path | str,
    out: Path | str,
    *,
    signer: Key,
    signing_time: datetime,
    appearance: Appearance | None = None,
    timestamp_url: str | None = None,
    reason: str | None = None,
    location: str | None = None,
    field_name: str | None = None,
) -> Signed:
    """Sign ``source`` into ``out`` (written atomically; ``out`` may be ``source``).

    PAdES B-B; B-T when ``timestamp_url`` names a time-stamp server. ``appearance`` makes the
    signature visible (NĐ30); ``None`` signs invisibly. The new signature field is named
    ``ChuKy<n>`` unless ``field_name`` is given. ``signing_time`` must carry its time zone.
    """
    if signing_time.tzinfo is None:
        raise ValueError("signing_time must carry its time zone")
    source = Path(source)
    require_pdf(source)
    data = source.read_bytes()
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
        if writer.prev.encrypted:
            raise InputError([Problem("", "tệp PDF có mật khẩu: hãy gỡ mật khẩu trước khi ký")],
                             source=str(source))  # fmt: skip
        existing = _field_names(writer.prev)
        pages = _pages(writer.prev)
        last = _last_visible(writer.prev) if appearance is not None else None
    except PdfError as exc:
        raise InputError([Problem("", f"tệp PDF bị hỏng, không đọc được ({exc})")],
                         source=str(source)) from None  # fmt: skip
    name = field_name or next(f"ChuKy{n}" for n in range(1, 1000) if f"ChuKy{n}" not in existing)
    if name in existing:
        raise InputError(
            [Problem("field_name", f"đã có trường chữ ký “{name}”")], source=str(source)
        )
    meta = signers.PdfSignatureMetadata(
        field_name=name,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        location=location,
    )
    timestamper = None
    if timestamp_url is not None:
        timestamper = RequestsHTTPTimeStamper(timestamp_url, timeout=30)  # type: ignore[no-untyped-call]
    with (
        tempfile.TemporaryDirectory(prefix="vnadmin-sign-") as workdir,
        _open_signer(signer) as key,
    ):
        spec = style = None
        if appearance is not None:
            placed = widget(appearance, pages=pages, last_signature=last,
                            signing_time=signing_time, workdir=Path(workdir))  # fmt: skip
            spec = fields.SigFieldSpec(name, on_page=placed.page_index, box=placed.box)
            style = placed.style
        cert = key.signing_cert
        if cert is None:
            raise SigningError("Không tìm thấy chứng thư số của khóa ký trên thiết bị.")
        pdf_signer = _AtTime(
            meta, key, signing_time, timestamper=timestamper, stamp_style=style, new_field_spec=spec
        )
        try:
            with atomic_path(out) as tmp, tmp.open("wb") as handle:
                pdf_signer.sign_pdf(writer, output=handle)
        except HankoSigningError as exc:
            raise SigningError(f"Ký số không thành công: {exc}") from None
        except OSError as exc:
            if timestamper is None:
                raise
            raise SigningError(f"Không lấy được dấu thời gian từ {timestamp_url}: {exc}") from None
        common_name = cert.subject.native.get("common_name", "")
    return Signed(Path(out), name, str(common_name), timestamper is not None)


class _AtTime(PdfSigner):
    """pyHanko's signer with the signing time given instead of read from the clock."""

    def __init__(self, meta: signers.PdfSignatureMetadata, key: Signer, when: datetime,
                 **kwargs: Any) -> None:  # fmt: skip
        super().__init__(meta, key, **kwargs)
        self._when = when

    def init_signing_session(
        self, pdf_out: Any, existing_fields_only: bool = False
    ) -> PdfSigningSession:
        session = super().init_signing_session(pdf_out, existing_fields_only)
        session.system_time = self._when
        return session
