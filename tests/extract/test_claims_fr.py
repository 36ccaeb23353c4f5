"""French: one row per rule of shared/spec/claims.md §1–§4, on sentences written for these tests.

Each row gives a text and the claims expected from it (only the fields named are compared;
every claim found must be listed, in order). The document's date is 2024-03-15 (a Friday)
unless a row says otherwise.
"""

from __future__ import annotations

from typing import Any

import pytest
from claims_i18n import HAS_SHARED, check, claims_of, dev_score

LANG = "fr"

# §1 numbers: separators, words, millions with a decimal comma; metrics and groups -------------
NUMBERS = [
    ("La milice a remis 9 otages à la Croix-Rouge et Israël a libéré 27 prisonniers palestiniens.", [{"value": 9, "metric": "hostages_released"}, {"value": 27, "metric": "prisoners_released"}]),
    ("Plus de 500 personnes sont mortes en tentant d'obtenir de la nourriture.", [{"value": 500, "metric": "killed_aid_seekers", "bound": "over"}]),
    ("Les autorités sanitaires font état de 12 457 personnes tuées.", [{"value": 12457, "metric": "killed"}]),
    ("À ce jour, 31\u202f272 personnes sont mortes dans le territoire.", [{"value": 31272, "metric": "killed"}]),
    ("À ce jour, 31\u00a0272 personnes sont mortes dans le territoire.", [{"value": 31272, "metric": "killed"}]),
    ("Quelque 1,7 million de personnes ont été déplacées.", [{"value": 1700000, "metric": "displaced", "bound": "about"}]),
    ("L'ONU estime que 2,3 millions de personnes vivent dans l'enclave.", [{"value": 2300000, "metric": "population"}]),
    ("Quarante mille personnes ont été tuées depuis le début de la guerre.", [{"value": 40000, "metric": "killed"}]),
    ("Vingt-deux mille personnes ont été blessées.", [{"value": 22000, "metric": "injured"}]),
    ("Près de deux millions et demi de personnes vivent entassées.", [{"value": 2500000, "metric": "population", "bound": "nearly"}]),
    ("Le ministère recense 64 journalistes tués.", [{"value": 64, "metric": "killed_press"}]),
    ("Au total, 310 soignants ont été tués.", [{"value": 310, "metric": "killed_medical"}]),
    ("Plus de 150 travailleurs humanitaires ont perdu la vie.", [{"value": 150, "metric": "killed_aid", "bound": "over"}]),
    ("Quelque 2 310 personnes sont portées disparues sous les décombres.", [{"value": 2310, "metric": "missing"}]),
    ("L'armée reconnaît que 512 soldats ont été tués.", [{"value": 512, "metric": "killed_soldiers"}]),
    ("Quelque 3 000 Palestiniens ont été arrêtés en Cisjordanie.", [{"value": 3000, "metric": "detained", "place": "west_bank"}]),
    ("Le Hamas détient encore 130 otages.", [{"value": 130, "metric": "hostages"}]),
    ("Environ 70 % des logements ont été détruits.", [{"value": 70, "unit": "percent", "metric": "destroyed_housing", "bound": "about"}]),
    ("Au moins 40 mosquées ont été détruites.", [{"value": 40, "metric": "destroyed_mosques", "unit": "items"}]),
    ("Douze hôpitaux sont hors service.", [{"value": 12, "metric": "hospitals_out_of_service"}]),
    ("Les autorités affirment que 28 personnes sont mortes de faim.", [{"value": 28, "metric": "killed_starvation"}]),
    ("Seuls 76 camions d'aide sont entrés mardi.", [{"value": 76, "metric": "aid_trucks"}]),
    ("L'appel porte sur 2,8 milliards de dollars.", [{"value": 2800000000, "unit": "usd", "metric": "other"}]),
    ("Au moins 300 personnes ont été tuées ou blessées dans la nuit.", [{"value": 300, "metric": "other"}]),
    ("L'armée a perdu 250 soldats depuis le début de l'offensive terrestre.", [{"value": 250, "metric": "killed_soldiers"}]),
    ("Selon l'armée, quelque 9 000 des morts étaient des combattants.", [{"value": 9000, "metric": "killed_combatants"}]),
    ("Le bilan des morts s'élève à 40 000 et celui des blessés à 90 000.", [{"value": 40000, "metric": "killed"}, {"value": 90000, "metric": "injured"}]),
    ("Au total, 163 soignants, dont des ambulanciers et des infirmiers, ont été tués.", [{"value": 163, "metric": "killed_medical"}]),
    ("Les frappes ont touché 40 écoles, et 210 ambulances ont été détruites ou endommagées.", [{"value": 40}, {"value": 210, "metric": "other"}]),
    ("En mai, 906 camions sont passés par le point de passage, soit moins de 50 par jour.", [{"value": 906, "metric": "aid_trucks"}, {"value": 50, "metric": "aid_trucks", "bound": "under", "scope": "rate"}]),
    ("Sur les 250 personnes enlevées, 120 sont toujours retenues, dont 35 sont mortes.", [{"value": 250}, {"value": 120, "metric": "hostages"}, {"value": 35, "metric": "other"}]),
    ("Parmi les victimes figurent au moins 23 femmes, enfants et personnes âgées.", [{"value": 23, "metric": "other", "bound": "at_least"}]),
    ("Plus de 2 600 personnes ont été abattues alors qu'elles attendaient un sac de farine.", [{"value": 2600, "metric": "killed_aid_seekers"}]),
    ("Quelque 40 000 habitants des camps sont toujours chassés de chez eux.", [{"value": 40000, "metric": "displaced"}]),
    ("Gaza compte 2,3 millions d'habitants.", [{"value": 2300000, "metric": "population"}]),
    # a camp's people are no territory's population (eval_fresh2 decision 5): other
    ("Le camp compte quelque 23 000 habitants.", [{"value": 23000, "metric": "other", "bound": "about"}]),
    ("Parmi eux, 666 ont été tués par les forces israéliennes et 12 par des colons.", [{"value": 666, "metric": "other"}, {"value": 12, "metric": "other"}]),
    ("Au moins 199 otages sont aujourd'hui détenus à Gaza.", [{"value": 199, "metric": "hostages", "scope": "static"}]),
    ("Le 7 octobre, 260 jeunes ont été abattus lors d'un festival de musique.", [{"value": 260, "metric": "killed"}]),
    ("Les attaques ont coûté la vie à quelque 1 200 personnes et 253 personnes ont été emmenées en otage à Gaza.", [{"value": 1200, "metric": "killed"}, {"value": 253, "metric": "hostages"}]),
    ("Au total, 492 membres du personnel de santé ont perdu la vie.", [{"value": 492, "metric": "killed_medical"}]),
    ("La famine a déjà fait 461 morts.", [{"value": 461, "metric": "killed_starvation"}]),
]


