"""The JSON API under ``/api/``: the same queries as the pages, as JSON. Read-only.

Every route is described in :mod:`statecheck.web.openapi` (a test checks none is missing).
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, replace
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Route

from statecheck import ingest, pipeline
from statecheck.errors import InputError, UsageError
from statecheck.model import Document
from statecheck.options import Options
from statecheck.report.record import ClaimLink, series_views
from statecheck.store import (
    DocumentSummary,
    Facet,
    StoredDocument,
    checked_claims,
    list_failures,
    load_document,
    search_claims,
    search_documents,
)
from statecheck.web.openapi import openapi_schema
from statecheck.web.pages import NAV, catalog, run_check
from statecheck.web.params import (
    MAX_INTEGER,
    check_date,
    check_language,
    check_text,
    claim_query,
    document_query,
)


def _facets(facets: tuple[Facet, ...]) -> dict[str, list[dict[str, Any]]]:
    return {facet.name: [{"value": value, "count": count} for value, count in facet.values] for facet in facets}


def _summary(item: DocumentSummary) -> dict[str, Any]:
    return {
        "id": item.id, "location": item.location, "doc": item.doc_id, "version": item.version,
        "title": item.title, "date": item.date, "language": item.language, "issuers": list(item.issuers),
        "summary": item.summary, "verdicts": item.verdicts,
    }


def document_json(document: Document, stored: StoredDocument | None = None) -> dict[str, Any]:
    """A document as the API returns it: card, text, claims (spec §2 records) and demands."""
    body: dict[str, Any] = {
        "location": document.source.location,
        "sha256": document.source.sha256,
        "media_type": document.source.media_type,
        "card": document.card.to_record(),
        "summary": document.summary(),
        "text": document.text.original,
        "claims": [claim.to_record() for claim in document.claims],
        "demands": [demand.to_record() for demand in document.demands],
    }
    if stored is not None:
        body = {
            "id": stored.id, "version": stored.version, "is_latest": stored.is_latest,
            "ingested_at": stored.ingested_at, "versions": [asdict(version) for version in stored.versions], **body,
        }
        for claim_id, record in zip(stored.claim_ids, body["claims"]):
            record["claim_id"] = claim_id
    return body


def documents(request: Request) -> Response:
    page = search_documents(request.app.state.settings.store, document_query(request.query_params))
    return JSONResponse({"total": page.total, "documents": [_summary(d) for d in page.documents],
                         "facets": _facets(page.facets)})


def document(request: Request) -> Response:
    document_id = request.path_params["document_id"]
    # An id past what the database holds cannot exist (and would overflow its integer).
    stored = load_document(request.app.state.settings.store, document_id) if document_id <= MAX_INTEGER else None
    if stored is None:
        raise HTTPException(404, f"There is no document {request.path_params['document_id']}.")
    return JSONResponse(document_json(stored.document, stored))


def claims(request: Request) -> Response:
    page = search_claims(request.app.state.settings.store, claim_query(request.query_params))
    return JSONResponse({"total": page.total, "claims": [row.to_record() for row in page.claims],
                         "facets": _facets(page.facets)})


def series(request: Request) -> Response:
    rows = checked_claims(request.app.state.settings.store)
    links = (ClaimLink(row.claim, f"/api/documents/{row.document_id}", row.title or "") for row in rows)
    views = series_views(links, catalog(request))
    return JSONResponse([
        {
            "series": view.series,
            "source": view.source,
            "claims": view.claims,
            "points": [{"date": p.day.isoformat(), "value": p.value} for p in view.chart.series],
            "claim_points": [
                {"date": m.day.isoformat(), "value": m.value, "verdict": m.verdict, "label": m.label, "href": m.href}
                for m in view.chart.claims
            ],
        }
        for view in views
    ])


def failures(request: Request) -> Response:
    return JSONResponse([asdict(failure) for failure in list_failures(request.app.state.settings.store)])


async def check(request: Request) -> Response:
    """Check a text sent as JSON ``{"text": ..., "date": ...}``; nothing is stored."""
    try:
        body = await request.json()
    except ValueError:
        raise UsageError("the body must be JSON: {\"text\": \"...\", \"date\": \"YYYY-MM-DD\"}") from None
    if not isinstance(body, dict) or not isinstance(body.get("text"), str) or not body["text"].strip():
        raise InputError("the JSON body needs a non-empty \"text\"")
    settings = request.app.state.settings
    text = check_text(body["text"], settings.max_upload_bytes)
    changes = {}
    # The check form's rules (a real date, a language we have words for), but no blanks:
    # a key that is sent must say something.
    for key, check_value in (("date", check_date), ("language", check_language)):
        value = body.get(key)
        if value is None:
            continue
        if not isinstance(value, str) or not value.strip():
            raise UsageError(f"{key} must be a non-empty string when given")
        changes[key] = check_value(value)
    options: Options = replace(settings.options, **changes)
    document = await run_check(request, _check_text, text, options)
    return JSONResponse(document_json(document))


def _check_text(text: str, options: Options) -> Document:
    """In a check worker: a posted text checked (``Limits.max_chars`` applies, as to a file)."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    source, normalised = ingest.from_text(text, doc_id=f"api-{digest}", limits=options.limits)
    return pipeline.run_steps(source, normalised, options)


def openapi(request: Request) -> Response:
    return JSONResponse(openapi_schema())


def docs(request: Request) -> Response:
    template = request.app.state.templates.get_template("api_docs.html")
    return HTMLResponse(template.render(request=request, nav=NAV, title="API", schema=openapi_schema()))


def routes() -> list[BaseRoute]:
    return [
        Route("/api/documents", documents),
        Route("/api/documents/{document_id:int}", document),
        Route("/api/claims", claims),
        Route("/api/series", series),
        Route("/api/failures", failures),
        Route("/api/check", check, methods=["POST"]),
        Route("/api/openapi.json", openapi),
        Route("/api/docs", docs),
    ]
