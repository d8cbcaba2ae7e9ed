"""Benchmark batch dossiers and aggregation at the managing body's scale.

Run: ``.venv/bin/python benchmarks/bench_batch.py [--schools 50] [--repeat 3] [--results 5000]
[--dossiers 1000] [--aggregation-only]``.

It generates ``--schools`` dossier inputs (``examples/generate_schools.py``) and times the full
``vnadmin-docs batch`` with 1 and 2 workers, ``--repeat`` times each, interleaved (1, 2, 1, 2…)
so that a slow spell of the machine hits both alike; it prints medians and ranges: dossiers per
minute, the speed-up, time per PDF page. As the reference it times the bare
``soffice --convert-to pdf`` of the same .docx files, in one call and split between two
LibreOffice processes running at once (what LibreOffice itself gains from a second core here).
It reports the CPU time the hypervisor stole from this machine while it ran (``st`` in
``vmstat``): on a shared virtual machine, a run with much steal is slower for reasons of its own.
Last, it times ``vnadmin-docs aggregate`` over ``--results`` school results, as one CSV and as
scorecard JSON files, and over ``--dossiers`` dossier inputs (``examples/generate_schools.py``):
the medians of ``--repeat`` runs of the whole command (a new process: start-up, reading, the
tally, the .docx report), with one reading process and with the command's default
(``--workers``: the CPU count, at most 4), wall-clock and CPU (user + system, the reading
processes included) time, the latter being what a loaded machine does not inflate. The
package's bytecode is compiled first, as an installed wheel has it (this environment sets
``PYTHONDONTWRITEBYTECODE``, so an editable checkout would compile every module on every run).
``--aggregation-only`` skips the batch part.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
CLI = Path(sys.executable).with_name("vnadmin-docs")
sys.path.insert(0, str(ROOT / "examples"))
import generate_schools  # noqa: E402
from _timing import interleaved, soffice_or_none  # noqa: E402


def run(*args: str) -> float:
    started = time.perf_counter()
    subprocess.run([str(CLI), *args], check=False, capture_output=True)
    return time.perf_counter() - started


def run_cpu(*args: str) -> tuple[float, float]:
    """(wall, CPU) seconds of one CLI run; CPU is the child's user + system time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = run(*args)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def aggregation(w: Path, results: int, dossiers: int, repeat: int) -> None:
    """Time ``aggregate`` over ``results`` rows (one CSV), ``results`` scorecard JSON files and
    ``dossiers`` dossier inputs; print medians of ``repeat`` runs."""
    rng = random.Random(2)
    with (w / "results.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["don_vi", "cap_hoc", "nhom_1", "nhom_2", "bat_buoc_1", "bat_buoc_2"])
        for i in range(results):
            writer.writerow([f"Trường {i}", rng.choice(["Tiểu học", "THCS", "THPT"]),
                             rng.randint(20, 100), rng.randint(20, 100), "đạt", rng.choice(["đạt"] * 9 + ["chưa đạt"])])  # fmt: skip
    (w / "json").mkdir(exist_ok=True)
    for i in range(results):
        groups = [
            {"code": c, "points": rng.randint(20, 100), "mandatory_met": True} for c in ("1", "2")
        ]
        (w / "json" / f"{i}.json").write_text(
            json.dumps({"don_vi": f"Trường {i}", "groups": groups})
        )
    inputs = {
        "one CSV": [str(w / "results.csv")],
        f"{results} JSON files": sorted(map(str, (w / "json").glob("*.json"))),
        f"{dossiers} dossier inputs": list(
            map(str, generate_schools.generate(dossiers, w / "dossiers", seed=3))
        ),
    }
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "vnadmin_docs")],
                   check=True)  # fmt: skip
    workers = min(os.cpu_count() or 1, 4)  # the command's default
    print(f"aggregation (vnadmin-docs aggregate … --docx-only, medians of {repeat} runs, "
          f"bytecode compiled as an installed package has it):")  # fmt: skip
    for label, paths in inputs.items():
        counts = sorted({1, workers})
        runs: dict[int, list[tuple[float, float]]] = {n: [] for n in counts}
        for _ in range(repeat):  # interleaved: a slow spell of the machine hits both alike
            for n in counts:
                runs[n].append(run_cpu("aggregate", *paths, "-o", str(w / "agg"), "--docx-only",
                                       "--workers", str(n)))  # fmt: skip
        for n in counts:
            walls = sorted(r[0] for r in runs[n])
            cpu = statistics.median(r[1] for r in runs[n])
            print(f"  {label:<22} --workers {n}  wall {statistics.median(walls):5.2f} s "
                  f"(range {walls[0]:.2f}–{walls[-1]:.2f})  CPU {cpu:5.2f} s")  # fmt: skip


