"""Demands (``statecheck.extract.demands``): one row per rule of shared/spec/demands.md, on
sentences written here. The last tests are the quality gate on ``../shared`` (skipped without it)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from statecheck import ingest
from statecheck.extract.cards import extract_card
from statecheck.extract.demands import CATEGORIES, extract_demands
from statecheck.model import Card, Demand, Document
from statecheck.options import Options

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
DATA = Path(__file__).resolve().parent / "data"
LABELS = DATA / "demand_labels.jsonl"
ROOT = Path(__file__).resolve().parents[2]


def demands(text: str, meta: dict[str, Any] | None = None, **options: Any) -> list[Demand]:
    source, normalised = ingest.from_text(text, doc_id="t", meta=meta)
    document = Document(source=source, text=normalised, card=Card(doc="t"))
    document = extract_card(document, Options(**options))
    return list(extract_demands(document, Options(**options)).demands)


def only(text: str, meta: dict[str, Any] | None = None) -> Demand | None:
    found = demands(text, meta)
    assert len(found) <= 1, found
    return found[0] if found else None


# --------------------------------------------------------------------------- what is a demand


@pytest.mark.parametrize(
    ("sentence", "category", "addressee"),
    [
        # imperatives
        ("Stop the shelling of the valley!", "ceasefire", None),
        ("Hold the generals accountable for the massacre!", "accountability", None),
        ("Boycott the companies that profit from the blockade!", "boycott", None),
        ("Free all the detained fishermen!", "release_captives", None),
        ("– Lift the siege of the valley now!", "humanitarian_access", None),
        # an exhortation after a vocative: the vocative is the addressee
        ("Teachers and students of the island, let us march together!", "mobilisation",
         "Teachers and students of the island"),
        ("Dockers of every port, refuse to load the weapons!", "arms_embargo", "Dockers of every port"),
        # calls by the issuer
        ("We call on all governments to cut their diplomatic ties with the occupiers.", "sever_relations", "all governments"),
        ("We call upon the island's unions, which have stood with us before, to organise a general strike.",
         "mobilisation", "the island's unions"),
        ("We urge the neighbouring states to open the border crossings for food and medicine.",
         "humanitarian_access", "the neighbouring states"),
        ("We demand the immediate release of the detained fishermen.", "release_captives", None),
        ("At the same time, we call that the commission investigate the shooting.", "accountability", None),
        # obligations: the subject is the addressee when it names people who can act
        ("The dockers of the island must refuse to handle any military cargo.", "arms_embargo", "The dockers of the island"),
        ("The occupying army must withdraw from the valley.", "withdrawal", "The occupying army"),
        ("Governments should suspend all arms sales to the belligerents.", "arms_embargo", "Governments"),
        ("The bombing must be stopped immediately!", "ceasefire", None),  # a passive names nobody
        ("The shelling must be stopped by the united action of the workers.", "ceasefire", "the workers"),
        ("Popular anger must grow into a general strike.", "mobilisation", None),  # a thing, not an actor
        ("We must end the blockade and let food and water in.", "humanitarian_access", None),  # the issuer itself
        # necessity
        ("It is more necessary than ever to build the solidarity movement.", "mobilisation", None),
        ("What is needed now is a permanent ceasefire.", "ceasefire", None),
        # "has to" before what is asked of the world; a passive call names its addressee as subject
        ("The shelling of the valley has to stop.", "ceasefire", None),
        ("All union branches are urged to organise a stoppage on Friday.", "mobilisation", "All union branches"),
        # a call in the present continuous by the issuer itself
        ("We are calling on the council to cancel the trade agreement with the occupiers.", "sever_relations", "the council"),
        # more imperatives: negative ones, and verbs of the categories' families
        ("Do not load the ships carrying weapons to the front!", "arms_embargo", None),
        ("Recall the ambassador from the occupying state!", "sever_relations", None),
        ("Let the detained fishermen go home!", "release_captives", None),
        ("Humanitarian agencies must have unhindered access to the valley.", "humanitarian_access", "Humanitarian agencies"),
        # a body naming itself by its kind is the issuer: its call is its own
        ("Our confederation calls on the government to freeze the trade agreement with the occupiers.",
         "sever_relations", "the government"),
        ("The Special Rapporteur urges the authorities to release the detained fishermen.", "release_captives", "the authorities"),
        # "we ask X for …", after an "and"
        ("We pray, and we ask every government with influence, for the fighting in the valley to end.",
         "ceasefire", "every government with influence"),
        # an imperative whose verb has a particle before "of"
        ("Walk out of class at noon and gather at the gate!", "mobilisation", None),
        # duties and needs
        ("It is our duty to organise the workers of every factory against this war.", "mobilisation", None),
        ("What the people of the valley need now is a ceasefire that holds.", "ceasefire", None),
        # "whatever … say" reports nothing
        ("Whatever the politicians say, the killing must stop.", "ceasefire", None),
    ],
)
def test_demands_and_their_addressees(sentence: str, category: str, addressee: str | None) -> None:
    found = only(sentence)
    assert found is not None, sentence
    assert found.categories[0] == category
    assert found.addressee == addressee


@pytest.mark.parametrize(
    "sentence",
    [
        # salutes and slogans without an action verb
        "Long live the struggle of the olive growers!",
        "Down with the occupation!",
        "Glory to the martyrs of the valley!",
        "No to the war on the island!",
        "Freedom for the people of the valley!",
        "Free Sardinia!",
        # condemnations and declarations of the issuer's own position
        "Condemns the shelling of the cooperative.",
        "We express our solidarity with the growers of the valley.",
        "Renews its support for the people of the island.",
        # conditions
        "There can be no peace until the occupation is ended.",
        "If the government refuses, the people must take to the streets.",
        # reported demands of others
        "The court ordered the army to stop the demolitions.",
        "The minister said the blockade must be lifted.",
        "The regional governor called for an immediate truce.",
        "Protesters demanded an end to the bombing.",
        "“The siege must end now,” a doctor told reporters.",
        # questions, and modals that oblige nobody
        "Must the valley starve before the world acts?",
        "The fire must have started in the warehouse.",
        "It must be said that the harvest was already poor.",
        # description
        "The families have to walk ten kilometres for water.",
        "Support for the cooperative has grown since the summer.",
        # a sentence-opening word that is no imperative here
        "Close to half of the clinics in the valley have closed.",
        "Never before has the harbour been so empty.",
    ],
)
def test_not_demands(sentence: str) -> None:
    assert only(sentence) is None


def test_a_release_is_its_issuers_own_call() -> None:
    text = "The Union of Olive Growers (UOG) is appalled by the shelling. The UOG calls for an immediate ceasefire."
    found = only(text)
    assert found is not None and found.categories[0] == "ceasefire"


def test_a_call_by_the_issuer_under_a_short_name_is_its_own() -> None:
    intro = "The curfew in the valley has now lasted for nine days and the schools have stayed shut all that time."
    text = f"Statement by the Island Ombudsman\n\n{intro} The Ombudsman calls on the army to lift the curfew."
    found = only(text)
    assert found is not None and found.addressee == "the army"
    text = f"Statement by the Island Ombudsman\n\n{intro} The Governor calls on the army to lift the curfew."
    assert only(text) is None  # someone else's call


def test_a_news_report_reports_others_demands() -> None:
    text = (
        "VALLETTA (Reuters) - The union must now decide whether to strike, its leaders believe. "
        "Israel must allow food into the valley, aid agencies warn. Governments should act."
    )
    assert demands(text) == []
    assert demands("Governments should suspend arms sales.", {"publisher_type": "newspaper"}) == []


def test_a_pronoun_is_read_back_to_its_noun() -> None:
    text = (
        "We salute the dockers of the island who refused to load the ship and call on them to extend the strike. "
        "It also calls on you to join the picket lines."
    )
    found = demands(text)
    assert [d.addressee for d in found] == ["the dockers of the island", "the dockers of the island"]
    assert found[0].quote == "call on them to extend the strike."


def test_clauses_after_a_colon_or_semicolon_are_demands_of_their_own() -> None:
    text = (
        "The movement must grow around three demands: demand that the troops leave the valley; "
        "demand the severing of trade relations; demand that the generals be tried."
    )
    found = demands(text)
    assert [d.categories[0] for d in found] == ["mobilisation", "withdrawal", "sever_relations", "accountability"]


def test_the_quote_is_the_source_text_with_its_span() -> None:
    text = "**Intro**\n\nThe world must\nact   now to stop the war!\n"
    (found,) = demands(text)
    assert found.quote == "The world must act now to stop the war!"
    assert text[found.start : found.end].split() == found.quote.split()


def test_a_slogan_joined_to_the_last_line_of_a_demand_is_cut_off() -> None:
    text = "**The occupiers, with all their warships, must take their hands off the island\nFreedom for the island!**\n"
    (found,) = demands(text)
    assert found.quote == "The occupiers, with all their warships, must take their hands off the island"
    assert found.addressee == "The occupiers"
    assert found.categories[0] == "withdrawal"


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        # "withdraw" money is a boycott, "withdraw" troops a withdrawal
        ("The church should withdraw its investments from the firms that build the wall.", "boycott"),
        ("The occupying power must withdraw its troops from the valley.", "withdrawal"),
        # a separable verb: "pull its troops back"
        ("We urge the occupying power to pull its troops back to the old lines.", "withdrawal"),
        # "lay down their weapons" asks for a truce, not for an arms embargo
        ("We implore all armed groups to lay down their weapons.", "ceasefire"),
        # a state of a people recognised
        ("Governments should recognise the State of Palestine.", "self_determination"),
        # an obligation whose subject holds the cue ("The occupying troops must leave …")
        ("The occupying troops must leave the northern districts.", "withdrawal"),
        # divestment is a boycott: selling shares, stakes and holdings
        ("Norway's sovereign wealth fund should sell its stake in companies operating in the settlements.", "boycott"),
        ("The church must dispose of its holdings in firms linked to the occupation.", "boycott"),
        ("UEFA must suspend the occupier's clubs from European competitions.", "boycott"),
        # freezing, suspending or ending an agreement or a twinning severs relations
        ("The EU must freeze its trade agreement with the occupying state.", "sever_relations"),
        ("The city should end its twinning arrangement with the settlement council.", "sever_relations"),
        # "insists that X be halted", "for the fighting to end": a ceasefire
        ("We insist that the bombing of the valley be halted immediately.", "ceasefire"),
        # "strike": a labour action, unless it is a military one
        ("Teachers should strike on Thursday in solidarity with the valley.", "mobilisation"),
        ("All unions must prepare a general strike.", "mobilisation"),
        ("The officials who ordered the air strike on the market must be prosecuted.", "accountability"),
        ("The commanders who ordered the strike on the clinic must face trial.", "accountability"),
        ("Airstrikes on the residential districts must stop.", "ceasefire"),
        # the displaced going back home; arms: refusing to assemble parts for the front
        ("Displaced families must be allowed to go back to their villages.", "self_determination"),
        ("Workers at the plant must refuse to assemble the components bound for the front.", "arms_embargo"),
        # not abandoning the fighters of a resistance
        ("Revolutionaries must never abandon the fighters of the island's resistance.", "support_resistance"),
    ],
)
def test_category_families(sentence: str, category: str) -> None:
    found = only(sentence)
    assert found is not None and found.categories[0] == category, found


@pytest.mark.parametrize(
    "sentence",
    [
        "The report asks whether the strikes on the valley were lawful.",
        "The minister asks the public to remain calm.",
        "Our members went on strike last week.",
        "The city council voted last night to suspend the twinning agreement.",
    ],
)
def test_more_sentences_that_are_no_demands(sentence: str) -> None:
    assert only(sentence) is None


def test_the_prefilter_groups_cues_by_first_letter() -> None:
    """The prefilter's grouped alternation finds a cue where the plain alternation does."""
    import re

    from statecheck.extract.demands import _by_first_letter, _regexes

    patterns = ["urges?", "asks?(?= that)", "(?:it )?is necessary to", "a|b", "must", "é(?:xige)", "i"]
    grouped = re.compile(rf"(?<![\w])(?=\w)(?:{_by_first_letter(patterns)})(?![\w])", re.IGNORECASE)
    plain = re.compile(rf"(?<![\w])(?=\w)(?:{_regexes(patterns)})(?![\w])", re.IGNORECASE)
    text = "We urge you; she asks that; It is necessary to act; a b c; Must; ÉXIGE; i; asks why; mustard"
    assert [m.start() for m in grouped.finditer(text)] == [m.start() for m in plain.finditer(text)]


