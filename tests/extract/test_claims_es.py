"""Spanish: one row per rule of shared/spec/claims.md §1–§4, on sentences written for these tests.

Each row gives a text and the claims expected from it (only the fields named are compared;
every claim found must be listed, in order). The document's date is 2024-03-15 (a Friday)
unless a row says otherwise.
"""

from __future__ import annotations

from typing import Any

import pytest
from claims_i18n import HAS_SHARED, check, claims_of, dev_score

LANG = "es"

# §1 numbers: separators, words, millions with a decimal comma; metrics and groups -------------
NUMBERS = [
    ("La milicia libera a 12 rehenes y el gobierno excarcela a 30 presos palestinos.", [{"value": 12, "metric": "hostages_released"}, {"value": 30, "metric": "prisoners_released"}]),
    ("Los atacantes asesinaron a cerca de 900 personas.", [{"value": 900, "metric": "killed", "bound": "nearly"}]),
    ("Más de 800 personas han muerto cuando intentaban conseguir comida.", [{"value": 800, "metric": "killed_aid_seekers", "bound": "over"}]),
    ("Unas 50.000 personas siguen sin poder volver a sus casas.", [{"value": 50000, "metric": "displaced", "bound": "about"}]),
    ("Al menos 90 personas siguen en manos de la milicia.", [{"value": 90, "metric": "hostages", "bound": "at_least"}]),
    ("Las autoridades sanitarias cifran en 12.457 las personas asesinadas.", [{"value": 12457, "metric": "killed"}]),
    ("Hasta ahora 31 272 personas han muerto en el territorio.", [{"value": 31272, "metric": "killed"}]),
    ("Hasta ahora 31\u202f272 personas han muerto en el territorio.", [{"value": 31272, "metric": "killed"}]),
    ("Unos 1,7 millones de personas han sido desplazadas.", [{"value": 1700000, "metric": "displaced", "bound": "about"}]),
    ("La ONU calcula que 2,3 millones de personas viven en la franja.", [{"value": 2300000, "metric": "population"}]),
    ("Veinte mil personas han muerto desde que empezó la guerra.", [{"value": 20000, "metric": "killed"}]),
    ("Cuarenta y dos mil personas resultaron heridas.", [{"value": 42000, "metric": "injured"}]),
    ("Casi dos millones y medio de personas viven hacinadas.", [{"value": 2500000, "metric": "population", "bound": "nearly"}]),
    ("Medio millón de personas pasan hambre.", [{"value": 500000, "metric": "food_insecure"}]),
    ("Al menos 8,500 personas murieron en los bombardeos.", [{"value": 8500, "metric": "killed", "bound": "at_least"}]),
    ("El ministerio contabiliza 64 periodistas asesinados.", [{"value": 64, "metric": "killed_press"}]),
    ("Un total de 310 trabajadores sanitarios han muerto.", [{"value": 310, "metric": "killed_medical"}]),
    ("Más de 150 trabajadores humanitarios han perdido la vida.", [{"value": 150, "metric": "killed_aid", "bound": "over"}]),
    ("Otras 2.310 personas siguen desaparecidas bajo los escombros.", [{"value": 2310, "metric": "missing"}]),
    ("El ejército reconoce que 512 soldados han muerto.", [{"value": 512, "metric": "killed_soldiers"}]),
    ("Unos 3.000 palestinos han sido detenidos en Cisjordania.", [{"value": 3000, "metric": "detained", "place": "west_bank"}]),
    ("Hamás mantiene a 130 rehenes.", [{"value": 130, "metric": "hostages"}]),
    ("Cerca del 70% de las viviendas han sido destruidas.", [{"value": 70, "unit": "percent", "metric": "destroyed_housing"}]),
    ("Al menos 40 mezquitas han sido destruidas.", [{"value": 40, "metric": "destroyed_mosques", "unit": "items"}]),
    ("Doce hospitales están fuera de servicio.", [{"value": 12, "metric": "hospitals_out_of_service"}]),
    ("Las autoridades afirman que 28 personas han muerto de hambre.", [{"value": 28, "metric": "killed_starvation"}]),
    ("Solo 76 camiones de ayuda entraron el martes.", [{"value": 76, "metric": "aid_trucks"}]),
    ("El llamamiento pide 2.800 millones de dólares.", [{"value": 2800000000, "unit": "usd", "metric": "other"}]),
    ("Los bombardeos dejaron 300 muertos y heridos.", [{"value": 300, "metric": "other", "quote": "300 muertos y heridos"}]),
    ("Israel ha perdido 250 soldados desde el inicio de la ofensiva terrestre.", [{"value": 250, "metric": "killed_soldiers"}]),
    ("Según el ejército, unos 9.000 de esos muertos eran milicianos.", [{"value": 9000, "metric": "killed_combatants"}]),
    ("La cifra de muertos asciende ya a 40.000 y la de heridos a 90.000.", [{"value": 40000, "metric": "killed"}, {"value": 90000, "metric": "injured"}]),
    ("Las milicias entregaron a 13 rehenes y cuatro ciudadanos extranjeros.", [{"value": 13, "metric": "hostages_released"}, {"value": 4, "metric": "hostages_released"}]),
    ("Los bulldozers destruyeron 23 viviendas en el campo.", [{"value": 23, "metric": "destroyed_housing"}]),
    ("En mayo entraron 60 camiones diarios, frente a unos 500 al día antes de la guerra.", [{"value": 60, "metric": "aid_trucks"}, {"value": 500, "metric": "aid_trucks", "bound": "about"}]),
    ("Hamás mantiene secuestradas a más de 120 personas.", [{"value": 120, "metric": "hostages", "scope": "static"}]),
    # a verb right after the number is no unknown noun: the number counts people
    ("Unos 470.000 sufren ya hambre catastrófica.", [{"value": 470000, "metric": "food_insecure", "bound": "about"}]),
    # "de dos años" after an age word is an age, not two years of war
    ("Uno de cada seis niños menores de dos años sufre desnutrición aguda.", [{"value": 16.67, "metric": "other", "as_of": "2024-03-15"}]),
    ("España aporta 30 millones de euros para la población de Gaza.", [{"value": 30000000, "metric": "other", "unit": "eur"}]),
    # a story told on in the preterite keeps the day named before it
    ("El 7 de octubre de 2023, unos 3.000 milicianos cruzaron la valla. Se llevaron a la Franja a 252 rehenes.", [{"value": 3000}, {"value": 252, "metric": "hostages", "as_of": "2023-10-07"}]),
    ("Israel ha devuelto 150 cuerpos de palestinos.", [{"value": 150, "metric": "other"}]),
    ("Más de 400 cuerpos han sido rescatados de las ruinas.", [{"value": 400, "metric": "other"}]),
    ("Los soldados arrestaron a unas 25 personas en el campo.", [{"value": 25, "metric": "detained", "bound": "about"}]),
    ("Desde enero, 64 palestinos han caído bajo el fuego de soldados o colonos.", [{"value": 64, "metric": "killed"}]),
    ("Los equipos han exhumado cerca de 400 cuerpos.", [{"value": 400, "metric": "other"}]),
]


