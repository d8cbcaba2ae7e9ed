"""PDF/A-2b: what an assembled PDF needs to keep the claim its parts make, and a check of it.

LibreOffice writes each part as PDF/A-2b (``SelectPdfVersion=2``, see ``convert.py``). Merging
the parts with pypdf keeps their pages (fonts embedded) but drops their catalogs, so
:func:`make_pdfa` gives the merged file what the catalog and trailer must carry: one XMP packet
(``pdfaid:part=2``, ``pdfaid:conformance=B``, the Dublin Core title/creator/description/language,
dates equal to the Info dictionary's), the parts' own output intent (LibreOffice's sRGB
IEC61966-2.1 profile, reused: no profile file is shipped), and a document ID. It only makes the
claim when every part makes it: a plain part gives a plain PDF, never a false claim.

:func:`check_pdfa` verifies the claims from the file itself (veraPDF, the reference validator,
is neither on Debian nor on PyPI; this check is ours and covers less, see its docstring).
The library never reads the clock: the dates are a parameter, and are left out without one.
"""

from __future__ import annotations

import hashlib
import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PdfReadError
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DictionaryObject,
    NameObject,
    StreamObject,
)

__all__ = [
    "DocInfo",
    "check_pdfa",
    "claims_pdfa",
    "make_pdfa",
    "page_count",
    "pdf_date",
    "xmp_date",
]

NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "xmpMM": "http://ns.adobe.com/xap/1.0/mm/",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

_MODES = "Normal Compatible Multiply Screen Overlay Darken Lighten ColorDodge ColorBurn HardLight"
BLEND_MODES = frozenset(
    f"/{m}" for m in [*_MODES.split(), "SoftLight", "Difference", "Exclusion", "Hue", "Saturation",
                      "Color", "Luminosity"]
)  # fmt: skip
"""The standard blend modes of ISO 32000-1 11.3.5 (PDF/A-2 allows no others)."""


@dataclass(frozen=True)
class DocInfo:
    """What the Info dictionary and the XMP packet both say (kept equal by construction)."""

    title: str
    author: str
    subject: str
    keywords: str
    language: str = "vi-VN"
    creator: str = "vnadmin_docs"
    producer: str = "vnadmin_docs (LibreOffice, pypdf)"
    date: datetime | None = None
    """Creation and modification date (timezone-aware), e.g. the last part's issue date;
    ``None`` leaves both out of the Info dictionary and the XMP."""


def pdf_date(when: datetime) -> str:
    """A PDF date string.

    >>> pdf_date(datetime(2024, 2, 7, tzinfo=timezone(timedelta(hours=7))))
    "D:20240207000000+07'00'"
    """
    offset = when.utcoffset()
    if offset is None:
        raise ValueError("the date needs a timezone")
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"D:{when:%Y%m%d%H%M%S}{sign}{hours:02d}'{rest:02d}'"


def xmp_date(when: datetime) -> str:
    """An XMP (ISO 8601) date.

    >>> xmp_date(datetime(2024, 2, 7, tzinfo=timezone(timedelta(hours=7))))
    '2024-02-07T00:00:00+07:00'
    """
    if when.utcoffset() is None:
        raise ValueError("the date needs a timezone")
    return when.isoformat(timespec="seconds")


