"""Helpers for the per-language claim tables (test_claims_es.py, _fr, _pt, _de)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import statecheck

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
HAS_SHARED = (SHARED / "corpus").is_dir()


def claims_of(text: str, language: str, date: str | None = "2024-03-15") -> list[dict[str, Any]]:
    options = statecheck.Options(verify=False, demands=False, language=language)
    document = statecheck.check_text(text, date=date, options=options)
    return [c.to_record(with_evidence=False) for c in document.claims]


def check(text: str, language: str, expected: list[dict[str, Any]], date: str | None = "2024-03-15") -> None:
    """Every claim found is listed in ``expected``, in order; only the fields named are compared."""
    found = claims_of(text, language, date)
    assert len(found) == len(expected), f"found {[(c['value'], c['metric'], c['quote']) for c in found]}"
    assert [{k: c.get(k) for k in e} for c, e in zip(found, expected)] == expected


def dev_score(doc: str) -> dict[str, Any]:
    """The shared scorer's figures for one development document of shared/corpus/news."""
    spec = importlib.util.spec_from_file_location("score", SHARED / "tools" / "score.py")
    assert spec and spec.loader
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    news = SHARED / "corpus" / "news"
    document = statecheck.check_path(news / f"{doc}.txt", options=statecheck.Options(verify=False, demands=False))
    predicted = [c.to_record(with_evidence=False) for c in document.claims]
    gold = scorer.load_jsonl(news / "gold" / "claims.jsonl")
    result: dict[str, Any] = scorer.score(predicted, gold, {doc})
    result["language"] = document.card.language
    return result