@pytest.mark.parametrize("text,expected", NUMBERS)
def test_numbers_and_metrics(text: str, expected: list[dict[str, Any]]) -> None:
    check(text, LANG, expected)


# §1 what is not a claim ------------------------------------------------------------------------
NOT_CLAIMS = [
    "L'entrepôt contient de quoi nourrir 200 000 personnes pendant un mois.",
    "Renseignements : bureau de presse, tél. +33 1 45 67 89 10 (voir le rapport, p. 12).",
    "Le feu a pris vers 21 h 30 dans le camp.",
    "Entre le 3 et le 19 avril, le convoi a été bloqué.",
    "La ligne verte 1515 répond 24 heures sur 24, 7 jours sur 7.",
    "Le siège dure depuis 150 jours.",
    "Après 75 ans d'occupation, le peuple résiste.",
    "Le Conseil a adopté la résolution 2728 le 25 mars 2024.",
    "Les crimes de 1948 et de 1967 restent dans les mémoires.",
    "Des milliers de personnes ont manifesté.",
    "Des centaines de milliers de réservistes ont été mobilisés.",
    "La déclaration a été lue à 18:00 sur la place.",
    "Une fillette de 6 ans figure parmi les victimes.",
    "C'est la pire attaque depuis la Seconde Guerre mondiale.",
    "Un bombardement a touché l'école.",
    "Le bilan pourrait atteindre deux millions si le siège continue.",
    "Collectif pour la paix – 12, rue des Lilas, 75011 Paris",
]


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_not_claims(text: str) -> None:
    assert claims_of(text, LANG) == [], text


