"""Names a package exports but imports only when first used (PEP 562), so that importing the
package does not import every stage's libraries (an aggregation needs neither docxtpl nor
pypdf).

>>> getattr_, dir_ = lazy_exports("vnadmin_docs.vn", {"nfc": "text"}, {})
>>> getattr_("nfc").__name__, dir_()
('nfc', ['nfc'])
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(
    package: str, where: Mapping[str, str], namespace: dict[str, Any]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """A module ``__getattr__`` and ``__dir__`` for ``package``: ``where`` maps each exported
    name to its module (relative to the package); a name is imported on first use and then
    kept in the package's ``namespace``."""

    def getattr_(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f".{module}", package), name)
        namespace[name] = value
        return value

    def dir_() -> list[str]:
        return sorted(where)

    return getattr_, dir_
