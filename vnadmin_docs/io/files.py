"""Reading input files (YAML or JSON): their data, NFC-normalised, and where each value is.

The reader is libyaml's SafeLoader (PyYAML's pure one when libyaml is missing), leaves dates as
text (the model parses them and reports bad ones) and keeps mapping keys as typed (``1.10:`` is
the code "1.10", not the number 1.1). Every value's line is recorded, so that every later
problem, found by whichever stage, can be reported with its line (:class:`Located`).

What the reader refuses, each with a located Vietnamese problem (never a ``RecursionError``,
a ``MemoryError`` or a hang): a directory, an empty file, a file over :data:`MAX_FILE_BYTES`,
bytes that are not UTF-8 (naming the encoding they look like: UTF-16, Windows-1258…),
nesting deeper than :data:`MAX_DEPTH`, an alias that refers to itself or expands past
:data:`MAX_ALIAS_EXPANSION` values (a "billion laughs" file), a duplicate key, a text over
:data:`MAX_TEXT_CHARS` characters, a number that is not finite or is over :data:`MAX_NUMBER`.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Generic, TypeVar

from ..errors import InputError, Loc, Problem, format_path
from ..vn.text import forbidden_message, nfc

__all__ = [
    "MAX_ALIAS_EXPANSION",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_NUMBER",
    "MAX_TEXT_CHARS",
    "LineMap",
    "Located",
    "line_of",
    "load_data",
    "normalize",
    "typed_scalars",
]

MAX_FILE_BYTES: Final = 5_000_000
"""The largest input file read (5 MB: a year's dossier is a few tens of kilobytes)."""
MAX_DEPTH: Final = 50
"""The deepest nesting of lists and mappings (the formats need fewer than ten levels)."""
MAX_TEXT_CHARS: Final = 100_000
"""The longest single text value (a long báo cáo body is some 30,000 characters)."""
MAX_ALIAS_EXPANSION: Final = 10_000
"""How many values aliases (``*name``) may repeat in all; inputs never need many."""
MAX_NUMBER: Final = 10**15
"""The largest number (in absolute value) any field takes."""

Path_ = tuple[str | int, ...]
LineMap = dict[Path_, int]
"""Where each value of an input starts: path → 1-based line."""

T = TypeVar("T")
_format = format_path


def typed_scalars(lines: LineMap | None) -> dict[Path_, str]:
    """The source text of each plain scalar that YAML read as a boolean, a number or null."""
    return getattr(lines, "scalars", {})


def line_of(path: Loc, lines: LineMap | None) -> int | None:
    """The line of ``path``, or of the nearest enclosing value the map knows."""
    if not lines:
        return None
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None


def number_problems(value: Any, path: Path_, lines: LineMap, out: list[Problem]) -> None:
    if isinstance(value, bool):
        return
    if isinstance(value, float) and not math.isfinite(value):
        message = "số quá lớn hoặc không phải là số (tối đa 10^15)"
        out.append(Problem(_format(path), message, line_of(path, lines)))
    elif isinstance(value, int | float) and abs(value) > MAX_NUMBER:
        out.append(Problem(_format(path), "số quá lớn (tối đa 10^15)", line_of(path, lines)))
    elif isinstance(value, str) and len(value) > MAX_TEXT_CHARS:  # from JSON escapes
        message = f"giá trị quá dài ({len(value)} ký tự; tối đa {MAX_TEXT_CHARS})"
        out.append(Problem(_format(path), message, line_of(path, lines)))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            number_problems(item, (*path, i), lines, out)
    elif isinstance(value, dict):
        for key, item in value.items():
            number_problems(item, (*path, nfc(str(key))), lines, out)


_encode = json.JSONEncoder(ensure_ascii=False).encode


def _encoding_hint(data: bytes) -> str:
    """Which encoding bytes that are not UTF-8 look like."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or data.count(0) > len(data) // 4:
        return "UTF-16 (Unicode của Windows)"
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        return "không rõ bảng mã"
    if any(c in text for c in "ơƯưĐđ\u0300\u0301\u0303\u0309\u0323"):
        return "Windows-1258 (tiếng Việt của Windows)"
    if any(b >= 0xA0 for b in data):
        return "Latin-1 / Windows-1252"
    return "không rõ bảng mã"


_YAML_PROBLEMS: Final = (
    ("exceeded maximum nesting depth", f"lồng nhau quá sâu (quá {MAX_DEPTH} cấp)"),
    ("mapping values are not allowed", "dấu ':' đặt sai chỗ (giá trị có ':' cần đặt trong nháy)"),
    ("could not find expected ':'", "thiếu dấu ':' sau khóa"),
    ("found character '\\t'", "có ký tự tab; YAML chỉ thụt lề bằng dấu cách"),
    ("found character", "có ký tự không thể bắt đầu một giá trị (hãy đặt giá trị trong nháy)"),
    ("found undefined alias", "bí danh (alias) chưa được định nghĩa"),
    ("found duplicate anchor", "nhãn (anchor) bị định nghĩa hai lần"),
    ("found unexpected end of stream", "tệp kết thúc giữa chừng (thiếu dấu nháy hoặc ngoặc đóng)"),
    ("found unknown escape character", "chuỗi trong nháy kép có ký tự thoát '\\' không hợp lệ"),
    ("expected a single document", "tệp chỉ được có một tài liệu (bỏ dòng '---' thừa)"),
    ("expected <block end>", "thụt lề không đúng"),
    ("did not find expected", "thụt lề hoặc dấu ngoặc không đúng"),
    ("expected ',' or", "thiếu dấu ',' hoặc dấu ngoặc đóng"),
    ("expected the node content", "thiếu giá trị"),
    ("sequence entries are not allowed", "dòng '- ' đặt sai chỗ (thụt lề không đúng)"),
    ("could not find expected", "thiếu dấu nháy hoặc dấu ngoặc đóng"),
)


_JSON_PROBLEMS: Final = {
    "Expecting property name enclosed in double quotes": "thiếu tên khóa trong nháy kép "
    "(có dấu ',' thừa?)",
    "Expecting value": "thiếu giá trị (có dấu ',' thừa?)",
    "Expecting ',' delimiter": "thiếu dấu ','",
    "Expecting ':' delimiter": "thiếu dấu ':'",
    "Extra data": "có dữ liệu thừa sau phần cuối",
    "Unterminated string starting at": "chuỗi thiếu dấu nháy đóng",
    "Invalid control character at": "có ký tự điều khiển trong chuỗi",
    "Invalid \\escape": "ký tự thoát '\\' không hợp lệ",
}


def _json_problem(detail: str) -> str:
    return _JSON_PROBLEMS.get(detail, f"cú pháp không đúng ({detail})")


def _yaml_problem(detail: str) -> str:
    """PyYAML's problem in Vietnamese (the original kept in brackets for the unusual ones)."""
    for english, vietnamese in _YAML_PROBLEMS:
        if english in detail:
            return vietnamese
    return f"cú pháp không đúng ({detail})"


def normalize(value: Any) -> Any:
    if isinstance(value, str):
        return value if unicodedata.is_normalized("NFC", value) else nfc(value)
    if isinstance(value, list):
        return [normalize(v) for v in value]
    if isinstance(value, dict):
        return {nfc(str(k)): normalize(v) for k, v in value.items()}
    return value


_OPEN_FLAGS: Final = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)


