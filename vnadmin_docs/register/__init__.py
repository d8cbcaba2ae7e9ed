"""The outgoing-document register (sổ đăng ký văn bản đi) [NĐ30 Điều 15–16, Phụ lục IV, VI].

Numbers are given per issuing body (``co_quan``, its abbreviation: ``THCSQT``) and calendar
year (``nam``): one sequence for all document types, from 01 on 1 January [NĐ30 Phụ lục I
II.3]. The register lives in an embedded SQLite file (the default; one office machine) or in
PostgreSQL (a ``postgresql://`` URL: an office server shared by several clerks). Allocation is
atomic under many processes and clients: every write runs in one serialised transaction
(SQLite ``BEGIN IMMEDIATE`` with a busy timeout; PostgreSQL a counter row locked
``FOR UPDATE``). The schema is versioned (:mod:`.migrations`). The library never reads the
clock: every operation takes the time to record as ``at``.

The API a renderer uses for ``so: auto`` (a dossier's parts in chain order)::

    with Register.open(path_or_url) as reg:
        allocs = reg.allocate_chain("THCSQT", 2025,
                                    [("Quyết định", "QĐ-THCSQT"), ("Kế hoạch", "KH-THCSQT")],
                                    at=now)          # consecutive numbers, one transaction
        # … render each document with allocs[i].so_ky_hieu …
        reg.issue(allocs[0], Metadata(ngay=..., trich_yeu=..., nguoi_ky=...), at=now)
        # a render failed: give the numbers not issued back
        reg.release_or_void(allocs[1:], "lỗi khi tạo văn bản", at=now)

- ``allocate(co_quan, nam, loai, ky_hieu, *, at, count=1, metadata=None) -> list[Allocation]``
  reserves the next ``count`` consecutive numbers (status ``reserved``); ``metadata`` may hold
  what is known already (a partial ``ngay``, the ``trich_yeu``).
- ``allocate_chain(co_quan, nam, [(loai, ky_hieu), …], *, at)``: the same with a type and
  ký hiệu per number.
- ``issue(allocation, metadata, *, at) -> Entry``: the document was issued (``issued``).
- ``release_or_void(allocation_or_list, reason, *, at) -> list[Entry]``: for numbers whose
  document was not issued. **A number is released only if it is still the last one allocated
  in its year** (the counter goes back; the number is given again, so the sequence has no gap);
  otherwise it is **voided** with the reason, because a later number exists: the sổ keeps it
  as "Đã hủy: <lý do>". Lists are processed from the highest number down, so a whole block
  nobody allocated after is released entirely.
- ``void(allocation_or_entry, reason, *, at)``: void a reserved or issued number.
- ``record(co_quan, nam, so, loai, ky_hieu, metadata, *, at)``: enter a number given by hand.
- ``entries(co_quan=…, nam=…, status=…)``, ``get(co_quan, nam, so)``, ``last_number``.
- :func:`export_xlsx`, :func:`export_docx`: the sổ in NĐ30's form; ``vnadmin-docs check``
  checks an exported .docx against that form (it carries the category of
  :data:`vnadmin_docs.model.so_dang_ky.REGISTER_CATEGORY` in its core properties).

A number is live while reserved, issued or voided: a second live entry with the same
``(co_quan, nam, so)`` is refused (:class:`DuplicateNumberError`), so the same số + ký hiệu +
issuer can never be entered twice, whether allocated or recorded by hand.

>>> import tempfile, pathlib
>>> from datetime import datetime
>>> from vnadmin_docs.register import Register
>>> at = datetime(2025, 3, 6, 8, 0)
>>> with Register.open(pathlib.Path(tempfile.mkdtemp()) / "so.sqlite") as reg:
...     a, b = reg.allocate("THCSQT", 2025, "Quyết định", "QĐ-THCSQT", count=2, at=at)
...     [str(x.so_ky_hieu) for x in (a, b)], reg.release_or_void([a, b], "lỗi", at=at)[0].status
(['01/QĐ-THCSQT', '02/QĐ-THCSQT'], <Status.RELEASED: 'released'>)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Final

from .model import Allocation, DuplicateNumberError, Entry, Metadata, RegisterError, Status

if TYPE_CHECKING:
    from .export import export_docx, export_xlsx, so_rows
    from .store import Register

_LAZY: Final = {
    "Register": "store",
    "export_docx": "export",
    "export_xlsx": "export",
    "so_rows": "export",
}
"""Loaded on first use, so that the command line's start-up stays light."""

__all__ = [
    "Allocation",
    "DuplicateNumberError",
    "Entry",
    "Metadata",
    "Register",
    "RegisterError",
    "Status",
    "export_docx",
    "export_xlsx",
    "so_rows",
]


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    globals()[name] = value
    return value
