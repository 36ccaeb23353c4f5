"""Check documents on a Dask distributed cluster (``statecheck ingest ... --scheduler tcp://HOST:PORT``).

The client (the machine running ``statecheck``) reads each input's bytes and its sidecar and
sends them, a batch at a time, to the cluster; a worker checks the batch and returns one
:class:`~statecheck.parallel.Outcome` per input; the client writes them (to the store, or to
Parquet with :mod:`statecheck.store.parquet`) in input order. Workers need only
``pip install statecheck`` (and the reference data the client uses, see ``docs/scale.md``):
they never see the client's files or its database.

Why a document is never lost nor written twice:

* a task is pure: :func:`check_batch` depends only on its arguments (the bytes, the options),
  so the scheduler may run it again anywhere; when a worker dies, the scheduler reruns the
  tasks it held (Dask's own recovery; ``retries`` also covers an exception in a task);
* the client writes each batch's outcomes once, when it takes that batch's result, in
  submission order; a batch is not resubmitted by us, so it cannot come back twice;
* every failure of one input (unreadable, a bug in an extractor) is caught inside the task
  and comes back as that input's outcome: the other inputs of the batch go on.

Memory stays flat on both sides: at most :data:`BATCHES_PER_THREAD` batches per worker thread
are in flight, and a batch's result is released as soon as it is written.
"""

from __future__ import annotations

import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import count, islice
from pathlib import Path
from typing import Any

from statecheck.errors import StatecheckError, UsageError
from statecheck.ingest import url
from statecheck.ingest.read import read_raw
from statecheck.options import Options
from statecheck.parallel import Outcome, check_one, check_raw

#: A batch holds at most this many bytes of input, or :data:`BATCH_DOCUMENTS` inputs: large
#: enough that the scheduler's overhead per task (about a millisecond) is small beside the
#: work (about half a second at 2 MB/s), small enough to spread over many workers.
BATCH_BYTES = 1 << 20
BATCH_DOCUMENTS = 256
#: Batches in flight per worker thread: one running, the next ones queued beside it.
BATCHES_PER_THREAD = 3
#: Seconds to wait for the scheduler to answer before giving up.
CONNECT_TIMEOUT_S = 30


@dataclass(frozen=True)
class Item:
    """One input as shipped to a worker."""

    location: str
    raw: bytes | None = field(default=None, repr=False)
    """The file's bytes; None for a URL (the worker fetches it) or an input that failed here."""
    sidecar: dict[str, Any] = field(default_factory=dict)
    known_sha256: str | None = None
    failed: Outcome | None = None
    """The client could not read the input: this is its outcome, passed through unchanged."""


def check_batch(items: list[Item], options: Options, fingerprint: bool = False) -> list[Outcome]:
    """Check a batch of inputs on a worker: one outcome per item, in order; never raises for an input."""
    outcomes = []
    for item in items:
        if item.failed is not None:
            outcomes.append(item.failed)
        elif item.raw is None:
            outcomes.append(check_one(item.location, options, item.known_sha256, fingerprint=fingerprint))
        else:
            outcomes.append(
                check_raw(item.location, item.raw, item.sidecar, options, item.known_sha256, fingerprint=fingerprint)
            )
    return outcomes


def prepare(location: str, options: Options, known_sha256: str | None = None) -> Item:
    """Read one input on the client; a file that cannot be read becomes its failure outcome."""
    if url.is_url(location):
        return Item(location, known_sha256=known_sha256)
    try:
        raw, sidecar = read_raw(location, options)
    except Exception as error:  # noqa: BLE001 - the batch boundary, as in check_one
        return Item(location, failed=Outcome.from_error(location, error))
    return Item(location, raw=raw, sidecar=sidecar, known_sha256=known_sha256)


def _batches(items: Iterator[Item], max_bytes: int, max_documents: int) -> Iterator[list[Item]]:
    batch: list[Item] = []
    size = 0
    for item in items:
        batch.append(item)
        size += len(item.raw or b"")
        if size >= max_bytes or len(batch) >= max_documents:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def connect(scheduler: Any) -> tuple[Any, bool]:
    """A Dask client for ``scheduler`` (an address, or a client already made); True if we made it."""
    try:
        from distributed import Client
    except ImportError as error:
        raise UsageError(
            "running on a Dask cluster needs dask[distributed]: pip install 'statecheck[cluster]'"
        ) from error
    if isinstance(scheduler, Client):
        return scheduler, False
    try:
        return Client(str(scheduler), set_as_default=False, timeout=f"{CONNECT_TIMEOUT_S}s"), True  # type: ignore[no-untyped-call,unused-ignore]
    except (OSError, TimeoutError) as error:
        raise StatecheckError(f"cannot reach the Dask scheduler ({error})", location=str(scheduler)) from error


def cluster_outcomes(
    locations: Iterable[str | Path],
    options: Options,
    scheduler: Any,
    *,
    known_sha256: Callable[[str], str | None] | None = None,
    batch_bytes: int = BATCH_BYTES,
    batch_documents: int = BATCH_DOCUMENTS,
    fingerprint: bool = False,
) -> Iterator[Outcome]:
    """One outcome per location, in input order, each checked on the Dask cluster at ``scheduler``.

    ``scheduler`` is an address (``tcp://host:8786``) or a ``distributed.Client``.
    ``known_sha256`` and ``fingerprint`` work as in :func:`statecheck.parallel.check_many`.
    A task checks up to ``batch_documents`` inputs or ``batch_bytes`` bytes of them.
    """
    client, owned = connect(scheduler)
    where = str(scheduler) if owned else str(getattr(client.scheduler, "address", "the Dask cluster"))
    run = uuid.uuid4().hex[:8]
    try:
        items = (
            prepare(str(location), options, known_sha256(str(location)) if known_sha256 else None)
            for location in locations
        )
        batches = _batches(items, batch_bytes, batch_documents)
        pending: deque[Any] = deque()

        def submit(number: int, batch: list[Item]) -> None:
            # retries: an exception in the task itself (a worker out of memory, say); a worker
            # that dies is handled by the scheduler whatever this says.
            pending.append(
                client.submit(
                    check_batch, batch, options, fingerprint, key=f"statecheck-{run}-{number}", retries=2, pure=False
                )
            )

        def top_up() -> None:
            # Asked again each time: workers that join later (an autoscaled cluster) get work too.
            window = max(1, sum(client.nthreads().values())) * BATCHES_PER_THREAD
            for batch in islice(batches, max(0, window - len(pending))):
                submit(next(numbers), batch)

        numbers = count()
        top_up()
        while pending:
            future = pending.popleft()
            try:
                outcomes: list[Outcome] = future.result()
            except Exception as error:  # the cluster gave up on a batch (KilledWorker after retries ...)
                raise StatecheckError(
                    f"the cluster could not check a batch ({type(error).__name__}: {error}); what was written "
                    "before it is complete, run again to go on",
                    location=where,
                ) from error
            future.release()
            top_up()
            yield from outcomes
    finally:
        for future in pending:
            future.cancel()
        if owned:
            client.close()
