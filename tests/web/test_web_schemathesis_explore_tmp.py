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
from store_samples import sample_documents

from statecheck.store import open_store, save_document
from statecheck.web import create_app
from statecheck.web.openapi import openapi_schema

#: Small, so that a text near the limit is cheap to send, and the 413 is reachable.
UPLOAD_LIMIT = 20_000
#: Examples per operation and generation mode; 8 operations × 2 modes, well under a minute.
MAX_EXAMPLES = 600


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Starlette]:
    db = tmp_path_factory.mktemp("schemathesis") / "corpus.db"
    with open_store(db) as store:
        for document in sample_documents():
            save_document(store, document)
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
    @settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=False, database=None,
              suppress_health_check=list(HealthCheck), phases=[Phase.explicit, Phase.generate, Phase.shrink])
    def check(case: schemathesis.Case) -> None:
        case.call_and_validate()

    check()
