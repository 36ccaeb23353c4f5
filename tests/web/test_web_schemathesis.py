"""The JSON API against its own OpenAPI description, fuzzed by schemathesis (in-process, ASGI).

Schemathesis reads /api/openapi.json from the app and sends each operation generated requests:
valid ones (positive) and invalid ones (negative: wrong types, out-of-range numbers, broken
JSON, NUL bytes and odd Unicode). Every response must be no server error, have a status code,
content type, headers and body that the description allows; invalid input must be refused;
an undocumented method must get 405. The corpus holds the sample documents and a hostile one.
Cases it once found are kept as plain regression tests at the end.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hostile_samples import store_hostile
from hypothesis import HealthCheck, Phase, given, settings
from starlette.applications import Starlette
from starlette.testclient import TestClient

from conftest import save_samples
from statecheck.store import open_store
from statecheck.web import create_app
from statecheck.web.openapi import openapi_schema

#: Small, so that a text near the limit is cheap to send, and the 413 is reachable.
UPLOAD_LIMIT = 20_000
#: Examples per operation and generation mode; 8 operations × 2 modes, well under a minute.
MAX_EXAMPLES = 40


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Starlette]:
    db = tmp_path_factory.mktemp("schemathesis") / "corpus.db"
    with open_store(db) as store:
        save_samples(store)
        store_hostile(store)
        yield create_app(store, max_upload_bytes=UPLOAD_LIMIT)


@pytest.fixture(scope="module")
def api_schema(app: Starlette) -> Any:
    """The description as the app serves it at /api/openapi.json (schemathesis' ASGI loader)."""
    return schemathesis.openapi.from_asgi("/api/openapi.json", app)


DESCRIPTION = openapi_schema()
#: The description's own path is left out by schemathesis (it takes no input anyway).
OWN_PATH = "/api/openapi.json"
#: Every documented operation, and the generation modes that apply to it: invalid input
#: (negative) only where there is input to get wrong (parameters or a body).
CASES = [
    (method.upper(), path, mode)
    for path, item in DESCRIPTION["paths"].items() if path != OWN_PATH
    for method, operation in item.items()
    for mode in (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE)
    if mode is schemathesis.GenerationMode.POSITIVE or operation.get("parameters") or operation.get("requestBody")
]


def test_every_served_operation_is_fuzzed(api_schema: Any) -> None:
    served = {(result.ok().method.upper(), result.ok().path) for result in api_schema.get_all_operations()}
    assert served == {(method, path) for method, path, _ in CASES}
    assert set(DESCRIPTION["paths"]) == {path for _, path in served} | {OWN_PATH}


# schemathesis' own pytest integration (``from_fixture``) does not run under pytest 9, so each
# operation and mode is one pytest test that drives hypothesis with schemathesis' strategy.
@pytest.mark.parametrize(("method", "path", "mode"), CASES, ids=[f"{m} {p} {mode.value}" for m, p, mode in CASES])
def test_api_conforms_to_its_description(api_schema: Any, method: str, path: str,
                                         mode: schemathesis.GenerationMode) -> None:
    operation = api_schema[path][method.lower()]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck), phases=[Phase.explicit, Phase.generate, Phase.shrink])
    def check(case: schemathesis.Case) -> None:
        case.call_and_validate()

    check()


# --- what fuzzing and probing found, kept as regression tests -------------------------------------
# Before the fix, each of these was a 500 (an integer past SQLite's 64 bits, a lone surrogate),
# a 503 that blamed the database (a NUL in the search words), or invalid input accepted.

FOUND = [
    ("GET", "/api/claims?offset=9223372036854775808", None, 400, "UsageError"),
    ("GET", "/api/documents?offset=9223372036854775808", None, 400, "UsageError"),
    ("GET", "/api/claims?document=99999999999999999999999", None, 400, "UsageError"),
    ("GET", "/api/documents/9223372036854775808", None, 404, "HTTPError"),
    ("GET", "/api/documents?q=a%00b", None, 400, "UsageError"),
    ("GET", "/api/claims?verdict=%00", None, 400, "UsageError"),
    ("GET", "/api/documents?sort=", None, 400, "UsageError"),
    ("GET", "/api/documents?offset=", None, 400, "UsageError"),
    ("GET", "/api/claims?year=%EF%BC%91", None, 400, "UsageError"),
    ("GET", "/api/claims?q=" + "x" * 1001, None, 400, "UsageError"),
    ("POST", "/api/check", b'{"text": "\\ud800 9 were killed"}', 400, "InputError"),
    ("POST", "/api/check", b'{"text": "9 were killed", "language": "AAA"}', 400, "UsageError"),
    ("POST", "/api/check", b'{"text": "9 were killed", "language": "../../etc"}', 400, "UsageError"),
    ("POST", "/api/check", b'{"text": "9 were killed", "language": ""}', 400, "UsageError"),
    ("POST", "/api/check", b'{"text": "9 were killed", "date": "garbage"}', 400, "UsageError"),
    ("POST", "/api/check", b'{"text": "9 were killed", "date": "2024-02-30"}', 400, "UsageError"),
    ("POST", "/api/check", b'{"text": "9 were killed", "date": "0000"}', 400, "UsageError"),
    ("POST", "/api/check", b'{"text": "9 were killed", "date": null, "language": null}', 200, None),
    ("POST", "/api/check", b'{"text": "9 were killed", "date": "0010-02"}', 200, None),
]


@pytest.mark.parametrize(("method", "url", "body", "status", "kind"), FOUND, ids=[f"{m} {u[:60]}" for m, u, *_ in FOUND])
def test_found_cases_stay_fixed(app: Starlette, method: str, url: str, body: bytes | None, status: int,
                                kind: str | None) -> None:
    with TestClient(app) as client:
        response = client.request(method, url, content=body, headers={"content-type": "application/json"})
    assert response.status_code == status
    if kind is not None:
        error = response.json()["error"]
        assert error["type"] == kind and set(error) == {"type", "message", "location"}
