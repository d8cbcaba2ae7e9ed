""".docx → PDF conversion with LibreOffice, one process per call (the warm mode is in
:mod:`.warm`; these two are the only modules that run LibreOffice).

All files go through one LibreOffice process (its start-up dominates the cost), in a
profile directory of its own (so parallel runs never lock each other out), under a
timeout. Failures raise :class:`~vnadmin_docs.errors.ConversionError` carrying what
LibreOffice printed. The library never looks for LibreOffice by itself: the caller (the
CLI, at the edge) passes the executable it found.

Every conversion is isolated (both converters): LibreOffice reads private copies of the
.docx files (so another run replacing a file, or LibreOffice's ``.~lock.*#`` file beside it,
never disturbs it), writes into a private folder, and gets ``HOME`` and ``TMPDIR`` inside a
work folder of its own; the PDFs are then moved to ``outdir`` atomically. A LibreOffice that
hangs is killed with its whole process group; the named pipes it leaves in ``/tmp``
(``OSL_PIPE_*``) are removed once it is gone.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Protocol

from .._atomic import atomic_path
from ..errors import ConversionError

__all__ = [
    "INSTALL_HINT",
    "PDFA_FILTER",
    "SOFFICE_ENV",
    "SOFFICE_LOCATIONS",
    "TOC_FONT_FILES",
    "Converter",
    "LibreOfficeConverter",
    "Progress",
    "check_soffice",
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


def _environment(work: Path) -> dict[str, str]:
    """LibreOffice's environment: ``HOME`` and ``TMPDIR`` (its ``lu*.tmp`` folders) inside
    ``work``, which the caller removes."""
    tmp = work / "tmp"
    tmp.mkdir(exist_ok=True)
    return {**os.environ, "HOME": str(work), "TMPDIR": str(tmp), "TMP": str(tmp), "TEMP": str(tmp)}


def _private_copy(source: Path, folder: Path) -> Path:
    """A copy of ``source`` in ``folder`` under the same name: LibreOffice loads this one."""
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / source.name
    if copy.exists():
        raise ConversionError("Các tệp cần chuyển phải có tên khác nhau")
    try:
        shutil.copyfile(source, copy)
    except OSError as exc:
        raise ConversionError(f"Không đọc được {source} ({_reason(exc)})") from None
    return copy


def _reason(exc: OSError) -> str:
    """Why a file could not be used, in Vietnamese."""
    if isinstance(exc, FileNotFoundError):
        return "không tồn tại"
    if isinstance(exc, PermissionError):
        return "không có quyền"
    if isinstance(exc, IsADirectoryError):
        return "là thư mục, không phải tệp"
    return f"lỗi hệ thống số {exc.errno}"


def _deliver(produced: Path, outdir: Path, output: str) -> Path:
    """Move a PDF LibreOffice wrote into ``outdir``, atomically; an empty or missing one is an
    error."""
    if not produced.is_file() or produced.stat().st_size == 0:
        raise ConversionError(f"LibreOffice không tạo được {produced.name}", output=output)
    target = outdir / produced.name
    with atomic_path(target) as tmp:
        shutil.move(produced, tmp)
    return target


def _group_alive(pgid: int) -> bool:
    """Whether a process of group ``pgid`` is still running (zombies do not count)."""
    proc = Path("/proc")
    if not proc.is_dir():
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if len(fields) > 2 and fields[2] == str(pgid) and fields[0] != "Z":
            return True
    return False


def _kill_group(pgid: int, *, wait: float = 5.0) -> None:
    """SIGKILL every process of group ``pgid`` (LibreOffice's launcher and ``soffice.bin``,
    stopped or not) and wait until they are gone, so the profile they held is free."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGKILL)
    until = time.monotonic() + wait
    while _group_alive(pgid) and time.monotonic() < until:
        time.sleep(0.02)


