"""Numbers from the outgoing register (``so: auto``): taken before composing, so that every
citation carries them; confirmed after a successful build, given back or voided after a
failed one.

An input says ``so: auto`` where the register is to give the number. For a dossier, the parts
that say so get consecutive numbers in their issuing order (Biên bản, Quyết định, Báo cáo,
Tờ trình — the order they cite each other in), one sequence per issuing body and calendar year
[NĐ30]. :class:`RegisterNumbers` holds what it allocated until the caller says how the build
ended: :meth:`RegisterNumbers.issue` records the documents' metadata, :meth:`RegisterNumbers.fail`
releases the numbers (when nothing was allocated after them) or voids them, with the reason.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Final

from ..errors import InputError, Problem
from ..model import VanBan

if TYPE_CHECKING:  # the register's modules (sqlite3…) only when numbers are taken
    from ..register.model import Allocation, Entry
    from ..register.store import Register

__all__ = ["AUTO", "ISSUING_ORDER", "RegisterNumbers", "take_autos"]

AUTO: Final = "auto"
"""What an input writes for a number the register is to give."""

ISSUING_ORDER: Final = ("bien_ban", "quyet_dinh", "bao_cao", "to_trinh")
"""The dossier's numbered parts in the order they are issued (and cite each other)."""


def take_autos(data: Any, keys: Sequence[str]) -> tuple[Any, list[str]]:
    """``data`` with ``so: auto`` under each of ``keys`` (mappings with a ``so``) left blank,
    and the keys that said so, in the order of ``keys``; ``""`` stands for the top level."""
    if not isinstance(data, dict):
        return data, []
    out = dict(data)
    found = []
    for key in keys:
        holder = out if key == "" else out.get(key)
        if isinstance(holder, dict) and str(holder.get("so", "")).strip().lower() == AUTO:
            found.append(key)
            if key == "":
                out["so"] = None
            else:
                out[key] = {**holder, "so": None}
    return out, found


def need_register(found: Sequence[str], source: str) -> InputError:
    """The error when an input asks for numbers and no register was given."""
    message = "so: auto cần sổ đăng ký văn bản đi: dùng --so-dang-ky TỆP (hoặc URL PostgreSQL)"
    return InputError([Problem(f"{k}.so" if k else "so", message) for k in found], source=source)


@dataclass
class RegisterNumbers:
    """Numbers taken from ``register`` at ``at`` (the edge passes the clock)."""

    register: Register
    at: datetime
    allocations: list[Allocation] = field(default_factory=list)

    def take(self, co_quan: str, parts: Sequence[tuple[str, str, int]]) -> list[int]:
        """Consecutive numbers for ``parts`` (``(loai, ky_hieu, nam)`` each, in issuing order),
        one transaction per calendar year."""
        numbers: list[int] = []
        k = 0
        while k < len(parts):
            year = parts[k][2]
            run = []
            while k < len(parts) and parts[k][2] == year:
                run.append((parts[k][0], parts[k][1]))
                k += 1
            got = self.register.allocate_chain(co_quan, year, run, at=self.at)
            self.allocations += got
            numbers += [a.so for a in got]
        return numbers

    def issue(self, documents: Mapping[int, VanBan]) -> list[Entry]:
        """Record each allocated number as issued, with its document's metadata (by number)."""
        from ..register.model import Metadata

        done = []
        for allocation in self.allocations:
            doc = documents.get(allocation.so)
            signer = getattr(doc, "nguoi_ky", None)
            metadata = Metadata(
                ngay=doc.ngay if doc else None,
                trich_yeu=doc.trich_yeu if doc else "",
                nguoi_ky=signer.ho_ten if signer else "",
                noi_nhan=tuple(x.removeprefix("- ").rstrip(";.") for x in doc.noi_nhan_dong())
                if doc
                else (),
            )
            done.append(self.register.issue(allocation, metadata, at=self.at))
        self.allocations = []
        return done

    @contextlib.contextmanager
    def guard(self) -> Iterator[None]:
        """Run a build: if it fails, whatever is still held is given back (or voided) with the
        failure as the reason, and the failure goes on."""
        try:
            yield
        except BaseException as exc:
            if self.allocations:
                detail = (
                    str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
                )
                self.fail(f"không tạo được văn bản ({detail[:200]})")
            raise

    def fail(self, reason: str) -> list[Entry]:
        """Give back (or void, when later numbers exist) everything still held."""
        done = self.register.release_or_void(self.allocations, reason, at=self.at)
        self.allocations = []
        return list(done)