@pytest.mark.parametrize(
    ("pattern", "letters"),
    [
        ("(?:it )?is necessary to", {"i"}),
        ("(?:has|have) to(?= stop)", {"h"}),
        ("(?:is|are|am) (?:now )?calling", {"i", "a"}),
        ("x|y z", {"x", "y"}),
        ("(?:a|b)?(?:c|d)", {"a", "b", "c", "d"}),
        ("(?:a|b\\|c)d", {"a", "b"}),
        ("(?:a)+b", {"a"}),
        ("a?b", None),
        ("(?:a|)x", None),
        ("(?:a){0,2}b", None),
        ("[ab]c", None),
        ("x|\\w+", None),
        ("(?:a)*", None),
    ],
)
def test_the_letters_a_cue_opens_with_are_read_from_its_start(pattern: str, letters: set[str] | None) -> None:
    """A cue that does not open with a plain letter is tried only at words that open with one of
    the letters it can open with; where those are not known, at every word."""
    import re

    from statecheck.extract.demands import _guarded, _opening_letters

    assert _opening_letters(pattern) == letters
    text = "It is necessary to; has to stop; Are now calling; x; y z; ac bd c d; b|cd; aab; b; ab ax; w"
    guarded = [m.span() for m in re.finditer(rf"(?<!\w)(?:{_guarded(pattern)})", text, re.IGNORECASE)]
    assert guarded == [m.span() for m in re.finditer(rf"(?<!\w)(?:{pattern})", text, re.IGNORECASE)]


