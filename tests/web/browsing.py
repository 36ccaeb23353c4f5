"""What the browser tests share: Debian's Chromium, `statecheck serve` on a free port, screenshots.

The fixtures built on these (``browser``, ``page``) are in conftest.py; each browser test
module gives its own ``server`` (its own corpus), usually ``with serving(db) as base: yield base``.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"

needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(db: Path, *, probe: str = "/api/documents") -> Iterator[str]:
    """`statecheck serve` (uvicorn) over ``db`` on a free port of 127.0.0.1, with its defaults
    (loopback names only); yields its base URL once ``probe`` answers, stops it afterwards."""
    port = free_port()
    # The server's output goes to a file: a pipe nobody reads could fill and stall it.
    log_path = db.with_suffix(".log")
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "statecheck.cli", "serve", "--db", str(db), "--port", str(port)],
            stdout=log, stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    httpx.get(base + probe, timeout=1)
                    break
                except httpx.TransportError:
                    if process.poll() is not None or time.monotonic() > deadline:
                        output = log_path.read_text(errors="replace")
                        raise RuntimeError(f"statecheck serve did not start:\n{output}") from None
                    time.sleep(0.1)
            yield base
        finally:
            process.terminate()
            process.wait(timeout=10)


def screenshot(page: object, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]
