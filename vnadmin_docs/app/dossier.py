"""Building a whole dossier: render every part, convert them in one LibreOffice run, assemble.

``build_dossier(load_dossier("ho-so.yaml"), Path("out"), converter=…, font=…)`` renders the
parts composed when the dossier was loaded (nothing is composed again) and returns a
:class:`DossierResult` with the .docx paths, the scorecard and the assembled PDF
(``out/ho-so.pdf``); without a converter only the .docx files are written.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..assessment.scorecard import Scorecard
from ..compose.dossier import PDF_NAME, Bia, Dossier, Phan
from ..errors import ConversionError
from ..model import VanBan
from ..pdf.assemble import Assembled, Metadata, PartPdf, TocFont, assemble
from ..pdf.libreoffice import Converter
from ..word.render import render
from ..word.standalone import render_cover
from .context import Context

__all__ = ["PDF_NAME", "DossierResult", "build_dossier", "outputs"]


@dataclass(frozen=True)
class DossierResult:
    parts: tuple[Phan, ...]
    docx: tuple[Path, ...]
    scorecard: Scorecard
    pdf: Assembled | None
    """``None`` when only the .docx files were asked for."""


def _noop(message: str) -> None:
    del message


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
) -> DossierResult:
    """Write every part as .docx into ``outdir`` and, with a ``converter`` (or the context's),
    ``outdir/ho-so.pdf``.

    Every file is written atomically; a failed conversion leaves no PDF behind.
    """
    context = context or Context()
    converter = converter or context.converter
    font = font or context.font
    ho_so, bo, scorecard, parts = dossier.ho_so, dossier.bo, dossier.scorecard, dossier.parts
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
                render_cover(b.co_quan, b.tieu_de, b.nam_hoc, b.dia_danh_nam, target)
            else:
                render(part.doc, target, cache=context.templates)
            docx.append(target)
            yield target

    if converter is None:
        for _ in rendered():
            pass
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
        title = f"Hồ sơ tự đánh giá mức độ chuyển đổi số năm học {ho_so.nam_hoc}"
        assembled = assemble(
            [
                PartPdf(p.title, p.label, pdf, _appendices(p.doc))
                for p, pdf in zip(parts, pdfs, strict=True)
            ],
            outdir / PDF_NAME,
            metadata=Metadata(
                title=f"{title} - {ho_so.co_quan.ten_mot_dong}",
                author=ho_so.co_quan.ten_mot_dong,
                subject=f"Tự đánh giá theo {bo.nguon}",
                keywords=f"chuyển đổi số, tự đánh giá, {bo.ma}, {ho_so.nam_hoc}",
            ),
            font=font,
            toc_after=1 if parts[0].key == "bia" else 0,
            toc_subtitle=f"{title} - {ho_so.co_quan.ten_mot_dong}",
        )
    return DossierResult(tuple(parts), tuple(docx), scorecard, assembled)
