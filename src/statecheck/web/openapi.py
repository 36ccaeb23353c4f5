"""The OpenAPI 3.1 description of ``/api/``, written out by hand (one dict; no decorators).

Served at ``/api/openapi.json`` and rendered as a plain page at ``/api/docs``.
"""

from __future__ import annotations

from typing import Any

from statecheck import __version__
from statecheck.extract.lexicon import LANGUAGES
from statecheck.web.params import MAX_INTEGER, MAX_PAGE_SIZE, MAX_PARAM_LENGTH

#: A filter's text: no NUL (no database stores one), and not longer than a search needs.
TEXT = {"type": "string", "maxLength": MAX_PARAM_LENGTH, "pattern": "^[^\\u0000]*$"}
#: A user-given document date: YYYY or YYYY-MM (years 0001–9999), or a real YYYY-MM-DD.
DATE = {"anyOf": [
    {"type": "string", "pattern": "^([1-9][0-9]{3}|0[0-9]{2}[1-9]|0[0-9][1-9]0|0[1-9]00)(-(0[1-9]|1[0-2]))?$"},
    {"type": "string", "format": "date"},
]}


def _query(name: str, description: str, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema or TEXT}


def _integer(low: int, high: int) -> dict[str, Any]:
    return {"type": "integer", "minimum": low, "maximum": high}


YEAR = _integer(1, 9999)
ID = _integer(0, MAX_INTEGER)

DOCUMENT_FILTERS = [
    _query("q", "Words that must all appear in the title or text (full-text search)."),
    _query("issuer", "Only documents issued or signed by this organisation."),
    _query("year", "Only documents dated in this year.", YEAR),
    _query("language", "Only documents in this language (en, es, fr ...)."),
    _query("verdict", "Only documents with a claim of this verdict "
                      "(consistent, above_record, below_record, unverifiable, unchecked)."),
]
PAGING = [
    _query("limit", f"Most results to return (1–{MAX_PAGE_SIZE}).", _integer(1, MAX_PAGE_SIZE)),
    _query("offset", "Results to skip.", ID),
]
CLAIM_FILTERS = [
    _query("q", "Text the quote contains (case-insensitive)."),
    _query("metric", "A metric of spec §3 (killed, injured, displaced ...)."),
    _query("verdict", "consistent, above_record, below_record, unverifiable or unchecked."),
    _query("place", "gaza, west_bank, israel, lebanon ..."),
    _query("issuer", "The claim's document was issued by this organisation."),
    _query("year", "The claim's document is dated in this year.", YEAR),
    _query("language", "The claim's document is in this language."),
    _query("document", "Only claims of this document id.", ID),
]

STRING = {"type": "string"}
MAYBE_STRING = {"type": ["string", "null"]}
NUMBER = {"type": "number"}
MAYBE_NUMBER = {"type": ["number", "null"]}
INTEGER = {"type": "integer"}


def _object(properties: dict[str, Any], *, optional: tuple[str, ...] = (), **extra: Any) -> dict[str, Any]:
    """An object whose properties are all required except ``optional``."""
    return {"type": "object", "properties": properties,
            "required": [name for name in properties if name not in optional], **extra}


ERROR = _object({
    "error": _object({
        "type": {"type": "string",
                 "description": "InputError, LimitError, UsageError, StoreError, HTTPError, ServerError"},
        "message": STRING,
        "location": {"type": ["string", "null"], "description": "The input the error concerns."},
    }),
})
EVIDENCE = _object({
    "series": STRING, "source": STRING, "verdict": STRING, "rule": STRING, "sentence": STRING,
    "points": {"type": "array", "items": _object({"date": STRING, "value": NUMBER})},
    "r_lo": MAYBE_NUMBER, "r_hi": MAYBE_NUMBER, "tolerance": MAYBE_NUMBER,
    "snapshot": MAYBE_STRING, "caveats": MAYBE_STRING,
})
CLAIM = _object(
    {
        "doc": STRING, "quote": STRING, "value": NUMBER, "value_max": MAYBE_NUMBER, "bound": STRING, "unit": STRING,
        "metric": STRING, "place": MAYBE_STRING, "as_of": MAYBE_STRING, "source": MAYBE_STRING, "scope": STRING,
        "period": {"type": ["array", "null"], "items": STRING},
        "note": STRING, "start": INTEGER, "end": INTEGER,
        "verdict": STRING, "verdict_reason": STRING, "evidence": {"type": "array", "items": EVIDENCE},
        "notes": {"type": "array", "items": STRING},
        "claim_id": INTEGER,
    },
    optional=("note", "verdict", "verdict_reason", "evidence", "notes", "claim_id"),
    description="A claim in the fields of shared/spec/claims.md §2, with verdict and evidence once checked.",
)
CLAIM_ROW = {
    "allOf": [{"$ref": "#/components/schemas/Claim"}, _object({
        "claim_id": INTEGER, "document_id": INTEGER, "location": STRING, "title": MAYBE_STRING,
        "date": MAYBE_STRING, "language": MAYBE_STRING, "issuers": {"type": "array", "items": STRING},
    })],
    "description": "A claim with its document's columns.",
}
FACETS = {
    "type": "object",
    "additionalProperties": {"type": "array", "items": _object({"value": STRING, "count": INTEGER})},
    "description": "Per facet (issuer, year, language, verdict; for claims verdict, metric, place): "
                   "values and their counts.",
}
SUMMARY = _object({
    "id": INTEGER, "location": STRING, "doc": STRING, "version": INTEGER, "title": MAYBE_STRING,
    "date": MAYBE_STRING, "language": MAYBE_STRING, "issuers": {"type": "array", "items": STRING},
    "summary": STRING, "verdicts": {"type": "object", "additionalProperties": INTEGER},
})
CHECKED = _object({
    "location": STRING, "sha256": STRING, "media_type": STRING,
    "card": _object({"doc": STRING, "title": MAYBE_STRING, "date": MAYBE_STRING,
                     "issuers": {"type": "array", "items": STRING}, "place": MAYBE_STRING,
                     "language": MAYBE_STRING}),
    "summary": STRING, "text": STRING,
    "claims": {"type": "array", "items": {"$ref": "#/components/schemas/Claim"}},
    "demands": {"type": "array", "items": _object({
        "doc": STRING, "quote": STRING, "categories": {"type": "array", "items": STRING},
        "addressee": MAYBE_STRING, "note": STRING}, optional=("note",))},
})
STORED = {"allOf": [{"$ref": "#/components/schemas/CheckedDocument"}, _object({
    "id": INTEGER, "version": INTEGER, "is_latest": {"type": "boolean"}, "ingested_at": STRING,
    "versions": {"type": "array", "items": _object({"id": INTEGER, "version": INTEGER, "ingested_at": STRING,
                                                    "sha256": STRING})},
})]}
POINT = _object({"date": STRING, "value": NUMBER})
SERIES = _object({
    "series": STRING, "source": STRING, "claims": INTEGER,
    "points": {"type": "array", "items": POINT},
    "claim_points": {"type": "array", "items": _object({
        "date": STRING, "value": NUMBER, "verdict": STRING, "label": STRING, "href": MAYBE_STRING})},
})
FAILURE = _object({"location": STRING, "error": STRING, "reason": STRING, "failed_at": STRING,
                   "attempts": INTEGER})


