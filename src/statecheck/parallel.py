"""Check many documents on several processes of one machine, results in input order.

``statecheck check``, ``ingest`` and ``report`` all come here (``--workers N``):

* :func:`check_one` is the unit of work: one input read and checked, every failure caught and
  turned into an :class:`Outcome` (the batch boundary), so a bad input never stops a batch and
  every outcome can cross a process boundary (no live exception objects, only strings);
* :func:`map_ordered` runs a function over an iterable on a process pool and yields the
  results **in input order**, with a bounded window of work in flight, so memory stays flat
  however many inputs there are and a slow consumer (a database writer) slows the producers;
* :func:`check_many` is the two together.

With ``workers=1`` everything runs in the calling process, through the same code: the output
of ``--workers 1`` and ``--workers N`` cannot drift apart.

Why ``forkserver`` rather than ``fork``: forking a process that has threads (a database pool,
a Dask client, a progress bar) can deadlock the child, and Python 3.12+ warns about it. The fork
server imports the pipeline once, then forks each worker from that clean process. Workers
receive the caller's environment and working folder when they start, so settings such as
``STATECHECK_DATA_DIR`` and relative paths mean what they mean to the caller.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from statecheck import ingest, pipeline
from statecheck.errors import StatecheckError, UsageError
from statecheck.model import Document
from statecheck.options import Options

if TYPE_CHECKING:  # numpy and datasketch load only where fingerprints are made
    from statecheck.extract.fingerprint import Fingerprint

#: Options are frozen, so one shared default instance is safe.
DEFAULT_OPTIONS = Options()

T = TypeVar("T")
R = TypeVar("R")

#: Documents after which a long run's process is warm: every language's lexicons and patterns
#: that the inputs need are loaded (the benchmark warms up on as many).
SETTLE_AFTER = 30

#: Inputs in flight per worker: enough to keep every worker busy while the caller consumes the
#: results (sending one costs about 0.1 ms, beside a millisecond or more to check it).
IN_FLIGHT_PER_WORKER = 4
#: How long the next result may keep :func:`map_ordered` waiting before it calls ``idle``.
IDLE_SECONDS = 0.5


def default_workers() -> int:
    """The number of cores this process may use (its CPU affinity where the system has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS and Windows have no affinity call
        return max(1, os.cpu_count() or 1)


def resolve_workers(workers: int | None) -> int:
    """``None`` or ``0`` means one worker per core; a negative number is a usage error."""
    if workers is None or workers == 0:
        return default_workers()
    if workers < 0:
        raise UsageError(f"--workers must be a positive number, not {workers}")
    return workers


# --------------------------------------------------------------------------- one input


@dataclass(frozen=True)
class Outcome:
    """What became of one input: a checked document, an unchanged one, or a failure.

    Failures are carried as strings so that an outcome always pickles (an exception from a
    third-party library may not) and reads the same in every process.
    """

    location: str
    document: Document | None = None
    sha256: str | None = None
    """Hash of the bytes read (set for documents and unchanged inputs)."""
    unchanged: bool = False
    """The bytes are those of ``known_sha256``: nothing was extracted."""
    error_type: str | None = None
    """The exception's class name (``InputError``, ``KeyError`` ...) when the input failed."""
    error_message: str | None = None
    """The reason alone, without the location (``StatecheckError.message``, else ``str(error)``)."""
    error_line: str | None = None
    """``str(error)``: for our errors, the location and the reason on one line."""
    internal: bool = False
    """The failure is not a :class:`StatecheckError`: a bug of ours, to be reported."""
    fingerprint: Fingerprint | None = None
    """The text's fingerprint (:mod:`statecheck.extract.fingerprint`), when asked for: ``ingest``
    has the workers make it, so that the one process writing the corpus does not."""

    @property
    def failed(self) -> bool:
        return self.error_type is not None

    @classmethod
    def from_error(cls, location: str, error: BaseException) -> Outcome:
        message = getattr(error, "message", None) if isinstance(error, StatecheckError) else None
        return cls(
            location=location,
            error_type=type(error).__name__,
            error_message=str(message if message is not None else error),
            error_line=str(error),
            internal=not isinstance(error, StatecheckError),
        )

    def describe_error(self) -> str:
        """The one line ``statecheck check`` prints for a failed input (without ``statecheck:``)."""
        if not self.internal:
            return self.error_line or ""
        return f"{self.location}: internal error, please report it ({self.error_type}: {self.error_line})"


def check_one(
    location: str, options: Options = DEFAULT_OPTIONS, known_sha256: str | None = None, *, fingerprint: bool = False
) -> Outcome:
    """Read and check one input; never raises for a bad input.

    ``known_sha256`` is the hash of the stored copy of this location (``ingest``): when the
    bytes read have that hash, the input is reported unchanged and nothing is extracted.
    ``fingerprint``: also make the text's fingerprint (see :attr:`Outcome.fingerprint`).
    """
    try:
        if known_sha256 is None:
            document = pipeline.check_path(location, options)
        else:
            # The stages of pipeline.check_path, split so that the hash is known before extraction.
            source, text = ingest.read(location, options)
            if source.sha256 == known_sha256:
                return Outcome(location, sha256=source.sha256, unchanged=True)
            document = pipeline.run_steps(source, text, options)
        return _checked(location, document, fingerprint)
    except Exception as error:  # noqa: BLE001 - the batch boundary: record the input and go on
        return Outcome.from_error(location, error)


def _checked(location: str, document: Document, fingerprint: bool) -> Outcome:
    made = None
    if fingerprint:
        from statecheck.extract.fingerprint import fingerprint as make_fingerprint

        made = make_fingerprint(document.text.normalised)
    return Outcome(location, document=document, sha256=document.source.sha256, fingerprint=made)


def check_raw(
    location: str,
    raw: bytes,
    sidecar: Mapping[str, Any],
    options: Options = DEFAULT_OPTIONS,
    known_sha256: str | None = None,
    *,
    fingerprint: bool = False,
) -> Outcome:
    """:func:`check_one` for a file whose bytes were read elsewhere (a cluster's client).

    Gives what :func:`check_one` gives for the file ``location`` holding ``raw`` with the
    sidecar metadata ``sidecar``: the same source, the same document, the same failures.
    """
    try:
        if known_sha256 is not None and hashlib.sha256(raw).hexdigest() == known_sha256:
            return Outcome(location, sha256=known_sha256, unchanged=True)
        source, text = ingest.from_bytes(raw, name=location, options=options, meta=sidecar)
        document = pipeline.run_steps(source, text, options)
        return _checked(location, document, fingerprint)
    except Exception as error:  # noqa: BLE001 - the batch boundary
        return Outcome.from_error(location, error)


#: One unit of work: a location and the hash of its stored copy, if any.
Task = tuple[str, "str | None"]


def _check_task(options: Options, fingerprint: bool, task: Task) -> Outcome:
    location, known = task
    return check_one(location, options, known, fingerprint=fingerprint)


def check_many(
    locations: Iterable[str | Path],
    options: Options = DEFAULT_OPTIONS,
    *,
    workers: int | None = 1,
    scheduler: Any = None,
    known_sha256: Callable[[str], str | None] | None = None,
    fingerprint: bool = False,
    idle: Callable[[], None] | None = None,
) -> Iterator[Outcome]:
    """One :class:`Outcome` per location, in input order, checked on ``workers`` processes here,
    or on the Dask cluster at ``scheduler`` (an address or a ``distributed.Client``, see
    :mod:`statecheck.cluster`).

    ``known_sha256(location)``, when given, is asked (in this process, just before the
    location is sent to a worker) for the hash of the stored copy (see :func:`check_one`).
    ``fingerprint``: the workers also make each text's fingerprint (:attr:`Outcome.fingerprint`).
    ``idle()`` is called when the next outcome keeps us waiting (see :func:`map_ordered`).
    """
    if scheduler is not None:
        from statecheck.cluster import cluster_outcomes

        return cluster_outcomes(locations, options, scheduler, known_sha256=known_sha256, fingerprint=fingerprint)
    tasks = ((str(location), known_sha256(str(location)) if known_sha256 else None) for location in locations)
    return map_ordered(partial(_check_task, options, fingerprint), tasks, workers=workers, idle=idle)


# --------------------------------------------------------------------------- the pool


def _start_worker(caller: int, environment: dict[str, str], folder: str, path: list[str]) -> None:
    """Give a new worker the caller's environment, working folder and import path.

    Ctrl-C is the caller's to handle: it stops the workers (see :func:`_stop`); a worker that
    took it too would die mid-document and break the pool. And a worker must not outlive the
    caller: one stuck on an input that never ends (a named pipe) would otherwise stay forever
    when the caller is killed.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with, args=(caller,), name="statecheck-watch-caller", daemon=True).start()
    os.environ.clear()
    os.environ.update(environment)
    try:
        os.chdir(folder)
    except OSError:
        pass  # the caller's folder is gone: absolute paths still work
    sys.path[:] = path


def _exit_with(caller: int) -> None:
    """End this worker once the process ``caller`` is gone (checked every second)."""
    while True:
        time.sleep(1.0)
        if not _alive(caller):
            os._exit(1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # Linux: a process that has exited but not been waited for is a zombie, not alive
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rsplit(b")", 1)[-1].split()[0] != b"Z"
    except OSError:
        return True


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        # Imported once in the fork server, so each worker starts with the pipeline loaded; with
        # "__main__" the caller's script too, which each worker would otherwise run again.
        context.set_forkserver_preload(["__main__", "statecheck.parallel"])
        return context
    return multiprocessing.get_context("spawn")


def map_ordered(
    function: Callable[[T], R], items: Iterable[T], *, workers: int | None = 1, idle: Callable[[], None] | None = None
) -> Iterator[R]:
    """``map(function, items)`` on ``workers`` processes, in input order, a bounded window ahead.

    ``function`` and the items must pickle (a module-level function, or a ``functools.partial``
    of one). Items are read lazily from ``items`` in the calling thread, at most
    :data:`IN_FLIGHT_PER_WORKER` per worker ahead of what has been yielded, so memory stays flat
    and a slow consumer slows the workers rather than piling up results. Each result is yielded
    as soon as it and those before it are done (an item is sent alone, not in a chunk: a slow
    input holds back only what comes after it). With one worker, or a single item, nothing is
    started and ``function`` runs here. ``idle()``, when given, is called (in this thread) once
    the next result has kept us waiting :data:`IDLE_SECONDS`: a writer commits what it holds.
    """
    count = resolve_workers(workers)
    iterator = iter(items)
    if count == 1:
        yield from map(function, iterator)
        return
    head = list(islice(iterator, 2))
    if len(head) < 2:  # not worth a pool
        yield from map(function, head)
        return
    yield from _pooled(function, _prepend(head, iterator), count, idle)


def _prepend(head: list[T], rest: Iterator[T]) -> Iterator[T]:
    yield from head
    yield from rest


def _pooled(
    function: Callable[[T], R], items: Iterator[T], count: int, idle: Callable[[], None] | None = None
) -> Iterator[R]:
    pool = ProcessPoolExecutor(
        max_workers=count,
        mp_context=_context(),
        initializer=_start_worker,
        initargs=(os.getpid(), dict(os.environ), os.getcwd(), list(sys.path)),
    )
    pending: deque[Future[R]] = deque()
    finished = False
    try:
        for item in islice(items, count * IN_FLIGHT_PER_WORKER):
            pending.append(pool.submit(function, item))
        while pending:
            future = pending.popleft()
            if idle is not None:
                try:
                    future.result(timeout=IDLE_SECONDS)
                except TimeoutError:
                    idle()
            result = future.result()
            for item in islice(items, 1):  # keep the window full
                pending.append(pool.submit(function, item))
            yield result
        finished = True
    finally:
        if finished:
            pool.shutdown(wait=True)
        else:
            _stop(pool)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop at once (an error, Ctrl-C, a consumer that stopped reading): drop what has not
    started and end what has, rather than wait for work nobody will read (or for an input that
    never ends, such as a named pipe nobody writes to)."""
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14+
    if terminate is not None:
        terminate()
        pool.shutdown(wait=False, cancel_futures=True)
        return
    # Before 3.14 there is no public way; shutdown() forgets the processes, so take them first.
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=5)


def settle() -> None:
    """Move every object alive now out of the garbage collector's view (:func:`gc.freeze`).

    Once a process is warm, what it holds (modules, lexicons, compiled patterns, reference
    series) is never garbage, yet every full collection scans it: about 60 ms each, a few times
    per thousand documents ingested. A command calls this once its run is warm
    (:func:`settled`); the library's own functions never do, since it changes the whole process.
    """
    gc.collect()  # what is garbage now is collected first, not frozen with the rest
    gc.freeze()


def settled(items: Iterable[T], after: int = SETTLE_AFTER) -> Iterator[T]:
    """``items``, calling :func:`settle` once ``after`` of them have come: the commands' loops
    over their documents (``statecheck check``, ``ingest``) run through it."""
    for count, item in enumerate(items, 1):
        if count == after:
            settle()
        yield item
