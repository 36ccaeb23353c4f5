"""The co-signature network: organisations as nodes, documents they issued together as edges.

Two organisations are joined when they issue, sign or endorse the same document (an author,
a person writing for an organisation, is not a node); the edge's weight is the number of such
documents. Every spelling of an organisation is one node (``issuers.entity``, made by
:func:`statecheck.extract.issuers.entity_key`).

From a corpus the counts are made by the database (a self-join of ``issuers`` grouped by the
pair), so the network of a million documents is one query; from documents in memory (the
report of files) by :func:`network_from_documents`. Either exports as GraphML (read by Gephi,
Cytoscape, networkx, igraph) or as JSON (``{"nodes": [...], "edges": [...]}``, the node-link
shape of d3 and networkx).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from sqlalchemy import and_, func, select

from statecheck.extract.issuers import entity_key, looks_like_acronym
from statecheck.model import Document, Issuer
from statecheck.store.database import Store, database_errors
from statecheck.store.schema import documents, issuers

#: Roles that make an organisation a node: it speaks in the document. An ``author`` is a
#: person who wrote it.
ORGANISATION_ROLES: tuple[str, ...] = ("issuer", "signatory", "endorser")


@dataclass(frozen=True)
class Node:
    entity: str
    name: str
    """The spelling used most often."""
    documents: int
    """Documents the organisation issued, signed or endorsed."""


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    """Entity keys, ``source < target``."""
    weight: int
    """Documents the two issued together."""


@dataclass(frozen=True)
class Network:
    nodes: tuple[Node, ...]
    """Most documents first."""
    edges: tuple[Edge, ...]
    """Heaviest first."""

    def degree(self) -> dict[str, int]:
        """Entity → the number of documents it co-signed with others, summed over its edges."""
        found: Counter[str] = Counter()
        for edge in self.edges:
            found[edge.source] += edge.weight
            found[edge.target] += edge.weight
        return dict(found)


def most_used_names(rows: Iterable[tuple[str, str, int]]) -> dict[str, str]:
    """Entity → the spelling to show, from ``(entity, name, uses)`` rows: a written-out name over
    an acronym ("Red Sun Collective" over "RSC"), then the one used most, then the longer."""
    best: dict[str, tuple[bool, int, int, str]] = {}
    for entity, name, uses in rows:
        rank = (not looks_like_acronym(name), uses, len(name), name)
        if entity not in best or rank > best[entity]:
            best[entity] = rank
    return {entity: rank[3] for entity, rank in best.items()}


def cosignature_network(store: Store, *, min_weight: int = 1) -> Network:
    """The network of the newest version of every stored document; edges lighter than
    ``min_weight`` are left out (their nodes stay)."""
    organisations = (
        select(issuers.c.document_id, issuers.c.entity, issuers.c.name)
        .join(documents, documents.c.id == issuers.c.document_id)
        .where(documents.c.is_latest.is_(True), issuers.c.entity.is_not(None),
               issuers.c.role.in_(ORGANISATION_ROLES))
        .subquery()
    )
    left, right = organisations.alias("left_org"), organisations.alias("right_org")
    weight = func.count(func.distinct(left.c.document_id)).label("weight")
    with database_errors(store), store.engine.connect() as connection:
        names = most_used_names(
            connection.execute(
                select(organisations.c.entity, organisations.c.name, func.count())
                .group_by(organisations.c.entity, organisations.c.name)
            ).all()
        )
        counts: dict[str, int] = dict(
            connection.execute(
                select(organisations.c.entity, func.count(func.distinct(organisations.c.document_id)))
                .group_by(organisations.c.entity)
            ).all()
        )
        edge_rows = connection.execute(
            select(left.c.entity.label("source"), right.c.entity.label("target"), weight)
            .join(right, and_(left.c.document_id == right.c.document_id, left.c.entity < right.c.entity))
            .group_by(left.c.entity, right.c.entity)
            .having(weight >= min_weight)
        ).all()
    nodes = tuple(sorted((Node(entity, names[entity], int(n)) for entity, n in counts.items()),
                         key=lambda node: (-node.documents, node.name.casefold())))
    edges = tuple(sorted((Edge(r.source, r.target, int(r.weight)) for r in edge_rows),
                         key=lambda edge: (-edge.weight, edge.source, edge.target)))
    return Network(nodes, edges)


def issuers_of(document: Document) -> list[Issuer]:
    """The card's issuers with their roles and entity keys (as the store writes them); a stand-in
    such as ``(unnamed party)`` keeps no key."""
    people = document.card.roles or tuple(Issuer(name=name) for name in document.card.issuers)
    return [
        issuer if issuer.entity or issuer.name.startswith("(") else Issuer(issuer.name, issuer.role, entity_key(issuer.name))
        for issuer in people
    ]


def organisations_of(document: Document) -> list[Issuer]:
    """The document's issuers that are nodes of the network, one per entity, in card order."""
    found: dict[str, Issuer] = {}
    for issuer in issuers_of(document):
        if issuer.role in ORGANISATION_ROLES and issuer.entity:
            found.setdefault(issuer.entity, issuer)
    return list(found.values())


