"""Portuguese: one row per rule of shared/spec/claims.md §1–§4, on sentences written for these tests.

Each row gives a text and the claims expected from it (only the fields named are compared;
every claim found must be listed, in order). The document's date is 2024-03-15 (a Friday)
unless a row says otherwise.
"""

from __future__ import annotations

from typing import Any

import pytest
from claims_i18n import HAS_SHARED, check, claims_of, dev_score

LANG = "pt"

# §1 numbers: separators, words, millions with a decimal comma; metrics and groups -------------
NUMBERS = [
    ("O grupo entregou 21 reféns e Israel libertou 60 prisioneiros palestinianos.", [{"value": 21, "metric": "hostages_released"}, {"value": 60, "metric": "prisoners_released"}]),
    ("A operação já deslocou cerca de 15 mil pessoas.", [{"value": 15000, "metric": "displaced", "bound": "about"}]),
    ("Os homens armados assassinaram 40 civis na aldeia.", [{"value": 40, "metric": "killed"}]),
    ("As autoridades de saúde contabilizam 12.457 pessoas mortas.", [{"value": 12457, "metric": "killed"}]),
    ("Até agora, 31 272 pessoas morreram no território.", [{"value": 31272, "metric": "killed"}]),
    ("Cerca de 1,7 milhões de pessoas foram deslocadas.", [{"value": 1700000, "metric": "displaced", "bound": "about"}]),
    ("A ONU estima que 2,3 milhões de pessoas vivem no enclave.", [{"value": 2300000, "metric": "population"}]),
    ("Vinte mil pessoas morreram desde o início da guerra.", [{"value": 20000, "metric": "killed"}]),
    ("Dois milhões de pessoas foram forçadas a fugir.", [{"value": 2000000, "metric": "displaced"}]),
    ("Quase dois milhões e meio de pessoas vivem amontoadas.", [{"value": 2500000, "metric": "population", "bound": "nearly"}]),
    ("Mais de 30 mil pessoas morreram.", [{"value": 30000, "metric": "killed", "bound": "over"}]),
    ("O ministério contabiliza 64 jornalistas mortos.", [{"value": 64, "metric": "killed_press"}]),
    ("Um total de 310 profissionais de saúde foram mortos.", [{"value": 310, "metric": "killed_medical"}]),
    ("Mais de 150 trabalhadores humanitários perderam a vida.", [{"value": 150, "metric": "killed_aid", "bound": "over"}]),
    ("Cerca de 2.310 pessoas continuam desaparecidas sob os escombros.", [{"value": 2310, "metric": "missing"}]),
    ("O exército reconhece que 512 soldados foram mortos.", [{"value": 512, "metric": "killed_soldiers"}]),
    ("Cerca de 3.000 palestinianos foram detidos na Cisjordânia.", [{"value": 3000, "metric": "detained", "place": "west_bank"}]),
    ("O Hamas ainda mantém 130 reféns.", [{"value": 130, "metric": "hostages"}]),
    ("Pelo menos 40 mesquitas foram destruídas.", [{"value": 40, "metric": "destroyed_mosques", "unit": "items"}]),
    ("Doze hospitais estão fora de serviço.", [{"value": 12, "metric": "hospitals_out_of_service"}]),
    ("As autoridades afirmam que 28 pessoas morreram de fome.", [{"value": 28, "metric": "killed_starvation"}]),
    ("Apenas 76 camiões de ajuda entraram na terça-feira.", [{"value": 76, "metric": "aid_trucks"}]),
    ("Pelo menos 300 pessoas foram mortas ou feridas durante a noite.", [{"value": 300, "metric": "other"}]),
    ("O exército perdeu 250 soldados desde o início da ofensiva terrestre.", [{"value": 250, "metric": "killed_soldiers"}]),
    ("Segundo o exército, cerca de 9.000 dos mortos eram combatentes.", [{"value": 9000, "metric": "killed_combatants"}]),
    ("O ataque deixou 1100 mortos e 240 reféns.", [{"value": 1100, "metric": "killed"}, {"value": 240, "metric": "hostages"}]),
    ("Explosões controladas destruíram 23 edifícios residenciais no campo.", [{"value": 23, "metric": "destroyed_housing"}]),
    ("O grupo mantém 59 reféns, 24 dos quais estão vivos.", [{"value": 59, "metric": "hostages"}, {"value": 24, "metric": "other"}]),
    ("Pelo menos 750 professores foram mortos em Gaza.", [{"value": 750, "metric": "other", "scope": "total"}]),
    ("A guerra já matou mais de 45 mil pessoas, e mais de 17 mil delas eram crianças.", [{"value": 45000, "metric": "killed"}, {"value": 17000, "metric": "killed_children"}]),
    ("Israel libertou em troca 183 presos palestinianos.", [{"value": 183, "metric": "prisoners_released"}]),
    ("Continuam em Gaza 73 reféns.", [{"value": 73, "metric": "hostages", "scope": "static"}]),
    ("A polícia deteve cerca de 450 ativistas.", [{"value": 450, "metric": "detained"}]),
    ("Cerca de 400 mil moradores fugiram para o sul.", [{"value": 400000, "metric": "displaced"}]),
]


