"""Building a whole dossier: render every part, convert them in one LibreOffice run, assemble.

``build_dossier(load_dossier("ho-so.yaml"), Path("out"), converter=…, font=…)`` renders the
parts composed when the dossier was loaded (nothing is composed again) and returns a
:class:`DossierResult` with the .docx paths, the scorecard and the assembled PDF
(``out/ho-so.pdf``, PDF/A-2b, with its NĐ30 Phụ lục VI metadata ``ho-so.metadata.json`` and
``ho-so.metadata.xml``); without a converter only the .docx files are written.
"""

from __future__ import annotations

import dataclasses
import json
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from .._atomic import atomic_path
from ..assessment.scorecard import Scorecard
from ..compose.dossier import PDF_NAME, Bia, Dossier, Phan
from ..compose.metadata import Part, Unnumbered, metadata, metadata_xml
from ..errors import ConversionError
from ..model import VanBan
from ..pdf.assemble import Assembled, Metadata, PartPdf, TocFont, assemble
from ..pdf.libreoffice import Converter
from ..pdf.pdfa import page_count
from ..word.folder import TemplateFolder
from ..word.render import check_context, check_template, render
from ..word.standalone import cover_context, render_cover
from .context import Context
from .manifest import guard, record

__all__ = [
    "PDF_NAME",
    "DossierFiles",
    "DossierResult",
    "build_dossier",
    "build_dossier_bytes",
    "outputs",
]


@dataclass(frozen=True)
class DossierResult:
    parts: tuple[Phan, ...]
    docx: tuple[Path, ...]
    scorecard: Scorecard
    pdf: Assembled | None
    """``None`` when only the .docx files were asked for."""
    metadata: tuple[Path, ...] = ()
    """The PDF's NĐ30 metadata files (.metadata.json, .metadata.xml) beside it."""


VIETNAM = timezone(timedelta(hours=7))


def write_metadata(
    pdf: Path, parts: Sequence[tuple[Part, int]], *, title: str
) -> tuple[Path, Path]:
    """Write ``<name>.metadata.json`` and ``<name>.metadata.xml`` beside ``pdf`` (atomically):
    NĐ30 Phụ lục VI metadata of every part with its page count."""
    return write_metadata_data(pdf, metadata(parts, title=title))


def write_metadata_data(pdf: Path, data: dict[str, Any]) -> tuple[Path, Path]:
    """Write NĐ30 metadata already made (``compose.metadata.metadata``) beside ``pdf``."""
    written = []
    for suffix, text in (
        (".metadata.json", json.dumps(data, ensure_ascii=False, indent=2) + "\n"),
        (".metadata.xml", metadata_xml(data)),
    ):
        target = pdf.with_suffix(suffix)
        with atomic_path(target) as tmp:
            tmp.write_text(text, encoding="utf-8")
        written.append(target)
    return written[0], written[1]


def write_document_metadata(pdf: Path, part: Part, *, title: str) -> tuple[Path, Path]:
    """:func:`write_metadata` for a PDF of one document (its pages counted from the file)."""
    return write_metadata(pdf, [(part, page_count(pdf))], title=title)


def _noop(message: str) -> None:
    del message


def _check_templates(
    parts: Sequence[Phan], folder: TemplateFolder, variables: dict[str, str], context: Context
) -> None:
    """Every folder template the parts use, checked against its part before any is written."""
    for part in parts:
        if isinstance(part.doc, Bia):
            cover = folder.template("bia")
            if cover is not None:
                b = part.doc
                ctx = cover_context(b.co_quan, b.tieu_de, b.nam_hoc, b.dia_danh_nam)
                check_context(cover, ctx, what="bìa hồ sơ", cache=context.templates,
                              variables=variables, logo=folder.logo)  # fmt: skip
        else:
            template = folder.template(part.doc.LOAI.key)
            if template is not None:
                check_template(part.doc, template, cache=context.templates,
                               variables=variables, logo=folder.logo)  # fmt: skip


def outputs(dossier: Dossier, outdir: Path, *, docx_only: bool) -> list[Path]:
    """The files a build of ``dossier`` into ``outdir`` writes (the parts, then the PDF)."""
    files = [outdir / f"{name}.docx" for name in dossier.names]
    return files if docx_only else [*files, outdir / PDF_NAME]


def _appendices(doc: object) -> tuple[tuple[str, str], ...]:
    """``(label, title)`` of a document's appendices, for the mục lục."""
    if not isinstance(doc, VanBan):
        return ()
    return tuple(
        (doc.nhan_phu_luc(i), " ".join(pl.tieu_de.split("\n")[0].split()))
        for i, pl in enumerate(doc.phu_luc)
    )


