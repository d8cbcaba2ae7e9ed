"""Versioned schema migrations of the register.

The ``schema_version`` table holds one row per applied step. Opening a register applies, in
one serialised transaction, every step newer than the highest recorded version, in order; a
register already up to date is left untouched, and a register made by a newer version of the
library (a version this one does not know) is refused rather than misread. To change the schema,
append a step: never edit one that has shipped.

Step 1 (the first schema):

- ``counters(co_quan, nam, last)``: one row per sequence (issuing body × calendar year), the
  last number allocated; the row allocations lock.
- ``entries``: one row per number, with its status; ``noi_nhan`` is a JSON array of strings,
  ``ngay`` a (possibly partial) ISO date, timestamps ISO 8601 text as the caller gave them. A partial unique index refuses a second live
  (not released) entry for the same ``(co_quan, nam, so)``; as the ký hiệu is part of the
  entry, this also refuses a duplicate số + ký hiệu + issuer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from .backends import Backend, Tx
from .model import RegisterError

__all__ = ["MIGRATIONS", "Migration", "migrate"]


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]
    """SQL run in order; ``{id}`` becomes each dialect's auto-increment primary key."""


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "counters and entries",
        (
            """CREATE TABLE counters (
                co_quan TEXT NOT NULL,
                nam INTEGER NOT NULL,
                last INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (co_quan, nam)
            )""",
            """CREATE TABLE entries (
                id {id},
                co_quan TEXT NOT NULL,
                nam INTEGER NOT NULL,
                so INTEGER NOT NULL CHECK (so >= 1),
                ky_hieu TEXT NOT NULL,
                loai TEXT NOT NULL,
                status TEXT NOT NULL
                    CHECK (status IN ('reserved', 'issued', 'voided', 'released')),
                ngay TEXT,
                trich_yeu TEXT NOT NULL DEFAULT '',
                nguoi_ky TEXT NOT NULL DEFAULT '',
                noi_nhan TEXT NOT NULL DEFAULT '',
                ban_luu TEXT NOT NULL DEFAULT '',
                so_luong_ban INTEGER,
                ghi_chu TEXT NOT NULL DEFAULT '',
                ly_do TEXT NOT NULL DEFAULT '',
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )""",
            """CREATE UNIQUE INDEX entries_live_number ON entries (co_quan, nam, so)
                WHERE status <> 'released'""",
            "CREATE INDEX entries_by_status ON entries (co_quan, nam, status)",
        ),
    ),
)

_ID: Final = {
    "sqlite": "INTEGER PRIMARY KEY AUTOINCREMENT",
    "postgresql": "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
}
_SCHEMA_LOCK = 0x564E4144  # "VNAD": PostgreSQL advisory lock key for migrations


def current_version(tx: Tx) -> int:
    rows = tx.execute("SELECT MAX(version) FROM schema_version")
    return int(rows[0][0] or 0) if rows else 0


def migrate(backend: Backend, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[int]:
    """Apply the steps not applied yet; return their versions (empty when up to date)."""
    known = max((m.version for m in migrations), default=0)
    with backend.transaction() as tx:
        if tx.dialect == "postgresql":
            tx.execute("SELECT pg_advisory_xact_lock(?)", (_SCHEMA_LOCK,))
        tx.execute(
            "CREATE TABLE IF NOT EXISTS schema_version "
            "(version INTEGER PRIMARY KEY, name TEXT NOT NULL)"
        )
        current = current_version(tx)
        if current > known:
            raise RegisterError(
                f"sổ đăng ký {backend.where} có lược đồ phiên bản {current}, mới hơn phiên bản "
                f"{known} mà chương trình này biết: hãy cập nhật vnadmin-docs"
            )
        applied = []
        for step in sorted(migrations, key=lambda m: m.version):
            if step.version <= current:
                continue
            for sql in step.statements:
                tx.execute(sql.replace("{id}", _ID[tx.dialect]))
            tx.execute(
                "INSERT INTO schema_version (version, name) VALUES (?, ?)",
                (step.version, step.name),
            )
            applied.append(step.version)
    return applied
