"""German: one row per rule of shared/spec/claims.md §1–§4, on sentences written for these tests.

Each row gives a text and the claims expected from it (only the fields named are compared;
every claim found must be listed, in order). The document's date is 2024-03-15 (a Friday)
unless a row says otherwise.
"""

from __future__ import annotations

from typing import Any

import pytest
from claims_i18n import HAS_SHARED, check, claims_of, dev_score

LANG = "de"

# §1 numbers: separators, words (one-word compounds), millions with a decimal comma; metrics ----
NUMBERS = [
    ("Am Abend kamen 14 Verschleppte frei, im Austausch gegen 42 palästinensische Häftlinge.", [{"value": 14, "metric": "hostages_released"}, {"value": 42, "metric": "prisoners_released"}]),
    ("Noch mindestens 90 Menschen sind in der Gewalt der Miliz.", [{"value": 90, "metric": "hostages", "bound": "at_least"}]),
    ("Die Gesundheitsbehörden zählen 12.457 getötete Menschen.", [{"value": 12457, "metric": "killed"}]),
    ("Bislang sind 31 272 Menschen in dem Gebiet ums Leben gekommen.", [{"value": 31272, "metric": "killed"}]),
    ("Rund 1,7 Millionen Menschen wurden vertrieben.", [{"value": 1700000, "metric": "displaced", "bound": "about"}]),
    ("Nach UN-Angaben leben 2,3 Millionen Menschen in dem Küstenstreifen.", [{"value": 2300000, "metric": "population"}]),
    ("Etwa 2,3 Mio. Menschen leben dort.", [{"value": 2300000, "metric": "population", "bound": "about"}]),
    ("Zwanzigtausend Menschen sind seit Kriegsbeginn gestorben.", [{"value": 20000, "metric": "killed"}]),
    ("Zweiundzwanzigtausend Menschen wurden verletzt.", [{"value": 22000, "metric": "injured"}]),
    ("Fast zweieinhalb Millionen Menschen leben zusammengepfercht.", [{"value": 2500000, "metric": "population", "bound": "nearly"}]),
    ("Eine halbe Million Menschen hungern.", [{"value": 500000, "metric": "food_insecure"}]),
    ("Das Ministerium zählt 64 getötete Journalisten.", [{"value": 64, "metric": "killed_press"}]),
    ("Insgesamt 310 Sanitäter wurden getötet.", [{"value": 310, "metric": "killed_medical"}]),
    ("Mehr als 150 UN-Mitarbeiter haben ihr Leben verloren.", [{"value": 150, "metric": "killed_aid", "bound": "over"}]),
    ("Rund 2.310 Menschen werden unter den Trümmern vermisst.", [{"value": 2310, "metric": "missing"}]),
    ("Die Armee räumt ein, dass 512 Soldaten getötet wurden.", [{"value": 512, "metric": "killed_soldiers"}]),
    ("Etwa 3.000 Palästinenser wurden im Westjordanland festgenommen.", [{"value": 3000, "metric": "detained", "place": "west_bank"}]),
    ("Die Hamas hält noch 130 Geiseln fest.", [{"value": 130, "metric": "hostages"}]),
    ("Mindestens 40 Moscheen wurden zerstört.", [{"value": 40, "metric": "destroyed_mosques", "unit": "items"}]),
    ("Zwölf Krankenhäuser sind außer Betrieb.", [{"value": 12, "metric": "hospitals_out_of_service"}]),
    ("Die Behörden sagen, dass 28 Menschen verhungert sind.", [{"value": 28, "metric": "killed_starvation"}]),
    ("Nur 76 Lastwagen mit Hilfsgütern sind am Dienstag eingefahren.", [{"value": 76, "metric": "aid_trucks"}]),
    ("Der Aufruf beläuft sich auf 2,8 Milliarden US-Dollar.", [{"value": 2800000000, "unit": "usd", "metric": "other"}]),
    ("Die Angriffe forderten 300 Tote und Verletzte.", [{"value": 300, "metric": "other", "quote": "300 Tote und Verletzte"}]),
    ("Die Armee hat seit Beginn der Bodenoffensive 250 Soldaten verloren.", [{"value": 250, "metric": "killed_soldiers"}]),
    ("Nach Angaben der Armee waren rund 9.000 der Toten Kämpfer.", [{"value": 9000, "metric": "killed_combatants"}]),
    ("Das Hilfswerk beklagt den Tod von 35 Mitarbeitern seit Kriegsbeginn.", [{"value": 35, "metric": "killed_aid"}]),
    ("Die Zahl der Toten stieg auf 40.000 und die der Verletzten auf 90.000.", [{"value": 40000, "metric": "killed"}, {"value": 90000, "metric": "injured"}]),
    ("Mehr als 600 Soldaten sind gefallen, 260 von ihnen im Gazastreifen.", [{"value": 600, "metric": "killed_soldiers"}, {"value": 260, "metric": "killed_soldiers"}]),
    ("Die Miliz hält 130 Geiseln fest, mindestens 34 von ihnen sind nicht mehr am Leben.", [{"value": 130, "metric": "hostages"}, {"value": 34, "metric": "other"}]),
    ("Mehr als 60.000 Menschen aus dem Norden leben in Notunterkünften.", [{"value": 60000, "metric": "displaced"}]),
    ("Mehr als eine Million Menschen mussten ihre Häuser verlassen, über 300.000 von ihnen sind nach Syrien geflohen.", [{"value": 1000000, "metric": "displaced"}, {"value": 300000, "metric": "displaced"}]),
    ("Im Gegenzug entließ Israel 200 palästinensische Häftlinge.", [{"value": 200, "metric": "prisoners_released"}]),
    ("Die Miliz hält 120 Geiseln fest; mindestens 41 von ihnen sind nicht mehr am Leben.", [{"value": 120, "metric": "hostages"}, {"value": 41, "metric": "other"}]),
]