@pytest.mark.parametrize("text,expected", NUMBERS)
def test_numbers_and_metrics(text: str, expected: list[dict[str, Any]]) -> None:
    check(text, LANG, expected)


# §1 what is not a claim ------------------------------------------------------------------------
NOT_CLAIMS = [
    "Entre el 2 y el 18 de abril, el convoy estuvo bloqueado.",
    "Contacto de prensa: 915 123 456.",
    "La vacuna contra la polio de tipo 2 se administró en el sur.",
    "El asedio dura ya 150 días.",
    "Tras una ocupación de 75 años, el pueblo resiste.",
    "El Consejo aprobó la resolución 2728 el 25 de marzo de 2024.",
    "Los crímenes de 1948 y 1967 siguen presentes.",
    "Miles de personas salieron a las calles.",
    "Cientos de miles de reservistas fueron movilizados.",
    "El comunicado se leyó a las 18:00 en la plaza.",
    "Un niño de 12 años figuraba entre las víctimas.",
    "Es el peor ataque desde la Segunda Guerra Mundial.",
    "Es la 3ª vez que ocurre.",
    "Un bombardeo alcanzó la escuela.",
    "La cifra de muertos podría alcanzar los dos millones si continúa el asedio.",
]


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_not_claims(text: str) -> None:
    assert claims_of(text, LANG) == [], text


