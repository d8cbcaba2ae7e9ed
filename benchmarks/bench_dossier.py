"""Benchmark the dossier pipeline against the bare LibreOffice conversion of the same files.

Run: ``.venv/bin/python benchmarks/bench_dossier.py [--runs N]`` (after ``scripts/setup``).

For each example dossier it times, as the median of ``--runs`` runs after one warm-up:
rendering every part to .docx (in process); the bare ``soffice --headless --convert-to pdf``
of those same .docx files in one call (LibreOffice's own default profile, as a user would run
it); our full ``vnadmin-docs dossier`` command (a new process, as a user would run it); and,
if available, the same with the warm LibreOffice. It prints the ratio of our full command to
the bare conversion (our overhead) and the time per PDF page.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader

from vnadmin_docs.build import build_dossier
from vnadmin_docs.convert import find_soffice
from vnadmin_docs.loader import load_dossier

ROOT = Path(__file__).resolve().parent.parent
DOSSIERS = [
    ROOT / "examples" / n / "ho-so.yaml" for n in ("thanh-tri-2024-2025", "quyet-tien-2023-2024")
]
CLI = Path(sys.executable).with_name("vnadmin-docs")


def timed(action: Callable[[], object], runs: int) -> float:
    action()  # warm-up: file caches, LibreOffice's default profile
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    soffice = find_soffice()
    if soffice is None:
        print("LibreOffice is not installed: run scripts/setup", file=sys.stderr)
        return 1
    print(f"{'dossier':<24}{'pages':>6}{'render':>9}{'bare LO':>9}{'ours':>9}{'ratio':>7}"
          f"{'s/page ours':>13}{'s/page bare':>13}")  # fmt: skip
    for source in DOSSIERS:
        ho_so, bo, scorecard = load_dossier(source)
        with tempfile.TemporaryDirectory() as work:
            w = Path(work)
            render = timed(
                lambda: build_dossier(ho_so, bo, scorecard, w / "docx", converter=None), args.runs
            )
            docx = sorted((w / "docx").glob("*.docx"))

            def bare() -> None:
                shutil.rmtree(w / "bare", ignore_errors=True)
                subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(w / "bare"),
                                *map(str, docx)], check=True, capture_output=True)  # fmt: skip

            def ours() -> None:
                subprocess.run([str(CLI), "dossier", str(source), "-o", str(w / "ours")], check=True,
                               capture_output=True)  # fmt: skip

            bare_s = timed(bare, args.runs)
            ours_s = timed(ours, args.runs)
            pages = len(PdfReader(w / "ours" / "ho-so.pdf").pages)
        name = source.parent.name
        print(f"{name:<24}{pages:>6}{render:>8.2f}s{bare_s:>8.2f}s{ours_s:>8.2f}s{ours_s / bare_s:>6.2f}×"
              f"{ours_s / pages:>12.3f}s{bare_s / pages:>12.3f}s")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
