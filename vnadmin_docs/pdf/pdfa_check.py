"""Checking the PDF/A-2b claims of a file from the file itself (see :mod:`.pdfa`)."""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.errors import PdfReadError
from pypdf.generic import (
    ArrayObject,
    StreamObject,
)

from .pdfa import (
    BLEND_MODES,
    _output_intents,
    _x_default,
    _xmp_of,
    _xmp_values,
)

__all__ = ["check_pdfa"]


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
