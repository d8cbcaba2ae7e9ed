"""LibreOffice faults, with the real LibreOffice: killed mid-run, hung (stopped), missing or
failing at start-up, and late replies. Each ends in a clear ConversionError well within its
(short) timeout, leaves no process, no lock and no pipe behind, and the next conversion works."""

from __future__ import annotations

import fcntl
import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from vnadmin_docs.app.dossier import build_dossier
from vnadmin_docs.app.loading import load_dossier
from vnadmin_docs.errors import ConversionError
from vnadmin_docs.pdf.libreoffice import LibreOfficeConverter, _pipe_paths, find_uno_python
from vnadmin_docs.pdf.warm import WarmLibreOffice

from ..helpers import EXAMPLES

pytestmark = pytest.mark.e2e

QUYET_TIEN = EXAMPLES / "quyet-tien-2023-2024" / "ho-so.yaml"


def _processes(marker: str) -> list[int]:
    """Running (not zombie) processes whose command line contains ``marker``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if marker in cmdline and state != "Z":
            found.append(int(entry.name))
    return found


def _soffice_bin(marker: str) -> list[int]:
    return [
        p for p in _processes(marker) if "soffice.bin" in Path(f"/proc/{p}/cmdline").read_text()
    ]


def _assert_clean(pool: Path) -> None:
    """Nothing of a LibreOffice whose profiles were in ``pool`` is left: no process, every
    profile lock free, no named pipe in /tmp."""
    assert _processes(str(pool)) == []
    for lock in pool.glob("profile-*.lock"):
        with lock.open("w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)  # raises if still held
    for profile in pool.glob("profile-*"):
        if profile.is_dir():
            assert [p for p in _pipe_paths(profile) if p.exists()] == []


@pytest.fixture(scope="module")
def docx(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The five parts of an example dossier, as .docx."""
    out = tmp_path_factory.mktemp("docx")
    return list(build_dossier(load_dossier(QUYET_TIEN), out, converter=None).docx)


@pytest.fixture(scope="module")
def uno_python() -> str:
    found = find_uno_python()
    assert found is not None, "python3-uno is installed by scripts/setup"
    return found


def _script(path: Path, body: str) -> str:
    path.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    path.chmod(0o755)
    return str(path)


def test_killed_mid_run_is_reported_and_leaves_nothing(
    soffice: str, uno_python: str, docx: list[Path], tmp_path: Path
) -> None:
    pool = tmp_path / "pool"
    warm = WarmLibreOffice(soffice, uno_python, timeout=120, profiles=pool)
    stop = threading.Event()
    kills: list[int] = []

    def killer() -> None:
        # kill soffice.bin as soon as it has written the first PDF of a call (so mid-run),
        # on the first attempt and on the restart
        while not stop.is_set():
            work = warm._work
            if work is not None and any(work.glob("call-*/out/*.pdf")):
                for pid in _soffice_bin(str(pool)):
                    os.kill(pid, signal.SIGKILL)
                    kills.append(pid)
                    time.sleep(0.5)
            time.sleep(0.01)

    thread = threading.Thread(target=killer)
    thread.start()
    started = time.monotonic()
    try:
        with pytest.raises(ConversionError, match="dừng đột ngột"):
            warm.convert(docx, tmp_path / "out")
    finally:
        stop.set()
        thread.join()
    elapsed = time.monotonic() - started
    print(f"killed twice: reported after {elapsed:.1f} s")
    assert len(kills) >= 2  # the first run and its restart
    assert elapsed < warm.timeout / 2  # well within the timeout
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
    _assert_clean(pool)
    # and the same object converts again
    warm.timeout = 120
    try:
        assert [p.name for p in warm.convert(docx[:1], tmp_path / "again")] == ["01-bia.pdf"]
    finally:
        warm.close()


