"""Worker processes that may die, and signals that stop them.

:func:`run_in_workers` calls a function on each item in a set of worker processes, each fed one
item at a time through its own pipe, and yields the results in input order. A worker that dies
(killed for memory, ``kill -9``, a crash in a C library) fails the one item it was running with a
:class:`WorkerDied`; a new worker takes its place and the rest go on. Workers ignore SIGINT
(Ctrl-C reaches the whole process group: the parent alone decides), die with their parent
(Linux), and may map at most :data:`WORKER_MEMORY` more than they start with, so that most runaway
allocations end as a ``MemoryError`` in the worker rather than as a kill.

:func:`stop_on_signals` turns SIGINT and SIGTERM in the parent into :class:`Interrupted`, raised
where the parent is (or, inside :func:`run_in_workers`, at its next check a fraction of a second
later, never halfway through handing work to a worker); leaving :func:`run_in_workers` for any
reason kills its workers at once. :func:`time_limit` bounds a block's time with SIGALRM.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any

WORKER_MEMORY = 4 * 1024**3  # bytes of address space a worker may add to what it maps when it starts
_POLL = 0.1  # seconds between checks for a signal while waiting on workers


class WorkerDied:
    """The result of an item whose worker process died running it."""

    reason = "worker process died while reading it (out of memory?)"


class Interrupted(BaseException):  # noqa: N818 - like KeyboardInterrupt: not caught by "except Exception"
    """SIGINT or SIGTERM arrived; ``exit_code`` is 128 + the signal number."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        self.exit_code = 128 + signum
        super().__init__(signal.Signals(signum).name)


class _Signals:
    pending: int | None = None  # the signal received, if any
    deferred = 0  # > 0 while the pool's own code runs: the handler only records the signal


def _on_signal(signum: int, frame: Any) -> None:
    _Signals.pending = signum
    if not _Signals.deferred:
        raise Interrupted(signum)


def _check_signals() -> None:
    if _Signals.pending is not None:
        raise Interrupted(_Signals.pending)


@contextlib.contextmanager
def _deferred_signals() -> Iterator[None]:
    _Signals.deferred += 1
    try:
        yield
    finally:
        _Signals.deferred -= 1


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """Inside the block, SIGINT and SIGTERM raise :class:`Interrupted` (main thread only)."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _Signals.pending = None
    saved = {s: signal.signal(s, _on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for s, handler in saved.items():
            signal.signal(s, handler)
        _Signals.pending = None


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back for the block (one file's write and its record): a signal that
    comes meanwhile is handled right after it, so a spec on disk is always counted as done."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    held = {signal.SIGINT, signal.SIGTERM}
    old = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


class TimeLimitExceeded(BaseException):  # noqa: N818 - a BaseException, so that no library's "except Exception" swallows it
    """The block under :func:`time_limit` ran past its seconds."""


def _on_alarm(signum: int, frame: Any) -> None:  # pragma: no cover - signal handler
    raise TimeLimitExceeded


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`TimeLimitExceeded` in the block after ``seconds`` (0: no limit). Uses SIGALRM,
    so it applies in the main thread of a process only; elsewhere the block runs unbounded."""
    import threading

    if seconds <= 0 or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _init_worker(memory: int | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: die with the parent
    if memory:
        with contextlib.suppress(ValueError, OSError, ImportError):
            import resource

            # on top of what the worker already maps: a forked worker inherits its parent's address space
            cap = _address_space() + memory
            soft, hard = resource.getrlimit(resource.RLIMIT_AS)
            if soft == resource.RLIM_INFINITY or soft > cap:
                resource.setrlimit(resource.RLIMIT_AS, (cap if hard == resource.RLIM_INFINITY else min(cap, hard), hard))


def _address_space() -> int:
    """Bytes of address space this process maps now (0 where /proc is not there)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            pages = int(fh.read().split()[0])
    except (OSError, ValueError, IndexError):
        return 0
    return pages * os.sysconf("SC_PAGE_SIZE")


class _Worker:
    """One worker process and its end of a pipe; ``task`` is the index of the item it is running."""

    def __init__(self, fn: Callable[..., Any], memory: int | None) -> None:
        import multiprocessing

        ours, theirs = multiprocessing.Pipe()
        self.proc = multiprocessing.Process(target=_serve, args=(theirs, fn, memory), daemon=True)
        self.proc.start()
        theirs.close()
        self.conn = ours
        self.task: int | None = None

    def send(self, i: int, item: tuple[Any, ...]) -> bool:
        """Hand item ``i`` over; False when the worker is already gone."""
        self.task = i
        pipe = signal.signal(signal.SIGPIPE, signal.SIG_IGN) if hasattr(signal, "SIGPIPE") else None
        try:
            self.conn.send((i, item))
            return True
        except OSError:
            return False
        finally:
            if pipe is not None:
                signal.signal(signal.SIGPIPE, pipe)

    def receive(self) -> Any:
        """The result of its task; a :class:`WorkerDied` when the process died before sending it whole."""
        try:
            _i, res = self.conn.recv()
        except Exception:  # EOF, a broken pipe, half a pickle
            return WorkerDied()
        return res

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.proc.kill()
        with contextlib.suppress(Exception):
            self.proc.join(5)
        self.conn.close()


def _serve(conn: Any, fn: Callable[..., Any], memory: int | None) -> None:
    """A worker's loop: run each item it is sent, send the result back; stop at end of input."""
    _init_worker(memory)
    while True:
        try:
            i, item = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send((i, fn(*item)))
        except BaseException:  # ``fn`` must not raise; if it does, or its result cannot be sent, the
            os._exit(70)  # parent reports this item as a dead worker's, without a traceback here


def run_in_workers(fn: Callable[..., Any], items: Sequence[tuple[Any, ...]], jobs: int,
                   memory: int | None = None) -> Iterator[Any]:
    """``fn(*item)`` for each item in up to ``jobs`` processes, yielded in input order; an item whose
    worker process died running it yields a :class:`WorkerDied`. ``fn`` must not raise. ``memory``:
    bytes of address space each worker may add (default :data:`WORKER_MEMORY`; 0 for no cap)."""
    from multiprocessing.connection import wait

    memory = WORKER_MEMORY if memory is None else memory

    n = len(items)
    results: dict[int, Any] = {}
    queue = list(range(n - 1, -1, -1))  # popped from the end: input order
    workers: list[_Worker] = []
    nxt = 0
    try:
        with _deferred_signals():
            workers = [_Worker(fn, memory) for _ in range(max(1, min(jobs, n)))]
        def dispatch() -> None:
            for k, w in enumerate(workers):
                while w.task is None and queue:
                    i = queue.pop()
                    if not w.send(i, items[i]):  # it died idle: its replacement takes the item
                        w.kill()
                        workers[k] = w = _Worker(fn, memory)
                        queue.append(i)
                        w.task = None

        while nxt < n:
            with _deferred_signals():
                dispatch()
                busy = [w for w in workers if w.task is not None]
                ready = set(wait([w.conn for w in busy] + [w.proc.sentinel for w in busy], timeout=_POLL))
                _check_signals()
                for k, w in enumerate(workers):
                    if w.task is None or (w.conn not in ready and w.proc.sentinel not in ready):
                        continue
                    res = w.receive() if w.conn.poll() else WorkerDied()
                    results[w.task] = res
                    w.task = None
                    if isinstance(res, WorkerDied):
                        w.kill()
                        workers[k] = _Worker(fn, memory)
                dispatch()  # before handing results on: the workers go on while the caller writes
            while nxt in results:
                yield results.pop(nxt)
                nxt += 1
    finally:
        for w in workers:
            w.kill()
