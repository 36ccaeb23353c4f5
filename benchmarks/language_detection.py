#!/usr/bin/env python3
"""Compare the card's stopword counter with lingua (restricted to en/es/fr/pt/de): accuracy,
time and memory, on the development documents and on their first sentences.

    python benchmarks/language_detection.py [SHARED_DIR]

The card uses the stopword counter (``statecheck.extract.cards.detect_language``); lingua is
measured only when ``lingua-language-detector`` is installed.
"""

from __future__ import annotations

import json
import re
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

from statecheck.extract.cards import detect_language


def samples(shared: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    documents, sentences = [], []
    for corpus in ("seeds", "news"):
        folder = shared / "corpus" / corpus
        gold = {r["doc"]: r["language"] for r in map(json.loads, (folder / "gold" / "docs.jsonl").read_text().splitlines()) if r}
        for doc, language in sorted(gold.items()):
            text = (folder / f"{doc}.txt").read_text(encoding="utf-8")
            documents.append((text, language))
            first = re.split(r"(?<=[.!?])\s+", re.sub(r"^\s*date \S+\s+", "", text).strip())
            sentences.append((next((s for s in first if len(s.split()) >= 8), first[0]), language))
    return documents, sentences


def measure(name: str, detect: Callable[[str], str | None], sets: dict[str, list[tuple[str, str]]]) -> None:
    for label, rows in sets.items():
        started = time.perf_counter()
        right = sum(detect(text) == language for text, language in rows)
        elapsed = time.perf_counter() - started
        chars = sum(len(t) for t, _ in rows)
        print(f"{name:10} {label:10} {right}/{len(rows)} right, {chars / elapsed / 1e6:.2f} M chars/s")


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1].parent / "shared"
    documents, sentences = samples(shared)
    sets = {"documents": documents, "sentences": sentences}
    before = rss_mb()
    measure("stopwords", detect_language, sets)
    print(f"stopwords  peak RSS grew {rss_mb() - before:.0f} MB")
    try:
        from lingua import Language, LanguageDetectorBuilder
    except ImportError:
        print("lingua     not installed: pip install lingua-language-detector")
        return 0
    before = rss_mb()
    started = time.perf_counter()
    detector = LanguageDetectorBuilder.from_languages(
        Language.ENGLISH, Language.SPANISH, Language.FRENCH, Language.PORTUGUESE, Language.GERMAN
    ).build()
    codes = {Language.ENGLISH: "en", Language.SPANISH: "es", Language.FRENCH: "fr", Language.PORTUGUESE: "pt", Language.GERMAN: "de"}

    def lingua_detect(text: str) -> str | None:
        found = detector.detect_language_of(text)
        return codes.get(found) if found else None

    lingua_detect("warm up the models")
    print(f"lingua     built and loaded in {time.perf_counter() - started:.2f} s")
    measure("lingua", lingua_detect, sets)
    print(f"lingua     peak RSS grew {rss_mb() - before:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
