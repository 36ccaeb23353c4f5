"""Mentions (``statecheck.extract.mentions``): who a statement names, how often, and its stance.

One row per rule: sentence → the mentions expected among what is found, as
``(name, kind, count, stance)``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from statecheck.extract.issuers import ALIASES_ENV, entity_key
from statecheck.extract.mentions import extract_mentions, find_mentions
from statecheck.model import Card, Document, Issuer, Source, Text
from statecheck.options import Options


@pytest.fixture(autouse=True)
def no_user_aliases(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Tests never read the tester's own alias file."""
    (tmp_path / "none.toml").write_text("", encoding="utf-8")
    monkeypatch.setenv(ALIASES_ENV, str(tmp_path / "none.toml"))


def found(text: str, **kwargs: object) -> dict[str, tuple[str, int, str]]:
    return {m.name: (m.kind, m.count, m.stance) for m in find_mentions(text, **kwargs)}  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the gazetteer: a state by its name or its adjective, counted together
        ("Israel bombed Rafah again. Israeli tanks entered the camp.", {"Israel": ("state", 2, "mentions")}),
        # organisations and their acronyms from the gazetteer are one
        ("UNRWA said the United Nations Relief and Works Agency had lost staff.",
         {"UNRWA": ("organisation", 2, "mentions")}),
        # a person after a title, and later by the surname alone
        ("President Nicolás Maduro spoke. Maduro then left.", {"Nicolás Maduro": ("person", 2, "mentions")}),
        # a capitalised name with an organisation word
        ("The Workers' Party of Mexico marched.", {"Workers' Party of Mexico": ("organisation", 1, "mentions")}),
        # an acronym the text defines counts as its long form, once where both stand together
        ("The Union of Olive Growers (UOG) met. The UOG will march.",
         {"Union of Olive Growers": ("organisation", 2, "mentions")}),
        # an adverb opening the sentence is no part of the name after it
        ("Then the OFWU marched. Later the OFWU went home.", {"OFWU": ("organisation", 2, "mentions")}),
    ],
)
def test_names_are_found_and_counted(sentence: str, expected: dict[str, tuple[str, int, str]]) -> None:
    result = found(sentence)
    for name, value in expected.items():
        assert result.get(name) == value, result


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # only a title in lower case tells these runs from names of nothing
        ("The army spokesman Daniel Hagari spoke on Monday.", "Daniel Hagari", ("person", 1, "mentions")),
        ("He met comrade al-Sharif in Cairo.", "al-Sharif", ("person", 1, "mentions")),
        # United Nations titles with hyphens and two words
        ("The agency's Commissioner-General Ilse Varnholt warned again.", "Ilse Varnholt", ("person", 1, "mentions")),
        ("The Humanitarian Coordinator Tomas Erkel left.", "Tomas Erkel", ("person", 1, "mentions")),
        # an acronym nobody defines, in two sentences
        ("CIPOML met in Quito. The CIPOML met in Lima.", "CIPOML", ("organisation", 2, "mentions")),
    ],
)
def test_runs_that_only_a_title_or_an_acronym_makes_names(text: str, name: str, expected: tuple[str, int, str]) -> None:
    """Sentences and runs are read only where a hint over the whole text says a name may stand
    (``_sentences_to_read``): these are names all the same."""
    assert found(text).get(name) == expected


@pytest.mark.parametrize(
    ("sentence", "name", "stance"),
    [
        ("The Party condemns the complicity of the United States with the occupation.", "United States", "condemns"),
        ("We condemn the European Union and NATO.", "NATO", "condemns"),  # a conjunct shares the cue
        ("We support the Palestinian resistance.", "Palestine", "supports"),
        ("We express our solidarity with the people of Lebanon.", "Lebanon", "supports"),
        ("Long live the heroic resistance of the Palestinian people!", "Palestine", "supports"),
        ("Hold war criminal Netanyahu accountable for his crimes!", "Benjamin Netanyahu", "condemns"),
        ("Hold Israel accountable!", "Israel", "condemns"),  # a cue after the name
        # what lies between says the name is a victim, not the object of the stance
        ("We condemn the killing of Palestinian children.", "Palestine", "mentions"),
        # someone else's stance: the subject just before the cue is another state
        ("Egypt condemns the Israeli bombing of Rafah.", "Israel", "mentions"),
        # reported speech
        ("“We stand with Israel,” the minister said.", "Israel", "mentions"),
        # a plain mention
        ("Delegations from Qatar arrived on Monday.", "Qatar", "mentions"),
    ],
)
def test_stance(sentence: str, name: str, stance: str) -> None:
    result = found(sentence)
    assert name in result, result
    assert result[name][2] == stance


def test_a_body_of_a_known_organisation_is_named_with_its_owner() -> None:
    # never "'s Central Committee", nor "Central Committee" (one entity for every party's)
    names = found("Delegates of Fatah's Central Committee met on Sunday; Hezbollah’s Executive Council did not.")
    assert names.keys() == {"Fatah", "Fatah's Central Committee", "Hezbollah", "Hezbollah’s Executive Council"}
    assert names["Fatah's Central Committee"][0] == "organisation"


def test_lower_case_words_and_region_names_are_not_states() -> None:
    result = found("They ate turkey in Latin American cities. Who is to blame?")
    assert result == {}


def test_shouting_headlines_keep_states_but_not_word_acronyms() -> None:
    result = found("STOP THE GENOCIDE OF THE PALESTINIAN PEOPLE! WHO IS TO BLAME?")
    assert result == {"Palestine": ("state", 1, "mentions")}


