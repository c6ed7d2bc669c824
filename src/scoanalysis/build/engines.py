"""Where a build's work runs: one process, N processes or a Dask cluster, all behind one Executor.

Each engine is a `concurrent.futures.Executor`: `InProcessExecutor` (this process,
each task run when its result is first asked for), `ProcessPoolExecutor` (`jobs`
processes), or a Dask client's executor (``Client.get_executor``). `Workers` wraps
the build's executor, so the build submits tasks and maps partitions the same way
whichever it has; the process engine's memory handling lives there too (fresh
spawned processes for the corpus-level steps, stopping them once those are done).
`open_workers` picks the engine by name and closes it after.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import logging
from typing import Callable, Iterator

from ..exceptions import ParameterError
from . import partitions

#: The engines a build can run on (``build(engine=...)``); "process" with jobs=1 is this process.
ENGINES = ("process", "dask")


class _Deferred(cf.Future):
    """A task of `InProcessExecutor`: run in this process when its result (or exception) is first asked for."""

    def __init__(self, fn, args: tuple, kwargs: dict):
        super().__init__()
        self._call: tuple | None = (fn, args, kwargs)

    def _run(self) -> None:
        if self._call is None:
            return
        fn, args, kwargs = self._call
        self._call = None
        if not self.set_running_or_notify_cancel():  # cancelled before it ran
            return
        try:
            self.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # raised on every call of result(), as a worker's future does
            self.set_exception(exc)

    def result(self, timeout=None):
        self._run()
        return super().result(timeout)

    def exception(self, timeout=None):
        self._run()
        return super().exception(timeout)


class InProcessExecutor(cf.Executor):
    """An Executor that runs each task in this process, when its future's result is first asked for.

    So a one-process build does its work in the order it asks for the results (a
    partition at a time as the build takes them; a corpus-level step when its table is
    needed), as the process and Dask engines do it as workers come free.
    """

    def __init__(self):
        self._shut = False

    def submit(self, fn, /, *args, **kwargs) -> cf.Future:
        """Return a future of fn(*args, **kwargs), run when its result is first asked for."""
        if self._shut:
            raise RuntimeError("cannot schedule new futures after shutdown")
        return _Deferred(fn, args, kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Take no more tasks (those submitted still run when their results are asked for)."""
        self._shut = True


class Workers(cf.Executor):
    """The build's executor, with the process engine's memory handling: `renew` and `release`.

    `executor` runs the tasks; `settings` is what `map_partitions` hands every partition
    for the build's settings (the settings, or a stand-in the worker resolves: see
    `open_workers`); `fresh` (the process engine only) makes the executor `renew` starts
    for the corpus-level steps. Without `fresh`, `renew` and `release` do nothing.
    """

    def __init__(self, executor: cf.Executor, *, settings, fresh: Callable[[], cf.Executor] | None = None):
        self.executor, self.settings, self._fresh = executor, settings, fresh

    def submit(self, fn, /, *args, **kwargs) -> cf.Future:
        """Return a future of fn(*args, **kwargs) (`fn` a module-level function: it may run in another process)."""
        return self.executor.submit(fn, *args, **kwargs)

    def map_partitions(self, chunks: list) -> Iterator[partitions.Partition]:
        """Yield partitions.analyse_partition of every chunk (its index, its entries), in chunk order."""
        return self.executor.map(_analyse, range(len(chunks)), chunks, [self.settings] * len(chunks))

    def renew(self) -> None:
        """Hand the next tasks to new worker processes, started afresh (the process engine; else nothing).

        Called between the partitions and the corpus-level steps: a worker that analysed
        partitions keeps their caches and its heap (about 290 MB a worker at 100,000
        articles, against 200 for a new one), which the corpus-level steps would add to.
        The new processes are spawned, not forked, so they share nothing of this one's
        memory, nor the build's settings: `map_partitions` is not for after it. A Dask
        cluster's workers are left as they are: they may not be this build's to restart.
        """
        if self._fresh is not None:
            self.executor.shutdown(wait=True)
            self.executor = self._fresh()

    def release(self, futures) -> bool:
        """Stop the worker processes if every one of `futures` is done; return whether they were stopped.

        The process engine only. An idle worker keeps what its heap grew to in the
        corpus-level steps (about 375 MB each at 100,000 articles) while this process
        goes on summing the summaries; when a step is still running, nothing is stopped.
        """
        if self._fresh is None or not all(f.done() for f in futures):
            return False
        self.executor.shutdown(wait=True)
        return True

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Stop the executor (with `cancel_futures`, the tasks not yet started are not run)."""
        if cancel_futures:
            self.executor.shutdown(wait=wait, cancel_futures=True)
        else:
            self.executor.shutdown(wait=wait)


class _Installed:
    """Stands for the settings a worker process was started with (`_install`): what its partitions get."""


_INSTALLED: partitions.Settings | None = None


def _install(settings: partitions.Settings) -> None:
    """Keep the build's settings in a worker process (sent once, not with every partition)."""
    global _INSTALLED
    _INSTALLED = settings


def _analyse(index: int, entries: list, settings) -> partitions.Partition:
    """Return partitions.analyse_partition(index, entries, settings), `settings` resolved in a worker process."""
    return partitions.analyse_partition(index, entries, _INSTALLED if isinstance(settings, _Installed) else settings)


@contextlib.contextmanager
def open_workers(settings: partitions.Settings, *, jobs: int, engine: str, scheduler: str | None):
    """Yield the build's Workers: this process (jobs=1), `jobs` processes, or a Dask cluster; close them after.

    `engine` is one of ENGINES (the build checks it before it starts).
    The process engine sends `settings` to each process once, as it starts; Dask
    scatters them to every worker once; this process hands them over as they are.
    On a failure, the tasks not yet started are not run.
    """
    if engine == "dask":
        with _dask(settings, jobs=jobs, scheduler=scheduler) as workers:
            yield workers
    elif jobs <= 1:
        yield Workers(InProcessExecutor(), settings=settings)
    else:
        with _processes(settings, jobs=jobs) as workers:
            yield workers


@contextlib.contextmanager
def _processes(settings: partitions.Settings, *, jobs: int):
    import multiprocessing

    fresh = lambda: cf.ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"))  # noqa: E731
    workers = Workers(cf.ProcessPoolExecutor(max_workers=jobs, initializer=_install, initargs=(settings,)),
                      settings=_Installed(), fresh=fresh)
    try:
        yield workers
    except BaseException:  # a failed partition or step: the queued tasks are not run
        workers.shutdown(wait=True, cancel_futures=True)
        raise
    workers.shutdown(wait=True)


@contextlib.contextmanager
def _dask(settings: partitions.Settings, *, jobs: int, scheduler: str | None):
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - dask is a dependency
        raise ParameterError("--engine dask needs dask.distributed; install the package's dependencies.") from None
    cluster = None
    if scheduler:
        client = Client(scheduler, timeout="30s")
    else:
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=logging.ERROR)
        client = Client(cluster)
    try:
        shared = client.scatter([settings], broadcast=True)[0]
        yield Workers(client.get_executor(pure=False), settings=shared)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
