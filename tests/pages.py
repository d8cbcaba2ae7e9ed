"""Small reads of laid-out pages (pypdf's text), for the layout tests: is a signature block on
one page, does a page hold only a few lines. The full page check is the library's own; these
two questions are what the templates' keep-with-next and unsplittable rows must answer."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from pypdf import PdfReader

from vnadmin_docs.vn.layout import readable

_FURNITURE = re.compile(r"^(\d{1,3}|Tờ \d+)$")
"""A page number at the top, a sheet number at the foot: not lines of the document."""


def page_lines(pdf: Path) -> list[list[str]]:
    """Each page's text lines (as read: no-break spaces as spaces), page and sheet numbers
    left out."""
    pages = []
    for page in PdfReader(pdf).pages:
        lines = [" ".join(readable(x).split()) for x in (page.extract_text() or "").splitlines()]
        pages.append([x for x in lines if x and not _FURNITURE.match(x)])
    return pages


def split_signatures(
    pages: Sequence[Sequence[str]], signers: Sequence[tuple[str, str]]
) -> list[str]:
    """Where a signer's title line and name line are not on the same page: for each
    ``(title, name)`` (``HIỆU TRƯỞNG``, ``Nguyễn Văn A``), every page holding the title as a
    whole line must hold the name as a whole line; "Nơi nhận:" must be on a page with a
    signer's name."""
    problems = []
    names = {name for _, name in signers}
    for number, lines in enumerate(pages, start=1):
        have = set(lines)
        for title, name in signers:
            if title in have and name not in have:
                problems.append(f"page {number}: {title!r} without {name!r}")
        if any(x.startswith("Nơi nhận:") for x in lines) and not names & have:
            problems.append(f"page {number}: 'Nơi nhận:' without a signer's name")
    return problems


def near_empty(pages: Sequence[Sequence[str]], *, least: int = 3) -> list[str]:
    """Pages holding fewer than ``least`` lines."""
    return [
        f"page {number}: {len(lines)} lines {lines!r}"
        for number, lines in enumerate(pages, start=1)
        if len(lines) < least
    ]
