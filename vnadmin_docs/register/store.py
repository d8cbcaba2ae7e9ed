"""The register's operations over a backend (SQLite or PostgreSQL); see the package docstring."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from ..vn.dates import Ngay
from ..vn.numbering import SoKyHieu
from .backends import Backend, Tx, open_backend
from .migrations import MIGRATIONS, current_version, migrate
from .model import (
    Allocation,
    DuplicateNumberError,
    Entry,
    Metadata,
    RegisterError,
    Status,
)

__all__ = ["Register"]

_COLUMNS = (
    "id, co_quan, nam, so, ky_hieu, loai, status, ngay, trich_yeu, nguoi_ky, noi_nhan, "
    "ban_luu, so_luong_ban, ghi_chu, ly_do, created_at, updated_at"
)


def _entry(row: Sequence[Any]) -> Entry:
    (id_, co_quan, nam, so, ky_hieu, loai, status, ngay, trich_yeu, nguoi_ky, noi_nhan,
     ban_luu, so_luong_ban, ghi_chu, ly_do, created_at, updated_at) = row  # fmt: skip
    metadata = Metadata(
        ngay=Ngay.parse(ngay) if ngay else None,
        trich_yeu=trich_yeu,
        nguoi_ky=nguoi_ky,
        noi_nhan=tuple(json.loads(noi_nhan)) if noi_nhan else (),
        ban_luu=ban_luu,
        so_luong_ban=so_luong_ban,
        ghi_chu=ghi_chu,
    )
    return Entry(
        int(id_), co_quan, int(nam), int(so), ky_hieu, loai, Status(status), metadata, ly_do,
        datetime.fromisoformat(created_at), datetime.fromisoformat(updated_at),
    )  # fmt: skip


def _check_text(co_quan: str, nam: int, loai: str) -> None:
    try:
        SoKyHieu(1, co_quan)
    except ValueError:
        raise RegisterError(
            f"tên viết tắt của cơ quan ban hành không hợp lệ: {co_quan!r} (ví dụ THCSQT)"
        ) from None
    if not 1 <= nam <= 9999:
        raise RegisterError(f"năm không hợp lệ: {nam}")
    if not loai.strip():
        raise RegisterError("thiếu tên loại văn bản")


def _ky_hieu(ky_hieu: str) -> str:
    try:
        return SoKyHieu(1, ky_hieu).ky_hieu
    except ValueError as exc:
        raise RegisterError(str(exc)) from None


def _check_year(nam: int, metadata: Metadata) -> None:
    if metadata.ngay is not None and metadata.ngay.nam != nam:
        raise RegisterError(
            f"ngày văn bản {metadata.ngay} không thuộc năm {nam} của số đã cấp: số được đánh "
            "theo năm ban hành (bắt đầu từ 01 ngày 01 tháng 01)"
        )
    if metadata.so_luong_ban is not None and metadata.so_luong_ban < 0:
        raise RegisterError(f"số lượng bản không hợp lệ: {metadata.so_luong_ban}")


def _meta_params(m: Metadata) -> tuple[Any, ...]:
    ngay = str(m.ngay) if m.ngay is not None else None
    noi_nhan = json.dumps(list(m.noi_nhan), ensure_ascii=False) if m.noi_nhan else ""
    return (ngay, m.trich_yeu, m.nguoi_ky, noi_nhan, m.ban_luu, m.so_luong_ban, m.ghi_chu)


class Register:
    """An outgoing-document register (sổ đăng ký văn bản đi) in a database.

    Open it with :meth:`open` (a SQLite path or a ``postgresql://`` URL), or give it a backend.
    Opening applies the schema migrations not applied yet. Use it as a context manager, or call
    :meth:`close`. Every time the register records (``at``) is given by the caller.
    """

    def __init__(self, backend: Backend) -> None:
        self._backend = backend
        self.applied = migrate(backend)
        """Migration versions applied when this register was opened (usually none)."""

    @classmethod
    def open(cls, target: Path | str, *, timeout: float = 30.0) -> Register:
        backend = open_backend(target, timeout=timeout)
        try:
            return cls(backend)
        except BaseException:
            backend.close()
            raise

    @property
    def where(self) -> str:
        return self._backend.where

    @property
    def schema_version(self) -> int:
        with self._backend.transaction() as tx:
            return current_version(tx)

    LATEST_VERSION = max(m.version for m in MIGRATIONS)

    def close(self) -> None:
        self._backend.close()

    def __enter__(self) -> Register:
        return self

    def __exit__(
        self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # counters -----------------------------------------------------------------------------

    @staticmethod
    def _lock_counter(tx: Tx, co_quan: str, nam: int) -> int:
        """Lock the sequence's counter row (creating it at 0) and return its last number."""
        tx.execute(
            "INSERT INTO counters (co_quan, nam, last) VALUES (?, ?, 0) "
            "ON CONFLICT (co_quan, nam) DO NOTHING",
            (co_quan, nam),
        )
        rows = tx.execute(
            f"SELECT last FROM counters WHERE co_quan = ? AND nam = ?{tx.for_update()}",
            (co_quan, nam),
        )
        return int(rows[0][0])

    @staticmethod
    def _set_counter(tx: Tx, co_quan: str, nam: int, last: int) -> None:
        tx.execute(
            "UPDATE counters SET last = ? WHERE co_quan = ? AND nam = ?", (last, co_quan, nam)
        )

    @staticmethod
    def _live(tx: Tx, co_quan: str, nam: int, so: int) -> Entry | None:
        rows = tx.execute(
            f"SELECT {_COLUMNS} FROM entries "
            "WHERE co_quan = ? AND nam = ? AND so = ? AND status <> 'released'",
            (co_quan, nam, so),
        )
        return _entry(rows[0]) if rows else None

    @staticmethod
    def _by_id(tx: Tx, id_: int) -> Entry:
        rows = tx.execute(f"SELECT {_COLUMNS} FROM entries WHERE id = ?", (id_,))
        if not rows:
            raise RegisterError(f"không có mục số {id_} trong sổ đăng ký")
        return _entry(rows[0])

    # operations ---------------------------------------------------------------------------

    def allocate(
        self,
        co_quan: str,
        nam: int,
        loai: str,
        ky_hieu: str,
        *,
        at: datetime,
        count: int = 1,
        metadata: Metadata | None = None,
    ) -> list[Allocation]:
        """Reserve the next ``count`` consecutive numbers of ``co_quan``'s year ``nam``."""
        if count < 1:
            raise RegisterError(f"số lượng số cần cấp phải từ 1 trở lên, không phải {count}")
        return self.allocate_chain(co_quan, nam, [(loai, ky_hieu)] * count, at=at,
                                   metadata=metadata)  # fmt: skip

    def allocate_chain(
        self,
        co_quan: str,
        nam: int,
        parts: Sequence[tuple[str, str]],
        *,
        at: datetime,
        metadata: Metadata | None = None,
    ) -> list[Allocation]:
        """Reserve consecutive numbers for ``parts`` (``(loai, ky_hieu)`` each), in order,
        in one transaction: a dossier's documents in their chain order."""
        if not parts:
            return []
        cleaned = []
        for loai, ky_hieu in parts:
            _check_text(co_quan, nam, loai)
            cleaned.append((loai.strip(), _ky_hieu(ky_hieu)))
        meta = metadata or Metadata()
        _check_year(nam, meta)
        stamp = at.isoformat()
        out = []
        with self._backend.transaction() as tx:
            last = self._lock_counter(tx, co_quan, nam)
            self._set_counter(tx, co_quan, nam, last + len(cleaned))
            for k, (loai, ky_hieu) in enumerate(cleaned, start=1):
                rows = tx.execute(
                    "INSERT INTO entries (co_quan, nam, so, ky_hieu, loai, status, ngay, "
                    "trich_yeu, nguoi_ky, noi_nhan, ban_luu, so_luong_ban, ghi_chu, "
                    "created_at, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, 'reserved', ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    (co_quan, nam, last + k, ky_hieu, loai, *_meta_params(meta), stamp, stamp),
                )
                out.append(Allocation(int(rows[0][0]), co_quan, nam, last + k, ky_hieu, loai))
        return out

    def issue(self, allocation: Allocation, metadata: Metadata, *, at: datetime) -> Entry:
        """Record that the document with this reserved number was issued, with its metadata."""
        _check_year(allocation.nam, metadata)
        with self._backend.transaction() as tx:
            entry = self._by_id(tx, allocation.id)
            if entry.status is not Status.RESERVED:
                raise RegisterError(
                    f"số {entry.so_ky_hieu} năm {entry.nam} {entry.status.ten}, "
                    "không ghi ban hành được"
                )
            tx.execute(
                "UPDATE entries SET status = 'issued', ngay = ?, trich_yeu = ?, nguoi_ky = ?, "
                "noi_nhan = ?, ban_luu = ?, so_luong_ban = ?, ghi_chu = ?, updated_at = ? "
                "WHERE id = ?",
                (*_meta_params(metadata), at.isoformat(), entry.id),
            )
            return self._by_id(tx, entry.id)

    def release_or_void(
        self, allocations: Allocation | Sequence[Allocation], reason: str, *, at: datetime
    ) -> list[Entry]:
        """Give back reserved numbers whose document was not issued (a failed render).

        Numbers are taken from the highest down. One that is still the last number allocated in
        its year is *released*: the counter goes back by one and the number will be given again,
        so the sequence keeps no gap. Any other is *voided* with ``reason``: a later number was
        allocated already, so this one stays in the sổ marked "Đã hủy". Numbers already issued
        are left alone (void them with :meth:`void`). Returns the entries as they now stand.
        """
        items = [allocations] if isinstance(allocations, Allocation) else list(allocations)
        if not reason.strip():
            raise RegisterError("cần ghi lý do trả lại hoặc hủy số")
        stamp = at.isoformat()
        out: dict[int, Entry] = {}
        with self._backend.transaction() as tx:
            for seq in sorted({(a.co_quan, a.nam) for a in items}):  # lock in a fixed order
                last = self._lock_counter(tx, *seq)
                mine = sorted((a for a in items if (a.co_quan, a.nam) == seq),
                              key=lambda a: a.so, reverse=True)  # fmt: skip
                for a in mine:
                    entry = self._by_id(tx, a.id)
                    if entry.status is Status.RESERVED and entry.so == last:
                        status = Status.RELEASED
                        last -= 1
                        self._set_counter(tx, *seq, last)
                    elif entry.status is Status.RESERVED:
                        status = Status.VOIDED
                    else:
                        out[entry.id] = entry
                        continue
                    tx.execute(
                        "UPDATE entries SET status = ?, ly_do = ?, updated_at = ? WHERE id = ?",
                        (status.value, reason.strip(), stamp, entry.id),
                    )
                    out[entry.id] = self._by_id(tx, entry.id)
        return [out[a.id] for a in items]

    def void(self, target: Allocation | Entry, reason: str, *, at: datetime) -> Entry:
        """Void a reserved or issued number (hủy số): it is never given again; the sổ lists it
        with the reason."""
        if not reason.strip():
            raise RegisterError("cần ghi lý do hủy số")
        with self._backend.transaction() as tx:
            entry = self._by_id(tx, target.id)
            if entry.status in (Status.VOIDED, Status.RELEASED):
                raise RegisterError(f"số {entry.so_ky_hieu} năm {entry.nam} {entry.status.ten}")
            tx.execute(
                "UPDATE entries SET status = 'voided', ly_do = ?, updated_at = ? WHERE id = ?",
                (reason.strip(), at.isoformat(), entry.id),
            )
            return self._by_id(tx, entry.id)

    def record(
        self,
        co_quan: str,
        nam: int,
        so: int,
        loai: str,
        ky_hieu: str,
        metadata: Metadata,
        *,
        at: datetime,
    ) -> Entry:
        """Enter a number given by hand (e.g. before the office used this register) as issued.

        A number already in the sequence is refused (:class:`DuplicateNumberError`). A number
        above the counter moves the counter up to it, so the next allocation follows it.
        """
        _check_text(co_quan, nam, loai)
        ky_hieu = _ky_hieu(ky_hieu)
        if isinstance(so, bool) or so < 1:
            raise RegisterError(f"số văn bản phải là số nguyên dương, không phải {so!r}")
        _check_year(nam, metadata)
        stamp = at.isoformat()
        with self._backend.transaction() as tx:
            last = self._lock_counter(tx, co_quan, nam)
            existing = self._live(tx, co_quan, nam, so)
            if existing is not None:
                raise DuplicateNumberError(
                    f"trùng số: số {so:02d} năm {nam} của {co_quan} đã có trong sổ "
                    f"({existing.so_ky_hieu}, {existing.status.ten})",
                    existing=existing,
                )
            if so > last:
                self._set_counter(tx, co_quan, nam, so)
            rows = tx.execute(
                "INSERT INTO entries (co_quan, nam, so, ky_hieu, loai, status, ngay, trich_yeu, "
                "nguoi_ky, noi_nhan, ban_luu, so_luong_ban, ghi_chu, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, 'issued', ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (co_quan, nam, so, ky_hieu, loai.strip(), *_meta_params(metadata), stamp, stamp),
            )
            return self._by_id(tx, int(rows[0][0]))

    def get(self, co_quan: str, nam: int, so: int) -> Entry:
        """The live (not released) entry holding number ``so``."""
        with self._backend.transaction() as tx:
            entry = self._live(tx, co_quan, nam, so)
        if entry is None:
            raise RegisterError(f"sổ đăng ký chưa có số {so:02d} năm {nam} của {co_quan}")
        return entry

    def last_number(self, co_quan: str, nam: int) -> int:
        """The last number allocated in the sequence (0 before the first)."""
        with self._backend.transaction() as tx:
            rows = tx.execute(
                "SELECT last FROM counters WHERE co_quan = ? AND nam = ?", (co_quan, nam)
            )
        return int(rows[0][0]) if rows else 0

    def entries(
        self,
        *,
        co_quan: str | None = None,
        nam: int | None = None,
        status: Status | Sequence[Status] | None = None,
    ) -> list[Entry]:
        """Entries ordered by body, year and number (released ones only when asked for)."""
        where: list[str] = []
        params: list[Any] = []
        if co_quan is not None:
            where.append("co_quan = ?")
            params.append(co_quan)
        if nam is not None:
            where.append("nam = ?")
            params.append(nam)
        wanted = (
            [s for s in Status if s is not Status.RELEASED]
            if status is None
            else [status]
            if isinstance(status, Status)
            else list(status)
        )
        where.append(f"status IN ({', '.join('?' for _ in wanted)})")
        params += [s.value for s in wanted]
        with self._backend.transaction() as tx:
            rows = tx.execute(
                f"SELECT {_COLUMNS} FROM entries WHERE {' AND '.join(where)} "
                "ORDER BY co_quan, nam, so, id",
                params,
            )
        return [_entry(r) for r in rows]
