"""``statecheck ingest``: read, check and store a batch of inputs, one transaction per document."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from statecheck import ingest as reader
from statecheck import pipeline
from statecheck.errors import StatecheckError
from statecheck.options import Options
from statecheck.store.database import Store
from statecheck.store.documents import (
    SaveStatus,
    clear_failure,
    is_unchanged,
    record_failure,
    save_document,
    stored_sha256,
)

if TYPE_CHECKING:
    from statecheck.parallel import Outcome

#: Options are frozen, so one shared default instance is safe.
DEFAULT_OPTIONS = Options()

#: The file types ``ingest`` picks up when it walks a folder (a file named explicitly is always tried).
READABLE_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm", ".pdf", ".docx"})


def expand_inputs(inputs: Iterable[str | Path]) -> Iterator[str]:
    """Paths and URLs as given; folders are walked for readable files in sorted order."""
    for item in inputs:
        text = str(item)
        path = Path(text)
        if "://" not in text and path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in READABLE_SUFFIXES:
                    yield str(child)
        else:
            yield text


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

    Each document is written in its own transaction after it has been checked, so an
    interrupted batch leaves every document stored completely or not at all, and running
    it again picks up where it stopped (unchanged inputs are skipped before extraction).
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
) -> Iterator[IngestResult]:
    """:func:`ingest`, one result at a time in input order, keeping none (memory stays flat).

    ``workers``: processes that read and check (None: one per core; 1: all in this process);
    this process alone writes. ``scheduler``: a Dask scheduler address (or client) to check
    on instead (:mod:`statecheck.cluster`). The corpus stored is the same either way.
    """
    from statecheck.parallel import check_many, resolve_workers

    if scheduler is None and resolve_workers(workers) == 1:
        for location in expand_inputs(inputs):
            yield ingest_one(store, location, options)
        return
    outcomes = check_many(
        expand_inputs(inputs), options, workers=workers, scheduler=scheduler,
        known_sha256=lambda location: stored_sha256(store, location), fingerprint=True,
    )
    for outcome in outcomes:
        yield store_outcome(store, outcome)


def store_outcome(store: Store, outcome: Outcome) -> IngestResult:
    """Store one input checked elsewhere (a worker process, a cluster) as :func:`ingest_one` does."""
    location = outcome.location
    if outcome.unchanged:
        clear_failure(store, location)
        return IngestResult(location, "unchanged")
    if outcome.document is None:
        # The exception stayed in the worker; record_failure needs its class name and reason.
        stand_in = type(outcome.error_type or "Exception", (Exception,), {})(outcome.error_message)
        record_failure(store, location, stand_in)
        if outcome.internal:
            return IngestResult(location, None, error=f"internal error ({outcome.error_type}): {outcome.error_line}")
        return IngestResult(location, None, error=outcome.error_message)
    document = outcome.document
    saved = save_document(store, document, fingerprint=outcome.fingerprint)
    if location != document.source.location:
        clear_failure(store, location)
    return IngestResult(location, saved.status, saved.document_id, saved.version, len(document.claims))


def ingest_one(store: Store, location: str, options: Options = DEFAULT_OPTIONS) -> IngestResult:
    """Read, check and store one input; a failure is recorded in ``failures`` and returned, not raised."""
    try:
        source, text = reader.read(location, options)
        if is_unchanged(store, source.location, source.sha256):
            clear_failure(store, location)  # it failed once since it was stored, and reads again
            return IngestResult(location, "unchanged")
        # The same stages as pipeline.check_path, split so the hash is known before extraction.
        document = pipeline.run_steps(source, text, options)
    except StatecheckError as error:
        record_failure(store, location, error)
        return IngestResult(location, None, error=str(error.message))
    except Exception as error:  # noqa: BLE001 - the batch boundary: record the input and go on
        record_failure(store, location, error)
        return IngestResult(location, None, error=f"internal error ({type(error).__name__}): {error}")
    saved = save_document(store, document)
    if location != source.location:  # the failure was recorded under the name the user gave
        clear_failure(store, location)
    return IngestResult(location, saved.status, saved.document_id, saved.version, len(document.claims))
