"""The public API is what ``statecheck.__all__`` lists, and it works as the README shows."""

from __future__ import annotations

import statecheck


def test_all_lists_exactly_the_public_names() -> None:
    public = {name for name in vars(statecheck) if not name.startswith("_")}
    modules = {name for name in public if type(getattr(statecheck, name)).__name__ == "module"}
    assert set(statecheck.__all__) - {"__version__"} == public - modules
    for name in statecheck.__all__:
        assert hasattr(statecheck, name)


def test_check_text_returns_a_document_with_offsets() -> None:
    text = "The ministry said 9,061 people have been killed in Gaza."
    document = statecheck.check_text(text, date="2023-11-03", doc_id="example")
    assert isinstance(document, statecheck.Document)
    assert document.doc_id == "example"
    claim = document.claims[0]
    assert (claim.value, claim.metric, claim.place, claim.as_of) == (9061, "killed", "gaza", "2023-11-03")
    assert text[claim.start : claim.end] == claim.quote
    assert claim.verdict is not None and claim.verdict.evidence


def test_errors_share_one_base() -> None:
    for name in ("InputError", "FetchError", "LimitError", "ReferenceDataError", "StoreError", "UsageError"):
        assert issubclass(getattr(statecheck, name), statecheck.StatecheckError)
