""".docx → PDF conversion with LibreOffice (the only module that runs it).

All files go through one LibreOffice process (its start-up dominates the cost), in a
profile directory of its own (so parallel runs never lock each other out), under a
timeout. Failures raise :class:`~vnadmin_docs.errors.ConversionError` carrying what
LibreOffice printed. The library never looks for LibreOffice by itself: the caller (the
CLI, at the edge) passes the executable it found.
"""

from __future__ import annotations

import contextlib
import fcntl
import importlib.resources
import os
import queue
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from .errors import ConversionError

__all__ = [
    "INSTALL_HINT",
    "Converter",
    "LibreOfficeConverter",
    "Progress",
    "WarmLibreOffice",
    "find_soffice",
    "find_toc_font",
    "find_uno_python",
]

INSTALL_HINT = "sudo apt-get install -y libreoffice-writer-nogui fonts-liberation2"

PDFA_FILTER = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'
"""``--convert-to`` with the PDF export filter's options as JSON (LibreOffice >= 7.4): PDF/A-2b."""


Progress = Callable[[float], None]
"""Called about once a second while a conversion runs, with the seconds elapsed."""


@contextlib.contextmanager
def _profile(pool: Path | None) -> Iterator[tuple[Path, int | None]]:
    """A LibreOffice profile directory used by no other running conversion, and the file
    descriptor of its lock (``None`` for a temporary one).

    Without a ``pool`` it is a fresh temporary directory (LibreOffice spends about 0.3 s
    creating it). With a ``pool`` (a cache directory the caller chooses) it is the first of
    ``pool/profile-N`` whose lock file nobody holds, kept between runs so it stays warm. The
    lock is an ``flock``: a LibreOffice that inherits the descriptor keeps the profile locked
    until it has exited, even after this process is gone.
    """
    if pool is None:
        with tempfile.TemporaryDirectory(prefix="vnadmin-lo-profile-") as work:
            yield Path(work) / "profile", None
        return
    pool.mkdir(parents=True, exist_ok=True)
    for n in range(256):
        handle = (pool / f"profile-{n}.lock").open("w")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            continue
        try:
            yield pool / f"profile-{n}", handle.fileno()
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
            handle.close()
        return
    raise ConversionError(f"Không còn thư mục cấu hình LibreOffice trống trong {pool}")


class Converter(Protocol):
    """Converts .docx files to PDF files in ``outdir``; returns the PDFs in input order.

    ``sources`` may be lazy (a generator that renders each file as it is asked for)."""

    def convert(
        self, sources: Iterable[Path], outdir: Path, *, progress: Progress | None = None
    ) -> list[Path]: ...


def find_toc_font() -> tuple[Path, Path] | None:
    """Regular and bold TrueType files of a Times-compatible font with Vietnamese coverage
    (Liberation Serif, else Times New Roman), via fontconfig; for the edge to pass on."""
    if shutil.which("fc-match") is None:
        return None
    found = []
    for style in ("", ":bold"):
        for family in ("Liberation Serif", "Times New Roman"):
            result = subprocess.run(
                ["fc-match", "-f", "%{file}\n%{family}", f"{family}{style}"],
                capture_output=True,
                text=True,
                check=False,
            )
            path, _, got = result.stdout.partition("\n")
            if result.returncode == 0 and family in got and path.endswith((".ttf", ".TTF")):
                found.append(Path(path))
                break
    return (found[0], found[1]) if len(found) == 2 else None


def find_soffice(candidates: Sequence[str] = ("soffice", "libreoffice")) -> str | None:
    """Find a LibreOffice executable on ``PATH`` (for the CLI to call; the library does not)."""
    for name in candidates:
        found = shutil.which(name)
        if found:
            return found
    return None


