"""Reading input files (YAML or JSON): their data, NFC-normalised, and where each value is.

The reader is libyaml's SafeLoader (PyYAML's pure one when libyaml is missing), leaves dates as
text (the model parses them and reports bad ones) and keeps mapping keys as typed (``1.10:`` is
the code "1.10", not the number 1.1). Every value's line is recorded, so that every later
problem, found by whichever stage, can be reported with its line (:class:`Located`).
"""

from __future__ import annotations

import dataclasses
import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Generic, TypeVar

import yaml

from ..errors import InputError, Loc, Problem, format_path
from ..vn.text import forbidden_character, forbidden_message, nfc

__all__ = ["LineMap", "Located", "line_of", "load_data", "normalize"]

T = TypeVar("T")
Path_ = tuple[str | int, ...]
LineMap = dict[Path_, int]
"""Where each value of an input starts: path → 1-based line."""


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """SafeLoader (libyaml's, when PyYAML has it: 5× faster) that leaves dates as text and keeps
    mapping keys as typed."""

    yaml_implicit_resolvers: ClassVar[dict[Any, Any]] = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        self.flatten_mapping(node)
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key: Any = key_node.value
            else:
                key = self.construct_object(key_node, deep=deep)
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


_format = format_path


def _lines(node: yaml.Node, path: Path_, out: LineMap, problems: list[Problem]) -> None:
    out[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            name = nfc(str(key.value))
            if name in seen:
                problems.append(
                    Problem(_format((*path, name)), "khóa bị lặp lại", key.start_mark.line + 1)
                )
            seen.add(name)
            _lines(value, (*path, name), out, problems)
            out[(*path, name)] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _lines(item, (*path, index), out, problems)
    elif isinstance(node.value, str) and (code := forbidden_character(node.value)):
        problems.append(Problem(_format(path), forbidden_message(code), node.start_mark.line + 1))


def normalize(value: Any) -> Any:
    if isinstance(value, str):
        return value if unicodedata.is_normalized("NFC", value) else nfc(value)
    if isinstance(value, list):
        return [normalize(v) for v in value]
    if isinstance(value, dict):
        return {nfc(str(k)): normalize(v) for k, v in value.items()}
    return value


def load_data(path: Path | str, *, with_lines: bool = True) -> tuple[Any, LineMap]:
    """Read a YAML or JSON file: its data (NFC-normalised) and where each value is; with
    ``with_lines=False`` a JSON file is read by the json module alone and the map is empty (an
    aggregation of thousands of scorecards needs no lines: 0.1 ms a file instead of 1 ms)."""
    path = Path(path)
    source = str(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise InputError([Problem("", f"không tìm thấy tệp {path}")], source=source) from None
    except UnicodeDecodeError as exc:
        problem = Problem("", f"tệp không phải văn bản UTF-8 (byte {exc.start})")
        raise InputError([problem], source=source) from None
    except OSError as exc:
        raise InputError([Problem("", f"không đọc được tệp: {exc}")], source=source) from None
    problems: list[Problem] = []
    lines: LineMap = {}
    # a text in NFC without escapes holds only NFC strings: no need to walk the data for it
    settled = "\\" not in text and unicodedata.is_normalized("NFC", text)
    if not with_lines and path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
            return (data if settled else normalize(data)), lines
        except json.JSONDecodeError as exc:
            problem = Problem("", f"tệp JSON không hợp lệ: {exc.msg}", exc.lineno)
            raise InputError([problem], source=source) from None
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.reader.ReaderError as exc:  # a control character typed into the file itself
        at = text.count("\n", 0, exc.position) + 1
        message = forbidden_message(f"U+{exc.character:04X}")
        raise InputError([Problem("", f"tệp {message}", at)], source=source) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        what = "JSON" if path.suffix.lower() == ".json" else "YAML"
        detail = getattr(exc, "problem", None) or str(exc)
        raise InputError(
            [Problem("", f"tệp {what} không hợp lệ: {detail}", line)], source=source
        ) from None
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            problem = Problem("", f"tệp JSON không hợp lệ: {exc.msg}", exc.lineno)
            raise InputError([problem], source=source) from None
    if node is not None:
        _lines(node, (), lines, problems)
    if problems:
        raise InputError(problems, source=source)
    return (data if settled else normalize(data)), lines


def line_of(path: Loc, lines: LineMap | None) -> int | None:
    """The line of ``path``, or of the nearest enclosing value the map knows."""
    if not lines:
        return None
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None


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
