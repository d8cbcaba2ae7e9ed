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

import json
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
        nested = any(isinstance(v, dict | list | tuple) for v in value)
        if nested or len(value) > _ONE_LINE:
            pad = "  " * (level + 1)
            items = [pad + readable_json(v, level + 1) for v in value]
            return "[\n" + ",\n".join(items) + "\n" + "  " * level + "]"
    return _encode(value)
