"""Pure helpers for where a laid-out line may break, and how wide a table's columns are.

Everything here changes characters, never words: a no-break space (U+00A0) between words that
must stay on one line, a word joiner (U+2060) after a hyphen that must not end a line, a
zero-width space (U+200B) where a long URL may break. The text reads, prints and extracts as
typed (a PDF's text shows ``2024-2025``, ``Mức độ 2``); :func:`readable` takes the marks out again
for comparisons.

>>> khong_ngat("năm học 2024-2025, Mức độ 2, Điều 1. Phụ lục II") == (
...     "năm\\u00a0học\\u00a02024-\\u20602025, Mức\\u00a0độ\\u00a02, Điều\\u00a01. Phụ\\u00a0lục\\u00a0II")
True
>>> readable(khong_ngat("năm học 2024-2025, Mức độ 2"))
'năm học 2024-2025, Mức độ 2'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

__all__ = [
    "NAME_GROUPS",
    "NBSP",
    "WORD_JOINER",
    "ZWSP",
    "cell_height_cm",
    "column_widths",
    "dong_ten_co_quan",
    "dong_ten_va_co_chu",
    "fit_words",
    "giu_cum_tu",
    "khong_ngat",
    "readable",
    "url_breaks",
]

NBSP: Final = "\u00a0"
WORD_JOINER: Final = "\u2060"
ZWSP: Final = "\u200b"

_YEAR_RANGE: Final = re.compile(r"\b(\d{4})([-–])(?=\d{4}\b)")
_NUMBERED: Final = re.compile(
    r"\b(Mức độ|mức độ|MỨC ĐỘ|Điều|ĐIỀU|Phụ lục|PHỤ LỤC|Khoản|Tiêu chí|Nhóm) (?=[0-9IVXLC]+\b)"
)
_SCHOOL_YEAR: Final = re.compile(r"\b(năm|Năm|NĂM)[ \u00a0](học|HỌC)[ \u00a0](?=\d{4}\b)")
_URL: Final = re.compile(
    r"(?:https?://|www\.)[^\s<>]+"  # a web address
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # an e-mail address
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org|edu|gov|info)\b(?:/[^\s<>]*)?"  # a bare domain
)


def khong_ngat(text: str) -> str:
    """``text`` with the joins a line must not break inside: a year range (``2024-2025``: a
    word joiner after the hyphen), a label with its number (``Mức độ 2``, ``Điều 1.``,
    ``Phụ lục II``: no-break spaces, inside the label too) and a school year (``năm học
    2024-2025``). Idempotent.

    >>> khong_ngat(khong_ngat("2023-2024")) == "2023-\\u20602024"
    True
    >>> khong_ngat(khong_ngat("(Mức độ 1)")) == "(Mức\\u00a0độ\\u00a01)"
    True
    """
    text = _YEAR_RANGE.sub(lambda m: m.group(1) + m.group(2) + WORD_JOINER, text)
    text = text.replace(WORD_JOINER + WORD_JOINER, WORD_JOINER)
    text = _SCHOOL_YEAR.sub(lambda m: m.group(1) + NBSP + m.group(2) + NBSP, text)
    return _NUMBERED.sub(lambda m: m.group(1).replace(" ", NBSP) + NBSP, text)


def readable(text: str) -> str:
    """``text`` without the marks this module adds: no-break spaces as spaces, joiners and
    zero-width spaces removed (what a reader sees, for comparing with what was typed)."""
    return text.replace(NBSP, " ").replace(WORD_JOINER, "").replace(ZWSP, "")


def url_breaks(text: str) -> str:
    """Web and e-mail addresses in ``text`` breakable after each ``/``, ``.`` and ``@`` (a
    zero-width space), so that a narrow cell breaks them there rather than inside a word.

    >>> url_breaks("xem https://a.vn/b") == "xem https://\\u200ba.\\u200bvn/\\u200bb"
    True
    >>> readable(url_breaks("thư: ab@c.edu.vn")), url_breaks("ab@c.vn").count(ZWSP)
    ('thư: ab@c.edu.vn', 2)
    """

    def breakable(m: re.Match[str]) -> str:
        url = m.group(0).replace(ZWSP, "")
        out = re.sub(r"([/.@])(?=[^/.@])", lambda g: g.group(1) + ZWSP, url)
        return out

    return _URL.sub(breakable, text)


NAME_GROUPS: Final = tuple(
    p.strip()
    for p in """
ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|UBND|HĐND|ỦY BAN|UỶ BAN|NHÂN DÂN
SỞ|BỘ|PHÒNG|BAN|VĂN PHÒNG|CỤC|VỤ|VIỆN|HỘI ĐỒNG|CÔNG TY|TỔNG CÔNG TY
GIÁO DỤC|ĐÀO TẠO|GD&ĐT|GDĐT|VÀ|KHOA HỌC|CÔNG NGHỆ|VĂN HÓA|THỂ THAO|DU LỊCH
THÀNH PHỐ|TỈNH|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU|TP.|TP
TRƯỜNG|TRUNG HỌC CƠ SỞ|TRUNG HỌC PHỔ THÔNG|TRUNG HỌC|CƠ SỞ|PHỔ THÔNG|TIỂU HỌC|MẦM NON
MẪU GIÁO|NHÀ TRẺ|LIÊN CẤP|NHIỀU CẤP HỌC|CHUYÊN|CÔNG LẬP|TƯ THỤC|DÂN LẬP|QUỐC TẾ
DÂN TỘC NỘI TRÚ|DÂN TỘC BÁN TRÚ|NỘI TRÚ|BÁN TRÚ|PTDTNT|PTDTBT|PTCS|PT
THCS|THPT|TH|MN|MG|TH&THCS|THCS&THPT|TH-THCS|THCS-THPT
TRUNG TÂM|GDNN-GDTX|GDTX|GDNN|GIÁO DỤC THƯỜNG XUYÊN|GIÁO DỤC NGHỀ NGHIỆP|THƯỜNG XUYÊN
NGHỀ NGHIỆP|KỸ THUẬT TỔNG HỢP|HƯỚNG NGHIỆP|SỐ
""".replace("\n", "|").split("|")
    if p.strip()
)
"""Known word groups of Vietnamese administrative names, in capitals: a header line never
breaks inside one (the page check, :mod:`vnadmin_docs.pdf.header_names`, reads the same list)."""
_GROUPS: Final = sorted(
    {
        *(g for g in NAME_GROUPS if " " in g),
        # longer groups the page check reads word group by word group
        "GIÁO DỤC VÀ ĐÀO TẠO",
        "GIÁO DỤC - ĐÀO TẠO",
        "KHOA HỌC VÀ CÔNG NGHỆ",
    },
    key=lambda g: (-len(g), g),
)
_PLACES: Final = re.compile(
    r"\b(THÀNH PHỐ|TỈNH|QUẬN|HUYỆN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN|THCS|THPT|TIỂU HỌC|MẦM NON|TH|MN"
    r"|CƠ SỞ|PHỔ THÔNG|NỘI TRÚ)"
    r" (\S+(?: \S+){0,4})$"  # a proper name of up to five words ("CHU VĂN AN SỐ 11")
)
_NAME_CHARS: Final = 20
"""A proper name longer than this is not joined into one unit: it could not fit a line."""
_JOINED_TO_NAME: Final = ("THÀNH PHỐ", "TỈNH", "QUẬN", "HUYỆN", "THỊ XÃ", "XÃ", "PHƯỜNG", "THỊ TRẤN",
                          "THCS", "THPT", "TH", "MN")  # fmt: skip
"""Words that stay with the proper name after them ("THÀNH PHỐ HẢI PHÒNG" is one unit)."""


def _join_name(m: re.Match[str]) -> str:
    """The keyword and the proper name after it joined (``_PLACES``), the name alone
    (no-break spaces between its words) when it is short enough to stay on one line.

    >>> readable(_join_name(_PLACES.search("TRƯỜNG TIỂU HỌC CHU VĂN AN SỐ 11"))) == (
    ...     "TIỂU HỌC CHU VĂN AN SỐ 11")
    True
    >>> NBSP in _join_name(_PLACES.search("XÃ NGUYỄN THỊ MINH KHAI HOÀNG"))
    False
    """
    if len(m.group(2)) > _NAME_CHARS:
        return m.group(0)
    keyword, name = m.group(1), m.group(2).replace(" ", NBSP)
    between = NBSP if keyword in _JOINED_TO_NAME else " "
    return keyword.replace(" ", NBSP) + between + name


def _join_line(line: str) -> str:
    line = " ".join(line.split())
    # the proper name after a place or school level ("THÀNH PHỐ HẢI PHÒNG", "THCS QUYẾT TIẾN"):
    # its words stay together; so do the words of a known group; and the last two words of a
    # line never part
    line = _PLACES.sub(_join_name, line)
    for group in _GROUPS:
        pattern = re.escape(group).replace(r"\ ", "[ \u00a0]")
        line = re.sub(pattern, group.replace(" ", NBSP), line)
    words = line.rsplit(" ", 1)
    if len(words) == 2 and len(words[1]) <= 12 and " " in words[0]:
        line = words[0] + NBSP + words[1]
    return line


def dong_ten_co_quan(name: str) -> list[str]:
    """The lines of an issuing body's name in the header: a line break the user typed stays
    a line break; inside a line, word groups are joined with no-break spaces so that the line
    can break only between them.

    >>> [readable(x) for x in dong_ten_co_quan("SỞ GIÁO DỤC VÀ ĐÀO TẠO\\nTHÀNH PHỐ HẢI PHÒNG")]
    ['SỞ GIÁO DỤC VÀ ĐÀO TẠO', 'THÀNH PHỐ HẢI PHÒNG']
    >>> dong_ten_co_quan("TRƯỜNG THCS QUYẾT TIẾN") == ["TRƯỜNG THCS\\u00a0QUYẾT\\u00a0TIẾN"]
    True
    >>> dong_ten_co_quan("")
    []
    """
    return [_join_line(x) for x in name.replace("\r\n", "\n").split("\n") if x.strip()]


# phrases of a title that a line must not break inside (longest first)
_PHRASES: Final = (
    "MỨC ĐỘ CHUYỂN ĐỔI SỐ",
    "CHUYỂN ĐỔI SỐ",
    "TỰ ĐÁNH GIÁ",
    "HỒ SƠ",
    "NĂM HỌC",
    "CƠ SỞ GIÁO DỤC",
)


def giu_cum_tu(title: str) -> str:
    """A title in capitals with its phrases joined by no-break spaces, so that it breaks only
    between them ("HỒ SƠ TỰ ĐÁNH GIÁ / MỨC ĐỘ CHUYỂN ĐỔI SỐ", never "CHUYỂN / ĐỔI SỐ").

    >>> readable(giu_cum_tu("HỒ SƠ TỰ ĐÁNH GIÁ MỨC ĐỘ CHUYỂN ĐỔI SỐ"))
    'HỒ SƠ TỰ ĐÁNH GIÁ MỨC ĐỘ CHUYỂN ĐỔI SỐ'
    >>> giu_cum_tu("MỨC ĐỘ CHUYỂN ĐỔI SỐ").count(" ")
    0
    >>> giu_cum_tu("TRƯỜNG A NĂM HỌC 2024-2025").split(" ")[-1] == "NĂM\u00a0HỌC\u00a02024-\u20602025"
    True
    """
    for phrase in _PHRASES:
        title = re.sub(r"(?<!\S)" + re.escape(phrase) + r"(?!\S)", phrase.replace(" ", NBSP), title)
    # and the school year with its words ("NĂM HỌC 2024-2025" never leaves the year alone)
    return khong_ngat(title)


_CAPS_CM_PER_PT: Final = 0.285 / 13
"""The mean width of a character of a line in capitals (Times New Roman, regular or bold),
per point of size: measured 7.15 cm for "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO" at 13 pt bold."""


def dong_ten_va_co_chu(
    name: str, column_cm: float, *, sizes: tuple[int, int] = (13, 12)
) -> list[tuple[str, bool]]:
    """The header lines of ``name`` (:func:`dong_ten_co_quan`), each with whether it is set in
    the smaller of NĐ30's ``sizes``: a line that would wrap at the larger size but fits
    ``column_cm`` at the smaller one ("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO" in a 6.7 cm column).

    >>> dong_ten_va_co_chu("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", 6.7)[0][1]
    True
    >>> dong_ten_va_co_chu("TRƯỜNG THCS QUYẾT TIẾN", 6.7)[0][1]
    False
    """
    large, small = sizes
    out = []
    for line in dong_ten_co_quan(name):
        width = len(line) * _CAPS_CM_PER_PT
        out.append((line, width * large > column_cm >= width * small))
    return out


_CHAR_CM: Final = 0.21
"""The mean width of a character of 13 pt Times New Roman, in cm (measured: ≈0.2 cm)."""
_PAD_CM: Final = 0.45
"""A cell's left and right padding, and a little air."""
_WORD_CM: Final = 0.27
"""A character of a word that must not break, with room for capitals and bold (``STT``)."""
_FLOOR_CHARS: Final = 11
"""A short column gets room for this many characters (its header wraps at most once or twice)."""