def _pipe_paths(profile: Path, pipes: Sequence[str] = ()) -> list[Path]:
    """The named pipes a LibreOffice with ``profile`` leaves behind when it is killed: its
    single-instance pipe (named after an MD5 of the profile's URL, as LibreOffice writes it:
    bytes in hex without leading zeros) and the ``--accept`` pipes it was given."""
    digest = hashlib.md5(profile.as_uri().encode("utf-16-le"), usedforsecurity=False).digest()
    names = ["SingleOfficeIPC_" + "".join(format(b, "x") for b in digest), *pipes]
    uid = os.getuid()
    return [
        Path(base) / f"OSL_PIPE_{uid}_{name}" for base in ("/tmp", "/var/tmp") for name in names
    ]


def _remove_pipes(profile: Path, pipes: Sequence[str] = ()) -> None:
    """Remove what :func:`_pipe_paths` names (call only once that LibreOffice is gone)."""
    for path in _pipe_paths(profile, pipes):
        with contextlib.suppress(OSError):
            if path.is_socket():
                path.unlink()


def _popen_error(exc: OSError) -> ConversionError:
    return ConversionError(
        f"Không chạy được LibreOffice ({_reason(exc)}). Cài đặt bằng lệnh: {INSTALL_HINT}"
    )


def _exit_message(code: int) -> str:
    if code < 0:
        return f"LibreOffice bị dừng đột ngột (tín hiệu {-code})"
    return f"LibreOffice kết thúc với mã lỗi {code}"


def check_soffice(soffice: str | None) -> str:
    """``soffice`` if it names an existing program, else a :class:`ConversionError` saying
    how to install LibreOffice."""
    if not soffice or not (Path(soffice).is_file() or shutil.which(soffice)):
        raise ConversionError(
            f"Không tìm thấy LibreOffice để chuyển sang PDF. Cài đặt bằng lệnh: {INSTALL_HINT}"
        )
    return soffice


class Converter(Protocol):
    """Converts .docx files to PDF files in ``outdir``; returns the PDFs in input order.

    ``sources`` may be lazy (a generator that renders each file as it is asked for)."""

    def convert(
        self, sources: Iterable[Path], outdir: Path, *, progress: Progress | None = None
    ) -> list[Path]: ...


TOC_FONT_FILES: Final = (
    ("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
     "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf"),
    ("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
     "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf"),
    ("/usr/share/fonts/truetype/msttcorefonts/Times_New_Roman.ttf",
     "/usr/share/fonts/truetype/msttcorefonts/Times_New_Roman_Bold.ttf"),
    (r"C:\Windows\Fonts\times.ttf", r"C:\Windows\Fonts\timesbd.ttf"),
    ("/System/Library/Fonts/Supplemental/Times New Roman.ttf",
     "/System/Library/Fonts/Supplemental/Times New Roman Bold.ttf"),
    ("/Library/Fonts/Times New Roman.ttf", "/Library/Fonts/Times New Roman Bold.ttf"),
)  # fmt: skip
"""Where Liberation Serif or Times New Roman lies on Linux, Windows and macOS, when fontconfig
(``fc-match``, rarely present on Windows and macOS) does not say."""


def find_toc_font(
    files: Sequence[tuple[str, str]] = TOC_FONT_FILES, *, fc_match: str | None = "fc-match"
) -> tuple[Path, Path] | None:
    """Regular and bold TrueType files of a Times-compatible font with Vietnamese coverage
    (Liberation Serif, else Times New Roman), via fontconfig, else the first pair of ``files``
    that exists; for the edge to pass on."""
    found = []
    if fc_match is not None and shutil.which(fc_match) is not None:
        for style in ("", ":bold"):
            for family in ("Liberation Serif", "Times New Roman"):
                result = subprocess.run(
                    [fc_match, "-f", "%{file}\n%{family}", f"{family}{style}"],
                    capture_output=True,
                    text=True,
                    check=False,
                )
                path, _, got = result.stdout.partition("\n")
                if result.returncode == 0 and family in got and path.endswith((".ttf", ".TTF")):
                    found.append(Path(path))
                    break
    if len(found) == 2:
        return found[0], found[1]
    for regular, bold in files:
        if Path(regular).is_file() and Path(bold).is_file():
            return Path(regular), Path(bold)
    return None


SOFFICE_ENV: Final = "VNADMIN_SOFFICE"
"""The environment variable that names the LibreOffice executable outright."""