def _read_bytes(path: Path) -> bytes:
    """The bytes of ``path``, up to one past :data:`MAX_FILE_BYTES` (which tells a file over
    the limit), with the system's own calls: ``open()`` builds two Python objects a file, a
    sixth of the time of reading a scorecard, and ``read(5 MB)`` would allocate 5 MB each. A
    file gives its size in one read; one that gives more than its size said (a pipe, a file
    that grows) is read on in pieces, to the limit."""
    fd = os.open(path, _OPEN_FLAGS)
    try:
        expected = os.fstat(fd).st_size
        raw = os.read(fd, min(expected, MAX_FILE_BYTES) + 1)
        if len(raw) <= expected:
            return raw
        chunks = [raw]
        total = len(raw)
        while total <= MAX_FILE_BYTES and (chunk := os.read(fd, 1 << 16)):
            chunks.append(chunk)
            total += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def load_data(path: Path | str, *, with_lines: bool = True) -> tuple[Any, LineMap]:
    """Read a YAML or JSON file: its data (NFC-normalised) and where each value is; with
    ``with_lines=False`` a JSON file is read by the json module alone and the map is empty (an
    aggregation of thousands of scorecards needs no lines: 0.1 ms a file instead of 1 ms)."""
    path = path if isinstance(path, Path) else Path(path)
    source = str(path)
    is_json = path.suffix.lower() == ".json"

    def refuse(message: str, line: int | None = None) -> InputError:
        return InputError([Problem("", message, line)], source=source)

    try:
        raw = _read_bytes(path)
    except FileNotFoundError:
        raise refuse(f"không tìm thấy tệp {path}") from None
    except OSError as exc:  # a folder is not looked for first: one stat less a file
        if path.is_dir():
            raise refuse("là một thư mục, không phải tệp dữ liệu") from None
        raise refuse(f"không đọc được tệp: {exc.strerror or exc}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise refuse(f"tệp quá lớn (tối đa {MAX_FILE_BYTES // 1_000_000} MB)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        at = raw.count(b"\n", 0, exc.start) + 1
        message = (
            f"tệp không phải văn bản UTF-8 (có vẻ là {_encoding_hint(raw)}); "
            "hãy lưu lại tệp với bảng mã UTF-8"
        )
        raise refuse(message, at) from None
    if not text.strip():
        raise refuse("tệp rỗng")
    # a text in NFC without escapes holds only NFC strings: no need to walk the data for it
    nfc_text = unicodedata.is_normalized("NFC", text)
    settled = nfc_text and "\\" not in text
    if not with_lines and is_json:  # many scorecards: the json module alone
        try:
            fast = json.loads(text)
        except json.JSONDecodeError as exc:
            problem = Problem("", f"tệp JSON không hợp lệ: {_json_problem(exc.msg)}", exc.lineno)
            raise InputError([problem], source=source) from None
        except (ValueError, RecursionError):
            raise refuse("tệp JSON lồng quá sâu hoặc có số quá lớn") from None
        if not settled:
            # an escape other than \u… gives ASCII, which composes with nothing; with \u…,
            # the data's own text decides (its quotes and separators compose with nothing)
            settled = (nfc_text and "\\u" not in text) or unicodedata.is_normalized(
                "NFC", _encode(fast)
            )
        return (fast if settled else normalize(fast)), {}
    import yaml  # the YAML path only: a scorecard JSON needs neither PyYAML nor its regexes

    from ._yaml import Lines, TooMuch, Unusual, node_lines, read_full, read_plain

    problems: list[Problem] = []
    lines: Lines
    node: yaml.Node | None = None
    try:
        try:
            data, lines = read_plain(text)
        except Unusual:  # the full reader: nodes composed, checked, constructed and walked
            data, node, lines = read_full(text)
    except TooMuch as exc:
        raise InputError([exc.problem], source=source) from None
    except (ValueError, OverflowError):  # an integer of thousands of digits
        raise refuse("tệp có số quá lớn (hàng nghìn chữ số)") from None
    except yaml.reader.ReaderError as exc:  # a control character typed into the file itself
        at = text.count("\n", 0, exc.position) + 1
        message = forbidden_message(f"U+{exc.character:04X}")
        raise InputError([Problem("", f"tệp {message}", at)], source=source) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        what = "JSON" if is_json else "YAML"
        detail = _yaml_problem(str(getattr(exc, "problem", None) or exc))
        raise InputError(
            [Problem("", f"tệp {what} không hợp lệ: {detail}", line)], source=source
        ) from None
    if is_json:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            detail = _json_problem(exc.msg)
            problem = Problem("", f"tệp JSON không hợp lệ: {detail}", exc.lineno)
            raise InputError([problem], source=source) from None
        except (ValueError, RecursionError):
            raise refuse("tệp JSON có số quá lớn (hàng nghìn chữ số)") from None
    if node is not None:
        node_lines(node, (), lines, problems)
    if node is not None or is_json:  # the plain reader checked them
        number_problems(data, (), lines, problems)
    if problems:
        raise InputError(problems, source=source)
    return (data if settled else normalize(data)), lines


@dataclass(frozen=True)
class Located(Generic[T]):
    """A value read from a file, with the file's name and where each of its values is: a later
    stage's problems about it can be located (:meth:`locate`)."""

    value: T
    lines: LineMap
    source: str

    def locate(self, exc: InputError, *, prefix: Loc = ()) -> InputError:
        """``exc`` with this file as its source, its problems moved under ``prefix`` and given
        the lines of their paths."""
        return InputError(self.problems(exc.problems, prefix=prefix), source=self.source)

    def problems(self, problems: Iterable[Problem], *, prefix: Loc = ()) -> list[Problem]:
        out = []
        for p in problems:
            if p.loc or not p.path:
                loc = (*prefix, *p.loc)
                line = p.line if p.line is not None else line_of(loc, self.lines)
                out.append(Problem(_format(loc), p.message, line, loc=loc))
            else:
                out.append(
                    p
                    if p.line is not None
                    else dataclasses.replace(p, line=line_of(prefix, self.lines))
                )
        return out
