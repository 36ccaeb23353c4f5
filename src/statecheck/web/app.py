"""The web application: server-rendered pages that work without JavaScript, and a JSON API.

``create_app(db)`` opens the corpus and returns a Starlette app; ``statecheck serve`` runs
it with uvicorn on 127.0.0.1. The app only reads the corpus, except when a user ticks
"store" on the check form (which needs the form's CSRF token, see :mod:`statecheck.web.csrf`).
Checks (the form and ``POST /api/check``) run under the options' :class:`~statecheck.options.Limits`,
as on the command line, in worker processes with a hard deadline and at most ``max_checks``
at once (:mod:`statecheck.web.checks`).
Errors are handled in one place (:func:`_statecheck_error`): pages get an error page,
``/api/`` gets ``{"error": {"type", "message", "location"}}``; an unexpected exception gets
the same shapes with status 500 and no traceback. Statuses: 400 for a bad request, 413 for an
input over a size limit (bytes, characters, pages), 422 for one over the time limit, 503 with
``Retry-After`` when every check slot is taken or the corpus cannot be read.

Every response, errors included, carries :data:`SECURITY_HEADERS`. When ``allowed_hosts`` is
given (``statecheck serve`` gives the loopback names when it binds to loopback), a request
naming any other host is refused: a web page cannot reach the local server through a DNS
name that it re-points at 127.0.0.1 ("DNS rebinding").
"""

from __future__ import annotations

import re
import secrets
import weakref
from collections.abc import AsyncIterator, Iterable
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
from statecheck.web import api, organisations, pages
from statecheck.web.checks import CheckRunner, ServerBusy

#: Options are frozen, so one shared default instance is safe.
DEFAULT_OPTIONS = Options()

#: Room in a request body for the form's own framing (boundaries, other fields) beyond the upload.
FORM_OVERHEAD = 64 * 1024

TEMPLATES = Path(__file__).parent / "templates"

#: HTTP status for each kind of error a request can cause.
STATUS: tuple[tuple[type[StatecheckError], int], ...] = (
    (LimitError, 413),  # 422 for the time limit: see _status_for
    (ServerBusy, 503),
    (InputError, 400),
    (UsageError, 400),
    (StoreError, 503),
)

#: No script runs on any page (there is none), and nothing loads from elsewhere: even a
#: statement that slipped past escaping could not execute, frame us, or send a form elsewhere.
#: (Styles are inline: the one stylesheet is inlined in every page, as in the offline report.)
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'none'; object-src 'none'; style-src 'unsafe-inline'; "
    "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
    "interest-cohort=(), browsing-topics=()",
}

#: The names a server bound to loopback answers to (``statecheck serve`` on 127.0.0.1).
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True)
class Settings:
    """What the pages need besides the request: the corpus and the limits."""

    store: Store
    options: Options
    max_upload_bytes: int
    secret: bytes = b""
    """Signs the check form's CSRF tokens (random per app unless given)."""
    checks: CheckRunner | None = None
    """Runs the checks (worker processes, a deadline, a bound on how many at once)."""


#: How a LimitError says that it is about time (the stages' own limits, and the web's deadline).
_TIME_LIMIT = re.compile(r"took longer than|Limits\.max_seconds")


def _status_for(error: StatecheckError) -> int:
    if isinstance(error, LimitError) and _TIME_LIMIT.search(error.message):
        return 422  # the input is fine as sent, but cannot be checked within the time allowed
    return next((status for kind, status in STATUS if isinstance(error, kind)), 400)


def error_body(kind: str, message: str, location: str | None = None) -> dict[str, object]:
    """The one JSON error shape of the API."""
    return {"error": {"type": kind, "message": message, "location": location}}


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


async def _statecheck_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, StatecheckError)
    status = _status_for(error)
    headers = {"retry-after": str(error.retry_after)} if isinstance(error, ServerBusy) else None
    if _is_api(request):
        return JSONResponse(error_body(type(error).__name__, error.message, error.location), status_code=status,
                            headers=headers)
    response = pages.render(request, "error.html", status_code=status, title="Cannot do that", message=str(error))
    response.headers.update(headers or {})
    return response


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    if _is_api(request):
        return JSONResponse(error_body("HTTPError", error.detail), status_code=error.status_code,
                            headers=error.headers)
    response = pages.render(request, "error.html", status_code=error.status_code,
                            title=f"Error {error.status_code}", message=error.detail)
    if error.headers:  # e.g. Allow on a 405
        response.headers.update(error.headers)
    return response


