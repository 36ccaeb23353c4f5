"""The views across documents: the co-signature network (and its GraphML, JSON and SVG), the
issuer × demand matrix, organisations, an issuer's timeline, the exports, and the same views
made from documents in memory for the report."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from corpus_samples import corpus_documents

from statecheck import corpus as views
from statecheck.errors import UsageError
from statecheck.report import render_report
from statecheck.store import Store

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def test_the_network_joins_organisations_that_issue_together(corpus: Store) -> None:
    network = views.cosignature_network(corpus)
    assert [(e.source, e.target, e.weight) for e in network.edges] == [
        ("communist-party-of-peru", "red-sun-collective", 2),
        ("genoa-dockers-union", "red-sun-collective", 1),
    ]
    nodes = {node.entity: node for node in network.nodes}
    assert nodes["red-sun-collective"].documents == 3
    assert nodes["red-sun-collective"].name == "Red Sun Collective (RSC)"  # written out, not the acronym
    assert {e.weight for e in views.cosignature_network(corpus, min_weight=2).edges} == {2}


def test_graphml_round_trips(corpus: Store, tmp_path: Path) -> None:
    network = views.cosignature_network(corpus)
    path = tmp_path / "net.graphml"
    assert views.export_view(corpus, "network", "graphml", path) == len(network.nodes) + len(network.edges)
    root = ET.parse(path).getroot()
    graph = root.find(f"{GRAPHML}graph")
    assert graph is not None and graph.get("edgedefault") == "undirected"
    assert len(graph.findall(f"{GRAPHML}node")) == len(network.nodes)
    networkx = pytest.importorskip("networkx")
    read = networkx.read_graphml(path)
    assert read.number_of_nodes() == len(network.nodes)
    assert read["communist-party-of-peru"]["red-sun-collective"]["weight"] == 2
    assert read.nodes["communist-party-of-peru"]["name"] == "Communist Party of Perú" or read.nodes[
        "communist-party-of-peru"]["name"] == "Communist Party of Peru"
    assert read.nodes["red-sun-collective"]["documents"] == 3


def test_graphml_escapes_names() -> None:
    network = views.Network((views.Node("a", 'A & "B" <C>\x0b', 1), views.Node("b", "B", 1)),
                             (views.Edge("a", "b", 1),))
    root = ET.fromstring(views.to_graphml(network))
    names = [data.text for data in root.iter(f"{GRAPHML}data") if data.get("key") == "name"]
    assert names == ['A & "B" <C>', "B"]


def test_network_json(corpus: Store, tmp_path: Path) -> None:
    path = tmp_path / "net.json"
    views.export_view(corpus, "network", "json", path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert {"id": "genoa-dockers-union", "name": "Genoa Dockers' Union", "documents": 1} in data["nodes"]
    assert {"source": "communist-party-of-peru", "target": "red-sun-collective", "weight": 2} in data["edges"]


def test_the_drawing_is_svg_with_a_link_per_node(corpus: Store) -> None:
    network = views.cosignature_network(corpus)
    svg = views.network_svg(network, href=lambda entity: f"/organisations/{entity}")
    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert svg.count('class="node"') == 3  # only organisations that co-signed are drawn
    assert svg.count('class="edge"') == 2
    assert 'href="/organisations/red-sun-collective"' in svg
    assert svg == views.network_svg(network, href=lambda entity: f"/organisations/{entity}")  # same every time
    assert views.network_svg(views.Network((), ())) == ""


def test_the_demand_matrix(corpus: Store) -> None:
    matrix = views.demand_matrix(corpus)
    rows = {row.entity: dict(zip(matrix.categories, row.counts)) for row in matrix.rows}
    assert rows["communist-party-of-peru"]["ceasefire"] == 2  # two documents, one demand each
    assert rows["communist-party-of-peru"]["arms_embargo"] == 1
    assert rows["red-sun-collective"]["arms_embargo"] == 2  # the statement and Genoa
    assert rows["harbour-voice"] == dict.fromkeys(matrix.categories, 0)
    assert matrix.categories[-1] == "other"


def test_organisations_and_their_search(corpus: Store) -> None:
    page = views.list_organisations(corpus)
    assert page.total == 5
    assert page.organisations[0].entity == "red-sun-collective"
    assert page.organisations[0].roles == ("endorser", "signatory")
    assert (page.organisations[0].first_date, page.organisations[0].last_date) == ("2023-11-30", "2024-01-10")
    assert [o.entity for o in views.list_organisations(corpus, q="perú").organisations] == ["communist-party-of-peru"]
    assert views.list_organisations(corpus, limit=2, offset=4).organisations[0].entity


def test_an_organisations_profile(corpus: Store) -> None:
    profile = views.organisation_profile(corpus, "red-sun-collective")
    assert profile is not None
    assert [c.entity for c in profile.cosigners] == ["communist-party-of-peru", "genoa-dockers-union"]
    assert [(d.category, d.documents) for d in profile.demands][:2] == [("ceasefire", 2), ("arms_embargo", 2)]  # ties: the spec's order
    assert profile.verdicts == {"consistent": 1}
    named = {n.name: n for n in profile.names_most}
    # the English and the Spanish statement both condemn it ("Condenamos la complicidad de Estados Unidos")
    assert named["United States"].stances == {"condemns": 2}
    # An organisation that only others name has a page too.
    red_cross = views.organisation_profile(corpus, "palestinian-red-crescent-society")
    assert red_cross is not None and red_cross.timeline.entries == ()
    assert [(m.document_id, m.stance, m.count) for m in red_cross.mentioned_by] == [(5, "mentions", 1)]
    assert views.organisation_profile(corpus, "nobody-at-all") is None


def test_an_issuers_timeline(corpus: Store) -> None:
    timeline = views.issuer_timeline(corpus, "red-sun-collective")
    assert [e.date for e in timeline.entries] == ["2023-11-30", "2023-12-01", "2024-01-10"]
    assert [e.role for e in timeline.entries] == ["signatory", "signatory", "endorser"]
    first = timeline.entries[0]
    assert [c.value for c in first.claims] == [15000]
    assert first.categories == ("ceasefire", "humanitarian_access", "arms_embargo")
    assert first.to_record()["claims"][0]["metric"] == "killed"


@pytest.mark.parametrize("what", ["issuers", "demands", "mentions", "links", "matrix"])
@pytest.mark.parametrize("format", ["jsonl", "csv", "parquet"])
def test_exports(corpus: Store, tmp_path: Path, what: str, format: str) -> None:
    out = tmp_path / f"{what}.{format}"
    count = views.export_view(corpus, what, format, out)
    assert count > 0
    if format == "jsonl":
        records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    elif format == "csv":
        with out.open(encoding="utf-8") as handle:
            records = list(csv.DictReader(handle))
    else:
        import pyarrow.parquet as pq

        records = pq.read_table(out).to_pylist()
    assert len(records) == count
    if what == "demands" and format == "jsonl":
        assert records[0]["categories"] == ["ceasefire", "humanitarian_access"]
    if what == "links":
        assert {r["kind"] for r in records} == {"republication", "translation"}


def test_an_unknown_view_or_format_is_refused(corpus: Store, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="unknown view"):
        views.export_view(corpus, "everything", None, tmp_path / "x")
    with pytest.raises(UsageError, match="graphml, json"):
        views.export_view(corpus, "network", "csv", tmp_path / "x")


def test_views_in_memory_match_the_store(corpus: Store) -> None:
    documents = corpus_documents()
    assert views.network_from_documents(documents) == views.cosignature_network(corpus)
    assert views.matrix_from_documents(documents).rows == views.demand_matrix(corpus).rows
    links = {(documents[link.a].doc_id, documents[link.b].doc_id, link.kind) for link in views.links_between(documents)}
    stored = {(link.a.location.split("/")[-1][:-4], link.b.location.split("/")[-1][:-4], link.kind)
              for link in views.document_links(corpus)}
    assert links == stored


def test_the_report_has_issuers_demands_network_and_copies() -> None:
    html = render_report(corpus_documents())
    for anchor in ('id="issuers"', 'id="demands"', 'id="network"', 'id="copies"'):
        assert anchor in html
    assert '<svg class="network"' in html
    assert 'href="#org-red-sun-collective"' in html and 'id="org-red-sun-collective"' in html