def test_hung_libreoffice_is_killed_at_the_timeout_and_the_next_call_works(
    soffice: str, uno_python: str, docx: list[Path], tmp_path: Path
) -> None:
    pool = tmp_path / "pool"
    with WarmLibreOffice(soffice, uno_python, timeout=120, profiles=pool) as warm:
        assert len(warm.convert(docx[:1], tmp_path / "a")) == 1  # up and warm
        (pid,) = _soffice_bin(str(pool))
        environ = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
        tmpdir = Path(next(e for e in environ if e.startswith(b"TMPDIR=")).decode()[7:])
        assert warm._work is not None and tmpdir.is_relative_to(warm._work)
        os.kill(pid, signal.SIGSTOP)  # hung: alive, never answering
        warm.timeout = 5
        started = time.monotonic()
        with pytest.raises(ConversionError, match="không phản hồi sau 5 giây"):
            warm.convert(docx, tmp_path / "b")
        elapsed = time.monotonic() - started
        print(f"hung: reported and killed after {elapsed:.1f} s (timeout 5 s)")
        assert elapsed < 5 + 10  # the timeout, then the kill; never waiting for more
        assert not (tmp_path / "b").exists() or not list((tmp_path / "b").iterdir())
        _assert_clean(pool)
        assert not tmpdir.exists()  # its lu*.tmp folders went with its work folder
        warm.timeout = 120
        again = warm.convert(docx, tmp_path / "c")
        assert [p.name for p in again] == [d.with_suffix(".pdf").name for d in docx]
    _assert_clean_after_close(pool)


def _assert_clean_after_close(pool: Path) -> None:
    """A pooled LibreOffice asked to quit leaves on its own within seconds."""
    until = time.monotonic() + 30
    while _processes(str(pool)) and time.monotonic() < until:
        time.sleep(0.2)
    _assert_clean(pool)


@pytest.mark.parametrize("mode", ["warm", "one-shot"])
def test_stopped_at_start_up_is_reported_at_the_timeout(
    mode: str, soffice: str, uno_python: str, docx: list[Path], tmp_path: Path
) -> None:
    pool = tmp_path / "pool"
    stopped = _script(tmp_path / "soffice", f'kill -STOP $$\nexec "{soffice}" "$@"')
    converter = (
        WarmLibreOffice(stopped, uno_python, timeout=4, profiles=pool)
        if mode == "warm"
        else LibreOfficeConverter(stopped, timeout=4, profiles=pool)
    )
    started = time.monotonic()
    with pytest.raises(ConversionError, match="không phản hồi sau 4 giây"):
        converter.convert(docx[:2], tmp_path / "out")
    print(f"{mode} stopped at start-up: reported after {time.monotonic() - started:.1f} s")
    _assert_clean(pool)
    assert _processes(str(tmp_path / "soffice")) == []


@pytest.mark.parametrize("mode", ["warm", "one-shot"])
def test_libreoffice_that_cannot_start_is_reported_within_seconds(
    mode: str, uno_python: str, docx: list[Path], tmp_path: Path
) -> None:
    failing = _script(tmp_path / "soffice", "echo 'cannot open display' >&2\nexit 1")
    not_a_program = tmp_path / "plain" / "soffice"
    not_a_program.parent.mkdir()
    not_a_program.write_text("not a program", encoding="utf-8")
    timeout = 60.0
    for soffice, expected in (
        (str(tmp_path / "missing" / "soffice"), "Không tìm thấy LibreOffice"),
        (str(not_a_program), "Không chạy được LibreOffice \\(không có quyền\\)"),
        (failing, "mã lỗi 1"),
    ):
        converter = (
            WarmLibreOffice(soffice, uno_python, timeout=timeout, profiles=tmp_path / "pool")
            if mode == "warm"
            else LibreOfficeConverter(soffice, timeout=timeout, profiles=tmp_path / "pool")
        )
        started = time.monotonic()
        with pytest.raises(ConversionError, match=expected) as info:
            converter.convert(docx[:1], tmp_path / "out")
        elapsed = time.monotonic() - started
        print(f"{mode} {Path(soffice).parent.name}: reported after {elapsed:.1f} s")
        assert elapsed < timeout / 4  # noticed at once, not at the timeout
        if soffice == failing:
            assert "cannot open display" in info.value.output
    _assert_clean(tmp_path / "pool")
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_replies_to_earlier_requests_are_never_read_as_this_calls(
    soffice: str, uno_python: str, docx: list[Path], tmp_path: Path
) -> None:
    """A call fails after sending two files (the third cannot be read); LibreOffice goes on
    converting them and answers late. The next call must wait for its own reply, and get its
    own PDF."""
    missing = tmp_path / "gone.docx"

    def sources() -> Iterator[Path]:
        yield docx[0]
        yield docx[1]
        yield missing

    pool = tmp_path / "pool"
    with WarmLibreOffice(soffice, uno_python, timeout=120, profiles=pool) as warm:
        with pytest.raises(ConversionError, match="Không đọc được"):
            warm.convert(sources(), tmp_path / "a")
        (pdf,) = warm.convert([docx[4]], tmp_path / "b")
        assert pdf.name == "05-quyet-dinh.pdf"
        text = " ".join(p.extract_text() for p in PdfReader(pdf).pages)
        assert "QUYẾT ĐỊNH" in text
        assert sorted(p.name for p in (tmp_path / "b").iterdir()) == ["05-quyet-dinh.pdf"]
    _assert_clean_after_close(pool)


