"""``statecheck serve``: run the web app with uvicorn."""

from __future__ import annotations

from pathlib import Path

from statecheck.options import Options
from statecheck.web.app import create_app

#: Options are frozen, so one shared default instance is safe.
DEFAULT_OPTIONS = Options()


def serve(db: str | Path, *, host: str = "127.0.0.1", port: int = 8000, options: Options = DEFAULT_OPTIONS,
          max_upload_bytes: int = 5 * 1024 * 1024) -> None:
    """Serve the corpus ``db`` on ``host:port`` until interrupted (127.0.0.1: this machine only)."""
    import uvicorn

    app = create_app(db, options=options, max_upload_bytes=max_upload_bytes)
    # One worker: the app is I/O-light and SQLite prefers a single writer.
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