def build_dossier(
    dossier: Dossier,
    outdir: Path,
    *,
    converter: Converter | None = None,
    font: TocFont | None = None,
    context: Context | None = None,
    progress: Callable[[str], None] = _noop,
    templates: TemplateFolder | None = None,
    overwrite: bool = False,
    source: str | Path | None = None,
) -> DossierResult:
    """Write every part as .docx into ``outdir`` and, with a ``converter`` (or the context's),
    ``outdir/ho-so.pdf``.

    ``templates`` is a school's template folder and extra variables (with the input's
    ``bien``); every folder template is checked before anything is written. A part edited
    since the last build (see :mod:`.manifest`) stops the build before anything is written
    (:class:`~vnadmin_docs.errors.EditedFilesError`) unless ``overwrite``. What was written is
    recorded in the folder's manifest, from ``source`` (the input's path).
    Every file is written atomically; a failed conversion leaves no PDF behind.
    """
    context = context or Context()
    converter = converter or context.converter
    font = font or context.font
    ho_so, bo, scorecard, parts = dossier.ho_so, dossier.bo, dossier.scorecard, dossier.parts
    folder = templates or TemplateFolder()
    variables = {**ho_so.bien, **folder.variables}
    targets = outputs(dossier, outdir, docx_only=converter is None)
    if converter is not None:
        targets += [(outdir / PDF_NAME).with_suffix(s) for s in (".metadata.json", ".metadata.xml")]
    guard(targets, overwrite=overwrite)
    _check_templates(parts, folder, variables, context)
    outdir.mkdir(parents=True, exist_ok=True)
    progress(f"Đang tạo {len(parts)} văn bản .docx")
    docx: list[Path] = []

    def rendered() -> Iterator[Path]:
        """Render each part when the converter asks for it (a warm LibreOffice converts the
        first parts while the later ones are rendered)."""
        for part, name in zip(parts, dossier.names, strict=True):
            target = outdir / f"{name}.docx"
            if isinstance(part.doc, Bia):
                b = part.doc
                render_cover(b.co_quan, b.tieu_de, b.nam_hoc, b.dia_danh_nam, target,
                             template=folder.template("bia"), cache=context.templates,
                             variables=variables, logo=folder.logo)  # fmt: skip
            else:
                render(part.doc, target, template=folder.template(part.doc.LOAI.key),
                       cache=context.templates, variables=variables, logo=folder.logo)  # fmt: skip
            docx.append(target)
            yield target

    title = f"Hồ sơ tự đánh giá mức độ chuyển đổi số năm học {ho_so.nam_hoc}"
    days = [p.doc.ngay.day for p in parts if isinstance(p.doc, VanBan) and p.doc.ngay.day]
    last = max((d for d in days if d is not None), default=None)
    toc_after = 1 if parts[0].key == "bia" else 0
    meta = Metadata(
        title=f"{title} - {ho_so.co_quan.ten_mot_dong}",
        author=ho_so.co_quan.ten_mot_dong,
        subject=f"Tự đánh giá theo {bo.nguon}",
        keywords=f"chuyển đổi số, tự đánh giá, {bo.ma}, {ho_so.nam_hoc}",
        date=None if last is None else datetime(*last.timetuple()[:3], tzinfo=VIETNAM),
    )
    date = None if meta.date is None else meta.date.isoformat()
    described = {"metadata": {**dataclasses.asdict(meta), "date": date},
                 "toc_subtitle": f"{title} - {ho_so.co_quan.ten_mot_dong}"}  # fmt: skip
    if converter is None:
        for _ in rendered():
            pass
        record(docx, source=source, dossier=described)
        return DossierResult(tuple(parts), tuple(docx), scorecard, None)
    if font is None:
        raise ConversionError("Cần phông chữ (TocFont) để vẽ trang mục lục của hồ sơ")
    with tempfile.TemporaryDirectory(prefix="vnadmin-hoso-") as work:
        pdfs = converter.convert(
            rendered(),
            Path(work),
            progress=lambda s: progress(f"LibreOffice đang chuyển sang PDF… {s:.0f} giây"),
        )
        progress("Đang ghép hồ sơ PDF")
        assembled = assemble(
            [
                PartPdf(p.title, p.label, pdf, _appendices(p.doc))
                for p, pdf in zip(parts, pdfs, strict=True)
            ],
            outdir / PDF_NAME,
            metadata=meta,
            font=font,
            toc_after=toc_after,
            toc_subtitle=f"{title} - {ho_so.co_quan.ten_mot_dong}",
        )
    listed: list[tuple[Part, int]] = [
        (p.doc, n) for p, n in zip(parts, assembled.counts, strict=True)
    ]
    toc = Unnumbered(
        "Mục lục văn bản trong hồ sơ",
        f"{title} - {ho_so.co_quan.ten_mot_dong}",
        ho_so.co_quan.ten_mot_dong,
    )
    listed.insert(toc_after, (toc, 1))
    files = write_metadata(assembled.path, listed, title=f"{title} - {ho_so.co_quan.ten_mot_dong}")
    record([*docx, assembled.path, *files], source=source, dossier=described)
    return DossierResult(tuple(parts), tuple(docx), scorecard, assembled, files)


@dataclass(frozen=True)
class DossierFiles:
    """A dossier built in memory: each part's .docx by file name, and the PDF (``None`` without
    a converter)."""

    docx: dict[str, bytes]
    pdf: bytes | None


def build_dossier_bytes(
    dossier: Dossier,
    *,
    converter: Converter | None = None,
    font: TocFont | None = None,
    context: Context | None = None,
    templates: TemplateFolder | None = None,
) -> DossierFiles:
    """:func:`build_dossier` for a caller that wants bytes, not files (a web application):
    everything is written in a private temporary folder, which is removed before returning."""
    with tempfile.TemporaryDirectory(prefix="vnadmin-hoso-bytes-") as work:
        result = build_dossier(
            dossier, Path(work), converter=converter, font=font, context=context,
            templates=templates,
        )  # fmt: skip
        docx = {path.name: path.read_bytes() for path in result.docx}
        pdf = result.pdf.path.read_bytes() if result.pdf is not None else None
    return DossierFiles(docx, pdf)
