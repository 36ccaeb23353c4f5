"""``statecheck serve``: run the web app with uvicorn."""

from __future__ import annotations

import ipaddress
from pathlib import Path

from statecheck.options import Options
from statecheck.web.app import LOOPBACK_HOSTS, create_app

#: Options are frozen, so one shared default instance is safe.
DEFAULT_OPTIONS = Options()


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this machine only (127.0.0.0/8, ::1, localhost)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_hosts(host: str) -> tuple[str, ...] | None:
    """The Host names a server bound to ``host`` answers: the loopback names on loopback
    (which shuts out DNS rebinding), any name otherwise (None)."""
    return (*LOOPBACK_HOSTS, host.strip("[]").lower()) if is_loopback(host) else None


def serve(db: str | Path, *, host: str = "127.0.0.1", port: int = 8000, options: Options = DEFAULT_OPTIONS,
          max_upload_bytes: int = 5 * 1024 * 1024, max_checks: int = 2, check_timeout: float | None = None) -> None:
    """Serve the corpus ``db`` on ``host:port`` until interrupted (127.0.0.1: this machine only).

    Checks run under ``options.limits`` (as ``statecheck check`` does with the same options), at
    most ``max_checks`` at once, each stopped after ``check_timeout`` seconds (default
    ``options.limits.max_seconds``); see :func:`statecheck.web.app.create_app`.
    """
    import uvicorn

    app = create_app(db, options=options, max_upload_bytes=max_upload_bytes, allowed_hosts=allowed_hosts(host),
                     max_checks=max_checks, check_timeout=check_timeout, warm_checks=True)
    # One server process: the app is I/O-light and SQLite prefers a single writer; checks run in
    # their own worker processes (statecheck.web.checks).
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
