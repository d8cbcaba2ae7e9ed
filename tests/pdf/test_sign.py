"""Signing and verifying with real components: a CA made here, a PKCS#12 file, a SoftHSM token,
a PDF made by the real LibreOffice, a time-stamp server on loopback, pyHanko's validator."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pdfplumber
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from PIL import Image, ImageDraw
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject

from tests.helpers import EXAMPLES, missing
from vnadmin_docs.cli import main
from vnadmin_docs.errors import InputError
from vnadmin_docs.io import load_document
from vnadmin_docs.pdf.appearance import (
    MM,
    STAMP_RIGHT_MM,
    SealImage,
    SignatureImage,
    TextStamp,
    find_signature_box,
)
from vnadmin_docs.pdf.assemble import Metadata, PartPdf, TocFont, assemble
from vnadmin_docs.pdf.libreoffice import LibreOfficeConverter, find_toc_font
from vnadmin_docs.pdf.sign import (
    Pkcs11Key,
    Pkcs12Key,
    SignedPdfError,
    SigningError,
    is_signed,
    sign_pdf,
)
from vnadmin_docs.pdf.verify import verify_pdf
from vnadmin_docs.word.render import render

HO_TEN = "Lương Anh Khương"
SO_KY_HIEU = "01/TTr-THCSQT"
WHEN = dt.datetime(2024, 2, 5, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))
START = dt.datetime(2023, 1, 1, tzinfo=dt.UTC)
PASSPHRASE = "mật-khẩu-thử"
PIN = "246810"
SOFTHSM_MODULES = (
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/local/lib/softhsm/libsofthsm2.so",
)


def _name(cn: str) -> x509.Name:
    return x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
        x509.NameAttribute(NameOID.COMMON_NAME, cn),
    ])  # fmt: skip


def _usage(*, ca: bool = False, tsa: bool = False) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=not ca, content_commitment=not ca and not tsa, key_encipherment=False,
        data_encipherment=False, key_agreement=False, key_cert_sign=ca, crl_sign=ca,
        encipher_only=False, decipher_only=False,
    )  # fmt: skip


@dataclass(frozen=True)
class Issued:
    key: rsa.RSAPrivateKey
    cert: x509.Certificate


def _ca(cn: str) -> Issued:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = (
        x509.CertificateBuilder().subject_name(_name(cn)).issuer_name(_name(cn))
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(START).not_valid_after(START + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(_usage(ca=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )  # fmt: skip
    return Issued(key, cert)


def _issue(ca: Issued, cn: str, *, tsa: bool = False) -> Issued:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    builder = (
        x509.CertificateBuilder().subject_name(_name(cn)).issuer_name(ca.cert.subject)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(START).not_valid_after(START + dt.timedelta(days=3000))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_usage(tsa=tsa), critical=True)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()),
                       critical=False)
    )  # fmt: skip
    if tsa:
        eku = x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING])
        builder = builder.add_extension(eku, critical=True)
    return Issued(key, builder.sign(ca.key, hashes.SHA256()))


@dataclass(frozen=True)
class Pki:
    root: Path
    other_root: Path
    p12: Path
    ca: Issued
    seal: Issued
    """The organisation's key, loaded into the SoftHSM token."""
    signature_png: Path
    seal_png: Path


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    d = tmp_path_factory.mktemp("pki")
    ca, other = _ca("CA thử nghiệm vnadmin"), _ca("CA khác")
    head = _issue(ca, HO_TEN)
    seal = _issue(ca, "Trường THCS Quyết Tiến")
    (d / "root.pem").write_bytes(ca.cert.public_bytes(serialization.Encoding.PEM))
    (d / "other.pem").write_bytes(other.cert.public_bytes(serialization.Encoding.PEM))
    data = pkcs12.serialize_key_and_certificates(
        b"hieu-truong", head.key, head.cert, [ca.cert],
        serialization.BestAvailableEncryption(PASSPHRASE.encode()),
    )  # fmt: skip
    (d / "hieu-truong.p12").write_bytes(data)
    # the signer's image: blue ink on a transparent background, 150 dpi
    img = Image.new("RGBA", (400, 160), (0, 0, 0, 0))
    ImageDraw.Draw(img).line([(20, 120), (150, 30), (250, 130), (380, 40)], fill=(20, 40, 200, 255), width=8)  # fmt: skip
    img.save(d / "chu-ky.png", dpi=(150, 150))
    # the seal: red, 472 px at 300 dpi = 40 mm
    stamp = Image.new("RGBA", (472, 472), (0, 0, 0, 0))
    ImageDraw.Draw(stamp).ellipse([6, 6, 466, 466], outline=(220, 20, 20, 255), width=14)
    stamp.save(d / "con-dau.png", dpi=(300, 300))
    return Pki(d / "root.pem", d / "other.pem", d / "hieu-truong.p12", ca, seal,
               d / "chu-ky.png", d / "con-dau.png")  # fmt: skip


