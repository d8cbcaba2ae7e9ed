"""What both benchmarks share: finding LibreOffice, and timing actions in interleaved rounds."""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable, Sequence

from vnadmin_docs.pdf.libreoffice import find_soffice


def soffice_or_none() -> str | None:
    """The LibreOffice executable, or ``None`` after telling the user how to install it."""
    soffice = find_soffice()
    if soffice is None:
        print("LibreOffice is not installed: run scripts/setup", file=sys.stderr)
    return soffice


def interleaved(
    actions: Sequence[Callable[[], object]], runs: int, *, warm_up: bool = True
) -> list[list[float]]:
    """The times of each action over ``runs`` rounds that run each once in turn, so that a slow
    spell of this shared machine hits them alike (after one untimed round with ``warm_up``)."""
    samples: list[list[float]] = [[] for _ in actions]
    for round_ in range(runs + warm_up):
        for action, times in zip(actions, samples, strict=True):
            started = time.perf_counter()
            action()
            if round_ or not warm_up:
                times.append(time.perf_counter() - started)
    return samples


def medians(samples: list[list[float]]) -> list[float]:
    return [statistics.median(times) for times in samples]
