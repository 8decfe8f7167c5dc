"""Worker processes with plain tasks: a worker that dies costs only the tasks its pool
held, and a run closed early leaves no worker behind. Real processes."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time

from audio_builder.workers import Pool, run_in_workers

DIES = 5


def nothing() -> None:
    pass


def square_or_die(n: int) -> int:
    if n == DIES:
        os.kill(os.getpid(), signal.SIGKILL)
    return n * n


def quick_then_slow(n: int) -> int:
    if n:
        time.sleep(60)
    return n


def lost(n: int, how: str) -> str:
    return f"lost: {how}"


def test_a_dead_worker_costs_only_the_tasks_its_pool_held():
    results = list(run_in_workers(range(10), Pool(2, nothing, (), square_or_die, lost)))

    done = dict(results)
    assert sorted(n for n, _ in results) == list(range(10))  # each once: the rest went on
    assert done[DIES] == "lost: killed by signal 9 (SIGKILL), out of memory?"
    lost_with_it = {n for n, outcome in done.items() if isinstance(outcome, str)} - {DIES}
    assert len(lost_with_it) <= 1  # at most the one other task its pool held
    assert all(done[n] == n * n for n in set(done) - lost_with_it - {DIES})


def test_closing_a_run_early_stops_its_workers():
    run = run_in_workers(range(4), Pool(2, nothing, (), quick_then_slow, lost))
    assert next(run) == (0, 0)
    workers = multiprocessing.active_children()
    assert len(workers) == 2

    started = time.monotonic()
    run.close()

    assert time.monotonic() - started < 5
    assert not any(worker.is_alive() for worker in workers)
