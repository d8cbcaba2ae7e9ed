"""The YAML reader behind :func:`~.files.load_data` (imported by its YAML path only: reading
a scorecard JSON needs no PyYAML): the line map it builds, and its two ways through a text,
within the limits :mod:`.files` sets.

The plain way (:func:`read_plain`) walks libyaml's events once and builds the data and the
line map together: what an ordinary input (a dossier, a plan) needs, in a third of the time
of composing nodes. Anything it does not handle itself, an alias, a tag, a merge key, a
duplicate key, a forbidden character, a value out of bounds, raises :class:`Unusual`; the
full way (:func:`read_full`, :func:`node_lines`) composes PyYAML's nodes, checks them and
reports every such problem with its line, as before. Both give the same data and lines for
any text the plain way accepts (a test compares them on every input the repository holds
and on thousands of generated ones).
"""

from __future__ import annotations

import math
from typing import Any, ClassVar, Final

import yaml

from ..errors import Problem, format_path
from ..vn.text import forbidden_character, forbidden_message, nfc
from .files import MAX_ALIAS_EXPANSION, MAX_DEPTH, MAX_NUMBER, MAX_TEXT_CHARS, Path_

__all__ = [
    "Lines",
    "TooMuch",
    "Unusual",
    "node_lines",
    "read_full",
    "read_plain",
]


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """SafeLoader (libyaml's, when PyYAML has it: 5× faster) that leaves dates as text and keeps
    mapping keys as typed."""

    yaml_implicit_resolvers: ClassVar[dict[Any, Any]] = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    # the tag of each scalar by its text and style: the resolvers try a dozen patterns on each
    _tags: ClassVar[dict[tuple[str, Any], str]] = {}
    values: ClassVar[dict[tuple[str, str], Any]] = {}
    """A typed scalar's value (``None``, a boolean, a number) by its tag and text."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is not yaml.ScalarNode or self.yaml_path_resolvers:
            return super().resolve(kind, value, implicit)
        key = (value, implicit)
        tag = self._tags.get(key)
        if tag is None:
            tag = super().resolve(kind, value, implicit)
            if len(value) <= 100 and len(self._tags) < 100_000:  # bounded
                self._tags[key] = tag
        return tag

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


class Lines(dict[Path_, int]):
    """A :data:`LineMap` that also keeps the typed text of every plain scalar YAML read as
    something other than text (``yes``, ``01``, ``12``), for the "put it in quotes" hint."""

    scalars: dict[Path_, str]


class TooMuch(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


_STARTS: Final = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_ENDS: Final = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


def _check_events(text: str) -> bool:
    """Refuse nesting deeper than :data:`MAX_DEPTH` before anything recursive runs; whether
    the nodes need :func:`_check_nodes` (the text has an alias, or a scalar too long): a
    document without either has each node once and every text within the limit."""
    depth = 0
    nodes_to_check = False
    parser = _Loader(text)
    try:
        while (event := parser.get_event()) is not None:
            kind = type(event)
            if kind is yaml.ScalarEvent:
                if len(event.value) > MAX_TEXT_CHARS:
                    nodes_to_check = True
            elif kind in _STARTS:
                depth += 1
                if depth > MAX_DEPTH:
                    line = event.start_mark.line + 1 if event.start_mark else None
                    message = f"lồng nhau quá sâu (quá {MAX_DEPTH} cấp)"
                    raise TooMuch(Problem("", message, line))
            elif kind in _ENDS:
                depth -= 1
            elif kind is yaml.AliasEvent:
                nodes_to_check = True
    finally:
        parser.dispose()
    return nodes_to_check


class Unusual(Exception):
    """The text needs the full reader: an alias or anchor, an explicit tag, a merge key, a
    key that is not text, a second document, or a value the reader reports a problem about."""


_STR: Final = "tag:yaml.org,2002:str"
_SCALAR_TYPES: Final = frozenset(f"tag:yaml.org,2002:{t}" for t in ("null", "bool", "int", "float"))


def _typed(parser: Any, tag: str, value: str) -> Any:
    key = (tag, value)
    known = _Loader.values
    try:
        return known[key]
    except KeyError:
        pass
    if tag not in _SCALAR_TYPES:
        raise Unusual
    made = parser.yaml_constructors[tag](parser, yaml.ScalarNode(tag, value))
    if isinstance(made, float) and not math.isfinite(made):
        raise Unusual
    if not isinstance(made, bool) and isinstance(made, int | float) and abs(made) > MAX_NUMBER:
        raise Unusual
    if len(value) <= 100 and len(known) < 100_000:  # bounded
        known[key] = made
    return made


_PLAIN: Final = (True, False)  # how libyaml marks a plain scalar's implicit tag


def _plain_tag(parser: Any, value: str) -> str:
    """A plain scalar's tag: from the loader's cache of the resolver's answers, without a call."""
    tag = _Loader._tags.get((value, _PLAIN))
    return tag if tag is not None else str(parser.resolve(yaml.ScalarNode, value, _PLAIN))


