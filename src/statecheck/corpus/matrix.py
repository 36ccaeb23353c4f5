"""The issuer × demand-category matrix: which organisations ask for what.

A cell counts the organisation's documents with at least one demand in that category (any of
the categories a demand lists, not only its first): a statement that calls for a ceasefire five
times counts once, so statements of different lengths weigh the same.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from statecheck.corpus.network import ORGANISATION_ROLES, most_used_names, organisations_of
from statecheck.extract.demands import CATEGORIES
from statecheck.model import Document
from statecheck.store.database import Store, database_errors
from statecheck.store.schema import demands, documents, issuers

#: Columns of the matrix: the spec's categories, then ``other``.
MATRIX_CATEGORIES: tuple[str, ...] = (*CATEGORIES, "other")


@dataclass(frozen=True)
class MatrixRow:
    entity: str
    name: str
    documents: int
    """Documents the organisation issued, signed or endorsed (with demands or without)."""
    counts: tuple[int, ...]
    """Documents with a demand of each category, in the order of ``DemandMatrix.categories``."""

    def to_record(self, categories: Sequence[str]) -> dict[str, Any]:
        return {"entity": self.entity, "name": self.name, "documents": self.documents,
                **dict(zip(categories, self.counts))}


@dataclass(frozen=True)
class DemandMatrix:
    categories: tuple[str, ...]
    rows: tuple[MatrixRow, ...]
    """Most documents first."""

    def records(self) -> list[dict[str, Any]]:
        return [row.to_record(self.categories) for row in self.rows]


def _matrix(
    documents_of: dict[str, set[Any]], categories_of: dict[str, dict[str, set[Any]]], names: dict[str, str]
) -> DemandMatrix:
    rows = [
        MatrixRow(entity, names[entity], len(docs),
                  tuple(len(categories_of.get(entity, {}).get(c, ())) for c in MATRIX_CATEGORIES))
        for entity, docs in documents_of.items()
    ]
    rows.sort(key=lambda row: (-row.documents, row.name.casefold()))
    return DemandMatrix(MATRIX_CATEGORIES, tuple(rows))


def _category(name: str) -> str:
    return name if name in MATRIX_CATEGORIES else "other"


def demand_matrix(store: Store) -> DemandMatrix:
    """The matrix over the newest version of every stored document."""
    organisation = (issuers.c.entity.is_not(None), issuers.c.role.in_(ORGANISATION_ROLES),
                    documents.c.is_latest.is_(True))
    documents_of: dict[str, set[int]] = defaultdict(set)
    categories_of: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    spellings: dict[tuple[str, str], int] = defaultdict(int)
    with database_errors(store), store.engine.connect() as connection:
        for entity, name, document_id in connection.execute(
            select(issuers.c.entity, issuers.c.name, issuers.c.document_id)
            .join(documents, documents.c.id == issuers.c.document_id).where(*organisation)
        ):
            documents_of[entity].add(document_id)
            spellings[(entity, name)] += 1
        for entity, document_id, categories_json in connection.execute(
            select(issuers.c.entity, demands.c.document_id, demands.c.categories_json)
            .join(documents, documents.c.id == issuers.c.document_id)
            .join(demands, demands.c.document_id == issuers.c.document_id)
            .where(*organisation)
        ):
            for category in json.loads(categories_json):
                categories_of[entity][_category(category)].add(document_id)
    names = most_used_names((entity, name, uses) for (entity, name), uses in spellings.items())
    return _matrix(documents_of, categories_of, names)


def matrix_from_documents(docs: Iterable[Document]) -> DemandMatrix:
    """The matrix of documents in memory (the report of files)."""
    documents_of: dict[str, set[int]] = defaultdict(set)
    categories_of: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    spellings: dict[tuple[str, str], int] = defaultdict(int)
    for number, document in enumerate(docs):
        for issuer in organisations_of(document):
            assert issuer.entity is not None
            documents_of[issuer.entity].add(number)
            spellings[(issuer.entity, issuer.name)] += 1
            for demand in document.demands:
                for category in demand.categories:
                    categories_of[issuer.entity][_category(category)].add(number)
    names = most_used_names((entity, name, uses) for (entity, name), uses in spellings.items())
    return _matrix(documents_of, categories_of, names)