@pytest.mark.parametrize("text,expected", NUMBERS)
def test_numbers_and_metrics(text: str, expected: list[dict[str, Any]]) -> None:
    check(text, LANG, expected)


# §1 what is not a claim ------------------------------------------------------------------------
NOT_CLAIMS = [
    "Entre os dias 4 e 20 de maio, o comboio ficou retido.",
    "Contacto de imprensa: tel. +351 21 123 4567.",
    "O cerco dura há 150 dias.",
    "Após 75 anos de ocupação, o povo resiste.",
    "O Conselho aprovou a resolução 2728 a 25 de março de 2024.",
    "Os crimes de 1948 e 1967 continuam na memória.",
    "Milhares de pessoas saíram à rua.",
    "Centenas de milhares de reservistas foram mobilizados.",
    "A declaração foi lida às 18:00 na praça.",
    "Um menino de 12 anos estava entre as vítimas.",
    "É o pior ataque desde a Segunda Guerra Mundial.",
    "Um bombardeamento atingiu a escola.",
    "O número de mortos poderá chegar a dois milhões se o cerco continuar.",
    "Os três homens, de 34, 52 e 56 anos, foram libertados.",
]


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_not_claims(text: str) -> None:
    assert claims_of(text, LANG) == [], text


# §1 conventions ---------------------------------------------------------------------------------
CONVENTIONS = [
    # the number's own word is the event: the objects after it are not what it counts
    ("Mais de 100 mortos em ataques no centro de Gaza.", [{"value": 100, "metric": "killed", "bound": "over"}]),
    # the Hamas attack on Israel, named without its date, is the attack of 7 October 2023
    ("No ataque do Hamas contra Israel morreram cerca de 1.200 pessoas.", [{"value": 1200, "metric": "killed", "place": "israel", "as_of": "2023-10-07", "scope": "total"}]),
    ("O Partido exige o fim imediato dos bombardeamentos e a libertação dos mais de 7.000 presos palestinianos.", [{"value": 7000, "metric": "detained", "bound": "over"}]),
    # a day's count told in the tense of news, and the running total it brings the toll to
    ("A ONU estima que mais de um milhão de pessoas enfrentam níveis catastróficos de fome.", [{"value": 1000000, "metric": "food_insecure"}]),
    ("Pelo menos 30 pessoas foram mortas na segunda-feira, elevando para 37.124 o número de mortos.", [{"value": 30, "scope": "period"}, {"value": 37124, "metric": "killed", "scope": "total"}]),
    # an addition after the number ("N more") and a date singled out ("in February alone"): spans
    ("Só em fevereiro, 340 pessoas foram mortas.", [{"value": 340, "metric": "killed", "scope": "period", "period": ["2024-02-01", "2024-02-29"]}]),
    ("O ministério registou 45 mortos a mais.", [{"value": 45, "metric": "killed", "scope": "period"}]),
    (
        "O ministério registou 9.061 mortos, incluindo 3.760 crianças e 2.326 mulheres.",
        [{"value": 9061, "metric": "killed"}, {"value": 3760, "metric": "killed_children"}, {"value": 2326, "metric": "killed_women"}],
    ),
    (
        "Pelo menos 30.000 pessoas foram mortas e 70.000 ficaram feridas.",
        [{"value": 30000, "bound": "at_least", "metric": "killed"}, {"value": 70000, "bound": "exact", "metric": "injured"}],
    ),
    ("Cerca de 9.000 mulheres e crianças foram mortas.", [{"value": 9000, "metric": "other"}]),
    ("Mais 7.000 pessoas ficaram feridas.", [{"value": 7000, "bound": "exact", "scope": "period", "metric": "injured"}]),
    ("Entre 30 e 40 camiões entram por dia.", [{"value": 30, "value_max": 40, "scope": "rate", "metric": "aid_trucks"}]),
    (
        "Quase metade dos 2,2 milhões de habitantes fugiram.",
        [{"value": 50, "unit": "percent", "metric": "displaced", "bound": "nearly"}, {"value": 2200000, "metric": "population"}],
    ),
]


