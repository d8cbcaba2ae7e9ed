"""A LibreOffice kept running between conversions, driven over UNO (see :mod:`._uno_client`).

Faults are bounded by the timeout of a :meth:`WarmLibreOffice.convert` call: a LibreOffice that
dies (during start-up too: its launcher is watched) is restarted once, then reported; one that
hangs is killed at the timeout with its UNO client (both process groups), which frees its
profile, so the next call starts a fresh one. Every request carries an id that the client's
replies repeat; a reply to an earlier request (a LibreOffice that resumed late, the files of a
call that failed) is ignored.
"""

from __future__ import annotations

import contextlib
import importlib.resources
import itertools
import os
import queue
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import ConversionError, UnoUnavailableError
from .libreoffice import (
    Progress,
    _deliver,
    _environment,
    _exit_message,
    _kill_group,
    _popen_error,
    _private_copy,
    _profile,
    _reason,
    _remove_pipes,
    check_soffice,
)

__all__ = ["WarmLibreOffice"]

_POLL = 0.2
"""Seconds between looks at LibreOffice's launcher while waiting for a reply."""


class WarmLibreOffice:
    """A LibreOffice kept running between conversions, driven over UNO through a private pipe.

    :meth:`start` returns at once: LibreOffice and the UNO client (``_uno_client.py``, run by
    ``uno_python``, a Python that has Debian's ``python3-uno``) start in the background, so their
    start-up overlaps whatever the caller does next (rendering the .docx files). All files of a
    :meth:`convert` call go through that one LibreOffice, in its own profile directory, reading
    private copies of the files; a LibreOffice that died is restarted once; ``timeout`` bounds
    the whole call. Use it as a context manager, or call :meth:`close`.
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
        self._profile_dir: Path | None = None
        self._pipe = ""
        self._lock: int | None = None
        self._listener: subprocess.Popen[bytes] | None = None
        self._client: subprocess.Popen[str] | None = None
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._work: Path | None = None
        self._ready = False
        self._busy = False
        """A request is in flight (a call failed or was interrupted before its replies)."""
        self._ids = itertools.count(1)

    def __enter__(self) -> WarmLibreOffice:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> WarmLibreOffice:
        if self._listener is not None:
            return self
        soffice = check_soffice(self.soffice)
        self._work = Path(tempfile.mkdtemp(prefix="vnadmin-lo-warm-"))
        self._pipe = pipe = f"vnadmin-{os.getpid()}-{os.urandom(4).hex()}"
        self._profile = contextlib.ExitStack()
        try:
            profile, self._lock = self._profile.enter_context(_profile(self.profiles))
            self._profile_dir = profile
            with open(self._work / "soffice.log", "wb") as log:
                self._listener = subprocess.Popen(
                    [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                     "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
                     f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
                    stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                    env=_environment(self._work), start_new_session=True,
                    pass_fds=(self._lock,) if self._lock is not None else (),
                )  # fmt: skip
        except OSError as exc:
            self._kill()
            raise _popen_error(exc) from exc
        except BaseException:
            self._kill()
            raise
        script = importlib.resources.files("vnadmin_docs.pdf") / "_uno_client.py"
        try:
            with importlib.resources.as_file(script) as client_path:
                self._client = subprocess.Popen(
                    [self.uno_python, "-u", str(client_path), pipe, str(self.timeout),
                     "2" if self.pdfa else "0", str(self._listener.pid)],
                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                    text=True, errors="replace", start_new_session=True,
                )  # fmt: skip
        except OSError as exc:
            self._kill()
            raise UnoUnavailableError(
                f"Không chạy được {self.uno_python} cho chế độ LibreOffice chạy sẵn "
                f"({_reason(exc)})"
            ) from exc
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
            return (self._work / "soffice.log").read_text(errors="replace")
        except OSError:
            return ""

    def _next(self, deadline: float, progress: Progress | None, started: float) -> str:
        """The client's next line; :class:`_Died` when LibreOffice or the client is gone,
        :class:`_TimedOut` at the deadline."""
        ticked = time.monotonic()
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise _TimedOut
            try:
                line = self._lines.get(timeout=min(_POLL, remaining))
            except queue.Empty:
                if self._listener is None or self._listener.poll() is not None:
                    code = None if self._listener is None else self._listener.returncode
                    raise _Died(self._log(), code) from None
                if progress is not None and time.monotonic() - ticked >= 1.0:
                    ticked = time.monotonic()
                    progress(ticked - started)
                continue
            if line is None:
                raise _Died(self._log(), None)
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

        started = time.monotonic()
        deadline = started + self.timeout
        for attempt in (1, 2):
            if not self.alive():
                self._kill()
                self.start()
            try:
                return self._convert(feed(), outdir, progress, started, deadline)
            except _Died as died:
                self._kill()
                if attempt == 2:
                    raise ConversionError(died.message(), output=died.output) from None
            except _TimedOut:
                output = self._log()
                self._kill()
                raise ConversionError(
                    f"LibreOffice không phản hồi sau {self.timeout:g} giây; đã dừng LibreOffice",
                    output=output,
                ) from None
            except UnoUnavailableError:
                self._kill()
                raise
        raise AssertionError("unreachable")

    def _send(self, line: str) -> None:
        assert self._client is not None and self._client.stdin is not None
        try:
            self._client.stdin.write(line + "\n")
            self._client.stdin.flush()
        except (BrokenPipeError, ValueError):
            raise _Died(self._log(), None) from None

    def _wait_ready(self, deadline: float, progress: Progress | None, started: float) -> None:
        line = self._next(deadline, progress, started)
        if line.startswith("ERROR NO_UNO"):
            raise UnoUnavailableError(
                f"Chế độ LibreOffice chạy sẵn cần python3-uno ({self.uno_python}): "
                "sudo apt-get install -y python3-uno", output=line,
            )  # fmt: skip
        if line != "READY":  # the client gave up connecting: treated as a start-up failure
            raise _Died(f"{line}\n{self._log()}", None)
        self._ready = True

    def _convert(
        self, sources: Iterator[Path], outdir: Path, progress: Progress | None,
        started: float, deadline: float,
    ) -> list[Path]:  # fmt: skip
        outdir.mkdir(parents=True, exist_ok=True)
        assert self._work is not None
        # inside the work folder: a late LibreOffice writes nowhere else, and close() removes it
        staging = Path(tempfile.mkdtemp(prefix="call-", dir=self._work))
        self._busy = True
        try:
            names: dict[str, Path] = {}  # request id → the PDF it makes
            for source in sources:
                copy = _private_copy(source, staging / "in")
                request = f"{next(self._ids)}"
                names[request] = staging / "out" / f"{copy.stem}.pdf"
                self._send(f"CONVERT {request} {staging / 'out'}\t{copy}")
            if not self._ready:
                self._wait_ready(deadline, progress, started)
            done: set[str] = set()
            while len(done) < len(names):
                kind, _, rest = self._next(deadline, progress, started).partition(" ")
                request, _, detail = rest.partition(" ")
                if request not in names or request in done:
                    continue  # a reply to an earlier request: never this call's
                if kind == "OK":
                    done.add(request)
                elif kind == "ERROR":
                    if self._died_meanwhile():
                        raise _Died(f"{detail}\n{self._log()}", None)
                    raise ConversionError(
                        f"LibreOffice không chuyển được {names[request].stem}.docx sang PDF",
                        output=detail,
                    )
            self._busy = False
            return [_deliver(pdf, outdir, self._log()) for pdf in names.values()]
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def _kill(self) -> None:
        """Stop the client and LibreOffice at once (both process groups), wait until they are
        gone, then free the profile and remove the work folder and LibreOffice's pipes."""
        client, listener = self._client, self._listener
        self._client = self._listener = None
        self._ready = self._busy = False
        for process in (client, listener):
            if process is not None:
                _kill_group(process.pid)
                with contextlib.suppress(OSError):
                    process.kill()
                process.wait()
                if process.stdin is not None:
                    with contextlib.suppress(OSError, ValueError):
                        process.stdin.close()
        self._release(gone=True)

    def _release(self, *, gone: bool) -> None:
        if gone and self._profile_dir is not None:
            _remove_pipes(self._profile_dir, [self._pipe])
        self._profile_dir = None
        if self._profile is not None:
            self._profile.close()
            self._profile = None
        if self._work is not None:
            shutil.rmtree(self._work, ignore_errors=True)
            self._work = None

    def close(self) -> None:
        """Stop the client and LibreOffice.

        With a pooled profile, an idle LibreOffice is asked to quit and left to do so on its own
        (it can take seconds); it holds the profile's lock until it has exited, and removes its
        pipes. One still busy (a call that failed or was interrupted) is killed. With a
        temporary profile, this waits for it (killing it after a few seconds) and removes the
        profile.
        """
        client, listener = self._client, self._listener
        if client is None or listener is None:
            self._kill()
            return
        with contextlib.suppress(OSError, ValueError):
            assert client.stdin is not None
            client.stdin.write("QUIT\n")
            client.stdin.close()
        if self._busy:
            self._kill()
            return
        if self._lock is not None and listener.poll() is None and self._ready:
            self._client = self._listener = None
            self._ready = False
            self._release(gone=False)
            return
        for process, wait in ((client, 2.0), (listener, 5.0)):
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=wait)
        self._kill()


class _TimedOut(Exception):
    pass


class _Died(Exception):
    def __init__(self, output: str, code: int | None) -> None:
        super().__init__("LibreOffice died")
        self.output = output
        self.code = code

    def message(self) -> str:
        if self.code is not None:
            return (
                f"LibreOffice không khởi động được hoặc dừng đột ngột ({_exit_message(self.code)})"
            )
        return "LibreOffice dừng đột ngột khi chuyển đổi"