def _xmp_packet(info: DocInfo, document_id: str) -> bytes:
    def alt(value: str) -> str:
        return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(value)}</rdf:li></rdf:Alt>'

    dates = ""
    if info.date is not None:
        when = xmp_date(info.date)
        dates = (
            f"<xmp:CreateDate>{when}</xmp:CreateDate><xmp:ModifyDate>{when}</xmp:ModifyDate>"
            f"<xmp:MetadataDate>{when}</xmp:MetadataDate>"
        )
    body = (
        f'<rdf:Description rdf:about="" xmlns:pdfaid="{NS["pdfaid"]}">'
        "<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>"
        "</rdf:Description>"
        f'<rdf:Description rdf:about="" xmlns:dc="{NS["dc"]}">'
        "<dc:format>application/pdf</dc:format>"
        f"<dc:title>{alt(info.title)}</dc:title>"
        f"<dc:creator><rdf:Seq><rdf:li>{escape(info.author)}</rdf:li></rdf:Seq></dc:creator>"
        f"<dc:description>{alt(info.subject)}</dc:description>"
        f"<dc:language><rdf:Bag><rdf:li>{escape(info.language)}</rdf:li></rdf:Bag></dc:language>"
        "</rdf:Description>"
        f'<rdf:Description rdf:about="" xmlns:pdf="{NS["pdf"]}">'
        f"<pdf:Producer>{escape(info.producer)}</pdf:Producer>"
        f"<pdf:Keywords>{escape(info.keywords)}</pdf:Keywords>"
        "</rdf:Description>"
        f'<rdf:Description rdf:about="" xmlns:xmp="{NS["xmp"]}">'
        f"<xmp:CreatorTool>{escape(info.creator)}</xmp:CreatorTool>{dates}"
        "</rdf:Description>"
        f'<rdf:Description rdf:about="" xmlns:xmpMM="{NS["xmpMM"]}">'
        f"<xmpMM:DocumentID>{document_id}</xmpMM:DocumentID>"
        f"<xmpMM:InstanceID>{document_id}</xmpMM:InstanceID>"
        "</rdf:Description>"
    )
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        f'<x:xmpmeta xmlns:x="{NS["x"]}"><rdf:RDF xmlns:rdf="{NS["rdf"]}">{body}'
        "</rdf:RDF></x:xmpmeta>\n"
        '<?xpacket end="r"?>'
    )
    return packet.encode("utf-8")


def _xmp_of(reader: PdfReader) -> ET.Element | None:
    root: Any = reader.trailer["/Root"].get_object()
    stream = root.get("/Metadata")
    if stream is None:
        return None
    try:
        return ET.fromstring(stream.get_object().get_data())
    except ET.ParseError:
        return None


def _xmp_values(xmp: ET.Element, prefix: str, name: str) -> list[str]:
    """Every value of one XMP property (element or attribute form; rdf:li items flattened)."""
    tag = f"{{{NS[prefix]}}}{name}"
    values: list[str] = []
    for description in xmp.iter(f"{{{NS['rdf']}}}Description"):
        if tag in description.attrib:
            values.append(description.attrib[tag])
        for element in description.findall(tag):
            items = list(element.iter(f"{{{NS['rdf']}}}li"))
            values += [(i.text or "") for i in items] if items else [(element.text or "").strip()]
    return values


def _x_default(xmp: ET.Element, prefix: str, name: str) -> list[str]:
    """The ``x-default`` item of a language alternative (or its only item)."""
    tag = f"{{{NS[prefix]}}}{name}"
    found = []
    for element in xmp.iter(tag):
        items = list(element.iter(f"{{{NS['rdf']}}}li"))
        chosen = [i for i in items if i.get(XML_LANG) == "x-default"] or items[:1]
        found += [(i.text or "") for i in chosen]
    return found


def _output_intents(reader: PdfReader) -> list[DictionaryObject]:
    root: Any = reader.trailer["/Root"].get_object()
    intents = root.get("/OutputIntents")
    if intents is None:
        return []
    return [i.get_object() for i in intents.get_object()]


def page_count(path: Path) -> int:
    """The number of pages of a PDF."""
    return len(PdfReader(path).pages)


def claims_pdfa(reader: PdfReader) -> bool:
    """Whether a PDF claims PDF/A-2 (any conformance level) and has an output intent."""
    xmp = _xmp_of(reader)
    return (
        xmp is not None
        and _xmp_values(xmp, "pdfaid", "part") == ["2"]
        and any("/DestOutputProfile" in i for i in _output_intents(reader))
    )


def _document_id(info: DocInfo, parts: Sequence[PdfReader]) -> bytes:
    """16 bytes from the metadata and the parts' own IDs: the same inputs give the same file."""
    digest = hashlib.sha256(repr(info).encode("utf-8"))
    for reader in parts:
        ids = reader.trailer.get("/ID")
        digest.update(bytes(ids[0].original_bytes) if ids else str(len(reader.pages)).encode())
    return digest.digest()[:16]