@dataclass(frozen=True)
class Token:
    module: Path
    label: str
    key_label: str

    def key(self, pin: str = PIN) -> Pkcs11Key:
        return Pkcs11Key(self.module, self.label, pin, self.key_label)


@pytest.fixture(scope="session")
def softhsm(pki: Pki, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Token]:
    """A SoftHSM token with the seal's key and certificate, in a private token folder."""
    module = next((Path(m) for m in SOFTHSM_MODULES if Path(m).is_file()), None)
    tools = shutil.which("softhsm2-util"), shutil.which("pkcs11-tool")
    if module is None or None in tools:
        message = "SoftHSM2 or OpenSC's pkcs11-tool is not installed: run scripts/setup"
        missing(message)
    d = tmp_path_factory.mktemp("softhsm")
    (d / "tokens").mkdir()
    conf = d / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {d / 'tokens'}\nobjectstore.backend = file\n")
    old = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    label, key_label = "vnadmin-thu", "con-dau"
    key_pem = d / "key.pem"
    key_pem.write_bytes(pki.seal.key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ))  # fmt: skip
    cert_der = d / "cert.der"
    cert_der.write_bytes(pki.seal.cert.public_bytes(serialization.Encoding.DER))

    def run(*cmd: str) -> None:
        subprocess.run(cmd, check=True, capture_output=True, timeout=60)

    run("softhsm2-util", "--init-token", "--free", "--label", label,
        "--pin", PIN, "--so-pin", "13579111")  # fmt: skip
    run("softhsm2-util", "--import", str(key_pem), "--token", label, "--label", key_label,
        "--id", "01", "--pin", PIN)  # fmt: skip
    run("pkcs11-tool", "--module", str(module), "--token-label", label, "--login", "--pin", PIN,
        "--write-object", str(cert_der), "--type", "cert", "--id", "01", "--label", key_label)  # fmt: skip
    key_pem.unlink()
    yield Token(module, label, key_label)
    if old is None:
        del os.environ["SOFTHSM2_CONF"]
    else:
        os.environ["SOFTHSM2_CONF"] = old


