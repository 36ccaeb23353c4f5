"""Claims against reference series: a :class:`~statecheck.model.Verdict` with its evidence.

Each series of the claim's metric and place gives its own :class:`~statecheck.model.Evidence`
(spec §5, :mod:`statecheck.verify.rules`). When several series cover the same metric and
place (OCHA's flash and verified West Bank figures; a user's own series beside the bundled
one), the overall verdict is:

1. ``consistent`` if any series finds the claim consistent: the figure matches a published
   record, and the author may have quoted that one;
2. otherwise the verdict of the first series, in catalog order (bundled before the user's),
   that could check the claim: ``above_record`` or ``below_record``;
3. ``unverifiable`` only when no series could check it.

Every series' evidence is kept, so a reader sees where the records disagree.
"""

from __future__ import annotations

from dataclasses import replace

from statecheck.model import Claim, Document, Evidence, Verdict
from statecheck.options import Options
from statecheck.reference.catalog import Catalog, load_catalog
from statecheck.verify.consistency import check_parts
from statecheck.verify.rules import VERDICT_WORDS, check

__all__ = ["combine", "verify_claim", "verify_claims", "verify_document"]


def verify_claim(claim: Claim, catalog: Catalog) -> Verdict:
    """The verdict on one claim against every series of its metric and place."""
    candidates = catalog.find(claim.metric, claim.place)
    if not candidates:
        where = f"in {claim.place}" if claim.place else "for the whole war"
        return Verdict("unverifiable", f"no reference series of {claim.metric} {where}")
    return combine(tuple(check(claim, series) for series in candidates))


def combine(evidence: tuple[Evidence, ...]) -> Verdict:
    """One verdict from the evidence of several series (rules in the module docstring)."""
    if not evidence:
        return Verdict("unverifiable", "no reference series", ())
    decided = [e for e in evidence if e.verdict != "unverifiable"]
    chosen = next((e for e in decided if e.verdict == "consistent"), decided[0] if decided else evidence[0])
    reason = chosen.sentence
    if len(evidence) > 1 and chosen.verdict != "unverifiable":
        others = [e for e in decided if e is not chosen and e.verdict != chosen.verdict]
        if others:
            reason += "; " + "; ".join(f"{e.series}: {VERDICT_WORDS[e.verdict]}" for e in others)
    return Verdict(chosen.verdict, reason, evidence)


def verify_claims(claims: tuple[Claim, ...], catalog: Catalog) -> tuple[Claim, ...]:
    """Each claim with its verdict, then notes on parts that exceed their whole."""
    checked = tuple(claim.with_verdict(verify_claim(claim, catalog)) for claim in claims)
    return check_parts(checked)


def verify_document(document: Document, options: Options) -> Document:
    """Reads the claims; adds a verdict to each (when ``options.verify``), with the evidence of
    every series of its metric and place, and a note on each part that exceeds its whole.

    Series come from ``options.reference_dir`` (else the user's data folder) over the bundled
    snapshot; :class:`~statecheck.errors.ReferenceDataError` when they cannot be read.
    """
    if not options.verify or not document.claims:
        return document
    catalog = load_catalog(options.reference_dir)
    return replace(document, claims=verify_claims(document.claims, catalog))