@dataclass(frozen=True)
class LibreOfficeConverter:
    """Headless LibreOffice, one process per :meth:`convert` call.

    ``soffice`` is the executable; ``timeout`` is in seconds for the whole call.
    """

    soffice: str | None
    timeout: float = 180.0
    profiles: Path | None = None
    """A cache folder for warm LibreOffice profiles (see :func:`_profile`); ``None``: fresh each run."""
    pdfa: bool = True
    """Write PDF/A-2b (fonts embedded, XMP, sRGB output intent); ``False``: plain PDF."""

    def convert(
        self, sources: Iterable[Path], outdir: Path, *, progress: Progress | None = None
    ) -> list[Path]:
        sources = list(sources)  # one LibreOffice run needs every file up front
        if not sources:
            return []
        if not self.soffice or not (Path(self.soffice).exists() or shutil.which(self.soffice)):
            raise ConversionError(
                f"Không tìm thấy LibreOffice để chuyển sang PDF. Cài đặt bằng lệnh: {INSTALL_HINT}"
            )
        outdir.mkdir(parents=True, exist_ok=True)
        names = [Path(s).stem for s in sources]
        if len(set(names)) != len(names):
            raise ConversionError("Các tệp cần chuyển phải có tên khác nhau")
        with (
            tempfile.TemporaryDirectory(prefix="vnadmin-lo-") as work,
            _profile(self.profiles) as (profile, _),
        ):
            staging = Path(work) / "out"
            command = [
                self.soffice,
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--norestore",
                "--nolockcheck",
                "--nodefault",
                "--convert-to",
                PDFA_FILTER if self.pdfa else "pdf:writer_pdf_Export",
                "--outdir",
                str(staging),
                *(str(Path(s).resolve()) for s in sources),
            ]
            output = self._run(command, work, progress)
            results = []
            for name in names:
                produced = staging / f"{name}.pdf"
                if not produced.is_file() or produced.stat().st_size == 0:
                    raise ConversionError(f"LibreOffice không tạo được {name}.pdf", output=output)
                target = outdir / produced.name
                shutil.move(produced, target)
                results.append(target)
        return results

    def _run(self, command: list[str], work: str, progress: Progress | None) -> str:
        env = {**os.environ, "HOME": work}
        try:
            process = subprocess.Popen(
                command,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                env=env,
                start_new_session=True,
                stdin=subprocess.DEVNULL,
            )
        except OSError as exc:
            raise ConversionError(
                f"Không chạy được LibreOffice ({exc}). Cài đặt bằng lệnh: {INSTALL_HINT}"
            ) from exc
        started = time.monotonic()
        while True:
            elapsed = time.monotonic() - started
            try:
                output, _ = process.communicate(timeout=max(0.0, min(1.0, self.timeout - elapsed)))
                break
            except subprocess.TimeoutExpired:
                if time.monotonic() - started >= self.timeout:
                    os.killpg(process.pid, signal.SIGKILL)
                    output, _ = process.communicate()
                    raise ConversionError(
                        f"LibreOffice không phản hồi sau {self.timeout:g} giây; đã dừng",
                        output=output,
                    ) from None
                if progress is not None:
                    progress(time.monotonic() - started)
        if process.returncode != 0:
            raise ConversionError(
                f"LibreOffice kết thúc với mã lỗi {process.returncode}", output=output
            )
        return output


