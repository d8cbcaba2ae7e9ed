"""Text normalisation shared by every layer: Unicode NFC for everything that enters the model."""

from __future__ import annotations

import dataclasses
import unicodedata
from typing import Any, ClassVar

__all__ = ["Record", "nfc", "normalize_fields"]


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC (composed) form.

    >>> nfc("Vie\\u0302\\u0323t") == "Việt"
    True
    """
    return unicodedata.normalize("NFC", text)


def _normalize(value: Any) -> Any:
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, tuple):
        return tuple(_normalize(v) for v in value)
    if isinstance(value, list):
        return [_normalize(v) for v in value]
    return value


def normalize_fields(obj: Any) -> None:
    """Normalise every string field (and strings in list/tuple fields) of a dataclass to NFC.

    Works on frozen dataclasses too; meant to be called from ``__post_init__``.
    """
    for field in dataclasses.fields(obj):
        value = getattr(obj, field.name)
        normalized = _normalize(value)
        if normalized is not value:
            object.__setattr__(obj, field.name, normalized)


class Record:
    """Base of the dataclasses that input files describe: every string field becomes NFC on
    construction, and an input may not carry keys the class does not have (the loader reports
    them). Subclasses with checks of their own call ``super().__post_init__()`` first."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}

    def __post_init__(self) -> None:
        normalize_fields(self)
