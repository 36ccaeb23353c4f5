"""The HTML pages: documents, one document, claims, the record, check, failures."""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Callable
from dataclasses import replace
from typing import Any
from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from statecheck import ingest, pipeline
from statecheck.corpus import document_links
from statecheck.corpus.network import issuers_of
from statecheck.errors import InputError
from statecheck.model import Document
from statecheck.options import Options
from statecheck.reference import Catalog
from statecheck.report.record import ClaimLink, reference_catalog, series_views
from statecheck.store import (
    checked_claims,
    list_failures,
    load_document,
    save_document,
    search_claims,
    search_documents,
)
from statecheck.store.formats import write_csv
from statecheck.web import csrf
from statecheck.web.params import (
    MAX_INTEGER,
    Upload,
    check_date,
    check_text,
    check_upload,
    claim_query,
    document_query,
    whole_number,
)

NAV = (("/", "Documents"), ("/claims", "Claims"), ("/record", "The record"), ("/organisations", "Organisations"),
       ("/network", "Network"), ("/check", "Check a text"), ("/api/docs", "API"))


def settings(request: Request) -> Any:
    return request.app.state.settings


def catalog(request: Request) -> Catalog | None:
    """The reference series for the charts (re-read only when their files change)."""
    return reference_catalog(settings(request).options.reference_dir)


def url_with(request: Request, path: str | None = None, **changes: Any) -> str:
    """The current page's URL with some query parameters changed (None removes one).

    Changing a filter goes back to the first page, so ``offset`` is dropped unless given.
    """
    params = {key: value for key, value in request.query_params.items() if value}
    if "offset" not in changes:
        params.pop("offset", None)
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = str(value)
    query = urlencode(params)
    return (path or request.url.path) + (f"?{query}" if query else "")


def render(request: Request, name: str, *, status_code: int = 200, **context: Any) -> HTMLResponse:
    template = request.app.state.templates.get_template(name)
    context.setdefault("catalog", catalog(request))
    html = template.render(request=request, nav=NAV, url_with=lambda *a, **k: url_with(request, *a, **k), **context)
    return HTMLResponse(html, status_code=status_code)


def claim_href(document_id: int, index: int) -> str:
    """The document page with one claim selected: its details open, its quote outlined."""
    return f"/documents/{document_id}?claim={index}#claim-{index}"


def render_check(request: Request, *, status_code: int = 200, **context: Any) -> HTMLResponse:
    """The check page, with the form's CSRF token (and its cookie, the first time)."""
    config = settings(request)
    token, new_cookie = csrf.issue(request, config.secret)
    context.setdefault("document", None)
    context.setdefault("form", {})
    response = render(request, "check.html", status_code=status_code, title="Check a text",
                      max_upload_bytes=config.max_upload_bytes, claim_href=_local_href,
                      csrf_field=csrf.FIELD, csrf_token=token, **context)
    csrf.set_cookie(response, request, new_cookie)
    return response


def _same_origin(request: Request) -> None:
    """Refuse a form posted from another site (a page elsewhere cannot make us store things)."""
    origin = request.headers.get("origin")
    if request.headers.get("sec-fetch-site") == "cross-site" or (
        origin and origin != "null" and origin.split("://", 1)[-1] != request.headers.get("host")
    ):
        raise HTTPException(403, "This form can only be sent from this site.")


def documents_page(request: Request) -> Response:
    query = document_query(request.query_params)
    page = search_documents(settings(request).store, query)
    return render(request, "documents.html", title="Documents", query=query, page=page)


def document_page(request: Request) -> Response:
    document_id = request.path_params["document_id"]
    # An id past what the database holds cannot exist (and would overflow its integer).
    stored = load_document(settings(request).store, document_id) if document_id <= MAX_INTEGER else None
    if stored is None:
        raise HTTPException(404, f"There is no document {document_id}.")
    return render(
        request, "document.html", title=stored.document.card.title or stored.document.doc_id, stored=stored,
        document=stored.document, selected=whole_number(request.query_params.get("claim")),
        notice=_stored_notice(request.query_params.get("stored")),
        claim_href=lambda index: claim_href(document_id, index),
        issuers=issuers_of(stored.document), links=document_links(settings(request).store, document_id=document_id),
    )


def _stored_notice(status: str | None) -> str | None:
    return {
        "stored": "Stored in the corpus.",
        "new_version": "Stored in the corpus as a new version of this document.",
        "unchanged": "This document was already stored, unchanged.",
    }.get(status or "")


def claims_page(request: Request) -> Response:
    query = claim_query(request.query_params)
    page = search_claims(settings(request).store, query)
    return render(request, "claims.html", title="Claims", query=query, page=page,
                  downloads=(("CSV", url_with(request, "/claims.csv", limit=None)),
                             ("JSON", url_with(request, "/claims.json", limit=None))))


