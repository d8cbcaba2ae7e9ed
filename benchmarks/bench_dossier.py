"""Benchmark the dossier pipeline against the bare LibreOffice conversion of the same files.

Run: ``.venv/bin/python benchmarks/bench_dossier.py [--runs N]`` (after ``scripts/setup``).

For each example dossier it times, as the median of ``--runs`` runs after one warm-up (the
three conversions interleaved, so that a slow spell of the machine hits them alike):
rendering every part to .docx (in process); the bare ``soffice --headless --convert-to pdf``
of those same .docx files in one call (LibreOffice's own default profile, as a user would run
it); our full ``vnadmin-docs dossier`` command (a new process, as a user would run it, with
LibreOffice started early and driven over UNO); and the same with ``--one-shot``. It prints the ratio of our full command to
the bare conversion (our overhead) and the time per PDF page.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from _timing import interleaved, medians, soffice_or_none
from pypdf import PdfReader

from vnadmin_docs import Context, build_dossier, load_dossier

ROOT = Path(__file__).resolve().parent.parent
DOSSIERS = [
    ROOT / "examples" / n / "ho-so.yaml" for n in ("thanh-tri-2024-2025", "quyet-tien-2023-2024")
]
CLI = Path(sys.executable).with_name("vnadmin-docs")


def bench(source: Path, soffice: str, runs: int) -> str:
    """One row of the table for one dossier input."""
    context = Context()
    dossier = load_dossier(source, context=context)
    with tempfile.TemporaryDirectory() as work:
        w = Path(work)
        [render] = medians(
            interleaved([lambda: build_dossier(dossier, w / "docx", context=context)], runs)
        )
        docx = sorted((w / "docx").glob("*.docx"))

        def bare() -> None:
            shutil.rmtree(w / "bare", ignore_errors=True)
            command = [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(w / "bare")]
            subprocess.run([*command, *map(str, docx)], check=True, capture_output=True)

        def ours(*extra: str) -> Callable[[], object]:
            command = [str(CLI), "dossier", str(source), "-o", str(w / "ours"), *extra]
            return lambda: subprocess.run(command, check=True, capture_output=True)

        bare_s, warm_s, once_s = medians(interleaved([bare, ours(), ours("--one-shot")], runs))
        pages = len(PdfReader(w / "ours" / "ho-so.pdf").pages)
    return (
        f"{source.parent.name:<24}{pages:>6}{render:>8.2f}s{bare_s:>8.2f}s{warm_s:>8.2f}s"
        f"{warm_s / bare_s:>6.2f}×{once_s:>8.2f}s{once_s / bare_s:>6.2f}×"
        f"{warm_s / pages:>10.3f}s{bare_s / pages:>10.3f}s"
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    soffice = soffice_or_none()
    if soffice is None:
        return 1
    print(
        f"{'dossier':<24}{'pages':>6}{'render':>9}{'bare LO':>9}{'ours':>9}{'ratio':>7}"
        f"{'one-shot':>9}{'ratio':>7}{'s/page':>11}{'bare/page':>11}"
    )
    for source in DOSSIERS:
        print(bench(source, soffice, args.runs), flush=True)
    print(
        "ours: the full `vnadmin-docs dossier` command (LibreOffice started early, driven over UNO);"
    )
    print("one-shot: the same with --one-shot (LibreOffice run once, after rendering).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
