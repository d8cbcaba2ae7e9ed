"""Where the register lives: an embedded SQLite file, or a PostgreSQL server.

Both backends give the store the same two things: ``transaction()``, a context manager yielding
a :class:`Tx` whose statements commit together (or not at all), and ``dialect``. SQL is written
once with ``?`` placeholders; the PostgreSQL backend turns them into ``%s``.

Serialisation of writers, which is what makes number allocation atomic:

- SQLite: every transaction starts with ``BEGIN IMMEDIATE``, which takes the database's write
  lock at once (other writers wait up to ``timeout`` seconds: SQLite's busy timeout); the file is
  in WAL mode so readers never block. Keep the file on a local disk (WAL needs shared memory,
  which network file systems do not give).
- PostgreSQL: the store locks the counter row of the sequence with ``SELECT … FOR UPDATE``
  inside the transaction; migrations take a transaction-level advisory lock.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Literal, Protocol

from .model import RegisterError

__all__ = ["Backend", "PostgresBackend", "SqliteBackend", "Tx", "open_backend"]

Row = tuple[Any, ...]
Dialect = Literal["sqlite", "postgresql"]


class _Cursor(Protocol):
    def execute(self, sql: Any, params: Any = ..., /) -> Any: ...
    def fetchall(self) -> list[Any]: ...

    @property
    def description(self) -> Any: ...


class Tx:
    """One open transaction: run statements, get their rows back."""

    def __init__(self, cursor: _Cursor, dialect: Dialect) -> None:
        self._cursor = cursor
        self.dialect: Dialect = dialect

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        if self.dialect == "postgresql":
            sql = sql.replace("?", "%s")
        self._cursor.execute(sql, tuple(params))
        if self._cursor.description is None:
            return []
        return [tuple(r) for r in self._cursor.fetchall()]

    def for_update(self) -> str:
        """The row-lock clause for a ``SELECT`` (SQLite's write lock already covers it)."""
        return " FOR UPDATE" if self.dialect == "postgresql" else ""


class Backend(Protocol):
    dialect: Dialect
    where: str
    """The database, for messages (a path, or the URL without its password)."""

    def transaction(self) -> contextlib.AbstractContextManager[Tx]: ...
    def close(self) -> None: ...


class SqliteBackend:
    """A register in one SQLite file (created when missing; its folder must exist)."""

    dialect: Dialect = "sqlite"

    def __init__(self, path: Path | str, *, timeout: float = 30.0) -> None:
        self.where = str(path)
        if not Path(path).parent.is_dir():
            raise RegisterError(f"không có thư mục chứa sổ đăng ký: {Path(path).parent}")
        try:
            self._conn = sqlite3.connect(str(path), timeout=timeout, isolation_level=None)
            self._conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            mode = self._conn.execute("PRAGMA journal_mode = WAL").fetchone()
            self._conn.execute("PRAGMA synchronous = FULL")
        except sqlite3.DatabaseError as exc:
            raise RegisterError(f"không mở được sổ đăng ký {path}: {exc}") from None
        if mode is None or str(mode[0]).lower() != "wal":
            raise RegisterError(f"sổ đăng ký {path} không dùng được chế độ WAL của SQLite")

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Tx]:
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise RegisterError(f"sổ đăng ký {self.where} đang bận hoặc bị khóa: {exc}") from None
        try:
            yield Tx(conn.cursor(), "sqlite")
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise RegisterError(
                    f"lỗi cơ sở dữ liệu của sổ đăng ký {self.where}: {exc}"
                ) from exc
            raise

    def close(self) -> None:
        self._conn.close()


class PostgresBackend:
    """A register in a PostgreSQL database given by a ``postgresql://`` URL (needs psycopg)."""

    dialect: Dialect = "postgresql"

    def __init__(self, url: str, *, timeout: float = 30.0) -> None:
        try:
            import psycopg
        except ImportError:
            raise RegisterError(
                "Dùng sổ đăng ký trên PostgreSQL cần gói psycopg: "
                "pip install 'vnadmin-docs[postgresql]'"
            ) from None
        self._psycopg = psycopg
        try:
            info = psycopg.conninfo.conninfo_to_dict(url)
        except psycopg.ProgrammingError as exc:
            raise RegisterError(f"địa chỉ PostgreSQL không hợp lệ: {exc}") from None
        host = info.get("host") or "localhost"
        self.where = f"postgresql://{host}:{info.get('port') or 5432}/{info.get('dbname') or ''}"
        try:
            self._conn = psycopg.connect(
                url,
                autocommit=True,
                connect_timeout=max(1, int(timeout)),
                options=f"-c lock_timeout={int(timeout * 1000)}",
            )
        except psycopg.Error as exc:
            raise RegisterError(f"không kết nối được {self.where}: {exc}".strip()) from None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Tx]:
        try:
            with self._conn.transaction(), self._conn.cursor() as cursor:
                yield Tx(cursor, "postgresql")
        except self._psycopg.errors.LockNotAvailable as exc:
            raise RegisterError(f"sổ đăng ký {self.where} đang bị khóa quá lâu: {exc}") from None
        except self._psycopg.OperationalError as exc:
            raise RegisterError(f"mất kết nối tới {self.where}: {exc}") from None
        except self._psycopg.Error as exc:
            raise RegisterError(f"lỗi cơ sở dữ liệu của sổ đăng ký {self.where}: {exc}") from exc

    def close(self) -> None:
        self._conn.close()


def open_backend(target: Path | str, *, timeout: float = 30.0) -> Backend:
    """A ``postgresql://`` (or ``postgres://``) URL opens PostgreSQL; anything else is a
    SQLite file path."""
    text = str(target)
    if text.startswith(("postgresql://", "postgres://")):
        return PostgresBackend(text, timeout=timeout)
    return SqliteBackend(target, timeout=timeout)
