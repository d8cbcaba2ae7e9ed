"""Numbers in Vietnamese words, and back.

``num2words`` gets several readings wrong (``1010``, ``2024``, decimals, negatives, 10**15);
this module reads numbers the way Vietnamese documents write them.

>>> so_thanh_chu(2024)
'hai nghìn không trăm hai mươi tư'
>>> so_thanh_chu(145001000)
'một trăm bốn mươi lăm triệu không trăm linh một nghìn'
>>> so_thanh_chu("2.05")
'hai phẩy không năm'
>>> so_thanh_chu(1500000, don_vi="đồng", viet_hoa=True)
'Một triệu năm trăm nghìn đồng'
>>> chu_thanh_so("âm mười lăm")
-15
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Literal

from ..errors import InvalidValueError

__all__ = ["chu_thanh_so", "so_thanh_chu"]

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_BILLION = 10**9


def _triple(n: int, *, full: bool, linh: str, tu: str) -> list[str]:
    """Read 0 < n < 1000; ``full`` when a higher group precedes (so "không trăm", "linh")."""
    h, rest = divmod(n, 100)
    t, u = divmod(rest, 10)
    words: list[str] = []
    if h or full:
        words += [_DIGITS[h], "trăm"]
    if t == 0:
        if u:
            if words:
                words.append(linh)
            words.append(_DIGITS[u])
    elif t == 1:
        words.append("mười")
        if u:
            words.append("lăm" if u == 5 else _DIGITS[u])
    else:
        words += [_DIGITS[t], "mươi"]
        if u == 1:
            words.append("mốt")
        elif u == 4:
            words.append(tu)
        elif u == 5:
            words.append("lăm")
        elif u:
            words.append(_DIGITS[u])
    return words


def _below_billion(n: int, *, full: bool, linh: str, tu: str, nghin: str) -> list[str]:
    words: list[str] = []
    for scale, name in ((10**6, "triệu"), (10**3, nghin), (1, "")):
        group, n = divmod(n, scale)
        if group:
            words += _triple(group, full=full or bool(words), linh=linh, tu=tu)
            if name:
                words.append(name)
    return words


def _integer(n: int, *, full: bool, linh: str, tu: str, nghin: str) -> list[str]:
    if n >= _BILLION:
        high, low = divmod(n, _BILLION)
        words = [*_integer(high, full=full, linh=linh, tu=tu, nghin=nghin), "tỷ"]
        if low:
            words += _below_billion(low, full=True, linh=linh, tu=tu, nghin=nghin)
        return words
    return _below_billion(n, full=full, linh=linh, tu=tu, nghin=nghin)


def _to_decimal(value: int | Decimal | float | str) -> Decimal:
    if isinstance(value, bool):
        raise TypeError("a bool is not a number")
    if isinstance(value, float):
        value = repr(value)  # shortest digits: 2.05 stays 2.05
    try:
        d = Decimal(value)
    except (InvalidOperation, ValueError):
        raise InvalidValueError(f"không phải là số: {value!r}") from None
    if not d.is_finite():
        raise InvalidValueError(f"không phải là số hữu hạn: {value!r}")
    return d


def so_thanh_chu(
    value: int | Decimal | float | str,
    *,
    linh: Literal["linh", "lẻ"] = "linh",
    tu: Literal["tư", "bốn"] = "tư",
    nghin: Literal["nghìn", "ngàn"] = "nghìn",
    don_vi: str | None = None,
    viet_hoa: bool = False,
) -> str:
    """Read a number in Vietnamese words.

    ``value`` may be an ``int``, a ``Decimal`` or a string (their digits are kept:
    ``"2.50"`` reads "hai phẩy năm mươi"), or a ``float`` (read by its shortest repr).
    ``linh``/``tu``/``nghin`` choose the regional variants; ``don_vi`` appends a unit
    (``"đồng"``); ``viet_hoa`` capitalises the first letter, for a phrase opening a sentence.

    >>> so_thanh_chu(105, linh="lẻ"), so_thanh_chu(24, tu="bốn"), so_thanh_chu(10**15)
    ('một trăm lẻ năm', 'hai mươi bốn', 'một triệu tỷ')
    >>> so_thanh_chu(-3), so_thanh_chu(12.5), so_thanh_chu(0)
    ('âm ba', 'mười hai phẩy năm', 'không')
    """
    d = _to_decimal(value)
    sign, _digits, _exp = d.as_tuple()
    text = format(abs(d), "f")
    int_text, _, frac_text = text.partition(".")
    opts = {"linh": linh, "tu": tu, "nghin": nghin}
    n = int(int_text)
    words = _integer(n, full=False, **opts) if n else ["không"]
    if frac_text:
        words.append("phẩy")
        stripped = frac_text.lstrip("0")
        words += ["không"] * (len(frac_text) - len(stripped))
        if stripped:
            words += _integer(int(stripped), full=False, **opts)
    if sign and (n or frac_text.strip("0")):
        words.insert(0, "âm")
    if don_vi:
        words.append(don_vi)
    result = " ".join(words)
    return result[:1].upper() + result[1:] if viet_hoa else result


_DIGIT_VALUES = {w: i for i, w in enumerate(_DIGITS)} | {"mốt": 1, "tư": 4, "lăm": 5, "nhăm": 5}
_SCALES = (("tỷ", _BILLION), ("triệu", 10**6), ("nghìn", 1000), ("ngàn", 1000))


def _digit(word: str) -> int:
    try:
        return _DIGIT_VALUES[word]
    except KeyError:
        raise InvalidValueError(f"không đọc được từ {word!r}") from None


def _parse_triple(words: list[str]) -> int:
    value = 0
    if "trăm" in words:
        i = words.index("trăm")
        if i != 1:
            raise InvalidValueError(f"không đọc được: {' '.join(words)!r}")
        value += _digit(words[0]) * 100
        words = words[2:]
    if not words:
        return value
    if words[0] in ("linh", "lẻ"):
        if len(words) != 2:
            raise InvalidValueError(f"không đọc được: {' '.join(words)!r}")
        return value + _digit(words[1])
    if words[0] == "mười":
        if len(words) > 2:
            raise InvalidValueError(f"không đọc được: {' '.join(words)!r}")
        return value + 10 + (_digit(words[1]) if len(words) == 2 else 0)
    if len(words) >= 2 and words[1] == "mươi":
        if len(words) > 3:
            raise InvalidValueError(f"không đọc được: {' '.join(words)!r}")
        return value + _digit(words[0]) * 10 + (_digit(words[2]) if len(words) == 3 else 0)
    if len(words) != 1:
        raise InvalidValueError(f"không đọc được: {' '.join(words)!r}")
    return value + _digit(words[0])


def _parse_integer(words: list[str]) -> int:
    if not words:
        return 0
    for name, scale in _SCALES:
        if name in words:
            i = len(words) - 1 - words[::-1].index(name)
            high = _parse_integer(words[:i])
            if high == 0:
                raise InvalidValueError(f"thiếu số trước {name!r}")
            return high * scale + _parse_integer(words[i + 1 :])
    return _parse_triple(words)


def chu_thanh_so(text: str) -> int | Decimal:
    """Parse Vietnamese number words back into a number (the inverse of :func:`so_thanh_chu`).

    Returns an ``int``, or a ``Decimal`` when the words have a "phẩy" part.

    >>> chu_thanh_so("một nghìn không trăm mười")
    1010
    >>> chu_thanh_so("hai phẩy không năm")
    Decimal('2.05')
    """
    words = text.strip().lower().split()
    if not words:
        raise InvalidValueError("chuỗi rỗng")
    negative = words[0] == "âm"
    if negative:
        words = words[1:]
    int_words, frac_words = words, None
    if "phẩy" in words:
        i = words.index("phẩy")
        int_words, frac_words = words[:i], words[i + 1 :]
    n = 0 if int_words == ["không"] else _parse_integer(int_words)
    if frac_words is None:
        return -n if negative else n
    zeros = 0
    while zeros < len(frac_words) and frac_words[zeros] == "không":
        zeros += 1
    rest = frac_words[zeros:]
    digits = "0" * zeros + (str(_parse_integer(rest)) if rest else "")
    if not digits:
        raise InvalidValueError("thiếu chữ số sau 'phẩy'")
    d = Decimal(f"{n}.{digits}")
    return -d if negative else d