def read_plain(text: str) -> tuple[Any, Lines]:
    """The data and line map of an ordinary YAML text in one pass over the parser's events,
    without composing nodes (a dossier: a third of the time of compose, construct and walk).
    The result is what the full reader gives; nesting deeper than :data:`MAX_DEPTH` is refused
    the same way. Whatever is unusual (see :class:`Unusual`) or has a problem raises
    :class:`Unusual`, and the caller reads the text with the full reader."""
    lines = Lines()
    lines.scalars = {}
    scalars = lines.scalars
    check_chars = "\\" in text or forbidden_character(text) is not None
    scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
    map_start, seq_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    map_end, seq_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    document_start = yaml.DocumentStartEvent
    # the open container and, for a mapping, its pending key and the key's line; the
    # containers around it on the stack
    stack: list[tuple[Any, Path_, bool, Any, int]] = []
    container: Any = None
    where: Path_ = ()
    in_map = False
    key: Any = None
    key_line = 0
    root: list[Any] = []
    documents = 0
    parser = _Loader(text)
    get_event = parser.get_event
    try:
        while (event := get_event()) is not None:
            kind = event.__class__
            if kind is scalar_event or kind is map_start or kind is seq_start:
                if event.anchor is not None or event.tag is not None:
                    raise Unusual
                if container is None:
                    if root:
                        raise Unusual
                    path: Path_ = ()
                    line = event.start_mark.line + 1
                elif in_map:
                    if key is None:  # this event is a key
                        if kind is not scalar_event:
                            raise Unusual
                        key = event.value
                        if key in container or (not event.style and key in ("<<", "=")):
                            raise Unusual  # a duplicate or a merge key: the full reader
                        if not key.isascii() and nfc(key) != key:
                            raise Unusual
                        key_line = event.start_mark.line + 1
                        continue
                    path = (*where, key)
                    line = key_line
                else:
                    path = (*where, len(container))
                    line = event.start_mark.line + 1
                lines[path] = line
                if kind is scalar_event:
                    value: Any = event.value
                    if len(value) > MAX_TEXT_CHARS or (check_chars and forbidden_character(value)):
                        raise Unusual
                    if event.implicit[0]:  # plain (libyaml says so of no other style)
                        tag = (
                            parser.resolve(yaml.ScalarNode, value, event.implicit)
                            if event.style
                            else _plain_tag(parser, value)
                        )
                        if tag != _STR:
                            if not event.style:
                                scalars[path] = value
                            value = _typed(parser, tag, value)
                elif len(stack) >= MAX_DEPTH:
                    message = f"lồng nhau quá sâu (quá {MAX_DEPTH} cấp)"
                    raise TooMuch(Problem("", message, event.start_mark.line + 1))
                else:
                    value = {} if kind is map_start else []
                if container is None:
                    root.append(value)
                elif in_map:
                    container[key] = value
                    key = None
                else:
                    container.append(value)
                if kind is not scalar_event:
                    stack.append((container, where, in_map, key, key_line))
                    container, where, in_map, key = value, path, kind is map_start, None
            elif kind is map_end or kind is seq_end:
                container, where, in_map, key, key_line = stack.pop()
            elif kind is document_start:
                documents += 1
                if documents > 1:
                    raise Unusual
            elif kind is alias_event:
                raise Unusual
    finally:
        parser.dispose()
    if not root:
        raise Unusual
    return root[0], lines


def _check_nodes(root: yaml.Node) -> None:
    """Refuse an alias that refers to itself or expands too much, and oversized texts."""
    seen: set[int] = set()
    repeats = 0
    stack: list[tuple[yaml.Node, frozenset[int]]] = [(root, frozenset())]
    while stack:
        node, above = stack.pop()
        line = node.start_mark.line + 1
        if id(node) in above:
            raise TooMuch(Problem("", "bí danh (alias) tự tham chiếu đến chính nó", line))
        if id(node) in seen:
            repeats += 1
            if repeats > MAX_ALIAS_EXPANSION:
                message = f"bí danh (alias) lặp lại quá nhiều giá trị (quá {MAX_ALIAS_EXPANSION})"
                raise TooMuch(Problem("", message, line))
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            if len(node.value) > MAX_TEXT_CHARS:
                message = f"giá trị quá dài ({len(node.value):,} ký tự; tối đa {MAX_TEXT_CHARS:,})"
                raise TooMuch(Problem("", message.replace(",", "."), line))
            continue
        inner = above | {id(node)}
        for child in reversed(node.value):
            if isinstance(child, tuple):
                stack.extend((c, inner) for c in reversed(child))
            else:
                stack.append((child, inner))


def node_lines(node: yaml.Node, path: Path_, out: Lines, problems: list[Problem]) -> None:
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
            node_lines(value, (*path, name), out, problems)
            out[(*path, name)] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            node_lines(item, (*path, index), out, problems)
    elif isinstance(node.value, str) and (code := forbidden_character(node.value)):
        problems.append(Problem(_format(path), forbidden_message(code), node.start_mark.line + 1))
    elif not getattr(node, "style", None) and node.tag != "tag:yaml.org,2002:str":
        out.scalars[path] = node.value


def read_full(text: str) -> tuple[Any, yaml.Node | None, Lines]:
    """The data of ``text`` through PyYAML's composer and constructor, its root node (for
    :func:`_lines`, which the caller runs) and an empty line map to fill."""
    nodes_to_check = _check_events(text)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is not None and nodes_to_check:
            _check_nodes(node)
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    lines = Lines()
    lines.scalars = {}
    return data, node, lines
