"""Every route in-process (Starlette's TestClient): content, escaping, limits, errors, the API."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator

import pytest
from starlette.routing import Route
from starlette.testclient import TestClient

from statecheck.store import Store, table_counts
from statecheck.web import create_app
from statecheck.web.openapi import openapi_schema

#: A small upload limit, so the limit tests send kilobytes, not megabytes.
UPLOAD_LIMIT = 20_000

@pytest.fixture
def client(corpus: Store) -> Iterator[TestClient]:
    with TestClient(create_app(corpus, max_upload_bytes=UPLOAD_LIMIT)) as test_client:
        yield test_client


PAGES = ["/", "/documents/1", "/documents/1?claim=1", "/claims", "/record", "/check", "/failures", "/api/docs"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_with_security_headers(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "script-src 'none'" in response.headers["content-security-policy"]
    assert "<script" not in response.text.lower().replace("&lt;script", "")


def test_document_text_is_escaped_everywhere(client: TestClient) -> None:
    page = client.get("/documents/1").text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert "<script>" not in page
    assert "Gaza &lt;b&gt;Ministry&lt;/b&gt; update" in page  # the title
    assert "&lt;b&gt;reported&lt;/b&gt;" in page  # an evidence sentence
    search = client.get("/", params={"q": "<script>alert(1)</script>"}).text
    assert "<script>alert(1)" not in search and "&lt;script&gt;alert(1)" in search


def test_documents_search_facets_and_sort(client: TestClient) -> None:
    page = client.get("/", params={"q": "ceasefire"}).text
    assert "1 document matching" in page and "/documents/1" in page
    assert "/documents/2" not in page
    facets = client.get("/").text
    assert 'href="/?issuer=Al-Haq"' in facets and 'href="/?language=es"' in facets
    filtered = client.get("/", params={"language": "es"}).text
    assert "Comunicado" in filtered and "West Bank report" not in filtered
    oldest_first = client.get("/", params={"sort": "date_asc"}).text
    assert oldest_first.index("Gaza &lt;b&gt;Ministry") < oldest_first.index("West Bank report")
    assert client.get("/", params={"sort": "sideways"}).status_code == 400


def test_one_document_highlights_each_claim_by_verdict(client: TestClient) -> None:
    page = client.get("/documents/1", params={"claim": "0"}).text
    assert page.count('<mark class="claim') == 3
    assert '<mark class="claim v-consistent selected"' in page
    assert "v-above_record" in page and "v-below_record" in page
    assert 'href="/documents/1?claim=0#claim-0">8,005 Palestinians were killed</a>' in page
    # The selected claim's details are open and show its evidence and a chart of the record.
    opened = page[page.index("<details class=\"claim v-consistent\" open>"):]
    opened = opened[: opened.index("</details>")]
    assert "tfp/gaza/killed" in opened and "<svg" in opened and "7,326" in opened


def test_an_unknown_document_is_404(client: TestClient) -> None:
    assert client.get("/documents/999").status_code == 404
    response = client.get("/api/documents/999")
    assert response.status_code == 404
    assert response.json() == {"error": {"type": "HTTPError", "message": "There is no document 999.", "location": None}}


def test_claims_table_and_downloads_follow_the_filter(client: TestClient) -> None:
    page = client.get("/claims", params={"metric": "killed"}).text
    assert "3 claims" in page
    assert 'href="/claims.csv?metric=killed"' in page
    rows = list(csv.DictReader(io.StringIO(client.get("/claims.csv", params={"metric": "killed"}).text)))
    assert sorted(row["quote"] for row in rows) == sorted([
        "8,005 Palestinians were killed", "410 Palestinians have been killed in the West Bank",
        "Más de 22.000 personas han muerto"])
    response = client.get("/claims.json", params={"verdict": "above_record"})
    assert response.headers["content-disposition"].startswith("attachment")
    assert [record["value"] for record in response.json()] == [3324]


def test_record_page_draws_one_chart_per_series_with_claims(client: TestClient) -> None:
    page = client.get("/record").text
    assert page.count("<svg") >= 3
    assert "tfp/gaza/killed" in page
    assert page.count('class="claim-point v-consistent"') >= 2  # 8,005 and 22,000 on the same series


def test_check_form_shows_a_pasted_text_without_storing_it(client: TestClient, corpus: Store) -> None:
    before = table_counts(corpus)
    response = client.post("/check", data={"text": "On 5 November 2023, 9,770 <i>people</i> were killed in Gaza."})
    assert response.status_code == 200
    assert "&lt;i&gt;people&lt;/i&gt;" in response.text and "Checked, not stored" in response.text
    assert table_counts(corpus) == before


def test_check_form_stores_only_when_asked(client: TestClient, corpus: Store) -> None:
    # Storing needs the form's CSRF token (and the cookie the form page set on the client).
    token = re.search(r'name="csrf_token" value="([0-9a-f]+)"', client.get("/check").text)
    assert token is not None
    response = client.post("/check", data={"text": "A new statement: 1,200 people were killed.", "store": "1",
                                           "csrf_token": token.group(1)},
                           follow_redirects=False)
    assert response.status_code == 303
    assert table_counts(corpus)["documents"] == 4
    shown = client.get(response.headers["location"])
    assert "Stored in the corpus" in shown.text


def test_check_form_accepts_a_file(client: TestClient) -> None:
    files = {"file": ("statement.txt", b"Gaza, 1 December 2023. 15,000 Palestinians have been killed.")}
    response = client.post("/check", files=files, data={"date": "2023-12-01"})
    assert response.status_code == 200 and "upload:statement.txt" in response.text


@pytest.mark.parametrize(
    ("name", "data", "status", "message"),
    [
        ("big.txt", b"x" * (UPLOAD_LIMIT + 1), 413, "larger than"),
        ("huge.txt", b"x" * (UPLOAD_LIMIT + 200_000), 413, "larger than"),
        ("program.exe", b"MZ\x90\x00", 400, "not an accepted type"),
        ("fake.pdf", b"<html>not a pdf</html>", 400, "not a PDF"),
        ("fake.docx", b"plain text", 400, "not a Word document"),
        ("binary.txt", b"\x00\x01\x02\x03", 400, "looks binary"),
        ("empty.txt", b"", 400, "is empty"),
    ],
)
def test_uploads_are_limited_in_size_and_type(client: TestClient, name: str, data: bytes, status: int,
                                              message: str) -> None:
    response = client.post("/check", files={"file": (name, data)})
    assert response.status_code == status
    assert message in response.text


def test_a_form_posted_from_another_site_is_refused(client: TestClient, corpus: Store) -> None:
    response = client.post("/check", data={"text": "1,200 killed", "store": "1"},
                           headers={"origin": "https://elsewhere.example"}, follow_redirects=False)
    assert response.status_code == 403
    assert table_counts(corpus)["documents"] == 3


def test_check_form_errors_are_shown_as_a_page(client: TestClient) -> None:
    assert "paste a text or choose a file" in client.post("/check", data={"text": "  "}).text
    assert client.post("/check", data={"text": "x", "date": "yesterday"}).status_code == 400


def test_the_app_is_read_only_apart_from_the_check_form(client: TestClient) -> None:
    for path in ["/", "/documents/1", "/claims", "/api/documents", "/api/claims"]:
        assert client.post(path).status_code == 405
        assert client.delete(path).status_code == 405


# --- the JSON API ------------------------------------------------------------------------------


def test_api_documents_and_facets(client: TestClient) -> None:
    body = client.get("/api/documents", params={"q": "Palestinians"}).json()
    assert body["total"] == 2
    assert {"value": "en", "count": 2} in body["facets"]["language"]
    document = client.get("/api/documents/1").json()
    assert document["card"]["title"] == "Gaza <b>Ministry</b> update"  # JSON carries the text as it is
    assert [claim["value"] for claim in document["claims"]] == [8005, 3324, 20000]
    assert document["claims"][0]["evidence"][0]["series"] == "tfp/gaza/killed"
    assert document["versions"][0]["version"] == 1


def test_api_claims_series_failures(client: TestClient) -> None:
    body = client.get("/api/claims", params={"place": "west_bank"}).json()
    assert body["total"] == 2 and body["claims"][0]["location"] == "/corpus/wb-ngo.txt"
    series = {item["series"]: item for item in client.get("/api/series").json()}
    assert len(series["tfp/gaza/killed"]["claim_points"]) == 2
    assert client.get("/api/failures").json() == []


def test_api_check_does_not_store(client: TestClient, corpus: Store) -> None:
    response = client.post("/api/check", json={"text": "9,770 people were killed in Gaza.", "date": "2023-11-05"})
    assert response.status_code == 200 and "claims" in response.json()
    assert table_counts(corpus)["documents"] == 3


@pytest.mark.parametrize(
    ("request_kwargs", "status", "kind"),
    [
        ({"content": b"not json"}, 400, "UsageError"),
        ({"json": {"text": ""}}, 400, "InputError"),
        ({"json": {"text": "x", "date": 5}}, 400, "UsageError"),
        ({"content": b"x" * (UPLOAD_LIMIT + 100_000)}, 413, "LimitError"),
    ],
)
def test_api_errors_have_one_shape(client: TestClient, request_kwargs: dict[str, object], status: int,
                                   kind: str) -> None:
    response = client.post("/api/check", **request_kwargs)  # type: ignore[arg-type]
    assert response.status_code == status
    error = response.json()["error"]
    assert error["type"] == kind and error["message"] and set(error) == {"type", "message", "location"}
    bad_filter = client.get("/api/claims", params={"limit": "lots"})
    assert bad_filter.status_code == 400 and bad_filter.json()["error"]["type"] == "UsageError"


def test_openapi_describes_every_api_route(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    assert schema == json.loads(json.dumps(openapi_schema()))
    routes = {route.path.replace(":int", "") for route in client.app.routes  # type: ignore[attr-defined]
              if isinstance(route, Route) and route.path.startswith("/api/")}
    assert routes == set(schema["paths"])
    docs = client.get("/api/docs").text
    for path in schema["paths"]:
        assert path in docs
