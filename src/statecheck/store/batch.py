"""``statecheck ingest``: read, check and store a batch of inputs.

Inputs are committed together every :data:`BATCH_DOCUMENTS` inputs or :data:`BATCH_SECONDS`:
one commit per document cost SQLite more than storing the document (its full-text index is
written out at every commit). The checked documents of a batch wait in memory and are written
together just before the commit (:func:`~statecheck.store.documents.save_documents`: a few
statements for them all, in a savepoint, so their rows are all there or none are). An input is
reported only once its batch is committed, so what was reported is stored; a batch cut short
(Ctrl-C, a kill) is read again by the next run.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from stat import S_ISREG
from typing import TYPE_CHECKING, Any, Self

from statecheck import ingest as reader
from statecheck import pipeline
from statecheck.errors import StatecheckError
from statecheck.extract.fingerprint import Fingerprint
from statecheck.ingest.inputs import expand_inputs
from statecheck.ingest.read import valid_text
from statecheck.model import Document
from statecheck.options import Options
from statecheck.store.database import Store, database_errors
from statecheck.store.documents import (
    SaveStatus,
    clear_failure,
    is_unchanged,
    latest_versions,
    record_failure,
    save_documents,
    stored_sha256,
)
from statecheck.store.links import CandidateCache

if TYPE_CHECKING:
    from statecheck.parallel import Outcome

#: Options are frozen, so one shared default instance is safe.
DEFAULT_OPTIONS = Options()
BATCH_DOCUMENTS = 50
"""Inputs committed together at most."""
BATCH_SECONDS = 1.0
"""A batch is committed once it is this old, so that a slow stream of inputs still shows up."""
LOOKUP_AHEAD = 256
"""Inputs whose stored hashes are looked up together, before they are read (one query, not 256)."""


@dataclass(frozen=True)
class IngestResult:
    """What happened to one input."""

    location: str
    status: SaveStatus | None
    """None when the input failed (see ``error``)."""
    document_id: int | None = None
    version: int | None = None
    claims: int = 0
    error: str | None = None
    """One line: the reason the input failed."""


@dataclass(frozen=True)
class IngestReport:
    results: tuple[IngestResult, ...] = field(default=())

    def count(self, status: SaveStatus | None) -> int:
        return sum(1 for result in self.results if result.status == status)

    @property
    def failed(self) -> tuple[IngestResult, ...]:
        return tuple(result for result in self.results if result.status is None)


def ingest(
    store: Store,
    inputs: Iterable[str | Path],
    options: Options = DEFAULT_OPTIONS,
    *,
    on_result: Callable[[IngestResult], None] | None = None,
    workers: int | None = 1,
    scheduler: Any = None,
) -> IngestReport:
    """Read, extract, verify and store every input; a failed input is recorded and the batch goes on.

    The checked documents of a batch are written together and committed (see the module
    docstring), so an interrupted batch leaves every document stored completely or not at all,
    and running it again picks up where it stopped (unchanged inputs are skipped before
    extraction).
    ``workers`` and ``scheduler`` are as in :func:`ingest_results`.
    """
    results: list[IngestResult] = []
    for result in ingest_results(store, inputs, options, workers=workers, scheduler=scheduler):
        results.append(result)
        if on_result is not None:
            on_result(result)
    return IngestReport(tuple(results))


def ingest_results(
    store: Store,
    inputs: Iterable[str | Path],
    options: Options = DEFAULT_OPTIONS,
    *,
    workers: int | None = 1,
    scheduler: Any = None,
    commit_every: int = BATCH_DOCUMENTS,
) -> Iterator[IngestResult]:
    """:func:`ingest`, one result at a time in input order, keeping none (memory stays flat).

    ``workers``: processes that read and check (None: one per core; 1: all in this process);
    this process alone writes. ``scheduler``: a Dask scheduler address (or client) to check
    on instead (:mod:`statecheck.cluster`). The corpus stored is the same either way.
    ``commit_every``: inputs committed together (see the module docstring).
    """
    from statecheck.parallel import check_many, resolve_workers

    with Batch(store, documents=commit_every) as batch:
        if scheduler is None and resolve_workers(workers) == 1:
            locations = expand_inputs(inputs)
            while chunk := list(islice(locations, LOOKUP_AHEAD)):
                batch.look_up(chunk)
                for location in chunk:
                    if may_block(location):
                        batch.commit()  # what is done is stored before we wait on a pipe or a server
                    yield from batch.add(_read_and_check(batch, location, options))
        else:
            outcomes = check_many(
                expand_inputs(inputs), options, workers=workers, scheduler=scheduler,
                known_sha256=lambda location: stored_sha256(store, location), fingerprint=True,
                idle=batch.commit,
            )
            for outcome in outcomes:
                yield from batch.add(_stored_outcome(batch, outcome))
        batch.commit()
        yield from batch.take()


def may_block(location: str) -> bool:
    """Whether reading ``location`` may wait on someone else: a URL, a named pipe, a device."""
    if "://" in location:
        return True
    try:
        return not S_ISREG(os.stat(location).st_mode)
    except OSError:
        return False  # it fails at once when read


@dataclass(frozen=True)
class Unsaved:
    """A checked document waiting in a :class:`Batch` to be written."""

    location: str
    """The input's name as the user gave it (its failures are recorded under it)."""
    document: Document
    fingerprint: Fingerprint | None = None


