"""The OpenAPI 3.1 description of ``/api/``, written out by hand (one dict; no decorators).

Served at ``/api/openapi.json`` and rendered as a plain page at ``/api/docs``.
"""

from __future__ import annotations

from typing import Any

from statecheck import __version__


def _query(name: str, description: str, kind: str = "string") -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "description": description, "schema": {"type": kind}}


DOCUMENT_FILTERS = [
    _query("q", "Words that must all appear in the title or text (full-text search)."),
    _query("issuer", "Only documents issued or signed by this organisation."),
    _query("year", "Only documents dated in this year.", "integer"),
    _query("language", "Only documents in this language (en, es, fr ...)."),
    _query("verdict", "Only documents with a claim of this verdict "
                      "(consistent, above_record, below_record, unverifiable, unchecked)."),
]
PAGING = [
    _query("limit", "Most results to return (1–500).", "integer"),
    _query("offset", "Results to skip.", "integer"),
]
CLAIM_FILTERS = [
    _query("q", "Text the quote contains (case-insensitive)."),
    _query("metric", "A metric of spec §3 (killed, injured, displaced ...)."),
    _query("verdict", "consistent, above_record, below_record, unverifiable or unchecked."),
    _query("place", "gaza, west_bank, israel, lebanon ..."),
    _query("issuer", "The claim's document was issued by this organisation."),
    _query("year", "The claim's document is dated in this year.", "integer"),
    _query("language", "The claim's document is in this language."),
    _query("document", "Only claims of this document id.", "integer"),
]

ERROR = {
    "type": "object",
    "properties": {
        "error": {
            "type": "object",
            "properties": {
                "type": {"type": "string", "description": "InputError, LimitError, UsageError, StoreError, HTTPError"},
                "message": {"type": "string"},
                "location": {"type": ["string", "null"], "description": "The input the error concerns."},
            },
            "required": ["type", "message"],
        }
    },
}
CLAIM = {
    "type": "object",
    "description": "A claim in the fields of shared/spec/claims.md §2, with verdict and evidence once checked.",
    "properties": {
        "doc": {"type": "string"}, "quote": {"type": "string"}, "value": {"type": "number"},
        "value_max": {"type": ["number", "null"]}, "bound": {"type": "string"}, "unit": {"type": "string"},
        "metric": {"type": "string"}, "place": {"type": ["string", "null"]}, "as_of": {"type": ["string", "null"]},
        "source": {"type": ["string", "null"]}, "scope": {"type": "string"},
        "period": {"type": ["array", "null"], "items": {"type": "string"}},
        "start": {"type": "integer"}, "end": {"type": "integer"},
        "verdict": {"type": "string"}, "verdict_reason": {"type": "string"},
        "evidence": {"type": "array", "items": {"type": "object"}},
    },
}


def _ok(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*codes: int) -> dict[str, Any]:
    return {str(code): _ok("An error", {"$ref": "#/components/schemas/Error"}) for code in codes}


def openapi_schema() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "statecheck",
            "version": __version__,
            "description": "Statements about the Gaza war, their numerical claims, and how each stands "
                           "against the published record. The API only reads: /api/check checks a text "
                           "without storing it.",
        },
        "paths": {
            "/api/documents": {"get": {
                "summary": "Search documents",
                "description": "The newest version of each document matching the filters, newest first, "
                               "with facet counts.",
                "parameters": [*DOCUMENT_FILTERS, _query("sort", "date_desc (default) or date_asc."), *PAGING],
                "responses": {"200": _ok("Matching documents", {"type": "object", "properties": {
                    "total": {"type": "integer"}, "documents": {"type": "array", "items": {"type": "object"}},
                    "facets": {"type": "object"}}}), **_errors(400)},
            }},
            "/api/documents/{document_id}": {"get": {
                "summary": "One document",
                "description": "Card, text, claims with verdicts and evidence, demands, and every version.",
                "parameters": [{"name": "document_id", "in": "path", "required": True, "schema": {"type": "integer"}}],
                "responses": {"200": _ok("The document", {"type": "object"}), **_errors(404)},
            }},
            "/api/claims": {"get": {
                "summary": "Filter claims",
                "parameters": [*CLAIM_FILTERS, *PAGING],
                "responses": {"200": _ok("Matching claims", {"type": "object", "properties": {
                    "total": {"type": "integer"},
                    "claims": {"type": "array", "items": {"$ref": "#/components/schemas/Claim"}},
                    "facets": {"type": "object"}}}), **_errors(400)},
            }},
            "/api/series": {"get": {
                "summary": "Reference series with the claims checked against them",
                "description": "Per series: the record's values used as evidence, and each dated claim as a point.",
                "responses": {"200": _ok("Series", {"type": "array", "items": {"type": "object"}})},
            }},
            "/api/failures": {"get": {
                "summary": "Inputs that could not be ingested",
                "responses": {"200": _ok("Failures", {"type": "array", "items": {"type": "object"}})},
            }},
            "/api/check": {"post": {
                "summary": "Check a text (not stored)",
                "requestBody": {"required": True, "content": {"application/json": {"schema": {
                    "type": "object", "required": ["text"], "properties": {
                        "text": {"type": "string"},
                        "date": {"type": "string", "description": "The document's date: YYYY, YYYY-MM or YYYY-MM-DD."},
                        "language": {"type": "string"}}}}}},
                "responses": {"200": _ok("The checked document", {"type": "object"}), **_errors(400, 413)},
            }},
            "/api/openapi.json": {"get": {
                "summary": "This description",
                "responses": {"200": _ok("OpenAPI 3.1", {"type": "object"})},
            }},
            "/api/docs": {"get": {
                "summary": "This description as a page",
                "responses": {"200": {"description": "HTML", "content": {"text/html": {}}}},
            }},
        },
        "components": {"schemas": {"Error": ERROR, "Claim": CLAIM}},
    }
