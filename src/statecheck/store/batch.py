"""``statecheck ingest``: read, check and store a batch of inputs, one transaction per document."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from statecheck import ingest as reader
from statecheck import pipeline
from statecheck.errors import StatecheckError
from statecheck.options import Options
from statecheck.store.database import Store
from statecheck.store.documents import SaveStatus, clear_failure, is_unchanged, record_failure, save_document

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
) -> IngestReport:
    """Read, extract, verify and store every input; a failed input is recorded and the batch goes on.

    Each document is written in its own transaction after it has been checked, so an
    interrupted batch leaves every document stored completely or not at all, and running
    it again picks up where it stopped (unchanged inputs are skipped before extraction).
    """
    results: list[IngestResult] = []
    for location in expand_inputs(inputs):
        result = ingest_one(store, location, options)
        results.append(result)
        if on_result is not None:
            on_result(result)
    return IngestReport(tuple(results))


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