def test_the_prefilter_skips_nothing_that_is_a_demand(monkeypatch: pytest.MonkeyPatch) -> None:
    """The cheap test that skips a clause (no call, modal or necessity in it, no imperative to open it)
    changes no result: with it switched off, every clause is read and the same demands come out."""
    import statecheck.extract.demands as module

    texts = [row["text"] for name in ("demand_labels", "demand_labels_holdout", "demand_labels_fresh", "demand_labels_fresh2")
             for row in _rows(name) if row.get("language", "en") == "en"]
    text = "\n\n".join(texts) + "\n\nThe harbour is quiet. Workers, unite! Teachers of the valley, strike on Monday!"
    with_filter = [(d.quote, d.categories, d.addressee) for d in demands(text)]
    monkeypatch.setattr(module, "_may_open_imperative", lambda *args: True)
    monkeypatch.setattr(module, "_any_between", lambda *args: True)
    assert [(d.quote, d.categories, d.addressee) for d in demands(text)] == with_filter
    assert len(with_filter) >= 150


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("We demand peace; stop the war: now!", ["We demand peace;", "stop the war:", "now!"]),
        ("  - Free them all  ", ["Free them all"]),
        ("1) End the siege;\u00a0 b. Lift it", ["End the siege;", "Lift it"]),
        ("•\tUnite!; ab", ["Unite!;"]),
        ("a: b", []),
        ("12. Stop", ["Stop"]),
    ],
)
def test_a_sentence_is_cut_into_trimmed_clauses(sentence: str, expected: list[str]) -> None:
    from statecheck.extract.demands import clauses, demand_words

    words = demand_words("en")
    assert words is not None
    text = f"x {sentence} y"
    assert [text[a:b] for a, b in clauses(text, 2, 2 + len(sentence), words)] == expected


