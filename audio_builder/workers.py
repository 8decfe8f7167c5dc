"""Worker processes for a batch. Workers end with the run whatever ends it (a stop
signal, an error, the run itself being killed), and a worker that dies costs only the
tasks its pool held: a fresh pool takes the rest."""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing.process import BaseProcess
from queue import SimpleQueue
from typing import Any, Generic, TypeVar

from audio_builder.atomic import guard_making, no_new_files, remove_unfinished

Task = TypeVar("Task")
Outcome = TypeVar("Outcome")

STOP_GRACE = 10.0  # seconds a stopped worker has to remove its unfinished files
PARENT_POLL = 0.5  # seconds between looks at the parent, where the kernel cannot watch
REAP_POLL = 0.05  # seconds between looks at a stopping worker's exit code
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
_STOPPED = (-signal.SIGTERM, 128 + signal.SIGTERM)  # a worker's end after SIGTERM


@dataclass(frozen=True)
class Pool(Generic[Task, Outcome]):
    """What to run and how: ``start(*start_args)`` once in each worker, ``work(task)`` for
    each task, ``lost(task, how)`` in this process for a task whose worker died."""

    jobs: int
    start: Callable[..., None]
    start_args: tuple[Any, ...]
    work: Callable[[Task], Outcome]
    lost: Callable[[Task, str], Outcome]


def run_in_workers(
    tasks: Iterable[Task], pool: Pool[Task, Outcome]
) -> Iterator[tuple[Task, Outcome]]:
    """Run every task in worker processes, at most ``pool.jobs`` at a time (so a dead
    worker's pool holds no more than it was building), yielding each with its outcome as
    it finishes. Closing the iterator early stops the workers first."""
    queue = deque(tasks)
    while queue:
        yield from _one_pool(queue, pool)


def _one_pool(queue: deque[Task], pool: Pool[Task, Outcome]) -> Iterator[tuple[Task, Outcome]]:
    """Take tasks from ``queue`` until it is empty or a worker dies."""
    before = set(multiprocessing.active_children())
    workers: set[BaseProcess] = set()
    executor = ProcessPoolExecutor(
        pool.jobs,
        mp_context=_context(),
        initializer=_start_worker,
        initargs=(os.getpid(), pool.start, pool.start_args),
    )
    finished: SimpleQueue[Future[Outcome]] = SimpleQueue()
    held: dict[Future[Outcome], Task] = {}
    try:
        while True:
            while queue and len(held) < pool.jobs:
                try:
                    future = executor.submit(pool.work, queue[0])
                except BrokenProcessPool:  # a worker died while idle: a fresh pool goes on
                    break
                held[future] = queue.popleft()
                future.add_done_callback(finished.put)
                workers |= set(multiprocessing.active_children()) - before
            if not held:
                return
            future = finished.get()
            if isinstance(future.exception(), BrokenProcessPool):
                executor.shutdown()  # every held task settled, every worker reaped
                how = _how_it_ended(workers)
                for future, task in held.items():
                    broken = isinstance(future.exception(), BrokenProcessPool)
                    yield task, pool.lost(task, how) if broken else future.result()
                return
            yield held.pop(future), future.result()
    except BaseException:  # a stop signal, an error, or the caller closing early
        executor.shutdown(wait=False, cancel_futures=True)
        _stop(workers)
        raise
    finally:
        executor.shutdown(cancel_futures=True)


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _stop(workers: set[BaseProcess]) -> None:
    """Ask every worker to stop (each removes its unfinished files), then kill the ones
    still there after the grace time."""
    for worker in workers:
        worker.terminate()
    deadline = time.monotonic() + STOP_GRACE
    for worker in workers:
        # The executor's own thread may reap a worker at the same instant, and then this
        # join returns before the exit code is known: look again until it is.
        while worker.exitcode is None and time.monotonic() < deadline:
            worker.join(min(REAP_POLL, max(0.0, deadline - time.monotonic())))
    for worker in workers:
        if worker.is_alive():
            worker.kill()
            worker.join()


def _how_it_ended(workers: set[BaseProcess]) -> str:
    """The dead worker's end, in words. The pool stops the others with SIGTERM, so any
    other end tells more."""
    ends = sorted((w.exitcode for w in workers if w.exitcode), key=lambda end: end in _STOPPED)
    if not ends:
        return "it ended unexpectedly"
    end = -signal.SIGTERM if ends[0] in _STOPPED else ends[0]
    if end > 0:
        return f"exit status {end}"
    likely = ", out of memory?" if -end == getattr(signal, "SIGKILL", None) else ""
    return f"killed by signal {-end} ({signal.Signals(-end).name}){likely}"


def _start_worker(parent: int, start: Callable[..., None], start_args: tuple[Any, ...]) -> None:
    # Ctrl-C and a hang-up reach the whole process group: the parent hears them too and
    # stops its workers itself, with SIGTERM.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    # SIGTERM goes to a thread of its own, blocked everywhere else (threads started from
    # here on inherit the mask): it acts at once, even while this thread spends seconds
    # in the voice's native code, where a Python signal handler would have to wait.
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
    guard_making()
    threading.Thread(target=_end_on_sigterm, name="stop", daemon=True).start()
    _follow(parent)
    start(*start_args)


def _end_on_sigterm() -> None:
    """Remove the files this worker left half-made and end it; it holds nothing else
    worth unwinding for. A file it was renaming into place is whole either way."""
    signal.sigwait({signal.SIGTERM})
    with no_new_files():
        remove_unfinished()
        os._exit(128 + signal.SIGTERM)  # the shell's convention for "ended by signal N"


def _follow(parent: int) -> None:
    """Have this worker get SIGTERM when the run that started it dies, even by SIGKILL,
    which gives the run no chance to stop it. Linux's kernel does it at once, with no
    thread and no polling; elsewhere a thread watches for the parent's pid to change."""
    if not _kernel_follows_parent():
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before anyone watched
        os.kill(os.getpid(), signal.SIGTERM)


def _kernel_follows_parent() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    return libc.prctl(_PR_SET_PDEATHSIG, ctypes.c_ulong(signal.SIGTERM), 0, 0, 0) == 0


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_POLL)
    os.kill(os.getpid(), signal.SIGTERM)