@pytest.fixture(scope="session")
def document_pdf(converter: LibreOfficeConverter, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Tờ trình rendered by the library and converted by the real LibreOffice."""
    d = tmp_path_factory.mktemp("to-trinh")
    doc = load_document(EXAMPLES / "documents" / "to-trinh-thcs-quyet-tien-2024.yaml")
    (pdf,) = converter.convert([render(doc, d / "to-trinh.docx")], d)
    assert not is_signed(pdf)
    return pdf


@pytest.fixture(scope="session")
def signed_twice(document_pdf: Path, pki: Pki, softhsm: Token, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, tuple[int, tuple[float, float, float, float]]]:  # fmt: skip
    """The head's signature (PKCS#12, signature image), then the seal (SoftHSM, seal image)."""
    d = tmp_path_factory.mktemp("signed")
    place = find_signature_box(document_pdf, HO_TEN)
    head = sign_pdf(
        document_pdf, d / "1.pdf", signer=Pkcs12Key(pki.p12, PASSPHRASE), signing_time=WHEN,
        appearance=SignatureImage(pki.signature_png, *place),
    )  # fmt: skip
    assert (head.field_name, head.signer, head.timestamped) == ("ChuKy1", HO_TEN, False)
    seal = sign_pdf(head.path, d / "2.pdf", signer=softhsm.key(), signing_time=WHEN,
                    appearance=SealImage(pki.seal_png))  # fmt: skip
    assert (seal.field_name, seal.signer) == ("ChuKy2", "Trường THCS Quyết Tiến")
    return head.path, seal.path, place


def _widgets(path: Path) -> dict[str, tuple[int, list[float]]]:
    reader = PdfReader(path)
    out = {}
    for index, page in enumerate(reader.pages):
        for annot in page.get("/Annots") or []:
            a = annot.get_object()
            if a.get("/Subtype") == "/Widget":
                out[str(a["/T"])] = (index, [float(v) for v in a["/Rect"]])
    return out


def test_signed_twice_verifies_with_pyhanko_against_the_test_ca(signed_twice: tuple[Path, Path, object], pki: Pki) -> None:  # fmt: skip
    from pyhanko.keys import load_cert_from_pemder
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    _, twice, _ = signed_twice
    context = ValidationContext(trust_roots=[load_cert_from_pemder(str(pki.root))])  # type: ignore[no-untyped-call]
    with twice.open("rb") as handle:
        sigs = PdfFileReader(handle).embedded_signatures
        assert [s.field_name for s in sigs] == ["ChuKy1", "ChuKy2"]
        for sig in sigs:
            status = validate_pdf_signature(sig, context)
            assert status.intact and status.valid and status.trusted, status.summary()
            assert status.bottom_line
    reports = verify_pdf(twice, trust_roots=[pki.root], at=WHEN + dt.timedelta(days=1))
    assert [(r.field_name, r.signer, r.ok) for r in reports] == [
        ("ChuKy1", HO_TEN, True), ("ChuKy2", "Trường THCS Quyết Tiến", True)
    ]  # fmt: skip
    assert all(r.signing_time == WHEN and r.timestamp is None for r in reports)
    assert is_signed(twice)


def test_untrusted_root_is_reported(signed_twice: tuple[Path, Path, object], pki: Pki) -> None:
    reports = verify_pdf(signed_twice[1], trust_roots=[pki.other_root])
    assert [(r.intact, r.unmodified, r.trusted, r.ok) for r in reports] == [(True, True, False, False)] * 2  # fmt: skip
    assert "không thuộc gốc tin cậy" in "\n".join(reports[0].describe())


def test_nd30_placement_of_signature_image_and_seal(signed_twice: tuple[Path, Path, tuple[int, tuple[float, float, float, float]]]) -> None:  # fmt: skip
    _, twice, (page, box) = signed_twice
    widgets = _widgets(twice)
    index, (x0, y0, x1, y1) = widgets["ChuKy1"]
    assert index == page - 1 == 0
    # centred in the space between title and name, inside it, with the image's proportions
    assert abs((x0 + x1) / 2 - (box[0] + box[2]) / 2) <= 1
    assert abs((y0 + y1) / 2 - (box[1] + box[3]) / 2) <= 1
    assert box[0] - 1 <= x0 and x1 <= box[2] + 1 and box[1] - 1 <= y0 and y1 <= box[3] + 1
    assert abs((x1 - x0) / (y1 - y0) - 400 / 160) < 0.05
    # the box sits below the title (HIỆU TRƯỞNG) and above the name
    with pdfplumber.open(str(twice)) as pdf:
        p = pdf.pages[0]
        (name,) = p.search(HO_TEN)
        (title,) = p.search("HIỆU TRƯỞNG")
        height = float(p.height)
    assert height - title["bottom"] > y1 and y0 > height - name["top"]
    # the seal: real size (472 px at 300 dpi = 40 mm), its right edge at a third of the signature
    seal_index, (s0, t0, s1, t1) = widgets["ChuKy2"]
    assert seal_index == 0
    assert abs((s1 - s0) - 40 * MM) <= 1.5 and abs((t1 - t0) - 40 * MM) <= 1.5
    assert abs(s1 - (x0 + (x1 - x0) / 3)) <= 1.5
    assert abs((t0 + t1) / 2 - (y0 + y1) / 2) <= 1.5


def _flip_in_first_content_stream(path: Path, out: Path) -> None:
    data = bytearray(path.read_bytes())
    reader = PdfReader(path)
    first_revision_end = data.find(b"%%EOF")
    contents = reader.pages[0].raw_get("/Contents")
    stream_ref = contents[0] if isinstance(contents, ArrayObject) else contents
    marker = f"\n{stream_ref.idnum} 0 obj".encode()
    start = data.index(b"stream", data.index(marker)) + len(b"stream\n") + 10
    assert start < first_revision_end
    data[start] ^= 0x01
    out.write_bytes(bytes(data))


def test_one_flipped_byte_of_signed_content_is_reported_broken(signed_twice: tuple[Path, Path, object], pki: Pki, tmp_path: Path) -> None:  # fmt: skip
    broken = tmp_path / "broken.pdf"
    _flip_in_first_content_stream(signed_twice[1], broken)
    reports = verify_pdf(broken, trust_roots=[pki.root])
    assert len(reports) == 2
    assert not any(r.intact or r.ok for r in reports)
    assert "nội dung bị thay đổi" in "\n".join(reports[0].describe())
    out = io.StringIO()
    assert main(["verify", str(broken), "--trust", str(pki.root)], stdout=out) == 1
    assert "không hợp lệ" in out.getvalue()


def test_a_change_after_signing_is_reported(signed_twice: tuple[Path, Path, object], pki: Pki, tmp_path: Path) -> None:  # fmt: skip
    """An incremental update that draws on the page after signing leaves the bytes intact
    but is not a later signature: the signature is reported as modified after signing."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    head = signed_twice[0]
    with head.open("rb") as handle:
        writer = IncrementalPdfFileWriter(handle)
        stream = generic.StreamObject(stream_data=b"0 0 1 rg 100 100 50 50 re f")
        writer.add_stream_to_page(0, writer.add_object(stream))  # type: ignore[no-untyped-call]
        buffer = io.BytesIO()
        writer.write(buffer)  # type: ignore[no-untyped-call]
    (tmp_path / "changed.pdf").write_bytes(buffer.getvalue())
    (report,) = verify_pdf(tmp_path / "changed.pdf", trust_roots=[pki.root])
    assert report.intact and report.trusted and not report.unmodified and not report.ok


def test_assembling_a_signed_pdf_is_refused(signed_twice: tuple[Path, Path, object], document_pdf: Path, tmp_path: Path) -> None:  # fmt: skip
    found = find_toc_font()
    assert found is not None
    parts = [PartPdf("Tờ trình", "Tờ trình", document_pdf), PartPdf("Đã ký", "Ký", signed_twice[0])]
    with pytest.raises(SignedPdfError, match="đã được ký số") as caught:
        assemble(
            parts,
            tmp_path / "ho-so.pdf",
            metadata=Metadata("t", "a", "s", "k"),
            font=TocFont(*found),
        )
    assert caught.value.path == signed_twice[0]
    assert not (tmp_path / "ho-so.pdf").exists()


def _widgets_drawn(path: Path) -> bytes:
    """A page of page 1's size with only its widgets' appearances drawn, so text tools see them."""
    source = PdfReader(path).pages[0]
    writer = PdfWriter()
    page = writer.add_blank_page(float(source.mediabox.width), float(source.mediabox.height))
    xobjects = DictionaryObject()
    drawn = b""
    for n, annot in enumerate(source.get("/Annots") or []):
        a = annot.get_object()
        if a.get("/Subtype") != "/Widget" or "/AP" not in a:
            continue
        x0, y0 = (float(v) for v in a["/Rect"][:2])
        xobjects[NameObject(f"/W{n}")] = (
            a["/AP"]["/N"].get_object().clone(writer).indirect_reference
        )
        drawn += f"q 1 0 0 1 {x0} {y0} cm /W{n} Do Q\n".encode()
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/XObject"): xobjects})
    content = DecodedStreamObject()
    content.set_data(drawn)
    page[NameObject("/Contents")] = writer._add_object(content)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_text_stamp_top_right_of_page_one(document_pdf: Path, pki: Pki, tmp_path: Path) -> None:
    found = find_toc_font()
    assert found is not None
    signed = sign_pdf(
        document_pdf, tmp_path / "dinh-kem.pdf", signer=Pkcs12Key(pki.p12, PASSPHRASE),
        signing_time=WHEN, appearance=TextStamp(SO_KY_HIEU, found[0]),
    )  # fmt: skip
    (report,) = verify_pdf(signed.path, trust_roots=[pki.root])
    assert report.ok
    with pdfplumber.open(io.BytesIO(_widgets_drawn(signed.path))) as pdf:
        page = pdf.pages[0]
        width = float(page.width)
        lines = {line["text"]: line for line in page.extract_text_lines()}
    assert SO_KY_HIEU in lines and "2024-02-05T09:30:00+07:00" in lines
    for text in (SO_KY_HIEU, "2024-02-05T09:30:00+07:00"):
        line = lines[text]
        assert abs(line["x1"] - (width - STAMP_RIGHT_MM * MM)) < 4, line  # right-aligned at 15 mm
        assert line["top"] < 20 * MM  # inside the top margin
        assert all(abs(c["size"] - 10) < 0.01 and "LiberationSerif" in c["fontname"] for c in line["chars"])  # fmt: skip
    assert lines[SO_KY_HIEU]["top"] < lines["2024-02-05T09:30:00+07:00"]["top"]


class _Tsa(BaseHTTPRequestHandler):
    stamper: object = None

    def do_POST(self) -> None:
        from asn1crypto import tsp

        body = self.rfile.read(int(self.headers["Content-Length"]))
        response = self.stamper.request_tsa_response(tsp.TimeStampReq.load(body))  # type: ignore[attr-defined]
        data = response.dump()
        self.send_response(200)
        self.send_header("Content-Type", "application/timestamp-reply")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def tsa_url(pki: Pki) -> Iterator[str]:
    """An RFC 3161 time-stamp server on loopback (pyHanko's test TSA behind a real HTTP server)."""
    from asn1crypto import keys
    from asn1crypto import x509 as asn1_x509
    from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

    tsa = _issue(pki.ca, "TSA thử nghiệm", tsa=True)
    key_der = tsa.key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())  # fmt: skip
    handler = type("Tsa", (_Tsa,), {"stamper": DummyTimeStamper(
        asn1_x509.Certificate.load(tsa.cert.public_bytes(serialization.Encoding.DER)),
        keys.PrivateKeyInfo.load(key_der), fixed_dt=WHEN + dt.timedelta(seconds=5),
    )})  # fmt: skip
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/tsa"
    finally:
        server.shutdown()
        server.server_close()


def test_pades_b_t_with_a_time_stamp_server(document_pdf: Path, pki: Pki, tsa_url: str, tmp_path: Path) -> None:  # fmt: skip
    signed = sign_pdf(document_pdf, tmp_path / "b-t.pdf", signer=Pkcs12Key(pki.p12, PASSPHRASE),
                      signing_time=WHEN, timestamp_url=tsa_url)  # fmt: skip
    assert signed.timestamped
    (report,) = verify_pdf(signed.path, trust_roots=[pki.root])
    assert report.ok and report.timestamp_trusted
    assert report.timestamp == WHEN + dt.timedelta(seconds=5)
    assert "  Dấu thời gian: 2024-02-05T02:30:05+00:00 (tin cậy)" in report.describe()


def test_refusals(document_pdf: Path, pki: Pki, softhsm: Token, tmp_path: Path) -> None:
    not_pdf = tmp_path / "van-ban.pdf"
    not_pdf.write_text("PK… a .docx renamed", encoding="utf-8")
    key = Pkcs12Key(pki.p12, PASSPHRASE)
    with pytest.raises(InputError, match="không phải tệp PDF"):
        sign_pdf(not_pdf, tmp_path / "x.pdf", signer=key, signing_time=WHEN)
    with pytest.raises(InputError, match="không phải tệp PDF"):
        is_signed(not_pdf)
    with pytest.raises(SigningError, match="sai mật khẩu"):
        sign_pdf(document_pdf, tmp_path / "x.pdf", signer=Pkcs12Key(pki.p12, "sai"), signing_time=WHEN)  # fmt: skip
    with pytest.raises(SigningError, match="mã PIN"):
        sign_pdf(document_pdf, tmp_path / "x.pdf", signer=softhsm.key("000000"), signing_time=WHEN)  # fmt: skip
    with pytest.raises(SigningError, match="Chưa có chữ ký nào"):
        sign_pdf(document_pdf, tmp_path / "x.pdf", signer=key, signing_time=WHEN,
                 appearance=SealImage(pki.seal_png))  # fmt: skip
    with pytest.raises(ValueError, match="time zone"):
        sign_pdf(document_pdf, tmp_path / "x.pdf", signer=key, signing_time=WHEN.replace(tzinfo=None))  # fmt: skip
    assert not (tmp_path / "x.pdf").exists()
    assert "mật" not in repr(key) and PIN not in repr(softhsm.key())


def test_cli_sign_twice_then_verify(document_pdf: Path, pki: Pki, softhsm: Token, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setenv("VNADMIN_P12_PASS", PASSPHRASE)
    monkeypatch.setenv("VNADMIN_PIN", PIN)
    out, err = io.StringIO(), io.StringIO()
    head, twice = tmp_path / "ky-1.pdf", tmp_path / "ky-2.pdf"
    code = main(["sign", str(document_pdf), "-o", str(head), "--p12", str(pki.p12),
                 "--pass-env", "VNADMIN_P12_PASS", "--image", str(pki.signature_png),
                 "--ho-ten", HO_TEN], stdout=out, stderr=err)  # fmt: skip
    assert code == 0, err.getvalue()
    code = main(["sign", str(head), "-o", str(twice), "--pkcs11-module", str(softhsm.module),
                 "--token-label", softhsm.label, "--pin-env", "VNADMIN_PIN",
                 "--key-label", softhsm.key_label, "--seal", str(pki.seal_png)],
                stdout=out, stderr=err)  # fmt: skip
    assert code == 0, err.getvalue()
    assert f"Đã ký {twice} (PAdES B-B, ChuKy2, người ký: Trường THCS Quyết Tiến)" in out.getvalue()
    out = io.StringIO()
    assert main(["verify", str(twice), "--trust", str(pki.root)], stdout=out) == 0
    assert f"{twice}: 2 chữ ký hợp lệ, tin cậy" in out.getvalue()
    assert f"Chữ ký ChuKy1: {HO_TEN}" in out.getvalue()
    assert main(["verify", str(twice), "--trust", str(pki.other_root)], stdout=io.StringIO()) == 1
    assert main(["verify", str(document_pdf), "--trust", str(pki.root)], stdout=io.StringIO()) == 1
    # bad input: exit 2 with a Vietnamese message, no traceback
    not_pdf = tmp_path / "a.pdf"
    not_pdf.write_bytes(b"not a pdf")
    err = io.StringIO()
    assert main(["verify", str(not_pdf), "--trust", str(pki.root)], stderr=err) == 2
    assert "không phải tệp PDF" in err.getvalue()
    monkeypatch.delenv("VNADMIN_PIN")
    err = io.StringIO()
    code = main(["sign", str(head), "-o", str(tmp_path / "x.pdf"), "--pkcs11-module",
                 str(softhsm.module), "--token-label", softhsm.label, "--pin-env", "VNADMIN_PIN",
                 "--key-label", softhsm.key_label], stdout=io.StringIO(), stderr=err)  # fmt: skip
    assert code == 2 and "biến môi trường VNADMIN_PIN chưa được đặt" in err.getvalue()
    # a secret is never an argument
    with pytest.raises(SystemExit) as caught:
        main(["sign", str(head), "-o", str(tmp_path / "x.pdf"), "--pin", PIN], stderr=io.StringIO())
    assert caught.value.code == 2