SOFFICE_LOCATIONS: Final = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)
"""Where LibreOffice's Windows and macOS installers put it, for when it is not on ``PATH`` (they
do not add it). Linux packages put it on ``PATH``."""


def find_soffice(
    candidates: Sequence[str] = ("soffice", "libreoffice"),
    *,
    env: Mapping[str, str] | None = None,
    locations: Sequence[str] = SOFFICE_LOCATIONS,
) -> str | None:
    """Find a LibreOffice executable (for the CLI to call; the library does not): the one
    ``env[VNADMIN_SOFFICE]`` names, else ``candidates`` on ``PATH`` (``env``'s, when given),
    else the first of ``locations`` (and of ``%ProgramFiles%``, ``~/Applications`` from
    ``env``) that exists. ``env`` is the environment the caller read."""
    env = env if env is not None else {}
    if env.get(SOFFICE_ENV):
        return env[SOFFICE_ENV]
    for name in candidates:
        found = shutil.which(name, path=env.get("PATH"))
        if found:
            return found
    extra = [str(Path(env[k]) / "LibreOffice" / "program" / "soffice.exe")
             for k in ("ProgramFiles", "ProgramFiles(x86)", "PROGRAMFILES") if env.get(k)]  # fmt: skip
    if env.get("HOME"):
        extra.append(f"{env['HOME']}/Applications/LibreOffice.app/Contents/MacOS/soffice")
    return next((p for p in (*locations, *extra) if Path(p).is_file()), None)


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
        sources = [Path(s) for s in sources]  # one LibreOffice run needs every file up front
        if not sources:
            return []
        soffice = check_soffice(self.soffice)
        outdir.mkdir(parents=True, exist_ok=True)
        names = [s.stem for s in sources]
        if len(set(names)) != len(names):
            raise ConversionError("Các tệp cần chuyển phải có tên khác nhau")
        with (
            tempfile.TemporaryDirectory(prefix="vnadmin-lo-") as work,
            _profile(self.profiles) as (profile, _),
        ):
            staging = Path(work) / "out"
            copies = [_private_copy(s, Path(work) / "in") for s in sources]
            command = [
                soffice,
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--norestore",
                "--nolockcheck",
                "--nodefault",
                "--convert-to",
                PDFA_FILTER if self.pdfa else "pdf:writer_pdf_Export",
                "--outdir",
                str(staging),
                *map(str, copies),
            ]
            try:
                output = self._run(command, _environment(Path(work)), progress)
            finally:
                _remove_pipes(profile)
            return [_deliver(staging / f"{name}.pdf", outdir, output) for name in names]

    def _run(self, command: list[str], env: Mapping[str, str], progress: Progress | None) -> str:
        try:
            process = subprocess.Popen(
                command,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                errors="replace",
                env=env,
                start_new_session=True,
                stdin=subprocess.DEVNULL,
            )
        except OSError as exc:
            raise _popen_error(exc) from exc
        started = time.monotonic()
        try:
            while True:
                elapsed = time.monotonic() - started
                try:
                    output, _ = process.communicate(
                        timeout=max(0.0, min(1.0, self.timeout - elapsed))
                    )
                    break
                except subprocess.TimeoutExpired:
                    if time.monotonic() - started >= self.timeout:
                        _kill_group(process.pid)
                        output, _ = process.communicate()
                        raise ConversionError(
                            f"LibreOffice không phản hồi sau {self.timeout:g} giây; đã dừng",
                            output=output,
                        ) from None
                    if progress is not None:
                        progress(time.monotonic() - started)
        finally:  # whatever happened (an interrupt too), nothing of this run stays behind
            _kill_group(process.pid)
            if process.poll() is None:
                process.kill()
                process.wait()
        if process.returncode != 0:
            raise ConversionError(_exit_message(process.returncode), output=output)
        return output


def find_uno_python(candidates: Sequence[str] = ("/usr/bin/python3",)) -> str | None:
    """A Python that may have LibreOffice's UNO bindings (the client checks ``import uno``)."""
    return next((c for c in candidates if Path(c).exists()), None)