def test_a_category_is_looked_for_only_where_some_category_starts() -> None:
    """The places where any category's cue starts (one pass) hold every category's first cue: what
    each category's own search finds is found trying those places alone, in every language."""
    from statecheck.extract.demands import _first_cue, demand_words

    texts = [row["text"] for name in ("demand_labels", "demand_labels_holdout") for row in _rows(name)]
    texts += ["UNRWA must be funded.", "Stop the strikes on Gaza", "Call a general strike, Workers!"]
    texts += ["ÉTAT SOUVERAIN", "Ceasefire NOW; an end to the war; BRING the troops home"]
    for language in ("en", "fr", "de", "es", "pt"):
        words = demand_words(language)
        assert words is not None
        for text in texts:
            starts = sorted({m.start() for pattern in words.category_starts for m in pattern.finditer(text)})
            for _name, together, _alone in words.categories:
                for position in (0, len(text) // 3):
                    expected = together.search(text, position)
                    found = _first_cue(together, text, starts, position)
                    assert (found and found.span()) == (expected and expected.span()), (language, text, _name)


def test_a_sentence_is_skipped_only_where_no_clause_may_open_with_an_imperative() -> None:
    """The places found in one pass (after ";", ":" or a comma) and the sentence's first word hold
    every clause that :func:`_may_open_imperative` lets through."""
    from statecheck.extract.demands import (
        _any_between,
        _clause_start,
        _may_open_imperative,
        _opens_with_imperative_word,
        clauses,
        demand_words,
    )
    from statecheck.extract.sentences import split_sentences

    texts = [row["text"] for name in ("demand_labels", "demand_labels_holdout") for row in _rows(name)]
    texts += [
        "The harbour is quiet; - stop the war: 2) Free them. Workers of the world,   unite! We, the people, STOP it",
        "Nous, travailleurs, exigeons: ÉLARGISSEZ la grève; ſtop it; a) end it; Straße, ſtop. x: 12. Boycott!",
    ]
    for language in ("en", "fr", "de", "es", "pt"):
        words = demand_words(language)
        assert words is not None
        for text in texts:
            openers = [m.start() for m in words.later_openers.finditer(text)]
            for sentence in split_sentences(text, language):
                kept = _any_between(openers, sentence.start, sentence.end) or _opens_with_imperative_word(
                    text, _clause_start(text, sentence.start, sentence.end), sentence.end, words
                )
                for start, end in clauses(text, sentence.start, sentence.end, words):
                    assert kept or not _may_open_imperative(text, start, end, words), (language, text[start:end])


def test_a_demand_without_category_cues_is_other_with_a_note() -> None:
    (found,) = demands("We call on the council to rename the square.")
    assert found.categories == ("other",)
    assert found.note


@pytest.mark.parametrize(
    ("sentence", "language", "category"),
    [
        ("Exigimos el fin inmediato de los bombardeos sobre el valle.", "es", "ceasefire"),
        ("Los gobiernos deben imponer un embargo de armas.", "es", "arms_embargo"),
        ("Nous exigeons la libération immédiate de tous les détenus.", "fr", "release_captives"),
        ("Le gouvernement doit rompre ses relations diplomatiques avec l'occupant.", "fr", "sever_relations"),
        ("Exigimos o fim do cerco e a entrada de ajuda humanitária.", "pt", "humanitarian_access"),
        ("Wir fordern einen sofortigen Waffenstillstand.", "de", "ceasefire"),
    ],
)
def test_other_languages(sentence: str, language: str, category: str) -> None:
    found = demands(sentence, language=language)
    assert len(found) == 1 and found[0].categories[0] == category


def test_no_demands_when_switched_off() -> None:
    assert demands("Stop the shelling of the valley!", demands=False) == []


# --------------------------------------------------------------------------- categories on labelled sentences


def _rows(name: str) -> list[dict[str, Any]]:
    path = DATA / f"{name}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def labelled() -> list[dict[str, Any]]:
    return _rows("demand_labels")


def test_the_labelled_sentences_are_well_formed() -> None:
    rows = labelled()
    assert len(rows) >= 60
    for row in rows:
        assert set(row) == {"text", "categories"}
        assert row["categories"] and all(c in (*CATEGORIES, "other") for c in row["categories"])
    assert {row["categories"][0] for row in rows} >= set(CATEGORIES)


def test_the_lexicon_categorises_the_labelled_sentences() -> None:
    rows = labelled()
    right = 0
    for row in rows:
        found = demands(row["text"])
        right += bool(found) and found[0].categories[0] in row["categories"]
    # Raise this floor when the lexicon improves (benchmarks/demand_categories.py prints the figures).
    assert right / len(rows) >= 0.95


# Sets written after demand_labels (benchmarks/demand_categories.py says which were tuned on): rows may
# carry "language", "genre" and "demand": false (a sentence that is no demand, with no categories).
_LATER_SETS = ("demand_labels_holdout", "demand_labels_fresh", "demand_labels_fresh2", "demand_labels_fresh3")
#: first-category accuracy, end to end (a demand not detected is a miss); floors under the figures
#: measured when each set was added (or after it was tuned on), to catch a regression, never to be
#: lowered quietly. fresh3 was measured once, never tuned on: 0.868 (detection recall 0.926).
_FLOORS = {
    "demand_labels_holdout": 0.95, "demand_labels_fresh": 0.95, "demand_labels_fresh2": 0.95, "demand_labels_fresh3": 0.85,
}


@pytest.mark.parametrize("name", _LATER_SETS)
def test_the_later_label_sets_are_well_formed(name: str) -> None:
    rows = _rows(name)
    texts = [row["text"] for row in rows]
    assert len(set(texts)) == len(texts)
    for row in rows:
        assert set(row) <= {"text", "categories", "language", "genre", "demand"}, row
        assert row.get("language", "en") in ("en", "es", "fr", "pt", "de")
        assert all(c in (*CATEGORIES, "other") for c in row["categories"])
        assert bool(row["categories"]) == row.get("demand", True), row


@pytest.mark.parametrize("name", _LATER_SETS)
def test_the_lexicon_on_the_later_label_sets(name: str) -> None:
    right = total = false_alarms = 0
    for row in _rows(name):
        found = demands(row["text"], language=row.get("language", "en"))
        if not row.get("demand", True):
            false_alarms += bool(found)
            continue
        total += 1
        right += bool(found) and found[0].categories[0] in row["categories"]
    assert right / total >= _FLOORS[name]
    assert false_alarms == 0


# --------------------------------------------------------------------------- the command line and the quality gate


def test_check_writes_demands_out(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("Stop the shelling of the valley!\n\nWe call on all unions to join the strike.\n", encoding="utf-8")
    out = tmp_path / "d.jsonl"
    result = subprocess.run(
        [sys.executable, "-m", "statecheck.cli", "check", "--no-verify", "--format", "jsonl", "--demands-out", str(out), str(doc)],
        capture_output=True, text=True, cwd=ROOT, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["quote"] for r in rows] == ["Stop the shelling of the valley!", "We call on all unions to join the strike."]
    assert set(rows[0]) >= {"doc", "quote", "categories", "addressee"}
    assert rows[1]["addressee"] == "all unions"


def _scorer() -> Any:
    spec = importlib.util.spec_from_file_location("score_demands", SHARED / "tools" / "score_demands.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared is not here")
def test_seed_demands_reach_the_floor(tmp_path: Path) -> None:
    import statecheck

    rows = []
    for path in sorted((SHARED / "corpus" / "seeds").glob("*.txt")):
        document = statecheck.check_path(path, options=Options(verify=False))
        rows.extend(d.to_record() for d in document.demands)
    predicted = tmp_path / "demands.jsonl"
    predicted.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "score_demands.py"), str(predicted),
         str(SHARED / "corpus" / "seeds" / "gold" / "demands.jsonl"), "--json"],
        capture_output=True, text=True, timeout=120, check=False,
    )
    figures = json.loads(result.stdout)
    # Floors: raise them when the rules improve, never lower them quietly (the target is 0.9 / 0.85).
    assert figures["f1"] >= 0.95, figures
    assert figures["category_accuracy"] >= 0.9, figures