# §1 conventions ---------------------------------------------------------------------------------
CONVENTIONS = [
    # the number's own word is the event: the objects after it are not what it counts
    ("Más de 100 muertos en ataques en el centro de Gaza.", [{"value": 100, "metric": "killed", "bound": "over"}]),
    # a bound before the article of a percentage
    ("Cerca del 85 % de la población ha sido desplazada.", [{"value": 85, "metric": "displaced", "bound": "nearly"}]),
    ("Más del 70 % de las viviendas han sido destruidas.", [{"value": 70, "metric": "destroyed_housing", "bound": "over"}]),
    # the Hamas attack on Israel, named without its date, is the attack of 7 October 2023
    ("En el ataque de Hamás contra Israel murieron unas 1.200 personas.", [{"value": 1200, "metric": "killed", "place": "israel", "as_of": "2023-10-07", "scope": "total"}]),
    ("Alrededor del 90 % de la población, 1,9 millones de personas, se ha visto obligada a desplazarse.", [{"value": 90, "metric": "displaced"}, {"value": 1900000, "metric": "displaced"}]),
    ("Más de 38.000 personas han muerto, según las autoridades sanitarias.", [{"value": 38000, "metric": "killed", "source": "autoridades"}]),
    # a day's count told in the tense of news, and the running total it brings the toll to
    ("Al menos 45 personas murieron el lunes, según el ministerio, que eleva el balance total de muertos a 31.184.", [{"value": 45, "scope": "period", "as_of": "2024-03-11"}, {"value": 31184, "metric": "killed", "scope": "total"}]),
    # an addition after the number ("N more") and a date singled out ("in February alone"): spans
    ("Solo en febrero murieron 340 personas en la Franja.", [{"value": 340, "metric": "killed", "scope": "period", "period": ["2024-02-01", "2024-02-29"]}]),
    ("El ministerio informó de 45 muertos más en las últimas horas.", [{"value": 45, "metric": "killed", "scope": "period"}]),
    (
        "El ministerio informó de 9.061 muertos, entre ellos 3.760 niños y 2.326 mujeres.",
        [{"value": 9061, "metric": "killed"}, {"value": 3760, "metric": "killed_children"}, {"value": 2326, "metric": "killed_women"}],
    ),
    (
        "Más de 8.500 personas han perdido la vida, de las cuales 3.450 son menores de edad.",
        [{"value": 8500, "metric": "killed", "bound": "over"}, {"value": 3450, "metric": "killed_children", "bound": "exact"}],
    ),
    (
        "Al menos 30.000 personas murieron y 70.000 resultaron heridas.",
        [{"value": 30000, "bound": "at_least", "metric": "killed"}, {"value": 70000, "bound": "exact", "metric": "injured"}],
    ),
    ("Unos 9.000 mujeres y niños han muerto.", [{"value": 9000, "metric": "other"}]),
    (
        "Casi la mitad de los 2,2 millones de habitantes han huido.",
        [{"value": 50, "unit": "percent", "metric": "displaced", "bound": "nearly"}, {"value": 2200000, "metric": "population"}],
    ),
    ("Otras 1.500 personas resultaron heridas durante el fin de semana.", [{"value": 1500, "bound": "exact", "scope": "period", "metric": "injured"}]),
    ("Entre 30 y 40 camiones entran cada día.", [{"value": 30, "value_max": 40, "scope": "rate", "metric": "aid_trucks"}]),
    ("Uno de cada cinco niños sufre desnutrición.", [{"value": 20, "unit": "percent"}]),
]


@pytest.mark.parametrize("text,expected", CONVENTIONS)
def test_conventions(text: str, expected: list[dict[str, Any]]) -> None:
    check(text, LANG, expected)


# §2 bounds ----------------------------------------------------------------------------------------
BOUNDS = [
    ("Más de 1.000 personas fueron detenidas.", "over"),
    ("La cifra de detenidos ha superado los 1.000.", "over"),
    ("1.000 o más personas fueron detenidas.", "over"),
    ("Al menos 1.000 personas fueron detenidas.", "at_least"),
    ("Por lo menos 1.000 personas fueron detenidas.", "at_least"),
    ("Unas 1.000 personas fueron detenidas.", "about"),
    ("Alrededor de 1.000 personas fueron detenidas.", "about"),
    ("Aproximadamente 1.000 personas fueron detenidas.", "about"),
    ("Casi 1.000 personas fueron detenidas.", "nearly"),
    ("Cerca de 1.000 personas fueron detenidas.", "nearly"),
    ("Menos de 1.000 personas fueron detenidas.", "under"),
    ("Hasta 1.000 personas fueron detenidas.", "up_to"),
    ("1.000 personas fueron detenidas.", "exact"),
]