def cpu_ticks() -> tuple[int, int]:
    """(steal, all) jiffies of every CPU so far, from /proc/stat (Linux)."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    except (OSError, ValueError):
        return 0, 0
    return (fields[7] if len(fields) > 7 else 0), sum(fields[:8])


def summary(samples: list[float]) -> str:
    return f"{statistics.median(samples):6.1f} s (range {min(samples):.1f}–{max(samples):.1f})"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--schools", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--results", type=int, default=5000)
    parser.add_argument("--dossiers", type=int, default=1000)
    parser.add_argument("--aggregation-only", action="store_true")
    args = parser.parse_args(argv)
    if args.aggregation_only:
        with tempfile.TemporaryDirectory() as work:
            aggregation(Path(work), args.results, args.dossiers, args.repeat)
        return 0
    soffice = soffice_or_none()
    if soffice is None:
        return 1
    steal_before, total_before = cpu_ticks()
    with tempfile.TemporaryDirectory() as work:
        w = Path(work)
        inputs = [str(p) for p in generate_schools.generate(args.schools, w / "schools", seed=1)]
        run("batch", *inputs[:2], "-o", str(w / "warmup"), "--workers", "2")  # caches, profiles

        def batch(workers: int) -> Callable[[], float]:
            out = str(w / f"out{workers}")
            return lambda: run("batch", *inputs, "-o", out, "--workers", str(workers), "--force")

        times = dict(
            zip((1, 2), interleaved([batch(1), batch(2)], args.repeat, warm_up=False), strict=True)
        )
        pages = sum(len(PdfReader(p).pages) for p in (w / "out2").glob("*/ho-so.pdf"))
        docx = sorted((w / "out2").glob("*/*.docx"))
        halves = [w / "docx-a", w / "docx-b"]
        for half in halves:
            half.mkdir()
        for i, path in enumerate(docx):  # unique names, split in two halves
            shutil.copy(path, halves[i % 2] / f"{i:05d}.docx")

        def soffice_call(files: list[Path], outdir: Path, profile: str) -> subprocess.Popen[bytes]:
            return subprocess.Popen(
                [soffice, f"-env:UserInstallation=file://{w}/{profile}", "--headless",
                 "--convert-to", "pdf", "--outdir", str(outdir), *map(str, files)],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip

        files = [sorted(half.glob("*.docx")) for half in halves]

        def one_process() -> None:
            soffice_call([*files[0], *files[1]], w / "bare", "lo-a").wait()

        def two_processes() -> None:
            running = [soffice_call(files[k], w / f"bare-{k}", f"lo-{'ab'[k]}") for k in (0, 1)]
            for process in running:
                process.wait()

        two_processes()  # warm-up: both profiles created
        bare = dict(
            zip(
                (1, 2),
                interleaved([one_process, two_processes], args.repeat, warm_up=False),
                strict=True,
            )
        )
        steal_after, total_after = cpu_ticks()
        n = args.schools
        print(f"batch of {n} dossiers ({pages} PDF pages, {len(docx)} .docx parts), "
              f"medians of {args.repeat} runs")  # fmt: skip
        for workers, samples in times.items():
            t = statistics.median(samples)
            print(f"  {workers} worker(s): {summary(samples)}  {60 * n / t:6.1f} dossiers/min  "
                  f"{t / pages:.3f} s/page")  # fmt: skip
        speed_up = statistics.median(times[1]) / statistics.median(times[2])
        print(f"  speed-up with 2 workers: {speed_up:.2f}×")
        print(f"  bare soffice on the same {len(docx)} .docx, one process: {summary(bare[1])}  "
              f"{statistics.median(bare[1]) / pages:.3f} s/page")  # fmt: skip
        lo_speed_up = statistics.median(bare[1]) / statistics.median(bare[2])
        print(f"  bare soffice, two processes at once: {summary(bare[2])}  "
              f"(LibreOffice's own speed-up: {lo_speed_up:.2f}×)")  # fmt: skip
        if total_after > total_before:
            steal = 100 * (steal_after - steal_before) / (total_after - total_before)
            print(f"  CPU time stolen by the hypervisor during these runs: {steal:.0f}%")

        aggregation(w, args.results, args.dossiers, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