def make_pdfa(writer: PdfWriter, parts: Sequence[PdfReader], info: DocInfo) -> bool:
    """Set the Info dictionary, the trailer ID and, when every part claims PDF/A-2, the XMP
    packet and the first part's output intent. Returns whether the result claims PDF/A-2b."""
    entries = {
        "/Title": info.title,
        "/Author": info.author,
        "/Subject": info.subject,
        "/Keywords": info.keywords,
        "/Creator": info.creator,
        "/Producer": info.producer,
    }
    if info.date is not None:
        entries["/CreationDate"] = entries["/ModDate"] = pdf_date(info.date)
    writer.add_metadata(entries)
    identifier = _document_id(info, parts)
    writer._ID = ArrayObject([ByteStringObject(identifier), ByteStringObject(identifier)])
    if not parts or not all(claims_pdfa(r) for r in parts):
        return False
    intent = next(i for i in _output_intents(parts[0]) if "/DestOutputProfile" in i)
    root = writer.root_object
    cloned = intent.clone(writer)
    reference = cloned.indirect_reference or writer._add_object(cloned)
    root[NameObject("/OutputIntents")] = ArrayObject([reference])
    metadata = StreamObject()
    metadata[NameObject("/Type")] = NameObject("/Metadata")
    metadata[NameObject("/Subtype")] = NameObject("/XML")
    metadata.set_data(_xmp_packet(info, f"uuid:{uuid.UUID(bytes=identifier)}"))
    root[NameObject("/Metadata")] = writer._add_object(metadata)
    return True


# ---------------------------------------------------------------- the check

_PDF_DATE = re.compile(
    r"^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:(Z)|([+-])(\d{2})'?(\d{2})?'?)?'?$"
)


def _parse_pdf_date(text: str) -> datetime | None:
    m = _PDF_DATE.match(text.strip())
    if not m:
        return None
    year, month, day, hour, minute, second, _zulu, sign, oh, om = m.groups()
    offset = timedelta(0)
    if sign:
        offset = timedelta(hours=int(oh), minutes=int(om or 0)) * (1 if sign == "+" else -1)
    return datetime(
        int(year), int(month or 1), int(day or 1), int(hour or 0), int(minute or 0),
        int(second or 0), tzinfo=timezone(offset),
    )  # fmt: skip


def _parse_xmp_date(text: str) -> datetime | None:
    try:
        when = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def _walk_resources(reader: PdfReader) -> Iterator[tuple[int, Any]]:
    """(page number, resources) of every page, its form XObjects and annotation appearances."""
    for number, page in enumerate(reader.pages, start=1):
        seen: set[int] = set()
        pending: list[Any] = []
        if "/Resources" in page:
            pending.append(page["/Resources"].get_object())
        for annot in page.get("/Annots") or []:
            for appearance in (annot.get_object().get("/AP") or {}).values():
                appearance = appearance.get_object()
                streams = [appearance] if isinstance(appearance, StreamObject) else [
                    s.get_object() for s in appearance.values()
                ]  # fmt: skip
                pending += [s["/Resources"].get_object() for s in streams if "/Resources" in s]
        while pending:
            resources = pending.pop()
            if id(resources) in seen:
                continue
            seen.add(id(resources))
            yield number, resources
            for xobject in (resources.get("/XObject") or {}).values():
                xobject = xobject.get_object()
                if xobject.get("/Subtype") == "/Form" and "/Resources" in xobject:
                    pending.append(xobject["/Resources"].get_object())


