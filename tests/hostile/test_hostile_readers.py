"""The readers under Hypothesis: random bytes, and valid files with bytes flipped, cut or inserted,
under every suffix. A reader gives text or a one-line StatecheckError naming the input, nothing
else (the same rule as fuzz/fuzz_ingest.py, which needs atheris; this runs in the suite)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from statecheck import ingest, pipeline
from statecheck.errors import StatecheckError
from statecheck.options import Limits, Options

SUFFIXES = (".txt", ".md", ".html", ".pdf", ".docx", "")
OPTIONS = Options(verify=False, limits=Limits(max_bytes=200_000, max_chars=50_000, max_pages=20, max_seconds=5))
STATEMENT = "In Gaza, 1,200 people were killed and 3,400 injured, the ministry said on 7 November 2023."


def _seeds() -> list[bytes]:
    from generate import _docx, _paragraphs, _pdf

    return [
        _pdf([[STATEMENT, "5,000 displaced"], []]),
        _docx(_paragraphs(STATEMENT, "| killed | 1,200 |")),
        ("<html><head><meta charset='utf-8'><title>Gaza</title></head><body><article><p>"
         + STATEMENT * 3 + "</p></article></body></html>").encode(),
        STATEMENT.encode("utf-16"),
        ("Según el ministerio, 1.200 niños murieron. " * 3).encode("cp1252"),
    ]


SEEDS = _seeds()


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A seed file with a few bytes replaced, a slice removed or junk inserted."""
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 4))):
        if not data:
            break
        position = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["flip", "cut", "insert", "truncate"]))
        if action == "flip":
            data[position] = draw(st.integers(0, 255))
        elif action == "cut":
            del data[position : position + draw(st.integers(1, 64))]
        elif action == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=32))
        else:
            del data[position:]
    return bytes(data)


def read_or_refuse(raw: bytes, suffix: str) -> None:
    name = f"fuzz{suffix}"
    try:
        source, text = ingest.from_bytes(raw, name=name, options=OPTIONS)
    except StatecheckError as error:
        message = str(error)
        assert message.startswith(f"{name}: ") and "\n" not in message and "\r" not in message, message
        return
    assert len(text.offsets) == len(text.normalised) + 1 and text.offsets[-1] == len(text.original)
    pipeline.run_steps(source, text, OPTIONS)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2048), st.sampled_from(SUFFIXES))
def test_random_bytes(raw: bytes, suffix: str) -> None:
    read_or_refuse(raw, suffix)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated(), st.sampled_from(SUFFIXES))
def test_damaged_files(raw: bytes, suffix: str) -> None:
    read_or_refuse(raw, suffix)