class Batch:
    """One connection whose transaction takes several inputs; see the module docstring.

    Every write of an ingest goes through it, so that the documents waiting to be written are
    written before anything that must see them or come after them.
    """

    def __init__(self, store: Store, *, documents: int = BATCH_DOCUMENTS, seconds: float = BATCH_SECONDS) -> None:
        self.store = store
        self.documents = documents
        self.seconds = seconds
        self.pending: list[IngestResult | Unsaved] = []
        """What happened to the inputs since the last commit, in input order."""
        self.unsaved: set[str] = set()
        """The locations of the documents in ``pending`` not written yet."""
        self.ready: list[IngestResult] = []
        """Results committed and not yet handed out."""
        self.looked_up: dict[str, str | None] = {}
        """The stored hash (None: never stored) of inputs not read yet (:meth:`look_up`)."""
        self.started = time.monotonic()
        self.candidates = CandidateCache()
        """The stored documents that linking has read, kept for the batches after (store.links)."""

    def __enter__(self) -> Self:
        with database_errors(self.store):
            self.connection = self.store.engine.connect()
            self.transaction = self.connection.begin()
        return self

    def add(self, result: IngestResult | Unsaved) -> list[IngestResult]:
        """Take one input's result; hand out the results committed so far (none while the batch fills)."""
        self.pending.append(result)
        if isinstance(result, Unsaved):
            self.unsaved.add(result.document.source.location)
        if len(self.pending) >= self.documents or time.monotonic() - self.started >= self.seconds:
            self.commit()
        return self.take()

    def look_up(self, locations: list[str]) -> None:
        """Find the stored hash of each of the next inputs in one query (:meth:`is_unchanged` uses
        each once: an input that comes again, after this run wrote it, is looked up again)."""
        names = [valid_text(location) for location in locations]  # as Source.location has them (no surrogates)
        with database_errors(self.store):
            latest = latest_versions(self.connection, names)
        self.looked_up = {name: latest[name][2] if name in latest else None for name in names}

    def is_unchanged(self, location: str, sha256: str) -> bool:
        if location in self.unsaved:  # the same input came twice in this batch
            self.write()
        elif location in self.looked_up:
            return self.looked_up.pop(location) == sha256
        return is_unchanged(self.store, location, sha256, connection=self.connection)

    def record_failure(self, location: str, error: BaseException) -> None:
        self.write()  # a document of that location written later would forget this failure
        record_failure(self.store, location, error, connection=self.connection)

    def clear_failure(self, location: str) -> None:
        clear_failure(self.store, location, connection=self.connection)

    def write(self) -> None:
        """Write the documents waiting, in one savepoint: their results become known."""
        waiting = [(n, entry) for n, entry in enumerate(self.pending) if isinstance(entry, Unsaved)]
        if not waiting:
            return
        try:
            saved = save_documents(
                self.store, [entry.document for _, entry in waiting],
                fingerprints=[entry.fingerprint for _, entry in waiting], connection=self.connection,
                candidates=self.candidates,
            )
        except BaseException:
            self.candidates.clear()  # rolled back: the ids of what it read may be given again
            raise
        for (n, entry), result in zip(waiting, saved):
            if entry.location != entry.document.source.location:  # it failed under the name the user gave
                self.clear_failure(entry.location)
            self.pending[n] = IngestResult(
                entry.location, result.status, result.document_id, result.version, len(entry.document.claims)
            )
        self.unsaved.clear()

    def commit(self) -> None:
        """Write what waits and commit; the results are handed out by the next :meth:`add` or :meth:`take`."""
        self.write()
        with database_errors(self.store):
            self.transaction.commit()
            self.transaction = self.connection.begin()
        self.ready.extend(entry for entry in self.pending if isinstance(entry, IngestResult))
        self.pending, self.started = [], time.monotonic()

    def take(self) -> list[IngestResult]:
        ready, self.ready = self.ready, []
        return ready

    def __exit__(self, *exc_info: object) -> None:
        # Leaving without commit() (an exception, Ctrl-C, a generator closed early): what was
        # not committed was not reported either, and the next run reads those inputs again.
        with database_errors(self.store):
            if self.transaction.is_active:
                self.transaction.rollback()
            self.connection.close()


