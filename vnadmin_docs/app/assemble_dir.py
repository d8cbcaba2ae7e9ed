"""Assembling ``ho-so.pdf`` from a dossier folder's parts as they are now (edited or not).

``vnadmin-docs dossier`` writes the parts ``01-bia.docx`` … ``05-quyet-dinh.docx``; a clerk may
then edit them in Word. :func:`assemble_folder` converts the parts found in the folder with
LibreOffice (in the order of their numbers) and assembles them as the dossier build does: a
mục lục page after the cover, a bookmark and page labels per part (titles and labels from the
part's name), PDF/A-2b when every part is. The PDF's metadata come from the folder's manifest
(written by the dossier build), else from the parts' core properties. A ``.docx`` that is not
named like a part, and a part that is missing, are reported (``Assembled.notes``); the parts
found are assembled. The NĐ30 metadata files beside the PDF are brought up to date when they
list the same parts.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from ..compose.dossier import LABELS, PDF_NAME, TITLES
from ..errors import ConversionError, InputError, Problem
from ..model import DEFAULT_ORDER, PartKey
from ..pdf.assemble import Assembled, Metadata, PartPdf, assemble
from ..word.ooxml import core_property
from .context import Context
from .dossier import write_metadata_data
from .manifest import Manifest, guard, record

__all__ = ["FolderAssembly", "assemble_folder", "find_parts"]

_PART: Final = re.compile(r"^(\d{2})-([a-z-]+)\.docx$")


@dataclass(frozen=True)
class FolderAssembly:
    """The result of :func:`assemble_folder`: the PDF, the parts used (in order), and what was
    reported about the folder (a part missing, a file not named like a part) in Vietnamese."""

    pdf: Assembled
    parts: tuple[Path, ...]
    notes: tuple[str, ...]
    metadata: tuple[Path, ...] = ()


def find_parts(folder: Path) -> tuple[list[tuple[PartKey, Path]], list[str]]:
    """The dossier parts in ``folder`` by their names (``04-bao-cao.docx`` → ``bao_cao``), in
    the order of their numbers, and notes on what is missing or misnamed."""
    found: list[tuple[str, PartKey, Path]] = []
    notes: list[str] = []
    keys = {k.replace("_", "-"): k for k in DEFAULT_ORDER}
    for path in sorted(folder.glob("*.docx")):
        if path.name.startswith(("~$", ".")):  # Word's lock files
            continue
        m = _PART.match(path.name)
        if m is None or m.group(2) not in keys:
            notes.append(f"Bỏ qua {path.name}: tên tệp không phải tên một phần của hồ sơ")
            continue
        found.append((m.group(1), keys[m.group(2)], path))
    found.sort(key=lambda entry: entry[0])
    seen: dict[PartKey, Path] = {}
    parts: list[tuple[PartKey, Path]] = []
    for _, key, path in found:
        if key in seen:
            notes.append(f"Bỏ qua {path.name}: đã có {seen[key].name} cho {TITLES[key].lower()}")
            continue
        seen[key] = path
        parts.append((key, path))
    for key in DEFAULT_ORDER:
        if key not in seen:
            notes.append(f"Thiếu phần {TITLES[key].lower()} (tệp dạng NN-{key.replace('_', '-')}"
                         ".docx)")  # fmt: skip
    return parts, notes


def _metadata(manifest: Manifest, parts: list[tuple[PartKey, Path]]) -> tuple[Metadata, str]:
    described = manifest.dossier
    meta = described.get("metadata")
    if isinstance(meta, dict):
        date = meta.get("date")
        return (
            Metadata(
                title=str(meta.get("title", "")), author=str(meta.get("author", "")),
                subject=str(meta.get("subject", "")), keywords=str(meta.get("keywords", "")),
                language=str(meta.get("language", "vi-VN")),
                date=datetime.fromisoformat(date) if isinstance(date, str) else None,
            ),
            str(described.get("toc_subtitle", "")),
        )  # fmt: skip
    # no manifest (the parts were copied here): the school from the parts themselves
    from docx import Document

    author = ""
    for _, path in parts:
        author = core_property(Document(str(path)), "author") or ""
        if author:
            break
    title = "Hồ sơ tự đánh giá mức độ chuyển đổi số" + (f" - {author}" if author else "")
    return Metadata(title=title, author=author, subject=title, keywords="chuyển đổi số"), title


def _update_nd30_metadata(pdf: Path, counts: tuple[int, ...], toc_after: int) -> list[Path]:
    """Bring ``ho-so.metadata.json``/``.xml`` up to date with the new page counts when it lists
    the same documents (the parts and the mục lục page); otherwise leave them."""
    source = pdf.with_suffix(".metadata.json")
    try:
        data: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    pages = list(counts)
    pages.insert(toc_after, 1)
    documents = data.get("Documents") if isinstance(data, dict) else None
    if not isinstance(documents, list) or len(documents) != len(pages):
        return []
    for document, n in zip(documents, pages, strict=True):
        if isinstance(document, dict):
            document["PageAmount"] = n
    data["PageTotal"] = sum(pages)
    return list(write_metadata_data(pdf, data))


def assemble_folder(
    folder: Path,
    *,
    context: Context,
    progress: Callable[[str], None] = lambda message: None,
    overwrite: bool = False,
) -> FolderAssembly:
    """Convert the dossier parts in ``folder`` (as they are now) and assemble ``ho-so.pdf``
    there; the context's converter and mục lục font are needed. A ``ho-so.pdf`` changed since
    it was built (signed, say) stops it before anything is written, unless ``overwrite``."""
    if not folder.is_dir():
        raise InputError([Problem("", "không tìm thấy thư mục hồ sơ")], source=str(folder))
    parts, notes = find_parts(folder)
    if not parts:
        problem = Problem("", "không có phần hồ sơ nào (01-bia.docx … 05-quyet-dinh.docx)")
        raise InputError([problem], source=str(folder))
    if context.converter is None or context.font is None:
        raise ConversionError("Cần LibreOffice và phông chữ mục lục để ghép hồ sơ PDF")
    pdf = folder / PDF_NAME
    guard([pdf, *(pdf.with_suffix(x) for x in (".metadata.json", ".metadata.xml"))],
          overwrite=overwrite)  # fmt: skip
    manifest = Manifest.read(folder)
    meta, subtitle = _metadata(manifest, parts)
    toc_after = 1 if parts[0][0] == "bia" else 0
    with tempfile.TemporaryDirectory(prefix="vnadmin-assemble-") as work:
        pdfs = context.converter.convert(
            [path for _, path in parts], Path(work),
            progress=lambda s: progress(f"LibreOffice đang chuyển sang PDF… {s:.0f} giây"),
        )  # fmt: skip
        progress("Đang ghép hồ sơ PDF")
        assembled = assemble(
            [PartPdf(TITLES[key], LABELS[key], pdf) for (key, _), pdf in
             zip(parts, pdfs, strict=True)],
            folder / PDF_NAME, metadata=meta, font=context.font, toc_after=toc_after,
            toc_subtitle=subtitle,
        )  # fmt: skip
    files = _update_nd30_metadata(assembled.path, assembled.counts, toc_after)
    sources = ", ".join(path.name for _, path in parts)
    record([assembled.path, *files], source=sources)
    return FolderAssembly(assembled, tuple(p for _, p in parts), tuple(notes),
                          tuple(files))  # fmt: skip
