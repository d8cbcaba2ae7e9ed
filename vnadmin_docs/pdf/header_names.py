"""The issuing body's name in the header, broken inside a word group.

The left column of the header holds the managing body (not bold) and the issuing body (bold),
in capitals, above ``Số:``. When a name takes two lines, the break must fall between word
groups: ``SỞ GIÁO DỤC / VÀ ĐÀO TẠO`` is right, ``SỞ GIÁO DỤC VÀ ĐÀO / TẠO``,
``TRƯỜNG THCS QUYẾT / TIẾN`` and ``UBND THÀNH PHỐ HẢI / PHÒNG`` are not.

The heuristic, on the words of one name (consecutive lines of one weight):

1. The name is cut into groups: known phrases of Vietnamese administrative names, longest
   first (``ỦY BAN NHÂN DÂN``, ``GIÁO DỤC``, ``ĐÀO TẠO``, ``THÀNH PHỐ``, ``TRUNG TÂM``,
   ``THCS``…), and *proper names*: each run of words that are no known phrase (``QUYẾT TIẾN``,
   ``THANH TRÌ``, ``HẢI``). A break between two words of one group is reported.
2. A line of one short word (at most 7 letters, no digit or hyphen) under a line of several
   words is reported too: a syllable cut from its name (``… HẢI / PHÒNG``, where ``PHÒNG``
   reads as the known word of ``PHÒNG GIÁO DỤC``).

Limits: capitals hide which words are proper names, so a proper name that holds a known word
(``TRƯỜNG THPT TRẦN PHÚ`` is fine, but ``HẢI PHÒNG`` splits into ``HẢI`` + ``PHÒNG``) is
caught only by rule 2; two proper names in a row (``NGUYỄN TRÃI HÀ ĐÔNG``) read as one, so a
break between them is reported although it is acceptable; a break the user typed is judged
like any other. Names not in capitals, or a header without ``CỘNG HÒA…`` and ``Số:``, are
not checked.
"""

from __future__ import annotations

import itertools
from typing import Final

from ..vn.layout import NAME_GROUPS
from .pages import MM, Page, PageFinding, Word

__all__ = ["PHRASES", "bad_breaks", "check_header"]

RULE = "ten-co-quan"
PHRASES: Final = tuple(tuple(p.split()) for p in NAME_GROUPS)
"""Known word groups of Vietnamese administrative names, in capitals, as words."""
_LONGEST = sorted(PHRASES, key=len, reverse=True)


def _groups(words: list[str]) -> list[int]:
    """A group number for each word: known phrases, and runs of other words (proper names)."""
    groups: list[int] = []
    current = -1
    in_name = False
    i = 0
    while i < len(words):
        phrase = next((p for p in _LONGEST if tuple(words[i : i + len(p)]) == p), None)
        if phrase is not None:
            current += 1
            groups += [current] * len(phrase)
            i += len(phrase)
            in_name = False
        else:
            if not in_name or any(c.isdigit() for c in words[i]):
                current += 1
            groups.append(current)
            in_name = True
            i += 1
    return groups


def _short_word(text: str) -> bool:
    return len(text) <= 7 and text.isalpha()


def bad_breaks(lines: list[list[str]]) -> list[int]:
    """The indexes ``i`` where the break after ``lines[i]`` cuts a word group.

    >>> bad_breaks([["SỞ", "GIÁO", "DỤC", "VÀ", "ĐÀO"], ["TẠO"]])
    [0]
    >>> bad_breaks([["SỞ", "GIÁO", "DỤC"], ["VÀ", "ĐÀO", "TẠO", "HẢI", "PHÒNG"]])
    []
    >>> bad_breaks([["TRƯỜNG", "THCS", "QUYẾT"], ["TIẾN"]]), bad_breaks([["UBND", "THÀNH", "PHỐ", "HẢI"], ["PHÒNG"]])
    ([0], [0])
    >>> bad_breaks([["TRUNG", "TÂM", "GDNN-GDTX"], ["HUYỆN", "THANH", "TRÌ"]])
    []
    """
    words = [w for line in lines for w in line]
    groups = _groups(words)
    bad = []
    end = 0
    for i, line in enumerate(lines[:-1]):
        end += len(line)
        following = lines[i + 1]
        if not line or not following:
            continue
        single = len(following) == 1 and len(line) > 1 and _short_word(following[0])
        if groups[end - 1] == groups[end] or single:
            bad.append(i)
    return bad


def _column(page: Page) -> list[list[Word]]:
    """The lines of the header's left column above ``Số:`` (empty when not found)."""
    words = [w for line in page.lines for w in line.words if w.top < page.height / 3]
    quoc_hieu = next(
        (w for w, nxt in itertools.pairwise(words) if w.text == "CỘNG" and nxt.text == "HÒA"),
        None,
    )
    if quoc_hieu is None:
        return []
    left = [w for w in words if w.x1 < quoc_hieu.x0 - 1 and w.x0 < page.width / 2]
    so = next((w for w in left if w.text.startswith("Số")), None)
    if so is None:
        return []
    column = [w for w in left if w.bottom <= so.top + 1 and w.x0 >= 20 * MM]
    lines: list[list[Word]] = []
    for word in sorted(column, key=lambda w: (w.mid, w.x0)):
        if lines and abs(word.mid - lines[-1][0].mid) <= 0.35 * word.size:
            lines[-1].append(word)
        else:
            lines.append([word])
    for line in lines:
        line.sort(key=lambda w: w.x0)
    return lines


def check_header(page: Page) -> list[PageFinding]:
    """Findings on the names in the header of a document's first page."""
    lines = _column(page)
    names: list[list[list[Word]]] = []
    for line in lines:
        bold = all(w.bold for w in line)
        if names and all(w.bold for w in names[-1][-1]) == bold:
            names[-1].append(line)
        else:
            names.append([line])
    findings = []
    for name in names:
        texts = [[w.text for w in line] for line in name]
        if any(" ".join(t) != " ".join(t).upper() for t in texts):
            continue
        for i in bad_breaks(texts):
            shown = " / ".join(" ".join(t) for t in texts[i : i + 2])
            findings.append(
                PageFinding.on(
                    RULE,
                    page,
                    f"tên cơ quan ở phần đầu bị ngắt dòng giữa một cụm từ: «{shown}»",
                )
            )
    return findings