@pytest.mark.parametrize("text,bound", BOUNDS)
def test_bounds(text: str, bound: str) -> None:
    found = claims_of(text, LANG)
    assert [(c["bound"], c["value"], c["metric"]) for c in found] == [(bound, 1000, "detained")]


# §2 place -----------------------------------------------------------------------------------------
PLACES = [
    ("Al menos 500 palestinos han muerto en Cisjordania.", "west_bank"),
    ("Los ataques contra el Líbano han matado a 3.100 personas.", "lebanon"),
    ("En Israel, 1.200 personas murieron.", "israel"),
    ("Se han registrado unos 600 ataques contra la atención sanitaria en Gaza y Cisjordania.", "opt"),
    ("Unas 300 personas murieron el domingo en Rafah.", "rafah"),
    ("En el norte de Gaza, 200.000 personas siguen atrapadas.", "north_gaza"),
    ("Más de 30.000 personas han muerto en la Franja de Gaza.", "gaza"),
]


@pytest.mark.parametrize("text,place", PLACES)
def test_places(text: str, place: str) -> None:
    assert [c["place"] for c in claims_of(text, LANG)] == [place]


# §4 as_of -----------------------------------------------------------------------------------------
AS_OF = [
    ("Desde que la fundación comenzó a repartir comida, el 27 de mayo, más de 600 personas han muerto.", "2025-07-01", "2025-07-01"),
    ("A fecha de 20 de febrero de 2024, 29.313 personas habían muerto en Gaza.", "2024-03-15", "2024-02-20"),
    ("El 10 de marzo, el ministerio contabilizó 31.045 muertos.", "2024-03-15", "2024-03-10"),
    ("Cuarenta días después del inicio de la guerra, 11.500 personas habían muerto.", None, "2023-11-16"),
    ("Tras 26 días de conflicto, más de 8.500 personas han muerto.", None, "2023-11-02"),
    ("Han pasado cinco meses desde el comienzo de la guerra y 31.000 personas han muerto.", None, "2024-03"),
    ("Más de 31.000 personas han muerto.", "2024-03-15", "2024-03-15"),
    ("Hoy son ya 31.000 los muertos.", "2024-03", "2024-03"),
    ("El ministerio dijo el lunes que 31.045 personas han muerto.", "2024-03-15", "2024-03-11"),
    ("El día 7 de este mes murieron 300 personas.", "2024-03-15", "2024-03-07"),
]


@pytest.mark.parametrize("text,date,as_of", AS_OF)
def test_as_of(text: str, date: str | None, as_of: str) -> None:
    assert [c["as_of"] for c in claims_of(text, LANG, date)] == [as_of]


# §2 source ----------------------------------------------------------------------------------------
SOURCES = [
    ("Según el Ministerio de Salud, 31.819 personas han muerto.", "Ministerio de Salud"),
    ("Unos 400 camiones de ayuda entraron la semana pasada, informó la UNRWA.", "UNRWA"),
    ("De acuerdo con la Oficina de Coordinación de Asuntos Humanitarios, 1,7 millones de personas están desplazadas.", "Oficina de Coordinación de Asuntos Humanitarios"),
]


@pytest.mark.parametrize("text,source", SOURCES)
def test_sources(text: str, source: str) -> None:
    assert [c["source"] for c in claims_of(text, LANG)] == [source]


@pytest.mark.skipif(not HAS_SHARED, reason="../shared is not here")
def test_development_document_meets_the_floor() -> None:
    result = dev_score("h033")
    assert result["language"] == LANG
    assert result["f1"] >= 0.9
    assert result["bound_agreement"] >= 0.9


def test_the_offensive_is_the_war_not_an_event_told_before() -> None:
    text = "El viernes, un ataque contra una escuela mató a 9 personas.\n\nLa ofensiva israelí ha causado ya más de 14.000 muertos."
    found = claims_of(text, LANG, "2023-11-20")
    assert [(c["value"], c["as_of"]) for c in found] == [(9, "2023-11-17"), (14000, "2023-11-20")]
