"""The frozen data classes that flow between stages."""

from __future__ import annotations

import dataclasses

from statecheck.model import Claim, Evidence, Verdict


def test_a_claim_with_its_verdict_is_the_claim_dataclasses_would_build() -> None:
    # with_verdict copies the fields itself (it runs for every claim checked); it must stay the
    # same claim as dataclasses.replace gives, whatever fields Claim gains.
    claim = Claim(doc="d", quote="more than 1,200 wounded", value=1200, metric="injured", bound="over",
                  place="West Bank", as_of="2024-05-01", source="OCHA", period=("2024-01-01", "2024-05-01"))
    verdict = Verdict(verdict="consistent", reason="within tolerance",
                      evidence=(Evidence(series="s", source="OCHA", verdict="consistent", rule="r", sentence="s"),))
    checked = claim.with_verdict(verdict)
    assert checked == dataclasses.replace(claim, verdict=verdict)
    assert checked.verdict is verdict and claim.verdict is None