def store_outcome(store: Store, outcome: Outcome) -> IngestResult:
    """Store one input checked elsewhere (a worker process, a cluster) as :func:`ingest_one` does."""
    return _alone(store, lambda batch: _stored_outcome(batch, outcome))


def ingest_one(store: Store, location: str, options: Options = DEFAULT_OPTIONS) -> IngestResult:
    """Read, check and store one input; a failure is recorded in ``failures`` and returned, not raised."""
    return _alone(store, lambda batch: _read_and_check(batch, location, options))


def _alone(store: Store, step: Callable[[Batch], IngestResult | Unsaved]) -> IngestResult:
    """One input in a batch of its own, committed before its result is returned."""
    with Batch(store) as batch:
        batch.add(step(batch))
        batch.commit()
        [result] = batch.take()
    return result


def _stored_outcome(batch: Batch, outcome: Outcome) -> IngestResult | Unsaved:
    location = outcome.location
    if outcome.unchanged:
        batch.clear_failure(location)
        return IngestResult(location, "unchanged")
    if outcome.document is None:
        # The exception stayed in the worker; record_failure needs its class name and reason.
        stand_in = type(outcome.error_type or "Exception", (Exception,), {})(outcome.error_message)
        batch.record_failure(location, stand_in)
        if outcome.internal:
            return IngestResult(location, None, error=f"internal error ({outcome.error_type}): {outcome.error_line}")
        return IngestResult(location, None, error=outcome.error_message)
    return Unsaved(location, outcome.document, outcome.fingerprint)


def _read_and_check(batch: Batch, location: str, options: Options) -> IngestResult | Unsaved:
    try:
        source, text = reader.read(location, options)
        if batch.is_unchanged(source.location, source.sha256):
            batch.clear_failure(location)  # it failed once since it was stored
            return IngestResult(location, "unchanged")
        # The same stages as pipeline.check_path, split so the hash is known before extraction.
        document = pipeline.run_steps(source, text, options)
    except StatecheckError as error:
        batch.record_failure(location, error)
        return IngestResult(location, None, error=str(error.message))
    except Exception as error:  # noqa: BLE001 - the batch boundary: record the input and go on
        batch.record_failure(location, error)
        return IngestResult(location, None, error=f"internal error ({type(error).__name__}): {error}")
    return Unsaved(location, document)
