"""Latency of a long-running process that keeps one warm LibreOffice across calls.

Run: ``.venv/bin/python benchmarks/bench_warm.py [--calls N]`` (after ``scripts/setup``).

One :class:`~vnadmin_docs.app.context.Context` holds a started
:class:`~vnadmin_docs.pdf.warm.WarmLibreOffice`; :func:`build_dossier_bytes` is called ``N``
times for the same dossier, as a web application would for successive requests. It prints each
call's wall time: the first pays for LibreOffice's start-up (overlapping its rendering) and the
cold template and validator caches, the later ones do not. For comparison, the same calls with
a one-shot :class:`~vnadmin_docs.pdf.libreoffice.LibreOfficeConverter` (a new LibreOffice per
call).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from _timing import soffice_or_none

from vnadmin_docs.app.context import Context
from vnadmin_docs.app.dossier import build_dossier_bytes
from vnadmin_docs.app.loading import load_dossier
from vnadmin_docs.pdf.assemble import TocFont
from vnadmin_docs.pdf.libreoffice import LibreOfficeConverter, find_toc_font, find_uno_python
from vnadmin_docs.pdf.warm import WarmLibreOffice

ROOT = Path(__file__).resolve().parent.parent
DOSSIER = ROOT / "examples" / "quyet-tien-2023-2024" / "ho-so.yaml"


def _calls(context: Context, n: int) -> list[float]:
    times = []
    for _ in range(n):
        started = time.perf_counter()
        dossier = load_dossier(DOSSIER, context=context)
        files = build_dossier_bytes(dossier, context=context)
        times.append(time.perf_counter() - started)
        assert files.pdf is not None and files.pdf.startswith(b"%PDF")
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=6)
    args = parser.parse_args()
    soffice, uno_python, fonts = soffice_or_none(), find_uno_python(), find_toc_font()
    if soffice is None or uno_python is None or fonts is None:
        raise SystemExit("needs LibreOffice, python3-uno and Liberation Serif: run scripts/setup")
    font = TocFont(*fonts)
    with tempfile.TemporaryDirectory() as profiles:
        warm = WarmLibreOffice(soffice, uno_python, profiles=Path(profiles)).start()
        try:
            warm_times = _calls(Context(converter=warm, font=font), args.calls)
        finally:
            warm.close()
        once = LibreOfficeConverter(soffice, profiles=Path(profiles))
        once_times = _calls(Context(converter=once, font=font), args.calls)
    for name, times in (("warm (WarmLibreOffice)", warm_times), ("one-shot", once_times)):
        later = times[1:]
        print(f"{name}: first {times[0]:.2f} s; later: median {statistics.median(later):.2f} s "
              f"(min {min(later):.2f}, max {max(later):.2f}); all: "
              + ", ".join(f"{t:.2f}" for t in times))  # fmt: skip


if __name__ == "__main__":
    main()