# §1 conventions ---------------------------------------------------------------------------------
CONVENTIONS = [
    # a dateline's date is the report's; a count since the war began stays a total
    (
        "Genève, 14 mars 2024 (AFP) - Plus de 31 000 personnes ont été tuées depuis le début de la guerre, a annoncé jeudi le ministère.",
        [{"value": 31000, "metric": "killed", "scope": "total", "as_of": "2024-03-14"}],
    ),
    # one span for counts that share a verb's time
    (
        "Au cours des dernières 24 heures, 81 personnes ont été tuées et 132 blessées.",
        [{"value": 81, "scope": "period", "period": ["2024-03-14", "2024-03-15"]}, {"value": 132, "metric": "injured", "scope": "period", "period": ["2024-03-14", "2024-03-15"]}],
    ),
    # the Hamas attack on Israel, named without its date, is the attack of 7 October 2023
    ("Lors de l'attaque du Hamas contre Israël, quelque 1 200 personnes ont été tuées.", [{"value": 1200, "metric": "killed", "place": "israel", "as_of": "2023-10-07", "scope": "total"}]),
    # a day's count told in the tense of news, and the running total it brings the toll to
    ("Au moins 23 personnes ont été tuées mercredi dans des frappes, a annoncé jeudi le ministère, portant à plus de 1 900 le nombre de morts.", [{"value": 23, "scope": "period", "as_of": "2024-03-13"}, {"value": 1900, "metric": "killed", "scope": "total", "as_of": "2024-03-14"}]),
    ("L'armée a indiqué que huit soldats avaient été tués mercredi.", [{"value": 8, "metric": "killed_soldiers", "scope": "period", "period": ["2024-03-13", "2024-03-13"]}]),
    # an addition after the number ("N more") and a date singled out ("in February alone"): spans
    ("Le ministère a annoncé 210 morts de plus dans la journée.", [{"value": 210, "metric": "killed", "scope": "period"}]),
    ("Rien qu'en février, 340 personnes ont été tuées.", [{"value": 340, "scope": "period", "period": ["2024-02-01", "2024-02-29"]}]),
    ("Le ministère a fait état de 1 200 morts, et 3 400 blessés supplémentaires.", [{"value": 1200, "scope": "total"}, {"value": 3400, "metric": "injured", "scope": "total"}]),
    (
        "Le ministère a recensé 9 061 morts, dont 3 760 enfants et 2 326 femmes.",
        [{"value": 9061, "metric": "killed"}, {"value": 3760, "metric": "killed_children"}, {"value": 2326, "metric": "killed_women"}],
    ),
    (
        "Au moins 30 000 personnes ont été tuées et 70 000 ont été blessées.",
        [{"value": 30000, "bound": "at_least", "metric": "killed"}, {"value": 70000, "bound": "exact", "metric": "injured"}],
    ),
    ("Quelque 9 000 femmes et enfants ont été tués.", [{"value": 9000, "metric": "other"}]),
    (
        "Près de la moitié des 2,2 millions d'habitants ont fui.",
        [{"value": 50, "unit": "percent", "metric": "displaced", "bound": "nearly"}, {"value": 2200000, "metric": "population"}],
    ),
    ("Entre 30 et 40 camions entrent chaque jour.", [{"value": 30, "value_max": 40, "scope": "rate", "metric": "aid_trucks"}]),
    (
        "Les 12 000 enfants morts dans des conflits à travers le monde depuis 2019.",
        [{"value": 12000, "metric": "other", "place": None}],
    ),
]


@pytest.mark.parametrize("text,expected", CONVENTIONS)
def test_conventions(text: str, expected: list[dict[str, Any]]) -> None:
    check(text, LANG, expected)


