"""Text normalisation shared by every layer: Unicode NFC for everything that enters the model."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import re
import unicodedata
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any, ClassVar

from ..errors import InvalidValueError

__all__ = [
    "Record",
    "forbidden_character",
    "forbidden_message",
    "khoa_ten",
    "nfc",
    "normalize_fields",
]


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC (composed) form.

    >>> nfc("Vie\\u0302\\u0323t") == "Việt"
    True
    """
    return unicodedata.normalize("NFC", text)


def khoa_ten(name: str) -> str:
    """The key two names of a unit are compared by: NFC, case-insensitive, spaces collapsed.

    >>> khoa_ten("Trường  THCS quyết tiến ") == khoa_ten("Trường THCS Quyết Tiến")
    True
    """
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


# what XML 1.0 cannot hold: control characters other than tab and line breaks, lone
# surrogates, U+FFFE and U+FFFF
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def forbidden_character(text: str) -> str | None:
    """The first character of ``text`` that no document can hold, as ``U+XXXX``; ``None`` when
    there is none. Tabs and line breaks are fine.

    >>> forbidden_character("a\\tb\\nc"), forbidden_character("a\\x07b")
    (None, 'U+0007')
    """
    found = _FORBIDDEN.search(text)
    return f"U+{ord(found.group(0)):04X}" if found else None


def forbidden_message(code: str) -> str:
    """The Vietnamese problem text for a forbidden character."""
    return f"chứa ký tự điều khiển {code}, không thể đưa vào văn bản; hãy xóa ký tự này"


def _normalize(value: Any) -> Any:
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, tuple):
        return tuple(_normalize(v) for v in value)
    if isinstance(value, list):
        return [_normalize(v) for v in value]
    return value


def _settled(text: str) -> bool:
    """Already NFC and free of forbidden characters (the common case, checked in C)."""
    return unicodedata.is_normalized("NFC", text) and _FORBIDDEN.search(text) is None


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    """The field names of a dataclass (``dataclasses.fields`` rebuilds the tuple each call)."""
    return tuple(f.name for f in dataclasses.fields(cls))


_SETTLED_INPUT: ContextVar[bool] = ContextVar("vnadmin_settled_input", default=False)


@contextlib.contextmanager
def settled_input() -> Iterator[None]:
    """Within this block, records are built from data the input reader has already made NFC
    and checked for forbidden characters (:func:`~vnadmin_docs.io.files.load_data`), so
    :func:`normalize_fields` has nothing to do: a dossier builds some forty records.

    >>> with settled_input():
    ...     _SETTLED_INPUT.get()
    True
    >>> _SETTLED_INPUT.get()
    False
    """
    token = _SETTLED_INPUT.set(True)
    try:
        yield
    finally:
        _SETTLED_INPUT.reset(token)


def normalize_fields(obj: Any) -> None:
    """Normalise every string field (and strings in list/tuple fields) of a dataclass to NFC.

    Works on frozen dataclasses too; meant to be called from ``__post_init__``. A field whose
    text is already NFC is left as it is (what the input loader gives: it reads files in NFC),
    and within :func:`settled_input` nothing is looked at.
    """
    if _SETTLED_INPUT.get():
        return
    for name in _field_names(obj.__class__):
        value = getattr(obj, name)
        if isinstance(value, str):
            if _settled(value):
                continue
            texts: Any = [value]
        elif isinstance(value, list | tuple) and value:
            if all(not isinstance(v, str) or _settled(v) for v in value):
                continue
            texts = value
        else:
            continue
        for text in texts:
            code = forbidden_character(text) if isinstance(text, str) else None
            if code:
                raise InvalidValueError(f"{name}: {forbidden_message(code)}")
        normalized = _normalize(value)
        if normalized is not value:
            object.__setattr__(obj, name, normalized)


class Record:
    """Base of the dataclasses that input files describe: every string field becomes NFC on
    construction, and an input may not carry keys the class does not have (the loader reports
    them). Subclasses with checks of their own call ``super().__post_init__()`` first."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}

    def __post_init__(self) -> None:
        normalize_fields(self)