@pytest.mark.parametrize("text,expected", CONVENTIONS)
def test_conventions(text: str, expected: list[dict[str, Any]]) -> None:
    check(text, LANG, expected)


# §2 bounds ----------------------------------------------------------------------------------------
BOUNDS = [
    ("Mais de 1.000 pessoas foram detidas.", "over"),
    ("O número de detidos ultrapassou os 1.000.", "over"),
    ("Pelo menos 1.000 pessoas foram detidas.", "at_least"),
    ("Cerca de 1.000 pessoas foram detidas.", "about"),
    ("Aproximadamente 1.000 pessoas foram detidas.", "about"),
    ("Quase 1.000 pessoas foram detidas.", "nearly"),
    ("Menos de 1.000 pessoas foram detidas.", "under"),
    ("Até 1.000 pessoas foram detidas.", "up_to"),
    ("1.000 pessoas foram detidas.", "exact"),
]


@pytest.mark.parametrize("text,bound", BOUNDS)
def test_bounds(text: str, bound: str) -> None:
    found = claims_of(text, LANG)
    assert [(c["bound"], c["value"], c["metric"]) for c in found] == [(bound, 1000, "detained")]


# §2 place -----------------------------------------------------------------------------------------
PLACES = [
    ("Pelo menos 500 palestinianos foram mortos na Cisjordânia.", "west_bank"),
    ("Os ataques contra o Líbano mataram 3.100 pessoas.", "lebanon"),
    ("Em Israel, 1.200 pessoas foram mortas.", "israel"),
    ("Cerca de 300 pessoas foram mortas no domingo em Rafah.", "rafah"),
    ("No norte de Gaza, 200.000 pessoas continuam encurraladas.", "north_gaza"),
    ("Mais de 30.000 pessoas foram mortas na Faixa de Gaza.", "gaza"),
]


@pytest.mark.parametrize("text,place", PLACES)
def test_places(text: str, place: str) -> None:
    assert [c["place"] for c in claims_of(text, LANG)] == [place]


# §4 as_of -----------------------------------------------------------------------------------------
AS_OF = [
    ("Em mais de 300 dias de guerra, o exército matou 40.000 pessoas.", "2024-09-20", "2024-09-20"),
    ("A operação militar, iniciada em 21 de janeiro, já deslocou cerca de 30 mil pessoas.", "2025-02-11", "2025-02-11"),
    ("A 20 de fevereiro de 2024, 29.313 pessoas tinham sido mortas em Gaza.", "2024-03-15", "2024-02-20"),
    ("Em 10 de março, o ministério contabilizou 31.045 mortos.", "2024-03-15", "2024-03-10"),
    ("Quarenta dias depois do início da guerra, 11.500 pessoas tinham sido mortas.", None, "2023-11-16"),
    ("Mais de 31.000 pessoas foram mortas.", "2024-03-15", "2024-03-15"),
    ("Hoje há 31.000 mortos.", "2024-03", "2024-03"),
    ("O ministério disse na segunda-feira que 31.045 pessoas foram mortas.", "2024-03-15", "2024-03-11"),
    ("O ataque de 07 deste mês causou a morte de pelo menos 1.300 pessoas.", "2024-03-15", "2024-03-07"),
]


@pytest.mark.parametrize("text,date,as_of", AS_OF)
def test_as_of(text: str, date: str | None, as_of: str) -> None:
    assert [c["as_of"] for c in claims_of(text, LANG, date)] == [as_of]


# §2 source ----------------------------------------------------------------------------------------
SOURCES = [
    ("Segundo o Ministério da Saúde, 31.819 pessoas foram mortas.", "Ministério da Saúde"),
    ("Pelo menos 1.800 pessoas foram mortas, informou hoje o Ministério da Saúde.", "Ministério da Saúde"),
]


@pytest.mark.parametrize("text,source", SOURCES)
def test_sources(text: str, source: str) -> None:
    assert [c["source"] for c in claims_of(text, LANG)] == [source]


@pytest.mark.skipif(not HAS_SHARED, reason="../shared is not here")
def test_development_document_meets_the_floor() -> None:
    result = dev_score("h037")
    assert result["language"] == LANG
    assert result["f1"] >= 0.9
    assert result["bound_agreement"] >= 0.9