def claims_csv(request: Request) -> Response:
    rows = search_claims(settings(request).store, claim_query(request.query_params, unlimited=True)).claims
    buffer = io.StringIO()
    # Statements are hostile input: write_csv writes a title like "=HYPERLINK(...)" as text.
    write_csv(rows, buffer)
    return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": 'attachment; filename="claims.csv"'})


def claims_json(request: Request) -> Response:
    rows = search_claims(settings(request).store, claim_query(request.query_params, unlimited=True)).claims
    body = json.dumps([row.to_record() for row in rows], ensure_ascii=False, indent=1)
    return Response(body, media_type="application/json",
                    headers={"content-disposition": 'attachment; filename="claims.json"'})


def record_page(request: Request) -> Response:
    rows = checked_claims(settings(request).store)
    links = [
        ClaimLink(row.claim, claim_href(row.document_id, row.position), row.title or row.location) for row in rows
    ]
    return render(request, "record.html", title="The record", views=series_views(links, catalog(request)))


def failures_page(request: Request) -> Response:
    return render(request, "failures.html", title="Failed inputs", failures=list_failures(settings(request).store))


def check_form(request: Request) -> Response:
    return render_check(request)


async def check_submit(request: Request) -> Response:
    _same_origin(request)
    config = settings(request)
    # Text fields may be as large as a file: the body limit (BodyLimit) bounds every part, and
    # the text is measured below, so that a text one byte over the limit gets a clean 413.
    part_limit = config.max_upload_bytes + 64 * 1024
    async with request.form(max_files=1, max_fields=10, max_part_size=part_limit) as form:
        pasted = str(form.get("text") or "")
        date = check_date(str(form.get("date") or ""))
        wants_store = form.get("store") in {"1", "on", "yes", "true"}
        token = form.get(csrf.FIELD)
        upload = form.get("file")
        data = await upload.read(config.max_upload_bytes + 1) if isinstance(upload, UploadFile) else b""
        filename = upload.filename if isinstance(upload, UploadFile) else None
    if wants_store and not csrf.valid(request, config.secret, token):
        raise HTTPException(403, "This form has expired or was not sent from this site: "
                                 "reload the check page and send it again.")
    options: Options = replace(config.options, date=date) if date else config.options
    if filename:
        accepted = check_upload(filename, data, config.max_upload_bytes)
        document = await run_check(request, _check_upload, accepted, options)
    elif pasted.strip():
        check_text(pasted, config.max_upload_bytes)
        document = await run_check(request, _check_pasted, pasted, options)
    else:
        raise InputError("paste a text or choose a file to check")
    if wants_store:
        saved = await run_in_threadpool(save_document, config.store, document)
        return RedirectResponse(f"/documents/{saved.document_id}?stored={saved.status}", status_code=303)
    return render_check(request, document=document, form={"date": date or "", "text": pasted})


def _local_href(index: int) -> str:
    """A claim of a checked (unstored) text: an anchor on the same page."""
    return f"#claim-{index}"


async def run_check(request: Request, function: Callable[..., Document], *args: Any) -> Document:
    """``function(*args)`` in a check worker (:mod:`statecheck.web.checks`): a deadline, a bound on
    how many run at once. The wait is in a thread, so the server keeps answering meanwhile."""
    document: Document = await run_in_threadpool(settings(request).checks.run, function, *args)
    return document


def _check_upload(upload: Upload, options: Options) -> Document:
    """In a check worker: an upload (already accepted by ``check_upload``) read and checked."""
    # Read from memory: nothing the browser sent is ever used as a path on this machine.
    source, text = ingest.from_bytes(upload.data, name=upload.name, options=options)
    source = replace(source, location=f"upload:{upload.name}")
    return pipeline.run_steps(source, text, options)


def _check_pasted(pasted: str, options: Options) -> Document:
    """In a check worker: a pasted text checked (``Limits.max_chars`` applies, as to a file)."""
    digest = hashlib.sha256(pasted.encode("utf-8")).hexdigest()[:12]
    source, text = ingest.from_text(pasted, doc_id=f"pasted-{digest}", limits=options.limits)
    source = replace(source, location=f"pasted:{digest}")
    return pipeline.run_steps(source, text, options)


def favicon(request: Request) -> Response:
    """No icon: pages say so (``<link rel="icon" href="data:,">``); for JSON, this saves a 404."""
    return Response(status_code=204)


def routes() -> list[BaseRoute]:
    return [
        Route("/favicon.ico", favicon, name="favicon"),
        Route("/", documents_page, name="documents"),
        Route("/documents/{document_id:int}", document_page, name="document"),
        Route("/claims", claims_page, name="claims"),
        Route("/claims.csv", claims_csv, name="claims_csv"),
        Route("/claims.json", claims_json, name="claims_json"),
        Route("/record", record_page, name="record"),
        Route("/failures", failures_page, name="failures"),
        Route("/check", check_form, methods=["GET"], name="check"),
        Route("/check", check_submit, methods=["POST"], name="check_submit"),
    ]