def test_a_state_inside_an_organisation_name_is_part_of_the_name() -> None:
    result = found("The Communist Party of Peru and Peru's government disagree.")
    assert result["Communist Party of Peru"] == ("organisation", 1, "mentions")
    assert result["Peru"] == ("state", 1, "mentions")  # the second one only


def test_spellings_share_an_entity_key() -> None:
    first = find_mentions("The Communist Party of Perú spoke.")
    second = find_mentions("The Communist Party of Peru spoke.")
    assert first[0].entity == second[0].entity == entity_key("Communist Party of Peru")


def test_the_documents_own_issuer_may_be_the_subject_of_its_stance() -> None:
    sentence = "Egypt's Workers' Union condemns the United States. Egypt condemns the United States."
    own = {entity_key("Egypt's Workers' Union")}
    assert found(sentence.split(". ")[0] + ".", issuers=own)["United States"][2] == "condemns"
    assert found(sentence.split(". ")[1], issuers=own)["United States"][2] == "mentions"


def test_a_news_report_only_mentions() -> None:
    assert found("We condemn Israel.", genre="news")["Israel"][2] == "mentions"


def test_the_pipeline_step_reads_the_card() -> None:
    text = "The Red Sun Collective condemns the complicity of Germany. We salute the Palestinian people."
    card = Card(doc="d", language="en", roles=(Issuer("Red Sun Collective", "issuer", entity_key("Red Sun Collective")),))
    document = Document(Source("d.txt", "d", "text/plain", "0"), Text.plain(text), card)
    mentions = extract_mentions(document, Options()).mentions
    stances = {m.name: m.stance for m in mentions}
    assert stances == {"Red Sun Collective": "mentions", "Germany": "condemns", "Palestine": "supports"}
    assert all(m.entity for m in mentions)


def test_a_document_without_names() -> None:
    assert find_mentions("nothing here names anyone, in lower case.") == ()


# --------------------------------------------------------------------------- other languages


@pytest.mark.parametrize(
    ("language", "sentence", "name", "stance"),
    [
        # Spanish
        ("es", "Condenamos la complicidad de Estados Unidos con la ocupación.", "United States", "condemns"),
        ("es", "Expresamos nuestra solidaridad con el pueblo de Palestina.", "Palestine", "supports"),
        ("es", "Israel debe rendir cuentas por sus crímenes.", "Israel", "condemns"),
        ("es", "Los ataques contra Palestina continúan.", "Palestine", "mentions"),  # a victim, not a target
        ("es", "Israel bombardeó el hospital, dijo el portavoz.", "Israel", "mentions"),  # reported
        # French
        ("fr", "Nous condamnons la complicité des États-Unis avec l'occupation.", "United States", "condemns"),
        ("fr", "Nous dénonçons les crimes d'Israël à Gaza.", "Israel", "condemns"),
        ("fr", "Toute notre solidarité avec le peuple du Liban !", "Lebanon", "supports"),
        ("fr", "Le siège de la Palestine dure depuis des mois.", "Palestine", "mentions"),
        # Portuguese
        ("pt", "Repudiamos os crimes de Israel e a cumplicidade da União Europeia.", "European Union", "condemns"),
        ("pt", "Saudamos a resistência do povo da Palestina.", "Palestine", "supports"),
        ("pt", "O massacre de palestinos em Gaza continua.", "Palestine", "mentions"),
        # German
        ("de", "Wir verurteilen die Angriffe der israelischen Armee auf Krankenhäuser.", "Israel", "condemns"),
        ("de", "Solidarität mit Palästina!", "Palestine", "supports"),
        ("de", "Wir verurteilen die Mitschuld der Bundesregierung an diesem Krieg.", "Bundesregierung", "condemns"),
        ("de", "Israel hat das Lager bombardiert, sagte der Sprecher.", "Israel", "mentions"),
    ],
)
def test_stance_in_other_languages(language: str, sentence: str, name: str, stance: str) -> None:
    result = found(sentence, language=language)
    assert result.get(name, ("", 0, None))[2] == stance, result


def test_a_state_named_in_two_languages_is_one_entity() -> None:
    spanish = find_mentions("Estados Unidos arma a Israel.", language="es")
    english = find_mentions("The United States arms Israel.", language="en")
    assert {m.entity for m in spanish} == {m.entity for m in english}
    assert {m.name for m in spanish} == {"United States", "Israel"}


def test_german_nouns_are_not_names() -> None:
    result = found(
        "Die Forderungen der Gewerkschaft an die Regierung der Stadt wurden abgelehnt. "
        "Die Kommunistische Partei Deutschlands ruft zur Demonstration auf.",
        language="de",
    )
    assert "Kommunistische Partei Deutschlands" in result
    assert not any("Forderungen" in name or "Regierung der" in name for name in result), result



def test_every_gazetteer_name_flags_its_sentence() -> None:
    """The hint searched through the whole text (``gazetteer_hint``, from a name's first capital on
    where it opens with a small letter: "al-Sisi") flags every sentence that holds a gazetteer name,
    as written or in capitals, in every language."""
    from statecheck.extract import lexicon
    from statecheck.extract.mentions import _sentences_to_read, mention_words
    from statecheck.extract.sentences import split_sentences

    for language in lexicon.LANGUAGES:
        words = mention_words(language)
        written = [form for variants in words.forms.values() for form, entry in variants if entry is not None]
        assert any(form[:1].islower() for form in written)  # the case the hint's shortening is for
        for form in written:
            for name in (form, form.upper()):
                text = f"Nothing here. Yesterday, with {name} and others, they met."
                sentences = split_sentences(text, language)
                flagged, _hints = _sentences_to_read(text, sentences, words)
                holding = {i for i, s in enumerate(sentences) if s.start <= text.index(name) < s.end}
                assert holding <= flagged, (language, name)
