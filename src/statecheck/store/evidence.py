"""The reference-series facts of stored evidence, kept once per series rather than per claim.

Every :class:`~statecheck.model.Evidence` a verdict cites repeats what its series says of
itself: the series' id, its publisher, the snapshot of the data and the caveats (a paragraph).
Copied into every claim's ``evidence_json`` they were most of the corpus (about 3.4 KB of a
document's 6.5 KB of evidence, for a 2.3 KB text). The ``evidence_series`` table holds each
distinct set of those facts once; a claim's evidence names the row (``series_id``, see
:func:`statecheck.store.codec.verdict_columns`), and reading a claim puts the facts back.

A new snapshot of the reference data (or edited caveats) makes new rows; the old ones stay, as
the claims checked against them still cite them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from sqlalchemy import Connection, bindparam, insert, select

from statecheck.model import Claim, Evidence
from statecheck.store.schema import evidence_series


class SeriesFacts(NamedTuple):
    """What a series says of itself, the same in every Evidence that cites it."""

    series: str
    source: str
    snapshot: str | None
    caveats: str | None

    @classmethod
    def of(cls, evidence: Evidence) -> SeriesFacts:
        return cls(evidence.series, evidence.source, evidence.snapshot, evidence.caveats)


SeriesIds = Mapping[SeriesFacts, int]
"""``evidence_series.id`` of each set of facts: what writing a claim needs."""
SeriesById = Mapping[int, SeriesFacts]
"""The facts of each ``evidence_series.id``: what reading a claim needs."""

# Built once: save_document runs it for every document with checked claims.
_ROWS_OF_SERIES = select(evidence_series).where(evidence_series.c.series.in_(bindparam("names", expanding=True)))


def series_ids(connection: Connection, claims: Iterable[Claim]) -> dict[SeriesFacts, int]:
    """The ids of the facts the claims' evidence cites, adding the facts not stored yet.

    One lookup per call (a batch's claims cite a handful of series). Nothing is cached
    between calls: a row added in a savepoint that is rolled back must not be cited later.
    """
    # In order of first citation, so that the ids a corpus gives do not depend on how its
    # documents were grouped for writing (one at a time, or a batch's together).
    wanted = list(dict.fromkeys(
        SeriesFacts.of(item) for claim in claims if claim.verdict for item in claim.verdict.evidence
    ))
    if not wanted:
        return {}
    found = {
        _facts(row): row.id
        for row in connection.execute(_ROWS_OF_SERIES, {"names": sorted({facts.series for facts in wanted})})
    }
    for facts in wanted:
        if facts not in found:
            found[facts] = connection.execute(insert(evidence_series), facts._asdict()).inserted_primary_key[0]  # type: ignore[index]
    return found


def series_by_id(connection: Connection) -> dict[int, SeriesFacts]:
    """Every stored set of facts by id (a few rows per series and snapshot of the reference data)."""
    return {row.id: _facts(row) for row in connection.execute(select(evidence_series))}


def _facts(row: object) -> SeriesFacts:
    return SeriesFacts(row.series, row.source, row.snapshot, row.caveats)  # type: ignore[attr-defined]