def test_an_interrupted_call_leaves_nothing(
    soffice: str, uno_python: str, docx: list[Path], tmp_path: Path
) -> None:
    """Ctrl-C (or any error of the caller) while a part is being converted: closing kills
    LibreOffice at once rather than waiting for it to finish and quit."""

    def sources() -> Iterator[Path]:
        yield docx[3]
        raise KeyboardInterrupt

    pool = tmp_path / "pool"
    with (
        pytest.raises(KeyboardInterrupt),
        WarmLibreOffice(soffice, uno_python, timeout=120, profiles=pool) as warm,
    ):
        assert len(warm.convert(docx[:1], tmp_path / "first")) == 1  # up and idle
        warm.convert(sources(), tmp_path / "out")
    _assert_clean(pool)  # at once: an idle one would have been left to quit on its own


_FAKE_CLIENT = """
import os
import signal
import sys
from pathlib import Path
print("READY", flush=True)
for line in sys.stdin:
    command, _, rest = line.rstrip("\\n").partition(" ")
    if command != "CONVERT":
        break
    request, _, rest = rest.partition(" ")
    outdir, *files = rest.split("\\t")
    # what a LibreOffice that resumed late would send: replies to other requests
    print(f"OK {int(request) + 100}", flush=True)
    print(f"ERROR {int(request) + 101} stale failure", flush=True)
    print("OK", flush=True)
    for name in files:
        target = Path(outdir) / (Path(name).stem + ".pdf")
        Path(outdir).mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"%PDF-1.4 request " + request.encode())
        print(f"DONE {request} {target}", flush=True)
    print(f"OK {request}", flush=True)
os.killpg(int(sys.argv[-1]), signal.SIGTERM)  # as LibreOffice quits when asked
"""


def test_a_reply_with_another_request_id_is_ignored(docx: list[Path], tmp_path: Path) -> None:
    """The protocol's ids, with a scripted client that interleaves replies to other requests."""
    client = tmp_path / "client.py"
    client.write_text(_FAKE_CLIENT, encoding="utf-8")
    python = _script(tmp_path / "uno-python", f'exec python3 "{client}" "$@"')
    listener = _script(tmp_path / "soffice", "exec sleep 600")
    with WarmLibreOffice(listener, python, timeout=20) as warm:
        pdfs = warm.convert(docx[:2], tmp_path / "out")
        assert [p.read_bytes() for p in pdfs] == [b"%PDF-1.4 request 1", b"%PDF-1.4 request 2"]
        (third,) = warm.convert(docx[2:3], tmp_path / "out2")
        assert third.read_bytes() == b"%PDF-1.4 request 3"
    assert _processes(str(tmp_path / "soffice")) == []
