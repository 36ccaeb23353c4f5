"""One key per organisation (``statecheck.extract.issuers``): one row per way two names agree."""

from __future__ import annotations

from pathlib import Path

import pytest

from statecheck.errors import UsageError
from statecheck.extract.issuers import (
    ALIASES_ENV,
    acronym_definitions,
    entity_key,
    fold,
    is_acronym_of,
    split_acronym,
)


@pytest.fixture(autouse=True)
def no_user_aliases(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Tests never read the tester's own alias file."""
    monkeypatch.setenv(ALIASES_ENV, str(tmp_path / "none.toml"))
    (tmp_path / "none.toml").write_text("", encoding="utf-8")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Workers' Party of Perú", "Workers' Party of Peru"),  # accents
        ("UNION OF DOCKERS", "Union of Dockers"),  # case
        ("Federation of Trade Organisations", "Federation of Trade Organizations"),  # -isation/-ization
        ("Peace & Justice League", "Peace and Justice League"),  # & / and
        ("The Daily Courier", "Daily Courier"),  # a leading article
        ("Red Sun Collective (RSC)", "Red Sun Collective"),  # the acronym in parentheses
        ("CIPOML", "International Conference of Marxist-Leninist Parties and Organisations"),  # bundled alias
        ("ICMLPO", "International Conference of Marxist-Leninist Parties and Organizations (CIPOML)"),
        ("Doctors Without Borders", "Médecins Sans Frontières (MSF)"),  # a translation in the alias file
    ],
)
def test_spellings_of_one_organisation_share_a_key(a: str, b: str) -> None:
    assert entity_key(a) == entity_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Communist Party of Peru", "Communist Party of Mexico"),
        ("Workers' League", "Workers' Party"),
        ("UNICEF", "UNRWA"),
    ],
)
def test_different_organisations_keep_different_keys(a: str, b: str) -> None:
    assert entity_key(a) != entity_key(b)


def test_the_key_is_a_readable_slug() -> None:
    assert entity_key("The Workers' Party of Perú") == "workers-party-of-peru"


def test_acronyms_the_document_defines_join_their_long_form() -> None:
    text = "The Union of Olive Growers (UOG) said today that the UOG will march."
    acronyms = acronym_definitions(text)
    assert acronyms == {"UOG": "Union of Olive Growers"}
    assert entity_key("UOG", acronyms) == entity_key("Union of Olive Growers", acronyms)



@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the shortest run of words whose initials give the acronym, hyphenated parts counted apart
        ("Then came The Great Union of Olive Growers (UOG).", {"UOG": "Union of Olive Growers"}),
        ("Delegates of the Marxist-Leninist Parties and Organisations (MLPO) met.", {"MLPO": "Marxist-Leninist Parties and Organisations"}),
        # translated acronyms reorder the words; one initial more than the acronym's letters is allowed
        ("the International Conference of Marxist-Leninist Parties and Organizations (CIPOML)",
         {"CIPOML": "International Conference of Marxist-Leninist Parties and Organizations"}),
        # no run of words gives these letters
        ("Many Capitalised Words Before This (XQ) stay unread.", {}),
    ],
)
def test_acronym_definitions_read_the_run_of_words_before_them(text: str, expected: dict[str, str]) -> None:
    assert acronym_definitions(text) == expected

@pytest.mark.parametrize(
    ("short", "long_name", "expected"),
    [
        ("MSF", "Médecins Sans Frontières", True),
        ("UOG", "Union of Olive Growers", True),  # "of" gives no letter
        ("CIPOML", "International Conference of Marxist-Leninist Parties and Organisations", True),  # reordered
        ("GOV.UK", "Ministry of Sample Affairs", False),
        ("Madeira", "Daily Island News", False),
    ],
)
def test_is_acronym_of(short: str, long_name: str, expected: bool) -> None:
    assert is_acronym_of(short, long_name) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Union of Olive Growers (UOG)", ("Union of Olive Growers", "UOG")),
        ("Daily Island News (Madeira)", ("Daily Island News (Madeira)", None)),  # not an acronym: kept
        ("Red Sun Collective", ("Red Sun Collective", None)),
    ],
)
def test_split_acronym(name: str, expected: tuple[str, str | None]) -> None:
    assert split_acronym(name) == expected


def test_fold_drops_accents_case_punctuation_and_article() -> None:
    assert fold("The Comité Central, Perú!") == "comite central peru"


def test_a_user_alias_file_named_by_the_environment_joins_names(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    aliases = tmp_path / "aliases.toml"
    aliases.write_text('[[entity]]\nnames = ["Olive Growers Union", "Sindicato de Olivareros", "SOL"]\n', encoding="utf-8")
    monkeypatch.setenv(ALIASES_ENV, str(aliases))
    assert entity_key("Sindicato de Olivareros") == entity_key("Olive Growers Union") == "olive-growers-union"
    assert entity_key("SOL") == "olive-growers-union"


def test_an_edited_alias_file_is_read_again(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import os

    aliases = tmp_path / "aliases.toml"
    aliases.write_text('[[entity]]\nnames = ["Alpha Front", "AF"]\n', encoding="utf-8")
    monkeypatch.setenv(ALIASES_ENV, str(aliases))
    assert entity_key("Beta Front") == "beta-front"
    aliases.write_text('[[entity]]\nnames = ["Alpha Front", "Beta Front"]\n', encoding="utf-8")
    os.utime(aliases, (1_700_000_000, 1_700_000_000))
    assert entity_key("Beta Front") == "alpha-front"


@pytest.mark.parametrize(
    "content",
    ['[[entity]]\nnames = "not a list"\n', "entity = 3\n", "[[entity\n"],
)
def test_a_malformed_alias_file_is_a_usage_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, content: str) -> None:
    aliases = tmp_path / "bad.toml"
    aliases.write_text(content, encoding="utf-8")
    monkeypatch.setenv(ALIASES_ENV, str(aliases))
    with pytest.raises(UsageError):
        entity_key("Anything")


def test_a_missing_alias_file_is_a_usage_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ALIASES_ENV, str(tmp_path / "absent.toml"))
    with pytest.raises(UsageError, match="cannot read"):
        entity_key("Anything")