def _words(text: str) -> list[str]:
    # a zero-width space (:func:`url_breaks`) is a place to break, like a space
    # (and a line may break after a hyphen)
    return [w for w in re.split(r"[\s/]+|(?<=-)", readable(text.replace(ZWSP, " "))) if w]


_LONGEST_WORD_CM: Final = 4.6
"""No column widens beyond this for one word: a longer one (an e-mail address of twenty
letters) breaks inside, rather than squeeze the text columns."""


def _word_floor(texts: Sequence[str]) -> float:
    longest = max((len(w) for t in texts for w in _words(t)), default=1)
    return min(longest * _WORD_CM + _PAD_CM, _LONGEST_WORD_CM)


def fit_words(widths: Sequence[float], columns: Sequence[Sequence[str]]) -> tuple[float, ...]:
    """Given column widths (cm), widened where a column is narrower than its longest word
    (``STT`` in 1.2 cm breaks as "ST/T"), the room taken from the columns with most to spare;
    the sum is kept.

    >>> fit_words([1.0, 9.0], [["STT"], ["Tiêu chí"]])
    (1.26, 8.74)
    >>> fit_words([1.0, 9.0], [["x" * 40], ["Tiêu chí"]])  # no wider than 4.6 cm for a word
    (4.6, 5.4)
    """
    out = list(widths)
    floors = [_word_floor(t) for t in columns]
    need = sum(max(0.0, f - w) for f, w in zip(floors, out, strict=False))
    spare = [max(0.0, w - f) for f, w in zip(floors, out, strict=False)]
    if need <= 0 or sum(spare) < need:
        return tuple(out)
    total_spare = sum(spare)
    for c, (f, w) in enumerate(zip(floors, widths, strict=False)):
        out[c] = round(f if w < f else w - need * spare[c] / total_spare, 6)
    return tuple(out)


