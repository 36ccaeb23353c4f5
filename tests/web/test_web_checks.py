"""Checks in the web app run under the CLI's Limits, with a hard deadline and a bound on how many
run at once; each limit is a clear status with the one JSON error shape (in-process)."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from statecheck.errors import InputError, LimitError
from statecheck.options import Limits, Options
from statecheck.store import Store
from statecheck.web import create_app
from statecheck.web.checks import CheckRunner, CheckTimeout, ServerBusy, WorkerDied

STATEMENT = "In Gaza, 1,200 people were killed, the ministry said on 7 November 2023."
#: About 1 MB that takes seconds to check (the card reads every line): a slow but valid text. It
#: must stay several times slower than the 0.5 s deadline below as statecheck gets faster (200 kB
#: took 0.44 s in November 2026, and a loaded machine then finished it in time).
SLOW = "\n".join("Ministry of Health, Gaza" for _ in range(40_000))


def gone(pid: int, within: float = 5.0) -> bool:
    """Whether process ``pid`` has ended (a zombie counts as ended) within ``within`` seconds."""
    until = time.monotonic() + within
    while time.monotonic() < until:
        try:
            os.kill(pid, 0)
            with open(f"/proc/{pid}/stat", "rb") as stat:
                if stat.read().rsplit(b")", 1)[-1].split()[0] in {b"Z", b"X"}:
                    return True
        except (ProcessLookupError, FileNotFoundError):
            return True
        time.sleep(0.05)
    return False


def app_client(corpus: Store, **settings: object) -> TestClient:
    return TestClient(create_app(corpus, **settings))  # type: ignore[arg-type]


def error_of(response: object) -> dict[str, object]:
    body = response.json()  # type: ignore[attr-defined]
    assert set(body) == {"error"} and set(body["error"]) == {"type", "message", "location"}, body
    return body["error"]  # type: ignore[no-any-return]


# --- the CLI's size limits ------------------------------------------------------------------------


def test_limits_max_bytes_bounds_the_form_and_the_api(corpus: Store) -> None:
    """The smaller of Limits.max_bytes and the upload limit counts."""
    options = Options(limits=Limits(max_bytes=2_000))
    with app_client(corpus, options=options, max_upload_bytes=1_000_000) as client:
        response = client.post("/api/check", json={"text": STATEMENT + " " * 2_000})
        assert response.status_code == 413
        assert error_of(response)["type"] == "LimitError"
        assert "2,000 bytes" in str(error_of(response)["message"])
        page = client.post("/check", files={"file": ("big.txt", b"x" * 2_001, "text/plain")})
        assert page.status_code == 413 and "2,000 bytes" in page.text
        assert client.post("/api/check", json={"text": STATEMENT}).status_code == 200


def test_limits_max_chars_bounds_a_posted_text(corpus: Store) -> None:
    options = Options(limits=Limits(max_chars=100))
    with app_client(corpus, options=options) as client:
        response = client.post("/api/check", json={"text": STATEMENT * 3})
        assert response.status_code == 413
        error = error_of(response)
        assert error["type"] == "LimitError" and "Limits.max_chars" in str(error["message"])
        page = client.post("/check", data={"text": STATEMENT * 3})
        assert page.status_code == 413 and "Limits.max_chars" in page.text


def test_limits_max_pages_bounds_an_upload(corpus: Store) -> None:
    pytest.importorskip("pypdf")
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(3):
        writer.add_blank_page(width=100, height=100)
    buffer = io.BytesIO()
    writer.write(buffer)
    with app_client(corpus, options=Options(limits=Limits(max_pages=2))) as client:
        page = client.post("/check", files={"file": ("three.pdf", buffer.getvalue(), "application/pdf")})
        assert page.status_code == 413 and "limit of 2" in page.text


# --- time -------------------------------------------------------------------------------------------


def test_a_stage_over_limits_max_seconds_is_422(corpus: Store) -> None:
    """The cooperative limit inside a stage (between sentences), as on the command line."""
    text = "1,200 people were killed. " * 20_000
    with app_client(corpus, options=Options(limits=Limits(max_seconds=0.05)), check_timeout=60) as client:
        response = client.post("/api/check", json={"text": text})
    assert response.status_code == 422, response.text
    error = error_of(response)
    assert error["type"] == "LimitError" and "Limits.max_seconds" in str(error["message"])


def test_a_check_past_the_deadline_is_stopped(corpus: Store) -> None:
    """The hard deadline: the worker is killed, the request answered on time, the next check works."""
    app = create_app(corpus, check_timeout=0.5)
    checks = app.state.settings.checks
    with TestClient(app) as client:
        checks.timeout = 60  # however loaded the machine, this one finishes
        assert client.post("/api/check", json={"text": STATEMENT}).status_code == 200  # a worker, warm
        (worker,) = checks.workers()
        checks.timeout = 0.5
        started = time.monotonic()
        response = client.post("/api/check", json={"text": SLOW})
        elapsed = time.monotonic() - started
        assert response.status_code == 422, response.text
        error = error_of(response)
        assert error["type"] == "CheckTimeout" and "longer than 0.5 s" in str(error["message"])
        assert elapsed < 5, elapsed
        assert gone(worker), "the worker still runs"
        page = client.post("/check", data={"text": SLOW})
        assert page.status_code == 422 and "longer than 0.5 s" in page.text
        checks.timeout = 60
        assert client.post("/api/check", json={"text": STATEMENT}).status_code == 200


# --- concurrency -------------------------------------------------------------------------------------


def test_one_check_too_many_is_503_with_retry_after(corpus: Store) -> None:
    app = create_app(corpus, max_checks=1, check_timeout=60)
    with TestClient(app) as client:
        assert client.post("/api/check", json={"text": STATEMENT}).status_code == 200  # warm
        slow: dict[str, int] = {}
        thread = threading.Thread(target=lambda: slow.update(status=client.post("/api/check", json={"text": SLOW})
                                                             .status_code))
        thread.start()
        try:
            deadline = time.monotonic() + 10
            while app.state.settings.checks.running < 1 and time.monotonic() < deadline:
                time.sleep(0.01)  # until the slow check holds the one slot
            response = client.post("/api/check", json={"text": STATEMENT})
            assert response.status_code == 503
            assert response.headers["retry-after"].isdigit()
            assert error_of(response)["type"] == "ServerBusy"
            page = client.post("/check", data={"text": STATEMENT})
            assert page.status_code == 503 and page.headers["retry-after"].isdigit()
            assert "try again" in page.text
        finally:
            thread.join(timeout=120)
        assert slow == {"status": 200}
        assert client.post("/api/check", json={"text": STATEMENT}).status_code == 200  # the slot is free again


# --- the runner itself -----------------------------------------------------------------------------


def _refuse(message: str) -> None:
    raise InputError(message, location="somewhere")


def _sleep(seconds: float) -> str:
    time.sleep(seconds)
    return "woke"


def _pid() -> int:
    return os.getpid()


@pytest.fixture
def runner() -> Iterator[CheckRunner]:
    checks = CheckRunner(concurrency=2, timeout=2.0)
    yield checks
    checks.close()


def test_runner_returns_results_and_errors_from_another_process(runner: CheckRunner) -> None:
    assert runner.run(_pid) != os.getpid()
    with pytest.raises(InputError) as caught:
        runner.run(_refuse, "no text")
    assert caught.value.message == "no text" and caught.value.location == "somewhere"
    assert runner.run(_sleep, 0) == "woke"
    assert len(runner.workers()) == 1  # reused


def test_runner_deadline_and_a_dead_worker(runner: CheckRunner) -> None:
    runner.timeout = 0.3
    with pytest.raises(CheckTimeout) as timeout:
        runner.run(_sleep, 30)
    assert isinstance(timeout.value, LimitError)
    with pytest.raises(WorkerDied):
        runner.run(os._exit, 3)
    assert runner.workers() == []
    runner.timeout = 5
    assert runner.run(_sleep, 0) == "woke"


def test_runner_refuses_past_its_concurrency(runner: CheckRunner) -> None:
    results: list[object] = []
    threads = [threading.Thread(target=lambda: results.append(runner.run(_sleep, 1.0))) for _ in range(2)]
    for thread in threads:
        thread.start()
    time.sleep(0.3)
    with pytest.raises(ServerBusy):
        runner.run(_sleep, 0)
    for thread in threads:
        thread.join()
    assert results == ["woke", "woke"]


def test_workers_end_with_the_app(corpus: Store, tmp_path: Path) -> None:
    app = create_app(corpus)
    with TestClient(app) as client:
        client.post("/api/check", json={"text": STATEMENT})
        workers = app.state.settings.checks.workers()
        assert workers
    assert all(gone(pid) for pid in workers)
