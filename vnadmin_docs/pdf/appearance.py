"""The NĐ30 visible signatures (Phụ lục I): where each is drawn and what pyHanko draws there.

Three appearances, each the widget of one signature field:

- :class:`SignatureImage`: the signer's signature image (a blue, transparent PNG) centred in the
  space between the signer's title (chức vụ) and name; :func:`find_signature_box` finds that
  space on a PDF made from our documents.
- :class:`SealImage`: the organisation's seal (a red PNG) at its real size, overlapping the left
  third of the signature image already in the PDF (the head signs first, then the seal).
- :class:`TextStamp`: for a file attached to a document, the số/ký hiệu and the signing time in
  ISO 8601, Times New Roman 10 pt (Liberation Serif has its metrics), top right of page 1.

Coordinates are PDF points from the lower left of the page. Pages are 1-based; a negative page
counts from the end (``-1`` is the last page). Fonts are files the caller passes: the library
never looks fonts up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from pyhanko.pdf_utils import layout
from pyhanko.stamp import BaseStampStyle

from ..errors import InputError, Problem
from .signed import SigningError

__all__ = [
    "Appearance",
    "Box",
    "SealImage",
    "SignatureImage",
    "TextStamp",
    "Widget",
    "find_signature_box",
]

Box = tuple[float, float, float, float]
"""``(x0, y0, x1, y1)`` in PDF points from the lower left of the page."""

MM = 72 / 25.4
STAMP_TOP_MM = 8.0
"""The text stamp's top edge below the top of page 1 (inside NĐ30's 20–25 mm top margin)."""
STAMP_RIGHT_MM = 15.0
"""The text stamp's right edge from the right of page 1 (NĐ30's right margin is 15–20 mm)."""


@dataclass(frozen=True)
class SignatureImage:
    """The signer's image, scaled to fit ``box`` on ``page`` and centred in it.

    Never drawn larger than its real size when the PNG records its resolution (dpi).
    """

    image: Path
    page: int
    box: Box


@dataclass(frozen=True)
class SealImage:
    """The seal at its real size, its right edge at one third of the signature image's width.

    ``signature`` is where the signer's image is drawn; ``None`` (the usual case): the last
    visible signature already in the PDF. ``diameter_mm`` gives the real size when the PNG does
    not record its resolution (dpi), or overrides it.
    """

    image: Path
    signature: tuple[int, Box] | None = None
    diameter_mm: float | None = None


@dataclass(frozen=True)
class TextStamp:
    """The số/ký hiệu and the signing time (ISO 8601), top right of page 1."""

    so_ky_hieu: str
    font: Path
    """A TrueType font with Vietnamese coverage and Times New Roman's metrics (Liberation Serif)."""
    size: int = 10


Appearance = SignatureImage | SealImage | TextStamp


@dataclass(frozen=True)
class Widget:
    """Where a visible signature goes (0-based page index, integer box) and how it is drawn."""

    page_index: int
    box: tuple[int, int, int, int]
    style: BaseStampStyle


def _image(path: Path) -> Any:
    from PIL import Image, UnidentifiedImageError

    try:
        img = Image.open(path)
        img.load()
    except (OSError, UnidentifiedImageError):
        problem = Problem("", "không đọc được tệp ảnh (cần ảnh PNG)")
        raise InputError([problem], source=str(path)) from None
    return img


def _real_size(img: Any) -> tuple[float, float] | None:
    """The image's printed size in points from its recorded resolution, if it records one."""
    dpi = img.info.get("dpi")
    if not dpi or not dpi[0] or not dpi[1] or float(dpi[0]) <= 1:
        return None
    return img.width / float(dpi[0]) * 72, img.height / float(dpi[1]) * 72


def _page_index(page: int, count: int) -> int:
    index = page - 1 if page > 0 else count + page
    if not 0 <= index < count:
        raise InputError([Problem("page", f"không có trang {page} (tệp có {count} trang)")])
    return index


_FILL = layout.SimpleBoxLayoutRule(
    x_align=layout.AxisAlignment.ALIGN_MID,
    y_align=layout.AxisAlignment.ALIGN_MID,
    margins=layout.Margins(0, 0, 0, 0),
    inner_content_scaling=layout.InnerScaling.STRETCH_TO_FIT,
)


def _image_style(img: Any) -> BaseStampStyle:
    from pyhanko.pdf_utils.images import PdfImage
    from pyhanko.stamp import StaticStampStyle

    return StaticStampStyle(
        background=PdfImage(img), background_layout=_FILL, background_opacity=1.0, border_width=0
    )


def _fit(img: Any, box: Box) -> Box:
    """The largest rectangle with the image's proportions inside ``box``, centred in it."""
    x0, y0, x1, y1 = box
    scale = min((x1 - x0) / img.width, (y1 - y0) / img.height)
    real = _real_size(img)
    if real is not None:
        scale = min(scale, real[0] / img.width)
    w, h = img.width * scale, img.height * scale
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2


def _rounded(box: Box) -> tuple[int, int, int, int]:
    x0, y0, x1, y1 = (round(v) for v in box)
    return x0, y0, max(x1, x0 + 1), max(y1, y0 + 1)


