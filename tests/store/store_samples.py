"""Documents built by hand from the model, with the exact claims, verdicts and evidence a test needs.

Imported by the store, web and report tests (tests/web and tests/report put this folder on
sys.path in their conftest), so all three look at the same small corpus.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from statecheck.model import Card, Claim, Demand, Document, Evidence, ReferencePoint, Source, Text, Verdict

GAZA_TEXT = (
    "Gaza, 29 October 2023. According to the Ministry of Health, 8,005 Palestinians were killed, "
    "including 3,324 children. More than 20,000 were injured.\n"
    "We demand an immediate ceasefire. <script>alert('x')</script> & \"quotes\""
)

WEST_BANK_TEXT = (
    "Ramallah, March 2024. Since October, 410 Palestinians have been killed in the West Bank, "
    "and some 7,000 were detained."
)

SPANISH_TEXT = "Madrid, 5 de enero de 2024. Más de 22.000 personas han muerto en Gaza."


def evidence(series: str, verdict: str, points: list[tuple[str, float]], *, lo: float, hi: float) -> Evidence:
    return Evidence(
        series=series,
        source="Gaza Ministry of Health (via Tech for Palestine)",
        verdict=verdict,  # type: ignore[arg-type]
        rule="exact: [r_lo, r_hi] overlaps [value × 0.99, value × 1.01]",
        sentence=f"The record shows {lo:,.0f} to {hi:,.0f} <b>reported</b> in the window.",
        points=tuple(ReferencePoint(date, value) for date, value in points),
        r_lo=lo,
        r_hi=hi,
        tolerance=0.01,
        snapshot="casualties_daily.json@sha256:abc",
    )


def claim_at(text: str, quote: str, doc: str, **fields: object) -> Claim:
    """A claim whose offsets are where ``quote`` is in ``text``."""
    start = text.index(quote)
    return Claim(doc=doc, quote=quote, start=start, end=start + len(quote), **fields)  # type: ignore[arg-type]


def document(doc_id: str, text: str, card: Card, claims: tuple[Claim, ...] = (), demands: tuple[Demand, ...] = (),
             location: str | None = None) -> Document:
    source = Source(
        location=location or f"/corpus/{doc_id}.txt",
        doc_id=doc_id,
        media_type="text/plain",
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        meta={"title": card.title},
    )
    return Document(source=source, text=Text.plain(text), card=card, claims=claims, demands=demands)


def gaza_document() -> Document:
    doc = "gaza-moh"
    killed = claim_at(
        GAZA_TEXT, "8,005 Palestinians were killed", doc, value=8005, metric="killed", place="gaza",
        as_of="2023-10-29", source="Ministry of Health",
        verdict=Verdict("consistent", "matches the record", (
            evidence("tfp/gaza/killed", "consistent", [("2023-10-27", 7326), ("2023-10-28", 7703),
                                                        ("2023-10-29", 8005)], lo=7326, hi=8005),)),
    )
    children = claim_at(
        GAZA_TEXT, "3,324 children", doc, value=3324, metric="killed_children", place="gaza",
        as_of="2023-10-29",
        verdict=Verdict("above_record", "above the record", (
            evidence("tfp/gaza/killed_children", "above_record", [("2023-10-29", 3100)], lo=3000, hi=3100),)),
    )
    injured = claim_at(
        GAZA_TEXT, "More than 20,000 were injured", doc, value=20000, metric="injured", place="gaza",
        bound="over", as_of="2023-10-29",
        verdict=Verdict("below_record", "below the record", (
            evidence("tfp/gaza/injured", "below_record", [("2023-10-29", 21048)], lo=20000, hi=21048),)),
    )
    card = Card(doc=doc, title="Gaza <b>Ministry</b> update", date="2023-10-29",
                issuers=("Palestinian Ministry of Health",), place="gaza", language="en")
    demand = Demand(doc=doc, quote="We demand an immediate ceasefire.", categories=("ceasefire",),
                    start=GAZA_TEXT.index("We demand"), end=GAZA_TEXT.index("We demand") + 33)
    return document(doc, GAZA_TEXT, card, (killed, children, injured), (demand,))


def west_bank_document() -> Document:
    doc = "wb-ngo"
    killed = claim_at(
        WEST_BANK_TEXT, "410 Palestinians have been killed in the West Bank", doc, value=410, metric="killed",
        place="west_bank", as_of="2024-03",
        verdict=Verdict("unverifiable", "no series", ()),
    )
    detained = claim_at(WEST_BANK_TEXT, "some 7,000 were detained", doc, value=7000, metric="detained",
                        place="west_bank", bound="about", as_of="2024-03")
    card = Card(doc=doc, title="West Bank report", date="2024-03", issuers=("Al-Haq", "B'Tselem"),
                place="west_bank", language="en")
    return document(doc, WEST_BANK_TEXT, card, (killed, detained))


def spanish_document() -> Document:
    doc = "es-comunicado"
    killed = claim_at(
        SPANISH_TEXT, "Más de 22.000 personas han muerto", doc, value=22000, metric="killed", place="gaza",
        bound="over", as_of="2024-01-05",
        verdict=Verdict("consistent", "matches", (
            evidence("tfp/gaza/killed", "consistent", [("2024-01-04", 22313), ("2024-01-05", 22438)],
                     lo=22313, hi=22438),)),
    )
    card = Card(doc=doc, title="Comunicado", date="2024-01-05", issuers=("Sumar",), language="es")
    return document(doc, SPANISH_TEXT, card, (killed,))


def sample_documents() -> list[Document]:
    return [gaza_document(), west_bank_document(), spanish_document()]


def changed(doc: Document, extra: str) -> Document:
    """The same location with different bytes (a new version)."""
    text = doc.text.original + extra
    source = replace(doc.source, sha256=hashlib.sha256(text.encode()).hexdigest())
    return replace(doc, source=source, text=Text.plain(text))
