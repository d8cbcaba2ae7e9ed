"""A school's template folder (``--mau DIR``): its own .docx per document type, a logo, and
extra variables that reach every part.

The folder holds files named like the shipped templates (``to_trinh.docx``, ``bien_ban.docx``,
``bao_cao.docx``, ``quyet_dinh.docx``, ``ke_hoach.docx``, ``cong_van.docx``) and ``bia.docx``
for the dossier's cover; a type without its file is rendered with the shipped template. A
``logo.png`` (or ``.jpg``) in the folder is offered to every template as ``{{ logo }}``. Extra
variables (``--bien KEY=VALUE``, or ``bien:`` in the input) are offered as ``{{ bien.KEY }}``
and, when the name does not clash with the document's own, as ``{{ KEY }}``.

>>> TemplateFolder(variables={"khau_hieu": "Dạy tốt"}).template("to_trinh") is None
True
"""

from __future__ import annotations

import contextlib
import importlib.resources
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from ..errors import InputError, Problem, TemplateError
from ..vn.numbering import LoaiVanBan

__all__ = [
    "COVER_TEMPLATE", "LOGO_NAMES", "TemplateFolder", "parse_variables", "template_names",
    "template_path",
]  # fmt: skip

COVER_TEMPLATE: Final = "bia.docx"
"""The cover's template file name in a folder."""

LOGO_NAMES: Final = ("logo.png", "logo.jpg", "logo.jpeg")
"""The logo's file names in a folder (the first found is used)."""

_NAME: Final = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def template_names() -> list[str]:
    """Every template file name a folder may hold: the document types', then the cover's."""
    from ..model import REGISTRY

    return [entry.template for entry in REGISTRY.values()] + [COVER_TEMPLATE]


def parse_variables(pairs: list[str] | tuple[str, ...]) -> dict[str, str]:
    """``["khau_hieu=Dạy tốt"]`` → ``{"khau_hieu": "Dạy tốt"}`` (the CLI's ``--bien``).

    >>> parse_variables(["a=1", "b = x=y"])
    {'a': '1', 'b': 'x=y'}
    """
    out: dict[str, str] = {}
    problems = []
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or not _NAME.match(key):
            problems.append(
                Problem("--bien", f"{pair!r}: cần dạng TEN=GIA_TRI, TEN gồm chữ không dấu, số, _")
            )
            continue
        out[key] = value.strip()
    if problems:
        raise InputError(problems)
    return out


@dataclass(frozen=True)
class TemplateFolder:
    """A template folder (``None``: the shipped templates only) and the extra variables."""

    path: Path | None = None
    variables: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        bad = [k for k in self.variables if not _NAME.match(k)]
        if bad:
            raise TemplateError(f"Tên biến không hợp lệ: {', '.join(bad)}")
        if self.path is None:
            return
        if not self.path.is_dir():
            raise TemplateError(f"Không tìm thấy thư mục mẫu {self.path}")
        known = set(template_names())
        unknown = sorted(
            p.name for p in self.path.glob("*.docx")
            if p.name not in known and not p.name.startswith(("~$", "."))
        )  # fmt: skip
        if unknown:
            raise TemplateError(
                f"Thư mục mẫu {self.path} có tệp không ứng với loại văn bản nào: "
                f"{', '.join(unknown)}. Tên tệp mẫu có thể dùng: {', '.join(template_names())}."
            )

    def template(self, key: str) -> Path | None:
        """The folder's template for a type key (``to_trinh``) or ``bia``; ``None``: shipped."""
        if self.path is None:
            return None
        found = self.path / f"{key}.docx"
        return found if found.is_file() else None

    @property
    def logo(self) -> Path | None:
        """The folder's logo image, if any."""
        if self.path is None:
            return None
        return next((self.path / n for n in LOGO_NAMES if (self.path / n).is_file()), None)

    def with_variables(self, more: Mapping[str, str]) -> TemplateFolder:
        """The same folder with ``more`` variables (they win over the folder's own)."""
        return TemplateFolder(self.path, {**self.variables, **more})


@contextlib.contextmanager
def template_path(loai: LoaiVanBan) -> Iterator[Path]:
    """The shipped template of a document type, as a real file (works from a wheel too)."""
    name = loai.template
    resource = importlib.resources.files("vnadmin_docs") / "templates" / name
    with importlib.resources.as_file(resource) as path:
        yield path
