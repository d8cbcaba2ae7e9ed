"""Text normalisation shared by every layer: Unicode NFC for everything that enters the model."""

from __future__ import annotations

import dataclasses
import unicodedata
from typing import Any

__all__ = ["nfc", "normalize_fields"]


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
