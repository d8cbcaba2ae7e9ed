"""Doing a list of jobs in forked processes that take them from one queue (Linux).

An aggregation of thousands of files reads them in more than one process. Fixed shares left
one process waiting for the other (a forked process starts slower: its first writes copy the
pages it shares with its parent), so the jobs are numbered into a pipe and every process,
this one included, takes the next number when it is done with the last; what each did comes
back pickled through a pipe of its own. The job function is inherited by the fork, not
pickled: it may close over anything (the validators and indicator set already built).

>>> map_forked(lambda n: n * n, list(range(10)), workers=1)
[0, 1, 4, 9, 16, 25, 36, 49, 64, 81]
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import signal
import sys
from collections.abc import Callable, Sequence
from typing import Any, Final, TypeVar

__all__ = ["can_fork", "map_forked"]

T = TypeVar("T")
R = TypeVar("R")

_NUMBER: Final = 4  # bytes of a job's number in the queue
_MAX_JOBS: Final = 16_000  # their numbers fit in a pipe's buffer (64 KB) before anyone reads


def can_fork() -> bool:
    """Whether this system forks processes the way :func:`map_forked` needs (Linux)."""
    return sys.platform.startswith("linux") and hasattr(os, "fork")


def map_forked(job: Callable[[T], R], items: Sequence[T], *, workers: int) -> list[R]:
    """``[job(item) for item in items]``, done by this process and ``workers - 1`` forked ones,
    each taking the next item from a shared queue; the results in the order of ``items``. An
    exception in a forked process is raised here; if this process stops, the others are
    killed. One worker, or a system that cannot fork: done here, in order."""
    if workers <= 1 or len(items) <= 1 or not can_fork():
        return [job(item) for item in items]
    if len(items) > _MAX_JOBS:
        raise ValueError(f"at most {_MAX_JOBS} jobs")
    queue, feed = os.pipe()
    os.write(feed, b"".join(k.to_bytes(_NUMBER, "little") for k in range(len(items))))
    os.close(feed)  # an empty queue then reads as its end, in every process
    frozen = gc.get_freeze_count()
    gc.freeze()  # the collector's walks would copy every shared page into each child
    children: list[tuple[int, int]] = []
    try:
        for _ in range(workers - 1):
            children.append(_fork(job, items, queue))
        done = _take(job, items, queue)
        while children:
            done.update(_collect(*children.pop(0)))
    finally:
        for pid, reading in children:  # stopped (an error, Ctrl+C): no process is left behind
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            os.close(reading)
        os.close(queue)
        if not frozen:  # a caller that froze its objects itself keeps them so
            gc.unfreeze()
    return [done[k] for k in range(len(items))]


def _take(job: Callable[[T], R], items: Sequence[T], queue: int) -> dict[int, R]:
    """Jobs from ``queue`` until it is empty, done here: their results by number."""
    done: dict[int, R] = {}
    while len(number := os.read(queue, _NUMBER)) == _NUMBER:
        k = int.from_bytes(number, "little")
        done[k] = job(items[k])
    return done


def _fork(job: Callable[[T], Any], items: Sequence[T], queue: int) -> tuple[int, int]:
    """A forked process taking jobs from ``queue``; its pid and the pipe it answers on."""
    reading, writing = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: work, answer, leave without running the parent's clean-ups
        code = 0
        try:
            os.close(reading)
            try:
                data = pickle.dumps(("ok", _take(job, items, queue)))
            except BaseException as exc:  # handed to the parent, which raises it
                code = 1
                try:
                    data = pickle.dumps(("error", exc))
                except Exception:  # an exception that cannot be pickled
                    data = pickle.dumps(("error", RuntimeError(repr(exc))))
            with os.fdopen(writing, "wb") as pipe:
                pipe.write(data)
        finally:
            os._exit(code)
    os.close(writing)
    return pid, reading


def _collect(pid: int, reading: int) -> dict[int, Any]:
    """What a forked process sent; its exception raised here, as if it had been raised here."""
    try:
        with os.fdopen(reading, "rb") as pipe:
            data = pipe.read()
    finally:
        os.waitpid(pid, 0)
    if not data:
        raise RuntimeError(f"tiến trình {pid} dừng mà không gửi kết quả")
    kind, value = pickle.loads(data)
    if kind == "error":
        raise value
    return dict(value)
