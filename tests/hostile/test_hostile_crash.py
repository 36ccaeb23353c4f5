"""Crash safety: SIGKILL at any moment loses nothing that was stored and corrupts nothing.

* ``statecheck ingest`` (a real subprocess) is killed at random points, during start-up, the
  migrations, and between and inside the one-transaction-per-document writes. After every kill
  the SQLite file passes ``PRAGMA integrity_check`` and ``foreign_key_check``, opens with
  :func:`statecheck.store.open_store`, and holds each document either completely (all its claims)
  or not at all; a final run stores every document exactly once.
* ``reference update`` is killed inside each write of its new copies (between writing a
  temporary file and renaming it, and after each rename): every file in use is always a whole,
  valid file, old or new, and killed before its first rename the previous snapshot is in place.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from statecheck import pipeline
from statecheck.options import Options
from statecheck.reference import BUNDLED_DIR, ENDPOINTS, load_catalog, update
from statecheck.store import open_store

DOCUMENTS = 30
SEED = 7


def statecheck() -> list[str]:
    script = Path(sys.executable).with_name("statecheck")
    return [str(script)] if script.exists() else [sys.executable, "-m", "statecheck.cli"]


@pytest.fixture(scope="module")
def inbox(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """Documents, each with its own numbers, and how many claims each must have in the store."""
    folder = tmp_path_factory.mktemp("inbox")
    expected: dict[str, int] = {}
    for n in range(DOCUMENTS):
        path = folder / f"statement-{n:02d}.txt"
        path.write_text(
            f"Statement {n}\n\nIn Gaza, {1000 + n:,} people were killed and {3000 + n:,} injured, "
            f"the ministry said on {1 + n % 28} November 2023. In the West Bank, {40 + n} people were "
            f"detained. More than {n + 2} schools were damaged.\n" * (1 + n % 3),
            encoding="utf-8",
        )
        expected[str(path)] = len(pipeline.check_path(path, Options(verify=False)).claims)
    return folder, expected


def stored(db: Path) -> dict[str, int]:
    """Check the file as SQLite sees it after a crash; return claims per stored location."""
    connection = sqlite3.connect(db)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "documents" not in tables:
            return {}  # killed before the first migration committed: an empty database
        duplicates = connection.execute(
            "SELECT location, version, count(*) FROM documents GROUP BY location, version HAVING count(*) > 1"
        ).fetchall()
        assert duplicates == []
        return dict(
            connection.execute(
                "SELECT d.location, count(c.id) FROM documents d LEFT JOIN claims c ON c.document_id = d.id "
                "GROUP BY d.id"
            ).fetchall()
        )
    finally:
        connection.close()


def count_documents(db: Path) -> int:
    try:
        connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1)
        try:
            return int(connection.execute("SELECT count(*) FROM documents").fetchone()[0])
        finally:
            connection.close()
    except sqlite3.Error:
        return 0


def ingest(folder: Path, db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [*statecheck(), "ingest", str(folder), "--db", str(db), "--workers", "1", "--no-verify"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def test_ingest_killed_at_random_points(inbox: tuple[Path, dict[str, int]], tmp_path: Path) -> None:
    folder, expected = inbox
    db = tmp_path / "corpus.db"
    rng = random.Random(SEED)
    kills = []
    # First a kill at a random moment of start-up or migration, then kills once a random number
    # of documents is stored, a few milliseconds later: inside or between their transactions.
    plans: list[tuple[str, float]] = [("time", rng.uniform(0.3, 1.5))]
    plans += [("documents", rng.uniform(0.1, 0.9)) for _ in range(2)]
    for kind, value in plans:
        process = ingest(folder, db)
        if kind == "time":
            time.sleep(value)
        else:
            target = count_documents(db) + max(1, int(value * (DOCUMENTS - count_documents(db))))
            deadline = time.monotonic() + 60
            while count_documents(db) < target and process.poll() is None and time.monotonic() < deadline:
                time.sleep(0.005)
            time.sleep(rng.uniform(0, 0.03))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        found = stored(db)
        kills.append((kind, round(value, 2), process.returncode, len(found)))
        for location, claims in found.items():
            assert claims == expected[location], (location, claims, kills)  # whole, or not there
        with open_store(db):
            pass  # opens (and migrates) after the crash
    assert all(code == -signal.SIGKILL for _, _, code, _ in kills), kills  # none had finished
    assert 0 < len({count for *_, count in kills} - {0}), kills  # some kills came after some documents
    finish = ingest(folder, db)
    _, errors = finish.communicate(timeout=120)
    assert finish.returncode == 0, errors.decode()
    final = stored(db)
    print("kills (plan, value, return code, documents stored):", kills)
    assert final == expected  # every document exactly once, each with all its claims


# --------------------------------------------------------------------------- reference update


def versions() -> tuple[dict[str, bytes], dict[str, bytes]]:
    """Two releases upstream, both valid and not older than the bundled copies, different bytes."""
    old, new = {}, {}
    for name in ENDPOINTS:
        rows = json.loads((BUNDLED_DIR / "techforpalestine" / name).read_bytes())
        old[name] = json.dumps(rows, indent=1).encode()
        new[name] = json.dumps(rows, separators=(",", ":")).encode()
    return old, new


@pytest.fixture
def upstream() -> Iterator[tuple[str, dict[str, bytes]]]:
    served: dict[str, bytes] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            name = next((n for n, endpoint in ENDPOINTS.items() if self.path.endswith("/" + endpoint)), None)
            body = served.get(name or "")
            if body is None:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/api", served
    finally:
        server.shutdown()
        server.server_close()


def _update_and_die(base: str, folder: Path, point: str, at: int) -> None:
    """In a forked child: run the update, SIGKILL itself at the ``at``-th call of ``os.<point>``
    (fsync: the temporary file is written but not yet renamed; replace: just after a rename)."""
    real = getattr(os, point)
    calls = 0

    def hook(*args: object, **kwargs: object) -> object:
        nonlocal calls
        calls += 1
        if point == "fsync" and calls == at:
            os.kill(os.getpid(), signal.SIGKILL)
        result = real(*args, **kwargs)
        if point == "replace" and calls == at:
            os.kill(os.getpid(), signal.SIGKILL)
        return result

    setattr(os, point, hook)
    update(url=base, reference_dir=folder)
    os._exit(0)  # the kill point was never reached


@pytest.mark.parametrize(("point", "at"), [("fsync", 1), ("fsync", 3), ("replace", 2), ("fsync", 5), ("replace", 5)])
def test_reference_update_killed_mid_write(
    upstream: tuple[str, dict[str, bytes]], tmp_path: Path, point: str, at: int
) -> None:
    base, served = upstream
    old, new = versions()
    folder = tmp_path / "reference"
    folder.mkdir()
    served.update(old)
    update(url=base, reference_dir=folder)  # the previous snapshot
    copies = folder / "techforpalestine"
    assert {name: (copies / name).read_bytes() for name in ENDPOINTS} == old
    served.update(new)

    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        try:
            _update_and_die(base, folder, point, at)
        finally:
            os._exit(1)
    _, status = os.waitpid(child, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL

    now = {name: (copies / name).read_bytes() for name in ENDPOINTS}
    assert all(now[name] in (old[name], new[name]) for name in ENDPOINTS)  # whole files only
    renamed = (at - 1) if point == "fsync" else at  # files renamed before the kill
    order = [name for name in ENDPOINTS]
    assert [name for name in order if now[name] == new[name]] == order[: min(renamed, len(order))]
    if renamed == 0:
        assert now == old  # killed while writing the first file: the previous snapshot, untouched
    load_catalog(folder)  # every copy in use still loads
    leftovers = [p.name for p in copies.iterdir() if p.name.endswith(".part")]
    assert len(leftovers) <= 1  # at most the temporary file being written, which no loader reads
