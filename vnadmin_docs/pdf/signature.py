"""The signature block on the laid-out pages: titles, signature space and name on one page,
Nơi nhận beside them, and some of the body's last lines above them.

How the block is found, on the pages of a document before its first appendix:

- ``Nơi nhận:`` — the last line starting so. The signer's lines are the lines right of the
  text area's centre from its height on: first the titles (bold capitals, one under the other:
  ``KT. GIÁM ĐỐC`` / ``PHÓ GIÁM ĐỐC``, ``TM. …``, ``Q. HIỆU TRƯỞNG``), then, after the signature
  space, the name (the next bold line).
- A Biên bản's block is the last ``THƯ KÝ`` and ``CHỦ TỌA`` (bold), each with the next bold
  line under it as the name; its Nơi nhận (under the thư ký's name, mẫu 1.9) on their page.

A document with neither (a cover, a table of contents, a table sent on its own) has no block.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .pages import MM, DocumentPages, Line, Page, PageFinding, repeated_header

__all__ = ["check_signature"]

RULE = "chu-ky-tach"
BIEN_BAN = ("THƯ KÝ", "CHỦ TỌA")


@dataclass(frozen=True)
class _At:
    page: Page
    line: Line

    @property
    def key(self) -> tuple[int, float]:
        return (self.page.number, self.line.mid)


def _centre(page: Page) -> float:
    return (30 * MM + page.width - 15 * MM) / 2


def _reading_order(pages: Sequence[Page]) -> list[_At]:
    found = [_At(page, line) for page in pages for line in page.lines]
    return sorted(found, key=lambda at: (at.key, at.line.x0))


def _capitals(text: str) -> bool:
    return any(c.isalpha() for c in text) and text == text.upper()


def _alone(doc: DocumentPages, page: Page, top: float, what: str) -> list[PageFinding]:
    """The page of the block holds nothing above it (but a repeated table header)."""
    if page is doc.pages[0]:
        return []
    index = doc.pages.index(page)
    header = repeated_header(doc.pages[index - 1], page)
    above = [line for line in page.lines if line.bottom < top - 1 and line not in header]
    if above:
        return []
    message = f"trang chỉ có {what}, không có dòng cuối của nội dung văn bản đi kèm"
    return [PageFinding.on(RULE, page, message)]


def _signed(doc: DocumentPages, order: list[_At], noi_nhan: _At) -> list[PageFinding]:
    start = (noi_nhan.page.number, noi_nhan.line.top - 2)
    right = [
        at for at in order if at.key >= start and (at.line.x0 + at.line.x1) / 2 > _centre(at.page)
    ]
    if not right or not right[0].line.bold:
        return []
    titles = [right[0]]
    for at in right[1:]:
        prev = titles[-1]
        close = at.page is not prev.page or at.line.top - prev.line.bottom < at.line.size
        if at.line.bold and _capitals(at.line.text) and close:
            titles.append(at)
        else:
            break
    name = next((at for at in right[len(titles) :] if at.line.bold), None)
    findings: list[PageFinding] = []
    first, last = titles[0], titles[-1]
    if last.page is not first.page:
        findings.append(
            PageFinding.on(
                RULE,
                first.page,
                f"chức vụ người ký bị tách: «{first.line.text}» ở trang {first.page.number}, "
                f"«{last.line.text}» ở trang {last.page.number}",
            )
        )
    if name is None:
        findings.append(
            PageFinding.on(RULE, last.page, f"không thấy họ tên người ký dưới «{last.line.text}»")
        )
    elif name.page is not last.page:
        findings.append(
            PageFinding.on(
                RULE,
                last.page,
                "khối chữ ký bị tách sang trang sau "
                f"(họ tên người ký nằm ở trang {name.page.number})",
            )
        )
    if noi_nhan.page is not first.page:
        findings.append(
            PageFinding.on(
                RULE,
                noi_nhan.page,
                f"«Nơi nhận» ở trang {noi_nhan.page.number} không cùng trang với chữ ký "
                f"(chức vụ người ký ở trang {first.page.number})",
            )
        )
    luu = [at for at in order if at.key > noi_nhan.key and at.line.text.startswith("- Lưu")]
    if luu and luu[0].page is not noi_nhan.page:
        findings.append(
            PageFinding.on(
                RULE,
                noi_nhan.page,
                f"danh sách nơi nhận bị tách: dòng «{luu[0].line.text}» nằm ở trang "
                f"{luu[0].page.number}",
            )
        )
    top = min(noi_nhan.line.top, first.line.top) if noi_nhan.page is first.page else first.line.top
    findings += _alone(doc, first.page, top, "nơi nhận và chữ ký")
    return findings


def _bien_ban(doc: DocumentPages, order: list[_At], titles: list[_At]) -> list[PageFinding]:
    findings: list[PageFinding] = []
    for title in titles:
        centre = (title.line.x0 + title.line.x1) / 2
        after = [at for at in order if at.key > title.key and at.line.bold]
        name = next((at for at in after if abs((at.line.x0 + at.line.x1) / 2 - centre) < 80), None)
        if name is None:
            message = f"không thấy họ tên người ký dưới «{title.line.text}»"
            findings.append(PageFinding.on(RULE, title.page, message))
        elif name.page is not title.page:
            findings.append(
                PageFinding.on(
                    RULE,
                    title.page,
                    f"khối chữ ký {title.line.text} bị tách sang trang sau "
                    f"(họ tên người ký nằm ở trang {name.page.number})",
                )
            )
    pages = {t.page.number for t in titles}
    if len(pages) > 1:
        shown = ", ".join(f"{t.line.text} ở trang {t.page.number}" for t in titles)
        findings.append(
            PageFinding.on(RULE, titles[0].page, f"hai chữ ký không cùng trang: {shown}")
        )
    first = min(titles, key=lambda t: t.key)
    findings += _alone(doc, first.page, first.line.top, "chữ ký")
    return findings


def check_signature(doc: DocumentPages) -> list[PageFinding]:
    """Findings on the signature block of one document (none when it has no block)."""
    order = _reading_order(doc.main)
    noi_nhan = [at for at in order if at.line.text.startswith("Nơi nhận")]
    titles = []
    for who in BIEN_BAN:
        found = [at for at in order if at.line.text == who and at.line.bold]
        if found:
            titles.append(found[-1])
    if len(titles) == len(BIEN_BAN):
        findings = _bien_ban(doc, order, titles)
        if noi_nhan and noi_nhan[-1].page is not titles[0].page:
            message = (
                f"«Nơi nhận» ở trang {noi_nhan[-1].page.number} không cùng trang với chữ ký "
                f"thư ký (trang {titles[0].page.number})"
            )
            findings.append(PageFinding.on(RULE, noi_nhan[-1].page, message))
        return findings
    if noi_nhan:
        return _signed(doc, order, noi_nhan[-1])
    return _bien_ban(doc, order, titles) if titles else []
