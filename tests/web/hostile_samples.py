"""A stored statement that tries to run script, break out of attributes and plant links, in
every field the pages, the API, the charts and the report show.

Built from the model and saved with the store's own functions, so it reaches the pages the way
a hostile file in a newsroom's inbox would after ingest. Used by test_web_security*.py and
test_web_schemathesis.py.
"""

from __future__ import annotations

import hashlib

from statecheck.model import Card, Claim, Document, Evidence, ReferencePoint, Source, Text, Verdict
from statecheck.store import Store, record_failure, save_document

#: Each payload is harmless as text and does something (an alert, a link, a frame) if the page
#: lets it be parsed as markup. Together they cover tag injection, event-handler attributes,
#: attribute break-out with either quote, javascript: URLs and SVG/title break-out.
PAYLOADS = (
    "<script>alert('script')</script>",
    "<img src=x onerror=alert('img')>",
    "\"><svg onload=alert('dq')>",
    "'><svg onload=alert('sq')>",
    "javascript:alert('js')",
    "<a href=\"javascript:alert('href')\">click</a>",
    "</title><script>alert('title')</script>",
    "]]><iframe src=\"javascript:alert('cdata')\"></iframe>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert('meta')\">",
    "<style>body{display:none}</style>",
    "{{ 7 * 7 }}",
)
HOSTILE = " ".join(PAYLOADS)

#: A name a claim can carry in every text field (short enough for a chart label).
SHORT = "<img src=x onerror=alert('s')>\"'"

#: The quote the text's one checked claim has (it holds markup itself).
QUOTE = "9,999 <b onmouseover=alert('q')>people</b> were killed"


def hostile_text() -> str:
    return f"Gaza, 2 November 2023. {HOSTILE}\nAccording to {SHORT}, {QUOTE}. {HOSTILE}"


def hostile_document() -> Document:
    doc = "hostile" + SHORT
    text = hostile_text()
    start = text.index(QUOTE)
    evidence = Evidence(
        series="tfp/gaza/killed" + SHORT,
        source="Ministry " + HOSTILE,
        verdict="above_record",
        rule="rule " + HOSTILE,
        sentence="sentence " + HOSTILE,
        points=(ReferencePoint("2023-10-30", 8525), ReferencePoint("2023-11-02", 9061)),
        r_lo=8525,
        r_hi=9061,
        tolerance=0.01,
        snapshot="snapshot " + SHORT,
        caveats="caveats " + HOSTILE,
    )
    claim = Claim(
        doc=doc, quote=QUOTE, value=9999, metric="killed", unit="people" + SHORT, place="gaza" + SHORT,
        as_of="2023-11-02", source="source " + HOSTILE, note="note " + SHORT, start=start, end=start + len(QUOTE),
        verdict=Verdict("above_record", "reason " + HOSTILE, (evidence,)), notes=("notes " + HOSTILE,),
    )
    unchecked = Claim(doc=doc, quote="Gaza", value=1, metric="metric" + SHORT, start=0, end=4)
    card = Card(doc=doc, title="Title " + HOSTILE, date="2023-11-02",
                issuers=("Issuer " + SHORT, "javascript:alert('issuer')"), place="gaza" + SHORT,
                language="en\"><script>alert('lang')</script>")
    source = Source(
        location="/inbox/javascript:alert('loc')/\"><img src=x onerror=alert('file')>.txt",
        doc_id=doc,
        media_type="text/html",
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        meta={"title": card.title, "url": "javascript:alert('url')"},
    )
    return Document(source=source, text=Text.plain(text), card=card, claims=(claim, unchecked))


def store_hostile(store: Store) -> int:
    """Save the hostile document and a hostile failure; the document's id."""
    saved = save_document(store, hostile_document())
    record_failure(store, "/inbox/<script>alert('failure')</script>.pdf",
                   ValueError("reason <img src=x onerror=alert('reason')>"))
    return saved.document_id


__all__ = ["HOSTILE", "PAYLOADS", "QUOTE", "SHORT", "hostile_document", "store_hostile"]