_LINE_CM: Final = 0.53
"""A line of a table cell (13 pt, single spacing: about 1.15 × 13 pt)."""
_ROW_CM: Final = 0.2
"""What a row adds to its lines: the paragraph's spacing before and after, and the rule."""


def cell_height_cm(text: str, width_cm: float) -> float:
    """About how tall (cm) a table cell ``width_cm`` wide holding ``text`` prints: its typed
    lines, each wrapped at the mean width of a character, a little pessimistic (a wrapped
    line wastes the end of the line).

    >>> round(cell_height_cm("Đạt", 2.0), 2)
    0.73
    >>> cell_height_cm("Có kế hoạch " * 10, 4.0) > cell_height_cm("Có kế hoạch " * 10, 8.0)
    True
    """
    per_line = max(1, int(0.95 * (width_cm - _PAD_CM) / _CHAR_CM))
    lines = sum(max(1, -(-len(line) // per_line)) for line in readable(text).split("\n"))
    return lines * _LINE_CM + _ROW_CM


def column_widths(columns: Sequence[Sequence[str]], total_cm: float) -> tuple[float, ...]:
    """Widths (cm, summing to ``total_cm``) for table columns holding ``columns[c]`` texts:
    each column at least as wide as its longest word (no word broken) and a short column as
    wide as its text, the rest of the width shared by the columns with long texts in
    proportion to how much more they hold.

    >>> w = column_widths([["Mã", "1.1"], ["Tiêu chí", "Có kế hoạch " * 8], ["Mức độ", "2"]], 16.5)
    >>> round(sum(w), 6), w[0] < 2.5, w[1] > 10
    (16.5, True, True)
    """
    if not columns:
        return ()

    floors: list[float] = []
    wants: list[float] = []
    for texts in columns:
        longest_word = max((len(w) for t in texts for w in _words(t)), default=1)
        longest_line = max(
            (len(line) for t in texts for line in readable(t).split("\n")), default=1
        )
        floor = max(
            min(longest_word * _WORD_CM, _LONGEST_WORD_CM - _PAD_CM),
            min(longest_line, _FLOOR_CHARS) * _CHAR_CM,
        )
        floors.append(floor + _PAD_CM)
        # a long column wants its longest line, but is content to wrap it into a few lines
        wants.append(max(longest_line * _CHAR_CM + _PAD_CM, floors[-1]))
    spare = total_cm - sum(floors)
    if spare <= 0:
        scale = total_cm / sum(floors)
        return tuple(f * scale for f in floors)
    extra = [w - f for w, f in zip(wants, floors, strict=True)]
    if sum(extra) <= spare:
        # everything fits on one line: share what is left in proportion to the wants
        scale = total_cm / sum(wants)
        return tuple(w * scale for w in wants)
    return tuple(f + spare * e / sum(extra) for f, e in zip(floors, extra, strict=True))