def _font_problems(reader: PdfReader) -> list[str]:
    problems = []
    reported: set[tuple[int, str]] = set()
    for number, resources in _walk_resources(reader):
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            if font.get("/Subtype") == "/Type3":
                continue  # glyphs drawn by content streams: nothing to embed
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            embedded = descriptor is not None and any(
                k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            name = str(font.get("/BaseFont", "?")).lstrip("/")
            if not embedded and (number, name) not in reported:
                reported.add((number, name))
                problems.append(f"trang {number}: phông {name} không được nhúng vào tệp")
    return problems


def _transparency(reader: PdfReader) -> tuple[list[str], list[str]]:
    """(where transparency is used, blend modes PDF/A-2 forbids)."""
    used: list[str] = []
    bad: list[str] = []
    for number, page in enumerate(reader.pages, start=1):
        group = page.get("/Group")
        if group is not None and group.get_object().get("/S") == "/Transparency":
            used.append(f"trang {number}: nhóm trong suốt (/Group /Transparency)")
    for number, resources in _walk_resources(reader):
        for name, state in (resources.get("/ExtGState") or {}).items():
            state = state.get_object()
            for key in ("/CA", "/ca"):
                if key in state and float(state[key]) < 1:
                    used.append(f"trang {number}: {name} có độ trong suốt {key} = {state[key]}")
            smask = state.get("/SMask")
            if smask is not None and smask != "/None":
                used.append(f"trang {number}: {name} có mặt nạ mềm (SMask)")
            modes = state.get("/BM")
            for mode in modes if isinstance(modes, ArrayObject) else [modes] if modes else []:
                if str(mode) not in BLEND_MODES:
                    bad.append(f"trang {number}: {name} dùng chế độ hòa trộn {mode} không chuẩn")
        for name, xobject in (resources.get("/XObject") or {}).items():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Image" and "/SMask" in xobject:
                used.append(f"trang {number}: ảnh {name} có mặt nạ mềm (SMask)")
    return used, bad


def check_pdfa(path: Path) -> list[str]:
    """The problems that stop ``path`` from holding its PDF/A-2b claims (empty: they hold).

    Checked, from the file alone:

    - the header is ``%PDF-1.n`` (n ≤ 7); the file is not encrypted; the trailer has an ``/ID``;
    - the catalog has an XMP packet (``/Metadata``, ``/Type /Metadata /Subtype /XML``, well-formed
      XML) with ``pdfaid:part`` 2 and ``pdfaid:conformance`` B;
    - there is an output intent ``/GTS_PDFA1`` with a ``/DestOutputProfile`` ICC stream (with
      ``/N`` 1, 3 or 4), and all output intents share one profile;
    - every font used on a page, in its form XObjects or its annotations' appearances is
      embedded (``/FontFile``, ``/FontFile2`` or ``/FontFile3``; Type 3 fonts need none);
    - transparency (a page ``/Group /S /Transparency``, an ExtGState ``/CA`` or ``/ca`` below 1
      or an ``/SMask`` other than ``/None``, an image with an ``/SMask``) only with an output
      intent; blend modes only the standard ones;
    - the Info dictionary agrees with the XMP: Title = dc:title, Author = dc:creator, Subject =
      dc:description, Keywords = pdf:Keywords, Producer = pdf:Producer, Creator =
      xmp:CreatorTool, CreationDate = xmp:CreateDate, ModDate = xmp:ModifyDate (as instants).

    Not checked (veraPDF would): the font programs themselves (widths, cmaps, CIDSet), the ICC
    profile's content, colour spaces used against the output intent, annotation flags, actions
    and JavaScript, XMP extension schemas, the file's byte-level syntax.
    """
    problems: list[str] = []
    with path.open("rb") as handle:
        header = handle.read(9)
    if not re.match(rb"^%PDF-1\.[0-7]", header):
        problems.append(f"đầu tệp {header[:8]!r} không phải %PDF-1.0 … %PDF-1.7")
    try:
        reader = PdfReader(path)
        reader.trailer["/Root"].get_object()
    except (PdfReadError, KeyError, ValueError) as exc:
        return [*problems, f"không đọc được tệp PDF ({exc})"]
    if reader.is_encrypted:
        return [*problems, "tệp được mã hóa (PDF/A không cho phép mã hóa)"]
    if not reader.trailer.get("/ID"):
        problems.append("thiếu mã định danh tệp (/ID trong trailer)")

    root: Any = reader.trailer["/Root"].get_object()
    xmp = _xmp_of(reader)
    stream = root.get("/Metadata")
    if stream is None:
        problems.append("thiếu siêu dữ liệu XMP (/Metadata trong danh mục tài liệu)")
    elif xmp is None:
        problems.append("siêu dữ liệu XMP không phải XML hợp lệ")
    else:
        stream = stream.get_object()
        if stream.get("/Type") != "/Metadata" or stream.get("/Subtype") != "/XML":
            problems.append("luồng siêu dữ liệu XMP thiếu /Type /Metadata /Subtype /XML")
        part = _xmp_values(xmp, "pdfaid", "part")
        conformance = _xmp_values(xmp, "pdfaid", "conformance")
        if part != ["2"]:
            problems.append(f"XMP không khai báo PDF/A-2 (pdfaid:part = {part or 'không có'})")
        if conformance != ["B"]:
            problems.append(
                f"XMP không khai báo mức B (pdfaid:conformance = {conformance or 'không có'})"
            )

    intents = [i for i in _output_intents(reader) if i.get("/S") == "/GTS_PDFA1"]
    profiles: list[Any] = [
        i["/DestOutputProfile"].get_object() for i in intents if "/DestOutputProfile" in i
    ]
    if not profiles:
        problems.append("thiếu ý định đầu ra (OutputIntent /GTS_PDFA1 có DestOutputProfile)")
    else:
        if any(p.get("/N") not in (1, 3, 4) for p in profiles):
            problems.append("hồ sơ màu ICC của ý định đầu ra không có /N hợp lệ (1, 3 hoặc 4)")
        if len({hashlib.sha256(p.get_data()).hexdigest() for p in profiles}) > 1:
            problems.append("các ý định đầu ra dùng những hồ sơ màu ICC khác nhau")

    problems += _font_problems(reader)
    used, bad = _transparency(reader)
    problems += bad
    if used and not profiles:
        problems += [f"{u} mà không có ý định đầu ra" for u in used]

    if xmp is not None:
        problems += _consistency(reader, xmp)
    return problems


def _consistency(reader: PdfReader, xmp: ET.Element) -> list[str]:
    info: Any = reader.metadata or {}
    problems = []
    texts = [
        ("/Title", "tiêu đề", _x_default(xmp, "dc", "title"), "dc:title"),
        ("/Author", "tác giả", _xmp_values(xmp, "dc", "creator"), "dc:creator"),
        ("/Subject", "chủ đề", _x_default(xmp, "dc", "description"), "dc:description"),
        ("/Keywords", "từ khóa", _xmp_values(xmp, "pdf", "Keywords"), "pdf:Keywords"),
        ("/Producer", "phần mềm tạo PDF", _xmp_values(xmp, "pdf", "Producer"), "pdf:Producer"),
        ("/Creator", "ứng dụng tạo", _xmp_values(xmp, "xmp", "CreatorTool"), "xmp:CreatorTool"),
    ]
    for key, label, values, prop in texts:
        if key not in info:
            continue
        value = str(info[key])
        if key == "/Author":
            ok = values == [value] or ", ".join(values) == value
        else:
            ok = values == [value]
        if not ok:
            shown = values[0] if values else "không có"
            problems.append(f"{label} trong Info ({value!r}) khác {prop} trong XMP ({shown!r})")
    for key, label, prop in (
        ("/CreationDate", "ngày tạo", "CreateDate"),
        ("/ModDate", "ngày sửa", "ModifyDate"),
    ):
        if key not in info:
            continue
        values = _xmp_values(xmp, "xmp", prop)
        ours = _parse_pdf_date(str(info[key]))
        theirs = _parse_xmp_date(values[0]) if values else None
        if ours is None or theirs is None or ours != theirs:
            shown = values[0] if values else "không có"
            problems.append(f"{label} trong Info ({info[key]}) khác xmp:{prop} trong XMP ({shown})")
    return problems
