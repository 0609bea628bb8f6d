"""The recommender's and the image model's batches, run in worker processes of their own.

One interpreter has one GIL. Under a burst, the Python and small-numpy work of the recommender and the
image model took turns on it with the event loop that talks to Telegram, each waiting on the other: a
1,000-photo polling burst used 1.4 of the 2 cores (BENCHMARKS.md). The workers are forked once the
recommender and the model are loaded, so the index's pages stay shared with this process (copy on
write) instead of being loaded again. A worker that dies (an out-of-memory kill) costs no answer: its
batch and the ones queued behind it run in this process's threads while new workers are forked.
"""

from __future__ import annotations

import ctypes
import functools
import gc
import itertools
import logging
import multiprocessing
import os
import signal
import stat
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

log = logging.getLogger(__name__)

RESTART_PAUSE = 5.0  # at most one new set of workers in this many seconds (a fork costs ~20 ms); threads answer meanwhile
_PR_SET_PDEATHSIG = 1

# What each process computes with, by the key of the ComputeWorkers that set it: forked workers
# inherit the entry, and the functions below find it there (several bots in one test process each
# keep their own).
_loaded: dict[int, tuple[object, object]] = {}
_keys = itertools.count(1)


def suggest_each(key: int, requests: Sequence) -> list:
    """recommender.Recommender.suggest_each, wherever it runs."""
    return _loaded[key][0].suggest_each(requests)


def read_photos(key: int, views: Sequence) -> list:
    """recommender.photo_model.PhotoModel.read, wherever it runs."""
    return _loaded[key][1].read(list(views))


class ComputeWorkers(Executor):
    """An Executor for `suggest_each` and `read_photos` (bound with `.bind`): in `processes` forked
    workers, or, with processes=0 (or no fork on this system), in `fallback`'s threads."""

    def __init__(self, recommender, photo_model, *, processes: int, fallback: Executor, on_restart=None):
        self.key = next(_keys)
        _loaded[self.key] = (recommender, photo_model)
        self._processes = processes if "fork" in multiprocessing.get_all_start_methods() else 0
        self._fallback, self._on_restart = fallback, on_restart
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None
        self._broken_at: float | None = None
        if self._processes:
            self._pool = self._fork()
            if self._pool is None:
                self._broken_at = time.monotonic()

    def bind(self, function: Callable) -> Callable:
        """suggest_each or read_photos for this set of workers' recommender and model."""
        return functools.partial(function, self.key)

    def submit(self, fn, /, *args, **kwargs) -> Future:
        pool = self._current_pool()
        if pool is None:
            return self._fallback.submit(fn, *args, **kwargs)
        try:
            inner = pool.submit(fn, *args, **kwargs)
        except (BrokenProcessPool, RuntimeError):  # broken, or shut down under us by a restart
            self._mark_broken(pool)
            return self._fallback.submit(fn, *args, **kwargs)
        outer: Future = Future()
        inner.add_done_callback(lambda done: self._settle(done, outer, pool, fn, args, kwargs))
        return outer

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        with self._lock:
            pool, self._pool, self._processes = self._pool, None, 0
        if pool is not None:
            pool.shutdown(wait=wait, cancel_futures=cancel_futures)
        _loaded.pop(self.key, None)

    def _settle(self, done: Future, outer: Future, pool, fn, args, kwargs) -> None:
        """Pass the worker's result on; if the worker died, compute it here instead."""
        error = done.exception()
        if isinstance(error, BrokenProcessPool):
            self._mark_broken(pool)
            retry = self._fallback.submit(fn, *args, **kwargs)
            retry.add_done_callback(lambda again: _copy(again, outer))
            return
        _copy(done, outer)

    def _current_pool(self) -> ProcessPoolExecutor | None:
        with self._lock:
            if self._pool is not None or not self._processes:
                return self._pool
            if self._broken_at is not None and time.monotonic() - self._broken_at < RESTART_PAUSE:
                return None
            self._pool = self._fork()
            if self._pool is None:
                self._broken_at = time.monotonic()
            elif self._on_restart is not None:
                self._on_restart()
            return self._pool

    def _mark_broken(self, pool: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._pool is not pool:
                return
            self._pool, self._broken_at = None, time.monotonic()
        log.error("a compute worker died; answering in this process's threads until new workers start")
        pool.shutdown(wait=False, cancel_futures=False)

    def _fork(self) -> ProcessPoolExecutor | None:
        """New workers, or None (the threads answer) when the system refuses them (no memory, no pids)."""
        gc.collect()
        gc.freeze()  # the collector leaves the loaded objects alone, so fewer shared pages get copied
        pool = ProcessPoolExecutor(self._processes, mp_context=multiprocessing.get_context("fork"),
                                   initializer=_worker_started, initargs=(os.getpid(),))
        try:
            pool.submit(_ready).result(timeout=60)  # fork now, from this thread (see _worker_started)
        except (OSError, BrokenProcessPool, TimeoutError) as error:
            log.error("could not start compute workers (%s); computing in this process's threads", error)
            pool.shutdown(wait=False, cancel_futures=True)
            return None
        log.info("%d compute workers started: %s", self._processes, sorted(pool._processes))
        return pool


def _copy(source: Future, target: Future) -> None:
    if target.set_running_or_notify_cancel():
        error = source.exception()
        if error is not None:
            target.set_exception(error)
        else:
            target.set_result(source.result())


def _ready() -> bool:
    return True


def _worker_started(parent: int) -> None:
    """In a new worker: die with the bot, leave stopping to it, hold none of its connections.

    A Ctrl-C, or a SIGTERM sent to the whole group (systemd, Heroku), reaches the workers too; the
    bot answers the photos in flight before it stops them, so they ignore both. PR_SET_PDEATHSIG
    kills them when the thread that forked them ends: the bot's main thread, which forks them.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    try:
        signal.set_wakeup_fd(-1)  # the bot's event loop's, inherited
    except ValueError:
        pass
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the pool's own checks remain
        pass
    if os.getppid() != parent:  # the bot died before prctl took effect
        os._exit(0)
    _close_inherited_sockets()


def _close_inherited_sockets() -> None:
    """The bot's connections (Telegram, Redis, Azure) stay the bot's: a copy held open here would
    keep them open after the bot closes them. The pool talks over pipes, which stay."""
    for name in os.listdir("/proc/self/fd") if os.path.isdir("/proc/self/fd") else ():
        try:
            descriptor = int(name)
            if stat.S_ISSOCK(os.fstat(descriptor).st_mode):
                os.close(descriptor)
        except (ValueError, OSError):
            continue