SERVER_ERROR = "Something went wrong on the server; the request was not completed."


async def _server_error(request: Request, error: Exception) -> Response:
    """An unexpected exception: the usual error shapes, status 500, no traceback shown.

    This response is sent from outside the middleware, so it adds the security headers itself;
    the exception is re-raised afterwards for the server's log.
    """
    if _is_api(request):
        return JSONResponse(error_body("ServerError", SERVER_ERROR), status_code=500, headers=SECURITY_HEADERS)
    body = ("<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Server error — statecheck</title>"
            f"<h1>Server error</h1><p id=\"error-message\">{SERVER_ERROR}</p><p><a href=\"/\">Back</a></p></html>")
    return HTMLResponse(body, status_code=500, headers=SECURITY_HEADERS)


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


def host_name(header: str) -> str:
    """The host a ``Host`` header names, without its port: ``[::1]:8000`` → ``::1``."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class TrustedHosts:
    """Refuse (400) a request whose ``Host`` is not one of ``hosts`` (any port)."""

    def __init__(self, app: ASGIApp, hosts: Iterable[str]) -> None:
        self.app = app
        self.hosts = frozenset(host.lower() for host in hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in {"http", "websocket"}:
            header = dict(scope.get("headers", [])).get(b"host", b"").decode("latin-1")
            if host_name(header) not in self.hosts:
                message = "This server only answers to " + ", ".join(sorted(self.hosts)) + "."
                response: Response
                if scope.get("path", "").startswith("/api/"):
                    response = JSONResponse(error_body("HTTPError", message), status_code=400)
                else:
                    response = HTMLResponse(f"<!doctype html><title>Bad host</title><p>{message}</p>",
                                            status_code=400)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


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
    allowed_hosts: Iterable[str] | None = None,
    secret: bytes | None = None,
    max_checks: int = 2,
    check_timeout: float | None = None,
    warm_checks: bool = False,
) -> Starlette:
    """The web app over the corpus ``db`` (a path, a URL, or an open :class:`Store`).

    Checks run under ``options.limits`` as on the command line; a text or file is also refused
    over ``max_upload_bytes`` (the smaller of the two size limits counts).
    ``allowed_hosts``: answer only requests whose ``Host`` is one of these names (None: any).
    ``secret``: the key that signs CSRF tokens (random by default, so a restart expires forms).
    ``max_checks``: checks run at once (one more gets 503); ``check_timeout``: seconds one check
    may take in all before its worker is killed (default ``options.limits.max_seconds``);
    ``warm_checks``: start a check worker when the app starts (``statecheck serve`` does), so the
    first check does not wait for one.
    """
    max_upload_bytes = min(max_upload_bytes, options.limits.max_bytes)
    checks = CheckRunner(concurrency=max_checks,
                         timeout=options.limits.max_seconds if check_timeout is None else check_timeout)
    store = db if isinstance(db, Store) else open_store(db)
    owns_store = not isinstance(db, Store)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if warm_checks:
            checks.warm()
        try:
            yield
        finally:
            checks.close()
            if owns_store:
                store.close()

    routes = [*pages.routes(), *organisations.routes(), *api.routes()]
    app = Starlette(
        routes=routes,
        middleware=[
            Middleware(SecurityHeaders),
            *([Middleware(TrustedHosts, hosts=allowed_hosts)] if allowed_hosts is not None else []),
            # Form fields and the file share this limit, plus room for the form's own framing.
            Middleware(BodyLimit, max_bytes=max_upload_bytes + FORM_OVERHEAD),
        ],
        exception_handlers={StatecheckError: _statecheck_error, HTTPException: _http_error,
                            Exception: _server_error},
        lifespan=lifespan,
    )
    app.state.settings = Settings(store=store, options=options, max_upload_bytes=max_upload_bytes,
                                  secret=secret or secrets.token_bytes(32), checks=checks)
    app.state.templates = environment(TEMPLATES)
    weakref.finalize(app, checks.close)  # an app used without its lifespan (a test client) too
    return app


__all__ = ["LOOPBACK_HOSTS", "SECURITY_HEADERS", "Settings", "create_app", "error_body"]
