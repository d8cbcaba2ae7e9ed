"""Benchmark batch dossiers and aggregation at the managing body's scale.

Run: ``.venv/bin/python benchmarks/bench_batch.py [--schools 50] [--results 5000]``.

It generates ``--schools`` dossier inputs (``examples/generate_schools.py``) and times the full
``vnadmin-docs batch`` with 1 and 2 workers (dossiers per minute, speed-up, time per PDF page),
the bare one-call ``soffice --convert-to pdf`` of the same .docx files (time per page), and
``vnadmin-docs aggregate`` over ``--results`` school results, as one CSV and as scorecard JSON files.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

from vnadmin_docs.convert import find_soffice

ROOT = Path(__file__).resolve().parent.parent
CLI = Path(sys.executable).with_name("vnadmin-docs")
sys.path.insert(0, str(ROOT / "examples"))
import generate_schools  # noqa: E402


def run(*args: str) -> float:
    started = time.perf_counter()
    subprocess.run([str(CLI), *args], check=False, capture_output=True)
    return time.perf_counter() - started


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--schools", type=int, default=50)
    parser.add_argument("--results", type=int, default=5000)
    args = parser.parse_args(argv)
    soffice = find_soffice()
    if soffice is None:
        print("LibreOffice is not installed: run scripts/setup", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as work:
        w = Path(work)
        inputs = [str(p) for p in generate_schools.generate(args.schools, w / "schools", seed=1)]
        run(
            "batch", *inputs[:2], "-o", str(w / "warmup"), "--workers", "2"
        )  # fonts, caches, profiles
        times = {}
        for workers in (1, 2):
            times[workers] = run(
                "batch",
                *inputs,
                "-o",
                str(w / f"out{workers}"),
                "--workers",
                str(workers),
                "--force",
            )
        pages = sum(len(PdfReader(p).pages) for p in (w / "out2").glob("*/ho-so.pdf"))
        docx = [str(p) for p in sorted((w / "out2").glob("*/*.docx"))]
        for i, path in enumerate(docx):  # unique names for one soffice call
            shutil.copy(path, w / f"{i:05d}.docx")
        started = time.perf_counter()
        subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(w / "bare"),
                        *sorted(map(str, w.glob("*.docx")))], check=True, capture_output=True)  # fmt: skip
        bare = time.perf_counter() - started
        n = args.schools
        print(f"batch of {n} dossiers ({pages} PDF pages, {len(docx)} .docx parts)")
        for workers, t in times.items():
            print(
                f"  {workers} worker(s): {t:7.1f} s  {60 * n / t:6.1f} dossiers/min  {t / pages:.3f} s/page"
            )
        print(f"  speed-up with 2 workers: {times[1] / times[2]:.2f}×")
        print(
            f"  bare soffice, one call on the same {len(docx)} .docx: {bare:.1f} s  {bare / pages:.3f} s/page"
        )

        rng = random.Random(2)
        with (w / "results.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["don_vi", "cap_hoc", "nhom_1", "nhom_2", "bat_buoc_1", "bat_buoc_2"])
            for i in range(args.results):
                writer.writerow([f"Trường {i}", rng.choice(["Tiểu học", "THCS", "THPT"]),
                                 rng.randint(20, 100), rng.randint(20, 100), "đạt", rng.choice(["đạt"] * 9 + ["chưa đạt"])])  # fmt: skip
        (w / "json").mkdir()
        for i in range(args.results):
            groups = [
                {"code": c, "points": rng.randint(20, 100), "mandatory_met": True}
                for c in ("1", "2")
            ]
            (w / "json" / f"{i}.json").write_text(
                json.dumps({"don_vi": f"Trường {i}", "groups": groups})
            )
        csv_time = run("aggregate", str(w / "results.csv"), "-o", str(w / "agg-csv"), "--docx-only")
        json_files = sorted(map(str, (w / "json").glob("*.json")))
        json_time = run("aggregate", *json_files, "-o", str(w / "agg-json"), "--docx-only")
        print(
            f"aggregation of {args.results} results: one CSV {csv_time:.1f} s; {args.results} JSON files {json_time:.1f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
