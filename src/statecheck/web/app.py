"""The web application: server-rendered pages that work without JavaScript, and a JSON API.

``create_app(db)`` opens the corpus and returns a Starlette app; ``statecheck serve`` runs
it with uvicorn on 127.0.0.1. The app only reads the corpus, except when a user ticks
"store" on the check form. Errors are handled in one place (:func:`_statecheck_error`):
pages get an error page, ``/api/`` gets ``{"error": {"type", "message", "location"}}``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from statecheck.errors import InputError, LimitError, StatecheckError, StoreError, UsageError
from statecheck.options import Options
from statecheck.report.render import environment
from statecheck.store import Store, open_store
from statecheck.web import api, pages

#: Options are frozen, so one shared default instance is safe.
DEFAULT_OPTIONS = Options()

TEMPLATES = Path(__file__).parent / "templates"

#: HTTP status for each kind of error a request can cause.
STATUS: tuple[tuple[type[StatecheckError], int], ...] = (
    (LimitError, 413),
    (InputError, 400),
    (UsageError, 400),
    (StoreError, 503),
)

#: No script runs on any page (there is none), and nothing loads from elsewhere: even a
#: statement that slipped past escaping could not execute.
SECURITY_HEADERS = {
    "content-security-policy": "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
}


@dataclass(frozen=True)
class Settings:
    """What the pages need besides the request: the corpus and the limits."""

    store: Store
    options: Options
    max_upload_bytes: int


def _status_for(error: StatecheckError) -> int:
    return next((status for kind, status in STATUS if isinstance(error, kind)), 400)


def error_body(kind: str, message: str, location: str | None = None) -> dict[str, object]:
    """The one JSON error shape of the API."""
    return {"error": {"type": kind, "message": message, "location": location}}


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


async def _statecheck_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, StatecheckError)
    status = _status_for(error)
    if _is_api(request):
        return JSONResponse(error_body(type(error).__name__, error.message, error.location), status_code=status)
    return pages.render(request, "error.html", status_code=status, title="Cannot do that", message=str(error))


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    if _is_api(request):
        return JSONResponse(error_body("HTTPError", error.detail), status_code=error.status_code,
                            headers=error.headers)
    return pages.render(request, "error.html", status_code=error.status_code, title=f"Error {error.status_code}",
                        message=error.detail)


class SecurityHeaders:
    """Adds :data:`SECURITY_HEADERS` to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                for name, value in SECURITY_HEADERS.items():
                    if name.encode() not in present:
                        headers.append((name.encode(), value.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Refuse request bodies over the limit, before they are read into memory or a temp file.

    A declared Content-Length over the limit is answered 413 at once; a body sent without one
    is counted as it arrives and cut off at the limit.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in {"POST", "PUT", "PATCH"}:
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers", []))
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(scope, receive, send)
            return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise LimitError(f"request is larger than the limit of {self.max_bytes:,} bytes")
            return message

        await self.app(scope, counting_receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        message = f"request is larger than the limit of {self.max_bytes:,} bytes"
        if scope["path"].startswith("/api/"):
            response: Response = JSONResponse(error_body("LimitError", message), status_code=413)
        else:
            response = HTMLResponse(f"<!doctype html><title>Too large</title><p>{message}</p>", status_code=413)
        await response(scope, receive, send)


def create_app(
    db: str | Path | Store,
    *,
    options: Options = DEFAULT_OPTIONS,
    max_upload_bytes: int = 5 * 1024 * 1024,
) -> Starlette:
    """The web app over the corpus ``db`` (a path, a URL, or an open :class:`Store`)."""
    store = db if isinstance(db, Store) else open_store(db)
    owns_store = not isinstance(db, Store)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        if owns_store:
            store.close()

    routes = [*pages.routes(), *api.routes()]
    app = Starlette(
        routes=routes,
        middleware=[
            Middleware(SecurityHeaders),
            # Form fields and the file share this limit, plus room for the form's own framing.
            Middleware(BodyLimit, max_bytes=max_upload_bytes + 64 * 1024),
        ],
        exception_handlers={StatecheckError: _statecheck_error, HTTPException: _http_error},
        lifespan=lifespan,
    )
    app.state.settings = Settings(store=store, options=options, max_upload_bytes=max_upload_bytes)
    app.state.templates = environment(TEMPLATES)
    return app


__all__ = ["Settings", "create_app", "error_body"]
