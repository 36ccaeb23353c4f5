"""An issuer's timeline: their statements in date order, with the figures they gave (and how
each stands against the record) and what they demanded."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from statecheck.corpus.network import most_used_names
from statecheck.model import Claim, Demand
from statecheck.store import codec
from statecheck.store.database import Store, database_errors
from statecheck.store.evidence import series_by_id
from statecheck.store.schema import claims, demands, documents, issuers

#: The most documents a timeline holds (the newest ones): a page, not an export.
MAX_ENTRIES = 1000


@dataclass(frozen=True)
class TimelineEntry:
    document_id: int
    date: str | None
    title: str | None
    location: str
    language: str | None
    role: str
    """The issuer's role in this document: issuer, signatory, endorser or author."""
    claims: tuple[Claim, ...]
    """In the document's order: ``claims[i]`` is ``Document.claims[i]``."""
    demands: tuple[Demand, ...]

    @property
    def label(self) -> str:
        return self.title or self.location

    @property
    def categories(self) -> tuple[str, ...]:
        """The categories of the document's demands, each once, in order of appearance."""
        return tuple(dict.fromkeys(c for demand in self.demands for c in demand.categories))

    def to_record(self) -> dict[str, Any]:
        return {
            "document_id": self.document_id, "date": self.date, "title": self.title, "location": self.location,
            "language": self.language, "role": self.role,
            "claims": [claim.to_record(with_evidence=False) for claim in self.claims],
            "demands": [demand.to_record() for demand in self.demands],
        }


@dataclass(frozen=True)
class Timeline:
    entity: str
    name: str | None
    """The spelling used most often; None when no stored document has this issuer."""
    entries: tuple[TimelineEntry, ...]
    """Oldest first; undated documents last."""
    total: int
    """Documents of the issuer (``entries`` holds at most :data:`MAX_ENTRIES`, the newest)."""


def issuer_documents(connection: Connection, entity: str) -> list[Any]:
    """Rows (id, date, title, location, language, role) of the newest documents with this issuer."""
    rows = connection.execute(
        select(documents.c.id, documents.c.date, documents.c.title, documents.c.location,
               documents.c.language, issuers.c.role, issuers.c.name, issuers.c.position)
        .join(issuers, issuers.c.document_id == documents.c.id)
        .where(issuers.c.entity == entity, documents.c.is_latest.is_(True))
        .order_by(documents.c.id, issuers.c.position)
    ).all()
    first: dict[int, Any] = {}
    for row in rows:  # an issuer named twice in one card (issuer and signatory): its first role
        first.setdefault(row.id, row)
    return list(first.values())


def _children(connection: Connection, ids: Sequence[int]) -> tuple[dict[int, list[Claim]], dict[int, list[Demand]]]:
    found_claims: dict[int, list[Claim]] = defaultdict(list)
    found_demands: dict[int, list[Demand]] = defaultdict(list)
    series = series_by_id(connection)
    for start in range(0, len(ids), 500):  # bounded IN lists
        chunk = list(ids[start : start + 500])
        for row in connection.execute(
            select(claims).where(claims.c.document_id.in_(chunk)).order_by(claims.c.document_id, claims.c.position)
        ).mappings():
            found_claims[row["document_id"]].append(codec.claim_from_row(row, series))
        for row in connection.execute(
            select(demands).where(demands.c.document_id.in_(chunk)).order_by(demands.c.document_id, demands.c.position)
        ).mappings():
            found_demands[row["document_id"]].append(codec.demand_from_row(row))
    return found_claims, found_demands


def issuer_timeline(store: Store, entity: str) -> Timeline:
    """The statements of the issuer ``entity`` (an ``issuers.entity`` key), oldest first."""
    with database_errors(store), store.engine.connect() as connection:
        rows = issuer_documents(connection, entity)
        total = len(rows)
        rows.sort(key=lambda row: (row.date or "", row.id), reverse=True)
        rows = rows[:MAX_ENTRIES]
        found_claims, found_demands = _children(connection, [row.id for row in rows])
    names: dict[str, int] = defaultdict(int)
    for row in rows:
        names[row.name] += 1
    entries = [
        TimelineEntry(row.id, row.date, row.title, row.location, row.language, row.role,
                      tuple(found_claims.get(row.id, ())), tuple(found_demands.get(row.id, ())))
        for row in rows
    ]
    # Oldest first; an undated document has no place in time, so it goes last.
    entries.sort(key=lambda entry: (entry.date is None, entry.date or "", entry.document_id))
    name = most_used_names((entity, n, uses) for n, uses in names.items()).get(entity)
    return Timeline(entity, name, tuple(entries), total)