def widget(
    appearance: Appearance,
    *,
    pages: list[Box],
    last_signature: tuple[int, Box] | None,
    signing_time: datetime,
    workdir: Path,
) -> Widget:
    """Lay out ``appearance`` on a PDF whose pages have the media boxes ``pages``.

    ``last_signature`` is the 0-based page and box of the last visible signature in the PDF
    (for the seal); ``workdir`` a folder that lives until the signature is written (the text
    stamp's drawing is kept there). Raises :class:`InputError` for a page or an image that does not work.
    """
    if isinstance(appearance, SignatureImage):
        index = _page_index(appearance.page, len(pages))
        img = _image(appearance.image)
        box = _rounded(_fit(img, appearance.box))
        return Widget(index, box, _image_style(img))
    if isinstance(appearance, SealImage):
        if appearance.signature is not None:
            index = _page_index(appearance.signature[0], len(pages))
            sx0, sy0, sx1, sy1 = appearance.signature[1]
        elif last_signature is not None:
            index, (sx0, sy0, sx1, sy1) = last_signature
        else:
            raise SigningError(
                "Chưa có chữ ký nào hiện trên tệp để đóng dấu trùm lên: "
                "người có thẩm quyền ký trước, rồi mới đóng dấu."
            )
        img = _image(appearance.image)
        if appearance.diameter_mm is not None:
            w = appearance.diameter_mm * MM
            h = w * img.height / img.width
        else:
            real = _real_size(img)
            if real is None:
                raise InputError(
                    [Problem("", "ảnh con dấu không ghi độ phân giải (dpi): cho biết đường kính dấu (mm)")],
                    source=str(appearance.image),
                )  # fmt: skip
            w, h = real
        right = sx0 + (sx1 - sx0) / 3
        cy = (sy0 + sy1) / 2
        box = _rounded((right - w, cy - h / 2, right, cy + h / 2))
        return Widget(index, box, _image_style(img))
    return _text_stamp(appearance, pages[0], signing_time, workdir)


def _text_stamp(stamp: TextStamp, page: Box, signing_time: datetime, workdir: Path) -> Widget:
    """The stamp drawn by reportlab (its TrueType embedding is exact) and imported as a form."""
    from pyhanko.pdf_utils.content import ImportedPdfPage
    from pyhanko.stamp import StaticStampStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont
    from reportlab.pdfgen.canvas import Canvas

    font = f"VNAdminStamp-{stamp.font.stem}"
    if font not in pdfmetrics.getRegisteredFontNames():
        try:
            pdfmetrics.registerFont(TTFont(font, str(stamp.font)))
        except (OSError, TTFError):
            problem = Problem("font", "không đọc được tệp phông chữ TrueType")
            raise InputError([problem], source=str(stamp.font)) from None
    lines = [stamp.so_ky_hieu, signing_time.isoformat(timespec="seconds")]
    pad, size = 2.0, stamp.size
    leading = size * 1.2
    width = max(pdfmetrics.stringWidth(line, font, size) for line in lines) + 2 * pad
    height = 2 * pad + leading * (len(lines) - 1) + size * 1.15
    target = workdir / "stamp.pdf"
    canvas = Canvas(str(target), pagesize=(width, height), invariant=True,
                    initialFontName=font, initialFontSize=size)  # fmt: skip
    canvas.setFont(font, size)
    for n, line in enumerate(lines):
        canvas.drawRightString(width - pad, height - pad - size * 0.9 - n * leading, line)
    canvas.showPage()
    canvas.save()
    x1 = page[2] - STAMP_RIGHT_MM * MM
    y1 = page[3] - STAMP_TOP_MM * MM
    box = _rounded((x1 - width, y1 - height, x1, y1))
    style = StaticStampStyle(
        background=ImportedPdfPage(str(target)),  # type: ignore[no-untyped-call]
        background_layout=_FILL,
        background_opacity=1.0,
        border_width=0,
    )
    return Widget(0, box, style)


def find_signature_box(path: Path | str, ho_ten: str, *, page: int = -1) -> tuple[int, Box]:
    """The space between the signer's title and name on ``page`` (default: the last page).

    Finds the name line (``ho_ten``) with pdfplumber, then the nearest text above it in the
    same column (the chức vụ); returns the 1-based page and the box between the two, as wide as
    the wider of the two lines. Raises :class:`InputError` when the name is not on the page.
    """
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        index = _page_index(page, len(pdf.pages))
        p = pdf.pages[index]
        found = p.search(ho_ten.strip(), regex=False)
        if not found:
            message = f"không tìm thấy tên người ký “{ho_ten}” trên trang {index + 1}"
            raise InputError([Problem("", message)], source=str(path))
        name = found[-1]
        centre = (name["x0"] + name["x1"]) / 2
        above = [
            w
            for w in p.extract_words()
            if w["bottom"] <= name["top"] and w["x0"] < name["x1"] and w["x1"] > name["x0"]
        ]
        height = float(p.height)
    if not above:
        top = name["top"] - 100
        left, right = name["x0"], name["x1"]
    else:
        lowest = max(w["bottom"] for w in above)
        title = [w for w in above if abs(w["bottom"] - lowest) < 2]
        top = lowest
        left = min(name["x0"], *(w["x0"] for w in title))
        right = max(name["x1"], *(w["x1"] for w in title))
    half = max(right - left, 120) / 2
    gap = 2
    box = (centre - half, height - name["top"] + gap, centre + half, height - top - gap)
    return index + 1, box
