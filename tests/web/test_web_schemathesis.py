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
MAX_EXAMPLES = 40


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


#: Every documented operation; a test below checks this is what the served description lists.
OPERATIONS = [(method.upper(), path) for path, item in openapi_schema()["paths"].items() for method in item]
MODES = [schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE]


def test_the_fuzzed_operations_are_all_the_served_ones(api_schema: Any) -> None:
    served = sorted((result.ok().method.upper(), result.ok().path) for result in api_schema.get_all_operations())
    assert served == sorted(OPERATIONS)


# schemathesis' own pytest integration (``from_fixture``) does not run under pytest 9, so each
# operation and mode is one pytest test that drives hypothesis with schemathesis' strategy.
@pytest.mark.parametrize("mode", MODES, ids=lambda mode: mode.value)
@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_api_conforms_to_its_description(api_schema: Any, method: str, path: str,
                                         mode: schemathesis.GenerationMode) -> None:
    operation = api_schema[path][method.lower()]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck), phases=[Phase.explicit, Phase.generate, Phase.shrink])
    def check(case: schemathesis.Case) -> None:
        case.call_and_validate()

    check()
