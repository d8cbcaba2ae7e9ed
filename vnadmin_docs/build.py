"""Building a whole dossier: render every part, convert them in one LibreOffice run, assemble.

``build_dossier(ho_so, bo, scorecard, Path("out"), converter=…, font=…)`` returns a
:class:`DossierResult` with the .docx paths, the scorecard and the assembled PDF
(``out/ho-so.pdf``); with ``converter=None`` only the .docx files are written.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .assemble import Assembled, Metadata, PartPdf, TocFont, assemble
from .convert import Converter
from .dossier import Bia, HoSo, Phan, documents, part_names
from .indicators import BoChiSo
from .rendering import render, render_cover
from .scoring import Scorecard

__all__ = ["PDF_NAME", "DossierResult", "build_dossier"]

PDF_NAME = "ho-so.pdf"

LABELS = {
    "bia": "Bìa",
    "to_trinh": "Tờ trình",
    "bien_ban": "Biên bản",
    "bao_cao": "Báo cáo",
    "quyet_dinh": "Quyết định",
}


@dataclass(frozen=True)
class DossierResult:
    parts: tuple[Phan, ...]
    docx: tuple[Path, ...]
    scorecard: Scorecard
    pdf: Assembled | None
    """``None`` when only the .docx files were asked for."""


def _noop(message: str) -> None:
    del message


def build_dossier(
    ho_so: HoSo,
    bo: BoChiSo,
    scorecard: Scorecard,
    outdir: Path,
    *,
    converter: Converter | None,
    font: TocFont | None = None,
    progress: Callable[[str], None] = _noop,
) -> DossierResult:
    """Write every part as .docx into ``outdir`` and, with a ``converter``, ``outdir/ho-so.pdf``.

    Every file is written atomically; a failed conversion leaves no PDF behind.
    """
    parts = documents(ho_so, bo, scorecard)
    outdir.mkdir(parents=True, exist_ok=True)
    progress(f"Đang tạo {len(parts)} văn bản .docx")
    docx: list[Path] = []

    def rendered() -> Iterator[Path]:
        """Render each part when the converter asks for it (a warm LibreOffice converts the
        first parts while the later ones are rendered)."""
        for part, name in zip(parts, part_names(parts), strict=True):
            target = outdir / f"{name}.docx"
            if isinstance(part.doc, Bia):
                b = part.doc
                render_cover(b.co_quan, b.tieu_de, b.nam_hoc, b.dia_danh_nam, target)
            else:
                render(part.doc, target)
            docx.append(target)
            yield target

    if converter is None:
        for _ in rendered():
            pass
        return DossierResult(tuple(parts), tuple(docx), scorecard, None)
    if font is None:
        raise ValueError("a TocFont is needed to draw the mục lục page")
    with tempfile.TemporaryDirectory(prefix="vnadmin-hoso-") as work:
        pdfs = converter.convert(
            rendered(),
            Path(work),
            progress=lambda s: progress(f"LibreOffice đang chuyển sang PDF… {s:.0f} giây"),
        )
        progress("Đang ghép hồ sơ PDF")
        title = f"Hồ sơ tự đánh giá mức độ chuyển đổi số năm học {ho_so.nam_hoc}"
        assembled = assemble(
            [PartPdf(p.title, LABELS[p.key], pdf) for p, pdf in zip(parts, pdfs, strict=True)],
            outdir / PDF_NAME,
            metadata=Metadata(
                title=f"{title} - {ho_so.co_quan.ten}",
                author=ho_so.co_quan.ten,
                subject=f"Tự đánh giá theo {bo.nguon}",
                keywords=f"chuyển đổi số, tự đánh giá, {bo.ma}, {ho_so.nam_hoc}",
            ),
            font=font,
            toc_after=1 if parts[0].key == "bia" else 0,
            toc_subtitle=f"{title} - {ho_so.co_quan.ten}",
        )
    return DossierResult(tuple(parts), tuple(docx), scorecard, assembled)
