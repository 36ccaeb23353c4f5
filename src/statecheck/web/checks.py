"""Checks sent to the web app (the check form, ``POST /api/check``): bounded in number and time.

A check is the CLI's work on one input, under the same :class:`~statecheck.options.Limits`
(the size, character, page and per-stage time limits apply inside), plus two bounds of the
web's own:

* **a hard deadline**: each check runs in a worker process; one that has not answered within
  ``timeout`` seconds is killed (SIGKILL) and the request gets a :class:`CheckTimeout` (422).
  What no cooperative limit can stop (a parser inside one PDF page, the card of a huge text)
  cannot outlive its request, and it does not hold the server's GIL while it runs;
* **at most ``concurrency`` checks at once**: one more is refused at once with
  :class:`ServerBusy` (503 with ``Retry-After``), not queued behind work that may take minutes.

Workers are started when first needed (from a fork server where there is one, so each starts
with the pipeline imported), kept for the next check, and stopped with the app. A worker gets
the server's environment and working folder when it starts, as ``--workers`` processes do.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from statecheck import errors
from statecheck.errors import LimitError, StatecheckError

#: Seconds a refused client is told to wait (``Retry-After``).
RETRY_AFTER = 5
#: Seconds a new worker may take to start and warm up (imports, lexicons, the reference series)
#: before its first check; the check's own deadline starts after that.
START_SECONDS = 120.0


class CheckTimeout(LimitError):
    """A check did not finish within the web app's deadline (it was stopped)."""


class ServerBusy(StatecheckError):
    """Every check slot is taken."""

    retry_after = RETRY_AFTER


class WorkerDied(Exception):
    """A worker ended without answering (killed from outside, out of memory): our problem, a 500."""


class CheckRunner:
    """Runs ``function(*args)`` in a worker process, at most ``concurrency`` at once, each for at
    most ``timeout`` seconds. :meth:`run` blocks: call it from a thread (``run_in_threadpool``)."""

    def __init__(self, *, concurrency: int, timeout: float) -> None:
        if concurrency < 1:
            raise ValueError("concurrency must be at least 1")
        self.concurrency = concurrency
        self.timeout = timeout
        self._slots = threading.BoundedSemaphore(concurrency)
        self._idle: list[_Worker] = []
        self._lock = threading.Lock()
        self.running = 0
        """Checks running now."""

    def run(self, function: Callable[..., Any], *args: Any) -> Any:
        """The result of ``function(*args)`` (both must pickle), or the :class:`StatecheckError` it raised.

        Raises :class:`ServerBusy` when ``concurrency`` checks are running, :class:`CheckTimeout`
        after ``timeout`` seconds (the worker is killed), :class:`WorkerDied` if the worker ends.
        """
        if not self._slots.acquire(blocking=False):
            raise ServerBusy(f"the server is checking {self.concurrency} texts already; try again in a few seconds")
        with self._lock:
            self.running += 1
        try:
            worker = self._take()
            try:
                outcome = worker.call(function, args, self.timeout)
            except BaseException:
                worker.kill()
                raise
            self._give_back(worker)
        finally:
            with self._lock:
                self.running -= 1
            self._slots.release()
        return _result(outcome)

    def warm(self) -> None:
        """Start a worker now, in the background, so that the first check does not wait for one."""

        def start() -> None:
            worker = _Worker()
            try:
                worker.wait_ready()
            except WorkerDied:
                worker.kill()
                return
            self._give_back(worker)

        threading.Thread(target=start, name="statecheck-warm-check-worker", daemon=True).start()

    def _take(self) -> _Worker:
        with self._lock:
            while self._idle:
                worker = self._idle.pop()
                if worker.alive():
                    return worker
                worker.kill()
        return _Worker()

    def _give_back(self, worker: _Worker) -> None:
        with self._lock:
            if len(self._idle) >= self.concurrency:
                worker.kill()
            else:
                self._idle.append(worker)

    def close(self) -> None:
        """Stop the idle workers (the app is stopping). A check still running keeps its worker
        until it ends; a check after this starts a new one."""
        with self._lock:
            idle, self._idle = self._idle, []
        for worker in idle:
            worker.kill()

    def workers(self) -> list[int]:
        """The process ids of the idle workers (for tests)."""
        with self._lock:
            return [worker.process.pid for worker in self._idle if worker.process.pid is not None]


