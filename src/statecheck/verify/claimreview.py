"""schema.org ``ClaimReview`` JSON-LD for checked claims (``statecheck check --format claimreview``).

One review per claim the record could check (consistent, above or below the record): a claim
the record cannot check has no rating to publish. The review's author is the user's
organisation; the claim's author is the document's first issuer.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from statecheck.model import Claim, Document

#: ``reviewRating.alternateName``: the verdict in words a reader of a search result understands.
RATING_NAMES: dict[str, str] = {
    "consistent": "Consistent with the record",
    "above_record": "Above the record",
    "below_record": "Below the record",
}


def claim_reviews(document: Document, *, org: str, date_published: date | None = None) -> list[dict[str, Any]]:
    """A ClaimReview object for each checked claim of ``document``, in document order."""
    published = (date_published or date.today()).isoformat()
    return [
        claim_review(claim, document, org=org, date_published=published)
        for claim in document.claims
        if claim.verdict is not None and claim.verdict.verdict in RATING_NAMES
    ]


def claim_review(claim: Claim, document: Document, *, org: str, date_published: str) -> dict[str, Any]:
    """One ClaimReview (https://schema.org/ClaimReview) for one checked claim."""
    assert claim.verdict is not None
    card, source = document.card, document.source
    appearance: dict[str, Any] = {"@type": "CreativeWork"}
    if source.location.startswith(("http://", "https://")):
        appearance["url"] = source.location
    else:
        appearance["identifier"] = source.location
    if card.title:
        appearance["headline"] = card.title
    if card.date:
        appearance["datePublished"] = card.date
    item: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
    if card.issuers:
        item["author"] = {"@type": "Organization", "name": card.issuers[0]}
    if card.date:
        item["datePublished"] = card.date
    explanation = " ".join(e.sentence for e in claim.verdict.evidence if e.verdict != "unverifiable")
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": claim.quote,
        "itemReviewed": item,
        "reviewRating": {
            "@type": "Rating",
            "alternateName": RATING_NAMES[claim.verdict.verdict],
            "ratingExplanation": explanation or claim.verdict.reason,
        },
        "author": {"@type": "Organization", "name": org},
        "datePublished": date_published,
    }
