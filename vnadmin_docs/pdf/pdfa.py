"""PDF/A-2b: what an assembled PDF needs to keep the claim its parts make, and a check of it.

LibreOffice writes each part as PDF/A-2b (``SelectPdfVersion=2``, see ``convert.py``). Merging
the parts with pypdf keeps their pages (fonts embedded) but drops their catalogs, so
:func:`make_pdfa` gives the merged file what the catalog and trailer must carry: one XMP packet
(``pdfaid:part=2``, ``pdfaid:conformance=B``, the Dublin Core title/creator/description/language,
dates equal to the Info dictionary's), the parts' own output intent (LibreOffice's sRGB
IEC61966-2.1 profile, reused: no profile file is shipped), and a document ID. It only makes the
claim when every part makes it: a plain part gives a plain PDF, never a false claim.

:func:`vnadmin_docs.pdf.pdfa_check.check_pdfa` verifies the claims from the file itself (veraPDF, the reference validator,
is neither on Debian nor on PyPI; this check is ours and covers less, see its docstring).
The library never reads the clock: the dates are a parameter, and are left out without one.
"""

from __future__ import annotations

import hashlib
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Final
from xml.sax.saxutils import escape

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DictionaryObject,
    NameObject,
    StreamObject,
)

__all__ = [
    "DocInfo",
    "claims_pdfa",
    "make_pdfa",
    "page_count",
    "pdf_date",
    "xmp_date",
]

NS: Final = {
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

    >>> from datetime import timedelta, timezone
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

    >>> from datetime import timedelta, timezone
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
