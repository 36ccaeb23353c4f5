"""Views across the documents of a corpus: organisations, the co-signature network, the issuer
× demand matrix, copies and translations, an issuer's timeline.

One module per view; each reads the store (:mod:`statecheck.store`) and returns frozen
objects that the CLI, the web pages, the report and ``export`` share. The views that the
report also makes from files have a twin over documents in memory
(:func:`network_from_documents`, :func:`matrix_from_documents`, :func:`links_between`).
"""

from statecheck.corpus.drawing import network_svg
from statecheck.corpus.duplicates import (
    DocumentLink,
    IndexReport,
    LinkedDocument,
    MemoryLink,
    document_links,
    find_duplicates,
    index_corpus,
    links_between,
)
from statecheck.corpus.exports import VIEWS, export_view
from statecheck.corpus.matrix import DemandMatrix, MatrixRow, demand_matrix, matrix_from_documents
from statecheck.corpus.network import (
    Edge,
    Network,
    Node,
    cosignature_network,
    network_from_documents,
    to_graphml,
    to_json,
)
from statecheck.corpus.organisations import (
    Cosigner,
    OrganisationPage,
    OrganisationProfile,
    OrganisationSummary,
    list_organisations,
    organisation_profile,
)
from statecheck.corpus.timeline import Timeline, TimelineEntry, issuer_timeline

__all__ = [
    "VIEWS",
    "Cosigner",
    "DemandMatrix",
    "DocumentLink",
    "Edge",
    "IndexReport",
    "LinkedDocument",
    "MatrixRow",
    "MemoryLink",
    "Network",
    "Node",
    "OrganisationPage",
    "OrganisationProfile",
    "OrganisationSummary",
    "Timeline",
    "TimelineEntry",
    "cosignature_network",
    "demand_matrix",
    "document_links",
    "export_view",
    "find_duplicates",
    "index_corpus",
    "issuer_timeline",
    "links_between",
    "list_organisations",
    "matrix_from_documents",
    "network_from_documents",
    "network_svg",
    "organisation_profile",
    "to_graphml",
    "to_json",
]