# --------------------------------------------------------------------------- one worker


def _context() -> Any:
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["statecheck.web.checks", "statecheck.pipeline"])
        return context
    return multiprocessing.get_context("spawn")


class _Worker:
    def __init__(self) -> None:
        context = _context()
        self.connection, child = context.Pipe()
        self.process = context.Process(
            target=_serve,
            args=(child, os.getpid(), dict(os.environ), os.getcwd(), list(sys.path)),
            name="statecheck-web-check",
            daemon=True,
        )
        self.process.start()
        child.close()
        self.ready = False

    def alive(self) -> bool:
        return bool(self.process.is_alive())

    def call(self, function: Callable[..., Any], args: tuple[Any, ...], timeout: float) -> tuple[Any, ...]:
        self.wait_ready()  # the cost of starting is the server's, not the input's
        try:
            started = time.monotonic()
            self.connection.send((function, args))
            if not self.connection.poll(timeout):
                raise CheckTimeout(
                    f"checking took longer than {timeout:g} s, the server's limit for one check "
                    f"(Limits.max_seconds); it was stopped after {time.monotonic() - started:.1f} s"
                )
            return self.connection.recv()  # type: ignore[no-any-return]
        except (EOFError, OSError) as error:
            raise WorkerDied(f"the check's worker process ended without an answer ({error!r})") from None

    def wait_ready(self) -> None:
        if self.ready:
            return
        try:
            if not self.connection.poll(START_SECONDS):
                raise WorkerDied(f"the check's worker process did not start within {START_SECONDS:g} s")
            self.connection.recv()
        except (EOFError, OSError) as error:
            raise WorkerDied(f"the check's worker process ended as it started ({error!r})") from None
        self.ready = True

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.connection.close()


def _result(outcome: tuple[Any, ...]) -> Any:
    if outcome[0] == "ok":
        return outcome[1]
    if outcome[0] == "error":
        _, kind, message, location = outcome
        cls = getattr(errors, kind, None)
        if not (isinstance(cls, type) and issubclass(cls, StatecheckError)):
            cls = StatecheckError
        raise cls(message, location=location)
    raise WorkerDied(f"the check failed in its worker: {outcome[1]}")


def _serve(connection: Any, caller: int, environment: dict[str, str], folder: str, path: list[str]) -> None:
    """A worker's life: take a call, answer it, until the app closes the pipe or the app is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's; it stops us
    threading.Thread(target=_exit_with, args=(caller,), daemon=True).start()
    os.environ.clear()
    os.environ.update(environment)
    try:
        os.chdir(folder)
    except OSError:
        pass
    sys.path[:] = path
    _warm_up()
    connection.send(("ready",))
    while True:
        try:
            function, args = connection.recv()
        except (EOFError, OSError):
            return
        try:
            outcome: tuple[Any, ...] = ("ok", function(*args))
        except StatecheckError as error:
            outcome = ("error", type(error).__name__, error.message, error.location)
        except MemoryError:
            outcome = ("error", "LimitError", "checking it needed more memory than the server has", None)
        except Exception as error:  # noqa: BLE001 - our bug: a server error, no traceback to the client
            outcome = ("bug", f"{type(error).__name__}: {error}")
        connection.send(outcome)


def _warm_up() -> None:
    """Load what every check needs (the web modules, lexicons, compiled patterns, reference
    series) with a one-sentence text, so that a check's deadline measures the check."""
    try:
        import statecheck.web.api  # noqa: F401  (the functions a check calls are pickled by name)
        from statecheck import pipeline
        from statecheck.options import Options

        pipeline.check_text("In Gaza, 1,200 people were killed and 3,400 injured, the ministry said on "
                            "7 November 2023. We demand a ceasefire.", Options())
    except Exception:  # noqa: BLE001, S110 - a warm-up only; the real check reports its own errors
        pass


def _exit_with(caller: int) -> None:
    """End this worker once the server process is gone (a fork server's children are not its own)."""
    while True:
        time.sleep(1.0)
        try:
            os.kill(caller, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:
            pass


__all__ = ["CheckRunner", "CheckTimeout", "ServerBusy", "WorkerDied"]