@pytest.mark.parametrize("text,expected", NUMBERS)
def test_numbers_and_metrics(text: str, expected: list[dict[str, Any]]) -> None:
    check(text, LANG, expected)


# §1 what is not a claim ------------------------------------------------------------------------
NOT_CLAIMS = [
    "Spenden bitte an: IBAN DE44 5001 0517 5407 3249 31.",
    "Pressestelle, Telefon: +49 30 5000-1234.",
    "Die Zahlen stehen im Bericht auf S. 14.",
    "Die Belagerung dauert seit 150 Tagen an.",
    "Nach 75 Jahren Besatzung leistet das Volk Widerstand.",
    "Der Rat verabschiedete die Resolution 2728 am 25. März 2024.",
    "Die Verbrechen von 1948 und 1967 sind unvergessen.",
    "Tausende Menschen gingen auf die Straße.",
    "Hunderttausende Reservisten wurden mobilisiert.",
    "Die Erklärung wurde um 18:00 Uhr verlesen.",
    "Ein 12-jähriger Junge war unter den Opfern.",
    "Es ist der schwerste Angriff seit dem Zweiten Weltkrieg.",
    "Ein Luftangriff traf die Schule.",
    "Die Zahl der Toten könnte zwei Millionen erreichen, wenn die Belagerung andauert.",
    "Verein für Frieden, Hauptstraße 5, 10115 Berlin",
    "Pressekontakt: Tel. 030 2345 6789",
    "Unser Verein unterstützt seit 2014 die Klinik in der Stadt.",
    "Die Behörde rechnet damit, dass die Zahl der Wartenden bis Ende Mai auf 9.000 steigen könnte.",
    "Das Land nimmt in den kommenden Wochen bis zu 30 kranke Kinder auf.",
    "Die Kosten von voraussichtlich 6 Millionen Euro trägt der Bund.",
]


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_not_claims(text: str) -> None:
    assert claims_of(text, LANG) == [], text