def _ok(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _errors(*codes: int) -> dict[str, Any]:
    """The error responses: these ``codes``, and 503 (the database) which any route may give."""
    return {str(code): _ok("An error", _ref("Error")) for code in (*codes, 503)}


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
                "parameters": [*DOCUMENT_FILTERS,
                               _query("sort", "date_desc (default) or date_asc.",
                                      {"type": "string", "enum": ["date_desc", "date_asc"]}),
                               *PAGING],
                "responses": {"200": _ok("Matching documents", _object({
                    "total": INTEGER, "documents": {"type": "array", "items": SUMMARY},
                    "facets": FACETS})), **_errors(400)},
            }},
            "/api/documents/{document_id}": {"get": {
                "summary": "One document",
                "description": "Card, text, claims with verdicts and evidence, demands, and every version.",
                "parameters": [{"name": "document_id", "in": "path", "required": True, "schema": ID}],
                "responses": {"200": _ok("The document", _ref("StoredDocument")), **_errors(404)},
            }},
            "/api/claims": {"get": {
                "summary": "Filter claims",
                "parameters": [*CLAIM_FILTERS, *PAGING],
                "responses": {"200": _ok("Matching claims", _object({
                    "total": INTEGER,
                    "claims": {"type": "array", "items": _ref("ClaimRow")},
                    "facets": FACETS})), **_errors(400)},
            }},
            "/api/series": {"get": {
                "summary": "Reference series with the claims checked against them",
                "description": "Per series: the record's values used as evidence, and each dated claim as a point.",
                "responses": {"200": _ok("Series", {"type": "array", "items": SERIES}), **_errors()},
            }},
            "/api/failures": {"get": {
                "summary": "Inputs that could not be ingested",
                "responses": {"200": _ok("Failures", {"type": "array", "items": FAILURE}), **_errors()},
            }},
            "/api/check": {"post": {
                "summary": "Check a text (not stored)",
                "description": "Checked under the server's limits, as on the command line: 413 for a text "
                               "over its size limits (bytes, characters), 422 for one that cannot be checked "
                               "within its time limit (the check is stopped), 503 with Retry-After when the "
                               "server is running as many checks as it allows.",
                "requestBody": {"required": True, "content": {"application/json": {"schema": {
                    "type": "object", "required": ["text"], "properties": {
                        "text": {"type": "string", "pattern": "\\S", "description": "Not only white space."},
                        "date": {"anyOf": [*DATE["anyOf"], {"type": "null"}],
                                 "description": "The document's date: YYYY, YYYY-MM or YYYY-MM-DD (null: none)."},
                        "language": {"type": ["string", "null"], "enum": [*LANGUAGES, None],
                                     "description": "Force the language instead of detecting it (null: detect)."},
                    }}}}},
                "responses": {"200": _ok("The checked document", _ref("CheckedDocument")),
                              **_errors(400, 413, 422)},
            }},
            "/api/openapi.json": {"get": {
                "summary": "This description",
                "responses": {"200": _ok("OpenAPI 3.1", {"type": "object"})},
            }},
            "/api/docs": {"get": {
                "summary": "This description as a page",
                "responses": {"200": {"description": "HTML", "content": {"text/html": {"schema": STRING}}}},
            }},
        },
        "components": {"schemas": {"Error": ERROR, "Claim": CLAIM, "ClaimRow": CLAIM_ROW,
                                   "CheckedDocument": CHECKED, "StoredDocument": STORED}},
    }
