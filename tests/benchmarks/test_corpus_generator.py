"""The benchmark corpus generator: deterministic by seed, and texts that look like real releases."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"


def _load_corpus_module() -> ModuleType:
    # benchmarks/ is a folder of scripts, not a package: load the file itself.
    spec = importlib.util.spec_from_file_location("statecheck_bench_corpus", ROOT / "benchmarks" / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


corpus = _load_corpus_module()
SAMPLE = 400


@pytest.fixture(scope="module")
def sample() -> list[object]:
    return list(corpus.generate(SAMPLE, seed=3))


def test_the_same_seed_gives_the_same_documents() -> None:
    first = [(d.name, d.text, d.meta) for d in corpus.generate(50, seed=11)]
    again = [(d.name, d.text, d.meta) for d in corpus.generate(50, seed=11)]
    assert first == again


def test_another_seed_gives_other_documents() -> None:
    one = [d.text for d in corpus.generate(30, seed=1)]
    two = [d.text for d in corpus.generate(30, seed=2)]
    assert sum(a != b for a, b in zip(one, two)) >= 28


def test_a_small_corpus_is_the_start_of_a_larger_one() -> None:
    small = [d.text for d in corpus.generate(20, seed=5)]
    large = [d.text for d in corpus.generate(60, seed=5)]
    assert large[:20] == small
    assert [d.text for d in corpus.generate(10, seed=5, start=20)] == large[20:30]


def test_the_mix_of_kinds_and_lengths_is_like_a_real_feed(sample: list) -> None:
    kinds = Counter(d.kind for d in sample)
    assert set(kinds) == {k.name for k in corpus.KINDS}
    for kind in corpus.KINDS:  # each kind near its share (±8 points of 400 documents)
        assert abs(kinds[kind.name] / SAMPLE - kind.weight) < 0.08, kind.name
    sizes = {name: [len(d.text.encode()) for d in sample if d.kind == name] for name in kinds}
    assert 1000 < sum(sizes["un_update"]) / len(sizes["un_update"]) < 6000
    assert 2000 < sum(sizes["party_statement"]) / len(sizes["party_statement"]) < 9000
    assert max(sizes["wire_brief"]) < 1200
    mean = sum(len(d.text.encode()) for d in sample) / SAMPLE
    assert 1500 < mean < 4000


def test_texts_carry_figures_in_the_forms_real_ones_use(sample: list) -> None:
    text = "\n".join(d.text for d in sample)
    english = "\n".join(d.text for d in sample if not d.kind.startswith("news_"))
    # 8,005: the commonest form, still well over one per document at about 2.5 claims per KB
    assert len(re.findall(r"\b\d{1,3}(?:,\d{3})+\b", english)) > 500
    assert re.search(r"\b\d{1,3}(?:\.\d{3})+\b", text)  # 40.000 (Spanish)
    assert re.search(r"\b\d{1,3}[ \u202f]\d{3}\b", text)  # 40 000 (French)
    assert re.search(r"\b(?:twenty|thirty|forty|fifty)(?:-\w+)? thousand\b", english)  # forty thousand
    assert re.search(r"\b\d(?:\.\d)? million\b", english)  # 1.9 million
    assert re.search(r"\d+(?:%| per cent| percent)", english)
    for bound in ("more than", "nearly", "at least", "about", "some", "an estimated"):
        assert re.search(rf"\b{bound} \d", english, re.IGNORECASE), bound
    assert re.search(r"\bbetween \d+ and \d+", english, re.IGNORECASE)  # a range
    assert re.search(r"\bas of \d{1,2} \w+|\bas of \w+ \d{1,2}", english, re.IGNORECASE)  # a date
    assert "according to" in english and "said" in english  # sources and attributions
    # and beside them numbers that are not claims: ages, durations, resolutions, times
    assert re.search(r"\d+-year-old", english)
    assert re.search(r"Resolution \d{4}", english)
    assert re.search(r"\d{2}:\d{2}", english)


def test_figures_follow_the_record_with_some_off(sample: list) -> None:
    # Key-figure rows of UN updates quote the record of their day exactly.
    for doc in sample:
        if doc.kind != "un_update":
            continue
        day = corpus.date.fromisoformat(doc.meta["date"])
        match = re.search(r"^([\d,]+) people killed", doc.text, re.MULTILINE)
        assert match is not None
        assert int(match.group(1).replace(",", "")) == round(corpus.figure("killed", day))


def test_every_document_has_a_unique_name_and_plausible_metadata(sample: list) -> None:
    assert len({d.name for d in sample}) == SAMPLE
    with_meta = [d for d in sample if d.meta]
    assert 0.3 * SAMPLE < len(with_meta) < 0.9 * SAMPLE
    for doc in with_meta:
        assert re.fullmatch(r"20\d\d-\d\d-\d\d", doc.meta["date"])
        assert doc.meta.get("language") in {"en", "es", "fr"}


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="shared/corpus is not checked out beside the project")
def test_no_sentence_is_copied_from_the_development_set(sample: list) -> None:
    shared = " ".join(
        " ".join(path.read_text("utf-8", errors="replace").split()) for path in SHARED_CORPUS.rglob("*.txt")
    )
    for doc in sample[:150]:
        for sentence in re.split(r"(?<=[.!?])\s+", " ".join(doc.text.split())):
            if len(sentence) > 50:
                assert sentence not in shared, sentence


def test_write_corpus_writes_files_and_sidecars_and_reuses_them(tmp_path: Path) -> None:
    info = corpus.write_corpus(tmp_path, 30, seed=4)
    assert len(info.files) == 30 and all(path.is_file() for path in info.files)
    assert info.bytes == sum(path.stat().st_size for path in info.files)
    assert list(tmp_path.rglob("*.meta.json"))
    stamp = info.files[0].stat().st_mtime_ns
    again = corpus.write_corpus(tmp_path, 40, seed=4)
    assert again.files[:30] == info.files and again.files[0].stat().st_mtime_ns == stamp
