"""Map a function over items in forked worker processes, results in the items' order.

Printing (WeasyPrint) takes seconds per document and is independent per document, so the build
spreads it over the machine's cores. Workers are forked: they inherit the loaded corpus, renderer
and printer, so nothing but the results is pickled. Serial for one item or one job (the plugin asks
for one under `mkdocs serve`: its server threads make forking unsafe): the output is the same
either way, as the tests check.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

JOBS_ENV = "KODEETIK_JOBS"
"""Environment variable: number of worker processes (1 = serial); it overrides the plugin's `jobs`
option, so tests and benchmarks can choose without editing mkdocs.yml."""

_task: tuple[Callable, Sequence] | None = None
"""The function and items of the running `fork_map`, inherited by its forked workers."""


def jobs(requested: int | None = None) -> int:
    """How many workers to use: `KODEETIK_JOBS`, else `requested`, else the usable cores."""
    value = os.environ.get(JOBS_ENV, "")
    if value:
        try:
            return max(1, int(value))
        except ValueError:
            raise ValueError(f"{JOBS_ENV}={value!r} is not a number of processes (e.g. 2, or 1 for none)") from None
    if requested is not None:
        return requested
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _run(i: int):
    fn, items = _task
    return fn(items[i])


def fork_map(fn: Callable[[T], R], items: Sequence[T], workers: int | None = None) -> list[R]:
    """`[fn(x) for x in items]`, in `workers` processes (default: `jobs()`) when that can help. An
    exception raised by `fn` is raised here (the pool stops)."""
    global _task
    n = min(jobs() if workers is None else workers, len(items))
    if n <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [fn(x) for x in items]
    _task = (fn, items)
    try:
        with multiprocessing.get_context("fork").Pool(n) as pool:
            return pool.map(_run, range(len(items)), chunksize=1)
    finally:
        _task = None