# §1 conventions ---------------------------------------------------------------------------------
CONVENTIONS = [
    # the dot of a day ("seit dem 7. Oktober") ends no sentence: the children are a part of the dead
    (
        "Das Ministerium meldete 8.805 Tote seit dem 7. Oktober, darunter 3.650 Kinder, sowie mehr als 22.000 Verletzte.",
        [{"value": 8805, "metric": "killed"}, {"value": 3650, "metric": "killed_children"}, {"value": 22000, "metric": "injured"}],
    ),
    # a day's toll, the places between the day and the number listed with commas
    (
        "Laut der Behörde wurden am Montag im Süden des Landes, in der Ebene von Marj und im Raum Baalbek 61 Menschen getötet.",
        [{"value": 61, "metric": "killed", "scope": "period", "period": ["2024-03-11", "2024-03-11"]}],
    ),
    # "sollen ... worden sein" reports a claim, it plans nothing
    ("Bei dem Angriff sollen 30 Menschen getötet worden sein.", [{"value": 30, "metric": "killed"}]),
    # the Hamas attack on Israel, named without its date, is the attack of 7 October 2023
    ("Beim Überfall der Hamas auf Israel wurden etwa 1.200 Menschen ermordet.", [{"value": 1200, "metric": "killed", "place": "israel", "as_of": "2023-10-07", "scope": "total"}]),
    # a day's count told in the tense of news, and the running total it brings the toll to
    ("Am Montag wurden 40 Menschen getötet, womit die Zahl der Toten auf 35.091 stieg.", [{"value": 40, "scope": "period"}, {"value": 35091, "metric": "killed", "scope": "total"}]),
    ("Die Zahl der getöteten Palästinenser ist nach Angaben der Behörde auf 35.091 gestiegen.", [{"value": 35091, "metric": "killed", "scope": "total"}]),
    ("In Rafah haben etwa 450.000 Menschen die Stadt verlassen.", [{"value": 450000, "metric": "displaced"}]),
    # an addition after the number ("N more") and a date singled out ("in February alone"): spans
    ("Am Dienstag wurden 85 weitere Menschen getötet.", [{"value": 85, "metric": "killed", "scope": "period", "period": ["2024-03-12", "2024-03-12"]}]),
    ("Allein im Februar wurden 340 Menschen getötet.", [{"value": 340, "scope": "period", "period": ["2024-02-01", "2024-02-29"]}]),
    (
        "Das Ministerium meldete 9.061 Tote, darunter 3.760 Kinder und 2.326 Frauen.",
        [{"value": 9061, "metric": "killed"}, {"value": 3760, "metric": "killed_children"}, {"value": 2326, "metric": "killed_women"}],
    ),
    (
        "Mindestens 30.000 Menschen wurden getötet und 70.000 wurden verletzt.",
        [{"value": 30000, "bound": "at_least", "metric": "killed"}, {"value": 70000, "bound": "exact", "metric": "injured"}],
    ),
    ("Rund 9.000 Frauen und Kinder wurden getötet.", [{"value": 9000, "metric": "other"}]),
    ("Weitere 1.500 Menschen wurden am Wochenende verletzt.", [{"value": 1500, "bound": "exact", "scope": "period", "metric": "injured"}]),
    ("Zwischen 30 und 40 Lastwagen fahren täglich ein.", [{"value": 30, "value_max": 40, "scope": "rate", "metric": "aid_trucks"}]),
    (
        "Fast die Hälfte der 2,2 Millionen Einwohner ist geflohen.",
        [{"value": 50, "unit": "percent", "metric": "displaced", "bound": "nearly"}, {"value": 2200000, "metric": "population"}],
    ),
]


@pytest.mark.parametrize("text,expected", CONVENTIONS)
def test_conventions(text: str, expected: list[dict[str, Any]]) -> None:
    check(text, LANG, expected)


# §2 bounds ----------------------------------------------------------------------------------------
BOUNDS = [
    ("Mehr als 1.000 Menschen wurden festgenommen.", "over"),
    ("Über 1.000 Menschen wurden festgenommen.", "over"),
    ("Mindestens 1.000 Menschen wurden festgenommen.", "at_least"),
    ("Rund 1.000 Menschen wurden festgenommen.", "about"),
    ("Etwa 1.000 Menschen wurden festgenommen.", "about"),
    ("Fast 1.000 Menschen wurden festgenommen.", "nearly"),
    ("Knapp 1.000 Menschen wurden festgenommen.", "nearly"),
    ("Weniger als 1.000 Menschen wurden festgenommen.", "under"),
    ("Bis zu 1.000 Menschen wurden festgenommen.", "up_to"),
    ("1.000 Menschen wurden festgenommen.", "exact"),
]