class WarmLibreOffice:
    """A LibreOffice kept running between conversions, driven over UNO through a private pipe.

    :meth:`start` returns at once: LibreOffice and the UNO client (``_uno_client.py``, run by
    ``uno_python``, a Python that has Debian's ``python3-uno``) start in the background, so their
    start-up overlaps whatever the caller does next (rendering the .docx files). All files of a
    :meth:`convert` call go through that one LibreOffice, in its own profile directory; a
    LibreOffice that died is restarted once. Use it as a context manager, or call :meth:`close`.
    """

    def __init__(
        self, soffice: str | None, uno_python: str, *, timeout: float = 180.0,
        profiles: Path | None = None, pdfa: bool = True,
    ) -> None:  # fmt: skip
        self.soffice = soffice
        self.pdfa = pdfa
        self.uno_python = uno_python
        self.timeout = timeout
        self.profiles = profiles
        self._profile: contextlib.ExitStack | None = None
        self._lock: int | None = None
        self._listener: subprocess.Popen[bytes] | None = None
        self._client: subprocess.Popen[str] | None = None
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._work: str | None = None
        self._ready = False

    def __enter__(self) -> WarmLibreOffice:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> WarmLibreOffice:
        if self._listener is not None:
            return self
        if not self.soffice or not (Path(self.soffice).exists() or shutil.which(self.soffice)):
            raise ConversionError(
                f"Không tìm thấy LibreOffice để chuyển sang PDF. Cài đặt bằng lệnh: {INSTALL_HINT}"
            )
        self._work = tempfile.mkdtemp(prefix="vnadmin-lo-warm-")
        pipe = f"vnadmin-{os.getpid()}-{os.urandom(4).hex()}"
        self._profile = contextlib.ExitStack()
        profile, self._lock = self._profile.enter_context(_profile(self.profiles))
        log = open(Path(self._work) / "soffice.log", "wb")  # noqa: SIM115 - closed with the process
        self._listener = subprocess.Popen(
            [self.soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible",
             "--norestore", "--nologo", "--nodefault", "--nolockcheck",
             f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            env={**os.environ, "HOME": self._work}, start_new_session=True,
            pass_fds=(self._lock,) if self._lock is not None else (),
        )  # fmt: skip
        log.close()
        script = importlib.resources.files("vnadmin_docs") / "_uno_client.py"
        with importlib.resources.as_file(script) as client_path:
            self._client = subprocess.Popen(
                [self.uno_python, "-u", str(client_path), pipe, str(self.timeout),
                 "2" if self.pdfa else "0"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                text=True, start_new_session=True,
            )  # fmt: skip
        self._lines = queue.Queue()
        threading.Thread(target=self._pump, args=(self._client, self._lines), daemon=True).start()
        self._ready = False
        return self

    @staticmethod
    def _pump(client: subprocess.Popen[str], lines: queue.Queue[str | None]) -> None:
        assert client.stdout is not None
        for line in client.stdout:
            lines.put(line.rstrip("\n"))
        lines.put(None)

    def _log(self) -> str:
        if self._work is None:
            return ""
        try:
            return (Path(self._work) / "soffice.log").read_text(errors="replace")
        except OSError:
            return ""

    def _next(self, deadline: float, progress: Progress | None, started: float) -> str:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise ConversionError(
                    f"LibreOffice không phản hồi sau {self.timeout:g} giây; đã dừng",
                    output=self._log(),
                )
            try:
                line = self._lines.get(timeout=min(1.0, remaining))
            except queue.Empty:
                if progress is not None:
                    progress(time.monotonic() - started)
                continue
            if line is None:
                raise _Died(self._log())
            return line

    def _died_meanwhile(self) -> bool:
        """Whether LibreOffice died during the last request (an error may arrive first)."""
        if self._listener is None:
            return True
        try:
            self._listener.wait(timeout=1.0)
        except subprocess.TimeoutExpired:
            return False
        return True

    def alive(self) -> bool:
        return (
            self._listener is not None and self._listener.poll() is None
            and self._client is not None and self._client.poll() is None
        )  # fmt: skip

    def convert(
        self, sources: Iterable[Path], outdir: Path, *, progress: Progress | None = None
    ) -> list[Path]:
        """Convert ``sources``; each is sent to LibreOffice as soon as the iterable yields it,
        so a caller that renders lazily has its first parts converted while it renders the rest.
        """
        pending = iter(sources)
        seen: list[Path] = []

        def feed() -> Iterator[Path]:
            yield from list(seen)  # a retry resends what was sent before LibreOffice died
            for source in pending:
                seen.append(Path(source))
                yield Path(source)

        for attempt in (1, 2):
            if not self.alive():
                self.close()
                self.start()
            try:
                return self._convert(feed(), outdir, progress)
            except _Died as died:
                self.close()
                if attempt == 2:
                    raise ConversionError(
                        "LibreOffice dừng đột ngột khi chuyển đổi", output=died.output
                    ) from None
        raise AssertionError("unreachable")

    def _send(self, line: str) -> None:
        assert self._client is not None and self._client.stdin is not None
        try:
            self._client.stdin.write(line + "\n")
            self._client.stdin.flush()
        except BrokenPipeError:
            raise _Died(self._log()) from None

    def _convert(
        self, sources: Iterator[Path], outdir: Path, progress: Progress | None
    ) -> list[Path]:
        started = time.monotonic()
        deadline = started + self.timeout
        outdir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="vnadmin-lo-out-") as staging:
            sent = []
            for source in sources:
                self._send(f"CONVERT {staging}\t{source.resolve()}")
                sent.append(source)
            if not self._ready:
                line = self._next(deadline, progress, started)
                if line.startswith("ERROR NO_UNO"):
                    raise ConversionError(
                        f"Chế độ LibreOffice chạy sẵn cần python3-uno ({self.uno_python}): "
                        "sudo apt-get install -y python3-uno", output=line,
                    )  # fmt: skip
                if line != "READY":
                    raise ConversionError(
                        "Không kết nối được với LibreOffice", output=f"{line}\n{self._log()}"
                    )
                self._ready = True
            done = 0
            while done < len(sent):
                line = self._next(deadline, progress, started)
                if line == "OK":
                    done += 1
                elif line.startswith("ERROR"):
                    if self._died_meanwhile():
                        raise _Died(f"{line}\n{self._log()}")
                    raise ConversionError("LibreOffice không chuyển được tệp sang PDF", output=line)
            results = []
            for source in sent:
                produced = Path(staging) / f"{source.stem}.pdf"
                if not produced.is_file() or produced.stat().st_size == 0:
                    raise ConversionError(
                        f"LibreOffice không tạo được {produced.name}", output=self._log()
                    )
                target = outdir / produced.name
                shutil.move(produced, target)
                results.append(target)
        return results

    def close(self) -> None:
        """Stop the client and LibreOffice.

        With a pooled profile, LibreOffice is asked to quit and left to do so on its own (it
        can take seconds); it holds the profile's lock until it has exited. With a temporary
        profile, this waits for it and removes the profile.
        """
        client, listener = self._client, self._listener
        self._client = self._listener = None
        self._ready = False
        pooled = self._lock is not None
        if pooled and client is not None and listener is not None and listener.poll() is None:
            with contextlib.suppress(OSError, ValueError):
                assert client.stdin is not None
                client.stdin.write("QUIT\n")
                client.stdin.close()
            client = listener = None
        if client is not None:
            with contextlib.suppress(OSError, ValueError):
                assert client.stdin is not None
                client.stdin.write("QUIT\n")
                client.stdin.close()
            try:
                client.wait(timeout=2)
            except subprocess.TimeoutExpired:
                os.killpg(client.pid, signal.SIGKILL)
                client.wait()
        if listener is not None:
            try:
                listener.wait(timeout=5)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(listener.pid, signal.SIGKILL)
                listener.wait()
        if self._profile is not None:
            self._profile.close()
            self._profile = None
        if self._work is not None:
            shutil.rmtree(self._work, ignore_errors=True)
            self._work = None


class _Died(Exception):
    def __init__(self, output: str) -> None:
        super().__init__("LibreOffice died")
        self.output = output


def find_uno_python(candidates: Sequence[str] = ("/usr/bin/python3",)) -> str | None:
    """A Python that may have LibreOffice's UNO bindings (the client checks ``import uno``)."""
    return next((c for c in candidates if Path(c).exists()), None)