def network_from_documents(docs: Sequence[Document], *, min_weight: int = 1) -> Network:
    """The network of documents in memory (the report of files), as :func:`cosignature_network`."""
    spellings: Counter[tuple[str, str]] = Counter()
    counts: Counter[str] = Counter()
    weights: Counter[tuple[str, str]] = Counter()
    for document in docs:
        present = organisations_of(document)
        for issuer in present:
            assert issuer.entity is not None
            spellings[(issuer.entity, issuer.name)] += 1
            counts[issuer.entity] += 1
        keys = sorted({issuer.entity for issuer in present if issuer.entity})
        for i, source in enumerate(keys):
            for target in keys[i + 1 :]:
                weights[(source, target)] += 1
    names = most_used_names((entity, name, uses) for (entity, name), uses in spellings.items())
    nodes = tuple(sorted((Node(entity, names[entity], n) for entity, n in counts.items()),
                         key=lambda node: (-node.documents, node.name.casefold())))
    edges = tuple(sorted((Edge(s, t, w) for (s, t), w in weights.items() if w >= min_weight),
                         key=lambda edge: (-edge.weight, edge.source, edge.target)))
    return Network(nodes, edges)


# --------------------------------------------------------------------------- export


def to_json(network: Network) -> dict[str, Any]:
    """``{"nodes": [{"id", "name", "documents"}], "edges": [{"source", "target", "weight"}]}``."""
    return {
        "directed": False,
        "nodes": [{"id": node.entity, "name": node.name, "documents": node.documents} for node in network.nodes],
        "edges": [asdict(edge) for edge in network.edges],
    }


def to_json_text(network: Network) -> str:
    return json.dumps(to_json(network), ensure_ascii=False, indent=1) + "\n"


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml(text: str) -> str:
    """Text as XML character data: escaped, without the control characters XML 1.0 forbids."""
    return escape(_NOT_XML.sub("", text))


def _xml_attribute(text: str) -> str:
    return quoteattr(_NOT_XML.sub("", text))


def to_graphml(network: Network) -> str:
    """The network as GraphML 1.0: an undirected graph with node attributes ``name`` and
    ``documents`` and an edge attribute ``weight`` (all typed, so Gephi reads them as numbers)."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        ('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
         'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
         'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
         'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">'),
        '  <key id="name" for="node" attr.name="name" attr.type="string"/>',
        '  <key id="documents" for="node" attr.name="documents" attr.type="int"/>',
        '  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>',
        '  <graph id="cosignatures" edgedefault="undirected">',
    ]
    for node in network.nodes:
        lines.append(f"    <node id={_xml_attribute(node.entity)}>")
        lines.append(f'      <data key="name">{_xml(node.name)}</data>')
        lines.append(f'      <data key="documents">{node.documents}</data>')
        lines.append("    </node>")
    for number, edge in enumerate(network.edges):
        lines.append(f'    <edge id="e{number}" source={_xml_attribute(edge.source)} '
                     f'target={_xml_attribute(edge.target)}>')
        lines.append(f'      <data key="weight">{edge.weight}</data>')
        lines.append("    </edge>")
    lines += ["  </graph>", "</graphml>", ""]
    return "\n".join(lines)
