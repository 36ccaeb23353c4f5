"""The check form's CSRF token: a signed double-submit cookie.

The app's one write, "Store it in the corpus" on ``/check``, must come from a form this server
rendered. Rendering the form sets a random, HttpOnly, SameSite=Strict cookie (:data:`COOKIE`)
and puts ``HMAC(secret, cookie)`` in a hidden field (:data:`FIELD`). A store request is refused
unless the field matches the cookie it came with. A page on another site can send neither
value; another program on this machine that plants a cookie for 127.0.0.1 (cookies ignore
ports) still cannot sign it, because the secret never leaves the server.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

from starlette.requests import Request
from starlette.responses import Response

COOKIE = "statecheck_csrf"
FIELD = "csrf_token"

#: What a cookie we set looks like (``secrets.token_urlsafe(32)``); anything else is replaced.
_COOKIE_VALUE = re.compile(r"^[A-Za-z0-9_-]{43}$")


def _sign(secret: bytes, value: str) -> str:
    return hmac.new(secret, value.encode("ascii"), hashlib.sha256).hexdigest()


def session_value(request: Request) -> str | None:
    """The request's CSRF cookie, if it is one we could have set."""
    value = request.cookies.get(COOKIE, "")
    return value if _COOKIE_VALUE.match(value) else None


def issue(request: Request, secret: bytes) -> tuple[str, str | None]:
    """``(token for the form, cookie to set or None)``: reuses the request's cookie when it has one."""
    value = session_value(request)
    if value is not None:
        return _sign(secret, value), None
    value = secrets.token_urlsafe(32)
    return _sign(secret, value), value


def set_cookie(response: Response, request: Request, value: str | None) -> None:
    if value is not None:
        response.set_cookie(COOKIE, value, httponly=True, samesite="strict", path="/",
                            secure=request.url.scheme == "https")


def valid(request: Request, secret: bytes, token: object) -> bool:
    """Whether ``token`` (the form field) is the signature of the request's cookie."""
    value = session_value(request)
    if value is None or not isinstance(token, str) or not token.isascii():
        return False
    return hmac.compare_digest(token, _sign(secret, value))


__all__ = ["COOKIE", "FIELD", "issue", "set_cookie", "valid"]
