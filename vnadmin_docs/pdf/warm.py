"""A LibreOffice kept running between conversions, driven over UNO (see :mod:`._uno_client`)."""

from __future__ import annotations

import contextlib
import importlib.resources
import os
import queue
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import ConversionError, UnoUnavailableError
from .libreoffice import INSTALL_HINT, Progress, _profile

__all__ = ["WarmLibreOffice"]


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
        script = importlib.resources.files("vnadmin_docs.pdf") / "_uno_client.py"
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
                    raise UnoUnavailableError(
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
