"""The outgoing register (vnadmin_docs.register) on SQLite and on a real PostgreSQL server.

PostgreSQL tests use the server named by ``VNADMIN_PG_URL`` (scripts/test sets it to the
loopback server scripts/setup starts). Without it they skip on a developer machine and fail
under CI. Each test gets a database of its own, dropped afterwards.
"""

from __future__ import annotations

import io
import multiprocessing
import os
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.helpers import missing
from vnadmin_docs.cli import main
from vnadmin_docs.model.so_dang_ky import COLUMNS
from vnadmin_docs.register import (
    DuplicateNumberError,
    Metadata,
    Register,
    RegisterError,
    Status,
    export_docx,
    export_xlsx,
)
from vnadmin_docs.register.backends import open_backend
from vnadmin_docs.register.migrations import MIGRATIONS, Migration, migrate
from vnadmin_docs.vn.dates import Ngay
from vnadmin_docs.vn.layout import readable
from vnadmin_docs.vn.numbering import SoKyHieu
from vnadmin_docs.word.check.so_dang_ky import check_so
from vnadmin_docs.word.ooxml import core_property

AT = datetime(2025, 3, 6, 8, 30)
QD = ("Quyết định", "QĐ-THCSQT")


# fixtures ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def pg_server() -> str:
    url = os.environ.get("VNADMIN_PG_URL")
    if not url:
        message = (
            "VNADMIN_PG_URL is not set: run the tests with scripts/test (it starts PostgreSQL)"
        )
        missing(message)
    import psycopg

    try:
        psycopg.connect(url, connect_timeout=5).close()
    except psycopg.OperationalError as exc:
        message = f"PostgreSQL at VNADMIN_PG_URL is not reachable ({exc}): run scripts/setup"
        missing(message)
    return url


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A fresh database on the test server, dropped after the test."""
    import psycopg

    name = f"vnadmin_t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(pg_server)
    yield urlunsplit(parts._replace(path=f"/{name}"))
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a register lives: a SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "so-dang-ky.sqlite")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def reg(target: str) -> Iterator[Register]:
    with Register.open(target) as register:
        yield register


def _numbers(allocs: Any) -> list[int]:
    return [a.so for a in allocs]


# numbering --------------------------------------------------------------------------------


def test_numbers_start_at_01_per_issuer_and_year(reg: Register) -> None:
    first = reg.allocate("THCSQT", 2025, *QD, at=AT)
    assert _numbers(first) == [1]
    assert str(first[0].so_ky_hieu) == "01/QĐ-THCSQT"
    assert first[0].so_ky_hieu.dong_so == "Số: 01/QĐ-THCSQT"
    assert first[0].so_ky_hieu == SoKyHieu.parse("Số: 01/QĐ-THCSQT")
    # one sequence for every type of the same body
    (kh,) = reg.allocate("THCSQT", 2025, "Kế hoạch", "KH-THCSQT", at=AT)
    assert str(kh.so_ky_hieu) == "02/KH-THCSQT"
    # another body has its own sequence
    (pgd,) = reg.allocate("PGDĐT", 2025, "Kế hoạch", "KH-PGDĐT", at=AT)
    assert str(pgd.so_ky_hieu) == "01/KH-PGDĐT"
    assert reg.last_number("THCSQT", 2025) == 2
    assert reg.last_number("PGDĐT", 2025) == 1
    assert reg.last_number("THCSQT", 2026) == 0


def test_numbers_start_again_on_1_january(reg: Register) -> None:
    eve = datetime(2025, 12, 31, 23, 59)
    for _ in range(11):
        (last,) = reg.allocate("THCSQT", 2025, *QD, at=eve)
    assert str(last.so_ky_hieu) == "11/QĐ-THCSQT"
    (new_year,) = reg.allocate("THCSQT", 2026, *QD, at=eve + timedelta(minutes=1))
    assert str(new_year.so_ky_hieu) == "01/QĐ-THCSQT"
    assert new_year.nam == 2026
    # the old year's sequence goes on where it stopped (a late entry for 2025)
    (late,) = reg.allocate("THCSQT", 2025, *QD, at=eve + timedelta(days=2))
    assert late.so == 12


def test_count_and_chain_give_consecutive_numbers_in_order(reg: Register) -> None:
    reg.allocate("THCSQT", 2025, *QD, at=AT)
    block = reg.allocate("THCSQT", 2025, *QD, count=3, at=AT)
    assert _numbers(block) == [2, 3, 4]
    chain = reg.allocate_chain(
        "THCSQT",
        2025,
        [("Quyết định", "QĐ-THCSQT"), ("Kế hoạch", "KH-THCSQT"), ("Báo cáo", "BC-THCSQT")],
        at=AT,
    )
    assert [str(a.so_ky_hieu) for a in chain] == ["05/QĐ-THCSQT", "06/KH-THCSQT", "07/BC-THCSQT"]
    assert [e.status for e in reg.entries(co_quan="THCSQT")] == [Status.RESERVED] * 7


def test_bad_values_are_refused(reg: Register) -> None:
    with pytest.raises(RegisterError, match="ký hiệu"):
        reg.allocate("THCSQT", 2025, "Quyết định", "QĐ THCSQT", at=AT)
    with pytest.raises(RegisterError, match="cơ quan"):
        reg.allocate("THCS QT", 2025, *QD, at=AT)
    with pytest.raises(RegisterError, match="từ 1"):
        reg.allocate("THCSQT", 2025, *QD, count=0, at=AT)
    with pytest.raises(RegisterError, match="năm"):
        reg.allocate("THCSQT", 2025, *QD, metadata=Metadata(ngay=Ngay(2024, 12)), at=AT)
    assert reg.last_number("THCSQT", 2025) == 0  # nothing was taken


# duplicates, issue, release, void -------------------------------------------------------------


def test_duplicates_refused_also_when_recorded_by_hand(reg: Register) -> None:
    meta = Metadata(ngay=Ngay(2025, 2, 3), trich_yeu="về việc cử cán bộ", nguoi_ky="Lê B")
    five = reg.record("THCSQT", 2025, 5, *QD, meta, at=AT)
    assert five.status is Status.ISSUED and str(five.so_ky_hieu) == "05/QĐ-THCSQT"
    # the counter follows a number recorded above it
    assert _numbers(reg.allocate("THCSQT", 2025, *QD, at=AT)) == [6]
    with pytest.raises(DuplicateNumberError, match="trùng số") as info:
        reg.record("THCSQT", 2025, 5, *QD, meta, at=AT)
    assert info.value.existing.id == five.id
    # same số, another ký hiệu: still the same number of the body's one sequence
    with pytest.raises(DuplicateNumberError):
        reg.record("THCSQT", 2025, 6, "Kế hoạch", "KH-THCSQT", meta, at=AT)
    # a free number below the counter may be recorded; another year or body is another sequence
    assert reg.record("THCSQT", 2025, 2, *QD, meta, at=AT).so == 2
    assert reg.record("THCSQT", 2026, 5, *QD, Metadata(), at=AT).so == 5
    assert reg.record("PGDĐT", 2025, 5, "Kế hoạch", "KH-PGDĐT", meta, at=AT).so == 5
    assert _numbers(reg.allocate("THCSQT", 2025, *QD, at=AT)) == [7]
    live = [e.so for e in reg.entries(co_quan="THCSQT", nam=2025)]
    assert live == [2, 5, 6, 7]


def test_issue_fills_the_metadata(reg: Register) -> None:
    (a,) = reg.allocate("THCSQT", 2025, *QD, metadata=Metadata(ngay=Ngay(2025, 3)), at=AT)
    assert reg.get("THCSQT", 2025, 1).metadata.ngay == Ngay(2025, 3)
    meta = Metadata(
        ngay=Ngay(2025, 3, 6), trich_yeu="thành lập Hội đồng tự đánh giá", nguoi_ky="Nguyễn Văn A",
        noi_nhan=("Như Điều 3;\nkhoản 2", "Lưu: VT"), ban_luu="VT", so_luong_ban=5,
        ghi_chu="gửi qua mạng",
    )  # fmt: skip
    later = AT + timedelta(hours=2)
    entry = reg.issue(a, meta, at=later)
    assert entry.status is Status.ISSUED
    assert entry.metadata == meta
    assert (entry.created_at, entry.updated_at) == (AT, later)
    with pytest.raises(RegisterError, match="đã ban hành"):
        reg.issue(a, meta, at=later)
    with pytest.raises(RegisterError, match="năm"):
        (b,) = reg.allocate("THCSQT", 2025, *QD, at=AT)
        reg.issue(b, Metadata(ngay=Ngay(2026, 1, 2)), at=later)


def test_release_only_the_last_number_otherwise_void(reg: Register) -> None:
    a, b = reg.allocate("THCSQT", 2025, *QD, count=2, at=AT)
    # a's render failed, but b was allocated after it: a cannot go back, it is voided
    (ra,) = reg.release_or_void(a, "lỗi khi tạo văn bản", at=AT)
    assert (ra.so, ra.status, ra.ly_do) == (1, Status.VOIDED, "lỗi khi tạo văn bản")
    # b is the last number: released, and given again
    (rb,) = reg.release_or_void(b, "lỗi khi tạo văn bản", at=AT)
    assert (rb.so, rb.status) == (2, Status.RELEASED)
    assert reg.last_number("THCSQT", 2025) == 1
    (again,) = reg.allocate("THCSQT", 2025, *QD, at=AT)
    assert again.so == 2 and again.id != b.id
    assert [(e.so, e.status) for e in reg.entries(co_quan="THCSQT")] == [
        (1, Status.VOIDED),
        (2, Status.RESERVED),
    ]
    assert [e.so for e in reg.entries(status=Status.RELEASED)] == [2]
    # an issued number is left alone by release_or_void
    reg.issue(again, Metadata(ngay=Ngay(2025, 3, 6)), at=AT)
    (kept,) = reg.release_or_void(again, "không dùng", at=AT)
    assert kept.status is Status.ISSUED
    with pytest.raises(RegisterError, match="lý do"):
        reg.release_or_void(again, " ", at=AT)


def test_a_whole_block_nobody_followed_is_released(reg: Register) -> None:
    reg.allocate("THCSQT", 2025, *QD, at=AT)
    block = reg.allocate_chain("THCSQT", 2025, [QD, ("Kế hoạch", "KH-THCSQT"), QD], at=AT)
    reg.issue(block[1], Metadata(), at=AT)  # the middle part was issued
    out = reg.release_or_void(block, "hồ sơ lỗi", at=AT)
    # 4 is the last: released; 3 is issued: kept; 2 is below an issued number: voided
    assert [(e.so, e.status) for e in out] == [
        (2, Status.VOIDED),
        (3, Status.ISSUED),
        (4, Status.RELEASED),
    ]
    assert reg.last_number("THCSQT", 2025) == 3
    rest = reg.allocate("THCSQT", 2025, *QD, count=2, at=AT)
    assert reg.release_or_void(list(reversed(rest)), "thử", at=AT)[0].status is Status.RELEASED
    assert reg.last_number("THCSQT", 2025) == 3


def test_void_an_issued_number(reg: Register) -> None:
    (a,) = reg.allocate("THCSQT", 2025, *QD, at=AT)
    issued = reg.issue(a, Metadata(ngay=Ngay(2025, 3, 6), trich_yeu="về việc X"), at=AT)
    voided = reg.void(issued, "ban hành nhầm, thay bằng số 02", at=AT)
    assert (voided.status, voided.ly_do) == (Status.VOIDED, "ban hành nhầm, thay bằng số 02")
    with pytest.raises(RegisterError, match="đã hủy"):
        reg.void(voided, "lại", at=AT)
    with pytest.raises(RegisterError, match="lý do"):
        reg.void(reg.allocate("THCSQT", 2025, *QD, at=AT)[0], "", at=AT)
    # a voided number is never given again
    assert _numbers(reg.allocate("THCSQT", 2025, *QD, at=AT)) == [3]
    assert [e.so for e in reg.entries(status=Status.VOIDED)] == [1]


# migrations -------------------------------------------------------------------------------


def test_migrations_are_applied_once(target: str) -> None:
    with Register.open(target) as first:
        assert first.applied == [m.version for m in MIGRATIONS]
        assert first.schema_version == Register.LATEST_VERSION
        first.allocate("THCSQT", 2025, *QD, at=AT)
    with Register.open(target) as again:
        assert again.applied == []
        assert _numbers(again.allocate("THCSQT", 2025, *QD, at=AT)) == [2]
    backend = open_backend(target)
    try:
        # a new step is applied once, in order, and recorded
        step = Migration(2, "a test column", ("ALTER TABLE entries ADD COLUMN extra TEXT",))
        assert migrate(backend, (*MIGRATIONS, step)) == [2]
        assert migrate(backend, (*MIGRATIONS, step)) == []
        with backend.transaction() as tx:
            rows = tx.execute("SELECT version, name FROM schema_version ORDER BY version")
        assert rows == [(1, "counters and entries"), (2, "a test column")]
    finally:
        backend.close()
    # a register from a newer library is refused, not misread
    with pytest.raises(RegisterError, match="mới hơn"):
        Register.open(target)


def test_sqlite_refuses_what_is_not_a_register(tmp_path: Path) -> None:
    import sqlite3

    with pytest.raises(RegisterError, match="thư mục"):
        Register.open(tmp_path / "missing" / "so.sqlite")
    (tmp_path / "garbage.sqlite").write_text("không phải cơ sở dữ liệu", encoding="utf-8")
    with pytest.raises(RegisterError, match="không mở được"):
        Register.open(tmp_path / "garbage.sqlite")
    other = sqlite3.connect(tmp_path / "other.sqlite")
    other.execute("CREATE TABLE entries (x)")
    other.commit()
    other.close()
    with pytest.raises(RegisterError, match="entries already exists"):
        Register.open(tmp_path / "other.sqlite")
    # the failed migration left nothing behind: no half-made schema
    check = sqlite3.connect(tmp_path / "other.sqlite")
    tables = {r[0] for r in check.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    check.close()
    assert tables == {"entries"}


# concurrency ------------------------------------------------------------------------------

WORKERS, PER_WORKER = 8, 200
VOID_AT = (37, 151)  # each worker voids its 37th and 151st number on purpose


def _worker(target: str, barrier: Any, results: Any, index: int) -> None:
    got: list[int] = []
    voided: list[int] = []
    error = ""
    try:
        with Register.open(target, timeout=120) as reg:
            barrier.wait()
            for k in range(PER_WORKER):
                at = datetime(2025, 3, 6, 8, 0) + timedelta(seconds=k)
                (a,) = reg.allocate("THCSQT", 2025, *QD, at=at)
                got.append(a.so)
                if k in VOID_AT:
                    reg.void(a, f"tiến trình {index} hủy thử", at=at)
                    voided.append(a.so)
                else:
                    meta = Metadata(ngay=Ngay(2025, 3, 6), trich_yeu=f"văn bản {k}")
                    reg.issue(a, meta, at=at)
    except Exception as exc:  # reported to the test, which fails on it
        error = f"{type(exc).__name__}: {exc}"
    results.put((index, got, voided, error))


def _run_workers(target: str) -> tuple[list[int], list[int]]:
    with Register.open(target):
        pass  # create the schema first, as an office's first run would
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(WORKERS)
    results = ctx.Queue()
    procs = [
        ctx.Process(target=_worker, args=(target, barrier, results, i)) for i in range(WORKERS)
    ]
    for p in procs:
        p.start()
    collected = [results.get(timeout=300) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    assert [error for *_, error in collected if error] == []
    got = [n for _, numbers, _, _ in collected for n in numbers]
    voided = [n for _, _, numbers, _ in collected for n in numbers]
    return got, voided


def _check_concurrent_register(target: str) -> None:
    got, voided = _run_workers(target)
    total = WORKERS * PER_WORKER
    assert len(got) == total
    assert sorted(got) == list(range(1, total + 1))  # distinct and consecutive
    assert len(voided) == WORKERS * len(VOID_AT)
    with Register.open(target) as reg:
        entries = reg.entries(co_quan="THCSQT", nam=2025)
        assert [e.so for e in entries] == list(range(1, total + 1))
        issued = {e.so for e in entries if e.status is Status.ISSUED}
        listed_void = [e for e in reg.entries(status=Status.VOIDED)]
        assert sorted(e.so for e in listed_void) == sorted(voided)
        assert all(e.ly_do.endswith("hủy thử") for e in listed_void)
        # no gap except the voided numbers
        assert sorted(issued | set(voided)) == list(range(1, total + 1))
        assert reg.last_number("THCSQT", 2025) == total


def test_sqlite_many_processes_allocate_distinct_consecutive_numbers(tmp_path: Path) -> None:
    _check_concurrent_register(str(tmp_path / "so-dang-ky.sqlite"))


def test_postgresql_many_clients_allocate_distinct_consecutive_numbers(pg_url: str) -> None:
    _check_concurrent_register(pg_url)


# export -----------------------------------------------------------------------------------


def _sample(reg: Register) -> None:
    meta = Metadata(
        ngay=Ngay(2025, 3, 6), trich_yeu="thành lập Hội đồng tự đánh giá",
        nguoi_ky="Nguyễn Văn An", noi_nhan=("Như Điều 3", "Lưu: VT"), ban_luu="VT, VP",
        so_luong_ban=4,
    )  # fmt: skip
    a, b, c, d = reg.allocate_chain(
        "THCSQT", 2025, [QD, ("Kế hoạch", "KH-THCSQT"), QD, ("Báo cáo", "BC-THCSQT")], at=AT
    )
    reg.issue(a, meta, at=AT)
    reg.issue(b, Metadata(ngay=Ngay(2025, 1, 9), trich_yeu="Kế hoạch chuyển đổi số"), at=AT)
    reg.release_or_void(c, "lỗi khi tạo văn bản", at=AT)  # below d: voided
    reg.release_or_void(d, "lỗi khi tạo văn bản", at=AT)  # the last: released, not in the sổ
    reg.allocate("THCSQT", 2025, "Tờ trình", "TTr-THCSQT", at=AT)  # 04 again, reserved


EXPECTED_ROWS = [
    ("01/QĐ-THCSQT", "06/3/2025", "Quyết định thành lập Hội đồng tự đánh giá", "Nguyễn Văn An",
     "Như Điều 3; Lưu: VT", "VT, VP", "4", "", "", ""),
    ("02/KH-THCSQT", "09/01/2025", "Kế hoạch chuyển đổi số", "", "", "", "", "", "", ""),
    ("03/QĐ-THCSQT", "", "Quyết định", "", "", "", "", "", "", "Đã hủy: lỗi khi tạo văn bản"),
    ("04/TTr-THCSQT", "", "Tờ trình", "", "", "", "", "", "", "Đang giữ số, chưa ban hành"),
]  # fmt: skip


def test_export_xlsx_reads_back(reg: Register, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    _sample(reg)
    out = export_xlsx(
        reg.entries(co_quan="THCSQT", nam=2025), tmp_path / "so.xlsx",
        ten_co_quan="Trường THCS Quyết Tiến", nam=2025,
    )  # fmt: skip
    ws = load_workbook(out).active
    values = [
        tuple("" if v is None else str(v) for v in row) for row in ws.iter_rows(values_only=True)
    ]
    assert [r[0] for r in values[:4]] == [
        "TRƯỜNG THCS QUYẾT TIẾN", "SỔ ĐĂNG KÝ VĂN BẢN ĐI", "Năm 2025", "Từ số 01 đến số 04",
    ]  # fmt: skip
    header = values.index(COLUMNS)
    assert values[header + 1] == tuple(f"({k})" for k in range(1, 11))
    assert values[header + 2 :] == EXPECTED_ROWS
    assert ws.cell(row=header + 1, column=1).font.bold
    assert ws.page_setup.orientation == "landscape"


def test_export_docx_reads_back(reg: Register, tmp_path: Path) -> None:
    from docx import Document
    from docx.enum.section import WD_ORIENT

    _sample(reg)
    out = export_docx(
        reg.entries(co_quan="THCSQT", nam=2025), tmp_path / "so.docx",
        ten_co_quan="Trường THCS Quyết Tiến", nam=2025,
    )  # fmt: skip
    doc = Document(str(out))
    texts = [p.text for p in doc.paragraphs if p.text]
    assert texts[:4] == [
        "TRƯỜNG THCS QUYẾT TIẾN", "SỔ ĐĂNG KÝ VĂN BẢN ĐI", "Năm 2025", "Từ số 01 đến số 04",
    ]  # fmt: skip
    assert doc.sections[0].orientation == WD_ORIENT.LANDSCAPE
    (table,) = doc.tables
    rows = [tuple(readable(c.text) for c in row.cells) for row in table.rows]
    assert rows[0] == COLUMNS
    assert rows[1] == tuple(f"({k})" for k in range(1, 11))
    assert rows[2:] == EXPECTED_ROWS
    # read with the namespaces spelled out: python-docx's own reader loses cp:category once
    # docxtpl (docxcompose) is loaded in the process
    assert core_property(doc, "author") == "Trường THCS Quyết Tiến"
    assert core_property(doc, "category") == "Sổ đăng ký văn bản đi"
    fonts = {r.font.name for p in doc.paragraphs for r in p.runs} | {doc.styles["Normal"].font.name}
    assert "Times New Roman" in fonts


def test_exported_so_passes_its_check_and_a_broken_one_does_not(
    reg: Register, tmp_path: Path
) -> None:
    from docx import Document

    _sample(reg)
    entries = reg.entries(co_quan="THCSQT", nam=2025)
    out = export_docx(entries, tmp_path / "so.docx", ten_co_quan="Trường THCS Quyết Tiến", nam=2025)
    assert check_so(out) == []
    doc = Document(str(out))
    cells = doc.tables[0].rows
    cells[2].cells[0].paragraphs[0].runs[0].text = "1/QĐ-THCSQT"  # no leading zero
    cells[3].cells[0].paragraphs[0].runs[0].text = "01/KH-THCSQT"  # 01 twice
    cells[3].cells[1].paragraphs[0].runs[0].text = "9/1/2025"  # January not padded
    doc.save(str(tmp_path / "broken.docx"))
    assert sorted(f.rule for f in check_so(tmp_path / "broken.docx")) == [
        "ngay-thang", "so-ky-hieu", "so-ky-hieu",
    ]  # fmt: skip
    # a Phụ lục I document is not a sổ
    empty = Document()
    empty.save(str(tmp_path / "empty.docx"))
    assert {f.rule for f in check_so(tmp_path / "empty.docx")} == {"so-dang-ky", "cot"}


# the command line -------------------------------------------------------------------------


def _cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["register", *argv], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_cli_end_to_end(workdir: Path) -> None:
    co = ("--co-quan", "THCSQT", "--nam", "2025")
    code, out, _ = _cli("allocate", *co, "--loai", "quyet_dinh", "-n", "2",
                        "--trich-yeu", "thành lập Hội đồng tự đánh giá", "--ngay", "2025-03")  # fmt: skip
    assert code == 0
    assert out.splitlines() == [
        "Đã cấp số 01/QĐ-THCSQT (Quyết định, năm 2025)",
        "Đã cấp số 02/QĐ-THCSQT (Quyết định, năm 2025)",
    ]
    assert (workdir / "so-dang-ky.sqlite").is_file()  # the default register, here
    code, out, _ = _cli("issue", *co, "--so", "1", "--ngay", "2025-03-06",
                        "--nguoi-ky", "Nguyễn Văn An", "--noi-nhan", "Như Điều 3",
                        "--noi-nhan", "Lưu: VT")  # fmt: skip
    assert (code, out) == (0, "Đã ghi ban hành 01/QĐ-THCSQT năm 2025\n")
    issued = Register.open(workdir / "so-dang-ky.sqlite")
    try:
        meta = issued.get("THCSQT", 2025, 1).metadata
    finally:
        issued.close()
    assert meta.trich_yeu == "thành lập Hội đồng tự đánh giá"  # kept from the reservation
    assert meta.noi_nhan == ("Như Điều 3", "Lưu: VT")
    code, out, _ = _cli("allocate", *co, "--loai", "KH")
    assert out == "Đã cấp số 03/KH-THCSQT (Kế hoạch, năm 2025)\n"
    code, out, _ = _cli("release", *co, "--so", "2", "--ly-do", "lỗi khi tạo văn bản")
    assert out == "Đã hủy số 02/QĐ-THCSQT năm 2025 (đã hủy)\n"  # 03 came after it
    code, out, _ = _cli("release", *co, "--so", "3", "--ly-do", "lỗi khi tạo văn bản")
    assert out == "Đã trả lại số 03/KH-THCSQT năm 2025 (đã trả lại)\n"  # the last one
    code, out, err = _cli("record", *co, "--so", "2", "--loai", "TTr")
    assert code == 2 and "trùng số" in err and "02/QĐ-THCSQT" in err
    code, out, _ = _cli("record", *co, "--so", "9", "--loai", "cong_van",
                        "--trich-yeu", "V/v báo cáo")  # fmt: skip
    assert out == "Đã ghi vào sổ số 09/THCSQT năm 2025\n"
    code, out, _ = _cli("void", *co, "--so", "9", "--ly-do", "gửi nhầm")
    assert out == "Đã hủy số 09/THCSQT năm 2025: gửi nhầm\n"
    code, out, _ = _cli("list", "--trang-thai", "voided")
    lines = out.splitlines()
    assert len(lines) == 3 and lines[-1].startswith("Tổng cộng 2 số")
    assert "02/QĐ-THCSQT" in lines[0] and "lý do: lỗi khi tạo văn bản" in lines[0]
    assert "09/THCSQT" in lines[1] and "đã hủy" in lines[1]
    code, out, _ = _cli("export", *co, "-o", "so.xlsx", "--ten-co-quan", "Trường THCS Quyết Tiến")
    assert (code, out) == (0, "Đã xuất sổ đăng ký văn bản đi năm 2025 (3 số) ra so.xlsx\n")
    code, out, _ = _cli("export", *co, "-o", "so.docx")
    assert code == 0 and (workdir / "so.docx").is_file() and (workdir / "so.xlsx").is_file()
    code, _, err = _cli("export", *co, "-o", "so.pdf")
    assert code == 2 and ".xlsx hoặc .docx" in err


def test_cli_usage_errors_exit_2(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["register", "allocate", "--co-quan", "THCSQT", "--loai", "không có"])
    assert info.value.code == 2
    assert "loại văn bản không hợp lệ" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        main(["register", "void", "--co-quan", "X", "--so", "1"])  # no --ly-do
    assert info.value.code == 2
    code, _, err = _cli("void", "--co-quan", "THCSQT", "--nam", "2025", "--so", "4",
                        "--ly-do", "x")  # fmt: skip
    assert code == 2 and "chưa có số 04 năm 2025" in err
    code, _, err = _cli("list", "--db", str(workdir / "none" / "so.sqlite"))
    assert code == 2 and "không có thư mục" in err


def test_cli_against_postgresql(pg_url: str, workdir: Path) -> None:
    co = ("--url", pg_url, "--co-quan", "PGDĐT", "--nam", "2025")
    code, out, _ = _cli("allocate", *co, "--loai", "ke_hoach", "-n", "3")
    assert code == 0 and out.splitlines()[-1] == "Đã cấp số 03/KH-PGDĐT (Kế hoạch, năm 2025)"
    code, out, _ = _cli("void", *co, "--so", "2", "--ly-do", "trùng nội dung")
    assert code == 0
    code, out, _ = _cli("list", "--url", pg_url, "--co-quan", "PGDĐT")
    assert out.splitlines()[-1].startswith("Tổng cộng 3 số trong sổ postgresql://127.0.0.1:")
    assert "vnadmin:" not in out  # the password is not shown
    code, out, _ = _cli("export", *co, "-o", "so.xlsx")
    assert code == 0 and (workdir / "so.xlsx").is_file()
    assert not (workdir / "so-dang-ky.sqlite").exists()
    code, _, err = _cli("list", "--url", "postgresql://vnadmin:wrong@127.0.0.1:1/none")
    assert code == 2 and "không kết nối được" in err