@pytest.mark.parametrize("text,bound", BOUNDS)
def test_bounds(text: str, bound: str) -> None:
    found = claims_of(text, LANG)
    assert [(c["bound"], c["value"], c["metric"]) for c in found] == [(bound, 1000, "detained")]


# §2 place -----------------------------------------------------------------------------------------
PLACES = [
    ("Mindestens 500 Palästinenser wurden im Westjordanland getötet.", "west_bank"),
    ("Angriffe auf den Libanon haben 3.100 Menschen getötet.", "lebanon"),
    ("In Israel wurden 1.200 Menschen getötet.", "israel"),
    ("Rund 300 Menschen wurden am Sonntag in Rafah getötet.", "rafah"),
    ("Mehr als 30.000 Menschen sind im Gazastreifen ums Leben gekommen.", "gaza"),
]


@pytest.mark.parametrize("text,place", PLACES)
def test_places(text: str, place: str) -> None:
    assert [c["place"] for c in claims_of(text, LANG)] == [place]


# §4 as_of -----------------------------------------------------------------------------------------
AS_OF = [
    ("Bis zum 20. Februar 2024 waren 29.313 Menschen in Gaza getötet worden.", "2024-03-15", "2024-02-20"),
    ("Am 10. März meldete das Ministerium 31.045 Tote.", "2024-03-15", "2024-03-10"),
    ("Vierzig Tage nach Beginn des Krieges waren 11.500 Menschen getötet worden.", None, "2023-11-16"),
    ("Nach 26 Tagen Krieg sind mehr als 8.500 Menschen gestorben.", None, "2023-11-02"),
    ("Mehr als 31.000 Menschen wurden getötet.", "2024-03-15", "2024-03-15"),
    ("Heute sind es 31.000 Tote.", "2024-03", "2024-03"),
    ("Das Ministerium sagte am Montag, 31.045 Menschen seien getötet worden.", "2024-03-15", "2024-03-11"),
    # "nach Angaben" is "according to", not "after": the Monday is the count's own day
    ("Nach Angaben der Behörde wurden am Montag in Tyros 61 Menschen getötet.", "2024-03-15", "2024-03-11"),
    # a day told before dates a story told on in the preterite, a strong verb's too ("warf")
    ("Am Dienstag stürzte ein Lager ein. Ein Kran warf rund 40 Säcke in den Hof.", "2024-03-15", "2024-03-12"),
    # a capitalised word ending in -ten is a noun ("Kosten"), not a preterite: the estimate is the report's
    ("Am Dienstag legte das Schiff an. Die Kosten werden auf rund 90 Millionen Euro geschätzt.", "2024-03-15", "2024-03-15"),
]


@pytest.mark.parametrize("text,date,as_of", AS_OF)
def test_as_of(text: str, date: str | None, as_of: str) -> None:
    assert [c["as_of"] for c in claims_of(text, LANG, date)] == [as_of]


def test_an_ordinal_day_does_not_end_a_sentence() -> None:
    text = "Seit dem 7. Oktober 2023 sind mehr als 15.000 Kinder gestorben."
    assert [(c["value"], c["metric"]) for c in claims_of(text, LANG)] == [(15000, "killed_children")]


# §2 source ----------------------------------------------------------------------------------------
SOURCES = [
    ("Laut dem Gesundheitsministerium wurden 31.819 Menschen getötet.", "Gesundheitsministerium"),
    ("Das Gesundheitsministerium erklärte, 31.819 Menschen seien getötet worden.", "Gesundheitsministerium"),
]


@pytest.mark.parametrize("text,source", SOURCES)
def test_sources(text: str, source: str) -> None:
    assert [c["source"] for c in claims_of(text, LANG)] == [source]


@pytest.mark.skipif(not HAS_SHARED, reason="../shared is not here")
def test_development_document_meets_the_floor() -> None:
    result = dev_score("h040")
    assert result["language"] == LANG
    assert result["f1"] >= 0.9
    assert result["bound_agreement"] >= 0.9
