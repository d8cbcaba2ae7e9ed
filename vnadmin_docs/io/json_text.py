"""JSON written for people as well as programs, at the json module's C speed.

``json.dumps(…, indent=2)`` encodes in Python (the C encoder has no indentation): for the
aggregate of 5,000 schools that is a tenth of a second. :func:`readable_json` indents the
mappings and the lists of mappings, and hands everything else to the C encoder: a short list
of numbers stays on one line, a long list has one item a line.

>>> print(readable_json({"a": [1, 2], "b": {"c": "Việt"}, "d": [{"e": None}], "f": []}))
{
  "a": [1, 2],
  "b": {
    "c": "Việt"
  },
  "d": [
    {
      "e": null
    }
  ],
  "f": []
}
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Final

__all__ = ["readable_json"]

_ONE_LINE: Final = 10
"""A list of at most this many plain values is written on one line."""

_encode = json.JSONEncoder(ensure_ascii=False).encode


def _key(key: object) -> str:
    """A mapping key as JSON writes it (``1`` → ``"1"``, ``True`` → ``"true"``)."""
    return key if isinstance(key, str) else _encode(key)


def readable_json(value: object, level: int = 0) -> str:
    """``value`` as JSON text (``json.loads`` gives it back), indented by two spaces."""
    if isinstance(value, dict) and value:
        pad = "  " * (level + 1)
        items = [
            f"{pad}{_encode(_key(k))}: {readable_json(v, level + 1)}" for k, v in value.items()
        ]
        return "{\n" + ",\n".join(items) + "\n" + "  " * level + "}"
    if isinstance(value, list | tuple) and value:
        pad = "  " * (level + 1)
        if any(isinstance(v, dict | list | tuple) for v in value):
            items = [pad + readable_json(v, level + 1) for v in value]
            return "[\n" + ",\n".join(items) + "\n" + "  " * level + "]"
        if len(value) > _ONE_LINE:  # plain values a line each, in one call of the C encoder
            return "[\n" + pad + _lines_encoder(level + 1)(value)[1:-1] + "\n" + "  " * level + "]"
    return _encode(value)


@functools.cache
def _lines_encoder(level: int) -> Callable[[object], str]:
    """An encoder putting the items of a list of plain values one a line, at ``level``."""
    separators = (",\n" + "  " * level, ": ")
    return json.JSONEncoder(ensure_ascii=False, separators=separators).encode
