"""The report's sections across documents: issuers, demands (the issuer × category matrix),
the co-signature network and copies or translations, made from the documents in the report
(read from files now, or loaded from a corpus) by the in-memory twins of :mod:`statecheck.corpus`."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from statecheck.corpus.drawing import network_svg
from statecheck.corpus.duplicates import MemoryLink, links_between
from statecheck.corpus.matrix import DemandMatrix, matrix_from_documents
from statecheck.corpus.network import Network, network_from_documents, organisations_of
from statecheck.model import Document


@dataclass(frozen=True)
class IssuerRow:
    entity: str
    name: str
    documents: tuple[int, ...]
    """Report numbers of the documents (``#doc-N``)."""
    roles: tuple[str, ...]
    cosigners: tuple[str, ...]
    """Names of the organisations it issued a document with."""


@dataclass(frozen=True)
class ReportViews:
    issuers: tuple[IssuerRow, ...]
    matrix: DemandMatrix
    columns: tuple[int, ...]
    """Indexes of the matrix's categories that any organisation asked for (the others are left out)."""
    categories: tuple[tuple[str, int], ...]
    """Demands per category over every document (any category a demand lists), most first."""
    network: Network
    drawing: str
    """The network as inline SVG ("" when nobody co-signed)."""
    links: tuple[MemoryLink, ...]
    """``a`` and ``b`` are report numbers (``#doc-N``)."""
    names: dict[str, str] = field(hash=False)
    """Entity → name, for the network's edges."""


def anchor(entity: str) -> str:
    """The id of an organisation's row in the report's issuers table."""
    return "org-" + entity


def report_views(documents: Sequence[Document]) -> ReportViews:
    """The cross-document sections of a report whose document N (from 1) is ``documents[N-1]``."""
    numbers: dict[str, list[int]] = defaultdict(list)
    roles: dict[str, set[str]] = defaultdict(set)
    partners: dict[str, set[str]] = defaultdict(set)
    for number, document in enumerate(documents, start=1):
        present = organisations_of(document)
        for issuer in present:
            assert issuer.entity is not None
            numbers[issuer.entity].append(number)
            roles[issuer.entity].add(issuer.role)
            partners[issuer.entity].update(o.entity for o in present if o.entity and o.entity != issuer.entity)
    network = network_from_documents(documents)
    names = {node.entity: node.name for node in network.nodes}
    issuers = tuple(
        IssuerRow(node.entity, node.name, tuple(numbers[node.entity]), tuple(sorted(roles[node.entity])),
                  tuple(sorted((names[p] for p in partners[node.entity]), key=str.casefold)))
        for node in network.nodes
    )
    matrix = matrix_from_documents(documents)
    columns = tuple(i for i in range(len(matrix.categories)) if any(row.counts[i] for row in matrix.rows))
    categories = Counter(c for document in documents for demand in document.demands for c in demand.categories)
    links = tuple(
        MemoryLink(link.a + 1, link.b + 1, link.kind, link.share, link.jaccard) for link in links_between(documents)
    )
    return ReportViews(
        issuers=issuers, matrix=matrix, columns=columns, categories=tuple(categories.most_common()),
        network=network, drawing=network_svg(network, href=lambda entity: "#" + anchor(entity)),
        links=links, names=names,
    )
