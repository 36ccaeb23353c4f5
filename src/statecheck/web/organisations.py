"""The pages across documents: organisations, one organisation, the co-signature network
(drawn on the server as SVG, with GraphML and JSON downloads), and copies and translations."""

from __future__ import annotations

import json
from urllib.parse import quote

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from statecheck.corpus import (
    cosignature_network,
    document_links,
    list_organisations,
    network_svg,
    organisation_profile,
    to_graphml,
    to_json,
)
from statecheck.corpus.duplicates import KINDS
from statecheck.web.pages import claim_href, render, settings
from statecheck.web.params import whole_number

PAGE_SIZE = 100
#: The heaviest edges listed under the drawing (the drawing's text alternative).
EDGES_LISTED = 50


def organisation_href(entity: str) -> str:
    return f"/organisations/{quote(entity, safe='')}"


def _text(request: Request, name: str) -> str | None:
    value = request.query_params.get(name, "").strip()
    return value[:200] or None


def organisations_page(request: Request) -> Response:
    q = _text(request, "q")
    offset = whole_number(request.query_params.get("offset")) or 0
    page = list_organisations(settings(request).store, q=q, limit=PAGE_SIZE, offset=offset)
    return render(request, "organisations.html", title="Organisations", page=page, q=q, offset=offset,
                  page_size=PAGE_SIZE, organisation_href=organisation_href)


def organisation_page(request: Request) -> Response:
    entity = request.path_params["entity"]
    profile = organisation_profile(settings(request).store, entity)
    if profile is None:
        raise HTTPException(404, "No stored document was issued by, or names, this organisation.")
    return render(request, "organisation.html", title=profile.name, profile=profile,
                  organisation_href=organisation_href, claim_href=claim_href)


def _min_weight(request: Request) -> int:
    return max(whole_number(request.query_params.get("min_weight"), high=1_000_000) or 1, 1)


def network_page(request: Request) -> Response:
    min_weight = _min_weight(request)
    network = cosignature_network(settings(request).store, min_weight=min_weight)
    names = {node.entity: node.name for node in network.nodes}
    suffix = f"?min_weight={min_weight}" if min_weight > 1 else ""
    return render(
        request, "network.html", title="Co-signature network", network=network, min_weight=min_weight,
        drawing=network_svg(network, href=organisation_href), names=names,
        edges=network.edges[:EDGES_LISTED], organisation_href=organisation_href,
        downloads=(("GraphML", f"/network.graphml{suffix}"), ("JSON", f"/network.json{suffix}")),
    )


def network_graphml(request: Request) -> Response:
    network = cosignature_network(settings(request).store, min_weight=_min_weight(request))
    return Response(to_graphml(network), media_type="application/graphml+xml; charset=utf-8",
                    headers={"content-disposition": 'attachment; filename="network.graphml"'})


def network_json(request: Request) -> Response:
    network = cosignature_network(settings(request).store, min_weight=_min_weight(request))
    return Response(json.dumps(to_json(network), ensure_ascii=False, indent=1), media_type="application/json",
                    headers={"content-disposition": 'attachment; filename="network.json"'})


def links_page(request: Request) -> Response:
    kind = _text(request, "kind")
    if kind not in (None, *KINDS):
        kind = None
    links = document_links(settings(request).store, kind=kind)
    return render(request, "links.html", title="Copies and translations", links=links, kind=kind, kinds=KINDS)


def routes() -> list[BaseRoute]:
    return [
        Route("/organisations", organisations_page, name="organisations"),
        Route("/organisations/{entity:str}", organisation_page, name="organisation"),
        Route("/network", network_page, name="network"),
        Route("/network.graphml", network_graphml, name="network_graphml"),
        Route("/network.json", network_json, name="network_json"),
        Route("/links", links_page, name="links"),
    ]