# §2 bounds ----------------------------------------------------------------------------------------
BOUNDS = [
    ("Plus de 1 000 personnes ont été arrêtées.", "over"),
    ("Le nombre de personnes arrêtées a dépassé 1 000.", "over"),
    ("Au moins 1 000 personnes ont été arrêtées.", "at_least"),
    ("Environ 1 000 personnes ont été arrêtées.", "about"),
    ("Quelque 1 000 personnes ont été arrêtées.", "about"),
    ("Près de 1 000 personnes ont été arrêtées.", "nearly"),
    ("Presque 1 000 personnes ont été arrêtées.", "nearly"),
    ("Moins de 1 000 personnes ont été arrêtées.", "under"),
    ("Jusqu'à 1 000 personnes ont été arrêtées.", "up_to"),
    ("1 000 personnes ont été arrêtées.", "exact"),
]


@pytest.mark.parametrize("text,bound", BOUNDS)
def test_bounds(text: str, bound: str) -> None:
    found = claims_of(text, LANG)
    assert [(c["bound"], c["value"], c["metric"]) for c in found] == [(bound, 1000, "detained")]


# §2 place -----------------------------------------------------------------------------------------
PLACES = [
    ("Au moins 500 Palestiniens ont été tués en Cisjordanie.", "west_bank"),
    ("Les frappes sur le Liban ont tué 3 100 personnes.", "lebanon"),
    ("En Israël, 1 200 personnes ont été tuées.", "israel"),
    ("Quelque 300 personnes ont été tuées dimanche à Rafah.", "rafah"),
    ("Dans le nord de Gaza, 200 000 personnes restent piégées.", "north_gaza"),
    ("Plus de 30 000 personnes ont été tuées dans la bande de Gaza.", "gaza"),
]


@pytest.mark.parametrize("text,place", PLACES)
def test_places(text: str, place: str) -> None:
    assert [c["place"] for c in claims_of(text, LANG)] == [place]


# §4 as_of -----------------------------------------------------------------------------------------
AS_OF = [
    ("Au 20 février 2024, 29 313 personnes avaient été tuées à Gaza.", "2024-03-15", "2024-02-20"),
    ("Le ministère a annoncé, mercredi 13 mars, un bilan de 31 100 personnes tuées.", "2024-03-15", "2024-03-13"),
    ("Le 10 mars, le ministère a recensé 31 045 morts.", "2024-03-15", "2024-03-10"),
    ("Quarante jours après le début de la guerre, 11 500 personnes avaient été tuées.", None, "2023-11-16"),
    ("Plus de 31 000 personnes ont été tuées.", "2024-03-15", "2024-03-15"),
    ("Aujourd'hui, on compte 31 000 morts.", "2024-03", "2024-03"),
    ("Le ministère a indiqué lundi que 31 045 personnes ont été tuées.", "2024-03-15", "2024-03-11"),
]


@pytest.mark.parametrize("text,date,as_of", AS_OF)
def test_as_of(text: str, date: str | None, as_of: str) -> None:
    assert [c["as_of"] for c in claims_of(text, LANG, date)] == [as_of]


# §2 source ----------------------------------------------------------------------------------------
SOURCES = [
    ("Selon le ministère de la Santé, 31 819 personnes ont été tuées.", "ministère de la Santé"),
    ("Le ministère de la Santé a annoncé que 31 819 personnes ont été tuées.", "ministère de la Santé"),
    ("D'après l'Unrwa, 400 camions sont entrés la semaine dernière.", "Unrwa"),
]


@pytest.mark.parametrize("text,source", SOURCES)
def test_sources(text: str, source: str) -> None:
    assert [c["source"] for c in claims_of(text, LANG)] == [source]


@pytest.mark.skipif(not HAS_SHARED, reason="../shared is not here")
def test_development_document_meets_the_floor() -> None:
    result = dev_score("h031")
    assert result["language"] == LANG
    assert result["f1"] >= 0.9
    assert result["bound_agreement"] >= 0.9
